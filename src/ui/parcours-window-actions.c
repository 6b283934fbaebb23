/* parcours-window-actions.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parcours-atomic-file.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-layout.h"
#include "parcours-pagination.h"
#include "parcours-style.h"
#include "parcours-ui-private.h"
#include "parcours-window-private.h"

/* Exported file names stay well under the 255 bytes most file systems
 * allow, whatever the length of the map's title. */
#define EXPORT_NAME_MAX_BYTES 200

#define EXPORT_FORMAT_KEY "parcours-export-format"
#define EXPORT_FILE_KEY "parcours-export-file"
#define EXPORT_CHOICES_KEY "parcours-export-choices"
#define EXPORT_WARNINGS_KEY "parcours-export-warnings"
/* The export dialog's choices: Mermaid without the map in comments, CSV
 * with semicolons for Excel */
#define PLAIN_CHOICE "plain-mermaid"
#define SEMICOLON_CHOICE "csv-semicolons"

#define PAGE_SIZE_CHOICE "pdf-page-size"

/* The export dialog's answers in one number: two flags, and the PDF
 * page size from bit 8 up. */
typedef enum
{
  EXPORT_PLAIN      = 1 << 0,
  EXPORT_SEMICOLONS = 1 << 1,
} ExportChoices;
#define EXPORT_PAGE_SIZE_SHIFT 8
#define EXPORT_CHOICES_PAGE_SIZE(choices) ((ParcoursPageSize) ((choices) >> EXPORT_PAGE_SIZE_SHIFT))
#define PAGINATION_KEY "parcours-pagination"

/* What happens once the user has picked where to save */
typedef enum
{
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

/* One save: the map's text taken on the main thread (the model is not
 * thread-safe), written by a worker so that a large map never freezes
 * the window, and the state of the history it was taken at. */
typedef struct
{
  ParcoursWindow *window;
  GApplication *application;
  GFile *file;
  guint64 state;
  AfterSave after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  if (data->application != NULL)
    g_application_release (data->application);
  g_clear_object (&data->application);
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void parcours_window_save_to_file (ParcoursWindow *self,
                                          GFile          *file,
                                          AfterSave       after);

static void
save_finish (ParcoursWindow *self,
             SaveData       *data,
             GError         *error)
{
  if (error != NULL)
    {
      g_autofree char *name = _parcours_ui_dup_file_name (data->file);
      g_autofree char *heading = NULL;

      /* The map stays modified, and its draft stays too. */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      _parcours_window_show_error (self, heading, error->message);
      return;
    }

  /* Edits made while the file was written keep the map modified. */
  parcours_history_mark_saved_state (self->history, data->state);
  _parcours_window_set_file (self, data->file);
  _parcours_ui_add_recent (data->file);

  /* Closing asks again if there were such edits. */
  if (data->after == AFTER_SAVE_CLOSE)
    gtk_window_close (GTK_WINDOW (self));
}

static void
file_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  ParcoursWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) waiting = g_steal_pointer (&self->save_waiting_file);
  AfterSave waiting_after = self->save_waiting_close ? AFTER_SAVE_CLOSE : AFTER_SAVE_NOTHING;

  self->saving = FALSE;
  self->save_waiting_close = FALSE;

  parcours_atomic_file_replace_finish (result, &error);

  /* Closed meanwhile: the file is written, there is nothing to show. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      if (error != NULL)
        g_warning ("Could not save a closed map: %s", error->message);
      return;
    }

  save_finish (self, data, error);

  if (waiting != NULL)
    parcours_window_save_to_file (self, waiting, waiting_after);
  else
    _parcours_window_update_title (self);
}

/* Saves the map to @file in the background, then does what @after says.
 * One save at a time: a save asked for meanwhile waits for this one, and
 * then takes the map as it is by then. */
static void
parcours_window_save_to_file (ParcoursWindow *self,
                              GFile          *file,
                              AfterSave       after)
{
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;

  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* A gesture in progress ends here: what follows is a new step. */
  parcours_canvas_commit_edit (self->canvas);
  parcours_history_seal (self->history);

  if (self->saving)
    {
      g_set_object (&self->save_waiting_file, file);
      self->save_waiting_close |= after == AFTER_SAVE_CLOSE;
      return;
    }

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->state = parcours_history_get_state (self->history);
  data->after = after;

  /* The application lives until the file is complete, even when its
   * last window closes meanwhile. */
  data->application = g_application_get_default ();
  if (data->application != NULL)
    {
      g_object_ref (data->application);
      g_application_hold (data->application);
    }

  bytes = parcours_format_save_bytes (self->document);
  self->saving = TRUE;
  _parcours_window_update_title (self);
  parcours_atomic_file_replace_async (file, bytes, NULL, file_saved_cb, data);
}

/**
 * parcours_window_get_saving:
 * @self: a #ParcoursWindow
 *
 * Returns: whether a save of the map is being written
 */
gboolean
parcours_window_get_saving (ParcoursWindow *self)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), FALSE);

  return self->saving;
}

