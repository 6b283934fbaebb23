/* parcours-preferences-window.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-preferences-window.h"
#include "parcours-ui-private.h"

/* The preferences: every row is bound to its key in the application's
 * GSettings, and whatever acts on a key reads it from there (the
 * autosave timer of each window, the export dialog, the canvas's drag of
 * emotion points), so a change applies at once. */

struct _ParcoursPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkSwitch            *snap_switch;
  GtkAdjustment        *autosave_adjustment;
  AdwComboRow          *format_row;
  AdwComboRow          *page_size_row;
};

G_DEFINE_FINAL_TYPE (ParcoursPreferencesWindow, parcours_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A combo row's "selected" (a guint) and a string key hold the same
 * choice: the position in the table, and its id. */
typedef const char *(*IdAt) (guint position);

static const char *
export_format_id_at (guint position)
{
  return position < PARCOURS_UI_N_EXPORT_FORMATS ? _parcours_ui_export_formats[position].extension : NULL;
}

static const char *
page_size_id_at (guint position)
{
  return position < PARCOURS_UI_N_PAGE_SIZES ? _parcours_ui_page_sizes[position].id : NULL;
}

static gboolean
id_to_position (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  IdAt id_at = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; id_at (i) != NULL; i++)
    if (g_str_equal (id_at (i), id))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_id (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  IdAt id_at = user_data;
  const char *id = id_at (g_value_get_uint (value));

  return id != NULL ? g_variant_new_string (id) : NULL;
}

static void
bind_combo_row (ParcoursPreferencesWindow *self,
                AdwComboRow               *row,
                const char                *key,
                IdAt                       id_at,
                const char * const        *names)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; id_at (i) != NULL; i++)
    gtk_string_list_append (model, _(names[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));

  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                id_to_position, position_to_id,
                                id_at, NULL);
}

static void
parcours_preferences_window_constructed (GObject *object)
{
  ParcoursPreferencesWindow *self = PARCOURS_PREFERENCES_WINDOW (object);
  const char *format_names[PARCOURS_UI_N_EXPORT_FORMATS];
  const char *page_size_names[PARCOURS_UI_N_PAGE_SIZES];

  G_OBJECT_CLASS (parcours_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  for (guint i = 0; i < PARCOURS_UI_N_EXPORT_FORMATS; i++)
    format_names[i] = _parcours_ui_export_formats[i].name;
  for (guint i = 0; i < PARCOURS_UI_N_PAGE_SIZES; i++)
    page_size_names[i] = _parcours_ui_page_sizes[i].name;

  g_settings_bind (self->settings, "snap-emotion-points", self->snap_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-interval", self->autosave_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  bind_combo_row (self, self->format_row, "export-format", export_format_id_at, format_names);
  bind_combo_row (self, self->page_size_row, "export-page-size", page_size_id_at, page_size_names);
}

static void
parcours_preferences_window_finalize (GObject *object)
{
  ParcoursPreferencesWindow *self = PARCOURS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (parcours_preferences_window_parent_class)->finalize (object);
}

static void
parcours_preferences_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  ParcoursPreferencesWindow *self = PARCOURS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_preferences_window_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  ParcoursPreferencesWindow *self = PARCOURS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_preferences_window_class_init (ParcoursPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = parcours_preferences_window_constructed;
  object_class->finalize = parcours_preferences_window_finalize;
  object_class->set_property = parcours_preferences_window_set_property;
  object_class->get_property = parcours_preferences_window_get_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _parcours_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parcours/Parcours/parcours-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParcoursPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPreferencesWindow, autosave_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPreferencesWindow, page_size_row);
}

static void
parcours_preferences_window_init (ParcoursPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * parcours_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings, which it edits
 */
ParcoursPreferencesWindow *
parcours_preferences_window_new (GtkWindow *parent,
                                 GSettings *settings)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PARCOURS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
