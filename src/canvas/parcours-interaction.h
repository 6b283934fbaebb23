/* parcours-interaction.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-history.h"
#include "parcours-layout.h"
#include "parcours-selection.h"

G_BEGIN_DECLS

typedef enum
{
  PARCOURS_INTERACTION_IDLE,
  PARCOURS_INTERACTION_PRESSED,         /* on an element, not dragged yet */
  PARCOURS_INTERACTION_PRESSED_EMPTY,   /* on empty space, not dragged yet */
  PARCOURS_INTERACTION_MOVING_CARDS,
  PARCOURS_INTERACTION_MOVING_POINT,
  PARCOURS_INTERACTION_RUBBER_BAND,
} ParcoursInteractionState;

/* Modifiers, as the canvas translates them from GDK's. */
typedef enum
{
  PARCOURS_MODIFIER_NONE = 0,
  PARCOURS_MODIFIER_SHIFT = 1 << 0,     /* extend; snap points to levels */
  PARCOURS_MODIFIER_CONTROL = 1 << 1,   /* toggle */
  PARCOURS_MODIFIER_ALT = 1 << 2,       /* move instead of focus; fine steps */
} ParcoursModifiers;

typedef enum
{
  PARCOURS_DIRECTION_UP,
  PARCOURS_DIRECTION_DOWN,
  PARCOURS_DIRECTION_LEFT,
  PARCOURS_DIRECTION_RIGHT,
} ParcoursDirection;

#define PARCOURS_TYPE_INTERACTION (parcours_interaction_get_type())

G_DECLARE_FINAL_TYPE (ParcoursInteraction, parcours_interaction, PARCOURS, INTERACTION, GObject)

ParcoursInteraction      *parcours_interaction_new              (ParcoursHistory     *history,
                                                                 ParcoursSelection   *selection);
ParcoursHistory          *parcours_interaction_get_history      (ParcoursInteraction *self);
ParcoursSelection        *parcours_interaction_get_selection    (ParcoursInteraction *self);
void                      parcours_interaction_set_layout       (ParcoursInteraction *self,
                                                                 ParcoursLayout      *layout);
void                      parcours_interaction_set_drag_threshold (ParcoursInteraction *self,
                                                                 double               threshold);
ParcoursInteractionState  parcours_interaction_get_state        (ParcoursInteraction *self);

/* Pointer, in layout coordinates. */
void                      parcours_interaction_press            (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y,
                                                                 int                  n_press,
                                                                 ParcoursModifiers    modifiers);
void                      parcours_interaction_motion           (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y,
                                                                 ParcoursModifiers    modifiers);
void                      parcours_interaction_release          (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y,
                                                                 ParcoursModifiers    modifiers);
gboolean                  parcours_interaction_cancel           (ParcoursInteraction *self);

/* What a drag in progress looks like. */
GPtrArray                *parcours_interaction_get_moving_cards (ParcoursInteraction *self);
void                      parcours_interaction_get_drag_offset  (ParcoursInteraction *self,
                                                                 double              *dx,
                                                                 double              *dy);
gboolean                  parcours_interaction_get_drop         (ParcoursInteraction *self,
                                                                 guint               *lane_index,
                                                                 guint               *stage_index,
                                                                 guint               *index_in_cell,
                                                                 ParcoursRect        *marker);
gboolean                  parcours_interaction_get_rubber_band  (ParcoursInteraction *self,
                                                                 ParcoursRect        *band);
ParcoursEmotionPoint     *parcours_interaction_get_moving_point (ParcoursInteraction *self);

/* Keyboard. */
gboolean                  parcours_interaction_focus_first      (ParcoursInteraction *self);
gboolean                  parcours_interaction_focus_next       (ParcoursInteraction *self,
                                                                 gboolean             backwards);
gboolean                  parcours_interaction_focus_neighbour  (ParcoursInteraction *self,
                                                                 ParcoursDirection    direction,
                                                                 ParcoursModifiers    modifiers);
gboolean                  parcours_interaction_move_focused     (ParcoursInteraction *self,
                                                                 ParcoursDirection    direction,
                                                                 ParcoursModifiers    modifiers);
gboolean                  parcours_interaction_delete_selection (ParcoursInteraction *self);
void                      parcours_interaction_select_all       (ParcoursInteraction *self);

/* Editing text in place. */
gboolean                  parcours_interaction_begin_edit       (ParcoursInteraction *self,
                                                                 ParcoursElement     *element);
ParcoursElement          *parcours_interaction_get_editing      (ParcoursInteraction *self);
gboolean                  parcours_interaction_get_editing_is_new (ParcoursInteraction *self);
void                      parcours_interaction_update_edit      (ParcoursInteraction *self,
                                                                 const char          *text);
void                      parcours_interaction_end_edit         (ParcoursInteraction *self,
                                                                 gboolean             next_card);
ParcoursCard             *parcours_interaction_create_card      (ParcoursInteraction *self,
                                                                 guint                lane_index,
                                                                 guint                stage_index,
                                                                 guint                index_in_cell);

G_END_DECLS
