/* test-canvas-clipboard.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include <gtk/gtk.h>

#include "parcours-cairo-renderer.h"
#include "parcours-canvas.h"
#include "parcours-clipboard.h"
#include "parcours-document-private.h"
#include "parcours-painter.h"
#include "parcours-format.h"
#include "parcours-interaction.h"
#include "parcours-palette.h"
#include "parcours-test-utils.h"
#include "parcours-viewport.h"

#include "parcours-test-utils.h"

/* Cards copied and pasted: what the clipboard holds, what it refuses, and
 * pasting into the cell under the pointer as one undo step. */

typedef ParcoursTestCanvas Fixture;

#define relayout parcours_test_canvas_relayout
#define click parcours_test_canvas_click
#define undo_all parcours_test_canvas_undo_all

static void
test_clipboard_round_trip (void)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ParcoursCard *card = parcours_card_new ("x", "l", "s", "Calls the\nhotline");

  parcours_card_set_details (card, "Waits 20 minutes");
  parcours_card_set_channel (card, PARCOURS_CHANNEL_PHONE);
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_color (card, "#f66151");
  parcours_card_set_key_moment (card, TRUE);
  parcours_card_set_kpi (card, "NPS 12");
  g_ptr_array_add (cards, card);
  g_ptr_array_add (cards, parcours_card_new ("y", "l", "s", "Gives up"));

  bytes = parcours_clipboard_encode (cards);
  back = parcours_clipboard_decode (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  card = g_ptr_array_index (back, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Calls the\nhotline");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Waits 20 minutes");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_PHONE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEGATIVE);
  g_assert_cmpstr (parcours_card_get_color (card), ==, "#f66151");
  g_assert_true (parcours_card_get_key_moment (card));
  g_assert_cmpstr (parcours_card_get_kpi (card), ==, "NPS 12");
  g_assert_null (parcours_card_get_color (g_ptr_array_index (back, 1)));

  /* One line per card for other programs, and back. */
  text = parcours_clipboard_encode_text (cards);
  g_assert_cmpstr (text, ==, "Calls the hotline\nGives up\n");
  g_clear_pointer (&back, g_ptr_array_unref);
  back = parcours_clipboard_decode_text ("  First\r\n\n\t\nSecond  \nThird", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (back, 0)), ==, "First");
  g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (back, 1)), ==, "Second");
}

static void
test_clipboard_refuses (void)
{
  static const char * const bad[] = {
    "", "garbage", "[1, 2]", "{\"cards\": []}", "{\"parcours-cards\": 2, \"cards\": []}",
    "{\"parcours-cards\": 1, \"cards\": {}}", "{\"parcours-cards\": 1, \"cards\": []}",
    "{\"parcours-cards\": 1, \"cards\": [3]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"text\": 3}]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"channel\": \"pigeon\"}]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"color\": \"red\"}]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"key-moment\": \"yes\"}]}",
  };
  g_autofree char *huge = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = parcours_clipboard_decode (bytes, &error);
      int expected = i == 6 ? PARCOURS_CLIPBOARD_ERROR_EMPTY : PARCOURS_CLIPBOARD_ERROR_INVALID;

      g_assert_null (cards);
      g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, expected);
    }

  /* Text: blank, not UTF-8, too large. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (parcours_clipboard_decode_text (" \n\n", -1, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_EMPTY);
    g_clear_error (&error);
    g_assert_null (parcours_clipboard_decode_text ("caf\xe9\n", -1, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID);
    g_clear_error (&error);
    huge = g_malloc (PARCOURS_CLIPBOARD_MAX_BYTES + 2);
    memset (huge, 'a', PARCOURS_CLIPBOARD_MAX_BYTES + 1);
    huge[PARCOURS_CLIPBOARD_MAX_BYTES + 1] = '\0';
    g_assert_null (parcours_clipboard_decode_text (huge, -1, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE);
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&huge), PARCOURS_CLIPBOARD_MAX_BYTES + 1);
    g_autoptr(GError) error = NULL;
    g_assert_null (parcours_clipboard_decode (bytes, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE);
  }
}

static void
test_clipboard_paste (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  guint lane, stage, index;

  /* Into the focused card's cell, right after it. */
  click (fixture, "t1", 0);
  g_assert_true (parcours_interaction_get_target_cell (fixture->interaction, &lane, &stage, &index));
  g_assert_cmpuint (lane, ==, 0);
  g_assert_cmpuint (stage, ==, 0);
  g_assert_cmpuint (index, ==, 1);

  cards = parcours_clipboard_decode_text ("One\nTwo\nThree\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parcours_interaction_paste_cards (fixture->interaction, cards, lane, stage, index), ==, 3);
  relayout (fixture);
  {
    g_autoptr(GPtrArray) now = parcours_document_get_cell_cards (fixture->document, "touch", "s1");
    g_assert_cmpuint (now->len, ==, 6);
    g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (now, 1)), ==, "One");
    g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (now, 3)), ==, "Three");
    g_assert_cmpstr (parcours_element_get_id (g_ptr_array_index (now, 4)), ==, "t2");
    g_assert_true (parcours_selection_contains (fixture->selection, g_ptr_array_index (now, 2)));
  }
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Paste Cards");

  /* A focused stage: its first card cell, at the end; an empty cell too. */
  click (fixture, "s3", 0);
  g_assert_true (parcours_interaction_get_target_cell (fixture->interaction, &lane, &stage, &index));
  g_assert_cmpuint (stage, ==, 2);
  g_assert_cmpuint (parcours_interaction_paste_cards (fixture->interaction, cards, lane, stage, index), ==, 3);
  relayout (fixture);
  {
    g_autoptr(GPtrArray) now = parcours_document_get_cell_cards (fixture->document, "touch", "s3");
    g_assert_cmpuint (now->len, ==, 3);
  }
  /* Not into the emotion lane. */
  g_assert_cmpuint (parcours_interaction_paste_cards (fixture->interaction, cards, 2, 0, 0), ==, 0);

  undo_all (fixture);
}

int
main (int   argc,
      char *argv[])
{
  parcours_test_canvas_init (&argc, &argv);

#define ADD PARCOURS_TEST_CANVAS_ADD

  g_test_add_func ("/canvas/clipboard/round-trip", test_clipboard_round_trip);
  g_test_add_func ("/canvas/clipboard/refuses", test_clipboard_refuses);
  ADD ("/canvas/clipboard/paste", test_clipboard_paste);
#undef ADD

  return g_test_run ();
}
