/* parcours-interaction-commands.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-interaction-private.h"

/* The commands behind the canvas's context menus, its clipboard and its
 * header keys: change the cards a menu was opened on (all the selected
 * ones when it was opened on one of them), duplicate them, insert,
 * remove, move and retype stages and lanes, set an emotion point's
 * level, paste cards into a cell. Each is one undo step; the views only
 * decide which element and which cell. */

/**
 * parcours_interaction_get_card_targets:
 * @element: (nullable): the card a menu or a key acts on
 *
 * The cards an action on @element changes: every selected card when
 * @element is one of them, else @element alone, in document order.
 *
 * Returns: (transfer container) (element-type ParcoursCard): the cards
 */
GPtrArray *
parcours_interaction_get_card_targets (ParcoursInteraction *self,
                                       ParcoursElement     *element)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *cards;
  guint n;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), targets);

  if (!PARCOURS_IS_CARD (element))
    return targets;

  if (!parcours_selection_contains (self->selection, element))
    {
      g_ptr_array_add (targets, g_object_ref (element));
      return targets;
    }

  cards = parcours_document_get_cards (_parcours_interaction_get_document (self));
  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursElement) card = g_list_model_get_item (cards, i);

      if (parcours_selection_contains (self->selection, card))
        g_ptr_array_add (targets, g_object_ref (card));
    }

  return targets;
}

/**
 * parcours_interaction_set_cards:
 * @element: the card acted on (see parcours_interaction_get_card_targets())
 * @label: the undo step's label
 * @property_name: a property of #ParcoursCard
 * @value: its new value
 *
 * Sets the property of every target card: one undo step.
 *
 * Returns: whether any card changed
 */
gboolean
parcours_interaction_set_cards (ParcoursInteraction *self,
                                ParcoursElement     *element,
                                const char          *label,
                                const char          *property_name,
                                const GValue        *value)
{
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  targets = parcours_interaction_get_card_targets (self, element);
  if (targets->len == 0)
    return FALSE;

  parcours_history_seal (self->history);
  parcours_history_begin_group (self->history, label);
  for (guint i = 0; i < targets->len; i++)
    parcours_history_set_value (self->history, g_ptr_array_index (targets, i), property_name, value, label);
  parcours_history_end_group (self->history);
  parcours_history_seal (self->history);

  return TRUE;
}

/**
 * parcours_interaction_toggle_key_moment:
 * @element: the card acted on
 *
 * Marks the target cards as key moments, or unmarks them when @element
 * already is one.
 *
 * Returns: whether anything changed
 */
gboolean
parcours_interaction_toggle_key_moment (ParcoursInteraction *self,
                                        ParcoursElement     *element)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean mark;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (!PARCOURS_IS_CARD (element))
    return FALSE;

  mark = !parcours_card_get_key_moment (PARCOURS_CARD (element));
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, mark);
  return parcours_interaction_set_cards (self, element, mark ? _("Mark as Key Moment") : _("Unmark Key Moment"),
                                         "key-moment", &value);
}

/* A new card with every property of @card but its id and place. */
static ParcoursCard *
copy_card (ParcoursDocument *document,
           ParcoursCard     *card,
           const char       *lane_id,
           const char       *stage_id)
{
  g_autofree char *id = parcours_document_make_id (document, PARCOURS_TYPE_CARD);
  ParcoursCard *copy = parcours_card_new (id, lane_id, stage_id, parcours_card_get_text (card));

  parcours_card_set_details (copy, parcours_card_get_details (card));
  parcours_card_set_channel (copy, parcours_card_get_channel (card));
  parcours_card_set_sentiment (copy, parcours_card_get_sentiment (card));
  parcours_card_set_color (copy, parcours_card_get_color (card));
  parcours_card_set_key_moment (copy, parcours_card_get_key_moment (card));
  parcours_card_set_kpi (copy, parcours_card_get_kpi (card));
  parcours_card_set_votes (copy, parcours_card_get_votes (card));
  return copy;
}

/**
 * parcours_interaction_duplicate_cards:
 * @element: the card acted on
 *
 * Puts a copy of each target card right after it in its cell and
 * selects the copies: one undo step.
 *
 * Returns: (transfer container) (element-type ParcoursCard): the copies
 */