/* Saves the map to @file at once, for quitting, where nothing is left to
 * keep live: on failure the map stays modified and @error says why. */
gboolean
_parcours_window_save_file (ParcoursWindow  *self,
                            GFile           *file,
                            GError         **error)
{
  g_assert (PARCOURS_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  parcours_canvas_commit_edit (self->canvas);
  parcours_history_seal (self->history);

  if (!parcours_format_save_file (self->document, file, NULL, error))
    return FALSE;

  parcours_history_mark_saved (self->history);
  _parcours_window_set_file (self, file);
  _parcours_ui_add_recent (file);

  return TRUE;
}

/* Whether closing the window would ask about unsaved changes. */
gboolean
_parcours_window_get_needs_saving (ParcoursWindow *self)
{
  g_assert (PARCOURS_IS_WINDOW (self));

  return !self->close_confirmed && parcours_history_get_modified (self->history);
}

/* Closes the window without asking: its changes were discarded. */
void
_parcours_window_close_discarding (ParcoursWindow *self)
{
  g_assert (PARCOURS_IS_WINDOW (self));

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
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

      if (file != NULL)
        parcours_window_save_to_file (self, file, after);
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
  else if (self->import_source != NULL)
    {
      /* Beside the file it was imported from, under the same name. */
      g_autoptr(GFile) folder = g_file_get_parent (self->import_source);
      g_autofree char *stem = _parcours_ui_dup_file_stem (self->import_source);
      g_autofree char *name = g_strconcat (stem, ".", PARCOURS_FILE_SUFFIX, NULL);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
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
    parcours_window_save_to_file (self, self->file, AFTER_SAVE_NOTHING);
}

static void
parcours_window_save_as_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  parcours_window_save_as (PARCOURS_WINDOW (widget), AFTER_SAVE_NOTHING);
}

/* What Export offers (see parcours-ui.c) */
typedef ParcoursUiExportFormat ExportFormat;
#define export_formats _parcours_ui_export_formats

/* The name an export is offered under, without extension: the map's
 * title, else the name of its file. */
char *
_parcours_window_dup_export_base_name (ParcoursWindow *self)
{
  const char *title = parcours_document_get_title (self->document);
  g_autofree char *name = NULL;

  if (title != NULL && title[0] != '\0')
    {
      name = g_strdup (title);
    }
  else if (self->file != NULL)
    {
      char *dot;

      name = _parcours_ui_dup_file_name (self->file);
      dot = strrchr (name, '.');
      if (dot != NULL && dot != name)
        *dot = '\0';
    }

  if (name != NULL)
    {
      g_strdelimit (name, "/\\", '-');
      g_strdelimit (name, "\r\n\t", ' ');
      g_strstrip (name);

      /* A leading dot would hide the file. */
      while (name[0] == '.')
        memmove (name, name + 1, strlen (name));

      if (strlen (name) > EXPORT_NAME_MAX_BYTES)
        *g_utf8_find_prev_char (name, name + EXPORT_NAME_MAX_BYTES + 1) = '\0';
    }

  if (name == NULL || name[0] == '\0')
    return g_strdup (_("Untitled Journey"));

  return g_steal_pointer (&name);
}

static void
show_exported_file_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ParcoursWindow *self = PARCOURS_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (self), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = _parcours_ui_dup_file_name (file);
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      _parcours_window_show_error (self, heading, error->message);
    }
}

