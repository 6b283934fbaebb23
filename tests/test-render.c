/* test-render.c — layout, curve and painter properties
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "parcours-curve.h"
#include "parcours-drawable-text.h"
#include "parcours-icons.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-test-utils.h"

#define EPSILON 0.01

static ParcoursLayout *
layout_document (ParcoursDocument *document)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  ParcoursLayout *layout = parcours_layout_new (style);

  parcours_layout_update (layout, document);
  return layout;
}

static gboolean
rects_overlap (const ParcoursRect *a,
               const ParcoursRect *b)
{
  return a->x < b->x + b->width - EPSILON && b->x < a->x + a->width - EPSILON &&
         a->y < b->y + b->height - EPSILON && b->y < a->y + a->height - EPSILON;
}

static gboolean
rect_inside (const ParcoursRect *inner,
             const ParcoursRect *outer)
{
  return inner->x >= outer->x - EPSILON && inner->y >= outer->y - EPSILON &&
         inner->x + inner->width <= outer->x + outer->width + EPSILON &&
         inner->y + inner->height <= outer->y + outer->height + EPSILON;
}

static GPtrArray *
test_maps (void)
{
  GPtrArray *maps = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (maps, parcours_test_make_grocery_map ());
  g_ptr_array_add (maps, parcours_test_make_day_in_life_map ());
  g_ptr_array_add (maps, parcours_test_make_hostile_map ());
  for (guint seed = 1; seed <= 5; seed++)
    g_ptr_array_add (maps, parcours_test_make_generated_map (3 + seed, 4, 40 * seed, 6 * seed, seed));

  return maps;
}

static void
test_cards_do_not_overlap (void)
{
  g_autoptr(GPtrArray) maps = test_maps ();

  for (guint m = 0; m < maps->len; m++)
    {
      g_autoptr(ParcoursLayout) layout = layout_document (maps->pdata[m]);
      guint n = parcours_layout_get_n_cards (layout);

      g_assert_cmpuint (n, >, 0);

      for (guint i = 0; i < n; i++)
        {
          const ParcoursCardBox *a = parcours_layout_get_card (layout, i);
          const ParcoursStageBox *stage = parcours_layout_get_stage (layout, a->stage_index);
          const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, a->lane_index);
          ParcoursRect cell = { stage->column.x, lane->row.y, stage->column.width, lane->row.height };

          /* Each card sits inside its own cell… */
          g_assert_true (rect_inside (&a->rect, &cell));

          /* …and no two cards share any area. */
          for (guint j = i + 1; j < n; j++)
            g_assert_false (rects_overlap (&a->rect, &parcours_layout_get_card (layout, j)->rect));
        }
    }
}

static void
assert_text_fits (ParcoursTextBlock  *block,
                  const ParcoursRect *box,
                  double              x,
                  double              y)
{
  ParcoursRect text_rect = { x, y, block->width, block->height };

  g_assert_nonnull (block);
  /* Pango never had to overflow the wrap width… */
  if (block->wrap_width >= 0)
    g_assert_cmpfloat (block->width, <=, block->wrap_width + EPSILON);
  /* …and the box holds the whole block. */
  g_assert_true (rect_inside (&text_rect, box));
}

/* Line breaks eat the spaces they replace: compare texts without them. */
static char *
remove_spaces (char *text)
{
  char *out = text;

  for (char *p = text; *p; p++)
    if (*p != ' ' && *p != '\n')
      *out++ = *p;
  *out = '\0';

  return text;
}

/* What a card shows: its text made drawable (controls as U+FFFD, tabs as
 * spaces, every line break as a newline). */