GPtrArray *
parcours_interaction_duplicate_cards (ParcoursInteraction *self,
                                      ParcoursElement     *element)
{
  g_autoptr(GPtrArray) targets = NULL;
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  ParcoursDocument *document;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), copies);

  targets = parcours_interaction_get_card_targets (self, element);
  if (targets->len == 0)
    return copies;

  document = _parcours_interaction_get_document (self);
  parcours_history_begin_group (self->history, targets->len == 1 ? _("Duplicate Card") : _("Duplicate Cards"));
  /* Backwards, so each copy goes right after its card and the positions
   * of the cards before it stay put. */
  for (guint i = targets->len; i > 0; i--)
    {
      ParcoursCard *card = g_ptr_array_index (targets, i - 1);
      g_autoptr(ParcoursCard) copy = copy_card (document, card, parcours_card_get_lane_id (card),
                                                parcours_card_get_stage_id (card));
      guint position;

      if (!parcours_document_find_position (document, PARCOURS_ELEMENT (card), &position) ||
          !parcours_history_insert (self->history, PARCOURS_ELEMENT (copy), position + 1, NULL))
        continue;
      g_ptr_array_insert (copies, 0, g_object_ref (copy));
    }
  parcours_history_end_group (self->history);

  if (copies->len > 0)
    {
      parcours_selection_select_all (self->selection, copies, PARCOURS_SELECT_REPLACE);
      parcours_selection_set_focus (self->selection, g_ptr_array_index (copies, 0));
    }

  return copies;
}

/* Where a new stage or lane goes: before or after @anchor, or at the end. */
static guint
insert_position (ParcoursInteraction *self,
                 ParcoursElement     *anchor,
                 gboolean             after,
                 ParcoursCollection   collection)
{
  ParcoursDocument *document = _parcours_interaction_get_document (self);
  guint position;

  if (anchor != NULL && parcours_document_find_position (document, anchor, &position))
    return after ? position + 1 : position;

  return g_list_model_get_n_items (parcours_document_get_collection (document, collection));
}

/**
 * parcours_interaction_insert_stage:
 * @anchor: (nullable): the stage to insert next to, %NULL for the end
 * @after: after @anchor rather than before
 *
 * Adds a stage "New Stage", focuses it and asks the view to rename it.
 *
 * Returns: (transfer none) (nullable): the new stage
 */
ParcoursStage *
parcours_interaction_insert_stage (ParcoursInteraction *self,
                                   ParcoursStage       *anchor,
                                   gboolean             after)
{
  ParcoursDocument *document;
  g_autofree char *id = NULL;
  g_autoptr(ParcoursStage) stage = NULL;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  document = _parcours_interaction_get_document (self);
  id = parcours_document_make_id (document, PARCOURS_TYPE_STAGE);
  stage = parcours_stage_new (id, _("New Stage"));
  parcours_history_seal (self->history);
  if (!parcours_history_insert (self->history, PARCOURS_ELEMENT (stage),
                                insert_position (self, PARCOURS_ELEMENT (anchor), after, PARCOURS_COLLECTION_STAGES),
                                NULL))
    return NULL;

  _parcours_interaction_focus (self, PARCOURS_ELEMENT (stage), TRUE);
  _parcours_interaction_request_edit (self, PARCOURS_ELEMENT (stage));
  return stage;
}

/* The persona a new emotion lane follows: the first without a curve of
 * its own, else a new one made in the same step. */
