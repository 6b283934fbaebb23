/* parcours-window.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parcours-default-map.h"
#include "parcours-format.h"
#include "parcours-import-file.h"
#include "parcours-painter.h"
#include "parcours-palette.h"
#include "parcours-ui-private.h"
#include "parcours-window-private.h"

/* A window shows one map. It owns the document and the history that
 * records every change to it; loading a file replaces both. The actions
 * (save, export, print, undo, closing with unsaved changes) live in
 * parcours-window-actions.c. */

/* Below this, a load shows no spinner: it would only flicker. */
#define LOADING_SPINNER_DELAY_MSEC 250

#define RESOURCE_PATH "/io/github/parcours/Parcours/"

G_DEFINE_FINAL_TYPE (ParcoursWindow, parcours_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_HISTORY,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The folder of @file, with the home folder shortened to "~". */
static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *home = NULL;
  g_autofree char *parse_name = NULL;
  gsize home_len;

  if (parent == NULL)
    return NULL;

  parse_name = g_file_get_parse_name (parent);

  if (!g_file_is_native (parent))
    return g_steal_pointer (&parse_name);

  home = g_filename_display_name (g_get_home_dir ());
  home_len = strlen (home);

  if (home_len > 1 &&
      g_str_has_prefix (parse_name, home) &&
      (parse_name[home_len] == '\0' || parse_name[home_len] == G_DIR_SEPARATOR))
    return g_strconcat ("~", parse_name + home_len, NULL);

  return g_steal_pointer (&parse_name);
}

/* The start page lists the drafts and the recent maps once it shows: a
 * window built to open a file never shows it, and reading them would
 * hold back the map (see _parcours_window_update_recent_list()). */
static void
update_start_lists (ParcoursWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") != 0)
    return;

  _parcours_window_update_drafts_list (self);
  _parcours_window_update_recent_list (self);
}

static void
parcours_window_update_view (ParcoursWindow *self)
{
  GtkStackTransitionType transition = gtk_stack_get_transition_type (self->stack);
  const char *page;

  /* A map being read shows an empty page, not the start page, and a
   * spinner once it takes longer than a moment. */
  if (self->has_map)
    page = "map";
  else if (self->n_loading > 0)
    page = "loading";
  else
    page = "empty";

  /* What replaces a page still blank shows at once: a fade in would only
   * hold back the map (and cost a start more than its first frame). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0 &&
      !gtk_spinner_get_spinning (self->spinner))
    transition = GTK_STACK_TRANSITION_TYPE_NONE;

  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading") && self->loading_source == 0);
  gtk_stack_set_visible_child_full (self->stack, page, transition);
  update_start_lists (self);
}

static void
parcours_window_update_title (ParcoursWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *header_title = NULL;
  g_autofree char *folder = NULL;

  if (parcours_window_get_is_empty (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), "Parcours");
      adw_window_title_set_title (self->window_title, "Parcours");
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  title = _parcours_window_dup_display_title (self);

  if (parcours_history_get_modified (self->history))
    header_title = g_strdup_printf ("• %s", title);
  else
    header_title = g_strdup (title);

  if (self->file != NULL)
    folder = dup_folder_name (self->file);
  else if (self->import_source != NULL)
    {
      g_autofree char *source = _parcours_ui_dup_file_name (self->import_source);

      /* Translators: the subtitle of a map not saved yet; %s is the
       * Mermaid or CSV file it was made from */
      folder = g_strdup_printf (_("Imported from %s"), source);
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, header_title);
  /* Translators: under the map's title while it is being saved */
  adw_window_title_set_subtitle (self->window_title, self->saving ? _("Saving…") : folder);
}

/* For the other files of the window: the save shows in the title. */
void
_parcours_window_update_title (ParcoursWindow *self)
{
  parcours_window_update_title (self);
}

static void
document_changed_cb (ParcoursWindow   *self,
                     ParcoursDocument *document)
{
  parcours_window_update_title (self);
  _parcours_window_update_draft (self);
  _parcours_window_update_voting (self);
}

