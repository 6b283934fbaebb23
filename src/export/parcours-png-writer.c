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
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "parcours-cairo-renderer.h"
#include "parcours-png-writer.h"

/* The conversion and the filter are loops over whole rows: let GCC
 * vectorise them as it does at -O3. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize ("tree-vectorize", "vect-cost-model=dynamic")
#endif

/* A PNG is drawn in horizontal bands, one per processor, into the one
 * image: each band draws only what meets it, clipped to whole pixel rows.
 * As soon as a thread has drawn its band it encodes the image in strips
 * of rows, taking the next strip whose rows (and the row above) are
 * drawn: it filters them and compresses them into a piece of deflate
 * stream of its own that ends on a byte boundary (Z_SYNC_FLUSH), as pigz
 * does. The pieces, one after the other, are the one zlib stream of the
 * image's IDAT chunks, their Adler-32 checksums combined into the
 * stream's. So every processor draws, then encodes, and only the image
 * and the compressed file are ever in memory.
 *
 * The file is an ordinary PNG of the image's exact pixels: RGB when the
 * background is painted (as cairo writes an opaque image), RGBA with
 * straight alpha, converted as cairo converts it, otherwise. */

/* Rows encoded at once: about this many bytes of pixels. */
#define STRIP_BYTES (2 << 20)
#define MIN_STRIP_ROWS 8
#define MAX_STRIP_ROWS 256

/* Images from this size on are mapped for huge pages: see create_image(). */
#define HUGE_IMAGE_BYTES (32 << 20)

/* Bands of fewer rows are not worth a thread. */
#define MIN_BAND_ROWS 256

#define PNG_FILTER_UP 2

/* Deflate's fastest level that still looks for matches the length of a
 * row: see filter_row (). */
#define COMPRESSION_LEVEL 3

typedef struct
{
  GByteArray *deflated;
  guint32 adler;
  gsize length;
} Strip;

typedef struct
{
  ParcoursDisplayList *list;
  cairo_surface_t *image;
  int width;
  int height;
  double scale;
  gboolean paint_background;
  int bytes_per_pixel;

  guint n_bands;
  /* The bands drawn, a bit each (they finish in any order), under
   * @lock; @band_drawn is signalled as each is. */
  GMutex lock;
  GCond band_drawn;
  guint64 bands_done;
  GError **band_errors;
  int next_band;

  int strip_rows;
  guint n_strips;
  Strip *strips;
  int next_strip;

  int failed;
} Writer;

static int
band_first_row (const Writer *writer,
                guint         band)
{
  return (int) ((gint64) writer->height * band / writer->n_bands);
}

static guint
band_of_row (const Writer *writer,
             int           row)
{
  guint band = (guint) ((gint64) row * writer->n_bands / writer->height);

  /* The integer division of band_first_row () can put a row one band on. */
  while (band + 1 < writer->n_bands && band_first_row (writer, band + 1) <= row)
    band++;
  while (band > 0 && band_first_row (writer, band) > row)
    band--;
  return band;
}

#ifdef MADV_HUGEPAGE
typedef struct
{
  void *pixels;
  gsize size;
} MappedPixels;

static const cairo_user_data_key_t mapped_pixels_key;

static void
unmap_pixels (void *data)
{
  MappedPixels *mapped = data;

  munmap (mapped->pixels, mapped->size);
  g_free (mapped);
}

/* Pixels of their own, asking for huge pages, or NULL. */
static cairo_surface_t *
create_mapped_image (int width,
                     int height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  MappedPixels *mapped;
  cairo_surface_t *image;

  if (stride <= 0 || (gsize) stride * height < HUGE_IMAGE_BYTES)
    return NULL;

  mapped = g_new (MappedPixels, 1);
  mapped->size = (gsize) stride * height;
  mapped->pixels = mmap (NULL, mapped->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped->pixels == MAP_FAILED)
    {
      g_free (mapped);
      return NULL;
    }
  madvise (mapped->pixels, mapped->size, MADV_HUGEPAGE);

  image = cairo_image_surface_create_for_data (mapped->pixels, CAIRO_FORMAT_ARGB32, width, height, stride);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_set_user_data (image, &mapped_pixels_key, mapped, unmap_pixels) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      unmap_pixels (mapped);
      return NULL;
    }

  return image;
}
#endif

/* The image is most of a large export's memory and, drawn by every
 * thread at once, most of its system time: a fault per 4 KiB page and
 * the TLB shootdowns between threads that go with them. Transparent huge
 * pages are often given only to memory that asks (madvise), so a large
 * image is mapped here and asks. Fresh anonymous pages are zero, as
 * cairo's own image is: the image starts transparent either way. */
