/* parcours-interaction-editing.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-interaction-private.h"

/* Typing text in place, as on sticky notes: the view's editor sends each
 * change here and the model follows live (the card grows as it is
 * typed), all of it one undo step. A card made for typing lives in an
 * open history group until the edit ends: with text it becomes one step
 * "Add Card", left empty it goes without a trace. Enter ends one card
 * and starts the next below it, so "type, Enter, type" fills a cell. */

static const char *
text_property (ParcoursElement *element)
{
  if (PARCOURS_IS_CARD (element))
    return "text";
  if (PARCOURS_IS_STAGE (element) || PARCOURS_IS_LANE (element))
    return "name";
  return NULL;
}

/**
 * parcours_interaction_begin_edit:
 * @element: a card, stage or lane
 *
 * Returns: whether @element's text can be edited in place
 */
gboolean
parcours_interaction_begin_edit (ParcoursInteraction *self,
                                 ParcoursElement     *element)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (text_property (element) == NULL)
    return FALSE;

  if (self->editing != NULL && self->editing != element)
    parcours_interaction_end_edit (self, FALSE);

  if (self->editing == NULL)
    {
      parcours_history_seal (self->history);
      g_set_object (&self->editing, element);
      self->editing_is_new = FALSE;
    }

  return TRUE;
}

/**
 * parcours_interaction_get_editing:
 *
 * Returns: (transfer none) (nullable): the element being edited
 */
ParcoursElement *
parcours_interaction_get_editing (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  return self->editing;
}

/* Whether the card being edited was made for this edit. */
gboolean
parcours_interaction_get_editing_is_new (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  return self->editing != NULL && self->editing_is_new;
}

void
parcours_interaction_update_edit (ParcoursInteraction *self,
                                  const char          *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (PARCOURS_IS_INTERACTION (self));
  g_return_if_fail (self->editing != NULL);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  parcours_history_set_value (self->history, self->editing, text_property (self->editing), &value, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static ParcoursCard *
create_card_at (ParcoursInteraction *self,
                const char          *lane_id,
                const char          *stage_id,
                guint                position)
{
  ParcoursDocument *document = _parcours_interaction_get_document (self);
  g_autofree char *id = parcours_document_make_id (document, PARCOURS_TYPE_CARD);
  g_autoptr(ParcoursCard) card = parcours_card_new (id, lane_id, stage_id, "");

  if (self->editing != NULL)
    parcours_interaction_end_edit (self, FALSE);

  parcours_history_begin_group (self->history, _("Add Card"));
  if (!parcours_history_insert (self->history, PARCOURS_ELEMENT (card), position, NULL))
    {
      parcours_history_cancel_group (self->history);
      return NULL;
    }

  g_set_object (&self->editing, PARCOURS_ELEMENT (card));
  self->editing_is_new = TRUE;
  _parcours_interaction_focus (self, PARCOURS_ELEMENT (card), TRUE);
  _parcours_interaction_request_edit (self, PARCOURS_ELEMENT (card));

  return card;
}

/**
 * parcours_interaction_create_card:
 * @lane_index: a card lane of the layout
 * @stage_index: a stage of the layout
 * @index_in_cell: where among the cell's cards
 *
 * Makes an empty card there and asks the view to edit it.
 *
 * Returns: (transfer none) (nullable): the new card
 */
ParcoursCard *
parcours_interaction_create_card (ParcoursInteraction *self,
                                  guint                lane_index,
                                  guint                stage_index,
                                  guint                index_in_cell)
{
  const ParcoursLaneBox *lane;
  const ParcoursStageBox *stage;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);
  g_return_val_if_fail (_parcours_interaction_is_card_lane (self, lane_index), NULL);
  g_return_val_if_fail (stage_index < parcours_layout_get_n_stages (self->layout), NULL);

  lane = parcours_layout_get_lane (self->layout, lane_index);
  stage = parcours_layout_get_stage (self->layout, stage_index);

  return create_card_at (self,
                         parcours_element_get_id (PARCOURS_ELEMENT (lane->lane)),
                         parcours_element_get_id (PARCOURS_ELEMENT (stage->stage)),
                         _parcours_interaction_cell_position (self, lane_index, stage_index, index_in_cell));
}

/**
 * parcours_interaction_end_edit:
 * @next_card: start a new card right after the edited one (Enter)
 *
 * Commits what was typed as one step. A new card left empty is removed
 * as if it had never been.
 */
void
parcours_interaction_end_edit (ParcoursInteraction *self,
                               gboolean             next_card)
{
  g_autoptr(ParcoursElement) element = NULL;
  ParcoursDocument *document;
  gboolean was_new;
  guint position;

  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  if (self->editing == NULL)
    return;

  element = g_steal_pointer (&self->editing);
  was_new = self->editing_is_new;
  self->editing_is_new = FALSE;
  document = _parcours_interaction_get_document (self);

  if (was_new && is_blank (parcours_card_get_text (PARCOURS_CARD (element))))
    {
      parcours_history_cancel_group (self->history);
      parcours_selection_prune (self->selection, document);
      return;
    }

  if (was_new)
    parcours_history_end_group (self->history);
  parcours_history_seal (self->history);

  if (next_card && PARCOURS_IS_CARD (element) &&
      parcours_document_find_position (document, element, &position))
    create_card_at (self,
                    parcours_card_get_lane_id (PARCOURS_CARD (element)),
                    parcours_card_get_stage_id (PARCOURS_CARD (element)),
                    position + 1);
}
