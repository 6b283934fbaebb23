/* test-canvas.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <gtk/gtk.h>

#include "parcours-cairo-renderer.h"
#include "parcours-canvas.h"
#include "parcours-clipboard.h"
#include "parcours-document-private.h"
#include "parcours-painter.h"
#include "parcours-format.h"
#include "parcours-interaction.h"
#include "parcours-palette.h"
#include "parcours-test-utils.h"
#include "parcours-viewport.h"

#include "parcours-test-utils.h"

/* The canvas's behaviour without a window: the interaction state machine
 * fed press / motion / release sequences in layout coordinates, touch,
 * the keyboard, the viewport and hit testing; each test checks the
 * document, the history and the selection, never pixels. And what the
 * canvas draws is what the export draws. Context menus, headers and the
 * palette are in test-canvas-menus.c, the clipboard in
 * test-canvas-clipboard.c; the fixture in parcours-test-utils.c. */

typedef ParcoursTestCanvas Fixture;

#define lookup parcours_test_canvas_lookup
#define relayout parcours_test_canvas_relayout
#define rect_of parcours_test_canvas_rect_of
#define center_of parcours_test_canvas_center_of
#define assert_cell parcours_test_canvas_assert_cell
#define assert_original parcours_test_canvas_assert_original
#define drag parcours_test_canvas_drag
#define click parcours_test_canvas_click
#define selected parcours_test_canvas_selected

static void
test_hit_test_index (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (30, 8, 600, 200, 7);
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint hits = 0;

  parcours_layout_update (layout, document);

  /* The index answers as a walk over every box would. */
  for (guint i = 0; i < 20000; i++)
    {
      double x = g_rand_double_range (rand, 0, parcours_layout_get_width (layout));
      double y = g_rand_double_range (rand, 0, parcours_layout_get_height (layout));
      ParcoursElement *expected = NULL;
      double r = style->emotion_face_radius + 2;

      /* Points painted last are on top. */
      for (guint p = parcours_layout_get_n_points (layout); p > 0 && expected == NULL; p--)
        {
          const ParcoursPointBox *box = parcours_layout_get_point (layout, p - 1);
          if ((x - box->x) * (x - box->x) + (y - box->y) * (y - box->y) <= r * r)
            expected = PARCOURS_ELEMENT (box->point);
        }
      for (guint c = 0; c < parcours_layout_get_n_cards (layout) && expected == NULL; c++)
        {
          const ParcoursCardBox *box = parcours_layout_get_card (layout, c);
          if (x >= box->rect.x && x < box->rect.x + box->rect.width &&
              y >= box->rect.y && y < box->rect.y + box->rect.height)
            expected = PARCOURS_ELEMENT (box->card);
        }
      for (guint s = 0; s < parcours_layout_get_n_stages (layout) && expected == NULL; s++)
        {
          const ParcoursRect *h = &parcours_layout_get_stage (layout, s)->header;
          if (x >= h->x && x < h->x + h->width && y >= h->y && y < h->y + h->height)
            expected = PARCOURS_ELEMENT (parcours_layout_get_stage (layout, s)->stage);
        }
      for (guint l = 0; l < parcours_layout_get_n_lanes (layout) && expected == NULL; l++)
        {
          const ParcoursRect *h = &parcours_layout_get_lane (layout, l)->header;
          if (x >= h->x && x < h->x + h->width && y >= h->y && y < h->y + h->height)
            expected = PARCOURS_ELEMENT (parcours_layout_get_lane (layout, l)->lane);
        }
      for (guint p = 0; p < parcours_layout_get_n_personas (layout) && expected == NULL; p++)
        {
          const ParcoursRect *h = &parcours_layout_get_persona (layout, p)->rect;
          if (x >= h->x && x < h->x + h->width && y >= h->y && y < h->y + h->height)
            expected = PARCOURS_ELEMENT (parcours_layout_get_persona (layout, p)->persona);
        }

      if (parcours_layout_hit_test (layout, x, y) != expected)
        g_error ("at %g,%g: %s, expected %s", x, y,
                 parcours_layout_hit_test (layout, x, y) ? G_OBJECT_TYPE_NAME (parcours_layout_hit_test (layout, x, y)) : "nothing",
                 expected ? G_OBJECT_TYPE_NAME (expected) : "nothing");
      hits += expected != NULL;
    }

  /* Not a test of empty space only. */
  g_assert_cmpuint (hits, >, 2000);
}

