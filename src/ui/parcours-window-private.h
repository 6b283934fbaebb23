/* parcours-window-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-canvas.h"
#include "parcours-draft.h"
#include "parcours-inspector.h"
#include "parcours-outline.h"
#include "parcours-personas.h"
#include "parcours-window.h"

G_BEGIN_DECLS

struct _ParcoursWindow
{
  AdwApplicationWindow  parent_instance;

  ParcoursDocument     *document;
  ParcoursHistory      *history;
  GFile                *file;
  GCancellable         *cancellable;

  /* Where the unsaved changes are autosaved */
  ParcoursDraft        *draft;
  guint                 autosave_source;

  /* What the last print used, offered again by the next one */
  GtkPrintSettings     *print_settings;
  GtkPageSetup         *page_setup;

  /* What the undo and redo menu items say now */
  char                 *undo_menu_label;
  char                 *redo_menu_label;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  ParcoursCanvas       *canvas;
  GMenu                *undo_section;
  GtkMenuButton        *primary_menu_button;
  GtkWidget            *zoom_box;
  GtkLabel             *zoom_label;
  GtkToggleButton      *palette_button;
  AdwFlap              *flap;
  ParcoursInspector    *inspector;
  ParcoursOutline      *outline;
  ParcoursPersonas     *personas;
  AdwViewStack         *side_stack;
  GtkWidget            *side_panel_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *drafts_group;
  GtkListBox           *drafts_list;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;

  guint                 n_loading;
  guint                 loading_source;
  guint                 close_confirmed : 1;
  guint                 has_map : 1;
  guint                 draft_writing : 1;
  guint                 draft_pending : 1;
  guint                 draft_error_shown : 1;
};

void               _parcours_window_class_actions_init   (ParcoursWindowClass   *klass);
void               _parcours_window_update_actions       (ParcoursWindow        *self);
gboolean           _parcours_window_confirm_close        (ParcoursWindow        *self);
void               _parcours_window_set_file             (ParcoursWindow        *self,
                                                          GFile                 *file);
char              *_parcours_window_dup_display_title    (ParcoursWindow        *self);
void               _parcours_window_show_error           (ParcoursWindow        *self,
                                                          const char            *heading,
                                                          const char            *body);
char              *_parcours_window_dup_export_base_name (ParcoursWindow        *self);
GFile             *_parcours_window_resolve_export       (GFile                 *file,
                                                          ParcoursExportFormat   filter_format,
                                                          ParcoursExportFormat  *format);
GtkPrintOperation *_parcours_window_new_print_operation  (ParcoursWindow        *self);
void               _parcours_window_show_document        (ParcoursWindow        *self,
                                                          ParcoursDocument      *document,
                                                          GFile                 *file);

void               _parcours_window_class_drafts_init    (ParcoursWindowClass   *klass);
void               _parcours_window_update_draft         (ParcoursWindow        *self);
void               _parcours_window_discard_draft        (ParcoursWindow        *self);
gboolean           _parcours_window_restore_draft        (ParcoursWindow        *self,
                                                          ParcoursDraft         *draft,
                                                          GError               **error);
void               _parcours_window_update_drafts_list   (ParcoursWindow        *self);
void               _parcours_window_update_recent_list   (ParcoursWindow        *self);
void               _parcours_window_class_start_init     (ParcoursWindowClass   *klass);
void               _parcours_window_start_init           (ParcoursWindow        *self);

G_END_DECLS
