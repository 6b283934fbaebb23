/* parcours-test-ui.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "parcours-test-ui.h"
#include "parcours-test-utils.h"

/* Whether a display and xdotool are there; sets up GTK on them. */
gboolean
parcours_test_ui_init (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Nor GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  /* The test AT context: accessible properties without a bus */
  g_setenv ("GTK_A11Y", "test", TRUE);

  return g_getenv ("DISPLAY") != NULL && xdotool != NULL && gtk_init_check ();
}

void
parcours_test_ui_xdotool (const char *first,
                          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", first, err);
  parcours_test_wait_ms (60);
}

void
parcours_test_ui_key (const char *keys)
{
  parcours_test_ui_xdotool ("key", "--delay", "40", keys, NULL);
  parcours_test_wait_ms (60);
}

void
parcours_test_ui_type (const char *text)
{
  parcours_test_ui_xdotool ("type", "--delay", "30", text, NULL);
  parcours_test_wait_ms (100);
}

/* Clicks the middle of @widget, in whatever surface it is shown. */
void
parcours_test_ui_click_widget (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *window = NULL;
  graphene_point_t point;
  char wx[16], wy[16];
  double sx, sy;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_get_mapped (widget));
  window = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_snprintf (wx, sizeof wx, "%d", (int) (point.x + sx));
  g_snprintf (wy, sizeof wy, "%d", (int) (point.y + sy));
  parcours_test_ui_xdotool ("mousemove", "--window", window, wx, wy, NULL);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_wait_ms (150);
}

/* Gives @window the keyboard, as a click on it would. */
void
parcours_test_ui_focus_window (GtkWindow *window)
{
  GdkSurface *surface;
  g_autofree char *xid = NULL;

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  parcours_test_wait_ms (200);

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  parcours_test_ui_xdotool ("windowfocus", "--sync", xid, NULL);
}

void
parcours_test_ui_screenshot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  const char *argv[] = { "import", "-window", "root", file, NULL };

  /* For a person to look at; not a pass or fail. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

/* The mapped label showing @text under @widget. */
GtkWidget *
parcours_test_ui_find_label (GtkWidget  *widget,
                             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = parcours_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}