static char *
printable (const char *text)
{
  return parcours_drawable_text (text, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
}

static void
test_text_fits_its_box (void)
{
  g_autoptr(GPtrArray) maps = test_maps ();

  for (guint m = 0; m < maps->len; m++)
    {
      g_autoptr(ParcoursLayout) layout = layout_document (maps->pdata[m]);

      for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
        {
          const ParcoursCardBox *card = parcours_layout_get_card (layout, i);

          assert_text_fits (card->text, &card->rect, card->text_rect.x, card->text_rect.y);
          /* Nothing is cut: the block holds the card's whole text, made
           * drawable. */
          {
            g_autofree char *shown = printable (parcours_card_get_text (card->card));
            g_autoptr(GString) drawn = g_string_new (NULL);

            for (guint l = 0; l < card->text->lines->len; l++)
              g_string_append (drawn, g_array_index (card->text->lines, ParcoursTextLine, l).text);
            g_assert_cmpstr (card->text->text, ==, shown);
            g_assert_cmpstr (remove_spaces (drawn->str), ==, remove_spaces (shown));
          }
          if (card->details != NULL)
            assert_text_fits (card->details, &card->rect, card->rect.x + 9, card->rect.y + card->details_y);
        }

      for (guint s = 0; s < parcours_layout_get_n_stages (layout); s++)
        {
          const ParcoursStageBox *stage = parcours_layout_get_stage (layout, s);
          assert_text_fits (stage->name, &stage->header, stage->header.x + 10, stage->header.y + 20);
        }

      for (guint l = 0; l < parcours_layout_get_n_lanes (layout); l++)
        {
          const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, l);
          assert_text_fits (lane->name, &lane->header, lane->header.x + 10, lane->header.y + 10);
        }
    }
}

static void
test_long_words_wrap (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_hostile_map ();
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  gboolean found = FALSE;

  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *card = parcours_layout_get_card (layout, i);

      if (g_str_has_prefix (parcours_card_get_text (card->card), "Supercali"))
        {
          /* Broken between characters over several lines, not cut. */
          g_assert_cmpuint (card->text->lines->len, >=, 2);
          g_assert_cmpfloat (card->text->width, <=, card->text->wrap_width + EPSILON);
          found = TRUE;
        }
    }

  g_assert_true (found);
}

static void
test_rows_grow_to_fit (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (2, 1, 30, 0, 7);
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, 0);
  double bottom = 0;

  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *card = parcours_layout_get_card (layout, i);
      bottom = MAX (bottom, card->rect.y + card->rect.height);
    }

  g_assert_cmpfloat (bottom, <=, lane->row.y + lane->row.height);
  g_assert_cmpfloat (lane->row.height, >, 30 / 2 * 28);
}

static double
bezier (double p0,
        double p1,
        double p2,
        double p3,
        double t)
{
  double u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/* Every piece of the curve stays between the values of its two ends. */
static void
assert_curve_monotone (GArray *segments,
                       double  band_top,
                       double  band_bottom)
{
  double x = 0, y = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      const ParcoursPathSegment *s = &g_array_index (segments, ParcoursPathSegment, i);

      if (s->op == PARCOURS_PATH_CURVE_TO)
        {
          double low = MIN (y, s->y[2]) - EPSILON, high = MAX (y, s->y[2]) + EPSILON;

          for (double t = 0; t <= 1.0; t += 1.0 / 64)
            {
              double by = bezier (y, s->y[0], s->y[1], s->y[2], t);
              double bx = bezier (x, s->x[0], s->x[1], s->x[2], t);

              g_assert_cmpfloat (by, >=, low);
              g_assert_cmpfloat (by, <=, high);
              g_assert_cmpfloat (by, >=, band_top);
              g_assert_cmpfloat (by, <=, band_bottom);
              g_assert_cmpfloat (bx, >=, x - EPSILON);
              g_assert_cmpfloat (bx, <=, s->x[2] + EPSILON);
            }
        }

      if (s->op != PARCOURS_PATH_CLOSE)
        {
          guint last = s->op == PARCOURS_PATH_CURVE_TO ? 2 : 0;
          x = s->x[last];
          y = s->y[last];
        }
    }
}

