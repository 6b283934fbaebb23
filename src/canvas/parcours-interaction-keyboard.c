/* parcours-interaction-keyboard.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-interaction-private.h"

/* The keyboard half of the interaction: Tab walks every card and point in
 * reading order (lane by lane, stage by stage), arrows move the focus to
 * the neighbouring card across cells, Alt+arrows move the focused card
 * to the neighbouring place, arrows move a focused emotion point, Delete
 * removes the selection. Every move is one undo step. */

/* Cards and points as a reader meets them. */
static GPtrArray *
reading_order (ParcoursInteraction *self)
{
  GPtrArray *order = g_ptr_array_new ();
  guint n_lanes = parcours_layout_get_n_lanes (self->layout);
  guint n_stages = parcours_layout_get_n_stages (self->layout);

  for (guint l = 0; l < n_lanes; l++)
    {
      const guint *points;
      guint n;

      if (_parcours_interaction_is_card_lane (self, l))
        {
          for (guint s = 0; s < n_stages; s++)
            {
              guint first;

              parcours_layout_get_cell_cards (self->layout, l, s, &first, &n);
              for (guint i = first; i < first + n; i++)
                g_ptr_array_add (order, parcours_layout_get_card (self->layout, i)->card);
            }
          continue;
        }

      points = parcours_layout_get_lane_points (self->layout, l, &n);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (order, parcours_layout_get_point (self->layout, points[i])->point);
    }

  return order;
}

/**
 * parcours_interaction_focus_first:
 *
 * Focuses the first card or point when nothing has the focus yet, as
 * Tab into the canvas does.
 *
 * Returns: whether something has the focus now
 */
gboolean
parcours_interaction_focus_first (ParcoursInteraction *self)
{
  g_autoptr(GPtrArray) order = NULL;
  ParcoursElement *focus;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  focus = parcours_selection_get_focus (self->selection);
  if (focus != NULL && parcours_layout_find (self->layout, focus) >= 0)
    return TRUE;

  order = reading_order (self);
  if (order->len == 0)
    return FALSE;

  _parcours_interaction_focus (self, g_ptr_array_index (order, 0), TRUE);
  return TRUE;
}

/**
 * parcours_interaction_focus_next:
 * @backwards: towards the start
 *
 * Returns: %FALSE past the last (or before the first) card or point,
 *   where the focus leaves the canvas
 */
gboolean
parcours_interaction_focus_next (ParcoursInteraction *self,
                                 gboolean             backwards)
{
  g_autoptr(GPtrArray) order = NULL;
  ParcoursElement *focus;
  guint index;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  focus = parcours_selection_get_focus (self->selection);
  order = reading_order (self);
  if (focus == NULL || !g_ptr_array_find (order, focus, &index))
    return parcours_interaction_focus_first (self);

  if (backwards ? index == 0 : index + 1 >= order->len)
    return FALSE;

  _parcours_interaction_focus (self, g_ptr_array_index (order, backwards ? index - 1 : index + 1), TRUE);
  return TRUE;
}

/* The nearest card lane from @lane in steps of @step, or -1. */
static int
next_card_lane (ParcoursInteraction *self,
                int                  lane,
                int                  step,
                guint                stage,
                gboolean             needs_cards)
{
  int n_lanes = parcours_layout_get_n_lanes (self->layout);

  for (lane += step; lane >= 0 && lane < n_lanes; lane += step)
    {
      guint first, n;

      if (!_parcours_interaction_is_card_lane (self, lane))
        continue;
      parcours_layout_get_cell_cards (self->layout, lane, stage, &first, &n);
      if (!needs_cards || n > 0)
        return lane;
    }

  return -1;
}

