/* test-mermaid.c
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

#define ZWSP "\342\200\213"

/* Helpers */

/* The Mermaid text alone, without the map in comment lines. */
static char *
export_plain (ParcoursDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *text = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static ParcoursDocument *
import_or_fail (const char *text)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  document = parcours_mermaid_import (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
assert_import_error (const char          *text,
                     gssize               length,
                     ParcoursFormatError  code,
                     const char          *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_mermaid_import (text, length, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Borrowed: the document keeps its elements alive. */
static gpointer
nth (GListModel *model,
     guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;
}

static guint
count (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

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
make_point (const char *lane_id,
            const char *stage_id,
            double      offset,
            double      value,
            const char *label)
{
  ParcoursEmotionPoint *point;
  g_autofree char *id = parcours_element_generate_id (PARCOURS_TYPE_EMOTION_POINT);

  point = parcours_emotion_point_new (id, lane_id, stage_id, offset, value);
  parcours_emotion_point_set_label (point, label);

  return point;
}

static ParcoursLane *
make_persona_lane (const char *id,
                   const char *persona_id)
{
  ParcoursLane *lane = parcours_lane_new (id, PARCOURS_LANE_KIND_EMOTIONS, "Feelings");

  parcours_lane_set_persona_id (lane, persona_id);
  return lane;
}

static void
add_short_names (GHashTable *names,
                 GListModel *model,
                 char        prefix)
{
  for (guint i = 0; i < count (model); i++)
    g_hash_table_insert (names,
                         (gpointer) parcours_element_get_id (nth (model, i)),
                         g_strdup_printf ("%c%u", prefix, i));
}

static const char *
short_name (GHashTable *names,
            const char *id)
{
  const char *name = id != NULL ? g_hash_table_lookup (names, id) : NULL;

  return name != NULL ? name : "-";
}

/* Everything the Mermaid mapping carries, with ids replaced by positions,
 * so that two documents read from text can be compared. */
static char *
describe (ParcoursDocument *document)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *personas = parcours_document_get_personas (document);
  GListModel *stages = parcours_document_get_stages (document);
  GListModel *lanes = parcours_document_get_lanes (document);
  GListModel *cards = parcours_document_get_cards (document);
  GListModel *points = parcours_document_get_emotion_points (document);
  GString *out = g_string_new (NULL);

  add_short_names (names, personas, 'P');
  add_short_names (names, stages, 'S');
  add_short_names (names, lanes, 'L');

  g_string_append_printf (out, "title [%s]\ndescription [%s]\nkind %d\n",
                          parcours_document_get_title (document),
                          parcours_document_get_description (document),
                          parcours_document_get_kind (document));

  for (guint i = 0; i < count (personas); i++)
    g_string_append_printf (out, "persona [%s]\n",
                            parcours_persona_get_name (nth (personas, i)));

  for (guint i = 0; i < count (stages); i++)
    g_string_append_printf (out, "stage [%s]\n",
                            parcours_stage_get_name (nth (stages, i)));

  for (guint i = 0; i < count (lanes); i++)
    {
      ParcoursLane *lane = nth (lanes, i);

      g_string_append_printf (out, "lane %d [%s] %s\n",
                              parcours_lane_get_kind (lane),
                              parcours_lane_get_name (lane),
                              short_name (names, parcours_lane_get_persona_id (lane)));
    }

  for (guint i = 0; i < count (cards); i++)
    {
      ParcoursCard *card = nth (cards, i);

      g_string_append_printf (out, "card %s %s [%s]\n",
                              short_name (names, parcours_card_get_lane_id (card)),
                              short_name (names, parcours_card_get_stage_id (card)),
                              parcours_card_get_text (card));
    }

  for (guint i = 0; i < count (points); i++)
    {
      ParcoursEmotionPoint *point = nth (points, i);

      g_string_append_printf (out, "point %s %s %.6f %.3f [%s]\n",
                              short_name (names, parcours_emotion_point_get_lane_id (point)),
                              short_name (names, parcours_emotion_point_get_stage_id (point)),
                              parcours_emotion_point_get_offset (point),
                              parcours_emotion_point_get_value (point),
                              parcours_emotion_point_get_label (point));
    }

  return g_string_free (out, FALSE);
}

/* Writes @document, reads the text back and checks that the map is the
 * same and that writing it again gives the same bytes. Returns the text. */
static char *
export_and_check_stable (ParcoursDocument *document)
{
  g_autofree char *text = export_plain (document);
  g_autoptr(ParcoursDocument) again = import_or_fail (text);
  g_autofree char *text_again = export_plain (again);
  g_autoptr(ParcoursDocument) third = import_or_fail (text_again);
  g_autofree char *described = describe (again);
  g_autofree char *described_third = describe (third);

  g_assert_cmpstr (text_again, ==, text);
  g_assert_cmpstr (described_third, ==, described);

  return g_steal_pointer (&text);
}

static char *
read_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mermaid", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The example of Mermaid's documentation. */
static const char working_day[] =
  "journey\n"
  "    title My working day\n"
  "    section Go to work\n"
  "      Make tea: 5: Me\n"
  "      Go upstairs: 3: Me\n"
  "      Do work: 1: Me, Cat\n"
  "    section Go home\n"
  "      Go downstairs: 5: Me\n"
  "      Sit down: 5: Me\n";

/* Parsing */

static void
test_parse_mapping (void)
{
  g_autoptr(ParcoursDocument) document = import_or_fail (working_day);
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

  g_assert_cmpuint (count (stages), ==, 2);
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 0)), ==, "Go to work");
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 1)), ==, "Go home");

  g_assert_cmpuint (count (personas), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 0)), ==, "Me");
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 1)), ==, "Cat");

  /* One touchpoints lane and an emotions lane per actor; no anonymous
   * lane, since every task has actors. */
  g_assert_cmpuint (count (lanes), ==, 3);
  touchpoints = nth (lanes, 0);
  me_lane = nth (lanes, 1);
  cat_lane = nth (lanes, 2);
  g_assert_cmpint (parcours_lane_get_kind (touchpoints), ==, PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpstr (parcours_lane_get_name (touchpoints), ==, "Touchpoints");
  g_assert_cmpint (parcours_lane_get_kind (me_lane), ==, PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpstr (parcours_lane_get_name (me_lane), ==, "Me");
  g_assert_cmpstr (parcours_lane_get_persona_id (me_lane), ==,
                   parcours_element_get_id (nth (personas, 0)));
  g_assert_cmpstr (parcours_lane_get_name (cat_lane), ==, "Cat");
  g_assert_cmpstr (parcours_lane_get_persona_id (cat_lane), ==,
                   parcours_element_get_id (nth (personas, 1)));

  g_assert_cmpuint (count (cards), ==, 5);
  card = nth (cards, 2);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Do work");
  g_assert_cmpstr (parcours_card_get_lane_id (card), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (touchpoints)));
  g_assert_cmpstr (parcours_card_get_stage_id (card), ==,
                   parcours_element_get_id (nth (stages, 0)));
  card = nth (cards, 4);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Sit down");
  g_assert_cmpstr (parcours_card_get_stage_id (card), ==,
                   parcours_element_get_id (nth (stages, 1)));

  /* Six points: one for each actor of each task. */
  g_assert_cmpuint (count (points), ==, 6);

  point = nth (points, 0);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Make tea");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (me_lane)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 1.0, 1e-9);

  point = nth (points, 1);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Go upstairs");
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 1.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 0.0, 1e-9);

  point = nth (points, 2);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Do work");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (me_lane)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 2.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), -1.0, 1e-9);

  point = nth (points, 3);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Do work");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (cat_lane)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 2.5 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), -1.0, 1e-9);

  point = nth (points, 5);
  g_assert_cmpstr (parcours_emotion_point_get_label (point), ==, "Sit down");
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (point), ==,
                   parcours_element_get_id (nth (stages, 1)));
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

  plain = import_or_fail ("journey\n  title   My working day  \n");
  g_assert_cmpstr (parcours_document_get_title (plain), ==, "My working day");

  /* The last title wins, and `#` ends it as in Mermaid. */
  last = import_or_fail ("journey\ntitle First\ntitle Second # draft\n");
  g_assert_cmpstr (parcours_document_get_title (last), ==, "Second");

  /* Mermaid accepts `:` in a title. */
  colon = import_or_fail ("journey\ntitle Visit: a Saturday\n");
  g_assert_cmpstr (parcours_document_get_title (colon), ==, "Visit: a Saturday");

  /* accTitle is the title when there is no other. */
  acc = import_or_fail ("journey\naccTitle: Accessible # title\n");
  g_assert_cmpstr (parcours_document_get_title (acc), ==, "Accessible # title");
  both = import_or_fail ("journey\naccTitle: Accessible\ntitle Visible\n");
  g_assert_cmpstr (parcours_document_get_title (both), ==, "Visible");

  front = import_or_fail ("---\ntitle: \"From front matter\"\nconfig:\n  theme: forest\n---\njourney\n");
  g_assert_cmpstr (parcours_document_get_title (front), ==, "From front matter");

  none = import_or_fail ("journey\n");
  g_assert_cmpstr (parcours_document_get_title (none), ==, "");

  /* `title` needs a space after it to be a keyword. */
  task = import_or_fail ("journey\ntitle: 4\nTitles: 2\n");
  g_assert_cmpstr (parcours_document_get_title (task), ==, "");
  g_assert_cmpuint (count (parcours_document_get_cards (task)), ==, 2);
  g_assert_cmpstr (parcours_card_get_text (nth (parcours_document_get_cards (task), 0)), ==, "title");
}

