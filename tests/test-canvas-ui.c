/* test-canvas-ui.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-clipboard.h"
#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The canvas in a real window, driven as a person would: xdotool moves
 * the pointer, presses buttons and types into the X server (Xvfb in
 * `build-aux/dev test`), and every result is checked in the file the
 * window saves with Ctrl+S, read back with the loader. Screenshots of
 * the moments worth looking at go to the test's folder. */

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
  ParcoursWindow *window;
  ParcoursCanvas *canvas;
  char *original;
} Fixture;

static GtkApplication *application;
static gboolean have_display;

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

/* Lets GTK handle what the X server sent, and draw. */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static void
xdotool (const char *first,
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
  wait_ms (60);
}

static void
screenshot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("canvas-ui-%s.png", name);
  const char *argv[] = { "import", "-window", "root", file, NULL };

  /* For a person to look at; not a pass or fail. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

static char *
xid (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

/* Where the layout point (x, y) is in the X window, for xdotool. */
static void
to_window (Fixture *fixture,
           double   x,
           double   y,
           char    *wx,
           char    *wy)
{
  graphene_point_t point;
  double sx, sy;

  parcours_canvas_layout_to_widget (fixture->canvas, x, y, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  g_snprintf (wx, 16, "%d", (int) (point.x + sx));
  g_snprintf (wy, 16, "%d", (int) (point.y + sy));
}

static void
pointer_to (Fixture *fixture,
            double   x,
            double   y)
{
  g_autofree char *window = xid (fixture);
  char wx[16], wy[16];

  to_window (fixture, x, y, wx, wy);
  xdotool ("mousemove", "--window", window, wx, wy, NULL);
}

static ParcoursRect
rect_of (Fixture    *fixture,
         const char *id)
{
  ParcoursLayout *layout = parcours_canvas_get_layout (fixture->canvas);
  ParcoursElement *element = parcours_document_lookup (parcours_window_get_document (fixture->window), id);
  int index = parcours_layout_find (layout, element);

  g_assert_cmpint (index, >=, 0);
  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      const ParcoursPointBox *box = parcours_layout_get_point (layout, index);
      return (ParcoursRect) { box->x, box->y, 0, 0 };
    }
  return parcours_layout_get_card (layout, index)->rect;
}

/* A drag as a hand makes it: press, several moves, release. */
static void
drag (Fixture    *fixture,
      double      x0,
      double      y0,
      double      x1,
      double      y1,
      const char *shot)
{
  pointer_to (fixture, x0, y0);
  xdotool ("mousedown", "1", NULL);
  for (guint step = 1; step <= 8; step++)
    pointer_to (fixture, x0 + (x1 - x0) * step / 8, y0 + (y1 - y0) * step / 8);
  wait_ms (100);
  if (shot != NULL)
    screenshot (shot);
  xdotool ("mouseup", "1", NULL);
  wait_ms (100);
}

static void
key (Fixture    *fixture,
     const char *keys)
{
  xdotool ("key", "--delay", "40", keys, NULL);
  wait_ms (60);
}

/* Ctrl+S, then the saved map through the loader. */
static ParcoursDocument *
save_and_load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *saved;

  key (fixture, "ctrl+s");
  wait_ms (100);
  while (parcours_window_get_saving (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (fixture->window)));
  saved = parcours_format_load_file (fixture->file, NULL, &error);
  g_assert_no_error (error);
  return saved;
}

static char *
cell (ParcoursDocument *document,
      const char       *lane,
      const char       *stage)
{
  g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (document, lane, stage);
  GString *texts = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (texts, "%s%s", i ? " | " : "", parcours_card_get_text (g_ptr_array_index (cards, i)));
  return g_string_free (texts, FALSE);
}

/* Saves again and compares with the file the map came from. */
static void
assert_original_file (Fixture *fixture)
{
  g_autoptr(ParcoursDocument) saved = save_and_load (fixture);
  g_autofree char *now = read_file (fixture->path);

  g_assert_nonnull (saved);
  g_assert_cmpstr (now, ==, fixture->original);
}

