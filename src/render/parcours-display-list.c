/* parcours-display-list.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-display-list.h"

struct _ParcoursDisplayList
{
  grefcount ref_count;
  double width;
  double height;
  ParcoursRgba background;
  GArray *items;          /* of ParcoursPrimitive */
  ParcoursElement *element;   /* given to the primitives added now */
  const char *last_icon_name; /* interned: the name of the icon added last */
};

G_DEFINE_BOXED_TYPE (ParcoursDisplayList, parcours_display_list,
                     parcours_display_list_ref, parcours_display_list_unref)

static const ParcoursRgba transparent = { 0, 0, 0, 0 };

static void
clear_primitive (gpointer data)
{
  ParcoursPrimitive *primitive = data;

  switch (primitive->kind)
    {
    case PARCOURS_PRIMITIVE_PATH:
      g_clear_pointer (&primitive->segments, g_free);
      break;
    case PARCOURS_PRIMITIVE_TEXT:
      g_clear_pointer (&primitive->text, parcours_text_block_unref);
      break;
    case PARCOURS_PRIMITIVE_IMAGE:
      g_clear_pointer (&primitive->image, g_bytes_unref);
      break;
    case PARCOURS_PRIMITIVE_RECT:
    case PARCOURS_PRIMITIVE_ICON:
    default:
      break;
    }
}

ParcoursDisplayList *
parcours_display_list_new (double       width,
                           double       height,
                           ParcoursRgba background)
{
  ParcoursDisplayList *self = g_new0 (ParcoursDisplayList, 1);

  g_ref_count_init (&self->ref_count);
  self->width = width;
  self->height = height;
  self->background = background;
  self->items = g_array_sized_new (FALSE, TRUE, sizeof (ParcoursPrimitive), 1024);
  g_array_set_clear_func (self->items, clear_primitive);

  return self;
}

ParcoursDisplayList *
parcours_display_list_ref (ParcoursDisplayList *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
parcours_display_list_unref (ParcoursDisplayList *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->items);
      g_free (self);
    }
}

double
parcours_display_list_get_width (ParcoursDisplayList *self)
{
  return self->width;
}

double
parcours_display_list_get_height (ParcoursDisplayList *self)
{
  return self->height;
}

ParcoursRgba
parcours_display_list_get_background (ParcoursDisplayList *self)
{
  return self->background;
}

guint
parcours_display_list_get_n_items (ParcoursDisplayList *self)
{
  return self->items->len;
}

const ParcoursPrimitive *
parcours_display_list_get_item (ParcoursDisplayList *self,
                                guint                index)
{
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, ParcoursPrimitive, index);
}

/**
 * parcours_display_list_splice:
 * @self: a display list nobody else reads yet
 * @first: the first primitive to replace
 * @n_removed: how many to replace
 * @source: the primitives to put in their place, moved out of it
 *
 * Replaces primitives in place: the canvas keeps its list up to date one
 * element at a time after an edit instead of painting the map again.
 */
void
parcours_display_list_splice (ParcoursDisplayList *self,
                              guint                first,
                              guint                n_removed,
                              ParcoursDisplayList *source)
{
  guint n_added, n_copied;

  g_return_if_fail (self != NULL && source != NULL && self != source);
  g_return_if_fail (first <= self->items->len && n_removed <= self->items->len - first);

  n_added = source->items->len;
  n_copied = MIN (n_added, n_removed);
  for (guint i = first; i < first + n_removed; i++)
    clear_primitive (&g_array_index (self->items, ParcoursPrimitive, i));

  /* Overwrite what is there, then grow or shrink by the difference. */
  memcpy (&g_array_index (self->items, ParcoursPrimitive, first), source->items->data,
          n_copied * sizeof (ParcoursPrimitive));
  if (n_added > n_removed)
    g_array_insert_vals (self->items, first + n_removed,
                         &g_array_index (source->items, ParcoursPrimitive, n_removed),
                         n_added - n_removed);
  else if (n_removed > n_added)
    g_array_remove_range (self->items, first + n_added, n_removed - n_added);

  /* The moved primitives belong to @self now. */
  g_array_set_clear_func (source->items, NULL);
  g_array_set_size (source->items, 0);
  g_array_set_clear_func (source->items, clear_primitive);
}

