/* parcours-canvas.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "parcours-display-list.h"
#include "parcours-history.h"
#include "parcours-interaction.h"
#include "parcours-layout.h"
#include "parcours-presentation.h"
#include "parcours-selection.h"
#include "parcours-viewport.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_CANVAS (parcours_canvas_get_type())

G_DECLARE_FINAL_TYPE (ParcoursCanvas, parcours_canvas, PARCOURS, CANVAS, GtkWidget)

GtkWidget           *parcours_canvas_new             (void);
ParcoursHistory     *parcours_canvas_get_history     (ParcoursCanvas  *self);
void                 parcours_canvas_set_history     (ParcoursCanvas  *self,
                                                      ParcoursHistory *history);
void                 parcours_canvas_set_history_laid_out (ParcoursCanvas      *self,
                                                           ParcoursHistory     *history,
                                                           ParcoursLayout      *layout,
                                                           ParcoursDisplayList *list);
ParcoursTheme        parcours_canvas_get_default_theme (void);
ParcoursViewport    *parcours_canvas_get_viewport    (ParcoursCanvas  *self);
gboolean             parcours_canvas_get_snap_to_levels (ParcoursCanvas *self);
void                 parcours_canvas_set_snap_to_levels (ParcoursCanvas *self,
                                                         gboolean        snap_to_levels);
ParcoursSelection   *parcours_canvas_get_selection   (ParcoursCanvas  *self);
ParcoursInteraction *parcours_canvas_get_interaction (ParcoursCanvas  *self);
ParcoursLayout      *parcours_canvas_get_layout      (ParcoursCanvas  *self);
ParcoursPresentation *parcours_canvas_get_presentation (ParcoursCanvas *self);
void                 parcours_canvas_undo            (ParcoursCanvas  *self);
void                 parcours_canvas_redo            (ParcoursCanvas  *self);
void                 parcours_canvas_edit            (ParcoursCanvas  *self,
                                                      ParcoursElement *element);
void                 parcours_canvas_commit_edit     (ParcoursCanvas  *self);
void                 parcours_canvas_zoom_to         (ParcoursCanvas  *self,
                                                      double           zoom);
void                 parcours_canvas_zoom_by         (ParcoursCanvas  *self,
                                                      double           factor);
void                 parcours_canvas_reveal          (ParcoursCanvas  *self,
                                                      ParcoursElement *element);
void                 parcours_canvas_widget_to_layout (ParcoursCanvas *self,
                                                      double           widget_x,
                                                      double           widget_y,
                                                      double          *layout_x,
                                                      double          *layout_y);
void                 parcours_canvas_layout_to_widget (ParcoursCanvas *self,
                                                      double           layout_x,
                                                      double           layout_y,
                                                      double          *widget_x,
                                                      double          *widget_y);
GskRenderNode       *parcours_canvas_render_map      (ParcoursCanvas  *self);
gboolean             parcours_canvas_add_from_palette (ParcoursCanvas *self,
                                                      ParcoursLaneKind kind,
                                                      ParcoursChannel channel,
                                                      double          widget_x,
                                                      double          widget_y);
gboolean             parcours_canvas_get_voting      (ParcoursCanvas  *self);
void                 parcours_canvas_set_voting      (ParcoursCanvas  *self,
                                                      gboolean         voting);

G_END_DECLS