#define assert_cell(document, lane, stage, expected) \
  G_STMT_START { \
    g_autofree char *__texts = cell ((document), (lane), (stage)); \
    g_assert_cmpstr (__texts, ==, (expected)); \
  } G_STMT_END

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("parcours-canvas-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workshop.parcours", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  document = parcours_test_make_canvas_map ();
  g_assert_true (parcours_format_save_file (document, fixture->file, NULL, &error));
  fixture->original = read_file (fixture->path);

  fixture->window = g_object_ref_sink (parcours_window_new (PARCOURS_APPLICATION (application)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  /* The whole width for the map: the side panel is tested elsewhere.
   * Hidden before the window shows, it hides without an animation. */
  adw_flap_set_reveal_flap (fixture->window->flap, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  parcours_window_load_file_async (fixture->window, fixture->file, NULL, load_file_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (parcours_window_load_file_finish (fixture->window, result, &error));
  fixture->canvas = fixture->window->canvas;

  while (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (200);

  /* The keyboard goes where a person clicked: this window. */
  window = xid (fixture);
  xdotool ("windowfocus", "--sync", window, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      /* Saved or not, the window goes without asking. */
      fixture->window->close_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      wait_ms (50);
    }
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->file);
  if (fixture->path != NULL)
    g_unlink (fixture->path);
  if (fixture->dir != NULL)
    g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->original, g_free);
}

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display"); return; } } G_STMT_END

static void
test_drag_card (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c3;

  REQUIRE_DISPLAY ();

  /* Sees an ad, from Discover to below Checkout page in Buy. */
  c1 = rect_of (fixture, "t1");
  c3 = rect_of (fixture, "t4");
  drag (fixture, c1.x + 40, c1.y + c1.height / 2, c3.x + 40, c3.y + c3.height - 4, "drag-card");

  saved = save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Reads reviews | Asks a friend");
  assert_cell (saved, "touch", "s2", "Checkout page | Sees an ad");
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Move Card");

  /* Undo gives back the very file the map came from. */
  key (fixture, "ctrl+z");
  assert_original_file (fixture);
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c2;

  REQUIRE_DISPLAY ();

  c2 = rect_of (fixture, "t2");
  pointer_to (fixture, c2.x + 30, c2.y + c2.height / 2);
  xdotool ("click", "1", NULL);
  key (fixture, "alt+Right");
  key (fixture, "alt+Up");
  key (fixture, "alt+Down");
  key (fixture, "alt+Down");
  screenshot ("keyboard-move");

  /* Right into Buy, up before Checkout page, down after it, down into
   * Buy's actions. */
  saved = save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Sees an ad | Asks a friend");
  assert_cell (saved, "touch", "s2", "Checkout page");
  assert_cell (saved, "actions", "s2", "Reads reviews");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 4);

  /* The keyboard focus went along, and a screen reader hears where. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Journey map");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Card “Reads reviews”, Buy, Actions");
}

static void
test_type_cards (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c4;

  REQUIRE_DISPLAY ();

  /* A double click in the empty cell (actions, Use), then three cards
   * typed one after the other. */
  c4 = rect_of (fixture, "a1");
  pointer_to (fixture, c4.x + parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 2)->column.x
                       - parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 0)->column.x + 30,
              c4.y + c4.height / 2);
  xdotool ("click", "--repeat", "2", "--delay", "80", "1", NULL);
  wait_ms (150);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_root_get_focus (GTK_ROOT (fixture->window))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Card text");
  xdotool ("type", "--delay", "20", "Pays at the till", NULL);
  key (fixture, "Return");
  xdotool ("type", "--delay", "20", "Keeps the receipt", NULL);
  key (fixture, "shift+Return");
  xdotool ("type", "--delay", "20", "for later", NULL);
  key (fixture, "Return");
  xdotool ("type", "--delay", "20", "Leaves", NULL);
  screenshot ("type-cards");
  key (fixture, "Return");
  /* The fourth, left empty, goes away with Escape. */
  key (fixture, "Escape");

  saved = save_and_load (fixture);
  assert_cell (saved, "actions", "s3", "Pays at the till | Keeps the receipt\nfor later | Leaves");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 3);
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Add Card");

  /* Three undos, and the file is as it was. */
  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  assert_original_file (fixture);
}