static void
history_notify_cb (ParcoursWindow  *self,
                   GParamSpec      *pspec,
                   ParcoursHistory *history)
{
  parcours_window_update_title (self);
  _parcours_window_update_actions (self);
  _parcours_window_update_draft (self);
}

/* PARCOURS_REPORT_FIRST_FRAME=1: the first frame painted with a map
 * prints "first-frame-us TIME", the wall clock in microseconds, for
 * bench/startup.sh to measure a start from the command line. */
static void
first_frame_after_paint_cb (GdkFrameClock  *frame_clock,
                            ParcoursWindow *self)
{
  if (!self->has_map || !gtk_widget_get_mapped (GTK_WIDGET (self->canvas)))
    return;

  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_after_paint_cb, self);
}

static void
report_first_frame (ParcoursWindow *self)
{
  static gboolean reported;
  GdkFrameClock *frame_clock;

  if (reported || g_strcmp0 (g_getenv ("PARCOURS_REPORT_FIRST_FRAME"), "1") != 0)
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock == NULL)
    return;

  reported = TRUE;
  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (first_frame_after_paint_cb), self, G_CONNECT_DEFAULT);
}

static void
parcours_window_map (GtkWidget *widget)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  GTK_WIDGET_CLASS (parcours_window_parent_class)->map (widget);

  if (self->has_map || self->n_loading > 0)
    report_first_frame (self);
  update_start_lists (self);
}

/* Narrower than this, the header bar leaves to the main menu what the
 * menu also holds (Open, Undo, Redo, the voting round): the palette and
 * side panel toggles, the title and the menu then fit a phone's 360
 * pixels. The palette and the side panel fold over the map by
 * themselves (AdwFlap). */
#define NARROW_WIDTH 600

/* The width the window has, or is about to have: a smaller default
 * size asked for (by a resize, or the last window's size) is narrow
 * before the window is laid out at it, or it could not get that narrow. */
static int
coming_width (ParcoursWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int default_width, default_height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)) ||
      !gtk_widget_get_realized (GTK_WIDGET (self)))
    return width > 0 ? width : G_MAXINT;

  /* (GTK 4.8 needs both pointers) */
  gtk_window_get_default_size (GTK_WINDOW (self), &default_width, &default_height);
  return default_width > 0 ? MIN (width, default_width) : width;
}

static void
update_narrow (ParcoursWindow *self)
{
  self->narrow = coming_width (self) < NARROW_WIDTH;
  gtk_widget_set_visible (self->open_button, !self->narrow);
  gtk_widget_set_visible (self->history_box, !self->narrow);
  gtk_widget_set_visible (self->voting_box, !self->narrow);
}

static gboolean
update_narrow_cb (gpointer data)
{
  ParcoursWindow *self = data;

  self->narrow_source = 0;
  update_narrow (self);

  return G_SOURCE_REMOVE;
}

static void
default_width_changed_cb (ParcoursWindow *self,
                          GParamSpec     *pspec,
                          gpointer        user_data)
{
  if ((coming_width (self) < NARROW_WIDTH) != self->narrow)
    update_narrow (self);
}

static void
parcours_window_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  GTK_WIDGET_CLASS (parcours_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating: showing or hiding widgets resizes them. */
  if ((coming_width (self) < NARROW_WIDTH) != self->narrow && self->narrow_source == 0)
    self->narrow_source = g_idle_add (update_narrow_cb, self);
}

/* The outline of a large map takes a while to build: it is built when
 * its page first shows, not with every map opened. */
static void
parcours_window_update_outline (ParcoursWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->side_stack);

  if (!self->outline_stale)
    return;

  if (g_strcmp0 (page, "outline") == 0)
    {
      parcours_outline_set_history (self->outline, self->history);
      self->outline_stale = FALSE;
    }
  else
    {
      /* Nothing of the previous map stays in it meanwhile */
      parcours_outline_set_history (self->outline, NULL);
    }
}

