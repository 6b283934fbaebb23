/* test-window-flows.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
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
static gboolean have_display;

typedef struct
{
  char *dir;
  GPtrArray *windows;
} Fixture;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

#define wait_ms parcours_test_wait_ms

static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", first, err);
  wait_ms (80);
}

static void
screenshot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("window-flows-%s.png", name);
  const char *argv[] = { "import", "-window", "root", file, NULL };

  /* For a person to look at; not a pass or fail. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

static char *
xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

static void
focus_window (GtkWindow *window)
{
  g_autofree char *id = NULL;

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_ms (200);
  id = xid (window);
  xdotool ("windowfocus", "--sync", id, NULL);
  wait_ms (100);
}

/* A click in the middle of @widget, where a person would click. */
static void
click (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autofree char *id = NULL;
  graphene_point_t point;
  char wx[16], wy[16];
  double sx, sy;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  g_snprintf (wx, sizeof wx, "%d", (int) (point.x + sx));
  g_snprintf (wy, sizeof wy, "%d", (int) (point.y + sy));
  id = xid (window);
  xdotool ("mousemove", "--window", id, wx, wy, NULL);
  xdotool ("click", "1", NULL);
  wait_ms (150);
}

/* A click in the middle of @rect, in layout coordinates of the map */
static void
click_on_map (ParcoursWindow *window,
              ParcoursRect    rect)
{
  g_autofree char *id = xid (GTK_WINDOW (window));
  graphene_point_t point;
  char wx[16], wy[16];
  double x, y, sx, sy;

  parcours_canvas_layout_to_widget (window->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (window->canvas), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  g_snprintf (wx, sizeof wx, "%d", (int) (point.x + sx));
  g_snprintf (wy, sizeof wy, "%d", (int) (point.y + sy));
  xdotool ("mousemove", "--window", id, wx, wy, NULL);
  xdotool ("click", "1", NULL);
  wait_ms (400);
}

static void
key (const char *keys)
{
  xdotool ("key", "--delay", "40", keys, NULL);
  wait_ms (100);
}

static void
type (const char *text)
{
  xdotool ("type", "--delay", "30", text, NULL);
  wait_ms (150);
}

/* The button of @root whose label is @label, mnemonic included */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message dialog over @window, or over any window when NULL */
static AdwMessageDialog *
find_dialog (GtkWindow *window)
{
  GListModel *toplevels;

  if (window != NULL)
    return parcours_test_find_message_dialog (window);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static AdwMessageDialog *
wait_for_dialog (GtkWindow *window)
{
  gint64 start = g_get_monotonic_time ();
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog (window)) == NULL &&
         g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    wait_ms (50);
  g_assert_nonnull (dialog);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);
  wait_ms (300);

  return dialog;
}

