/* test-render-photo.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "parcours-export.h"
#include "parcours-gsk-renderer.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-test-utils.h"

/* A persona's photo is drawn in its card, in the avatar's disc, by the
 * painter: one image primitive that every backend draws. */

/* A plain green PNG of @size pixels, made here. */
static GBytes *
make_photo (int size)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x00c000ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, length);
}

static ParcoursDocument *
make_map (gboolean with_photo)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursPersona *persona = parcours_persona_new ("p1", "Nadia");

  parcours_document_set_title (document, "Photo");
  parcours_persona_set_color (persona, "#c00000");
  if (with_photo)
    {
      g_autoptr(GBytes) photo = make_photo (40);

      parcours_persona_set_photo (persona, photo);
    }
  parcours_test_add (document, persona);
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_ACTIONS, "Actions"));

  return document;
}

static ParcoursLayout *
layout_document (ParcoursDocument *document)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  ParcoursLayout *layout = parcours_layout_new (style);

  parcours_layout_update (layout, document);
  return layout;
}

static const ParcoursPrimitive *
find_image (ParcoursDisplayList *list)
{
  for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (primitive->kind == PARCOURS_PRIMITIVE_IMAGE)
        return primitive;
    }

  return NULL;
}

static gboolean
has_text (ParcoursDisplayList *list,
          const char          *text)
{
  for (guint i = 0; i < parcours_display_list_get_n_items (list); i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (primitive->kind == PARCOURS_PRIMITIVE_TEXT && g_strcmp0 (primitive->text->text, text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The photo in the avatar's disc, instead of the initials. */
static void
test_display_list (void)
{
  g_autoptr(ParcoursDocument) plain = make_map (FALSE);
  g_autoptr(ParcoursDocument) document = make_map (TRUE);
  g_autoptr(ParcoursLayout) plain_layout = layout_document (plain);
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  g_autoptr(ParcoursDisplayList) plain_list = parcours_painter_paint (plain_layout);
  g_autoptr(ParcoursDisplayList) list = parcours_painter_paint (layout);
  const ParcoursPersonaBox *box = parcours_layout_get_persona (layout, 0);
  const ParcoursPrimitive *image = find_image (list);

  g_assert_null (find_image (plain_list));
  g_assert_true (has_text (plain_list, "N"));

  g_assert_nonnull (image);
  g_assert_false (has_text (list, "N"));
  g_assert_true (g_bytes_equal (image->image, parcours_persona_get_photo (parcours_document_lookup_persona (document, "p1"))));
  g_assert_cmpfloat (image->bounds.x, ==, box->avatar.x);
  g_assert_cmpfloat (image->bounds.width, ==, box->avatar.width);
  g_assert_cmpfloat (image->radius, ==, box->avatar.width / 2);
}

/* The pixel at the centre of the avatar in a PNG export: green photo,
 * not the red disc. */
static void
test_png (void)
{
  g_autoptr(ParcoursDocument) document = make_map (TRUE);
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  const ParcoursPersonaBox *box = parcours_layout_get_persona (layout, 0);
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  const guchar *pixel;
  int x, y;

  parcours_export_options_init (&options);
  options.theme = PARCOURS_THEME_PRINT;
  png = parcours_export_png (document, &options, &error);
  g_assert_no_error (error);
  stream = g_memory_input_stream_new_from_bytes (png);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);

  x = (int) (box->avatar.x + box->avatar.width / 2);
  y = (int) (box->avatar.y + box->avatar.height / 2);
  pixel = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
          x * gdk_pixbuf_get_n_channels (pixbuf);
  g_assert_cmpuint (pixel[0], <, 40);
  g_assert_cmpuint (pixel[1], >, 150);
  g_assert_cmpuint (pixel[2], <, 40);

  /* Clipped to the disc: the corner of its box shows the card. */
  x = (int) box->avatar.x + 1;
  y = (int) box->avatar.y + 1;
  pixel = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
          x * gdk_pixbuf_get_n_channels (pixbuf);
  g_assert_cmpuint (pixel[1], >, 200);
  g_assert_cmpuint (pixel[0], >, 200);
}

static void
test_svg (void)
{
  g_autoptr(ParcoursDocument) document = make_map (TRUE);
  GBytes *photo = parcours_persona_get_photo (parcours_document_lookup_persona (document, "p1"));
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo));
  g_autofree char *uri = g_strconcat ("xlink:href=\"data:image/png;base64,", base64, "\"", NULL);
  ParcoursExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;

  parcours_export_options_init (&options);
  svg = parcours_export_svg (document, &options);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));

  g_assert_nonnull (strstr (text, uri));
  g_assert_nonnull (strstr (text, "<clipPath id=\"image-clip-"));
  g_assert_nonnull (strstr (text, "preserveAspectRatio=\"xMidYMid slice\""));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;

  return FALSE;
}

