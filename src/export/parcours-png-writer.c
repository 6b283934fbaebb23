/* parcours-png-writer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zlib.h>

#include "parcours-cairo-renderer.h"
#include "parcours-png-writer.h"

/* The filter and the conversion are loops over whole rows: let GCC
 * vectorise them as it does at -O3. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize ("tree-vectorize", "vect-cost-model=dynamic")
#endif

/* A PNG of a large map is drawn and encoded in horizontal strips, by as
 * many threads as there are processors: each takes the next strip, draws
 * it into a buffer of its own, filters its rows and compresses them into
 * a piece of deflate stream of its own that ends on a byte boundary
 * (Z_SYNC_FLUSH), as pigz does. The pieces, one after the other, are the
 * one zlib stream of the image's IDAT chunks; their Adler-32 checksums
 * combine into the stream's. So drawing and encoding share the
 * processors all the way through, and only the strips being worked on
 * are ever in memory, not the image.
 *
 * The file is an ordinary PNG, RGB when the background is painted (as
 * cairo writes an opaque image), RGBA with straight alpha otherwise. */

/* The strip a thread draws at once: about this many bytes of pixels. */
#define STRIP_BYTES (8 << 20)
#define MIN_STRIP_ROWS 16
#define MAX_STRIP_ROWS 256

/* A strip draws what meets it grown by this much (layout units): strokes,
 * glyphs and antialiasing reach a little beyond the bounds they have in
 * the display list. */
#define STRIP_MARGIN 16.0

#define PNG_FILTER_SUB 1
#define PNG_FILTER_UP 2

/* Deflate's fastest level that still finds matches the length of a
 * row: see filter_row (). */
#define COMPRESSION_LEVEL 3

typedef struct
{
  GByteArray *deflated;
  guint32 adler;
  gsize length;
  GError *error;
} Strip;

typedef struct
{
  ParcoursDisplayList *list;
  int width;
  int height;
  double scale;
  gboolean paint_background;
  int bytes_per_pixel;
  int strip_rows;
  guint n_strips;
  Strip *strips;
  int next_strip;
  int failed;
} Writer;

/* What each thread works with: its strip's pixels, the rows it filters
 * and its compressor. */
typedef struct
{
  unsigned char *pixels;
  int stride;
  guint8 *previous;
  guint8 *current;
  /* A filtered row, its filter type byte first. */
  guint8 *filtered;
  guint8 *output;
  z_stream zlib;
} Encoder;

#define OUTPUT_SIZE (64 << 10)

static void
encoder_init (Encoder      *encoder,
              const Writer *writer)
{
  gsize row_bytes = (gsize) writer->width * writer->bytes_per_pixel;

  encoder->stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, writer->width);
  encoder->pixels = g_malloc ((gsize) encoder->stride * writer->strip_rows);
  encoder->previous = g_malloc (row_bytes);
  encoder->current = g_malloc (row_bytes);
  encoder->filtered = g_malloc (row_bytes + 1);
  encoder->output = g_malloc (OUTPUT_SIZE);
  memset (&encoder->zlib, 0, sizeof encoder->zlib);

  /* Raw deflate (the zlib header and checksum are written once, around
   * all pieces), with libpng's settings for filtered rows. */
  if (deflateInit2 (&encoder->zlib, COMPRESSION_LEVEL, Z_DEFLATED, -15, 8, Z_FILTERED) != Z_OK)
    g_error ("zlib: out of memory");
}

static void
encoder_clear (Encoder *encoder)
{
  deflateEnd (&encoder->zlib);
  g_free (encoder->pixels);
  g_free (encoder->previous);
  g_free (encoder->current);
  g_free (encoder->filtered);
  g_free (encoder->output);
}

static gboolean
draw_strip (const Writer  *writer,
            Encoder       *encoder,
            int            first_row,
            int            n_rows,
            GError       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  ParcoursRect clip = {
    -STRIP_MARGIN, first_row / writer->scale - STRIP_MARGIN,
    writer->width / writer->scale + 2 * STRIP_MARGIN, n_rows / writer->scale + 2 * STRIP_MARGIN,
  };
  gboolean drawn;
  cairo_t *cr;

  memset (encoder->pixels, 0, (gsize) encoder->stride * n_rows);
  surface = cairo_image_surface_create_for_data (encoder->pixels, CAIRO_FORMAT_ARGB32,
                                                 writer->width, n_rows, encoder->stride);
  cr = cairo_create (surface);

  /* Whole rows up, then the scale: each strip's pixels are those the
   * image drawn in one piece has. */
  cairo_translate (cr, 0, -first_row);
  cairo_scale (cr, writer->scale, writer->scale);
  drawn = parcours_cairo_render (writer->list, cr, &clip, writer->paint_background, error);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);

  if (drawn && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      drawn = FALSE;
    }

  return drawn;
}

/* cairo's premultiplied pixels as PNG bytes, as cairo_surface_write_to_png()
 * converts them. */