static ParcoursElement *
neighbour_card (ParcoursInteraction   *self,
                const ParcoursCardBox *box,
                guint                  index,
                ParcoursDirection      direction)
{
  int n_stages = parcours_layout_get_n_stages (self->layout);
  guint first, n, k;
  int lane, stage, step;

  parcours_layout_get_cell_cards (self->layout, box->lane_index, box->stage_index, &first, &n);
  k = index - first;

  switch (direction)
    {
    case PARCOURS_DIRECTION_UP:
    case PARCOURS_DIRECTION_DOWN:
      step = direction == PARCOURS_DIRECTION_UP ? -1 : 1;
      if ((step < 0 && k > 0) || (step > 0 && k + 1 < n))
        return PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, index + step)->card);
      lane = next_card_lane (self, box->lane_index, step, box->stage_index, TRUE);
      if (lane < 0)
        return NULL;
      parcours_layout_get_cell_cards (self->layout, lane, box->stage_index, &first, &n);
      return PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, step < 0 ? first + n - 1 : first)->card);

    case PARCOURS_DIRECTION_LEFT:
    case PARCOURS_DIRECTION_RIGHT:
    default:
      step = direction == PARCOURS_DIRECTION_LEFT ? -1 : 1;
      for (stage = (int) box->stage_index + step; stage >= 0 && stage < n_stages; stage += step)
        {
          parcours_layout_get_cell_cards (self->layout, box->lane_index, stage, &first, &n);
          if (n > 0)
            return PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, first + MIN (k, n - 1))->card);
        }
      return NULL;
    }
}

/* Headers step along their own row or column. */
static ParcoursElement *
neighbour_header (ParcoursInteraction *self,
                  ParcoursElement     *focus,
                  int                  index,
                  ParcoursDirection    direction)
{
  gboolean forward = direction == PARCOURS_DIRECTION_DOWN || direction == PARCOURS_DIRECTION_RIGHT;
  int target = index + (forward ? 1 : -1);

  if (PARCOURS_IS_STAGE (focus))
    {
      if (direction == PARCOURS_DIRECTION_UP || direction == PARCOURS_DIRECTION_DOWN ||
          target < 0 || target >= (int) parcours_layout_get_n_stages (self->layout))
        return NULL;
      return PARCOURS_ELEMENT (parcours_layout_get_stage (self->layout, target)->stage);
    }

  if (direction == PARCOURS_DIRECTION_LEFT || direction == PARCOURS_DIRECTION_RIGHT ||
      target < 0 || target >= (int) parcours_layout_get_n_lanes (self->layout))
    return NULL;
  return PARCOURS_ELEMENT (parcours_layout_get_lane (self->layout, target)->lane);
}

/**
 * parcours_interaction_focus_neighbour:
 * @direction: where to look
 * @modifiers: Control moves the focus without selecting
 *
 * Moves the focus to the neighbouring card: up and down within a cell
 * and on to the cells above and below, left and right to the same place
 * in the neighbouring stages. A focused emotion point moves instead.
 *
 * Returns: whether anything happened
 */
gboolean
parcours_interaction_focus_neighbour (ParcoursInteraction *self,
                                      ParcoursDirection    direction,
                                      ParcoursModifiers    modifiers)
{
  ParcoursElement *focus, *target = NULL;
  int index;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  focus = parcours_selection_get_focus (self->selection);
  index = focus != NULL ? parcours_layout_find (self->layout, focus) : -1;
  if (index < 0)
    return parcours_interaction_focus_first (self);

  if (PARCOURS_IS_EMOTION_POINT (focus))
    return parcours_interaction_move_focused (self, direction, modifiers);

  if (PARCOURS_IS_CARD (focus))
    target = neighbour_card (self, parcours_layout_get_card (self->layout, index), index, direction);
  else if (PARCOURS_IS_STAGE (focus) || PARCOURS_IS_LANE (focus))
    target = neighbour_header (self, focus, index, direction);

  if (target == NULL)
    return FALSE;

  _parcours_interaction_focus (self, target, !(modifiers & PARCOURS_MODIFIER_CONTROL));
  return TRUE;
}