/**
 * parcours_display_list_set_element:
 * @element: (nullable): the element the next primitives draw
 *
 * Tags the primitives added from now on with @element, until the next
 * call; %NULL for the map's background.
 */
void
parcours_display_list_set_element (ParcoursDisplayList *self,
                                   ParcoursElement     *element)
{
  g_return_if_fail (self != NULL);

  self->element = element;
}

static ParcoursPrimitive *
append (ParcoursDisplayList   *self,
        ParcoursPrimitiveKind  kind)
{
  ParcoursPrimitive *primitive;

  g_array_set_size (self->items, self->items->len + 1);
  primitive = &g_array_index (self->items, ParcoursPrimitive, self->items->len - 1);
  primitive->kind = kind;
  primitive->fill = transparent;
  primitive->stroke = transparent;
  primitive->element = self->element;

  return primitive;
}

void
parcours_display_list_add_rect (ParcoursDisplayList *self,
                                const ParcoursRect  *rect,
                                double               radius,
                                const ParcoursRgba  *fill,
                                const ParcoursRgba  *stroke,
                                double               line_width)
{
  ParcoursPrimitive *primitive = append (self, PARCOURS_PRIMITIVE_RECT);

  primitive->bounds = *rect;
  primitive->radius = radius;
  primitive->fill = fill ? *fill : transparent;
  primitive->stroke = stroke ? *stroke : transparent;
  primitive->line_width = line_width;
}

void
parcours_display_list_add_path (ParcoursDisplayList       *self,
                                const ParcoursPathSegment *segments,
                                guint                      n_segments,
                                const ParcoursRgba        *fill,
                                const ParcoursRgba        *stroke,
                                double                     line_width,
                                gboolean                   dashed)
{
  ParcoursPrimitive *primitive;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (n_segments > 0);

  primitive = append (self, PARCOURS_PRIMITIVE_PATH);
  primitive->segments = g_memdup2 (segments, sizeof *segments * n_segments);
  primitive->n_segments = n_segments;
  primitive->fill = fill ? *fill : transparent;
  primitive->stroke = stroke ? *stroke : transparent;
  primitive->line_width = line_width;
  primitive->dashed = dashed;

  /* Control points bound a Bézier curve, so this box is safe. */
  for (guint i = 0; i < n_segments; i++)
    {
      guint n_points = segments[i].op == PARCOURS_PATH_CURVE_TO ? 3 :
                       segments[i].op == PARCOURS_PATH_CLOSE ? 0 : 1;

      for (guint p = 0; p < n_points; p++)
        {
          x0 = MIN (x0, segments[i].x[p]);
          y0 = MIN (y0, segments[i].y[p]);
          x1 = MAX (x1, segments[i].x[p]);
          y1 = MAX (y1, segments[i].y[p]);
        }
    }

  primitive->bounds.x = x0 - line_width / 2;
  primitive->bounds.y = y0 - line_width / 2;
  primitive->bounds.width = x1 - x0 + line_width;
  primitive->bounds.height = y1 - y0 + line_width;
}

void
parcours_display_list_add_text (ParcoursDisplayList *self,
                                ParcoursTextBlock   *text,
                                double               x,
                                double               y,
                                const ParcoursRgba  *color)
{
  ParcoursPrimitive *primitive;

  g_return_if_fail (text != NULL);

  primitive = append (self, PARCOURS_PRIMITIVE_TEXT);
  primitive->text = parcours_text_block_ref (text);
  primitive->bounds.x = x;
  primitive->bounds.y = y;
  primitive->bounds.width = text->wrap_width >= 0 ? MAX (text->wrap_width, text->width)
                                                  : text->width;
  primitive->bounds.height = text->height;
  primitive->color = *color;
}

void
parcours_display_list_add_icon (ParcoursDisplayList *self,
                                const char          *icon_name,
                                const ParcoursRect  *rect,
                                const ParcoursRgba  *color)
{
  ParcoursPrimitive *primitive = append (self, PARCOURS_PRIMITIVE_ICON);

  /* Icons come in layers of one name (a curve's faces): interning each,
   * under GLib's global lock, was half of adding them. */
  if (icon_name != NULL && (self->last_icon_name == NULL || strcmp (icon_name, self->last_icon_name) != 0))
    self->last_icon_name = g_intern_string (icon_name);
  primitive->icon_name = icon_name != NULL ? self->last_icon_name : NULL;
  primitive->bounds = *rect;
  primitive->fill = *color;
}

