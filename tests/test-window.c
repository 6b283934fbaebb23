/* test-window.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The window under a real display, driven through its actions: opening,
 * undo and saving, closing a modified map, New, the recent maps. It skips
 * without a display; exports and printing are in test-window-export.c, the
 * inspector and the outline in test-window-inspector.c. */

typedef ParcoursTestWindow Fixture;

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  PARCOURS_TEST_UI_REQUIRE ();

  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (parcours_window_get_is_empty (fixture->window));
  g_assert_null (parcours_window_get_file (fixture->window));
  g_assert_nonnull (parcours_window_get_document (fixture->window));
  g_assert_nonnull (parcours_window_get_history (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Parcours");
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_write_small_map (fixture->dir, "ticket.parcours", "Buying a train ticket");
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);

  document = parcours_window_get_document (fixture->window);
  g_assert_cmpstr (parcours_document_get_title (document), ==, "Buying a train ticket");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document)), ==, 1);
  g_assert_true (g_file_equal (parcours_window_get_file (fixture->window), file));
  g_assert_false (parcours_window_get_is_empty (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)),
                   ==, "Buying a train ticket");
}

static void
test_load_untitled (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_write_small_map (fixture->dir, "no-title.parcours", "");

  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "no-title.parcours");
}

static void
test_load_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *broken = "{ \"format\": \"parcours\", ";

  PARCOURS_TEST_UI_REQUIRE ();

  path = g_build_filename (fixture->dir, "broken.parcours", NULL);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  file = g_file_new_for_path (path);

  g_assert_false (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_SYNTAX);

  /* The window still shows nothing, and the file is untouched */
  g_assert_true (parcours_window_get_is_empty (fixture->window));
  g_assert_null (parcours_window_get_file (fixture->window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, broken);
}

static void
test_undo_save (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) reloaded = NULL;
  ParcoursDocument *document;
  ParcoursHistory *history;

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_write_small_map (fixture->dir, "ticket.parcours", "Buying a train ticket");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);

  document = parcours_window_get_document (fixture->window);
  history = parcours_window_get_history (fixture->window);

  /* An edit through the history shows in the title at once */
  parcours_history_set (history, document, NULL, "title", "Buying a bus ticket", NULL);
  g_assert_true (parcours_history_get_modified (history));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Buying a bus ticket");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (parcours_document_get_title (document), ==, "Buying a train ticket");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)),
                   ==, "Buying a train ticket");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpstr (parcours_document_get_title (document), ==, "Buying a bus ticket");

  /* Saving writes where the map came from, and clears "modified" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  while (parcours_window_get_saving (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (parcours_history_get_modified (history));

  reloaded = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (reloaded), ==, "Buying a bus ticket");
}

static void
test_close_modified (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_write_small_map (fixture->dir, "ticket.parcours", "Buying a train ticket");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));

  gtk_window_present (GTK_WINDOW (fixture->window));
  parcours_history_set (parcours_window_get_history (fixture->window),
                        parcours_window_get_document (fixture->window),
                        NULL, "title", "Buying a bus ticket", NULL);

  /* Closing asks first, and the window stays until the user answers */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* Discarding leaves the file as it was */
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* New gives the default grid: five stages, the usual lanes with an
 * emotion curve for the one persona; nothing to save yet, but it may be. */
static void
test_new_map (Fixture       *fixture,
              gconstpointer  data)
{
  ParcoursDocument *document;
  GListModel *lanes;
  gboolean has_emotions = FALSE;

  PARCOURS_TEST_UI_REQUIRE ();

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (fixture->window->undo_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-map", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->stack), ==, "map");
  g_assert_false (parcours_window_get_is_empty (fixture->window));
  g_assert_null (parcours_window_get_file (fixture->window));
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  g_assert_true (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.save-as"));
  g_assert_true (gtk_widget_get_visible (fixture->window->undo_button));

  document = parcours_window_get_document (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_personas (document)), ==, 1);
  lanes = parcours_document_get_lanes (document);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);

      if (parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS)
        {
          g_assert_nonnull (parcours_document_lookup_persona (document, parcours_lane_get_persona_id (lane)));
          has_emotions = TRUE;
        }
    }
  g_assert_true (has_emotions);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Untitled Journey");

  /* A window with a map keeps it: New opens another window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-map", NULL));
  g_assert_true (parcours_window_get_document (fixture->window) == document);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_maps = 0;

    for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (PARCOURS_IS_WINDOW (window) && window != GTK_WINDOW (fixture->window))
          {
            g_assert_cmpstr (gtk_stack_get_visible_child_name (PARCOURS_WINDOW (window)->stack), ==, "map");
            gtk_window_destroy (window);
            n_maps++;
          }
      }
    g_assert_cmpuint (n_maps, ==, 1);
  }
}

/* The header bar's buttons say which step they undo and redo. */
static void
test_undo_tooltips (Fixture       *fixture,
                    gconstpointer  data)
{
  ParcoursHistory *history;
  ParcoursElement *stage;

  PARCOURS_TEST_UI_REQUIRE ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-map", NULL);
  history = parcours_window_get_history (fixture->window);
  stage = g_list_model_get_item (parcours_document_get_stages (parcours_window_get_document (fixture->window)), 0);

  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->undo_button), ==, "Undo");
  parcours_history_set (history, stage, NULL, "name", "Noticing", NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->undo_button), ==, "Undo Rename Stage");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->redo_button), ==, "Redo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->undo_button), ==, "Undo");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->redo_button), ==, "Redo Rename Stage");
  g_object_unref (stage);
}

static gboolean
recent_list_has (ParcoursWindow *window,
                 const char     *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recent_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;

  return FALSE;
}

/* A map opened is listed on the start page of the next window, and
 * opens from there. */
static void
test_recent_maps (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  ParcoursWindow *second;
  gint64 end;

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_write_small_map (fixture->dir, "recent-ticket.parcours", "Buying a train ticket");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);

  second = g_object_ref_sink (parcours_window_new (NULL));
  gtk_window_present (GTK_WINDOW (second));

  /* The recent manager learns the file's type in the background. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!recent_list_has (second, "recent-ticket.parcours") && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (recent_list_has (second, "recent-ticket.parcours"));
  g_assert_true (gtk_widget_get_visible (second->recent_group));

  uri = g_file_get_uri (file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.open-recent", "s", uri));
  while (second->n_loading > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_equal (parcours_window_get_file (second), file));

  gtk_window_destroy (GTK_WINDOW (second));
  g_object_unref (second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD PARCOURS_TEST_WINDOW_ADD
  ADD ("/window/empty", test_empty);
  ADD ("/window/load", test_load);
  ADD ("/window/load-untitled", test_load_untitled);
  ADD ("/window/load-error", test_load_error);
  ADD ("/window/undo-save", test_undo_save);
  ADD ("/window/close-modified", test_close_modified);
  ADD ("/window/new-map", test_new_map);
  ADD ("/window/undo-tooltips", test_undo_tooltips);
  ADD ("/window/recent-maps", test_recent_maps);
#undef ADD

  return g_test_run ();
}
