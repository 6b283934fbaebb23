/* test-render-reference.c — exports look as they did, and the level of
 * detail of overviews
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/renders holds exports made before the renderer was sped up
 * (see its README): every export must still match them within the
 * tolerance test-export allows between two rasterisers.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "parcours-cairo-renderer.h"
#include "parcours-export.h"
#include "parcours-layout.h"
#include "parcours-mermaid.h"
#include "parcours-painter.h"
#include "parcours-templates.h"
#include "parcours-test-utils.h"
#include "parcours-thumbnail.h"

static cairo_surface_t *
load_reference (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "renders", name, NULL);

  return parcours_test_load_png (path);
}

static void
assert_matches (cairo_surface_t *render,
                const char      *reference_name)
{
  cairo_surface_t *reference = load_reference (reference_name);
  double mean, far;

  parcours_test_compare_images (render, reference, &mean, &far);
  g_test_message ("%s: mean difference %.4f, %.4f%% far channels", reference_name, mean, 100 * far);

  /* The bounds of /export/png/agrees-with-svg. */
  g_assert_cmpfloat (mean, <, 1.5);
  g_assert_cmpfloat (far, <, 0.005);

  cairo_surface_destroy (reference);
}

static cairo_surface_t *
export_png (ParcoursDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *path = NULL;
  ParcoursExportOptions options;
  cairo_surface_t *surface;

  parcours_export_options_init (&options);
  png = parcours_export_png (document, &options, &error);
  g_assert_no_error (error);
  path = parcours_test_write_temp (png, ".png");
  surface = parcours_test_load_png (path);
  g_unlink (path);
  return surface;
}

static void
test_png_template (gconstpointer data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = parcours_template_load (id, &error);
  g_autofree char *reference = g_strconcat (id, ".png", NULL);
  cairo_surface_t *render;

  g_assert_no_error (error);
  render = export_png (document);
  assert_matches (render, reference);
  cairo_surface_destroy (render);
}

static void
test_png_mermaid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mermaid", "cafe.canonical.mmd", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  cairo_surface_t *render;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  document = parcours_mermaid_import (text, -1, &error);
  g_assert_no_error (error);
  render = export_png (document);
  assert_matches (render, "cafe.png");
  cairo_surface_destroy (render);
}

/* The PDF as a reader shows it: drawn by poppler at 72 dpi. */
static void
test_pdf_template (void)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(ParcoursDocument) document = parcours_template_load ("service-blueprint", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *png_path = NULL;
  ParcoursExportOptions options;
  cairo_surface_t *render;
  int status;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed (poppler-utils)");
      return;
    }

  parcours_export_options_init (&options);
  pdf = parcours_export_pdf (document, &options, &error);
  g_assert_no_error (error);
  path = parcours_test_write_temp (pdf, ".pdf");
  stem = g_strconcat (path, "-page", NULL);
  png_path = g_strconcat (stem, ".png", NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) (const char *[]) { pdftoppm, "-r", "72", "-png", "-singlefile", path, stem, NULL },
                               NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  render = parcours_test_load_png (png_path);
  assert_matches (render, "service-blueprint-pdf.png");
  cairo_surface_destroy (render);
  g_unlink (png_path);
  g_unlink (path);
}

static cairo_surface_t *
render_at (ParcoursDisplayList *list,
           double               scale,
           gboolean             overview)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         ceil (parcours_display_list_get_width (list) * scale),
                                                         ceil (parcours_display_list_get_height (list) * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  if (overview)
    g_assert_true (parcours_cairo_render_overview (list, cr, TRUE, &error));
  else
    g_assert_true (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  return surface;
}

/* At full size every text is readable: an overview draws exactly what a
 * full render does. */
static void
test_detail_full_size (void)
{
  g_autoptr(ParcoursDocument) document = parcours_template_load ("current-state", NULL);
  g_autoptr(ParcoursDisplayList) list = parcours_test_paint (document);
  cairo_surface_t *full = render_at (list, 1.0, FALSE);
  cairo_surface_t *overview = render_at (list, 1.0, TRUE);
  double mean, far;

  parcours_test_compare_images (full, overview, &mean, &far);
  g_assert_cmpfloat (mean, ==, 0);

  cairo_surface_destroy (full);
  cairo_surface_destroy (overview);
}

/* Far out, text too small to read is a bar of its width and icons are
 * left out, and the picture stays the same picture. */
static void
test_detail_far_out (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (20, 6, 400, 60, 13);
  g_autoptr(ParcoursDisplayList) list = parcours_test_paint (document);
  double scale = 256 / MAX (parcours_display_list_get_width (list), parcours_display_list_get_height (list));
  cairo_surface_t *full = render_at (list, scale, FALSE);
  cairo_surface_t *overview = render_at (list, scale, TRUE);
  double mean, far;

  parcours_test_compare_images (full, overview, &mean, &far);
  g_test_message ("overview at %.3f: mean difference %.3f, %.4f%% far channels", scale, mean, 100 * far);
  g_assert_cmpfloat (mean, >, 0);
  g_assert_cmpfloat (mean, <, 4);
  g_assert_cmpfloat (far, <, 0.01);

  cairo_surface_destroy (full);
  cairo_surface_destroy (overview);
}

/* Thumbnails are overviews: the same picture at the same size. */
static void
test_detail_thumbnail (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (20, 6, 400, 60, 13);
  g_autoptr(ParcoursDisplayList) list = parcours_test_paint (document);
  double scale = 256 / MAX (parcours_display_list_get_width (list), parcours_display_list_get_height (list));
  cairo_surface_t *overview = render_at (list, scale, TRUE);
  cairo_surface_t *thumbnail = parcours_thumbnail_render (document, 256, PARCOURS_THEME_PRINT);
  double mean, far;

  parcours_test_compare_images (thumbnail, overview, &mean, &far);
  g_assert_cmpfloat (mean, ==, 0);

  cairo_surface_destroy (overview);
  cairo_surface_destroy (thumbnail);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/render/reference/png/current-state", "current-state", test_png_template);
  g_test_add_data_func ("/render/reference/png/day-in-the-life", "day-in-the-life", test_png_template);
  g_test_add_func ("/render/reference/png/mermaid-import", test_png_mermaid);
  g_test_add_func ("/render/reference/pdf/service-blueprint", test_pdf_template);
  g_test_add_func ("/render/level-of-detail/full-size-is-exact", test_detail_full_size);
  g_test_add_func ("/render/level-of-detail/far-out-keeps-the-picture", test_detail_far_out);
  g_test_add_func ("/render/level-of-detail/thumbnails-use-it", test_detail_thumbnail);

  return g_test_run ();
}
