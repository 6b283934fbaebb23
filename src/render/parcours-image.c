/* parcours-image.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "parcours-persona.h"

#include "parcours-image.h"

/* Decoding the images of a map (persona photos) for the backends that
 * draw pixels, and where an image lands in the box it covers. */

typedef struct
{
  int max_side;
  guint64 max_pixels;
  int width;
  int height;
  gboolean too_large;
} DecodeBounds;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  DecodeBounds *bounds = user_data;
  double scale;

  bounds->width = width;
  bounds->height = height;
  if ((guint64) MAX (width, 0) * MAX (height, 0) > bounds->max_pixels)
    {
      /* Stop here: the loader would allocate it all before scaling. */
      bounds->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }

  if (width <= 0 || height <= 0 || MAX (width, height) <= bounds->max_side)
    return;

  /* Loaders such as JPEG's decode straight at the smaller size. */
  scale = (double) bounds->max_side / MAX (width, height);
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

/**
 * parcours_image_decode_full:
 * @bytes: an encoded image
 * @max_side: the longest side wanted, in pixels; larger images are
 *   scaled down while they are decoded
 * @max_pixels: the most pixels the image may have before it is scaled:
 *   a small file can announce a huge image
 *
 * Returns: (transfer full) (nullable): the image, or %NULL with @error
 *   set when it does not decode or is too large
 */
GdkPixbuf *
parcours_image_decode_full (GBytes  *bytes,
                            int      max_side,
                            guint64  max_pixels,
                            GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  DecodeBounds bounds = { MAX (1, max_side), max_pixels, 0, 0, FALSE };
  gsize size = 0;
  const guchar *data;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &bounds);

  /* In pieces, so that an image announcing too many pixels stops early. */
  for (gsize done = 0; done < size && !bounds.too_large; )
    {
      gsize piece = MIN (size - done, 64 * 1024);

      if (!gdk_pixbuf_loader_write (loader, data + done, piece, error))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return NULL;
        }
      done += piece;
    }

  if (bounds.too_large)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      /* Translators: an image too large to use; the numbers are its width and height */
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY,
                   _("the image is %d × %d pixels, too large to use"), bounds.width, bounds.height);
      return NULL;
    }

  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           _("the file holds no image"));
      return NULL;
    }

  /* Honour the EXIF orientation of photos taken with a phone. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/**
 * parcours_image_decode:
 *
 * Decodes an image of the map, at most %PARCOURS_PERSONA_MAX_PHOTO_PIXELS
 * pixels, as parcours_image_decode_full() does.
 */
GdkPixbuf *
parcours_image_decode (GBytes  *bytes,
                       int      max_side,
                       GError **error)
{
  return parcours_image_decode_full (bytes, max_side, PARCOURS_PERSONA_MAX_PHOTO_PIXELS, error);
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

/**
 * parcours_image_to_surface:
 * @pixbuf: a decoded image, RGB or RGBA, 8 bits a sample
 *
 * The pixels of @pixbuf as cairo draws them (premultiplied, native
 * endian), without GDK: the render layer does not use GTK.
 *
 * Returns: (transfer full): a new image surface
 */
cairo_surface_t *
parcours_image_to_surface (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface;
  guint8 *out;
  int out_stride;

  surface = cairo_image_surface_create (channels == 4 ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guint8 *src = in + (gsize) y * in_stride;
      guint32 *dst = (guint32 *) (gpointer) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, src += channels)
        {
          guint a = channels == 4 ? src[3] : 0xff;
          /* Premultiplied, rounded: (c * a + 127) / 255 */
          guint r = (src[0] * a + 127) / 255;
          guint g = (src[1] * a + 127) / 255;
          guint b = (src[2] * a + 127) / 255;

          dst[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

  cairo_surface_mark_dirty (surface);
  return surface;
}
