/* test-window-export.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Exporting and printing from the window: the actions, every format
 * written where the user chose, the suggested name, and the pages of a
 * print. It skips without a display. */

typedef ParcoursTestWindow Fixture;

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

static void
test_export_print_enabled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_true (window_has_action (fixture->window, "win.export"));
  g_assert_true (window_has_action (fixture->window, "win.print"));

  /* Nothing to export or print in an empty window */
  g_assert_false (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.export"));
  g_assert_false (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.print"));

  file = parcours_test_write_small_map (fixture->dir, "ticket.parcours", "Buying a train ticket");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);

  g_assert_true (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.export"));
  g_assert_true (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.print"));
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

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_save_map (grocery, fixture->dir, "grocery.parcours");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
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

  PARCOURS_TEST_UI_REQUIRE ();

  file = parcours_test_write_small_map (fixture->dir, "ticket.parcours", "Buying a train ticket");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
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

  PARCOURS_TEST_UI_REQUIRE ();

  name = _parcours_window_dup_export_base_name (fixture->window);
  g_assert_cmpstr (name, ==, "Untitled Journey");
  g_clear_pointer (&name, g_free);

  /* Without a title, the file's name without its extension */
  file = parcours_test_write_small_map (fixture->dir, "no-title.parcours", "");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
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

  PARCOURS_TEST_UI_REQUIRE ();

  parcours_document_set_title (wide, "A long week");
  file = parcours_test_save_map (wide, fixture->dir, "wide.parcours");
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD PARCOURS_TEST_WINDOW_ADD
  ADD ("/window/export/enabled", test_export_print_enabled);
  ADD ("/window/export/formats", test_export);
  ADD ("/window/export/error", test_export_error);
  g_test_add_func ("/window/export/resolve", test_export_resolve);
  ADD ("/window/export/suggested-name", test_export_name);
  ADD ("/window/print/pages", test_print);
#undef ADD

  return g_test_run ();
}
