/* test-votes.c — dot voting below the window: the card's votes, their
 * undo steps, the native format, the painter and the exports
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-clipboard.h"
#include "parcours-csv.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-history.h"
#include "parcours-mermaid.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-test-utils.h"

/* Helpers */

static ParcoursCard *
card (ParcoursDocument *document,
      const char       *id)
{
  ParcoursCard *found = parcours_document_lookup_card (document, id);

  g_assert_nonnull (found);
  return found;
}

static char *
save_text (ParcoursDocument *document)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static ParcoursDocument *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return parcours_format_load_bytes (bytes, error);
}

#define MAP_WITH_CARD(card_members) \
  "{\"format\": \"parcours\", \"version\": 1, " \
  "\"stages\": [{\"id\": \"s1\"}], \"lanes\": [{\"id\": \"l1\"}], " \
  "\"cards\": [{\"id\": \"c0\", \"lane\": \"l1\", \"stage\": \"s1\"}, " \
  "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\"" card_members "}]}"

static void
assert_load_error (const char          *text,
                   ParcoursFormatError  code,
                   const char          *message)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = load_text (text, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Model */

static void
test_model_default_and_limit (void)
{
  g_autoptr(ParcoursCard) c = parcours_card_new ("c", "l", "s", "Idea");
  guint notified = 0;

  g_signal_connect_swapped (c, "notify::votes", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_cmpuint (parcours_card_get_votes (c), ==, 0);

  parcours_card_set_votes (c, 3);
  g_assert_cmpuint (parcours_card_get_votes (c), ==, 3);
  g_assert_cmpuint (notified, ==, 1);

  /* The same value again says nothing: EXPLICIT_NOTIFY. */
  parcours_card_set_votes (c, 3);
  g_assert_cmpuint (notified, ==, 1);

  parcours_card_set_votes (c, G_MAXUINT);
  g_assert_cmpuint (parcours_card_get_votes (c), ==, PARCOURS_CARD_MAX_VOTES);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_model_count (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();

  g_assert_cmpuint (parcours_document_count_votes (document), ==, 0);
  parcours_card_set_votes (card (document, "t1"), 4);
  parcours_card_set_votes (card (document, "a1"), 2);
  g_assert_cmpuint (parcours_document_count_votes (document), ==, 6);
}

/* History */

static void
test_history_each_vote_a_step (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  ParcoursCard *t1 = card (document, "t1");

  /* Three clicks on the same card: three steps, never merged. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (parcours_history_add_vote (history, t1));
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, 3);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 3);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Vote for Card");
  g_assert_true (parcours_history_get_modified (history));

  g_assert_true (parcours_history_undo (history));
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, 2);
  g_assert_true (parcours_history_redo (history));
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, 3);

  g_assert_true (parcours_history_remove_vote (history, t1));
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Vote");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 4);

  /* Undone to the start, the map is as it was saved. */
  parcours_history_mark_saved (history);
  while (parcours_history_undo (history))
    ;
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, 0);
}

static void
test_history_vote_after_edit (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  ParcoursCard *t1 = card (document, "t1");
  g_auto(GValue) votes = G_VALUE_INIT;

  /* An edit of the votes in progress (a spin button, say) does not
   * swallow the click that follows. */
  g_value_init (&votes, G_TYPE_UINT);
  g_value_set_uint (&votes, 5);
  parcours_history_set_value (history, t1, "votes", &votes, NULL);
  g_assert_true (parcours_history_add_vote (history, t1));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 2);
  parcours_history_undo (history);
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, 5);
}

static void
test_history_limits (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  ParcoursCard *t1 = card (document, "t1");

  /* Nothing to take back: no step. */
  g_assert_false (parcours_history_remove_vote (history, t1));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 0);

  parcours_card_set_votes (t1, PARCOURS_CARD_MAX_VOTES - 1);
  g_assert_true (parcours_history_add_vote (history, t1));
  g_assert_false (parcours_history_add_vote (history, t1));
  g_assert_cmpuint (parcours_card_get_votes (t1), ==, PARCOURS_CARD_MAX_VOTES);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
}

static void
test_history_clear_one_step (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);

  g_assert_cmpuint (parcours_history_clear_votes (history), ==, 0);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 0);

  parcours_history_add_vote (history, card (document, "t1"));
  parcours_history_add_vote (history, card (document, "t1"));
  parcours_history_add_vote (history, card (document, "t4"));
  parcours_history_add_vote (history, card (document, "a1"));

  g_assert_cmpuint (parcours_history_clear_votes (history), ==, 3);
  g_assert_cmpuint (parcours_document_count_votes (document), ==, 0);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Clear Votes");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 5);

  g_assert_true (parcours_history_undo (history));
  g_assert_cmpuint (parcours_card_get_votes (card (document, "t1")), ==, 2);
  g_assert_cmpuint (parcours_card_get_votes (card (document, "t4")), ==, 1);
  g_assert_cmpuint (parcours_card_get_votes (card (document, "a1")), ==, 1);
}

