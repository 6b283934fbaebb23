/* test-startup.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-painter.h"
#include "parcours-svg-writer.h"
#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* What a window leaves for later so that its first frame comes sooner,
 * and that it is still there when asked for. How long a start takes is
 * measured by bench/startup.sh, not here. */

static GtkApplication *application;
static gboolean have_display;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static ParcoursWindow *
new_window (void)
{
  ParcoursWindow *window = g_object_ref_sink (parcours_window_new (PARCOURS_APPLICATION (application)));

  gtk_window_present (GTK_WINDOW (window));
  parcours_test_wait_ms (50);

  return window;
}

static void
destroy_window (ParcoursWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  parcours_test_wait_ms (50);
  g_object_unref (window);
}

/* The keyboard shortcuts window is built the first time it is asked
 * for, once per window, and Ctrl+? shows it. */
static void
test_shortcuts_window_built_when_asked (void)
{
  g_auto(GStrv) accels = NULL;
  ParcoursWindow *window;
  GtkShortcutsWindow *overlay;

  REQUIRE_DISPLAY ();

  /* GTK 4.8's shortcuts window measures a label of its own below zero
   * ("reported min width -3"): its warnings are not this test's. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  window = new_window ();
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  accels = gtk_application_get_accels_for_action (application, "win.show-help-overlay");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  parcours_test_wait_ms (50);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closed, it hides; asked again, the same window shows. */
  gtk_window_close (GTK_WINDOW (overlay));
  parcours_test_wait_ms (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  parcours_test_wait_ms (50);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  destroy_window (window);
}

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Startup map");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("do", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  parcours_test_add (document, parcours_card_new ("c1", "do", "s1", "Searches the web"));

  return document;
}

/* A window without a map that starts reading one leaves its start page
 * at once, for a blank page (a spinner only after a moment), and the
 * map replaces that page without a fade. */
static void
test_open_shows_map_without_fade (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autofree char *dir = g_dir_make_tmp ("parcours-startup-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  ParcoursWindow *window;
  gint64 start;

  REQUIRE_DISPLAY ();

  file = parcours_test_save_map (document, dir, "startup.parcours");
  window = new_window ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");

  parcours_window_open_file (window, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");
  g_assert_false (gtk_spinner_get_spinning (window->spinner));
  g_assert_false (parcours_window_get_is_empty (window));

  start = g_get_monotonic_time ();
  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), "map") != 0 &&
         g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  g_assert_false (gtk_stack_get_transition_running (window->stack));
  g_assert_true (g_file_equal (parcours_window_get_file (window), file));

  destroy_window (window);
  parcours_test_remove_dir (dir);
}

/* Waits up to five seconds for the window to show @page. */
static void
wait_for_page (ParcoursWindow *window,
               const char     *page)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), page) != 0 &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, page);
}

/* A window that opens @file as it is built, as the application does for
 * `parcours FILE`, once it shows @page. */
static ParcoursWindow *
start_on_file (GFile      *file,
               const char *page)
{
  ParcoursWindow *window = g_object_ref_sink (parcours_window_new (PARCOURS_APPLICATION (application)));

  parcours_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_page (window, page);

  return window;
}

/* A window that opens a file as it starts, as `parcours FILE` does,
 * never shows its start page: it reads neither the drafts nor the
 * desktop's recent files for it, and the file goes into the recent
 * files once the map has shown. A start page shown after all, when the
 * file cannot be read, lists them as ever. */
static void
test_open_at_start_skips_start_page (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autofree char *dir = g_dir_make_tmp ("parcours-startup-XXXXXX", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *missing_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  AdwMessageDialog *dialog;
  GtkRecentInfo *info;
  ParcoursWindow *window;
  gint64 end;

  REQUIRE_DISPLAY ();

  file = parcours_test_save_map (document, dir, "at-start.parcours");
  uri = g_file_get_uri (file);
  window = start_on_file (file, "map");
  g_assert_false (window->follows_recent);

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL)) == NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (info);
  gtk_recent_info_unref (info);
  destroy_window (window);

  missing_path = g_build_filename (dir, "missing.parcours", NULL);
  missing = g_file_new_for_path (missing_path);
  window = start_on_file (missing, "empty");
  g_assert_true (window->follows_recent);
  g_assert_true (gtk_widget_get_visible (window->recent_group));
  dialog = parcours_test_ui_wait_for_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “missing.parcours”");
  gtk_window_destroy (GTK_WINDOW (dialog));

  destroy_window (window);
  parcours_test_remove_dir (dir);
}

/* A map read from a file is laid out and painted in the thread that
 * read it: the canvas takes that layout instead of making its own on
 * the main thread, and it paints exactly what a layout made there
 * paints. */
