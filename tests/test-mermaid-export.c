/* test-mermaid-export.c
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

/* Mermaid journeys: what a map exports as. */

static void
test_export_model (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;
  g_autofree char *stable = NULL;
  ParcoursLane *anonymous;

  parcours_document_set_title (document, "Onboarding");
  parcours_document_set_description (document, "  How new users\r\n   get started  \n");
  parcours_test_add (document, parcours_persona_new ("anna", "Anna"));
  parcours_test_add (document, parcours_persona_new ("ben", "Ben"));
  parcours_test_add (document, parcours_stage_new ("signup", "Sign up"));
  parcours_test_add (document, parcours_stage_new ("first", " First use "));
  parcours_test_add (document, parcours_stage_new ("later", "Later"));
  parcours_test_add (document, parcours_lane_new ("actions", PARCOURS_LANE_KIND_ACTIONS,
                                                  "Actions"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Web"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-anna", "anna"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-ben", "ben"));
  anonymous = parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Mood");
  parcours_test_add (document, anonymous);
  parcours_test_add (document, parcours_lane_new ("store", PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                  "Store"));

  /* Cards of the actions lane are not tasks; those of both touchpoints
   * lanes are, in document order. */
  parcours_test_add (document, parcours_card_new ("a1", "actions", "signup", "Types an email"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "signup", "Landing page"));
  parcours_test_add (document, parcours_card_new ("c2", "store", "signup", "Leaflet"));
  parcours_test_add (document, parcours_card_new ("c3", "touch", "signup", "Form"));
  parcours_test_add (document, parcours_card_new ("c4", "touch", "first", "Tour"));
  parcours_test_add (document, parcours_card_new ("c5", "touch", "first", "Help"));

  /* Sign up: the Landing page (slot 0) delights Anna; Ben then Anna
   * score the Form (slot 2), Ben first. */
  parcours_test_add (document, parcours_test_make_point ("feel-anna", "signup", 0.1, 1.0, NULL));
  parcours_test_add (document, parcours_test_make_point ("feel-ben", "signup", 0.9, -0.5, ""));
  parcours_test_add (document, parcours_test_make_point ("feel-anna", "signup", 0.8, -1.0,
                                                         "Whatever"));
  /* First use: the anonymous lane scores the Tour 0.3 (→ 4) and, as no
   * persona does, gives it no actors. Help has no point: 3. */
  parcours_test_add (document, parcours_test_make_point ("feel", "first", 0.25, 0.3, NULL));
  /* Later has no cards, so its points cannot be written. */
  parcours_test_add (document, parcours_test_make_point ("feel-anna", "later", 0.5, 1.0, "Lost"));

  text = parcours_test_mermaid_plain (document);
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
  text = parcours_test_mermaid_plain (document);
  g_assert_nonnull (strstr (text, "    Form: 2: Benjamin, Anna\n"));

  stable = parcours_test_mermaid_round_trip (document);
  g_assert_cmpstr (stable, ==, text);
}

static void
test_export_actor_names (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;

  parcours_test_add (document, parcours_persona_new ("anna", "Anna"));
  parcours_test_add (document, parcours_persona_new ("ben", "Ben"));
  parcours_test_add (document, parcours_persona_new ("twin", "Anna"));
  parcours_test_add (document, parcours_stage_new ("s", "S"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-anna", "anna"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-ben", "ben"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-twin", "twin"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-gone", "no-such-persona"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s", "Pay"));

  /* Ben is first in document order; the second "Anna" is the same actor
   * in Mermaid; a lane whose persona is gone counts as anonymous. */
  parcours_test_add (document, parcours_test_make_point ("feel-gone", "s", 0.5, -1.0, "Pay"));
  parcours_test_add (document, parcours_test_make_point ("feel-ben", "s", 0.5, 0.5, "Pay"));
  parcours_test_add (document, parcours_test_make_point ("feel-twin", "s", 0.5, 1.0, "Pay"));
  parcours_test_add (document, parcours_test_make_point ("feel-anna", "s", 0.5, -0.5, "Pay"));

  text = parcours_test_mermaid_plain (document);
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
  parcours_test_add (document, parcours_persona_new ("me", "Me"));
  parcours_test_add (document, parcours_stage_new ("s", "Stage"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel", "me"));
  parcours_test_add (document, parcours_lane_new ("do", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  parcours_test_add (document, parcours_lane_new ("think", PARCOURS_LANE_KIND_THOUGHTS,
                                                  "Thoughts"));
  parcours_test_add (document, parcours_card_new ("t", "think", "s", "Not a task"));
  parcours_test_add (document, parcours_card_new ("a", "do", "s", "Wait"));
  parcours_test_add (document, parcours_card_new ("b", "do", "s", "Order"));
  parcours_test_add (document, parcours_card_new ("c", "do", "s", "Wait"));
  parcours_test_add (document, parcours_card_new ("d", "do", "s", "Eat"));

  /* The label wins over the offset: "Order" sits in the slot of Eat. */
  parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.9, 1.0, "Order"));
  /* Two points labelled "Wait": each takes the "Wait" card of its slot,
   * whatever their order. */
  parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.6, -1.0, "Wait"));
  parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.1, 0.24, "Wait"));
  /* Unlabelled points in the slot of Eat: the nearest to its middle
   * (0.875) wins, the other is not written. */
  parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.76, -0.5, NULL));
  parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.85, 0.25, NULL));
  parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.99, -1.0, NULL));

  text = parcours_test_mermaid_plain (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  section Stage\n"
                   "    Wait: 3.48: Me\n"
                   "    Order: 5: Me\n"
                   "    Wait: 1: Me\n"
                   "    Eat: 3.5: Me\n");

  stable = parcours_test_mermaid_round_trip (document);
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

      parcours_test_add (document, parcours_stage_new ("s", "S"));
      parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                      "T"));
      parcours_test_add (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "E"));
      parcours_test_add (document, parcours_card_new ("c", "touch", "s", "Task"));
      parcours_test_add (document, parcours_test_make_point ("feel", "s", 0.5, cases[i].value,
                                                             NULL));

      text = parcours_test_mermaid_plain (document);
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
    PARCOURS_TEST_ZWSP "hidden",
    "Title",
  };

  parcours_document_set_title (document, "Plan: A#1; B\nnext");
  parcours_document_set_description (document, "Braces {}\n%% not a comment\n  }");
  parcours_test_add (document, parcours_persona_new ("p", "Smith, Anna: CEO #1"));
  parcours_test_add (document, parcours_persona_new ("q", ""));
  parcours_test_add (document, parcours_stage_new ("s1", "  Phase: one; #1  "));
  parcours_test_add (document, parcours_stage_new ("s2", "   "));
  parcours_test_add (document, parcours_stage_new ("s3", "accDescr: not a keyword here"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-p", "p"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-q", "q"));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);

      parcours_test_add (document, parcours_card_new (id, "touch", "s1", texts[i]));
    }
  parcours_test_add (document, parcours_test_make_point ("feel-p", "s1",
                                                         0.5 / G_N_ELEMENTS (texts), 1.0, NULL));
  parcours_test_add (document, parcours_test_make_point ("feel-q", "s1",
                                                         0.5 / G_N_ELEMENTS (texts), 1.0, NULL));
  parcours_test_add (document, parcours_card_new ("x", "touch", "s2", "In the nameless stage"));

  text = parcours_test_mermaid_plain (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Plan: A#35;1#59; B<br>next\n"
                   "  accDescr {\n"
                   "    Braces {#125;\n"
                   "    #37;% not a comment\n"
                   "    #125;\n"
                   "  }\n"
                   "  section Phase#58; one#59; #35;1\n"
                   "    Call #35;2#59; ask#58; why: 5: Smith#44; Anna#58; CEO #35;1, " PARCOURS_TEST_ZWSP "\n"
                   "    Line one<br>Line two<br>Line three: 3\n"
                   "    Padded: 3\n"
                   "    " PARCOURS_TEST_ZWSP "Title deed: 3\n"
                   "    " PARCOURS_TEST_ZWSP "section two: 3\n"
                   "    " PARCOURS_TEST_ZWSP "Journeyman: 3\n"
                   "    " PARCOURS_TEST_ZWSP "accTitle: 3\n"
                   "    " PARCOURS_TEST_ZWSP "accDescr {x}: 3\n"
                   "    #37;%done: 3\n"
                   "    a#37;%b: 3\n"
                   "    Write #60;br> or #60;BR/> as text: 3\n"
                   "    " PARCOURS_TEST_ZWSP ": 3\n"
                   "    " PARCOURS_TEST_ZWSP PARCOURS_TEST_ZWSP "hidden: 3\n"
                   "    Title: 3\n"
                   "  section " PARCOURS_TEST_ZWSP "\n"
                   "    In the nameless stage: 3\n"
                   "  section accDescr#58; not a keyword here\n");

  /* Entity codes (Mermaid shows them as the characters) come back as
   * the text they stand for. */
  again = parcours_test_mermaid_import (text);
  cards = parcours_document_get_cards (again);
  stages = parcours_document_get_stages (again);
  g_assert_cmpuint (parcours_test_count (cards), ==, G_N_ELEMENTS (texts) + 1);
  g_assert_cmpstr (parcours_document_get_title (again), ==, "Plan: A#1; B\nnext");
  g_assert_cmpstr (parcours_document_get_description (again), ==,
                   "Braces {}\n%% not a comment\n}");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 0)), ==, "Phase: one; #1");
  g_assert_cmpstr (parcours_stage_get_name (parcours_test_nth (stages, 1)), ==, "");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 0)), ==, texts[0]);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 1)), ==,
                   "Line one\nLine two\nLine three");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 2)), ==, "Padded");
  for (guint i = 3; i <= 7; i++)
    g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, i)), ==, texts[i]);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 11)), ==, "");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 12)), ==,
                   PARCOURS_TEST_ZWSP "hidden");
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (cards, 13)), ==, "Title");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_personas (again)), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (parcours_document_get_personas (again), 0)),
                   ==, "Smith, Anna: CEO #1");
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (parcours_document_get_personas (again), 1)),
                   ==, "");

  stable = parcours_test_mermaid_round_trip (document);
  g_assert_cmpstr (stable, ==, text);
}

