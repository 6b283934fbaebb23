/* test-mermaid-parse.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "parcours-document-private.h"
#include "parcours-mermaid.h"
#include "parcours-test-utils.h"

/* Mermaid journeys: how each part of the text becomes a map. */

static void
test_parse_mapping (void)
{
  g_autoptr(ParcoursDocument) document =
      parcours_test_mermaid_import (parcours_test_mermaid_working_day);
  GListModel *stages = parcours_document_get_stages (document);
  GListModel *lanes = parcours_document_get_lanes (document);
  GListModel *cards = parcours_document_get_cards (document);
  GListModel *points = parcours_document_get_emotion_points (document);
  GListModel *personas = parcours_document_get_personas (document);
  ParcoursLane *touchpoints;
  ParcoursLane *me_lane;
  ParcoursLane *cat_lane;
  ParcoursEmotionPoint *point;
  ParcoursCard *card;

  g_assert_cmpstr (parcours_document_get_title (document), ==, "My working day");
  g_assert_cmpstr (parcours_document_get_description (document), ==, "");
  g_assert_cmpint (parcours_document_get_kind (document), ==, PARCOURS_MAP_KIND_CURRENT_STATE);

  g_assert_cmpuint (parcours_test_count (stages), ==, 2);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 0)), ==, "Go to work");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 1)), ==, "Go home");

  g_assert_cmpuint (parcours_test_count (personas), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 0)), ==, "Me");
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 1)), ==, "Cat");

  /* One touchpoints lane and an emotions lane per actor; no anonymous
   * lane, since every task has actors. */
  g_assert_cmpuint (parcours_test_count (lanes), ==, 3);
  touchpoints = parcours_test_nth (lanes, 0);
  me_lane = parcours_test_nth (lanes, 1);
  cat_lane = parcours_test_nth (lanes, 2);
  g_assert_cmpint (parcours_lane_get_kind (touchpoints), ==, PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpstr (parcours_lane_get_name (touchpoints), ==, "Touchpoints");
  g_assert_cmpint (parcours_lane_get_kind (me_lane), ==, PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpstr (parcours_lane_get_name (me_lane), ==, "Me");
  g_assert_cmpstr (parcours_lane_get_persona_id (me_lane), ==,
                   parcours_element_get_id (parcours_test_nth (personas, 0)));
  g_assert_cmpstr (parcours_lane_get_name (cat_lane), ==, "Cat");
  g_assert_cmpstr (parcours_lane_get_persona_id (cat_lane), ==,
                   parcours_element_get_id (parcours_test_nth (personas, 1)));

  g_assert_cmpuint (parcours_test_count (cards), ==, 5);
  card = parcours_test_nth (cards, 2);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Do work");
  g_assert_cmpstr (parcours_card_get_lane_id (card), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (touchpoints)));
  g_assert_cmpstr (parcours_card_get_stage_id (card), ==,
                   parcours_element_get_id (parcours_test_nth (stages, 0)));
  card = parcours_test_nth (cards, 4);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sit down");
  g_assert_cmpstr (parcours_card_get_stage_id (card), ==,
                   parcours_element_get_id (parcours_test_nth (stages, 1)));

  /* Six points: one for each actor of each task. */
  g_assert_cmpuint (parcours_test_count (points), ==, 6);

  point = parcours_test_nth (points, 0);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Make tea");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (me_lane)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 1.0, 1e-9);

  point = parcours_test_nth (points, 1);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Go upstairs");
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 1.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 0.0, 1e-9);

  point = parcours_test_nth (points, 2);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Do work");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (me_lane)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 2.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), -1.0, 1e-9);

  point = parcours_test_nth (points, 3);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Do work");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (cat_lane)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 2.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), -1.0, 1e-9);

  point = parcours_test_nth (points, 5);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Sit down");
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (point), ==,
                   parcours_element_get_id (parcours_test_nth (stages, 1)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 1.0, 1e-9);
}