static void
export_toast_button_clicked_cb (AdwToast       *toast,
                                ParcoursWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), EXPORT_FILE_KEY);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL,
                     show_exported_file_cb, g_object_ref (file));
}

static void
export_warnings_toast_clicked_cb (AdwToast       *toast,
                                  ParcoursWindow *self)
{
  const char *details = g_object_get_data (G_OBJECT (toast), EXPORT_WARNINGS_KEY);
  const char *heading = g_object_get_data (G_OBJECT (toast), "parcours-warnings-heading");

  _parcours_window_show_error (self, heading, details);
}

/* A toast saying @title, whose Details show @warnings (one a line) in a
 * dialog headed @heading: what an export or a print left out. */
static void
show_warnings_toast (ParcoursWindow *self,
                     const char     *title,
                     const char     *heading,
                     GPtrArray      *warnings)
{
  AdwToast *toast = adw_toast_new (title);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < warnings->len; i++)
    g_strv_builder_add (lines, g_ptr_array_index (warnings, i));
  strv = g_strv_builder_end (lines);

  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), EXPORT_WARNINGS_KEY, g_strjoinv ("\n", strv), g_free);
  g_object_set_data_full (G_OBJECT (toast), "parcours-warnings-heading", g_strdup (heading), g_free);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (export_warnings_toast_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Exports, then says how it went: a toast that can open the file (or,
 * when the format could not hold all of the map, say what it lacks), or a
 * dialog with the reason it failed. */
static void
parcours_window_export_and_report (ParcoursWindow       *self,
                                   GFile                *file,
                                   ParcoursExportFormat  format,
                                   ExportChoices         choices)
{
  g_autofree char *name = _parcours_ui_dup_file_name (file);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  ParcoursExportOptions options;
  AdwToast *toast;

  /* The options of parcours_window_export_to_file(), and what is lost. */
  parcours_export_options_init (&options);
  options.page_size = EXPORT_CHOICES_PAGE_SIZE (choices);
  options.scale = 2.0;
  options.plain = (choices & EXPORT_PLAIN) != 0;
  options.semicolons = (choices & EXPORT_SEMICOLONS) != 0;
  options.warnings = warnings;

  if (!parcours_export_to_file (self->document, file, format, &options, &error))
    {
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (_("Could Not Export “%s”"), name);
      _parcours_window_show_error (self, heading, error->message);
      return;
    }

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (name, -1);
  /* Translators: in a toast; %s is the name of the file written */
  title = g_strdup_printf (_("Exported “%s”"), escaped);

  if (warnings->len > 0)
    {
      g_autofree char *lossy = NULL;

      /* Translators: in a toast; %s is the name of the file written */
      lossy = g_strdup_printf (_("Exported “%s” without some of the map"), escaped);
      show_warnings_toast (self, lossy, _("Not in the Exported File"), warnings);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), EXPORT_FILE_KEY, g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast,
                           "button-clicked",
                           G_CALLBACK (export_toast_button_clicked_cb),
                           self,
                           0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
replace_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            ParcoursWindow   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), EXPORT_FILE_KEY);
  ParcoursExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), EXPORT_FORMAT_KEY));

  if (g_str_equal (response, "replace"))
    parcours_window_export_and_report (self, file, format,
                                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), EXPORT_CHOICES_KEY)));
}

