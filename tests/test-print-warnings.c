/* test-print-warnings.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "parcours-application.h"
#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Printing says what the pages leave blank, as an export does: text no
 * installed font can draw gives a toast whose Details name each field.
 * The print runs as the Print action runs it, straight to a PDF file
 * instead of through the dialog; the toast's button is clicked with
 * xdotool in the real window. */

/* An Egyptian hieroglyph: no font of the test machine has it. */
#define HIEROGLYPH "\xf0\x93\x80\x80"

static GtkApplication *application;
static gboolean have_display;

typedef struct
{
  char           *dir;
  ParcoursWindow *window;
} Fixture;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display or xdotool"); return; } } G_STMT_END

static ParcoursDocument *
make_map (const char *card_text)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Print");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", card_text));

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("parcours-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (parcours_window_new (PARCOURS_APPLICATION (application)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  parcours_test_ui_focus_window (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
print_to_file (Fixture          *fixture,
               ParcoursDocument *document)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);

  _parcours_window_show_document (fixture->window, document, NULL);
  parcours_test_wait_ms (200);
  operation = _parcours_window_new_print_operation (fixture->window);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (_parcours_window_run_print (fixture->window, operation, GTK_PRINT_OPERATION_ACTION_EXPORT),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  parcours_test_wait_ms (400);
}

static void
test_missing_glyphs (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = make_map ("Sign " HIEROGLYPH);
  AdwMessageDialog *dialog;
  GtkWidget *details;
  const char *body;

  REQUIRE_DISPLAY ();

  print_to_file (fixture, document);
  g_assert_nonnull (parcours_test_ui_find_label (GTK_WIDGET (fixture->window),
                                                 "Printed “Print” without some of its text"));
  parcours_test_ui_screenshot ("print-warnings-toast");

  details = parcours_test_ui_find_label (GTK_WIDGET (fixture->window), "_Details");
  if (details == NULL)
    details = parcours_test_ui_find_label (GTK_WIDGET (fixture->window), "Details");
  g_assert_nonnull (details);
  parcours_test_ui_click_widget (details);
  parcours_test_wait_ms (300);

  dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Not on the Printed Pages");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "cards[0].text: no installed font can draw “" HIEROGLYPH "” (U+13000)"));
  parcours_test_ui_screenshot ("print-warnings-details");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A map every font covers prints without a word. */
static void
test_nothing_missing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = make_map ("Sees a poster");

  REQUIRE_DISPLAY ();

  print_to_file (fixture, document);
  g_assert_null (parcours_test_ui_find_label (GTK_WIDGET (fixture->window),
                                              "Printed “Print” without some of its text"));
  g_assert_null (parcours_test_find_message_dialog (GTK_WINDOW (fixture->window)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  have_display = parcours_test_ui_init ();
  if (have_display)
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/print-warnings/missing-glyphs", test_missing_glyphs);
  ADD ("/print-warnings/nothing-missing", test_nothing_missing);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
