/* test-hostile.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-format.h"
#include "parcours-mermaid.h"

/* Every file of tests/data/hostile goes through the importer its
 * extension names (.parcours, .mmd, .csv) and must give a map or an
 * error, never a crash. A map must then survive what the fuzzers of
 * tests/fuzz check: save and load, export and import.
 *
 * The folder holds hand-made hostile files and every input a fuzzer
 * crashed on (`*-crash-N.*`), one test each: /hostile/FILE. Some of them
 * must fail in a given way; those are listed below. */

typedef enum
{
  IMPORTER_NATIVE,
  IMPORTER_MERMAID,
  IMPORTER_CSV,
} Importer;

typedef struct
{
  const char *name;
  int code;                     /* a ParcoursFormatError, or -1 for a map */
  guint n_warnings;             /* of a map in the native format */
} Expectation;

static const Expectation expectations[] = {
  { "native-deep-nesting.parcours", PARCOURS_FORMAT_ERROR_TOO_DEEP },
  { "native-deep-nesting-unclosed.parcours", PARCOURS_FORMAT_ERROR_TOO_DEEP },
  { "native-truncated.parcours", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "native-nul-byte.parcours", PARCOURS_FORMAT_ERROR_ENCODING },
  { "native-escaped-nul.parcours", PARCOURS_FORMAT_ERROR_ENCODING },
  { "native-invalid-utf8.parcours", PARCOURS_FORMAT_ERROR_ENCODING },
  { "native-lone-surrogate.parcours", PARCOURS_FORMAT_ERROR_ENCODING },
  { "native-huge-integer.parcours", PARCOURS_FORMAT_ERROR_RANGE },
  { "native-huge-number.parcours", PARCOURS_FORMAT_ERROR_RANGE },
  { "native-huge-unknown-number.parcours", PARCOURS_FORMAT_ERROR_RANGE },
  { "native-huge-version.parcours", PARCOURS_FORMAT_ERROR_VERSION },
  { "native-tiny-numbers.parcours", -1 },
  { "native-card-lane-is-stage.parcours", PARCOURS_FORMAT_ERROR_DANGLING_ID },
  { "native-card-stage-is-persona.parcours", PARCOURS_FORMAT_ERROR_DANGLING_ID },
  { "native-point-in-touchpoints-lane.parcours", PARCOURS_FORMAT_ERROR_DANGLING_ID },
  { "native-point-lane-is-card.parcours", PARCOURS_FORMAT_ERROR_DANGLING_ID },
  { "native-lane-persona-is-card.parcours", PARCOURS_FORMAT_ERROR_DANGLING_ID },
  { "native-lane-persona-is-stage.parcours", PARCOURS_FORMAT_ERROR_DANGLING_ID },
  { "native-duplicate-id-across-kinds.parcours", PARCOURS_FORMAT_ERROR_DUPLICATE_ID },
  { "native-duplicate-member.parcours", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "native-unknown-members.parcours", -1 },
  { "native-photo-not-an-image.parcours", -1, 2 },
  { "native-duplicate-stage-names.parcours", -1 },
  { "mermaid-empty.mmd", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "mermaid-unterminated-acc-descr.mmd", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "mermaid-unterminated-front-matter.mmd", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "mermaid-nul-byte.mmd", PARCOURS_FORMAT_ERROR_ENCODING },
  { "mermaid-invalid-utf8.mmd", PARCOURS_FORMAT_ERROR_ENCODING },
  /* 70 000 bytes on a line: more than the 64 KiB Parcours used to read. */
  { "mermaid-long-line.mmd", -1 },
  /* Mermaid takes any number; out of 1 to 5 is brought back with a warning. */
  { "mermaid-huge-scores.mmd", -1, 3 },
  { "mermaid-many-actors.mmd", PARCOURS_FORMAT_ERROR_TOO_LARGE },
  /* A task "journey" and a section name with a colon: Mermaid refuses both. */
  { "mermaid-keywords-as-names.mmd", -1, 2 },
  { "csv-empty.csv", PARCOURS_FORMAT_ERROR_MISSING },
  { "csv-truncated.csv", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "csv-nul-byte.csv", PARCOURS_FORMAT_ERROR_ENCODING },
  /* Not UTF-8: read as Windows-1252, with a warning. */
  { "csv-invalid-utf8.csv", -1, 1 },
  { "csv-huge-level.csv", PARCOURS_FORMAT_ERROR_RANGE },
  { "csv-duplicate-column.csv", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "csv-quote-after-field.csv", PARCOURS_FORMAT_ERROR_SYNTAX },
  { "csv-wrong-kinds.csv", PARCOURS_FORMAT_ERROR_MISSING },
};

/* Helpers */

static char *
hostile_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hostile", NULL);
}

static gboolean
importer_for_name (const char *name,
                   Importer   *importer)
{
  if (g_str_has_suffix (name, ".parcours"))
    *importer = IMPORTER_NATIVE;
  else if (g_str_has_suffix (name, ".mmd"))
    *importer = IMPORTER_MERMAID;
  else if (g_str_has_suffix (name, ".csv"))
    *importer = IMPORTER_CSV;
  else
    return FALSE;

  return TRUE;
}

static const Expectation *
find_expectation (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      if (strcmp (expectations[i].name, name) == 0)
        return &expectations[i];
    }

  return NULL;
}