static void
test_viewport_zoom_at_pointer (void)
{
  g_autoptr(ParcoursViewport) viewport = parcours_viewport_new ();
  double before_x, before_y, after_x, after_y;

  parcours_viewport_set_content_size (viewport, 5000, 3000);
  parcours_viewport_set_view_size (viewport, 800, 600);
  parcours_viewport_set_origin (viewport, 1000, 500);

  for (double zoom = 0.1; zoom <= 4.0; zoom *= 1.37)
    {
      parcours_viewport_to_layout (viewport, 300, 200, &before_x, &before_y);
      parcours_viewport_zoom_at (viewport, zoom, 300, 200);
      parcours_viewport_to_layout (viewport, 300, 200, &after_x, &after_y);
      g_assert_cmpfloat_with_epsilon (parcours_viewport_get_zoom (viewport), zoom, 1e-9);
      /* Fixed unless the map's edge stops it; here the map is large. */
      if (zoom > 0.3)
        {
          g_assert_cmpfloat_with_epsilon (before_x, after_x, 1e-6);
          g_assert_cmpfloat_with_epsilon (before_y, after_y, 1e-6);
        }
    }

  parcours_viewport_zoom_at (viewport, 100, 0, 0);
  g_assert_cmpfloat (parcours_viewport_get_zoom (viewport), ==, PARCOURS_VIEWPORT_MAX_ZOOM);
  parcours_viewport_zoom_at (viewport, 0.001, 0, 0);
  g_assert_cmpfloat (parcours_viewport_get_zoom (viewport), ==, PARCOURS_VIEWPORT_MIN_ZOOM);
}

static void
test_viewport_bounds (void)
{
  g_autoptr(ParcoursViewport) viewport = parcours_viewport_new ();

  parcours_viewport_set_content_size (viewport, 2000, 400);
  parcours_viewport_set_view_size (viewport, 800, 600);

  /* Wider than the view: the origin stays within the map. */
  parcours_viewport_set_origin (viewport, -50, 0);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, 0);
  parcours_viewport_set_origin (viewport, 5000, 0);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, 1200);
  /* Lower than the view: centred. */
  g_assert_cmpfloat (parcours_viewport_get_y (viewport), ==, -100);

  parcours_viewport_scroll_by (viewport, -400, 0);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, 800);

  parcours_viewport_zoom_to_fit (viewport);
  g_assert_cmpfloat_with_epsilon (parcours_viewport_get_zoom (viewport), 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (parcours_viewport_get_x (viewport), 0, 1e-9);

  /* Reveal scrolls as little as it must. */
  parcours_viewport_set_zoom (viewport, 1);
  parcours_viewport_set_origin (viewport, 0, 0);
  parcours_viewport_reveal (viewport, 900, 0, 100, 50);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, 1000 + 24 - 800);

  /* The text scale enlarges everything, and "100 %" stays 100 %. */
  parcours_viewport_set_text_scale (viewport, 1.5);
  g_assert_cmpfloat (parcours_viewport_get_zoom (viewport), ==, 1);
  g_assert_cmpfloat (parcours_viewport_get_scale (viewport), ==, 1.5);
}

static void
test_select_click (Fixture       *fixture,
                   gconstpointer  data)
{
  double x, y;

  click (fixture, "t1", 0);
  g_assert_true (selected (fixture, "t1"));
  g_assert_true (parcours_selection_get_focus (fixture->selection) == lookup (fixture, "t1"));

  click (fixture, "t2", PARCOURS_MODIFIER_SHIFT);
  g_assert_true (selected (fixture, "t1") && selected (fixture, "t2"));
  click (fixture, "t1", PARCOURS_MODIFIER_CONTROL);
  g_assert_false (selected (fixture, "t1"));
  g_assert_true (selected (fixture, "t2"));

  click (fixture, "t4", 0);
  g_assert_cmpuint (parcours_selection_get_n_items (fixture->selection), ==, 1);
  g_assert_true (selected (fixture, "t4"));

  /* A click on empty space clears. */
  center_of (fixture, "t4", &x, &y);
  parcours_interaction_press (fixture->interaction, x, y + 300, 1, 0);
  parcours_interaction_release (fixture->interaction, x, y + 300, 0);
  g_assert_cmpuint (parcours_selection_get_n_items (fixture->selection), ==, 0);

  /* Nothing of this is an edit. */
  g_assert_false (parcours_history_get_can_undo (fixture->history));
}