static void
test_parse_acc_descr (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  /* accDescr keeps `#` and `;`, as Mermaid's lexer does. */
  document = import_or_fail ("journey\n  accDescr  :  Morning #1; then work  \n");
  g_assert_cmpstr (parcours_document_get_description (document), ==, "Morning #1; then work");
  g_assert_cmpstr (parcours_document_get_title (document), ==, "");
}

static void
test_parse_acc_descr_block (void)
{
  g_autoptr(ParcoursDocument) block = NULL;
  g_autoptr(ParcoursDocument) inline_block = NULL;
  g_autoptr(ParcoursDocument) same_line = NULL;

  block = import_or_fail ("journey\n"
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
  g_assert_cmpuint (count (parcours_document_get_stages (block)), ==, 1);
  g_assert_cmpuint (count (parcours_document_get_cards (block)), ==, 1);

  inline_block = import_or_fail ("journey\nACCDESCR{ All on one line }\nA: 3\n");
  g_assert_cmpstr (parcours_document_get_description (inline_block), ==, "All on one line");

  same_line = import_or_fail ("journey\naccDescr { Starts here\n  and ends here }  %% done\n");
  g_assert_cmpstr (parcours_document_get_description (same_line), ==, "Starts here\nand ends here");
}

static void
test_parse_comments (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  GListModel *cards;
  GListModel *stages;
  GListModel *personas;

  document = import_or_fail ("%% before the header\n"
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

  g_assert_cmpuint (count (stages), ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 0)), ==, "Work");

  /* `%%` later in a line is text, as in Mermaid; `;` is kept too. */
  g_assert_cmpuint (count (cards), ==, 3);
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 0)), ==, "Make tea");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 1)), ==, "Brew %% strong");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 2)), ==, "Pay; tip");

  g_assert_cmpuint (count (personas), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 0)), ==, "Me");
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 1)), ==, "Me %% not a comment");
}

static void
test_parse_br (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  GListModel *cards;

  document = import_or_fail ("journey\n"
                             "title Two<BR>lines\n"
                             "section Go<br/>to work\n"
                             "  Make<br>tea: 5: Anna<br />Smith\n"
                             "  One<Br  />two<br>three: 3\n"
                             "  Not <b>bold</b> nor <brx>: 3\n");
  cards = parcours_document_get_cards (document);

  g_assert_cmpstr (parcours_document_get_title (document), ==, "Two\nlines");
  g_assert_cmpstr (parcours_stage_get_name (nth (parcours_document_get_stages (document), 0)),
                   ==, "Go\nto work");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 0)), ==, "Make\ntea");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 1)), ==, "One\ntwo\nthree");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 2)), ==, "Not <b>bold</b> nor <brx>");
  g_assert_cmpstr (parcours_persona_get_name (nth (parcours_document_get_personas (document), 0)),
                   ==, "Anna\nSmith");
  g_assert_cmpstr (parcours_emotion_point_get_label (nth (parcours_document_get_emotion_points (document), 0)),
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

  document = import_or_fail ("journey\n"
                             "  Wake up: 2\n"
                             "  Coffee: 4\n"
                             "  section Commute\n"
                             "    Bus: 1\n");
  stages = parcours_document_get_stages (document);
  cards = parcours_document_get_cards (document);
  lanes = parcours_document_get_lanes (document);
  points = parcours_document_get_emotion_points (document);

  g_assert_cmpuint (count (stages), ==, 2);
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 0)), ==, "");
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 1)), ==, "Commute");
  g_assert_cmpuint (count (cards), ==, 3);
  g_assert_cmpstr (parcours_card_get_stage_id (nth (cards, 1)), ==,
                   parcours_element_get_id (nth (stages, 0)));

  /* Tasks without actors score in an "Emotions" lane without persona. */
  g_assert_cmpuint (count (parcours_document_get_personas (document)), ==, 0);
  g_assert_cmpuint (count (lanes), ==, 2);
  g_assert_cmpint (parcours_lane_get_kind (nth (lanes, 1)), ==, PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpstr (parcours_lane_get_name (nth (lanes, 1)), ==, "Emotions");
  g_assert_cmpstr (parcours_lane_get_persona_id (nth (lanes, 1)), ==, NULL);

  g_assert_cmpuint (count (points), ==, 3);
  point = nth (points, 1);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (point), ==,
                   parcours_element_get_id (nth (lanes, 1)));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 0.5, 1e-9);
  point = nth (points, 2);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (point), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), -1.0, 1e-9);

  /* Without tasks before them, sections make all the stages. */
  empty = import_or_fail ("journey\nsection A\nsection B\n");
  g_assert_cmpuint (count (parcours_document_get_stages (empty)), ==, 2);
  g_assert_cmpuint (count (parcours_document_get_cards (empty)), ==, 0);
  g_assert_cmpuint (count (parcours_document_get_lanes (empty)), ==, 1);
}

static void
test_parse_case_insensitive (void)
{
  g_autoptr(ParcoursDocument) upper = NULL;
  g_autoptr(ParcoursDocument) lower = NULL;
  g_autofree char *upper_described = NULL;
  g_autofree char *lower_described = NULL;

  upper = import_or_fail ("JOURNEY\n"
                          "TITLE Day\n"
                          "ACCDESCR: About a day\n"
                          "SECTION Morning\n"
                          "  Tea: 5: Me\n"
                          "Section Evening\n"
                          "  Sleep: 4: Me\n");
  lower = import_or_fail ("journey\n"
                          "title Day\n"
                          "accdescr: About a day\n"
                          "section Morning\n"
                          "  Tea: 5: Me\n"
                          "section Evening\n"
                          "  Sleep: 4: Me\n");
  upper_described = describe (upper);
  lower_described = describe (lower);

  g_assert_cmpstr (upper_described, ==, lower_described);
  g_assert_cmpstr (parcours_document_get_title (upper), ==, "Day");
  g_assert_cmpstr (parcours_document_get_description (upper), ==, "About a day");
  g_assert_cmpuint (count (parcours_document_get_stages (upper)), ==, 2);
}

