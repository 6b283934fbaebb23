/* test-startup.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-application.h"
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Drafts of this test only, before GLib reads the variable */
  state_dir = g_dir_make_tmp ("parcours-startup-state-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

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
  g_test_add_func ("/startup/shortcuts-window/built-when-asked", test_shortcuts_window_built_when_asked);

  status = g_test_run ();
  parcours_test_remove_dir (state_dir);
  return status;
}