static void
convert_row (const guint32 *pixels,
             guint8        *row,
             int            width,
             int            bytes_per_pixel)
{
  for (int x = 0; x < width; x++, row += bytes_per_pixel)
    {
      guint32 pixel = pixels[x];
      guint alpha = pixel >> 24;
      guint red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue = pixel & 0xff;

      if (bytes_per_pixel == 4 && alpha != 255)
        {
          if (alpha == 0)
            red = green = blue = 0;
          else
            {
              red = (red * 255 + alpha / 2) / alpha;
              green = (green * 255 + alpha / 2) / alpha;
              blue = (blue * 255 + alpha / 2) / alpha;
            }
        }
      row[0] = red;
      row[1] = green;
      row[2] = blue;
      if (bytes_per_pixel == 4)
        row[3] = alpha;
    }
}

/* Each row is filtered by the row above (Up), which leaves little but
 * zeros in the flat colours a map is made of and costs one subtraction a
 * byte; the first row of a strip, whose row above another thread has, by
 * its left neighbour (Sub). With deflate's fast level, that compresses a
 * large map within a fifth of what libpng's adaptive filters at the
 * default level give, at a third of the processor time. */
static const guint8 *
filter_row (Encoder      *encoder,
            const guint8 *row,
            const guint8 *previous,
            gsize         length,
            int           bpp)
{
  guint8 *filtered = encoder->filtered + 1;

  if (previous != NULL)
    {
      encoder->filtered[0] = PNG_FILTER_UP;
      for (gsize i = 0; i < length; i++)
        filtered[i] = row[i] - previous[i];
    }
  else
    {
      encoder->filtered[0] = PNG_FILTER_SUB;
      for (gsize i = 0; i < (gsize) bpp; i++)
        filtered[i] = row[i];
      for (gsize i = bpp; i < length; i++)
        filtered[i] = row[i] - row[i - bpp];
    }

  return encoder->filtered;
}

static void
deflate_into (Encoder      *encoder,
              GByteArray   *out,
              const guint8 *data,
              gsize         length,
              int           flush)
{
  z_stream *zlib = &encoder->zlib;

  zlib->next_in = (Bytef *) data;
  zlib->avail_in = length;
  do
    {
      zlib->next_out = encoder->output;
      zlib->avail_out = OUTPUT_SIZE;
      deflate (zlib, flush);
      g_byte_array_append (out, encoder->output, OUTPUT_SIZE - zlib->avail_out);
    }
  while (zlib->avail_out == 0 || zlib->avail_in > 0);
}

static void
encode_strip (const Writer *writer,
              Encoder      *encoder,
              Strip        *strip,
              int           n_rows,
              gboolean      last)
{
  gsize row_bytes = (gsize) writer->width * writer->bytes_per_pixel;

  strip->deflated = g_byte_array_new ();
  strip->adler = adler32 (0, NULL, 0);
  strip->length = (row_bytes + 1) * n_rows;
  deflateReset (&encoder->zlib);

  for (int r = 0; r < n_rows; r++)
    {
      const guint8 *filtered;
      guint8 *swap;

      convert_row ((const guint32 *) (encoder->pixels + (gsize) r * encoder->stride),
                   encoder->current, writer->width, writer->bytes_per_pixel);
      filtered = filter_row (encoder, encoder->current, r > 0 ? encoder->previous : NULL,
                             row_bytes, writer->bytes_per_pixel);
      strip->adler = adler32 (strip->adler, filtered, row_bytes + 1);
      deflate_into (encoder, strip->deflated, filtered, row_bytes + 1, Z_NO_FLUSH);

      swap = encoder->previous;
      encoder->previous = encoder->current;
      encoder->current = swap;
    }

  deflate_into (encoder, strip->deflated, NULL, 0, last ? Z_FINISH : Z_SYNC_FLUSH);
}

static gpointer
encode_strips (gpointer data)
{
  Writer *writer = data;
  Encoder encoder;

  encoder_init (&encoder, writer);

  while (!g_atomic_int_get (&writer->failed))
    {
      guint s = g_atomic_int_add (&writer->next_strip, 1);
      int first_row = s * writer->strip_rows;
      int n_rows;

      if (s >= writer->n_strips)
        break;

      n_rows = MIN (writer->strip_rows, writer->height - first_row);
      if (!draw_strip (writer, &encoder, first_row, n_rows, &writer->strips[s].error))
        {
          g_atomic_int_set (&writer->failed, TRUE);
          break;
        }
      encode_strip (writer, &encoder, &writer->strips[s], n_rows, s == writer->n_strips - 1);
    }

  encoder_clear (&encoder);
  return NULL;
}

/* Fonts create their cairo and HarfBuzz fonts on first use, without a
 * lock: create them here, before the threads share them. */