static void
test_parse_actors (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  GListModel *personas;
  GListModel *lanes;
  GListModel *points;

  document = import_or_fail ("journey\n"
                             "section S\n"
                             "  One: 3: Me\n"
                             "  Two: 4:Cat ,  Me,, Dog , Cat\n"
                             "  Three: 2: Dog: ignored, as in Mermaid\n"
                             "  Four: 5:\n");
  personas = parcours_document_get_personas (document);
  lanes = parcours_document_get_lanes (document);
  points = parcours_document_get_emotion_points (document);

  /* In order of first appearance, without duplicates or empty names. */
  g_assert_cmpuint (count (personas), ==, 3);
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 0)), ==, "Me");
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 1)), ==, "Cat");
  g_assert_cmpstr (parcours_persona_get_name (nth (personas, 2)), ==, "Dog");

  /* Touchpoints, three persona lanes, and "Emotions" for task Four. */
  g_assert_cmpuint (count (lanes), ==, 5);
  for (guint i = 0; i < 3; i++)
    {
      ParcoursLane *lane = nth (lanes, i + 1);

      g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_EMOTIONS);
      g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==,
                       parcours_element_get_id (nth (personas, i)));
      g_assert_cmpstr (parcours_lane_get_name (lane), ==,
                       parcours_persona_get_name (nth (personas, i)));
    }
  g_assert_null (parcours_lane_get_persona_id (nth (lanes, 4)));

  /* One: Me; Two: Cat, Me, Dog; Three: Dog; Four: anonymous. */
  g_assert_cmpuint (count (points), ==, 6);
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (nth (points, 1)), ==,
                   parcours_element_get_id (nth (lanes, 2)));
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (nth (points, 2)), ==,
                   parcours_element_get_id (nth (lanes, 1)));
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (nth (points, 3)), ==,
                   parcours_element_get_id (nth (lanes, 3)));
  g_assert_cmpstr (parcours_emotion_point_get_label (nth (points, 4)), ==, "Three");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (nth (points, 5)), ==,
                   parcours_element_get_id (nth (lanes, 4)));
  for (guint i = 1; i <= 3; i++)
    g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (nth (points, i)), 0.5, 1e-9);
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
      g_autoptr(ParcoursDocument) document = import_or_fail (text);
      GListModel *points = parcours_document_get_emotion_points (document);

      g_assert_cmpuint (count (points), ==, 1);
      g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (nth (points, 0)),
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
  crlf = import_or_fail ("\357\273\277\r\n"
                         "   \t\r\n"
                         "\tjourney  \r\n"
                         "title A day\r\n"
                         "\r\n"
                         "        section  Morning \r\n"
                         "Tea  :  5  :  Me  \r\n"
                         "\t\t\tBus: 1");
  tidy = import_or_fail ("journey\n"
                         "  title A day\n"
                         "  section Morning\n"
                         "    Tea: 5: Me\n"
                         "    Bus: 1\n");
  crlf_described = describe (crlf);
  tidy_described = describe (tidy);

  g_assert_cmpstr (crlf_described, ==, tidy_described);
}

/* Errors */

static void
test_errors_header (void)
{
  assert_import_error ("", -1, PARCOURS_FORMAT_ERROR_SYNTAX, "line 1: expected \"journey\"");
  assert_import_error ("", 0, PARCOURS_FORMAT_ERROR_SYNTAX, "line 1: expected \"journey\"");
  assert_import_error ("%% nothing but a comment\n\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 3: expected \"journey\"");
  assert_import_error ("graph TD\n  A --> B\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 1: expected \"journey\", found \"graph TD\"");
  assert_import_error ("\n  title Too early\njourney\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 2: expected \"journey\", found \"title Too early\"");
  /* journey\b: Mermaid's lexer wants the whole word. */
  assert_import_error ("journeys\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 1: expected \"journey\", found \"journeys\"");
  assert_import_error ("---\ntitle: Never closed\njourney\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 4: expected \"---\" to end the front matter of line 1");
}

static void
test_errors_task (void)
{
  g_autofree char *long_line = NULL;
  g_autofree char *long_message = NULL;

  assert_import_error ("journey\n"
                       "  title My working day\n"
                       "  section Go to work\n"
                       "    Make tea\n",
                       -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 4: expected \"Task name: score\" or \"section Name\", found \"Make tea\"");
  /* A `:` after a `#` is in the comment. */
  assert_import_error ("journey\nMake tea # later: 5\n",
                       -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 2: expected \"Task name: score\" or \"section Name\", found \"Make tea # later: 5\"");
  /* A second `journey` is not a task either. */
  assert_import_error ("journey\njourney\n",
                       -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 2: expected \"Task name: score\" or \"section Name\", found \"journey\"");

  long_line = g_strnfill (100, 'x');
  long_message = g_strdup_printf ("line 2: expected \"Task name: score\" or \"section Name\", found \"%.60s…\"",
                                  long_line);
  {
    g_autofree char *text = g_strdup_printf ("journey\n%s\n", long_line);

    assert_import_error (text, -1, PARCOURS_FORMAT_ERROR_SYNTAX, long_message);
  }
}

static void
assert_import_warning (const char *text,
                       const char *warning)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_mermaid_import_full (text, -1, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, warning);
}

static double
first_value (const char *text)
{
  g_autoptr(ParcoursDocument) document = import_or_fail (text);
  GListModel *points = parcours_document_get_emotion_points (document);

  g_assert_cmpuint (count (points), >=, 1);
  return parcours_emotion_point_get_value (nth (points, 0));
}

/* addTask() of journeyDb takes Number() of the score: any number, a
 * blank is 0, the rest NaN. */
static void
test_parse_scores_as_numbers (void)
{
  g_assert_cmpfloat (first_value ("journey\nTea: 2.5\n"), ==, -0.25);
  g_assert_cmpfloat (first_value ("journey\nTea: 4.5: Me\n"), ==, 0.75);
  g_assert_cmpfloat (first_value ("journey\nTea: .5e1\n"), ==, 1.0);
  g_assert_cmpfloat (first_value ("journey\nTea: +3.0\n"), ==, 0.0);
  g_assert_cmpfloat (first_value ("journey\nTea: 0x4\n"), ==, 0.5);

  assert_import_warning ("journey\n"
                         "  title My working day\n"
                         "  section Go to work\n"
                         "    Make tea: 5: Me\n"
                         "    Go upstairs: 3: Me\n"
                         "    Do work: high: Me, Cat\n",
                         "line 6: score \"high\" is not a number, which Mermaid draws at no height; "
                         "Parcours uses 3");
  assert_import_warning ("journey\nTea: : Me\n",
                         "line 2: a blank score is 0 for Mermaid, outside 1 to 5; Parcours uses 1");
  assert_import_warning ("journey\nTea: 5 stars\n",
                         "line 2: score \"5 stars\" is not a number, which Mermaid draws at no height; "
                         "Parcours uses 3");
  assert_import_warning ("journey\nTea: --5\n",
                         "line 2: score \"--5\" is not a number, which Mermaid draws at no height; "
                         "Parcours uses 3");
  assert_import_warning ("journey\nTea: 7.5\n",
                         "line 2: score 7.5 is outside 1 to 5; Parcours uses 5");
  g_assert_cmpfloat (first_value ("journey\nTea: -2\n"), ==, -1.0);

  /* A lone `:` has no score at all: Mermaid refuses it. */
  assert_import_error ("journey\nTea:\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 2: expected \"Task name: score\" or \"section Name\", found \"Tea:\"");
}

static void
test_errors_acc_descr_block (void)
{
  assert_import_error ("journey\n  accDescr {\n    never closed\n  section A\n", -1,
                       PARCOURS_FORMAT_ERROR_SYNTAX,
                       "line 5: expected \"}\" to end the \"accDescr {\" of line 2");
}

/* journey.jison: after the `}` of `accDescr {`, the lexer is back in its
 * first state, so a statement may follow on the same line. */