static ParcoursDocument *
import_text (Importer     importer,
             const char  *text,
             gsize        length,
             GPtrArray  **warnings,
             GError     **error)
{
  switch (importer)
    {
    case IMPORTER_NATIVE:
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static (text, length);

        return parcours_format_load_bytes_with_warnings (bytes, warnings, error);
      }

    case IMPORTER_MERMAID:
      {
        g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
        ParcoursDocument *document;

        document = parcours_mermaid_import_full (text, (gssize) length, found, error);
        if (document != NULL && warnings != NULL)
          *warnings = g_steal_pointer (&found);
        return document;
      }

    case IMPORTER_CSV:
      {
        g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
        ParcoursDocument *document;

        document = parcours_csv_import_full (text, length, found, error);
        if (document != NULL && warnings != NULL)
          *warnings = g_steal_pointer (&found);
        return document;
      }

    default:
      g_assert_not_reached ();
    }
}

static char *
export_text (Importer          importer,
             ParcoursDocument *document)
{
  switch (importer)
    {
    case IMPORTER_NATIVE:
      {
        g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);

        return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      }

    case IMPORTER_MERMAID:
      return parcours_mermaid_export (document);

    case IMPORTER_CSV:
      return parcours_csv_export (document);

    default:
      g_assert_not_reached ();
    }
}

/* Writes @document as @importer reads it, reads that back and writes it
 * again: both texts must be the same. Returns the map read back. */
static ParcoursDocument *
assert_round_trip (Importer          importer,
                   ParcoursDocument *document)
{
  g_autofree char *text = export_text (importer, document);
  g_autofree char *text_again = NULL;
  g_autoptr(ParcoursDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  again = import_text (importer, text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  text_again = export_text (importer, again);
  g_assert_cmpstr (text_again, ==, text);

  return g_steal_pointer (&again);
}

/* The Mermaid text alone, without the map in comment lines, survives a
 * round trip too. */
static void
assert_plain_mermaid_round_trip (ParcoursDocument *document)
{
  g_autofree char *plain = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, NULL);
  g_autofree char *plain_again = NULL;
  g_autoptr(ParcoursDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  if (plain == NULL)
    return;
  again = parcours_mermaid_import (plain, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  plain_again = parcours_mermaid_export_full (again, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, NULL);
  g_assert_cmpstr (plain_again, ==, plain);
}

/* What the fuzzers of tests/fuzz check on a map an importer made. The
 * native format and Mermaid go through a round trip unchanged whatever
 * the map; CSV only with the maps it makes itself, since it merges
 * stages of the same name, so other maps go through it once first. */
static void
assert_survives_writers (Importer          importer,
                         ParcoursDocument *document)
{
  g_object_unref (assert_round_trip (IMPORTER_NATIVE, document));
  g_object_unref (assert_round_trip (IMPORTER_MERMAID, document));
  assert_plain_mermaid_round_trip (document);

  if (importer == IMPORTER_CSV)
    {
      g_object_unref (assert_round_trip (IMPORTER_CSV, document));
    }
  else
    {
      g_autofree char *csv = parcours_csv_export (document);
      g_autoptr(ParcoursDocument) from_csv = NULL;
      g_autoptr(GError) error = NULL;

      from_csv = parcours_csv_import (csv, strlen (csv), &error);
      g_assert_no_error (error);
      g_assert_nonnull (from_csv);
      g_object_unref (assert_round_trip (IMPORTER_CSV, from_csv));
    }
}

/* Tests */

static void
test_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = hostile_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const Expectation *expectation = find_expectation (name);
  Importer importer;
  gsize length;

  g_assert_true (importer_for_name (name, &importer));
  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  document = import_text (importer, text, length, &warnings, &error);

  if (document == NULL)
    {
      g_assert_null (warnings);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", name, error->message);
      g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
      g_assert_true (error->message[0] != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      if (expectation != NULL)
        g_assert_error (error, PARCOURS_FORMAT_ERROR, expectation->code);
    }
  else
    {
      g_assert_no_error (error);

      /* Every importer says what it read otherwise than written. */
        {
          g_assert_nonnull (warnings);
          for (guint i = 0; i < warnings->len; i++)
            {
              g_test_message ("%s: warning: %s", name, (char *) g_ptr_array_index (warnings, i));
              g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
            }
        }

      assert_survives_writers (importer, document);

      if (expectation != NULL)
        {
          g_assert_cmpint (expectation->code, ==, -1);
          g_assert_cmpuint (warnings != NULL ? warnings->len : 0, ==, expectation->n_warnings);
        }
    }
}

/* The folder is there, holds files of every kind, and holds every file
 * the expectations name. */
static void
test_folder (void)
{
  g_autofree char *dir = hostile_dir ();
  guint n_files[3] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_build_filename (dir, expectations[i].name, NULL);
      Importer importer;

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (importer_for_name (expectations[i].name, &importer));
      n_files[importer]++;
    }

  g_assert_cmpuint (n_files[IMPORTER_NATIVE], >, 0);
  g_assert_cmpuint (n_files[IMPORTER_MERMAID], >, 0);
  g_assert_cmpuint (n_files[IMPORTER_CSV], >, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/folder", test_folder);

  path = hostile_dir ();
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      Importer importer;

      if (importer_for_name (name, &importer))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strconcat ("/hostile/", file_name, NULL);

      g_test_add_data_func (test_path, file_name, test_file);
    }

  return g_test_run ();
}
