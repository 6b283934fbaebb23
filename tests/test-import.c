/* test-import.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-format.h"
#include "parcours-import-private.h"
#include "parcours-mermaid.h"

/* What the native, Mermaid and CSV readers share: how a message says
 * where the problem is, duplicate ids, and text lengths. */

static const struct
{
  ParcoursImportPlace place;
  const char *message;
} place_cases[] = {
  { { .path = "cards[7].stage" }, "cards[7].stage: no way" },
  { { .path = "" }, "no way" },
  { { .line = 3, .column = 14 }, "3:14: no way" },
  { { .line = 3, .column_name = "text" }, "line 3, column \"text\": no way" },
  { { .line = 3 }, "line 3: no way" },
  { { 0 }, "no way" },
};

static void
test_import_places (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (place_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

      _parcours_import_set_error (&error, PARCOURS_FORMAT_ERROR_RANGE,
                                  &place_cases[i].place, "no %s", "way");
      g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_RANGE);
      g_assert_cmpstr (error->message, ==, place_cases[i].message);

      _parcours_import_warn (warnings, &place_cases[i].place, "no %s", "way");
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, place_cases[i].message);
    }

  /* Without an error or warnings to fill, nothing happens. */
  _parcours_import_set_error (NULL, PARCOURS_FORMAT_ERROR_RANGE, NULL, "no %s", "way");
  _parcours_import_warn (NULL, NULL, "no %s", "way");
}

/* A duplicate id is a problem of the file, in the format's own domain. */
static void
test_import_duplicate_id (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("s1", "Discover");
  g_autoptr(ParcoursLane) twin = parcours_lane_new ("s1", PARCOURS_LANE_KIND_ACTIONS, "Do");
  g_autoptr(GError) error = NULL;

  g_assert_true (_parcours_import_insert (document, PARCOURS_ELEMENT (stage), &error));
  g_assert_no_error (error);

  g_assert_false (_parcours_import_insert (document, PARCOURS_ELEMENT (twin), &error));
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==, "duplicate id \"s1\"");
  g_assert_null (parcours_document_lookup (document, "s2"));
  g_assert_true (parcours_document_lookup (document, "s1") == PARCOURS_ELEMENT (stage));
}

static guint
count_cards (ParcoursDocument *document)
{
  return g_list_model_get_n_items (parcours_document_get_collection (document,
                                                                     PARCOURS_COLLECTION_CARDS));
}

/* Text is given with its length in bytes, or -1 when it ends with a NUL
 * byte. */
static void
test_import_lengths (void)
{
  static const char csv[] =
    "stage,lane,kind,text\n"
    "Awareness,Touchpoints,touchpoints,Sees an ad\n"
    "Awareness,Touchpoints,touchpoints,Asks a friend\n";
  static const char mermaid[] =
    "journey\n"
    "  section Awareness\n"
    "    Sees an ad: 3: Ada\n"
    "    Asks a friend: 4: Ada\n";
  gsize csv_first_row = strstr (csv, "Awareness,Touchpoints,touchpoints,Asks") - csv;
  gsize mermaid_first_task = strstr (mermaid, "    Asks") - mermaid;
  g_autoptr(GError) error = NULL;
  struct {
    ParcoursDocument *document;
    guint n_cards;
  } results[] = {
    { parcours_csv_import (csv, -1, &error), 2 },
    { parcours_csv_import (csv, strlen (csv), &error), 2 },
    { parcours_csv_import (csv, csv_first_row, &error), 1 },
    { parcours_mermaid_import (mermaid, -1, &error), 2 },
    { parcours_mermaid_import (mermaid, strlen (mermaid), &error), 2 },
    { parcours_mermaid_import (mermaid, mermaid_first_task, &error), 1 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_nonnull (results[i].document);
      g_assert_cmpuint (count_cards (results[i].document), ==, results[i].n_cards);
      g_object_unref (results[i].document);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/places", test_import_places);
  g_test_add_func ("/import/duplicate-id", test_import_duplicate_id);
  g_test_add_func ("/import/lengths", test_import_lengths);

  return g_test_run ();
}
