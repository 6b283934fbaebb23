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

G_END_DECLS
