/* test-layout-incremental.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laying out one edited card again gives what a full layout gives, and
 * the canvas that repaints only that card shows what a fresh canvas shows.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "parcours-canvas.h"
#include "parcours-history.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-test-utils.h"

static gboolean have_gtk;

static const char * const words[] = {
  "Reads", "reviews", "compares", "prices", "on", "the", "phone", "while", "waiting",
  "a", "supercalifragilisticexpialidocious", "checkout", "émotion", "дорога", "",
};

/* A random text of 0 to @max_words words, some of them long. */
static char *
random_text (GRand *rand,
             guint  max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, g_rand_int_range (rand, 0, 12) == 0 ? '\n' : ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (text, FALSE);
}

/* One of the edits parcours_layout_update_cards() is for. */
static void
random_edit (GRand        *rand,
             ParcoursCard *card)
{
  g_autofree char *text = random_text (rand, 14);

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
    case 1:
      parcours_card_set_text (card, text);
      break;
    case 2:
      parcours_card_set_details (card, g_rand_boolean (rand) ? text : NULL);
      break;
    case 3:
      parcours_card_set_kpi (card, g_rand_boolean (rand) ? "NPS +12 · 3 min" : NULL);
      break;
    default:
      parcours_card_set_color (card, g_rand_boolean (rand) ? "#e01b24" : NULL);
      break;
    }
}

static void
assert_rect_equal (const ParcoursRect *a,
                   const ParcoursRect *b)
{
  g_assert_cmpfloat (a->x, ==, b->x);
  g_assert_cmpfloat (a->y, ==, b->y);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
}

static void
assert_rgba_equal (const ParcoursRgba *a,
                   const ParcoursRgba *b)
{
  g_assert_true (memcmp (a, b, sizeof *a) == 0);
}

static void
assert_text_equal (const ParcoursTextBlock *a,
                   const ParcoursTextBlock *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
  g_assert_cmpfloat (a->wrap_width, ==, b->wrap_width);
}

static void
assert_lanes_equal (ParcoursLayout *a,
                    ParcoursLayout *b)
{
  g_assert_cmpuint (parcours_layout_get_n_lanes (a), ==, parcours_layout_get_n_lanes (b));
  for (guint i = 0; i < parcours_layout_get_n_lanes (a); i++)
    {
      const ParcoursLaneBox *la = parcours_layout_get_lane (a, i);
      const ParcoursLaneBox *lb = parcours_layout_get_lane (b, i);

      g_assert_true (la->lane == lb->lane);
      assert_rect_equal (&la->header, &lb->header);
      assert_rect_equal (&la->row, &lb->row);
      assert_rect_equal (&la->band, &lb->band);
      g_assert_cmpfloat (la->value_mid, ==, lb->value_mid);
      g_assert_cmpfloat (la->value_reach, ==, lb->value_reach);
      g_assert_cmpuint (la->curve->len, ==, lb->curve->len);
      g_assert_true (la->curve->len == 0 ||
                     memcmp (la->curve->data, lb->curve->data,
                             la->curve->len * sizeof (ParcoursPathSegment)) == 0);
    }

  for (guint i = 0; i < parcours_layout_get_n_stages (a); i++)
    {
      const ParcoursStageBox *sa = parcours_layout_get_stage (a, i);
      const ParcoursStageBox *sb = parcours_layout_get_stage (b, i);

      assert_rect_equal (&sa->header, &sb->header);
      assert_rect_equal (&sa->column, &sb->column);
    }
}

static void
assert_cards_equal (ParcoursLayout *a,
                    ParcoursLayout *b)
{
  g_assert_cmpuint (parcours_layout_get_n_cards (a), ==, parcours_layout_get_n_cards (b));
  for (guint i = 0; i < parcours_layout_get_n_cards (a); i++)
    {
      const ParcoursCardBox *ca = parcours_layout_get_card (a, i);
      const ParcoursCardBox *cb = parcours_layout_get_card (b, i);

      g_assert_true (ca->card == cb->card);
      assert_rect_equal (&ca->rect, &cb->rect);
      assert_rect_equal (&ca->text_rect, &cb->text_rect);
      assert_text_equal (ca->text, cb->text);
      assert_text_equal (ca->details, cb->details);
      assert_text_equal (ca->kpi, cb->kpi);
      g_assert_cmpfloat (ca->details_y, ==, cb->details_y);
      g_assert_cmpfloat (ca->footer_y, ==, cb->footer_y);
      g_assert_cmpint (ca->has_footer, ==, cb->has_footer);
      assert_rgba_equal (&ca->fill, &cb->fill);
      assert_rgba_equal (&ca->border, &cb->border);
    }

  g_assert_cmpuint (parcours_layout_get_n_points (a), ==, parcours_layout_get_n_points (b));
  for (guint i = 0; i < parcours_layout_get_n_points (a); i++)
    {
      const ParcoursPointBox *pa = parcours_layout_get_point (a, i);
      const ParcoursPointBox *pb = parcours_layout_get_point (b, i);

      g_assert_cmpfloat (pa->x, ==, pb->x);
      g_assert_cmpfloat (pa->y, ==, pb->y);
      assert_rect_equal (&pa->label_rect, &pb->label_rect);
    }
}

