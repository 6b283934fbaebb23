/* parcours-cairo-renderer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-cairo-renderer.h"

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
  cairo_set_fill_rule (cr, primitive->even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);

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
append_path (cairo_t                 *cr,
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

static gboolean
same_icon (const ParcoursPrimitive *a,
           const ParcoursPrimitive *b)
{
  return a->icon_name == b->icon_name &&
         memcmp (&a->icon_rect, &b->icon_rect, sizeof a->icon_rect) == 0 &&
         memcmp (&a->fill, &b->fill, sizeof a->fill) == 0;
}

G_LOCK_DEFINE_STATIC (icon_recordings);
static GHashTable *icon_recordings;   /* "name size colour" → cairo recording surface */

/* An icon is drawn once per colour into a recording surface, then replayed
 * wherever it appears: a PDF keeps it once as a form and refers to it from
 * every card, instead of repeating its curves thousands of times. */
static cairo_surface_t *
get_icon_recording (ParcoursDisplayList *list,
                    guint                first,
                    guint                n_shapes)
{
  const ParcoursPrimitive *head = parcours_display_list_get_item (list, first);
  g_autofree char *key = g_strdup_printf ("%s %.3f %.3f %.3f %.3f %.3f", head->icon_name, head->icon_rect.width,
                                          head->fill.red, head->fill.green, head->fill.blue, head->fill.alpha);
  cairo_surface_t *recording;

  G_LOCK (icon_recordings);
  if (icon_recordings == NULL)
    icon_recordings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) cairo_surface_destroy);
  recording = g_hash_table_lookup (icon_recordings, key);

  if (recording == NULL)
    {
      cairo_rectangle_t extents = { 0, 0, head->icon_rect.width, head->icon_rect.height };
      cairo_t *cr;

      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (recording);
      cairo_translate (cr, -head->icon_rect.x, -head->icon_rect.y);
      for (guint i = first; i < first + n_shapes; i++)
        {
          append_path (cr, parcours_display_list_get_item (list, i));
          fill_and_stroke (cr, parcours_display_list_get_item (list, i));
        }
      cairo_destroy (cr);
      g_hash_table_insert (icon_recordings, g_steal_pointer (&key), recording);
    }
  G_UNLOCK (icon_recordings);

  return recording;
}

static guint
draw_icon (cairo_t             *cr,
           ParcoursDisplayList *list,
           guint                first)
{
  const ParcoursPrimitive *head = parcours_display_list_get_item (list, first);
  guint n = parcours_display_list_get_n_items (list);
  guint n_shapes = 1;
  cairo_surface_t *recording;
  const ParcoursRect *r = &head->icon_rect;

  while (first + n_shapes < n && same_icon (head, parcours_display_list_get_item (list, first + n_shapes)))
    n_shapes++;

  recording = get_icon_recording (list, first, n_shapes);

  cairo_save (cr);
  cairo_translate (cr, r->x, r->y);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_rectangle (cr, 0, 0, r->width, r->height);
  cairo_fill (cr);
  cairo_restore (cr);

  return n_shapes;
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
  const ParcoursPrimitive *batch = NULL;
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

  /* Consecutive shapes that paint alike go into one path, filled and
   * stroked once: a map paints its cards layer by layer, so thousands of
   * cards become a handful of fills. Shapes in one layer never overlap. */
  n = parcours_display_list_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (clip != NULL && !parcours_rect_intersects (&primitive->bounds, clip))
        continue;

      if (batch != NULL &&
          (primitive->kind == PARCOURS_PRIMITIVE_TEXT || primitive->icon_name != NULL ||
           !parcours_primitive_same_paint (batch, primitive)))
        {
          fill_and_stroke (cr, batch);
          batch = NULL;
        }

      if (primitive->icon_name != NULL)
        {
          i += draw_icon (cr, list, i) - 1;
          continue;
        }

      switch (primitive->kind)
        {
        case PARCOURS_PRIMITIVE_RECT:
          rounded_rect (cr, &primitive->bounds, primitive->radius);
          batch = primitive;
          break;

        case PARCOURS_PRIMITIVE_PATH:
          append_path (cr, primitive);
          batch = primitive;
          break;

        case PARCOURS_PRIMITIVE_TEXT:
          set_source (cr, &primitive->color);
          draw_text (cr, primitive);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (batch != NULL)
    fill_and_stroke (cr, batch);

  cairo_restore (cr);
}
