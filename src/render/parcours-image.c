/* parcours-image.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "parcours-image.h"

/* Decoding the images of a map (persona photos) for the backends that
 * draw pixels, and where an image lands in the box it covers. */

typedef struct
{
  int max_side;
} DecodeBounds;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  const DecodeBounds *bounds = user_data;
  double scale;

  if (width <= 0 || height <= 0 || MAX (width, height) <= bounds->max_side)
    return;

  /* Loaders such as JPEG's decode straight at the smaller size. */
  scale = (double) bounds->max_side / MAX (width, height);
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

/**
 * parcours_image_decode:
 * @bytes: an encoded image
 * @max_side: the longest side wanted, in pixels; larger images are
 *   scaled down while they are decoded
 *
 * Returns: (transfer full) (nullable): the image, or %NULL with @error
 *   set when it does not decode
 */
GdkPixbuf *
parcours_image_decode (GBytes  *bytes,
                       int      max_side,
                       GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  DecodeBounds bounds = { MAX (1, max_side) };
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (bytes != NULL, NULL);

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &bounds);

  if (!gdk_pixbuf_loader_write (loader, data, size, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           "no image");
      return NULL;
    }

  /* Honour the EXIF orientation of photos taken with a phone. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* The rectangle an image of @image_width × @image_height takes when it
 * covers the box (x, y, width, height), centred, keeping its proportions:
 * what overflows is clipped away. */
void
parcours_image_cover_rect (int     image_width,
                           int     image_height,
                           double  x,
                           double  y,
                           double  width,
                           double  height,
                           double *out_x,
                           double *out_y,
                           double *out_width,
                           double *out_height)
{
  double scale = 1;

  if (image_width > 0 && image_height > 0)
    scale = MAX (width / image_width, height / image_height);

  *out_width = image_width * scale;
  *out_height = image_height * scale;
  *out_x = x + (width - *out_width) / 2;
  *out_y = y + (height - *out_height) / 2;
}