static void
parcours_window_confirm_replace (ParcoursWindow       *self,
                                 GFile                *file,
                                 ParcoursExportFormat  format,
                                 ExportChoices         choices)
{
  g_autofree char *name = _parcours_ui_dup_file_name (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("A file with this name already exists. "
                                     "Replacing it will overwrite its contents."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), EXPORT_FILE_KEY, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), EXPORT_FORMAT_KEY, GINT_TO_POINTER (format));
  g_object_set_data (G_OBJECT (dialog), EXPORT_CHOICES_KEY, GUINT_TO_POINTER (choices));
  g_signal_connect_object (dialog,
                           "response",
                           G_CALLBACK (replace_dialog_response_cb),
                           self,
                           0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static const ExportFormat *
find_export_format (ParcoursExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (export_formats[i].format == format)
      return &export_formats[i];

  return NULL;
}

/**
 * _parcours_window_resolve_export:
 * @file: what the file chooser returned
 * @filter_format: the format of the filter selected in it
 * @format: (out): the format to write
 *
 * A name that ends in an extension we know says the format; any other
 * gets the format of the selected filter, and its extension. The one
 * exception is the extension of the default format, which the dialog
 * filled in: when the user selected another filter, they meant that.
 *
 * Returns: (transfer full): where to write
 */
GFile *
_parcours_window_resolve_export (GFile                *file,
                                 ParcoursExportFormat  filter_format,
                                 ParcoursExportFormat *format)
{
  return _parcours_window_resolve_export_full (file, export_formats[0].format, filter_format, format);
}

/* The same, when the dialog was filled in with the extension of
 * @prefilled_format. */
GFile *
_parcours_window_resolve_export_full (GFile                *file,
                                      ParcoursExportFormat  prefilled_format,
                                      ParcoursExportFormat  filter_format,
                                      ParcoursExportFormat *format)
{
  const ExportFormat *prefilled = find_export_format (prefilled_format);
  const ExportFormat *chosen = find_export_format (filter_format);
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *completed = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (chosen != NULL && prefilled != NULL, NULL);

  *format = chosen->format;
  basename = g_file_get_basename (file);
  parent = g_file_get_parent (file);

  if (basename == NULL || parent == NULL)
    return g_object_ref (file);

  if (parcours_export_format_for_file (basename, format))
    {
      if (chosen == prefilled || *format != prefilled->format)
        return g_object_ref (file);

      *format = chosen->format;
      stem = g_strndup (basename, strrchr (basename, '.') - basename);
    }
  else
    {
      stem = g_strdup (basename);
    }

  /* “plan.” gets “plan.svg”, not “plan..svg” */
  if (g_str_has_suffix (stem, "."))
    completed = g_strconcat (stem, chosen->extension, NULL);
  else
    completed = g_strconcat (stem, ".", chosen->extension, NULL);

  return g_file_get_child (parent, completed);
}

/* The next export offers what this one used. */
static void
remember_export_choices (const ExportFormat       *format,
                         const ParcoursUiPageSize *page_size,
                         ExportChoices             choices)
{
  GSettings *settings = _parcours_ui_get_settings ();

  if (settings == NULL || format == NULL)
    return;

  g_settings_set_string (settings, "export-format", format->extension);
  g_settings_set_string (settings, "export-page-size", page_size->id);
  g_settings_set_boolean (settings, "export-plain-mermaid", (choices & EXPORT_PLAIN) != 0);
  g_settings_set_boolean (settings, "export-csv-semicolons", (choices & EXPORT_SEMICOLONS) != 0);
}

static void
export_dialog_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           ParcoursWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      const ExportFormat *chosen = NULL;
      ExportChoices choices = 0;

      const ExportFormat *prefilled = g_object_get_data (G_OBJECT (dialog), EXPORT_FORMAT_KEY);
      const char *page_size_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), PAGE_SIZE_CHOICE);
      const ParcoursUiPageSize *page_size = &_parcours_ui_page_sizes[_parcours_ui_find_page_size (page_size_id)];

      if (g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), PLAIN_CHOICE), "true") == 0)
        choices |= EXPORT_PLAIN;
      if (g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), SEMICOLON_CHOICE), "true") == 0)
        choices |= EXPORT_SEMICOLONS;
      choices |= page_size->size << EXPORT_PAGE_SIZE_SHIFT;

      if (filter != NULL)
        chosen = g_object_get_data (G_OBJECT (filter), EXPORT_FORMAT_KEY);
      if (chosen == NULL)
        chosen = prefilled;

      if (file != NULL)
        {
          g_autoptr(GFile) target = NULL;
          ParcoursExportFormat format;

          target = _parcours_window_resolve_export_full (file, prefilled->format, chosen->format, &format);
          remember_export_choices (find_export_format (format), page_size, choices);

          /* The file chooser asked about replacing the file it returned,
           * not one whose name we completed. */
          if (!g_file_equal (target, file) && g_file_query_exists (target, NULL))
            parcours_window_confirm_replace (self, target, format, choices);
          else
            parcours_window_export_and_report (self, target, format, choices);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* The export dialog, set up but not shown: the format, PDF page size
 * and choices of the last export (or of the preferences) offered first. */
GtkFileChooserNative *
_parcours_window_new_export_dialog (ParcoursWindow *self)
{
  GSettings *settings = _parcours_ui_get_settings ();
  g_autofree char *base_name = _parcours_window_dup_export_base_name (self);
  g_autofree char *name = NULL;
  g_autofree char *format_id = NULL;
  g_autofree char *page_size_id = NULL;
  const char *page_size_ids[PARCOURS_UI_N_PAGE_SIZES + 1];
  const char *page_size_names[PARCOURS_UI_N_PAGE_SIZES + 1];
  const ExportFormat *offered;
  guint offered_page_size;
  GtkFileChooserNative *dialog;
  gboolean plain = FALSE, semicolons = FALSE;

  if (settings != NULL)
    {
      format_id = g_settings_get_string (settings, "export-format");
      page_size_id = g_settings_get_string (settings, "export-page-size");
      plain = g_settings_get_boolean (settings, "export-plain-mermaid");
      semicolons = g_settings_get_boolean (settings, "export-csv-semicolons");
    }
  offered = &export_formats[_parcours_ui_find_export_format (format_id)];

  dialog = gtk_file_chooser_native_new (_("Export Map"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), EXPORT_FORMAT_KEY, (gpointer) offered);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_formats[i].name));
      gtk_file_filter_add_suffix (filter, export_formats[i].extension);
      g_object_set_data (G_OBJECT (filter), EXPORT_FORMAT_KEY, (gpointer) &export_formats[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

      if (&export_formats[i] == offered)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
    }

  /* The page size offered comes first: GTK 4.8's own file chooser (used
   * without a portal) ignores gtk_file_chooser_set_choice() on a choice
   * with options, and shows the first. */
  offered_page_size = _parcours_ui_find_page_size (page_size_id);
  page_size_ids[0] = _parcours_ui_page_sizes[offered_page_size].id;
  page_size_names[0] = _(_parcours_ui_page_sizes[offered_page_size].name);
  for (guint i = 0, n = 1; i < PARCOURS_UI_N_PAGE_SIZES; i++)
    {
      if (i == offered_page_size)
        continue;
      page_size_ids[n] = _parcours_ui_page_sizes[i].id;
      page_size_names[n++] = _(_parcours_ui_page_sizes[i].name);
    }
  page_size_ids[PARCOURS_UI_N_PAGE_SIZES] = page_size_names[PARCOURS_UI_N_PAGE_SIZES] = NULL;
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), PAGE_SIZE_CHOICE, _("PDF pages"),
                               page_size_ids, page_size_names);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), PAGE_SIZE_CHOICE, page_size_ids[0]);

  /* A Mermaid file keeps the rest of the map in comment lines, unless
   * it is only to be shown; a CSV for Excel in a locale with a decimal
   * comma needs semicolons. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), PLAIN_CHOICE,
                               _("Mermaid without the rest of the map in comments"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), PLAIN_CHOICE, plain ? "true" : "false");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), SEMICOLON_CHOICE,
                               _("CSV with semicolons, for Excel in French or Russian"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), SEMICOLON_CHOICE, semicolons ? "true" : "false");

  /* Next to the map, unless it has not been saved yet */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  name = g_strconcat (base_name, ".", offered->extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (export_dialog_response_cb), g_object_ref (self));

  return dialog;
}

