/* test-render-vector.c — PDF and SVG, written for speed, still show the
 * map the other backends draw
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF draws filled rounded rectangles as widened inner rectangles and
 * SVG writes its numbers in fixed point: the PDF as poppler shows it
 * must be the one drawn with arcs, borders stroked at a coarser
 * tolerance must look as at cairo's default, and the SVG's numbers must
 * be the ones printf writes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "parcours-cairo-renderer.h"
#include "parcours-display-list.h"
#include "parcours-layout.h"
#include "parcours-mermaid.h"
#include "parcours-svg-writer.h"
#include "parcours-painter.h"
#include "parcours-templates.h"
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif
#include "parcours-test-utils.h"

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The list drawn into a PDF, directly (rounded rectangles widened), or
 * first into a recording surface, which draws them with arcs as an image
 * would, then replayed into the PDF. */
static GBytes *
draw_pdf (ParcoursDisplayList *list,
          double               scale,
          gboolean             with_arcs)
{
  GByteArray *buffer = g_byte_array_new ();
  double width = ceil (parcours_display_list_get_width (list) * scale);
  double height = ceil (parcours_display_list_get_height (list) * scale);
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (append_to_byte_array, buffer, width, height);
  g_autoptr(GError) error = NULL;
  cairo_t *cr = cairo_create (pdf);

  cairo_scale (cr, scale, scale);

  if (with_arcs)
    {
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *recording_cr = cairo_create (recording);

      g_assert_true (parcours_cairo_render (list, recording_cr, NULL, TRUE, &error));
      cairo_destroy (recording_cr);
      cairo_set_source_surface (cr, recording, 0, 0);
      /* Cairo 1.16 keeps a few hundred bytes of every recording surface
       * it replays into a PDF; exports never replay one. */
#ifdef __SANITIZE_ADDRESS__
      __lsan_disable ();
#endif
      cairo_paint (cr);
#ifdef __SANITIZE_ADDRESS__
      __lsan_enable ();
#endif
      cairo_surface_destroy (recording);
    }
  else
    g_assert_true (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_no_error (error);

  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);

  return g_byte_array_free_to_bytes (buffer);
}

/* A PDF as a reader shows it: drawn by poppler at 72 dpi. */
static cairo_surface_t *
show_pdf (const char *pdftoppm,
          GBytes     *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = parcours_test_write_temp (pdf, ".pdf");
  g_autofree char *stem = g_strconcat (path, "-page", NULL);
  g_autofree char *png_path = g_strconcat (stem, ".png", NULL);
  cairo_surface_t *surface;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) (const char *[]) { pdftoppm, "-r", "72", "-png", "-singlefile", path, stem, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  surface = parcours_test_load_png (png_path);
  g_unlink (png_path);
  g_unlink (path);
  return surface;
}

/* The PDF with widened rectangles against the same PDF with arcs, both
 * shown by poppler: only the edges of the rounded shapes may differ, by
 * a shade. A widening by the wrong radius moves whole edges. */
static void
assert_widening_invisible (ParcoursDocument *document,
                           double            scale)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(ParcoursDisplayList) list = parcours_test_paint (document);
  g_autoptr(GBytes) widened = NULL;
  g_autoptr(GBytes) arcs = NULL;
  cairo_surface_t *shown_widened, *shown_arcs;
  double mean, far;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed (poppler-utils)");
      return;
    }

  widened = draw_pdf (list, scale, FALSE);
  arcs = draw_pdf (list, scale, TRUE);
  /* Widened rectangles take fewer numbers. */
  g_assert_cmpuint (g_bytes_get_size (widened), <, g_bytes_get_size (arcs));

  shown_widened = show_pdf (pdftoppm, widened);
  shown_arcs = show_pdf (pdftoppm, arcs);
  parcours_test_compare_images (shown_widened, shown_arcs, &mean, &far);
  g_test_message ("at %g %%: mean difference %.4f, %.5f%% far channels", 100 * scale, mean, 100 * far);

  g_assert_cmpfloat (mean, <, 0.1);
  g_assert_cmpfloat (far, <, 0.0002);

  cairo_surface_destroy (shown_widened);
  cairo_surface_destroy (shown_arcs);
}

/* Cards with sentiment stripes (pills), stage stripes, swatches. */
static void
test_pdf_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = parcours_template_load ("current-state", &error);

  g_assert_no_error (error);
  assert_widening_invisible (document, 1);
}

/* Borders are stroked at a tolerance of their own half width on the page
 * (the direct PDF), where the recording keeps cairo's default: a border
 * left out, or drawn otherwise, shows. Bordered cards keep their arcs, so
 * the two PDFs must look the same, from hairlines to thick borders. */
