/* test-window-flows.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-format.h"
#include "parcours-inspector.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* What a workshop facilitator does around the map, in real windows of
 * the real application, driven as a person would: xdotool clicks buttons
 * and types keys into the X server (Xvfb in `build-aux/dev test`). Each
 * result is checked in the window and in the files it writes. (The kill
 * -9 and restore flow is in test-recovery.c.) Screenshots of the moments
 * worth looking at go to the test's folder. */

static GtkApplication *application;

typedef struct
{
  char *dir;
  GPtrArray *windows;
} Fixture;

/* A click in the middle of @rect, in layout coordinates of the map */
static void
click_on_map (ParcoursWindow *window,
              ParcoursRect    rect)
{
  parcours_test_ui_pointer_to_map (window->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_wait_ms (400);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!parcours_test_ui_available ())
    return;

  fixture->dir = g_dir_make_tmp ("parcours-window-flows-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->windows = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows;

  if (!parcours_test_ui_available ())
    return;

  /* Whatever a test left open goes without asking. */
  windows = g_list_copy (gtk_application_get_windows (application));
  for (GList *iter = windows; iter != NULL; iter = iter->next)
    {
      if (PARCOURS_IS_WINDOW (iter->data))
        PARCOURS_WINDOW (iter->data)->close_confirmed = TRUE;
      gtk_window_destroy (iter->data);
    }
  g_list_free (windows);
  parcours_test_wait_ms (100);

  g_clear_pointer (&fixture->windows, g_ptr_array_unref);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static ParcoursWindow *
new_window (Fixture *fixture)
{
  ParcoursWindow *window = parcours_test_ui_new_window (application, 1100, 720);

  g_ptr_array_add (fixture->windows, window);
  parcours_test_ui_focus_window (GTK_WINDOW (window));

  return window;
}

static ParcoursWindow *
open_map (Fixture          *fixture,
          ParcoursDocument *document,
          const char       *name,
          GFile           **file)
{
  ParcoursWindow *window = new_window (fixture);
  g_autoptr(GError) error = NULL;

  *file = parcours_test_save_map (document, fixture->dir, name);
  g_assert_true (parcours_test_load_into_window (window, *file, &error));
  g_assert_no_error (error);
  parcours_test_wait_ms (300);
  parcours_test_ui_focus_window (GTK_WINDOW (window));

  return window;
}

/* The start page's New Map button makes the default map. */
static void
test_create_from_start_page (Fixture       *fixture,
                             gconstpointer  data)
{
  ParcoursWindow *window;
  ParcoursDocument *document;
  GtkWidget *button;

  PARCOURS_TEST_UI_REQUIRE ();

  window = new_window (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  parcours_test_ui_screenshot ("window-flows-start-page");

  button = parcours_test_ui_find_button (GTK_WIDGET (window), "_New Map");
  g_assert_nonnull (button);
  parcours_test_ui_click_widget (button);
  parcours_test_wait_ms (300);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  document = parcours_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_lanes (document)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_personas (document)), ==, 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->canvas)));
  parcours_test_ui_screenshot ("window-flows-new-map");
}

/* A card's text typed in the inspector; Ctrl+Z on the map undoes it, and
 * the map and the inspector both show the text as it was. */
