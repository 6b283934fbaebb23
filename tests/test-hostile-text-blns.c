/* test-hostile-text-blns.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-export.h"
#include "parcours-mermaid.h"
#include "parcours-test-hostile.h"
#include "parcours-test-utils.h"

/* The Big List of Naughty Strings (read from
 * ../shared/testdata/naughty-strings/, skipped when it is not there) in
 * every field of a map, exported to every format: each comes out
 * well-formed, drawn and given back, or is named in a warning. */

#define quick parcours_test_hostile_quick
#define check_native parcours_test_hostile_check_native
#define check_svg_export parcours_test_hostile_check_svg_export
#define check_pdf_export parcours_test_hostile_check_pdf_export
#define check_png_export parcours_test_hostile_check_png_export

/* Strings per map: string i has a row and a column of its own, so a map
 * grows as the square of this. */
#define STRINGS_PER_MAP 8

/* A map holding each of @strings in every field: string i names stage i,
 * lane i and persona i, and is the text of the card in (lane i, stage i)
 * and of an emotion point in stage i. The title holds them all. */
static ParcoursDocument *
make_map (const char * const *strings,
          guint               n_strings)
{
  ParcoursDocument *document = parcours_document_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  char id[32], lane_id[32], stage_id[32];

  for (guint i = 0; i < n_strings; i++)
    g_string_append_printf (title, "%s%s", i > 0 ? "\n" : "", strings[i]);
  parcours_document_set_title (document, title->str);

  for (guint i = 0; i < n_strings; i++)
    {
      const char *goals[] = { strings[i], NULL };
      ParcoursPersona *persona;
      ParcoursStage *stage;

      g_snprintf (id, sizeof id, "p%u", i);
      persona = parcours_persona_new (id, strings[i]);
      parcours_persona_set_role (persona, strings[i]);
      parcours_persona_set_goals (persona, goals);
      parcours_test_add (document, persona);

      g_snprintf (id, sizeof id, "s%u", i);
      stage = parcours_stage_new (id, strings[i]);
      parcours_stage_set_description (stage, strings[i]);
      parcours_test_add (document, stage);

      g_snprintf (id, sizeof id, "l%u", i);
      parcours_test_add (document, parcours_lane_new (id, PARCOURS_LANE_KIND_TOUCHPOINTS, strings[i]));
    }
  parcours_test_add (document, parcours_lane_new ("feelings", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));

  for (guint i = 0; i < n_strings; i++)
    {
      ParcoursCard *card;
      ParcoursEmotionPoint *point;

      g_snprintf (lane_id, sizeof lane_id, "l%u", i);
      g_snprintf (stage_id, sizeof stage_id, "s%u", i);
      card = parcours_card_new (NULL, lane_id, stage_id, strings[i]);
      parcours_card_set_details (card, strings[i]);
      parcours_test_add (document, card);

      point = parcours_emotion_point_new (NULL, "feelings", stage_id, 0.5, (double) (i % 5) / 2 - 1);
      parcours_emotion_point_set_label (point, strings[i]);
      parcours_test_add (document, point);
    }

  return document;
}

typedef void (*MapCheck) (ParcoursDocument *document,
                          const char       *where);

typedef ParcoursDocument *(*MapMaker) (const char * const *strings,
                                       guint               n_strings);

/* Splits the strings into maps of @per_map made by @make, and checks each. */
static void
for_each_naughty_map_full (MapCheck check,
                           MapMaker make,
                           guint    per_map)
{
  g_autoptr(GPtrArray) strings = parcours_test_hostile_naughty_strings ();

  if (strings == NULL)
    {
      g_test_skip ("../shared/testdata/naughty-strings/ is not there");
      return;
    }

  /* Under valgrind (PARCOURS_TEST_QUICK), one map in four. */
  for (guint first = 0; first < strings->len; first += quick () ? 4 * per_map : per_map)
    {
      guint n = MIN (per_map, strings->len - first);
      g_autoptr(ParcoursDocument) document = make ((const char * const *) strings->pdata + first, n);
      g_autofree char *where = g_strdup_printf ("strings %u–%u", first, first + n - 1);

      check (document, where);
    }
}