static void
test_parse_after_acc_descr_block (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = import_or_fail ("journey\naccDescr {\n  text\n} Task: 3\n"
                             "accDescr { more }title After the brace\n");
  g_assert_cmpstr (parcours_document_get_description (document), ==, "more");
  g_assert_cmpstr (parcours_document_get_title (document), ==, "After the brace");
  g_assert_cmpuint (count (parcours_document_get_cards (document)), ==, 1);
  card = nth (parcours_document_get_cards (document), 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Task");
}

static void
test_errors_utf8 (void)
{
  static const char latin1[] = "journey\nsection Caf\351\nTea: 3\n";
  static const char nul[] = "journey\nTea: 3\nCof\0fee: 4\n";
  static const char truncated[] = "journey\nTea: 3: L\303";

  assert_import_error (latin1, -1, PARCOURS_FORMAT_ERROR_ENCODING,
                       "line 2: text is not valid UTF-8");
  assert_import_error (nul, sizeof nul - 1, PARCOURS_FORMAT_ERROR_ENCODING,
                       "line 3: text is not valid UTF-8");
  assert_import_error (truncated, -1, PARCOURS_FORMAT_ERROR_ENCODING,
                       "line 2: text is not valid UTF-8");
  /* An overlong encoding of "/" and a lone surrogate. */
  assert_import_error ("journey\n\300\257: 3\n", -1, PARCOURS_FORMAT_ERROR_ENCODING,
                       "line 2: text is not valid UTF-8");
  assert_import_error ("journey\n\n\n\355\240\200: 3\n", -1, PARCOURS_FORMAT_ERROR_ENCODING,
                       "line 4: text is not valid UTF-8");
}

static void
test_errors_hostile_line (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) text = g_string_new ("journey\n  section A\n    ");
  g_autofree char *message = NULL;

  g_string_set_size (text, text->len + size);
  memset (text->str + text->len - size, 'x', size);
  g_string_append (text, ": 5: Me\n");

  message = g_strdup_printf ("line 3: line longer than %d bytes",
                             PARCOURS_MERMAID_MAX_LINE_LENGTH);
  assert_import_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  /* Just under the limit is fine. */
  g_string_truncate (text, strlen ("journey\n  section A\n"));
  g_string_append (text, "    ");
  g_string_set_size (text, text->len + PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5"));
  memset (text->str + text->len - (PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5")),
          'y', PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5"));
  g_string_append (text, ": 5");
  {
    g_autoptr(ParcoursDocument) document = import_or_fail (text->str);
    ParcoursCard *card = nth (parcours_document_get_cards (document), 0);

    g_assert_cmpuint (strlen (parcours_card_get_text (card)), ==,
                      PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5"));
  }
}

static void
test_errors_hostile_tasks (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n  section Many\n");
  g_autofree char *message = NULL;

  /* A million tasks: refused at the first one over the limit, before any
   * element is made. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "t: 3\n");

  message = g_strdup_printf ("line %d: more than %d tasks",
                             PARCOURS_MERMAID_MAX_TASKS + 3, PARCOURS_MERMAID_MAX_TASKS);
  assert_import_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

/* Within Mermaid's own limits, but more emotion points than a .parcours
 * file may hold: refused, rather than saved to a file that will not open. */
static void
test_errors_not_reopenable (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n  section Many\n");
  g_autoptr(GString) actors = g_string_new (NULL);

  for (guint a = 0; a < 200; a++)
    g_string_append_printf (actors, "%sActor %u", a ? ", " : "", a);
  for (guint t = 0; t < 501; t++)
    g_string_append_printf (text, "    Task %u: 3: %s\n", t, actors->str);

  assert_import_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                       "the map would have 100200 emotion-points; Parcours opens maps with at most 100000");
}

static void
test_errors_hostile_counts (void)
{
  g_autoptr(GString) sections = g_string_new ("journey\n");
  g_autoptr(GString) actors = g_string_new ("journey\nTask: 3: ");
  g_autoptr(GString) scores = g_string_new ("journey\n");
  g_autoptr(GString) actor_list = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i <= PARCOURS_MERMAID_MAX_SECTIONS; i++)
    g_string_append_printf (sections, "section S%u\n", i);
  message = g_strdup_printf ("line %d: more than %d sections",
                             PARCOURS_MERMAID_MAX_SECTIONS + 2, PARCOURS_MERMAID_MAX_SECTIONS);
  assert_import_error (sections->str, -1, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  /* The limit itself is fine. */
  g_string_truncate (sections, strlen ("journey\n"));
  for (guint i = 0; i < PARCOURS_MERMAID_MAX_SECTIONS; i++)
    g_string_append_printf (sections, "section S%u\n", i);
  {
    g_autoptr(ParcoursDocument) document = import_or_fail (sections->str);

    g_assert_cmpuint (count (parcours_document_get_stages (document)), ==,
                      PARCOURS_MERMAID_MAX_SECTIONS);
  }

  for (guint i = 0; i < PARCOURS_MERMAID_MAX_ACTORS; i++)
    g_string_append_printf (actor_list, "%sA%u", i > 0 ? ", " : "", i);
  g_string_append_printf (actors, "%s\nMore: 3: A0, Newcomer\n", actor_list->str);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line 3: more than %d actors", PARCOURS_MERMAID_MAX_ACTORS);
  assert_import_error (actors->str, -1, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  /* Every actor in every task: a quadratic number of points. */
  for (guint i = 0; i <= PARCOURS_MERMAID_MAX_SCORES / PARCOURS_MERMAID_MAX_ACTORS; i++)
    g_string_append_printf (scores, "T: 3: %s\n", actor_list->str);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line %d: more than %d scores (one for each actor of each task)",
                             PARCOURS_MERMAID_MAX_SCORES / PARCOURS_MERMAID_MAX_ACTORS + 2,
                             PARCOURS_MERMAID_MAX_SCORES);
  assert_import_error (scores->str, scores->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

static void
test_errors_hostile_text (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n");
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n_lines;

  /* Each long name is copied into the points of its 100 actors. */
  g_string_set_size (line, 60000);
  memset (line->str, 'n', line->len);
  g_string_append (line, ": 3: ");
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (line, "%sA%u", i > 0 ? "," : "", i);

  n_lines = PARCOURS_MERMAID_MAX_TEXT / (60000 * 101) + 1;
  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "%s\n", line->str);

  message = g_strdup_printf ("line %u: the map would hold more than %d MB of text",
                             n_lines + 1, PARCOURS_MERMAID_MAX_TEXT / (1024 * 1024));
  assert_import_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  /* Text over the size limit is refused before it is read. */
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("the text is larger than %d MB",
                             PARCOURS_MERMAID_MAX_SIZE / (1024 * 1024));
  g_string_set_size (text, PARCOURS_MERMAID_MAX_SIZE + 1);
  assert_import_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

/* Export */

static void
test_export_model (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;
  g_autofree char *stable = NULL;
  ParcoursLane *anonymous;

  parcours_document_set_title (document, "Onboarding");
  parcours_document_set_description (document, "  How new users\r\n   get started  \n");
  insert_or_fail (document, parcours_persona_new ("anna", "Anna"));
  insert_or_fail (document, parcours_persona_new ("ben", "Ben"));
  insert_or_fail (document, parcours_stage_new ("signup", "Sign up"));
  insert_or_fail (document, parcours_stage_new ("first", " First use "));
  insert_or_fail (document, parcours_stage_new ("later", "Later"));
  insert_or_fail (document, parcours_lane_new ("actions", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Web"));
  insert_or_fail (document, make_persona_lane ("feel-anna", "anna"));
  insert_or_fail (document, make_persona_lane ("feel-ben", "ben"));
  anonymous = parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Mood");
  insert_or_fail (document, anonymous);
  insert_or_fail (document, parcours_lane_new ("store", PARCOURS_LANE_KIND_TOUCHPOINTS, "Store"));

  /* Cards of the actions lane are not tasks; those of both touchpoints
   * lanes are, in document order. */
  insert_or_fail (document, parcours_card_new ("a1", "actions", "signup", "Types an email"));
  insert_or_fail (document, parcours_card_new ("c1", "touch", "signup", "Landing page"));
  insert_or_fail (document, parcours_card_new ("c2", "store", "signup", "Leaflet"));
  insert_or_fail (document, parcours_card_new ("c3", "touch", "signup", "Form"));
  insert_or_fail (document, parcours_card_new ("c4", "touch", "first", "Tour"));
  insert_or_fail (document, parcours_card_new ("c5", "touch", "first", "Help"));

  /* Sign up: the Landing page (slot 0) delights Anna; Ben then Anna
   * score the Form (slot 2), Ben first. */
  insert_or_fail (document, make_point ("feel-anna", "signup", 0.1, 1.0, NULL));
  insert_or_fail (document, make_point ("feel-ben", "signup", 0.9, -0.5, ""));
  insert_or_fail (document, make_point ("feel-anna", "signup", 0.8, -1.0, "Whatever"));
  /* First use: the anonymous lane scores the Tour 0.3 (→ 4) and, as no
   * persona does, gives it no actors. Help has no point: 3. */
  insert_or_fail (document, make_point ("feel", "first", 0.25, 0.3, NULL));
  /* Later has no cards, so its points cannot be written. */
  insert_or_fail (document, make_point ("feel-anna", "later", 0.5, 1.0, "Lost"));

  text = export_plain (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Onboarding\n"
                   "  accDescr {\n"
                   "    How new users\n"
                   "    get started\n"
                   "  }\n"
                   "  section Sign up\n"
                   "    Landing page: 5: Anna\n"
                   "    Leaflet: 3\n"
                   "    Form: 2: Ben, Anna\n"
                   "  section First use\n"
                   "    Tour: 3.6\n"  /* a finer score than a whole number */
                   "    Help: 3\n"
                   "  section Later\n");

  /* Actors are named after the personas, not after their lanes. */
  g_clear_pointer (&text, g_free);
  parcours_persona_set_name (parcours_document_lookup_persona (document, "ben"), "Benjamin");
  parcours_lane_set_name (anonymous, "Other name");
  text = export_plain (document);
  g_assert_nonnull (strstr (text, "    Form: 2: Benjamin, Anna\n"));

  stable = export_and_check_stable (document);
  g_assert_cmpstr (stable, ==, text);
}

static void
test_export_actor_names (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;

  insert_or_fail (document, parcours_persona_new ("anna", "Anna"));
  insert_or_fail (document, parcours_persona_new ("ben", "Ben"));
  insert_or_fail (document, parcours_persona_new ("twin", "Anna"));
  insert_or_fail (document, parcours_stage_new ("s", "S"));
  insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  insert_or_fail (document, make_persona_lane ("feel-anna", "anna"));
  insert_or_fail (document, make_persona_lane ("feel-ben", "ben"));
  insert_or_fail (document, make_persona_lane ("feel-twin", "twin"));
  insert_or_fail (document, make_persona_lane ("feel-gone", "no-such-persona"));
  insert_or_fail (document, parcours_card_new ("c1", "touch", "s", "Pay"));

  /* Ben is first in document order; the second "Anna" is the same actor
   * in Mermaid; a lane whose persona is gone counts as anonymous. */
  insert_or_fail (document, make_point ("feel-gone", "s", 0.5, -1.0, "Pay"));
  insert_or_fail (document, make_point ("feel-ben", "s", 0.5, 0.5, "Pay"));
  insert_or_fail (document, make_point ("feel-twin", "s", 0.5, 1.0, "Pay"));
  insert_or_fail (document, make_point ("feel-anna", "s", 0.5, -0.5, "Pay"));

  text = export_plain (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  section S\n"
                   "    Pay: 4: Ben, Anna\n");
}

static void
test_export_matching (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;
  g_autofree char *stable = NULL;

  /* No touchpoints lane: the first lane that is not an emotions lane
   * gives the tasks. */
  insert_or_fail (document, parcours_persona_new ("me", "Me"));
  insert_or_fail (document, parcours_stage_new ("s", "Stage"));
  insert_or_fail (document, make_persona_lane ("feel", "me"));
  insert_or_fail (document, parcours_lane_new ("do", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  insert_or_fail (document, parcours_lane_new ("think", PARCOURS_LANE_KIND_THOUGHTS, "Thoughts"));
  insert_or_fail (document, parcours_card_new ("t", "think", "s", "Not a task"));
  insert_or_fail (document, parcours_card_new ("a", "do", "s", "Wait"));
  insert_or_fail (document, parcours_card_new ("b", "do", "s", "Order"));
  insert_or_fail (document, parcours_card_new ("c", "do", "s", "Wait"));
  insert_or_fail (document, parcours_card_new ("d", "do", "s", "Eat"));

  /* The label wins over the offset: "Order" sits in the slot of Eat. */
  insert_or_fail (document, make_point ("feel", "s", 0.9, 1.0, "Order"));
  /* Two points labelled "Wait": each takes the "Wait" card of its slot,
   * whatever their order. */
  insert_or_fail (document, make_point ("feel", "s", 0.6, -1.0, "Wait"));
  insert_or_fail (document, make_point ("feel", "s", 0.1, 0.24, "Wait"));
  /* Unlabelled points in the slot of Eat: the nearest to its middle
   * (0.875) wins, the other is not written. */
  insert_or_fail (document, make_point ("feel", "s", 0.76, -0.5, NULL));
  insert_or_fail (document, make_point ("feel", "s", 0.85, 0.25, NULL));
  insert_or_fail (document, make_point ("feel", "s", 0.99, -1.0, NULL));

  text = export_plain (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  section Stage\n"
                   "    Wait: 3.48: Me\n"
                   "    Order: 5: Me\n"
                   "    Wait: 1: Me\n"
                   "    Eat: 3.5: Me\n");

  stable = export_and_check_stable (document);
  g_assert_cmpstr (stable, ==, text);
}

static void
test_export_scores (void)
{
  /* Mermaid takes any number: the score is value * 2 + 3, as short as
   * it reads back. */
  static const struct
  {
    double value;
    const char *score;
  } cases[] = {
    { -1.0, "1" }, { -0.76, "1.48" }, { -0.75, "1.5" }, { -0.5, "2" }, { -0.25, "2.5" },
    { 0.0, "3" }, { 0.24, "3.48" }, { 0.25, "3.5" }, { 0.5, "4" }, { 0.76, "4.52" },
    { 1.0, "5" }, { 1.0 / 3.0, "3.6666666666666665" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ParcoursDocument) document = parcours_document_new ();
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      insert_or_fail (document, parcours_stage_new ("s", "S"));
      insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
      insert_or_fail (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "E"));
      insert_or_fail (document, parcours_card_new ("c", "touch", "s", "Task"));
      insert_or_fail (document, make_point ("feel", "s", 0.5, cases[i].value, NULL));

      text = export_plain (document);
      expected = g_strdup_printf ("journey\n  section S\n    Task: %s\n", cases[i].score);
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_export_escaping (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stable = NULL;
  GListModel *cards;
  GListModel *stages;
  static const char * const texts[] = {
    "Call #2; ask: why",
    "Line one\nLine two\r\nLine three",
    "  Padded  ",
    "Title deed",
    "section two",
    "Journeyman",
    "accTitle",
    "accDescr {x}",
    "%%done",
    "a%%b",
    "Write <br> or <BR/> as text",
    "",
    ZWSP "hidden",
    "Title",
  };

  parcours_document_set_title (document, "Plan: A#1; B\nnext");
  parcours_document_set_description (document, "Braces {}\n%% not a comment\n  }");
  insert_or_fail (document, parcours_persona_new ("p", "Smith, Anna: CEO #1"));
  insert_or_fail (document, parcours_persona_new ("q", ""));
  insert_or_fail (document, parcours_stage_new ("s1", "  Phase: one; #1  "));
  insert_or_fail (document, parcours_stage_new ("s2", "   "));
  insert_or_fail (document, parcours_stage_new ("s3", "accDescr: not a keyword here"));
  insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  insert_or_fail (document, make_persona_lane ("feel-p", "p"));
  insert_or_fail (document, make_persona_lane ("feel-q", "q"));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);

      insert_or_fail (document, parcours_card_new (id, "touch", "s1", texts[i]));
    }
  insert_or_fail (document, make_point ("feel-p", "s1", 0.5 / G_N_ELEMENTS (texts), 1.0, NULL));
  insert_or_fail (document, make_point ("feel-q", "s1", 0.5 / G_N_ELEMENTS (texts), 1.0, NULL));
  insert_or_fail (document, parcours_card_new ("x", "touch", "s2", "In the nameless stage"));

  text = export_plain (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Plan: A#35;1#59; B<br>next\n"
                   "  accDescr {\n"
                   "    Braces {#125;\n"
                   "    #37;% not a comment\n"
                   "    #125;\n"
                   "  }\n"
                   "  section Phase#58; one#59; #35;1\n"
                   "    Call #35;2#59; ask#58; why: 5: Smith#44; Anna#58; CEO #35;1, " ZWSP "\n"
                   "    Line one<br>Line two<br>Line three: 3\n"
                   "    Padded: 3\n"
                   "    " ZWSP "Title deed: 3\n"
                   "    " ZWSP "section two: 3\n"
                   "    " ZWSP "Journeyman: 3\n"
                   "    " ZWSP "accTitle: 3\n"
                   "    " ZWSP "accDescr {x}: 3\n"
                   "    #37;%done: 3\n"
                   "    a#37;%b: 3\n"
                   "    Write #60;br> or #60;BR/> as text: 3\n"
                   "    " ZWSP ": 3\n"
                   "    " ZWSP ZWSP "hidden: 3\n"
                   "    Title: 3\n"
                   "  section " ZWSP "\n"
                   "    In the nameless stage: 3\n"
                   "  section accDescr#58; not a keyword here\n");

  /* Entity codes (Mermaid shows them as the characters) come back as
   * the text they stand for. */
  again = import_or_fail (text);
  cards = parcours_document_get_cards (again);
  stages = parcours_document_get_stages (again);
  g_assert_cmpuint (count (cards), ==, G_N_ELEMENTS (texts) + 1);
  g_assert_cmpstr (parcours_document_get_title (again), ==, "Plan: A#1; B\nnext");
  g_assert_cmpstr (parcours_document_get_description (again), ==,
                   "Braces {}\n%% not a comment\n}");
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 0)), ==, "Phase: one; #1");
  g_assert_cmpstr (parcours_stage_get_name (nth (stages, 1)), ==, "");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 0)), ==, texts[0]);
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 1)), ==, "Line one\nLine two\nLine three");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 2)), ==, "Padded");
  for (guint i = 3; i <= 7; i++)
    g_assert_cmpstr (parcours_card_get_text (nth (cards, i)), ==, texts[i]);
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 11)), ==, "");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 12)), ==, ZWSP "hidden");
  g_assert_cmpstr (parcours_card_get_text (nth (cards, 13)), ==, "Title");
  g_assert_cmpuint (count (parcours_document_get_personas (again)), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (nth (parcours_document_get_personas (again), 0)),
                   ==, "Smith, Anna: CEO #1");
  g_assert_cmpstr (parcours_persona_get_name (nth (parcours_document_get_personas (again), 1)),
                   ==, "");

  stable = export_and_check_stable (document);
  g_assert_cmpstr (stable, ==, text);
}

