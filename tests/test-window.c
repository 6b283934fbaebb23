/* test-window.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-outline-node.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

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

static GFile *
write_document (Fixture          *fixture,
                const char       *name,
                ParcoursDocument *document)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  parcours_format_save_file (document, file, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static gboolean
window_has_action (ParcoursWindow *window,
                   const char     *action)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_GET_CLASS (window);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *name;
  GType owner;

  /* GTK 4.8 wants every out argument */
  for (guint i = 0;
       gtk_widget_class_query_action (widget_class, i, &owner, &name,
                                      &parameter_type, &property_name);
       i++)
    if (g_str_equal (name, action))
      return TRUE;

  return FALSE;
}

/* Whether @action is enabled, as a menu item or button showing it sees it */
static gboolean
action_is_enabled (ParcoursWindow *window,
                   const char     *action)
{
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_parent (button, GTK_WIDGET (window));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  enabled = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);

  return enabled;
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
  while (parcours_window_get_saving (fixture->window))
    g_main_context_iteration (NULL, TRUE);
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

static void
test_export_print_enabled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  g_assert_true (window_has_action (fixture->window, "win.export"));
  g_assert_true (window_has_action (fixture->window, "win.print"));

  /* Nothing to export or print in an empty window */
  g_assert_false (action_is_enabled (fixture->window, "win.export"));
  g_assert_false (action_is_enabled (fixture->window, "win.print"));

  file = write_map (fixture, "ticket.parcours", "Buying a train ticket");
  g_assert_true (load_file (fixture->window, file, &error));
  g_assert_no_error (error);

  g_assert_true (action_is_enabled (fixture->window, "win.export"));
  g_assert_true (action_is_enabled (fixture->window, "win.print"));
}