static void
for_each_naughty_map (MapCheck check)
{
  for_each_naughty_map_full (check, make_map, STRINGS_PER_MAP);
}

/* Images cost their area, and the map of make_map() grows as the square of
 * its strings: for PNG, the strings are cards (text and details) and
 * emotion labels of a few cells, and name the stages and lanes of the
 * first of them. PNG draws with the same renderer as PDF. */
static ParcoursDocument *
make_compact_map (const char * const *strings,
                  guint               n_strings)
{
  ParcoursDocument *document = parcours_document_new ();
  char id[32], lane_id[32], stage_id[32];

  parcours_document_set_title (document, strings[0]);
  for (guint s = 0; s < 4; s++)
    {
      g_snprintf (id, sizeof id, "s%u", s);
      parcours_test_add (document, parcours_stage_new (id, strings[s % n_strings]));
    }
  for (guint l = 0; l < 2; l++)
    {
      g_snprintf (id, sizeof id, "l%u", l);
      parcours_test_add (document, parcours_lane_new (id, PARCOURS_LANE_KIND_TOUCHPOINTS, strings[(4 + l) % n_strings]));
    }
  parcours_test_add (document, parcours_lane_new ("feelings", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));

  for (guint i = 0; i < n_strings; i++)
    {
      ParcoursCard *card;
      ParcoursEmotionPoint *point;

      g_snprintf (lane_id, sizeof lane_id, "l%u", i % 2);
      g_snprintf (stage_id, sizeof stage_id, "s%u", (i / 2) % 4);
      card = parcours_card_new (NULL, lane_id, stage_id, strings[i]);
      parcours_card_set_details (card, strings[i]);
      parcours_test_add (document, card);

      point = parcours_emotion_point_new (NULL, "feelings", stage_id, (double) (i % 10) / 10, (double) (i % 5) / 2 - 1);
      parcours_emotion_point_set_label (point, strings[i]);
      parcours_test_add (document, point);
    }

  return document;
}

/* CSV holds cards (text, details, stage and lane names) and emotion
 * points (label); it has no title or personas. */
static void
check_csv (ParcoursDocument *document,
           const char       *where)
{
  g_autofree char *csv = parcours_csv_export (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) copy = parcours_csv_import (csv, strlen (csv), &error);
  GListModel *cards, *copies;

  g_assert_no_error (error);
  cards = parcours_document_get_cards (document);
  copies = parcours_document_get_cards (copy);
  g_assert_cmpuint (g_list_model_get_n_items (copies), ==, g_list_model_get_n_items (cards));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(ParcoursCard) a = g_list_model_get_item (cards, i);
      g_autoptr(ParcoursCard) b = g_list_model_get_item (copies, i);
      ParcoursStage *stage_a = parcours_document_lookup_stage (document, parcours_card_get_stage_id (a));
      ParcoursStage *stage_b = parcours_document_lookup_stage (copy, parcours_card_get_stage_id (b));
      ParcoursLane *lane_a = parcours_document_lookup_lane (document, parcours_card_get_lane_id (a));
      ParcoursLane *lane_b = parcours_document_lookup_lane (copy, parcours_card_get_lane_id (b));

      if (g_strcmp0 (parcours_card_get_text (a), parcours_card_get_text (b)) != 0 ||
          g_strcmp0 (parcours_card_get_details (a), parcours_card_get_details (b)) != 0 ||
          g_strcmp0 (parcours_stage_get_name (stage_a), parcours_stage_get_name (stage_b)) != 0 ||
          /* CSV names an unnamed lane after its kind, as the map shows it. */
          (parcours_lane_get_name (lane_a)[0] != '\0' &&
           g_strcmp0 (parcours_lane_get_name (lane_a), parcours_lane_get_name (lane_b)) != 0))
        {
          g_autofree char *escaped = g_strescape (parcours_card_get_text (a), NULL);

          g_test_message ("%s: CSV changed cards[%u] “%s”: text %d, details %d, stage “%s”, lane “%s”",
                          where, i, escaped,
                          g_strcmp0 (parcours_card_get_text (a), parcours_card_get_text (b)) == 0,
                          g_strcmp0 (parcours_card_get_details (a), parcours_card_get_details (b)) == 0,
                          parcours_stage_get_name (stage_b), parcours_lane_get_name (lane_b));
          g_test_fail ();
        }
    }
}

