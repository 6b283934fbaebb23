/* test-format-golden.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-format.h"
#include "parcours-mermaid.h"
#include "parcours-test-utils.h"

/* Saved files stay byte-identical from one version to the next: each
 * map below, and each map the test data and the templates hold, is
 * saved and compared with the bytes an earlier writer gave for it, kept
 * in tests/data/golden/. Loading a golden file and saving it again must
 * give it back unchanged.
 *
 * A deliberate change of the format rewrites the golden files:
 * PARCOURS_TEST_GOLDEN_UPDATE=1 ./test-format-golden writes them into
 * tests/data/golden/ instead of comparing; review the diff it makes. */

typedef ParcoursDocument *(*MakeMapFunc) (void);

static ParcoursDocument *
make_generated_map (void)
{
  return parcours_test_make_generated_map (12, 7, 300, 40, 7);
}

static ParcoursDocument *
make_rich_map_1 (void)
{
  return parcours_test_make_rich_map (1);
}

static ParcoursDocument *
make_rich_map_2 (void)
{
  return parcours_test_make_rich_map (2);
}

static const struct
{
  const char *name;
  MakeMapFunc make;
} generated_maps[] = {
  { "grocery", parcours_test_make_grocery_map },
  { "day-in-life", parcours_test_make_day_in_life_map },
  { "hostile", parcours_test_make_hostile_map },
  { "canvas", parcours_test_make_canvas_map },
  { "generated", make_generated_map },
  { "rich-1", make_rich_map_1 },
  { "rich-2", make_rich_map_2 },
};

/* Folders of maps, relative to the source root, and the prefix of their
 * golden files. */
static const struct
{
  const char *dir;
  const char *prefix;
} map_dirs[] = {
  { "tests/data/hostile", "hostile-" },
  { "tests/data/hostile-text", "hostile-text-" },
  { "tests/data/mermaid", "mermaid-" },
  { "data/templates", "template-" },
};

static char *
golden_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".parcours", NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "golden", file, NULL);
}

static void
assert_golden (ParcoursDocument *document,
               const char       *name)
{
  g_autofree char *path = golden_path (name);
  g_autoptr(GBytes) saved = parcours_format_save_bytes (document);
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(ParcoursDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = NULL;
  gsize length;

  if (g_getenv ("PARCOURS_TEST_GOLDEN_UPDATE") != NULL)
    {
      g_file_set_contents (path, g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
      g_assert_no_error (error);
      return;
    }

  g_file_get_contents (path, &golden, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), golden, length);

  /* The golden file is itself a file this version saves unchanged. */
  reloaded = parcours_format_load_bytes (saved, &error);
  g_assert_no_error (error);
  resaved = parcours_format_save_bytes (reloaded);
  g_assert_true (g_bytes_equal (saved, resaved));
}

static void
test_generated (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(ParcoursDocument) document = NULL;

  /* New elements get random ids: make them the same every time. */
  g_random_set_seed (14);
  document = generated_maps[i].make ();
  assert_golden (document, generated_maps[i].name);
}

static ParcoursDocument *
load_map (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  if (g_str_has_suffix (path, ".mmd"))
    return parcours_mermaid_import (contents, length, NULL);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return parcours_format_load_bytes (bytes, NULL);
}

static void
test_files (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", map_dirs[i].dir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_maps = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint n = 0; n < names->len; n++)
    {
      const char *file = g_ptr_array_index (names, n);
      g_autofree char *path = g_build_filename (dir_path, file, NULL);
      g_autoptr(ParcoursDocument) document = NULL;
      g_autofree char *golden = NULL;

      /* Files that are not maps, or that fail on purpose, have none. */
      if (!g_str_has_suffix (file, ".parcours") && !g_str_has_suffix (file, ".mmd"))
        continue;
      document = load_map (path);
      if (document == NULL)
        continue;
      g_clear_object (&document);

      golden = g_strconcat (map_dirs[i].prefix, file, NULL);
      g_random_set_seed (14);
      document = load_map (path);
      assert_golden (document, golden);
      n_maps++;
    }

  g_assert_cmpuint (n_maps, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (generated_maps); i++)
    {
      g_autofree char *path = g_strconcat ("/format/golden/", generated_maps[i].name, NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_generated);
    }

  for (guint i = 0; i < G_N_ELEMENTS (map_dirs); i++)
    {
      g_autofree char *path = g_strconcat ("/format/golden/files/", map_dirs[i].dir, NULL);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_files);
    }

  return g_test_run ();
}
