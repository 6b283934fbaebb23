/* parcours-cairo-renderer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-cairo-renderer.h"
#include "parcours-icons.h"
#include "parcours-image.h"
#include "parcours-utils.h"


/* Draws a display list with cairo: PNG, PDF, printing and thumbnails. */

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the map: %s"), cairo_status_to_string (status));
  return FALSE;
}

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

/* Device pixels (or points) per layout unit, the smaller of the two axes. */
static double
device_units_per_unit (cairo_t *cr)
{
  double dx = 1, dy = 0, ex = 0, ey = 1;

  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_user_to_device_distance (cr, &ex, &ey);
  return MIN (hypot (dx, dy), hypot (ex, ey));
}

#define MAX_VECTOR_STROKE_TOLERANCE 1.0

/* On PDF and PostScript surfaces cairo works out where each stroke draws
 * by turning it into a polygon at the tolerance in force, with a pen
 * polygon at every round join; the file gets the path itself. At the
 * default tolerance (0.1) that was a tenth of a journey's PDF export. A
 * tolerance of half the line width on the page gives the smallest pen
 * that is still a square (from four times that it is a point, the
 * polygon is empty and cairo leaves the stroke out), and the file is the
 * same, byte for byte. Only on vector surfaces (into an image the
 * tolerance shapes the pixels), and not in a group: the bounding box
 * cairo gives a group comes from those same polygons. */
static void
stroke_shapes (cairo_t  *cr,
               gboolean  vector,
               gboolean  preserve)
{
  double tolerance = cairo_get_tolerance (cr);

  if (vector)
    cairo_set_tolerance (cr, CLAMP (cairo_get_line_width (cr) / 2 * device_units_per_unit (cr),
                                    tolerance, MAX_VECTOR_STROKE_TOLERANCE));

  if (preserve)
    cairo_stroke_preserve (cr);
  else
    cairo_stroke (cr);
  cairo_set_tolerance (cr, tolerance);
}

static void
fill_and_stroke (cairo_t                 *cr,
                 const ParcoursPrimitive *primitive,
                 gboolean                 vector)
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
      stroke_shapes (cr, vector, TRUE);
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

/* Consecutive shapes that paint alike go into one path, filled and
 * stroked once: a map paints its cards layer by layer, so thousands of
 * cards become a handful of fills. Shapes in one layer never overlap.
 *
 * A PDF costs every number of a path (formatted, then compressed): a
 * rounded rectangle drawn with arcs is 36 numbers. On vector surfaces a
 * batch of filled rounded rectangles of one radius r is drawn as their
 * rectangles inset by r instead (12 numbers each), widened back by a
 * stroke of width 2r with round joins in the fill's colour: the same
 * shape, exactly (all points within r of the inner rectangle; a pill's
 * inner rectangle is a line, with round caps). Where
 * fill and stroke overlap a translucent colour would show twice, so
 * such a batch is drawn opaque in a group painted with its alpha.
 * Bordered shapes keep their arcs: readers draw a thin border at least
 * a pixel wide, which a ring between two fills would not be.
 *
 * Into an image a batch holds a few shapes only: cairo rasterises a path
 * through polygons of all its edges at once, and a stroke of thousands
 * of shapes across the map took tens of megabytes for no gain in time.
 * Only opaque batches are split: translucent shapes that do overlap,
 * such as the labels of a crowded curve, must keep being filled as one. */
#define MAX_RASTER_BATCH 64

typedef struct
{
  const ParcoursPrimitive *paint;   /* how the batch paints; NULL: empty */
  double widen;                     /* > 0: the path holds inset rectangles */
  gboolean vector;                  /* drawing into a PDF or PostScript file */
  guint n_shapes;
} ShapeBatch;

static gboolean
has_stroke (const ParcoursPrimitive *primitive)
{
  return primitive->stroke.alpha > 0 && primitive->line_width > 0;
}

static gboolean
paints_opaque (const ParcoursPrimitive *primitive)
{
  return (primitive->fill.alpha <= 0 || primitive->fill.alpha >= 1) &&
         (!has_stroke (primitive) || primitive->stroke.alpha >= 1);
}

/* Smaller than this, an inner rectangle's side is none. */
#define MIN_INNER_SIDE (1.0 / 64)