static char *
read_contents (GFile *file,
               gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, length, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint32
png_width (const char *contents,
           gsize       length)
{
  guint32 width;

  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  memcpy (&width, contents + 16, sizeof width);

  return GUINT32_FROM_BE (width);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    ParcoursExportFormat format;
    const char *name;
    const char *starts_with;
  } exports[] = {
    { PARCOURS_EXPORT_FORMAT_PDF, "map.pdf", "%PDF-" },
    { PARCOURS_EXPORT_FORMAT_SVG, "map.svg", "<?xml" },
    { PARCOURS_EXPORT_FORMAT_PNG, "map.png", "\x89PNG" },
    { PARCOURS_EXPORT_FORMAT_MERMAID, "map.mmd", "journey" },
    { PARCOURS_EXPORT_FORMAT_CSV, "map.csv", "stage,lane,kind," },
  };
  g_autoptr(ParcoursDocument) grocery = parcours_test_make_grocery_map ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_document (fixture, "grocery.parcours", grocery);
  g_assert_true (load_file (fixture->window, file, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, exports[i].name, NULL);
      g_autoptr(GFile) target = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (parcours_window_export_to_file (fixture->window, target,
                                                     exports[i].format, &error));
      g_assert_no_error (error);

      contents = read_contents (target, &length);
      g_assert_cmpuint (length, >, strlen (exports[i].starts_with));
      g_assert_true (g_str_has_prefix (contents, exports[i].starts_with));
    }

  /* PNG at twice the map's size, for sharp slides */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "map.png", NULL);
    g_autoptr(GFile) target = g_file_new_for_path (path);
    g_autoptr(GBytes) plain = NULL;
    g_autofree char *contents = NULL;
    ParcoursExportOptions options;
    gsize length;

    parcours_export_options_init (&options);
    plain = parcours_export_png (parcours_window_get_document (fixture->window), &options, &error);
    g_assert_no_error (error);

    contents = read_contents (target, &length);
    g_assert_cmpuint (png_width (contents, length),
                      >=,
                      2 * png_width (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain)) - 1);
  }

  /* Exporting reads the map and leaves it, and its file, alone */
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  g_assert_true (g_file_equal (parcours_window_get_file (fixture->window), file));
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_map (fixture, "ticket.parcours", "Buying a train ticket");
  g_assert_true (load_file (fixture->window, file, &error));
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "no-such-folder", "map.pdf", NULL);
  target = g_file_new_for_path (path);

  g_assert_false (parcours_window_export_to_file (fixture->window, target,
                                                  PARCOURS_EXPORT_FORMAT_PDF, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_false (g_file_query_exists (target, NULL));
}

static void
test_export_name (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *x = NULL;
  g_autofree char *long_title = NULL;
  ParcoursDocument *document;
  ParcoursHistory *history;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  name = _parcours_window_dup_export_base_name (fixture->window);
  g_assert_cmpstr (name, ==, "Untitled Journey");
  g_clear_pointer (&name, g_free);

  /* Without a title, the file's name without its extension */
  file = write_map (fixture, "no-title.parcours", "");
  g_assert_true (load_file (fixture->window, file, &error));
  g_assert_no_error (error);
  name = _parcours_window_dup_export_base_name (fixture->window);
  g_assert_cmpstr (name, ==, "no-title");
  g_clear_pointer (&name, g_free);

  /* A title is made into a name that stays in the chosen folder */
  document = parcours_window_get_document (fixture->window);
  history = parcours_window_get_history (fixture->window);
  parcours_history_set (history, document, NULL, "title", " ../Q3/Q4 plan\n", NULL);
  name = _parcours_window_dup_export_base_name (fixture->window);
  g_assert_cmpstr (name, ==, "-Q3-Q4 plan");
  g_clear_pointer (&name, g_free);

  /* …and short enough for any file system, cut between characters */
  x = g_strnfill (150, 'x');
  long_title = g_strconcat (x, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé", NULL);
  parcours_history_set (history, document, NULL, "title", long_title, NULL);
  name = _parcours_window_dup_export_base_name (fixture->window);
  g_assert_cmpuint (strlen (name), <=, 200);
  g_assert_cmpuint (strlen (name), >=, 199);
  g_assert_true (g_utf8_validate (name, -1, NULL));
}

static void
test_export_resolve (void)
{
  static const struct {
    const char *chosen;
    ParcoursExportFormat filter;
    const char *written;
    ParcoursExportFormat format;
  } cases[] = {
    /* No extension: the filter's */
    { "plan", PARCOURS_EXPORT_FORMAT_PNG, "plan.png", PARCOURS_EXPORT_FORMAT_PNG },
    { "plan.v2", PARCOURS_EXPORT_FORMAT_CSV, "plan.v2.csv", PARCOURS_EXPORT_FORMAT_CSV },
    { "plan.", PARCOURS_EXPORT_FORMAT_SVG, "plan.svg", PARCOURS_EXPORT_FORMAT_SVG },
    /* An extension typed by the user says the format, whatever the filter */
    { "plan.svg", PARCOURS_EXPORT_FORMAT_PNG, "plan.svg", PARCOURS_EXPORT_FORMAT_SVG },
    { "plan.CSV", PARCOURS_EXPORT_FORMAT_PDF, "plan.CSV", PARCOURS_EXPORT_FORMAT_CSV },
    { "plan.mermaid", PARCOURS_EXPORT_FORMAT_PDF, "plan.mermaid", PARCOURS_EXPORT_FORMAT_MERMAID },
    { "plan.pdf", PARCOURS_EXPORT_FORMAT_PDF, "plan.pdf", PARCOURS_EXPORT_FORMAT_PDF },
    /* The prefilled “.pdf” gives way to another filter chosen since */
    { "plan.pdf", PARCOURS_EXPORT_FORMAT_PNG, "plan.png", PARCOURS_EXPORT_FORMAT_PNG },
    { "Plan.PDF", PARCOURS_EXPORT_FORMAT_MERMAID, "Plan.mmd", PARCOURS_EXPORT_FORMAT_MERMAID },
  };
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "exports", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].chosen, NULL);
      g_autoptr(GFile) chosen = g_file_new_for_path (path);
      g_autoptr(GFile) written = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *basename = NULL;
      ParcoursExportFormat format = PARCOURS_EXPORT_FORMAT_PARCOURS;

      written = _parcours_window_resolve_export (chosen, cases[i].filter, &format);
      basename = g_file_get_basename (written);
      parent = g_file_get_parent (written);

      g_assert_cmpstr (basename, ==, cases[i].written);
      g_assert_cmpint (format, ==, cases[i].format);
      g_assert_cmpstr (g_file_peek_path (parent), ==, dir);
    }
}

