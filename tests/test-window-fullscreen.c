/* test-window-fullscreen.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <locale.h>

#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Presenting is real full screen: under a window manager (JWM, on an
 * Xvfb of this test's own, so that no other test shares it), F5 makes
 * the window fill the screen, as the window manager says through the
 * GdkToplevel state, and Escape puts it back exactly as it was: its
 * size when it was a window, maximised when it was maximised, full
 * screen when it was already. Skipped without Xvfb, JWM or xdotool. */

#define SCREEN_WIDTH 1280
#define SCREEN_HEIGHT 800

static GtkApplication *application;
static GSubprocess *xvfb;
static GSubprocess *window_manager;
static char *state_dir;
static gboolean have_display;

typedef struct
{
  ParcoursWindow *window;
} Fixture;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no Xvfb, jwm or xdotool"); return; } } G_STMT_END

/* A test that fails aborts: its X server and window manager go too. */
static void
end_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* An Xvfb on a free display, told by -displayfd; then DISPLAY is it. */
static gboolean
start_xvfb (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autofree char *xvfb_path = g_find_program_in_path ("Xvfb");
  char screen[32];
  char number[16] = { 0 };
  char display[24];
  gsize length = 0;
  int fds[2];

  if (xvfb_path == NULL || !g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    return FALSE;

  g_snprintf (screen, sizeof screen, "%dx%dx24", SCREEN_WIDTH, SCREEN_HEIGHT);
  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  xvfb = g_subprocess_launcher_spawn (launcher, &error, xvfb_path, "-displayfd", "3", "-screen", "0", screen,
                                      "-nolisten", "tcp", NULL);
  if (xvfb == NULL)
    {
      close (fds[0]);
      return FALSE;
    }

  /* The display's number and a newline, once it takes connections */
  while (length < sizeof number - 1)
    {
      gssize n = read (fds[0], number + length, 1);

      if (n <= 0 || number[length] == '\n')
        break;
      length++;
    }
  close (fds[0]);
  number[length] = '\0';
  if (length == 0)
    return FALSE;

  g_snprintf (display, sizeof display, ":%s", number);
  g_setenv ("DISPLAY", display, TRUE);
  return TRUE;
}

/* JWM on it, small and without dependencies that bring fonts (which
 * would change what other tests find drawable), ready when the startup
 * command of its configuration has run. */
static gboolean
start_window_manager (void)
{
  g_autofree char *jwm = g_find_program_in_path ("jwm");
  g_autofree char *ready = g_build_filename (state_dir, "wm-ready", NULL);
  g_autofree char *config = g_build_filename (state_dir, "jwmrc", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;

  if (jwm == NULL)
    return FALSE;

  /* No tray or menus: the whole screen is the windows' */
  contents = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                              "<JWM><StartupCommand>touch '%s'</StartupCommand></JWM>\n", ready);
  g_file_set_contents (config, contents, -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
  window_manager = g_subprocess_launcher_spawn (launcher, &error, jwm, "-f", config, NULL);
  if (window_manager == NULL)
    return FALSE;

  for (guint i = 0; i < 200 && !g_file_test (ready, G_FILE_TEST_EXISTS); i++)
    g_usleep (50 * 1000);

  return g_file_test (ready, G_FILE_TEST_EXISTS);
}

static void
stop (GSubprocess **process)
{
  if (*process == NULL)
    return;

  g_subprocess_send_signal (*process, SIGTERM);
  g_subprocess_wait (*process, NULL, NULL);
  g_clear_object (process);
}

static GdkToplevelState
state_of (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return surface != NULL ? gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) : 0;
}

typedef gboolean (*Condition) (Fixture *fixture);

static gboolean
wait_until (Fixture   *fixture,
            Condition  condition,
            guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      parcours_test_wait_ms (20);
    }
  /* A few more frames for the size to settle */
  parcours_test_wait_ms (200);
  return TRUE;
}

static gboolean
fills_screen (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return (state_of (fixture) & GDK_TOPLEVEL_STATE_FULLSCREEN) != 0 &&
         gdk_surface_get_width (surface) == SCREEN_WIDTH &&
         gdk_surface_get_height (surface) == SCREEN_HEIGHT;
}

