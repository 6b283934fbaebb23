/* test-csv.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-test-utils.h"

#define HEADER PARCOURS_CSV_HEADER "\r\n"

#define CHANNEL_NICKS "website, mobile-app, email, phone, sms, chat, social-media, " \
                      "advertising, physical-store, word-of-mouth, event, other"
#define LANE_KIND_NICKS "touchpoints, actions, thoughts, emotions, pain-points, " \
                        "opportunities, channels, backstage, kpis, notes"

/* Helpers */

static void
insert_or_fail (ParcoursDocument *document,
                gpointer          element)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_parcours_document_insert (document, element, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_object_unref (element);
}

static ParcoursEmotionPoint *
new_point (const char *id,
           const char *lane_id,
           const char *stage_id,
           double      offset,
           double      value,
           const char *label)
{
  ParcoursEmotionPoint *point = parcours_emotion_point_new (id, lane_id, stage_id, offset, value);

  parcours_emotion_point_set_label (point, label);
  return point;
}

static ParcoursCard *
new_card (const char        *id,
          const char        *lane_id,
          const char        *stage_id,
          const char        *text,
          ParcoursChannel    channel,
          ParcoursSentiment  sentiment,
          const char        *details)
{
  ParcoursCard *card = parcours_card_new (id, lane_id, stage_id, text);

  parcours_card_set_channel (card, channel);
  parcours_card_set_sentiment (card, sentiment);
  parcours_card_set_details (card, details);
  return card;
}

static ParcoursDocument *
import_or_fail (const char *csv)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  document = parcours_csv_import (csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (PARCOURS_IS_DOCUMENT (document));

  return document;
}

static void
assert_import_error_len (const char *csv,
                         gsize       length,
                         int         code,
                         const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_csv_import (csv, length, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
assert_import_error (const char *csv,
                     int         code,
                     const char *message)
{
  assert_import_error_len (csv, strlen (csv), code, message);
}

/* The model keeps its items, so a borrowed pointer is enough. */
static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;
}

static ParcoursStage *
stage_at (ParcoursDocument *document,
          guint             position)
{
  return item_at (parcours_document_get_stages (document), position);
}

static ParcoursLane *
lane_at (ParcoursDocument *document,
         guint             position)
{
  return item_at (parcours_document_get_lanes (document), position);
}

static ParcoursCard *
card_at (ParcoursDocument *document,
         guint             position)
{
  return item_at (parcours_document_get_cards (document), position);
}

static ParcoursEmotionPoint *
point_at (ParcoursDocument *document,
          guint             position)
{
  return item_at (parcours_document_get_emotion_points (document), position);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static const char *
card_stage_name (ParcoursDocument *document,
                 ParcoursCard     *card)
{
  ParcoursStage *stage = parcours_document_lookup_stage (document, parcours_card_get_stage_id (card));

  g_assert_nonnull (stage);
  return parcours_stage_get_name (stage);
}

static ParcoursLane *
card_lane (ParcoursDocument *document,
           ParcoursCard     *card)
{
  ParcoursLane *lane = parcours_document_lookup_lane (document, parcours_card_get_lane_id (card));

  g_assert_nonnull (lane);
  return lane;
}

static void
assert_lane (ParcoursDocument *document,
             guint             position,
             const char       *name,
             ParcoursLaneKind  kind)
{
  ParcoursLane *lane = lane_at (document, position);

  g_assert_cmpstr (parcours_lane_get_name (lane), ==, name);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, kind);
}

static void
assert_export (ParcoursDocument *document,
               const char       *expected)
{
  g_autofree char *csv = parcours_csv_export (document);

  g_assert_cmpstr (csv, ==, expected);
}

/* Exports @document, imports that and exports again: both texts must be
 * the same. Returns the imported document. */
static ParcoursDocument *
assert_round_trip (ParcoursDocument *document)
{
  g_autofree char *first = parcours_csv_export (document);
  g_autofree char *second = NULL;
  ParcoursDocument *imported;

  imported = import_or_fail (first);
  second = parcours_csv_export (imported);
  g_assert_cmpstr (second, ==, first);

  return imported;
}

static void
assert_csv_stable (const char *csv)
{
  g_autoptr(ParcoursDocument) document = import_or_fail (csv);
  g_autofree char *exported = parcours_csv_export (document);

  g_assert_cmpstr (exported, ==, csv);
}

/* Import */

static void
test_import_basic (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = import_or_fail (HEADER
                             "Discover,Ads,touchpoints,Sees an ad,social-media,positive,,Instagram story\r\n"
                             "Discover,Thoughts,thoughts,Is it for me?,,,,\r\n"
                             "Buy,Ads,touchpoints,Clicks the banner,website,negative,,\r\n");

  g_assert_cmpstr (parcours_document_get_title (document), ==, "");
  g_assert_cmpuint (n_items (parcours_document_get_personas (document)), ==, 0);
  g_assert_cmpuint (n_items (parcours_document_get_emotion_points (document)), ==, 0);

  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 2);
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "Discover");
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 1)), ==, "Buy");

  g_assert_cmpuint (n_items (parcours_document_get_lanes (document)), ==, 2);
  assert_lane (document, 0, "Ads", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 1, "Thoughts", PARCOURS_LANE_KIND_THOUGHTS);

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 3);
  card = card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Instagram story");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_SOCIAL_MEDIA);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpstr (card_stage_name (document, card), ==, "Discover");
  g_assert_true (card_lane (document, card) == lane_at (document, 0));

  card = card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Is it for me?");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_NONE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEUTRAL);
  g_assert_true (card_lane (document, card) == lane_at (document, 1));

  card = card_at (document, 2);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Clicks the banner");
  g_assert_cmpstr (card_stage_name (document, card), ==, "Buy");
  g_assert_true (card_lane (document, card) == lane_at (document, 0));
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_WEBSITE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEGATIVE);
}

