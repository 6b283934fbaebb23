/* parcours-svg-writer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-display-list.h"

G_BEGIN_DECLS

GBytes *parcours_svg_write (ParcoursDisplayList *list,
                            const char          *title,
                            gboolean             transparent);

G_END_DECLS
