/* test-mermaid-roundtrip.c
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

/* Mermaid journeys: round trips, and the map kept in comment lines. */

static void
test_roundtrip_canonical (void)
{
  static const char * const fixtures[] = {
    "working-day.canonical.mmd",
    "cafe.canonical.mmd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *text = parcours_test_read_fixture (fixtures[i]);
      g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (text);
      g_autofree char *exported = parcours_test_mermaid_round_trip (document);

      g_assert_cmpstr (exported, ==, text);
    }
}

static void
test_roundtrip_cafe_mapping (void)
{
  g_autofree char *text = parcours_test_read_fixture ("cafe.canonical.mmd");
  g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (text);
  g_autofree char *described = parcours_test_mermaid_describe (document);

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
  g_autofree char *text = parcours_test_read_fixture ("working-day.mmd");
  g_autofree char *canonical = parcours_test_read_fixture ("working-day.canonical.mmd");
  g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (text);
  g_autoptr(ParcoursDocument) plain =
      parcours_test_mermaid_import (parcours_test_mermaid_working_day);
  g_autofree char *exported = parcours_test_mermaid_round_trip (document);
  g_autofree char *described = parcours_test_mermaid_describe (document);
  g_autofree char *plain_described = parcours_test_mermaid_describe (plain);

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
  parcours_test_add (document, parcours_persona_new ("anna", "Anna"));
  parcours_test_add (document, parcours_persona_new ("ben", "Ben"));
  parcours_test_add (document, parcours_stage_new ("s1", "Search"));
  parcours_test_add (document, parcours_stage_new ("s2", "Visit"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                  "Touchpoints"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-ben", "ben"));
  parcours_test_add (document, parcours_test_make_persona_lane ("feel-anna", "anna"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "Browse ads"));
  parcours_test_add (document, parcours_card_new ("c2", "touch", "s1", "Call agent"));
  parcours_test_add (document, parcours_card_new ("c3", "touch", "s2", "Tour"));
  parcours_test_add (document, parcours_test_make_point ("feel-anna", "s1", 0.25, 0.5,
                                                         "Browse ads"));
  parcours_test_add (document, parcours_test_make_point ("feel-ben", "s1", 0.75, -1.0,
                                                         "Call agent"));
  parcours_test_add (document, parcours_test_make_point ("feel-anna", "s1", 0.75, -0.5,
                                                         "Call agent"));
  parcours_test_add (document, parcours_test_make_point ("feel-ben", "s2", 0.5, 1.0, "Tour"));

  text = parcours_test_mermaid_round_trip (document);
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "  title Renting a flat\n"
                   "  accDescr: One line\n"
                   "  section Search\n"
                   "    Browse ads: 4: Anna\n"
                   "    Call agent: 1: Ben, Anna\n"
                   "  section Visit\n"
                   "    Tour: 5: Ben\n");

  again = parcours_test_mermaid_import (text);
  g_assert_cmpuint (parcours_test_count (parcours_document_get_personas (again)), ==, 2);
  g_assert_cmpstr (parcours_persona_get_name (parcours_test_nth (parcours_document_get_personas (again), 0)),
                   ==, "Anna");
  g_assert_cmpstr (parcours_lane_get_name (parcours_test_nth (parcours_document_get_lanes (again),
                                                              1)),
                   ==, "Anna");

  stable = parcours_test_mermaid_round_trip (again);
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

  parcours_test_add (document, parcours_stage_new ("s1", "Search"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                  "Touchpoints"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "\xef\xbb\xbf"));

  text = parcours_mermaid_export (document);
  g_assert_nonnull (strstr (text, "#65279;"));
  again = parcours_test_mermaid_import (text);
  g_assert_cmpstr (parcours_card_get_text (parcours_test_nth (parcours_document_get_cards (again),
                                                              0)), ==, "\xef\xbb\xbf");
}

static void
test_roundtrip_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mermaid",
                                                 "working-day.mmd", NULL);
  g_autofree char *canonical = parcours_test_read_fixture ("working-day.canonical.mmd");
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
      g_autofree char *plain = parcours_test_mermaid_plain (document);
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

  for (guint i = 0; i < parcours_test_count (cards); i++)
    {
      ParcoursCard *card = parcours_test_nth (cards, i);

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
  step3 = replace (step2, "  section Consideration\n",
                   "  section Thinking it over\n    A new task: 2: Anna Keller, Zoé\n");
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
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0),
                                   "2 tasks Parcours wrote were changed or removed"));

  g_assert_null (find_card (again, "Comparison site"));
  g_assert_null (find_card (again, "A colleague mentions the app at lunch"));
  card = find_card (again, "Price comparison site");
  g_assert_nonnull (card);
  /* A new card: the data of the old one is not given to it. */
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_NONE);
  g_assert_null (parcours_document_lookup_card (again,
                                                parcours_element_get_id (PARCOURS_ELEMENT (find_card (document, "Comparison site")))));

  card = find_card (again, "A new task");
  g_assert_nonnull (card);
  g_assert_cmpstr (parcours_stage_get_name (parcours_document_lookup_stage (again,
                                                                            parcours_card_get_stage_id (card))),
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
                   parcours_element_get_id (parcours_test_nth (stages,
                                                               parcours_test_count (stages) - 1)));

  /* The renamed section keeps its id; the lanes other than touchpoints
   * are all still there. */
  g_assert_cmpstr (parcours_stage_get_name (parcours_document_lookup_stage (again, "consider")),
                   ==, "Thinking it over");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_lanes (again)), >=,
                    parcours_test_count (parcours_document_get_lanes (document)));
  g_assert_cmpuint (parcours_test_count (parcours_document_get_personas (again)), ==,
                    parcours_test_count (parcours_document_get_personas (document)) + 1);

  g_assert_cmpstr (parcours_document_get_description (again), ==,
                   "First order\n\nof a busy parent");
  g_assert_cmpstr (parcours_document_get_unknown_json (again), ==, "{\"x-myapp-notes\":[1,2]}");

  /* And it writes the text as edited. */
  {
    g_autofree char *written = parcours_test_mermaid_plain (again);
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
  for (guint i = 0; i < parcours_test_count (parcours_document_get_cards (again)); i++)
    g_assert_cmpstr (parcours_card_get_stage_id (parcours_test_nth (parcours_document_get_cards (again), i)), !=, "deliver");
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
  g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (from_text)), ==,
                    parcours_test_count (parcours_document_get_stages (document)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid/roundtrip/invisible-name", test_roundtrip_invisible_name);
  g_test_add_func ("/mermaid/roundtrip/canonical", test_roundtrip_canonical);
  g_test_add_func ("/mermaid/roundtrip/cafe-mapping", test_roundtrip_cafe_mapping);
  g_test_add_func ("/mermaid/roundtrip/normalise", test_roundtrip_normalise);
  g_test_add_func ("/mermaid/roundtrip/document", test_roundtrip_document);
  g_test_add_func ("/mermaid/roundtrip/file", test_roundtrip_file);
  g_test_add_func ("/mermaid/lossless/generated-maps", test_lossless_generated);
  g_test_add_func ("/mermaid/lossless/visible-part-wins", test_lossless_visible_wins);
  g_test_add_func ("/mermaid/lossless/removed-section", test_lossless_removed_section);

  return g_test_run ();
}