static void
test_inspector_edit_and_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(ParcoursDocument) map = parcours_test_make_canvas_map ();
  g_autoptr(GFile) file = NULL;
  ParcoursWindow *window;
  ParcoursCard *card;
  ParcoursLayout *layout;
  GtkWidget *text;
  g_autofree char *before = NULL;
  int index;

  PARCOURS_TEST_UI_REQUIRE ();

  window = open_map (fixture, map, "inspector.parcours", &file);
  card = PARCOURS_CARD (parcours_document_lookup (parcours_window_get_document (window), "t1"));
  before = g_strdup (parcours_card_get_text (card));

  /* A click on the card selects it, and the inspector shows it */
  layout = parcours_canvas_get_layout (window->canvas);
  index = parcours_layout_find (layout, PARCOURS_ELEMENT (card));
  g_assert_cmpint (index, >=, 0);
  click_on_map (window, parcours_layout_get_card (layout, index)->rect);
  g_assert_cmpuint (parcours_selection_get_n_items (parcours_canvas_get_selection (window->canvas)), ==, 1);
  g_assert_true (parcours_selection_get_item (parcours_canvas_get_selection (window->canvas), 0) ==
                 PARCOURS_ELEMENT (card));
  g_assert_cmpstr (parcours_inspector_get_page (window->inspector), ==, "card");

  text = parcours_inspector_get_field (window->inspector, "card", "text");
  parcours_test_ui_click_widget (text);
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_type ("Sees a billboard");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard");
  parcours_test_ui_screenshot ("window-flows-inspector-typed");

  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->undo_button), ==, "Undo Edit Card Text");

  /* Back on the map, Ctrl+Z: one step undoes the whole typing */
  gtk_widget_grab_focus (GTK_WIDGET (window->canvas));
  parcours_test_ui_key ("ctrl+z");
  g_assert_cmpstr (parcours_card_get_text (card), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, before);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (window)));
  parcours_test_ui_screenshot ("window-flows-inspector-undone");

  parcours_test_ui_key ("shift+ctrl+z");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a billboard");

  /* Ctrl+Z while still in the field undoes the map's last step too */
  parcours_test_ui_click_widget (text);
  parcours_test_ui_key ("End");
  parcours_test_ui_type (" at the station");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard at the station");
  parcours_test_ui_key ("ctrl+z");
  g_test_message ("after Ctrl+Z in the field: “%s”, %u steps to undo",
                  parcours_card_get_text (card),
                  parcours_history_get_n_undo (parcours_window_get_history (window)));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a billboard");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (window)), ==, 1);
}

/* Typed, Ctrl+S, Ctrl+W (no question: it is saved), opened again. */
static void
test_save_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ParcoursDocument) map = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursWindow *window;
  ParcoursWindow *again;
  GtkWidget *title;

  PARCOURS_TEST_UI_REQUIRE ();

  window = open_map (fixture, map, "reopen.parcours", &file);
  gtk_widget_grab_focus (GTK_WIDGET (window->canvas));
  parcours_selection_clear (parcours_canvas_get_selection (window->canvas));
  parcours_test_wait_ms (100);
  g_assert_cmpstr (parcours_inspector_get_page (window->inspector), ==, "map");
  title = parcours_inspector_get_field (window->inspector, "map", "title");
  parcours_test_ui_click_widget (title);
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_type ("Morning commute");
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Morning commute");

  parcours_test_ui_key ("ctrl+s");
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Morning commute");

  parcours_test_ui_key ("ctrl+w");
  parcours_test_wait_ms (200);
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window)));
  g_assert_null (parcours_test_find_message_dialog (GTK_WINDOW (window)));

  saved = parcours_test_load_file (file);
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "Morning commute");

  again = new_window (fixture);
  g_assert_true (parcours_test_load_into_window (again, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (parcours_window_get_document (again)), ==, "Morning commute");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (parcours_window_get_document (again))), ==,
                    g_list_model_get_n_items (parcours_document_get_cards (map)));
}

static void
edit_title (ParcoursWindow *window,
            const char     *title)
{
  parcours_history_set (parcours_window_get_history (window), parcours_window_get_document (window),
                        NULL, "title", title, NULL);
}

/* Ctrl+W with unsaved changes, each button clicked in turn. */
static void
test_close_dialog_buttons (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ParcoursDocument) map = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(ParcoursDocument) kept = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  ParcoursWindow *window;

  PARCOURS_TEST_UI_REQUIRE ();

  window = open_map (fixture, map, "close.parcours", &file);
  edit_title (window, "First change");

  /* Cancel: the window stays, still modified */
  parcours_test_ui_key ("ctrl+w");
  dialog = parcours_test_ui_wait_for_dialog (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“First change”"));
  parcours_test_ui_screenshot ("window-flows-close-dialog");
  parcours_test_ui_answer (dialog, "_Cancel");
  g_assert_true (parcours_test_window_is_open (GTK_WINDOW (window)));
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_null (parcours_test_find_message_dialog (GTK_WINDOW (window)));

  /* Save: written, then closed */
  parcours_test_ui_focus_window (GTK_WINDOW (window));
  parcours_test_ui_key ("ctrl+w");
  parcours_test_ui_answer (parcours_test_ui_wait_for_dialog (GTK_WINDOW (window)), "_Save");
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window)));
  saved = parcours_test_load_file (file);
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "First change");

  /* Discard: closed, the file as it was */
  window = new_window (fixture);
  g_assert_true (parcours_test_load_into_window (window, file, &error));
  g_assert_no_error (error);
  parcours_test_ui_focus_window (GTK_WINDOW (window));
  edit_title (window, "Second change");
  parcours_test_ui_key ("ctrl+w");
  parcours_test_ui_answer (parcours_test_ui_wait_for_dialog (GTK_WINDOW (window)), "_Discard");
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window)));
  kept = parcours_test_load_file (file);
  g_assert_cmpstr (parcours_document_get_title (kept), ==, "First change");
}

