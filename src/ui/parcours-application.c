/* parcours-application.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-application.h"
#include "parcours-preferences-window.h"
#include "parcours-quit.h"
#include "parcours-template-dialog.h"
#include "parcours-templates.h"
#include "parcours-ui-private.h"
#include "parcours-window.h"
#include "parcours-window-private.h"

struct _ParcoursApplication
{
  AdwApplication parent_instance;

  GSettings *settings;   /* NULL when the schema is not installed */
  /* Drafts left by a crash are offered once, at the first window */
  guint drafts_offered : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursApplication, parcours_application, ADW_TYPE_APPLICATION)

static gboolean
window_close_request_cb (GtkWindow           *window,
                         ParcoursApplication *self)
{
  int width, height;

  /* The last window closed gives its size to the next one opened. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GDK_EVENT_PROPAGATE;
}

/* Every window of the application is made here. */
static ParcoursWindow *
parcours_application_new_window (ParcoursApplication *self)
{
  ParcoursWindow *window = parcours_window_new (self);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (window));

      g_signal_connect_object (window, "close-request",
                               G_CALLBACK (window_close_request_cb), self, G_CONNECT_DEFAULT);
    }

  return window;
}

static ParcoursWindow *
parcours_application_find_window_for_file (ParcoursApplication *self,
                                           GFile               *file)
{
  for (const GList *iter = gtk_application_get_windows (GTK_APPLICATION (self));
       iter != NULL;
       iter = iter->next)
    {
      GFile *window_file;

      if (!PARCOURS_IS_WINDOW (iter->data))
        continue;

      window_file = parcours_window_get_file (iter->data);
      if (window_file != NULL && g_file_equal (window_file, file))
        return iter->data;
    }

  return NULL;
}

/* A file opened from a window that shows nothing goes into that window
 * rather than a new one. */
static ParcoursWindow *
parcours_application_find_empty_window (ParcoursApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PARCOURS_IS_WINDOW (window) && parcours_window_get_is_empty (PARCOURS_WINDOW (window)))
    return PARCOURS_WINDOW (window);

  return NULL;
}

static void
open_dialog_response_cb (GtkNativeDialog     *dialog,
                         int                  response,
                         ParcoursApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_files = g_list_model_get_n_items (files);

      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        g_application_open (G_APPLICATION (self), (GFile **) array->pdata, array->len, "");
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
parcours_application_open_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  ParcoursApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Map"),
                                        parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  _parcours_ui_add_open_filters (GTK_FILE_CHOOSER (dialog));

  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
parcours_application_new_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  ParcoursApplication *self = user_data;
  ParcoursWindow *window = parcours_application_find_empty_window (self);

  /* A window that shows nothing takes the new map. */
  if (window == NULL)
    window = parcours_application_new_window (self);

  parcours_window_new_map (window);
  gtk_window_present (GTK_WINDOW (window));
}

/* A map made from a template is new and untitled: it goes into the
 * current window when that shows nothing, else into a new window. */