static void
test_export_empty (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) nameless = parcours_document_new ();
  g_autofree char *text = NULL;
  g_autofree char *nameless_text = NULL;

  text = export_and_check_stable (document);
  g_assert_cmpstr (text, ==, "journey\n");

  /* A first stage without name and without tasks needs its section line,
   * or it would be lost. */
  insert_or_fail (nameless, parcours_stage_new ("s", ""));
  insert_or_fail (nameless, parcours_stage_new ("t", "Next"));
  nameless_text = export_and_check_stable (nameless);
  g_assert_cmpstr (nameless_text, ==, "journey\n  section " ZWSP "\n  section Next\n");
}

/* Round trips */

static void
test_roundtrip_canonical (void)
{
  static const char * const fixtures[] = {
    "working-day.canonical.mmd",
    "cafe.canonical.mmd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *text = read_fixture (fixtures[i]);
      g_autoptr(ParcoursDocument) document = import_or_fail (text);
      g_autofree char *exported = export_and_check_stable (document);

      g_assert_cmpstr (exported, ==, text);
    }
}

static void
test_roundtrip_cafe_mapping (void)
{
  g_autofree char *text = read_fixture ("cafe.canonical.mmd");
  g_autoptr(ParcoursDocument) document = import_or_fail (text);
  g_autofree char *described = describe (document);

  g_assert_cmpstr (described, ==,
                   "title [Café visit: a Saturday]\n"
                   "description [How a regular orders,\npays and leaves.\nWritten by Parcours.]\n"
                   "kind 0\n"
                   "persona [Léa]\n"
                   "persona [Tom]\n"
                   "persona [Smith, Anna: CEO]\n"
                   "stage []\n"
                   "stage [Order]\n"
                   "stage [Later]\n"
                   "stage [Pay]\n"
                   "lane 0 [Touchpoints] -\n"
                   "lane 3 [Léa] P0\n"
                   "lane 3 [Tom] P1\n"
                   "lane 3 [Smith, Anna: CEO] P2\n"
                   "lane 3 [Emotions] -\n"
                   "card L0 S0 [Walk in]\n"
                   "card L0 S0 [Queue\nat the counter]\n"
                   "card L0 S1 [Choose #1 or #2]\n"
                   "card L0 S1 [Ask: oat milk; please]\n"
                   "card L0 S1 [Wait]\n"
                   "card L0 S1 [Wait]\n"
                   "card L0 S3 [Card payment]\n"
                   "point L4 S0 0.250000 0.000 [Walk in]\n"
                   "point L1 S0 0.750000 -0.500 [Queue\nat the counter]\n"
                   "point L2 S0 0.750000 -0.500 [Queue\nat the counter]\n"
                   "point L2 S1 0.125000 0.500 [Choose #1 or #2]\n"
                   "point L1 S1 0.125000 0.500 [Choose #1 or #2]\n"
                   "point L1 S1 0.375000 0.000 [Ask: oat milk; please]\n"
                   "point L4 S1 0.625000 -1.000 [Wait]\n"
                   "point L2 S1 0.875000 -0.500 [Wait]\n"
                   "point L3 S3 0.500000 1.000 [Card payment]\n"
                   "point L2 S3 0.500000 1.000 [Card payment]\n");
}

