/* test-canvas-menus.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


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

/* The canvas's context menus, the stage and lane headers (insert, remove,
 * move, drag, resize, the add buttons) and the palette, without a window:
 * each edit is one undo step, and undoing them all gives back the file
 * the map came from. */

typedef ParcoursTestCanvas Fixture;

#define lookup parcours_test_canvas_lookup
#define relayout parcours_test_canvas_relayout
#define rect_of parcours_test_canvas_rect_of
#define center_of parcours_test_canvas_center_of
#define assert_cell parcours_test_canvas_assert_cell
#define drag parcours_test_canvas_drag
#define click parcours_test_canvas_click
#define selected parcours_test_canvas_selected
#define undo_all parcours_test_canvas_undo_all

static void
test_context_target (Fixture       *fixture,
                     gconstpointer  data)
{
  double x, y;

  /* On one of several selected cards: the selection stays, so the menu
   * acts on them all. */
  click (fixture, "t1", 0);
  click (fixture, "t3", PARCOURS_MODIFIER_CONTROL);
  center_of (fixture, "t3", &x, &y);
  g_assert_true (parcours_interaction_context (fixture->interaction, x, y) == lookup (fixture, "t3"));
  g_assert_true (selected (fixture, "t1") && selected (fixture, "t3"));
  {
    g_autoptr(GPtrArray) targets = parcours_interaction_get_card_targets (fixture->interaction, lookup (fixture, "t3"));
    g_assert_cmpuint (targets->len, ==, 2);
  }

  /* On a card outside it: that card alone. */
  center_of (fixture, "t4", &x, &y);
  g_assert_true (parcours_interaction_context (fixture->interaction, x, y) == lookup (fixture, "t4"));
  g_assert_false (selected (fixture, "t1"));
  g_assert_true (selected (fixture, "t4"));

  /* Headers and points have menus; empty space has its own. */
  center_of (fixture, "s2", &x, &y);
  g_assert_true (parcours_interaction_context (fixture->interaction, x, y) == lookup (fixture, "s2"));
  center_of (fixture, "touch", &x, &y);
  g_assert_true (parcours_interaction_context (fixture->interaction, x, y) == lookup (fixture, "touch"));
  center_of (fixture, "p1", &x, &y);
  g_assert_true (parcours_interaction_context (fixture->interaction, x, y) == lookup (fixture, "p1"));
  g_assert_null (parcours_interaction_context (fixture->interaction, -50, -50));

  /* A press in progress is abandoned: the long press of a touch. */
  center_of (fixture, "t1", &x, &y);
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_PRESSED);
  g_assert_true (parcours_interaction_context (fixture->interaction, x, y) == lookup (fixture, "t1"));
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_IDLE);
  parcours_interaction_release (fixture->interaction, x, y, 0);
  g_assert_false (parcours_history_get_can_undo (fixture->history));
}

