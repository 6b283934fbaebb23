/* test-thumbnailer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "parcours-format.h"
#include "parcours-templates.h"
#include "parcours-test-utils.h"

/* parcours-thumbnailer, run as file managers run it: it draws a map at
 * the size asked, and gives nothing but a non-zero exit for anything
 * else, without crashing. */

typedef struct
{
  char *dir;
  char *input;
  char *output;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("parcours-thumbnailer-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->input = g_build_filename (fixture->dir, "map.parcours", NULL);
  fixture->output = g_build_filename (fixture->dir, "thumbnail.png", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->input);
  g_unlink (fixture->output);
  g_rmdir (fixture->dir);
  g_free (fixture->input);
  g_free (fixture->output);
  g_free (fixture->dir);
}

static int
run_thumbnailer (const char *size,
                 const char *input,
                 const char *output,
                 char      **err)
{
  const char *program = g_getenv ("PARCOURS_THUMBNAILER");
  const char *args[] = { "-s", size, input, output, NULL };

  g_assert_nonnull (program);
  return parcours_test_run (program, NULL, args, NULL, err);
}

static void
write_template (const char *id,
                const char *path)
{
  g_autoptr(ParcoursDocument) document = parcours_template_load (id, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  parcours_format_save_file (document, file, NULL, &error);
  g_assert_no_error (error);
}

/* How many different colours the picture has: a drawn map has its stage
 * colours, cards, text and curve, a blank picture one or two. */
static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }

  return g_hash_table_size (colours);
}

static void
test_draws_every_template (Fixture       *fixture,
                           gconstpointer  data)
{
  const char * const *ids = parcours_templates_get_ids ();
  const char *sizes[] = { "128", "256", "512" };

  for (guint t = 0; ids[t] != NULL; t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autofree char *err = NULL;
        cairo_surface_t *surface;
        int size = atoi (sizes[s]);
        int status;

        g_test_message ("template %s at %s", ids[t], sizes[s]);
        write_template (ids[t], fixture->input);
        g_unlink (fixture->output);

        status = run_thumbnailer (sizes[s], fixture->input, fixture->output, &err);
        g_assert_cmpstr (err, ==, "");
        g_assert_cmpint (status, ==, 0);

        surface = cairo_image_surface_create_from_png (fixture->output);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (MAX (cairo_image_surface_get_width (surface),
                              cairo_image_surface_get_height (surface)), ==, size);
        g_assert_cmpint (MIN (cairo_image_surface_get_width (surface),
                              cairo_image_surface_get_height (surface)), >, size / 3);
        g_assert_cmpuint (count_colours (surface), >, 50);
        cairo_surface_destroy (surface);
      }
}

static void
assert_refused (Fixture    *fixture,
                const char *what)
{
  g_autofree char *err = NULL;

  g_test_message ("%s", what);
  g_unlink (fixture->output);
  g_assert_cmpint (run_thumbnailer ("256", fixture->input, fixture->output, &err), ==, 1);
  /* One line saying why, for the file manager's log. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_false (g_file_test (fixture->output, G_FILE_TEST_EXISTS));
}

static void
refuse_contents (Fixture    *fixture,
                 const char *what,
                 const char *contents,
                 gssize      length)
{
  g_assert_true (g_file_set_contents (fixture->input, contents, length, NULL));
  assert_refused (fixture, what);
}

static void
test_refuses_bad_files (Fixture       *fixture,
                        gconstpointer  data)
{
  refuse_contents (fixture, "empty", "", 0);
  refuse_contents (fixture, "not JSON", "journey\n  title Café\n", -1);
  refuse_contents (fixture, "JSON, not a map", "{\"format\": \"other\", \"version\": 1}", -1);
  refuse_contents (fixture, "truncated", "{\"format\": \"parcours\", \"version\": 1, \"stages\": [", -1);
  refuse_contents (fixture, "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

  g_unlink (fixture->input);
  assert_refused (fixture, "missing");

  g_assert_cmpint (g_mkdir (fixture->input, 0700), ==, 0);
  assert_refused (fixture, "a folder");
  g_rmdir (fixture->input);
}

/* Everything the fuzzers ever found, and the hand-made hostile maps. */
static void
test_refuses_hostile_files (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ParcoursDocument) document = NULL;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

      /* A few are odd but valid maps: those get their picture. */
      bytes = g_bytes_new (contents, length);
      document = parcours_format_load_bytes (bytes, NULL);
      if (document == NULL)
        refuse_contents (fixture, name, contents, length);
      else
        {
          cairo_surface_t *surface;

          g_test_message ("%s (valid)", name);
          g_assert_true (g_file_set_contents (fixture->input, contents, length, NULL));
          g_assert_cmpint (run_thumbnailer ("128", fixture->input, fixture->output, NULL), ==, 0);
          surface = cairo_image_surface_create_from_png (fixture->output);
          g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
          cairo_surface_destroy (surface);
        }
      n++;
    }

  g_assert_cmpuint (n, >, 10);
}

