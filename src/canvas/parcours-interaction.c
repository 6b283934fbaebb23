/* parcours-interaction.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-interaction-private.h"

/* The canvas's behaviour without its pixels: gesture controllers call
 * press / motion / release / cancel with layout coordinates, and this
 * state machine turns them into selection changes and history commands.
 * A drag of cards changes nothing until the drop, so Escape has nothing
 * to undo; a drag of an emotion point changes the model live inside a
 * history group (the curve must follow), which Escape cancels. Keyboard
 * navigation is in parcours-interaction-keyboard.c, editing text in
 * place in parcours-interaction-editing.c. */

G_DEFINE_FINAL_TYPE (ParcoursInteraction, parcours_interaction, G_TYPE_OBJECT)

enum {
  CHANGED,
  EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
parcours_interaction_dispose (GObject *object)
{
  ParcoursInteraction *self = PARCOURS_INTERACTION (object);

  g_clear_object (&self->pressed);
  g_clear_object (&self->moving_point);
  g_clear_object (&self->resizing_stage);
  g_clear_object (&self->editing);
  g_clear_object (&self->layout);
  g_clear_object (&self->selection);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (parcours_interaction_parent_class)->dispose (object);
}

static void
parcours_interaction_finalize (GObject *object)
{
  ParcoursInteraction *self = PARCOURS_INTERACTION (object);

  g_clear_pointer (&self->moving_cards, g_ptr_array_unref);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);

  G_OBJECT_CLASS (parcours_interaction_parent_class)->finalize (object);
}

static void
parcours_interaction_class_init (ParcoursInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = parcours_interaction_dispose;
  object_class->finalize = parcours_interaction_finalize;

  /* Something a view draws changed: a drag moved, a band grew. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The view should open its text editor on the element. */
  signals[EDIT_REQUESTED] =
    g_signal_new ("edit-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PARCOURS_TYPE_ELEMENT);
}

static void
parcours_interaction_init (ParcoursInteraction *self)
{
  self->drag_threshold = 8;
  self->moving_cards = g_ptr_array_new_with_free_func (g_object_unref);
}

ParcoursInteraction *
parcours_interaction_new (ParcoursHistory   *history,
                          ParcoursSelection *selection)
{
  ParcoursInteraction *self;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (PARCOURS_IS_SELECTION (selection), NULL);

  self = g_object_new (PARCOURS_TYPE_INTERACTION, NULL);
  self->history = g_object_ref (history);
  self->selection = g_object_ref (selection);

  return self;
}

ParcoursHistory *
parcours_interaction_get_history (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  return self->history;
}

ParcoursSelection *
parcours_interaction_get_selection (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  return self->selection;
}

/**
 * parcours_interaction_set_layout:
 * @layout: the up-to-date layout of the history's document
 *
 * Hit tests and drop positions use @layout; the view keeps it up to date
 * before it passes the next event.
 */
void
parcours_interaction_set_layout (ParcoursInteraction *self,
                                 ParcoursLayout      *layout)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));
  g_return_if_fail (!layout || PARCOURS_IS_LAYOUT (layout));

  g_set_object (&self->layout, layout);
}

/* How far, in layout units, a press must move before it is a drag. */
void
parcours_interaction_set_drag_threshold (ParcoursInteraction *self,
                                         double               threshold)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  self->drag_threshold = MAX (threshold, 0);
}

/* With @snap_to_levels, a point dragged or added with the pointer lands
 * on one of the five levels unless Shift is held; without, only with
 * Shift. */
void
parcours_interaction_set_snap_to_levels (ParcoursInteraction *self,
                                         gboolean             snap_to_levels)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  self->snap_to_levels = !!snap_to_levels;
}

ParcoursInteractionState
parcours_interaction_get_state (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), PARCOURS_INTERACTION_IDLE);

  return self->state;
}

ParcoursDocument *
_parcours_interaction_get_document (ParcoursInteraction *self)
{
  return parcours_history_get_document (self->history);
}

