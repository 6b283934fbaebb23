/* test-window-inspector.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-document-private.h"
#include "parcours-outline-node.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The inspector and the outline of the side panel in a real window: what
 * the canvas selects is shown and edited there, one undo step an edit.
 * It skips without a display. */

typedef ParcoursTestWindow Fixture;

static ParcoursDocument *
make_inspected_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursCard *card;

  parcours_document_set_title (document, "Inspected");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_test_add (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "Sees a poster"));
  card = parcours_card_new ("c2", "touch", "s1", "Reads reviews");
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_test_add (document, card);
  parcours_test_add (document, parcours_emotion_point_new ("p1", "feel", "s1", 0.5, -0.5));

  return document;
}

static ParcoursSelection *
show_inspected_map (Fixture *fixture)
{
  g_autoptr(ParcoursDocument) document = make_inspected_map ();

  gtk_window_present (GTK_WINDOW (fixture->window));
  _parcours_window_show_document (fixture->window, document, NULL);
  return parcours_canvas_get_selection (fixture->window->canvas);
}

static ParcoursElement *
lookup (Fixture    *fixture,
        const char *id)
{
  return parcours_document_lookup (parcours_window_get_document (fixture->window), id);
}

/* The inspector edits what the canvas selects; typing is one undo step
 * and an undo shows in the panel at once. */
static void
test_inspector_card (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  ParcoursHistory *history;
  GtkWidget *text;

  PARCOURS_TEST_UI_REQUIRE ();

  selection = show_inspected_map (fixture);
  inspector = fixture->window->inspector;
  history = parcours_window_get_history (fixture->window);

  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "map");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (parcours_inspector_get_field (inspector, "map", "title"))),
                   ==, "Inspected");

  parcours_selection_select (selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "card");
  text = parcours_inspector_get_field (inspector, "card", "text");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a poster");

  /* Typing, a character at a time */
  gtk_editable_set_text (GTK_EDITABLE (text), "Sees a billboard");
  gtk_editable_set_text (GTK_EDITABLE (text), "Sees a billboard at");
  gtk_editable_set_text (GTK_EDITABLE (text), "Sees a billboard at the station");
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))),
                   ==, "Sees a billboard at the station");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (fixture->window->undo_button), ==, "Undo Edit Card Text");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "Sees a poster");
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "card");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a poster");

  /* An edit elsewhere (the canvas, a redo) shows too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  parcours_selection_select (selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Sees a billboard at the station");

  /* Switching on a key moment */
  gtk_switch_set_active (GTK_SWITCH (parcours_inspector_get_field (inspector, "card", "key-moment")), TRUE);
  g_assert_true (parcours_card_get_key_moment (PARCOURS_CARD (lookup (fixture, "c1"))));
}

/* Several cards: a value they do not share says so; setting it sets it
 * on every card, in one step. */
static void
test_inspector_several_cards (Fixture       *fixture,
                              gconstpointer  data)
{
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  ParcoursHistory *history;
  GtkWidget *sentiment;

  PARCOURS_TEST_UI_REQUIRE ();

  selection = show_inspected_map (fixture);
  inspector = fixture->window->inspector;
  history = parcours_window_get_history (fixture->window);

  parcours_selection_select (selection, lookup (fixture, "c1"), PARCOURS_SELECT_REPLACE);
  parcours_selection_select (selection, lookup (fixture, "c2"), PARCOURS_SELECT_ADD);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "card");

  sentiment = parcours_inspector_get_field (inspector, "card", "sentiment");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sentiment)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sentiment)), ==, "Several values");
  g_assert_false (gtk_widget_get_sensitive (parcours_inspector_get_field (inspector, "card", "text")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (sentiment), PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpint (parcours_card_get_sentiment (PARCOURS_CARD (lookup (fixture, "c1"))), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpint (parcours_card_get_sentiment (PARCOURS_CARD (lookup (fixture, "c2"))), ==, PARCOURS_SENTIMENT_POSITIVE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sentiment)) ?: "", ==, "");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Edit Cards");

  parcours_history_undo (history);
  g_assert_cmpint (parcours_card_get_sentiment (PARCOURS_CARD (lookup (fixture, "c2"))), ==, PARCOURS_SENTIMENT_NEGATIVE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sentiment)), ==, GTK_INVALID_LIST_POSITION);

  /* A card and a stage have nothing to edit together */
  parcours_selection_select (selection, lookup (fixture, "s1"), PARCOURS_SELECT_ADD);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "mixed");
}

