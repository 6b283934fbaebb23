/* test-cli-export.c — `parcours --export OUT IN`
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "parcours-format.h"
#include "parcours-test-utils.h"

typedef struct
{
  char *dir;
  char *map;
} Fixture;

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("parcours-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->map = path_in (fixture, "grocery.parcours");
  file = g_file_new_for_path (fixture->map);
  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = path_in (fixture, name);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->map);
}

/* Runs parcours with @args; returns the exit status, and stderr. */
static int
run_parcours (const char * const  *args,
              char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("PARCOURS_BIN");
  int status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);

  /* Callers reuse @err from one run to the next. */
  g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_every_output_format (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct { const char *name; const char *magic; } outputs[] = {
    { "map.svg", "<?xml" },
    { "map.pdf", "%PDF-" },
    { "map.png", "\x89PNG" },
    { "map.mmd", "journey\n" },
    { "map.csv", "stage,lane,kind,text,channel,sentiment,emotion,details\r\n" },
    { "copy.parcours", "{\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = path_in (fixture, outputs[i].name);
      g_autofree char *err = NULL;
      g_autofree char *contents = NULL;

      g_assert_cmpint (run_parcours ((const char * const[]) { "--export", out, fixture->map, NULL }, &err), ==, 0);
      /* CSV says what it cannot hold; the others hold the map or draw it. */
      if (g_str_has_suffix (outputs[i].name, ".csv"))
        g_assert_true (g_str_has_prefix (err, "warning: 2 personas are not in CSV\n"));
      else
        g_assert_cmpstr (err, ==, "");
      contents = read_file (out);
      g_assert_true (g_str_has_prefix (contents, outputs[i].magic));
    }

  /* A map written by Parcours converts to itself byte for byte. */
  {
    g_autofree char *copy = path_in (fixture, "copy.parcours");
    g_autofree char *a = read_file (fixture->map);
    g_autofree char *b = read_file (copy);

    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_import_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *mmd = path_in (fixture, "day.mmd");
  g_autofree char *csv = path_in (fixture, "notes.csv");
  g_autofree char *from_mmd = path_in (fixture, "from-mmd.parcours");
  g_autofree char *from_csv = path_in (fixture, "from-csv.parcours");
  g_autofree char *back = path_in (fixture, "back.mmd");
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *journey = "journey\n  title Morning\n  section Home\n    Make tea: 5: Me\n    Read mail: 2: Me\n";

  g_file_set_contents (mmd, journey, -1, NULL);
  g_file_set_contents (csv, "stage,text,kind\r\nAwareness,Sees an ad,touchpoints\r\nBuy,\"Pays, finally\",actions\r\n", -1, NULL);

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", from_mmd, mmd, NULL }, &err), ==, 0);
  file = g_file_new_for_path (from_mmd);
  document = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_document_get_title (document), ==, "Morning");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (document)), ==, 2);

  /* .mmd → .parcours → .mmd gives the journey back, then the map in
   * comment lines. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", back, from_mmd, NULL }, &err), ==, 0);
  {
    g_autofree char *again = read_file (back);
    g_assert_true (g_str_has_prefix (again, journey));
    g_assert_true (g_str_has_prefix (again + strlen (journey), "%% Parcours: "));
  }

  g_clear_pointer (&err, g_free);
  g_clear_object (&file);
  g_clear_object (&document);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", from_csv, csv, NULL }, &err), ==, 0);
  file = g_file_new_for_path (from_csv);
  document = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_lanes (document)), ==, 2);
}

static void
test_options (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *png1 = path_in (fixture, "one.png");
  g_autofree char *png2 = path_in (fixture, "two.png");
  g_autofree char *pdf = path_in (fixture, "a4.pdf");
  g_autofree char *forced = path_in (fixture, "forced.out");
  g_autofree char *err = NULL;
  cairo_surface_t *one, *two;

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", png1, fixture->map, NULL }, &err), ==, 0);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", png2, "--scale", "2", "--transparent", fixture->map, NULL }, &err), ==, 0);
  one = cairo_image_surface_create_from_png (png1);
  two = cairo_image_surface_create_from_png (png2);
  g_assert_cmpint (cairo_image_surface_get_width (two), ==, 2 * cairo_image_surface_get_width (one));
  g_assert_cmphex (*(guint32 *) cairo_image_surface_get_data (one), ==, 0xffffffff);
  g_assert_cmphex (*(guint32 *) cairo_image_surface_get_data (two), ==, 0x00000000);
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", pdf, "--page-size", "a4", "--theme", "dark", fixture->map, NULL }, &err), ==, 0);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", forced, "--format", "svg", fixture->map, NULL }, &err), ==, 0);
  {
    g_autofree char *svg = read_file (forced);
    g_assert_true (g_str_has_prefix (svg, "<?xml"));
  }
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = path_in (fixture, "out.pdf");
  g_autofree char *bad = path_in (fixture, "bad.parcours");
  g_autofree char *missing_dir = path_in (fixture, "no/such/dir/out.svg");
  g_autofree char *previous = path_in (fixture, "previous.svg");
  g_autofree char *err = NULL;

  /* Options that make no sense: usage errors, exit 2. */
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", out, "--scale", "9", fixture->map, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--scale"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", out, "--page-size", "a5", fixture->map, NULL }, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", out, NULL }, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--check", fixture->map, "--scale", "2", NULL }, &err), ==, 2);
  g_clear_pointer (&err, g_free);

  /* Files that cannot be read or written: one line, exit 1. */
  g_file_set_contents (bad, "{\"format\": \"parcours\", \"version\": 1, \"stages\": [{\"id\": 7}]}", -1, NULL);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", out, bad, NULL }, &err), ==, 1);
  g_assert_nonnull (strstr (err, "stages[0].id"));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", missing_dir, fixture->map, NULL }, &err), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", "map.docx", fixture->map, NULL }, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--format"));
  g_clear_pointer (&err, g_free);

  /* A failed export leaves the previous output as it was. */
  g_file_set_contents (previous, "previous", -1, NULL);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", previous, bad, NULL }, &err), ==, 1);
  {
    g_autofree char *contents = read_file (previous);
    g_assert_cmpstr (contents, ==, "previous");
  }
}