/* The radius a rectangle of @primitive would be widened by, or 0 when it
 * is drawn with arcs. */
static double
widening_radius (const ShapeBatch        *batch,
                 const ParcoursPrimitive *primitive)
{
  const ParcoursRect *r = &primitive->bounds;
  double radius = MIN (primitive->radius, MIN (r->width, r->height) / 2);

  /* A pill's inner rectangle is a line (drawn as one, with round caps);
   * a circle's is a point, which viewers may not draw at all. */
  if (!batch->vector || radius <= 0 || has_stroke (primitive) || primitive->fill.alpha <= 0 ||
      (r->width - 2 * radius < MIN_INNER_SIDE && r->height - 2 * radius < MIN_INNER_SIDE))
    return 0;

  return radius;
}

static void
widened_fill_and_stroke (cairo_t                 *cr,
                         const ParcoursPrimitive *primitive,
                         double                   radius)
{
  gboolean translucent = primitive->fill.alpha < 1;

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);

  if (translucent)
    {
      cairo_path_t *path = cairo_copy_path (cr);

      cairo_new_path (cr);
      cairo_push_group (cr);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
    }

  cairo_set_source_rgb (cr, primitive->fill.red, primitive->fill.green, primitive->fill.blue);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2 * radius);
  stroke_shapes (cr, !translucent, FALSE);

  if (translucent)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, primitive->fill.alpha);
    }
}

static void
shape_batch_flush (cairo_t    *cr,
                   ShapeBatch *batch)
{
  if (batch->paint != NULL && batch->widen > 0)
    widened_fill_and_stroke (cr, batch->paint, batch->widen);
  else if (batch->paint != NULL)
    fill_and_stroke (cr, batch->paint, batch->vector);

  batch->paint = NULL;
  batch->widen = 0;
  batch->n_shapes = 0;
}

static void
shape_batch_add (cairo_t                 *cr,
                 ShapeBatch              *batch,
                 const ParcoursPrimitive *primitive,
                 ParcoursDetail           level)
{
  double widen = primitive->kind == PARCOURS_PRIMITIVE_RECT ? widening_radius (batch, primitive) : 0;

  if (batch->paint != NULL && (batch->widen != widen || !parcours_primitive_same_paint (batch->paint, primitive) ||
                               (!batch->vector && batch->n_shapes >= MAX_RASTER_BATCH && paints_opaque (batch->paint))))
    shape_batch_flush (cr, batch);

  if (primitive->kind == PARCOURS_PRIMITIVE_PATH)
    append_path (cr, primitive);
  else if (widen > 0)
    {
      const ParcoursRect *r = &primitive->bounds;

      double width = r->width - 2 * widen, height = r->height - 2 * widen;

      if (width < MIN_INNER_SIDE)
        {
          cairo_move_to (cr, r->x + r->width / 2, r->y + widen);
          cairo_line_to (cr, r->x + r->width / 2, r->y + widen + height);
        }
      else if (height < MIN_INNER_SIDE)
        {
          cairo_move_to (cr, r->x + widen, r->y + r->height / 2);
          cairo_line_to (cr, r->x + widen + width, r->y + r->height / 2);
        }
      else
        cairo_rectangle (cr, r->x + widen, r->y + widen, width, height);
    }
  else
    rounded_rect (cr, &primitive->bounds, level == PARCOURS_DETAIL_SQUARE ? 0 : primitive->radius);

  batch->paint = primitive;
  batch->widen = widen;
  batch->n_shapes++;
}

/* Glyphs of consecutive texts that share a font and a colour are shown in
 * one call: a layer of card texts becomes a handful of text runs instead
 * of tens of thousands, which is what keeps PDF export fast. The text and
 * its clusters go along, so a PDF reader copies and searches the real
 * characters (not ligature glyphs), with spaces between words. */
#define MAX_RUN_GLYPHS 16384

/* A map's texts add hundreds of thousands of glyphs and clusters to runs,
 * one at a time: plain arrays that only grow, where GArray's general
 * append was a fifth of drawing them. */
typedef struct
{
  cairo_glyph_t *data;
  guint len;
  guint size;
} GlyphArray;