static void
test_menu_change_several (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  ParcoursCard *t1 = PARCOURS_CARD (lookup (fixture, "t1"));
  ParcoursCard *t3 = PARCOURS_CARD (lookup (fixture, "t3"));
  ParcoursCard *a1 = PARCOURS_CARD (lookup (fixture, "a1"));

  click (fixture, "t1", 0);
  click (fixture, "t3", PARCOURS_MODIFIER_CONTROL);
  click (fixture, "a1", PARCOURS_MODIFIER_CONTROL);

  g_value_init (&value, PARCOURS_TYPE_CHANNEL);
  g_value_set_enum (&value, PARCOURS_CHANNEL_EMAIL);
  g_assert_true (parcours_interaction_set_cards (fixture->interaction, PARCOURS_ELEMENT (t3), "Change Channel",
                                                 "channel", &value));
  g_assert_cmpint (parcours_card_get_channel (t1), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpint (parcours_card_get_channel (t3), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpint (parcours_card_get_channel (a1), ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_cmpint (parcours_card_get_channel (PARCOURS_CARD (lookup (fixture, "t2"))), ==, PARCOURS_CHANNEL_NONE);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Change Channel");

  /* A second change is a second step, even of the same property. */
  g_value_set_enum (&value, PARCOURS_CHANNEL_CHAT);
  parcours_interaction_set_cards (fixture->interaction, PARCOURS_ELEMENT (t1), "Change Channel", "channel", &value);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  g_assert_true (parcours_interaction_toggle_key_moment (fixture->interaction, PARCOURS_ELEMENT (a1)));
  g_assert_true (parcours_card_get_key_moment (t1) && parcours_card_get_key_moment (t3) &&
                 parcours_card_get_key_moment (a1));
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Mark as Key Moment");
  g_assert_true (parcours_interaction_toggle_key_moment (fixture->interaction, PARCOURS_ELEMENT (a1)));
  g_assert_false (parcours_card_get_key_moment (t1));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 4);

  /* On a card outside the selection: that card alone. */
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "#f66151");
  parcours_interaction_set_cards (fixture->interaction, lookup (fixture, "t4"), "Change Color", "color", &value);
  g_assert_cmpstr (parcours_card_get_color (PARCOURS_CARD (lookup (fixture, "t4"))), ==, "#f66151");
  g_assert_null (parcours_card_get_color (t1));

  undo_all (fixture);
}

static void
test_menu_duplicate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) copies = NULL;
  ParcoursCard *copy;

  parcours_card_set_sentiment (PARCOURS_CARD (lookup (fixture, "t1")), PARCOURS_SENTIMENT_NEGATIVE);
  g_free (fixture->original);
  fixture->original = parcours_test_canvas_save_string (fixture->document);

  click (fixture, "t1", 0);
  click (fixture, "t3", PARCOURS_MODIFIER_CONTROL);
  copies = parcours_interaction_duplicate_cards (fixture->interaction, lookup (fixture, "t1"));
  relayout (fixture);
  g_assert_cmpuint (copies->len, ==, 2);
  copy = g_ptr_array_index (copies, 0);
  g_assert_cmpstr (parcours_card_get_text (copy), ==, "Sees an ad");
  g_assert_cmpint (parcours_card_get_sentiment (copy), ==, PARCOURS_SENTIMENT_NEGATIVE);
  {
    g_autofree char *expected = g_strdup_printf ("t1 %s t2 t3 %s",
                                                 parcours_element_get_id (g_ptr_array_index (copies, 0)),
                                                 parcours_element_get_id (g_ptr_array_index (copies, 1)));
    assert_cell (fixture, "touch", "s1", expected);
  }
  /* The copies are selected, not the originals. */
  g_assert_false (selected (fixture, "t1"));
  g_assert_true (parcours_selection_contains (fixture->selection, g_ptr_array_index (copies, 1)));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Duplicate Cards");

  undo_all (fixture);
}

static void
test_header_insert (Fixture       *fixture,
                    gconstpointer  data)
{
  ParcoursStage *stage;
  ParcoursLane *lane;
  guint position;
  GListModel *personas = parcours_document_get_personas (fixture->document);

  stage = parcours_interaction_insert_stage (fixture->interaction, PARCOURS_STAGE (lookup (fixture, "s1")), TRUE);
  g_assert_nonnull (stage);
  g_assert_true (parcours_document_find_position (fixture->document, PARCOURS_ELEMENT (stage), &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "New Stage");
  g_assert_true (parcours_selection_get_focus (fixture->selection) == PARCOURS_ELEMENT (stage));
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Add Stage");

  stage = parcours_interaction_insert_stage (fixture->interaction, PARCOURS_STAGE (lookup (fixture, "s1")), FALSE);
  g_assert_true (parcours_document_find_position (fixture->document, PARCOURS_ELEMENT (stage), &position));
  g_assert_cmpuint (position, ==, 0);

  lane = parcours_interaction_insert_lane (fixture->interaction, PARCOURS_LANE (lookup (fixture, "touch")), TRUE,
                                           PARCOURS_LANE_KIND_PAIN_POINTS);
  g_assert_true (parcours_document_find_position (fixture->document, PARCOURS_ELEMENT (lane), &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_PAIN_POINTS);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Add Lane");

  /* Anna has her curve: a new emotion lane comes with a new persona, in
   * the same step; the next one too. */
  lane = parcours_interaction_insert_lane (fixture->interaction, NULL, TRUE, PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);
  g_assert_nonnull (parcours_document_lookup_persona (fixture->document, parcours_lane_get_persona_id (lane)));
  g_assert_cmpstr (parcours_lane_get_persona_id (lane), !=, "anna");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 4);
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 1);
  g_assert_true (parcours_history_redo (fixture->history));

  /* A persona without a curve gets the next emotion lane. */
  parcours_history_undo (fixture->history);
  {
    g_autoptr(ParcoursPersona) ben = parcours_persona_new ("ben", "Ben");
    parcours_history_insert (fixture->history, PARCOURS_ELEMENT (ben), 1, NULL);
  }
  lane = parcours_interaction_insert_lane (fixture->interaction, NULL, TRUE, PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==, "ben");
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);

  relayout (fixture);
  undo_all (fixture);
}

