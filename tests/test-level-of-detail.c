/* test-level-of-detail.c — the canvas zoomed out, at the thumbnails'
 * level of detail
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One decision (parcours_primitive_get_detail()) says what is too small
 * to draw in full; the cairo backend (thumbnails) and the GSK backend
 * (the canvas) both honour it. At the zooms where text is read nothing
 * changes.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "parcours-cairo-renderer.h"
#include "parcours-gsk-renderer.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-templates.h"
#include "parcours-test-utils.h"

static gboolean have_display;

static ParcoursDisplayList *
paint_template (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = parcours_template_load (id, &error);

  g_assert_no_error (error);
  return parcours_test_paint (document);
}

static const char *templates[] = { "current-state", "service-blueprint", "day-in-the-life" };

/* From 100 % (and on a high-density screen) every primitive is drawn in
 * full; at the canvas's smallest zoom, card texts are bars. */
static void
test_decision (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ParcoursDisplayList) list = paint_template (templates[t]);
      guint n_texts = 0, n_bars = 0, n_hidden = 0;

      for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
        {
          const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);
          ParcoursDetail zoomed_out = parcours_primitive_get_detail (primitive, 0.1);

          g_assert_cmpint (parcours_primitive_get_detail (primitive, 0), ==, PARCOURS_DETAIL_FULL);
          g_assert_cmpint (parcours_primitive_get_detail (primitive, 1), ==, PARCOURS_DETAIL_FULL);
          g_assert_cmpint (parcours_primitive_get_detail (primitive, 2), ==, PARCOURS_DETAIL_FULL);

          if (primitive->kind == PARCOURS_PRIMITIVE_TEXT && primitive->text->lines->len > 0)
            {
              double line_height = primitive->text->height / primitive->text->lines->len;

              n_texts++;
              if (zoomed_out == PARCOURS_DETAIL_BARS)
                n_bars++;
              /* Lines taller than 3 pixels are still text. */
              g_assert_true ((zoomed_out == PARCOURS_DETAIL_BARS) == (line_height * 0.1 < 3) ||
                             zoomed_out == PARCOURS_DETAIL_HIDDEN);
            }
          /* Corners under half a pixel are square, the others stay round. */
          if (primitive->kind == PARCOURS_PRIMITIVE_RECT && zoomed_out != PARCOURS_DETAIL_HIDDEN)
            g_assert_true ((zoomed_out == PARCOURS_DETAIL_SQUARE) ==
                           (primitive->radius > 0 && primitive->radius * 0.1 < PARCOURS_DETAIL_MIN_RADIUS_PIXELS));
          if (zoomed_out == PARCOURS_DETAIL_HIDDEN)
            {
              n_hidden++;
              g_assert_cmpfloat (MAX (primitive->bounds.width, primitive->bounds.height) * 0.1, <, 1);
            }
        }

      g_test_message ("%s at 10 %%: %u of %u texts are bars, %u primitives left out",
                      templates[t], n_bars, n_texts, n_hidden);
      g_assert_cmpuint (n_bars, >, n_texts / 2);
    }
}

static guint
count_nodes (GskRenderNode  *node,
             GskRenderNodeType type)
{
  guint n = gsk_render_node_get_node_type (node) == type;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_nodes (gsk_container_node_get_child (node, i), type);
      break;
    case GSK_TRANSFORM_NODE:
      n += count_nodes (gsk_transform_node_get_child (node), type);
      break;
    case GSK_CLIP_NODE:
      n += count_nodes (gsk_clip_node_get_child (node), type);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      n += count_nodes (gsk_rounded_clip_node_get_child (node), type);
      break;
    case GSK_OPACITY_NODE:
      n += count_nodes (gsk_opacity_node_get_child (node), type);
      break;
    default:
      break;
    }

  return n;
}