static ParcoursDisplayList *
bordered_cards (void)
{
  const double widths[] = { 0.1, 0.25, 0.5, 1, 1.5, 3, 6 };
  const ParcoursRgba fill = { 1, 1, 1, 1 }, stroke = { 0.2, 0.2, 0.3, 1 };
  ParcoursDisplayList *list = parcours_display_list_new (1000, 700, (ParcoursRgba) { 0.95, 0.95, 0.9, 1 });

  for (guint row = 0; row < G_N_ELEMENTS (widths); row++)
    for (guint column = 0; column < 8; column++)
      {
        ParcoursRect rect = { 20 + column * 120, 20 + row * 95, 100, 80 };

        parcours_display_list_add_rect (list, &rect, column, &fill, &stroke, widths[row]);
      }

  return list;
}

static void
test_pdf_thin_borders (void)
{
  const double scales[] = { 0.2, 0.5, 1, 3 };
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(ParcoursDisplayList) list = bordered_cards ();

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed (poppler-utils)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GBytes) direct = draw_pdf (list, scales[i], FALSE);
      g_autoptr(GBytes) recorded = draw_pdf (list, scales[i], TRUE);
      cairo_surface_t *shown_direct = show_pdf (pdftoppm, direct);
      cairo_surface_t *shown_recorded = show_pdf (pdftoppm, recorded);
      double mean, far;

      parcours_test_compare_images (shown_direct, shown_recorded, &mean, &far);
      g_test_message ("borders at %g %%: mean difference %.4f, %.5f%% far channels", 100 * scales[i], mean, 100 * far);
      g_assert_cmpfloat (mean, <, 0.01);
      g_assert_cmpfloat (far, ==, 0);
      cairo_surface_destroy (shown_direct);
      cairo_surface_destroy (shown_recorded);
    }
}

/* Two actors' curves with a label and its translucent plate at every
 * point, some of them overlapping. */
static void
test_pdf_curves (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n  title Curves\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;

  for (guint s = 0; s < 4; s++)
    {
      g_string_append_printf (text, "  section Stage %u\n", s + 1);
      for (guint t = 0; t < 6; t++)
        g_string_append_printf (text, "    Compares prices %u: %u: Customer, Agent\n", s * 6 + t, (s + t * 3) % 5 + 1);
    }
  document = parcours_mermaid_import (text->str, -1, &error);
  g_assert_no_error (error);
  assert_widening_invisible (document, 1);
}

static void
number_as_printf (GString *out,
                  double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  g_string_append (out, strcmp (buffer, "-0") == 0 ? "0" : buffer);
}

/* Halfway values, values a hair from halfway either side, negative zero,
 * large and tiny ones, and a few thousand arbitrary ones. */
static void
test_svg_numbers (void)
{
  static const double tricky[] = {
    0, -0.0, 0.125, 0.375, 6.185, 6.175, 1.005, 2.675, -0.004, -0.005, -0.006, 0.995, 9.995, 99.995,
    12.5, -12.5, 1e-9, -1e-9, 123456789.125, 1e14, -1e14, 1e15, 3e17, 14400.0049, 0.07, 0.3,
  };
  ParcoursRgba black = { 0, 0, 0, 1 };
  g_autoptr(ParcoursDisplayList) list = parcours_display_list_new (100, 100, black);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  const char *data, *p;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tricky) + 4000; i++)
    {
      double value = i < G_N_ELEMENTS (tricky) ? tricky[i] : g_rand_double_range (rand, -20000, 20000);
      ParcoursRect r = { value, 1, 2, 3 };

      /* Every other rect in another colour, so that each is written whole. */
      black.red = i % 2;
      parcours_display_list_add_rect (list, &r, 0, &black, NULL, 0);
      number_as_printf (expected, value);
      g_string_append_c (expected, '\n');
    }

  svg = parcours_svg_write (list, NULL, TRUE);
  data = g_bytes_get_data (svg, NULL);
  for (p = strstr (data, "<rect x=\""); p != NULL; p = strstr (p, "<rect x=\""))
    {
      const char *end;

      p += strlen ("<rect x=\"");
      end = strchr (p, '"');
      g_string_append_len (written, p, end - p);
      g_string_append_c (written, '\n');
      n++;
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (tricky) + 4000);
  g_assert_cmpstr (written->str, ==, expected->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/vector/pdf/rounded-shapes-as-png-draws-them", test_pdf_template);
  g_test_add_func ("/render/vector/pdf/curves-and-plates-as-png-draws-them", test_pdf_curves);
  g_test_add_func ("/render/vector/pdf/thin-borders-as-png-draws-them", test_pdf_thin_borders);
  g_test_add_func ("/render/vector/svg/numbers-as-printf-writes-them", test_svg_numbers);

  return g_test_run ();
}
