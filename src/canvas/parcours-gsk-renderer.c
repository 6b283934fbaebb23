/* parcours-gsk-renderer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "parcours-cairo-renderer.h"
#include "parcours-gsk-renderer.h"
#include "parcours-image.h"

/* Draws a display list as GSK render nodes, for the canvas: rectangles
 * become colour, clip and border nodes, text becomes glyph (text) nodes
 * from the same shaped words the cairo backend shows, and paths and icons
 * go through cairo nodes drawn by the cairo backend itself (GTK 4.8 has
 * no path node). Geometry stays in layout units; the canvas puts the
 * nodes under its zoom. */

static GdkRGBA
to_gdk (const ParcoursRgba *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

static graphene_rect_t
to_graphene (const ParcoursRect *rect)
{
  return GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
}

static void
append_rect (GtkSnapshot             *snapshot,
             const ParcoursPrimitive *primitive,
             ParcoursDetail           level)
{
  graphene_rect_t bounds = to_graphene (&primitive->bounds);
  double radius = level == PARCOURS_DETAIL_SQUARE ? 0 : MIN (primitive->radius, MIN (bounds.size.width, bounds.size.height) / 2);

  if (primitive->fill.alpha > 0)
    {
      GdkRGBA fill = to_gdk (&primitive->fill);

      if (radius > 0)
        {
          GskRoundedRect clip;

          gsk_rounded_rect_init_from_rect (&clip, &bounds, radius);
          gtk_snapshot_push_rounded_clip (snapshot, &clip);
          gtk_snapshot_append_color (snapshot, &fill, &bounds);
          gtk_snapshot_pop (snapshot);
        }
      else
        {
          gtk_snapshot_append_color (snapshot, &fill, &bounds);
        }
    }

  /* cairo strokes are centred on the outline: a border node as wide,
   * half outside. */
  if (primitive->stroke.alpha > 0 && primitive->line_width > 0)
    {
      double half = primitive->line_width / 2;
      graphene_rect_t outer = GRAPHENE_RECT_INIT (bounds.origin.x - half, bounds.origin.y - half,
                                                  bounds.size.width + 2 * half,
                                                  bounds.size.height + 2 * half);
      GdkRGBA stroke = to_gdk (&primitive->stroke);
      const GdkRGBA colors[4] = { stroke, stroke, stroke, stroke };
      float width = primitive->line_width;
      const float widths[4] = { width, width, width, width };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &outer, radius > 0 ? radius + half : 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* Decoded images, by the bytes they come from (a reference is kept, so
 * an address is never reused while it is a key): a photo is decoded once,
 * not once per tile and frame. An image that does not decode is kept as
 * %NULL. The canvas draws on the main thread only. */
#define MAX_CACHED_TEXTURES 32

static void
clear_texture (gpointer texture)
{
  g_clear_object (&texture);
}

static GdkTexture *
lookup_texture (GBytes *bytes)
{
  static GHashTable *textures;
  GdkTexture *texture;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (textures == NULL)
    textures = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref, clear_texture);

  if (g_hash_table_lookup_extended (textures, bytes, NULL, (gpointer *) &texture))
    return texture;

  if (g_hash_table_size (textures) >= MAX_CACHED_TEXTURES)
    g_hash_table_remove_all (textures);

  pixbuf = parcours_image_decode (bytes, PARCOURS_IMAGE_MAX_DRAWN_SIDE, NULL);
  texture = pixbuf ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;
  g_hash_table_insert (textures, g_bytes_ref (bytes), texture);

  return texture;
}

static void
append_image (GtkSnapshot             *snapshot,
              const ParcoursPrimitive *primitive)
{
  GdkTexture *texture = lookup_texture (primitive->image);
  graphene_rect_t bounds = to_graphene (&primitive->bounds);
  double x, y, width, height;
  GskRoundedRect clip;

  if (texture == NULL)
    return;

  parcours_image_cover_rect (gdk_texture_get_width (texture), gdk_texture_get_height (texture),
                             bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                             &x, &y, &width, &height);
  gsk_rounded_rect_init_from_rect (&clip, &bounds,
                                   MIN (primitive->radius, MIN (bounds.size.width, bounds.size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

/* The glyphs of one line of one font, gathered into one text node. */
typedef struct
{
  PangoFont *font;
  PangoGlyphString *glyphs;
  double x;
  double pen;
  double baseline;
} TextRun;

static void
text_run_flush (GtkSnapshot   *snapshot,
                TextRun       *run,
                const GdkRGBA *color)
{
  if (run->font != NULL && run->glyphs->num_glyphs > 0)
    {
      GskRenderNode *node = gsk_text_node_new (run->font, run->glyphs, color,
                                               &GRAPHENE_POINT_INIT (run->x, run->baseline));

      /* NULL when nothing in it has ink: spaces only. */
      if (node != NULL)
        {
          gtk_snapshot_append_node (snapshot, node);
          gsk_render_node_unref (node);
        }
    }

  pango_glyph_string_set_size (run->glyphs, 0);
  run->font = NULL;
}

/* Adds glyphs [first, last) of @item at @x. */
static void
text_run_add (GtkSnapshot      *snapshot,
              TextRun          *run,
              const GdkRGBA    *color,
              PangoGlyphItem   *item,
              int               first,
              int               last,
              double            x,
              double            baseline)
{
  PangoFont *font = item->item->analysis.font;
  PangoGlyphString *glyphs = item->glyphs;
  int start;

  if (font == NULL || first >= last)
    return;

  /* Words of one line and font join one node: the space before a word
   * widens the glyph before it. */
  if (run->font != font || run->baseline != baseline || x < run->pen - 0.01)
    {
      text_run_flush (snapshot, run, color);
      run->font = font;
      run->x = run->pen = x;
      run->baseline = baseline;
    }
  else if (run->glyphs->num_glyphs > 0 && x > run->pen)
    {
      run->glyphs->glyphs[run->glyphs->num_glyphs - 1].geometry.width += (int) ((x - run->pen) * PANGO_SCALE);
      run->pen = x;
    }

  start = run->glyphs->num_glyphs;
  pango_glyph_string_set_size (run->glyphs, start + last - first);
  for (int g = first; g < last; g++)
    {
      PangoGlyphInfo info = glyphs->glyphs[g];

      /* Glyphs no font has would be hex boxes: the cairo backend draws
       * nothing for them, and neither does the screen. */
      if (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        info.glyph = PANGO_GLYPH_EMPTY;
      run->glyphs->glyphs[start + g - first] = info;
      run->pen += (double) info.geometry.width / PANGO_SCALE;
    }
}

/**
 * parcours_gsk_is_simplified:
 * @primitive: a primitive
 * @scale: device pixels per layout unit
 *
 * Returns: whether @primitive is drawn in less detail at @scale: text too
 *   small to read, drawn as bars (parcours_primitive_get_detail(), as
 *   every backend decides it)
 */
gboolean
parcours_gsk_is_simplified (const ParcoursPrimitive *primitive,
                            double                   scale)
{
  return parcours_primitive_get_detail (primitive, scale) == PARCOURS_DETAIL_BARS;
}

static void
append_text_bars (GtkSnapshot             *snapshot,
                  const ParcoursPrimitive *primitive)
{
  GdkRGBA color = to_gdk (&primitive->color);

  color.alpha *= PARCOURS_DETAIL_BAR_OPACITY;
  for (guint l = 0; l < primitive->text->lines->len; l++)
    {
      ParcoursRect bar;

      if (parcours_primitive_get_text_bar (primitive, l, &bar))
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (bar.x, bar.y, bar.width, bar.height));
    }
}

static void
append_text (GtkSnapshot             *snapshot,
             const ParcoursPrimitive *primitive,
             double                   scale)
{
  const ParcoursTextBlock *block = primitive->text;
  GdkRGBA color = to_gdk (&primitive->color);
  TextRun run = { NULL, pango_glyph_string_new (), 0, 0, 0 };

  if (parcours_gsk_is_simplified (primitive, scale))
    {
      append_text_bars (snapshot, primitive);
      pango_glyph_string_free (run.glyphs);
      return;
    }

  for (guint l = 0; l < block->lines->len; l++)
    {
      const ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);
      double baseline = primitive->bounds.y + line->baseline;

      for (guint w = line->first_word; w < line->first_word + line->n_words; w++)
        {
          const ParcoursPlacedWord *placed = &g_array_index (block->words, ParcoursPlacedWord, w);
          double x = primitive->bounds.x + placed->x;

          /* A piece of a long word draws only its slice of the line. */
          for (GSList *r = placed->word->runs; r != NULL; r = r->next)
            {
              PangoGlyphItem *item = r->data;
              int first, last;

              parcours_shaped_word_get_glyphs (placed->word, item, &first, &last);
              text_run_add (snapshot, &run, &color, item, first, last, x, baseline);
              for (int g = first; g < last; g++)
                x += (double) item->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
            }
        }
    }

  text_run_flush (snapshot, &run, &color);
  pango_glyph_string_free (run.glyphs);
}

static void
union_bounds (graphene_rect_t         *bounds,
              const ParcoursPrimitive *primitive,
              gboolean                 first)
{
  double grow = primitive->kind == PARCOURS_PRIMITIVE_PATH ? primitive->line_width / 2 + 1 : 1;
  graphene_rect_t r = GRAPHENE_RECT_INIT (primitive->bounds.x - grow, primitive->bounds.y - grow,
                                          primitive->bounds.width + 2 * grow,
                                          primitive->bounds.height + 2 * grow);

  if (first)
    *bounds = r;
  else
    graphene_rect_union (bounds, &r, bounds);
}

/* Paths and icons [first, end) in one cairo node, drawn by the cairo
 * backend: the same curves and icon glyphs as every export. */
static void
append_cairo (ParcoursDisplayList *list,
              GtkSnapshot         *snapshot,
              guint                first,
              guint                end)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  for (guint i = first; i < end; i++)
    union_bounds (&bounds, parcours_display_list_get_item (list, i), i == first);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  parcours_cairo_render_range (list, cr, first, end - first);
  cairo_destroy (cr);
}

static gboolean
is_drawn_by_cairo (const ParcoursPrimitive *primitive)
{
  return primitive->kind == PARCOURS_PRIMITIVE_PATH || primitive->kind == PARCOURS_PRIMITIVE_ICON;
}

/**
 * parcours_gsk_render_range:
 * @list: a display list
 * @snapshot: where to add the nodes, in layout units
 * @first: the first primitive to draw
 * @n: how many
 * @scale: device pixels per layout unit, which decides the detail (0 for
 *   every detail)
 *
 * Appends render nodes that draw primitives [@first, @first + @n) of
 * @list as the cairo backend draws them.
 */
void
parcours_gsk_render_range (ParcoursDisplayList *list,
                           GtkSnapshot         *snapshot,
                           guint                first,
                           guint                n,
                           double               scale)
{
  guint end = first + n;

  g_return_if_fail (list != NULL);
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (end <= parcours_display_list_get_n_items (list));

  for (guint i = first; i < end; i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);
      ParcoursDetail level = parcours_primitive_get_detail (primitive, scale);

      /* Smaller than a pixel: nothing anyone sees. */
      if (level == PARCOURS_DETAIL_HIDDEN)
        continue;

      if (is_drawn_by_cairo (primitive))
        {
          guint last = i + 1;

          while (last < end && is_drawn_by_cairo (parcours_display_list_get_item (list, last)))
            last++;
          append_cairo (list, snapshot, i, last);
          i = last - 1;
          continue;
        }

      switch (primitive->kind)
        {
        case PARCOURS_PRIMITIVE_RECT:
          append_rect (snapshot, primitive, level);
          break;

        case PARCOURS_PRIMITIVE_TEXT:
          append_text (snapshot, primitive, scale);
          break;

        case PARCOURS_PRIMITIVE_IMAGE:
          append_image (snapshot, primitive);
          break;

        case PARCOURS_PRIMITIVE_PATH:
        case PARCOURS_PRIMITIVE_ICON:
        default:
          g_assert_not_reached ();
        }
    }
}