static void
test_select_rubber_band (Fixture       *fixture,
                         gconstpointer  data)
{
  ParcoursRect t1 = rect_of (fixture, "t1"), t3 = rect_of (fixture, "t3");
  ParcoursRect band;

  /* From the empty corner right of the cards, up-left across t1..t3. */
  parcours_interaction_press (fixture->interaction, t3.x + t3.width + 2, t3.y + t3.height + 4, 1, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_PRESSED_EMPTY);
  parcours_interaction_motion (fixture->interaction, t3.x + t3.width - 5, t3.y + 5, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_RUBBER_BAND);
  g_assert_true (parcours_interaction_get_rubber_band (fixture->interaction, &band));
  g_assert_true (selected (fixture, "t3"));
  g_assert_false (selected (fixture, "t1"));
  parcours_interaction_motion (fixture->interaction, t1.x + 5, t1.y + 5, 0);
  g_assert_true (selected (fixture, "t1") && selected (fixture, "t2") && selected (fixture, "t3"));
  g_assert_false (selected (fixture, "t4"));

  /* Escape gives back the selection the band started from. */
  g_assert_true (parcours_interaction_cancel (fixture->interaction));
  g_assert_cmpuint (parcours_selection_get_n_items (fixture->selection), ==, 0);

  parcours_interaction_press (fixture->interaction, t3.x + t3.width + 2, t3.y + t3.height + 4, 1, 0);
  parcours_interaction_motion (fixture->interaction, t1.x + 5, t1.y + 5, 0);
  parcours_interaction_release (fixture->interaction, t1.x + 5, t1.y + 5, 0);
  g_assert_cmpuint (parcours_selection_get_n_items (fixture->selection), ==, 3);

  parcours_interaction_select_all (fixture->interaction);
  g_assert_cmpuint (parcours_selection_get_n_items (fixture->selection), ==, 5);
}

static void
test_move_to_other_stage (Fixture       *fixture,
                          gconstpointer  data)
{
  double x, y, tx, ty;

  center_of (fixture, "t1", &x, &y);
  center_of (fixture, "t4", &tx, &ty);

  /* Into the lower half of t4: after it. */
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  parcours_interaction_motion (fixture->interaction, x + 20, y, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_MOVING_CARDS);
  parcours_interaction_motion (fixture->interaction, tx, ty + 8, 0);
  {
    guint lane, stage, index;
    ParcoursRect marker;

    g_assert_true (parcours_interaction_get_drop (fixture->interaction, &lane, &stage, &index, &marker));
    g_assert_cmpuint (lane, ==, 0);
    g_assert_cmpuint (stage, ==, 1);
    g_assert_cmpuint (index, ==, 1);
    g_assert_cmpfloat (marker.y, >, rect_of (fixture, "t4").y + rect_of (fixture, "t4").height);
  }
  /* Nothing changes before the drop. */
  g_assert_false (parcours_history_get_can_undo (fixture->history));
  parcours_interaction_release (fixture->interaction, tx, ty + 8, 0);
  relayout (fixture);

  assert_cell (fixture, "touch", "s1", "t2 t3");
  assert_cell (fixture, "touch", "s2", "t4 t1");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Move Card");

  g_assert_true (parcours_history_undo (fixture->history));
  assert_original (fixture);
}

static void
test_move_reorder (Fixture       *fixture,
                   gconstpointer  data)
{
  double x, y, tx, ty;

  /* t3 into the upper half of t1: first. */
  center_of (fixture, "t3", &x, &y);
  center_of (fixture, "t1", &tx, &ty);
  drag (fixture, x, y, tx, ty - 5, 0);
  assert_cell (fixture, "touch", "s1", "t3 t1 t2");

  /* t3 back onto its own place, between t2 and the end: last again. */
  center_of (fixture, "t3", &x, &y);
  center_of (fixture, "t2", &tx, &ty);
  drag (fixture, x, y, tx, ty + 10, 0);
  assert_cell (fixture, "touch", "s1", "t1 t2 t3");

  /* Dropped where it already is: no step. */
  center_of (fixture, "t2", &x, &y);
  drag (fixture, x, y, x, y + 1, 0);
  assert_cell (fixture, "touch", "s1", "t1 t2 t3");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  while (parcours_history_undo (fixture->history))
    ;
  assert_original (fixture);
}

static void
test_move_several (Fixture       *fixture,
                   gconstpointer  data)
{
  double x, y, tx, ty;

  click (fixture, "t1", 0);
  click (fixture, "t3", PARCOURS_MODIFIER_CONTROL);
  click (fixture, "a1", PARCOURS_MODIFIER_CONTROL);

  /* Dragging one of them moves all three, in their order, into the
   * empty cell (actions, s3). */
  center_of (fixture, "t3", &x, &y);
  center_of (fixture, "a1", &tx, &ty);
  tx += parcours_layout_get_stage (fixture->layout, 2)->column.x - parcours_layout_get_stage (fixture->layout, 0)->column.x;
  drag (fixture, x, y, tx, ty, 0);

  assert_cell (fixture, "touch", "s1", "t2");
  assert_cell (fixture, "actions", "s3", "t1 t3 a1");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Move Cards");
  /* The selection stays with the moved cards. */
  g_assert_true (selected (fixture, "t1") && selected (fixture, "t3") && selected (fixture, "a1"));

  g_assert_true (parcours_history_undo (fixture->history));
  assert_original (fixture);
}