static void
assert_layouts_equal (ParcoursLayout *a,
                      ParcoursLayout *b)
{
  ParcoursRect ra, rb;

  g_assert_cmpfloat (parcours_layout_get_width (a), ==, parcours_layout_get_width (b));
  g_assert_cmpfloat (parcours_layout_get_height (a), ==, parcours_layout_get_height (b));
  ra = parcours_layout_get_grid_rect (a);
  rb = parcours_layout_get_grid_rect (b);
  assert_rect_equal (&ra, &rb);
  ra = parcours_layout_get_legend_rect (a);
  rb = parcours_layout_get_legend_rect (b);
  assert_rect_equal (&ra, &rb);

  assert_lanes_equal (a, b);
  assert_cards_equal (a, b);

  g_assert_cmpuint (parcours_layout_get_n_legend_items (a), ==,
                    parcours_layout_get_n_legend_items (b));
  for (guint i = 0; i < parcours_layout_get_n_legend_items (a); i++)
    {
      const ParcoursLegendItem *ia = parcours_layout_get_legend_item (a, i);
      const ParcoursLegendItem *ib = parcours_layout_get_legend_item (b, i);

      assert_rect_equal (&ia->swatch, &ib->swatch);
      g_assert_cmpfloat (ia->label_x, ==, ib->label_x);
      g_assert_cmpfloat (ia->label_y, ==, ib->label_y);
    }
}

/* The two display lists paint the same, primitive by primitive. */
static void
assert_lists_equal (ParcoursDisplayList *a,
                    ParcoursDisplayList *b)
{
  g_assert_cmpuint (parcours_display_list_get_n_items (a), ==,
                    parcours_display_list_get_n_items (b));
  g_assert_cmpfloat (parcours_display_list_get_height (a), ==,
                     parcours_display_list_get_height (b));

  for (guint i = 0; i < parcours_display_list_get_n_items (a); i++)
    {
      const ParcoursPrimitive *pa = parcours_display_list_get_item (a, i);
      const ParcoursPrimitive *pb = parcours_display_list_get_item (b, i);

      g_assert_cmpint (pa->kind, ==, pb->kind);
      g_assert_true (pa->element == pb->element);
      assert_rect_equal (&pa->bounds, &pb->bounds);
      assert_rgba_equal (&pa->fill, &pb->fill);
      assert_rgba_equal (&pa->stroke, &pb->stroke);
      if (pa->kind == PARCOURS_PRIMITIVE_TEXT)
        assert_text_equal (pa->text, pb->text);
      g_assert_cmpuint (pa->n_segments, ==, pb->n_segments);
      if (pa->kind == PARCOURS_PRIMITIVE_PATH)
        g_assert_true (memcmp (pa->segments, pb->segments,
                               pa->n_segments * sizeof *pa->segments) == 0);
    }
}

/* Random edits of one to three cards at a time, laid out incrementally,
 * against a fresh full layout of the same document each time. */
static void
check_random_edits (ParcoursDocument *document,
                    guint             seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) incremental = parcours_layout_new (style);
  GListModel *cards = parcours_document_get_cards (document);
  guint n_cards = g_list_model_get_n_items (cards);
  guint rows_moved = 0, rows_kept = 0;

  g_assert_cmpuint (n_cards, >, 0);
  parcours_layout_update (incremental, document);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(ParcoursLayout) full = parcours_layout_new (style);
      g_autoptr(ParcoursDisplayList) list_incremental = NULL;
      g_autoptr(ParcoursDisplayList) list_full = NULL;
      guint n_edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < n_edits; e++)
        {
          ParcoursCard *card = g_list_model_get_item (cards, g_rand_int_range (rand, 0, n_cards));

          random_edit (rand, card);
          g_ptr_array_add (edited, card);
        }

      if (parcours_layout_update_cards (incremental, edited, changed))
        rows_moved++;
      else
        rows_kept++;
      parcours_layout_update (full, document);
      assert_layouts_equal (incremental, full);

      /* Every edited card that is shown is reported as changed. */
      for (guint e = 0; e < edited->len; e++)
        {
          int index = parcours_layout_find (incremental, g_ptr_array_index (edited, e));
          gboolean found = FALSE;

          for (guint c = 0; c < changed->len; c++)
            found |= (int) g_array_index (changed, guint, c) == index;
          g_assert_true (index < 0 || found);
        }

      list_incremental = parcours_painter_paint_by_element (incremental);
      list_full = parcours_painter_paint_by_element (full);
      assert_lists_equal (list_incremental, list_full);
    }

  /* Both ways were taken: rows that moved and rows that kept their height. */
  g_test_message ("rows moved %u times, kept %u times", rows_moved, rows_kept);
  g_assert_cmpuint (rows_moved, >, 0);
  g_assert_cmpuint (rows_kept, >, 0);
}

