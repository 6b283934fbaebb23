/* test-inspector-fields.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The inspector's fields for the map's goals, a stage's colour and width,
 * an emotion lane's persona and cards' colour: each edit one step of the
 * history, shown again after an undo. */

typedef struct
{
  ParcoursWindow    *window;
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  ParcoursHistory   *history;
} Fixture;

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursLane *lane = parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings");
  ParcoursCard *card = parcours_card_new ("c1", "touch", "s1", "Sees a poster");

  parcours_document_set_title (document, "Fields");
  parcours_test_add (document, parcours_persona_new ("p1", "Nadia"));
  parcours_test_add (document, parcours_persona_new ("p2", "Lea"));
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_lane_set_persona_id (lane, "p2");
  parcours_test_add (document, lane);
  parcours_card_set_color (card, "#ff0000");
  parcours_test_add (document, card);
  parcours_test_add (document, parcours_card_new ("c2", "touch", "s1", "Reads reviews"));

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;

  if (!parcours_test_ui_available ())
    return;

  document = make_map ();
  fixture->window = parcours_test_ui_new_window (NULL, 0, 0);
  _parcours_window_show_document (fixture->window, document, NULL);
  fixture->inspector = fixture->window->inspector;
  fixture->selection = parcours_canvas_get_selection (fixture->window->canvas);
  fixture->history = parcours_window_get_history (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
}

static ParcoursElement *
lookup (Fixture    *fixture,
        const char *id)
{
  return parcours_document_lookup (parcours_window_get_document (fixture->window), id);
}

static GtkWidget *
field (Fixture    *fixture,
       const char *page,
       const char *property)
{
  GtkWidget *widget = parcours_inspector_get_field (fixture->inspector, page, property);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
row_subtitle (GtkWidget *widget)
{
  GtkWidget *row = ADW_IS_ACTION_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "";
}

static char *
text_of (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
choose_color (GtkWidget  *button,
              const char *color)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, color));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_signal_emit_by_name (button, "color-set");
}

static void
test_map_goals (Fixture       *fixture,
                gconstpointer  data)
{
  ParcoursDocument *document;
  GtkWidget *goals;
  g_autofree char *shown = NULL;

  PARCOURS_TEST_UI_REQUIRE ();
  document = parcours_window_get_document (fixture->window);
  goals = field (fixture, "map", "goals");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (goals), GTK_ACCESSIBLE_PROPERTY_LABEL, "Goals");

  /* Typed a line at a time, a blank line left between: one step */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (goals)), "Find the pain points", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (goals)), "Find the pain points\n", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (goals)), "Find the pain points\n\nAgree on three", -1);
  g_assert_cmpuint (g_strv_length ((char **) parcours_document_get_goals (document)), ==, 2);
  g_assert_cmpstr (parcours_document_get_goals (document)[1], ==, "Agree on three");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Edit Map");
  /* What was typed stays as typed */
  shown = text_of (goals);
  g_assert_cmpstr (shown, ==, "Find the pain points\n\nAgree on three");

  parcours_history_undo (fixture->history);
  g_clear_pointer (&shown, g_free);
  shown = text_of (goals);
  g_assert_cmpstr (shown, ==, "");
}

static void
test_stage_color_width (Fixture       *fixture,
                        gconstpointer  data)
{
  ParcoursStage *stage;
  GtkWidget *color, *width;

  PARCOURS_TEST_UI_REQUIRE ();
  stage = PARCOURS_STAGE (lookup (fixture, "s1"));
  parcours_selection_select (fixture->selection, PARCOURS_ELEMENT (stage), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (fixture->inspector), ==, "stage");

  color = field (fixture, "stage", "color");
  g_assert_cmpstr (row_subtitle (color), ==, "Default");
  choose_color (color, "#3366cc");
  g_assert_cmpstr (parcours_stage_get_color (stage), ==, "#3366cc");
  g_assert_cmpstr (row_subtitle (color), ==, "");
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Edit Stage");

  width = field (fixture, "stage", "width");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 1.25);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 1.5);
  g_assert_cmpfloat (parcours_stage_get_width (stage), ==, 1.5);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  parcours_history_undo (fixture->history);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (width)), ==, 1.0);
  parcours_history_undo (fixture->history);
  g_assert_null (parcours_stage_get_color (stage));
  g_assert_cmpstr (row_subtitle (color), ==, "Default");
}

static void
test_lane_persona (Fixture       *fixture,
                   gconstpointer  data)
{
  ParcoursLane *lane;
  GtkWidget *persona;
  GListModel *names;

  PARCOURS_TEST_UI_REQUIRE ();
  lane = PARCOURS_LANE (lookup (fixture, "feel"));
  parcours_selection_select (fixture->selection, PARCOURS_ELEMENT (lane), PARCOURS_SELECT_REPLACE);
  persona = field (fixture, "lane", "persona-id");
  g_assert_true (gtk_widget_get_visible (persona));
  names = adw_combo_row_get_model (ADW_COMBO_ROW (persona));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "None");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Lea");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 2);

  adw_combo_row_set_selected (ADW_COMBO_ROW (persona), 1);
  g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==, "p1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (persona), 0);
  g_assert_null (parcours_lane_get_persona_id (lane));
  parcours_history_undo (fixture->history);
  g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==, "p2");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (persona)), ==, 2);

  /* Other lanes have no persona */
  parcours_selection_select (fixture->selection, lookup (fixture, "touch"), PARCOURS_SELECT_REPLACE);
  g_assert_false (gtk_widget_get_visible (persona));
}

static void
test_cards_color (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *color;

  PARCOURS_TEST_UI_REQUIRE ();
  parcours_selection_select (fixture->selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  color = field (fixture, "card", "color");
  g_assert_cmpstr (row_subtitle (color), ==, "");
  parcours_selection_select (fixture->selection, lookup (fixture, "c2"), PARCOURS_SELECT_ADD);
  g_assert_cmpstr (row_subtitle (color), ==, "Several values");

  choose_color (color, "#22aa44");
  g_assert_cmpstr (parcours_card_get_color (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "#22aa44");
  g_assert_cmpstr (parcours_card_get_color (PARCOURS_CARD (lookup (fixture, "c2"))), ==, "#22aa44");
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Edit Cards");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (row_subtitle (color), ==, "");

  parcours_history_undo (fixture->history);
  g_assert_cmpstr (row_subtitle (color), ==, "Several values");
  g_assert_cmpstr (parcours_card_get_color (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "#ff0000");
  g_assert_null (parcours_card_get_color (PARCOURS_CARD (lookup (fixture, "c2"))));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/inspector/map/goals", test_map_goals);
  ADD ("/inspector/stage/color-and-width", test_stage_color_width);
  ADD ("/inspector/lane/persona", test_lane_persona);
  ADD ("/inspector/cards/color", test_cards_color);
#undef ADD

  return g_test_run ();
}
