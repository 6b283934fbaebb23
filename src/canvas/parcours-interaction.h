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
  PARCOURS_INTERACTION_PRESSED_HEADER,  /* on a stage or lane header, not dragged yet */
  PARCOURS_INTERACTION_PRESSED_BORDER,  /* on a stage's right border */
  PARCOURS_INTERACTION_MOVING_STAGE,
  PARCOURS_INTERACTION_MOVING_LANE,
  PARCOURS_INTERACTION_RESIZING_STAGE,
  PARCOURS_INTERACTION_TOUCH_PRESSED,   /* a finger down, not moved yet */
  PARCOURS_INTERACTION_TOUCH_PANNING,   /* a swipe: the view follows the finger */
} ParcoursInteractionState;

/* What the view does with a finger's motion. */
typedef enum
{
  PARCOURS_TOUCH_NONE,
  PARCOURS_TOUCH_PAN,
} ParcoursTouchResult;

/* How long a finger rests on a card before moving it drags the card
 * rather than the view; taps this close together make a double tap. */
#define PARCOURS_TOUCH_HOLD_MS 300
#define PARCOURS_TOUCH_DOUBLE_TAP_MS 400

/* The narrowest a stage gets by dragging its border, as a width factor. */
#define PARCOURS_INTERACTION_MIN_STAGE_WIDTH 0.5

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
void                      parcours_interaction_set_snap_to_levels (ParcoursInteraction *self,
                                                                   gboolean             snap_to_levels);

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

/* One finger on a touch screen, in layout coordinates. */
void                      parcours_interaction_touch_begin      (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y,
                                                                 guint32              time);
ParcoursTouchResult       parcours_interaction_touch_update     (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y,
                                                                 guint32              time);
void                      parcours_interaction_touch_end        (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y,
                                                                 guint32              time);

/* Stages and lanes dragged by their headers, stages resized. */
ParcoursStage            *parcours_interaction_get_border_at    (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y);
gboolean                  parcours_interaction_get_header_drop  (ParcoursInteraction *self,
                                                                 guint               *index,
                                                                 ParcoursRect        *marker);
ParcoursElement          *parcours_interaction_get_moving_header (ParcoursInteraction *self);
gboolean                  parcours_interaction_get_add_stage_button (ParcoursInteraction *self,
                                                                 ParcoursRect        *rect);
gboolean                  parcours_interaction_get_add_lane_button (ParcoursInteraction *self,
                                                                 ParcoursRect        *rect);

/* Commands of the context menus, the clipboard and the header keys. */
GPtrArray                *parcours_interaction_get_card_targets (ParcoursInteraction *self,
                                                                 ParcoursElement     *element);
gboolean                  parcours_interaction_set_cards        (ParcoursInteraction *self,
                                                                 ParcoursElement     *element,
                                                                 const char          *label,
                                                                 const char          *property_name,
                                                                 const GValue        *value);
gboolean                  parcours_interaction_toggle_key_moment (ParcoursInteraction *self,
                                                                 ParcoursElement     *element);
GPtrArray                *parcours_interaction_duplicate_cards  (ParcoursInteraction *self,
                                                                 ParcoursElement     *element);
ParcoursStage            *parcours_interaction_insert_stage     (ParcoursInteraction *self,
                                                                 ParcoursStage       *anchor,
                                                                 gboolean             after);
ParcoursLane             *parcours_interaction_insert_lane      (ParcoursInteraction *self,
                                                                 ParcoursLane        *anchor,
                                                                 gboolean             after,
                                                                 ParcoursLaneKind     kind);
gboolean                  parcours_interaction_remove_header    (ParcoursInteraction *self,
                                                                 ParcoursElement     *element,
                                                                 guint               *n_cards);
gboolean                  parcours_interaction_move_header      (ParcoursInteraction *self,
                                                                 ParcoursElement     *element,
                                                                 guint                to_position);
gboolean                  parcours_interaction_set_lane_kind    (ParcoursInteraction *self,
                                                                 ParcoursLane        *lane,
                                                                 ParcoursLaneKind     kind);
gboolean                  parcours_interaction_set_point_level  (ParcoursInteraction *self,
                                                                 ParcoursEmotionPoint *point,
                                                                 int                  level);
gboolean                  parcours_interaction_set_point_label  (ParcoursInteraction *self,
                                                                 ParcoursEmotionPoint *point,
                                                                 const char          *label);
gboolean                  parcours_interaction_get_target_cell  (ParcoursInteraction *self,
                                                                 guint               *lane_index,
                                                                 guint               *stage_index,
                                                                 guint               *index_in_cell);
ParcoursElement          *parcours_interaction_context          (ParcoursInteraction *self,
                                                                 double               x,
                                                                 double               y);
gboolean                  parcours_interaction_palette_target   (ParcoursInteraction *self,
                                                                 ParcoursLaneKind     kind,
                                                                 double               x,
                                                                 double               y,
                                                                 guint               *lane_index,
                                                                 guint               *stage_index,
                                                                 guint               *index_in_cell,
                                                                 ParcoursRect        *marker);
ParcoursCard             *parcours_interaction_add_from_palette (ParcoursInteraction *self,
                                                                 ParcoursLaneKind     kind,
                                                                 ParcoursChannel      channel,
                                                                 double               x,
                                                                 double               y);
void                      parcours_interaction_palette_hover    (ParcoursInteraction *self,
                                                                 ParcoursLaneKind     kind,
                                                                 double               x,
                                                                 double               y);
void                      parcours_interaction_palette_leave    (ParcoursInteraction *self);
gboolean                  parcours_interaction_get_palette_drop (ParcoursInteraction *self,
                                                                 ParcoursRect        *marker);
guint                     parcours_interaction_paste_cards      (ParcoursInteraction *self,
                                                                 GPtrArray           *cards,
                                                                 guint                lane_index,
                                                                 guint                stage_index,
                                                                 guint                index_in_cell);

G_END_DECLS
