/* test-csv-import.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-test-utils.h"

/* CSV: how a table of cards and emotion points becomes a map, whatever
 * spreadsheet wrote it. */

static void
test_import_basic (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = parcours_test_csv_import (CSV_HEADER
                                       "Discover,Ads,touchpoints,Sees an ad,social-media,positive,,Instagram story\r\n"
                                       "Discover,Thoughts,thoughts,Is it for me?,,,,\r\n"
                                       "Buy,Ads,touchpoints,Clicks the banner,website,negative,,\r\n");

  g_assert_cmpstr (parcours_document_get_title (document), ==, "");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_personas (document)), ==, 0);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_emotion_points (document)), ==, 0);

  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 2);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==, "Discover");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 1)), ==, "Buy");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (document)), ==, 2);
  parcours_test_assert_lane (document, 0, "Ads", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 1, "Thoughts", PARCOURS_LANE_KIND_THOUGHTS);

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 3);
  card = parcours_test_card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Instagram story");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_SOCIAL_MEDIA);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Discover");
  g_assert_true (parcours_test_card_lane (document, card) == parcours_test_lane_at (document, 0));

  card = parcours_test_card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Is it for me?");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_NONE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEUTRAL);
  g_assert_true (parcours_test_card_lane (document, card) == parcours_test_lane_at (document, 1));

  card = parcours_test_card_at (document, 2);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Clicks the banner");
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Buy");
  g_assert_true (parcours_test_card_lane (document, card) == parcours_test_lane_at (document, 0));
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_WEBSITE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEGATIVE);
}

static void
test_import_quoting (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = parcours_test_csv_import ("stage,text,details\n"
                                       "\"Discover\",\"Sees an ad, then another\",\"He said \"\"wow\"\"\"\n"
                                       "Discover,\"Line one\nLine two\",5\" screen\n"
                                       "\"Buy\",,\"a\r\nb,\"\"c\"\"\"\n"
                                       "\"\"\"Quoted\"\" stage\",\"\",\"\"\"\"\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 4);

  card = parcours_test_card_at (document, 0);
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Discover");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad, then another");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "He said \"wow\"");

  card = parcours_test_card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Line one\nLine two");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "5\" screen");

  card = parcours_test_card_at (document, 2);
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Buy");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "a\r\nb,\"c\"");

  card = parcours_test_card_at (document, 3);
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "\"Quoted\" stage");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "\"");
}

static void
test_import_bom (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) plain = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_plain = NULL;

  document = parcours_test_csv_import ("\xef\xbb\xbf" "Stage,Text\r\nDécouverte,Voit une pub\r\n");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==,
                   "Découverte");

  plain = parcours_test_csv_import ("Stage,Text\r\nDécouverte,Voit une pub\r\n");
  exported = parcours_csv_export (document);
  exported_plain = parcours_csv_export (plain);
  g_assert_cmpstr (exported, ==, exported_plain);

  /* Only one byte order mark is skipped: a second one is text. */
  g_clear_object (&document);
  document = parcours_test_csv_import ("\xef\xbb\xbfstage,text\n\xef\xbb\xbf" "A,x\n");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==,
                   "\xef\xbb\xbf" "A");
}

