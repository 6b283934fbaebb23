/* test-cli.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "parcours-document-private.h"
#include "parcours-format.h"

/* The headless command line, run as a separate process exactly as users
 * and scripts run it: without any display. */

#define BATCH_SIZE 64

typedef struct
{
  int       exit_status;   /* -1 when the process did not exit normally */
  gboolean  signaled;
  char     *out;
  char     *err;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunResult, run_result_clear)

static const char *
get_parcours_bin (void)
{
  const char *bin = g_getenv ("PARCOURS_BIN");

  g_assert_nonnull (bin);
  return bin;
}

/* Runs parcours with @args (NULL-terminated, without argv[0]). */
static void
run_parcours (const char * const *args,
              RunResult          *result)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  /* No display: the command line must not need one. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_ptr_array_add (argv, (gpointer) get_parcours_bin ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  result->signaled = WIFSIGNALED (wait_status);
  result->exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static ParcoursDocument *
create_document (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_object_unref);

  parcours_document_set_title (document, "Buying a train ticket");
  g_ptr_array_add (elements, parcours_persona_new ("persona-ana", "Ana"));
  g_ptr_array_add (elements, parcours_stage_new ("stage-plan", "Plan"));
  g_ptr_array_add (elements, parcours_stage_new ("stage-buy", "Buy"));
  g_ptr_array_add (elements, parcours_stage_new ("stage-travel", "Travel"));
  g_ptr_array_add (elements,
                   parcours_lane_new ("lane-actions", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  g_ptr_array_add (elements,
                   parcours_lane_new ("lane-feelings", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));
  g_ptr_array_add (elements,
                   parcours_card_new ("card-1", "lane-actions", "stage-plan", "Compares prices"));
  g_ptr_array_add (elements,
                   parcours_card_new ("card-2", "lane-actions", "stage-buy", "Pays online"));
  g_ptr_array_add (elements,
                   parcours_emotion_point_new ("point-1", "lane-feelings", "stage-buy", 0.5, -1.0));

  for (guint i = 0; i < elements->len; i++)
    {
      g_autoptr(GError) error = NULL;

      _parcours_document_insert (document, elements->pdata[i], G_MAXUINT, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&document);
}

static char *
write_good_file (const char *dir)
{
  g_autoptr(ParcoursDocument) document = create_document ();
  g_autofree char *path = g_build_filename (dir, "good.parcours", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  parcours_format_save_file (document, file, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* A good map whose first stage is named by a number. */
static char *
write_bad_file (const char *dir)
{
  g_autoptr(ParcoursDocument) document = create_document ();
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = g_build_filename (dir, "bad-stage-name.parcours", NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *stage;

  json_parser_load_from_data (parser,
                              g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  stage = json_array_get_object_element (json_object_get_array_member (root, "stages"), 0);
  json_object_set_int_member (stage, "name", 42);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("parcours-test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }

  g_rmdir (dir);
}

static void
test_version (void)
{
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--version", NULL };

  run_parcours (args, &result);

  g_assert_cmpint (result.exit_status, ==, 0);
  g_assert_cmpstr (result.out, ==, "parcours " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_check_good (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_good_file (dir);
  g_autofree char *expected = NULL;
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--check", good, NULL };

  run_parcours (args, &result);

  expected = g_strdup_printf ("%s: ok (3 stages, 2 lanes, 2 cards, 1 personas, 1 emotion points)\n",
                              good);
  g_assert_cmpint (result.exit_status, ==, 0);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_cmpstr (result.err, ==, "");

  remove_temp_dir (dir);
}

static void
test_check_bad (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *bad = write_bad_file (dir);
  g_autofree char *prefix = g_strdup_printf ("%s: error: ", bad);
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--check", bad, NULL };

  run_parcours (args, &result);

  g_assert_cmpint (result.exit_status, ==, 1);
  g_assert_true (g_str_has_prefix (result.out, prefix));
  g_assert_cmpstr (strchr (result.out, '\n'), ==, "\n");
  g_assert_nonnull (strstr (result.out, "stages[0].name"));

  /* Checking reads, and never writes. */
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (bad, &contents, NULL, NULL);
    g_assert_nonnull (strstr (contents, "42"));
  }

  remove_temp_dir (dir);
}

static void
test_check_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.parcours", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: error: ", missing);
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--check", missing, NULL };

  run_parcours (args, &result);

  g_assert_cmpint (result.exit_status, ==, 1);
  g_assert_true (g_str_has_prefix (result.out, prefix));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  remove_temp_dir (dir);
}

static void
test_check_mixed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_good_file (dir);
  g_autofree char *bad = write_bad_file (dir);
  g_autofree char *missing = g_build_filename (dir, "missing.parcours", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--check", good, bad, missing, good, NULL };

  run_parcours (args, &result);

  g_assert_cmpint (result.exit_status, ==, 1);

  /* One line per file, in the order given */
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], good));
  g_assert_nonnull (strstr (lines[0], ": ok ("));
  g_assert_true (g_str_has_prefix (lines[1], bad));
  g_assert_nonnull (strstr (lines[1], ": error: "));
  g_assert_true (g_str_has_prefix (lines[2], missing));
  g_assert_nonnull (strstr (lines[2], ": error: "));
  g_assert_true (g_str_has_prefix (lines[3], good));
  g_assert_nonnull (strstr (lines[3], ": ok ("));
  g_assert_cmpstr (lines[4], ==, "");

  remove_temp_dir (dir);
}