/* Native format */

static void
test_format_round_trip (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  parcours_card_set_votes (card (document, "t2"), 7);
  parcours_card_set_votes (card (document, "a1"), PARCOURS_CARD_MAX_VOTES);
  text = save_text (document);

  /* One line a card that has votes, after its other members. */
  g_assert_nonnull (strstr (text, "\"text\": \"Reads reviews\",\n      \"votes\": 7\n"));
  g_assert_nonnull (strstr (text, "\"votes\": 999\n"));
  {
    g_auto(GStrv) parts = g_strsplit (text, "\"votes\"", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 3);
  }

  loaded = load_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parcours_card_get_votes (card (loaded, "t1")), ==, 0);
  g_assert_cmpuint (parcours_card_get_votes (card (loaded, "t2")), ==, 7);
  g_assert_cmpuint (parcours_card_get_votes (card (loaded, "a1")), ==, PARCOURS_CARD_MAX_VOTES);

  again = save_text (loaded);
  g_assert_cmpstr (again, ==, text);
}

static void
test_format_no_votes_unchanged (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  g_autofree char *before = save_text (document);
  g_autofree char *after = NULL;

  g_assert_null (strstr (before, "votes"));

  /* Votes given and cleared leave the very same file. */
  parcours_history_add_vote (history, card (document, "t1"));
  parcours_history_clear_votes (history);
  after = save_text (document);
  g_assert_cmpstr (after, ==, before);
}

static void
test_format_errors (void)
{
  assert_load_error (MAP_WITH_CARD (", \"votes\": \"3\""), PARCOURS_FORMAT_ERROR_TYPE,
                     "cards[1].votes: expected a non-negative integer");
  assert_load_error (MAP_WITH_CARD (", \"votes\": -1"), PARCOURS_FORMAT_ERROR_TYPE,
                     "cards[1].votes: expected a non-negative integer");
  assert_load_error (MAP_WITH_CARD (", \"votes\": 2.5"), PARCOURS_FORMAT_ERROR_TYPE,
                     "cards[1].votes: expected a non-negative integer");
  assert_load_error (MAP_WITH_CARD (", \"votes\": 2.0"), PARCOURS_FORMAT_ERROR_TYPE,
                     "cards[1].votes: expected a non-negative integer");
  assert_load_error (MAP_WITH_CARD (", \"votes\": true"), PARCOURS_FORMAT_ERROR_TYPE,
                     "cards[1].votes: expected a non-negative integer");
  assert_load_error (MAP_WITH_CARD (", \"votes\": null"), PARCOURS_FORMAT_ERROR_TYPE,
                     "cards[1].votes: expected a non-negative integer");
  assert_load_error (MAP_WITH_CARD (", \"votes\": 1000"), PARCOURS_FORMAT_ERROR_RANGE,
                     "cards[1].votes: 1000 is out of range (0 to 999)");
  assert_load_error (MAP_WITH_CARD (", \"votes\": 9223372036854775807"), PARCOURS_FORMAT_ERROR_RANGE,
                     "cards[1].votes: 9223372036854775807 is out of range (0 to 999)");
}

static void
test_format_zero_read (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Written by hand, 0 is read; saved again, it is left out. */
  document = load_text (MAP_WITH_CARD (", \"votes\": 0"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parcours_card_get_votes (card (document, "c1")), ==, 0);
  text = save_text (document);
  g_assert_null (strstr (text, "votes"));
}

/* Render */

static ParcoursLayout *
layout_document (ParcoursDocument *document)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  ParcoursLayout *layout = parcours_layout_new (style);

  parcours_layout_update (layout, document);
  return layout;
}

static const ParcoursCardBox *
card_box (ParcoursLayout   *layout,
          ParcoursDocument *document,
          const char       *id)
{
  int index = parcours_layout_find (layout, PARCOURS_ELEMENT (card (document, id)));

  g_assert_cmpint (index, >=, 0);
  return parcours_layout_get_card (layout, index);
}