static void
parcours_window_export_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GtkFileChooserNative *dialog = _parcours_window_new_export_dialog (PARCOURS_WINDOW (widget));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
print_begin_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ParcoursWindow    *self)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  ParcoursPagination *pagination;

  /* The printable area already leaves the paper's margins out. */
  pagination = parcours_pagination_new (layout,
                                        self->document,
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context),
                                        0);

  gtk_print_operation_set_n_pages (operation, parcours_pagination_get_n_pages (pagination));
  g_object_set_data_full (G_OBJECT (operation),
                          PAGINATION_KEY,
                          pagination,
                          (GDestroyNotify) parcours_pagination_free);
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    gpointer           user_data)
{
  ParcoursPagination *pagination = g_object_get_data (G_OBJECT (operation), PAGINATION_KEY);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (pagination != NULL);
  g_return_if_fail (page >= 0 && (guint) page < parcours_pagination_get_n_pages (pagination));

  /* Never print a page with text missing. */
  if (!parcours_pagination_render_page (pagination, gtk_print_context_get_cairo_context (context), page, &error))
    {
      g_warning ("Printing page %d: %s", page + 1, error->message);
      gtk_print_operation_cancel (operation);
    }
}

/* A print operation for the map, set up but not run: landscape on the
 * paper of the locale (A4 when it has no preference) the first time,
 * then as the last print left it. */