static void
test_header_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n_cards = 99;

  /* A stage with cards: they go with it, in one step; the neighbour
   * takes the focus. */
  g_assert_true (parcours_interaction_remove_header (fixture->interaction, lookup (fixture, "s1"), &n_cards));
  g_assert_cmpuint (n_cards, ==, 4);
  g_assert_null (parcours_document_lookup (fixture->document, "t1"));
  g_assert_null (parcours_document_lookup (fixture->document, "p1"));
  g_assert_true (parcours_selection_get_focus (fixture->selection) == lookup (fixture, "s2"));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Delete Stage");
  relayout (fixture);

  /* An empty one says so. */
  g_assert_true (parcours_interaction_remove_header (fixture->interaction, lookup (fixture, "s3"), &n_cards));
  g_assert_cmpuint (n_cards, ==, 0);
  g_assert_false (parcours_interaction_remove_header (fixture->interaction, lookup (fixture, "t4"), &n_cards));
  relayout (fixture);

  g_assert_true (parcours_interaction_remove_header (fixture->interaction, lookup (fixture, "actions"), &n_cards));
  g_assert_cmpuint (n_cards, ==, 0);
  relayout (fixture);
  undo_all (fixture);
}

static void
test_header_keyboard_move (Fixture       *fixture,
                           gconstpointer  data)
{
  ParcoursInteraction *interaction = fixture->interaction;
  guint position;

  /* A focused stage moves left and right with Alt+arrows, not up. */
  click (fixture, "s2", 0);
  g_assert_true (parcours_selection_get_focus (fixture->selection) == lookup (fixture, "s2"));
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_RIGHT, PARCOURS_MODIFIER_ALT));
  relayout (fixture);
  g_assert_true (parcours_document_find_position (fixture->document, lookup (fixture, "s2"), &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_false (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_RIGHT, PARCOURS_MODIFIER_ALT));
  g_assert_false (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_UP, PARCOURS_MODIFIER_ALT));
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Reorder Stages");

  /* A lane up and down. */
  click (fixture, "actions", 0);
  g_assert_true (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_UP, PARCOURS_MODIFIER_ALT));
  relayout (fixture);
  g_assert_true (parcours_document_find_position (fixture->document, lookup (fixture, "actions"), &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_UP, PARCOURS_MODIFIER_ALT));
  g_assert_false (parcours_interaction_move_focused (interaction, PARCOURS_DIRECTION_LEFT, PARCOURS_MODIFIER_ALT));
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Reorder Lanes");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  undo_all (fixture);
}

static guint
position_of (Fixture    *fixture,
             const char *id)
{
  guint position;

  g_assert_true (parcours_document_find_position (fixture->document, lookup (fixture, id), &position));
  return position;
}