static void
test_emotion_point (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect p1;
  ParcoursEmotionPoint *point;

  REQUIRE_DISPLAY ();

  /* Pulled down from "positive" to below the middle, with Shift to snap. */
  p1 = rect_of (fixture, "p1");
  pointer_to (fixture, p1.x, p1.y);
  xdotool ("keydown", "shift", "mousedown", "1", NULL);
  for (guint step = 1; step <= 6; step++)
    pointer_to (fixture, p1.x, p1.y + step * 12);
  wait_ms (100);
  screenshot ("emotion-point");
  xdotool ("mouseup", "1", "keyup", "shift", NULL);
  wait_ms (100);

  saved = save_and_load (fixture);
  point = PARCOURS_EMOTION_POINT (parcours_document_lookup (saved, "p1"));
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), <, 0.5);
  /* Snapped: a whole level. */
  g_assert_cmpfloat (parcours_emotion_point_get_value (point) * 2, ==,
                     (double) parcours_emotion_point_get_level (point));
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (point), ==, "s1");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* Delete removes the selected point; undo brings it back. */
  key (fixture, "Delete");
  g_clear_object (&saved);
  saved = save_and_load (fixture);
  g_assert_null (parcours_document_lookup (saved, "p1"));
  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  assert_original_file (fixture);
}

static void
test_delete_cards (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c4;

  REQUIRE_DISPLAY ();

  /* A rubber band across the first card from the empty edge of its
   * cell, Ctrl+click on another, then Delete: one step. */
  c1 = rect_of (fixture, "t1");
  c4 = rect_of (fixture, "a1");
  drag (fixture, c1.x + c1.width + 6, c1.y - 4, c1.x + 20, c1.y + c1.height / 2, "rubber-band");
  pointer_to (fixture, c4.x + 20, c4.y + c4.height / 2);
  xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  key (fixture, "Delete");

  saved = save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Reads reviews | Asks a friend");
  assert_cell (saved, "actions", "s1", "");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Delete Cards");

  key (fixture, "ctrl+z");
  assert_original_file (fixture);
}

/* A mapped label showing @text (mnemonics left out) under @widget. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the middle of @widget, in whatever surface it is shown (a
 * popover menu has its own). */
static void
click_widget (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *window = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  graphene_point_t point;
  char wx[16], wy[16];
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_snprintf (wx, sizeof wx, "%d", (int) (point.x + sx));
  g_snprintf (wy, sizeof wy, "%d", (int) (point.y + sy));
  xdotool ("mousemove", "--window", window, wx, wy, NULL);
  xdotool ("click", "1", NULL);
  wait_ms (150);
}

/* Clicks the menu entry (or button) labelled @text in the canvas's
 * context menu or in the window. */
static void
click_label (Fixture    *fixture,
             GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = NULL;

  for (guint tries = 0; tries < 40 && label == NULL; tries++)
    {
      label = find_label (root, text);
      if (label == NULL)
        wait_ms (50);
    }
  if (label == NULL)
    g_error ("no “%s” to click", text);
  click_widget (label);
}

static ParcoursRect
header_of (Fixture    *fixture,
           const char *id)
{
  ParcoursLayout *layout = parcours_canvas_get_layout (fixture->canvas);
  ParcoursElement *element = parcours_document_lookup (parcours_window_get_document (fixture->window), id);
  int index = parcours_layout_find (layout, element);

  g_assert_cmpint (index, >=, 0);
  if (PARCOURS_IS_STAGE (element))
    return parcours_layout_get_stage (layout, index)->header;
  return parcours_layout_get_lane (layout, index)->header;
}

static void
assert_file_original (Fixture *fixture)
{
  g_autoptr(ParcoursDocument) saved = save_and_load (fixture);
  g_autofree char *now = read_file (fixture->path);

  g_assert_cmpstr (now, ==, fixture->original);
}