static void
test_check_all_good (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_good_file (dir);
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--check", good, good, NULL };

  run_parcours (args, &result);

  g_assert_cmpint (result.exit_status, ==, 0);

  remove_temp_dir (dir);
}

static void
assert_usage_error (const char * const *args)
{
  g_auto(RunResult) result = { 0 };

  run_parcours (args, &result);

  g_assert_cmpint (result.exit_status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "--check FILE"));
}

static void
test_usage_no_files (void)
{
  const char *args[] = { "--check", NULL };

  assert_usage_error (args);
}

static void
test_usage_unknown_option (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_good_file (dir);
  const char *args[] = { "--check", "--frobnicate", good, NULL };
  const char *args_before[] = { "--frobnicate", "--check", good, NULL };

  assert_usage_error (args);
  assert_usage_error (args_before);

  remove_temp_dir (dir);
}

static void
test_usage_two_modes (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_good_file (dir);
  const char *args[] = { "--version", "--check", good, NULL };
  const char *version_with_file[] = { "--version", good, NULL };

  assert_usage_error (args);
  assert_usage_error (version_with_file);

  remove_temp_dir (dir);
}

/* After "--", a file may start with a dash. */
static void
test_check_dash_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_good_file (dir);
  g_autofree char *dashed = g_build_filename (dir, "-dash.parcours", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(RunResult) result = { 0 };
  const char *args[] = { "--check", "--", "-dash.parcours", NULL };
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (dashed, contents, length, NULL));

  g_assert_cmpint (g_chdir (dir), ==, 0);
  run_parcours (args, &result);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_cmpint (result.exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "-dash.parcours: ok ("));

  remove_temp_dir (dir);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Runs --check on @paths and asserts a clean exit and one verdict per
 * file, every n_* file rejected. */
static void
check_batch (GPtrArray *paths,
             GPtrArray *names)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(RunResult) result = { 0 };
  guint n_lines;

  g_ptr_array_add (args, (gpointer) "--check");
  g_ptr_array_add (args, (gpointer) "--");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (args, paths->pdata[i]);
  g_ptr_array_add (args, NULL);

  run_parcours ((const char * const *) args->pdata, &result);

  g_assert_false (result.signaled);
  g_assert_cmpint (result.exit_status, >=, 0);
  g_assert_cmpint (result.exit_status, <=, 1);

  lines = g_strsplit (result.out, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, paths->len + 1);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      const char *name = names->pdata[i];
      const char *verdict;

      g_assert_true (g_str_has_prefix (lines[i], path));
      verdict = lines[i] + strlen (path);

      if (g_str_has_prefix (name, "n_"))
        {
          if (!g_str_has_prefix (verdict, ": error: "))
            g_error ("%s was accepted: %s", name, lines[i]);
        }
      else
        {
          g_assert_true (g_str_has_prefix (verdict, ": error: ") ||
                         g_str_has_prefix (verdict, ": ok ("));
        }
    }
}

static void
test_json_test_suite (void)
{
  const char *shared_dir = g_getenv ("PARCOURS_SHARED_DIR");
  g_autofree char *suite_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) batch_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) batch_names = g_ptr_array_new ();
  const char *name;

  if (shared_dir != NULL)
    suite_dir = g_build_filename (shared_dir, "testdata", "json-test-suite", NULL);

  if (suite_dir == NULL || !g_file_test (suite_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("JSONTestSuite files not found (PARCOURS_SHARED_DIR/testdata/json-test-suite)");
      return;
    }

  dir = g_dir_open (suite_dir, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)))
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_ptr_array_add (batch_paths, g_build_filename (suite_dir, names->pdata[i], NULL));
      g_ptr_array_add (batch_names, names->pdata[i]);

      if (batch_paths->len == BATCH_SIZE || i + 1 == names->len)
        {
          check_batch (batch_paths, batch_names);
          g_ptr_array_set_size (batch_paths, 0);
          g_ptr_array_set_size (batch_names, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/check/good", test_check_good);
  g_test_add_func ("/cli/check/all-good", test_check_all_good);
  g_test_add_func ("/cli/check/bad", test_check_bad);
  g_test_add_func ("/cli/check/missing", test_check_missing);
  g_test_add_func ("/cli/check/mixed", test_check_mixed);
  g_test_add_func ("/cli/check/dash-file", test_check_dash_file);
  g_test_add_func ("/cli/usage/no-files", test_usage_no_files);
  g_test_add_func ("/cli/usage/unknown-option", test_usage_unknown_option);
  g_test_add_func ("/cli/usage/two-modes", test_usage_two_modes);
  g_test_add_func ("/cli/json-test-suite", test_json_test_suite);

  return g_test_run ();
}