static gboolean
move_card (ParcoursInteraction *self,
           ParcoursCard        *card,
           ParcoursDirection    direction)
{
  int index = parcours_layout_find (self->layout, PARCOURS_ELEMENT (card));
  const ParcoursCardBox *box = parcours_layout_get_card (self->layout, index);
  int n_stages = parcours_layout_get_n_stages (self->layout);
  guint first, n, k, target_index;
  int lane = box->lane_index, stage = box->stage_index;

  parcours_layout_get_cell_cards (self->layout, lane, stage, &first, &n);
  k = index - first;

  switch (direction)
    {
    case PARCOURS_DIRECTION_UP:
      if (k > 0)
        target_index = k - 1;
      else if ((lane = next_card_lane (self, lane, -1, stage, FALSE)) >= 0)
        target_index = G_MAXUINT;
      else
        return FALSE;
      break;

    case PARCOURS_DIRECTION_DOWN:
      if (k + 1 < n)
        target_index = k + 1;
      else if ((lane = next_card_lane (self, lane, 1, stage, FALSE)) >= 0)
        target_index = 0;
      else
        return FALSE;
      break;

    case PARCOURS_DIRECTION_LEFT:
    case PARCOURS_DIRECTION_RIGHT:
    default:
      stage += direction == PARCOURS_DIRECTION_LEFT ? -1 : 1;
      if (stage < 0 || stage >= n_stages)
        return FALSE;
      target_index = k;
      break;
    }

  parcours_history_move_card (self->history, card,
                              parcours_element_get_id (PARCOURS_ELEMENT (parcours_layout_get_lane (self->layout, lane)->lane)),
                              parcours_element_get_id (PARCOURS_ELEMENT (parcours_layout_get_stage (self->layout, stage)->stage)),
                              target_index);
  return TRUE;
}

/* Up and down by a level of the five faces (a tenth of one with Alt),
 * left and right along the curve and on into the next stages. */
static gboolean
move_point (ParcoursInteraction  *self,
            ParcoursEmotionPoint *point,
            ParcoursDirection     direction,
            ParcoursModifiers     modifiers)
{
  gboolean fine = (modifiers & PARCOURS_MODIFIER_ALT) != 0;
  double value = parcours_emotion_point_get_value (point);
  double offset = parcours_emotion_point_get_offset (point);
  int index = parcours_layout_find (self->layout, PARCOURS_ELEMENT (point));
  int stage = parcours_layout_get_point (self->layout, index)->stage_index;
  int n_stages = parcours_layout_get_n_stages (self->layout);
  double step = fine ? 0.02 : 0.1;

  switch (direction)
    {
    case PARCOURS_DIRECTION_UP:
      value = fine ? value + 0.05 : parcours_emotion_level_to_value ((int) floor (value * 2 + 1e-9) + 1);
      break;

    case PARCOURS_DIRECTION_DOWN:
      value = fine ? value - 0.05 : parcours_emotion_level_to_value ((int) ceil (value * 2 - 1e-9) - 1);
      break;

    case PARCOURS_DIRECTION_LEFT:
      offset -= step;
      if (offset < -1e-9 && stage > 0)
        {
          stage--;
          offset += 1 + step;
        }
      break;

    case PARCOURS_DIRECTION_RIGHT:
    default:
      offset += step;
      if (offset > 1 + 1e-9 && stage + 1 < n_stages)
        {
          stage++;
          offset -= 1 + step;
        }
      break;
    }

  value = CLAMP (round (value * 1000) / 1000, -1, 1);
  offset = CLAMP (round (offset * 1000) / 1000, 0, 1);

  parcours_history_set (self->history, point, _("Move Emotion Point"),
                        "stage-id", parcours_element_get_id (PARCOURS_ELEMENT (parcours_layout_get_stage (self->layout, stage)->stage)),
                        "offset", offset,
                        "value", value,
                        NULL);
  return TRUE;
}

/**
 * parcours_interaction_move_focused:
 * @direction: where to
 * @modifiers: Alt for fine steps of an emotion point
 *
 * Moves the focused card to the neighbouring place (up and down within
 * its cell, then into the cells above and below; left and right into the
 * neighbouring stages), or the focused emotion point. One undo step.
 *
 * Returns: whether anything moved
 */