static void
test_import_line_ends (void)
{
  static const char * const variants[] = {
    "stage,lane,text,details\n"
    "Discover,Ads,\"one\ntwo\",x\n"
    "Buy,Ads,three,\n",

    "stage,lane,text,details\r\n"
    "Discover,Ads,\"one\ntwo\",x\r\n"
    "Buy,Ads,three,\r\n",

    /* Lone CRs, as old Mac spreadsheets wrote. */
    "stage,lane,text,details\r"
    "Discover,Ads,\"one\ntwo\",x\r"
    "Buy,Ads,three,\r",

    /* No line end after the last row. */
    "stage,lane,text,details\r\n"
    "Discover,Ads,\"one\ntwo\",x\r\n"
    "Buy,Ads,three,",
  };
  g_autofree char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(ParcoursDocument) document = parcours_test_csv_import (variants[i]);
      g_autofree char *exported = parcours_csv_export (document);

      g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
      g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 0)), ==,
                       "one\ntwo");
      g_assert_cmpstr (parcours_card_get_details (parcours_test_card_at (document, 0)), ==, "x");
      g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 1)), ==, "three");
      g_assert_cmpstr (parcours_card_get_details (parcours_test_card_at (document, 1)), ==, "");

      if (expected == NULL)
        expected = g_steal_pointer (&exported);
      else
        g_assert_cmpstr (exported, ==, expected);
    }

  g_assert_cmpstr (expected, ==,
                   CSV_HEADER
                   "Discover,Ads,touchpoints,\"one\ntwo\",,neutral,,x\r\n"
                   "Buy,Ads,touchpoints,three,,neutral,,\r\n");
}

static void
test_import_header (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  /* Any order and case, spaces around names, unknown columns ignored, a
   * short row and a long one. */
  document = parcours_test_csv_import ("Details, TEXT ,Votes,sentiment,Stage,KIND,Lane,Channel\n"
                                       "More,Sees an ad,12,Positive,Discover,Actions,Me,Email,extra,fields\n"
                                       ",Pays,3,,Buy\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
  card = parcours_test_card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "More");
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Discover");
  parcours_test_assert_lane (document, 0, "Me", PARCOURS_LANE_KIND_ACTIONS);

  card = parcours_test_card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Pays");
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Buy");
  parcours_test_assert_lane (document, 1, "Touchpoints", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (document)), ==, 2);

  /* The header may come after blank lines. */
  g_clear_object (&document);
  document = parcours_test_csv_import ("\n\r\n,,\ntext,stage\nHello,Discover\n");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 1);
}

static void
test_import_missing_columns (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = parcours_test_csv_import ("text,stage\nHello,Discover\n\"Bonjour\",Discover\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (document)), ==, 1);
  parcours_test_assert_lane (document, 0, "Touchpoints", PARCOURS_LANE_KIND_TOUCHPOINTS);

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
  card = parcours_test_card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Hello");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_NONE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEUTRAL);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 1)), ==, "Bonjour");

  /* A header alone makes an empty map. */
  g_clear_object (&document);
  document = parcours_test_csv_import ("stage,text\r\n");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 0);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 0);
}

static void
test_import_blank_rows (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_test_csv_import ("stage,text,votes\n"
                                       "\n"
                                       ",\n"
                                       ",,,,,,,\n"
                                       "\"\",\"\"\n"
                                       ",,42\n"
                                       "A,x\n"
                                       "\r\n"
                                       "\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 1);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 0)), ==, "x");

  /* A row with an empty stage but some text is a card of a stage
   * without a name, the same as any other. */
  g_clear_object (&document);
  document = parcours_test_csv_import ("stage,text\n,Orphan\n,Other\n");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==, "");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
}

