/* parcours-cairo-renderer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "parcours-cairo-renderer.h"
#include "parcours-icons.h"

/* Draws a display list with cairo: PNG, PDF, printing and thumbnails. */

static void
set_source (cairo_t            *cr,
            const ParcoursRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
rounded_rect (cairo_t            *cr,
              const ParcoursRect *r,
              double              radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);

  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
fill_and_stroke (cairo_t                 *cr,
                 const ParcoursPrimitive *primitive)
{
  if (primitive->fill.alpha > 0)
    {
      set_source (cr, &primitive->fill);
      cairo_fill_preserve (cr);
    }

  if (primitive->stroke.alpha > 0 && primitive->line_width > 0)
    {
      static const double dashes[] = { 4, 3 };

      set_source (cr, &primitive->stroke);
      cairo_set_line_width (cr, primitive->line_width);
      cairo_set_dash (cr, dashes, primitive->dashed ? 2 : 0, 0);
      cairo_stroke_preserve (cr);
    }

  cairo_new_path (cr);
}

static void
draw_path (cairo_t                 *cr,
           const ParcoursPrimitive *primitive)
{
  for (guint i = 0; i < primitive->n_segments; i++)
    {
      const ParcoursPathSegment *s = &primitive->segments[i];

      switch (s->op)
        {
        case PARCOURS_PATH_MOVE_TO:
          cairo_move_to (cr, s->x[0], s->y[0]);
          break;

        case PARCOURS_PATH_LINE_TO:
          cairo_line_to (cr, s->x[0], s->y[0]);
          break;

        case PARCOURS_PATH_CURVE_TO:
          cairo_curve_to (cr, s->x[0], s->y[0], s->x[1], s->y[1], s->x[2], s->y[2]);
          break;

        case PARCOURS_PATH_CLOSE:
          cairo_close_path (cr);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  fill_and_stroke (cr, primitive);
}

static void
draw_text (cairo_t                 *cr,
           const ParcoursPrimitive *primitive)
{
  const ParcoursTextBlock *block = primitive->text;

  for (guint l = 0; l < block->lines->len; l++)
    {
      const ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      for (guint w = line->first_word; w < line->first_word + line->n_words; w++)
        {
          const ParcoursPlacedWord *placed = &g_array_index (block->words, ParcoursPlacedWord, w);

          cairo_move_to (cr, primitive->bounds.x + placed->x, primitive->bounds.y + line->baseline);
          pango_cairo_show_layout_line (cr, placed->word->line);
        }
    }

  cairo_new_path (cr);
}

/**
 * parcours_cairo_render:
 * @list: a display list
 * @cr: where to draw, in layout units
 * @clip: (nullable): only primitives meeting this rectangle are drawn
 * @paint_background: whether to fill the background first
 */
void
parcours_cairo_render (ParcoursDisplayList *list,
                       cairo_t             *cr,
                       const ParcoursRect  *clip,
                       gboolean             paint_background)
{
  guint n;

  g_return_if_fail (list != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }

  if (paint_background)
    {
      ParcoursRgba background = parcours_display_list_get_background (list);

      set_source (cr, &background);
      cairo_paint (cr);
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  n = parcours_display_list_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (clip != NULL && !parcours_rect_intersects (&primitive->bounds, clip))
        continue;

      switch (primitive->kind)
        {
        case PARCOURS_PRIMITIVE_RECT:
          rounded_rect (cr, &primitive->bounds, primitive->radius);
          fill_and_stroke (cr, primitive);
          break;

        case PARCOURS_PRIMITIVE_PATH:
          draw_path (cr, primitive);
          break;

        case PARCOURS_PRIMITIVE_TEXT:
          set_source (cr, &primitive->color);
          draw_text (cr, primitive);
          break;

        case PARCOURS_PRIMITIVE_ICON:
          parcours_icons_draw (cr, primitive->icon_name, &primitive->color,
                               primitive->bounds.x, primitive->bounds.y, primitive->bounds.width);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}
