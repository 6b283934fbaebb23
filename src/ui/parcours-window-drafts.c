/* parcours-window-drafts.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-format.h"
#include "parcours-ui-private.h"
#include "parcours-window-private.h"

/* Autosave and recovery. A few seconds after the first change since the
 * last write, the map goes to its draft (see parcours-draft.c), never to
 * the user's file; saving, undoing back to the saved state, discarding
 * or closing the window removes it. The start page lists the drafts that
 * a crash or a kill left behind, to restore or discard one by one. */

/* Whatever happens, at most this much work is lost, plus the time a
 * write takes: the "autosave-interval" preference, else this. */
#define AUTOSAVE_DELAY_MSEC 2000

static guint
autosave_delay_ms (void)
{
  GSettings *settings = _parcours_ui_get_settings ();

  if (settings == NULL)
    return AUTOSAVE_DELAY_MSEC;

  return CLAMP (g_settings_get_uint (settings, "autosave-interval"), 1, 60) * 1000;
}

static void parcours_window_write_draft (ParcoursWindow *self);

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ParcoursWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean disposed = g_cancellable_is_cancelled (self->cancellable);

  self->draft_writing = FALSE;

  if (!parcours_draft_write_finish (PARCOURS_DRAFT (object), result, &error))
    {
      g_warning ("Could not write the draft of a map: %s", error->message);

      /* Once per window: a full disk would say it every two seconds. */
      if (!disposed && !self->draft_error_shown)
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);
          g_autofree char *title = NULL;

          /* Translators: in a toast; %s says why */
          title = g_strdup_printf (_("Autosave failed: %s"), escaped);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
          self->draft_error_shown = TRUE;
        }
    }

  if (disposed)
    {
      /* Closed while writing: the write did nothing, or removing now
       * undoes it. */
      parcours_draft_remove (PARCOURS_DRAFT (object));
      return;
    }

  if (self->draft_pending)
    {
      self->draft_pending = FALSE;
      _parcours_window_update_draft (self);
    }
}

static void
parcours_window_write_draft (ParcoursWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!parcours_history_get_modified (self->history))
    return;

  /* One write at a time; the next one starts when this one is done. */
  if (self->draft_writing)
    {
      self->draft_pending = TRUE;
      return;
    }

  if (self->draft == NULL)
    self->draft = parcours_draft_new ();

  bytes = parcours_format_save_bytes (self->document);
  self->draft_writing = TRUE;
  parcours_draft_write_async (self->draft,
                              bytes,
                              parcours_document_get_title (self->document),
                              self->file,
                              NULL,
                              draft_written_cb,
                              g_object_ref (self));
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  ParcoursWindow *self = user_data;

  self->autosave_source = 0;
  parcours_window_write_draft (self);

  return G_SOURCE_REMOVE;
}

/* After any change of the map or of its history: a modified map is
 * written to its draft soon, a map back to its saved state has none. */
void
_parcours_window_update_draft (ParcoursWindow *self)
{
  g_assert (PARCOURS_IS_WINDOW (self));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!parcours_history_get_modified (self->history))
    {
      _parcours_window_discard_draft (self);
      return;
    }

  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add (autosave_delay_ms (), autosave_timeout_cb, self);
}

void
_parcours_window_discard_draft (ParcoursWindow *self)
{
  g_assert (PARCOURS_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->draft_pending = FALSE;

  if (self->draft != NULL)
    parcours_draft_remove (self->draft);
}

static void
restore_draft_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(GFile) map_file = parcours_draft_get_map_file (task_data);
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  document = parcours_format_load_file (map_file, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
restore_draft_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);
  g_autoptr(GTask) task = user_data;
  ParcoursDraft *draft = g_task_get_task_data (task);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);

  /* Closed meanwhile: the draft stays for the next start. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      _parcours_window_end_loading (self);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      return;
    }

  if (document == NULL || !parcours_draft_claim (draft, &error))
    {
      _parcours_window_end_loading (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* As a file opened: the load ends once the map shows. */
  _parcours_window_show_document (self, document, parcours_draft_get_original (draft));
  _parcours_window_end_loading (self);
  g_set_object (&self->draft, draft);
  parcours_history_mark_unsaved (self->history);
  g_task_return_boolean (task, TRUE);
}

/**
 * _parcours_window_restore_draft_async:
 *
 * Reads the map of @draft off the main thread, as opening a file does,
 * then shows it, modified, as belonging to the file it was a draft of,
 * and keeps writing its changes to it.
 */
void
_parcours_window_restore_draft_async (ParcoursWindow      *self,
                                      ParcoursDraft       *draft,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (PARCOURS_IS_DRAFT (draft));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _parcours_window_restore_draft_async);
  g_task_set_task_data (task, g_object_ref (draft), g_object_unref);

  _parcours_window_begin_loading (self);
  thread_task = g_task_new (self, self->cancellable, restore_draft_loaded_cb, g_steal_pointer (&task));
  g_task_set_task_data (thread_task, g_object_ref (draft), g_object_unref);
  g_task_run_in_thread (thread_task, restore_draft_thread);
}