static void
test_import_kinds (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_test_csv_import ("stage,lane,kind,text\n"
                                       "S,,Pain points,a\n"
                                       "S,,pain-points,b\n"
                                       "S,, PAIN_POINTS ,c\n"
                                       "S,Measures,KPIs,d\n"
                                       "S,Measures,kpis,e\n"
                                       "S,Team,actions,f\n"
                                       "S,Team,Notes,g\n"
                                       "S,Team,,h\n"
                                       "S,,,i\n"
                                       "S,Touchpoints,touchpoints,j\n"
                                       "S,,Backstage,k\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 11);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (document)), ==, 7);
  parcours_test_assert_lane (document, 0, "Pain points", PARCOURS_LANE_KIND_PAIN_POINTS);
  parcours_test_assert_lane (document, 1, "Measures", PARCOURS_LANE_KIND_KPIS);
  parcours_test_assert_lane (document, 2, "Team", PARCOURS_LANE_KIND_ACTIONS);
  parcours_test_assert_lane (document, 3, "Team", PARCOURS_LANE_KIND_NOTES);
  parcours_test_assert_lane (document, 4, "Team", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 5, "Touchpoints", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 6, "Backstage", PARCOURS_LANE_KIND_BACKSTAGE);

  g_assert_true (parcours_test_card_lane (document, parcours_test_card_at (document, 2)) ==
                 parcours_test_lane_at (document, 0));
  g_assert_true (parcours_test_card_lane (document, parcours_test_card_at (document, 4)) ==
                 parcours_test_lane_at (document, 1));
  g_assert_true (parcours_test_card_lane (document, parcours_test_card_at (document, 8)) ==
                 parcours_test_lane_at (document, 5));
  g_assert_true (parcours_test_card_lane (document, parcours_test_card_at (document, 9)) ==
                 parcours_test_lane_at (document, 5));
}

static void
test_import_channels (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  static const struct {
    ParcoursChannel channel;
    ParcoursSentiment sentiment;
  } expected[] = {
    { PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_POSITIVE },
    { PARCOURS_CHANNEL_WORD_OF_MOUTH, PARCOURS_SENTIMENT_NEGATIVE },
    { PARCOURS_CHANNEL_SMS, PARCOURS_SENTIMENT_NEUTRAL },
    { PARCOURS_CHANNEL_PHYSICAL_STORE, PARCOURS_SENTIMENT_NEUTRAL },
    { PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE },
    { PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL },
  };

  document = parcours_test_csv_import ("stage,text,channel,sentiment\n"
                                       "S,a,Mobile app,Positive\n"
                                       "S,b,word-of-mouth,NEGATIVE\n"
                                       "S,c,SMS,\n"
                                       "S,d,  Physical Store ,neutral\n"
                                       "S,e,,negative\n"
                                       "S,f,none,\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==,
                    G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ParcoursCard *card = parcours_test_card_at (document, i);

      g_assert_cmpint (parcours_card_get_channel (card), ==, expected[i].channel);
      g_assert_cmpint (parcours_card_get_sentiment (card), ==, expected[i].sentiment);
    }
}

static void
test_import_emotions (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursEmotionPoint *point;

  document = parcours_test_csv_import ("stage,lane,kind,text,emotion\n"
                                       "Discover,Feeling,emotions,Curious,1\n"
                                       "Discover,Feeling,emotions,Worried,-2\n"
                                       "Discover,Feeling,emotions,, +0 \n"
                                       "Buy,Feeling,Emotions,Relieved,2\n"
                                       "Buy,Touch,touchpoints,Pays,2.5\n"
                                       "Buy,Feeling,emotions,Hmm,−1\n"
                                       "Buy,,emotions,Other curve,'-1\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 1);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 0)), ==, "Pays");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (document)), ==, 3);
  parcours_test_assert_lane (document, 0, "Feeling", PARCOURS_LANE_KIND_EMOTIONS);
  parcours_test_assert_lane (document, 1, "Touch", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 2, "Emotions", PARCOURS_LANE_KIND_EMOTIONS);

  g_assert_cmpuint (parcours_test_count (parcours_document_get_emotion_points (document)), ==, 6);

  point = parcours_test_point_at (document, 0);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Curious");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 1 / 6.0, 1e-12);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (parcours_test_lane_at (document,
                                                                                     0))));
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (parcours_test_stage_at (document,
                                                                                      0))));

  point = parcours_test_point_at (document, 1);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Worried");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -1.0);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.5, 1e-12);

  point = parcours_test_point_at (document, 2);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 5 / 6.0, 1e-12);

  point = parcours_test_point_at (document, 3);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Relieved");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 1.0);
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.25);

  point = parcours_test_point_at (document, 4);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Hmm");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -0.5);
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.75);

  point = parcours_test_point_at (document, 5);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Other curve");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -0.5);
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.5);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (parcours_test_lane_at (document,
                                                                                     2))));
}