static const char *
persona_for_emotion_lane (ParcoursInteraction *self)
{
  ParcoursDocument *document = _parcours_interaction_get_document (self);
  GListModel *personas = parcours_document_get_personas (document);
  GListModel *lanes = parcours_document_get_lanes (document);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(ParcoursPersona) persona = NULL;
  guint n_personas = g_list_model_get_n_items (personas);

  for (guint p = 0; p < n_personas; p++)
    {
      g_autoptr(ParcoursPersona) candidate = g_list_model_get_item (personas, p);
      const char *candidate_id = parcours_element_get_id (PARCOURS_ELEMENT (candidate));
      gboolean has_lane = FALSE;

      for (guint l = 0; l < g_list_model_get_n_items (lanes) && !has_lane; l++)
        {
          g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, l);

          has_lane = parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS &&
                     g_strcmp0 (parcours_lane_get_persona_id (lane), candidate_id) == 0;
        }
      if (!has_lane)
        return candidate_id;
    }

  id = parcours_document_make_id (document, PARCOURS_TYPE_PERSONA);
  /* Translators: the name of a persona made for a new emotion lane; %u counts them */
  name = g_strdup_printf (_("Persona %u"), n_personas + 1);
  persona = parcours_persona_new (id, name);
  if (!parcours_history_insert (self->history, PARCOURS_ELEMENT (persona), n_personas, NULL))
    return NULL;

  return parcours_element_get_id (PARCOURS_ELEMENT (persona));
}

/**
 * parcours_interaction_insert_lane:
 * @anchor: (nullable): the lane to insert next to, %NULL for the end
 * @after: after @anchor rather than before
 * @kind: the new lane's kind
 *
 * Adds a lane of @kind named after its kind. An emotion lane follows the
 * first persona without a curve, or a new persona made with it in the
 * same step. The new lane is focused and the view asked to rename it.
 *
 * Returns: (transfer none) (nullable): the new lane
 */
ParcoursLane *
parcours_interaction_insert_lane (ParcoursInteraction *self,
                                  ParcoursLane        *anchor,
                                  gboolean             after,
                                  ParcoursLaneKind     kind)
{
  ParcoursDocument *document;
  g_autofree char *id = NULL;
  g_autoptr(ParcoursLane) lane = NULL;
  guint position;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  document = _parcours_interaction_get_document (self);
  position = insert_position (self, PARCOURS_ELEMENT (anchor), after, PARCOURS_COLLECTION_LANES);
  id = parcours_document_make_id (document, PARCOURS_TYPE_LANE);
  lane = parcours_lane_new (id, kind, parcours_lane_kind_get_label (kind));

  parcours_history_seal (self->history);
  parcours_history_begin_group (self->history, _("Add Lane"));
  if (kind == PARCOURS_LANE_KIND_EMOTIONS)
    {
      const char *persona_id = persona_for_emotion_lane (self);

      if (persona_id == NULL)
        {
          parcours_history_cancel_group (self->history);
          return NULL;
        }
      parcours_lane_set_persona_id (lane, persona_id);
    }
  if (!parcours_history_insert (self->history, PARCOURS_ELEMENT (lane), position, NULL))
    {
      parcours_history_cancel_group (self->history);
      return NULL;
    }
  parcours_history_end_group (self->history);

  _parcours_interaction_focus (self, PARCOURS_ELEMENT (lane), TRUE);
  _parcours_interaction_request_edit (self, PARCOURS_ELEMENT (lane));
  return lane;
}

/**
 * parcours_interaction_remove_header:
 * @element: a stage or a lane
 * @n_cards: (out) (optional): how many cards went with it
 *
 * Removes the stage or lane with its cards and emotion points: one undo
 * step. The focus goes to its neighbour.
 *
 * Returns: whether it was removed
 */
gboolean
parcours_interaction_remove_header (ParcoursInteraction *self,
                                    ParcoursElement     *element,
                                    guint               *n_cards)
{
  ParcoursDocument *document;
  g_autoptr(GPtrArray) dependents = NULL;
  g_autoptr(ParcoursElement) next = NULL;
  GListModel *model;
  guint position, count = 0;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (n_cards != NULL)
    *n_cards = 0;
  if (!PARCOURS_IS_STAGE (element) && !PARCOURS_IS_LANE (element))
    return FALSE;

  document = _parcours_interaction_get_document (self);
  if (!parcours_document_find_position (document, element, &position))
    return FALSE;

  dependents = parcours_document_get_dependents (document, element);
  for (guint i = 0; i < dependents->len; i++)
    if (PARCOURS_IS_CARD (g_ptr_array_index (dependents, i)))
      count++;

  model = parcours_document_get_collection (document, parcours_collection_for_type (G_OBJECT_TYPE (element)));
  if (position + 1 < g_list_model_get_n_items (model))
    next = g_list_model_get_item (model, position + 1);
  else if (position > 0)
    next = g_list_model_get_item (model, position - 1);

  parcours_history_seal (self->history);
  parcours_history_remove (self->history, element, NULL);
  parcours_selection_prune (self->selection, document);
  if (next != NULL)
    _parcours_interaction_focus (self, next, TRUE);
  else
    parcours_selection_set_focus (self->selection, NULL);

  if (n_cards != NULL)
    *n_cards = count;
  return TRUE;
}

