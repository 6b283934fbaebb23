/* test-save.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "parcours-atomic-file.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Saving in the background: the map's text is taken on the main thread,
 * written by a worker, and the window stays live meanwhile. The window
 * tests skip without a display. */

typedef ParcoursTestWindow Fixture;

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Every test waits for its saves, so nothing writes after this. */
  if (fixture->window != NULL)
    g_assert_false (parcours_window_get_saving (fixture->window));
  parcours_test_window_tear_down (fixture, data);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
save_window (ParcoursWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
}

static void
wait_for_save (ParcoursWindow *window)
{
  while (parcours_window_get_saving (window))
    g_main_context_iteration (NULL, TRUE);
}

/* The generated map of the benchmark, 5 000 cards, opened in the window
 * from @name in the fixture's folder. */
static GFile *
open_large_map (Fixture    *fixture,
                const char *name)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (100, 10, 5000, 500, 1);
  g_autoptr(GFile) file = fixture_file (fixture, name);
  g_autoptr(GError) error = NULL;

  parcours_format_save_file (document, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static void
rename_map (ParcoursWindow *window,
            const char     *title)
{
  parcours_history_set (parcours_window_get_history (window),
                        parcours_window_get_document (window),
                        NULL, "title", title, NULL);
  parcours_history_seal (parcours_window_get_history (window));
}

static gboolean
note_saving_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  g_object_set_data (G_OBJECT (fixture->window), "ran-while-saving",
                     GINT_TO_POINTER (parcours_window_get_saving (fixture->window)));

  return G_SOURCE_REMOVE;
}

/* The history remembers the state a save took, not the one it ends in. */
static void
test_saved_state (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  guint64 taken;

  parcours_history_set (history, document, NULL, "title", "Weekly shop", NULL);
  parcours_history_seal (history);
  taken = parcours_history_get_state (history);

  /* Edited while the file is written: still modified once it is done */
  parcours_history_set (history, document, NULL, "title", "Monthly shop", NULL);
  parcours_history_mark_saved_state (history, taken);
  g_assert_true (parcours_history_get_modified (history));

  /* Undo comes back to what the file holds */
  g_assert_true (parcours_history_undo (history));
  g_assert_false (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_get_modified (history));

  /* The current state marked is mark_saved() */
  parcours_history_mark_saved_state (history, parcours_history_get_state (history));
  g_assert_false (parcours_history_get_modified (history));
}

/* A state merged away while the file was written is never current again. */
static void
test_saved_state_merged (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  guint64 taken;

  parcours_history_set (history, document, NULL, "title", "W", NULL);
  taken = parcours_history_get_state (history);

  /* Typing on merges into the same step, which gets a new state */
  parcours_history_set (history, document, NULL, "title", "We", NULL);
  parcours_history_mark_saved_state (history, taken);
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_get_modified (history));
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (object);
  *out = g_object_ref (result);
}

static gboolean
replace_in_background (GFile       *file,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GAsyncResult) result = NULL;

  parcours_atomic_file_replace_async (file, bytes, NULL, replaced_cb, &result);
  /* The callback comes from the main loop, never from inside the call */
  g_assert_null (result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return parcours_atomic_file_replace_finish (result, error);
}

static void
test_atomic_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "map.parcours");
  g_autoptr(GFile) lost = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *lost_path = NULL;

  g_assert_true (replace_in_background (file, "first", &error));
  g_assert_no_error (error);
  g_assert_true (replace_in_background (file, "second", &error));
  g_assert_no_error (error);
  contents = parcours_test_dup_contents (file);
  g_assert_cmpstr (contents, ==, "second");

  /* A folder that is gone: an error, and nothing written */
  lost_path = g_build_filename (fixture->dir, "gone", "map.parcours", NULL);
  lost = g_file_new_for_path (lost_path);
  g_assert_false (replace_in_background (lost, "third", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (lost, NULL));
}

static void
test_window_stays_live (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursHistory *history;

  PARCOURS_TEST_UI_REQUIRE ();

  file = open_large_map (fixture, "large.parcours");
  history = parcours_window_get_history (fixture->window);
  rename_map (fixture->window, "Before the save");

  /* Asked for, the save is under way and says so; the map is not saved
   * until the file is complete. */
  save_window (fixture->window);
  g_assert_true (parcours_window_get_saving (fixture->window));
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->window_title), ==, "Saving…");
  g_assert_true (parcours_history_get_modified (history));

  /* The main loop runs meanwhile: a source added now is dispatched
   * while the file is written, and the map can be edited. */
  g_idle_add_full (G_PRIORITY_HIGH, note_saving_cb, fixture, NULL);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->window), "ran-while-saving")));
  rename_map (fixture->window, "During the save");

  wait_for_save (fixture->window);
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->window_title), !=, "Saving…");

  /* The file holds the map as it was asked to be saved, and the edit
   * made while it was written keeps the map modified */
  saved = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "Before the save");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (saved)), ==, 5000);
  g_assert_true (parcours_history_get_modified (history));

  /* Undoing that edit comes back to the saved map */
  g_assert_true (parcours_history_undo (history));
  g_assert_false (parcours_history_get_modified (history));
}

static void
test_second_save_waits (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(GError) error = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  file = open_large_map (fixture, "large.parcours");
  rename_map (fixture->window, "First save");
  save_window (fixture->window);

  /* A second save while the first is written waits for it */
  rename_map (fixture->window, "Second save");
  save_window (fixture->window);
  g_assert_true (parcours_window_get_saving (fixture->window));
  g_assert_nonnull (fixture->window->save_waiting_file);
  g_assert_true (g_file_equal (fixture->window->save_waiting_file, file));

  /* then takes the map as it is by then */
  wait_for_save (fixture->window);
  g_assert_null (fixture->window->save_waiting_file);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  saved = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "Second save");
}

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  file = open_large_map (fixture, "large.parcours");
  rename_map (fixture->window, "Never saved");

  /* Its folder removed, the map cannot be saved where it came from */
  path = g_file_get_path (file);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);

  save_window (fixture->window);
  wait_for_save (fixture->window);

  /* It stays modified, and a dialog says why */
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “large.parcours”");
  body = g_strdup_printf ("the folder “%s” does not exist", fixture->dir);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_query_exists (file, NULL));

  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
}

static void
test_close_after_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  file = open_large_map (fixture, "large.parcours");
  gtk_window_present (GTK_WINDOW (fixture->window));
  rename_map (fixture->window, "Saved on closing");

  /* Closing a modified map asks; Save writes it, then the window closes */
  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");

  g_assert_true (parcours_window_get_saving (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  wait_for_save (fixture->window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  saved = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "Saved on closing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, parcours_test_window_set_up, func, fixture_tear_down)
  g_test_add_func ("/save/history/saved-state", test_saved_state);
  g_test_add_func ("/save/history/saved-state-merged", test_saved_state_merged);
  ADD ("/save/atomic/in-background", test_atomic_async);
  ADD ("/save/window/stays-live", test_window_stays_live);
  ADD ("/save/window/second-save-waits", test_second_save_waits);
  ADD ("/save/window/failed-save", test_failed_save);
  ADD ("/save/window/close-after-save", test_close_after_save);

#undef ADD

  return g_test_run ();
}
