/* parcours-thumbnail.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-cairo-renderer.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-thumbnail.h"

/**
 * parcours_thumbnail_render:
 * @document: the map
 * @size: the longest side of the picture, in pixels
 * @theme: the palette
 *
 * Draws the whole map, as the renderer draws it everywhere else, scaled
 * so that its longest side is @size pixels, at the level of detail that
 * size shows (parcours_cairo_render_overview()). File managers (through
 * parcours-thumbnailer) and the template gallery show these.
 *
 * Returns: (transfer full): an image surface
 */
cairo_surface_t *
parcours_thumbnail_render (ParcoursDocument *document,
                           int               size,
                           ParcoursTheme     theme)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (theme);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(ParcoursDisplayList) list = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width, height, scale;
  cairo_t *cr;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (size > 0 && size <= PARCOURS_THUMBNAIL_MAX_SIZE, NULL);

  parcours_layout_update (layout, document);
  list = parcours_painter_paint (layout);

  width = MAX (parcours_layout_get_width (layout), 1);
  height = MAX (parcours_layout_get_height (layout), 1);
  scale = size / MAX (width, height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) ceil (width * scale)),
                                        MAX (1, (int) ceil (height * scale)));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  /* A preview: what could be drawn is better than none. */
  if (!parcours_cairo_render_overview (list, cr, TRUE, &error))
    g_debug ("The thumbnail is incomplete: %s", error->message);
  cairo_destroy (cr);

  return surface;
}