GtkPrintOperation *
_parcours_window_new_print_operation (ParcoursWindow *self)
{
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *title = NULL;
  GtkPrintOperation *operation;

  g_assert (PARCOURS_IS_WINDOW (self));

  if (self->page_setup == NULL)
    {
      self->page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_orientation (self->page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }

  if (self->print_settings != NULL)
    settings = gtk_print_settings_copy (self->print_settings);
  else
    settings = gtk_print_settings_new ();

  /* “Print to File” offers the map's name rather than “output” */
  base_name = _parcours_window_dup_export_base_name (self);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base_name);

  title = _parcours_window_dup_display_title (self);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  gtk_print_operation_set_print_settings (operation, settings);

  g_signal_connect_object (operation,
                           "begin-print",
                           G_CALLBACK (print_begin_cb),
                           self,
                           0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page_cb), NULL);

  return operation;
}

/* Runs @operation as @action (the print dialog, or straight to a file)
 * and says how it went: as an export does, a toast when some text had
 * no font to print it, whose Details name the fields; a dialog with the
 * reason when it failed. */
GtkPrintOperationResult
_parcours_window_run_print (ParcoursWindow          *self,
                            GtkPrintOperation       *operation,
                            GtkPrintOperationAction  action)
{
  /* The dialog runs a main loop of its own: the window stays until it
   * is done. */
  g_autoptr(ParcoursWindow) window = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (window), &error);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

      g_set_object (&window->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&window->page_setup, gtk_print_operation_get_default_page_setup (operation));

      parcours_export_warn_missing_glyphs (window->document, warnings);
      if (warnings->len > 0)
        {
          g_autofree char *title = _parcours_window_dup_display_title (window);
          g_autofree char *escaped = g_markup_escape_text (title, -1);
          g_autofree char *message = NULL;

          /* Translators: in a toast; %s is the map's title */
          message = g_strdup_printf (_("Printed “%s” without some of its text"), escaped);
          show_warnings_toast (window, message, _("Not on the Printed Pages"), warnings);
        }
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *title = _parcours_window_dup_display_title (window);
      g_autofree char *heading = NULL;

      if (error == NULL)
        gtk_print_operation_get_error (operation, &error);

      heading = g_strdup_printf (_("Could Not Print “%s”"), title);
      _parcours_window_show_error (window, heading,
                                   error != NULL ? error->message : NULL);
    }

  return result;
}