static void
test_move_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  double x, y, tx, ty;

  center_of (fixture, "t1", &x, &y);
  center_of (fixture, "t4", &tx, &ty);
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  parcours_interaction_motion (fixture->interaction, tx, ty, 0);
  g_assert_true (parcours_interaction_get_drop (fixture->interaction, NULL, NULL, NULL, NULL));
  g_assert_true (parcours_interaction_cancel (fixture->interaction));
  parcours_interaction_release (fixture->interaction, tx, ty, 0);
  relayout (fixture);
  assert_original (fixture);
  g_assert_false (parcours_history_get_can_undo (fixture->history));

  /* Dropped on a header, the emotion lane or outside the grid: nothing. */
  center_of (fixture, "s2", &tx, &ty);
  drag (fixture, x, y, tx, ty, 0);
  center_of (fixture, "p1", &tx, &ty);
  drag (fixture, x, y, tx + 30, ty, 0);
  drag (fixture, x, y, -100, -100, 0);
  assert_original (fixture);
  g_assert_false (parcours_history_get_can_undo (fixture->history));
}

static void
test_point_drag (Fixture       *fixture,
                 gconstpointer  data)
{
  ParcoursEmotionPoint *p1 = PARCOURS_EMOTION_POINT (lookup (fixture, "p1"));
  const ParcoursLaneBox *lane = parcours_layout_get_lane (fixture->layout, 2);
  double x, y;

  center_of (fixture, "p1", &x, &y);

  /* Down to just below "negative": a finer value, snapped with Shift. */
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  parcours_interaction_motion (fixture->interaction, x, y + 10, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_MOVING_POINT);
  parcours_interaction_motion (fixture->interaction, x, lane->value_mid + 0.6 * lane->value_reach, 0);
  relayout (fixture);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (p1), -0.6, 1e-6);
  g_assert_cmpint (parcours_emotion_point_get_level (p1), ==, -1);
  parcours_interaction_motion (fixture->interaction, x, lane->value_mid + 0.6 * lane->value_reach,
                               PARCOURS_MODIFIER_SHIFT);
  g_assert_cmpfloat (parcours_emotion_point_get_value (p1), ==, -0.5);

  /* Far below the band: clamped to the lowest level. */
  parcours_interaction_motion (fixture->interaction, x, y + 2000, 0);
  g_assert_cmpfloat (parcours_emotion_point_get_value (p1), ==, -1);
  parcours_interaction_release (fixture->interaction, x, y + 2000, 0);
  relayout (fixture);

  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Move Emotion Point");
  g_assert_true (parcours_history_undo (fixture->history));
  assert_original (fixture);
  relayout (fixture);

  /* Sideways into the next stage, then cancelled: all back. */
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  parcours_interaction_motion (fixture->interaction, x + 20, y, 0);
  parcours_interaction_motion (fixture->interaction,
                               parcours_layout_get_stage (fixture->layout, 2)->column.x + 10, y, 0);
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (p1), ==, "s3");
  g_assert_cmpfloat (parcours_emotion_point_get_offset (p1), ==, 0);
  g_assert_true (parcours_interaction_cancel (fixture->interaction));
  relayout (fixture);
  assert_original (fixture);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 0);
}

static void
test_point_create (Fixture       *fixture,
                   gconstpointer  data)
{
  const ParcoursLaneBox *lane = parcours_layout_get_lane (fixture->layout, 2);
  const ParcoursStageBox *s3 = parcours_layout_get_stage (fixture->layout, 2);
  ParcoursElement *focus;

  parcours_interaction_press (fixture->interaction, s3->column.x + s3->column.width / 2,
                              lane->value_mid - 0.9 * lane->value_reach, 2, PARCOURS_MODIFIER_SHIFT);
  relayout (fixture);

  focus = parcours_selection_get_focus (fixture->selection);
  g_assert_true (PARCOURS_IS_EMOTION_POINT (focus));
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (PARCOURS_EMOTION_POINT (focus)), ==, "s3");
  g_assert_cmpstr (parcours_emotion_point_get_lane_id (PARCOURS_EMOTION_POINT (focus)), ==, "feel");
  g_assert_cmpfloat (parcours_emotion_point_get_value (PARCOURS_EMOTION_POINT (focus)), ==, 1);
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (PARCOURS_EMOTION_POINT (focus)), 0.5, 0.01);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Add Emotion Point");

  /* Delete removes it; undo brings it back. */
  g_assert_true (parcours_interaction_delete_selection (fixture->interaction));
  relayout (fixture);
  assert_original (fixture);
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_true (parcours_history_undo (fixture->history));
  assert_original (fixture);
}

static guint edit_requests;

static void
edit_requested_cb (ParcoursInteraction *interaction,
                   ParcoursElement     *element,
                   ParcoursElement    **last)
{
  edit_requests++;
  *last = element;
}

