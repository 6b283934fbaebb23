/* parcours-quit.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-quit.h"
#include "parcours-window-private.h"

/* Quitting closes every window. With one modified map, its window asks
 * about it as closing it alone would; with several, one dialog lists
 * them and saves or discards them all. A map that cannot be saved stops
 * the quit, and says why, with every window still open. */

#define WINDOWS_KEY "parcours-quit-windows"

static GPtrArray *
ref_windows (GList *windows)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (const GList *iter = windows; iter != NULL; iter = iter->next)
    g_ptr_array_add (array, g_object_ref (iter->data));

  return array;
}

/* Whether @window was not closed meanwhile. */
static gboolean
is_open (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return TRUE;
    }

  return FALSE;
}

static void
close_all (GPtrArray *windows,
           gboolean   discard)
{
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (!is_open (window))
        continue;

      if (discard && PARCOURS_IS_WINDOW (window))
        _parcours_window_close_discarding (PARCOURS_WINDOW (window));
      else
        gtk_window_close (window);
    }
}

static void
show_save_error (ParcoursWindow *window,
                 const GError   *error)
{
  g_autofree char *title = _parcours_window_dup_display_title (window);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  heading = g_strdup_printf (_("Could Not Save “%s”"), title);
  /* Translators: %s says why a map could not be saved */
  body = g_strdup_printf (_("%s\n\nParcours did not quit: every map is still open."), error->message);
  gtk_window_present (GTK_WINDOW (window));
  _parcours_window_show_error (window, heading, body);
}

/* Saves every modified map that has a file; maps never saved ask for a
 * name as their windows close. */
static gboolean
save_all (GPtrArray *windows)
{
  for (guint i = 0; i < windows->len; i++)
    {
      ParcoursWindow *window = g_ptr_array_index (windows, i);
      GFile *file;
      g_autoptr(GError) error = NULL;

      if (!PARCOURS_IS_WINDOW (window) || !is_open (GTK_WINDOW (window)) ||
          !_parcours_window_get_needs_saving (window))
        continue;

      file = parcours_window_get_file (window);
      if (file != NULL && !_parcours_window_save_file (window, file, &error))
        {
          show_save_error (window, error);
          return FALSE;
        }
    }

  return TRUE;
}

static void
quit_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  GPtrArray *windows = g_object_get_data (G_OBJECT (dialog), WINDOWS_KEY);

  if (g_str_equal (response, "discard"))
    close_all (windows, TRUE);
  else if (g_str_equal (response, "save") && save_all (windows))
    close_all (windows, FALSE);
}

/* One row per modified map: its title, and where it is saved. */
static GtkWidget *
new_map_list (GPtrArray *modified)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Maps with unsaved changes"),
                                  -1);

  for (guint i = 0; i < modified->len; i++)
    {
      ParcoursWindow *window = g_ptr_array_index (modified, i);
      g_autofree char *title = _parcours_window_dup_display_title (window);
      GFile *file = parcours_window_get_file (window);
      g_autofree char *where = file != NULL ? g_file_get_parse_name (file) : g_strdup (_("Never saved"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      g_object_set (row, "subtitle-lines", 1, NULL);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  return list;
}

static GtkWidget *
new_quit_dialog (GPtrArray *modified)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (g_ptr_array_index (modified, 0), NULL,
                                   _("Changes which are not saved will be permanently lost."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_map_list (modified));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     ngettext ("Save Changes to %u Map?",
                                               "Save Changes to %u Maps?",
                                               modified->len),
                                     modified->len);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard All"),
                                    "save", _("_Save All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

/**
 * _parcours_quit_windows:
 * @windows: (element-type GtkWindow): the application's windows
 *
 * Closes @windows, asking first about the maps that have unsaved
 * changes.
 *
 * Returns: (transfer none) (nullable): the dialog that asks about
 *   several modified maps, already shown; %NULL when there were none or
 *   only one, whose window asks itself
 */
GtkWidget *
_parcours_quit_windows (GList *windows)
{
  g_autoptr(GPtrArray) all = ref_windows (windows);
  g_autoptr(GPtrArray) modified = g_ptr_array_new ();
  GtkWidget *dialog;

  for (guint i = 0; i < all->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (all, i);

      if (PARCOURS_IS_WINDOW (window) && _parcours_window_get_needs_saving (PARCOURS_WINDOW (window)))
        g_ptr_array_add (modified, window);
    }

  if (modified->len <= 1)
    {
      close_all (all, FALSE);
      return NULL;
    }

  dialog = new_quit_dialog (modified);
  g_object_set_data_full (G_OBJECT (dialog), WINDOWS_KEY,
                          g_steal_pointer (&all), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (quit_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