static void
test_roundtrip_normalise (void)
{
  g_autofree char *text = read_fixture ("working-day.mmd");
  g_autofree char *canonical = read_fixture ("working-day.canonical.mmd");
  g_autoptr(ParcoursDocument) document = import_or_fail (text);
  g_autoptr(ParcoursDocument) plain = import_or_fail (working_day);
  g_autofree char *exported = export_and_check_stable (document);
  g_autofree char *described = describe (document);
  g_autofree char *plain_described = describe (plain);

  g_assert_cmpstr (exported, ==, canonical);
  g_assert_cmpstr (described, ==, plain_described);
}

static void
test_roundtrip_document (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stable = NULL;

  /* Ben's lane comes first, but Anna speaks first: personas are read back
   * in order of first appearance, and each task keeps its actors' order. */
  parcours_document_set_title (document, "Renting a flat");
  parcours_document_set_description (document, "One line");
  insert_or_fail (document, parcours_persona_new ("anna", "Anna"));
  insert_or_fail (document, parcours_persona_new ("ben", "Ben"));
  insert_or_fail (document, parcours_stage_new ("s1", "Search"));
  insert_or_fail (document, parcours_stage_new ("s2", "Visit"));
  insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  insert_or_fail (document, make_persona_lane ("feel-ben", "ben"));
  insert_or_fail (document, make_persona_lane ("feel-anna", "anna"));
  insert_or_fail (document, parcours_card_new ("c1", "touch", "s1", "Browse ads"));
  insert_or_fail (document, parcours_card_new ("c2", "touch", "s1", "Call agent"));
  insert_or_fail (document, parcours_card_new ("c3", "touch", "s2", "Tour"));
  insert_or_fail (document, make_point ("feel-anna", "s1", 0.25, 0.5, "Browse ads"));
  insert_or_fail (document, make_point ("feel-ben", "s1", 0.75, -1.0, "Call agent"));
  insert_or_fail (document, make_point ("feel-anna", "s1", 0.75, -0.5, "Call agent"));
  insert_or_fail (document, make_point ("feel-ben", "s2", 0.5, 1.0, "Tour"));

  text = export_and_check_stable (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Renting a flat\n"
                   "  accDescr: One line\n"
                   "  section Search\n"
                   "    Browse ads: 4: Anna\n"
                   "    Call agent: 1: Ben, Anna\n"
                   "  section Visit\n"
                   "    Tour: 5: Ben\n");

  again = import_or_fail (text);
  g_assert_cmpuint (count (parcours_document_get_personas (again)), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (nth (parcours_document_get_personas (again), 0)),
                   ==, "Anna");
  g_assert_cmpstr (parcours_lane_get_name (nth (parcours_document_get_lanes (again), 1)),
                   ==, "Anna");

  stable = export_and_check_stable (again);
  g_assert_cmpstr (stable, ==, text);
}

