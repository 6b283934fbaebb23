/* parcours-painter.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-display-list.h"
#include "parcours-layout.h"

G_BEGIN_DECLS

ParcoursDisplayList *parcours_painter_paint (ParcoursLayout *layout);
ParcoursDisplayList *parcours_painter_paint_by_element (ParcoursLayout *layout);
ParcoursDisplayList *parcours_painter_paint_card (ParcoursLayout *layout,
                                                  guint           index);

ParcoursDisplayList *parcours_painter_paint_spotlight (ParcoursLayout     *layout,
                                                      const ParcoursRect *spotlight,
                                                      double              amount);

G_END_DECLS