static void
parcours_window_print_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = _parcours_window_new_print_operation (self);

  _parcours_window_run_print (self, operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
parcours_window_undo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  /* Through the canvas, so that the selection follows the change. */
  parcours_canvas_undo (self->canvas);
  _parcours_window_update_actions (self);
}

static void
parcours_window_redo_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  parcours_canvas_redo (self->canvas);
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
      else
        {
          parcours_window_save_to_file (self, self->file, AFTER_SAVE_CLOSE);
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

/* The header bar's buttons name the step in their tooltips. */
static void
parcours_window_update_undo_buttons (ParcoursWindow *self)
{
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;
  const char *step;

  step = parcours_history_get_undo_label (self->history);
  if (parcours_history_get_can_undo (self->history) && step != NULL && step[0] != '\0')
    /* Translators: a tooltip; %s is the step to undo, such as “Move Card” */
    undo_tooltip = g_strdup_printf (_("Undo %s"), step);
  else
    undo_tooltip = g_strdup (_("Undo"));

  step = parcours_history_get_redo_label (self->history);
  if (parcours_history_get_can_redo (self->history) && step != NULL && step[0] != '\0')
    /* Translators: a tooltip; %s is the step to redo, such as “Move Card” */
    redo_tooltip = g_strdup_printf (_("Redo %s"), step);
  else
    redo_tooltip = g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (self->undo_button, undo_tooltip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tooltip);
  gtk_widget_set_visible (self->undo_button, self->has_map);
  gtk_widget_set_visible (self->redo_button, self->has_map);
  gtk_widget_set_visible (self->side_panel_button, self->has_map);
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
  gboolean presenting;

  g_assert (PARCOURS_IS_WINDOW (self));

  presenting = parcours_presentation_get_active (parcours_canvas_get_presentation (self->canvas));

  has_map = self->has_map;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 parcours_history_get_can_undo (self->history) && !presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 parcours_history_get_can_redo (self->history) && !presenting);
  /* Presenting, the view is the presentation's. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", !presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", !presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", !presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", !presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-side-panel", !presenting);
  _parcours_window_update_present_actions (self);

  parcours_window_update_undo_menu (self);
  parcours_window_update_undo_buttons (self);
}

static void
parcours_window_toggle_side_panel_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

#define ZOOM_STEP 1.25

static void
parcours_window_zoom_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  ParcoursViewport *viewport = parcours_canvas_get_viewport (self->canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    parcours_canvas_zoom_by (self->canvas, ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    parcours_canvas_zoom_by (self->canvas, 1 / ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    parcours_canvas_zoom_to (self->canvas, 1.0);
  else
    parcours_viewport_zoom_to_fit (viewport);
}

void
_parcours_window_class_actions_init (ParcoursWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const zoom_actions[] = { "win.zoom-in", "win.zoom-out", "win.zoom-reset", "win.zoom-fit" };

  for (guint i = 0; i < G_N_ELEMENTS (zoom_actions); i++)
    gtk_widget_class_install_action (widget_class, zoom_actions[i], NULL, parcours_window_zoom_action);

  gtk_widget_class_install_action (widget_class, "win.toggle-side-panel", NULL,
                                   parcours_window_toggle_side_panel_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL,
                                   parcours_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   parcours_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   parcours_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL,
                                   parcours_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL,
                                   parcours_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL,
                                   parcours_window_redo_action);
}