static void
test_map_laid_out_while_read (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_canvas_map ();
  g_autofree char *dir = g_dir_make_tmp ("parcours-startup-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursLayout) here = NULL;
  g_autoptr(ParcoursDisplayList) painted_here = NULL;
  g_autoptr(GBytes) svg_read = NULL;
  g_autoptr(GBytes) svg_here = NULL;
  g_autoptr(GBytes) svg_edited = NULL;
  g_auto(GValue) text = G_VALUE_INIT;
  ParcoursLayout *layout;
  ParcoursWindow *window;

  REQUIRE_DISPLAY ();

  file = parcours_test_save_map (document, dir, "laid-out.parcours");
  window = new_window ();
  /* A window without a map makes no layout of its own at all */
  g_assert_null (parcours_canvas_get_layout (window->canvas));

  g_assert_true (parcours_test_load_into_window (window, file, &error));
  g_assert_no_error (error);
  layout = parcours_canvas_get_layout (window->canvas);
  g_assert_nonnull (layout);
  g_assert_true (parcours_layout_get_document (layout) == parcours_window_get_document (window));
  g_assert_cmpint (parcours_layout_get_style (layout)->theme, ==, parcours_canvas_get_default_theme ());

  here = parcours_layout_new (parcours_layout_get_style (layout));
  parcours_layout_update (here, parcours_window_get_document (window));
  painted_here = parcours_painter_paint_by_element (here);
  svg_read = parcours_svg_write (window->canvas->list, "Map", FALSE);
  svg_here = parcours_svg_write (painted_here, "Map", FALSE);
  g_assert_cmpuint (g_bytes_get_size (svg_read), >, 1000);
  g_assert_true (g_bytes_equal (svg_read, svg_here));

  /* It goes on as the canvas's own: an edit lays the map out again */
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "Edited after the start");
  parcours_history_set_value (parcours_window_get_history (window),
                              parcours_test_card_at (parcours_window_get_document (window), 0),
                              "text", &text, NULL);
  g_assert_true (parcours_canvas_get_layout (window->canvas) == layout);
  svg_edited = parcours_svg_write (window->canvas->list, "Map", FALSE);
  g_assert_false (g_bytes_equal (svg_edited, svg_read));

  destroy_window (window);
  parcours_test_remove_dir (dir);
}

/* The side panel's pages that a start does not show are built when they
 * first show: the inspector's pages but the map's, and the personas
 * page. Built, they edit and read out as before. */
static void
test_side_pages_built_when_shown (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autoptr(ParcoursDocument) other = make_map ();
  ParcoursWindow *window;
  GtkStack *pages;
  GtkWidget *text, *key_moment, *list;
  ParcoursCard *card;

  REQUIRE_DISPLAY ();

  parcours_test_add (document, parcours_persona_new ("p1", "Nadia"));
  parcours_test_add (other, parcours_persona_new ("p1", "Nadia"));
  parcours_test_add (other, parcours_persona_new ("p2", "Omar"));
  window = new_window ();
  adw_flap_set_reveal_flap (window->flap, TRUE);
  parcours_window_show_new_map (window, document);
  parcours_test_wait_ms (50);

  pages = GTK_STACK (adw_bin_get_child (ADW_BIN (window->inspector)));
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "map"));
  g_assert_null (gtk_stack_get_child_by_name (pages, "card"));
  g_assert_null (gtk_stack_get_child_by_name (pages, "stage"));
  g_assert_null (window->personas);

  /* A card selected: its page is built, shows the card and edits it */
  card = parcours_test_card_at (parcours_window_get_document (window), 0);
  parcours_selection_select (parcours_canvas_get_selection (window->canvas), PARCOURS_ELEMENT (card),
                             PARCOURS_SELECT_REPLACE);
  parcours_test_wait_ms (50);
  g_assert_cmpstr (parcours_inspector_get_page (window->inspector), ==, "card");
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "card"));
  g_assert_null (gtk_stack_get_child_by_name (pages, "stage"));
  text = parcours_inspector_get_field (window->inspector, "card", "text");
  g_assert_true (gtk_widget_is_drawable (text));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Searches the web");
  gtk_editable_set_text (GTK_EDITABLE (text), "Compares prices");
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Compares prices");
  key_moment = parcours_inspector_get_field (window->inspector, "card", "key-moment");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (key_moment), GTK_ACCESSIBLE_ROLE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (key_moment), TRUE);
  g_assert_true (parcours_card_get_key_moment (card));

  /* A field asked for builds its page, not shown yet */
  g_assert_true (GTK_IS_SPIN_BUTTON (parcours_inspector_get_field (window->inspector, "stage", "width")));
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "stage"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "card");

  /* The personas page, shown: built with the map's personas */
  adw_view_stack_set_visible_child_name (window->side_stack, "personas");
  g_assert_nonnull (window->personas);
  parcours_test_wait_ms (50);
  list = parcours_personas_get_field (window->personas, "list");
  g_assert_true (gtk_widget_is_drawable (list));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Personas");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

  /* …and it follows the next map */
  parcours_window_show_new_map (window, other);
  parcours_test_wait_ms (50);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

  destroy_window (window);
}

/* A map shown without a layout ready, as a new map is, gets one made
 * on the main thread at once, in the desktop's theme, and a theme
 * change makes it again. */