/* Ctrl+Q with two modified maps: one dialog names both; Cancel keeps
 * everything, Save All saves both and quits. */
static void
test_quit_several (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) map = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursDocument) first = NULL;
  g_autoptr(ParcoursDocument) second = NULL;
  g_autoptr(GFile) file1 = NULL;
  g_autoptr(GFile) file2 = NULL;
  ParcoursWindow *window1;
  ParcoursWindow *window2;
  g_autofree char *listed = NULL;
  AdwMessageDialog *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  window1 = open_map (fixture, map, "first.parcours", &file1);
  edit_title (window1, "Arrival");
  window2 = open_map (fixture, map, "second.parcours", &file2);
  edit_title (window2, "Departure");

  parcours_test_ui_key ("ctrl+q");
  dialog = parcours_test_ui_wait_for_dialog (NULL);
  listed = parcours_test_dup_dialog_list (dialog);
  g_assert_nonnull (strstr (listed, "Arrival"));
  g_assert_nonnull (strstr (listed, "Departure"));
  parcours_test_ui_screenshot ("window-flows-quit-dialog");
  parcours_test_ui_answer (dialog, "_Cancel");
  g_assert_true (parcours_test_window_is_open (GTK_WINDOW (window1)));
  g_assert_true (parcours_test_window_is_open (GTK_WINDOW (window2)));

  parcours_test_ui_focus_window (GTK_WINDOW (window2));
  parcours_test_ui_key ("ctrl+q");
  parcours_test_ui_answer (parcours_test_ui_wait_for_dialog (NULL), "_Save All");
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window1)));
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window2)));
  first = parcours_test_load_file (file1);
  second = parcours_test_load_file (file2);
  g_assert_cmpstr (parcours_document_get_title (first), ==, "Arrival");
  g_assert_cmpstr (parcours_document_get_title (second), ==, "Departure");
}

/* A file that will not load, opened as from the command line: its error,
 * with where, in a dialog over a window that shows no map. */
static void
test_open_broken_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.parcours", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *broken = "{ \"format\": \"parcours\", \"version\": 1, \"title\": \"Broken\",\n"
                       "  \"stages\": [ { \"id\": \"s1\", \"name\": 42 } ] }\n";
  AdwMessageDialog *dialog;
  ParcoursWindow *window;
  GtkWindow *active;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  g_application_open (G_APPLICATION (application), &file, 1, "");

  active = gtk_application_get_active_window (application);
  g_assert_true (PARCOURS_IS_WINDOW (active));
  window = PARCOURS_WINDOW (active);
  parcours_test_ui_focus_window (active);
  dialog = parcours_test_ui_wait_for_dialog (active);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.parcours”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stages[0].name"));
  parcours_test_ui_screenshot ("window-flows-broken-file");

  /* Nothing half-open: the start page, no file, nothing to save */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_null (parcours_window_get_file (window));
  g_assert_true (parcours_window_get_is_empty (window));

  parcours_test_ui_answer (dialog, "_Close");
  g_assert_null (parcours_test_find_message_dialog (active));
  g_assert_true (parcours_test_window_is_open (active));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Drafts of this test only, before GLib reads the variable */
  state_dir = parcours_test_ui_private_state ("window-flows");
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (parcours_test_ui_init ())
    {
      application = parcours_test_ui_new_application (G_APPLICATION_HANDLES_OPEN);
      g_application_hold (G_APPLICATION (application));
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-flows/create-from-start-page", test_create_from_start_page);
  ADD ("/window-flows/inspector-edit-and-undo", test_inspector_edit_and_undo);
  ADD ("/window-flows/save-and-reopen", test_save_and_reopen);
  ADD ("/window-flows/close-dialog-buttons", test_close_dialog_buttons);
  ADD ("/window-flows/quit-several", test_quit_several);
  ADD ("/window-flows/open-broken-file", test_open_broken_file);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  parcours_test_remove_dir (state_dir);
  return status;
}
