/* test-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "parcours-application.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-ui-private.h"
#include "parcours-window-private.h"

/* The export dialog of a real window: what it offers first comes from
 * the settings (the preferences' defaults, then the last export), and
 * an export through it writes the file and remembers its choices.
 *
 * Its own program because GTK's file chooser registers so many types
 * that GLib outgrows its first quark table and leaves it behind on
 * purpose. Only the slow unwinder sees through GLib's frames to the
 * library constructor that made it, which tests/lsan.supp names, and
 * the slow unwinder is too slow for the other window tests. */
#ifdef __SANITIZE_ADDRESS__
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

static GtkApplication *application;

typedef struct
{
  char           *dir;
  GSettings      *settings;
  ParcoursWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GFile) file = NULL;

  if (!parcours_test_ui_available ())
    return;

  fixture->dir = g_dir_make_tmp ("parcours-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->settings = parcours_test_ui_reset_settings ();

  document = parcours_document_new ();
  parcours_document_set_title (document, "Settings map");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));
  parcours_test_add (document, parcours_emotion_point_new ("p1", "feel", "s1", 0.5, 0.0));
  file = parcours_test_save_map (document, fixture->dir, "settings.parcours");

  fixture->window = parcours_test_ui_new_window (application, 0, 0);
  g_assert_true (parcours_test_load_into_window (fixture->window, file, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
dup_filter_name (GtkFileChooserNative *dialog)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

  return g_strdup (gtk_file_filter_get_name (filter));
}

static GtkFileFilter *
find_filter (GtkFileChooserNative *dialog,
             const char           *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), name) == 0)
        return filter;
    }

  g_assert_not_reached ();
}

/* First the preferences' defaults, then what was set since. */
static void
test_offers_settings (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkFileChooserNative *dialog;
  g_autofree char *filter = NULL;
  g_autofree char *name = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  dialog = _parcours_window_new_export_dialog (fixture->window);
  filter = dup_filter_name (dialog);
  g_assert_cmpstr (filter, ==, "PDF document");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "Settings map.pdf");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "pdf-page-size"), ==, "fit");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "plain-mermaid"), ==, "false");
  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_CANCEL);
  g_clear_pointer (&filter, g_free);
  g_clear_pointer (&name, g_free);

  g_settings_set_string (fixture->settings, "export-format", "svg");
  g_settings_set_string (fixture->settings, "export-page-size", "a3");
  g_settings_set_boolean (fixture->settings, "export-csv-semicolons", TRUE);
  dialog = _parcours_window_new_export_dialog (fixture->window);
  filter = dup_filter_name (dialog);
  g_assert_cmpstr (filter, ==, "SVG image");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "Settings map.svg");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "pdf-page-size"), ==, "a3");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "csv-semicolons"), ==, "true");

  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_CANCEL);
}

/* Exporting through the dialog writes the file in the format of the
 * chosen filter, and the next dialog offers that format and choice. */
static void
test_remembers_last_export (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkFileChooserNative *dialog;
  g_autofree char *written = g_build_filename (fixture->dir, "handout.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *format = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  dialog = _parcours_window_new_export_dialog (fixture->window);
  /* Shown, as GTK's own chooser only returns a file it shows */
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  parcours_test_wait_ms (200);
  folder = g_file_new_for_path (fixture->dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "handout");
  parcours_test_wait_ms (200);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), find_filter (dialog, "CSV spreadsheet"));
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "csv-semicolons", "true");
  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_ACCEPT);

  for (guint waited = 0; !g_file_test (written, G_FILE_TEST_EXISTS) && waited < 10000; waited += 20)
    parcours_test_wait_ms (20);
  parcours_test_wait_ms (100);
  g_assert_true (g_file_get_contents (written, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strchr (contents, ';'));

  format = g_settings_get_string (fixture->settings, "export-format");
  g_assert_cmpstr (format, ==, "csv");
  g_assert_true (g_settings_get_boolean (fixture->settings, "export-csv-semicolons"));

  dialog = _parcours_window_new_export_dialog (fixture->window);
  filter = dup_filter_name (dialog);
  g_assert_cmpstr (filter, ==, "CSV spreadsheet");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "csv-semicolons"), ==, "true");
  g_signal_emit_by_name (dialog, "response", GTK_RESPONSE_CANCEL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Drafts of this test only, before GLib reads the variable */
  state_dir = parcours_test_ui_private_state ("export-dialog");
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (parcours_test_ui_init_display ())
    {
      application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);
      /* The tests close every window; the application stays. */
      g_application_hold (G_APPLICATION (application));
    }

  g_test_add ("/export-dialog/offers-settings", Fixture, NULL,
              fixture_set_up, test_offers_settings, fixture_tear_down);
  g_test_add ("/export-dialog/remembers-last-export", Fixture, NULL,
              fixture_set_up, test_remembers_last_export, fixture_tear_down);

  status = g_test_run ();
  parcours_test_remove_dir (state_dir);
  return status;
}