void
_parcours_interaction_changed (ParcoursInteraction *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_parcours_interaction_request_edit (ParcoursInteraction *self,
                                    ParcoursElement     *element)
{
  g_signal_emit (self, signals[EDIT_REQUESTED], 0, element);
}

/* Whether the lane holds cards on the map (not an emotion curve, not
 * collapsed). */
gboolean
_parcours_interaction_is_card_lane (ParcoursInteraction *self,
                                    guint                lane_index)
{
  const ParcoursLaneBox *lane;

  if (self->layout == NULL || lane_index >= parcours_layout_get_n_lanes (self->layout))
    return FALSE;

  lane = parcours_layout_get_lane (self->layout, lane_index);
  return !lane->is_emotion && !lane->collapsed;
}

/* The position in the document's card list that puts a new card at
 * @index_in_cell of the cell: before the card now there, after the
 * cell's last card, or at the end for an empty cell. */
guint
_parcours_interaction_cell_position (ParcoursInteraction *self,
                                     guint                lane_index,
                                     guint                stage_index,
                                     guint                index_in_cell)
{
  ParcoursDocument *document = _parcours_interaction_get_document (self);
  guint first, n, position;
  const ParcoursCardBox *box;

  parcours_layout_get_cell_cards (self->layout, lane_index, stage_index, &first, &n);
  if (n == 0)
    return g_list_model_get_n_items (parcours_document_get_cards (document));

  if (index_in_cell < n)
    {
      box = parcours_layout_get_card (self->layout, first + index_in_cell);
      parcours_document_find_position (document, PARCOURS_ELEMENT (box->card), &position);
      return position;
    }

  box = parcours_layout_get_card (self->layout, first + n - 1);
  parcours_document_find_position (document, PARCOURS_ELEMENT (box->card), &position);
  return position + 1;
}

void
_parcours_interaction_focus (ParcoursInteraction *self,
                             ParcoursElement     *element,
                             gboolean             select)
{
  parcours_selection_set_focus (self->selection, element);
  if (select)
    parcours_selection_select (self->selection, element, PARCOURS_SELECT_REPLACE);
}

static gboolean
is_movable (ParcoursElement *element)
{
  return PARCOURS_IS_CARD (element) || PARCOURS_IS_EMOTION_POINT (element);
}

static gboolean
beyond_threshold (ParcoursInteraction *self,
                  double               x,
                  double               y)
{
  return hypot (x - self->press_x, y - self->press_y) > self->drag_threshold;
}

/* Index in the cell of the first shown card, not being moved, whose
 * middle is below @y: where a drop at @y inserts. */
static guint
drop_index_at (ParcoursInteraction *self,
               guint                lane,
               guint                stage,
               double               y,
               ParcoursRect        *marker)
{
  ParcoursStyle *style = parcours_layout_get_style (self->layout);
  const ParcoursStageBox *column = parcours_layout_get_stage (self->layout, stage);
  const ParcoursLaneBox *row = parcours_layout_get_lane (self->layout, lane);
  double marker_y = row->row.y + style->cell_padding / 2;
  guint first, n, index = 0;

  parcours_layout_get_cell_cards (self->layout, lane, stage, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (self->layout, i);

      if (g_ptr_array_find (self->moving_cards, box->card, NULL))
        continue;
      if (y < box->rect.y + box->rect.height / 2)
        {
          marker_y = box->rect.y - style->card_gap / 2;
          break;
        }
      marker_y = box->rect.y + box->rect.height + style->card_gap / 2;
      index++;
    }

  if (marker != NULL)
    *marker = (ParcoursRect) { column->column.x + style->cell_padding, marker_y - 1.5,
                               column->column.width - 2 * style->cell_padding, 3 };
  return index;
}

/* Where a card dropped (or added from a menu) at @y lands in the cell. */
guint
_parcours_interaction_drop_index_at (ParcoursInteraction *self,
                                     guint                lane,
                                     guint                stage,
                                     double               y,
                                     ParcoursRect        *marker)
{
  return drop_index_at (self, lane, stage, y, marker);
}

/* In the cards' document order, so several keep their order. */
static void
collect_moving_cards (ParcoursInteraction *self)
{
  GListModel *cards = parcours_document_get_cards (_parcours_interaction_get_document (self));
  guint n = g_list_model_get_n_items (cards);

  g_ptr_array_set_size (self->moving_cards, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursElement) card = g_list_model_get_item (cards, i);

      if (parcours_selection_contains (self->selection, card))
        g_ptr_array_add (self->moving_cards, g_object_ref (card));
    }
}

static void
update_drop (ParcoursInteraction *self,
             double               x,
             double               y)
{
  guint lane, stage;

  self->has_drop = parcours_layout_get_cell_at (self->layout, x, y, &lane, &stage) &&
                   _parcours_interaction_is_card_lane (self, lane);
  if (!self->has_drop)
    return;

  self->drop_lane = lane;
  self->drop_stage = stage;
  self->drop_index = drop_index_at (self, lane, stage, y, &self->drop_marker);
}