gboolean
_parcours_window_restore_draft_finish (ParcoursWindow  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (g_task_is_valid (result, self));

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
dup_draft_subtitle (ParcoursDraft *draft)
{
  GDateTime *time = parcours_draft_get_saved_time (draft);
  GFile *original = parcours_draft_get_original (draft);
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;

  if (time != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if (g_date_time_get_year (now) == g_date_time_get_year (time) &&
          g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (time))
        /* Translators: the time of the last autosave today, strftime format */
        when = g_date_time_format (time, _("%H:%M"));
      else
        /* Translators: the date and time of the last autosave, strftime format */
        when = g_date_time_format (time, _("%e %B %Y, %H:%M"));
    }

  if (original != NULL)
    where = g_file_get_parse_name (original);
  else
    where = g_strdup (_("Never saved"));

  if (when == NULL)
    return g_steal_pointer (&where);

  /* Translators: %s is a time such as “22:14”, then where the map belongs */
  return g_strdup_printf (_("Changes from %s · %s"), g_strstrip (when), where);
}

static GtkWidget *
new_draft_row (ParcoursDraft *draft)
{
  const char *title = parcours_draft_get_title (draft);
  g_autofree char *subtitle = dup_draft_subtitle (draft);
  g_autofree char *name = NULL;
  GVariant *target = g_variant_new_string (parcours_draft_get_id (draft));
  GtkWidget *row;
  GtkWidget *restore;
  GtkWidget *discard;

  if (title == NULL || title[0] == '\0')
    {
      GFile *original = parcours_draft_get_original (draft);

      name = original ? _parcours_ui_dup_file_name (original) : g_strdup (_("Untitled Journey"));
      title = name;
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set (row, "subtitle-lines", 2, NULL);

  discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (discard, _("Discard the Unsaved Changes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-draft");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (discard), target);
  gtk_widget_add_css_class (discard, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "win.restore-draft");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (restore), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), restore);

  return row;
}

/* The drafts to restore, on the start page. */
void
_parcours_window_update_drafts_list (ParcoursWindow *self)
{
  g_autoptr(GPtrArray) drafts = parcours_draft_list_orphans ();

  g_assert (PARCOURS_IS_WINDOW (self));

  _parcours_ui_list_box_remove_all (self->drafts_list);

  for (guint i = 0; i < drafts->len; i++)
    gtk_list_box_append (self->drafts_list, new_draft_row (g_ptr_array_index (drafts, i)));

  gtk_widget_set_visible (self->drafts_group, drafts->len > 0);
}

static void
show_restore_error (ParcoursWindow *self,
                    ParcoursDraft  *draft,
                    const char     *message)
{
  const char *title = parcours_draft_get_title (draft);
  g_autofree char *heading = NULL;

  if (title == NULL || title[0] == '\0')
    title = _("Untitled Journey");

  heading = g_strdup_printf (_("Could Not Restore “%s”"), title);
  _parcours_window_show_error (self, heading, message);
}

static void
draft_restored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);
  g_autoptr(ParcoursWindow) origin = user_data;
  ParcoursDraft *draft = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!_parcours_window_restore_draft_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_restore_error (self, draft, error->message);

  /* The window whose list offered it, if it still shows the list */
  if (!g_cancellable_is_cancelled (origin->cancellable))
    _parcours_window_update_drafts_list (origin);
}

static void
parcours_window_restore_draft_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  g_autoptr(ParcoursDraft) draft = parcours_draft_find_orphan (g_variant_get_string (parameter, NULL));
  ParcoursWindow *target = self;

  if (draft == NULL)
    {
      /* Restored meanwhile by another window or instance */
      _parcours_window_update_drafts_list (self);
      return;
    }

  /* Only an empty window shows the list; a map goes elsewhere. */
  if (!parcours_window_get_is_empty (self))
    {
      target = parcours_window_new (PARCOURS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (target));
    }

  _parcours_window_restore_draft_async (target, draft, draft_restored_cb, g_object_ref (self));
}

static void
parcours_window_discard_draft_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  g_autoptr(ParcoursDraft) draft = parcours_draft_find_orphan (g_variant_get_string (parameter, NULL));

  if (draft != NULL)
    parcours_draft_remove (draft);

  _parcours_window_update_drafts_list (self);
}

/**
 * parcours_window_offer_drafts:
 *
 * If a crash left unsaved maps behind, says so in a toast whose button
 * opens a window listing them.
 */
void
parcours_window_offer_drafts (ParcoursWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (PARCOURS_IS_WINDOW (self));

  drafts = parcours_draft_list_orphans ();
  if (drafts->len == 0)
    return;

  title = g_strdup_printf (ngettext ("Unsaved changes to %u map can be restored",
                                     "Unsaved changes to %u maps can be restored",
                                     drafts->len),
                           drafts->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-drafts");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
parcours_window_show_drafts_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  ParcoursWindow *window = self;

  if (!parcours_window_get_is_empty (self))
    window = parcours_window_new (PARCOURS_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
}

void
_parcours_window_class_drafts_init (ParcoursWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-drafts", NULL,
                                   parcours_window_show_drafts_action);
  gtk_widget_class_install_action (widget_class, "win.restore-draft", "s",
                                   parcours_window_restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", "s",
                                   parcours_window_discard_draft_action);
}