static void
test_menu_add_lane (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursLane *lane;
  ParcoursRect header;

  REQUIRE_DISPLAY ();

  /* Right-click the Actions header, Insert Lane Below, Pain points; the
   * new lane's name is then edited in place. */
  header = header_of (fixture, "actions");
  pointer_to (fixture, header.x + 20, header.y + header.height / 2);
  xdotool ("click", "3", NULL);
  wait_ms (200);
  screenshot ("menu-lane");
  click_label (fixture, fixture->canvas->menu, "Insert Lane Below");
  wait_ms (150);
  screenshot ("menu-lane-kinds");
  click_label (fixture, fixture->canvas->menu, "Pain points");
  wait_ms (200);
  key (fixture, "ctrl+a");
  xdotool ("type", "--delay", "20", "Frustrations", NULL);
  screenshot ("menu-lane-rename");
  key (fixture, "Return");

  saved = save_and_load (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_lanes (saved)), ==, 4);
  lane = g_list_model_get_item (parcours_document_get_lanes (saved), 2);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_PAIN_POINTS);
  g_assert_cmpstr (parcours_lane_get_name (lane), ==, "Frustrations");
  g_object_unref (lane);

  /* Two steps, the lane and its name; undone, the file is as it was. */
  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

static void
test_menu_card_channel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c2;

  REQUIRE_DISPLAY ();

  /* Two selected cards, a right-click on one, Channel ▸ Email: both. */
  c1 = rect_of (fixture, "t1");
  c2 = rect_of (fixture, "t2");
  pointer_to (fixture, c1.x + 30, c1.y + c1.height / 2);
  xdotool ("click", "1", NULL);
  pointer_to (fixture, c2.x + 30, c2.y + c2.height / 2);
  xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  xdotool ("click", "3", NULL);
  wait_ms (200);
  screenshot ("menu-card");
  click_label (fixture, fixture->canvas->menu, "Channel");
  screenshot ("menu-card-channels");
  click_label (fixture, fixture->canvas->menu, "Email");

  saved = save_and_load (fixture);
  g_assert_cmpint (parcours_card_get_channel (parcours_document_lookup_card (saved, "t1")), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpint (parcours_card_get_channel (parcours_document_lookup_card (saved, "t2")), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* Shift+F10 opens the focused card's menu from the keyboard; Ctrl+D
   * duplicates. */
  key (fixture, "shift+F10");
  wait_ms (150);
  g_assert_true (gtk_widget_get_visible (fixture->canvas->menu));
  key (fixture, "Escape");
  wait_ms (100);
  key (fixture, "ctrl+d");
  g_clear_object (&saved);
  saved = save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Sees an ad | Sees an ad | Reads reviews | Reads reviews | Asks a friend");

  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

static void
test_delete_stage_toast (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect header;

  REQUIRE_DISPLAY ();

  /* Delete on the focused Discover header: it goes with its cards, and
   * the toast's Undo brings them back. */
  header = header_of (fixture, "s1");
  pointer_to (fixture, header.x + 20, header.y + header.height / 2);
  xdotool ("click", "1", NULL);
  key (fixture, "Delete");
  wait_ms (300);
  screenshot ("delete-stage-toast");
  saved = save_and_load (fixture);
  g_assert_null (parcours_document_lookup (saved, "s1"));
  g_assert_null (parcours_document_lookup (saved, "t1"));

  click_label (fixture, GTK_WIDGET (fixture->window), "Undo");
  assert_file_original (fixture);
}

static void
test_copy_paste (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c2, c3, c4;

  REQUIRE_DISPLAY ();

  /* Three cards copied, pasted after Checkout page in Buy. */
  parcours_card_set_sentiment (parcours_document_lookup_card (parcours_window_get_document (fixture->window), "t2"),
                               PARCOURS_SENTIMENT_NEGATIVE);
  c1 = rect_of (fixture, "t1");
  c2 = rect_of (fixture, "t2");
  c3 = rect_of (fixture, "t4");
  c4 = rect_of (fixture, "a1");
  pointer_to (fixture, c1.x + 30, c1.y + c1.height / 2);
  xdotool ("click", "1", NULL);
  pointer_to (fixture, c2.x + 30, c2.y + c2.height / 2);
  xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  pointer_to (fixture, c4.x + 30, c4.y + c4.height / 2);
  xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  key (fixture, "ctrl+c");
  pointer_to (fixture, c3.x + 30, c3.y + c3.height / 2);
  xdotool ("click", "1", NULL);
  key (fixture, "ctrl+v");
  wait_ms (200);
  screenshot ("paste-cards");

  saved = save_and_load (fixture);
  assert_cell (saved, "touch", "s2", "Checkout page | Sees an ad | Reads reviews | Searches");
  assert_cell (saved, "touch", "s1", "Sees an ad | Reads reviews | Asks a friend");
  {
    g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (saved, "touch", "s2");
    g_assert_cmpint (parcours_card_get_sentiment (g_ptr_array_index (cards, 2)), ==, PARCOURS_SENTIMENT_NEGATIVE);
  }
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Paste Cards");
}

static void
test_paste_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c4;

  REQUIRE_DISPLAY ();

  /* Three lines from another program, pasted after Searches. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas)),
                          "Compares prices\n\n  Reads the small print \nAsks for a discount\n");
  c4 = rect_of (fixture, "a1");
  pointer_to (fixture, c4.x + 30, c4.y + c4.height / 2);
  xdotool ("click", "1", NULL);
  key (fixture, "ctrl+v");
  wait_ms (200);

  saved = save_and_load (fixture);
  assert_cell (saved, "actions", "s1", "Searches | Compares prices | Reads the small print | Asks for a discount");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* Text that is no cards at all is refused with a toast. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas)), " \n \n");
  key (fixture, "ctrl+v");
  wait_ms (200);
  screenshot ("paste-refused");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->window), "The clipboard holds no cards or text to paste"));

  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

static void
test_drag_stage (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect s1, s3;
  g_autoptr(ParcoursStage) last = NULL;

  REQUIRE_DISPLAY ();

  /* Discover's header dragged past the middle of Use: last, with its cards. */
  s1 = header_of (fixture, "s1");
  s3 = header_of (fixture, "s3");
  drag (fixture, s1.x + 40, s1.y + s1.height / 2, s3.x + s3.width * 0.8, s3.y + s3.height / 2 + 20, "drag-stage");

  saved = save_and_load (fixture);
  last = g_list_model_get_item (parcours_document_get_stages (saved), 2);
  g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (last)), ==, "s1");
  assert_cell (saved, "touch", "s1", "Sees an ad | Reads reviews | Asks a friend");
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==,
                   "Reorder Stages");

  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