typedef struct
{
  cairo_text_cluster_t *data;
  guint len;
  guint size;
} ClusterArray;

static inline void
glyph_array_add (GlyphArray          *array,
                 const cairo_glyph_t *glyph)
{
  if (G_UNLIKELY (array->len == array->size))
    {
      array->size = MAX (256, 2 * array->size);
      array->data = g_renew (cairo_glyph_t, array->data, array->size);
    }
  array->data[array->len++] = *glyph;
}

static inline void
cluster_array_add (ClusterArray               *array,
                   const cairo_text_cluster_t *cluster)
{
  if (G_UNLIKELY (array->len == array->size))
    {
      array->size = MAX (256, 2 * array->size);
      array->data = g_renew (cairo_text_cluster_t, array->data, array->size);
    }
  array->data[array->len++] = *cluster;
}

/* Into an image, runs go no further than one text (or one icon): cairo
 * draws glyphs whose boxes overlap, as those of a paragraph's lines do,
 * through a mask of the whole run's extent, which for a run across a
 * map is as big as the image and touched page by page. One text's mask
 * is the size of that text, and a lone icon needs none. */

typedef struct
{
  cairo_scaled_font_t *font;
  PangoFont *pango_font;      /* the font @font draws */
  ParcoursRgba color;
  GlyphArray glyphs;
  ClusterArray clusters;
  GString *utf8;

  /* The primitives in the run, to say which one could not be drawn. */
  guint first;
  guint last;
  gboolean failed;

  /* The space glyph of @space_font, the last font asked. */
  PangoFont *space_font;
  hb_codepoint_t space_glyph;
  gboolean has_space;

  /* The cairo font of @scaled_font_of, the last font asked: the texts
   * drawn hold their fonts for as long as a run lives. */
  PangoFont *scaled_font_of;
  cairo_scaled_font_t *scaled_font;
} GlyphRun;

/* Most words in a row are in one font: asking Pango (and checking the
 * font's type) for each was a tenth of drawing them. */
static cairo_scaled_font_t *
glyph_run_scaled_font (GlyphRun  *run,
                       PangoFont *font)
{
  if (font != run->scaled_font_of)
    {
      run->scaled_font_of = font;
      run->scaled_font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
    }

  return run->scaled_font;
}

static void
glyph_run_flush (cairo_t  *cr,
                 GlyphRun *run)
{
  if (run->font != NULL && run->glyphs.len > 0)
    {
      set_source (cr, &run->color);
      cairo_set_scaled_font (cr, run->font);
      cairo_show_text_glyphs (cr, run->utf8->str, run->utf8->len,
                              run->glyphs.data, run->glyphs.len,
                              run->clusters.data, run->clusters.len,
                              0);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        run->failed = TRUE;
    }

  run->glyphs.len = 0;
  run->clusters.len = 0;
  g_string_truncate (run->utf8, 0);
  run->font = NULL;
}

/* The space after a word (or a line), at x: the font's space glyph,
 * which a PDF holds as a plain character of the text. Text without a
 * glyph would cost a marked-content span with its own ActualText for
 * every word, a third of a map's PDF. Without a space glyph, text that
 * belongs to no glyph. */
static void
glyph_run_add_separator (GlyphRun   *run,
                         const char *separator,
                         double      x,
                         double      baseline)
{
  cairo_text_cluster_t cluster = { strlen (separator), 0 };

  if (run->font == NULL)
    return;

  if (run->space_font != run->pango_font)
    {
      run->space_font = run->pango_font;
      run->has_space = hb_font_get_nominal_glyph (pango_font_get_hb_font (run->pango_font), ' ', &run->space_glyph);
    }

  if (run->has_space)
    {
      cairo_glyph_t glyph = { run->space_glyph, x, baseline };

      glyph_array_add (&run->glyphs, &glyph);
      separator = " ";
      cluster = (cairo_text_cluster_t) { 1, 1 };
    }

  parcours_string_append_len (run->utf8, separator, strlen (separator));
  cluster_array_add (&run->clusters, &cluster);
}