/* A map of 5 000 cards, like parcours-bench's, drawn at its level of
 * detail well within the time limits. */
static void
test_draws_large_maps (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (100, 10, 5000, 500, 1);
  g_autoptr(GFile) input = g_file_new_for_path (fixture->input);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *surface;

  g_assert_true (parcours_format_save_file (document, input, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_thumbnailer ("256", fixture->input, fixture->output, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  surface = cairo_image_surface_create_from_png (fixture->output);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 256);
  g_assert_cmpuint (count_colours (surface), >, 20);
  cairo_surface_destroy (surface);
}

static void
test_refuses_huge_maps (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) map = g_string_new ("{\"format\": \"parcours\", \"version\": 1,"
                                         " \"stages\": [{\"id\": \"s\"}],"
                                         " \"lanes\": [{\"id\": \"l\"}], \"cards\": [");
  g_autofree char *padding = NULL;

  /* A map of 5 000 cards has a thumbnail (bench/whole-process times
   * it); this one is valid, but has more cards than a thumbnail can lay
   * out in a moment. */
  for (guint i = 0; i < 20001; i++)
    g_string_append_printf (map, "%s{\"id\": \"c%u\", \"lane\": \"l\", \"stage\": \"s\"}", i ? "," : "", i);
  g_string_append (map, "]}");
  refuse_contents (fixture, "20 001 cards", map->str, map->len);

  /* Too large to read at all: refused on its size alone. */
  padding = g_strnfill (20 * 1024 * 1024, ' ');
  refuse_contents (fixture, "20 MiB", padding, -1);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *program = g_getenv ("PARCOURS_THUMBNAILER");
  const char *one_file[] = { fixture->input, NULL };
  g_autofree char *err = NULL;

  write_template ("classroom-lunch", fixture->input);

  g_assert_cmpint (run_thumbnailer ("0", fixture->input, fixture->output, NULL), ==, 2);
  g_assert_cmpint (run_thumbnailer ("4096", fixture->input, fixture->output, NULL), ==, 2);
  g_assert_cmpint (run_thumbnailer ("big", fixture->input, fixture->output, NULL), ==, 2);
  g_assert_cmpint (parcours_test_run (program, NULL, one_file, NULL, &err), ==, 2);
  g_assert_false (g_file_test (fixture->output, G_FILE_TEST_EXISTS));
}

/* The entry file managers read: this program, for our MIME type, with
 * the size, the input path and the output path. */
static void
test_entry (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "src", "thumbnailer",
                                                 "parcours.thumbnailer", NULL);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *mime_types = NULL;

  g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  exec = g_key_file_get_string (entry, "Thumbnailer Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exec, "/parcours-thumbnailer -s %s %i %o"));

  mime_types = g_key_file_get_string (entry, "Thumbnailer Entry", "MimeType", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_types, ==, "application/x-parcours;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/thumbnailer/draws-every-template", Fixture, NULL,
              fixture_set_up, test_draws_every_template, fixture_tear_down);
  g_test_add ("/thumbnailer/draws-5000-cards", Fixture, NULL,
              fixture_set_up, test_draws_large_maps, fixture_tear_down);
  g_test_add ("/thumbnailer/refuses/bad-files", Fixture, NULL,
              fixture_set_up, test_refuses_bad_files, fixture_tear_down);
  g_test_add ("/thumbnailer/refuses/hostile-files", Fixture, NULL,
              fixture_set_up, test_refuses_hostile_files, fixture_tear_down);
  g_test_add ("/thumbnailer/refuses/huge-maps", Fixture, NULL,
              fixture_set_up, test_refuses_huge_maps, fixture_tear_down);
  g_test_add ("/thumbnailer/usage", Fixture, NULL,
              fixture_set_up, test_usage, fixture_tear_down);
  g_test_add_func ("/thumbnailer/entry", test_entry);

  return g_test_run ();
}
