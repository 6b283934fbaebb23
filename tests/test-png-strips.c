/* test-png-strips.c — PNG export drawn and encoded in strips
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG is drawn in bands on every processor, then encoded in strips of
 * rows, each compressed on its own (src/export/parcours-png-writer.c).
 * The file must be an ordinary PNG of exactly the pixels drawn.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "parcours-cairo-renderer.h"
#include "parcours-export.h"
#include "parcours-layout.h"
#include "parcours-mermaid.h"
#include "parcours-painter.h"
#include "parcours-png-writer.h"
#include "parcours-templates.h"
#include "parcours-test-utils.h"

static cairo_surface_t *
decode_png (GBytes *png)
{
  g_autofree char *path = parcours_test_write_temp (png, ".png");
  cairo_surface_t *surface = parcours_test_load_png (path);

  g_unlink (path);
  return surface;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3];
}

/* Reads the file as a strict decoder would: every chunk's CRC, the
 * header, and one zlib stream across the IDAT chunks that ends exactly
 * where the image does, its Adler-32 checked by zlib. */
static void
assert_valid_png (GBytes  *png,
                  int      width,
                  int      height,
                  gboolean alpha)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);
  gsize expected = ((gsize) width * (alpha ? 4 : 3) + 1) * height, inflated = 0;
  g_autofree guint8 *rows = g_malloc (expected + 1);
  gboolean ended = FALSE, seen_header = FALSE;
  z_stream zlib = { 0 };
  int status = Z_OK;

  g_assert_cmpuint (size, >, sizeof signature);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);
  g_assert_cmpint (inflateInit (&zlib), ==, Z_OK);
  zlib.next_out = rows;
  zlib.avail_out = expected + 1;

  for (gsize offset = sizeof signature; offset < size && !ended;)
    {
      guint32 length, crc;
      const guint8 *type, *body;

      g_assert_cmpuint (offset + 12, <=, size);
      length = read_be32 (data + offset);
      g_assert_cmpuint (offset + 12 + length, <=, size);
      type = data + offset + 4;
      body = type + 4;
      crc = crc32 (0, type, 4);
      if (length > 0)
        crc = crc32 (crc, body, length);
      g_assert_cmpuint (crc, ==, read_be32 (body + length));

      if (memcmp (type, "IHDR", 4) == 0)
        {
          g_assert_cmpuint (length, ==, 13);
          g_assert_cmpuint (read_be32 (body), ==, width);
          g_assert_cmpuint (read_be32 (body + 4), ==, height);
          g_assert_cmpuint (body[8], ==, 8);
          g_assert_cmpuint (body[9], ==, alpha ? 6 : 2);
          seen_header = TRUE;
        }
      else if (memcmp (type, "IDAT", 4) == 0 && length > 0)
        {
          g_assert_cmpint (status, ==, Z_OK);
          zlib.next_in = (Bytef *) body;
          zlib.avail_in = length;
          status = inflate (&zlib, Z_NO_FLUSH);
          g_assert_true (status == Z_OK || status == Z_STREAM_END);
          g_assert_cmpuint (zlib.avail_in, ==, 0);
        }
      else if (memcmp (type, "IEND", 4) == 0)
        ended = TRUE;

      offset += 12 + length;
    }

  inflated = expected + 1 - zlib.avail_out;
  inflateEnd (&zlib);
  g_assert_true (seen_header);
  g_assert_true (ended);
  g_assert_cmpint (status, ==, Z_STREAM_END);
  g_assert_cmpuint (inflated, ==, expected);
}

/* The list drawn in one piece, as parcours_cairo_render() draws it. */
static cairo_surface_t *
render_in_one_piece (ParcoursDisplayList *list,
                     int                  width,
                     int                  height,
                     double               scale,
                     gboolean             paint_background)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  g_assert_true (parcours_cairo_render (list, cr, NULL, paint_background, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* How many pixels of @decoded are not those of @expected drawn in one
 * piece. cairo reads an RGB PNG as RGB24, whose alpha byte is unused. */
static guint64
count_different_pixels (cairo_surface_t *decoded,
                        cairo_surface_t *expected,
                        int             *largest)
{
  int width = cairo_image_surface_get_width (expected), height = cairo_image_surface_get_height (expected);
  guint32 mask = cairo_image_surface_get_format (decoded) == CAIRO_FORMAT_RGB24 ? 0x00ffffff : 0xffffffff;
  guint64 n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);
  *largest = 0;
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (decoded) +
                                            (gsize) y * cairo_image_surface_get_stride (decoded));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (expected) +
                                            (gsize) y * cairo_image_surface_get_stride (expected));

      for (int x = 0; x < width; x++)
        if ((a[x] & mask) != (b[x] & mask))
          {
            n++;
            for (int shift = 0; shift < 32; shift += 8)
              *largest = MAX (*largest, ABS ((int) (a[x] >> shift & 0xff) - (int) (b[x] >> shift & 0xff)));
          }
    }

  return n;
}