static void
template_chosen_cb (ParcoursTemplateDialog *dialog,
                    const char             *id,
                    ParcoursApplication    *self)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursWindow *window;

  document = parcours_template_load (id, &error);
  if (document == NULL)
    {
      g_critical ("Template “%s” cannot be read: %s", id, error->message);
      return;
    }

  window = parcours_application_find_empty_window (self);
  if (window == NULL)
    window = parcours_application_new_window (self);

  parcours_window_show_new_map (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
parcours_application_new_from_template_action (GSimpleAction *action,
                                               GVariant      *parameter,
                                               gpointer       user_data)
{
  ParcoursApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ParcoursTemplateDialog *dialog = parcours_template_dialog_new (parent);

  g_signal_connect_object (dialog, "template-chosen", G_CALLBACK (template_chosen_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
parcours_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  ParcoursApplication *self = user_data;
  static const char *developers[] = { "The Parcours authors", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Parcours",
                        "application-icon", APP_ID,
                        "developer-name", _("The Parcours authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Map how people move through a service, "
                                      "stage by stage, and how they feel along the way."),
                        "website", "https://github.com/parcours/parcours",
                        "issue-url", "https://github.com/parcours/parcours/issues",
                        "copyright", _("© 2026 The Parcours authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (about);
}

/* The application ends once the last window is gone; modified maps are
 * asked about first (see parcours-quit.c). */
static void
parcours_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  ParcoursApplication *self = user_data;

  _parcours_quit_windows (gtk_application_get_windows (GTK_APPLICATION (self)));
}

static void
parcours_application_preferences_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  ParcoursApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ParcoursPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;

  preferences = parcours_preferences_window_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The style switch of the primary menu: the system's, light or dark. */
static void
style_variant_changed_cb (GSettings  *settings,
                          const char *key,
                          gpointer    user_data)
{
  g_autofree char *variant = g_settings_get_string (settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static const GActionEntry app_entries[] = {
  { "new", parcours_application_new_action },
  { "new-from-template", parcours_application_new_from_template_action },
  { "open", parcours_application_open_action },
  { "about", parcours_application_about_action },
  { "preferences", parcours_application_preferences_action },
  { "quit", parcours_application_quit_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.zoom-fit", { "<Control>1", NULL } },
  { "win.toggle-side-panel", { "F9", NULL } },
  { "win.voting", { "<Shift><Control>v", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
parcours_application_startup (GApplication *application)
{
  ParcoursApplication *self = PARCOURS_APPLICATION (application);

  G_APPLICATION_CLASS (parcours_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries,
                                   G_N_ELEMENTS (app_entries),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);

  /* A build run before it is installed has no schema; it keeps the
   * defaults rather than aborting. */
  g_set_object (&self->settings, _parcours_ui_get_settings ());

  if (self->settings != NULL)
    {
      g_autoptr(GAction) style = g_settings_create_action (self->settings, "style-variant");

      g_action_map_add_action (G_ACTION_MAP (self), style);
      g_signal_connect_object (self->settings, "changed::style-variant",
                               G_CALLBACK (style_variant_changed_cb), self, G_CONNECT_DEFAULT);
      style_variant_changed_cb (self->settings, "style-variant", self);
    }
  else
    {
      GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

      g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), FALSE);
    }
}

static void
parcours_application_activate (GApplication *application)
{
  ParcoursApplication *self = PARCOURS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (parcours_application_new_window (self));

  /* An empty window lists them on its start page. */
  self->drafts_offered = TRUE;
  gtk_window_present (window);
}

static void
parcours_application_open (GApplication  *application,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  ParcoursApplication *self = PARCOURS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      ParcoursWindow *window;

      window = parcours_application_find_window_for_file (self, files[i]);

      if (window == NULL)
        {
          /* Read while the window is built */
          _parcours_window_preload_file (files[i]);
          window = parcours_application_find_empty_window (self);
          if (window == NULL)
            window = parcours_application_new_window (self);

          parcours_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));

      /* Started on a file, after a crash: the start page that lists
       * what can be restored is in no window yet. */
      if (!self->drafts_offered && i == n_files - 1)
        {
          self->drafts_offered = TRUE;
          parcours_window_offer_drafts (window);
        }
    }
}

static void
parcours_application_finalize (GObject *object)
{
  ParcoursApplication *self = PARCOURS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (parcours_application_parent_class)->finalize (object);
}

static void
parcours_application_class_init (ParcoursApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = parcours_application_finalize;

  app_class->startup = parcours_application_startup;
  app_class->activate = parcours_application_activate;
  app_class->open = parcours_application_open;

  _parcours_ui_ensure_resources ();
}

/* --help, --version, --check, --export, --list-templates and --new are
 * answered by parcours-cli.c before the application runs: they need no
 * display. */
static void
parcours_application_init (ParcoursApplication *self)
{
}

ParcoursApplication *
parcours_application_new (void)
{
  return g_object_new (PARCOURS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/parcours/Parcours",
                       NULL);
}
