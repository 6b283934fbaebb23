/* parcours-test-ui.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-format.h"
#include "parcours-ui-private.h"
#include "parcours-window-private.h"

#include "parcours-test-ui.h"
#include "parcours-test-utils.h"

static gboolean available;

/* Starting --------------------------------------------------------------- */

gboolean
parcours_test_ui_init_display (void)
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Nor GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  /* The test AT context: accessible properties without a bus */
  g_setenv ("GTK_A11Y", "test", TRUE);

  available = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL) &&
              gtk_init_check ();
  if (available)
    adw_init ();

  return available;
}

gboolean
parcours_test_ui_init (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  /* xdotool types into the X server. */
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  if (g_getenv ("DISPLAY") == NULL || xdotool == NULL)
    return available = FALSE;

  return parcours_test_ui_init_display ();
}

gboolean
parcours_test_ui_available (void)
{
  return available;
}

GtkApplication *
parcours_test_ui_new_application (GApplicationFlags flags)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application = GTK_APPLICATION (parcours_application_new ());

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE | flags);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  return application;
}

char *
parcours_test_ui_private_state (const char *name)
{
  g_autofree char *template = g_strdup_printf ("parcours-%s-state-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);

  return dir;
}

/* Driving with xdotool --------------------------------------------------- */

/* Runs @argv to its end; a failure fails the test. Returns its output. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", argv[0], argv[1], err);

  return out;
}

void
parcours_test_ui_xdotool (const char *first,
                          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_free (run ((const char * const *) argv->pdata));
  parcours_test_wait_ms (60);
}

void
parcours_test_ui_key (const char *keys)
{
  parcours_test_ui_xdotool ("key", "--delay", "40", keys, NULL);
  parcours_test_wait_ms (100);
}

void
parcours_test_ui_type (const char *text)
{
  parcours_test_ui_xdotool ("type", "--delay", "30", text, NULL);
  parcours_test_wait_ms (150);
}

static char *
dup_xid (GtkNative *native)
{
  GdkSurface *surface = gtk_native_get_surface (native);

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

void
parcours_test_ui_pointer_to (GtkWidget *widget,
                             double     x,
                             double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *window = NULL;
  graphene_point_t point;
  char wx[16], wy[16];
  double sx, sy;

  g_assert_nonnull (native);
  window = dup_xid (native);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_snprintf (wx, sizeof wx, "%d", (int) (point.x + sx));
  g_snprintf (wy, sizeof wy, "%d", (int) (point.y + sy));
  parcours_test_ui_xdotool ("mousemove", "--window", window, wx, wy, NULL);
}

void
parcours_test_ui_pointer_to_middle (GtkWidget *widget)
{
  parcours_test_ui_pointer_to (widget, gtk_widget_get_width (widget) / 2.0,
                               gtk_widget_get_height (widget) / 2.0);
}

void
parcours_test_ui_click_widget (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  parcours_test_ui_pointer_to_middle (widget);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_wait_ms (150);
}

void
parcours_test_ui_click_label (GtkWidget  *root,
                              const char *text)
{
  GtkWidget *label = NULL;

  for (guint tries = 0; tries < 40 && label == NULL; tries++)
    {
      label = parcours_test_ui_find_label (root, text);
      if (label == NULL)
        parcours_test_wait_ms (50);
    }
  if (label == NULL)
    g_error ("no “%s” to click", text);
  parcours_test_ui_click_widget (label);
}

void
parcours_test_ui_focus_window (GtkWindow *window)
{
  g_autofree char *xid = NULL;

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  parcours_test_wait_ms (200);

  xid = dup_xid (GTK_NATIVE (window));
  parcours_test_ui_xdotool ("windowfocus", "--sync", xid, NULL);
  parcours_test_wait_ms (100);
}

void
parcours_test_ui_screenshot (const char *format,
                             ...)
{
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  va_list args;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);
  file = g_strdup_printf ("%s.png", name);

  g_spawn_sync (NULL, (char **) (const char *[]) { "import", "-window", "root", file, NULL },
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

void
parcours_test_ui_pointer_to_map (ParcoursCanvas *canvas,
                                 double          x,
                                 double          y)
{
  parcours_canvas_layout_to_widget (canvas, x, y, &x, &y);
  parcours_test_ui_pointer_to (GTK_WIDGET (canvas), x, y);
}

void
parcours_test_ui_drag_on_map (ParcoursCanvas *canvas,
                              double          x0,
                              double          y0,
                              double          x1,
                              double          y1,
                              const char     *shot)
{
  parcours_test_ui_pointer_to_map (canvas, x0, y0);
  parcours_test_ui_xdotool ("mousedown", "1", NULL);
  for (guint step = 1; step <= 8; step++)
    parcours_test_ui_pointer_to_map (canvas, x0 + (x1 - x0) * step / 8, y0 + (y1 - y0) * step / 8);
  parcours_test_wait_ms (100);
  if (shot != NULL)
    parcours_test_ui_screenshot ("%s", shot);
  parcours_test_ui_xdotool ("mouseup", "1", NULL);
  parcours_test_wait_ms (100);
}

ParcoursRect
parcours_test_ui_rect_of (ParcoursWindow *window,
                          const char     *id)
{
  ParcoursLayout *layout = parcours_canvas_get_layout (window->canvas);
  ParcoursElement *element = parcours_document_lookup (parcours_window_get_document (window), id);
  int index = parcours_layout_find (layout, element);

  g_assert_cmpint (index, >=, 0);
  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      const ParcoursPointBox *box = parcours_layout_get_point (layout, index);

      return (ParcoursRect) { box->x, box->y, 0, 0 };
    }

  return parcours_layout_get_card (layout, index)->rect;
}

/* Widgets ---------------------------------------------------------------- */

GtkWidget *
parcours_test_ui_find_label (GtkWidget  *root,
                             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = parcours_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
parcours_test_ui_find_button (GtkWidget  *root,
                              const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = parcours_test_ui_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
parcours_test_ui_action_enabled (GtkWidget  *widget,
                                 const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_widget_set_visible (probe, FALSE);
  gtk_widget_set_parent (probe, widget);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);

  return enabled;
}

gboolean
parcours_test_ui_wait_until (gboolean (*condition) (gpointer data),
                             gpointer   data,
                             guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      parcours_test_wait_ms (20);
    }

  return TRUE;
}

/* Windows ---------------------------------------------------------------- */

ParcoursWindow *
parcours_test_ui_new_window (GtkApplication *application,
                             int             width,
                             int             height)
{
  ParcoursWindow *window = parcours_window_new (PARCOURS_APPLICATION (application));

  g_object_ref_sink (window);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

ParcoursWindow *
parcours_test_ui_open_window (GtkApplication   *application,
                              ParcoursDocument *document,
                              int               width,
                              int               height)
{
  ParcoursWindow *window = parcours_test_ui_new_window (application, width, height);

  _parcours_window_show_document (window, document, NULL);
  parcours_test_ui_focus_window (GTK_WINDOW (window));

  return window;
}

void
parcours_test_ui_close_window (ParcoursWindow **window)
{
  if (*window == NULL)
    return;

  (*window)->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (*window));
  parcours_test_wait_ms (50);
  g_clear_object (window);
}

static void
load_into_window_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

gboolean
parcours_test_load_into_window (ParcoursWindow  *window,
                                GFile           *file,
                                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  parcours_window_load_file_async (window, file, NULL, load_into_window_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return parcours_window_load_file_finish (window, result, error);
}

GFile *
parcours_test_save_map (ParcoursDocument *document,
                        const char       *dir,
                        const char       *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

gboolean
parcours_test_window_is_open (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return gtk_widget_get_visible (GTK_WIDGET (window));
    }

  return FALSE;
}

GSettings *
parcours_test_ui_reset_settings (void)
{
  GSettings *settings = _parcours_ui_get_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

void
parcours_test_window_set_up (ParcoursTestWindow *fixture,
                             gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("parcours-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  if (available)
    fixture->window = g_object_ref_sink (parcours_window_new (NULL));
}

void
parcours_test_window_tear_down (ParcoursTestWindow *fixture,
                                gconstpointer       data)
{
  parcours_test_ui_close_window (&fixture->window);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

GFile *
parcours_test_write_small_map (const char *dir,
                               const char *name,
                               const char *title)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  parcours_document_set_title (document, title);
  parcours_test_add (document, parcours_stage_new ("stage-1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("lane-1", PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                  "Touchpoints"));

  return parcours_test_save_map (document, dir, name);
}

void
parcours_test_ui_open_map (ParcoursTestMapWindow *map,
                           GtkApplication        *application,
                           ParcoursDocument      *document,
                           const char            *name)
{
  g_autofree char *template = g_strdup_printf ("parcours-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;

  map->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  map->file = parcours_test_save_map (document, map->dir, "workshop.parcours");
  map->path = g_file_get_path (map->file);
  map->original = parcours_test_dup_contents (map->file);

  map->window = parcours_test_ui_new_window (application, 1000, 700);
  /* The whole width for the map: the side panel is tested elsewhere.
   * Hidden before the window shows, it hides without an animation. */
  adw_flap_set_reveal_flap (map->window->flap, FALSE);
  g_assert_true (parcours_test_load_into_window (map->window, map->file, &error));
  g_assert_no_error (error);
  map->canvas = map->window->canvas;

  while (gtk_widget_get_width (GTK_WIDGET (map->canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* The keyboard goes where a person clicked: this window. */
  parcours_test_ui_focus_window (GTK_WINDOW (map->window));
}

void
parcours_test_ui_close_map (ParcoursTestMapWindow *map)
{
  parcours_test_ui_close_window (&map->window);
  map->canvas = NULL;
  g_clear_object (&map->file);
  parcours_test_remove_dir (map->dir);
  g_clear_pointer (&map->dir, g_free);
  g_clear_pointer (&map->path, g_free);
  g_clear_pointer (&map->original, g_free);
}

ParcoursDocument *
parcours_test_ui_save_and_load (ParcoursTestMapWindow *map)
{
  parcours_test_ui_key ("ctrl+s");
  parcours_test_wait_ms (100);
  while (parcours_window_get_saving (map->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (map->window)));

  return parcours_test_load_file (map->file);
}

void
parcours_test_ui_assert_unchanged (ParcoursTestMapWindow *map)
{
  g_autoptr(ParcoursDocument) saved = parcours_test_ui_save_and_load (map);
  g_autofree char *now = parcours_test_dup_contents (map->file);

  g_assert_cmpstr (now, ==, map->original);
}

/* Dialogs ---------------------------------------------------------------- */

AdwMessageDialog *
parcours_test_find_message_dialog (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          (window == NULL || gtk_window_get_transient_for (toplevel) == window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

AdwMessageDialog *
parcours_test_ui_wait_for_dialog (GtkWindow *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog;

  while ((dialog = parcours_test_find_message_dialog (window)) == NULL &&
         g_get_monotonic_time () < end)
    parcours_test_wait_ms (50);
  g_assert_nonnull (dialog);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);
  parcours_test_wait_ms (300);

  return dialog;
}

void
parcours_test_ui_answer (AdwMessageDialog *dialog,
                         const char       *label)
{
  GtkWidget *button = parcours_test_ui_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  parcours_test_ui_click_widget (button);
  parcours_test_wait_ms (200);
}

char *
parcours_test_dup_dialog_list (AdwMessageDialog *dialog)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  GString *titles = g_string_new (NULL);

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_string_append_printf (titles, "%s%s", titles->len ? " | " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_string_free (titles, FALSE);
}

/* The app in a process of its own ------------------------------------------ */

/* In the child: it goes when the test goes, even if the test aborts. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

GPid
parcours_test_ui_spawn_app (const char * const *args,
                            const char         *log_path)
{
  const char *binary = g_getenv ("PARCOURS_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) windows = NULL;
  GPid pid;
  int log_fd;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Its output goes to a file: a pipe it holds open would keep the
   * test runner waiting. */
  log_fd = g_open (log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv->pdata, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD, die_with_parent, NULL,
                                         &pid, -1, log_fd, log_fd, &error));
  close (log_fd);
  g_assert_no_error (error);

  id = g_strdup_printf ("%d", (int) pid);
  out = run ((const char *[]) { "timeout", "30", "xdotool", "search", "--sync", "--onlyvisible",
                                "--pid", id, NULL });
  windows = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_nonnull (windows[0]);

  /* Let it load the map and draw. */
  g_usleep (1500 * 1000);
  g_free (run ((const char *[]) { "xdotool", "windowfocus", "--sync", windows[0], NULL }));
  g_usleep (300 * 1000);

  return pid;
}

void
parcours_test_ui_kill_app (GPid pid)
{
  int status;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
}