static void
glyph_run_use (cairo_t             *cr,
               GlyphRun            *run,
               cairo_scaled_font_t *font,
               PangoFont           *pango_font,
               const ParcoursRgba  *color)
{
  if (run->font != font || memcmp (&run->color, color, sizeof *color) != 0)
    {
      glyph_run_flush (cr, run);
      run->font = font;
      run->color = *color;
    }
  run->pango_font = pango_font;
}

/* Adds one glyph at *x and moves *x past it. Returns 1 if it is drawn:
 * empty glyphs take room but draw nothing; glyphs no font has would be
 * hex boxes: draw nothing either. */
static int
glyph_run_add_glyph (GlyphRun             *run,
                     const PangoGlyphInfo *info,
                     double               *x,
                     double                baseline)
{
  gboolean drawn = info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG);

  if (drawn)
    {
      cairo_glyph_t glyph = {
        info->glyph,
        *x + (double) info->geometry.x_offset / PANGO_SCALE,
        baseline + (double) info->geometry.y_offset / PANGO_SCALE,
      };

      glyph_array_add (&run->glyphs, &glyph);
    }

  *x += (double) info->geometry.width / PANGO_SCALE;
  return drawn ? 1 : 0;
}

static void
glyph_run_add_cluster (GlyphRun   *run,
                       const char *text,
                       int         num_bytes,
                       int         num_glyphs)
{
  cairo_text_cluster_t cluster = { MAX (num_bytes, 0), num_glyphs };

  if (cluster.num_bytes == 0 && cluster.num_glyphs == 0)
    return;

  parcours_string_append_len (run->utf8, text, cluster.num_bytes);
  cluster_array_add (&run->clusters, &cluster);
}

static void
glyph_run_add_line (cairo_t            *cr,
                    GlyphRun           *run,
                    const char         *text,
                    GSList             *runs,
                    double              x,
                    double              baseline,
                    const ParcoursRgba *color)
{
  for (GSList *l = runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *item = l->data;
      cairo_scaled_font_t *font = glyph_run_scaled_font (run, item->item->analysis.font);
      PangoGlyphString *glyphs = item->glyphs;
      PangoGlyphItemIter iter;
      double item_x = x;
      int pen_glyph = 0;

      x += (double) pango_glyph_string_get_width (glyphs) / PANGO_SCALE;

      if (font == NULL)
        continue;

      /* Right-to-left runs keep Pango's own drawing. */
      if (item->item->analysis.level % 2 != 0)
        {
          glyph_run_flush (cr, run);
          set_source (cr, color);
          cairo_move_to (cr, item_x, baseline);
          pango_cairo_show_glyph_item (cr, text, item);
          continue;
        }

      glyph_run_use (cr, run, font, item->item->analysis.font, color);

      /* Left to right, clusters come in the order of their glyphs. */
      for (gboolean more = pango_glyph_item_iter_init_start (&iter, item, text);
           more;
           more = pango_glyph_item_iter_next_cluster (&iter))
        {
          int num_glyphs = 0;

          while (pen_glyph < iter.start_glyph)
            item_x += (double) glyphs->glyphs[pen_glyph++].geometry.width / PANGO_SCALE;

          for (int g = iter.start_glyph; g < iter.end_glyph; g++)
            num_glyphs += glyph_run_add_glyph (run, &glyphs->glyphs[g], &item_x, baseline);
          pen_glyph = iter.end_glyph;

          glyph_run_add_cluster (run, text + iter.start_index, iter.end_index - iter.start_index, num_glyphs);
        }
    }
}

/* A piece of a long word: the glyphs of its byte range only (see
 * parcours_shaped_word_get_glyphs()). Pieces are left to right. */