static void
check_mermaid (ParcoursDocument *document,
               const char       *where)
{
  g_autofree char *mermaid = parcours_mermaid_export (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) copy = parcours_mermaid_import (mermaid, -1, &error);
  GListModel *stages, *cards;

  if (copy == NULL)
    {
      g_test_message ("%s: Mermaid cannot read back its own export: %s", where, error->message);
      g_test_fail ();
      return;
    }

  /* Mermaid holds the title, the stages (sections) and the touchpoint
   * cards (tasks) in order. */
  if (g_strcmp0 (parcours_document_get_title (document), parcours_document_get_title (copy)) != 0)
    {
      g_test_message ("%s: Mermaid changed the title", where);
      g_test_fail ();
    }

  stages = parcours_document_get_stages (copy);
  for (guint i = 0; i < g_list_model_get_n_items (parcours_document_get_stages (document)); i++)
    {
      g_autoptr(ParcoursStage) a = g_list_model_get_item (parcours_document_get_stages (document), i);
      g_autoptr(ParcoursStage) b = g_list_model_get_item (stages, i);

      if (b == NULL || g_strcmp0 (parcours_stage_get_name (a), parcours_stage_get_name (b)) != 0)
        {
          g_autofree char *escaped = g_strescape (parcours_stage_get_name (a), NULL);

          g_test_message ("%s: Mermaid changed stages[%u].name “%s”", where, i, escaped);
          g_test_fail ();
        }
    }

  cards = parcours_document_get_cards (copy);
  for (guint i = 0; i < g_list_model_get_n_items (parcours_document_get_cards (document)); i++)
    {
      g_autoptr(ParcoursCard) a = g_list_model_get_item (parcours_document_get_cards (document), i);
      g_autoptr(ParcoursCard) b = g_list_model_get_item (cards, i);

      if (b == NULL || g_strcmp0 (parcours_card_get_text (a), parcours_card_get_text (b)) != 0)
        {
          g_autofree char *escaped = g_strescape (parcours_card_get_text (a), NULL);

          g_test_message ("%s: Mermaid changed cards[%u].text “%s”", where, i, escaped);
          g_test_fail ();
        }
    }
}

static void
test_blns_native (void)
{
  for_each_naughty_map (check_native);
}

static void
test_blns_csv (void)
{
  for_each_naughty_map (check_csv);
}

static void
test_blns_mermaid (void)
{
  for_each_naughty_map (check_mermaid);
}

static void
test_blns_svg (void)
{
  for_each_naughty_map (check_svg_export);
}

/* PDF costs its texts, not its area, and pdftotext runs once a map: fewer,
 * larger maps. */
static void
test_blns_pdf (void)
{
  for_each_naughty_map_full (check_pdf_export, make_map, 4 * STRINGS_PER_MAP);
}

static void
test_blns_png (void)
{
  for_each_naughty_map_full (check_png_export, make_compact_map, 64);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-text/blns/native", test_blns_native);
  g_test_add_func ("/hostile-text/blns/csv", test_blns_csv);
  g_test_add_func ("/hostile-text/blns/svg", test_blns_svg);
  g_test_add_func ("/hostile-text/blns/pdf", test_blns_pdf);
  g_test_add_func ("/hostile-text/blns/png", test_blns_png);
  g_test_add_func ("/hostile-text/blns/mermaid", test_blns_mermaid);

  return g_test_run ();
}