static void
test_import_formula (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  static const char * const expected[][2] = {
    { "=SUM(A1)", "+1" },
    { "-2", "@cmd" },
    { "'=x", "'hello" },
    { "\tTab", "'" },
    { "\rCR", "''@twice" },
  };

  document = parcours_test_csv_import ("stage,text,details\n"
                                       "'=Stage,'=SUM(A1),'+1\n"
                                       "'=Stage,'-2,'@cmd\n"
                                       "'=Stage,''=x,'hello\n"
                                       "'=Stage,'\tTab,'\n"
                                       "'=Stage,\"'\rCR\",'''@twice\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==, "=Stage");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==,
                    G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ParcoursCard *card = parcours_test_card_at (document, i);

      g_assert_cmpstr (parcours_card_get_text (card), ==, expected[i][0]);
      g_assert_cmpstr (parcours_card_get_details (card), ==, expected[i][1]);
    }
}

static void
test_import_lane_order (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  /* Where the rows say nothing: order of first appearance. */
  document = parcours_test_csv_import ("stage,lane,text\n"
                                       "S1,A,1\nS1,C,2\nS2,B,3\nS2,B,4\nS3,A,5\nS3,C,6\n");
  parcours_test_assert_lane (document, 0, "A", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 1, "C", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 2, "B", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_clear_object (&document);

  /* C shows first, but S2 says that A and B are above it. */
  document = parcours_test_csv_import ("stage,lane,text\n"
                                       "S1,C,1\nS2,A,2\nS2,B,3\nS2,C,4\n");
  parcours_test_assert_lane (document, 0, "A", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 1, "B", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 2, "C", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_clear_object (&document);

  /* S1 and S2 contradict each other about A and B: first appearance
   * decides between them, while S3 still puts C above B. */
  document = parcours_test_csv_import ("stage,lane,text\n"
                                       "S1,B,1\nS1,A,2\nS2,A,3\nS2,B,4\nS3,C,5\nS3,B,6\n");
  parcours_test_assert_lane (document, 0, "C", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 1, "B", PARCOURS_LANE_KIND_TOUCHPOINTS);
  parcours_test_assert_lane (document, 2, "A", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_clear_object (&document);

  /* Stages keep the order of first appearance, even when rows jump
   * back to an earlier stage. */
  document = parcours_test_csv_import ("stage,text\nB,1\nA,2\nB,3\nC,4\n");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==, 3);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==, "B");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 1)), ==, "A");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 2)), ==, "C");
}

static void
test_import_unicode (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  /* Header names in Russian, matched case-insensitively. */
  document = parcours_test_csv_import ("Этап,дорожка,ТЕКСТ,Подробности\n"
                                       "Осведомлённость,,Клиент видит рекламу,«Ну и ну»\n"
                                       "Découverte,,Élodie hésite : « trop cher ? »,Café, crème\n");

  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
  card = parcours_test_card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Клиент видит рекламу");
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Осведомлённость");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "«Ну и ну»");

  card = parcours_test_card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Élodie hésite : « trop cher ? »");
  g_assert_cmpstr (parcours_test_card_stage_name (document, card), ==, "Découverte");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Café");
}

static void
test_import_field_limit (void)
{
  gsize length = PARCOURS_CSV_MAX_FIELD_SIZE;
  g_autoptr(GString) csv = g_string_new ("stage,text\nS,\"");
  g_autoptr(ParcoursDocument) document = NULL;

  /* A field of exactly the limit, doubled quotes counted once. */
  for (gsize i = 0; i < length; i++)
    g_string_append (csv, "\"\"");
  g_string_append (csv, "\"\n");

  document = parcours_test_csv_import (csv->str);
  g_assert_cmpuint (strlen (parcours_card_get_text (parcours_test_card_at (document, 0))), ==,
                    length);
}