gboolean
parcours_interaction_move_focused (ParcoursInteraction *self,
                                   ParcoursDirection    direction,
                                   ParcoursModifiers    modifiers)
{
  ParcoursElement *focus;
  gboolean moved = FALSE;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  focus = parcours_selection_get_focus (self->selection);
  if (focus == NULL || parcours_layout_find (self->layout, focus) < 0)
    return FALSE;

  parcours_history_seal (self->history);
  if (PARCOURS_IS_CARD (focus))
    moved = move_card (self, PARCOURS_CARD (focus), direction);
  else if (PARCOURS_IS_EMOTION_POINT (focus))
    moved = move_point (self, PARCOURS_EMOTION_POINT (focus), direction, modifiers);
  parcours_history_seal (self->history);

  return moved;
}

/* What takes the focus when @element goes: the next card of its cell,
 * else the previous one. */
static ParcoursElement *
focus_after_delete (ParcoursInteraction *self,
                    ParcoursElement     *element)
{
  int index = parcours_layout_find (self->layout, element);
  const ParcoursCardBox *box;
  guint first, n;

  if (index < 0 || !PARCOURS_IS_CARD (element))
    return NULL;

  box = parcours_layout_get_card (self->layout, index);
  parcours_layout_get_cell_cards (self->layout, box->lane_index, box->stage_index, &first, &n);
  for (guint i = index + 1; i < first + n; i++)
    if (!parcours_selection_contains (self->selection, PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, i)->card)))
      return PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, i)->card);
  for (guint i = index; i > first; i--)
    if (!parcours_selection_contains (self->selection, PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, i - 1)->card)))
      return PARCOURS_ELEMENT (parcours_layout_get_card (self->layout, i - 1)->card);

  return NULL;
}

/**
 * parcours_interaction_delete_selection:
 *
 * Removes the selected cards and emotion points (or the focused one when
 * nothing is selected) in one undo step.
 *
 * Returns: whether anything was removed
 */
gboolean
parcours_interaction_delete_selection (ParcoursInteraction *self)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ParcoursElement) next_focus = NULL;
  ParcoursElement *focus;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  focus = parcours_selection_get_focus (self->selection);
  for (guint i = 0; i < parcours_selection_get_n_items (self->selection); i++)
    {
      ParcoursElement *element = parcours_selection_get_item (self->selection, i);

      if (PARCOURS_IS_CARD (element) || PARCOURS_IS_EMOTION_POINT (element))
        g_ptr_array_add (doomed, g_object_ref (element));
    }
  if (doomed->len == 0 && (PARCOURS_IS_CARD (focus) || PARCOURS_IS_EMOTION_POINT (focus)))
    g_ptr_array_add (doomed, g_object_ref (focus));
  if (doomed->len == 0)
    return FALSE;

  if (focus != NULL)
    next_focus = focus_after_delete (self, focus);
  if (next_focus != NULL)
    g_object_ref (next_focus);

  parcours_history_begin_group (self->history, doomed->len == 1 ? NULL
                                : PARCOURS_IS_CARD (g_ptr_array_index (doomed, 0)) ? _("Delete Cards")
                                : _("Delete Items"));
  for (guint i = 0; i < doomed->len; i++)
    parcours_history_remove (self->history, g_ptr_array_index (doomed, i), NULL);
  parcours_history_end_group (self->history);

  parcours_selection_prune (self->selection, _parcours_interaction_get_document (self));
  if (next_focus != NULL)
    _parcours_interaction_focus (self, next_focus, TRUE);

  return TRUE;
}

/* Selects every card the map shows, as Ctrl+A does. */
void
parcours_interaction_select_all (ParcoursInteraction *self)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  for (guint i = 0; i < parcours_layout_get_n_cards (self->layout); i++)
    g_ptr_array_add (cards, parcours_layout_get_card (self->layout, i)->card);

  parcours_selection_select_all (self->selection, cards, PARCOURS_SELECT_REPLACE);
}
