/* test-canvas-ui.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

typedef ParcoursTestMapWindow Fixture;

static GtkApplication *application;

#define assert_cell parcours_test_assert_cell_texts

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;

  if (!parcours_test_ui_available ())
    return;

  document = parcours_test_make_canvas_map ();
  parcours_test_ui_open_map (fixture, application, document, "canvas-ui");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_map (fixture);
}

static void
test_drag_card (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c3;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Sees an ad, from Discover to below Checkout page in Buy. */
  c1 = parcours_test_ui_rect_of (fixture->window, "t1");
  c3 = parcours_test_ui_rect_of (fixture->window, "t4");
  parcours_test_ui_drag_on_map (fixture->canvas, c1.x + 40, c1.y + c1.height / 2, c3.x + 40, c3.y + c3.height - 4, "canvas-ui-drag-card");

  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Reads reviews | Asks a friend");
  assert_cell (saved, "touch", "s2", "Checkout page | Sees an ad");
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Move Card");

  /* Undo gives back the very file the map came from. */
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c2;

  PARCOURS_TEST_UI_REQUIRE ();

  c2 = parcours_test_ui_rect_of (fixture->window, "t2");
  parcours_test_ui_pointer_to_map (fixture->canvas, c2.x + 30, c2.y + c2.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_ui_key ("alt+Right");
  parcours_test_ui_key ("alt+Up");
  parcours_test_ui_key ("alt+Down");
  parcours_test_ui_key ("alt+Down");
  parcours_test_ui_screenshot ("canvas-ui-keyboard-move");

  /* Right into Buy, up before Checkout page, down after it, down into
   * Buy's actions. */
  saved = parcours_test_ui_save_and_load (fixture);
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

  PARCOURS_TEST_UI_REQUIRE ();

  /* A double click in the empty cell (actions, Use), then three cards
   * typed one after the other. */
  c4 = parcours_test_ui_rect_of (fixture->window, "a1");
  parcours_test_ui_pointer_to_map (fixture->canvas, c4.x + parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 2)->column.x
                       - parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 0)->column.x + 30,
              c4.y + c4.height / 2);
  parcours_test_ui_xdotool ("click", "--repeat", "2", "--delay", "80", "1", NULL);
  parcours_test_wait_ms (150);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_root_get_focus (GTK_ROOT (fixture->window))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Card text");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Pays at the till", NULL);
  parcours_test_ui_key ("Return");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Keeps the receipt", NULL);
  parcours_test_ui_key ("shift+Return");
  parcours_test_ui_xdotool ("type", "--delay", "20", "for later", NULL);
  parcours_test_ui_key ("Return");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Leaves", NULL);
  parcours_test_ui_screenshot ("canvas-ui-type-cards");
  parcours_test_ui_key ("Return");
  /* The fourth, left empty, goes away with Escape. */
  parcours_test_ui_key ("Escape");

  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "actions", "s3", "Pays at the till | Keeps the receipt\nfor later | Leaves");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 3);
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Add Card");

  /* Three undos, and the file is as it was. */
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_emotion_point (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect p1;
  ParcoursEmotionPoint *point;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Pulled down from "positive" to below the middle, with Shift to snap. */
  p1 = parcours_test_ui_rect_of (fixture->window, "p1");
  parcours_test_ui_pointer_to_map (fixture->canvas, p1.x, p1.y);
  parcours_test_ui_xdotool ("keydown", "shift", "mousedown", "1", NULL);
  for (guint step = 1; step <= 6; step++)
    parcours_test_ui_pointer_to_map (fixture->canvas, p1.x, p1.y + step * 12);
  parcours_test_wait_ms (100);
  parcours_test_ui_screenshot ("canvas-ui-emotion-point");
  parcours_test_ui_xdotool ("mouseup", "1", "keyup", "shift", NULL);
  parcours_test_wait_ms (100);

  saved = parcours_test_ui_save_and_load (fixture);
  point = PARCOURS_EMOTION_POINT (parcours_document_lookup (saved, "p1"));
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), <, 0.5);
  /* Snapped: a whole level. */
  g_assert_cmpfloat (parcours_emotion_point_get_value (point) * 2, ==,
                     (double) parcours_emotion_point_get_level (point));
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (point), ==, "s1");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* Delete removes the selected point; undo brings it back. */
  parcours_test_ui_key ("Delete");
  g_clear_object (&saved);
  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_null (parcours_document_lookup (saved, "p1"));
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_delete_cards (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c4;

  PARCOURS_TEST_UI_REQUIRE ();

  /* A rubber band across the first card from the empty edge of its
   * cell, Ctrl+click on another, then Delete: one step. */
  c1 = parcours_test_ui_rect_of (fixture->window, "t1");
  c4 = parcours_test_ui_rect_of (fixture->window, "a1");
  parcours_test_ui_drag_on_map (fixture->canvas, c1.x + c1.width + 6, c1.y - 4, c1.x + 20, c1.y + c1.height / 2, "canvas-ui-rubber-band");
  parcours_test_ui_pointer_to_map (fixture->canvas, c4.x + 20, c4.y + c4.height / 2);
  parcours_test_ui_xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  parcours_test_ui_key ("Delete");

  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Reads reviews | Asks a friend");
  assert_cell (saved, "actions", "s1", "");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Delete Cards");

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
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
test_menu_add_lane (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursLane *lane;
  ParcoursRect header;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Right-click the Actions header, Insert Lane Below, Pain points; the
   * new lane's name is then edited in place. */
  header = header_of (fixture, "actions");
  parcours_test_ui_pointer_to_map (fixture->canvas, header.x + 20, header.y + header.height / 2);
  parcours_test_ui_xdotool ("click", "3", NULL);
  parcours_test_wait_ms (200);
  parcours_test_ui_screenshot ("canvas-ui-menu-lane");
  parcours_test_ui_click_label (fixture->canvas->menu, "Insert Lane Below");
  parcours_test_wait_ms (150);
  parcours_test_ui_screenshot ("canvas-ui-menu-lane-kinds");
  parcours_test_ui_click_label (fixture->canvas->menu, "Pain points");
  parcours_test_wait_ms (200);
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Frustrations", NULL);
  parcours_test_ui_screenshot ("canvas-ui-menu-lane-rename");
  parcours_test_ui_key ("Return");

  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_lanes (saved)), ==, 4);
  lane = g_list_model_get_item (parcours_document_get_lanes (saved), 2);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_PAIN_POINTS);
  g_assert_cmpstr (parcours_lane_get_name (lane), ==, "Frustrations");
  g_object_unref (lane);

  /* Two steps, the lane and its name; undone, the file is as it was. */
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_menu_card_channel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c2;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Two selected cards, a right-click on one, Channel ▸ Email: both. */
  c1 = parcours_test_ui_rect_of (fixture->window, "t1");
  c2 = parcours_test_ui_rect_of (fixture->window, "t2");
  parcours_test_ui_pointer_to_map (fixture->canvas, c1.x + 30, c1.y + c1.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_ui_pointer_to_map (fixture->canvas, c2.x + 30, c2.y + c2.height / 2);
  parcours_test_ui_xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  parcours_test_ui_xdotool ("click", "3", NULL);
  parcours_test_wait_ms (200);
  parcours_test_ui_screenshot ("canvas-ui-menu-card");
  parcours_test_ui_click_label (fixture->canvas->menu, "Channel");
  parcours_test_ui_screenshot ("canvas-ui-menu-card-channels");
  parcours_test_ui_click_label (fixture->canvas->menu, "Email");

  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_cmpint (parcours_card_get_channel (parcours_document_lookup_card (saved, "t1")), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpint (parcours_card_get_channel (parcours_document_lookup_card (saved, "t2")), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* Shift+F10 opens the focused card's menu from the keyboard; Ctrl+D
   * duplicates. */
  parcours_test_ui_key ("shift+F10");
  parcours_test_wait_ms (150);
  g_assert_true (gtk_widget_get_visible (fixture->canvas->menu));
  parcours_test_ui_key ("Escape");
  parcours_test_wait_ms (100);
  parcours_test_ui_key ("ctrl+d");
  g_clear_object (&saved);
  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "touch", "s1", "Sees an ad | Sees an ad | Reads reviews | Reads reviews | Asks a friend");

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_delete_stage_toast (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect header;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Delete on the focused Discover header: it goes with its cards, and
   * the toast's Undo brings them back. */
  header = header_of (fixture, "s1");
  parcours_test_ui_pointer_to_map (fixture->canvas, header.x + 20, header.y + header.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_ui_key ("Delete");
  parcours_test_wait_ms (300);
  parcours_test_ui_screenshot ("canvas-ui-delete-stage-toast");
  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_null (parcours_document_lookup (saved, "s1"));
  g_assert_null (parcours_document_lookup (saved, "t1"));

  parcours_test_ui_click_label (GTK_WIDGET (fixture->window), "Undo");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_copy_paste (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect c1, c2, c3, c4;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Three cards copied, pasted after Checkout page in Buy. */
  parcours_card_set_sentiment (parcours_document_lookup_card (parcours_window_get_document (fixture->window), "t2"),
                               PARCOURS_SENTIMENT_NEGATIVE);
  c1 = parcours_test_ui_rect_of (fixture->window, "t1");
  c2 = parcours_test_ui_rect_of (fixture->window, "t2");
  c3 = parcours_test_ui_rect_of (fixture->window, "t4");
  c4 = parcours_test_ui_rect_of (fixture->window, "a1");
  parcours_test_ui_pointer_to_map (fixture->canvas, c1.x + 30, c1.y + c1.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_ui_pointer_to_map (fixture->canvas, c2.x + 30, c2.y + c2.height / 2);
  parcours_test_ui_xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  parcours_test_ui_pointer_to_map (fixture->canvas, c4.x + 30, c4.y + c4.height / 2);
  parcours_test_ui_xdotool ("keydown", "ctrl", "click", "1", "keyup", "ctrl", NULL);
  parcours_test_ui_key ("ctrl+c");
  parcours_test_ui_pointer_to_map (fixture->canvas, c3.x + 30, c3.y + c3.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_ui_key ("ctrl+v");
  parcours_test_wait_ms (200);
  parcours_test_ui_screenshot ("canvas-ui-paste-cards");

  saved = parcours_test_ui_save_and_load (fixture);
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

  PARCOURS_TEST_UI_REQUIRE ();

  /* Three lines from another program, pasted after Searches. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas)),
                          "Compares prices\n\n  Reads the small print \nAsks for a discount\n");
  c4 = parcours_test_ui_rect_of (fixture->window, "a1");
  parcours_test_ui_pointer_to_map (fixture->canvas, c4.x + 30, c4.y + c4.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_ui_key ("ctrl+v");
  parcours_test_wait_ms (200);

  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "actions", "s1", "Searches | Compares prices | Reads the small print | Asks for a discount");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* Text that is no cards at all is refused with a toast. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas)), " \n \n");
  parcours_test_ui_key ("ctrl+v");
  parcours_test_wait_ms (200);
  parcours_test_ui_screenshot ("canvas-ui-paste-refused");
  g_assert_nonnull (parcours_test_ui_find_label (GTK_WIDGET (fixture->window), "The clipboard holds no cards or text to paste"));

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_drag_stage (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursRect s1, s3;
  g_autoptr(ParcoursStage) last = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  /* Discover's header dragged past the middle of Use: last, with its cards. */
  s1 = header_of (fixture, "s1");
  s3 = header_of (fixture, "s3");
  parcours_test_ui_drag_on_map (fixture->canvas, s1.x + 40, s1.y + s1.height / 2, s3.x + s3.width * 0.8, s3.y + s3.height / 2 + 20, "canvas-ui-drag-stage");

  saved = parcours_test_ui_save_and_load (fixture);
  last = g_list_model_get_item (parcours_document_get_stages (saved), 2);
  g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (last)), ==, "s1");
  assert_cell (saved, "touch", "s1", "Sees an ad | Reads reviews | Asks a friend");
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==,
                   "Reorder Stages");

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_resize_stage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  const ParcoursStageBox *box;
  double edge, y;

  PARCOURS_TEST_UI_REQUIRE ();

  box = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 1);
  edge = box->column.x + box->column.width;
  y = box->header.y + box->header.height / 2;

  /* Buy's right border dragged out by half a stage. */
  parcours_test_ui_drag_on_map (fixture->canvas, edge, y, edge + 112, y, "canvas-ui-resize-stage");
  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_cmpfloat_with_epsilon (parcours_stage_get_width (parcours_document_lookup_stage (saved, "s2")), 1.5, 0.02);

  /* A double click on it: the default width back. */
  box = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 1);
  parcours_test_ui_pointer_to_map (fixture->canvas, box->column.x + box->column.width, y);
  parcours_test_ui_xdotool ("click", "--repeat", "2", "--delay", "80", "1", NULL);
  parcours_test_wait_ms (150);
  g_clear_object (&saved);
  saved = parcours_test_ui_save_and_load (fixture);
  g_assert_cmpfloat (parcours_stage_get_width (parcours_document_lookup_stage (saved, "s2")), ==, 1.0);

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

/* A drag from one widget's middle to a layout point of the canvas. */
static void
drag_widget_to (Fixture    *fixture,
                GtkWidget  *widget,
                double      x,
                double      y,
                const char *shot)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  graphene_point_t start;

  g_assert_true (gtk_widget_compute_point (widget, canvas,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &start));
  parcours_test_ui_pointer_to (canvas, start.x, start.y);
  parcours_test_ui_xdotool ("mousedown", "1", NULL);
  for (guint step = 1; step <= 4; step++)
    parcours_test_ui_pointer_to (canvas, start.x + step * 6, start.y);
  for (guint step = 1; step <= 10; step++)
    {
      double tx, ty;

      /* Recomputed each time: the view may scroll. */
      parcours_canvas_layout_to_widget (fixture->canvas, x, y, &tx, &ty);
      parcours_test_ui_pointer_to (canvas, start.x + (tx - start.x) * step / 10,
                                   start.y + (ty - start.y) * step / 10);
    }
  parcours_test_wait_ms (200);
  if (shot != NULL)
    parcours_test_ui_screenshot ("canvas-ui-%s", shot);
  parcours_test_ui_xdotool ("mouseup", "1", NULL);
  parcours_test_wait_ms (200);
}

static void
test_palette_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  GtkWidget *email;
  const ParcoursStageBox *use;
  ParcoursRect c3;

  PARCOURS_TEST_UI_REQUIRE ();

  /* The palette opens beside the map. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (fixture->window->palette_button), TRUE);
  parcours_test_wait_ms (400);
  email = parcours_test_ui_find_label (GTK_WIDGET (fixture->window), "Email");
  g_assert_nonnull (email);

  /* Email dragged into the empty touchpoints cell of Use, then typed. */
  c3 = parcours_test_ui_rect_of (fixture->window, "t4");
  use = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 2);
  drag_widget_to (fixture, gtk_widget_get_ancestor (email, GTK_TYPE_LIST_BOX_ROW),
                  use->column.x + use->column.width / 2, c3.y + c3.height / 2, "palette-drop");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Confirmation mail", NULL);
  parcours_test_ui_key ("Escape");
  parcours_test_ui_screenshot ("canvas-ui-palette-dropped");

  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "touch", "s3", "Confirmation mail");
  {
    g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (saved, "touch", "s3");
    g_assert_cmpint (parcours_card_get_channel (g_ptr_array_index (cards, 0)), ==, PARCOURS_CHANNEL_EMAIL);
  }
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  /* From the keyboard: an Action row activated with Enter adds to the
   * focused card's cell. */
  c3 = parcours_test_ui_rect_of (fixture->window, "a1");
  parcours_test_ui_pointer_to_map (fixture->canvas, c3.x + 30, c3.y + c3.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  gtk_widget_grab_focus (gtk_widget_get_ancestor (parcours_test_ui_find_label (GTK_WIDGET (fixture->window), "Action"),
                                                  GTK_TYPE_LIST_BOX_ROW));
  parcours_test_ui_key ("Return");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Orders", NULL);
  parcours_test_ui_key ("Escape");
  g_clear_object (&saved);
  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "actions", "s1", "Searches | Orders");

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_paste_menu_and_many (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  GdkClipboard *clipboard;
  const ParcoursStageBox *use;
  GString *many;
  ParcoursRect c4;

  PARCOURS_TEST_UI_REQUIRE ();

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  many = g_string_new (NULL);

  /* Paste from the menu of an empty cell: into that cell. */
  gdk_clipboard_set_text (clipboard, "Rates the app\nTells a friend\n");
  c4 = parcours_test_ui_rect_of (fixture->window, "a1");
  use = parcours_layout_get_stage (parcours_canvas_get_layout (fixture->canvas), 2);
  parcours_test_ui_pointer_to_map (fixture->canvas, use->column.x + use->column.width / 2, c4.y + c4.height / 2);
  parcours_test_ui_xdotool ("click", "3", NULL);
  parcours_test_wait_ms (200);
  parcours_test_ui_screenshot ("canvas-ui-menu-empty");
  parcours_test_ui_click_label (fixture->canvas->menu, "Paste");
  parcours_test_wait_ms (200);
  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "actions", "s3", "Rates the app | Tells a friend");

  /* More than 5 000 cards: asked first; Cancel pastes nothing. */
  for (guint i = 0; i <= PARCOURS_CLIPBOARD_CONFIRM_CARDS; i++)
    g_string_append_printf (many, "Card %u\n", i);
  gdk_clipboard_set_text (clipboard, many->str);
  g_string_free (many, TRUE);
  parcours_test_ui_key ("ctrl+v");
  parcours_test_wait_ms (300);
  parcours_test_ui_screenshot ("canvas-ui-paste-many");
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    GtkWidget *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    g_assert_nonnull (parcours_test_ui_find_label (dialog, "Paste 5001 Cards?"));
    parcours_test_ui_click_label (dialog, "Cancel");
  }
  g_clear_object (&saved);
  saved = parcours_test_ui_save_and_load (fixture);
  assert_cell (saved, "actions", "s3", "Rates the app | Tells a friend");
  g_assert_cmpuint (parcours_history_get_n_undo (parcours_window_get_history (fixture->window)), ==, 1);

  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