static void
test_new_map_laid_out_at_once (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  ParcoursWindow *window;
  ParcoursLayout *layout;

  REQUIRE_DISPLAY ();

  window = new_window ();
  g_assert_null (parcours_canvas_get_layout (window->canvas));
  parcours_window_show_new_map (window, document);
  layout = window->canvas->layout;
  g_assert_nonnull (layout);
  g_assert_true (parcours_layout_get_document (layout) == parcours_window_get_document (window));
  g_assert_cmpuint (parcours_layout_get_n_cards (layout), ==, 1);
  g_assert_cmpint (parcours_layout_get_style (layout)->theme, ==, parcours_canvas_get_default_theme ());
  g_assert_nonnull (window->canvas->list);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  layout = parcours_canvas_get_layout (window->canvas);
  g_assert_cmpint (parcours_layout_get_style (layout)->theme, ==, PARCOURS_THEME_DARK);
  g_assert_cmpuint (parcours_layout_get_n_cards (layout), ==, 1);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  destroy_window (window);
}

static gboolean
popover_mapped (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((popover = gtk_menu_button_get_popover (button)) != NULL &&
         !gtk_widget_get_mapped (GTK_WIDGET (popover)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The main menu and the timer's are built the first time they open,
 * not with the window; the buttons work all the same, and the main
 * menu holds its items and the zoom row. */
static void
test_menus_built_when_opened (void)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  ParcoursWindow *window;
  GtkPopover *popover;
  GtkWidget *zoom_in;

  REQUIRE_DISPLAY ();

  window = new_window ();
  parcours_window_show_new_map (window, document);
  parcours_test_wait_ms (50);
  g_assert_null (gtk_menu_button_get_popover (window->primary_menu_button));
  g_assert_null (gtk_menu_button_get_popover (window->timer_button));
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_first_child (GTK_WIDGET (window->primary_menu_button))));

  /* (as F10 and a click open it) */
  gtk_menu_button_popup (window->primary_menu_button);
  g_assert_true (popover_mapped (window->primary_menu_button));
  popover = gtk_menu_button_get_popover (window->primary_menu_button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_nonnull (parcours_test_ui_find_label (GTK_WIDGET (popover), "Save As…"));
  g_assert_nonnull (parcours_test_ui_find_label (GTK_WIDGET (popover), "Keyboard Shortcuts"));
  g_assert_true (gtk_widget_is_ancestor (window->zoom_box, GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_label_get_label (window->zoom_label), ==, "100 %");
  zoom_in = gtk_widget_get_last_child (window->zoom_box);
  zoom_in = gtk_widget_get_prev_sibling (zoom_in);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (zoom_in)), ==, "win.zoom-in");
  g_signal_emit_by_name (zoom_in, "clicked");
  parcours_test_wait_ms (400);   /* (the zoom is animated) */
  g_assert_cmpstr (gtk_label_get_label (window->zoom_label), !=, "100 %");

  /* Closed and opened again, it is the same menu */
  gtk_menu_button_popdown (window->primary_menu_button);
  parcours_test_wait_ms (50);
  gtk_menu_button_popup (window->primary_menu_button);
  g_assert_true (popover_mapped (window->primary_menu_button));
  g_assert_true (gtk_menu_button_get_popover (window->primary_menu_button) == popover);
  gtk_menu_button_popdown (window->primary_menu_button);

  /* The timer's menu, from its pill */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-start", "i", 5));
  parcours_test_wait_ms (50);
  gtk_menu_button_popup (window->timer_button);
  g_assert_true (popover_mapped (window->timer_button));
  g_assert_nonnull (parcours_test_ui_find_label (GTK_WIDGET (gtk_menu_button_get_popover (window->timer_button)),
                                                 "Add 1 Minute"));
  gtk_menu_button_popdown (window->timer_button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-stop", NULL));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  g_autofree char *data_dir = NULL;
  int status;

  /* Drafts and recent files of this test only (tests run side by side),
   * before GLib reads the variables */
  state_dir = g_dir_make_tmp ("parcours-startup-state-XXXXXX", NULL);
  data_dir = g_dir_make_tmp ("parcours-startup-data-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_assert_nonnull (data_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Nor GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  have_display = g_getenv ("DISPLAY") != NULL && gtk_init_check ();
  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      adw_init ();
      /* The real application, for its actions and shortcuts; not
       * unique, so that tests may run side by side. */
      application = GTK_APPLICATION (parcours_application_new ());
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
      g_application_hold (G_APPLICATION (application));
    }

  g_test_add_func ("/startup/open/map-without-fade", test_open_shows_map_without_fade);
  g_test_add_func ("/startup/open/laid-out-while-read", test_map_laid_out_while_read);
  g_test_add_func ("/startup/open/at-start-skips-start-page", test_open_at_start_skips_start_page);
  g_test_add_func ("/startup/open/new-map-laid-out-at-once", test_new_map_laid_out_at_once);
  g_test_add_func ("/startup/side-pages/built-when-shown", test_side_pages_built_when_shown);
  g_test_add_func ("/startup/menus/built-when-opened", test_menus_built_when_opened);
  g_test_add_func ("/startup/shortcuts-window/built-when-asked", test_shortcuts_window_built_when_asked);

  status = g_test_run ();
  parcours_test_remove_dir (state_dir);
  parcours_test_remove_dir (data_dir);
  return status;
}