/* The personas page is built the first time it shows: a start, which
 * shows the inspector, does not wait for its widgets. */
static void
parcours_window_ensure_personas (ParcoursWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->side_stack);

  if (self->personas != NULL || g_strcmp0 (page, "personas") != 0)
    return;

  self->personas = PARCOURS_PERSONAS (parcours_personas_new ());
  parcours_personas_set_history (self->personas, self->history);
  adw_bin_set_child (self->personas_bin, GTK_WIDGET (self->personas));
}

static void
side_page_changed_cb (ParcoursWindow *self,
                      GParamSpec     *pspec,
                      AdwViewStack   *side_stack)
{
  parcours_window_update_outline (self);
  parcours_window_ensure_personas (self);
}

/* Shows @document; @layout and @list, if given, are its layout and
 * display list, made in the thread that read it. */
static void
parcours_window_set_document_laid_out (ParcoursWindow      *self,
                                       ParcoursDocument    *document,
                                       GFile               *file,
                                       gboolean             has_map,
                                       ParcoursLayout      *layout,
                                       ParcoursDisplayList *list)
{
  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (PARCOURS_IS_DOCUMENT (document));
  g_assert (!file || G_IS_FILE (file));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history,
                                          G_CALLBACK (history_notify_cb),
                                          self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document,
                                          G_CALLBACK (document_changed_cb),
                                          self);

  /* What the window showed had no unsaved changes, or it was asked. */
  _parcours_window_discard_draft (self);
  g_clear_object (&self->draft);
  self->draft_error_shown = FALSE;

  g_set_object (&self->document, document);
  g_clear_object (&self->import_source);
  g_clear_object (&self->history);
  self->history = parcours_history_new (document);
  g_set_object (&self->file, file);
  self->has_map = has_map;

  g_signal_connect_object (self->document,
                           "changed",
                           G_CALLBACK (document_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history,
                           "notify",
                           G_CALLBACK (history_notify_cb),
                           self,
                           G_CONNECT_SWAPPED);

  /* An empty window's canvas, hidden behind the start page, shows
   * nothing: it gets a history with the first map. */
  parcours_canvas_set_history_laid_out (self->canvas, has_map ? self->history : NULL, layout, list);
  parcours_inspector_set_history (self->inspector, self->history);
  _parcours_window_update_voting (self);
  self->outline_stale = TRUE;
  parcours_window_update_outline (self);
  if (self->personas != NULL)
    parcours_personas_set_history (self->personas, self->history);

  parcours_window_update_view (self);

  /* The keyboard goes to the map, where the work is. */
  if (has_map)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
      report_first_frame (self);
    }
  parcours_window_update_title (self);
  _parcours_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
parcours_window_set_document (ParcoursWindow   *self,
                              ParcoursDocument *document,
                              GFile            *file,
                              gboolean          has_map)
{
  parcours_window_set_document_laid_out (self, document, file, has_map, NULL, NULL);
}

static gboolean
loading_timeout_cb (gpointer user_data)
{
  ParcoursWindow *self = user_data;

  self->loading_source = 0;
  parcours_window_update_view (self);

  return G_SOURCE_REMOVE;
}

/* What a load thread is asked: the file, and the theme to lay it out in. */
typedef struct
{
  GFile *file;
  ParcoursTheme theme;
} LoadRequest;

static LoadRequest *
load_request_new (GFile *file)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->file = g_object_ref (file);
  request->theme = parcours_canvas_get_default_theme ();

  return request;
}

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->file);
  g_free (request);
}

/* What a load thread hands to the main thread: the map, laid out and
 * painted for the canvas (which would otherwise do it on the main
 * thread, before the map's first frame). */
typedef struct
{
  ParcoursDocument *document;
  ParcoursImportKind kind;
  GPtrArray *warnings;
  ParcoursLayout *layout;
  ParcoursDisplayList *list;
} LoadedMap;

