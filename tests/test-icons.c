/* test-icons.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <librsvg/rsvg.h>
#include <string.h>

#include "parcours-enum-types.h"
#include "parcours-enums.h"
#include "parcours-ui-private.h"

/* Every lane kind and every channel has a symbolic icon in the
 * application's icon theme (its resources), drawn on the 16 × 16 grid in
 * one colour, as GNOME symbolic icons are, so that GTK can recolour it. */

#define ACTIONS_PATH "/io/github/parcours/Parcours/icons/scalable/actions/"

static void
assert_symbolic_icon (const char *name)
{
  g_autofree char *path = g_strconcat (ACTIONS_PATH, name, ".svg", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) handle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, 16, 16 };
  const guchar *data;
  guint n_inked = 0;
  const char *fill;

  g_test_message ("icon %s", name);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* One colour, no strokes: shapes GTK can recolour. */
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (text, "stroke"));
  g_assert_nonnull (strstr (text, "viewBox=\"0 0 16 16\""));
  for (fill = strstr (text, "fill=\"#"); fill != NULL; fill = strstr (fill + 1, "fill=\"#"))
    g_assert_true (g_str_has_prefix (fill, "fill=\"#241f31\""));

  handle = (GObject *) rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
  cr = cairo_create (surface);
  rsvg_handle_render_document (RSVG_HANDLE (handle), cr, &viewport, &error);
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* It draws something, and not a filled square. */
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < 16; y++)
    for (int x = 0; x < 16; x++)
      if (data[y * cairo_image_surface_get_stride (surface) + x * 4 + 3] > 128)
        n_inked++;
  cairo_surface_destroy (surface);

  g_assert_cmpuint (n_inked, >, 16);
  g_assert_cmpuint (n_inked, <, 16 * 16 * 3 / 4);
}

static void
test_lane_kinds (void)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (parcours_lane_kind_get_type ());

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autofree char *name = g_strdup_printf ("parcours-lane-%s-symbolic",
                                               enum_class->values[i].value_nick);
      assert_symbolic_icon (name);
    }
}

static void
test_channels (void)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (parcours_channel_get_type ());

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autofree char *name = NULL;

      if (enum_class->values[i].value == PARCOURS_CHANNEL_NONE)
        continue;

      name = g_strdup_printf ("parcours-channel-%s-symbolic", enum_class->values[i].value_nick);
      assert_symbolic_icon (name);
    }

  assert_symbolic_icon ("parcours-key-moment-symbolic");
  assert_symbolic_icon ("parcours-persona-symbolic");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  _parcours_ui_ensure_resources ();

  g_test_add_func ("/icons/lane-kinds", test_lane_kinds);
  g_test_add_func ("/icons/channels", test_channels);

  return g_test_run ();
}
