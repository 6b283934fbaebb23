/* parcours-window-start.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-ui-private.h"
#include "parcours-window-private.h"

/* The start page of a window with no map — New, Open, the maps to
 * restore after a crash (parcours-window-drafts.c) and the recent
 * maps — and files dropped on the window. */

#define MAX_RECENT_MAPS 6

static gboolean
is_map (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);
  const char *uri = gtk_recent_info_get_uri (info);

  if (g_strcmp0 (mime_type, PARCOURS_MIME_TYPE) != 0 &&
      !g_str_has_suffix (uri, "." PARCOURS_FILE_SUFFIX))
    return FALSE;

  return !gtk_recent_info_is_local (info) || gtk_recent_info_exists (info);
}

static int
compare_recent_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static GtkWidget *
new_recent_row (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = _parcours_ui_dup_file_name (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
  GtkWidget *row;
  GtkWidget *arrow;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (folder != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void recent_manager_changed_cb (ParcoursWindow   *self,
                                       GtkRecentManager *manager);

/* The start page's recent maps. The recent manager reads the desktop's
 * whole list of recent files when it is first asked for: a window that
 * opens a file at once never asks for it before its map shows. */
void
_parcours_window_update_recent_list (ParcoursWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();

  g_assert (PARCOURS_IS_WINDOW (self));

  if (!self->follows_recent)
    {
      self->follows_recent = TRUE;
      g_signal_connect_object (manager, "changed", G_CALLBACK (recent_manager_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  for (const GList *iter = items; iter != NULL; iter = iter->next)
    if (is_map (iter->data))
      g_ptr_array_add (maps, iter->data);

  g_ptr_array_sort (maps, compare_recent_first);

  _parcours_ui_list_box_remove_all (self->recent_list);

  for (guint i = 0; i < maps->len && i < MAX_RECENT_MAPS; i++)
    gtk_list_box_append (self->recent_list, new_recent_row (g_ptr_array_index (maps, i)));

  gtk_widget_set_visible (self->recent_group, maps->len > 0);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
recent_manager_changed_cb (ParcoursWindow   *self,
                           GtkRecentManager *manager)
{
  if (parcours_window_get_is_empty (self))
    _parcours_window_update_recent_list (self);
}

/* Through the application, which knows which window shows which file. */
static void
open_files (ParcoursWindow  *self,
            GFile          **files,
            guint            n_files)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (n_files == 0)
    return;

  if (application != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      g_application_open (G_APPLICATION (application), files, n_files, "");
    }
  else
    {
      parcours_window_open_file (self, files[0]);
    }
}

static void
parcours_window_open_recent_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_files (self, &file, 1);
}

static void
parcours_window_new_map_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  ParcoursWindow *target = self;

  if (!parcours_window_get_is_empty (self))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      target = parcours_window_new (PARCOURS_APPLICATION (application));
    }

  parcours_window_new_map (target);
  gtk_window_present (GTK_WINDOW (target));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         ParcoursWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  for (const GSList *iter = g_value_get_boxed (value); iter != NULL; iter = iter->next)
    g_ptr_array_add (files, iter->data);

  open_files (self, (GFile **) files->pdata, files->len);

  return files->len > 0;
}

void
_parcours_window_start_init (ParcoursWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_parcours_window_class_start_init (ParcoursWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-map", NULL,
                                   parcours_window_new_map_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   parcours_window_open_recent_action);
}