static void
test_random_edits_generated (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (12, 7, 300, 60, 3);
  g_autoptr(ParcoursLane) lane = g_list_model_get_item (parcours_document_get_lanes (document), 2);

  /* A collapsed lane hides its cards: their edits change nothing. */
  parcours_lane_set_collapsed (lane, TRUE);
  check_random_edits (document, 11);
}

static void
test_random_edits_rich (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_rich_map (5);

  check_random_edits (document, 12);
}

/* The canvas's picture of its current view, rendered as a frame is. */
static GBytes *
canvas_pixels (ParcoursCanvas *canvas,
               GskRenderer    *renderer)
{
  GskRenderNode *node = parcours_canvas_render_map (canvas);
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, 1000, 800);
  GdkTexture *texture = gsk_renderer_render_texture (renderer, node, &view);
  gsize stride = 4 * 1000;
  guchar *data = g_malloc (stride * 800);

  gdk_texture_download (texture, data, stride);
  g_object_unref (texture);
  gsk_render_node_unref (node);
  return g_bytes_new_take (data, stride * 800);
}

static ParcoursCanvas *
new_canvas (ParcoursHistory *history,
            double           zoom)
{
  ParcoursCanvas *canvas = g_object_ref_sink (PARCOURS_CANVAS (parcours_canvas_new ()));
  ParcoursViewport *viewport = parcours_canvas_get_viewport (canvas);

  parcours_canvas_set_history (canvas, history);
  parcours_viewport_set_text_scale (viewport, 1.0);
  parcours_viewport_set_view_size (viewport, 1000, 800);
  parcours_viewport_zoom_at (viewport, zoom, 0, 0);
  parcours_viewport_set_origin (viewport, 0, 0);
  return canvas;
}

/* Edits committed through the history, each followed by a frame: the
 * canvas that repaints only the edited cards (and redraws only their
 * tiles) shows exactly what a fresh canvas shows. */
static void
test_canvas_matches_fresh (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (10, 6, 200, 40, 9);
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  g_autoptr(GError) error = NULL;
  GListModel *cards = parcours_document_get_cards (document);
  ParcoursCanvas *canvas;

  if (!have_gtk)
    {
      g_test_skip ("no display");
      return;
    }

  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  canvas = new_canvas (history, 0.5);
  g_bytes_unref (canvas_pixels (canvas, renderer));

  for (guint round = 0; round < 16; round++)
    {
      g_autoptr(ParcoursCard) card = NULL;
      g_autofree char *text = random_text (rand, 14);
      g_autoptr(GBytes) shown = NULL;
      g_autoptr(GBytes) fresh = NULL;
      ParcoursCanvas *other;

      /* Cards on screen, mostly; now and then a change that lays out
       * the whole map (a sentiment changes the legend). */
      card = g_list_model_get_item (cards, g_rand_int_range (rand, 0, 40));
      if (round % 5 == 4)
        parcours_history_set (history, card, NULL, "sentiment", PARCOURS_SENTIMENT_NEGATIVE, NULL);
      else
        parcours_history_set (history, card, NULL, "text", text, NULL);
      parcours_history_seal (history);

      shown = canvas_pixels (canvas, renderer);
      other = new_canvas (history, 0.5);
      fresh = canvas_pixels (other, renderer);
      g_assert_true (g_bytes_equal (shown, fresh));
      g_object_unref (other);
    }

  gsk_renderer_unrealize (renderer);
  g_object_unref (canvas);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  /* The canvas draws with cairo, as in the other canvas tests: Mesa's GL
   * driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_gtk = gtk_init_check ();

  g_test_add_func ("/layout/incremental/random-edits", test_random_edits_generated);
  g_test_add_func ("/layout/incremental/random-edits-rich-map", test_random_edits_rich);
  g_test_add_func ("/canvas/incremental/matches-fresh-canvas", test_canvas_matches_fresh);

  return g_test_run ();
}
