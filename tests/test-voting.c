/* test-voting.c — a dot-voting round in a real window
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-votes-group.h"
#include "parcours-window-private.h"

/* A workshop's voting round as a facilitator runs it, in a window under
 * Xvfb driven by xdotool: Shift+Ctrl+V starts the round, clicks and Space
 * give votes, Ctrl+Z takes the last one back, the bar's buttons clear the
 * votes and end the round. Every result is checked in the file Ctrl+S
 * writes, read back with the loader. Screenshots go to the test's folder
 * for a person to look at. */

typedef ParcoursTestMapWindow Fixture;

static GtkApplication *application;

/* Moves the pointer to the middle of card @id on the canvas. */
static void
pointer_to_card (Fixture    *fixture,
                 const char *id)
{
  ParcoursRect rect = parcours_test_ui_rect_of (fixture->window, id);

  parcours_test_ui_pointer_to_map (fixture->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/* A click as a hand makes it, slower than a double click. */
static void
click (const char *button)
{
  parcours_test_ui_xdotool ("click", button, NULL);
  parcours_test_wait_ms (450);
}

static guint
votes_of (ParcoursDocument *document,
          const char       *id)
{
  ParcoursCard *card = parcours_document_lookup_card (document, id);

  g_assert_nonnull (card);
  return parcours_card_get_votes (card);
}

/* The button under @root that activates @action, or has @tooltip. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action,
             const char *tooltip)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (GTK_IS_BUTTON (widget) &&
          ((action != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0) ||
           (tooltip != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)))
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  g_assert_not_reached ();
}

static GtkWidget *
bar_button (Fixture    *fixture,
            const char *action)
{
  return find_button (GTK_WIDGET (fixture->window->voting_bar), action, NULL);
}

static void
click_widget (GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_drawable (widget));
  parcours_test_ui_pointer_to_middle (widget);
  click ("1");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;

  if (!parcours_test_ui_available ())
    return;

  document = parcours_test_make_canvas_map ();
  parcours_test_ui_open_map (fixture, application, document, "voting");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_map (fixture);
}

static void
start_round (Fixture *fixture)
{
  parcours_test_ui_key ("shift+ctrl+v");
  parcours_test_wait_ms (400);  /* the bar slides in */
  g_assert_true (parcours_canvas_get_voting (fixture->canvas));
  g_assert_true (gtk_info_bar_get_revealed (fixture->window->voting_bar));
}

static void
test_round (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursHistory *history;
  g_autofree char *now = NULL;

  PARCOURS_TEST_UI_REQUIRE ();
  history = parcours_window_get_history (fixture->window);
  start_round (fixture);

  /* Three clicks on "Sees an ad": three votes, three steps. */
  pointer_to_card (fixture, "t1");
  for (guint i = 0; i < 3; i++)
    click ("1");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 3);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Vote for Card");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Card “Sees an ad”, Discover, Touchpoints, 3 votes");

  /* Down to "Reads reviews", Space twice, Ctrl+Z once. */
  parcours_test_ui_key ("Down");
  parcours_test_ui_key ("space");
  parcours_test_ui_key ("space");
  parcours_test_ui_screenshot ("voting-round");
  parcours_test_ui_key ("ctrl+z");

  /* Nothing was dragged or edited on the way. */
  g_assert_null (fixture->canvas->editor);

  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_cmpuint (votes_of (saved, "t1"), ==, 3);
  g_assert_cmpuint (votes_of (saved, "t2"), ==, 1);
  g_assert_cmpuint (votes_of (saved, "t3"), ==, 0);
  g_assert_cmpuint (votes_of (saved, "a1"), ==, 0);
  now = parcours_test_dup_contents (fixture->file);
  g_assert_nonnull (strstr (now, "\"votes\": 3"));
  g_assert_nonnull (strstr (now, "\"votes\": 1"));

  /* A right-click takes a vote back, and so does Shift+click. */
  pointer_to_card (fixture, "t1");
  click ("3");
  g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t1"), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Vote");
  parcours_test_ui_xdotool ("keydown", "shift", NULL);
  click ("1");
  parcours_test_ui_xdotool ("keyup", "shift", NULL);
  g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t1"), ==, 1);
  g_assert_null (fixture->canvas->editor);
}

