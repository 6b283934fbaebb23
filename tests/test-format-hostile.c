/* test-format-hostile.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"

/* The native format under hostile input: refused cleanly, never a crash. */

static char *
nest (const char *open,
      guint       depth)
{
  GString *text = g_string_sized_new (strlen (open) * depth);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);

  return g_string_free (text, FALSE);
}

static void
test_hostile_deep_arrays (void)
{
  g_autofree char *text = nest ("[", 200000);

  parcours_test_assert_load_error (text, PARCOURS_FORMAT_ERROR_TOO_DEEP,
                                   "1:65: nested deeper than 64 levels");
}

static void
test_hostile_deep_objects (void)
{
  g_autofree char *text = nest ("{\"a\":", 200000);

  parcours_test_assert_load_error (text, PARCOURS_FORMAT_ERROR_TOO_DEEP,
                                   "1:321: nested deeper than 64 levels");
}

/* As deep as allowed, inside a member kept for a newer version. */
static void
test_hostile_deepest_allowed (void)
{
  g_autofree char *open = nest ("[", PARCOURS_FORMAT_MAX_DEPTH - 3);
  g_autofree char *close = nest ("]", PARCOURS_FORMAT_MAX_DEPTH - 3);
  g_autofree char *card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                           "\"x\": %s%s}", open, close);
  g_autofree char *text = parcours_test_make_map (MAP_PERSONAS, MAP_STAGES, MAP_LANES, card,
                                                  MAP_POINTS);
  g_autoptr(ParcoursDocument) document = parcours_test_load_text_ok (text);
  g_autofree char *saved = parcours_test_assert_round_trip (document);
  g_autofree char *deeper = NULL;
  g_autofree char *deeper_card = NULL;

  g_free (open);
  g_free (close);
  open = nest ("[", PARCOURS_FORMAT_MAX_DEPTH - 2);
  close = nest ("]", PARCOURS_FORMAT_MAX_DEPTH - 2);
  deeper_card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                 "\"x\": %s%s}", open, close);
  deeper = parcours_test_make_map (MAP_PERSONAS, MAP_STAGES, MAP_LANES, deeper_card, MAP_POINTS);
  g_clear_object (&document);
  document = parcours_test_load_text (deeper, NULL);
  g_assert_null (document);
}

static void
test_hostile_huge_string (void)
{
  g_autofree char *huge = parcours_test_make_string (10 * 1024 * 1024, 'a');
  g_autofree char *card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                           "\"text\": \"%s\"}", huge);

  parcours_test_assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                   "cards[0].text: longer than 1048576 bytes");
}

/* Every prefix of a file fails cleanly, but for the whole file and the
 * file without its final newline. */
static void
test_hostile_truncated (void)
{
  gsize length = strlen (parcours_test_full_map_text);

  for (gsize i = 0; i <= length; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (parcours_test_full_map_text, i);
      g_autoptr(ParcoursDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = parcours_format_load_bytes (bytes, &error);
      if (i >= length - 1)
        {
          g_assert_no_error (error);
          g_assert_nonnull (document);
        }
      else
        {
          g_assert_null (document);
          g_assert_nonnull (error);
          g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
        }
    }
}

/* Random damage: load fails cleanly, or what loads saves stably. */
static void
test_hostile_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gsize length = strlen (parcours_test_full_map_text);
  static const char interesting[] = "{}[]\",:\\0123456789.eE+-tfnu \n\x80\xff";

  for (guint round = 0; round < 3000; round++)
    {
      g_autofree char *text = g_memdup2 (parcours_test_full_map_text, length + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ParcoursDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      guint n_changes = g_rand_int_range (rand, 1, 4);

      for (guint i = 0; i < n_changes; i++)
        {
          gsize at = g_rand_int_range (rand, 0, length);

          if (g_rand_boolean (rand))
            text[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
          else
            text[at] = (char) g_rand_int_range (rand, 1, 256);
        }

      bytes = g_bytes_new (text, length);
      document = parcours_format_load_bytes (bytes, &error);
      if (document == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
        }
      else
        {
          g_autofree char *saved = parcours_test_assert_round_trip (document);
        }
    }
}

static void
test_hostile_huge_counts (void)
{
  g_autofree char *cards = parcours_test_repeat ("{\"id\":\"c",
                                                 "\",\"lane\":\"l1\",\"stage\":\"s1\"}",
                                                 PARCOURS_FORMAT_MAX_CARDS + 1);
  g_autofree char *points =
    parcours_test_repeat ("{\"id\":\"e", "\",\"lane\":\"l2\",\"stage\":\"s1\",\"value\":0}",
                          PARCOURS_FORMAT_MAX_EMOTION_POINTS + 1);
  g_autofree char *zeros = NULL;
  g_autofree char *message = NULL;
  GString *text;

  parcours_test_assert_map_error (MAP_PERSONAS, MAP_STAGES, MAP_LANES, cards, MAP_POINTS,
                                  PARCOURS_FORMAT_ERROR_TOO_LARGE, "cards: more than 200000 items");
  parcours_test_assert_map_error (MAP_PERSONAS, MAP_STAGES, MAP_LANES, MAP_CARDS, points,
                                  PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                  "emotion-points: more than 100000 items");

  /* More values than any map has: refused before json-glib builds them. */
  text = g_string_new ("[");
  for (guint i = 0; i < PARCOURS_FORMAT_MAX_VALUES; i++)
    g_string_append (text, "0,");
  g_string_append (text, "0]");
  zeros = g_string_free (text, FALSE);
  message = g_strdup_printf ("1:%u: more than %u values",
                             2 * PARCOURS_FORMAT_MAX_VALUES, PARCOURS_FORMAT_MAX_VALUES);
  parcours_test_assert_load_error (zeros, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/hostile/deep-arrays", test_hostile_deep_arrays);
  g_test_add_func ("/format/hostile/deep-objects", test_hostile_deep_objects);
  g_test_add_func ("/format/hostile/deepest-allowed", test_hostile_deepest_allowed);
  g_test_add_func ("/format/hostile/huge-string", test_hostile_huge_string);
  g_test_add_func ("/format/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/format/hostile/mutations", test_hostile_mutations);
  g_test_add_func ("/format/hostile/huge-counts", test_hostile_huge_counts);

  return g_test_run ();
}