/**
 * parcours_interaction_move_header:
 * @element: a stage or a lane
 * @to_position: its new place among the stages (or lanes)
 *
 * Moves a stage or lane to another place: one step "Reorder Stages" or
 * "Reorder Lanes".
 *
 * Returns: whether it moved
 */
gboolean
parcours_interaction_move_header (ParcoursInteraction *self,
                                  ParcoursElement     *element,
                                  guint                to_position)
{
  ParcoursDocument *document;
  GListModel *model;
  guint position;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (!PARCOURS_IS_STAGE (element) && !PARCOURS_IS_LANE (element))
    return FALSE;

  document = _parcours_interaction_get_document (self);
  model = parcours_document_get_collection (document, parcours_collection_for_type (G_OBJECT_TYPE (element)));
  if (!parcours_document_find_position (document, element, &position) ||
      to_position >= g_list_model_get_n_items (model) || to_position == position)
    return FALSE;

  parcours_history_seal (self->history);
  parcours_history_move (self->history, element, to_position, NULL);
  parcours_history_seal (self->history);
  return TRUE;
}

/* Alt+arrows on a header: a stage moves left and right, a lane up and down. */
gboolean
_parcours_interaction_move_header_by (ParcoursInteraction *self,
                                      ParcoursElement     *element,
                                      ParcoursDirection    direction)
{
  ParcoursDocument *document = _parcours_interaction_get_document (self);
  gboolean along = PARCOURS_IS_STAGE (element)
                     ? direction == PARCOURS_DIRECTION_LEFT || direction == PARCOURS_DIRECTION_RIGHT
                     : direction == PARCOURS_DIRECTION_UP || direction == PARCOURS_DIRECTION_DOWN;
  gboolean back = direction == PARCOURS_DIRECTION_LEFT || direction == PARCOURS_DIRECTION_UP;
  guint position;

  if (!along || !parcours_document_find_position (document, element, &position) || (back && position == 0))
    return FALSE;

  return parcours_interaction_move_header (self, element, back ? position - 1 : position + 1);
}

/**
 * parcours_interaction_set_lane_kind:
 * @lane: a lane of cards
 * @kind: another kind of card lane
 *
 * A lane of cards may become any other lane of cards; an emotion curve
 * stays one, since cards and points do not convert.
 *
 * Returns: whether the kind changed
 */
gboolean
parcours_interaction_set_lane_kind (ParcoursInteraction *self,
                                    ParcoursLane        *lane,
                                    ParcoursLaneKind     kind)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_LANE (lane), FALSE);

  if (kind == PARCOURS_LANE_KIND_EMOTIONS || parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS ||
      parcours_lane_get_kind (lane) == kind)
    return FALSE;

  parcours_history_seal (self->history);
  parcours_history_set (self->history, lane, _("Change Lane Kind"), "kind", kind, NULL);
  parcours_history_seal (self->history);
  return TRUE;
}

/**
 * parcours_interaction_set_point_level:
 * @point: an emotion point
 * @level: -2 (very negative) to 2 (very positive)
 *
 * Returns: whether the value changed
 */
gboolean
parcours_interaction_set_point_level (ParcoursInteraction  *self,
                                      ParcoursEmotionPoint *point,
                                      int                   level)
{
  double value;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (point), FALSE);

  value = parcours_emotion_level_to_value (CLAMP (level, -2, 2));
  if (parcours_emotion_point_get_value (point) == value)
    return FALSE;

  parcours_history_seal (self->history);
  parcours_history_set (self->history, point, _("Change Emotion"), "value", value, NULL);
  parcours_history_seal (self->history);
  return TRUE;
}

