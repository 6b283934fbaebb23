/* test-window-settings.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-draft.h"
#include "parcours-format.h"
#include "parcours-preferences-window.h"
#include "parcours-test-utils.h"
#include "parcours-ui-private.h"

#include "parcours-window-private.h"

/* The preferences and what they act on, the settings a window keeps for
 * the next one (size, side panel, export choices) and the style switch,
 * in real windows of the real application. GSettings is the memory
 * backend of the test environment, reset before each test. */

static GtkApplication *application;
typedef struct
{
  char           *dir;
  GSettings      *settings;
  ParcoursWindow *window;
} Fixture;

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Settings map");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));
  parcours_test_add (document, parcours_emotion_point_new ("p1", "feel", "s1", 0.5, 0.0));

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!parcours_test_ui_available ())
    return;

  fixture->dir = g_dir_make_tmp ("parcours-window-settings-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->settings = parcours_test_ui_reset_settings ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static ParcoursWindow *
new_window_with_map (Fixture *fixture)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autoptr(GFile) file = parcours_test_save_map (document, fixture->dir, "settings.parcours");
  g_autoptr(GError) error = NULL;
  ParcoursWindow *window = parcours_test_ui_new_window (application, 0, 0);

  g_assert_true (parcours_test_load_into_window (window, file, &error));
  g_assert_no_error (error);

  return window;
}

/* Each row of the preferences edits its key, and follows it. */
static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_preferences_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  ParcoursPreferencesWindow *preferences;
  GtkWidget *snap;
  GtkAdjustment *autosave;
  AdwComboRow *format;
  AdwComboRow *page_size;

  PARCOURS_TEST_UI_REQUIRE ();

  preferences = parcours_preferences_window_new (NULL, fixture->settings);
  gtk_window_present (GTK_WINDOW (preferences));
  parcours_test_wait_ms (100);

  snap = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences), PARCOURS_TYPE_PREFERENCES_WINDOW, "snap_switch"));
  autosave = GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (preferences), PARCOURS_TYPE_PREFERENCES_WINDOW, "autosave_adjustment"));
  format = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences), PARCOURS_TYPE_PREFERENCES_WINDOW, "format_row"));
  page_size = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences), PARCOURS_TYPE_PREFERENCES_WINDOW, "page_size_row"));

  /* The defaults */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (snap)));
  g_assert_cmpfloat (gtk_adjustment_get_value (autosave), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (format), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (format)), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (format)), 2), ==, "PNG image");
  g_assert_cmpuint (adw_combo_row_get_selected (page_size), ==, 0);

  /* Edited in the window, stored in the settings */
  gtk_switch_set_active (GTK_SWITCH (snap), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "snap-emotion-points"));
  gtk_adjustment_set_value (autosave, 7);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "autosave-interval"), ==, 7);
  adw_combo_row_set_selected (format, 1);
  assert_setting (fixture->settings, "export-format", "svg");
  adw_combo_row_set_selected (page_size, 2);
  assert_setting (fixture->settings, "export-page-size", "a3");

  /* Changed elsewhere (an export remembers its choices), shown here */
  g_settings_set_string (fixture->settings, "export-format", "csv");
  g_assert_cmpuint (adw_combo_row_get_selected (format), ==, 4);
  g_settings_set_string (fixture->settings, "export-page-size", "slide");
  g_assert_cmpuint (adw_combo_row_get_selected (page_size), ==, 4);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* app.preferences opens them over the window, Ctrl+comma is its key. */
static void
test_preferences_action (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GStrv) accels = NULL;
  GListModel *toplevels;
  GtkWindow *found = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  fixture->window = new_window_with_map (fixture);
  accels = gtk_application_get_accels_for_action (application, "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  parcours_test_wait_ms (100);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (PARCOURS_IS_PREFERENCES_WINDOW (toplevel))
        found = toplevel;
    }
  g_assert_nonnull (found);
  g_assert_true (gtk_window_get_transient_for (found) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (found);
}