static void
test_parse_title (void)
{
  g_autoptr(ParcoursDocument) plain = NULL;
  g_autoptr(ParcoursDocument) last = NULL;
  g_autoptr(ParcoursDocument) colon = NULL;
  g_autoptr(ParcoursDocument) acc = NULL;
  g_autoptr(ParcoursDocument) both = NULL;
  g_autoptr(ParcoursDocument) front = NULL;
  g_autoptr(ParcoursDocument) none = NULL;
  g_autoptr(ParcoursDocument) task = NULL;

  plain = parcours_test_mermaid_import ("journey\n  title   My working day  \n");
  g_assert_cmpstr (parcours_document_get_title (plain), ==, "My working day");

  /* The last title wins, and `#` ends it as in Mermaid. */
  last = parcours_test_mermaid_import ("journey\ntitle First\ntitle Second # draft\n");
  g_assert_cmpstr (parcours_document_get_title (last), ==, "Second");

  /* Mermaid accepts `:` in a title. */
  colon = parcours_test_mermaid_import ("journey\ntitle Visit: a Saturday\n");
  g_assert_cmpstr (parcours_document_get_title (colon), ==, "Visit: a Saturday");

  /* accTitle is the title when there is no other. */
  acc = parcours_test_mermaid_import ("journey\naccTitle: Accessible # title\n");
  g_assert_cmpstr (parcours_document_get_title (acc), ==, "Accessible # title");
  both = parcours_test_mermaid_import ("journey\naccTitle: Accessible\ntitle Visible\n");
  g_assert_cmpstr (parcours_document_get_title (both), ==, "Visible");

  front =
      parcours_test_mermaid_import ("---\ntitle: \"From front matter\"\nconfig:\n  theme: forest\n---\njourney\n");
  g_assert_cmpstr (parcours_document_get_title (front), ==, "From front matter");

  none = parcours_test_mermaid_import ("journey\n");
  g_assert_cmpstr (parcours_document_get_title (none), ==, "");

  /* `title` needs a space after it to be a keyword. */
  task = parcours_test_mermaid_import ("journey\ntitle: 4\nTitles: 2\n");
  g_assert_cmpstr (parcours_document_get_title (task), ==, "");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (task)), ==, 2);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (parcours_document_get_cards (task),
                                                              0)), ==, "title");
}

static void
test_parse_acc_descr (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  /* accDescr keeps `#` and `;`, as Mermaid's lexer does. */
  document = parcours_test_mermaid_import ("journey\n  accDescr  :  Morning #1; then work  \n");
  g_assert_cmpstr (parcours_document_get_description (document), ==, "Morning #1; then work");
  g_assert_cmpstr (parcours_document_get_title (document), ==, "");
}

static void
test_parse_acc_descr_block (void)
{
  g_autoptr(ParcoursDocument) block = NULL;
  g_autoptr(ParcoursDocument) inline_block = NULL;
  g_autoptr(ParcoursDocument) same_line = NULL;

  block = parcours_test_mermaid_import ("journey\n"
                                        "  accDescr {\n"
                                        "      First line: with a colon # and a hash\n"
                                        "    %% a comment\n"
                                        "\n"
                                        "    Third line\n"
                                        "  }\n"
                                        "  section After\n"
                                        "    Task: 4\n");
  /* setAccDescription() of Mermaid's commonDb folds a line break and
   * the blank lines after it into one. */
  g_assert_cmpstr (parcours_document_get_description (block), ==,
                   "First line: with a colon # and a hash\nThird line");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (block)), ==, 1);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (block)), ==, 1);

  inline_block = parcours_test_mermaid_import ("journey\nACCDESCR{ All on one line }\nA: 3\n");
  g_assert_cmpstr (parcours_document_get_description (inline_block), ==, "All on one line");

  same_line =
      parcours_test_mermaid_import ("journey\naccDescr { Starts here\n  and ends here }  %% done\n");
  g_assert_cmpstr (parcours_document_get_description (same_line), ==, "Starts here\nand ends here");
}

static void
test_parse_comments (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  GListModel *cards;
  GListModel *stages;
  GListModel *personas;

  document = parcours_test_mermaid_import ("%% before the header\n"
                                           "%%{init: {\"theme\": \"forest\"}}%%\n"
                                           "journey %% after the keyword\n"
                                           "  %% indented\n"
                                           "%%\n"
                                           "  section Work # the section\n"
                                           "    Make tea: 5: Me # the actor\n"
                                           "    Brew %% strong: 4: Me %% not a comment\n"
                                           "    Pay; tip: 3\n");
  cards = parcours_document_get_cards (document);
  stages = parcours_document_get_stages (document);
  personas = parcours_document_get_personas (document);

  g_assert_cmpuint (parcours_test_count (stages), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 0)), ==, "Work");

  /* `%%` later in a line is text, as in Mermaid; `;` is kept too. */
  g_assert_cmpuint (parcours_test_count (cards), ==, 3);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 0)), ==, "Make tea");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 1)), ==, "Brew %% strong");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 2)), ==, "Pay; tip");

  g_assert_cmpuint (parcours_test_count (personas), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 0)), ==, "Me");
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 1)), ==,
                   "Me %% not a comment");
}

