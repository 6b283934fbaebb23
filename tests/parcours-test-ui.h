/* parcours-test-ui.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-canvas.h"
#include "parcours-window.h"

G_BEGIN_DECLS

/* The UI-test harness: real windows of the real application under a
 * display (Xvfb in `build-aux/dev test`), driven as a hand would with
 * xdotool, and what they saved read back. Every call that drives the X
 * server fails the test when xdotool fails, then lets the main loop run
 * so that the window has handled it. */

/* Starting --------------------------------------------------------------- */

/* After g_test_init (): the cairo renderer without GL, the test AT
 * context, GTK and libadwaita on the display. init_display is enough for
 * windows the test drives through their actions (X11 or Wayland); init
 * adds the X11 backend and xdotool, for tests that type and click.
 * Both return (and parcours_test_ui_available () tells) whether the
 * tests can run; each test skips otherwise. */
gboolean        parcours_test_ui_init_display      (void);
gboolean        parcours_test_ui_init              (void);
gboolean        parcours_test_ui_available         (void);

#define PARCOURS_TEST_UI_REQUIRE() \
  G_STMT_START { \
    if (!parcours_test_ui_available ()) \
      { \
        g_test_skip ("no display or xdotool"); \
        return; \
      } \
  } G_STMT_END

/* The real application, for its actions and shortcuts: registered, and
 * not unique, so that test programs may run side by side. */
GtkApplication *parcours_test_ui_new_application   (GApplicationFlags  flags);
/* Before anything reads it: $XDG_STATE_HOME (drafts) in a new folder of
 * the test's own, returned for parcours_test_remove_dir () at the end. */
char           *parcours_test_ui_private_state     (const char        *name);

/* Driving with xdotool --------------------------------------------------- */

void            parcours_test_ui_xdotool           (const char        *first,
                                                    ...) G_GNUC_NULL_TERMINATED;
void            parcours_test_ui_key               (const char        *keys);
void            parcours_test_ui_type              (const char        *text);
/* The pointer to (@x, @y) of @widget, in whatever surface it is shown
 * (a popover has its own), or to its middle. */
void            parcours_test_ui_pointer_to        (GtkWidget         *widget,
                                                    double             x,
                                                    double             y);
void            parcours_test_ui_pointer_to_middle (GtkWidget         *widget);
void            parcours_test_ui_click_widget      (GtkWidget         *widget);
/* Clicks the mapped label @text under @root (a menu item, a button),
 * waiting up to two seconds for it to show. */
void            parcours_test_ui_click_label       (GtkWidget         *root,
                                                    const char        *text);
/* Gives @window the keyboard, as a click on it would. */
void            parcours_test_ui_focus_window      (GtkWindow         *window);
/* The whole screen to @format.png in the test's folder, for a person to
 * look at: never a pass or fail. */
void            parcours_test_ui_screenshot        (const char        *format,
                                                    ...) G_GNUC_PRINTF (1, 2);

/* The map on the canvas, in layout coordinates */
void            parcours_test_ui_pointer_to_map    (ParcoursCanvas    *canvas,
                                                    double             x,
                                                    double             y);
/* A drag as a hand makes it: press, eight moves, release; @shot, if
 * not NULL, names a screenshot taken before the release. */
void            parcours_test_ui_drag_on_map       (ParcoursCanvas    *canvas,
                                                    double             x0,
                                                    double             y0,
                                                    double             x1,
                                                    double             y1,
                                                    const char        *shot);
/* The card's rectangle, or the point's position (an empty rectangle),
 * of the element @id in the canvas's layout. */
ParcoursRect    parcours_test_ui_rect_of           (ParcoursWindow    *window,
                                                    const char        *id);

/* Widgets ---------------------------------------------------------------- */

GtkWidget      *parcours_test_ui_find_label        (GtkWidget         *root,
                                                    const char        *text);
/* The mapped button labelled @label, mnemonic included */
GtkWidget      *parcours_test_ui_find_button       (GtkWidget         *root,
                                                    const char        *label);
/* Whether a button for @action would be sensitive under @widget. */
gboolean        parcours_test_ui_action_enabled    (GtkWidget         *widget,
                                                    const char        *action);
/* Runs the main loop until @condition holds or @timeout_ms pass;
 * returns whether it holds. */
gboolean        parcours_test_ui_wait_until        (gboolean         (*condition) (gpointer data),
                                                    gpointer           data,
                                                    guint              timeout_ms);