static void
test_clear_and_done (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursHistory *history;
  g_autofree char *now = NULL;
  guint n_undo;

  PARCOURS_TEST_UI_REQUIRE ();
  history = parcours_window_get_history (fixture->window);
  start_round (fixture);

  pointer_to_card (fixture, "t4");
  click ("1");
  click ("1");
  pointer_to_card (fixture, "a1");
  click ("1");
  g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 3);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Card “Searches”, Discover, Actions, 1 vote");

  /* The side panel ranks the cards; activating one finds it. */
  adw_flap_set_reveal_flap (fixture->window->flap, TRUE);
  parcours_selection_clear (parcours_canvas_get_selection (fixture->canvas));
  parcours_test_wait_ms (300);
  {
    ParcoursInspector *inspector = fixture->window->inspector;
    ParcoursVotesGroup *group = PARCOURS_VOTES_GROUP (parcours_inspector_get_votes_group (inspector, "map"));
    GtkListBox *list = parcours_votes_group_get_list (group);
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Checkout page");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, "2 votes");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))),
                     ==, "Searches");
    g_assert_null (gtk_list_box_get_row_at_index (list, 2));
    parcours_test_ui_screenshot ("voting-top-voted");

    click_widget (GTK_WIDGET (first));
    g_assert_true (parcours_selection_get_focus (parcours_canvas_get_selection (fixture->canvas)) ==
                   PARCOURS_ELEMENT (parcours_document_lookup (parcours_window_get_document (fixture->window), "t4")));
    /* Activating a row votes for nothing. */
    g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 3);
  }

  /* The card's page shows its votes, and its + button adds one. */
  parcours_test_wait_ms (200);
  {
    GtkWidget *group = parcours_inspector_get_votes_group (fixture->window->inspector, "card");

    g_assert_cmpstr (parcours_inspector_get_page (fixture->window->inspector), ==, "card");
    g_assert_true (gtk_widget_is_drawable (group));
    parcours_test_ui_screenshot ("voting-card-votes");
    click_widget (find_button (group, NULL, "Add a Vote"));
    g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t4"), ==, 3);
    g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Vote for Card");
    click_widget (find_button (group, NULL, "Remove a Vote"));
    click_widget (find_button (group, NULL, "Remove a Vote"));
    g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t4"), ==, 1);
    g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Vote");
  }
  adw_flap_set_reveal_flap (fixture->window->flap, FALSE);
  parcours_test_wait_ms (300);

  /* "Clear Votes": one step, and the file is the one the map came from. */
  n_undo = parcours_history_get_n_undo (history);
  click_widget (bar_button (fixture, "win.clear-votes"));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Clear Votes");
  g_assert_false (gtk_widget_is_sensitive (bar_button (fixture, "win.clear-votes")));
  saved = parcours_test_ui_save_and_load (fixture);
  now = parcours_test_dup_contents (fixture->file);
  g_assert_cmpstr (now, ==, fixture->original);

  /* "Done" ends the round: a click selects again, and votes for nothing. */
  click_widget (bar_button (fixture, "win.voting"));
  parcours_test_wait_ms (400);
  g_assert_false (parcours_canvas_get_voting (fixture->canvas));
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->voting_bar));
  pointer_to_card (fixture, "t1");
  click ("1");
  g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 0);
  g_assert_true (parcours_selection_get_focus (parcours_canvas_get_selection (fixture->canvas)) ==
                 PARCOURS_ELEMENT (parcours_document_lookup (parcours_window_get_document (fixture->window), "t1")));
  /* And Space pans again, as outside a round. */
  parcours_test_ui_key ("space");
  g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 0);
}

static void
test_escape_and_menu (Fixture       *fixture,
                      gconstpointer  data)
{
  PARCOURS_TEST_UI_REQUIRE ();

  /* The primary menu's check item follows the round. */
  start_round (fixture);
  {
    GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "voting");

    g_assert_true (g_variant_get_boolean (state));
    g_variant_unref (state);
  }
  /* Enter and Delete neither edit nor delete during a round. */
  pointer_to_card (fixture, "t3");
  click ("1");
  parcours_test_ui_key ("Return");
  g_assert_null (fixture->canvas->editor);
  parcours_test_ui_key ("Delete");
  g_assert_nonnull (parcours_document_lookup (parcours_window_get_document (fixture->window), "t3"));
  g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t3"), ==, 1);

  /* Escape ends the round. */
  parcours_test_ui_key ("Escape");
  parcours_test_wait_ms (400);
  g_assert_false (parcours_canvas_get_voting (fixture->canvas));
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->voting_bar));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  if (parcours_test_ui_init ())
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/voting/round-click-space-undo-save", test_round);
  ADD ("/voting/top-voted-clear-and-done", test_clear_and_done);
  ADD ("/voting/escape-no-editing", test_escape_and_menu);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
