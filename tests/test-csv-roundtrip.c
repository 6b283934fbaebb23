/* test-csv-roundtrip.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-test-utils.h"

/* CSV: round trips, map to CSV and back. */

static void
test_roundtrip_document (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_csv_map ();
  g_autoptr(ParcoursDocument) imported = parcours_test_csv_round_trip (document);
  ParcoursCard *card;

  /* What CSV holds survives; ids are new. */
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (imported)), ==, 2);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (imported)), ==, 3);
  parcours_test_assert_lane (imported, 0, "Ads", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (imported, 1, "Feeling", PARCOURS_LANE_KIND_EMOTIONS);
  parcours_test_assert_lane (imported, 2, "Thoughts", PARCOURS_LANE_KIND_THOUGHTS);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (imported)), ==, 4);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_emotion_points (imported)), ==, 3);

  card = parcours_test_card_at (imported, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Story");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_SOCIAL_MEDIA);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_null (parcours_document_lookup (imported, "c3"));
  g_assert_cmpuint (parcours_test_count (parcours_document_get_personas (imported)), ==, 0);
}

static void
test_roundtrip_lane_order (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) imported = NULL;

  /* The first rows only show C: its lane must not move above A and B. */
  parcours_test_add (document, parcours_stage_new ("s1", "S1"));
  parcours_test_add (document, parcours_stage_new ("s2", "S2"));
  parcours_test_add (document, parcours_stage_new ("s3", "S3"));
  parcours_test_add (document, parcours_lane_new ("a", PARCOURS_LANE_KIND_ACTIONS, "A"));
  parcours_test_add (document, parcours_lane_new ("b", PARCOURS_LANE_KIND_EMOTIONS, "B"));
  parcours_test_add (document, parcours_lane_new ("c", PARCOURS_LANE_KIND_NOTES, "C"));
  parcours_test_add (document, parcours_test_csv_card (NULL, "c", "s1", "c1",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_card (NULL, "a", "s2", "a2",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_card (NULL, "c", "s2", "c2",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_point (NULL, "b", "s3", 0.5, 0.5, "b3"));
  parcours_test_add (document, parcours_test_csv_card (NULL, "c", "s3", "c3",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));

  imported = parcours_test_csv_round_trip (document);
  parcours_test_assert_lane (imported, 0, "A", PARCOURS_LANE_KIND_ACTIONS);
  parcours_test_assert_lane (imported, 1, "B", PARCOURS_LANE_KIND_EMOTIONS);
  parcours_test_assert_lane (imported, 2, "C", PARCOURS_LANE_KIND_NOTES);
}

static void
test_roundtrip_csv (void)
{
  /* Files as Parcours writes them come back byte for byte. */
  parcours_test_assert_csv_stable (CSV_HEADER);
  parcours_test_assert_csv_stable (CSV_MAP_TEXT);
  parcours_test_assert_csv_stable (CSV_HEADER
                                   "\"Découverte, étape 1\",Pensées,thoughts,\"« C’est \"\"cher\"\" »\",,negative,,\"Ligne 1\r\nLigne 2\"\r\n"
                                   "\"Découverte, étape 1\",Émotions,emotions,'=ouf,,,-2,\r\n"
                                   "\"Découverte, étape 1\",Émotions,emotions,,,,2,\r\n"
                                   "Осведомлённость,Точки контакта,touchpoints,Клиент видит рекламу,advertising,positive,,'+7 900 000-00-00\r\n"
                                   "Осведомлённость,'@mention,channels,\" espace\",word-of-mouth,neutral,,''-x\r\n");
}

static void
test_roundtrip_unicode (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) imported = NULL;

  parcours_test_add (document, parcours_stage_new ("s1", "Покупка"));
  parcours_test_add (document, parcours_stage_new ("s2", "Après-vente"));
  parcours_test_add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_PAIN_POINTS,
                                                  "Points de douleur"));
  parcours_test_add (document, parcours_lane_new ("l2", PARCOURS_LANE_KIND_EMOTIONS, "Ощущения"));
  parcours_test_add (document, parcours_test_csv_card (NULL, "l1", "s1",
                                                       "Оплата не проходит, «ошибка 500»",
                                                       PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_NEGATIVE,
                                                       "Повторяется\nкаждый раз"));
  parcours_test_add (document, parcours_test_csv_card (NULL, "l1", "s2", "Le colis arrive abîmé",
                                                       PARCOURS_CHANNEL_PHYSICAL_STORE, PARCOURS_SENTIMENT_NEGATIVE,
                                                       "« Très déçue » — Élise"));
  parcours_test_add (document, parcours_test_csv_point (NULL, "l2", "s1", 0.3, -1.0, "Злость"));
  parcours_test_add (document, parcours_test_csv_point (NULL, "l2", "s2", 0.3, 0.5, "Soulagée 😌"));

  imported = parcours_test_csv_round_trip (document);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (imported, 0)), ==,
                   "Оплата не проходит, «ошибка 500»");
  g_assert_cmpstr (parcours_card_get_details (parcours_test_card_at (imported, 0)), ==,
                   "Повторяется\nкаждый раз");
  g_assert_cmpstr (parcours_card_get_details (parcours_test_card_at (imported, 1)), ==,
                   "« Très déçue » — Élise");
  g_assert_cmpstr (parcours_emotion_point_get_label (parcours_test_point_at (imported, 1)), ==,
                   "Soulagée 😌");
  parcours_test_assert_lane (imported, 0, "Points de douleur", PARCOURS_LANE_KIND_PAIN_POINTS);
  parcours_test_assert_lane (imported, 1, "Ощущения", PARCOURS_LANE_KIND_EMOTIONS);
}