static void
count_page_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page,
               guint             *n_drawn)
{
  (*n_drawn)++;
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(ParcoursDocument) wide = parcours_test_make_generated_map (24, 5, 120, 24, 7);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GtkPageSetup *page_setup;
  guint n_drawn = 0;
  int n_pages;
  gsize length;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  parcours_document_set_title (wide, "A long week");
  file = write_document (fixture, "wide.parcours", wide);
  g_assert_true (load_file (fixture->window, file, &error));
  g_assert_no_error (error);

  operation = _parcours_window_new_print_operation (fixture->window);

  /* Landscape, named after the map */
  page_setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_nonnull (page_setup);
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, "A long week");
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (operation),
                                           GTK_PRINT_SETTINGS_OUTPUT_BASENAME),
                   ==, "A long week");

  /* Printing to a file runs the same pages without a dialog */
  path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  pdf = g_file_new_for_path (path);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect_after (operation, "draw-page", G_CALLBACK (count_page_cb), &n_drawn);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* A map wider than the paper is split over several pages, each drawn */
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >, 1);
  g_assert_cmpuint (n_drawn, ==, n_pages);

  contents = read_contents (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (fixture->window->undo_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-map", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->stack), ==, "map");
  g_assert_false (parcours_window_get_is_empty (fixture->window));
  g_assert_null (parcours_window_get_file (fixture->window));
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  g_assert_true (action_is_enabled (fixture->window, "win.save-as"));
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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

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

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  file = write_map (fixture, "recent-ticket.parcours", "Buying a train ticket");
  g_assert_true (load_file (fixture->window, file, &error));
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

static ParcoursDocument *
make_inspected_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursCard *card;

  parcours_document_set_title (document, "Inspected");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_test_add (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "Sees a poster"));
  card = parcours_card_new ("c2", "touch", "s1", "Reads reviews");
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_test_add (document, card);
  parcours_test_add (document, parcours_emotion_point_new ("p1", "feel", "s1", 0.5, -0.5));

  return document;
}

static ParcoursSelection *
show_inspected_map (Fixture *fixture)
{
  g_autoptr(ParcoursDocument) document = make_inspected_map ();

  gtk_window_present (GTK_WINDOW (fixture->window));
  _parcours_window_show_document (fixture->window, document, NULL);
  return parcours_canvas_get_selection (fixture->window->canvas);
}

static ParcoursElement *
lookup (Fixture    *fixture,
        const char *id)
{
  return parcours_document_lookup (parcours_window_get_document (fixture->window), id);
}

/* The inspector edits what the canvas selects; typing is one undo step
 * and an undo shows in the panel at once. */
static void
test_inspector_card (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  ParcoursHistory *history;
  GtkWidget *text;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  selection = show_inspected_map (fixture);
  inspector = fixture->window->inspector;
  history = parcours_window_get_history (fixture->window);

  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "map");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (parcours_inspector_get_field (inspector, "map", "title"))),
                   ==, "Inspected");

  parcours_selection_select (selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "card");
  text = parcours_inspector_get_field (inspector, "card", "text");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a poster");

  /* Typing, a character at a time */
  gtk_editable_set_text (GTK_EDITABLE (text), "Sees a billboard");
  gtk_editable_set_text (GTK_EDITABLE (text), "Sees a billboard at");
  gtk_editable_set_text (GTK_EDITABLE (text), "Sees a billboard at the station");
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))),
                   ==, "Sees a billboard at the station");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->undo_button), ==, "Undo Edit Card Text");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "Sees a poster");
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "card");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a poster");

  /* An edit elsewhere (the canvas, a redo) shows too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  parcours_selection_select (selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a billboard at the station");

  /* Switching on a key moment */
  gtk_switch_set_active (GTK_SWITCH (parcours_inspector_get_field (inspector, "card", "key-moment")), TRUE);
  g_assert_true (parcours_card_get_key_moment (PARCOURS_CARD (lookup (fixture, "c1"))));
}