static void
loaded_map_free (LoadedMap *map)
{
  g_clear_object (&map->document);
  g_clear_pointer (&map->warnings, g_ptr_array_unref);
  g_clear_object (&map->layout);
  g_clear_pointer (&map->list, parcours_display_list_unref);
  g_free (map);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadedMap, loaded_map_free)

/* In the load thread. The layout's text measurer takes the thread's
 * default font map when it is made: here one of its own, not shared
 * with anything else of this thread, since the layout goes on in the
 * main thread and a font map is for one thread at a time. */
static void
lay_out_loaded_map (LoadedMap     *map,
                    ParcoursTheme  theme)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  ParcoursStyle *style = parcours_style_new (theme);

  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (font_map));
  map->layout = parcours_layout_new (style);
  pango_cairo_font_map_set_default (NULL);
  parcours_style_unref (style);

  parcours_layout_update (map->layout, map->document);
  map->list = parcours_painter_paint_by_element (map->layout);
}

/* A map is being read for the window: after a moment, it shows a
 * spinner. */
void
_parcours_window_begin_loading (ParcoursWindow *self)
{
  g_assert (PARCOURS_IS_WINDOW (self));

  if (self->n_loading++ > 0)
    return;

  if (self->loading_source == 0)
    self->loading_source = g_timeout_add (LOADING_SPINNER_DELAY_MSEC, loading_timeout_cb, self);
  /* A window without a map leaves its start page at once. */
  parcours_window_update_view (self);
}

/* Read, or failed: the caller shows what it read or the start page. */
void
_parcours_window_end_loading (ParcoursWindow *self)
{
  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (self->n_loading > 0);

  if (--self->n_loading == 0 && !g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_handle_id (&self->loading_source, g_source_remove);
      parcours_window_update_view (self);
    }
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoadedMap) map = g_new0 (LoadedMap, 1);

  map->warnings = g_ptr_array_new_with_free_func (g_free);
  map->document = parcours_import_file (request->file, cancellable, &map->kind, map->warnings, &error);

  if (map->document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_cancellable_is_cancelled (cancellable))
    lay_out_loaded_map (map, request->theme);
  g_task_return_pointer (task, g_steal_pointer (&map), (GDestroyNotify) loaded_map_free);
}

/* The importers' warnings are clauses ("line 3: score …"): a dialog
 * shows them as sentences, one a line. */
static char *
dup_sentences (GPtrArray *clauses)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < clauses->len; i++)
    {
      const char *clause = clauses->pdata[i];
      gunichar first = g_utf8_get_char (clause);

      if (i > 0)
        g_string_append_c (text, '\n');
      if (clauses->len > 1)
        g_string_append (text, "• ");
      g_string_append_unichar (text, g_unichar_totitle (first));
      g_string_append (text, g_utf8_next_char (clause));
    }

  return g_string_free (text, FALSE);
}

static void
import_warnings_toast_clicked_cb (AdwToast       *toast,
                                  ParcoursWindow *self)
{
  const char *details = g_object_get_data (G_OBJECT (toast), "parcours-import-warnings");

  _parcours_window_show_error (self, _("Changed on Import"), details);
}

/* A Mermaid or CSV file becomes a new map, not saved yet: saving it
 * over the file it came from would lose what that format cannot hold
 * (personas, details, colours). The toast says what the import changed,
 * if anything. */
