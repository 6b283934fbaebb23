/* test-cli-check-import.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "parcours-csv.h"
#include "parcours-test-utils.h"

/* `parcours --check` on the files Open and --export import: a Mermaid
 * journey or a CSV file is valid when it imports, says what it could not
 * take as written on a `warning:` line, and exits as a native map does
 * (0 when every file reads, 1 when any does not). */

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static int
check (const char * const *files,
       const char         *language,
       char              **out,
       char              **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--check");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);

  return parcours_test_run (NULL, language, (const char * const *) args->pdata, out, err);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("parcours-check-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_mermaid_ok (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "day.mmd", parcours_test_mermaid_working_day, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *files[] = { path, NULL };

  g_assert_cmpint (check (files, NULL, &out, &err), ==, 0);
  /* The documentation's example: two sections, five tasks, and the
   * scores of two actors (the cat scores one task), who become personas
   * with their emotion lanes. */
  expected = g_strdup_printf ("%s: ok (2 stages, 3 lanes, 5 cards, 2 personas, 6 emotion points)\n", path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  parcours_test_remove_dir (dir);
}

static void
test_mermaid_warnings (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "scores.mmd",
                                      "journey\n"
                                      "  section Buy\n"
                                      "    Pay: 9: Me\n"
                                      "    Leave: 2: Me\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *ok = NULL;
  g_auto(GStrv) lines = NULL;
  const char *files[] = { path, NULL };

  /* Read with a warning is still valid: exit 0. */
  g_assert_cmpint (check (files, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  warning = g_strdup_printf ("%s: warning: ", path);
  g_assert_true (g_str_has_prefix (lines[0], warning));
  g_assert_nonnull (strstr (lines[0], "line 3"));
  g_assert_nonnull (strstr (lines[0], "score 9 is outside 1 to 5"));
  ok = g_strdup_printf ("%s: ok (1 stages, 2 lanes, 2 cards, 1 personas, 2 emotion points)", path);
  g_assert_cmpstr (lines[1], ==, ok);
  g_assert_cmpstr (lines[2], ==, "");

  parcours_test_remove_dir (dir);
}

static void
test_mermaid_error (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "flow.mmd", "flowchart LR\n  A --> B\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;
  const char *files[] = { path, NULL };

  g_assert_cmpint (check (files, NULL, &out, &err), ==, 1);
  prefix = g_strdup_printf ("%s: error: ", path);
  g_assert_true (g_str_has_prefix (out, prefix));
  /* One line, saying where */
  g_assert_cmpstr (strchr (out, '\n'), ==, "\n");
  g_assert_nonnull (strstr (out, "line 1"));

  parcours_test_remove_dir (dir);
}

static void
test_csv (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *good = write_file (dir, "cards.csv", CSV_MAP_TEXT, -1);
  /* "Café" in Windows-1252, as an old spreadsheet saves it */
  g_autofree char *latin = write_file (dir, "notes.csv", "text\r\nCaf\351\r\nTea\r\n", -1);
  g_autofree char *bad = write_file (dir, "empty.csv", "", 0);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_good = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *ok = NULL;
  g_autofree char *error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *files[] = { good, latin, bad, NULL };

  /* One file that does not read makes the whole check fail, and every
   * file still gets its verdict, in order. */
  g_assert_cmpint (check (files, NULL, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  expected_good = g_strdup_printf ("%s: ok (2 stages, 3 lanes, 4 cards, 0 personas, 3 emotion points)", good);
  g_assert_cmpstr (lines[0], ==, expected_good);
  warning = g_strdup_printf ("%s: warning: the text is not UTF-8: it is read as WINDOWS-1252", latin);
  g_assert_true (g_str_has_prefix (lines[1], warning));
  ok = g_strdup_printf ("%s: ok (1 stages, 1 lanes, 2 cards, 0 personas, 0 emotion points)", latin);
  g_assert_cmpstr (lines[2], ==, ok);
  error = g_strdup_printf ("%s: error: ", bad);
  g_assert_true (g_str_has_prefix (lines[3], error));
  g_assert_cmpstr (lines[4], ==, "");

  /* Only valid files: 0 */
  {
    const char *good_files[] = { good, latin, NULL };
    g_autofree char *good_out = NULL;

    g_assert_cmpint (check (good_files, NULL, &good_out, NULL), ==, 0);
    g_assert_null (strstr (good_out, ": error: "));
  }

  parcours_test_remove_dir (dir);
}

/* The words of the verdicts are read by scripts and stay in English;
 * the warnings themselves speak the user's language. */
static void
test_translated_warning (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "scores.mmd", "journey\n  section Buy\n    Pay: 9: Me\n", -1);
  g_autofree char *out = NULL;
  g_autofree char *prefix = NULL;
  const char *files[] = { path, NULL };

  g_assert_cmpint (check (files, "fr", &out, NULL), ==, 0);
  prefix = g_strdup_printf ("%s: warning: ", path);
  g_assert_true (g_str_has_prefix (out, prefix));
  g_assert_null (strstr (out, "is outside"));
  g_assert_nonnull (strstr (out, ": ok ("));

  parcours_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check-import/mermaid/ok", test_mermaid_ok);
  g_test_add_func ("/cli/check-import/mermaid/warnings", test_mermaid_warnings);
  g_test_add_func ("/cli/check-import/mermaid/error", test_mermaid_error);
  g_test_add_func ("/cli/check-import/csv", test_csv);
  g_test_add_func ("/cli/check-import/translated-warning", test_translated_warning);

  return g_test_run ();
}
