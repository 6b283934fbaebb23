/* test-window.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-window.h"

/* A smoke test of the window under a real display: it skips without one. */

static gboolean have_display;

typedef struct
{
  char           *dir;
  ParcoursWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("parcours-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (parcours_window_new (NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);

  if (fixture->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
          g_unlink (path);
        }

      g_rmdir (fixture->dir);
    }
  g_clear_pointer (&fixture->dir, g_free);
}

static GFile *
write_map (Fixture    *fixture,
           const char *name,
           const char *title)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("stage-1", "Discover");
  g_autoptr(ParcoursLane) lane = NULL;

  lane = parcours_lane_new ("lane-1", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints");
  parcours_document_set_title (document, title);
  _parcours_document_insert (document, PARCOURS_ELEMENT (stage), G_MAXUINT, &error);
  g_assert_no_error (error);
  _parcours_document_insert (document, PARCOURS_ELEMENT (lane), G_MAXUINT, &error);
  g_assert_no_error (error);

  parcours_format_save_file (document, file, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
load_file (ParcoursWindow  *window,
           GFile           *file,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  parcours_window_load_file_async (window, file, NULL, load_file_cb, &result);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return parcours_window_load_file_finish (window, result, error);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_map (fixture, "ticket.parcours", "Buying a train ticket");
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (load_file (fixture->window, file, &error));
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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_map (fixture, "no-title.parcours", "");

  g_assert_true (load_file (fixture->window, file, &error));
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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  path = g_build_filename (fixture->dir, "broken.parcours", NULL);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  file = g_file_new_for_path (path);

  g_assert_false (load_file (fixture->window, file, &error));
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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_map (fixture, "ticket.parcours", "Buying a train ticket");
  g_assert_true (load_file (fixture->window, file, &error));
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
  g_assert_false (parcours_history_get_modified (history));

  reloaded = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (reloaded), ==, "Buying a bus ticket");
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == window)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_map (fixture, "ticket.parcours", "Buying a train ticket");
  g_assert_true (load_file (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &before, NULL, NULL, NULL));

  gtk_window_present (GTK_WINDOW (fixture->window));
  parcours_history_set (parcours_window_get_history (fixture->window),
                        parcours_window_get_document (fixture->window),
                        NULL, "title", "Buying a bus ticket", NULL);

  /* Closing asks first, and the window stays until the user answers */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  dialog = find_dialog_for (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = find_dialog_for (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* Discarding leaves the file as it was */
  g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* No GSettings, portals or accessibility bus in the test environment */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL) &&
                 gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add ("/window/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/window/load", Fixture, NULL,
              fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/window/load-untitled", Fixture, NULL,
              fixture_set_up, test_load_untitled, fixture_tear_down);
  g_test_add ("/window/load-error", Fixture, NULL,
              fixture_set_up, test_load_error, fixture_tear_down);
  g_test_add ("/window/undo-save", Fixture, NULL,
              fixture_set_up, test_undo_save, fixture_tear_down);
  g_test_add ("/window/close-modified", Fixture, NULL,
              fixture_set_up, test_close_modified, fixture_tear_down);

  return g_test_run ();
}
