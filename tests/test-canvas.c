/* test-canvas.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
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

/* The canvas's behaviour without a window: the interaction state machine
 * fed press / motion / release sequences in layout coordinates, the
 * keyboard, the viewport and hit testing. Each test checks the document,
 * the history and the selection, never pixels. */

typedef struct
{
  ParcoursDocument *document;
  ParcoursHistory *history;
  ParcoursSelection *selection;
  ParcoursInteraction *interaction;
  ParcoursLayout *layout;
  char *original;
} Fixture;

static char *
save (ParcoursDocument *document)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
relayout (Fixture *fixture)
{
  parcours_layout_update (fixture->layout, fixture->document);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_LIGHT);

  fixture->document = parcours_test_make_canvas_map ();
  fixture->history = parcours_history_new (fixture->document);
  fixture->selection = parcours_selection_new ();
  fixture->interaction = parcours_interaction_new (fixture->history, fixture->selection);
  fixture->layout = parcours_layout_new (style);
  fixture->original = save (fixture->document);
  relayout (fixture);
  parcours_interaction_set_layout (fixture->interaction, fixture->layout);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->interaction);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->original, g_free);
}

static ParcoursElement *
lookup (Fixture    *fixture,
        const char *id)
{
  ParcoursElement *element = parcours_document_lookup (fixture->document, id);

  g_assert_nonnull (element);
  return element;
}

static ParcoursRect
rect_of (Fixture    *fixture,
         const char *id)
{
  ParcoursElement *element = lookup (fixture, id);
  int index = parcours_layout_find (fixture->layout, element);

  g_assert_cmpint (index, >=, 0);
  if (PARCOURS_IS_CARD (element))
    return parcours_layout_get_card (fixture->layout, index)->rect;
  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      const ParcoursPointBox *box = parcours_layout_get_point (fixture->layout, index);
      return (ParcoursRect) { box->x, box->y, 0, 0 };
    }
  if (PARCOURS_IS_STAGE (element))
    return parcours_layout_get_stage (fixture->layout, index)->header;
  return parcours_layout_get_lane (fixture->layout, index)->header;
}

static void
center_of (Fixture    *fixture,
           const char *id,
           double     *x,
           double     *y)
{
  ParcoursRect r = rect_of (fixture, id);

  *x = r.x + r.width / 2;
  *y = r.y + r.height / 2;
}

/* The ids of a cell's cards, top to bottom, as "t1 t2". */
static char *
cell (Fixture    *fixture,
      const char *lane,
      const char *stage)
{
  g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (fixture->document, lane, stage);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", parcours_element_get_id (g_ptr_array_index (cards, i)));

  return g_string_free (ids, FALSE);
}

#define assert_cell(fixture, lane, stage, expected) \
  G_STMT_START { \
    g_autofree char *__ids = cell ((fixture), (lane), (stage)); \
    g_assert_cmpstr (__ids, ==, (expected)); \
  } G_STMT_END

static void
assert_original (Fixture *fixture)
{
  g_autofree char *now = save (fixture->document);

  g_assert_cmpstr (now, ==, fixture->original);
}

/* A whole drag, with a motion just past the threshold first, as GTK
 * delivers it. */
static void
drag (Fixture           *fixture,
      double             x0,
      double             y0,
      double             x1,
      double             y1,
      ParcoursModifiers  modifiers)
{
  parcours_interaction_press (fixture->interaction, x0, y0, 1, modifiers);
  parcours_interaction_motion (fixture->interaction, x0 + 10, y0 + 10, modifiers);
  parcours_interaction_motion (fixture->interaction, (x0 + x1) / 2, (y0 + y1) / 2, modifiers);
  parcours_interaction_motion (fixture->interaction, x1, y1, modifiers);
  parcours_interaction_release (fixture->interaction, x1, y1, modifiers);
  relayout (fixture);
}

static void
click (Fixture           *fixture,
       const char        *id,
       ParcoursModifiers  modifiers)
{
  double x, y;

  center_of (fixture, id, &x, &y);
  parcours_interaction_press (fixture->interaction, x, y, 1, modifiers);
  parcours_interaction_release (fixture->interaction, x, y, modifiers);
}

static gboolean
selected (Fixture    *fixture,
          const char *id)
{
  return parcours_selection_contains (fixture->selection, lookup (fixture, id));
}

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

/* Undoes everything and checks the file is byte for byte the original. */
static void
undo_all (Fixture *fixture)
{
  while (parcours_history_undo (fixture->history))
    ;
  relayout (fixture);
  assert_original (fixture);
}

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
  fixture->original = save (fixture->document);

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

static void
test_clipboard_round_trip (void)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ParcoursCard *card = parcours_card_new ("x", "l", "s", "Calls the\nhotline");

  parcours_card_set_details (card, "Waits 20 minutes");
  parcours_card_set_channel (card, PARCOURS_CHANNEL_PHONE);
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_color (card, "#f66151");
  parcours_card_set_key_moment (card, TRUE);
  parcours_card_set_kpi (card, "NPS 12");
  g_ptr_array_add (cards, card);
  g_ptr_array_add (cards, parcours_card_new ("y", "l", "s", "Gives up"));

  bytes = parcours_clipboard_encode (cards);
  back = parcours_clipboard_decode (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 2);
  card = g_ptr_array_index (back, 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Calls the\nhotline");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "Waits 20 minutes");
  g_assert_cmpint (parcours_card_get_channel (card), ==, PARCOURS_CHANNEL_PHONE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEGATIVE);
  g_assert_cmpstr (parcours_card_get_color (card), ==, "#f66151");
  g_assert_true (parcours_card_get_key_moment (card));
  g_assert_cmpstr (parcours_card_get_kpi (card), ==, "NPS 12");
  g_assert_null (parcours_card_get_color (g_ptr_array_index (back, 1)));

  /* One line per card for other programs, and back. */
  text = parcours_clipboard_encode_text (cards);
  g_assert_cmpstr (text, ==, "Calls the hotline\nGives up\n");
  g_clear_pointer (&back, g_ptr_array_unref);
  back = parcours_clipboard_decode_text ("  First\r\n\n\t\nSecond  \nThird", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (back, 0)), ==, "First");
  g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (back, 1)), ==, "Second");
}