/* .parcours → .mmd → .parcours is byte for byte; --plain leaves the map
 * out of the comment lines and says what that loses, one line a kind. */
static void
test_mermaid_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *mmd = path_in (fixture, "map.mmd");
  g_autofree char *back = path_in (fixture, "back.parcours");
  g_autofree char *plain = path_in (fixture, "plain.mmd");
  g_autofree char *err = NULL;
  g_autofree char *original = read_file (fixture->map);
  g_autofree char *reread = NULL;
  g_autofree char *plain_text = NULL;

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", mmd, fixture->map, NULL }, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", back, mmd, NULL }, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  reread = read_file (back);
  g_assert_cmpstr (reread, ==, original);

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", plain, "--plain", fixture->map, NULL }, &err), ==, 0);
  g_assert_nonnull (strstr (err, "warning: 5 lanes other than touchpoints and emotions are not in Mermaid\n"));
  g_assert_nonnull (strstr (err, "warning: 18 cards of those lanes are not in Mermaid\n"));
  plain_text = read_file (plain);
  g_assert_true (g_str_has_prefix (plain_text, "journey\n"));
  g_assert_null (strstr (plain_text, "%%"));

  g_assert_cmpint (run_parcours ((const char * const[]) { "--check", "--plain", fixture->map, NULL }, &err), ==, 2);
}

/* --csv-separator ";" writes what a French or Russian Excel opens right:
 * a byte order mark and `;`; it reads back the same. */
static void
test_csv_for_excel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *csv = path_in (fixture, "excel.csv");
  g_autofree char *comma = path_in (fixture, "comma.csv");
  g_autofree char *back = path_in (fixture, "back.csv");
  g_autofree char *err = NULL;
  g_autofree char *excel = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", csv, "--csv-separator", ";", fixture->map, NULL }, &err), ==, 0);
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", comma, fixture->map, NULL }, &err), ==, 0);
  excel = read_file (csv);
  plain = read_file (comma);
  g_assert_true (g_str_has_prefix (excel, "\xef\xbb\xbfstage;lane;kind;text;channel;sentiment;emotion;details\r\n"));

  /* Read back (separator detected), written with commas: the same rows. */
  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", back, csv, NULL }, &err), ==, 0);
  again = read_file (back);
  g_assert_cmpstr (again, ==, plain);

  g_assert_cmpint (run_parcours ((const char * const[]) { "--export", csv, "--csv-separator", "|", fixture->map, NULL }, &err), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/export/every-output-format", Fixture, NULL, fixture_set_up, test_every_output_format, fixture_tear_down);
  g_test_add ("/cli/export/import-formats", Fixture, NULL, fixture_set_up, test_import_formats, fixture_tear_down);
  g_test_add ("/cli/export/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add ("/cli/export/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/cli/export/csv-for-excel", Fixture, NULL, fixture_set_up, test_csv_for_excel, fixture_tear_down);
  g_test_add ("/cli/export/mermaid-round-trip", Fixture, NULL, fixture_set_up, test_mermaid_round_trip, fixture_tear_down);

  return g_test_run ();
}