/* Sets an emotion point's label: one step. */
gboolean
parcours_interaction_set_point_label (ParcoursInteraction  *self,
                                      ParcoursEmotionPoint *point,
                                      const char           *label)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (point), FALSE);

  if (g_strcmp0 (parcours_emotion_point_get_label (point), label) == 0)
    return FALSE;

  parcours_history_seal (self->history);
  parcours_history_set (self->history, point, _("Edit Emotion Point"), "label", label, NULL);
  parcours_history_seal (self->history);
  return TRUE;
}

/**
 * parcours_interaction_get_target_cell:
 * @lane_index: (out): a card lane of the layout
 * @stage_index: (out): a stage of the layout
 * @index_in_cell: (out): where among its cards
 *
 * The cell a paste or a palette item goes to: the focused card's (right
 * after it), the focused stage's or lane's first card cell, else the
 * first card cell of the map.
 *
 * Returns: %FALSE when the map has no cell for cards
 */
gboolean
parcours_interaction_get_target_cell (ParcoursInteraction *self,
                                      guint               *lane_index,
                                      guint               *stage_index,
                                      guint               *index_in_cell)
{
  ParcoursElement *focus;
  guint n_lanes, first, n;
  int index;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (self->layout == NULL || parcours_layout_get_n_stages (self->layout) == 0)
    return FALSE;

  focus = parcours_selection_get_focus (self->selection);
  index = focus != NULL ? parcours_layout_find (self->layout, focus) : -1;
  if (index >= 0 && PARCOURS_IS_CARD (focus))
    {
      const ParcoursCardBox *box = parcours_layout_get_card (self->layout, index);

      parcours_layout_get_cell_cards (self->layout, box->lane_index, box->stage_index, &first, &n);
      *lane_index = box->lane_index;
      *stage_index = box->stage_index;
      *index_in_cell = index - first + 1;
      return TRUE;
    }

  *stage_index = index >= 0 && PARCOURS_IS_STAGE (focus) ? (guint) index : 0;
  n_lanes = parcours_layout_get_n_lanes (self->layout);
  for (guint l = 0; l < n_lanes; l++)
    {
      if (index >= 0 && PARCOURS_IS_LANE (focus) && l < (guint) index)
        continue;
      if (!_parcours_interaction_is_card_lane (self, l))
        continue;
      parcours_layout_get_cell_cards (self->layout, l, *stage_index, &first, &n);
      *lane_index = l;
      *index_in_cell = n;
      return TRUE;
    }

  return FALSE;
}

/**
 * parcours_interaction_paste_cards:
 * @cards: (element-type ParcoursCard): cards to copy, not in any document
 * @lane_index: a card lane of the layout
 * @stage_index: a stage of the layout
 * @index_in_cell: where among the cell's cards
 *
 * Adds a copy of each card, in order, to the cell: one step "Paste
 * Cards". The copies are selected.
 *
 * Returns: how many cards were added
 */
guint
parcours_interaction_paste_cards (ParcoursInteraction *self,
                                  GPtrArray           *cards,
                                  guint                lane_index,
                                  guint                stage_index,
                                  guint                index_in_cell)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  ParcoursDocument *document;
  const char *lane_id, *stage_id;
  guint position;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), 0);
  g_return_val_if_fail (cards != NULL, 0);

  if (cards->len == 0 || !_parcours_interaction_is_card_lane (self, lane_index) ||
      stage_index >= parcours_layout_get_n_stages (self->layout))
    return 0;

  if (self->editing != NULL)
    parcours_interaction_end_edit (self, FALSE);

  document = _parcours_interaction_get_document (self);
  lane_id = parcours_element_get_id (PARCOURS_ELEMENT (parcours_layout_get_lane (self->layout, lane_index)->lane));
  stage_id = parcours_element_get_id (PARCOURS_ELEMENT (parcours_layout_get_stage (self->layout, stage_index)->stage));
  position = _parcours_interaction_cell_position (self, lane_index, stage_index, index_in_cell);

  parcours_history_seal (self->history);
  parcours_history_begin_group (self->history, cards->len == 1 ? _("Paste Card") : _("Paste Cards"));
  for (guint i = 0; i < cards->len; i++)
    {
      g_autoptr(ParcoursCard) copy = copy_card (document, g_ptr_array_index (cards, i), lane_id, stage_id);

      if (parcours_history_insert (self->history, PARCOURS_ELEMENT (copy), position + added->len, NULL))
        g_ptr_array_add (added, g_object_ref (copy));
    }
  parcours_history_end_group (self->history);

  if (added->len > 0)
    {
      parcours_selection_select_all (self->selection, added, PARCOURS_SELECT_REPLACE);
      parcours_selection_set_focus (self->selection, g_ptr_array_index (added, 0));
    }

  return added->len;
}