static void
test_curve_monotone (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint run = 0; run < 500; run++)
    {
      guint n = g_rand_int_range (rand, 1, 30);
      g_autofree double *xs = g_new (double, n);
      g_autofree double *ys = g_new (double, n);
      g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (ParcoursPathSegment));
      double x = 0;

      for (guint i = 0; i < n; i++)
        {
          /* Sometimes two points share an x: a vertical step. */
          x += g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_double_range (rand, 1, 100);
          xs[i] = x;
          ys[i] = g_rand_int_range (rand, 0, 3) == 0 ? 50 : g_rand_double_range (rand, 0, 100);
        }

      parcours_curve_monotone (xs, ys, n, segments);
      g_assert_cmpuint (segments->len, ==, n);
      assert_curve_monotone (segments, -EPSILON, 100 + EPSILON);
    }
}

static void
test_curve_stays_in_band (void)
{
  for (guint seed = 1; seed <= 40; seed++)
    {
      g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (6, 2, 5, 40, seed);
      g_autoptr(ParcoursLayout) layout = layout_document (document);
      const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, 1);

      g_assert_true (lane->is_emotion);
      g_assert_cmpuint (lane->curve->len, ==, 40);
      assert_curve_monotone (lane->curve, lane->band.y, lane->band.y + lane->band.height);

      for (guint i = 0; i < parcours_layout_get_n_points (layout); i++)
        {
          const ParcoursPointBox *point = parcours_layout_get_point (layout, i);
          double r = parcours_layout_get_style (layout)->emotion_face_radius;
          ParcoursRect face = { point->x - r, point->y - r, 2 * r, 2 * r };
          const ParcoursStageBox *stage = parcours_layout_get_stage (layout, point->stage_index);

          g_assert_true (rect_inside (&face, &lane->band));
          g_assert_cmpfloat (face.x, >=, stage->column.x);
          g_assert_cmpfloat (face.x + face.width, <=, stage->column.x + stage->column.width);
        }
    }
}

static void
test_emotion_extremes (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  double lowest_y = -G_MAXDOUBLE, highest_y = G_MAXDOUBLE;

  for (guint i = 0; i < parcours_layout_get_n_points (layout); i++)
    {
      const ParcoursPointBox *point = parcours_layout_get_point (layout, i);
      const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, point->lane_index);

      g_assert_true (lane->is_emotion);
      if (point->label != NULL)
        g_assert_true (rect_inside (&point->label_rect, &lane->band));
      if (g_strcmp0 (parcours_element_get_id (PARCOURS_ELEMENT (point->point)), "") != 0 &&
          point->lane_index == 3)
        {
          lowest_y = MAX (lowest_y, point->y);
          highest_y = MIN (highest_y, point->y);
        }
    }

  /* Higher values are drawn higher up. */
  g_assert_cmpfloat (highest_y, <, lowest_y);
}

static void
test_incremental_measuring (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (10, 4, 400, 20, 3);
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  ParcoursTextMeasurer *measurer = parcours_layout_get_measurer (layout);
  g_autoptr(ParcoursCard) card = g_list_model_get_item (parcours_document_get_cards (document), 17);
  guint before;

  before = parcours_text_measurer_get_n_measured (measurer);
  parcours_layout_update (layout, document);
  g_assert_cmpuint (parcours_text_measurer_get_n_measured (measurer), ==, before);

  parcours_card_set_text (card, "A brand new text nobody measured yet");
  parcours_layout_update (layout, document);
  g_assert_cmpuint (parcours_text_measurer_get_n_measured (measurer), ==, before + 1);

  /* The cache holds what the map shows, not every text ever measured. */
  g_assert_cmpuint (parcours_text_measurer_get_n_cached (measurer), <=, before + 1);
}

