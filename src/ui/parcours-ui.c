/* parcours-ui.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-color.h"

#include "parcours-resources.h"
#include "parcours-ui-private.h"

void
_parcours_ui_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      parcours_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

GtkFileFilter *
_parcours_ui_new_map_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, PARCOURS_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, PARCOURS_FILE_SUFFIX);

  return filter;
}

char *
_parcours_ui_dup_file_name (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

void
_parcours_ui_add_recent (GFile *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

void
_parcours_ui_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

char **
_parcours_ui_split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));

      if (stripped[0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

char **
_parcours_ui_text_view_read_list (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return _parcours_ui_split_lines (text);
}

/* Leaves the view alone (and its cursor, and the blank line just typed)
 * while it already says the same items. */
void
_parcours_ui_text_view_show_list (GtkTextView        *view,
                                  const char * const *items)
{
  g_auto(GStrv) shown = _parcours_ui_text_view_read_list (view);
  g_autofree char *text = NULL;

  if (strv_equal ((const char * const *) shown, items))
    return;

  text = items ? g_strjoinv ("\n", (char **) items) : g_strdup ("");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

void
_parcours_ui_rgba_from_color (const char *color,
                              GdkRGBA    *rgba)
{
  double red = 0.5, green = 0.5, blue = 0.5;

  parcours_color_parse (color, &red, &green, &blue);
  *rgba = (GdkRGBA) { red, green, blue, 1 };
}

char *
_parcours_ui_color_from_rgba (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}
