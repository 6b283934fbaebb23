/* parcours-ui-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

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

/* Remembers @file in the recently used files. */
void           _parcours_ui_add_recent       (GFile *file);

void           _parcours_ui_list_box_remove_all (GtkListBox *list);

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
