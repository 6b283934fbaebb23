/* parcours-default-map.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

#define PARCOURS_DEFAULT_MAP_N_STAGES 5

ParcoursDocument *parcours_default_map_new (void);

G_END_DECLS