static gboolean
same_color (const ParcoursRgba *a,
            const ParcoursRgba *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

static gboolean
inside (const ParcoursRect *inner,
        const ParcoursRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static gboolean
overlap (const ParcoursRect *a,
         const ParcoursRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The vote dots the list paints inside @box, and the texts there. */
static guint
count_dots (ParcoursDisplayList   *list,
            ParcoursStyle         *style,
            const ParcoursCardBox *box,
            GPtrArray             *texts)
{
  guint n = 0;

  for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
    {
      const ParcoursPrimitive *item = parcours_display_list_get_item (list, i);

      if (!inside (&item->bounds, &box->rect))
        continue;
      if (item->kind == PARCOURS_PRIMITIVE_ICON && g_str_equal (item->icon_name, "parcours-face-disc") &&
          same_color (&item->fill, &style->vote))
        n++;
      if (item->kind == PARCOURS_PRIMITIVE_TEXT && texts != NULL)
        g_ptr_array_add (texts, (gpointer) item);
    }

  return n;
}

static void
test_render_dots (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursLayout) layout = NULL;
  g_autoptr(ParcoursDisplayList) list = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  ParcoursStyle *style;
  const ParcoursCardBox *box;
  double plain_height;

  parcours_card_set_details (card (document, "t2"), "Compares three shops before buying anything at all");
  parcours_card_set_channel (card (document, "t2"), PARCOURS_CHANNEL_WEBSITE);
  parcours_card_set_kpi (card (document, "t2"), "NPS 42");
  parcours_card_set_sentiment (card (document, "t2"), PARCOURS_SENTIMENT_NEGATIVE);
  layout = layout_document (document);
  plain_height = card_box (layout, document, "t2")->rect.height;
  g_clear_object (&layout);

  parcours_card_set_votes (card (document, "t2"), 3);
  layout = layout_document (document);
  style = parcours_layout_get_style (layout);
  list = parcours_painter_paint (layout);

  box = card_box (layout, document, "t2");
  g_assert_cmpuint (box->n_vote_dots, ==, 3);
  g_assert_null (box->vote_count);
  g_assert_cmpfloat (box->rect.height, >, plain_height);
  g_assert_cmpuint (count_dots (list, style, box, texts), ==, 3);

  /* The dots have a row of their own: no text of the card under them. */
  for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
    {
      const ParcoursPrimitive *dot = parcours_display_list_get_item (list, i);

      if (dot->kind != PARCOURS_PRIMITIVE_ICON || !same_color (&dot->fill, &style->vote) ||
          !inside (&dot->bounds, &box->rect))
        continue;
      for (guint t = 0; t < texts->len; t++)
        g_assert_false (overlap (&dot->bounds, &((const ParcoursPrimitive *) g_ptr_array_index (texts, t))->bounds));
      g_assert_cmpfloat (dot->bounds.y, >=, box->rect.y + box->footer_y + style->icon_size);
    }

  /* Cards without votes have no dots. */
  g_assert_cmpuint (count_dots (list, style, card_box (layout, document, "t1"), NULL), ==, 0);

  /* A legend says what the dots are. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < parcours_layout_get_n_legend_items (layout); i++)
      found |= parcours_layout_get_legend_item (layout, i)->kind == PARCOURS_LEGEND_VOTES;
    g_assert_true (found);
  }
}

static void
test_render_many_votes (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursLayout) layout = NULL;
  g_autoptr(ParcoursDisplayList) list = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const ParcoursCardBox *box;
  gboolean found_count = FALSE;

  parcours_card_set_votes (card (document, "t1"), PARCOURS_LAYOUT_MAX_VOTE_DOTS);
  parcours_card_set_votes (card (document, "t2"), 12);
  parcours_card_set_votes (card (document, "t3"), PARCOURS_CARD_MAX_VOTES);
  layout = layout_document (document);
  list = parcours_painter_paint (layout);

  box = card_box (layout, document, "t1");
  g_assert_cmpuint (count_dots (list, parcours_layout_get_style (layout), box, NULL), ==,
                    PARCOURS_LAYOUT_MAX_VOTE_DOTS);
  g_assert_null (box->vote_count);

  /* Past eight, one dot and the count. */
  box = card_box (layout, document, "t2");
  g_assert_cmpuint (count_dots (list, parcours_layout_get_style (layout), box, texts), ==, 1);
  g_assert_nonnull (box->vote_count);
  for (guint t = 0; t < texts->len; t++)
    {
      const ParcoursPrimitive *item = g_ptr_array_index (texts, t);

      found_count |= item->kind == PARCOURS_PRIMITIVE_TEXT && item->text == box->vote_count && g_str_equal (item->text->text, "×12");
    }
  g_assert_true (found_count);

  box = card_box (layout, document, "t3");
  g_assert_cmpstr (box->vote_count->text, ==, "×999");
  g_assert_cmpfloat (box->vote_count->width, <=, box->rect.width);
}

static void
test_render_narrow_card (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursLayout) layout = NULL;
  ParcoursStage *s1 = parcours_document_lookup_stage (document, "s1");
  const ParcoursCardBox *box;

  /* The narrowest stage does not hold eight dots: the count instead. */
  parcours_stage_set_width (s1, PARCOURS_STAGE_MIN_WIDTH);
  parcours_card_set_votes (card (document, "t1"), 7);
  layout = layout_document (document);
  box = card_box (layout, document, "t1");
  g_assert_cmpuint (box->n_vote_dots, ==, 1);
  g_assert_nonnull (box->vote_count);
  g_assert_cmpfloat (box->rect.x + parcours_layout_get_style (layout)->card_padding +
                     box->n_vote_dots * (PARCOURS_LAYOUT_VOTE_DOT_SIZE + PARCOURS_LAYOUT_VOTE_DOT_GAP), <=,
                     box->rect.x + box->rect.width);
}

/* CSV: a votes column for a map with votes */

static void
test_csv_column (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = parcours_csv_export (document);
  g_autofree char *voted = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_prefix (plain, PARCOURS_CSV_HEADER "\r\n"));

  parcours_card_set_votes (card (document, "t2"), 5);
  voted = parcours_csv_export (document);
  lines = g_strsplit (voted, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, PARCOURS_CSV_HEADER ",votes");
  g_assert_cmpstr (lines[1], ==, "Discover,Touchpoints,touchpoints,Sees an ad,,neutral,,,0");
  g_assert_cmpstr (lines[2], ==, "Discover,Touchpoints,touchpoints,Reads reviews,,neutral,,,5");
  /* An emotion point's votes field is empty. */
  g_assert_cmpstr (lines[5], ==, "Discover,Feelings,emotions,,,,1,,");

  imported = parcours_csv_import (voted, strlen (voted), &error);
  g_assert_no_error (error);
  again = parcours_csv_export (imported);
  g_assert_cmpstr (again, ==, voted);
}