/* The preference reaches the canvas of every window, open or new, and
 * changes what a drag of a point does. */
static void
test_snap_to_levels (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursInteraction *interaction;
  ParcoursLayout *layout;
  const ParcoursPointBox *box;
  ParcoursEmotionPoint *point;
  ParcoursWindow *second;
  double x, y, reach;
  int index;

  PARCOURS_TEST_UI_REQUIRE ();

  fixture->window = new_window_with_map (fixture);
  g_assert_false (parcours_canvas_get_snap_to_levels (fixture->window->canvas));

  g_settings_set_boolean (fixture->settings, "snap-emotion-points", TRUE);
  g_assert_true (parcours_canvas_get_snap_to_levels (fixture->window->canvas));

  second = g_object_ref_sink (parcours_window_new (NULL));
  g_assert_true (parcours_canvas_get_snap_to_levels (second->canvas));
  gtk_window_destroy (GTK_WINDOW (second));
  g_object_unref (second);

  /* A drag of the point two fifths of the way up, without Shift: it
   * lands on the level above. */
  interaction = parcours_canvas_get_interaction (fixture->window->canvas);
  layout = parcours_canvas_get_layout (fixture->window->canvas);
  point = PARCOURS_EMOTION_POINT (parcours_document_lookup (parcours_window_get_document (fixture->window), "p1"));
  index = parcours_layout_find (layout, PARCOURS_ELEMENT (point));
  g_assert_cmpint (index, >=, 0);
  box = parcours_layout_get_point (layout, index);
  x = box->x, y = box->y;
  reach = parcours_layout_get_lane (layout, box->lane_index)->value_reach;

  parcours_interaction_press (interaction, x, y, 1, 0);
  parcours_interaction_motion (interaction, x, y - reach * 0.2, 0);
  parcours_interaction_motion (interaction, x, y - reach * 0.4, 0);
  parcours_interaction_release (interaction, x, y - reach * 0.4, 0);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 0.5, 1e-9);

  /* With Shift, where it is let go */
  _parcours_canvas_ensure_layout (fixture->window->canvas);
  box = parcours_layout_get_point (layout, parcours_layout_find (layout, PARCOURS_ELEMENT (point)));
  x = box->x, y = box->y;
  parcours_interaction_press (interaction, x, y, 1, PARCOURS_MODIFIER_SHIFT);
  parcours_interaction_motion (interaction, x, y + reach * 0.2, PARCOURS_MODIFIER_SHIFT);
  parcours_interaction_motion (interaction, x, y + reach * 0.35, PARCOURS_MODIFIER_SHIFT);
  parcours_interaction_release (interaction, x, y + reach * 0.35, PARCOURS_MODIFIER_SHIFT);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (point), 0.15, 0.02);

  /* Off again: without Shift, in between */
  g_settings_set_boolean (fixture->settings, "snap-emotion-points", FALSE);
  g_assert_false (parcours_canvas_get_snap_to_levels (fixture->window->canvas));
}

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *folder = parcours_draft_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".draft"))
      n++;

  return n;
}

/* The autosave timer waits as long as the preference says. */
static void
test_autosave_interval (Fixture       *fixture,
                        gconstpointer  data)
{
  ParcoursHistory *history;
  ParcoursDocument *document;
  gint64 start;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_cmpuint (count_drafts (), ==, 0);
  g_settings_set_uint (fixture->settings, "autosave-interval", 60);
  fixture->window = new_window_with_map (fixture);
  history = parcours_window_get_history (fixture->window);
  document = parcours_window_get_document (fixture->window);

  /* Later than the default two seconds: nothing yet */
  parcours_history_set (history, document, NULL, "title", "Edited once", NULL);
  parcours_test_wait_ms (3000);
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* Back to the saved state, then a change with one second */
  parcours_history_undo (history);
  g_settings_set_uint (fixture->settings, "autosave-interval", 1);
  parcours_history_set (history, document, NULL, "title", "Edited twice", NULL);
  start = g_get_monotonic_time ();
  while (count_drafts () == 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    parcours_test_wait_ms (50);
  g_assert_cmpuint (count_drafts (), ==, 1);
  /* It waited for the second, not for the default two */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);

  /* Undone to the saved state, the draft goes */
  parcours_history_undo (history);
  g_assert_cmpuint (count_drafts (), ==, 0);
}

