/* parcours-window-actions.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-format.h"
#include "parcours-ui-private.h"
#include "parcours-window-private.h"

/* What happens once the user has picked where to save */
typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

static gboolean
parcours_window_save_to_file (ParcoursWindow *self,
                              GFile          *file)
{
  g_autoptr(GError) error = NULL;

  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* A gesture in progress ends here: what follows is a new step. */
  parcours_history_seal (self->history);

  if (!parcours_format_save_file (self->document, file, NULL, &error))
    {
      g_autofree char *name = _parcours_ui_dup_file_name (file);
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      _parcours_window_show_error (self, heading, error->message);

      return FALSE;
    }

  parcours_history_mark_saved (self->history);
  _parcours_window_set_file (self, file);

  return TRUE;
}

static void
save_dialog_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         ParcoursWindow  *self)
{
  AfterSave after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "after-save"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL &&
          parcours_window_save_to_file (self, file) &&
          after == AFTER_SAVE_CLOSE)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
parcours_window_save_as (ParcoursWindow *self,
                         AfterSave       after)
{
  g_autoptr(GtkFileFilter) filter = _parcours_ui_new_map_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Map"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);

  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
    }
  else
    {
      g_autofree char *title = _parcours_window_dup_display_title (self);
      g_autofree char *name = NULL;

      g_strdelimit (title, "/\\", '-');
      name = g_strconcat (title, ".", PARCOURS_FILE_SUFFIX, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_object_set_data (G_OBJECT (dialog), "after-save", GINT_TO_POINTER (after));
  g_signal_connect (dialog, "response", G_CALLBACK (save_dialog_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
parcours_window_save_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  if (self->file == NULL)
    parcours_window_save_as (self, AFTER_SAVE_NOTHING);
  else
    parcours_window_save_to_file (self, self->file);
}

static void
parcours_window_save_as_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  parcours_window_save_as (PARCOURS_WINDOW (widget), AFTER_SAVE_NOTHING);
}

static void
parcours_window_undo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  parcours_history_undo (self->history);
  _parcours_window_update_actions (self);
}

static void
parcours_window_redo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  parcours_history_redo (self->history);
  _parcours_window_update_actions (self);
}

static void
close_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ParcoursWindow   *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      if (self->file == NULL)
        {
          parcours_window_save_as (self, AFTER_SAVE_CLOSE);
        }
      else if (parcours_window_save_to_file (self, self->file))
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
}

/* Returns TRUE when the window must stay open for now: it has unsaved
 * changes, and a dialog asks what to do with them. */
gboolean
_parcours_window_confirm_close (ParcoursWindow *self)
{
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  g_assert (PARCOURS_IS_WINDOW (self));

  if (self->close_confirmed || !parcours_history_get_modified (self->history))
    return FALSE;

  title = _parcours_window_dup_display_title (self);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. "
                                    "Changes which are not saved will be permanently lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_object (dialog,
                           "response",
                           G_CALLBACK (close_dialog_response_cb),
                           self,
                           0);

  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The label of a history step is plain text: its underscores are no
 * mnemonics. */
static char *
escape_mnemonics (const char *text)
{
  g_autoptr(GString) escaped = g_string_new (text);

  g_string_replace (escaped, "_", "__", 0);

  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

static void
parcours_window_update_undo_menu (ParcoursWindow *self)
{
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  const char *step = NULL;

  if (parcours_history_get_can_undo (self->history))
    step = parcours_history_get_undo_label (self->history);

  if (step != NULL && step[0] != '\0')
    {
      g_autofree char *escaped = escape_mnemonics (step);

      /* Translators: %s is the step to undo, such as “Rename Stage” */
      undo_label = g_strdup_printf (_("_Undo %s"), escaped);
    }
  else
    {
      undo_label = g_strdup (_("_Undo"));
    }

  step = NULL;
  if (parcours_history_get_can_redo (self->history))
    step = parcours_history_get_redo_label (self->history);

  if (step != NULL && step[0] != '\0')
    {
      g_autofree char *escaped = escape_mnemonics (step);

      /* Translators: %s is the step to redo, such as “Rename Stage” */
      redo_label = g_strdup_printf (_("_Redo %s"), escaped);
    }
  else
    {
      redo_label = g_strdup (_("_Redo"));
    }

  /* Leave an open menu alone unless a label really changed. */
  if (g_strcmp0 (undo_label, self->undo_menu_label) == 0 &&
      g_strcmp0 (redo_label, self->redo_menu_label) == 0)
    return;

  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_label, "win.undo");
  g_menu_append (self->undo_section, redo_label, "win.redo");

  g_free (self->undo_menu_label);
  self->undo_menu_label = g_steal_pointer (&undo_label);
  g_free (self->redo_menu_label);
  self->redo_menu_label = g_steal_pointer (&redo_label);
}

void
_parcours_window_update_actions (ParcoursWindow *self)
{
  gboolean has_map;

  g_assert (PARCOURS_IS_WINDOW (self));

  has_map = self->file != NULL || parcours_history_get_modified (self->history);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 parcours_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 parcours_history_get_can_redo (self->history));

  parcours_window_update_undo_menu (self);
}

void
_parcours_window_class_actions_init (ParcoursWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL,
                                   parcours_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   parcours_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL,
                                   parcours_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL,
                                   parcours_window_redo_action);
}
