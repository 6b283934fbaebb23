/* parcours-window-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-application.h"
#include "parcours-canvas.h"
#include "parcours-document.h"
#include "parcours-draft.h"
#include "parcours-export.h"
#include "parcours-history.h"
#include "parcours-inspector.h"
#include "parcours-outline.h"
#include "parcours-personas.h"
#include "parcours-window.h"
#include "parcours-workshop-timer.h"

G_BEGIN_DECLS

struct _ParcoursWindow
{
  AdwApplicationWindow  parent_instance;

  ParcoursDocument     *document;
  ParcoursHistory      *history;
  GFile                *file;
  GCancellable         *cancellable;

  /* The Mermaid or CSV file a map not saved yet was imported from: it
   * names the map and is where Save As offers to put it. */
  GFile                *import_source;

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
  GMenuModel           *primary_menu;  /* its popover is built when it first opens */
  GMenuModel           *timer_menu;    /* the same, for timer_button's */
  GtkWidget            *zoom_box;
  GtkLabel             *zoom_label;
  GtkToggleButton      *palette_button;
  AdwFlap              *flap;
  ParcoursInspector    *inspector;
  ParcoursOutline      *outline;
  AdwBin               *personas_bin;
  ParcoursPersonas     *personas;      /* built when its page first shows */
  AdwViewStack         *side_stack;
  GtkWidget            *side_panel_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *drafts_group;
  GtkListBox           *drafts_list;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  GtkWidget            *voting_button;
  GtkInfoBar           *voting_bar;
  GtkLabel             *voting_label;
  GtkLabel             *voting_hint;
  GtkWidget            *open_button;
  GtkWidget            *history_box;
  GtkWidget            *voting_box;
  AdwFlap              *palette_flap;
  ParcoursPalette      *palette;
  guint                 narrow_source;

  /* Presenting and the workshop timer (parcours-window-present.c) */
  GtkWidget            *header_bar;
  GtkScrolledWindow    *canvas_scroller;
  GtkWidget            *presentation_surface;
  GtkLabel             *stage_indicator;
  GtkMenuButton        *timer_button;
  GtkLabel             *timer_label;
  ParcoursWorkshopTimer *timer;
  guint                 timer_flash_source;
  struct _ParcoursWindowPresent *present;

  guint                 n_loading;
  guint                 loading_source;
  guint                 close_confirmed : 1;
  guint                 has_map : 1;
  guint                 draft_writing : 1;
  guint                 draft_pending : 1;

  /* A save being written, and the file of the one that waits for it */
  GFile                *save_waiting_file;
  guint                 saving : 1;
  guint                 save_waiting_close : 1;
  guint                 draft_error_shown : 1;
  guint                 outline_stale : 1;
  guint                 narrow : 1;
  guint                 follows_recent : 1;
};

void               _parcours_window_class_actions_init   (ParcoursWindowClass   *klass);
void               _parcours_window_update_actions       (ParcoursWindow        *self);
gboolean           _parcours_window_confirm_close        (ParcoursWindow        *self);
gboolean           _parcours_window_get_needs_saving     (ParcoursWindow        *self);
void               _parcours_window_close_discarding     (ParcoursWindow        *self);
gboolean           _parcours_window_save_file            (ParcoursWindow        *self,
                                                          GFile                 *file,
                                                          GError               **error);
void               _parcours_window_set_file             (ParcoursWindow        *self,
                                                          GFile                 *file);
char              *_parcours_window_dup_display_title    (ParcoursWindow        *self);
void               _parcours_window_update_title         (ParcoursWindow        *self);
void               _parcours_window_show_error           (ParcoursWindow        *self,
                                                          const char            *heading,
                                                          const char            *body);
char              *_parcours_window_dup_export_base_name (ParcoursWindow        *self);
GFile             *_parcours_window_resolve_export       (GFile                 *file,
                                                          ParcoursExportFormat   filter_format,
                                                          ParcoursExportFormat  *format);
GFile             *_parcours_window_resolve_export_full  (GFile                 *file,
                                                          ParcoursExportFormat   prefilled_format,
                                                          ParcoursExportFormat   filter_format,
                                                          ParcoursExportFormat  *format);
GtkFileChooserNative *_parcours_window_new_export_dialog (ParcoursWindow        *self);
GtkPrintOperation *_parcours_window_new_print_operation  (ParcoursWindow        *self);
GtkPrintOperationResult _parcours_window_run_print (ParcoursWindow          *self,
                                                    GtkPrintOperation       *operation,
                                                    GtkPrintOperationAction  action);
gboolean           parcours_window_export_to_file        (ParcoursWindow        *self,
                                                          GFile                 *file,
                                                          ParcoursExportFormat   format,
                                                          GError               **error);
void               _parcours_window_show_document        (ParcoursWindow        *self,
                                                          ParcoursDocument      *document,
                                                          GFile                 *file);

void               _parcours_window_class_drafts_init    (ParcoursWindowClass   *klass);
void               _parcours_window_update_draft         (ParcoursWindow        *self);
void               _parcours_window_discard_draft        (ParcoursWindow        *self);
void               _parcours_window_restore_draft_async  (ParcoursWindow        *self,
                                                          ParcoursDraft         *draft,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean           _parcours_window_restore_draft_finish (ParcoursWindow        *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void               _parcours_window_preload_file         (GFile                 *file);
void               _parcours_window_begin_loading        (ParcoursWindow        *self);
void               _parcours_window_end_loading          (ParcoursWindow        *self);
void               _parcours_window_update_drafts_list   (ParcoursWindow        *self);
void               _parcours_window_update_recent_list   (ParcoursWindow        *self);
void               _parcours_window_class_voting_init    (ParcoursWindowClass   *klass);
void               _parcours_window_voting_init          (ParcoursWindow        *self);
void               _parcours_window_update_voting        (ParcoursWindow        *self);
void               _parcours_window_class_start_init     (ParcoursWindowClass   *klass);
void               _parcours_window_class_present_init   (ParcoursWindowClass   *klass);
void               _parcours_window_present_init         (ParcoursWindow        *self);
void               _parcours_window_present_dispose      (ParcoursWindow        *self);
void               _parcours_window_update_present_actions (ParcoursWindow      *self);
gboolean           _parcours_window_is_restoring         (ParcoursWindow        *self);
void               _parcours_window_start_init           (ParcoursWindow        *self);

G_END_DECLS