static void
test_csv_import (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *french = "étape;texte;voix\nDécouvrir;Voit une pub; 4 \nDécouvrir;Lit les avis;\n";
  static const char * const bad[] = { "-1", "1000", "2.5", "many", "+3" };

  document = parcours_csv_import (french, strlen (french), &error);
  g_assert_no_error (error);
  {
    g_autoptr(ParcoursCard) first = g_list_model_get_item (parcours_document_get_cards (document), 0);
    g_autoptr(ParcoursCard) second = g_list_model_get_item (parcours_document_get_cards (document), 1);

    g_assert_cmpuint (parcours_card_get_votes (first), ==, 4);
    g_assert_cmpuint (parcours_card_get_votes (second), ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *csv = g_strdup_printf ("stage,text,votes\nA,ok,1\nA,x,%s\n", bad[i]);
      g_autofree char *expected = g_strdup_printf ("line 3, column \"votes\": \"%s\" is not a number "
                                                   "of votes from 0 to 999", bad[i]);
      g_autoptr(ParcoursDocument) refused = NULL;
      g_autoptr(GError) bad_error = NULL;

      refused = parcours_csv_import (csv, strlen (csv), &bad_error);
      g_assert_null (refused);
      g_assert_error (bad_error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_RANGE);
      g_assert_cmpstr (bad_error->message, ==, expected);
    }
}

/* Mermaid: kept in the map's comment lines, said lost without them */

static void
test_mermaid (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(ParcoursDocument) back = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_back = NULL;
  gboolean said = FALSE;

  parcours_card_set_votes (card (document, "t1"), 2);
  parcours_card_set_votes (card (document, "t4"), 9);
  parcours_card_set_votes (card (document, "a1"), 1);

  full = parcours_mermaid_export_full (document, 0, NULL, &error);
  g_assert_no_error (error);
  back = parcours_mermaid_import (full, -1, &error);
  g_assert_no_error (error);
  saved = save_text (document);
  saved_back = save_text (back);
  g_assert_cmpstr (saved_back, ==, saved);

  plain = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN, warnings, &error);
  g_assert_no_error (error);
  /* The actions card is lost whole, and said so already. */
  for (guint i = 0; i < warnings->len; i++)
    said |= g_str_equal (g_ptr_array_index (warnings, i), "the votes of 2 cards are not in Mermaid");
  g_assert_true (said);
}

/* Clipboard: cut and paste keep a card's votes */