/* Moves every moving card into the drop cell, in one step. The first card
 * not moving at or after the drop index is the anchor the moving cards go
 * before, so they land together, in order. */
static void
apply_drop (ParcoursInteraction *self)
{
  const ParcoursLaneBox *lane = parcours_layout_get_lane (self->layout, self->drop_lane);
  const ParcoursStageBox *stage = parcours_layout_get_stage (self->layout, self->drop_stage);
  const char *lane_id = parcours_element_get_id (PARCOURS_ELEMENT (lane->lane));
  const char *stage_id = parcours_element_get_id (PARCOURS_ELEMENT (stage->stage));
  ParcoursDocument *document = _parcours_interaction_get_document (self);
  ParcoursCard *anchor = NULL;
  guint first, n, seen = 0;

  parcours_layout_get_cell_cards (self->layout, self->drop_lane, self->drop_stage, &first, &n);
  for (guint i = first; i < first + n && anchor == NULL; i++)
    {
      ParcoursCard *card = parcours_layout_get_card (self->layout, i)->card;

      if (g_ptr_array_find (self->moving_cards, card, NULL))
        continue;
      if (seen++ == self->drop_index)
        anchor = card;
    }

  parcours_history_begin_group (self->history,
                                self->moving_cards->len == 1 ? NULL : _("Move Cards"));
  for (guint i = 0; i < self->moving_cards->len; i++)
    {
      ParcoursCard *card = g_ptr_array_index (self->moving_cards, i);
      guint index = G_MAXUINT;

      if (anchor != NULL)
        {
          g_autoptr(GPtrArray) cell = parcours_document_get_cell_cards (document, lane_id, stage_id);
          guint k = 0;

          /* Among the cell's other cards, as parcours_history_move_card()
           * counts. */
          for (guint c = 0; c < cell->len; c++)
            {
              ParcoursCard *other = g_ptr_array_index (cell, c);

              if (other == anchor)
                {
                  index = k;
                  break;
                }
              if (other != card)
                k++;
            }
        }

      parcours_history_move_card (self->history, card, lane_id, stage_id, index);
    }
  parcours_history_end_group (self->history);
}

static gboolean
snaps (ParcoursInteraction *self,
       ParcoursModifiers    modifiers)
{
  return self->snap_to_levels != ((modifiers & PARCOURS_MODIFIER_SHIFT) != 0);
}

/* Where a point dragged to (@x, @y) goes: the stage under x (the nearest
 * at either end), the offset across it, the value up the band. */
static void
point_target (ParcoursInteraction *self,
              guint                lane_index,
              double               x,
              double               y,
              gboolean             snap,
              ParcoursStage      **stage,
              double              *offset,
              double              *value)
{
  ParcoursStyle *style = parcours_layout_get_style (self->layout);
  const ParcoursLaneBox *lane = parcours_layout_get_lane (self->layout, lane_index);
  guint n_stages = parcours_layout_get_n_stages (self->layout);
  double r = style->emotion_face_radius;
  const ParcoursStageBox *box = NULL;

  for (guint s = 0; s < n_stages; s++)
    {
      box = parcours_layout_get_stage (self->layout, s);
      if (x < box->column.x + box->column.width)
        break;
    }

  /* The inverse of where the layout places points. */
  *stage = box->stage;
  *offset = CLAMP ((x - box->column.x - r - 2) / MAX (box->column.width - 2 * r - 4, 1), 0, 1);
  *value = CLAMP ((lane->value_mid - y) / MAX (lane->value_reach, 1), -1, 1);
  if (snap)
    *value = parcours_emotion_level_to_value ((int) round (*value * 2));
}

static void
move_point_to (ParcoursInteraction *self,
               double               x,
               double               y,
               ParcoursModifiers    modifiers)
{
  int lane_index = parcours_layout_find (self->layout, PARCOURS_ELEMENT (self->moving_point));
  ParcoursStage *stage;
  double offset, value;

  if (lane_index < 0)
    return;
  lane_index = parcours_layout_get_point (self->layout, lane_index)->lane_index;

  point_target (self, lane_index, x, y, snaps (self, modifiers), &stage, &offset, &value);
  parcours_history_set (self->history, self->moving_point, NULL,
                        "stage-id", parcours_element_get_id (PARCOURS_ELEMENT (stage)),
                        "offset", offset,
                        "value", value,
                        NULL);
}