static ParcoursDocument *
import_with_warnings (const char *csv,
                      gsize       length,
                      GPtrArray  *warnings)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_csv_import_full (csv, length, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* What Excel and LibreOffice write in a French locale: `;`, CRLF,
 * Windows-1252 (or UTF-8 with a byte order mark), a decimal comma, French
 * column names in any order and case. */
static void
test_import_french_spreadsheet (void)
{
  static const char cp1252[] =
    "\xc9tape;Texte;Type;\xc9motion;Canal\r\n"
    "D\xe9""couverte;Voit une pub \xe0 la t\xe9l\xe9;touchpoints;;Advertising\r\n"
    "D\xe9""couverte;Content;emotions;1,5;\r\n"
    "Achat;\"Paie; enfin\";actions;;\r\n";
  static const char utf8[] =
    "\xef\xbb\xbf" "\xc3\x89TAPE;TEXTE;Couloir\r\n"
    "D\xc3\xa9" "couverte;Caf\xc3\xa9 cr\xc3\xa8me;Id\xc3\xa9" "es\r\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) no_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) second = NULL;
  ParcoursEmotionPoint *point;

  document = import_with_warnings (cp1252, sizeof cp1252 - 1, warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "the text is not UTF-8: it is read as WINDOWS-1252 (Western); if letters "
                   "look wrong, save the spreadsheet as CSV UTF-8");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 0)), ==,
                   "Voit une pub à la télé");
  g_assert_cmpstr (parcours_test_card_stage_name (document, parcours_test_card_at (document, 0)),
                   ==, "Découverte");
  g_assert_cmpint (parcours_card_get_channel (parcours_test_card_at (document, 0)), ==,
                   PARCOURS_CHANNEL_ADVERTISING);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 1)), ==, "Paie; enfin");
  point = g_list_model_get_item (parcours_document_get_emotion_points (document), 0);
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 0.75);
  g_object_unref (point);

  second = import_with_warnings (utf8, sizeof utf8 - 1, no_warnings);
  g_assert_cmpuint (no_warnings->len, ==, 0);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (second, 0)), ==, "Café crème");
  g_assert_cmpstr (parcours_test_card_stage_name (second, parcours_test_card_at (second, 0)), ==,
                   "Découverte");
}

/* Russian: Windows-1251 with `;`, and UTF-16 with a byte order mark and
 * tabs ("Unicode text" in Excel). */
static void
test_import_russian_spreadsheet (void)
{
  static const char cp1251[] =
    "\xdd\xf2\xe0\xef;\xd2\xe5\xea\xf1\xf2\r\n"                 /* Этап;Текст */
    "\xce\xf1\xe2\xe5\xe4\xee\xec\xeb\xb8\xed\xed\xee\xf1\xf2\xfc;"  /* Осведомлённость */
    "\xca\xeb\xe8\xe5\xed\xf2 \xe2\xe8\xe4\xe8\xf2 \xf0\xe5\xea\xeb\xe0\xec\xf3\r\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) no_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) unicode = NULL;
  g_autofree char *utf16 = NULL;
  gsize utf16_length;
  g_autoptr(GString) with_bom = g_string_new_len ("\xff\xfe", 2);

  document = import_with_warnings (cp1251, sizeof cp1251 - 1, warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "the text is not UTF-8: it is read as WINDOWS-1251 (Cyrillic)"));
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (document, 0)), ==,
                   "Клиент видит рекламу");
  g_assert_cmpstr (parcours_test_card_stage_name (document, parcours_test_card_at (document, 0)),
                   ==, "Осведомлённость");

  utf16 = g_convert ("этап\tтекст\tтип\r\nПокупка\tОплата картой\tactions\r\n", -1,
                     "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_assert_nonnull (utf16);
  g_string_append_len (with_bom, utf16, utf16_length);
  unicode = import_with_warnings (with_bom->str, with_bom->len, no_warnings);
  g_assert_cmpuint (no_warnings->len, ==, 0);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_card_at (unicode, 0)), ==,
                   "Оплата картой");
  g_assert_cmpstr (parcours_test_card_stage_name (unicode, parcours_test_card_at (unicode, 0)), ==,
                   "Покупка");
}