static void
test_clipboard_votes (void)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) decoded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (cards, parcours_card_new ("a", "l", "s", "Voted"));
  g_ptr_array_add (cards, parcours_card_new ("b", "l", "s", "Not voted"));
  parcours_card_set_votes (g_ptr_array_index (cards, 0), 4);

  bytes = parcours_clipboard_encode (cards);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\"votes\":4"));
  decoded = parcours_clipboard_decode (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->len, ==, 2);
  g_assert_cmpuint (parcours_card_get_votes (g_ptr_array_index (decoded, 0)), ==, 4);
  g_assert_cmpuint (parcours_card_get_votes (g_ptr_array_index (decoded, 1)), ==, 0);
}

static void
test_clipboard_refuses_votes (void)
{
  static const char * const bad[] = { "-1", "1000", "2.5", "\"3\"", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"parcours-cards\": 1, \"cards\": "
                                               "[{\"text\": \"x\", \"votes\": %s}]}", bad[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GPtrArray) decoded = NULL;
      g_autoptr(GError) error = NULL;

      decoded = parcours_clipboard_decode (bytes, &error);
      g_assert_null (decoded);
      g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "cards[0].votes: expected an integer from 0 to 999");
    }
}

/* Exports */

static GBytes *
export (ParcoursDocument     *document,
        ParcoursExportFormat  format)
{
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  parcours_export_options_init (&options);
  bytes = parcours_export_to_bytes (document, format, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
test_export_no_votes_identical (void)
{
  static const ParcoursExportFormat formats[] = {
    PARCOURS_EXPORT_FORMAT_SVG, PARCOURS_EXPORT_FORMAT_MERMAID, PARCOURS_EXPORT_FORMAT_CSV,
    PARCOURS_EXPORT_FORMAT_PNG,
  };
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  g_autoptr(ParcoursCard) first = g_list_model_get_item (parcours_document_get_cards (document), 0);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GBytes) before = export (document, formats[f]);
      g_autoptr(GBytes) voted = NULL;
      g_autoptr(GBytes) after = NULL;

      parcours_history_add_vote (history, first);
      voted = export (document, formats[f]);
      parcours_history_clear_votes (history);
      after = export (document, formats[f]);

      g_assert_true (g_bytes_equal (before, after));
      /* And a vote shows in every drawing of the map. */
      if (formats[f] == PARCOURS_EXPORT_FORMAT_SVG || formats[f] == PARCOURS_EXPORT_FORMAT_PNG)
        g_assert_false (g_bytes_equal (before, voted));
    }
}

static void
test_export_svg_dots (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *color = NULL;
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);

  g_assert_null (strstr (g_bytes_get_data (svg = export (document, PARCOURS_EXPORT_FORMAT_SVG), NULL), "×"));
  g_clear_pointer (&svg, g_bytes_unref);

  parcours_card_set_votes (card (document, "t1"), 12);
  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  color = parcours_rgba_to_hex (style->vote);
  g_assert_nonnull (strstr (text, "×12"));
  {
    g_autofree char *lower_text = g_ascii_strdown (text, -1);
    g_autofree char *lower_color = g_ascii_strdown (color, -1);

    g_assert_nonnull (strstr (lower_text, lower_color));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/votes/model/default-and-limit", test_model_default_and_limit);
  g_test_add_func ("/votes/model/count", test_model_count);
  g_test_add_func ("/votes/history/each-vote-a-step", test_history_each_vote_a_step);
  g_test_add_func ("/votes/history/vote-after-edit", test_history_vote_after_edit);
  g_test_add_func ("/votes/history/limits", test_history_limits);
  g_test_add_func ("/votes/history/clear-one-step", test_history_clear_one_step);
  g_test_add_func ("/votes/format/round-trip", test_format_round_trip);
  g_test_add_func ("/votes/format/no-votes-unchanged", test_format_no_votes_unchanged);
  g_test_add_func ("/votes/format/errors", test_format_errors);
  g_test_add_func ("/votes/format/zero-read", test_format_zero_read);
  g_test_add_func ("/votes/render/dots", test_render_dots);
  g_test_add_func ("/votes/render/many-votes", test_render_many_votes);
  g_test_add_func ("/votes/render/narrow-card", test_render_narrow_card);
  g_test_add_func ("/votes/csv/column", test_csv_column);
  g_test_add_func ("/votes/csv/import", test_csv_import);
  g_test_add_func ("/votes/mermaid/kept-or-said", test_mermaid);
  g_test_add_func ("/votes/clipboard/round-trip", test_clipboard_votes);
  g_test_add_func ("/votes/clipboard/refuses", test_clipboard_refuses_votes);
  g_test_add_func ("/votes/export/no-votes-identical", test_export_no_votes_identical);
  g_test_add_func ("/votes/export/svg-dots", test_export_svg_dots);

  return g_test_run ();
}