static void
test_type_cards (Fixture       *fixture,
                 gconstpointer  data)
{
  ParcoursElement *editing = NULL;
  ParcoursRect t4 = rect_of (fixture, "t4");
  g_autofree char *first_id = NULL;

  g_signal_connect (fixture->interaction, "edit-requested", G_CALLBACK (edit_requested_cb), &editing);
  edit_requests = 0;

  /* A double click below t4 makes a card after it, ready for typing. */
  parcours_interaction_press (fixture->interaction, t4.x + 10, t4.y + t4.height + 30, 2, 0);
  g_assert_cmpuint (edit_requests, ==, 1);
  g_assert_true (PARCOURS_IS_CARD (editing));
  g_assert_true (parcours_interaction_get_editing (fixture->interaction) == editing);
  g_assert_true (parcours_interaction_get_editing_is_new (fixture->interaction));
  first_id = g_strdup (parcours_element_get_id (editing));

  parcours_interaction_update_edit (fixture->interaction, "Pa");
  parcours_interaction_update_edit (fixture->interaction, "Pays");
  /* Enter: committed, and the next card opens below it. */
  parcours_interaction_end_edit (fixture->interaction, TRUE);
  g_assert_cmpuint (edit_requests, ==, 2);
  parcours_interaction_update_edit (fixture->interaction, "Gets a receipt");
  parcours_interaction_end_edit (fixture->interaction, TRUE);
  g_assert_cmpuint (edit_requests, ==, 3);
  /* The third is left empty: it goes without a trace. */
  parcours_interaction_end_edit (fixture->interaction, FALSE);
  relayout (fixture);

  {
    g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (fixture->document, "touch", "s2");

    g_assert_cmpuint (cards->len, ==, 3);
    g_assert_cmpstr (parcours_element_get_id (g_ptr_array_index (cards, 1)), ==, first_id);
    g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (cards, 1)), ==, "Pays");
    g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (cards, 2)), ==, "Gets a receipt");
  }
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Add Card");
  g_assert_false (parcours_history_get_in_group (fixture->history));

  /* Renaming a card is one step however many keys were typed. */
  g_assert_true (parcours_interaction_begin_edit (fixture->interaction, lookup (fixture, "t4")));
  parcours_interaction_update_edit (fixture->interaction, "C");
  parcours_interaction_update_edit (fixture->interaction, "Cart");
  parcours_interaction_end_edit (fixture->interaction, FALSE);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 3);
  /* And so is renaming a stage. */
  g_assert_true (parcours_interaction_begin_edit (fixture->interaction, lookup (fixture, "s2")));
  parcours_interaction_update_edit (fixture->interaction, "Pur");
  parcours_interaction_update_edit (fixture->interaction, "Purchase");
  parcours_interaction_end_edit (fixture->interaction, FALSE);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 4);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Rename Stage");

  while (parcours_history_undo (fixture->history))
    ;
  assert_original (fixture);

  /* Double click on a card edits it; on an empty cell of a card lane
   * makes one there. */
  center_of (fixture, "a1", &t4.x, &t4.y);
  parcours_interaction_press (fixture->interaction, t4.x, t4.y, 2, 0);
  g_assert_true (editing == lookup (fixture, "a1"));
  g_assert_false (parcours_interaction_get_editing_is_new (fixture->interaction));
  parcours_interaction_end_edit (fixture->interaction, FALSE);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 0);
}

static void
test_keyboard_focus (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursInteraction *interaction = fixture->interaction;

#define FOCUS_IS(id) g_assert_true (parcours_selection_get_focus (fixture->selection) == lookup (fixture, id))

  g_assert_true (parcours_interaction_focus_first (interaction));
  FOCUS_IS ("t1");
  g_assert_true (selected (fixture, "t1"));

  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_DOWN, 0));
  FOCUS_IS ("t2");
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_RIGHT, 0));
  FOCUS_IS ("t4");          /* the same place, clamped to the cell */
  g_assert_false (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_RIGHT, 0));
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_LEFT, 0));
  FOCUS_IS ("t1");
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_DOWN, 0));
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_DOWN, 0));
  FOCUS_IS ("t3");
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_DOWN, 0));
  FOCUS_IS ("a1");          /* on into the cell below */
  g_assert_false (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_DOWN, 0));
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_UP, 0));
  FOCUS_IS ("t3");          /* back to the bottom of the cell above */

  /* Tab walks lane by lane, then the points; past the end it leaves. */
  g_assert_true (parcours_interaction_focus_next (interaction, FALSE));
  FOCUS_IS ("t4");
  g_assert_true (parcours_interaction_focus_next (interaction, FALSE));
  FOCUS_IS ("a1");
  g_assert_true (parcours_interaction_focus_next (interaction, FALSE));
  FOCUS_IS ("p1");
  g_assert_true (parcours_interaction_focus_next (interaction, FALSE));
  FOCUS_IS ("p2");
  g_assert_false (parcours_interaction_focus_next (interaction, FALSE));
  g_assert_true (parcours_interaction_focus_next (interaction, TRUE));
  FOCUS_IS ("p1");

  /* None of it is an edit. */
  g_assert_false (parcours_history_get_can_undo (fixture->history));