static void
test_hit_test (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  const ParcoursCardBox *card = parcours_layout_get_card (layout, 3);
  const ParcoursPointBox *point = parcours_layout_get_point (layout, 0);
  const ParcoursStageBox *stage = parcours_layout_get_stage (layout, 2);

  g_assert_true (parcours_layout_hit_test (layout, card->rect.x + 2, card->rect.y + 2) == PARCOURS_ELEMENT (card->card));
  g_assert_true (parcours_layout_hit_test (layout, point->x, point->y) == PARCOURS_ELEMENT (point->point));
  g_assert_true (parcours_layout_hit_test (layout, stage->header.x + 5, stage->header.y + 5) == PARCOURS_ELEMENT (stage->stage));
  g_assert_null (parcours_layout_hit_test (layout, -10, -10));
}

static void
test_painter_draws_every_text (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  g_autoptr(ParcoursDisplayList) list = parcours_painter_paint (layout);
  g_autoptr(GPtrArray) expected = parcours_test_collect_texts (document);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_icons = 0;

  for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (primitive->kind == PARCOURS_PRIMITIVE_TEXT)
        g_hash_table_add (drawn, (gpointer) primitive->text->text);
      else if (primitive->kind == PARCOURS_PRIMITIVE_ICON)
        {
          /* Every icon is one the map knows how to draw. */
          g_assert_cmpuint (parcours_icons_get_shapes (primitive->icon_name)->len, >, 0);
          n_icons++;
        }

      /* Everything lies on the canvas. */
      g_assert_cmpfloat (primitive->bounds.x, >=, -EPSILON);
      g_assert_cmpfloat (primitive->bounds.y, >=, -EPSILON);
      g_assert_cmpfloat (primitive->bounds.x + primitive->bounds.width, <=, parcours_display_list_get_width (list) + EPSILON);
      g_assert_cmpfloat (primitive->bounds.y + primitive->bounds.height, <=, parcours_display_list_get_height (list) + EPSILON);
    }

  for (guint i = 0; i < expected->len; i++)
    if (!g_hash_table_contains (drawn, expected->pdata[i]))
      g_error ("“%s” is not drawn", (char *) expected->pdata[i]);

  /* Channel icons on cards and in the legend, key-moment stars. */
  g_assert_cmpuint (n_icons, >=, 14);
}

static void
test_collapsed_lane_hides_cards (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_day_in_life_map ();
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  const ParcoursLaneBox *notes = parcours_layout_get_lane (layout, 2);

  g_assert_true (notes->collapsed);
  g_assert_cmpuint (notes->n_hidden_cards, ==, 1);
  g_assert_nonnull (notes->hidden_note);
  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    g_assert_cmpuint (parcours_layout_get_card (layout, i)->lane_index, !=, 2);
}

static void
test_empty_document (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  g_autoptr(ParcoursDisplayList) list = parcours_painter_paint (layout);

  g_assert_cmpfloat (parcours_layout_get_width (layout), >, 0);
  g_assert_cmpfloat (parcours_layout_get_height (layout), >, 0);
  g_assert_cmpuint (parcours_display_list_get_n_items (list), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/cards-do-not-overlap", test_cards_do_not_overlap);
  g_test_add_func ("/render/layout/text-fits-its-box", test_text_fits_its_box);
  g_test_add_func ("/render/layout/long-words-wrap", test_long_words_wrap);
  g_test_add_func ("/render/layout/rows-grow-to-fit", test_rows_grow_to_fit);
  g_test_add_func ("/render/layout/curve-stays-in-band", test_curve_stays_in_band);
  g_test_add_func ("/render/layout/emotion-extremes", test_emotion_extremes);
  g_test_add_func ("/render/layout/incremental-measuring", test_incremental_measuring);
  g_test_add_func ("/render/layout/hit-test", test_hit_test);
  g_test_add_func ("/render/layout/collapsed-lane", test_collapsed_lane_hides_cards);
  g_test_add_func ("/render/layout/empty-document", test_empty_document);
  g_test_add_func ("/render/curve/monotone", test_curve_monotone);
  g_test_add_func ("/render/painter/draws-every-text", test_painter_draws_every_text);

  return g_test_run ();
}