static void
glyph_run_add_slice (cairo_t                  *cr,
                     GlyphRun                 *run,
                     const ParcoursShapedWord *word,
                     double                    x,
                     double                    baseline,
                     const ParcoursRgba       *color)
{
  const char *text = word->text;
  int start = word->start_index, end = word->end_index;

  for (GSList *l = word->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *item = l->data;
      PangoGlyphString *glyphs = item->glyphs;
      int offset = item->item->offset;
      int item_end = offset + item->item->length;
      cairo_scaled_font_t *font = glyph_run_scaled_font (run, item->item->analysis.font);
      int g, last, text_start;

      parcours_shaped_word_get_glyphs (word, item, &g, &last);
      if (g == last || font == NULL)
        continue;

      glyph_run_use (cr, run, font, item->item->analysis.font, color);

      /* Characters of the slice before its first glyph's cluster went
       * with that glyph, on the line above: their text too. */
      text_start = MIN (offset + glyphs->log_clusters[g], end);
      if (text_start > MAX (start, offset))
        glyph_run_add_cluster (run, text + MAX (start, offset), text_start - MAX (start, offset), 0);

      while (g < last)
        {
          int cluster = glyphs->log_clusters[g];
          int num_glyphs = 0, next;

          while (g < last && glyphs->log_clusters[g] == cluster)
            num_glyphs += glyph_run_add_glyph (run, &glyphs->glyphs[g++], &x, baseline);

          next = g < glyphs->num_glyphs ? offset + glyphs->log_clusters[g] : item_end;
          glyph_run_add_cluster (run, text + offset + cluster, MIN (next, end) - (offset + cluster), num_glyphs);
        }
    }
}

static void
draw_text (cairo_t                 *cr,
           GlyphRun                *run,
           const ParcoursPrimitive *primitive,
           guint                    index)
{
  const ParcoursTextBlock *block = primitive->text;

  if (run->glyphs.len == 0 && run->clusters.len == 0)
    run->first = index;
  run->last = index;

  for (guint l = 0; l < block->lines->len; l++)
    {
      const ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      for (guint w = line->first_word; w < line->first_word + line->n_words; w++)
        {
          const ParcoursPlacedWord *placed = &g_array_index (block->words, ParcoursPlacedWord, w);

          double x = primitive->bounds.x + placed->x;
          double baseline = primitive->bounds.y + line->baseline;

          if (placed->word->start_index > 0 || placed->word->end_index < G_MAXINT)
            glyph_run_add_slice (cr, run, placed->word, x, baseline, &primitive->color);
          else
            glyph_run_add_line (cr, run, placed->word->text, placed->word->runs, x, baseline,
                                &primitive->color);
          glyph_run_add_separator (run, w + 1 < line->first_word + line->n_words ? " " : "\n",
                                   x + placed->word->width, baseline);

          /* A run is copied by cairo: keep ours short for huge texts. */
          if (run->glyphs.len > MAX_RUN_GLYPHS)
            glyph_run_flush (cr, run);
        }
    }
}

/* Icons are drawn as glyphs of a cairo user font whose glyphs are the map
 * icons: cairo shows a whole layer of same-coloured icons in one call, and
 * a PDF holds each icon once, as a glyph of a small Type 3 font. */
G_LOCK_DEFINE_STATIC (icon_font);
static cairo_font_face_t *icon_font;
static GPtrArray *icon_font_names;      /* glyph index → interned icon name */

static cairo_status_t
icon_font_init (cairo_scaled_font_t  *scaled_font,
                cairo_t              *cr,
                cairo_font_extents_t *extents)
{
  extents->ascent = 0;
  extents->descent = 1;
  extents->height = 1;
  extents->max_x_advance = 1;
  extents->max_y_advance = 0;

  return CAIRO_STATUS_SUCCESS;
}

/* A glyph spans the unit square below and right of its origin, like the
 * icon's 16 × 16 box. */
