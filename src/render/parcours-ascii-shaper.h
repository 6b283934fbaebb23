/* parcours-ascii-shaper.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _ParcoursAsciiShaper ParcoursAsciiShaper;

int                  parcours_ascii_class        (const char                *text,
                                                  gsize                      length);
ParcoursAsciiShaper *parcours_ascii_shaper_new   (PangoItem                 *item,
                                                  int                        ascii_class);
void                 parcours_ascii_shaper_free  (ParcoursAsciiShaper       *self);
const PangoItem     *parcours_ascii_shaper_get_item (const ParcoursAsciiShaper *self);
void                 parcours_ascii_shaper_shape (ParcoursAsciiShaper       *self,
                                                  PangoItem                 *item,
                                                  const char                *text,
                                                  gsize                      length,
                                                  PangoGlyphString          *glyphs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursAsciiShaper, parcours_ascii_shaper_free)

G_END_DECLS
