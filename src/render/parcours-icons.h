/* parcours-icons.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-display-list.h"

G_BEGIN_DECLS

/* The symbolic icons maps use (channels, key moment) ship as small SVG
 * files in the GResource. They are read once into plain path segments in
 * a 16 × 16 box, so every backend draws them as ordinary shapes: a PDF
 * with thousands of cards stays small and a canvas needs no SVG renderer. */
typedef struct
{
  gboolean even_odd;
  GArray *segments;     /* ParcoursPathSegment, in 0…16 units */
} ParcoursIconShape;

GPtrArray *parcours_icons_get_shapes (const char *name);

G_END_DECLS