#undef FOCUS_IS
}

static void
test_keyboard_move (Fixture       *fixture,
                    gconstpointer  data)
{
  ParcoursInteraction *interaction = fixture->interaction;
  ParcoursEmotionPoint *p1 = PARCOURS_EMOTION_POINT (lookup (fixture, "p1"));

  click (fixture, "t2", 0);
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_UP, 0));
  relayout (fixture);
  assert_cell (fixture, "touch", "s1", "t2 t1 t3");
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_DOWN, 0));
  relayout (fixture);
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_DOWN, 0));
  relayout (fixture);
  assert_cell (fixture, "touch", "s1", "t1 t3 t2");
  /* At the bottom of the cell: on into the cell below, at its top. */
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_DOWN, 0));
  relayout (fixture);
  assert_cell (fixture, "actions", "s1", "t2 a1");
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_RIGHT, 0));
  relayout (fixture);
  assert_cell (fixture, "actions", "s2", "t2");
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_RIGHT, 0));
  relayout (fixture);
  g_assert_false (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_RIGHT, 0));
  assert_cell (fixture, "actions", "s3", "t2");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 6);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Move Card");

  /* A focused point: arrows step a level, Alt a tenth, Left/Right along. */
  click (fixture, "p1", 0);
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_UP, 0));
  g_assert_cmpfloat (parcours_emotion_point_get_value (p1), ==, 1);
  g_assert_true (parcours_interaction_focus_neighbour (interaction, PARCOURS_DIRECTION_UP, 0));
  g_assert_cmpfloat (parcours_emotion_point_get_value (p1), ==, 1);
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_DOWN, PARCOURS_MODIFIER_ALT));
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_value (p1), 0.95, 1e-9);
  g_assert_cmpint (parcours_emotion_point_get_level (p1), ==, 2);
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_DOWN, 0));
  g_assert_cmpfloat (parcours_emotion_point_get_value (p1), ==, 0.5);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_RIGHT, 0));
      relayout (fixture);
    }
  g_assert_cmpstr (parcours_emotion_point_get_stage_id (p1), ==, "s2");
  g_assert_cmpfloat_with_epsilon (parcours_emotion_point_get_offset (p1), 0.0, 1e-9);

  while (parcours_history_undo (fixture->history))
    ;
  assert_original (fixture);
}

static void
test_keyboard_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  click (fixture, "t2", 0);
  g_assert_true (parcours_interaction_delete_selection (fixture->interaction));
  relayout (fixture);
  assert_cell (fixture, "touch", "s1", "t1 t3");
  /* The focus goes to the next card of the cell. */
  g_assert_true (parcours_selection_get_focus (fixture->selection) == lookup (fixture, "t3"));
  g_assert_true (selected (fixture, "t3"));

  click (fixture, "t1", 0);
  click (fixture, "t4", PARCOURS_MODIFIER_SHIFT);
  click (fixture, "p2", PARCOURS_MODIFIER_SHIFT);
  g_assert_true (parcours_interaction_delete_selection (fixture->interaction));
  relayout (fixture);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);
  g_assert_null (parcours_document_lookup (fixture->document, "p2"));
  /* The focused point went and no card of its cell is left to take it. */
  g_assert_cmpuint (parcours_selection_get_n_items (fixture->selection), ==, 0);
  g_assert_null (parcours_selection_get_focus (fixture->selection));

  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_true (parcours_history_undo (fixture->history));
  assert_original (fixture);
}

static gboolean have_gtk;

/* The picture the canvas shows, as GTK's cairo renderer draws it. */
static cairo_surface_t *
canvas_picture (ParcoursCanvas *canvas,
                int             width,
                int             height)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  node = parcours_canvas_render_map (canvas);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  gsk_renderer_unrealize (renderer);
  cairo_surface_flush (surface);

  return surface;
}