static void
test_header_drag_stage (Fixture       *fixture,
                        gconstpointer  data)
{
  ParcoursRect s1 = rect_of (fixture, "s1"), s3 = rect_of (fixture, "s3");
  double x, y;
  guint index;
  ParcoursRect marker;

  /* Discover dragged past the middle of Use: last. The marker stands at
   * Use's right edge; nothing changes before the drop. */
  center_of (fixture, "s1", &x, &y);
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_PRESSED_HEADER);
  parcours_interaction_motion (fixture->interaction, x + 20, y, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_MOVING_STAGE);
  g_assert_true (parcours_interaction_get_moving_header (fixture->interaction) == lookup (fixture, "s1"));
  /* Still in its own place: no drop. */
  g_assert_false (parcours_interaction_get_header_drop (fixture->interaction, NULL, NULL));
  parcours_interaction_motion (fixture->interaction, s3.x + s3.width * 0.75, y + 30, 0);
  g_assert_true (parcours_interaction_get_header_drop (fixture->interaction, &index, &marker));
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpfloat_with_epsilon (marker.x + marker.width / 2, s3.x + s3.width, 1e-6);
  g_assert_cmpfloat (marker.height, >, s1.height * 3);
  g_assert_false (parcours_history_get_can_undo (fixture->history));
  parcours_interaction_release (fixture->interaction, s3.x + s3.width * 0.75, y + 30, 0);
  relayout (fixture);
  g_assert_cmpuint (position_of (fixture, "s1"), ==, 2);
  g_assert_cmpuint (position_of (fixture, "s2"), ==, 0);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Reorder Stages");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  /* Its cards went along, in their cell. */
  assert_cell (fixture, "touch", "s1", "t1 t2 t3");

  /* Escape during the drag: nothing. */
  center_of (fixture, "s2", &x, &y);
  parcours_interaction_press (fixture->interaction, x, y, 1, 0);
  parcours_interaction_motion (fixture->interaction, x + 400, y, 0);
  g_assert_true (parcours_interaction_cancel (fixture->interaction));
  parcours_interaction_release (fixture->interaction, x + 400, y, 0);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);

  /* A click on a header only selects it. */
  click (fixture, "s3", 0);
  g_assert_true (selected (fixture, "s3"));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);

  undo_all (fixture);
}

static void
test_header_drag_lane (Fixture       *fixture,
                       gconstpointer  data)
{
  ParcoursRect feel = rect_of (fixture, "feel");
  double x, y;

  /* Touchpoints dragged into the lower half of Feelings: last. */
  center_of (fixture, "touch", &x, &y);
  drag (fixture, x, y, x + 5, feel.y + feel.height * 0.8, 0);
  g_assert_cmpuint (position_of (fixture, "touch"), ==, 2);
  g_assert_cmpuint (position_of (fixture, "feel"), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Reorder Lanes");

  /* Back up above Actions, now first: first again. */
  center_of (fixture, "touch", &x, &y);
  drag (fixture, x, y, x, rect_of (fixture, "actions").y + 2, 0);
  g_assert_cmpuint (position_of (fixture, "touch"), ==, 0);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  undo_all (fixture);
}

static void
test_header_resize (Fixture       *fixture,
                    gconstpointer  data)
{
  ParcoursStage *s1 = PARCOURS_STAGE (lookup (fixture, "s1"));
  ParcoursRect header = rect_of (fixture, "s1");
  const ParcoursStageBox *box = parcours_layout_get_stage (fixture->layout, 0);
  double edge = box->column.x + box->column.width, y = header.y + header.height / 2;

  /* The border is grabbed a little either side of the edge, in the
   * header row only. */
  g_assert_true (parcours_interaction_get_border_at (fixture->interaction, edge - 2, y) == s1);
  g_assert_true (parcours_interaction_get_border_at (fixture->interaction, edge + 2, y) == s1);
  g_assert_null (parcours_interaction_get_border_at (fixture->interaction, edge - 30, y));
  g_assert_null (parcours_interaction_get_border_at (fixture->interaction, edge, header.y + header.height + 40));

  /* Wider by half the default width, live, one step. */
  parcours_interaction_press (fixture->interaction, edge, y, 1, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_PRESSED_BORDER);
  parcours_interaction_motion (fixture->interaction, edge + 50, y, 0);
  g_assert_cmpint (parcours_interaction_get_state (fixture->interaction), ==, PARCOURS_INTERACTION_RESIZING_STAGE);
  parcours_interaction_motion (fixture->interaction, edge + 112, y, 0);
  g_assert_cmpfloat_with_epsilon (parcours_stage_get_width (s1), 1.5, 1e-9);
  parcours_interaction_release (fixture->interaction, edge + 112, y + 40, 0);
  relayout (fixture);
  g_assert_cmpfloat_with_epsilon (parcours_stage_get_width (s1), 1.5, 1e-9);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Resize Stage");

  /* Never narrower than the minimum. */
  box = parcours_layout_get_stage (fixture->layout, 0);
  edge = box->column.x + box->column.width;
  drag (fixture, edge, y, box->column.x - 300, y, 0);
  g_assert_cmpfloat_with_epsilon (parcours_stage_get_width (s1), PARCOURS_INTERACTION_MIN_STAGE_WIDTH, 1e-9);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  /* Escape puts the width back. */
  box = parcours_layout_get_stage (fixture->layout, 0);
  edge = box->column.x + box->column.width;
  parcours_interaction_press (fixture->interaction, edge, y, 1, 0);
  parcours_interaction_motion (fixture->interaction, edge + 200, y, 0);
  g_assert_cmpfloat (parcours_stage_get_width (s1), >, 1);
  g_assert_true (parcours_interaction_cancel (fixture->interaction));
  g_assert_cmpfloat_with_epsilon (parcours_stage_get_width (s1), PARCOURS_INTERACTION_MIN_STAGE_WIDTH, 1e-9);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  /* A double click on the border: the default width again. */
  parcours_interaction_press (fixture->interaction, edge, y, 1, 0);
  parcours_interaction_release (fixture->interaction, edge, y, 0);
  parcours_interaction_press (fixture->interaction, edge, y, 2, 0);
  parcours_interaction_release (fixture->interaction, edge, y, 0);
  g_assert_cmpfloat (parcours_stage_get_width (s1), ==, 1.0);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 3);

  relayout (fixture);
  undo_all (fixture);
}

