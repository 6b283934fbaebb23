/* parcours-cairo-renderer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "parcours-display-list.h"

G_BEGIN_DECLS

gboolean parcours_cairo_render (ParcoursDisplayList  *list,
                                cairo_t              *cr,
                                const ParcoursRect   *clip,
                                gboolean              paint_background,
                                GError              **error);
gboolean parcours_cairo_render_overview (ParcoursDisplayList  *list,
                                         cairo_t              *cr,
                                         gboolean              paint_background,
                                         GError              **error);
void parcours_cairo_render_range (ParcoursDisplayList *list,
                                  cairo_t             *cr,
                                  guint                first,
                                  guint                n);

G_END_DECLS