static void
test_parse_br (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  GListModel *cards;

  document = parcours_test_mermaid_import ("journey\n"
                                           "title Two<BR>lines\n"
                                           "section Go<br/>to work\n"
                                           "  Make<br>tea: 5: Anna<br />Smith\n"
                                           "  One<Br  />two<br>three: 3\n"
                                           "  Not <b>bold</b> nor <brx>: 3\n");
  cards = parcours_document_get_cards (document);

  g_assert_cmpstr (parcours_document_get_title (document), ==, "Two\nlines");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (parcours_document_get_stages (document), 0)),
                   ==, "Go\nto work");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 0)), ==, "Make\ntea");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 1)), ==, "One\ntwo\nthree");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 2)), ==,
                   "Not <b>bold</b> nor <brx>");
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (parcours_document_get_personas (document), 0)),
                   ==, "Anna\nSmith");
  g_assert_cmpstr (parcours_emotion_point_get_label (parcours_test_nth (parcours_document_get_emotion_points (document), 0)),
                   ==, "Make\ntea");
}

static void
test_parse_no_section (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) empty = NULL;
  GListModel *stages;
  GListModel *cards;
  GListModel *lanes;
  GListModel *points;
  ParcoursEmotionPoint *point;

  document = parcours_test_mermaid_import ("journey\n"
                                           "  Wake up: 2\n"
                                           "  Coffee: 4\n"
                                           "  section Commute\n"
                                           "    Bus: 1\n");
  stages = parcours_document_get_stages (document);
  cards = parcours_document_get_cards (document);
  lanes = parcours_document_get_lanes (document);
  points = parcours_document_get_emotion_points (document);

  g_assert_cmpuint (parcours_test_count (stages), ==, 2);
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 0)), ==, "");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 1)), ==, "Commute");
  g_assert_cmpuint (parcours_test_count (cards), ==, 3);
  g_assert_cmpstr (parcours_card_get_stage_id (parcours_test_nth (cards, 1)), ==,
                   parcours_element_get_id (parcours_test_nth (stages, 0)));

  /* Tasks without actors score in an "Emotions" lane without persona. */
  g_assert_cmpuint (parcours_test_count (parcours_document_get_personas (document)), ==, 0);
  g_assert_cmpuint (parcours_test_count (lanes), ==, 2);
  g_assert_cmpint (parcours_lane_get_kind (parcours_test_nth (lanes, 1)), ==,
                   PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpstr (parcours_lane_get_name (parcours_test_nth (lanes, 1)), ==, "Emotions");
  g_assert_cmpstr (parcours_lane_get_persona_id (parcours_test_nth (lanes, 1)), ==, NULL);

  g_assert_cmpuint (parcours_test_count (points), ==, 3);
  point = parcours_test_nth (points, 1);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (parcours_test_nth (lanes, 1)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 0.5, 1e-9);
  point = parcours_test_nth (points, 2);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), -1.0, 1e-9);

  /* Without tasks before them, sections make all the stages. */
  empty = parcours_test_mermaid_import ("journey\nsection A\nsection B\n");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (empty)), ==, 2);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (empty)), ==, 0);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (empty)), ==, 1);
}

static void
test_parse_case_insensitive (void)
{
  g_autoptr(ParcoursDocument) upper = NULL;
  g_autoptr(ParcoursDocument) lower = NULL;
  g_autofree char *upper_described = NULL;
  g_autofree char *lower_described = NULL;

  upper = parcours_test_mermaid_import ("JOURNEY\n"
                                        "TITLE Day\n"
                                        "ACCDESCR: About a day\n"
                                        "SECTION Morning\n"
                                        "  Tea: 5: Me\n"
                                        "Section Evening\n"
                                        "  Sleep: 4: Me\n");
  lower = parcours_test_mermaid_import ("journey\n"
                                        "title Day\n"
                                        "accdescr: About a day\n"
                                        "section Morning\n"
                                        "  Tea: 5: Me\n"
                                        "section Evening\n"
                                        "  Sleep: 4: Me\n");
  upper_described = parcours_test_mermaid_describe (upper);
  lower_described = parcours_test_mermaid_describe (lower);

  g_assert_cmpstr (upper_described, ==, lower_described);
  g_assert_cmpstr (parcours_document_get_title (upper), ==, "Day");
  g_assert_cmpstr (parcours_document_get_description (upper), ==, "About a day");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (upper)), ==, 2);
}