static void
test_header_add_button (Fixture       *fixture,
                        gconstpointer  data)
{
  ParcoursRect plus, s3 = rect_of (fixture, "s3");
  GListModel *stages = parcours_document_get_stages (fixture->document);

  /* Just right of the last stage's header, on its row. */
  g_assert_true (parcours_interaction_get_add_stage_button (fixture->interaction, &plus));
  g_assert_cmpfloat (plus.x, >=, s3.x + s3.width);
  g_assert_cmpfloat (plus.y, >=, s3.y);
  g_assert_cmpfloat (plus.y + plus.height, <=, s3.y + s3.height);
  g_assert_cmpfloat (plus.x + plus.width, <=, parcours_layout_get_width (fixture->layout));

  /* A click adds a stage at the end, one step. */
  parcours_interaction_press (fixture->interaction, plus.x + plus.width / 2, plus.y + plus.height / 2, 1, 0);
  parcours_interaction_release (fixture->interaction, plus.x + plus.width / 2, plus.y + plus.height / 2, 0);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 4);
  g_assert_cmpuint (position_of (fixture, parcours_element_get_id (parcours_selection_get_focus (fixture->selection))),
                    ==, 3);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  relayout (fixture);
  undo_all (fixture);
}

static void
test_header_lane_kind (Fixture       *fixture,
                       gconstpointer  data)
{
  ParcoursLane *actions = PARCOURS_LANE (lookup (fixture, "actions"));
  ParcoursLane *feel = PARCOURS_LANE (lookup (fixture, "feel"));

  g_assert_true (parcours_interaction_set_lane_kind (fixture->interaction, actions, PARCOURS_LANE_KIND_THOUGHTS));
  g_assert_cmpint (parcours_lane_get_kind (actions), ==, PARCOURS_LANE_KIND_THOUGHTS);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Change Lane Kind");
  /* Cards and points do not convert. */
  g_assert_false (parcours_interaction_set_lane_kind (fixture->interaction, actions, PARCOURS_LANE_KIND_EMOTIONS));
  g_assert_false (parcours_interaction_set_lane_kind (fixture->interaction, feel, PARCOURS_LANE_KIND_NOTES));
  g_assert_false (parcours_interaction_set_lane_kind (fixture->interaction, actions, PARCOURS_LANE_KIND_THOUGHTS));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  undo_all (fixture);
}