static void
test_resize_stage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursLayout *layout = parcours_canvas_get_layout (fixture->canvas);
  const ParcoursStageBox *box = parcours_layout_get_stage (layout, 1);
  double edge = box->column.x + box->column.width, y = box->header.y + box->header.height / 2;

  REQUIRE_DISPLAY ();

  /* Buy's right border dragged out by half a stage. */
  drag (fixture, edge, y, edge + 112, y, "resize-stage");
  saved = save_and_load (fixture);
  g_assert_cmpfloat_with_epsilon (parcours_stage_get_width (parcours_document_lookup_stage (saved, "s2")), 1.5, 0.02);

  /* A double click on it: the default width back. */
  box = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 1);
  pointer_to (fixture, box->column.x + box->column.width, y);
  xdotool ("click", "--repeat", "2", "--delay", "80", "1", NULL);
  wait_ms (150);
  g_clear_object (&saved);
  saved = save_and_load (fixture);
  g_assert_cmpfloat (parcours_stage_get_width (parcours_document_lookup_stage (saved, "s2")), ==, 1.0);

  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

/* A drag from one widget's middle to a layout point of the canvas. */
static void
drag_widget_to (Fixture    *fixture,
                GtkWidget  *widget,
                double      x,
                double      y,
                const char *shot)
{
  g_autofree char *window = xid (fixture);
  graphene_point_t point;
  char wx[16], wy[16];
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  g_snprintf (wx, sizeof wx, "%d", (int) (point.x + sx));
  g_snprintf (wy, sizeof wy, "%d", (int) (point.y + sy));
  xdotool ("mousemove", "--window", window, wx, wy, NULL);
  xdotool ("mousedown", "1", NULL);
  for (guint step = 1; step <= 4; step++)
    {
      g_autofree char *px = g_strdup_printf ("%d", (int) (point.x + sx) + step * 6);
      xdotool ("mousemove", "--window", window, px, wy, NULL);
    }
  for (guint step = 1; step <= 10; step++)
    {
      double lx, ly;
      char tx[16], ty[16];

      /* Recomputed each time: the view may scroll. */
      to_window (fixture, x, y, tx, ty);
      lx = (point.x + sx) + (atoi (tx) - (point.x + sx)) * step / 10;
      ly = (point.y + sy) + (atoi (ty) - (point.y + sy)) * step / 10;
      g_snprintf (tx, sizeof tx, "%d", (int) lx);
      g_snprintf (ty, sizeof ty, "%d", (int) ly);
      xdotool ("mousemove", "--window", window, tx, ty, NULL);
    }
  wait_ms (200);
  if (shot != NULL)
    screenshot (shot);
  xdotool ("mouseup", "1", NULL);
  wait_ms (200);
}

