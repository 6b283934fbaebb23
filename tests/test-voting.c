/* test-voting.c — a dot-voting round in a real window
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
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

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  ParcoursWindow *window;
  ParcoursCanvas *canvas;
  char *original;
} Fixture;

static GtkApplication *application;
static gboolean have_display;

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static void
screenshot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("voting-%s.png", name);

  parcours_test_screenshot (file);
}

static char *
xid (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

/* Moves the pointer to the middle of card @id on the canvas. */
static void
pointer_to_card (Fixture    *fixture,
                 const char *id)
{
  ParcoursLayout *layout = parcours_canvas_get_layout (fixture->canvas);
  ParcoursElement *element = parcours_document_lookup (parcours_window_get_document (fixture->window), id);
  int index = parcours_layout_find (layout, element);
  ParcoursRect rect;
  double x, y;

  g_assert_cmpint (index, >=, 0);
  rect = parcours_layout_get_card (layout, index)->rect;
  parcours_canvas_layout_to_widget (fixture->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  parcours_test_pointer_to_widget (GTK_WIDGET (fixture->canvas), x, y);
}

static void
key (const char *keys)
{
  parcours_test_xdotool ("key", "--delay", "40", keys, NULL);
  parcours_test_wait_ms (60);
}

/* A click as a hand makes it, slower than a double click. */
static void
click (const char *button)
{
  parcours_test_xdotool ("click", button, NULL);
  parcours_test_wait_ms (450);
}

static ParcoursDocument *
save_and_load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *saved;

  key ("ctrl+s");
  parcours_test_wait_ms (100);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  saved = parcours_format_load_file (fixture->file, NULL, &error);
  g_assert_no_error (error);
  return saved;
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
click_widget (Fixture   *fixture,
              GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_drawable (widget));
  parcours_test_pointer_to_widget (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  click ("1");
}

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("parcours-voting-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workshop.parcours", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  document = parcours_test_make_canvas_map ();
  g_assert_true (parcours_format_save_file (document, fixture->file, NULL, &error));
  fixture->original = read_file (fixture->path);

  fixture->window = g_object_ref_sink (parcours_window_new (PARCOURS_APPLICATION (application)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  adw_flap_set_reveal_flap (fixture->window->flap, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  parcours_window_load_file_async (fixture->window, fixture->file, NULL, load_file_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (parcours_window_load_file_finish (fixture->window, result, &error));
  fixture->canvas = fixture->window->canvas;

  while (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  parcours_test_wait_ms (200);

  window = xid (fixture);
  parcours_test_xdotool ("windowfocus", "--sync", window, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      fixture->window->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      parcours_test_wait_ms (50);
    }
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->file);
  if (fixture->path != NULL)
    g_unlink (fixture->path);
  if (fixture->dir != NULL)
    g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->original, g_free);
}

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static void
start_round (Fixture *fixture)
{
  key ("shift+ctrl+v");
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

  REQUIRE_DISPLAY ();
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
  key ("Down");
  key ("space");
  key ("space");
  screenshot ("round");
  key ("ctrl+z");

  /* Nothing was dragged or edited on the way. */
  g_assert_null (fixture->canvas->editor);

  saved = save_and_load (fixture);
  g_assert_cmpuint (votes_of (saved, "t1"), ==, 3);
  g_assert_cmpuint (votes_of (saved, "t2"), ==, 1);
  g_assert_cmpuint (votes_of (saved, "t3"), ==, 0);
  g_assert_cmpuint (votes_of (saved, "a1"), ==, 0);
  now = read_file (fixture->path);
  g_assert_nonnull (strstr (now, "\"votes\": 3"));
  g_assert_nonnull (strstr (now, "\"votes\": 1"));

  /* A right-click takes a vote back, and so does Shift+click. */
  pointer_to_card (fixture, "t1");
  click ("3");
  g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t1"), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Vote");
  parcours_test_xdotool ("keydown", "shift", NULL);
  click ("1");
  parcours_test_xdotool ("keyup", "shift", NULL);
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

  REQUIRE_DISPLAY ();
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
    ParcoursVotesGroup *group = PARCOURS_VOTES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (inspector),
                                                                                     PARCOURS_TYPE_INSPECTOR,
                                                                                     "map_votes"));
    GtkListBox *list = parcours_votes_group_get_list (group);
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Checkout page");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, "2 votes");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))),
                     ==, "Searches");
    g_assert_null (gtk_list_box_get_row_at_index (list, 2));
    screenshot ("top-voted");

    click_widget (fixture, GTK_WIDGET (first));
    g_assert_true (parcours_selection_get_focus (parcours_canvas_get_selection (fixture->canvas)) ==
                   PARCOURS_ELEMENT (parcours_document_lookup (parcours_window_get_document (fixture->window), "t4")));
    /* Activating a row votes for nothing. */
    g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 3);
  }

  /* The card's page shows its votes, and its + button adds one. */
  parcours_test_wait_ms (200);
  {
    GtkWidget *group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window->inspector),
                                                                  PARCOURS_TYPE_INSPECTOR, "card_votes"));

    g_assert_cmpstr (parcours_inspector_get_page (fixture->window->inspector), ==, "card");
    g_assert_true (gtk_widget_is_drawable (group));
    screenshot ("card-votes");
    click_widget (fixture, find_button (group, NULL, "Add a Vote"));
    g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t4"), ==, 3);
    g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Vote for Card");
    click_widget (fixture, find_button (group, NULL, "Remove a Vote"));
    click_widget (fixture, find_button (group, NULL, "Remove a Vote"));
    g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t4"), ==, 1);
    g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Vote");
  }
  adw_flap_set_reveal_flap (fixture->window->flap, FALSE);
  parcours_test_wait_ms (300);

  /* "Clear Votes": one step, and the file is the one the map came from. */
  n_undo = parcours_history_get_n_undo (history);
  click_widget (fixture, bar_button (fixture, "win.clear-votes"));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Clear Votes");
  g_assert_false (gtk_widget_is_sensitive (bar_button (fixture, "win.clear-votes")));
  saved = save_and_load (fixture);
  now = read_file (fixture->path);
  g_assert_cmpstr (now, ==, fixture->original);

  /* "Done" ends the round: a click selects again, and votes for nothing. */
  click_widget (fixture, bar_button (fixture, "win.voting"));
  parcours_test_wait_ms (400);
  g_assert_false (parcours_canvas_get_voting (fixture->canvas));
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->voting_bar));
  pointer_to_card (fixture, "t1");
  click ("1");
  g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 0);
  g_assert_true (parcours_selection_get_focus (parcours_canvas_get_selection (fixture->canvas)) ==
                 PARCOURS_ELEMENT (parcours_document_lookup (parcours_window_get_document (fixture->window), "t1")));
  /* And Space pans again, as outside a round. */
  key ("space");
  g_assert_cmpuint (parcours_document_count_votes (parcours_window_get_document (fixture->window)), ==, 0);
}

static void
test_escape_and_menu (Fixture       *fixture,
                      gconstpointer  data)
{
  REQUIRE_DISPLAY ();

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
  key ("Return");
  g_assert_null (fixture->canvas->editor);
  key ("Delete");
  g_assert_nonnull (parcours_document_lookup (parcours_window_get_document (fixture->window), "t3"));
  g_assert_cmpuint (votes_of (parcours_window_get_document (fixture->window), "t3"), ==, 1);

  /* Escape ends the round. */
  key ("Escape");
  parcours_test_wait_ms (400);
  g_assert_false (parcours_canvas_get_voting (fixture->canvas));
  g_assert_false (gtk_info_bar_get_revealed (fixture->window->voting_bar));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool_path = NULL;
  int status;

  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);

  xdotool_path = g_find_program_in_path ("xdotool");
  have_display = g_getenv ("DISPLAY") != NULL && gtk_init_check () && xdotool_path != NULL;
  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      adw_init ();
      application = GTK_APPLICATION (parcours_application_new ());
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/voting/round-click-space-undo-save", test_round);
  ADD ("/voting/top-voted-clear-and-done", test_clear_and_done);
  ADD ("/voting/escape-no-editing", test_escape_and_menu);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