static cairo_status_t
icon_font_render_glyph (cairo_scaled_font_t  *scaled_font,
                        unsigned long         glyph,
                        cairo_t              *cr,
                        cairo_text_extents_t *extents)
{
  const char *name;
  GPtrArray *shapes;

  G_LOCK (icon_font);
  name = glyph < icon_font_names->len ? g_ptr_array_index (icon_font_names, glyph) : NULL;
  G_UNLOCK (icon_font);

  *extents = (cairo_text_extents_t) { 0, 0, 1, 1, 1, 0 };
  if (name == NULL)
    return CAIRO_STATUS_SUCCESS;

  shapes = parcours_icons_get_shapes (name);
  cairo_scale (cr, 1.0 / 16, 1.0 / 16);
  for (guint i = 0; i < shapes->len; i++)
    {
      ParcoursIconShape *shape = g_ptr_array_index (shapes, i);

      for (guint s = 0; s < shape->segments->len; s++)
        {
          const ParcoursPathSegment *segment = &g_array_index (shape->segments, ParcoursPathSegment, s);

          switch (segment->op)
            {
            case PARCOURS_PATH_MOVE_TO:
              cairo_move_to (cr, segment->x[0], segment->y[0]);
              break;
            case PARCOURS_PATH_LINE_TO:
              cairo_line_to (cr, segment->x[0], segment->y[0]);
              break;
            case PARCOURS_PATH_CURVE_TO:
              cairo_curve_to (cr, segment->x[0], segment->y[0], segment->x[1], segment->y[1],
                              segment->x[2], segment->y[2]);
              break;
            case PARCOURS_PATH_CLOSE:
              cairo_close_path (cr);
              break;
            default:
              g_assert_not_reached ();
            }
        }

      cairo_set_fill_rule (cr, shape->even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
      cairo_fill (cr);
    }

  return CAIRO_STATUS_SUCCESS;
}

static unsigned long
icon_glyph (const char *icon_name)
{
  guint index;

  G_LOCK (icon_font);

  if (icon_font == NULL)
    {
      icon_font = cairo_user_font_face_create ();
      cairo_user_font_face_set_init_func (icon_font, icon_font_init);
      cairo_user_font_face_set_render_glyph_func (icon_font, icon_font_render_glyph);
      icon_font_names = g_ptr_array_new ();
    }

  if (!g_ptr_array_find (icon_font_names, icon_name, &index))
    {
      index = icon_font_names->len;
      g_ptr_array_add (icon_font_names, (gpointer) icon_name);
    }

  G_UNLOCK (icon_font);

  return index;
}

typedef struct
{
  double size;
  ParcoursRgba color;
  GlyphArray glyphs;
} IconRun;

static void
icon_run_flush (cairo_t *cr,
                IconRun *run)
{
  if (run->glyphs.len > 0)
    {
      /* Icons carry no text: a PDF reader copies nothing for them. One
       * cluster of no text holds the whole run, so a PDF says so once
       * (an empty ActualText span) rather than once an icon, which was
       * most of a curve's PDF. */
      cairo_text_cluster_t cluster = { 0, run->glyphs.len };

      set_source (cr, &run->color);
      cairo_set_font_face (cr, icon_font);
      cairo_set_font_size (cr, run->size);
      cairo_show_text_glyphs (cr, "", 0, run->glyphs.data, run->glyphs.len,
                              &cluster, 1, 0);
    }

  run->glyphs.len = 0;
}

static void
draw_icon (cairo_t                 *cr,
           IconRun                 *run,
           const ParcoursPrimitive *icon)
{
  cairo_glyph_t glyph = { icon_glyph (icon->icon_name), icon->bounds.x, icon->bounds.y };

  if (run->glyphs.len > 0 &&
      (run->size != icon->bounds.width || memcmp (&run->color, &icon->fill, sizeof run->color) != 0))
    icon_run_flush (cr, run);

  run->size = icon->bounds.width;
  run->color = icon->fill;
  glyph_array_add (&run->glyphs, &glyph);
}

/* An image that does not decode draws nothing: what is under it shows. */
static void
draw_image (cairo_t                 *cr,
            const ParcoursPrimitive *image)
{
  g_autoptr(GdkPixbuf) pixbuf = parcours_image_decode (image->image, PARCOURS_IMAGE_MAX_DRAWN_SIDE, NULL);
  const ParcoursRect *b = &image->bounds;
  cairo_surface_t *surface;
  double x, y, width, height;
  int pw, ph;

  if (pixbuf == NULL)
    return;

  pw = gdk_pixbuf_get_width (pixbuf);
  ph = gdk_pixbuf_get_height (pixbuf);
  parcours_image_cover_rect (pw, ph, b->x, b->y, b->width, b->height, &x, &y, &width, &height);

  cairo_save (cr);
  cairo_new_path (cr);
  rounded_rect (cr, b, image->radius);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width / pw, height / ph);
  surface = parcours_image_to_surface (pixbuf);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

/* Which text of a run that cairo refused is to blame: each is drawn on
 * its own, off screen, until one fails. Only runs after a failure. */
static void
set_text_error (ParcoursDisplayList *list,
                const GlyphRun      *failed,
                cairo_status_t       status,
                GError             **error)
{
  cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  const ParcoursPrimitive *culprit = NULL;

  for (guint i = failed->first; i <= failed->last && culprit == NULL; i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);
      GlyphRun run = { 0 };
      cairo_t *cr;

      if (primitive->kind != PARCOURS_PRIMITIVE_TEXT)
        continue;

      cr = cairo_create (scratch);
      run.utf8 = g_string_new (NULL);
      draw_text (cr, &run, primitive, i);
      glyph_run_flush (cr, &run);
      if (run.failed)
        {
          culprit = primitive;
          status = cairo_status (cr);
        }
      g_free (run.glyphs.data);
      g_free (run.clusters.data);
      g_string_free (run.utf8, TRUE);
      cairo_destroy (cr);
    }

  cairo_surface_destroy (scratch);

  if (culprit != NULL)
    {
      g_autofree char *excerpt = g_utf8_substring (culprit->text->text, 0,
                                                   MIN (g_utf8_strlen (culprit->text->text, 200), 40));

      g_strdelimit (excerpt, "\n", ' ');
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The text “%s” could not be drawn: %s"), excerpt, cairo_status_to_string (status));
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("A text could not be drawn: %s"), cairo_status_to_string (status));
}