/* Several cards: a value they do not share says so; setting it sets it
 * on every card, in one step. */
static void
test_inspector_several_cards (Fixture       *fixture,
                              gconstpointer  data)
{
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  ParcoursHistory *history;
  GtkWidget *sentiment;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  selection = show_inspected_map (fixture);
  inspector = fixture->window->inspector;
  history = parcours_window_get_history (fixture->window);

  parcours_selection_select (selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  parcours_selection_select (selection, lookup (fixture, "c2"), PARCOURS_SELECT_ADD);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "card");

  sentiment = parcours_inspector_get_field (inspector, "card", "sentiment");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sentiment)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sentiment)), ==, "Several values");
  g_assert_false (gtk_widget_get_sensitive (parcours_inspector_get_field (inspector, "card", "text")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (sentiment), PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpint (parcours_card_get_sentiment (PARCOURS_CARD (lookup (fixture, "c1"))), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpint (parcours_card_get_sentiment (PARCOURS_CARD (lookup (fixture, "c2"))), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sentiment)) ?: "", ==, "");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Edit Cards");

  parcours_history_undo (history);
  g_assert_cmpint (parcours_card_get_sentiment (PARCOURS_CARD (lookup (fixture, "c2"))), ==, PARCOURS_SENTIMENT_NEGATIVE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sentiment)), ==, GTK_INVALID_LIST_POSITION);

  /* A card and a stage have nothing to edit together */
  parcours_selection_select (selection, lookup (fixture, "s1"), PARCOURS_SELECT_ADD);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "mixed");
}

/* An emotion point's level is one of five words; a stage its name. */
static void
test_inspector_point_and_stage (Fixture       *fixture,
                                gconstpointer  data)
{
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  GtkWidget *level;
  GtkWidget *name;

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  selection = show_inspected_map (fixture);
  inspector = fixture->window->inspector;

  parcours_selection_select (selection, lookup (fixture, "p1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "point");
  level = parcours_inspector_get_field (inspector, "point", "value");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (level)), ==, 1);
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (level));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Negative");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (level), 4);
  g_assert_cmpfloat (parcours_emotion_point_get_value (PARCOURS_EMOTION_POINT (lookup (fixture, "p1"))), ==, 1.0);

  parcours_selection_select (selection, lookup (fixture, "s1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "stage");
  name = parcours_inspector_get_field (inspector, "stage", "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Notice");
  g_assert_cmpstr (parcours_stage_get_name (PARCOURS_STAGE (lookup (fixture, "s1"))), ==, "Notice");
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Rename Stage");

  /* F9 hides and shows the side panel */
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->flap));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-side-panel", NULL));
  g_assert_false (adw_flap_get_reveal_flap (fixture->window->flap));
}

static GtkTreeListRow *
outline_row (ParcoursWindow *window,
             guint           position)
{
  GListModel *model = parcours_outline_get_model (window->outline);
  GtkTreeListRow *row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  g_object_unref (row);
  return row;
}

static ParcoursElement *
outline_element (ParcoursWindow *window,
                 guint           position)
{
  g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (outline_row (window, position));

  return parcours_outline_node_get_element (node);
}

/* What the outline's list view selects */
static GtkSelectionModel *
outline_selection (ParcoursWindow *window)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (window->outline));
  GtkWidget *list_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

  return gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
}