void
parcours_display_list_add_image (ParcoursDisplayList *self,
                                 GBytes              *image,
                                 const ParcoursRect  *rect,
                                 double               radius)
{
  ParcoursPrimitive *primitive;

  g_return_if_fail (image != NULL);

  primitive = append (self, PARCOURS_PRIMITIVE_IMAGE);
  primitive->image = g_bytes_ref (image);
  primitive->bounds = *rect;
  primitive->radius = radius;
}

/* Whether two shapes paint alike, so a backend may fill them together. */
gboolean
parcours_primitive_same_paint (const ParcoursPrimitive *a,
                               const ParcoursPrimitive *b)
{
  return memcmp (&a->fill, &b->fill, sizeof a->fill) == 0 &&
         memcmp (&a->stroke, &b->stroke, sizeof a->stroke) == 0 &&
         a->line_width == b->line_width &&
         a->dashed == b->dashed &&
         a->even_odd == b->even_odd;
}

gboolean
parcours_rect_intersects (const ParcoursRect *a,
                          const ParcoursRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/**
 * parcours_primitive_get_detail:
 * @primitive: a primitive
 * @pixels_per_unit: device pixels per layout unit, 0 for every detail
 *
 * The one level-of-detail decision, as map renderers make it: a shape
 * smaller than a pixel is left out, text whose lines would be less
 * than %PARCOURS_DETAIL_MIN_TEXT_PIXELS tall is a grey bar a line
 * (parcours_primitive_get_text_bar()), and a rectangle whose corners'
 * radius would be under %PARCOURS_DETAIL_MIN_RADIUS_PIXELS is square.
 *
 * Returns: how @primitive shows at @pixels_per_unit
 */
ParcoursDetail
parcours_primitive_get_detail (const ParcoursPrimitive *primitive,
                               double                   pixels_per_unit)
{
  const ParcoursTextBlock *block;

  if (pixels_per_unit <= 0)
    return PARCOURS_DETAIL_FULL;
  if (MAX (primitive->bounds.width, primitive->bounds.height) * pixels_per_unit < 1.0)
    return PARCOURS_DETAIL_HIDDEN;
  if (primitive->kind == PARCOURS_PRIMITIVE_RECT && primitive->radius > 0 &&
      primitive->radius * pixels_per_unit < PARCOURS_DETAIL_MIN_RADIUS_PIXELS)
    return PARCOURS_DETAIL_SQUARE;
  if (primitive->kind != PARCOURS_PRIMITIVE_TEXT)
    return PARCOURS_DETAIL_FULL;

  block = primitive->text;
  if (block->lines->len > 0 &&
      block->height / block->lines->len * pixels_per_unit < PARCOURS_DETAIL_MIN_TEXT_PIXELS)
    return PARCOURS_DETAIL_BARS;

  return PARCOURS_DETAIL_FULL;
}

/**
 * parcours_primitive_get_text_bar:
 * @primitive: a text primitive
 * @line: one of its lines
 * @bar: (out): the bar that stands for it, in layout units
 *
 * A line of text too small to read: a bar of its width, about as tall as
 * its lower-case letters.
 *
 * Returns: whether the line has a bar (an empty line has none)
 */
gboolean
parcours_primitive_get_text_bar (const ParcoursPrimitive *primitive,
                                 guint                    line,
                                 ParcoursRect            *bar)
{
  const ParcoursTextBlock *block = primitive->text;
  const ParcoursTextLine *text_line;
  double line_height;

  g_return_val_if_fail (primitive->kind == PARCOURS_PRIMITIVE_TEXT, FALSE);
  g_return_val_if_fail (line < block->lines->len, FALSE);

  text_line = &g_array_index (block->lines, ParcoursTextLine, line);
  if (text_line->width <= 0)
    return FALSE;

  line_height = block->height / block->lines->len;
  *bar = (ParcoursRect) {
    primitive->bounds.x + text_line->x, primitive->bounds.y + text_line->baseline - line_height * 0.45,
    text_line->width, line_height * 0.45,
  };
  return TRUE;
}