static gboolean draw_primitives (ParcoursDisplayList  *list,
                                 cairo_t              *cr,
                                 const ParcoursRect   *clip,
                                 guint                 first,
                                 guint                 end,
                                 double                detail,
                                 GError              **error);

static gboolean render (ParcoursDisplayList  *list,
                        cairo_t              *cr,
                        const ParcoursRect   *clip,
                        gboolean              paint_background,
                        gboolean              level_of_detail,
                        GError              **error);

/**
 * parcours_cairo_render:
 * @list: a display list
 * @cr: where to draw, in layout units
 * @clip: (nullable): only primitives meeting this rectangle are drawn
 * @paint_background: whether to fill the background first
 * @error: return location for a #GError
 *
 * Draws the list, checking the context after every step: cairo draws
 * nothing more once it has refused something, so an error here means the
 * drawing is incomplete and must not be handed out.
 *
 * Returns: whether everything was drawn
 */
gboolean
parcours_cairo_render (ParcoursDisplayList  *list,
                       cairo_t              *cr,
                       const ParcoursRect   *clip,
                       gboolean              paint_background,
                       GError              **error)
{
  return render (list, cr, clip, paint_background, FALSE, error);
}

/**
 * parcours_cairo_render_overview:
 * @list: a display list
 * @cr: where to draw, in layout units, usually scaled far down
 * @paint_background: whether to fill the background first
 * @error: return location for a #GError
 *
 * Draws the list as parcours_cairo_render() does, at the level of detail
 * the scale of @cr can show, as map renderers do: a line of text smaller
 * than about 3 device pixels is a grey bar of its width, and shapes
 * smaller than a pixel are left out. For thumbnails and overviews, never
 * for exports.
 *
 * Returns: whether everything was drawn
 */
gboolean
parcours_cairo_render_overview (ParcoursDisplayList  *list,
                                cairo_t              *cr,
                                gboolean              paint_background,
                                GError              **error)
{
  return render (list, cr, NULL, paint_background, TRUE, error);
}

static gboolean
render (ParcoursDisplayList  *list,
        cairo_t              *cr,
        const ParcoursRect   *clip,
        gboolean              paint_background,
        gboolean              level_of_detail,
        GError              **error)
{
  double detail = 0;
  gboolean drawn;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (!check_status (cairo_status (cr), error))
    return FALSE;

  if (level_of_detail)
    detail = device_units_per_unit (cr);

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

  drawn = draw_primitives (list, cr, clip, 0, parcours_display_list_get_n_items (list), detail, error);

  cairo_restore (cr);

  return drawn;
}

/**
 * parcours_cairo_render_range:
 * @list: a display list
 * @cr: where to draw, in layout units
 * @first: the first primitive to draw
 * @n: how many
 *
 * Draws some primitives of @list, as parcours_cairo_render() would: the
 * GSK backend draws paths and icons with it. A failure shows as the
 * status of @cr.
 */
