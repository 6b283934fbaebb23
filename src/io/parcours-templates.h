/* parcours-templates.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-document.h"

G_BEGIN_DECLS

/* The maps a new user starts from: real .parcours files in
 * data/templates/, compiled into the resources and read by the normal
 * loader. A template's name and description are the title and
 * description of its map. */

const char * const *parcours_templates_get_ids (void);
gboolean            parcours_template_exists   (const char  *id);
ParcoursDocument   *parcours_template_load     (const char  *id,
                                                GError     **error);

G_END_DECLS