static void
test_parse_actors (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  GListModel *personas;
  GListModel *lanes;
  GListModel *points;

  document = parcours_test_mermaid_import ("journey\n"
                                           "section S\n"
                                           "  One: 3: Me\n"
                                           "  Two: 4:Cat ,  Me,, Dog , Cat\n"
                                           "  Three: 2: Dog: ignored, as in Mermaid\n"
                                           "  Four: 5:\n");
  personas = parcours_document_get_personas (document);
  lanes = parcours_document_get_lanes (document);
  points = parcours_document_get_emotion_points (document);

  /* In order of first appearance, without duplicates or empty names. */
  g_assert_cmpuint (parcours_test_count (personas), ==, 3);
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 0)), ==, "Me");
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 1)), ==, "Cat");
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (personas, 2)), ==, "Dog");

  /* Touchpoints, three persona lanes, and "Emotions" for task Four. */
  g_assert_cmpuint (parcours_test_count (lanes), ==, 5);
  for (guint i = 0; i < 3; i++)
    {
      ParcoursLane *lane = parcours_test_nth (lanes, i + 1);

      g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_EMOTIONS);
      g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==,
                       parcours_element_get_id (parcours_test_nth (personas, i)));
      g_assert_cmpstr (parcours_lane_get_name (lane), ==,
                       parcours_persona_get_name (parcours_test_nth (personas, i)));
    }
  g_assert_null (parcours_lane_get_persona_id (parcours_test_nth (lanes, 4)));

  /* One: Me; Two: Cat, Me, Dog; Three: Dog; Four: anonymous. */
  g_assert_cmpuint (parcours_test_count (points), ==, 6);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (parcours_test_nth (points, 1)), ==,
                   parcours_element_get_id (parcours_test_nth (lanes, 2)));
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (parcours_test_nth (points, 2)), ==,
                   parcours_element_get_id (parcours_test_nth (lanes, 1)));
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (parcours_test_nth (points, 3)), ==,
                   parcours_element_get_id (parcours_test_nth (lanes, 3)));
  g_assert_cmpstr (parcours_emotion_point_get_label (parcours_test_nth (points, 4)), ==, "Three");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (parcours_test_nth (points, 5)), ==,
                   parcours_element_get_id (parcours_test_nth (lanes, 4)));
  for (guint i = 1; i <= 3; i++)
    g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (parcours_test_nth (points,
                                                                                         i)), 0.5, 1e-9);
}

static void
test_parse_scores (void)
{
  static const struct
  {
    const char *score;
    double value;
  } cases[] = {
    { "1", -1.0 },
    { "2", -0.5 },
    { "3", 0.0 },
    { "4", 0.5 },
    { "5", 1.0 },
    { "+4", 0.5 },
    { "05", 1.0 },
    { " 2 ", -0.5 },
    /* Out of the band: clamped without an error. */
    { "0", -1.0 },
    { "-1", -1.0 },
    { "-0", -1.0 },
    { "7", 1.0 },
    { "99999999999999999999999", 1.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("journey\nTask:%s: Me\n", cases[i].score);
      g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (text);
      GListModel *points = parcours_document_get_emotion_points (document);

      g_assert_cmpuint (parcours_test_count (points), ==, 1);
      g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (parcours_test_nth (points,
                                                                                           0)),
                                      cases[i].value, 1e-9);
    }
}

static void
test_parse_layout (void)
{
  g_autoptr(ParcoursDocument) crlf = NULL;
  g_autoptr(ParcoursDocument) tidy = NULL;
  g_autofree char *crlf_described = NULL;
  g_autofree char *tidy_described = NULL;

  /* A byte order mark, CRLF, tabs, any indentation, blank lines and no
   * final line break. */
  crlf = parcours_test_mermaid_import ("\357\273\277\r\n"
                                       "   \t\r\n"
                                       "\tjourney  \r\n"
                                       "title A day\r\n"
                                       "\r\n"
                                       "        section  Morning \r\n"
                                       "Tea  :  5  :  Me  \r\n"
                                       "\t\t\tBus: 1");
  tidy = parcours_test_mermaid_import ("journey\n"
                                       "  title A day\n"
                                       "  section Morning\n"
                                       "    Tea: 5: Me\n"
                                       "    Bus: 1\n");
  crlf_described = parcours_test_mermaid_describe (crlf);
  tidy_described = parcours_test_mermaid_describe (tidy);

  g_assert_cmpstr (crlf_described, ==, tidy_described);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid/parse/mapping", test_parse_mapping);
  g_test_add_func ("/mermaid/parse/title", test_parse_title);
  g_test_add_func ("/mermaid/parse/acc-descr", test_parse_acc_descr);
  g_test_add_func ("/mermaid/parse/acc-descr-block", test_parse_acc_descr_block);
  g_test_add_func ("/mermaid/parse/comments", test_parse_comments);
  g_test_add_func ("/mermaid/parse/br", test_parse_br);
  g_test_add_func ("/mermaid/parse/no-section", test_parse_no_section);
  g_test_add_func ("/mermaid/parse/case-insensitive", test_parse_case_insensitive);
  g_test_add_func ("/mermaid/parse/actors", test_parse_actors);
  g_test_add_func ("/mermaid/parse/scores", test_parse_scores);
  g_test_add_func ("/mermaid/parse/layout", test_parse_layout);

  return g_test_run ();
}
