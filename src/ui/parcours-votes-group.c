/* parcours-votes-group.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-votes-group.h"

/* Dot votes in the inspector, on one of two pages:
 *
 * - "card": the votes of the selected card, with buttons that take one
 *   back or add one (each a "Vote for Card" or "Remove Vote" step); with
 *   several cards selected, their votes if they share them, and buttons
 *   that change every card's by one, in one step;
 * - "map": "Top Voted", the cards with the most votes, most first (ties
 *   in the order of the map), at most PARCOURS_VOTES_GROUP_MAX_ROWS.
 *   Activating a row activates win.reveal-card with the card's id: the
 *   window selects it and scrolls the canvas to it.
 *
 * The group follows the document's signals, like the rest of the
 * inspector, and keeps no copy of it. */

struct _ParcoursVotesGroup
{
  AdwPreferencesGroup  parent_instance;

  ParcoursHistory     *history;
  ParcoursDocument    *document;
  ParcoursSelection   *selection;
  gboolean             map_page;

  /* Card page */
  AdwActionRow        *count_row;
  GtkWidget           *remove_button;
  GtkWidget           *add_button;

  /* Map page */
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (ParcoursVotesGroup, parcours_votes_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CARD_ID_KEY "parcours-card-id"

/* The selected cards, when the selection is cards only. */
static GPtrArray *
selected_cards (ParcoursVotesGroup *self)
{
  GPtrArray *cards = g_ptr_array_new ();
  guint n = self->selection != NULL ? parcours_selection_get_n_items (self->selection) : 0;

  for (guint i = 0; i < n; i++)
    {
      ParcoursElement *element = parcours_selection_get_item (self->selection, i);

      if (!PARCOURS_IS_CARD (element))
        {
          g_ptr_array_set_size (cards, 0);
          break;
        }
      g_ptr_array_add (cards, element);
    }

  return cards;
}

static char *
describe_votes (guint votes)
{
  if (votes == 0)
    return g_strdup (_("No votes"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", votes), votes);
}

/* Several cards show their votes as one card does when they have the
 * same number, else "Several values", as the other shared fields; the
 * buttons then add a vote to each card or take one back from each. */
static void
refresh_card (ParcoursVotesGroup *self)
{
  g_autoptr(GPtrArray) cards = selected_cards (self);
  g_autofree char *text = NULL;
  gboolean shared = TRUE;
  gboolean can_remove = FALSE;
  gboolean can_add = FALSE;

  for (guint i = 0; i < cards->len; i++)
    {
      guint votes = parcours_card_get_votes (g_ptr_array_index (cards, i));

      shared &= votes == parcours_card_get_votes (g_ptr_array_index (cards, 0));
      can_remove |= votes > 0;
      can_add |= votes < PARCOURS_CARD_MAX_VOTES;
    }

  if (cards->len > 0)
    text = shared ? describe_votes (parcours_card_get_votes (g_ptr_array_index (cards, 0)))
                  : g_strdup (_("Several values"));

  gtk_widget_set_visible (GTK_WIDGET (self), cards->len > 0);
  adw_action_row_set_subtitle (self->count_row, text);
  gtk_widget_set_sensitive (self->remove_button, can_remove);
  gtk_widget_set_sensitive (self->add_button, can_add);
  gtk_widget_set_tooltip_text (self->remove_button, cards->len > 1 ? _("Remove a Vote From Each Card")
                                                                   : _("Remove a Vote"));
  gtk_widget_set_tooltip_text (self->add_button, cards->len > 1 ? _("Add a Vote to Each Card") : _("Add a Vote"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (self->remove_button), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (self->add_button), -1);
}

static int
compare_by_votes (gconstpointer a,
                  gconstpointer b)
{
  ParcoursCard *card_a = *(ParcoursCard * const *) a;
  ParcoursCard *card_b = *(ParcoursCard * const *) b;
  guint votes_a = parcours_card_get_votes (card_a);
  guint votes_b = parcours_card_get_votes (card_b);

  return votes_a == votes_b ? 0 : votes_a > votes_b ? -1 : 1;
}

static GtkWidget *
new_card_row (ParcoursCard *card)
{
  const char *text = parcours_card_get_text (card);
  g_autofree char *votes = describe_votes (parcours_card_get_votes (card));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text[0] != '\0' ? text : _("Empty card"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), votes);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), CARD_ID_KEY,
                          g_strdup (parcours_element_get_id (PARCOURS_ELEMENT (card))), g_free);

  return row;
}

static void
refresh_map (ParcoursVotesGroup *self)
{
  g_autoptr(GPtrArray) voted = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->document != NULL)
    {
      GListModel *cards = parcours_document_get_cards (self->document);
      guint n_cards = g_list_model_get_n_items (cards);

      for (guint i = 0; i < n_cards; i++)
        {
          g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

          if (parcours_card_get_votes (card) > 0)
            g_ptr_array_add (voted, g_steal_pointer (&card));
        }
    }

  /* A stable sort (g_qsort_with_data is one): ties keep the map's order. */
  g_ptr_array_sort (voted, compare_by_votes);

  gtk_widget_set_visible (GTK_WIDGET (self), voted->len > 0);

  for (guint i = 0; i < voted->len && i < PARCOURS_VOTES_GROUP_MAX_ROWS; i++)
    gtk_list_box_append (self->list, new_card_row (g_ptr_array_index (voted, i)));
}

static void
refresh (ParcoursVotesGroup *self)
{
  if (self->map_page)
    refresh_map (self);
  else
    refresh_card (self);
}

static void
document_changed_cb (ParcoursVotesGroup *self,
                     ParcoursDocument   *document)
{
  refresh (self);
}

static void
selection_changed_cb (ParcoursVotesGroup *self,
                      ParcoursSelection  *selection)
{
  if (!self->map_page)
    refresh_card (self);
}

/* One card: a vote is a step of its own, as a click on the map; several:
 * one step for all. */
static void
change_votes (ParcoursVotesGroup *self,
              int                 delta)
{
  g_autoptr(GPtrArray) cards = selected_cards (self);

  if (self->history == NULL || cards->len == 0)
    return;

  if (cards->len > 1)
    parcours_history_change_votes (self->history, (ParcoursCard * const *) cards->pdata, cards->len, delta);
  else if (delta > 0)
    parcours_history_add_vote (self->history, g_ptr_array_index (cards, 0));
  else
    parcours_history_remove_vote (self->history, g_ptr_array_index (cards, 0));
}

static void
remove_clicked_cb (ParcoursVotesGroup *self,
                   GtkButton          *button)
{
  change_votes (self, -1);
}

static void
add_clicked_cb (ParcoursVotesGroup *self,
                GtkButton          *button)
{
  change_votes (self, 1);
}

static void
row_activated_cb (ParcoursVotesGroup *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), CARD_ID_KEY);

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-card", "s", id);
}