/* A task named by a lone U+FEFF, which JavaScript's trim() and the
 * reader take for white space, is written as an entity code and comes
 * back (found by the naughty-strings test). */
static void
test_roundtrip_invisible_name (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) again = NULL;
  g_autofree char *text = NULL;

  insert_or_fail (document, parcours_stage_new ("s1", "Search"));
  insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  insert_or_fail (document, parcours_card_new ("c1", "touch", "s1", "\xef\xbb\xbf"));

  text = parcours_mermaid_export (document);
  g_assert_nonnull (strstr (text, "#65279;"));
  again = import_or_fail (text);
  g_assert_cmpstr (parcours_card_get_text (nth (parcours_document_get_cards (again), 0)), ==, "\xef\xbb\xbf");
}

static void
test_roundtrip_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mermaid",
                                                 "working-day.mmd", NULL);
  g_autofree char *canonical = read_fixture ("working-day.canonical.mmd");
  g_autofree char *tmpdir = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) none = NULL;

  document = parcours_mermaid_import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  tmpdir = g_dir_make_tmp ("test-mermaid-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (tmpdir, "out.mmd", NULL);
  out_file = g_file_new_for_path (out_path);

  g_assert_true (parcours_mermaid_export_file (document, out_file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  /* The text, then the map in comment lines. */
  g_assert_true (g_str_has_prefix (written, canonical));
  g_assert_true (g_str_has_prefix (written + strlen (canonical), "%% Parcours: "));

  missing = g_file_get_child (out_file, "nowhere.mmd");
  none = parcours_mermaid_import_file (missing, NULL, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_false (error->domain == PARCOURS_FORMAT_ERROR);

  g_unlink (out_path);
  g_rmdir (tmpdir);
}

/* Lossless round trips through the comment lines */

static GBytes *
save_or_fail (ParcoursDocument *document)
{
  GBytes *bytes = parcours_format_save_bytes (document);

  g_assert_nonnull (bytes);
  return bytes;
}

static char *
export_full_or_fail (ParcoursDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *text = parcours_mermaid_export_full (document, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* .parcours → .mmd → .parcours gives the same bytes, for maps that use
 * every field with texts full of Mermaid syntax; and the Mermaid part is
 * the plain export. */
static void
test_lossless_generated (void)
{
  guint n_maps = g_getenv ("PARCOURS_TEST_QUICK") != NULL ? 20 : 200;

  for (guint seed = 0; seed < n_maps; seed++)
    {
      g_autoptr(ParcoursDocument) document = parcours_test_make_rich_map (seed);
      g_autoptr(GBytes) saved = save_or_fail (document);
      g_autofree char *text = export_full_or_fail (document);
      g_autofree char *plain = export_plain (document);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) again = NULL;
      g_autoptr(GBytes) saved_again = NULL;

      g_assert_true (g_str_has_prefix (text, plain));

      again = parcours_mermaid_import_full (text, -1, warnings, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_cmpuint (warnings->len, ==, 0);

      saved_again = save_or_fail (again);
      if (!g_bytes_equal (saved, saved_again))
        g_error ("map %u changed on its way through Mermaid:\n%s\n---\n%.*s", seed, text,
                 (int) g_bytes_get_size (saved_again),
                 (const char *) g_bytes_get_data (saved_again, NULL));
    }
}

/* The rich map of the tests, as written with its comment lines: the
 * visible part (up to the comment lines) and the rest. */
static void
split_export (ParcoursDocument  *document,
              char             **visible,
              char             **hidden)
{
  g_autofree char *text = export_full_or_fail (document);
  const char *marker = strstr (text, "%% Parcours:");

  g_assert_nonnull (marker);
  *visible = g_strndup (text, marker - text);
  *hidden = g_strdup (marker);
}

static ParcoursDocument *
import_with_warnings (const char *text,
                      GPtrArray  *warnings)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_mermaid_import_full (text, -1, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static ParcoursCard *
find_card (ParcoursDocument *document,
           const char       *text)
{
  GListModel *cards = parcours_document_get_cards (document);

  for (guint i = 0; i < count (cards); i++)
    {
      ParcoursCard *card = nth (cards, i);

      if (g_strcmp0 (parcours_card_get_text (card), text) == 0)
        return card;
    }
  return NULL;
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (to, parts);
}

/* Edits of the Mermaid text in another editor: what is visible wins, the
 * hidden data of a task whose line changed is dropped, never given to
 * another task. */
static void
test_lossless_visible_wins (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autofree char *visible = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;
  g_autofree char *step4 = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) again = NULL;
  ParcoursCard *original;
  ParcoursCard *card;
  GListModel *stages;

  /* What the text cannot show of the unchanged lines stays. */
  parcours_document_set_description (document, "First order\n\nof a busy parent");
  parcours_document_set_unknown_json (document, "{\"x-myapp-notes\":[1,2]}");

  split_export (document, &visible, &hidden);

  /* Renamed, removed, added, moved to another section; a section
   * renamed. */
  step1 = replace (visible, "    Comparison site:", "    Price comparison site:");
  step2 = replace (step1, "    A colleague mentions the app at lunch: ", "    ZZZ removed: ");
  step3 = replace (step2, "  section Consideration\n", "  section Thinking it over\n    A new task: 2: Anna Keller, Zoé\n");
  {
    g_autoptr(GRegex) removed = g_regex_new ("\n    ZZZ removed: [^\n]*", 0, 0, NULL);

    step4 = g_regex_replace_literal (removed, step3, -1, 0, "", 0, NULL);
  }
  {
    /* The first task of the map goes to the last section. */
    g_autoptr(GRegex) first = g_regex_new ("\n(    Instagram ad[^\n]*)", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *line = NULL;
    g_autofree char *without = NULL;

    g_assert_true (g_regex_match (first, step4, 0, &match));
    line = g_match_info_fetch (match, 1);
    without = g_regex_replace_literal (first, step4, -1, 0, "", 0, NULL);
    edited = g_strconcat (without, line, "\n", hidden, NULL);
  }

  again = import_with_warnings (edited, warnings);

  /* Two lines no longer match what Parcours wrote: the renamed and the
   * removed task. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "2 tasks Parcours wrote were changed or removed"));

  g_assert_null (find_card (again, "Comparison site"));
  g_assert_null (find_card (again, "A colleague mentions the app at lunch"));
  card = find_card (again, "Price comparison site");
  g_assert_nonnull (card);
  /* A new card: the data of the old one is not given to it. */
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_NONE);
  g_assert_null (parcours_document_lookup_card (again, parcours_element_get_id (PARCOURS_ELEMENT (find_card (document, "Comparison site")))));

  card = find_card (again, "A new task");
  g_assert_nonnull (card);
  g_assert_cmpstr (parcours_stage_get_name (parcours_document_lookup_stage (again, parcours_card_get_stage_id (card))),
                   ==, "Thinking it over");

  /* Moved, with its id, channel and sentiment. */
  original = find_card (document, "Instagram ad with a 20% first-order coupon");
  card = find_card (again, "Instagram ad with a 20% first-order coupon");
  g_assert_nonnull (card);
  g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (card)), ==,
                   parcours_element_get_id (PARCOURS_ELEMENT (original)));
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_SOCIAL_MEDIA);
  stages = parcours_document_get_stages (again);
  g_assert_cmpstr (parcours_card_get_stage_id (card), ==,
                   parcours_element_get_id (nth (stages, count (stages) - 1)));

  /* The renamed section keeps its id; the lanes other than touchpoints
   * are all still there. */
  g_assert_cmpstr (parcours_stage_get_name (parcours_document_lookup_stage (again, "consider")), ==, "Thinking it over");
  g_assert_cmpuint (count (parcours_document_get_lanes (again)), >=, count (parcours_document_get_lanes (document)));
  g_assert_cmpuint (count (parcours_document_get_personas (again)), ==, count (parcours_document_get_personas (document)) + 1);

  g_assert_cmpstr (parcours_document_get_description (again), ==, "First order\n\nof a busy parent");
  g_assert_cmpstr (parcours_document_get_unknown_json (again), ==, "{\"x-myapp-notes\":[1,2]}");

  /* And it writes the text as edited. */
  {
    g_autofree char *written = export_plain (again);
    g_autofree char *expected = NULL;
    const char *marker = strstr (edited, "%% Parcours:");

    expected = g_strndup (edited, marker - edited);
    g_assert_cmpstr (written, ==, expected);
  }
}

/* A section removed in the text takes its cards of every lane with it,
 * with a warning; hidden data that does not parse is a warning too. */
static void
test_lossless_removed_section (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autofree char *visible = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *without_section = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) broken_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) again = NULL;
  g_autoptr(ParcoursDocument) from_text = NULL;
  g_autoptr(GRegex) section = g_regex_new ("  section Delivery\n(    [^\n]*\n)*", 0, 0, NULL);

  split_export (document, &visible, &hidden);
  without_section = g_regex_replace_literal (section, visible, -1, 0, "", 0, NULL);
  g_assert_cmpstr (without_section, !=, visible);
  edited = g_strconcat (without_section, hidden, NULL);

  again = import_with_warnings (edited, warnings);
  g_assert_null (parcours_document_lookup_stage (again, "deliver"));
  for (guint i = 0; i < count (parcours_document_get_cards (again)); i++)
    g_assert_cmpstr (parcours_card_get_stage_id (nth (parcours_document_get_cards (again), i)), !=, "deliver");
  g_assert_cmpuint (warnings->len, >=, 1);
  g_assert_true (g_strstr_len (g_ptr_array_index (warnings, warnings->len - 1), -1,
                               "section “Delivery” is no longer in the Mermaid text") != NULL);

  /* A task moved out of a section that is then removed stays. */
  {
    g_autoptr(GPtrArray) moved_warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(ParcoursDocument) moved = NULL;
    g_autoptr(GRegex) task = g_regex_new ("\n(    Driver at the door[^\n]*)", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *line = NULL;
    g_autofree char *without = NULL;
    g_autofree char *text = NULL;
    ParcoursCard *original = find_card (document, "Driver at the door");
    ParcoursCard *card;

    g_assert_nonnull (original);
    g_assert_true (g_regex_match (task, visible, 0, &match));
    line = g_match_info_fetch (match, 1);
    without = g_regex_replace_literal (section, visible, -1, 0, "", 0, NULL);
    text = g_strconcat (without, line, "\n", hidden, NULL);
    moved = import_with_warnings (text, moved_warnings);
    card = find_card (moved, "Driver at the door");
    g_assert_nonnull (card);
    g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (card)), ==,
                     parcours_element_get_id (PARCOURS_ELEMENT (original)));
    g_assert_null (parcours_document_lookup_stage (moved, "deliver"));
  }

  broken = g_strconcat (visible, "%% Parcours: x\n%%| {\"format\": \n", NULL);
  from_text = import_with_warnings (broken, broken_warnings);
  g_assert_cmpuint (broken_warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (broken_warnings, 0),
                                   "the map Parcours kept in the %% lines could not be read"));
  g_assert_cmpuint (count (parcours_document_get_stages (from_text)), ==,
                    count (parcours_document_get_stages (document)));
}