/* The nodes drawn offscreen by GTK's cairo renderer, as the canvas is. */
static cairo_surface_t *
draw_nodes (GskRenderNode *node,
            int            width,
            int            height)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GskRenderNode *framed;
  GskRenderNode *children[2];

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);

  children[0] = gsk_color_node_new (&(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  children[1] = node;
  framed = gsk_container_node_new (children, 2);
  texture = gsk_renderer_render_texture (renderer, framed, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  gsk_render_node_unref (children[0]);
  gsk_render_node_unref (framed);
  gsk_renderer_unrealize (renderer);

  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_stride (b), ==, stride);
  for (int y = 0; y < height; y++)
    if (memcmp (cairo_image_surface_get_data (a) + (gsize) y * stride,
                cairo_image_surface_get_data (b) + (gsize) y * stride, stride) != 0)
      return FALSE;

  return TRUE;
}

/* At 100 % and 200 % the canvas draws exactly what it draws with every
 * detail. */
static void
test_gsk_normal_zoom (void)
{
  const double scales[] = { 1, 2 };

  if (!have_display)
    {
      g_test_skip ("GSK needs a display");
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        g_autoptr(ParcoursDisplayList) list = paint_template (templates[t]);
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        int width = MIN (parcours_display_list_get_width (list) * scales[s], 2400);
        int height = MIN (parcours_display_list_get_height (list) * scales[s], 1600);
        GskRenderNode *detailed, *full;
        cairo_surface_t *a, *b;

        gtk_snapshot_scale (snapshot, scales[s], scales[s]);
        parcours_gsk_render_range (list, snapshot, 0, parcours_display_list_get_n_items (list), scales[s]);
        detailed = gtk_snapshot_free_to_node (snapshot);

        snapshot = gtk_snapshot_new ();
        gtk_snapshot_scale (snapshot, scales[s], scales[s]);
        parcours_gsk_render_range (list, snapshot, 0, parcours_display_list_get_n_items (list), 0);
        full = gtk_snapshot_free_to_node (snapshot);

        g_assert_cmpuint (count_nodes (detailed, GSK_TEXT_NODE), >, 0);
        g_assert_cmpuint (count_nodes (detailed, GSK_TEXT_NODE), ==, count_nodes (full, GSK_TEXT_NODE));
        a = draw_nodes (detailed, width, height);
        b = draw_nodes (full, width, height);
        g_assert_true (same_pixels (a, b));
        cairo_surface_destroy (a);
        cairo_surface_destroy (b);
      }
}

/* At 10 % the canvas's text is bars, and the canvas looks as the
 * thumbnail (the cairo backend at the same level of detail) does. */
static void
test_gsk_zoomed_out (void)
{
  if (!have_display)
    {
      g_test_skip ("GSK needs a display");
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(ParcoursDisplayList) list = paint_template (templates[t]);
      g_autoptr(GError) error = NULL;
      double scale = 0.1;
      int width = ceil (parcours_display_list_get_width (list) * scale);
      int height = ceil (parcours_display_list_get_height (list) * scale);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      cairo_surface_t *canvas, *thumbnail;
      double mean, far;
      cairo_t *cr;

      gtk_snapshot_scale (snapshot, scale, scale);
      parcours_gsk_render_range (list, snapshot, 0, parcours_display_list_get_n_items (list), scale);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_cmpuint (count_nodes (node, GSK_TEXT_NODE), ==, 0);
      canvas = draw_nodes (node, width, height);

      thumbnail = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (thumbnail);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      g_assert_true (parcours_cairo_render_overview (list, cr, FALSE, &error));
      g_assert_no_error (error);
      cairo_destroy (cr);

      parcours_test_compare_images (canvas, thumbnail, &mean, &far);
      g_test_message ("%s at 10 %%: canvas and thumbnail differ by %.3f on average, %.4f %% far",
                      templates[t], mean, 100 * far);
      g_assert_cmpfloat (mean, <, 1.5);
      g_assert_cmpfloat (far, <, 0.005);
      cairo_surface_destroy (canvas);
      cairo_surface_destroy (thumbnail);
    }
}

static cairo_surface_t *
draw_overview (ParcoursDisplayList *list,
               double               scale,
               gboolean             level_of_detail)
{
  g_autoptr(GError) error = NULL;
  int width = ceil (parcours_display_list_get_width (list) * scale);
  int height = ceil (parcours_display_list_get_height (list) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  if (level_of_detail)
    g_assert_true (parcours_cairo_render_overview (list, cr, FALSE, &error));
  else
    g_assert_true (parcours_cairo_render (list, cr, NULL, FALSE, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);

  return surface;
}

/* Rows of cards that are a couple of pixels wide: with corners of a tenth
 * of a pixel, the overview draws them square (exactly the same as cards
 * without rounded corners), and that is within a trace of the round ones. */
static ParcoursDisplayList *
tiny_cards (double radius)
{
  const ParcoursRgba fill = { 0.9, 0.6, 0.2, 1 }, stroke = { 0.2, 0.2, 0.3, 1 };
  ParcoursDisplayList *list = parcours_display_list_new (2000, 1000, (ParcoursRgba) { 1, 1, 1, 1 });

  for (guint row = 0; row < 8; row++)
    for (guint column = 0; column < 16; column++)
      {
        ParcoursRect rect = { 20 + column * 120, 20 + row * 120, 100, 90 };

        parcours_display_list_add_rect (list, &rect, radius, &fill, &stroke, 1.5);
      }

  return list;
}

static void
test_square_corners (void)
{
  g_autoptr(ParcoursDisplayList) rounded = tiny_cards (8);
  g_autoptr(ParcoursDisplayList) square = tiny_cards (0);
  const double scale = 0.0125;
  cairo_surface_t *overview, *full, *square_full;
  double mean, far;

  g_assert_cmpint (parcours_primitive_get_detail (parcours_display_list_get_item (rounded, 0), scale), ==,
                   PARCOURS_DETAIL_SQUARE);
  g_assert_cmpint (parcours_primitive_get_detail (parcours_display_list_get_item (rounded, 0), 0.1), ==,
                   PARCOURS_DETAIL_FULL);
  g_assert_cmpint (parcours_primitive_get_detail (parcours_display_list_get_item (square, 0), scale), ==,
                   PARCOURS_DETAIL_FULL);

  overview = draw_overview (rounded, scale, TRUE);
  full = draw_overview (rounded, scale, FALSE);
  square_full = draw_overview (square, scale, FALSE);

  g_assert_true (same_pixels (overview, square_full));
  g_assert_false (same_pixels (overview, full));
  parcours_test_compare_images (overview, full, &mean, &far);
  g_test_message ("square against round corners at %.2f %%: %.3f on average, %.4f %% far",
                  100 * scale, mean, 100 * far);
  /* Every pixel of these cards is a corner pixel: a trace each, none far. */
  g_assert_cmpfloat (mean, <, 4);
  g_assert_cmpfloat (far, ==, 0);

  cairo_surface_destroy (overview);
  cairo_surface_destroy (full);
  cairo_surface_destroy (square_full);
}

/* The canvas zoomed out as far draws those cards without rounded clips. */
static void
test_gsk_square_corners (void)
{
  g_autoptr(ParcoursDisplayList) list = tiny_cards (8);
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  if (!have_display)
    {
      g_test_skip ("GSK needs a display");
      return;
    }

  snapshot = gtk_snapshot_new ();
  parcours_gsk_render_range (list, snapshot, 0, parcours_display_list_get_n_items (list), 1);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_cmpuint (count_nodes (node, GSK_ROUNDED_CLIP_NODE), ==, 128);
  gsk_render_node_unref (node);

  snapshot = gtk_snapshot_new ();
  parcours_gsk_render_range (list, snapshot, 0, parcours_display_list_get_n_items (list), 0.0125);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_cmpuint (count_nodes (node, GSK_ROUNDED_CLIP_NODE), ==, 0);
  g_assert_cmpuint (count_nodes (node, GSK_COLOR_NODE), ==, 128);
  gsk_render_node_unref (node);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_display = g_getenv ("DISPLAY") != NULL && gtk_init_check ();

  g_test_add_func ("/canvas/detail/decision", test_decision);
  g_test_add_func ("/canvas/detail/normal-zoom-unchanged", test_gsk_normal_zoom);
  g_test_add_func ("/canvas/detail/zoomed-out-text-is-bars", test_gsk_zoomed_out);
  g_test_add_func ("/canvas/detail/square-corners", test_square_corners);
  g_test_add_func ("/canvas/detail/gsk-square-corners", test_gsk_square_corners);

  return g_test_run ();
}