static void
test_point_menu (Fixture       *fixture,
                 gconstpointer  data)
{
  ParcoursEmotionPoint *p1 = PARCOURS_EMOTION_POINT (lookup (fixture, "p1"));

  g_assert_true (parcours_interaction_set_point_level (fixture->interaction, p1, -2));
  g_assert_cmpfloat (parcours_emotion_point_get_value (p1), ==, -1);
  g_assert_false (parcours_interaction_set_point_level (fixture->interaction, p1, -7));
  g_assert_true (parcours_interaction_set_point_level (fixture->interaction, p1, 0));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);
  g_assert_true (parcours_interaction_set_point_label (fixture->interaction, p1, "Relieved"));
  g_assert_cmpstr (parcours_emotion_point_get_label (p1), ==, "Relieved");
  g_assert_false (parcours_interaction_set_point_label (fixture->interaction, p1, "Relieved"));
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 3);
  undo_all (fixture);
}

static void
test_palette_target (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursRect t1 = rect_of (fixture, "t1"), t2 = rect_of (fixture, "t2"), a1 = rect_of (fixture, "a1");
  const ParcoursStageBox *s3 = parcours_layout_get_stage (fixture->layout, 2);
  guint lane, stage, index;
  ParcoursRect marker;

  /* A touchpoint between t1 and t2: there, with the marker between. */
  g_assert_true (parcours_interaction_palette_target (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                      t2.x + 10, t2.y + 2, &lane, &stage, &index, &marker));
  g_assert_cmpuint (lane, ==, 0);
  g_assert_cmpuint (stage, ==, 0);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpfloat (marker.y, >, t1.y + t1.height);
  g_assert_cmpfloat (marker.y, <, t2.y);

  /* An action dropped on the touchpoints of Use goes to Use's actions;
   * a note, with no notes lane, stays where it was dropped. */
  g_assert_true (parcours_interaction_palette_target (fixture->interaction, PARCOURS_LANE_KIND_ACTIONS,
                                                      s3->column.x + 20, t1.y, &lane, &stage, &index, NULL));
  g_assert_cmpuint (lane, ==, 1);
  g_assert_cmpuint (stage, ==, 2);
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (parcours_interaction_palette_target (fixture->interaction, PARCOURS_LANE_KIND_NOTES,
                                                      a1.x + 10, a1.y + a1.height - 1, &lane, &stage, &index, NULL));
  g_assert_cmpuint (lane, ==, 1);
  g_assert_cmpuint (index, ==, 1);

  /* Outside the grid, or on the emotion curve with no lane of that kind:
   * nowhere. A touchpoint on the curve goes to the touchpoints lane. */
  g_assert_false (parcours_interaction_palette_target (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                       -40, -40, &lane, &stage, &index, NULL));
  {
    double x, y;

    center_of (fixture, "p1", &x, &y);
    g_assert_false (parcours_interaction_palette_target (fixture->interaction, PARCOURS_LANE_KIND_NOTES,
                                                         x + 30, y, &lane, &stage, &index, NULL));
    g_assert_true (parcours_interaction_palette_target (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                        x + 30, y, &lane, &stage, &index, NULL));
    g_assert_cmpuint (lane, ==, 0);
  }

  /* The hover preview follows, and goes when the drag leaves. */
  parcours_interaction_palette_hover (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS, t2.x + 10, t2.y + 2);
  g_assert_true (parcours_interaction_get_palette_drop (fixture->interaction, &marker));
  parcours_interaction_palette_hover (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS, -40, -40);
  g_assert_false (parcours_interaction_get_palette_drop (fixture->interaction, NULL));
  parcours_interaction_palette_hover (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS, t2.x + 10, t2.y + 2);
  parcours_interaction_palette_leave (fixture->interaction);
  g_assert_false (parcours_interaction_get_palette_drop (fixture->interaction, NULL));
  g_assert_false (parcours_history_get_can_undo (fixture->history));
}

