/* test-csv-export.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-test-utils.h"

/* CSV: what a map exports as. */

static void
test_export_basic (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_csv_map ();

  parcours_test_assert_csv_export (document, CSV_MAP_TEXT);
}

static void
test_export_empty (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  parcours_test_assert_csv_export (document,
                                   "stage,lane,kind,text,channel,sentiment,emotion,details\r\n");

  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_NOTES, "Notes"));
  parcours_test_assert_csv_export (document, CSV_HEADER);
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
  g_autoptr(GString) expected = g_string_new (CSV_HEADER);

  parcours_test_add (document, parcours_stage_new ("s1", "Q, and A"));
  parcours_test_add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_NOTES, "\"Notes\""));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      parcours_test_add (document, parcours_test_csv_card (NULL, "l1", "s1", texts[i][0],
                                                           PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL,
                                                           texts[i][0]));
      g_string_append_printf (expected, "\"Q, and A\",\"\"\"Notes\"\"\",notes,%s,,neutral,,%s\r\n",
                              texts[i][1], texts[i][1]);
    }

  parcours_test_assert_csv_export (document, expected->str);
  g_object_unref (parcours_test_csv_round_trip (document));
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
  g_autoptr(GString) expected = g_string_new (CSV_HEADER);

  parcours_test_add (document, parcours_stage_new ("s1", "=Stage"));
  parcours_test_add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_ACTIONS, "@Lane"));
  parcours_test_add (document, parcours_lane_new ("l2", PARCOURS_LANE_KIND_EMOTIONS, "-Curve"));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      parcours_test_add (document, parcours_test_csv_card (NULL, "l1", "s1", texts[i][0],
                                                           PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL,
                                                           texts[i][0]));
      g_string_append_printf (expected, "'=Stage,'@Lane,actions,%s,,neutral,,%s\r\n",
                              texts[i][1], texts[i][1]);
    }

  /* A level is a number, never neutralised. */
  parcours_test_add (document, parcours_test_csv_point (NULL, "l2", "s1", 0.5, -1.0, "-worst"));
  g_string_append (expected, "'=Stage,'-Curve,emotions,'-worst,,,-2,\r\n");

  parcours_test_assert_csv_export (document, expected->str);
  g_object_unref (parcours_test_csv_round_trip (document));
}

static void
test_export_emotions (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  /* Stage A has only emotion points, B only cards: rows keep the stage
   * order. Points come in offset order, levels are rounded. */
  parcours_test_add (document, parcours_stage_new ("a", "A"));
  parcours_test_add (document, parcours_stage_new ("b", "B"));
  parcours_test_add (document, parcours_lane_new ("top", PARCOURS_LANE_KIND_ACTIONS, "Top"));
  parcours_test_add (document, parcours_lane_new ("curve", PARCOURS_LANE_KIND_EMOTIONS, ""));
  parcours_test_add (document, parcours_lane_new ("bottom", PARCOURS_LANE_KIND_NOTES, "Bottom"));
  parcours_test_add (document, parcours_test_csv_card ("c1", "bottom", "b", "Note",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_card ("c2", "top", "b", "Act",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_point ("p1", "curve", "a", 0.9, 0.74, "late"));
  parcours_test_add (document, parcours_test_csv_point ("p2", "curve", "a", 0.1, -0.76, "early"));
  parcours_test_add (document, parcours_test_csv_point ("p3", "curve", "b", 0.5, 0.24, "middle"));
  parcours_test_add (document, parcours_test_csv_point ("p4", "curve", "a", 0.5, 0.0, "mid"));

  parcours_test_assert_csv_export (document,
                                   CSV_HEADER
                                   "A,Emotions,emotions,early,,,-2,\r\n"
                                   "A,Emotions,emotions,mid,,,0,\r\n"
                                   "A,Emotions,emotions,late,,,1,\r\n"
                                   "B,Top,actions,Act,,neutral,,\r\n"
                                   "B,Emotions,emotions,middle,,,0,\r\n"
                                   "B,Bottom,notes,Note,,neutral,,\r\n");
  g_object_unref (parcours_test_csv_round_trip (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/export/basic", test_export_basic);
  g_test_add_func ("/csv/export/empty", test_export_empty);
  g_test_add_func ("/csv/export/quoting", test_export_quoting);
  g_test_add_func ("/csv/export/formula", test_export_formula);
  g_test_add_func ("/csv/export/emotions", test_export_emotions);

  return g_test_run ();
}
