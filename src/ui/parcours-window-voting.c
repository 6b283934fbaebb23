/* parcours-window-voting.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-window-private.h"

/* Dot voting in the window: win.voting starts and ends a round (the
 * canvas's ParcoursCanvas:voting, as a stateful action for the primary
 * menu, the header bar toggle and Shift+Ctrl+V), a bar above the map
 * says a round is on and offers "Clear Votes" and "Done", and
 * win.reveal-card selects a card of the inspector's "Top Voted" list on
 * the map. */

static void
update_bar (ParcoursWindow *self)
{
  guint total = self->document ? parcours_document_count_votes (self->document) : 0;
  g_autofree char *text = NULL;

  if (total == 0)
    text = g_strdup (_("No votes yet"));
  else
    /* Translators: the votes of the whole map, in the bar of a voting round */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", total), total);

  gtk_label_set_label (self->voting_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-votes", total > 0);
}

/* After a change of the map, or of the map shown: the start page has
 * nothing to vote on. */
void
_parcours_window_update_voting (ParcoursWindow *self)
{
  if (self->voting_label == NULL)
    return;

  if (!self->has_map)
    parcours_canvas_set_voting (self->canvas, FALSE);
  gtk_widget_set_visible (self->voting_button, self->has_map);
  update_bar (self);
}

static void
voting_changed_cb (ParcoursWindow *self,
                   GParamSpec     *pspec,
                   ParcoursCanvas *canvas)
{
  gboolean voting = parcours_canvas_get_voting (canvas);

  gtk_info_bar_set_revealed (self->voting_bar, voting);
  update_bar (self);
  if (voting)
    gtk_widget_grab_focus (GTK_WIDGET (canvas));
}

static void
clear_votes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  if (self->history != NULL)
    parcours_history_clear_votes (self->history);
}

static void
reveal_card_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  ParcoursSelection *selection = parcours_canvas_get_selection (self->canvas);
  ParcoursCard *card;

  if (self->document == NULL)
    return;

  card = parcours_document_lookup_card (self->document, g_variant_get_string (parameter, NULL));
  if (card == NULL)
    return;

  parcours_selection_select (selection, PARCOURS_ELEMENT (card), PARCOURS_SELECT_REPLACE);
  parcours_selection_set_focus (selection, PARCOURS_ELEMENT (card));
  parcours_canvas_reveal (self->canvas, PARCOURS_ELEMENT (card));
}

void
_parcours_window_class_voting_init (ParcoursWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, voting_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, voting_bar);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, voting_label);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, voting_hint);
  gtk_widget_class_install_action (widget_class, "win.clear-votes", NULL, clear_votes_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-card", "s", reveal_card_action);
}

void
_parcours_window_voting_init (ParcoursWindow *self)
{
  g_autoptr(GPropertyAction) voting = g_property_action_new ("voting", self->canvas, "voting");

  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (voting));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->voting_hint), gtk_label_get_label (self->voting_hint));
  g_signal_connect_object (self->canvas, "notify::voting",
                           G_CALLBACK (voting_changed_cb), self, G_CONNECT_SWAPPED);
  update_bar (self);
}