/* A plain export says what it leaves out, one line per kind. */
static void
test_export_plain_warnings (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;

  text = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN, warnings, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "%%"));
  g_ptr_array_add (warnings, NULL);
  joined = g_strjoinv ("\n", (char **) warnings->pdata);
  g_test_message ("%s", joined);
  g_assert_nonnull (strstr (joined, "5 lanes other than touchpoints and emotions are not in Mermaid"));
  g_assert_nonnull (strstr (joined, "cards of those lanes are not in Mermaid"));
  g_assert_nonnull (strstr (joined, "emotion points are not in Mermaid, which spreads tasks evenly"));
  g_assert_nonnull (strstr (joined, "personas are not in Mermaid"));

  /* With its comment lines, nothing is lost and nothing said. */
  g_ptr_array_set_size (warnings, 0);
  g_clear_pointer (&text, g_free);
  text = parcours_mermaid_export_full (document, 0, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Issue 11: a card text over 64 KiB reopens; a line past what Parcours
 * reads is refused with a message, never written. */
static void
test_export_long_lines (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) huge = parcours_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (PARCOURS_FORMAT_MAX_STRING_SIZE - 1, ';');
  g_autofree char *text = NULL;
  g_autoptr(ParcoursDocument) again = NULL;
  g_autofree char *name = g_strnfill (PARCOURS_FORMAT_MAX_STRING_SIZE - 8, ',');

  insert_or_fail (document, parcours_stage_new ("s", "S"));
  insert_or_fail (document, parcours_lane_new ("t", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  insert_or_fail (document, parcours_card_new ("c", "t", "s", long_text));
  text = export_plain (document);
  again = import_or_fail (text);
  g_assert_cmpstr (parcours_card_get_text (nth (parcours_document_get_cards (again), 0)), ==, long_text);

  /* 3 actors of 1 MiB on one task, each `,` written `#44;`: 12 MiB. */
  insert_or_fail (huge, parcours_stage_new ("s", "S"));
  insert_or_fail (huge, parcours_lane_new ("t", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  insert_or_fail (huge, parcours_card_new ("c", "t", "s", "Task"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *lane = g_strdup_printf ("l%u", i);
      g_autofree char *unique = g_strdup_printf ("%u%s", i, name);

      insert_or_fail (huge, parcours_persona_new (id, unique));
      insert_or_fail (huge, make_persona_lane (lane, id));
      insert_or_fail (huge, make_point (lane, "s", 0.5, 0.0, "Task"));
    }
  g_clear_pointer (&text, g_free);
  text = parcours_mermaid_export_full (huge, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 3 of the Mermaid text would be longer than"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid/parse/mapping", test_parse_mapping);
  g_test_add_func ("/mermaid/roundtrip/invisible-name", test_roundtrip_invisible_name);
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
  g_test_add_func ("/mermaid/errors/header", test_errors_header);
  g_test_add_func ("/mermaid/errors/task", test_errors_task);
  g_test_add_func ("/mermaid/parse/scores-as-numbers", test_parse_scores_as_numbers);
  g_test_add_func ("/mermaid/errors/acc-descr-block", test_errors_acc_descr_block);
  g_test_add_func ("/mermaid/parse/after-acc-descr-block", test_parse_after_acc_descr_block);
  g_test_add_func ("/mermaid/errors/utf8", test_errors_utf8);
  g_test_add_func ("/mermaid/errors/hostile-line", test_errors_hostile_line);
  g_test_add_func ("/mermaid/errors/hostile-tasks", test_errors_hostile_tasks);
  g_test_add_func ("/mermaid/errors/hostile-counts", test_errors_hostile_counts);
  g_test_add_func ("/mermaid/errors/not-reopenable", test_errors_not_reopenable);
  g_test_add_func ("/mermaid/errors/hostile-text", test_errors_hostile_text);
  g_test_add_func ("/mermaid/export/model", test_export_model);
  g_test_add_func ("/mermaid/export/actor-names", test_export_actor_names);
  g_test_add_func ("/mermaid/export/matching", test_export_matching);
  g_test_add_func ("/mermaid/export/scores", test_export_scores);
  g_test_add_func ("/mermaid/export/escaping", test_export_escaping);
  g_test_add_func ("/mermaid/export/empty", test_export_empty);
  g_test_add_func ("/mermaid/roundtrip/canonical", test_roundtrip_canonical);
  g_test_add_func ("/mermaid/roundtrip/cafe-mapping", test_roundtrip_cafe_mapping);
  g_test_add_func ("/mermaid/roundtrip/normalise", test_roundtrip_normalise);
  g_test_add_func ("/mermaid/roundtrip/document", test_roundtrip_document);
  g_test_add_func ("/mermaid/roundtrip/file", test_roundtrip_file);
  g_test_add_func ("/mermaid/lossless/generated-maps", test_lossless_generated);
  g_test_add_func ("/mermaid/lossless/visible-part-wins", test_lossless_visible_wins);
  g_test_add_func ("/mermaid/lossless/removed-section", test_lossless_removed_section);
  g_test_add_func ("/mermaid/export/plain-says-what-it-loses", test_export_plain_warnings);
  g_test_add_func ("/mermaid/export/long-lines", test_export_long_lines);

  return g_test_run ();
}