void
parcours_cairo_render_range (ParcoursDisplayList *list,
                             cairo_t             *cr,
                             guint                first,
                             guint                n)
{
  g_return_if_fail (list != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (first + n <= parcours_display_list_get_n_items (list));

  cairo_save (cr);
  draw_primitives (list, cr, NULL, first, first + n, 0, NULL);
  cairo_restore (cr);
}

/* A line of text too small to read: its bar, added to the path; the
 * caller fills all bars of one colour together. */
static void
append_text_bars (cairo_t                 *cr,
                  const ParcoursPrimitive *primitive)
{
  for (guint l = 0; l < primitive->text->lines->len; l++)
    {
      ParcoursRect bar;

      if (parcours_primitive_get_text_bar (primitive, l, &bar))
        cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
    }
}

static void
fill_text_bars (cairo_t            *cr,
                const ParcoursRgba *color)
{
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * PARCOURS_DETAIL_BAR_OPACITY);
  cairo_fill (cr);
}

static gboolean
draw_primitives (ParcoursDisplayList  *list,
                 cairo_t              *cr,
                 const ParcoursRect   *clip,
                 guint                 first,
                 guint                 end,
                 double                detail,
                 GError              **error)
{
  const ParcoursPrimitive *bars = NULL;
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  ShapeBatch batch = { NULL, 0, target == CAIRO_SURFACE_TYPE_PDF || target == CAIRO_SURFACE_TYPE_PS, 0 };
  GlyphRun run = { 0 };
  IconRun icons = { 0 };
  cairo_status_t status;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  run.utf8 = g_string_new (NULL);
  for (guint i = first; i < end && !run.failed && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      ParcoursDetail level;
      gboolean as_bars;

      if (clip != NULL && !parcours_rect_intersects (&primitive->bounds, clip))
        continue;
      level = parcours_primitive_get_detail (primitive, detail);
      if (level == PARCOURS_DETAIL_HIDDEN)
        continue;

      as_bars = level == PARCOURS_DETAIL_BARS;
      if (bars != NULL && (!as_bars || memcmp (&bars->color, &primitive->color, sizeof bars->color) != 0))
        {
          fill_text_bars (cr, &bars->color);
          bars = NULL;
        }
      if (as_bars)
        {
          shape_batch_flush (cr, &batch);
          glyph_run_flush (cr, &run);
          icon_run_flush (cr, &icons);
          append_text_bars (cr, primitive);
          bars = primitive;
          continue;
        }

      if (primitive->kind != PARCOURS_PRIMITIVE_TEXT)
        glyph_run_flush (cr, &run);
      if (primitive->kind != PARCOURS_PRIMITIVE_ICON)
        icon_run_flush (cr, &icons);

      if (primitive->kind == PARCOURS_PRIMITIVE_TEXT || primitive->kind == PARCOURS_PRIMITIVE_ICON ||
          primitive->kind == PARCOURS_PRIMITIVE_IMAGE)
        shape_batch_flush (cr, &batch);

      switch (primitive->kind)
        {
        case PARCOURS_PRIMITIVE_RECT:
        case PARCOURS_PRIMITIVE_PATH:
          shape_batch_add (cr, &batch, primitive, level);
          break;

        case PARCOURS_PRIMITIVE_TEXT:
          if (!batch.vector)
            glyph_run_flush (cr, &run);
          draw_text (cr, &run, primitive, i);
          break;

        case PARCOURS_PRIMITIVE_ICON:
          if (!batch.vector)
            icon_run_flush (cr, &icons);
          draw_icon (cr, &icons, primitive);
          break;

        case PARCOURS_PRIMITIVE_IMAGE:
          draw_image (cr, primitive);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  shape_batch_flush (cr, &batch);
  if (bars != NULL)
    fill_text_bars (cr, &bars->color);
  glyph_run_flush (cr, &run);
  icon_run_flush (cr, &icons);
  g_free (icons.glyphs.data);
  g_free (run.glyphs.data);
  g_free (run.clusters.data);
  g_string_free (run.utf8, TRUE);

  status = cairo_status (cr);

  if (run.failed)
    {
      set_text_error (list, &run, status, error);
      return FALSE;
    }

  return check_status (status, error);
}