/* The row widget of the outline showing @text */
static GtkWidget *
find_outline_row (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget));

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_outline_row (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The outline: stages, lanes in them, cards and points in each cell,
 * with the canvas's selection, renamed in place through the history,
 * each row named for a screen reader. */
static void
test_outline (Fixture       *fixture,
              gconstpointer  data)
{
  ParcoursSelection *selection;
  ParcoursHistory *history;
  GListModel *model;
  GtkWidget *row;
  g_autofree char *point = NULL;
  g_autofree char *lane = NULL;
  g_autoptr(ParcoursCard) added = parcours_card_new ("c9", "touch", "s1", "Asks a friend");

  if (!have_display)
    {
      g_test_skip ("No display");
      return;
    }

  selection = show_inspected_map (fixture);
  history = parcours_window_get_history (fixture->window);
  model = parcours_outline_get_model (fixture->window->outline);
  adw_view_stack_set_visible_child_name (fixture->window->side_stack, "outline");

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (outline_element (fixture->window, 0) == lookup (fixture, "s1"));
  gtk_tree_list_row_set_expanded (outline_row (fixture->window, 0), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_tree_list_row_set_expanded (outline_row (fixture->window, 1), TRUE);
  gtk_tree_list_row_set_expanded (outline_row (fixture->window, 4), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_true (outline_element (fixture->window, 2) == lookup (fixture, "c1"));
  g_assert_true (outline_element (fixture->window, 3) == lookup (fixture, "c2"));
  g_assert_true (outline_element (fixture->window, 5) == lookup (fixture, "p1"));

  /* What a screen reader says of each row */
  point = parcours_outline_describe (parcours_window_get_document (fixture->window), lookup (fixture, "p1"), NULL);
  g_assert_cmpstr (point, ==, "Emotion point, Negative");
  lane = parcours_outline_describe (parcours_window_get_document (fixture->window), lookup (fixture, "touch"),
                                    PARCOURS_STAGE (lookup (fixture, "s1")));
  g_assert_cmpstr (lane, ==, "Lane “Touchpoints” in “Discover”");
  parcours_test_wait_ms (300);
  row = find_outline_row (GTK_WIDGET (fixture->window->outline), "Sees a poster");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Card “Sees a poster”");

  /* One selection: the canvas's shows in the outline and back */
  parcours_selection_select (selection, lookup (fixture, "c2"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (outline_selection (fixture->window))), ==, 3);
  gtk_selection_model_select_item (outline_selection (fixture->window), 2, TRUE);
  g_assert_true (parcours_selection_get_item (selection, 0) == lookup (fixture, "c1"));

  /* Renamed in place: one step, undone as any other; the row follows */
  g_assert_true (parcours_outline_rename (fixture->window->outline, 2, "Sees a billboard"));
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "Sees a billboard");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Edit Card Text");
  parcours_test_wait_ms (300);
  row = find_outline_row (GTK_WIDGET (fixture->window->outline), "Sees a billboard");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Card “Sees a billboard”");
  parcours_history_undo (history);
  parcours_test_wait_ms (300);
  g_assert_nonnull (find_outline_row (GTK_WIDGET (fixture->window->outline), "Sees a poster"));

  /* A card added to the cell shows in place, expansion kept */
  parcours_history_insert (history, PARCOURS_ELEMENT (added), G_MAXUINT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_true (outline_element (fixture->window, 4) == lookup (fixture, "c9"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* No GSettings, portals or accessibility bus in the test environment */
  /* The test AT context: accessible properties without a bus */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Nor GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

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
  g_test_add ("/window/export/enabled", Fixture, NULL,
              fixture_set_up, test_export_print_enabled, fixture_tear_down);
  g_test_add ("/window/export/formats", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/window/export/error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add_func ("/window/export/resolve", test_export_resolve);
  g_test_add ("/window/export/suggested-name", Fixture, NULL,
              fixture_set_up, test_export_name, fixture_tear_down);
  g_test_add ("/window/print/pages", Fixture, NULL,
              fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/window/new-map", Fixture, NULL,
              fixture_set_up, test_new_map, fixture_tear_down);
  g_test_add ("/window/undo-tooltips", Fixture, NULL,
              fixture_set_up, test_undo_tooltips, fixture_tear_down);
  g_test_add ("/window/recent-maps", Fixture, NULL,
              fixture_set_up, test_recent_maps, fixture_tear_down);
  g_test_add ("/window/outline", Fixture, NULL,
              fixture_set_up, test_outline, fixture_tear_down);
  g_test_add ("/window/inspector/card", Fixture, NULL,
              fixture_set_up, test_inspector_card, fixture_tear_down);
  g_test_add ("/window/inspector/several-cards", Fixture, NULL,
              fixture_set_up, test_inspector_several_cards, fixture_tear_down);
  g_test_add ("/window/inspector/point-and-stage", Fixture, NULL,
              fixture_set_up, test_inspector_point_and_stage, fixture_tear_down);

  return g_test_run ();
}