/* Answers @dialog with its button @label, clicked. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  click (button);
  wait_ms (200);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
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

  if (!have_display)
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
  wait_ms (100);

  g_clear_pointer (&fixture->windows, g_ptr_array_unref);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static ParcoursWindow *
new_window (Fixture *fixture)
{
  ParcoursWindow *window = parcours_window_new (PARCOURS_APPLICATION (application));

  g_ptr_array_add (fixture->windows, g_object_ref (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  focus_window (GTK_WINDOW (window));

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
  wait_ms (300);
  focus_window (GTK_WINDOW (window));

  return window;
}

static ParcoursDocument *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The start page's New Map button makes the default map. */
static void
test_create_from_start_page (Fixture       *fixture,
                             gconstpointer  data)
{
  ParcoursWindow *window;
  ParcoursDocument *document;
  GtkWidget *button;

  REQUIRE_DISPLAY ();

  window = new_window (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  screenshot ("start-page");

  button = find_button (GTK_WIDGET (window), "_New Map");
  g_assert_nonnull (button);
  click (button);
  wait_ms (300);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  document = parcours_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_lanes (document)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_personas (document)), ==, 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->canvas)));
  screenshot ("new-map");
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

  REQUIRE_DISPLAY ();

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
  click (text);
  key ("ctrl+a");
  type ("Sees a billboard");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard");
  screenshot ("inspector-typed");


  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->undo_button), ==, "Undo Edit Card Text");

  /* Back on the map, Ctrl+Z: one step undoes the whole typing */
  gtk_widget_grab_focus (GTK_WIDGET (window->canvas));
  key ("ctrl+z");
  g_assert_cmpstr (parcours_card_get_text (card), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, before);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (window)));
  screenshot ("inspector-undone");

  key ("shift+ctrl+z");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a billboard");

  /* Ctrl+Z while still in the field undoes the map's last step too */
  click (text);
  key ("End");
  type (" at the station");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees a billboard at the station");
  key ("ctrl+z");
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

  REQUIRE_DISPLAY ();

  window = open_map (fixture, map, "reopen.parcours", &file);
  gtk_widget_grab_focus (GTK_WIDGET (window->canvas));
  parcours_selection_clear (parcours_canvas_get_selection (window->canvas));
  wait_ms (100);
  g_assert_cmpstr (parcours_inspector_get_page (window->inspector), ==, "map");
  title = parcours_inspector_get_field (window->inspector, "map", "title");
  click (title);
  key ("ctrl+a");
  type ("Morning commute");
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Morning commute");

  key ("ctrl+s");
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Morning commute");

  key ("ctrl+w");
  wait_ms (200);
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window)));
  g_assert_null (parcours_test_find_message_dialog (GTK_WINDOW (window)));

  saved = load (file);
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

  REQUIRE_DISPLAY ();

  window = open_map (fixture, map, "close.parcours", &file);
  edit_title (window, "First change");

  /* Cancel: the window stays, still modified */
  key ("ctrl+w");
  dialog = wait_for_dialog (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“First change”"));
  screenshot ("close-dialog");
  answer (dialog, "_Cancel");
  g_assert_true (parcours_test_window_is_open (GTK_WINDOW (window)));
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_null (parcours_test_find_message_dialog (GTK_WINDOW (window)));

  /* Save: written, then closed */
  focus_window (GTK_WINDOW (window));
  key ("ctrl+w");
  answer (wait_for_dialog (GTK_WINDOW (window)), "_Save");
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window)));
  saved = load (file);
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "First change");

  /* Discard: closed, the file as it was */
  window = new_window (fixture);
  g_assert_true (parcours_test_load_into_window (window, file, &error));
  g_assert_no_error (error);
  focus_window (GTK_WINDOW (window));
  edit_title (window, "Second change");
  key ("ctrl+w");
  answer (wait_for_dialog (GTK_WINDOW (window)), "_Discard");
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window)));
  kept = load (file);
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

  REQUIRE_DISPLAY ();

  window1 = open_map (fixture, map, "first.parcours", &file1);
  edit_title (window1, "Arrival");
  window2 = open_map (fixture, map, "second.parcours", &file2);
  edit_title (window2, "Departure");

  key ("ctrl+q");
  dialog = wait_for_dialog (NULL);
  listed = parcours_test_dup_dialog_list (dialog);
  g_assert_nonnull (strstr (listed, "Arrival"));
  g_assert_nonnull (strstr (listed, "Departure"));
  screenshot ("quit-dialog");
  answer (dialog, "_Cancel");
  g_assert_true (parcours_test_window_is_open (GTK_WINDOW (window1)));
  g_assert_true (parcours_test_window_is_open (GTK_WINDOW (window2)));

  focus_window (GTK_WINDOW (window2));
  key ("ctrl+q");
  answer (wait_for_dialog (NULL), "_Save All");
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window1)));
  g_assert_false (parcours_test_window_is_open (GTK_WINDOW (window2)));
  first = load (file1);
  second = load (file2);
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

  REQUIRE_DISPLAY ();

  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  g_application_open (G_APPLICATION (application), &file, 1, "");

  active = gtk_application_get_active_window (application);
  g_assert_true (PARCOURS_IS_WINDOW (active));
  window = PARCOURS_WINDOW (active);
  focus_window (active);
  dialog = wait_for_dialog (active);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.parcours”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stages[0].name"));
  screenshot ("broken-file");

  /* Nothing half-open: the start page, no file, nothing to save */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_null (parcours_window_get_file (window));
  g_assert_true (parcours_window_get_is_empty (window));

  answer (dialog, "_Close");
  g_assert_null (parcours_test_find_message_dialog (active));
  g_assert_true (parcours_test_window_is_open (active));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  g_autofree char *xdotool_path = NULL;
  int status;

  /* Drafts of this test only, before GLib reads the variable */
  state_dir = g_dir_make_tmp ("parcours-window-flows-state-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Nor GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);

  xdotool_path = g_find_program_in_path ("xdotool");
  have_display = g_getenv ("DISPLAY") != NULL && gtk_init_check () && xdotool_path != NULL;
  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      adw_init ();
      /* The real application, for its shortcuts; not unique, so that
       * tests may run side by side. */
      application = GTK_APPLICATION (parcours_application_new ());
      g_application_set_flags (G_APPLICATION (application),
                               G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
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