static void
test_clipboard_refuses (void)
{
  static const char * const bad[] = {
    "", "garbage", "[1, 2]", "{\"cards\": []}", "{\"parcours-cards\": 2, \"cards\": []}",
    "{\"parcours-cards\": 1, \"cards\": {}}", "{\"parcours-cards\": 1, \"cards\": []}",
    "{\"parcours-cards\": 1, \"cards\": [3]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"text\": 3}]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"channel\": \"pigeon\"}]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"color\": \"red\"}]}",
    "{\"parcours-cards\": 1, \"cards\": [{\"key-moment\": \"yes\"}]}",
  };
  g_autofree char *huge = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = parcours_clipboard_decode (bytes, &error);
      int expected = i == 6 ? PARCOURS_CLIPBOARD_ERROR_EMPTY : PARCOURS_CLIPBOARD_ERROR_INVALID;

      g_assert_null (cards);
      g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, expected);
    }

  /* Text: blank, not UTF-8, too large. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (parcours_clipboard_decode_text (" \n\n", -1, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_EMPTY);
    g_clear_error (&error);
    g_assert_null (parcours_clipboard_decode_text ("caf\xe9\n", -1, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID);
    g_clear_error (&error);
    huge = g_malloc (PARCOURS_CLIPBOARD_MAX_BYTES + 2);
    memset (huge, 'a', PARCOURS_CLIPBOARD_MAX_BYTES + 1);
    huge[PARCOURS_CLIPBOARD_MAX_BYTES + 1] = '\0';
    g_assert_null (parcours_clipboard_decode_text (huge, -1, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE);
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&huge), PARCOURS_CLIPBOARD_MAX_BYTES + 1);
    g_autoptr(GError) error = NULL;
    g_assert_null (parcours_clipboard_decode (bytes, &error));
    g_assert_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE);
  }
}

static void
test_clipboard_paste (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  guint lane, stage, index;

  /* Into the focused card's cell, right after it. */
  click (fixture, "t1", 0);
  g_assert_true (parcours_interaction_get_target_cell (fixture->interaction, &lane, &stage, &index));
  g_assert_cmpuint (lane, ==, 0);
  g_assert_cmpuint (stage, ==, 0);
  g_assert_cmpuint (index, ==, 1);

  cards = parcours_clipboard_decode_text ("One\nTwo\nThree\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parcours_interaction_paste_cards (fixture->interaction, cards, lane, stage, index), ==, 3);
  relayout (fixture);
  {
    g_autoptr(GPtrArray) now = parcours_document_get_cell_cards (fixture->document, "touch", "s1");
    g_assert_cmpuint (now->len, ==, 6);
    g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (now, 1)), ==, "One");
    g_assert_cmpstr (parcours_card_get_text (g_ptr_array_index (now, 3)), ==, "Three");
    g_assert_cmpstr (parcours_element_get_id (g_ptr_array_index (now, 4)), ==, "t2");
    g_assert_true (parcours_selection_contains (fixture->selection, g_ptr_array_index (now, 2)));
  }
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Paste Cards");

  /* A focused stage: its first card cell, at the end; an empty cell too. */
  click (fixture, "s3", 0);
  g_assert_true (parcours_interaction_get_target_cell (fixture->interaction, &lane, &stage, &index));
  g_assert_cmpuint (stage, ==, 2);
  g_assert_cmpuint (parcours_interaction_paste_cards (fixture->interaction, cards, lane, stage, index), ==, 3);
  relayout (fixture);
  {
    g_autoptr(GPtrArray) now = parcours_document_get_cell_cards (fixture->document, "touch", "s3");
    g_assert_cmpuint (now->len, ==, 3);
  }
  /* Not into the emotion lane. */
  g_assert_cmpuint (parcours_interaction_paste_cards (fixture->interaction, cards, 2, 0, 0), ==, 0);

  undo_all (fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  /* No GL, as in test-window: Mesa's driver, probed otherwise, leaks
   * under LeakSanitizer from a module it has unloaded, which no
   * suppression can name. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_gtk = gtk_init_check ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

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
  ADD ("/canvas/touch/gestures", test_touch);
  ADD ("/canvas/palette/target", test_palette_target);
  ADD ("/canvas/palette/add", test_palette_add);
  g_test_add_func ("/canvas/clipboard/round-trip", test_clipboard_round_trip);
  g_test_add_func ("/canvas/clipboard/refuses", test_clipboard_refuses);
  ADD ("/canvas/clipboard/paste", test_clipboard_paste);
  g_test_add_func ("/canvas/render/matches-export", test_render_matches_export);

#undef ADD

  return g_test_run ();
}