static void
prepare_fonts (ParcoursDisplayList *list)
{
  for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (primitive->kind != PARCOURS_PRIMITIVE_TEXT)
        continue;

      for (guint w = 0; w < primitive->text->words->len; w++)
        {
          const ParcoursPlacedWord *placed = &g_array_index (primitive->text->words, ParcoursPlacedWord, w);

          for (GSList *l = placed->word->line->runs; l != NULL; l = l->next)
            {
              PangoFont *font = ((PangoGlyphItem *) l->data)->item->analysis.font;

              pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
              pango_font_get_hb_font (font);
            }
        }
    }
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc = crc32 (0, (const Bytef *) type, 4);

  append_be32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  /* crc32 () of no bytes would start a new checksum. */
  if (length > 0)
    {
      g_byte_array_append (out, data, length);
      crc = crc32 (crc, data, length);
    }
  append_be32 (out, crc);
}

static GBytes *
assemble (Writer *writer)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* The zlib header of a fast compression level. */
  static const guint8 zlib_header[2] = { 0x78, 0x5e };
  /* As cairo writes it: a white background for viewers that want one. */
  static const guint8 background[6] = { 0, 0xff, 0, 0xff, 0, 0xff };
  GByteArray *out = g_byte_array_new ();
  guint8 header[13] = { 0 };
  guint32 adler = adler32 (0, NULL, 0);
  gsize size = sizeof signature + 25 + 18 + 12 + 12 + sizeof zlib_header + 4;
  guint8 checksum[4];

  for (guint s = 0; s < writer->n_strips; s++)
    {
      size += 12 + writer->strips[s].deflated->len;
      adler = adler32_combine (adler, writer->strips[s].adler, writer->strips[s].length);
    }
  g_byte_array_set_size (out, size);
  g_byte_array_set_size (out, 0);

  g_byte_array_append (out, signature, sizeof signature);
  header[0] = writer->width >> 24, header[1] = writer->width >> 16, header[2] = writer->width >> 8;
  header[3] = writer->width;
  header[4] = writer->height >> 24, header[5] = writer->height >> 16, header[6] = writer->height >> 8;
  header[7] = writer->height;
  header[8] = 8;
  header[9] = writer->bytes_per_pixel == 4 ? 6 : 2;
  append_chunk (out, "IHDR", header, sizeof header);
  append_chunk (out, "bKGD", background, sizeof background);

  append_chunk (out, "IDAT", zlib_header, sizeof zlib_header);
  for (guint s = 0; s < writer->n_strips; s++)
    {
      append_chunk (out, "IDAT", writer->strips[s].deflated->data, writer->strips[s].deflated->len);
      g_clear_pointer (&writer->strips[s].deflated, g_byte_array_unref);
    }
  checksum[0] = adler >> 24, checksum[1] = adler >> 16, checksum[2] = adler >> 8, checksum[3] = adler;
  append_chunk (out, "IDAT", checksum, sizeof checksum);
  append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}

/**
 * parcours_png_render:
 * @list: a display list
 * @width: the image's width in pixels
 * @height: its height
 * @scale: pixels per layout unit
 * @paint_background: whether to fill the background first (an RGB image)
 *   or leave it transparent (RGBA)
 * @strip_rows: rows drawn at once, 0 for a size that suits the image
 * @error: return location for a #GError
 *
 * Draws @list into a PNG image, in strips drawn and encoded in parallel.
 * The pixels are those parcours_cairo_render() draws in one piece.
 *
 * Returns: (transfer full): the PNG file, or %NULL when drawing failed
 */
GBytes *
parcours_png_render (ParcoursDisplayList  *list,
                     int                   width,
                     int                   height,
                     double                scale,
                     gboolean              paint_background,
                     int                   strip_rows,
                     GError              **error)
{
  Writer writer = { list, width, height, scale, paint_background, paint_background ? 3 : 4 };
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree GThread **threads = NULL;
  GBytes *png = NULL;

  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (paint_background && parcours_display_list_get_background (list).alpha < 1)
    writer.bytes_per_pixel = 4;

  if (strip_rows <= 0)
      strip_rows = CLAMP (STRIP_BYTES / (4 * width), MIN_STRIP_ROWS, MAX_STRIP_ROWS);
  writer.strip_rows = strip_rows;
  writer.n_strips = (height + strip_rows - 1) / strip_rows;
  writer.strips = g_new0 (Strip, writer.n_strips);
  n_threads = MIN (n_threads, writer.n_strips);
  threads = g_new0 (GThread *, n_threads);

  if (n_threads > 1)
    prepare_fonts (list);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("parcours-png", encode_strips, &writer);
  encode_strips (&writer);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (!writer.failed)
    png = assemble (&writer);

  for (guint s = 0; s < writer.n_strips; s++)
    {
      if (png == NULL && writer.strips[s].error != NULL && error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&writer.strips[s].error));
      g_clear_error (&writer.strips[s].error);
      g_clear_pointer (&writer.strips[s].deflated, g_byte_array_unref);
    }
  g_free (writer.strips);

  return png;
}