/* Rectangles and curves of every kind the painter makes, translucent,
 * across strip boundaries. */
static ParcoursDisplayList *
make_shapes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  ParcoursDisplayList *list = parcours_display_list_new (401.5, 297.25, (ParcoursRgba) { 0.97, 0.96, 0.94, 1 });

  for (guint i = 0; i < 300; i++)
    {
      ParcoursRect rect = { g_rand_double_range (rand, -10, 390), g_rand_double_range (rand, -10, 290),
                            g_rand_double_range (rand, 0.3, 60), g_rand_double_range (rand, 0.3, 40) };
      ParcoursRgba fill = { g_rand_double (rand), g_rand_double (rand), g_rand_double (rand),
                            i % 3 == 0 ? 1 : g_rand_double (rand) };
      ParcoursRgba stroke = { 0.1, 0.2, 0.3, i % 2 ? 0.8 : 0 };

      parcours_display_list_add_rect (list, &rect, i % 4 == 0 ? 0 : g_rand_double_range (rand, 0, 12),
                                      &fill, &stroke, g_rand_double_range (rand, 0.5, 3));
    }

  for (guint i = 0; i < 20; i++)
    {
      double x = g_rand_double_range (rand, 0, 300), y = g_rand_double_range (rand, 0, 250);
      ParcoursPathSegment segments[] = {
        { PARCOURS_PATH_MOVE_TO, { x }, { y } },
        { PARCOURS_PATH_CURVE_TO, { x + 30, x + 60, x + 90 }, { y - 40, y + 80, y + 10 } },
        { PARCOURS_PATH_LINE_TO, { x + 20 }, { y + 50 } },
        { PARCOURS_PATH_CLOSE, { 0 }, { 0 } },
      };
      ParcoursRgba fill = { 0.8, 0.3, 0.2, i % 2 ? 0.5 : 0 };
      ParcoursRgba stroke = { 0.2, 0.3, 0.8, 0.9 };

      parcours_display_list_add_path (list, segments, G_N_ELEMENTS (segments), &fill, &stroke, 2.5, i % 3 == 0);
    }

  return list;
}

static void
test_shapes_exactly (void)
{
  g_autoptr(ParcoursDisplayList) list = make_shapes ();
  const double scales[] = { 1, 2, 3 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (int background = 0; background <= 1; background++)
      for (int rows = 1; rows <= 64; rows *= 4)
        {
          g_autoptr(GError) error = NULL;
          int width = ceil (401.5 * scales[s]), height = ceil (297.25 * scales[s]), largest;
          g_autoptr(GBytes) png = parcours_png_render (list, width, height, scales[s], background, 1, rows, &error);
          cairo_surface_t *decoded, *expected;

          g_assert_no_error (error);
          g_assert_nonnull (png);
          assert_valid_png (png, width, height, !background);
          decoded = decode_png (png);
          expected = render_in_one_piece (list, width, height, scales[s], background);
          g_assert_cmpuint (count_different_pixels (decoded, expected, &largest), ==, 0);
          cairo_surface_destroy (decoded);
          cairo_surface_destroy (expected);
        }
}

/* A map exported as a PNG (in one band per processor), encoded in strips
 * of @rows (0: the export's own), against the same map drawn in one
 * piece. Where bands meet, cairo may draw glyphs that touch together or
 * one after the other, and shapes as boxes or polygons, so a few pixels
 * may differ by a little: at most one in ten thousand, by at most a
 * sixth. */
static void
assert_strips_match (ParcoursDocument *document,
                     double            scale,
                     gboolean          transparent,
                     int               rows)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(ParcoursDisplayList) list = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *decoded, *expected;
  int width, height, largest;
  guint64 n_different;

  parcours_layout_update (layout, document);
  list = parcours_painter_paint (layout);
  width = ceil (parcours_layout_get_width (layout) * scale);
  height = ceil (parcours_layout_get_height (layout) * scale);

  if (rows == 0)
    {
      ParcoursExportOptions options;

      parcours_export_options_init (&options);
      options.scale = scale;
      options.transparent = transparent;
      png = parcours_export_png (document, &options, &error);
    }
  else
    png = parcours_png_render (list, width, height, scale, !transparent, 0, rows, &error);
  g_assert_no_error (error);
  assert_valid_png (png, width, height, transparent);

  decoded = decode_png (png);
  expected = render_in_one_piece (list, width, height, scale, !transparent);
  n_different = count_different_pixels (decoded, expected, &largest);
  g_test_message ("%d × %d, strips of %d rows: %" G_GUINT64_FORMAT " pixels differ, by at most %d",
                  width, height, rows, n_different, largest);
  g_assert_cmpuint (n_different, <=, (guint64) width * height / 10000);
  g_assert_cmpint (largest, <=, 255 / 6);
  cairo_surface_destroy (decoded);
  cairo_surface_destroy (expected);
}