static void
test_export_empty (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) nameless = parcours_document_new ();
  g_autofree char *text = NULL;
  g_autofree char *nameless_text = NULL;

  text = parcours_test_mermaid_round_trip (document);
  g_assert_cmpstr (text, ==, "journey\n");

  /* A first stage without name and without tasks needs its section line,
   * or it would be lost. */
  parcours_test_add (nameless, parcours_stage_new ("s", ""));
  parcours_test_add (nameless, parcours_stage_new ("t", "Next"));
  nameless_text = parcours_test_mermaid_round_trip (nameless);
  g_assert_cmpstr (nameless_text, ==,
                   "journey\n  section " PARCOURS_TEST_ZWSP "\n  section Next\n");
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
  g_assert_nonnull (strstr (joined,
                            "5 lanes other than touchpoints and emotions are not in Mermaid"));
  g_assert_nonnull (strstr (joined, "cards of those lanes are not in Mermaid"));
  g_assert_nonnull (strstr (joined,
                            "emotion points are not in Mermaid, which spreads tasks evenly"));
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

  parcours_test_add (document, parcours_stage_new ("s", "S"));
  parcours_test_add (document, parcours_lane_new ("t", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  parcours_test_add (document, parcours_card_new ("c", "t", "s", long_text));
  text = parcours_test_mermaid_plain (document);
  again = parcours_test_mermaid_import (text);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (parcours_document_get_cards (again),
                                                              0)), ==, long_text);

  /* 3 actors of 1 MiB on one task, each `,` written `#44;`: 12 MiB. */
  parcours_test_add (huge, parcours_stage_new ("s", "S"));
  parcours_test_add (huge, parcours_lane_new ("t", PARCOURS_LANE_KIND_TOUCHPOINTS, "T"));
  parcours_test_add (huge, parcours_card_new ("c", "t", "s", "Task"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *lane = g_strdup_printf ("l%u", i);
      g_autofree char *unique = g_strdup_printf ("%u%s", i, name);

      parcours_test_add (huge, parcours_persona_new (id, unique));
      parcours_test_add (huge, parcours_test_make_persona_lane (lane, id));
      parcours_test_add (huge, parcours_test_make_point (lane, "s", 0.5, 0.0, "Task"));
    }
  g_clear_pointer (&text, g_free);
  text = parcours_mermaid_export_full (huge, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Line 3 of the Mermaid text would be longer than"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid/export/model", test_export_model);
  g_test_add_func ("/mermaid/export/actor-names", test_export_actor_names);
  g_test_add_func ("/mermaid/export/matching", test_export_matching);
  g_test_add_func ("/mermaid/export/scores", test_export_scores);
  g_test_add_func ("/mermaid/export/escaping", test_export_escaping);
  g_test_add_func ("/mermaid/export/empty", test_export_empty);
  g_test_add_func ("/mermaid/export/plain-says-what-it-loses", test_export_plain_warnings);
  g_test_add_func ("/mermaid/export/long-lines", test_export_long_lines);

  return g_test_run ();
}
