/* parcours-ui-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "parcours-export.h"
#include "parcours-pagination.h"

G_BEGIN_DECLS

#define PARCOURS_MIME_TYPE "application/x-parcours"
#define PARCOURS_FILE_SUFFIX "parcours"

/* Registers the UI resources (templates, icons, shortcuts) once. Every
 * class with a template calls it from its class_init. */
void           _parcours_ui_ensure_resources (void);

/* A file filter for journey maps, shared by the Open and Save dialogs. */
GtkFileFilter *_parcours_ui_new_map_filter   (void);

/* The name of @file as UTF-8, for titles and messages. */
char          *_parcours_ui_dup_file_name    (GFile *file);

/* The name of @file without its extension: what a map made from it is
 * called until it is saved. */
char          *_parcours_ui_dup_file_stem    (GFile *file);

/* The Open dialog's filters: maps, Mermaid journeys and CSV files. */
void           _parcours_ui_add_open_filters (GtkFileChooser *chooser);

/* Remembers @file in the recently used files. */
void           _parcours_ui_add_recent       (GFile *file);

void           _parcours_ui_list_box_remove_all (GtkListBox *list);

/* The settings of the application, shared by every window; NULL when
 * the schema is not installed (a build run before `meson install`). */
GSettings     *_parcours_ui_get_settings     (void);

/* What Export offers, the first being the default; `extension` is also
 * the value of the "export-format" setting. */
typedef struct
{
  ParcoursExportFormat  format;
  const char           *name;
  const char           *extension;
} ParcoursUiExportFormat;

#define PARCOURS_UI_N_EXPORT_FORMATS 5
extern const ParcoursUiExportFormat _parcours_ui_export_formats[PARCOURS_UI_N_EXPORT_FORMATS];

/* The PDF page sizes Export offers; `id` is the value of the
 * "export-page-size" setting. */
typedef struct
{
  ParcoursPageSize  size;
  const char       *id;
  const char       *name;
} ParcoursUiPageSize;

#define PARCOURS_UI_N_PAGE_SIZES 5
extern const ParcoursUiPageSize _parcours_ui_page_sizes[PARCOURS_UI_N_PAGE_SIZES];

guint          _parcours_ui_find_export_format (const char *extension);
guint          _parcours_ui_find_page_size     (const char *id);

/* Lists of strings (goals, needs, frustrations) are edited in a text
 * view, one item a line; blank lines are not items. */
char         **_parcours_ui_split_lines      (const char         *text);
void           _parcours_ui_text_view_show_list (GtkTextView     *view,
                                              const char * const *items);
char         **_parcours_ui_text_view_read_list (GtkTextView     *view);

/* A `#rrggbb` colour of the model for a colour button, and back. */
void           _parcours_ui_rgba_from_color  (const char         *color,
                                              GdkRGBA            *rgba);
char          *_parcours_ui_color_from_rgba  (const GdkRGBA      *rgba);

G_END_DECLS