static void
test_palette_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  GtkWidget *email;
  const ParcoursStageBox *use;
  ParcoursRect c3;

  REQUIRE_DISPLAY ();

  /* The palette opens beside the map. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (fixture->window->palette_button), TRUE);
  wait_ms (400);
  email = find_label (GTK_WIDGET (fixture->window), "Email");
  g_assert_nonnull (email);

  /* Email dragged into the empty touchpoints cell of Use, then typed. */
  c3 = rect_of (fixture, "t4");
  use = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 2);
  drag_widget_to (fixture, gtk_widget_get_ancestor (email, GTK_TYPE_LIST_BOX_ROW),
                  use->column.x + use->column.width / 2, c3.y + c3.height / 2, "palette-drop");
  xdotool ("type", "--delay", "20", "Confirmation mail", NULL);
  key (fixture, "Escape");
  screenshot ("palette-dropped");

  saved = save_and_load (fixture);
  assert_cell (saved, "touch", "s3", "Confirmation mail");
  {
    g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (saved, "touch", "s3");
    g_assert_cmpint (parcours_card_get_channel (g_ptr_array_index (cards, 0)), ==, PARCOURS_CHANNEL_EMAIL);
  }
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* From the keyboard: an Action row activated with Enter adds to the
   * focused card's cell. */
  c3 = rect_of (fixture, "a1");
  pointer_to (fixture, c3.x + 30, c3.y + c3.height / 2);
  xdotool ("click", "1", NULL);
  gtk_widget_grab_focus (gtk_widget_get_ancestor (find_label (GTK_WIDGET (fixture->window), "Action"),
                                                  GTK_TYPE_LIST_BOX_ROW));
  key (fixture, "Return");
  xdotool ("type", "--delay", "20", "Orders", NULL);
  key (fixture, "Escape");
  g_clear_object (&saved);
  saved = save_and_load (fixture);
  assert_cell (saved, "actions", "s1", "Searches | Orders");

  key (fixture, "ctrl+z");
  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

static void
test_paste_menu_and_many (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  const ParcoursStageBox *use;
  GString *many = g_string_new (NULL);
  ParcoursRect c4;

  REQUIRE_DISPLAY ();

  /* Paste from the menu of an empty cell: into that cell. */
  gdk_clipboard_set_text (clipboard, "Rates the app\nTells a friend\n");
  c4 = rect_of (fixture, "a1");
  use = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 2);
  pointer_to (fixture, use->column.x + use->column.width / 2, c4.y + c4.height / 2);
  xdotool ("click", "3", NULL);
  wait_ms (200);
  screenshot ("menu-empty");
  click_label (fixture, fixture->canvas->menu, "Paste");
  wait_ms (200);
  saved = save_and_load (fixture);
  assert_cell (saved, "actions", "s3", "Rates the app | Tells a friend");

  /* More than 5 000 cards: asked first; Cancel pastes nothing. */
  for (guint i = 0; i <= PARCOURS_CLIPBOARD_CONFIRM_CARDS; i++)
    g_string_append_printf (many, "Card %u\n", i);
  gdk_clipboard_set_text (clipboard, many->str);
  g_string_free (many, TRUE);
  key (fixture, "ctrl+v");
  wait_ms (300);
  screenshot ("paste-many");
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    GtkWidget *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    g_assert_nonnull (find_label (dialog, "Paste 5001 Cards?"));
    click_label (fixture, dialog, "Cancel");
  }
  g_clear_object (&saved);
  saved = save_and_load (fixture);
  assert_cell (saved, "actions", "s3", "Rates the app | Tells a friend");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