static void
begin_drag (ParcoursInteraction *self)
{
  if (PARCOURS_IS_CARD (self->pressed))
    {
      self->state = PARCOURS_INTERACTION_MOVING_CARDS;
      collect_moving_cards (self);
      return;
    }

  self->state = PARCOURS_INTERACTION_MOVING_POINT;
  g_set_object (&self->moving_point, PARCOURS_EMOTION_POINT (self->pressed));
  parcours_history_begin_group (self->history, _("Move Emotion Point"));
}

static void
update_band (ParcoursInteraction *self)
{
  g_autoptr(GPtrArray) inside = g_ptr_array_new ();
  ParcoursRect band;

  parcours_interaction_get_rubber_band (self, &band);

  for (guint i = 0; i < parcours_layout_get_n_cards (self->layout); i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (self->layout, i);

      if (parcours_rect_intersects (&box->rect, &band))
        g_ptr_array_add (inside, box->card);
    }
  for (guint i = 0; i < parcours_layout_get_n_points (self->layout); i++)
    {
      const ParcoursPointBox *box = parcours_layout_get_point (self->layout, i);

      if (box->x >= band.x && box->x <= band.x + band.width &&
          box->y >= band.y && box->y <= band.y + band.height)
        g_ptr_array_add (inside, box->point);
    }

  parcours_selection_select_all (self->selection, self->band_base, PARCOURS_SELECT_REPLACE);
  parcours_selection_select_all (self->selection, inside,
                                 self->press_modifiers & PARCOURS_MODIFIER_CONTROL
                                   ? PARCOURS_SELECT_TOGGLE : PARCOURS_SELECT_ADD);
}

static void
remember_selection (ParcoursInteraction *self)
{
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  self->band_base = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->press_modifiers & (PARCOURS_MODIFIER_SHIFT | PARCOURS_MODIFIER_CONTROL))
    for (guint i = 0; i < parcours_selection_get_n_items (self->selection); i++)
      g_ptr_array_add (self->band_base, g_object_ref (parcours_selection_get_item (self->selection, i)));
}

/* A double press: edit what was hit, or make something where nothing is. */
static void
double_press (ParcoursInteraction *self,
              ParcoursElement     *hit,
              double               x,
              double               y,
              ParcoursModifiers    modifiers)
{
  guint lane, stage;

  if (PARCOURS_IS_CARD (hit) || PARCOURS_IS_STAGE (hit) || PARCOURS_IS_LANE (hit))
    {
      _parcours_interaction_focus (self, hit, TRUE);
      _parcours_interaction_request_edit (self, hit);
      return;
    }

  if (hit != NULL || !parcours_layout_get_cell_at (self->layout, x, y, &lane, &stage))
    return;

  if (_parcours_interaction_is_card_lane (self, lane))
    {
      g_ptr_array_set_size (self->moving_cards, 0);
      parcours_interaction_create_card (self, lane, stage, drop_index_at (self, lane, stage, y, NULL));
    }
  else if (parcours_layout_get_lane (self->layout, lane)->is_emotion)
    {
      ParcoursDocument *document = _parcours_interaction_get_document (self);
      ParcoursLane *lane_element = parcours_layout_get_lane (self->layout, lane)->lane;
      g_autofree char *id = parcours_document_make_id (document, PARCOURS_TYPE_EMOTION_POINT);
      g_autoptr(ParcoursEmotionPoint) point = NULL;
      ParcoursStage *stage_element;
      double offset, value;

      point_target (self, lane, x, y, snaps (self, modifiers), &stage_element, &offset, &value);
      point = parcours_emotion_point_new (id, parcours_element_get_id (PARCOURS_ELEMENT (lane_element)),
                                          parcours_element_get_id (PARCOURS_ELEMENT (stage_element)),
                                          offset, value);
      parcours_history_insert (self->history, PARCOURS_ELEMENT (point),
                               g_list_model_get_n_items (parcours_document_get_emotion_points (document)), NULL);
      _parcours_interaction_focus (self, PARCOURS_ELEMENT (point), TRUE);
    }
}

/**
 * parcours_interaction_press:
 * @x: layout x
 * @y: layout y
 * @n_press: 1 for a click, 2 for a double click
 * @modifiers: Shift extends the selection, Control toggles in it
 */