/* Windows ---------------------------------------------------------------- */

/* A new window of @application (none when NULL) at @width × @height
 * (the default size when 0), shown; the caller owns it. */
ParcoursWindow *parcours_test_ui_new_window        (GtkApplication    *application,
                                                    int                width,
                                                    int                height);
/* A new window of @application at @width × @height showing @document,
 * shown and with the keyboard; the caller owns it. */
ParcoursWindow *parcours_test_ui_open_window       (GtkApplication    *application,
                                                    ParcoursDocument  *document,
                                                    int                width,
                                                    int                height);
/* Closes *@window without asking, saved or not, and clears it. */
void            parcours_test_ui_close_window      (ParcoursWindow   **window);
/* Loads @file into @window as Open does, waiting for the result. */
gboolean        parcours_test_load_into_window     (ParcoursWindow    *window,
                                                    GFile             *file,
                                                    GError           **error);
/* Saves @document to @name in @dir; returns the file. */
GFile          *parcours_test_save_map             (ParcoursDocument  *document,
                                                    const char        *dir,
                                                    const char        *name);
/* Whether @window is still open (not closed or destroyed). */
gboolean        parcours_test_window_is_open       (GtkWindow         *window);
/* The application's settings, every key back at its default (the
 * memory backend keeps what an earlier test set); not a new reference. */
GSettings      *parcours_test_ui_reset_settings    (void);

/* The fixture of window tests: a new folder, and a window (not shown
 * yet) when there is a display. */
typedef struct
{
  char           *dir;
  ParcoursWindow *window;
} ParcoursTestWindow;

#define PARCOURS_TEST_WINDOW_ADD(path, func) \
  g_test_add ((path), ParcoursTestWindow, NULL, parcours_test_window_set_up, (func), \
              parcours_test_window_tear_down)

void            parcours_test_window_set_up        (ParcoursTestWindow *fixture,
                                                    gconstpointer       data);
void            parcours_test_window_tear_down     (ParcoursTestWindow *fixture,
                                                    gconstpointer       data);
/* A map of one stage and one lane titled @title, saved to @name in @dir */
GFile          *parcours_test_write_small_map      (const char        *dir,
                                                    const char        *name,
                                                    const char        *title);

/* A map saved to a file of a new folder and open in a window with the
 * whole width for the canvas, which has the keyboard. */
typedef struct
{
  char           *dir;
  char           *path;
  GFile          *file;
  char           *original;      /* the file's text as first saved */
  ParcoursWindow *window;
  ParcoursCanvas *canvas;
} ParcoursTestMapWindow;

void            parcours_test_ui_open_map          (ParcoursTestMapWindow *map,
                                                    GtkApplication        *application,
                                                    ParcoursDocument      *document,
                                                    const char            *name);
void            parcours_test_ui_close_map         (ParcoursTestMapWindow *map);
/* Ctrl+S, waits for the save, and reads the file back with the loader. */
ParcoursDocument *parcours_test_ui_save_and_load   (ParcoursTestMapWindow *map);
/* Saves again: the file is the one the map came from, byte for byte. */
void            parcours_test_ui_assert_unchanged  (ParcoursTestMapWindow *map);

/* Dialogs ---------------------------------------------------------------- */

/* The message dialog shown over @window, or over any window when NULL. */
AdwMessageDialog *parcours_test_find_message_dialog (GtkWindow       *window);
/* The same, once it shows (at most five seconds). */
AdwMessageDialog *parcours_test_ui_wait_for_dialog (GtkWindow         *window);
/* Answers @dialog with its button @label, clicked. */
void            parcours_test_ui_answer            (AdwMessageDialog  *dialog,
                                                    const char        *label);
/* The titles of the rows of @dialog's extra list, joined by " | " */
char           *parcours_test_dup_dialog_list      (AdwMessageDialog  *dialog);

/* The app in a process of its own ------------------------------------------ */

/* Starts the `parcours` binary ($PARCOURS_BIN) with @args (NULL-terminated,
 * without argv[0]), its output to @log_path; it is killed if the test
 * dies. Waits for its window, lets it draw, and gives it the keyboard. */
GPid            parcours_test_ui_spawn_app         (const char * const *args,
                                                    const char         *log_path);
/* SIGKILL, as a crash would, and reaps it. */
void            parcours_test_ui_kill_app          (GPid               pid);

G_END_DECLS