static void
test_add_buttons (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursInteraction *interaction = parcours_canvas_get_interaction (fixture->canvas);
  ParcoursRect plus;
  g_autoptr(ParcoursLane) lane = NULL;

  REQUIRE_DISPLAY ();

  /* The "+" below the lanes: Notes, named in place. */
  g_assert_true (parcours_interaction_get_add_lane_button (interaction, &plus));
  pointer_to (fixture, plus.x + plus.width / 2, plus.y + plus.height / 2);
  xdotool ("click", "1", NULL);
  wait_ms (200);
  screenshot ("add-lane-button");
  click_label (fixture, fixture->canvas->menu, "Notes");
  wait_ms (200);
  key (fixture, "ctrl+a");
  xdotool ("type", "--delay", "20", "Ideas", NULL);
  key (fixture, "Return");

  /* The "+" after the stages: a new stage, named in place. */
  g_assert_true (parcours_interaction_get_add_stage_button (interaction, &plus));
  pointer_to (fixture, plus.x + plus.width / 2, plus.y + plus.height / 2);
  xdotool ("click", "1", NULL);
  wait_ms (200);
  key (fixture, "ctrl+a");
  xdotool ("type", "--delay", "20", "Recommend", NULL);
  key (fixture, "Return");
  screenshot ("add-buttons");

  saved = save_and_load (fixture);
  lane = g_list_model_get_item (parcours_document_get_lanes (saved), 3);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_NOTES);
  g_assert_cmpstr (parcours_lane_get_name (lane), ==, "Ideas");
  {
    g_autoptr(ParcoursStage) stage = g_list_model_get_item (parcours_document_get_stages (saved), 3);
    g_assert_cmpstr (parcours_stage_get_name (stage), ==, "Recommend");
  }

  /* Each one a step, and its name another. */
  for (guint i = 0; i < 4; i++)
    key (fixture, "ctrl+z");
  assert_file_original (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool_path = NULL;
  int status;

  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Nor GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);

  xdotool_path = g_find_program_in_path ("xdotool");
  have_display = g_getenv ("DISPLAY") != NULL && gtk_init_check () && xdotool_path != NULL;
  if (have_display)
    {
      g_autoptr(GError) error = NULL;

      adw_init ();
      /* The real application, for its shortcuts; not unique, so that
       * tests may run side by side. */
      application = GTK_APPLICATION (parcours_application_new ());
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/canvas-ui/drag-card", test_drag_card);
  ADD ("/canvas-ui/keyboard-move", test_keyboard_move);
  ADD ("/canvas-ui/type-cards", test_type_cards);
  ADD ("/canvas-ui/emotion-point", test_emotion_point);
  ADD ("/canvas-ui/delete-cards", test_delete_cards);
  ADD ("/canvas-ui/menu-add-lane", test_menu_add_lane);
  ADD ("/canvas-ui/menu-card-channel", test_menu_card_channel);
  ADD ("/canvas-ui/delete-stage-toast", test_delete_stage_toast);
  ADD ("/canvas-ui/copy-paste", test_copy_paste);
  ADD ("/canvas-ui/paste-text", test_paste_text);
  ADD ("/canvas-ui/paste-menu-and-many", test_paste_menu_and_many);
  ADD ("/canvas-ui/drag-stage", test_drag_stage);
  ADD ("/canvas-ui/resize-stage", test_resize_stage);
  ADD ("/canvas-ui/palette-drop", test_palette_drop);
  ADD ("/canvas-ui/add-buttons", test_add_buttons);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