static cairo_surface_t *
create_image (int width,
              int height)
{
#ifdef MADV_HUGEPAGE
  cairo_surface_t *image = create_mapped_image (width, height);

  if (image != NULL)
    return image;
#endif

  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
}

static gboolean
draw_band (Writer  *writer,
           guint    band,
           GError **error)
{
  int first_row = band_first_row (writer, band);
  int n_rows = band_first_row (writer, band + 1) - first_row;
  int stride = cairo_image_surface_get_stride (writer->image);
  unsigned char *pixels = cairo_image_surface_get_data (writer->image) + (gsize) first_row * stride;
  cairo_surface_t *rows = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32,
                                                               writer->width, n_rows, stride);
  cairo_t *cr = cairo_create (rows);
  ParcoursRect clip = {
    0, first_row / writer->scale,
    writer->width / writer->scale, n_rows / writer->scale,
  };
  cairo_status_t status;
  gboolean drawn;

  cairo_scale (cr, writer->scale, writer->scale);
  cairo_translate (cr, 0, -clip.y);
  drawn = parcours_cairo_render (writer->list, cr, &clip, writer->paint_background, error);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (rows);
  cairo_surface_destroy (rows);

  if (drawn && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      drawn = FALSE;
    }

  return drawn;
}

/* Waits until rows [@first, @end) are drawn. Returns FALSE if a band
 * failed: there is nothing to encode then. */
static gboolean
wait_for_rows (Writer *writer,
               int     first,
               int     end)
{
  guint64 needed = 0;
  gboolean ready;

  for (guint b = band_of_row (writer, first); b <= band_of_row (writer, end - 1); b++)
    needed |= G_GUINT64_CONSTANT (1) << b;

  g_mutex_lock (&writer->lock);
  while (!g_atomic_int_get (&writer->failed) && (writer->bands_done & needed) != needed)
    g_cond_wait (&writer->band_drawn, &writer->lock);
  ready = !g_atomic_int_get (&writer->failed);
  g_mutex_unlock (&writer->lock);

  return ready;
}

/* What each thread encodes with: two converted rows and a filtered one,
 * and its compressor. */
typedef struct
{
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

  encoder->previous = g_malloc (row_bytes);
  encoder->current = g_malloc (row_bytes);
  encoder->filtered = g_malloc (row_bytes + 1);
  encoder->output = g_malloc (OUTPUT_SIZE);
  memset (&encoder->zlib, 0, sizeof encoder->zlib);

  /* Raw deflate: the zlib header and checksum are written once, around
   * all pieces. */
  if (deflateInit2 (&encoder->zlib, COMPRESSION_LEVEL, Z_DEFLATED, -15, 8, Z_FILTERED) != Z_OK)
    g_error ("zlib: out of memory");
}