static void
parcours_window_show_imported (ParcoursWindow *self,
                               GFile          *source,
                               GPtrArray      *warnings)
{
  g_autofree char *name = _parcours_ui_dup_file_name (source);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_set_object (&self->import_source, source);
  parcours_history_mark_unsaved (self->history);
  parcours_window_update_title (self);

  if (warnings->len == 0)
    {
      /* Translators: in a toast; %s is the name of a Mermaid or CSV file */
      title = g_strdup_printf (_("Imported “%s”"), escaped);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  /* Translators: in a toast; %s is the name of a Mermaid or CSV file */
  title = g_strdup_printf (_("Imported “%s” with changes"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 0);
  g_object_set_data_full (G_OBJECT (toast), "parcours-import-warnings",
                          dup_sentences (warnings), g_free);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (import_warnings_toast_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Reading a file given on the command line starts before its window is
 * built, so that both happen at once: the window takes the result (or
 * waits for it) when it loads the file. Main thread only. */
typedef struct
{
  GFile            *file;
  LoadedMap        *map;
  GError           *error;
  GTask            *waiting;    /* the window's load, once it asked */
  gboolean          done;
} Preload;

static GHashTable *preloads;    /* GFile → Preload */

static void
preload_free (Preload *preload)
{
  g_clear_object (&preload->file);
  g_clear_pointer (&preload->map, loaded_map_free);
  g_clear_error (&preload->error);
  g_clear_object (&preload->waiting);
  g_free (preload);
}

/* Hands what was read to the window that waits for it. */
static void
preload_deliver (Preload *preload)
{
  GTask *waiting = g_steal_pointer (&preload->waiting);

  if (preload->map != NULL)
    g_task_return_pointer (waiting, g_steal_pointer (&preload->map), (GDestroyNotify) loaded_map_free);
  else
    g_task_return_error (waiting, g_steal_pointer (&preload->error));

  g_object_unref (waiting);
  g_hash_table_remove (preloads, preload->file);
}

static void
preload_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Preload *preload = g_hash_table_lookup (preloads, user_data);

  g_object_unref (user_data);
  if (preload == NULL)
    return;

  preload->done = TRUE;
  preload->map = g_task_propagate_pointer (G_TASK (result), &preload->error);
  if (preload->waiting != NULL)
    preload_deliver (preload);
}

/**
 * _parcours_window_preload_file:
 *
 * Starts reading @file off the main thread; the next window to load it
 * takes what was read. A file preloaded must then be loaded.
 */
void
_parcours_window_preload_file (GFile *file)
{
  g_autoptr(GTask) task = NULL;
  Preload *preload;

  g_return_if_fail (G_IS_FILE (file));

  if (preloads == NULL)
    preloads = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                      NULL, (GDestroyNotify) preload_free);
  if (g_hash_table_contains (preloads, file))
    return;

  preload = g_new0 (Preload, 1);
  preload->file = g_object_ref (file);
  g_hash_table_insert (preloads, preload->file, preload);

  task = g_task_new (NULL, NULL, preload_read_cb, g_object_ref (file));
  g_task_set_source_tag (task, _parcours_window_preload_file);
  g_task_set_task_data (task, load_request_new (file), (GDestroyNotify) load_request_free);
  g_task_run_in_thread (task, load_file_thread);
}

/* Whether @thread_task will get its result from a preload of @file. */
static gboolean
take_preload (GFile *file,
              GTask *thread_task)
{
  Preload *preload = preloads != NULL ? g_hash_table_lookup (preloads, file) : NULL;

  if (preload == NULL || preload->waiting != NULL)
    return FALSE;

  preload->waiting = g_object_ref (thread_task);
  if (preload->done)
    preload_deliver (preload);

  return TRUE;
}

static void
add_recent_after_paint_cb (GdkFrameClock *frame_clock,
                           GFile         *file)
{
  g_autoptr(GFile) added = g_object_ref (file);

  g_signal_handlers_disconnect_by_func (frame_clock, add_recent_after_paint_cb, file);
  _parcours_ui_add_recent (added);
}

/* A map opened goes into the desktop's recent files after its first
 * frame: the recent manager reads the whole list first. */
static void
add_recent_after_frame (ParcoursWindow *self,
                        GFile          *file)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (frame_clock == NULL)
    {
      _parcours_ui_add_recent (file);
      return;
    }

  g_signal_connect_data (frame_clock, "after-paint", G_CALLBACK (add_recent_after_paint_cb),
                         g_object_ref (file), (GClosureNotify) g_object_unref, G_CONNECT_DEFAULT);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
load_file_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadedMap) map = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_get_task_data (task);

  map = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled in dispose: the widgets may be gone already. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      _parcours_window_end_loading (self);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The window was closed");
      return;
    }

  if (map == NULL)
    {
      _parcours_window_end_loading (self);
      parcours_window_update_title (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The map replaces the blank page of the load, never the start page:
   * the load ends once it shows. */

  if (map->kind == PARCOURS_IMPORT_NATIVE)
    {
      parcours_window_set_document_laid_out (self, map->document, file, TRUE, map->layout, map->list);
    }
  else
    {
      const char *title = parcours_document_get_title (map->document);

      /* No one has seen the map yet: naming it is not an edit (and its
       * layout, without the title, is of no use). */
      if (title == NULL || title[0] == '\0')
        {
          g_autofree char *stem = _parcours_ui_dup_file_stem (file);

          parcours_document_set_title (map->document, stem);
          g_clear_object (&map->layout);
        }
      parcours_window_set_document_laid_out (self, map->document, NULL, TRUE, map->layout, map->list);
      parcours_window_show_imported (self, file, map->warnings);
    }
  _parcours_window_end_loading (self);
  add_recent_after_frame (self, file);
  g_task_return_boolean (task, TRUE);
}

static void
open_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!parcours_window_load_file_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = _parcours_ui_dup_file_name (file);
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      _parcours_window_show_error (self, heading, error->message);
    }
}