static void
test_import_quoting (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = import_or_fail ("stage,text,details\n"
                             "\"Discover\",\"Sees an ad, then another\",\"He said \"\"wow\"\"\"\n"
                             "Discover,\"Line one\nLine two\",5\" screen\n"
                             "\"Buy\",,\"a\r\nb,\"\"c\"\"\"\n"
                             "\"\"\"Quoted\"\" stage\",\"\",\"\"\"\"\n");

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 4);

  card = card_at (document, 0);
  g_assert_cmpstr (card_stage_name (document, card), ==, "Discover");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad, then another");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "He said \"wow\"");

  card = card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Line one\nLine two");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "5\" screen");

  card = card_at (document, 2);
  g_assert_cmpstr (card_stage_name (document, card), ==, "Buy");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "a\r\nb,\"c\"");

  card = card_at (document, 3);
  g_assert_cmpstr (card_stage_name (document, card), ==, "\"Quoted\" stage");
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

  document = import_or_fail ("\xef\xbb\xbf" "Stage,Text\r\nDécouverte,Voit une pub\r\n");
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "Découverte");

  plain = import_or_fail ("Stage,Text\r\nDécouverte,Voit une pub\r\n");
  exported = parcours_csv_export (document);
  exported_plain = parcours_csv_export (plain);
  g_assert_cmpstr (exported, ==, exported_plain);

  /* Only one byte order mark is skipped: a second one is text. */
  g_clear_object (&document);
  document = import_or_fail ("\xef\xbb\xbfstage,text\n\xef\xbb\xbf" "A,x\n");
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "\xef\xbb\xbf" "A");
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
      g_autoptr(ParcoursDocument) document = import_or_fail (variants[i]);
      g_autofree char *exported = parcours_csv_export (document);

      g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
      g_assert_cmpstr (parcours_card_get_text (card_at (document, 0)), ==, "one\ntwo");
      g_assert_cmpstr (parcours_card_get_details (card_at (document, 0)), ==, "x");
      g_assert_cmpstr (parcours_card_get_text (card_at (document, 1)), ==, "three");
      g_assert_cmpstr (parcours_card_get_details (card_at (document, 1)), ==, "");

      if (expected == NULL)
        expected = g_steal_pointer (&exported);
      else
        g_assert_cmpstr (exported, ==, expected);
    }

  g_assert_cmpstr (expected, ==,
                   HEADER
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
  document = import_or_fail ("Details, TEXT ,Votes,sentiment,Stage,KIND,Lane,Channel\n"
                             "More,Sees an ad,12,Positive,Discover,Actions,Me,Email,extra,fields\n"
                             ",Pays,3,,Buy\n");

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
  card = card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "More");
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpstr (card_stage_name (document, card), ==, "Discover");
  assert_lane (document, 0, "Me", PARCOURS_LANE_KIND_ACTIONS);

  card = card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Pays");
  g_assert_cmpstr (card_stage_name (document, card), ==, "Buy");
  assert_lane (document, 1, "Touchpoints", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpuint (n_items (parcours_document_get_lanes (document)), ==, 2);

  /* The header may come after blank lines. */
  g_clear_object (&document);
  document = import_or_fail ("\n\r\n,,\ntext,stage\nHello,Discover\n");
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 1);
}

static void
test_import_missing_columns (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = import_or_fail ("text,stage\nHello,Discover\n\"Bonjour\",Discover\n");

  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpuint (n_items (parcours_document_get_lanes (document)), ==, 1);
  assert_lane (document, 0, "Touchpoints", PARCOURS_LANE_KIND_TOUCHPOINTS);

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
  card = card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Hello");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_NONE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEUTRAL);
  g_assert_cmpstr (parcours_card_get_text (card_at (document, 1)), ==, "Bonjour");

  /* A header alone makes an empty map. */
  g_clear_object (&document);
  document = import_or_fail ("stage,text\r\n");
  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 0);
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 0);
}

static void
test_import_blank_rows (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  document = import_or_fail ("stage,text,votes\n"
                             "\n"
                             ",\n"
                             ",,,,,,,\n"
                             "\"\",\"\"\n"
                             ",,42\n"
                             "A,x\n"
                             "\r\n"
                             "\n");

  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 1);
  g_assert_cmpstr (parcours_card_get_text (card_at (document, 0)), ==, "x");

  /* A row with an empty stage but some text is a card of a stage
   * without a name, the same as any other. */
  g_clear_object (&document);
  document = import_or_fail ("stage,text\n,Orphan\n,Other\n");
  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "");
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
}

static void
test_import_kinds (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  document = import_or_fail ("stage,lane,kind,text\n"
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

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 11);
  g_assert_cmpuint (n_items (parcours_document_get_lanes (document)), ==, 7);
  assert_lane (document, 0, "Pain points", PARCOURS_LANE_KIND_PAIN_POINTS);
  assert_lane (document, 1, "Measures", PARCOURS_LANE_KIND_KPIS);
  assert_lane (document, 2, "Team", PARCOURS_LANE_KIND_ACTIONS);
  assert_lane (document, 3, "Team", PARCOURS_LANE_KIND_NOTES);
  assert_lane (document, 4, "Team", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 5, "Touchpoints", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 6, "Backstage", PARCOURS_LANE_KIND_BACKSTAGE);

  g_assert_true (card_lane (document, card_at (document, 2)) == lane_at (document, 0));
  g_assert_true (card_lane (document, card_at (document, 4)) == lane_at (document, 1));
  g_assert_true (card_lane (document, card_at (document, 8)) == lane_at (document, 5));
  g_assert_true (card_lane (document, card_at (document, 9)) == lane_at (document, 5));
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

  document = import_or_fail ("stage,text,channel,sentiment\n"
                             "S,a,Mobile app,Positive\n"
                             "S,b,word-of-mouth,NEGATIVE\n"
                             "S,c,SMS,\n"
                             "S,d,  Physical Store ,neutral\n"
                             "S,e,,negative\n"
                             "S,f,none,\n");

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ParcoursCard *card = card_at (document, i);

      g_assert_cmpint (parcours_card_get_channel (card), ==, expected[i].channel);
      g_assert_cmpint (parcours_card_get_sentiment (card), ==, expected[i].sentiment);
    }
}