static GtkWidget *
new_round_button (const char *icon_name,
                  const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return button;
}

static void
build_card_page (ParcoursVotesGroup *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Votes"));
  self->count_row = ADW_ACTION_ROW (row);
  self->remove_button = new_round_button ("list-remove-symbolic", _("Remove a Vote"));
  self->add_button = new_round_button ("list-add-symbolic", _("Add a Vote"));
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_action_row_add_suffix (self->count_row, self->remove_button);
  adw_action_row_add_suffix (self->count_row, self->add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

static void
build_map_page (ParcoursVotesGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Top Voted"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The cards with the most dot votes; activate one to find it on the map"));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Top Voted"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
parcours_votes_group_constructed (GObject *object)
{
  ParcoursVotesGroup *self = PARCOURS_VOTES_GROUP (object);

  G_OBJECT_CLASS (parcours_votes_group_parent_class)->constructed (object);

  if (self->map_page)
    build_map_page (self);
  else
    build_card_page (self);
  refresh (self);
}

static void
parcours_votes_group_dispose (GObject *object)
{
  ParcoursVotesGroup *self = PARCOURS_VOTES_GROUP (object);

  parcours_votes_group_set_selection (self, NULL);
  parcours_votes_group_set_history (self, NULL);

  G_OBJECT_CLASS (parcours_votes_group_parent_class)->dispose (object);
}

static void
parcours_votes_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ParcoursVotesGroup *self = PARCOURS_VOTES_GROUP (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      self->map_page = g_strcmp0 (g_value_get_string (value), "map") == 0;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_votes_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParcoursVotesGroup *self = PARCOURS_VOTES_GROUP (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, self->map_page ? "map" : "card");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_votes_group_class_init (ParcoursVotesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = parcours_votes_group_constructed;
  object_class->dispose = parcours_votes_group_dispose;
  object_class->get_property = parcours_votes_group_get_property;
  object_class->set_property = parcours_votes_group_set_property;

  /**
   * ParcoursVotesGroup:page:
   *
   * "card" for the selected card's votes, "map" for the top voted cards.
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "card",
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_votes_group_init (ParcoursVotesGroup *self)
{
}

GtkWidget *
parcours_votes_group_new (const char *page)
{
  return g_object_new (PARCOURS_TYPE_VOTES_GROUP, "page", page, NULL);
}

void
parcours_votes_group_set_history (ParcoursVotesGroup *self,
                                  ParcoursHistory    *history)
{
  ParcoursDocument *document;

  g_return_if_fail (PARCOURS_IS_VOTES_GROUP (self));
  g_return_if_fail (!history || PARCOURS_IS_HISTORY (history));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  document = history ? parcours_history_get_document (history) : NULL;
  g_set_object (&self->history, history);
  g_set_object (&self->document, document);

  if (self->document != NULL)
    g_signal_connect_object (self->document, "changed",
                             G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

void
parcours_votes_group_set_selection (ParcoursVotesGroup *self,
                                    ParcoursSelection  *selection)
{
  g_return_if_fail (PARCOURS_IS_VOTES_GROUP (self));
  g_return_if_fail (!selection || PARCOURS_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);

  g_set_object (&self->selection, selection);

  if (self->selection != NULL)
    g_signal_connect_object (self->selection, "changed",
                             G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

/**
 * parcours_votes_group_get_list:
 *
 * Returns: (transfer none) (nullable): the "Top Voted" list of the map
 *   page, for tests
 */
GtkListBox *
parcours_votes_group_get_list (ParcoursVotesGroup *self)
{
  g_return_val_if_fail (PARCOURS_IS_VOTES_GROUP (self), NULL);

  return self->list;
}