/* The side panel opens as it was last shown or hidden by hand. */
static void
test_side_panel (Fixture       *fixture,
                 gconstpointer  data)
{
  ParcoursWindow *second;

  PARCOURS_TEST_UI_REQUIRE ();

  fixture->window = new_window_with_map (fixture);
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->flap));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-side-panel", NULL));
  g_assert_false (adw_flap_get_reveal_flap (fixture->window->flap));
  g_assert_false (g_settings_get_boolean (fixture->settings, "side-panel-visible"));

  second = g_object_ref_sink (parcours_window_new (NULL));
  g_assert_false (adw_flap_get_reveal_flap (second->flap));
  gtk_widget_activate_action (GTK_WIDGET (second), "win.toggle-side-panel", NULL);
  g_assert_true (g_settings_get_boolean (fixture->settings, "side-panel-visible"));
  gtk_window_destroy (GTK_WINDOW (second));
  g_object_unref (second);

  /* Another window's panel is its own */
  g_assert_false (adw_flap_get_reveal_flap (fixture->window->flap));
}

/* The style switch of the menu: the system's, light or dark, kept. */
static void
test_style_switch (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GVariant) state = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  g_action_group_activate_action (G_ACTION_GROUP (application), "style-variant", g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  assert_setting (fixture->settings, "style-variant", "dark");
  state = g_action_group_get_action_state (G_ACTION_GROUP (application), "style-variant");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "dark");

  g_action_group_activate_action (G_ACTION_GROUP (application), "style-variant", g_variant_new_string ("light"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));

  g_action_group_activate_action (G_ACTION_GROUP (application), "style-variant", g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* A new window has the size and maximised state the last one closed
 * had. */
static void
test_window_size (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *window;
  int width, height;

  PARCOURS_TEST_UI_REQUIRE ();

  g_settings_set_int (fixture->settings, "window-width", 812);
  g_settings_set_int (fixture->settings, "window-height", 577);
  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (application);
  g_assert_true (PARCOURS_IS_WINDOW (window));
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 577);
  g_assert_false (gtk_window_is_maximized (window));

  gtk_window_set_default_size (window, 930, 640);
  parcours_test_wait_ms (100);
  gtk_window_close (window);
  parcours_test_wait_ms (100);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 930);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 640);

  g_settings_set_boolean (fixture->settings, "window-maximized", TRUE);
  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (application);
  g_assert_true (gtk_window_is_maximized (window) ||
                 g_settings_get_boolean (fixture->settings, "window-maximized"));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Drafts of this test only, before GLib reads the variable */
  state_dir = parcours_test_ui_private_state ("window-settings");
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (parcours_test_ui_init_display ())
    {
      application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);
      /* The tests close every window; the application stays. */
      g_application_hold (G_APPLICATION (application));
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-settings/preferences/rows", test_preferences_rows);
  ADD ("/window-settings/preferences/action", test_preferences_action);
  ADD ("/window-settings/snap-to-levels", test_snap_to_levels);
  ADD ("/window-settings/autosave-interval", test_autosave_interval);
  ADD ("/window-settings/side-panel", test_side_panel);
  ADD ("/window-settings/style-switch", test_style_switch);
  ADD ("/window-settings/window-size", test_window_size);
#undef ADD

  status = g_test_run ();
  parcours_test_remove_dir (state_dir);
  return status;
}
