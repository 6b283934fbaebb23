/* parcours-display-list.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "parcours-element.h"
#include "parcours-style.h"
#include "parcours-text-measurer.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ParcoursRect;

typedef enum
{
  PARCOURS_PRIMITIVE_RECT,
  PARCOURS_PRIMITIVE_PATH,
  PARCOURS_PRIMITIVE_TEXT,
  PARCOURS_PRIMITIVE_ICON,
  PARCOURS_PRIMITIVE_IMAGE,
} ParcoursPrimitiveKind;

typedef enum
{
  PARCOURS_PATH_MOVE_TO,
  PARCOURS_PATH_LINE_TO,
  PARCOURS_PATH_CURVE_TO,
  PARCOURS_PATH_CLOSE,
} ParcoursPathOp;

typedef struct
{
  ParcoursPathOp op;
  double x[3];
  double y[3];
} ParcoursPathSegment;

/* One drawing instruction. Geometry is in layout units; @bounds covers
 * everything the primitive paints (used for culling and pagination).
 *
 * A map holds tens of thousands of these, so what only one kind uses
 * shares room with what other kinds use (read a field by @kind): a text's
 * @color is a shape's @stroke, and a primitive holds one of @segments,
 * @icon_name, @image and @text. */
typedef struct
{
  ParcoursRect bounds;

  /* Rects, paths and icons. A colour with alpha 0 is not painted. */
  ParcoursRgba fill;
  union
  {
    ParcoursRgba stroke;        /* rects and paths */

    /* Text: the block's first line starts at bounds.x, bounds.y. */
    ParcoursRgba color;
  };
  double line_width;
  double radius;                /* rects: rounded corners */

  union
  {
    /* Paths: @n_segments of them. */
    ParcoursPathSegment *segments;

    /* Icons: a map icon (parcours-icons.h, interned name), its shapes
     * filled with @fill and scaled into @bounds. */
    const char *icon_name;

    /* Images: an encoded PNG or JPEG (a persona's photo), scaled to cover
     * @bounds, centred, and clipped to it with rounded corners of @radius
     * (half the width for a circle). Owned by the primitive. */
    GBytes *image;

    /* Text, drawn in @color. */
    ParcoursTextBlock *text;
  };

  /* The map element this primitive draws (a card, an emotion point, a
   * stage or lane header), or NULL for the map's background. Painted for
   * the screen, an element's primitives are consecutive, so the canvas
   * caches, lifts and redraws one element alone. Not owned: the layout
   * the list was painted from keeps the element alive. */
  ParcoursElement *element;

  guint n_segments;             /* paths; 0 for the other kinds */
  ParcoursPrimitiveKind kind : 8;
  guint dashed : 1;             /* rects and paths */
  guint even_odd : 1;           /* paths */
} ParcoursPrimitive;

/* The flat list of primitives a painted map is made of, in painting order.
 * Every backend (cairo, SVG, GSK) draws this and nothing else. */
typedef struct _ParcoursDisplayList ParcoursDisplayList;

GType                    parcours_display_list_get_type      (void) G_GNUC_CONST;
ParcoursDisplayList     *parcours_display_list_new           (double                    width,
                                                              double                    height,
                                                              ParcoursRgba              background);
ParcoursDisplayList     *parcours_display_list_ref           (ParcoursDisplayList      *self);
void                     parcours_display_list_unref         (ParcoursDisplayList      *self);
double                   parcours_display_list_get_width     (ParcoursDisplayList      *self);
double                   parcours_display_list_get_height    (ParcoursDisplayList      *self);
ParcoursRgba             parcours_display_list_get_background (ParcoursDisplayList     *self);
guint                    parcours_display_list_get_n_items   (ParcoursDisplayList      *self);
const ParcoursPrimitive *parcours_display_list_get_item      (ParcoursDisplayList      *self,
                                                              guint                     index);

void                     parcours_display_list_splice        (ParcoursDisplayList      *self,
                                                              guint                     first,
                                                              guint                     n_removed,
                                                              ParcoursDisplayList      *source);
void                     parcours_display_list_set_element   (ParcoursDisplayList      *self,
                                                              ParcoursElement          *element);
void                     parcours_display_list_add_rect      (ParcoursDisplayList      *self,
                                                              const ParcoursRect       *rect,
                                                              double                    radius,
                                                              const ParcoursRgba       *fill,
                                                              const ParcoursRgba       *stroke,
                                                              double                    line_width);
void                     parcours_display_list_add_path      (ParcoursDisplayList      *self,
                                                              const ParcoursPathSegment *segments,
                                                              guint                     n_segments,
                                                              const ParcoursRgba       *fill,
                                                              const ParcoursRgba       *stroke,
                                                              double                    line_width,
                                                              gboolean                  dashed);
void                     parcours_display_list_add_text      (ParcoursDisplayList      *self,
                                                              ParcoursTextBlock        *text,
                                                              double                    x,
                                                              double                    y,
                                                              const ParcoursRgba       *color);
void                     parcours_display_list_add_icon      (ParcoursDisplayList      *self,
                                                              const char               *icon_name,
                                                              const ParcoursRect       *rect,
                                                              const ParcoursRgba       *color);
void                     parcours_display_list_add_image     (ParcoursDisplayList      *self,
                                                              GBytes                   *image,
                                                              const ParcoursRect       *rect,
                                                              double                    radius);
gboolean                 parcours_primitive_same_paint       (const ParcoursPrimitive  *a,
                                                              const ParcoursPrimitive  *b);

gboolean                 parcours_rect_intersects            (const ParcoursRect       *a,
                                                              const ParcoursRect       *b);

/* How a primitive shows at a level of detail, the same in every backend
 * that uses one (thumbnails, the canvas zoomed out; never exports). */
typedef enum
{
  PARCOURS_DETAIL_FULL,
  PARCOURS_DETAIL_HIDDEN,       /* smaller than a pixel: left out */
  PARCOURS_DETAIL_BARS,         /* text too small to read: a bar a line */
  PARCOURS_DETAIL_SQUARE,       /* a rectangle whose rounded corners no one sees: square */
} ParcoursDetail;

/* Rounded corners of a smaller radius, in device pixels, are drawn square:
 * they change no pixel by more than a trace, and cost cairo four arcs. */
#define PARCOURS_DETAIL_MIN_RADIUS_PIXELS 0.5

/* Lines of text shorter than this many device pixels are bars, drawn in
 * the text's colour at this opacity. */
#define PARCOURS_DETAIL_MIN_TEXT_PIXELS 3.0
#define PARCOURS_DETAIL_BAR_OPACITY 0.45

ParcoursDetail           parcours_primitive_get_detail       (const ParcoursPrimitive  *primitive,
                                                              double                    pixels_per_unit);
gboolean                 parcours_primitive_get_text_bar     (const ParcoursPrimitive  *primitive,
                                                              guint                     line,
                                                              ParcoursRect             *bar);

#define PARCOURS_TYPE_DISPLAY_LIST (parcours_display_list_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursDisplayList, parcours_display_list_unref)

G_END_DECLS