/* The same map through the export's cairo backend, at @scale. */
static cairo_surface_t *
export_picture (ParcoursDocument *document,
                double            scale,
                double            x,
                double            y,
                int               width,
                int               height)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_LIGHT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(ParcoursDisplayList) list = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  parcours_layout_update (layout, document);
  list = parcours_painter_paint (layout);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, -y);
  g_assert_true (parcours_cairo_render (list, cr, NULL, TRUE, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Mean difference per channel (0–255) and the share of channels that
 * differ by more than 64, within the map (the canvas shades what is
 * around it). */
static void
compare_pictures (cairo_surface_t *a,
                  cairo_surface_t *b,
                  int              x0,
                  int              y0,
                  int              x1,
                  int              y1,
                  double          *mean,
                  double          *far)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint64 sum = 0, n_far = 0, n = 0;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, cairo_image_surface_get_width (a));
  y1 = MIN (y1, cairo_image_surface_get_height (a));
  for (int y = y0; y < y1; y++)
    for (int x = x0 * 4; x < x1 * 4; x++)
      {
        int d = abs (pa[y * stride + x] - pb[y * stride + x]);

        sum += d;
        n_far += d > 64;
        n++;
      }

  g_assert_cmpuint (n, >, 100000);
  *mean = (double) sum / n;
  *far = (double) n_far / n;
}

/* What the canvas shows is what the export draws, at 100 % and zoomed
 * out, through the tiles and with nothing selected. */
static void
test_render_matches_export (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  ParcoursCanvas *canvas;
  ParcoursViewport *viewport;
  const double zooms[] = { 1.0, 0.51, 0.8, 2.0 };

  if (!have_gtk)
    {
      g_test_skip ("no display");
      return;
    }

  canvas = g_object_ref_sink (PARCOURS_CANVAS (parcours_canvas_new ()));
  parcours_canvas_set_history (canvas, history);
  viewport = parcours_canvas_get_viewport (canvas);
  parcours_viewport_set_text_scale (viewport, 1.0);
  parcours_viewport_set_view_size (viewport, 900, 700);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      cairo_surface_t *shown, *exported;
      double mean, far, x, y;

      parcours_viewport_zoom_at (viewport, zooms[i], 0, 0);
      parcours_viewport_set_origin (viewport, 150, 380);
      x = parcours_viewport_get_x (viewport);
      y = parcours_viewport_get_y (viewport);
      shown = canvas_picture (canvas, 900, 700);
      exported = export_picture (document, zooms[i], x, y, 900, 700);
      compare_pictures (shown, exported, (int) ceil (-x * zooms[i]), (int) ceil (-y * zooms[i]),
                        (int) floor ((parcours_layout_get_width (parcours_canvas_get_layout (canvas)) - x) * zooms[i]),
                        (int) floor ((parcours_layout_get_height (parcours_canvas_get_layout (canvas)) - y) * zooms[i]),
                        &mean, &far);
      g_test_message ("zoom %.2f at %.0f,%.0f: mean difference %.2f, %.3f %% far", zooms[i], x, y, mean, far * 100);
      if (mean > 1.5 || far > 0.005)
        {
          cairo_surface_write_to_png (shown, "canvas-shown.png");
          cairo_surface_write_to_png (exported, "canvas-exported.png");
        }
      g_assert_cmpfloat (mean, <, 1.5);
      g_assert_cmpfloat (far, <, 0.005);
      cairo_surface_destroy (shown);
      cairo_surface_destroy (exported);
    }

  g_object_unref (canvas);
}

static void
remember_edit_cb (ParcoursInteraction  *interaction,
                  ParcoursElement      *element,
                  ParcoursElement     **requested)
{
  *requested = element;
}