/* An emotion point's level is one of five words; a stage its name. */
static void
test_inspector_point_and_stage (Fixture       *fixture,
                                gconstpointer  data)
{
  ParcoursInspector *inspector;
  ParcoursSelection *selection;
  GtkWidget *level;
  GtkWidget *name;

  PARCOURS_TEST_UI_REQUIRE ();

  selection = show_inspected_map (fixture);
  inspector = fixture->window->inspector;

  parcours_selection_select (selection, lookup (fixture, "p1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "point");
  level = parcours_inspector_get_field (inspector, "point", "value");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (level)), ==, 1);
  {
    GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (level));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Negative");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (level), 4);
  g_assert_cmpfloat (parcours_emotion_point_get_value (PARCOURS_EMOTION_POINT (lookup (fixture, "p1"))), ==, 1.0);

  parcours_selection_select (selection, lookup (fixture, "s1"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpstr (parcours_inspector_get_page (inspector), ==, "stage");
  name = parcours_inspector_get_field (inspector, "stage", "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Notice");
  g_assert_cmpstr (parcours_stage_get_name (PARCOURS_STAGE (lookup (fixture, "s1"))), ==, "Notice");
  g_assert_cmpstr (parcours_history_get_undo_label (parcours_window_get_history (fixture->window)), ==, "Rename Stage");

  /* F9 hides and shows the side panel */
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->flap));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-side-panel", NULL));
  g_assert_false (adw_flap_get_reveal_flap (fixture->window->flap));
}

static GtkTreeListRow *
outline_row (ParcoursWindow *window,
             guint           position)
{
  GListModel *model = parcours_outline_get_model (window->outline);
  GtkTreeListRow *row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);
  g_object_unref (row);
  return row;
}

static ParcoursElement *
outline_element (ParcoursWindow *window,
                 guint           position)
{
  g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (outline_row (window, position));

  return parcours_outline_node_get_element (node);
}

/* What the outline's list view selects */
static GtkSelectionModel *
outline_selection (ParcoursWindow *window)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (window->outline));
  GtkWidget *list_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

  return gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
}

/* The row widget of the outline showing @text */
static GtkWidget *
find_outline_row (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget));

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_outline_row (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The outline: stages, lanes in them, cards and points in each cell,
 * with the canvas's selection, renamed in place through the history,
 * each row named for a screen reader. */
static void
test_outline (Fixture       *fixture,
              gconstpointer  data)
{
  ParcoursSelection *selection;
  ParcoursHistory *history;
  GListModel *model;
  GtkWidget *row;
  g_autofree char *point = NULL;
  g_autofree char *lane = NULL;
  g_autoptr(ParcoursCard) added = parcours_card_new ("c9", "touch", "s1", "Asks a friend");

  PARCOURS_TEST_UI_REQUIRE ();

  selection = show_inspected_map (fixture);
  history = parcours_window_get_history (fixture->window);
  model = parcours_outline_get_model (fixture->window->outline);
  adw_view_stack_set_visible_child_name (fixture->window->side_stack, "outline");

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (outline_element (fixture->window, 0) == lookup (fixture, "s1"));
  gtk_tree_list_row_set_expanded (outline_row (fixture->window, 0), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_tree_list_row_set_expanded (outline_row (fixture->window, 1), TRUE);
  gtk_tree_list_row_set_expanded (outline_row (fixture->window, 4), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  g_assert_true (outline_element (fixture->window, 2) == lookup (fixture, "c1"));
  g_assert_true (outline_element (fixture->window, 3) == lookup (fixture, "c2"));
  g_assert_true (outline_element (fixture->window, 5) == lookup (fixture, "p1"));

  /* What a screen reader says of each row */
  point = parcours_outline_describe (parcours_window_get_document (fixture->window), lookup (fixture, "p1"), NULL);
  g_assert_cmpstr (point, ==, "Emotion point, Negative");
  lane = parcours_outline_describe (parcours_window_get_document (fixture->window), lookup (fixture, "touch"),
                                    PARCOURS_STAGE (lookup (fixture, "s1")));
  g_assert_cmpstr (lane, ==, "Lane “Touchpoints” in “Discover”");
  parcours_test_wait_ms (300);
  row = find_outline_row (GTK_WIDGET (fixture->window->outline), "Sees a poster");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Card “Sees a poster”");

  /* One selection: the canvas's shows in the outline and back */
  parcours_selection_select (selection, lookup (fixture, "c2"), PARCOURS_SELECT_REPLACE);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (outline_selection (fixture->window))), ==, 3);
  gtk_selection_model_select_item (outline_selection (fixture->window), 2, TRUE);
  g_assert_true (parcours_selection_get_item (selection, 0) == lookup (fixture, "c1"));

  /* Renamed in place: one step, undone as any other; the row follows */
  g_assert_true (parcours_outline_rename (fixture->window->outline, 2, "Sees a billboard"));
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "Sees a billboard");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Edit Card Text");
  parcours_test_wait_ms (300);
  row = find_outline_row (GTK_WIDGET (fixture->window->outline), "Sees a billboard");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Card “Sees a billboard”");
  parcours_history_undo (history);
  parcours_test_wait_ms (300);
  g_assert_nonnull (find_outline_row (GTK_WIDGET (fixture->window->outline), "Sees a poster"));

  /* A card added to the cell shows in place, expansion kept */
  parcours_history_insert (history, PARCOURS_ELEMENT (added), G_MAXUINT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_true (outline_element (fixture->window, 4) == lookup (fixture, "c9"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD PARCOURS_TEST_WINDOW_ADD
  ADD ("/window/outline", test_outline);
  ADD ("/window/inspector/card", test_inspector_card);
  ADD ("/window/inspector/several-cards", test_inspector_several_cards);
  ADD ("/window/inspector/point-and-stage", test_inspector_point_and_stage);
#undef ADD

  return g_test_run ();
}