static gboolean
not_fullscreen (Fixture *fixture)
{
  return (state_of (fixture) & GDK_TOPLEVEL_STATE_FULLSCREEN) == 0 &&
         !_parcours_window_is_restoring (fixture->window);
}

static gboolean
maximized (Fixture *fixture)
{
  return (state_of (fixture) & GDK_TOPLEVEL_STATE_MAXIMIZED) != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;

  if (!have_display)
    return;

  document = parcours_test_make_grocery_map ();
  fixture->window = parcours_test_ui_open_window (application, document, 900, 600);
  parcours_test_wait_ms (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
}

static void
present_and_leave (Fixture    *fixture,
                   const char *name)
{
  g_autofree char *shot = g_strdup_printf ("fullscreen-%s-presenting", name);

  parcours_test_ui_key ("F5");
  if (!wait_until (fixture, fills_screen, 5000))
    {
      parcours_test_ui_screenshot ("fullscreen-failed");
      g_error ("not full screen: state %x, %d × %d, surface %d × %d", state_of (fixture),
               gtk_widget_get_width (GTK_WIDGET (fixture->window)), gtk_widget_get_height (GTK_WIDGET (fixture->window)),
               gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (fixture->window))),
               gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (fixture->window))));
    }
  g_assert_true (parcours_presentation_get_active (parcours_canvas_get_presentation (fixture->window->canvas)));
  g_assert_true (wait_until (fixture, fills_screen, 5000));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));
  parcours_test_ui_screenshot ("%s", shot);

  parcours_test_ui_key ("Escape");
  g_assert_false (parcours_presentation_get_active (parcours_canvas_get_presentation (fixture->window->canvas)));
}

/* A window of its own size comes back to that size, not maximised. */
static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  int width, height;

  REQUIRE_DISPLAY ();

  g_assert_false (maximized (fixture));
  width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  g_assert_cmpint (width, <, SCREEN_WIDTH);
  g_assert_cmpint (height, <, SCREEN_HEIGHT);

  present_and_leave (fixture, "window");
  g_assert_true (wait_until (fixture, not_fullscreen, 5000));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));
  g_assert_false (maximized (fixture));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), ==, height);
  g_assert_true (gtk_widget_get_visible (fixture->window->header_bar));
  parcours_test_ui_screenshot ("fullscreen-window-restored");
}

/* A maximised window comes back maximised. */
static void
test_maximized (Fixture       *fixture,
                gconstpointer  data)
{
  int own_width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  int own_height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  int width, height;

  REQUIRE_DISPLAY ();

  gtk_window_maximize (GTK_WINDOW (fixture->window));
  g_assert_true (wait_until (fixture, maximized, 5000));
  width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window));

  present_and_leave (fixture, "maximized");
  g_assert_true (wait_until (fixture, not_fullscreen, 5000));
  g_assert_true (maximized (fixture));
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (fixture->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), ==, height);
  parcours_test_ui_screenshot ("fullscreen-maximized-restored");

  /* And its own size is still there under it */
  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  g_assert_true (wait_until (fixture, not_fullscreen, 5000));
  parcours_test_wait_ms (300);
  g_assert_false (maximized (fixture));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, own_width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), ==, own_height);
}

/* Full screen before presenting stays full screen after. */
static void
test_already_fullscreen (Fixture       *fixture,
                         gconstpointer  data)
{
  REQUIRE_DISPLAY ();

  gtk_window_fullscreen (GTK_WINDOW (fixture->window));
  g_assert_true (wait_until (fixture, fills_screen, 5000));

  present_and_leave (fixture, "already");
  parcours_test_wait_ms (500);
  g_assert_true (fills_screen (fixture));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));
  g_assert_true (gtk_widget_get_visible (fixture->window->header_bar));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  int status;

  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  state_dir = g_dir_make_tmp ("parcours-fullscreen-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  have_display = xdotool != NULL && start_xvfb () && start_window_manager () && parcours_test_ui_init ();
  if (have_display)
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-fullscreen/window", test_window);
  ADD ("/window-fullscreen/maximized", test_maximized);
  ADD ("/window-fullscreen/already-fullscreen", test_already_fullscreen);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  stop (&window_manager);
  stop (&xvfb);
  parcours_test_remove_dir (state_dir);
  g_free (state_dir);
  return status;
}
