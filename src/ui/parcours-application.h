/* parcours-application.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARCOURS_TYPE_APPLICATION (parcours_application_get_type())

G_DECLARE_FINAL_TYPE (ParcoursApplication, parcours_application, PARCOURS, APPLICATION, AdwApplication)

ParcoursApplication *parcours_application_new (void);

G_END_DECLS