static void
test_add_buttons (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursInteraction *interaction;
  ParcoursRect plus;
  g_autoptr(ParcoursLane) lane = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  interaction = parcours_canvas_get_interaction (fixture->canvas);

  /* The "+" below the lanes: Notes, named in place. */
  g_assert_true (parcours_interaction_get_add_lane_button (interaction, &plus));
  parcours_test_ui_pointer_to_map (fixture->canvas, plus.x + plus.width / 2, plus.y + plus.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_wait_ms (200);
  parcours_test_ui_screenshot ("canvas-ui-add-lane-button");
  parcours_test_ui_click_label (fixture->canvas->menu, "Notes");
  parcours_test_wait_ms (200);
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Ideas", NULL);
  parcours_test_ui_key ("Return");

  /* The "+" after the stages: a new stage, named in place. */
  g_assert_true (parcours_interaction_get_add_stage_button (interaction, &plus));
  parcours_test_ui_pointer_to_map (fixture->canvas, plus.x + plus.width / 2, plus.y + plus.height / 2);
  parcours_test_ui_xdotool ("click", "1", NULL);
  parcours_test_wait_ms (200);
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_xdotool ("type", "--delay", "20", "Recommend", NULL);
  parcours_test_ui_key ("Return");
  parcours_test_ui_screenshot ("canvas-ui-add-buttons");

  saved = parcours_test_ui_save_and_load (fixture);
  lane = g_list_model_get_item (parcours_document_get_lanes (saved), 3);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_NOTES);
  g_assert_cmpstr (parcours_lane_get_name (lane), ==, "Ideas");
  {
    g_autoptr(ParcoursStage) stage = g_list_model_get_item (parcours_document_get_stages (saved), 3);
    g_assert_cmpstr (parcours_stage_get_name (stage), ==, "Recommend");
  }

  /* Each one a step, and its name another. */
  for (guint i = 0; i < 4; i++)
    parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_assert_unchanged (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  if (parcours_test_ui_init ())
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

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
