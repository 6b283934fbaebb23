/* parcours-palette.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-canvas.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_PALETTE (parcours_palette_get_type())

G_DECLARE_FINAL_TYPE (ParcoursPalette, parcours_palette, PARCOURS, PALETTE, GtkWidget)

GtkWidget      *parcours_palette_new        (void);
ParcoursCanvas *parcours_palette_get_canvas (ParcoursPalette *self);
void            parcours_palette_set_canvas (ParcoursPalette *self,
                                             ParcoursCanvas  *canvas);

/* What a palette item carries in a drag: "KIND CHANNEL" as nicks. */
char           *parcours_palette_encode_item (ParcoursLaneKind  kind,
                                              ParcoursChannel   channel);
gboolean        parcours_palette_decode_item (const char       *item,
                                              ParcoursLaneKind *kind,
                                              ParcoursChannel  *channel);

G_END_DECLS