/* Columns Parcours does not read are said once, not refused. */
static void
test_import_unknown_columns (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) document = NULL;
  const char *csv = "stage,Author,text,Likes\nA,Léa,x,3\nB,Tom,y,1\n";

  document = import_with_warnings (csv, strlen (csv), warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "line 1: the columns \"Author\", \"Likes\" are not read (Parcours reads "
                   "stage, lane, kind, text, channel, sentiment, emotion, details, votes, color and tags)");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 2);
}

/* Sticky notes as Miro exports them: only text, maybe a colour and tags.
 * They land in one Inbox stage and lane, colours as card colours, and
 * what a card has no field for in its details. */
static void
test_import_sticky_notes (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) document = NULL;
  const char *csv = "Content,Sticky Color,Tags\n"
                    "Too many steps,yellow,\"checkout, pain\"\n"
                    "Love the app,#33d17a,\n"
                    "Slow support,mauve fonc\xc3\xa9,\n";
  GListModel *stages;
  GListModel *lanes;

  document = import_with_warnings (csv, strlen (csv), warnings);
  g_assert_cmpuint (warnings->len, ==, 0);
  stages = parcours_document_get_stages (document);
  lanes = parcours_document_get_lanes (document);
  g_assert_cmpuint (parcours_test_count (stages), ==, 1);
  g_assert_cmpuint (parcours_test_count (lanes), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_stage_at (document, 0)), ==, "Inbox");
  {
    g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, 0);

    g_assert_cmpstr (parcours_lane_get_name (lane), ==, "Inbox");
  }
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 3);
  g_assert_cmpstr (parcours_card_get_color (parcours_test_card_at (document, 0)), ==, "#f6d32d");
  g_assert_cmpstr (parcours_card_get_details (parcours_test_card_at (document, 0)), ==,
                   "Tags: checkout, pain");
  g_assert_cmpstr (parcours_card_get_color (parcours_test_card_at (document, 1)), ==, "#33d17a");
  g_assert_null (parcours_card_get_color (parcours_test_card_at (document, 2)));
  g_assert_cmpstr (parcours_card_get_details (parcours_test_card_at (document, 2)), ==,
                   "Colour: mauve foncé");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/import/basic", test_import_basic);
  g_test_add_func ("/csv/import/quoting", test_import_quoting);
  g_test_add_func ("/csv/import/bom", test_import_bom);
  g_test_add_func ("/csv/import/line-ends", test_import_line_ends);
  g_test_add_func ("/csv/import/header", test_import_header);
  g_test_add_func ("/csv/import/missing-columns", test_import_missing_columns);
  g_test_add_func ("/csv/import/blank-rows", test_import_blank_rows);
  g_test_add_func ("/csv/import/kinds", test_import_kinds);
  g_test_add_func ("/csv/import/channels", test_import_channels);
  g_test_add_func ("/csv/import/emotions", test_import_emotions);
  g_test_add_func ("/csv/import/formula", test_import_formula);
  g_test_add_func ("/csv/import/lane-order", test_import_lane_order);
  g_test_add_func ("/csv/import/unicode", test_import_unicode);
  g_test_add_func ("/csv/import/field-limit", test_import_field_limit);
  g_test_add_func ("/csv/import/french-spreadsheet", test_import_french_spreadsheet);
  g_test_add_func ("/csv/import/russian-spreadsheet", test_import_russian_spreadsheet);
  g_test_add_func ("/csv/import/unknown-columns", test_import_unknown_columns);
  g_test_add_func ("/csv/import/sticky-notes", test_import_sticky_notes);

  return g_test_run ();
}
