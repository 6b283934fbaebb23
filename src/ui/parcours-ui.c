/* parcours-ui.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

char *
_parcours_ui_dup_file_stem (GFile *file)
{
  char *name = _parcours_ui_dup_file_name (file);
  char *dot = strrchr (name, '.');

  /* “.hidden” keeps its name. */
  if (dot != NULL && dot != name)
    *dot = '\0';

  return name;
}

/* Journey maps first; then every file Parcours can import. */
void
_parcours_ui_add_open_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) maps = _parcours_ui_new_map_filter ();
  g_autoptr(GtkFileFilter) mermaid = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Supported Files"));
  gtk_file_filter_add_mime_type (all, PARCOURS_MIME_TYPE);
  gtk_file_filter_add_suffix (all, PARCOURS_FILE_SUFFIX);

  gtk_file_filter_set_name (mermaid, _("Mermaid Journeys"));
  gtk_file_filter_set_name (csv, _("CSV Spreadsheets"));
  for (guint i = 0; i < 2; i++)
    {
      gtk_file_filter_add_suffix (i == 0 ? all : mermaid, "mmd");
      gtk_file_filter_add_suffix (i == 0 ? all : mermaid, "mermaid");
      gtk_file_filter_add_suffix (i == 0 ? all : csv, "csv");
      gtk_file_filter_add_mime_type (i == 0 ? all : csv, "text/csv");
    }

  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_add_filter (chooser, maps);
  gtk_file_chooser_add_filter (chooser, mermaid);
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_chooser_set_filter (chooser, all);
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

const ParcoursUiExportFormat _parcours_ui_export_formats[PARCOURS_UI_N_EXPORT_FORMATS] = {
  { PARCOURS_EXPORT_FORMAT_PDF, N_("PDF document"), "pdf" },
  { PARCOURS_EXPORT_FORMAT_SVG, N_("SVG image"), "svg" },
  { PARCOURS_EXPORT_FORMAT_PNG, N_("PNG image"), "png" },
  { PARCOURS_EXPORT_FORMAT_MERMAID, N_("Mermaid journey"), "mmd" },
  { PARCOURS_EXPORT_FORMAT_CSV, N_("CSV spreadsheet"), "csv" },
};

const ParcoursUiPageSize _parcours_ui_page_sizes[PARCOURS_UI_N_PAGE_SIZES] = {
  /* Translators: a PDF page size: one page exactly the size of the map */
  { PARCOURS_PAGE_SIZE_FIT, "fit", N_("Fit to Map") },
  /* Translators: a PDF page size */
  { PARCOURS_PAGE_SIZE_A4, "a4", N_("A4") },
  /* Translators: a PDF page size */
  { PARCOURS_PAGE_SIZE_A3, "a3", N_("A3") },
  /* Translators: a PDF page size */
  { PARCOURS_PAGE_SIZE_LETTER, "letter", N_("US Letter") },
  /* Translators: a PDF page size */
  { PARCOURS_PAGE_SIZE_SLIDE, "slide", N_("Slide (16:9)") },
};

/* The index of @extension in _parcours_ui_export_formats, 0 (the
 * default) when it is not there. */
guint
_parcours_ui_find_export_format (const char *extension)
{
  for (guint i = 0; i < PARCOURS_UI_N_EXPORT_FORMATS; i++)
    if (g_strcmp0 (_parcours_ui_export_formats[i].extension, extension) == 0)
      return i;

  return 0;
}

guint
_parcours_ui_find_page_size (const char *id)
{
  for (guint i = 0; i < PARCOURS_UI_N_PAGE_SIZES; i++)
    if (g_strcmp0 (_parcours_ui_page_sizes[i].id, id) == 0)
      return i;

  return 0;
}

GSettings *
_parcours_ui_get_settings (void)
{
  static GSettings *settings;
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      /* Kept for the life of the process, as GSettings objects are. */
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
      g_once_init_leave (&looked_up, 1);
    }

  return settings;
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