static void
test_import_emotions (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursEmotionPoint *point;

  document = import_or_fail ("stage,lane,kind,text,emotion\n"
                             "Discover,Feeling,emotions,Curious,1\n"
                             "Discover,Feeling,emotions,Worried,-2\n"
                             "Discover,Feeling,emotions,, +0 \n"
                             "Buy,Feeling,Emotions,Relieved,2\n"
                             "Buy,Touch,touchpoints,Pays,2.5\n"
                             "Buy,Feeling,emotions,Hmm,−1\n"
                             "Buy,,emotions,Other curve,'-1\n");

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 1);
  g_assert_cmpstr (parcours_card_get_text (card_at (document, 0)), ==, "Pays");

  g_assert_cmpuint (n_items (parcours_document_get_lanes (document)), ==, 3);
  assert_lane (document, 0, "Feeling", PARCOURS_LANE_KIND_EMOTIONS);
  assert_lane (document, 1, "Touch", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 2, "Emotions", PARCOURS_LANE_KIND_EMOTIONS);

  g_assert_cmpuint (n_items (parcours_document_get_emotion_points (document)), ==, 6);

  point = point_at (document, 0);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Curious");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 1 / 6.0, 1e-12);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (lane_at (document, 0))));
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (stage_at (document, 0))));

  point = point_at (document, 1);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Worried");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -1.0);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.5, 1e-12);

  point = point_at (document, 2);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 5 / 6.0, 1e-12);

  point = point_at (document, 3);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Relieved");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 1.0);
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.25);

  point = point_at (document, 4);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Hmm");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -0.5);
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.75);

  point = point_at (document, 5);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Other curve");
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -0.5);
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.5);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (lane_at (document, 2))));
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

  document = import_or_fail ("stage,text,details\n"
                             "'=Stage,'=SUM(A1),'+1\n"
                             "'=Stage,'-2,'@cmd\n"
                             "'=Stage,''=x,'hello\n"
                             "'=Stage,'\tTab,'\n"
                             "'=Stage,\"'\rCR\",'''@twice\n");

  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "=Stage");

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ParcoursCard *card = card_at (document, i);

      g_assert_cmpstr (parcours_card_get_text (card), ==, expected[i][0]);
      g_assert_cmpstr (parcours_card_get_details (card), ==, expected[i][1]);
    }
}

static void
test_import_lane_order (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  /* Where the rows say nothing: order of first appearance. */
  document = import_or_fail ("stage,lane,text\n"
                             "S1,A,1\nS1,C,2\nS2,B,3\nS2,B,4\nS3,A,5\nS3,C,6\n");
  assert_lane (document, 0, "A", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 1, "C", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 2, "B", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_clear_object (&document);

  /* C shows first, but S2 says that A and B are above it. */
  document = import_or_fail ("stage,lane,text\n"
                             "S1,C,1\nS2,A,2\nS2,B,3\nS2,C,4\n");
  assert_lane (document, 0, "A", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 1, "B", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 2, "C", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_clear_object (&document);

  /* S1 and S2 contradict each other about A and B: first appearance
   * decides between them, while S3 still puts C above B. */
  document = import_or_fail ("stage,lane,text\n"
                             "S1,B,1\nS1,A,2\nS2,A,3\nS2,B,4\nS3,C,5\nS3,B,6\n");
  assert_lane (document, 0, "C", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 1, "B", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (document, 2, "A", PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_clear_object (&document);

  /* Stages keep the order of first appearance, even when rows jump
   * back to an earlier stage. */
  document = import_or_fail ("stage,text\nB,1\nA,2\nB,3\nC,4\n");
  g_assert_cmpuint (n_items (parcours_document_get_stages (document)), ==, 3);
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "B");
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 1)), ==, "A");
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 2)), ==, "C");
}

static void
test_import_unicode (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  /* Header names in Russian, matched case-insensitively. */
  document = import_or_fail ("Этап,дорожка,ТЕКСТ,Подробности\n"
                             "Осведомлённость,,Клиент видит рекламу,«Ну и ну»\n"
                             "Découverte,,Élodie hésite : « trop cher ? »,Café, crème\n");

  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
  card = card_at (document, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Клиент видит рекламу");
  g_assert_cmpstr (card_stage_name (document, card), ==, "Осведомлённость");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "«Ну и ну»");

  card = card_at (document, 1);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Élodie hésite : « trop cher ? »");
  g_assert_cmpstr (card_stage_name (document, card), ==, "Découverte");
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

  document = import_or_fail (csv->str);
  g_assert_cmpuint (strlen (parcours_card_get_text (card_at (document, 0))), ==, length);
}

/* Export */

/* Stages Discover, Buy and Empty; lanes Ads (touchpoints), Feeling
 * (emotions) and one without a name (thoughts); cards and points in an
 * order unlike the map's, and some elements a row cannot hold. */