static void
test_palette_add (Fixture       *fixture,
                  gconstpointer  data)
{
  ParcoursRect t2 = rect_of (fixture, "t2");
  ParcoursCard *card;
  ParcoursChannel channel;
  ParcoursLaneKind kind;
  g_autofree char *item = parcours_palette_encode_item (PARCOURS_LANE_KIND_TOUCHPOINTS, PARCOURS_CHANNEL_EMAIL);

  /* Items survive the drag's string; other text is no item. */
  g_assert_true (parcours_palette_decode_item (item, &kind, &channel));
  g_assert_cmpint (kind, ==, PARCOURS_LANE_KIND_TOUCHPOINTS);
  g_assert_cmpint (channel, ==, PARCOURS_CHANNEL_EMAIL);
  g_assert_false (parcours_palette_decode_item ("Hello", &kind, &channel));
  g_assert_false (parcours_palette_decode_item ("parcours-palette-item emotions none", &kind, &channel));
  g_assert_false (parcours_palette_decode_item ("parcours-palette-item actions pigeon", &kind, &channel));

  /* An email touchpoint dropped between t1 and t2, typed: one step. */
  card = parcours_interaction_add_from_palette (fixture->interaction, PARCOURS_LANE_KIND_TOUCHPOINTS,
                                                PARCOURS_CHANNEL_EMAIL, t2.x + 10, t2.y + 2);
  g_assert_nonnull (card);
  g_assert_true (parcours_interaction_get_editing (fixture->interaction) == PARCOURS_ELEMENT (card));
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_EMAIL);
  parcours_interaction_update_edit (fixture->interaction, "Newsletter");
  parcours_interaction_end_edit (fixture->interaction, FALSE);
  relayout (fixture);
  {
    g_autofree char *expected = g_strdup_printf ("t1 %s t2 t3", parcours_element_get_id (PARCOURS_ELEMENT (card)));
    assert_cell (fixture, "touch", "s1", expected);
  }
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Add Card");

  /* From the keyboard: into the focused card's cell, after it; left
   * empty, it leaves no trace. */
  click (fixture, "a1", 0);
  card = parcours_interaction_add_from_palette (fixture->interaction, PARCOURS_LANE_KIND_ACTIONS,
                                                PARCOURS_CHANNEL_NONE, NAN, NAN);
  g_assert_cmpstr (parcours_card_get_lane_id (card), ==, "actions");
  parcours_interaction_end_edit (fixture->interaction, FALSE);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);

  /* Outside the grid: nothing. */
  g_assert_null (parcours_interaction_add_from_palette (fixture->interaction, PARCOURS_LANE_KIND_ACTIONS,
                                                        PARCOURS_CHANNEL_NONE, -50, -50));
  relayout (fixture);
  undo_all (fixture);
}

int
main (int   argc,
      char *argv[])
{
  parcours_test_canvas_init (&argc, &argv);

#define ADD PARCOURS_TEST_CANVAS_ADD

  ADD ("/canvas/menu/context-target", test_context_target);
  ADD ("/canvas/menu/change-several", test_menu_change_several);
  ADD ("/canvas/menu/duplicate", test_menu_duplicate);
  ADD ("/canvas/header/insert", test_header_insert);
  ADD ("/canvas/header/remove", test_header_remove);
  ADD ("/canvas/header/keyboard-move", test_header_keyboard_move);
  ADD ("/canvas/header/lane-kind", test_header_lane_kind);
  ADD ("/canvas/header/drag-stage", test_header_drag_stage);
  ADD ("/canvas/header/drag-lane", test_header_drag_lane);
  ADD ("/canvas/header/resize", test_header_resize);
  ADD ("/canvas/header/add-button", test_header_add_button);
  ADD ("/canvas/point/menu", test_point_menu);
  ADD ("/canvas/palette/target", test_palette_target);
  ADD ("/canvas/palette/add", test_palette_add);
#undef ADD

  return g_test_run ();
}