static gboolean
parcours_window_close_request (GtkWindow *window)
{
  ParcoursWindow *self = PARCOURS_WINDOW (window);

  if (_parcours_window_confirm_close (self))
    return TRUE;

  return GTK_WINDOW_CLASS (parcours_window_parent_class)->close_request (window);
}

static void
parcours_window_dispose (GObject *object)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);

  /* Closed: saved, discarded, or nothing to keep. A crash never
   * gets here, and leaves the draft for the next start. */
  _parcours_window_discard_draft (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  _parcours_window_present_dispose (self);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history,
                                          G_CALLBACK (history_notify_cb),
                                          self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document,
                                          G_CALLBACK (document_changed_cb),
                                          self);

  G_OBJECT_CLASS (parcours_window_parent_class)->dispose (object);
}

static void
parcours_window_finalize (GObject *object)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);

  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->import_source);
  g_clear_object (&self->draft);
  g_clear_object (&self->save_waiting_file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_pointer (&self->undo_menu_label, g_free);
  g_clear_pointer (&self->redo_menu_label, g_free);

  G_OBJECT_CLASS (parcours_window_parent_class)->finalize (object);
}

static void
parcours_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, parcours_window_get_document (self));
      break;

    case PROP_HISTORY:
      g_value_set_object (value, parcours_window_get_history (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, parcours_window_get_file (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard shortcuts window is built when it is first asked for:
 * GtkApplication would build one with every window, before its first
 * frame, from gtk/help-overlay.ui (see parcours.gresource.xml). */
static void
parcours_window_show_help_overlay_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "parcours-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
parcours_window_class_init (ParcoursWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = parcours_window_dispose;
  object_class->finalize = parcours_window_finalize;
  object_class->get_property = parcours_window_get_property;

  window_class->close_request = parcours_window_close_request;
  widget_class->map = parcours_window_map;
  widget_class->size_allocate = parcours_window_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PARCOURS_TYPE_DOCUMENT,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         PARCOURS_TYPE_HISTORY,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _parcours_ui_ensure_resources ();
  g_type_ensure (PARCOURS_TYPE_CANVAS);
  g_type_ensure (PARCOURS_TYPE_PALETTE);
  g_type_ensure (PARCOURS_TYPE_INSPECTOR);
  g_type_ensure (PARCOURS_TYPE_OUTLINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "parcours-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, palette_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, voting_box);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, timer_menu);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, personas_bin);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, side_panel_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, recent_list);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   parcours_window_show_help_overlay_action);

  _parcours_window_class_actions_init (klass);
  _parcours_window_class_drafts_init (klass);
  _parcours_window_class_start_init (klass);
  _parcours_window_class_voting_init (klass);
  _parcours_window_class_present_init (klass);
}

static void
zoom_changed_cb (ParcoursWindow   *self,
                 GParamSpec       *pspec,
                 ParcoursViewport *viewport)
{
  g_autofree char *label = NULL;

  /* Translators: the zoom of the map, e.g. "125 %" */
  label = g_strdup_printf (_("%.0f %%"), parcours_viewport_get_zoom (viewport) * 100);
  gtk_label_set_label (self->zoom_label, label);
}

/* The side panel shown or hidden by hand is how new windows open; one
 * that a narrow window folded away is not. */
static void
flap_reveal_changed_cb (ParcoursWindow *self,
                        GParamSpec     *pspec,
                        AdwFlap        *flap)
{
  GSettings *settings = _parcours_ui_get_settings ();

  if (settings != NULL && !adw_flap_get_folded (flap))
    g_settings_set_boolean (settings, "side-panel-visible", adw_flap_get_reveal_flap (flap));
}

static void
parcours_window_init_settings (ParcoursWindow *self)
{
  GSettings *settings = _parcours_ui_get_settings ();

  if (settings == NULL)
    return;

  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (settings, "side-panel-visible"));
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (flap_reveal_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (settings, "snap-emotion-points", self->canvas, "snap-to-levels",
                   G_SETTINGS_BIND_GET);
}

/* The menus' popovers, with a row for each item, are built the first
 * time they open (a click, F10), not with every window: a start does
 * not wait for them. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  ParcoursWindow *self = user_data;
  GtkPopover *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  popover = gtk_menu_button_get_popover (button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->zoom_box, "zoom");
}

static void
create_timer_menu_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  ParcoursWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->timer_menu);
}

static void
parcours_window_init (ParcoursWindow *self)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_changed_cb), NULL);

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->timer_button, create_timer_menu_cb, self, NULL);
  g_signal_connect_object (parcours_canvas_get_viewport (self->canvas), "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->side_stack, "notify::visible-child-name",
                           G_CALLBACK (side_page_changed_cb), self, G_CONNECT_SWAPPED);

  parcours_inspector_set_selection (self->inspector, parcours_canvas_get_selection (self->canvas));
  parcours_outline_set_selection (self->outline, parcours_canvas_get_selection (self->canvas));
  _parcours_window_start_init (self);
  _parcours_window_voting_init (self);
  _parcours_window_present_init (self);
  parcours_window_init_settings (self);
  parcours_window_set_document (self, document, NULL, FALSE);
}

ParcoursWindow *
parcours_window_new (ParcoursApplication *application)
{
  g_return_val_if_fail (!application || PARCOURS_IS_APPLICATION (application), NULL);

  return g_object_new (PARCOURS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * parcours_window_get_document:
 *
 * Returns: (transfer none): the map shown, never %NULL: an empty window
 *   holds an empty document
 */
ParcoursDocument *
parcours_window_get_document (ParcoursWindow *self)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * parcours_window_get_history:
 *
 * Returns: (transfer none): the history of the document shown
 */
ParcoursHistory *
parcours_window_get_history (ParcoursWindow *self)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * parcours_window_get_file:
 *
 * Returns: (transfer none) (nullable): where the map was loaded from or
 *   last saved to
 */
GFile *
parcours_window_get_file (ParcoursWindow *self)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * parcours_window_get_is_empty:
 *
 * Whether the window shows no map and is not loading one, so that a file
 * opened from it may go into it rather than a new window.
 */
gboolean
parcours_window_get_is_empty (ParcoursWindow *self)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), FALSE);

  return !self->has_map &&
         self->file == NULL &&
         self->n_loading == 0 &&
         !parcours_history_get_modified (self->history);
}

/**
 * parcours_window_new_map:
 *
 * Shows a new map with the default grid (five stages, the usual lanes,
 * one persona), not saved anywhere yet.
 */
void
parcours_window_new_map (ParcoursWindow *self)
{
  g_autoptr(ParcoursDocument) document = parcours_default_map_new ();

  g_return_if_fail (PARCOURS_IS_WINDOW (self));

  parcours_window_set_document (self, document, NULL, TRUE);
}

/* Shows @document as a map of @file (none for a new map). */
void
_parcours_window_show_document (ParcoursWindow   *self,
                                ParcoursDocument *document,
                                GFile            *file)
{
  g_assert (PARCOURS_IS_WINDOW (self));

  parcours_window_set_document (self, document, file, TRUE);
}

/**
 * parcours_window_show_new_map:
 *
 * Shows @document, a new map that has no file yet, such as one made from
 * a template: saving it asks where.
 */
void
parcours_window_show_new_map (ParcoursWindow   *self,
                              ParcoursDocument *document)
{
  g_return_if_fail (PARCOURS_IS_WINDOW (self));
  g_return_if_fail (PARCOURS_IS_DOCUMENT (document));

  parcours_window_set_document (self, document, NULL, TRUE);
}

/**
 * parcours_window_open_file:
 *
 * Loads @file into the window, in the background. If it cannot be read,
 * a dialog says why and the window keeps what it showed.
 */
void
parcours_window_open_file (ParcoursWindow *self,
                           GFile          *file)
{
  g_return_if_fail (PARCOURS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  parcours_window_load_file_async (self, file, NULL, open_file_cb, g_object_ref (file));
}

void
parcours_window_load_file_async (ParcoursWindow      *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (PARCOURS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, parcours_window_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  _parcours_window_begin_loading (self);

  /* The document is built off the main thread; nothing else sees it
   * until load_file_loaded_cb() hands it to the window. */
  thread_task = g_task_new (self, self->cancellable, load_file_loaded_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, load_file_thread);
  g_task_set_task_data (thread_task, load_request_new (file), (GDestroyNotify) load_request_free);
  if (!take_preload (file, thread_task))
    g_task_run_in_thread (thread_task, load_file_thread);
}

gboolean
parcours_window_load_file_finish (ParcoursWindow  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_parcours_window_set_file (ParcoursWindow *self,
                           GFile          *file)
{
  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (!file || G_IS_FILE (file));

  if (file != NULL)
    g_clear_object (&self->import_source);

  if (g_set_object (&self->file, file))
    {
      parcours_window_update_view (self);
      parcours_window_update_title (self);
      _parcours_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

/* The map's title, else its file name. */
char *
_parcours_window_dup_display_title (ParcoursWindow *self)
{
  const char *title;

  g_assert (PARCOURS_IS_WINDOW (self));

  title = parcours_document_get_title (self->document);

  if (title != NULL && title[0] != '\0')
    return g_strdelimit (g_strdup (title), "\r\n\t", ' ');

  if (self->file != NULL)
    return _parcours_ui_dup_file_name (self->file);

  if (self->import_source != NULL)
    return _parcours_ui_dup_file_stem (self->import_source);

  return g_strdup (_("Untitled Journey"));
}

void
_parcours_window_show_error (ParcoursWindow *self,
                             const char     *heading,
                             const char     *body)
{
  GtkWidget *dialog;

  g_assert (PARCOURS_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * parcours_window_export_to_file:
 * @self: a #ParcoursWindow
 * @file: where to write
 * @format: what to write
 * @error: return location for a #GError
 *
 * Exports the map as Export does, with the default options (a PDF is one
 * page the size of the map, a PNG has twice its size in pixels, sharp on
 * slides), without asking anything.
 *
 * Returns: whether @file was written
 */
gboolean
parcours_window_export_to_file (ParcoursWindow        *self,
                                GFile                 *file,
                                ParcoursExportFormat   format,
                                GError               **error)
{
  ParcoursExportOptions options;

  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parcours_export_options_init (&options);
  options.page_size = PARCOURS_PAGE_SIZE_FIT;
  options.scale = 2.0;

  return parcours_export_to_file (self->document, file, format, &options, error);
}