static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Online grocery");
  insert_or_fail (document, parcours_persona_new ("anna", "Anna"));
  insert_or_fail (document, parcours_stage_new ("s1", "Discover"));
  insert_or_fail (document, parcours_stage_new ("s2", "Buy"));
  insert_or_fail (document, parcours_stage_new ("s3", "Empty"));
  insert_or_fail (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_TOUCHPOINTS, "Ads"));
  insert_or_fail (document, parcours_lane_new ("l2", PARCOURS_LANE_KIND_EMOTIONS, "Feeling"));
  insert_or_fail (document, parcours_lane_new ("l3", PARCOURS_LANE_KIND_THOUGHTS, ""));
  insert_or_fail (document, new_card ("c1", "l1", "s2", "Pays",
                                      PARCOURS_CHANNEL_WEBSITE, PARCOURS_SENTIMENT_NEGATIVE, ""));
  insert_or_fail (document, new_card ("c2", "l3", "s1", "Is it for me?",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_card ("c3", "l1", "s1", "Sees an ad",
                                      PARCOURS_CHANNEL_SOCIAL_MEDIA, PARCOURS_SENTIMENT_POSITIVE,
                                      "Story"));
  insert_or_fail (document, new_card ("c4", "l1", "s1", "Likes it",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  /* Not written: a card in an emotions lane, a card without its stage. */
  insert_or_fail (document, new_card ("c5", "l2", "s1", "Lost",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_card ("c6", "l1", "gone", "Lost",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_point ("e1", "l2", "s1", 0.8, 1.0, "Happy"));
  insert_or_fail (document, new_point ("e2", "l2", "s1", 0.2, -0.5, "Unsure"));
  insert_or_fail (document, new_point ("e3", "l2", "s2", 0.5, 0.3, ""));
  /* Not written: a point in a touchpoints lane, a point without its lane. */
  insert_or_fail (document, new_point ("e4", "l1", "s1", 0.5, 0.0, "Lost"));
  insert_or_fail (document, new_point ("e5", "gone", "s1", 0.5, 0.0, "Lost"));

  return document;
}

#define MAP_CSV \
  HEADER \
  "Discover,Ads,touchpoints,Sees an ad,social-media,positive,,Story\r\n" \
  "Discover,Ads,touchpoints,Likes it,,neutral,,\r\n" \
  "Discover,Feeling,emotions,Unsure,,,-1,\r\n" \
  "Discover,Feeling,emotions,Happy,,,2,\r\n" \
  "Discover,Thoughts,thoughts,Is it for me?,,neutral,,\r\n" \
  "Buy,Ads,touchpoints,Pays,website,negative,,\r\n" \
  "Buy,Feeling,emotions,,,,1,\r\n"

static void
test_export_basic (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();

  assert_export (document, MAP_CSV);
}

static void
test_export_empty (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  assert_export (document, "stage,lane,kind,text,channel,sentiment,emotion,details\r\n");

  insert_or_fail (document, parcours_stage_new ("s1", "Discover"));
  insert_or_fail (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_NOTES, "Notes"));
  assert_export (document, HEADER);
}

static void
test_export_quoting (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  static const char * const texts[][2] = {
    { "plain", "plain" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { " padded", "\" padded\"" },
    { "trailing ", "\"trailing \"" },
    { "trailing\t", "\"trailing\t\"" },
    { "in side", "in side" },
    { "tab\tinside", "tab\tinside" },
    { "5\" screen", "\"5\"\" screen\"" },
    { "", "" },
  };
  g_autoptr(GString) expected = g_string_new (HEADER);

  insert_or_fail (document, parcours_stage_new ("s1", "Q, and A"));
  insert_or_fail (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_NOTES, "\"Notes\""));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      insert_or_fail (document, new_card (NULL, "l1", "s1", texts[i][0],
                                          PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL,
                                          texts[i][0]));
      g_string_append_printf (expected, "\"Q, and A\",\"\"\"Notes\"\"\",notes,%s,,neutral,,%s\r\n",
                              texts[i][1], texts[i][1]);
    }

  assert_export (document, expected->str);
  g_object_unref (assert_round_trip (document));
}

static void
test_export_formula (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  static const char * const texts[][2] = {
    { "=SUM(A1)", "'=SUM(A1)" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@cmd", "'@cmd" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "'=x", "''=x" },
    { "'plain", "'plain" },
    { "a=b", "a=b" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  };
  g_autoptr(GString) expected = g_string_new (HEADER);

  insert_or_fail (document, parcours_stage_new ("s1", "=Stage"));
  insert_or_fail (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_ACTIONS, "@Lane"));
  insert_or_fail (document, parcours_lane_new ("l2", PARCOURS_LANE_KIND_EMOTIONS, "-Curve"));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      insert_or_fail (document, new_card (NULL, "l1", "s1", texts[i][0],
                                          PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL,
                                          texts[i][0]));
      g_string_append_printf (expected, "'=Stage,'@Lane,actions,%s,,neutral,,%s\r\n",
                              texts[i][1], texts[i][1]);
    }

  /* A level is a number, never neutralised. */
  insert_or_fail (document, new_point (NULL, "l2", "s1", 0.5, -1.0, "-worst"));
  g_string_append (expected, "'=Stage,'-Curve,emotions,'-worst,,,-2,\r\n");

  assert_export (document, expected->str);
  g_object_unref (assert_round_trip (document));
}

static void
test_export_emotions (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  /* Stage A has only emotion points, B only cards: rows keep the stage
   * order. Points come in offset order, levels are rounded. */
  insert_or_fail (document, parcours_stage_new ("a", "A"));
  insert_or_fail (document, parcours_stage_new ("b", "B"));
  insert_or_fail (document, parcours_lane_new ("top", PARCOURS_LANE_KIND_ACTIONS, "Top"));
  insert_or_fail (document, parcours_lane_new ("curve", PARCOURS_LANE_KIND_EMOTIONS, ""));
  insert_or_fail (document, parcours_lane_new ("bottom", PARCOURS_LANE_KIND_NOTES, "Bottom"));
  insert_or_fail (document, new_card ("c1", "bottom", "b", "Note",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_card ("c2", "top", "b", "Act",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_point ("p1", "curve", "a", 0.9, 0.74, "late"));
  insert_or_fail (document, new_point ("p2", "curve", "a", 0.1, -0.76, "early"));
  insert_or_fail (document, new_point ("p3", "curve", "b", 0.5, 0.24, "middle"));
  insert_or_fail (document, new_point ("p4", "curve", "a", 0.5, 0.0, "mid"));

  assert_export (document,
                 HEADER
                 "A,Emotions,emotions,early,,,-2,\r\n"
                 "A,Emotions,emotions,mid,,,0,\r\n"
                 "A,Emotions,emotions,late,,,1,\r\n"
                 "B,Top,actions,Act,,neutral,,\r\n"
                 "B,Emotions,emotions,middle,,,0,\r\n"
                 "B,Bottom,notes,Note,,neutral,,\r\n");
  g_object_unref (assert_round_trip (document));
}

/* Round trips */

static void
test_roundtrip_document (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autoptr(ParcoursDocument) imported = assert_round_trip (document);
  ParcoursCard *card;

  /* What CSV holds survives; ids are new. */
  g_assert_cmpuint (n_items (parcours_document_get_stages (imported)), ==, 2);
  g_assert_cmpuint (n_items (parcours_document_get_lanes (imported)), ==, 3);
  assert_lane (imported, 0, "Ads", PARCOURS_LANE_KIND_TOUCHPOINTS);
  assert_lane (imported, 1, "Feeling", PARCOURS_LANE_KIND_EMOTIONS);
  assert_lane (imported, 2, "Thoughts", PARCOURS_LANE_KIND_THOUGHTS);
  g_assert_cmpuint (n_items (parcours_document_get_cards (imported)), ==, 4);
  g_assert_cmpuint (n_items (parcours_document_get_emotion_points (imported)), ==, 3);

  card = card_at (imported, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Story");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_SOCIAL_MEDIA);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_null (parcours_document_lookup (imported, "c3"));
  g_assert_cmpuint (n_items (parcours_document_get_personas (imported)), ==, 0);
}

static void
test_roundtrip_lane_order (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) imported = NULL;

  /* The first rows only show C: its lane must not move above A and B. */
  insert_or_fail (document, parcours_stage_new ("s1", "S1"));
  insert_or_fail (document, parcours_stage_new ("s2", "S2"));
  insert_or_fail (document, parcours_stage_new ("s3", "S3"));
  insert_or_fail (document, parcours_lane_new ("a", PARCOURS_LANE_KIND_ACTIONS, "A"));
  insert_or_fail (document, parcours_lane_new ("b", PARCOURS_LANE_KIND_EMOTIONS, "B"));
  insert_or_fail (document, parcours_lane_new ("c", PARCOURS_LANE_KIND_NOTES, "C"));
  insert_or_fail (document, new_card (NULL, "c", "s1", "c1",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_card (NULL, "a", "s2", "a2",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_card (NULL, "c", "s2", "c2",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  insert_or_fail (document, new_point (NULL, "b", "s3", 0.5, 0.5, "b3"));
  insert_or_fail (document, new_card (NULL, "c", "s3", "c3",
                                      PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));

  imported = assert_round_trip (document);
  assert_lane (imported, 0, "A", PARCOURS_LANE_KIND_ACTIONS);
  assert_lane (imported, 1, "B", PARCOURS_LANE_KIND_EMOTIONS);
  assert_lane (imported, 2, "C", PARCOURS_LANE_KIND_NOTES);
}

static void
test_roundtrip_csv (void)
{
  /* Files as Parcours writes them come back byte for byte. */
  assert_csv_stable (HEADER);
  assert_csv_stable (MAP_CSV);
  assert_csv_stable (HEADER
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

  insert_or_fail (document, parcours_stage_new ("s1", "Покупка"));
  insert_or_fail (document, parcours_stage_new ("s2", "Après-vente"));
  insert_or_fail (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_PAIN_POINTS, "Points de douleur"));
  insert_or_fail (document, parcours_lane_new ("l2", PARCOURS_LANE_KIND_EMOTIONS, "Ощущения"));
  insert_or_fail (document, new_card (NULL, "l1", "s1", "Оплата не проходит, «ошибка 500»",
                                      PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_NEGATIVE,
                                      "Повторяется\nкаждый раз"));
  insert_or_fail (document, new_card (NULL, "l1", "s2", "Le colis arrive abîmé",
                                      PARCOURS_CHANNEL_PHYSICAL_STORE, PARCOURS_SENTIMENT_NEGATIVE,
                                      "« Très déçue » — Élise"));
  insert_or_fail (document, new_point (NULL, "l2", "s1", 0.3, -1.0, "Злость"));
  insert_or_fail (document, new_point (NULL, "l2", "s2", 0.3, 0.5, "Soulagée 😌"));

  imported = assert_round_trip (document);
  g_assert_cmpstr (parcours_card_get_text (card_at (imported, 0)), ==, "Оплата не проходит, «ошибка 500»");
  g_assert_cmpstr (parcours_card_get_details (card_at (imported, 0)), ==, "Повторяется\nкаждый раз");
  g_assert_cmpstr (parcours_card_get_details (card_at (imported, 1)), ==, "« Très déçue » — Élise");
  g_assert_cmpstr (parcours_emotion_point_get_label (point_at (imported, 1)), ==, "Soulagée 😌");
  assert_lane (imported, 0, "Points de douleur", PARCOURS_LANE_KIND_PAIN_POINTS);
  assert_lane (imported, 1, "Ощущения", PARCOURS_LANE_KIND_EMOTIONS);
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

          insert_or_fail (document, parcours_stage_new (id, name));
        }

      for (guint i = 0; i < n_lanes; i++)
        {
          g_autofree char *text = random_text (rand);
          g_autofree char *id = g_strdup_printf ("l%u", i);
          g_autofree char *name = g_strdup_printf ("%u%s", i, text);
          ParcoursLaneKind kind = g_rand_int_range (rand, 0, PARCOURS_LANE_KIND_NOTES + 1);

          insert_or_fail (document, parcours_lane_new (id, kind, name));
        }

      for (guint i = 0; i < n_elements; i++)
        {
          g_autofree char *stage_id = g_strdup_printf ("s%d", g_rand_int_range (rand, 0, n_stages));
          g_autofree char *lane_id = g_strdup_printf ("l%d", g_rand_int_range (rand, 0, n_lanes));
          g_autofree char *text = random_text (rand);
          g_autofree char *details = random_text (rand);
          ParcoursLane *lane = parcours_document_lookup_lane (document, lane_id);

          if (parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS)
            insert_or_fail (document, new_point (NULL, lane_id, stage_id,
                                                 g_rand_double (rand),
                                                 g_rand_double_range (rand, -1.0, 1.0),
                                                 text));
          else
            insert_or_fail (document, new_card (NULL, lane_id, stage_id, text,
                                                g_rand_int_range (rand, 0, PARCOURS_CHANNEL_OTHER + 1),
                                                g_rand_int_range (rand, 0, PARCOURS_SENTIMENT_NEGATIVE + 1),
                                                details));
        }

      imported = assert_round_trip (document);
    }
}

/* Errors */

static void
test_errors_unknown_values (void)
{
  assert_import_error ("stage,text,channel\n"
                       "A,ok,email\n"
                       "A,\"two\nlines\",phone\n"
                       "\n"
                       "A,Calls us,fax\n",
                       PARCOURS_FORMAT_ERROR_RANGE,
                       "line 6, column \"channel\": unknown channel \"fax\" "
                       "(expected one of " CHANNEL_NICKS ")");

  assert_import_error ("stage,text,kind\nA,x,Feelings\n",
                       PARCOURS_FORMAT_ERROR_RANGE,
                       "line 2, column \"kind\": unknown lane kind \"Feelings\" "
                       "(expected one of " LANE_KIND_NICKS ")");

  assert_import_error ("stage,text,sentiment\r\nA,x,positive\r\nA,y, meh \r\n",
                       PARCOURS_FORMAT_ERROR_RANGE,
                       "line 3, column \"sentiment\": unknown sentiment \"meh\" "
                       "(expected one of neutral, positive, negative)");

  /* Long values are shortened in the message. */
  assert_import_error ("stage,text,channel\nA,x,carrier pigeon carrier pigeon carrier pigeon\n",
                       PARCOURS_FORMAT_ERROR_RANGE,
                       "line 2, column \"channel\": unknown channel "
                       "\"carrier pigeon carrier pigeon carrier pi…\" "
                       "(expected one of " CHANNEL_NICKS ")");

  /* Columns that an emotions row ignores are not checked there. */
  g_object_unref (import_or_fail ("stage,kind,text,channel,sentiment,emotion\n"
                                  "A,emotions,x,fax,meh,1\n"));
}

static void
test_errors_emotion_level (void)
{
  assert_import_error ("stage,kind,text,emotion\nA,emotions,x,2.5\n",
                       PARCOURS_FORMAT_ERROR_RANGE,
                       "line 2, column \"emotion\": invalid emotion level \"2.5\" "
                       "(expected a number from -2 to 2)");
  assert_import_error ("stage,kind,text,emotion\nA,emotions,x,3\n",
                       PARCOURS_FORMAT_ERROR_RANGE,
                       "line 2, column \"emotion\": invalid emotion level \"3\" "
                       "(expected a number from -2 to 2)");
  assert_import_error ("stage,kind,text,emotion\nA,emotions,x,1.5.0\n",
                       PARCOURS_FORMAT_ERROR_RANGE, NULL);
  assert_import_error ("stage,kind,text,emotion\nA,emotions,x,-10\n",
                       PARCOURS_FORMAT_ERROR_RANGE, NULL);
  assert_import_error ("stage,kind,text,emotion\nA,emotions,x,high\n",
                       PARCOURS_FORMAT_ERROR_RANGE, NULL);
  assert_import_error ("stage,kind,text,emotion\nA,emotions,x,\n",
                       PARCOURS_FORMAT_ERROR_MISSING,
                       "line 2, column \"emotion\": an emotions row needs a level, "
                       "a number from -2 to 2");
  assert_import_error ("stage,kind,text\nA,emotions,x\n",
                       PARCOURS_FORMAT_ERROR_MISSING, NULL);

  /* A card row's emotion is ignored. */
  g_object_unref (import_or_fail ("stage,kind,text,emotion\nA,actions,x,high\n"));
}

static void
test_errors_syntax (void)
{
  assert_import_error ("stage,text\nA,ok\nB,\"never closed\nmore\n",
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 3: unterminated quoted field");
  assert_import_error ("stage,text\r\n\"A\r\n\r\nB\",\"x\r\n",
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 4: unterminated quoted field");
  assert_import_error ("\"stage,text\n",
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 1: unterminated quoted field");
  assert_import_error ("stage,text\nA,\"one\ntwo\"three\n",
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 3: text after the closing quote of a field "
                       "(a quote inside a quoted field must be doubled)");
  assert_import_error ("stage,text\nA,\"x\" \n",
                       PARCOURS_FORMAT_ERROR_SYNTAX, NULL);
}

static void
test_errors_encoding (void)
{
  static const char nul_csv[] = "stage,text\nA,x\0y\n";

  /* A NUL is no text in any encoding a spreadsheet writes. */
  assert_import_error_len (nul_csv, sizeof nul_csv - 1, PARCOURS_FORMAT_ERROR_ENCODING,
                           "line 2: the text is not valid UTF-8 "
                           "(save the spreadsheet as CSV in UTF-8)");
  /* A UTF-16 byte order mark and an odd number of bytes after it. */
  assert_import_error_len ("\xff\xfes\0t\0x", 7, PARCOURS_FORMAT_ERROR_ENCODING, NULL);
  /* UTF-16 that decodes, but without a text column. */
  assert_import_error_len ("\xff\xfes\0t\0", 6, PARCOURS_FORMAT_ERROR_MISSING,
                           "line 1: the header row has no column \"text\" "
                           "(it needs at least a text column)");
}

static void
test_errors_header (void)
{
  assert_import_error ("\n\nStage,Lane,Details\nA,x,y\n",
                       PARCOURS_FORMAT_ERROR_MISSING,
                       "line 3: the header row has no column \"text\" "
                       "(it needs at least a text column)");
  /* No header: the first row is taken for one. */
  assert_import_error ("Discover,Sees an ad\n",
                       PARCOURS_FORMAT_ERROR_MISSING,
                       "line 1: the header row has no column \"text\" "
                       "(it needs at least a text column)");
  assert_import_error ("stage,text,Text\n",
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 1: the header row has the column \"text\" twice");
  /* An alias names a column too. */
  assert_import_error ("stage,text,Texte\n",
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 1: the header row has the column \"text\" twice");
  assert_import_error ("", PARCOURS_FORMAT_ERROR_MISSING,
                       "the file is empty: it needs a header row with at least "
                       "a text column");
  assert_import_error ("\xef\xbb\xbf\r\n\r\n,,,\r\n", PARCOURS_FORMAT_ERROR_MISSING,
                       "the file is empty: it needs a header row with at least "
                       "a text column");
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
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
  g_assert_cmpstr (parcours_card_get_text (card_at (document, 0)), ==, "Voit une pub à la télé");
  g_assert_cmpstr (card_stage_name (document, card_at (document, 0)), ==, "Découverte");
  g_assert_cmpint (parcours_card_get_channel (card_at (document, 0)), ==, PARCOURS_CHANNEL_ADVERTISING);
  g_assert_cmpstr (parcours_card_get_text (card_at (document, 1)), ==, "Paie; enfin");
  point = g_list_model_get_item (parcours_document_get_emotion_points (document), 0);
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, 0.75);
  g_object_unref (point);

  second = import_with_warnings (utf8, sizeof utf8 - 1, no_warnings);
  g_assert_cmpuint (no_warnings->len, ==, 0);
  g_assert_cmpstr (parcours_card_get_text (card_at (second, 0)), ==, "Café crème");
  g_assert_cmpstr (card_stage_name (second, card_at (second, 0)), ==, "Découverte");
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
  g_assert_cmpstr (parcours_card_get_text (card_at (document, 0)), ==, "Клиент видит рекламу");
  g_assert_cmpstr (card_stage_name (document, card_at (document, 0)), ==, "Осведомлённость");

  utf16 = g_convert ("этап\tтекст\tтип\r\nПокупка\tОплата картой\tactions\r\n", -1,
                     "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_assert_nonnull (utf16);
  g_string_append_len (with_bom, utf16, utf16_length);
  unicode = import_with_warnings (with_bom->str, with_bom->len, no_warnings);
  g_assert_cmpuint (no_warnings->len, ==, 0);
  g_assert_cmpstr (parcours_card_get_text (card_at (unicode, 0)), ==, "Оплата картой");
  g_assert_cmpstr (card_stage_name (unicode, card_at (unicode, 0)), ==, "Покупка");
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
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 2);
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
  g_assert_cmpuint (n_items (stages), ==, 1);
  g_assert_cmpuint (n_items (lanes), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (stage_at (document, 0)), ==, "Inbox");
  {
    g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, 0);

    g_assert_cmpstr (parcours_lane_get_name (lane), ==, "Inbox");
  }
  g_assert_cmpuint (n_items (parcours_document_get_cards (document)), ==, 3);
  g_assert_cmpstr (parcours_card_get_color (card_at (document, 0)), ==, "#f6d32d");
  g_assert_cmpstr (parcours_card_get_details (card_at (document, 0)), ==, "Tags: checkout, pain");
  g_assert_cmpstr (parcours_card_get_color (card_at (document, 1)), ==, "#33d17a");
  g_assert_null (parcours_card_get_color (card_at (document, 2)));
  g_assert_cmpstr (parcours_card_get_details (card_at (document, 2)), ==, "Colour: mauve foncé");
}

static void
test_errors_field_limit (void)
{
  gsize length = 5 * 1024 * 1024;
  g_autoptr(GString) csv = g_string_new ("stage,text\nA,x\nB,");
  gsize prefix_length = csv->len;

  /* Unquoted, then quoted. */
  g_string_set_size (csv, prefix_length + length);
  memset (csv->str + prefix_length, 'a', length);
  g_string_append (csv, "\n");
  assert_import_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                           "line 3: a field is larger than 1 MiB, the limit");

  csv->str[prefix_length] = '"';
  g_string_truncate (csv, csv->len - 1);
  g_string_append (csv, "\"\n");
  assert_import_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                           "line 3: a field is larger than 1 MiB, the limit");

  /* One byte over the limit. */
  g_string_truncate (csv, prefix_length);
  for (gsize i = 0; i < PARCOURS_CSV_MAX_FIELD_SIZE + 1; i++)
    g_string_append_c (csv, 'b');
  assert_import_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, NULL);

  /* An ignored column has the same limit. */
  g_string_truncate (csv, 0);
  g_string_append (csv, "stage,text,other\nA,x,");
  for (gsize i = 0; i < 2 * PARCOURS_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (csv, 'c');
  assert_import_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                           "line 2: a field is larger than 1 MiB, the limit");
}

static void
test_errors_row_limit (void)
{
  g_autoptr(GString) csv = g_string_new ("stage,text\r\n");

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (csv, "S,card %u\r\n", i);

  assert_import_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                           "line 200002: more than 200000 rows, the limit");
}

static void
test_errors_size_limit (void)
{
  gsize length = PARCOURS_CSV_MAX_SIZE + 1;
  g_autofree char *csv = g_malloc (length);

  memset (csv, '\n', length);
  assert_import_error_len (csv, length, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                           "the file is larger than 64 MiB, the limit");
}

static void
test_errors_element_limits (void)
{
  g_autoptr(GString) csv = g_string_new ("stage,lane,kind,text,emotion\n");
  g_autofree char *message = NULL;

  for (guint i = 0; i <= PARCOURS_FORMAT_MAX_STAGES; i++)
    g_string_append_printf (csv, "Stage %u,,,x,\n", i);
  message = g_strdup_printf ("line %u, column \"stage\": more than %u stages, the limit",
                             PARCOURS_FORMAT_MAX_STAGES + 2, PARCOURS_FORMAT_MAX_STAGES);
  assert_import_error (csv->str, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  g_string_truncate (csv, strlen ("stage,lane,kind,text,emotion\n"));
  for (guint i = 0; i <= PARCOURS_FORMAT_MAX_LANES; i++)
    g_string_append_printf (csv, "S,Lane %u,,x,\n", i);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line %u, column \"lane\": more than %u lanes, the limit",
                             PARCOURS_FORMAT_MAX_LANES + 2, PARCOURS_FORMAT_MAX_LANES);
  assert_import_error (csv->str, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  g_string_truncate (csv, strlen ("stage,lane,kind,text,emotion\n"));
  for (guint i = 0; i <= PARCOURS_FORMAT_MAX_EMOTION_POINTS; i++)
    g_string_append (csv, "S,,emotions,,1\n");
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line %u: more than %u emotion points, the limit",
                             PARCOURS_FORMAT_MAX_EMOTION_POINTS + 2,
                             PARCOURS_FORMAT_MAX_EMOTION_POINTS);
  assert_import_error (csv->str, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

/* Random bytes from a CSV-ish alphabet must give a map or an error,
 * never a crash; a map must survive a round trip. */
/* Within the CSV limits, but a .parcours file too large to open again
 * (control characters take six bytes each in JSON): refused, rather than
 * saved to a file that will not open. */
static void
test_errors_not_reopenable (void)
{
  g_autoptr(GString) csv = g_string_new ("stage,lane,kind,text\r\n");
  g_autofree char *field = g_malloc (900 * 1024 + 1);

  memset (field, '\x01', 900 * 1024);
  field[900 * 1024] = '\0';
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (csv, "S,L,notes,%s\r\n", field);

  assert_import_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                           "the map would be a 68 MiB file; Parcours opens files of at most 64 MiB");
}

static void
test_errors_hostile (void)
{
  static const char * const pieces[] = {
    "\"", "\"\"", ",", "\n", "\r", "\r\n", "'", "'=", "stage", "text", "kind",
    "emotions", "emotion", "lane", "channel", "fax", "email", "-2", "2", " ",
    "é", "\xef\xbb\xbf", "\xff", "\xc3", "a", "\t",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GString) csv = g_string_new (NULL);
  guint n_maps = 0;

  for (guint round = 0; round < 5000; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) document = NULL;
      guint n = g_rand_int_range (rand, 0, 60);

      g_string_assign (csv, round % 2 == 0 ? "stage,lane,kind,text,emotion,channel\n" : "");
      for (guint i = 0; i < n; i++)
        g_string_append (csv, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      document = parcours_csv_import (csv->str, csv->len, &error);
      if (document == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      else
        {
          g_autofree char *first = parcours_csv_export (document);
          g_autoptr(ParcoursDocument) again = import_or_fail (first);
          g_autofree char *second = parcours_csv_export (again);

          g_assert_no_error (error);
          g_assert_cmpstr (second, ==, first);
          n_maps++;
        }
    }

  /* The alphabet makes both outcomes common. */
  g_assert_cmpuint (n_maps, >, 100);

  /* A header of a million columns. */
  g_string_assign (csv, "stage,text");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "\nA,x\n");
  g_object_unref (import_or_fail (csv->str));
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
      g_autofree char *text = parcours_csv_export_full (document, seed % 2 ? PARCOURS_CSV_EXPORT_SEMICOLON : 0,
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
        g_assert_true (has_warning (warnings, "the map's title, description, kind and goals are not in CSV"));
      if (g_list_model_get_n_items (parcours_document_get_cards (document)) > 0)
        g_assert_true (has_warning (warnings, "element ids are not in CSV"));
      for (guint i = 0; i < g_list_model_get_n_items (parcours_document_get_cards (document)); i++)
        {
          g_autoptr(ParcoursCard) card = g_list_model_get_item (parcours_document_get_cards (document), i);
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
  g_test_add_func ("/csv/export/basic", test_export_basic);
  g_test_add_func ("/csv/export/empty", test_export_empty);
  g_test_add_func ("/csv/export/quoting", test_export_quoting);
  g_test_add_func ("/csv/export/formula", test_export_formula);
  g_test_add_func ("/csv/export/emotions", test_export_emotions);
  g_test_add_func ("/csv/roundtrip/document", test_roundtrip_document);
  g_test_add_func ("/csv/roundtrip/lane-order", test_roundtrip_lane_order);
  g_test_add_func ("/csv/roundtrip/csv", test_roundtrip_csv);
  g_test_add_func ("/csv/roundtrip/unicode", test_roundtrip_unicode);
  g_test_add_func ("/csv/roundtrip/random", test_roundtrip_random);
  g_test_add_func ("/csv/roundtrip/rich-maps", test_roundtrip_rich_maps);
  g_test_add_func ("/csv/errors/unknown-values", test_errors_unknown_values);
  g_test_add_func ("/csv/errors/emotion-level", test_errors_emotion_level);
  g_test_add_func ("/csv/errors/syntax", test_errors_syntax);
  g_test_add_func ("/csv/errors/encoding", test_errors_encoding);
  g_test_add_func ("/csv/errors/header", test_errors_header);
  g_test_add_func ("/csv/errors/field-limit", test_errors_field_limit);
  g_test_add_func ("/csv/errors/row-limit", test_errors_row_limit);
  g_test_add_func ("/csv/errors/size-limit", test_errors_size_limit);
  g_test_add_func ("/csv/errors/element-limits", test_errors_element_limits);
  g_test_add_func ("/csv/errors/hostile", test_errors_hostile);
  g_test_add_func ("/csv/errors/not-reopenable", test_errors_not_reopenable);

  return g_test_run ();
}