/**
 * parcours_interaction_context:
 * @x: layout x
 * @y: layout y
 *
 * A right-click or a long press at (@x, @y): abandons any gesture in
 * progress, focuses what is there and selects it unless it already is
 * (so a menu on one of several selected cards acts on them all).
 *
 * Returns: (transfer none) (nullable): the card, stage, lane or emotion
 *   point whose menu to open, %NULL for empty space
 */
ParcoursElement *
parcours_interaction_context (ParcoursInteraction *self,
                              double               x,
                              double               y)
{
  ParcoursElement *hit;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);
  g_return_val_if_fail (self->layout != NULL, NULL);

  parcours_interaction_cancel (self);
  hit = parcours_layout_hit_test (self->layout, x, y);
  if (!PARCOURS_IS_CARD (hit) && !PARCOURS_IS_STAGE (hit) && !PARCOURS_IS_LANE (hit) &&
      !PARCOURS_IS_EMOTION_POINT (hit))
    return NULL;

  parcours_selection_set_focus (self->selection, hit);
  if (!parcours_selection_contains (self->selection, hit))
    parcours_selection_select (self->selection, hit, PARCOURS_SELECT_REPLACE);
  return hit;
}

/* The card lane of @kind nearest @lane_index, or -1. Touchpoints also
 * live in channel lanes. */
static int
lane_of_kind (ParcoursInteraction *self,
              ParcoursLaneKind     kind,
              guint                lane_index)
{
  guint n_lanes = parcours_layout_get_n_lanes (self->layout);
  int best = -1;

  for (guint l = 0; l < n_lanes; l++)
    {
      ParcoursLaneKind k = parcours_lane_get_kind (parcours_layout_get_lane (self->layout, l)->lane);

      if (!_parcours_interaction_is_card_lane (self, l))
        continue;
      if (k != kind && !(kind == PARCOURS_LANE_KIND_TOUCHPOINTS && k == PARCOURS_LANE_KIND_CHANNELS))
        continue;
      if (best < 0 || ABS ((int) l - (int) lane_index) < ABS (best - (int) lane_index))
        best = l;
    }

  return best;
}

/* A card of @kind goes to its own kind of lane in the same stage when
 * the cell is of another kind and the map has one; else where it is. */
static void
redirect_to_kind (ParcoursInteraction *self,
                  ParcoursLaneKind     kind,
                  guint               *lane_index,
                  guint               *stage_index,
                  guint               *index_in_cell)
{
  int lane = lane_of_kind (self, kind, *lane_index);
  guint first, n;

  if (lane < 0 || lane == (int) *lane_index)
    return;

  parcours_layout_get_cell_cards (self->layout, lane, *stage_index, &first, &n);
  *lane_index = lane;
  *index_in_cell = n;
}

/**
 * parcours_interaction_palette_target:
 * @kind: the kind of card a palette item makes
 * @x: layout x of the drop, or NAN for the focused cell (the keyboard)
 * @y: layout y of the drop
 * @lane_index: (out): where the card would go
 * @stage_index: (out):
 * @index_in_cell: (out):
 * @marker: (out) (optional): where to show it
 *
 * Where a palette item dropped at (@x, @y), or activated from the
 * keyboard, makes its card: the cell under the pointer at the place
 * between its cards, or the same stage's lane of that kind when the
 * cell is of another kind and the map has one.
 *
 * Returns: %FALSE outside the grid or where no card can go
 */