void
parcours_interaction_press (ParcoursInteraction *self,
                            double               x,
                            double               y,
                            int                  n_press,
                            ParcoursModifiers    modifiers)
{
  gboolean extend = (modifiers & (PARCOURS_MODIFIER_SHIFT | PARCOURS_MODIFIER_CONTROL)) != 0;
  ParcoursElement *hit;

  g_return_if_fail (PARCOURS_IS_INTERACTION (self));
  g_return_if_fail (self->layout != NULL);

  if (self->state != PARCOURS_INTERACTION_IDLE)
    parcours_interaction_cancel (self);

  hit = parcours_layout_hit_test (self->layout, x, y);
  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->press_modifiers = modifiers;
  g_set_object (&self->pressed, hit);

  /* Headers and borders: parcours-interaction-headers.c. */
  if (_parcours_interaction_press_header (self, x, y, n_press, hit))
    return;

  if (n_press >= 2)
    {
      double_press (self, hit, x, y, modifiers);
      return;
    }

  if (hit == NULL || PARCOURS_IS_PERSONA (hit))
    {
      self->state = PARCOURS_INTERACTION_PRESSED_EMPTY;
      return;
    }

  parcours_selection_set_focus (self->selection, hit);
  if (!is_movable (hit))
    {
      parcours_selection_select (self->selection, hit, PARCOURS_SELECT_REPLACE);
      return;
    }

  if (extend)
    parcours_selection_select (self->selection, hit,
                               modifiers & PARCOURS_MODIFIER_CONTROL ? PARCOURS_SELECT_TOGGLE : PARCOURS_SELECT_ADD);
  else if (!parcours_selection_contains (self->selection, hit))
    parcours_selection_select (self->selection, hit, PARCOURS_SELECT_REPLACE);

  /* A point always drags alone. */
  if (PARCOURS_IS_EMOTION_POINT (hit) && !extend)
    parcours_selection_select (self->selection, hit, PARCOURS_SELECT_REPLACE);

  self->state = parcours_selection_contains (self->selection, hit)
                  ? PARCOURS_INTERACTION_PRESSED : PARCOURS_INTERACTION_IDLE;
}

void
parcours_interaction_motion (ParcoursInteraction *self,
                             double               x,
                             double               y,
                             ParcoursModifiers    modifiers)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  self->pointer_x = x;
  self->pointer_y = y;

  if (_parcours_interaction_header_motion (self, x, y))
    return;

  switch (self->state)
    {
    case PARCOURS_INTERACTION_IDLE:
      if (self->layout != NULL)
        {
          ParcoursElement *hit = parcours_layout_hit_test (self->layout, x, y);

          parcours_selection_set_hover (self->selection, is_movable (hit) ? hit : NULL);
        }
      return;

    case PARCOURS_INTERACTION_PRESSED:
      if (!beyond_threshold (self, x, y))
        return;
      begin_drag (self);
      break;

    case PARCOURS_INTERACTION_PRESSED_EMPTY:
      if (!beyond_threshold (self, x, y))
        return;
      self->state = PARCOURS_INTERACTION_RUBBER_BAND;
      remember_selection (self);
      break;

    case PARCOURS_INTERACTION_MOVING_CARDS:
    case PARCOURS_INTERACTION_MOVING_POINT:
    case PARCOURS_INTERACTION_RUBBER_BAND:
    default:
      break;
    }

  if (self->state == PARCOURS_INTERACTION_MOVING_CARDS)
    update_drop (self, x, y);
  else if (self->state == PARCOURS_INTERACTION_MOVING_POINT)
    move_point_to (self, x, y, modifiers);
  else if (self->state == PARCOURS_INTERACTION_RUBBER_BAND)
    update_band (self);

  _parcours_interaction_changed (self);
}

static void
reset (ParcoursInteraction *self)
{
  self->state = PARCOURS_INTERACTION_IDLE;
  self->has_drop = FALSE;
  g_ptr_array_set_size (self->moving_cards, 0);
  g_clear_object (&self->moving_point);
  g_clear_object (&self->pressed);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  _parcours_interaction_header_reset (self);
  _parcours_interaction_changed (self);
}