static void
test_touch (Fixture       *fixture,
            gconstpointer  data)
{
  ParcoursInteraction *interaction = fixture->interaction;
  ParcoursElement *requested = NULL;
  double x, y, tx, ty;

  g_signal_connect (interaction, "edit-requested", G_CALLBACK (remember_edit_cb), &requested);

  /* A swipe that starts on a card pans and changes nothing. */
  center_of (fixture, "t1", &x, &y);
  parcours_interaction_touch_begin (interaction, x, y, 1000);
  g_assert_cmpint (parcours_interaction_get_state (interaction), ==, PARCOURS_INTERACTION_TOUCH_PRESSED);
  g_assert_cmpint (parcours_interaction_touch_update (interaction, x + 2, y, 1020), ==, PARCOURS_TOUCH_NONE);
  g_assert_cmpint (parcours_interaction_touch_update (interaction, x + 60, y, 1050), ==, PARCOURS_TOUCH_PAN);
  g_assert_cmpint (parcours_interaction_touch_update (interaction, x + 300, y, 1400), ==, PARCOURS_TOUCH_PAN);
  parcours_interaction_touch_end (interaction, x + 300, y, 1420);
  relayout (fixture);
  assert_original (fixture);
  g_assert_false (selected (fixture, "t1"));

  /* On empty space too, even after a rest. */
  parcours_interaction_touch_begin (interaction, -30, -30, 2000);
  g_assert_cmpint (parcours_interaction_touch_update (interaction, 40, 40, 2600), ==, PARCOURS_TOUCH_PAN);
  parcours_interaction_touch_end (interaction, 40, 40, 2620);

  /* Held first, then moved: the card goes along, one step. */
  center_of (fixture, "t4", &tx, &ty);
  parcours_interaction_touch_begin (interaction, x, y, 3000);
  g_assert_cmpint (parcours_interaction_touch_update (interaction, x + 1, y, 3200), ==, PARCOURS_TOUCH_NONE);
  g_assert_cmpint (parcours_interaction_touch_update (interaction, x + 30, y, 3000 + PARCOURS_TOUCH_HOLD_MS + 10), ==,
                   PARCOURS_TOUCH_NONE);
  g_assert_cmpint (parcours_interaction_get_state (interaction), ==, PARCOURS_INTERACTION_MOVING_CARDS);
  parcours_interaction_touch_update (interaction, tx, ty + 8, 3500);
  g_assert_true (parcours_interaction_get_drop (interaction, NULL, NULL, NULL, NULL));
  parcours_interaction_touch_end (interaction, tx, ty + 8, 3520);
  relayout (fixture);
  assert_cell (fixture, "touch", "s2", "t4 t1");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Move Card");
  g_assert_true (parcours_history_undo (fixture->history));
  relayout (fixture);

  /* A tap selects; a second tap soon after on the same card edits it. */
  center_of (fixture, "t2", &x, &y);
  parcours_interaction_touch_begin (interaction, x, y, 5000);
  parcours_interaction_touch_end (interaction, x, y, 5080);
  g_assert_true (selected (fixture, "t2"));
  g_assert_null (requested);
  parcours_interaction_touch_begin (interaction, x + 3, y + 2, 5200);
  parcours_interaction_touch_end (interaction, x + 3, y + 2, 5260);
  g_assert_true (requested == lookup (fixture, "t2"));
  requested = NULL;

  /* Two taps too far apart in time are two taps. */
  parcours_interaction_touch_begin (interaction, x, y, 7000);
  parcours_interaction_touch_end (interaction, x, y, 7050);
  parcours_interaction_touch_begin (interaction, x, y, 7000 + PARCOURS_TOUCH_DOUBLE_TAP_MS + 200);
  parcours_interaction_touch_end (interaction, x, y, 7000 + PARCOURS_TOUCH_DOUBLE_TAP_MS + 250);
  g_assert_null (requested);

  /* A long press: the menu's target, the finger does nothing more. */
  center_of (fixture, "t3", &x, &y);
  parcours_interaction_touch_begin (interaction, x, y, 9000);
  g_assert_true (parcours_interaction_context (interaction, x, y) == lookup (fixture, "t3"));
  g_assert_cmpint (parcours_interaction_touch_update (interaction, x + 80, y, 9700), ==, PARCOURS_TOUCH_NONE);
  parcours_interaction_touch_end (interaction, x + 80, y, 9720);
  g_assert_true (selected (fixture, "t3"));

  /* A held point is dragged too; a pinch (cancel) mid-drag puts it back. */
  center_of (fixture, "p1", &x, &y);
  parcours_interaction_touch_begin (interaction, x, y, 11000);
  parcours_interaction_touch_update (interaction, x, y + 40, 11400);
  g_assert_cmpint (parcours_interaction_get_state (interaction), ==, PARCOURS_INTERACTION_MOVING_POINT);
  g_assert_true (parcours_interaction_cancel (interaction));
  parcours_interaction_touch_end (interaction, x, y + 40, 11420);

  relayout (fixture);
  assert_original (fixture);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  have_gtk = parcours_test_canvas_init (&argc, &argv);

#define ADD PARCOURS_TEST_CANVAS_ADD

  g_test_add_func ("/canvas/hit-test/index", test_hit_test_index);
  g_test_add_func ("/canvas/viewport/zoom-at-pointer", test_viewport_zoom_at_pointer);
  g_test_add_func ("/canvas/viewport/bounds", test_viewport_bounds);
  ADD ("/canvas/select/click", test_select_click);
  ADD ("/canvas/select/rubber-band", test_select_rubber_band);
  ADD ("/canvas/move/other-stage", test_move_to_other_stage);
  ADD ("/canvas/move/reorder", test_move_reorder);
  ADD ("/canvas/move/several", test_move_several);
  ADD ("/canvas/move/cancel", test_move_cancel);
  ADD ("/canvas/point/drag", test_point_drag);
  ADD ("/canvas/point/create", test_point_create);
  ADD ("/canvas/edit/type-cards", test_type_cards);
  ADD ("/canvas/keyboard/focus", test_keyboard_focus);
  ADD ("/canvas/keyboard/move", test_keyboard_move);
  ADD ("/canvas/keyboard/delete", test_keyboard_delete);
  ADD ("/canvas/touch/gestures", test_touch);
  g_test_add_func ("/canvas/render/matches-export", test_render_matches_export);
#undef ADD

  return g_test_run ();
}
