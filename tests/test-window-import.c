/* test-window-import.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-format.h"
#include "parcours-import-file.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Opening a Mermaid journey or a CSV file in the window: it becomes a new
 * map, not saved yet, named after the file, which stays untouched. The
 * io part runs without a display; the window part skips without one. */

static const char journey[] =
  "journey\n"
  "  title Buying a bike\n"
  "  section Discover\n"
  "    Sees an ad: 3: Me\n"
  "  section Buy\n"
  "    Pays online: 5: Me\n";

/* In Windows-1252, as Excel writes it: read, with a warning. */
static const char cp1252_csv[] =
  "\xc9tape;Texte;Type\r\n"
  "D\xe9""couverte;Voit une pub \xe0 la t\xe9l\xe9;touchpoints\r\n"
  "Achat;Paie;actions\r\n";

typedef ParcoursTestWindow Fixture;

static void
assert_file_is (GFile      *file,
                const char *contents)
{
  g_autofree char *read = parcours_test_dup_contents (file);

  g_assert_cmpstr (read, ==, contents);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* io ---------------------------------------------------------------------- */

static void
test_kind_for_name (void)
{
  const struct { const char *name; ParcoursImportKind kind; } cases[] = {
    { "trip.parcours", PARCOURS_IMPORT_NATIVE },
    { "trip.mmd", PARCOURS_IMPORT_MERMAID },
    { "TRIP.MMD", PARCOURS_IMPORT_MERMAID },
    { "trip.mermaid", PARCOURS_IMPORT_MERMAID },
    { "cards.csv", PARCOURS_IMPORT_CSV },
    { "/home/me/maps.csv/trip", PARCOURS_IMPORT_NATIVE },
    { "trip", PARCOURS_IMPORT_NATIVE },
    { "trip.json", PARCOURS_IMPORT_NATIVE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (parcours_import_kind_for_name (cases[i].name), ==, cases[i].kind);
}

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) mmd = write_file (fixture, "bike.mmd", journey);
  g_autoptr(GFile) csv = write_file (fixture, "cartes.csv", cp1252_csv);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) from_mermaid = NULL;
  g_autoptr(ParcoursDocument) from_csv = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursImportKind kind;

  from_mermaid = parcours_import_file (mmd, NULL, &kind, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, PARCOURS_IMPORT_MERMAID);
  g_assert_cmpstr (parcours_document_get_title (from_mermaid), ==, "Buying a bike");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (from_mermaid)), ==, 2);
  g_assert_cmpuint (warnings->len, ==, 0);

  from_csv = parcours_import_file (csv, NULL, &kind, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, PARCOURS_IMPORT_CSV);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (from_csv)), ==, 2);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "the text is not UTF-8"));
}

static void
test_import_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) mmd = write_file (fixture, "broken.mmd", "journey\n  section A\n    Task without score\n");
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_import_file (mmd, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  /* The importer's message says where. */
  g_assert_true (g_str_has_prefix (error->message, "line 3: "));
  g_clear_error (&error);

  document = parcours_import_file (missing, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_window_mermaid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) mmd = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) saved = NULL;
  ParcoursHistory *history;

  PARCOURS_TEST_UI_REQUIRE ();

  mmd = write_file (fixture, "bike.mmd", journey);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (parcours_test_load_into_window (fixture->window, mmd, &error));
  g_assert_no_error (error);

  /* A new map, to be saved as a map: not over the Mermaid file. */
  history = parcours_window_get_history (fixture->window);
  g_assert_false (parcours_window_get_is_empty (fixture->window));
  g_assert_null (parcours_window_get_file (fixture->window));
  g_assert_true (parcours_history_get_modified (history));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Buying a bike");
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->window_title),
                   ==, "Imported from bike.mmd");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (parcours_window_get_document (fixture->window))),
                    ==, 2);

  /* Saved as a map, it is a map like any other. */
  path = g_build_filename (fixture->dir, "bike.parcours", NULL);
  saved = g_file_new_for_path (path);
  g_assert_true (parcours_format_save_file (parcours_window_get_document (fixture->window), saved, NULL, &error));
  g_assert_no_error (error);
  _parcours_window_set_file (fixture->window, saved);
  g_assert_null (fixture->window->import_source);
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->window_title), !=, "Imported from bike.mmd");

  assert_file_is (mmd, journey);
}

static void
test_window_csv_untitled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GError) error = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  csv = write_file (fixture, "cartes.csv", cp1252_csv);
  g_assert_true (parcours_test_load_into_window (fixture->window, csv, &error));
  g_assert_no_error (error);

  /* CSV has no title: the map is named after the file. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "cartes");
  g_assert_cmpstr (parcours_document_get_title (parcours_window_get_document (fixture->window)), ==, "cartes");
  g_assert_true (g_file_equal (fixture->window->import_source, csv));
  assert_file_is (csv, cp1252_csv);
}

static void
test_window_import_error (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char broken[] = "journey\n  section A\n    Task without score\n";
  g_autoptr(GFile) mmd = NULL;
  g_autoptr(GError) error = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  mmd = write_file (fixture, "broken.mmd", broken);
  g_assert_false (parcours_test_load_into_window (fixture->window, mmd, &error));
  g_assert_nonnull (error);

  /* Nothing opened half-way, and the file is untouched. */
  g_assert_true (parcours_window_get_is_empty (fixture->window));
  g_assert_null (fixture->window->import_source);
  assert_file_is (mmd, broken);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD PARCOURS_TEST_WINDOW_ADD
  g_test_add_func ("/import/kind-for-name", test_kind_for_name);
  ADD ("/import/file", test_import_file);
  ADD ("/import/error", test_import_error);
  ADD ("/window/import/mermaid", test_window_mermaid);
  ADD ("/window/import/csv-untitled", test_window_csv_untitled);
  ADD ("/window/import/error", test_window_import_error);

#undef ADD

  return g_test_run ();
}