static void
encoder_clear (Encoder *encoder)
{
  deflateEnd (&encoder->zlib);
  g_free (encoder->previous);
  g_free (encoder->current);
  g_free (encoder->filtered);
  g_free (encoder->output);
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

/* Every row is filtered by the row above (Up, the first by a row of
 * zeros), which leaves little but zeros in the flat colours a map is made
 * of and costs one subtraction a byte. With deflate's fast level, that
 * gives a file about a sixth larger than libpng's adaptive filters at
 * the default level, for a third of the processor time. */
static const guint8 *
filter_row (Encoder      *encoder,
            const guint8 *row,
            const guint8 *previous,
            gsize         length)
{
  guint8 *filtered = encoder->filtered + 1;

  encoder->filtered[0] = PNG_FILTER_UP;
  if (previous != NULL)
    for (gsize i = 0; i < length; i++)
      filtered[i] = row[i] - previous[i];
  else
    memcpy (filtered, row, length);

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

static const guint32 *
image_row (const Writer *writer,
           int           row)
{
  return (const guint32 *) (cairo_image_surface_get_data (writer->image) +
                            (gsize) row * cairo_image_surface_get_stride (writer->image));
}

static void
encode_strip (const Writer *writer,
              Encoder      *encoder,
              guint         s)
{
  Strip *strip = &writer->strips[s];
  gsize row_bytes = (gsize) writer->width * writer->bytes_per_pixel;
  int first_row = s * writer->strip_rows;
  int end = MIN (first_row + writer->strip_rows, writer->height);

  strip->deflated = g_byte_array_new ();
  strip->adler = adler32 (0, NULL, 0);
  strip->length = (row_bytes + 1) * (end - first_row);
  deflateReset (&encoder->zlib);

  if (first_row > 0)
    convert_row (image_row (writer, first_row - 1), encoder->previous, writer->width, writer->bytes_per_pixel);

  for (int r = first_row; r < end; r++)
    {
      const guint8 *filtered;
      guint8 *swap;

      convert_row (image_row (writer, r), encoder->current, writer->width, writer->bytes_per_pixel);
      filtered = filter_row (encoder, encoder->current, r > 0 ? encoder->previous : NULL, row_bytes);
      strip->adler = adler32 (strip->adler, filtered, row_bytes + 1);
      deflate_into (encoder, strip->deflated, filtered, row_bytes + 1, Z_NO_FLUSH);

      swap = encoder->previous;
      encoder->previous = encoder->current;
      encoder->current = swap;
    }

  deflate_into (encoder, strip->deflated, NULL, 0, s == writer->n_strips - 1 ? Z_FINISH : Z_SYNC_FLUSH);
}

/* One thread: draws a band while some are left, then encodes strips
 * while some are left. */
static gpointer
draw_and_encode (gpointer data)
{
  Writer *writer = data;
  Encoder encoder;
  guint band = g_atomic_int_add (&writer->next_band, 1);

  if (band < writer->n_bands)
    {
      gboolean drawn = draw_band (writer, band, &writer->band_errors[band]);

      g_mutex_lock (&writer->lock);
      if (drawn)
        writer->bands_done |= G_GUINT64_CONSTANT (1) << band;
      else
        g_atomic_int_set (&writer->failed, TRUE);
      g_cond_broadcast (&writer->band_drawn);
      g_mutex_unlock (&writer->lock);
    }

  encoder_init (&encoder, writer);
  while (!g_atomic_int_get (&writer->failed))
    {
      guint s = g_atomic_int_add (&writer->next_strip, 1);
      int first_row = s * writer->strip_rows;

      if (s >= writer->n_strips ||
          !wait_for_rows (writer, MAX (first_row - 1, 0), MIN (first_row + writer->strip_rows, writer->height)))
        break;
      encode_strip (writer, &encoder, s);
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

          for (GSList *l = placed->word->runs; l != NULL; l = l->next)
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
 * @n_bands: bands drawn in parallel, 0 for one per processor
 * @strip_rows: rows encoded at once, 0 for a size that suits the image
 * @error: return location for a #GError
 *
 * Draws @list into a PNG image, as parcours_cairo_render() draws it in
 * @n_bands horizontal bands, on every processor.
 *
 * Returns: (transfer full): the PNG file, or %NULL when drawing failed
 */
GBytes *
parcours_png_render (ParcoursDisplayList  *list,
                     int                   width,
                     int                   height,
                     double                scale,
                     gboolean              paint_background,
                     guint                 n_bands,
                     int                   strip_rows,
                     GError              **error)
{
  Writer writer = { list, NULL, width, height, scale, paint_background, paint_background ? 3 : 4 };
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree GThread **threads = NULL;
  cairo_status_t status;
  GBytes *png = NULL;

  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (n_bands <= 64, NULL);

  writer.image = create_image (width, height);
  status = cairo_surface_status (writer.image);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (writer.image);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (paint_background && parcours_display_list_get_background (list).alpha < 1)
    writer.bytes_per_pixel = 4;

  if (n_bands == 0)
    n_bands = MAX (1, MIN (n_threads, (guint) height / MIN_BAND_ROWS));
  writer.n_bands = n_bands;
  writer.band_errors = g_new0 (GError *, n_bands);
  g_mutex_init (&writer.lock);
  g_cond_init (&writer.band_drawn);

  if (strip_rows <= 0)
    strip_rows = CLAMP (STRIP_BYTES / (4 * width), MIN_STRIP_ROWS, MAX_STRIP_ROWS);
  writer.strip_rows = strip_rows;
  writer.n_strips = (height + strip_rows - 1) / strip_rows;
  writer.strips = g_new0 (Strip, writer.n_strips);

  n_threads = MAX (n_bands, MIN (n_threads, writer.n_strips));
  threads = g_new0 (GThread *, n_threads);
  if (n_threads > 1)
    prepare_fonts (list);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("parcours-png", draw_and_encode, &writer);
  draw_and_encode (&writer);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  cairo_surface_destroy (writer.image);

  if (!writer.failed)
    png = assemble (&writer);

  for (guint b = 0; b < n_bands; b++)
    {
      if (writer.band_errors[b] != NULL && png == NULL && error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&writer.band_errors[b]));
      g_clear_error (&writer.band_errors[b]);
    }
  for (guint s = 0; s < writer.n_strips; s++)
    g_clear_pointer (&writer.strips[s].deflated, g_byte_array_unref);
  g_free (writer.strips);
  g_free (writer.band_errors);
  g_mutex_clear (&writer.lock);
  g_cond_clear (&writer.band_drawn);

  return png;
}
