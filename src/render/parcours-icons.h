/* parcours-icons.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <librsvg/rsvg.h>

#include "parcours-style.h"

G_BEGIN_DECLS

/* The symbolic icons maps use (channels, key moment), shipped as SVG in the
 * GResource. They are drawn in one colour: "#241f31" in the source is
 * replaced by the wanted colour. */
#define PARCOURS_ICON_INK "#241f31"

char       *parcours_icons_get_svg    (const char         *name,
                                       const ParcoursRgba *color);
RsvgHandle *parcours_icons_get_handle (const char         *name,
                                       const ParcoursRgba *color);
void        parcours_icons_draw       (cairo_t            *cr,
                                       const char         *name,
                                       const ParcoursRgba *color,
                                       double              x,
                                       double              y,
                                       double              size);

G_END_DECLS