static void
test_templates (void)
{
  const char *ids[] = { "current-state", "day-in-the-life", "service-blueprint", "online-purchase" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) document = parcours_template_load (ids[i], &error);

      g_assert_no_error (error);
      assert_strips_match (document, 1, FALSE, 0);
      assert_strips_match (document, 2, TRUE, 0);
      assert_strips_match (document, 1, FALSE, 7);
    }
}

/* A template laid out and painted for print, and its size at @scale. */
static ParcoursDisplayList *
paint_template (const char *id,
                double      scale,
                int        *width,
                int        *height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = parcours_template_load (id, &error);
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);

  g_assert_no_error (error);
  parcours_layout_update (layout, document);
  *width = ceil (parcours_layout_get_width (layout) * scale);
  *height = ceil (parcours_layout_get_height (layout) * scale);

  return parcours_painter_paint (layout);
}

/* @list as a PNG in one band, encoded in strips of @rows, transparent
 * and opaque: exactly the list drawn in one piece. */
static void
assert_one_band_exactly (ParcoursDisplayList *list,
                         int                  width,
                         int                  height,
                         double               scale,
                         int                  rows)
{
  for (int background = 0; background <= 1; background++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = parcours_png_render (list, width, height, scale, background, 1, rows, &error);
      cairo_surface_t *decoded, *expected;
      int largest;

      g_assert_no_error (error);
      assert_valid_png (png, width, height, !background);
      decoded = decode_png (png);
      expected = render_in_one_piece (list, width, height, scale, background);
      g_assert_cmpuint (count_different_pixels (decoded, expected, &largest), ==, 0);
      cairo_surface_destroy (decoded);
      cairo_surface_destroy (expected);
    }
}

/* One band, encoded in strips of any size by every processor: exactly
 * the map drawn in one piece, text and photos included. */
static void
test_maps_exactly (void)
{
  const char *ids[] = { "current-state", "service-blueprint" };
  const int rows[] = { 1, 5, 64, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      int width, height;
      g_autoptr(ParcoursDisplayList) list = paint_template (ids[i], 1, &width, &height);

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        assert_one_band_exactly (list, width, height, 1, rows[r]);
    }
}

/* An image of 32 MiB or more has pixels of its own, mapped for huge
 * pages: they start transparent as cairo's own do, and hold exactly the
 * map drawn in one piece. */
static void
test_large_image_exactly (void)
{
  const double scale = 3;
  int width, height;
  g_autoptr(ParcoursDisplayList) list = paint_template ("current-state", scale, &width, &height);

  g_assert_cmpint ((gint64) width * height * 4, >=, 32 << 20);
  assert_one_band_exactly (list, width, height, scale, 0);
}

/* Real journeys people wrote (../shared/testdata), when they are there. */
static void
test_shared_journeys (void)
{
  const char *shared = g_getenv ("PARCOURS_SHARED_DIR");
  g_autofree char *folder = shared ? g_build_filename (shared, "testdata", "mermaid-journeys", NULL) : NULL;
  g_autoptr(GDir) dir = folder ? g_dir_open (folder, 0, NULL) : NULL;
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no journeys in PARCOURS_SHARED_DIR/testdata/mermaid-journeys");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL && n < 6)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) document = NULL;

      if (!g_str_has_suffix (name, ".mmd") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      document = parcours_mermaid_import (text, -1, &error);
      if (document == NULL)
        continue;
      g_test_message ("%s", name);
      assert_strips_match (document, 1, FALSE, 0);
      assert_strips_match (document, 3, FALSE, 0);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png/strips/shapes-exactly-as-one-piece", test_shapes_exactly);
  g_test_add_func ("/export/png/strips/maps-exactly-as-one-piece", test_maps_exactly);
  g_test_add_func ("/export/png/strips/templates-as-one-piece", test_templates);
  g_test_add_func ("/export/png/strips/large-image-exactly-as-one-piece", test_large_image_exactly);
  g_test_add_func ("/export/png/strips/shared-journeys-as-one-piece", test_shared_journeys);

  return g_test_run ();
}
