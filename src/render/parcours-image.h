/* parcours-image.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Pixels a side an image primitive is decoded at, at most: a persona's
 * photo is drawn in a disc a few centimetres wide, even on paper. */
#define PARCOURS_IMAGE_MAX_DRAWN_SIDE 1024

GdkPixbuf *parcours_image_decode       (GBytes     *bytes,
                                        int         max_side,
                                        GError    **error);
GdkPixbuf *parcours_image_decode_full  (GBytes     *bytes,
                                        int         max_side,
                                        guint64     max_pixels,
                                        GError    **error);
cairo_surface_t *parcours_image_to_surface (GdkPixbuf *pixbuf);
void       parcours_image_cover_rect   (int         image_width,
                                        int         image_height,
                                        double      x,
                                        double      y,
                                        double      width,
                                        double      height,
                                        double     *out_x,
                                        double     *out_y,
                                        double     *out_width,
                                        double     *out_height);

G_END_DECLS
