/* parcours-icons.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-icons.h"
#include "parcours-render-resources.h"

#define ICON_PATH "/io/github/parcours/Parcours/icons/map/"

G_LOCK_DEFINE_STATIC (handles);
static GHashTable *handles;     /* "name color" → RsvgHandle */
static GHashTable *recordings;  /* "name color" → cairo recording surface */

/**
 * parcours_icons_get_svg:
 * @name: an icon name such as "parcours-channel-email-symbolic"
 * @color: the colour to draw it in
 *
 * Returns: (transfer full) (nullable): the icon's SVG text in @color, or
 *   %NULL if there is no such icon
 */
char *
parcours_icons_get_svg (const char         *name,
                        const ParcoursRgba *color)
{
  g_autofree char *path = g_strconcat (ICON_PATH, name, ".svg", NULL);
  g_autofree char *hex = parcours_rgba_to_hex (*color);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *source = NULL;

  /* Referencing the resource keeps its object file (and the constructor
   * that registers it) in every program linking the static library. */
  (void) parcours_render_get_resource ();

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  source = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  parts = g_strsplit (source, PARCOURS_ICON_INK, -1);

  return g_strjoinv (hex, parts);
}

/**
 * parcours_icons_get_handle:
 * @name: an icon name
 * @color: the colour to draw it in
 *
 * Returns: (transfer full) (nullable): a loaded icon, cached per colour
 */
RsvgHandle *
parcours_icons_get_handle (const char         *name,
                           const ParcoursRgba *color)
{
  g_autofree char *hex = parcours_rgba_to_hex (*color);
  g_autofree char *key = g_strconcat (name, " ", hex, NULL);
  RsvgHandle *handle;

  G_LOCK (handles);

  if (handles == NULL)
    handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  handle = g_hash_table_lookup (handles, key);
  if (handle == NULL)
    {
      g_autofree char *svg = parcours_icons_get_svg (name, color);

      if (svg != NULL)
        handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), NULL);
      if (handle != NULL)
        g_hash_table_insert (handles, g_steal_pointer (&key), handle);
    }

  if (handle != NULL)
    g_object_ref (handle);

  G_UNLOCK (handles);

  return handle;
}

/* Each icon in each colour is drawn once into a recording surface and
 * replayed from there: a PDF then holds it once as a form XObject that every
 * card refers to, instead of repeating its paths thousands of times. */
static cairo_surface_t *
get_recording (const char         *name,
               const ParcoursRgba *color)
{
  g_autofree char *hex = parcours_rgba_to_hex (*color);
  g_autofree char *key = g_strconcat (name, " ", hex, NULL);
  cairo_surface_t *recording;

  G_LOCK (handles);
  if (recordings == NULL)
    recordings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) cairo_surface_destroy);
  recording = g_hash_table_lookup (recordings, key);
  G_UNLOCK (handles);

  if (recording == NULL)
    {
      RsvgHandle *handle = parcours_icons_get_handle (name, color);
      cairo_rectangle_t extents = { 0, 0, 16, 16 };
      RsvgRectangle viewport = { 0, 0, 16, 16 };
      cairo_t *cr;

      if (handle == NULL)
        return NULL;

      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (recording);
      rsvg_handle_render_document (handle, cr, &viewport, NULL);
      cairo_destroy (cr);
      g_object_unref (handle);

      G_LOCK (handles);
      g_hash_table_replace (recordings, g_steal_pointer (&key), recording);
      G_UNLOCK (handles);
    }

  return recording;
}

/**
 * parcours_icons_draw:
 * @cr: where to draw
 * @name: an icon name
 * @color: its colour
 * @x: left
 * @y: top
 * @size: width and height
 */
void
parcours_icons_draw (cairo_t            *cr,
                     const char         *name,
                     const ParcoursRgba *color,
                     double              x,
                     double              y,
                     double              size)
{
  cairo_surface_t *recording = get_recording (name, color);

  if (recording == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 16, size / 16);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_rectangle (cr, 0, 0, 16, 16);
  cairo_fill (cr);
  cairo_restore (cr);
}
