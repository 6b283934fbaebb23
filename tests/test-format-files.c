/* test-format-files.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include <string.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"

/* The native format on disk: saving and loading files, failures, the
 * JSON Schema, and a large map. */

typedef struct
{
  char *dir;
} FileFixture;

static void
file_fixture_set_up (FileFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("parcours-format-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
    }

  g_chmod (path, 0700);
  g_remove (path);
}

static void
file_fixture_tear_down (FileFixture   *fixture,
                        gconstpointer  data)
{
  remove_recursively (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
fixture_file (FileFixture *fixture,
              const char  *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static char *
file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_file_save_and_load (FileFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_full_map ();
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autoptr(GFile) file = fixture_file (fixture, "map.parcours");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  contents = file_contents (file);
  g_assert_cmpstr (contents, ==, parcours_test_full_map_text);

  loaded = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  parcours_test_assert_documents_equal (document, loaded);

  /* Saving over it leaves no temporary file behind. */
  g_assert_true (parcours_format_save_file (loaded, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_file_load_errors (FileFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) missing = fixture_file (fixture, "missing.parcours");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) broken = fixture_file (fixture, "broken.parcours");
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_path = g_file_get_path (broken);

  document = parcours_format_load_file (missing, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = parcours_format_load_file (folder, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Messages do not name the file: the caller does. */
  g_assert_true (g_file_set_contents (broken_path,
                                      "{\"format\": \"parcours\", \"version\": 3}", -1, NULL));
  document = parcours_format_load_file (broken, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "version 3 is newer than this Parcours can read (1); please update Parcours");
}

/* A huge file is refused from its size, before it is read. */
static void
test_file_too_large (FileFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "huge.parcours");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (truncate (path, (off_t) PARCOURS_FORMAT_MAX_FILE_SIZE * 16), ==, 0);

  start = g_get_monotonic_time ();
  document = parcours_format_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is larger than 64 MiB");
  g_test_message ("Refused a 1 GiB file in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

/* A device that never ends is cut at the largest size allowed. */
static void
test_file_endless (FileFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /dev/zero");
      return;
    }

  document = parcours_format_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
}

static void
test_save_keeps_permissions (FileFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_full_map ();
  g_autoptr(GFile) file = fixture_file (fixture, "shared.parcours");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);
  contents = file_contents (file);
  g_assert_cmpstr (contents, ==, parcours_test_full_map_text);
}

static void
assert_save_fails (ParcoursDocument *document,
                   GFile            *file,
                   GCancellable     *cancellable)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (parcours_format_save_file (document, file, cancellable, &error));
  g_assert_nonnull (error);
  g_test_message ("Expected failure: %s", error->message);
}

static void
test_save_failures (FileFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_full_map ();
  g_autoptr(GFile) in_missing_folder = fixture_file (fixture, "missing/map.parcours");
  g_autoptr(GFile) folder = fixture_file (fixture, "folder");
  g_autoptr(GFile) old = fixture_file (fixture, "old.parcours");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *old_path = g_file_get_path (old);
  g_autofree char *contents = NULL;

  /* A folder that does not exist */
  assert_save_fails (document, in_missing_folder, NULL);
  g_assert_false (g_file_query_exists (in_missing_folder, NULL));

  /* A path that is a folder, which stays as it was */
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  assert_save_fails (document, folder, NULL);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));

  /* A cancelled save leaves the old file alone */
  g_assert_true (g_file_set_contents (old_path, "old contents", -1, NULL));
  g_cancellable_cancel (cancellable);
  assert_save_fails (document, old, cancellable);
  contents = file_contents (old);
  g_assert_cmpstr (contents, ==, "old contents");

  /* Nothing is left behind */
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

static void
test_save_dev_full (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_full_map ();
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");

  if (access ("/dev/full", W_OK) != 0)
    {
      g_test_skip ("No writable /dev/full");
      return;
    }

  assert_save_fails (document, file, NULL);
  g_assert_true (g_file_test ("/dev/full", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/dev/full", G_FILE_TEST_IS_REGULAR));
}

/* The schema in data/ says what the code does. */
static JsonObject *
schema_object (JsonObject *schema,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonObject *object = schema;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_assert_true (json_object_has_member (object, parts[i]));
      object = json_object_get_object_member (object, parts[i]);
    }

  return object;
}

static void
assert_schema_enum (JsonObject *schema,
                    const char *path,
                    GType       enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  JsonArray *values = json_object_get_array_member (schema_object (schema, path), "enum");

  g_assert_cmpuint (json_array_get_length (values), ==, klass->n_values);
  for (guint i = 0; i < klass->n_values; i++)
    g_assert_cmpstr (json_array_get_string_element (values, i), ==, klass->values[i].value_nick);
}

static void
assert_schema_number (JsonObject *schema,
                      const char *path,
                      const char *keyword,
                      double      expected)
{
  JsonObject *object = schema_object (schema, path);

  g_assert_cmpfloat (json_object_get_double_member (object, keyword), ==, expected);
}

static void
test_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "parcours.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *schema;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No schema in the source tree");
      return;
    }

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  schema = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (schema, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");

  assert_schema_enum (schema, "properties/kind", PARCOURS_TYPE_MAP_KIND);
  assert_schema_enum (schema, "$defs/lane/properties/kind", PARCOURS_TYPE_LANE_KIND);
  assert_schema_enum (schema, "$defs/card/properties/channel", PARCOURS_TYPE_CHANNEL);
  assert_schema_enum (schema, "$defs/card/properties/sentiment", PARCOURS_TYPE_SENTIMENT);

  assert_schema_number (schema, "properties/version", "minimum", PARCOURS_FORMAT_VERSION);
  assert_schema_number (schema, "properties/personas", "maxItems", PARCOURS_FORMAT_MAX_PERSONAS);
  assert_schema_number (schema, "properties/stages", "maxItems", PARCOURS_FORMAT_MAX_STAGES);
  assert_schema_number (schema, "properties/lanes", "maxItems", PARCOURS_FORMAT_MAX_LANES);
  assert_schema_number (schema, "properties/cards", "maxItems", PARCOURS_FORMAT_MAX_CARDS);
  assert_schema_number (schema, "properties/emotion-points", "maxItems",
                        PARCOURS_FORMAT_MAX_EMOTION_POINTS);
  assert_schema_number (schema, "$defs/text", "maxLength", PARCOURS_FORMAT_MAX_STRING_SIZE);
  assert_schema_number (schema, "$defs/textList", "maxItems", PARCOURS_FORMAT_MAX_LIST_ITEMS);
  assert_schema_number (schema, "$defs/id", "maxLength", PARCOURS_FORMAT_MAX_ID_LENGTH);
  assert_schema_number (schema, "$defs/persona/properties/photo", "maxLength",
                        PARCOURS_FORMAT_MAX_PHOTO_URI_SIZE);
  assert_schema_number (schema, "$defs/stage/properties/width", "minimum",
                        PARCOURS_STAGE_MIN_WIDTH);
  assert_schema_number (schema, "$defs/stage/properties/width", "maximum",
                        PARCOURS_STAGE_MAX_WIDTH);
  assert_schema_number (schema, "$defs/lane/properties/height", "minimum",
                        PARCOURS_LANE_MIN_HEIGHT);
  assert_schema_number (schema, "$defs/lane/properties/height", "maximum",
                        PARCOURS_LANE_MAX_HEIGHT);
}

/* Speed: a map of 100 stages × 10 lanes, 5000 cards, 500 points. Timings
 * are printed, not asserted. */
static ParcoursDocument *
make_large_document (void)
{
  ParcoursDocument *document = parcours_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint s = 0; s < 100; s++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%08x", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      parcours_test_add (document, parcours_stage_new (id, name));
    }

  for (guint l = 0; l < 10; l++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%08x", l);

      ParcoursLaneKind kind = l == 9 ? PARCOURS_LANE_KIND_EMOTIONS : l % 9;

      parcours_test_add (document, parcours_lane_new (id, kind, "Lane"));
    }

  for (guint c = 0; c < 5000; c++)
    {
      g_autofree char *id = g_strdup_printf ("card-%08x", c);
      g_autofree char *lane = g_strdup_printf ("lane-%08x", c % 9);
      g_autofree char *stage = g_strdup_printf ("stage-%08x", (c / 9) % 100);
      g_autofree char *text = g_strdup_printf ("Card %u: réserve un billet", c);
      ParcoursCard *card = parcours_card_new (id, lane, stage, text);

      if (c % 3 == 0)
        parcours_card_set_details (card, "Some details\nover two lines");
      if (c % 5 == 0)
        parcours_card_set_channel (card, PARCOURS_CHANNEL_EMAIL);
      parcours_test_add (document, card);
    }

  for (guint p = 0; p < 500; p++)
    {
      g_autofree char *id = g_strdup_printf ("emotion-%08x", p);
      g_autofree char *stage = g_strdup_printf ("stage-%08x", p % 100);

      parcours_test_add (document, parcours_emotion_point_new (id, "lane-00000009", stage,
                                                               g_rand_double (rand),
                                                               g_rand_double_range (rand, -1, 1)));
    }

  return document;
}

static void
test_perf_large (void)
{
  g_autoptr(ParcoursDocument) document = make_large_document ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  double best_save = G_MAXDOUBLE;
  double best_load = G_MAXDOUBLE;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ParcoursDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&bytes, g_bytes_unref);
      g_test_timer_start ();
      bytes = parcours_format_save_bytes (document);
      best_save = MIN (best_save, g_test_timer_elapsed ());

      g_test_timer_start ();
      loaded = parcours_format_load_bytes (bytes, &error);
      best_load = MIN (best_load, g_test_timer_elapsed ());
      g_assert_no_error (error);

      if (i == 0)
        {
          again = parcours_format_save_bytes (loaded);
          g_assert_true (g_bytes_equal (bytes, again));
        }
    }

  g_test_message ("5000 cards, %" G_GSIZE_FORMAT " bytes: save %.1f ms, load %.1f ms",
                  g_bytes_get_size (bytes), best_save * 1000, best_load * 1000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/format/file/save-and-load", FileFixture, NULL,
              file_fixture_set_up, test_file_save_and_load, file_fixture_tear_down);
  g_test_add ("/format/file/load-errors", FileFixture, NULL,
              file_fixture_set_up, test_file_load_errors, file_fixture_tear_down);
  g_test_add ("/format/file/too-large", FileFixture, NULL,
              file_fixture_set_up, test_file_too_large, file_fixture_tear_down);
  g_test_add ("/format/file/endless", FileFixture, NULL,
              file_fixture_set_up, test_file_endless, file_fixture_tear_down);
  g_test_add ("/format/file/keeps-permissions", FileFixture, NULL,
              file_fixture_set_up, test_save_keeps_permissions, file_fixture_tear_down);
  g_test_add ("/format/file/save-failures", FileFixture, NULL,
              file_fixture_set_up, test_save_failures, file_fixture_tear_down);
  g_test_add_func ("/format/file/dev-full", test_save_dev_full);
  g_test_add_func ("/format/schema", test_schema);
  g_test_add_func ("/format/perf/5000-cards", test_perf_large);

  return g_test_run ();
}