static char *
random_text (GRand *rand)
{
  static const char * const pieces[] = {
    "a", "Z", " ", ",", "\"", "'", "=", "+", "-", "@", "\t", "\r", "\n", "\r\n",
    "é", "ж", "😌", "—", "''", "x y", "\xef\xbb\xbf",
  };
  guint n = g_rand_int_range (rand, 0, 8);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

  return g_string_free (text, FALSE);
}

static void
test_roundtrip_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(ParcoursDocument) document = parcours_document_new ();
      g_autoptr(ParcoursDocument) imported = NULL;
      guint n_stages = g_rand_int_range (rand, 1, 5);
      guint n_lanes = g_rand_int_range (rand, 1, 6);
      guint n_elements = g_rand_int_range (rand, 0, 40);

      /* Names are unique, as the round trip needs. */
      for (guint i = 0; i < n_stages; i++)
        {
          g_autofree char *text = random_text (rand);
          g_autofree char *id = g_strdup_printf ("s%u", i);
          g_autofree char *name = g_strdup_printf ("%s%u", text, i);

          parcours_test_add (document, parcours_stage_new (id, name));
        }

      for (guint i = 0; i < n_lanes; i++)
        {
          g_autofree char *text = random_text (rand);
          g_autofree char *id = g_strdup_printf ("l%u", i);
          g_autofree char *name = g_strdup_printf ("%u%s", i, text);
          ParcoursLaneKind kind = g_rand_int_range (rand, 0, PARCOURS_LANE_KIND_NOTES + 1);

          parcours_test_add (document, parcours_lane_new (id, kind, name));
        }

      for (guint i = 0; i < n_elements; i++)
        {
          g_autofree char *stage_id = g_strdup_printf ("s%d", g_rand_int_range (rand, 0, n_stages));
          g_autofree char *lane_id = g_strdup_printf ("l%d", g_rand_int_range (rand, 0, n_lanes));
          g_autofree char *text = random_text (rand);
          g_autofree char *details = random_text (rand);
          ParcoursLane *lane = parcours_document_lookup_lane (document, lane_id);

          if (parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS)
            parcours_test_add (document, parcours_test_csv_point (NULL, lane_id, stage_id,
                                                                  g_rand_double (rand),
                                                                  g_rand_double_range (rand, -1.0,
                                                                                       1.0),
                                                                  text));
          else
            {
              ParcoursChannel channel = g_rand_int_range (rand, 0, PARCOURS_CHANNEL_OTHER + 1);
              ParcoursSentiment sentiment = g_rand_int_range (rand, 0,
                                                              PARCOURS_SENTIMENT_NEGATIVE + 1);

              parcours_test_add (document, parcours_test_csv_card (NULL, lane_id, stage_id, text,
                                                                   channel, sentiment, details));
            }
        }

      imported = parcours_test_csv_round_trip (document);
    }
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *part)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* 200 maps that use every field, full of syntax characters: what CSV
 * holds comes back (the CSV of the map read back is the same text), and
 * what it does not is said. */
static void
test_roundtrip_rich_maps (void)
{
  guint n_maps = g_getenv ("PARCOURS_TEST_QUICK") != NULL ? 20 : 200;

  for (guint seed = 0; seed < n_maps; seed++)
    {
      g_autoptr(ParcoursDocument) document = parcours_test_make_rich_map (seed);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) read_warnings = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *text = parcours_csv_export_full (document,
                                                        seed % 2 ? PARCOURS_CSV_EXPORT_SEMICOLON : 0,
                                                        warnings);
      g_autofree char *first = parcours_csv_export (document);
      g_autofree char *again = NULL;
      g_autoptr(ParcoursDocument) read = NULL;
      g_autoptr(GError) error = NULL;

      read = parcours_csv_import_full (text, strlen (text), read_warnings, &error);
      g_assert_no_error (error);
      g_assert_nonnull (read);
      g_assert_cmpuint (read_warnings->len, ==, 0);

      /* Stages or lanes that share a name become one: said, and then
       * the rows come back in another order. */
      again = parcours_csv_export (read);
      if (!has_warning (warnings, "share"))
        g_assert_cmpstr (again, ==, first);

      if (g_list_model_get_n_items (parcours_document_get_personas (document)) > 0)
        g_assert_true (has_warning (warnings, "personas are not in CSV") ||
                       has_warning (warnings, "persona is not in CSV"));
      if (*parcours_document_get_title (document) != '\0')
        g_assert_true (has_warning (warnings,
                                    "the map's title, description, kind and goals are not in CSV"));
      if (g_list_model_get_n_items (parcours_document_get_cards (document)) > 0)
        g_assert_true (has_warning (warnings, "element ids are not in CSV"));
      for (guint i = 0; i < g_list_model_get_n_items (parcours_document_get_cards (document)); i++)
        {
          g_autoptr(ParcoursCard) card =
              g_list_model_get_item (parcours_document_get_cards (document), i);
          const char *kpi = parcours_card_get_kpi (card);

          if (kpi != NULL && *kpi != '\0')
            g_assert_true (has_warning (warnings, "KPI"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/roundtrip/document", test_roundtrip_document);
  g_test_add_func ("/csv/roundtrip/lane-order", test_roundtrip_lane_order);
  g_test_add_func ("/csv/roundtrip/csv", test_roundtrip_csv);
  g_test_add_func ("/csv/roundtrip/unicode", test_roundtrip_unicode);
  g_test_add_func ("/csv/roundtrip/random", test_roundtrip_random);
  g_test_add_func ("/csv/roundtrip/rich-maps", test_roundtrip_rich_maps);

  return g_test_run ();
}