void
parcours_interaction_release (ParcoursInteraction *self,
                              double               x,
                              double               y,
                              ParcoursModifiers    modifiers)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  if (_parcours_interaction_header_release (self, x, y))
    {
      reset (self);
      return;
    }

  switch (self->state)
    {
    case PARCOURS_INTERACTION_PRESSED:
      /* A click on one of several selected cards selects it alone. */
      if (!(self->press_modifiers & (PARCOURS_MODIFIER_SHIFT | PARCOURS_MODIFIER_CONTROL)))
        parcours_selection_select (self->selection, self->pressed, PARCOURS_SELECT_REPLACE);
      break;

    case PARCOURS_INTERACTION_PRESSED_EMPTY:
      if (!(self->press_modifiers & (PARCOURS_MODIFIER_SHIFT | PARCOURS_MODIFIER_CONTROL)))
        parcours_selection_clear (self->selection);
      break;

    case PARCOURS_INTERACTION_MOVING_CARDS:
      update_drop (self, x, y);
      if (self->has_drop)
        apply_drop (self);
      break;

    case PARCOURS_INTERACTION_MOVING_POINT:
      move_point_to (self, x, y, modifiers);
      parcours_history_end_group (self->history);
      break;

    case PARCOURS_INTERACTION_IDLE:
    case PARCOURS_INTERACTION_RUBBER_BAND:
    default:
      break;
    }

  reset (self);
}

/**
 * parcours_interaction_cancel:
 *
 * Abandons the gesture in progress (Escape, a grab broken): a drag puts
 * everything back as it was and records nothing.
 *
 * Returns: whether there was a gesture to cancel
 */
gboolean
parcours_interaction_cancel (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  _parcours_interaction_header_cancel (self);
  switch (self->state)
    {
    case PARCOURS_INTERACTION_IDLE:
      return FALSE;

    case PARCOURS_INTERACTION_MOVING_POINT:
      parcours_history_cancel_group (self->history);
      break;

    case PARCOURS_INTERACTION_RUBBER_BAND:
      parcours_selection_select_all (self->selection, self->band_base, PARCOURS_SELECT_REPLACE);
      break;

    case PARCOURS_INTERACTION_PRESSED:
    case PARCOURS_INTERACTION_PRESSED_EMPTY:
    case PARCOURS_INTERACTION_MOVING_CARDS:
    default:
      break;
    }

  reset (self);
  return TRUE;
}

/**
 * parcours_interaction_get_moving_cards:
 *
 * Returns: (transfer none) (element-type ParcoursCard): the cards a drag
 *   moves, empty when none do
 */
GPtrArray *
parcours_interaction_get_moving_cards (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  return self->moving_cards;
}

/* How far the pointer is from where the drag began, in layout units. */
void
parcours_interaction_get_drag_offset (ParcoursInteraction *self,
                                      double              *dx,
                                      double              *dy)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  *dx = self->pointer_x - self->press_x;
  *dy = self->pointer_y - self->press_y;
}

/**
 * parcours_interaction_get_drop:
 * @lane_index: (out) (optional): the target cell's lane
 * @stage_index: (out) (optional): the target cell's stage
 * @index_in_cell: (out) (optional): where among the cell's other cards
 * @marker: (out) (optional): where to draw the insertion marker
 *
 * Returns: whether the cards being moved would land somewhere now
 */
gboolean
parcours_interaction_get_drop (ParcoursInteraction *self,
                               guint               *lane_index,
                               guint               *stage_index,
                               guint               *index_in_cell,
                               ParcoursRect        *marker)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (self->state != PARCOURS_INTERACTION_MOVING_CARDS || !self->has_drop)
    return FALSE;

  if (lane_index != NULL)
    *lane_index = self->drop_lane;
  if (stage_index != NULL)
    *stage_index = self->drop_stage;
  if (index_in_cell != NULL)
    *index_in_cell = self->drop_index;
  if (marker != NULL)
    *marker = self->drop_marker;
  return TRUE;
}

gboolean
parcours_interaction_get_rubber_band (ParcoursInteraction *self,
                                      ParcoursRect        *band)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (self->state != PARCOURS_INTERACTION_RUBBER_BAND)
    return FALSE;

  *band = (ParcoursRect) { MIN (self->press_x, self->pointer_x), MIN (self->press_y, self->pointer_y),
                           fabs (self->pointer_x - self->press_x), fabs (self->pointer_y - self->press_y) };
  return TRUE;
}

/**
 * parcours_interaction_get_moving_point:
 *
 * Returns: (transfer none) (nullable): the emotion point being dragged
 */
ParcoursEmotionPoint *
parcours_interaction_get_moving_point (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  return self->moving_point;
}