/* cairo embeds the image as an image XObject. */
static void
test_pdf (void)
{
  g_autoptr(ParcoursDocument) plain = make_map (FALSE);
  g_autoptr(ParcoursDocument) document = make_map (TRUE);
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) plain_pdf = NULL;

  parcours_export_options_init (&options);
  pdf = parcours_export_pdf (document, &options, &error);
  g_assert_no_error (error);
  plain_pdf = parcours_export_pdf (plain, &options, &error);
  g_assert_no_error (error);

  g_assert_true (bytes_contain (pdf, "/Subtype /Image"));
  g_assert_false (bytes_contain (plain_pdf, "/Subtype /Image"));
}

/* The canvas's backend: a texture node under a rounded clip. */
static gboolean
node_has_texture (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXTURE_NODE:
      return TRUE;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (node_has_texture (gsk_container_node_get_child (node, i)))
          return TRUE;
      return FALSE;
    case GSK_ROUNDED_CLIP_NODE:
      return node_has_texture (gsk_rounded_clip_node_get_child (node));
    case GSK_CLIP_NODE:
      return node_has_texture (gsk_clip_node_get_child (node));
    case GSK_TRANSFORM_NODE:
      return node_has_texture (gsk_transform_node_get_child (node));
    default:
      return FALSE;
    }
}

static gboolean have_display;

static void
test_gsk (void)
{
  g_autoptr(ParcoursDocument) document = make_map (TRUE);
  g_autoptr(ParcoursLayout) layout = layout_document (document);
  g_autoptr(ParcoursDisplayList) list = parcours_painter_paint (layout);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  if (!have_display)
    {
      g_test_skip ("GSK needs a display");
      return;
    }

  parcours_gsk_render_range (list, snapshot, 0, parcours_display_list_get_n_items (list), 1.0);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (node_has_texture (node));
}

/* An image that does not decode draws nothing, and fails no export. */
static void
test_broken (void)
{
  g_autoptr(ParcoursDocument) document = make_map (FALSE);
  static const guint8 broken[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
                                   0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16,
                                   8, 2, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(GBytes) photo = g_bytes_new_static (broken, sizeof broken);
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_assert_true (parcours_persona_photo_is_supported (photo, NULL));
  parcours_persona_set_photo (parcours_document_lookup_persona (document, "p1"), photo);

  parcours_export_options_init (&options);
  png = parcours_export_png (document, &options, &error);
  g_assert_no_error (error);
  pdf = parcours_export_pdf (document, &options, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_display = g_getenv ("DISPLAY") != NULL && gtk_init_check ();

  g_test_add_func ("/render/photo/display-list", test_display_list);
  g_test_add_func ("/render/photo/png", test_png);
  g_test_add_func ("/render/photo/svg", test_svg);
  g_test_add_func ("/render/photo/pdf", test_pdf);
  g_test_add_func ("/render/photo/gsk", test_gsk);
  g_test_add_func ("/render/photo/broken", test_broken);

  return g_test_run ();
}
