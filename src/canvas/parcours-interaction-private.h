/* parcours-interaction-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-interaction.h"

G_BEGIN_DECLS

struct _ParcoursInteraction
{
  GObject parent_instance;

  ParcoursHistory *history;
  ParcoursSelection *selection;
  ParcoursLayout *layout;
  double drag_threshold;
  gboolean snap_to_levels;              /* points snap without Shift */

  ParcoursInteractionState state;
  ParcoursModifiers press_modifiers;
  double press_x;
  double press_y;
  double pointer_x;
  double pointer_y;
  ParcoursElement *pressed;             /* what the press hit */

  /* Moving cards: what moves, and where it would land. */
  GPtrArray *moving_cards;
  gboolean has_drop;
  guint drop_lane;
  guint drop_stage;
  guint drop_index;
  ParcoursRect drop_marker;

  /* Moving a point: the group that holds its changes. */
  ParcoursEmotionPoint *moving_point;

  /* Rubber band: the selection it started from. */
  GPtrArray *band_base;

  /* Dragging a header: where it would go; resizing a stage. */
  gboolean has_header_drop;
  guint header_drop_index;
  ParcoursRect header_marker;
  ParcoursStage *resizing_stage;

  /* Touch: when the finger came down, and the last tap. */
  guint32 touch_time;
  guint32 last_tap_time;
  double last_tap_x;
  double last_tap_y;

  /* A palette item dragged over the map: where its card would go. */
  gboolean has_palette_drop;
  ParcoursRect palette_marker;

  /* Editing text: the element, and whether it was made for this edit. */
  ParcoursElement *editing;
  gboolean editing_is_new;
};

ParcoursDocument *_parcours_interaction_get_document (ParcoursInteraction *self);
void              _parcours_interaction_changed      (ParcoursInteraction *self);
void              _parcours_interaction_request_edit (ParcoursInteraction *self,
                                                      ParcoursElement     *element);
gboolean          _parcours_interaction_is_card_lane (ParcoursInteraction *self,
                                                      guint                lane_index);
guint             _parcours_interaction_cell_position (ParcoursInteraction *self,
                                                       guint                lane_index,
                                                       guint                stage_index,
                                                       guint                index_in_cell);
void              _parcours_interaction_focus        (ParcoursInteraction *self,
                                                      ParcoursElement     *element,
                                                      gboolean             select);

guint             _parcours_interaction_drop_index_at (ParcoursInteraction *self,
                                                       guint                lane,
                                                       guint                stage,
                                                       double               y,
                                                       ParcoursRect        *marker);
gboolean          _parcours_interaction_move_header_by (ParcoursInteraction *self,
                                                        ParcoursElement     *element,
                                                        ParcoursDirection    direction);

/* parcours-interaction-headers.c */
gboolean          _parcours_interaction_press_header   (ParcoursInteraction *self,
                                                        double               x,
                                                        double               y,
                                                        int                  n_press,
                                                        ParcoursElement     *hit);
gboolean          _parcours_interaction_header_motion  (ParcoursInteraction *self,
                                                        double               x,
                                                        double               y);
gboolean          _parcours_interaction_header_release (ParcoursInteraction *self,
                                                        double               x,
                                                        double               y);
void              _parcours_interaction_header_cancel  (ParcoursInteraction *self);
void              _parcours_interaction_header_reset   (ParcoursInteraction *self);
gboolean          _parcours_interaction_on_add_lane_button (ParcoursInteraction *self,
                                                            double               x,
                                                            double               y);

G_END_DECLS