gboolean
parcours_interaction_palette_target (ParcoursInteraction *self,
                                     ParcoursLaneKind     kind,
                                     double               x,
                                     double               y,
                                     guint               *lane_index,
                                     guint               *stage_index,
                                     guint               *index_in_cell,
                                     ParcoursRect        *marker)
{
  ParcoursStyle *style;
  const ParcoursLaneBox *row;
  const ParcoursStageBox *column;
  guint first, n;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (self->layout == NULL)
    return FALSE;

  if (isnan (x))
    {
      if (!parcours_interaction_get_target_cell (self, lane_index, stage_index, index_in_cell))
        return FALSE;
    }
  else
    {
      if (!parcours_layout_get_cell_at (self->layout, x, y, lane_index, stage_index))
        return FALSE;
      if (!_parcours_interaction_is_card_lane (self, *lane_index) && lane_of_kind (self, kind, *lane_index) < 0)
        return FALSE;
      *index_in_cell = _parcours_interaction_is_card_lane (self, *lane_index)
                         ? _parcours_interaction_drop_index_at (self, *lane_index, *stage_index, y, NULL) : 0;
    }

  redirect_to_kind (self, kind, lane_index, stage_index, index_in_cell);
  if (!_parcours_interaction_is_card_lane (self, *lane_index))
    return FALSE;

  if (marker != NULL)
    {
      /* The same bar a card drag shows, at the slot. */
      style = parcours_layout_get_style (self->layout);
      row = parcours_layout_get_lane (self->layout, *lane_index);
      column = parcours_layout_get_stage (self->layout, *stage_index);
      parcours_layout_get_cell_cards (self->layout, *lane_index, *stage_index, &first, &n);
      if (n == 0)
        marker->y = row->row.y + style->cell_padding / 2;
      else if (*index_in_cell < n)
        marker->y = parcours_layout_get_card (self->layout, first + *index_in_cell)->rect.y - style->card_gap / 2;
      else
        {
          const ParcoursCardBox *last = parcours_layout_get_card (self->layout, first + n - 1);
          marker->y = last->rect.y + last->rect.height + style->card_gap / 2;
        }
      marker->x = column->column.x + style->cell_padding;
      marker->width = column->column.width - 2 * style->cell_padding;
      marker->y -= 1.5;
      marker->height = 3;
    }

  return TRUE;
}

/**
 * parcours_interaction_add_from_palette:
 * @kind: the kind of card
 * @channel: its channel, for touchpoints
 * @x: layout x of the drop, or NAN for the focused cell
 * @y: layout y of the drop
 *
 * Makes the card where parcours_interaction_palette_target() says and
 * asks the view to edit its text: one undo step "Add Card" once it has
 * text (left empty, it goes).
 *
 * Returns: (transfer none) (nullable): the new card
 */
ParcoursCard *
parcours_interaction_add_from_palette (ParcoursInteraction *self,
                                       ParcoursLaneKind     kind,
                                       ParcoursChannel      channel,
                                       double               x,
                                       double               y)
{
  guint lane, stage, index;
  ParcoursCard *card;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  self->has_palette_drop = FALSE;
  if (!parcours_interaction_palette_target (self, kind, x, y, &lane, &stage, &index, NULL))
    return NULL;

  card = parcours_interaction_create_card (self, lane, stage, index);
  /* Inside the group the new card's edit holds open. */
  if (card != NULL && channel != PARCOURS_CHANNEL_NONE)
    parcours_history_set (self->history, card, NULL, "channel", channel, NULL);
  _parcours_interaction_changed (self);
  return card;
}

/* While a palette item is dragged over the map: where it would land. */
void
parcours_interaction_palette_hover (ParcoursInteraction *self,
                                    ParcoursLaneKind     kind,
                                    double               x,
                                    double               y)
{
  guint lane, stage, index;

  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  self->has_palette_drop = !isnan (x) &&
    parcours_interaction_palette_target (self, kind, x, y, &lane, &stage, &index, &self->palette_marker);
  _parcours_interaction_changed (self);
}

void
parcours_interaction_palette_leave (ParcoursInteraction *self)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  self->has_palette_drop = FALSE;
  _parcours_interaction_changed (self);
}

gboolean
parcours_interaction_get_palette_drop (ParcoursInteraction *self,
                                       ParcoursRect        *marker)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (!self->has_palette_drop)
    return FALSE;
  if (marker != NULL)
    *marker = self->palette_marker;
  return TRUE;
}
