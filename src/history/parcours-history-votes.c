/* parcours-history-votes.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-history.h"

/* Dot voting, as workshop groups do it with sticky dots on paper: every
 * dot is an undo step of its own, so that Ctrl+Z takes back the last
 * click and nothing more, even when the same card gets ten in a row.
 * Built on the public history API: a vote is a set of ParcoursCard:votes
 * between two seals, which keeps it from merging with its neighbours. */

static gboolean
set_votes (ParcoursHistory *self,
           ParcoursCard    *card,
           guint            votes,
           const char      *label)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (parcours_card_get_votes (card) == votes)
    return FALSE;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, votes);

  parcours_history_seal (self);
  parcours_history_set_value (self, card, "votes", &value, label);
  parcours_history_seal (self);

  return parcours_card_get_votes (card) == votes;
}

/**
 * parcours_history_add_vote:
 * @self: a #ParcoursHistory
 * @card: a card of the document
 *
 * Adds one vote to @card: one step, "Vote for Card".
 *
 * Returns: %FALSE, recording nothing, if @card already has
 *   %PARCOURS_CARD_MAX_VOTES votes
 */
gboolean
parcours_history_add_vote (ParcoursHistory *self,
                           ParcoursCard    *card)
{
  guint votes;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_CARD (card), FALSE);

  votes = parcours_card_get_votes (card);
  if (votes >= PARCOURS_CARD_MAX_VOTES)
    return FALSE;

  return set_votes (self, card, votes + 1, _("Vote for Card"));
}

/**
 * parcours_history_remove_vote:
 * @self: a #ParcoursHistory
 * @card: a card of the document
 *
 * Takes one vote back from @card: one step, "Remove Vote".
 *
 * Returns: %FALSE, recording nothing, if @card has no votes
 */
gboolean
parcours_history_remove_vote (ParcoursHistory *self,
                              ParcoursCard    *card)
{
  guint votes;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_CARD (card), FALSE);

  votes = parcours_card_get_votes (card);
  if (votes == 0)
    return FALSE;

  return set_votes (self, card, votes - 1, _("Remove Vote"));
}

/**
 * parcours_history_clear_votes:
 * @self: a #ParcoursHistory
 *
 * Sets the votes of every card of the document to 0: one step, "Clear
 * Votes", or none when no card has a vote.
 *
 * Returns: how many cards had votes
 */
guint
parcours_history_clear_votes (ParcoursHistory *self)
{
  ParcoursDocument *document;
  g_auto(GValue) zero = G_VALUE_INIT;
  GListModel *cards;
  guint n_cleared = 0;
  guint n_cards;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), 0);

  document = parcours_history_get_document (self);
  cards = parcours_document_get_cards (document);
  n_cards = g_list_model_get_n_items (cards);

  g_value_init (&zero, G_TYPE_UINT);
  parcours_history_begin_group (self, _("Clear Votes"));

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

      if (parcours_card_get_votes (card) == 0)
        continue;

      parcours_history_set_value (self, card, "votes", &zero, NULL);
      n_cleared++;
    }

  parcours_history_end_group (self);

  return n_cleared;
}

/**
 * parcours_history_change_votes:
 * @self: a #ParcoursHistory
 * @cards: (array length=n_cards): cards of the document
 * @n_cards: how many
 * @delta: +1 to give each card a vote, -1 to take one back from each
 *
 * Gives each of @cards one more vote, or takes one back, as the
 * inspector does for several selected cards: one step, "Vote for Cards"
 * or "Remove Votes". A card at %PARCOURS_CARD_MAX_VOTES (or with no
 * votes, for -1) is left as it is.
 *
 * Returns: how many cards changed; none records no step
 */
guint
parcours_history_change_votes (ParcoursHistory     *self,
                               ParcoursCard * const *cards,
                               guint                n_cards,
                               int                  delta)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint n_changed = 0;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), 0);
  g_return_val_if_fail (cards != NULL || n_cards == 0, 0);
  g_return_val_if_fail (delta == 1 || delta == -1, 0);

  g_value_init (&value, G_TYPE_UINT);
  parcours_history_begin_group (self, delta > 0 ? _("Vote for Cards") : _("Remove Votes"));

  for (guint i = 0; i < n_cards; i++)
    {
      guint votes = parcours_card_get_votes (cards[i]);

      if ((delta > 0 && votes >= PARCOURS_CARD_MAX_VOTES) || (delta < 0 && votes == 0))
        continue;

      g_value_set_uint (&value, votes + delta);
      parcours_history_set_value (self, cards[i], "votes", &value, NULL);
      n_changed++;
    }

  parcours_history_end_group (self);

  return n_changed;
}
