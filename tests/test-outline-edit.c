/* test-outline-edit.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-application.h"
#include "parcours-format.h"
#include "parcours-outline-node.h"
#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The outline edits the map from the keyboard, as a screen-reader user
 * would: F2 renames in place, Delete deletes, Alt+arrows move, Insert
 * adds; every row says what it is. Driven with xdotool in a real window;
 * results are read in the model and the saved file. */

static GtkApplication *application;

typedef struct
{
  char           *dir;
  ParcoursWindow *window;
  GtkListView    *list_view;
  GListModel     *rows;
} Fixture;

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursEmotionPoint *point = parcours_emotion_point_new ("e1", "feel", "s1", 0.5, -0.5);

  parcours_document_set_title (document, "Outline");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_stage_new ("s2", "Buy"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_test_add (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "Sees a poster"));
  parcours_test_add (document, parcours_card_new ("c2", "touch", "s1", "Reads reviews"));
  parcours_emotion_point_set_label (point, "Annoyed");
  parcours_test_add (document, point);

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;

  if (!parcours_test_ui_available ())
    return;

  fixture->dir = g_dir_make_tmp ("parcours-test-outline-XXXXXX", &error);
  g_assert_no_error (error);

  document = make_map ();
  fixture->window = parcours_test_ui_new_window (application, 1200, 800);
  _parcours_window_show_document (fixture->window, document, NULL);
  adw_view_stack_set_visible_child_name (fixture->window->side_stack, "outline");
  scrolled = gtk_widget_get_first_child (GTK_WIDGET (fixture->window->outline));
  fixture->list_view = GTK_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
  fixture->rows = parcours_outline_get_model (fixture->window->outline);
  parcours_test_ui_focus_window (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static ParcoursDocument *
document_of (Fixture *fixture)
{
  return parcours_window_get_document (fixture->window);
}

static ParcoursHistory *
history_of (Fixture *fixture)
{
  return parcours_window_get_history (fixture->window);
}

static ParcoursElement *
lookup (Fixture    *fixture,
        const char *id)
{
  return parcours_document_lookup (document_of (fixture), id);
}

/* The position of the row of @id (under stage @stage_id for a lane). */
static guint
row_of (Fixture    *fixture,
        const char *id,
        const char *stage_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (fixture->rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (fixture->rows, i);
      g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (row);
      ParcoursStage *stage = parcours_outline_node_get_stage (node);

      if (g_strcmp0 (parcours_element_get_id (parcours_outline_node_get_element (node)), id) == 0 &&
          (stage_id == NULL || (stage && g_strcmp0 (parcours_element_get_id (PARCOURS_ELEMENT (stage)), stage_id) == 0)))
        return i;
    }

  g_error ("no row for %s", id);
  return 0;
}

static void
expand (Fixture    *fixture,
        const char *id,
        const char *stage_id)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (fixture->rows, row_of (fixture, id, stage_id));

  gtk_tree_list_row_set_expanded (row, TRUE);
}

static void
expand_all (Fixture *fixture)
{
  expand (fixture, "s1", NULL);
  expand (fixture, "touch", "s1");
  expand (fixture, "feel", "s1");
  expand (fixture, "s2", NULL);
  expand (fixture, "touch", "s2");
  parcours_test_wait_ms (200);
}

static GtkWidget *row_widget (GtkWidget       *widget,
                              ParcoursElement *element);

/* The keyboard on the row of @id, as a click or the arrows would put it. */
static void
focus_row (Fixture    *fixture,
           const char *id,
           const char *stage_id)
{
  guint position = row_of (fixture, id, stage_id);
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (fixture->rows, position);
  g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (row);
  GtkWidget *widget;

  gtk_widget_activate_action (GTK_WIDGET (fixture->list_view), "list.select-item", "(ubb)", position, FALSE, FALSE);
  parcours_test_wait_ms (100);
  widget = row_widget (GTK_WIDGET (fixture->list_view), parcours_outline_node_get_element (node));
  g_assert_nonnull (widget);
  /* The list item around the row */
  while (!gtk_widget_get_focusable (widget))
    widget = gtk_widget_get_parent (widget);
  gtk_widget_grab_focus (widget);
  parcours_test_wait_ms (100);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (fixture->list_view))),
                    ==, position);
}

/* The row widget showing the element @id. */
static GtkWidget *
row_widget (GtkWidget       *widget,
            ParcoursElement *element)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget));
      g_autoptr(ParcoursOutlineNode) node = row ? gtk_tree_list_row_get_item (row) : NULL;

      return node && parcours_outline_node_get_element (node) == element ? widget : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = row_widget (child, element);

      if (found != NULL)
        return found;
    }

  return NULL;
}

#define assert_cell(fixture, lane, stage, expected) \
  parcours_test_assert_cell_texts (document_of (fixture), (lane), (stage), (expected))

/* Every row says what it is, emotion levels in words. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  PARCOURS_TEST_UI_REQUIRE ();
  expand_all (fixture);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->list_view), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->list_view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Outline of the map");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_widget (GTK_WIDGET (fixture->list_view), lookup (fixture, "s1"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Stage “Discover”");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_widget (GTK_WIDGET (fixture->list_view), lookup (fixture, "c2"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Card “Reads reviews”");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_widget (GTK_WIDGET (fixture->list_view), lookup (fixture, "e1"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Emotion point “Annoyed”, Negative");

  /* Alt+Up raises the point a level; the row says so */
  focus_row (fixture, "e1", NULL);
  parcours_test_ui_key ("alt+Up");
  g_assert_cmpint (parcours_emotion_point_get_level (PARCOURS_EMOTION_POINT (lookup (fixture, "e1"))), ==, 0);
  g_assert_cmpstr (parcours_history_get_undo_label (history_of (fixture)), ==, "Change Emotion");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_widget (GTK_WIDGET (fixture->list_view), lookup (fixture, "e1"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Emotion point “Annoyed”, Neutral");
}

/* F2, type, Enter: the card's text, one step. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_undo;

  PARCOURS_TEST_UI_REQUIRE ();
  expand_all (fixture);
  n_undo = parcours_history_get_n_undo (history_of (fixture));

  focus_row (fixture, "c1", NULL);
  parcours_test_ui_key ("F2");
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_type ("Sees a billboard");
  parcours_test_ui_key ("Return");
  parcours_test_ui_screenshot ("outline-renamed");

  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "c1"))), ==, "Sees a billboard");
  g_assert_cmpuint (parcours_history_get_n_undo (history_of (fixture)), ==, n_undo + 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history_of (fixture)), ==, "Edit Card Text");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_widget (GTK_WIDGET (fixture->list_view), lookup (fixture, "c1"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Card “Sees a billboard”");

  path = g_build_filename (fixture->dir, "renamed.parcours", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (parcours_format_save_file (document_of (fixture), file, NULL, &error));
  g_assert_no_error (error);
  saved = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parcours_card_get_text (parcours_document_lookup_card (saved, "c1")), ==, "Sees a billboard");
}

/* Alt+Down reorders a card in its cell, Alt+Right takes it to the next
 * stage; Alt+Down on a stage moves the stage. Each one step. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  ParcoursHistory *history;

  PARCOURS_TEST_UI_REQUIRE ();
  expand_all (fixture);
  history = history_of (fixture);

  focus_row (fixture, "c1", NULL);
  parcours_test_ui_key ("alt+Down");
  assert_cell (fixture, "touch", "s1", "Reads reviews | Sees a poster");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Move Card");
  /* The keyboard follows the card */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (fixture->list_view))),
                    ==, row_of (fixture, "c1", NULL));

  parcours_test_ui_key ("alt+Down");
  assert_cell (fixture, "touch", "s1", "Reads reviews | Sees a poster");
  parcours_test_ui_key ("alt+Up");
  assert_cell (fixture, "touch", "s1", "Sees a poster | Reads reviews");

  parcours_test_ui_key ("alt+Right");
  assert_cell (fixture, "touch", "s1", "Reads reviews");
  assert_cell (fixture, "touch", "s2", "Sees a poster");
  parcours_test_wait_ms (200);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (fixture->list_view))),
                    ==, row_of (fixture, "c1", NULL));

  parcours_test_ui_key ("ctrl+z");
  assert_cell (fixture, "touch", "s1", "Sees a poster | Reads reviews");

  focus_row (fixture, "s1", NULL);
  parcours_test_ui_key ("alt+Down");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Reorder Stages");
  {
    g_autoptr(ParcoursStage) first = g_list_model_get_item (parcours_document_get_stages (document_of (fixture)), 0);

    g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (first)), ==, "s2");
  }
}

/* Delete removes the row's card; Insert adds one and renames it at once. */
static void
test_delete_and_add (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursHistory *history;
  guint n_rows;

  PARCOURS_TEST_UI_REQUIRE ();
  expand_all (fixture);
  history = history_of (fixture);
  n_rows = g_list_model_get_n_items (fixture->rows);

  focus_row (fixture, "c1", NULL);
  parcours_test_ui_key ("Delete");
  g_assert_null (lookup (fixture, "c1"));
  assert_cell (fixture, "touch", "s1", "Reads reviews");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Delete Card");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, n_rows - 1);
  /* The keyboard is on the card that took its place */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (fixture->list_view))),
                    ==, row_of (fixture, "c2", NULL));

  parcours_test_ui_key ("ctrl+z");
  g_assert_nonnull (lookup (fixture, "c1"));
  assert_cell (fixture, "touch", "s1", "Sees a poster | Reads reviews");

  /* Insert on a card: a card after it, its text typed at once */
  focus_row (fixture, "c1", NULL);
  parcours_test_ui_key ("Insert");
  parcours_test_wait_ms (200);
  parcours_test_ui_type ("Asks a friend");
  parcours_test_ui_key ("Return");
  assert_cell (fixture, "touch", "s1", "Sees a poster | Asks a friend | Reads reviews");

  /* Insert on an emotion lane: a point */
  focus_row (fixture, "feel", "s1");
  parcours_test_ui_key ("Insert");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_emotion_points (document_of (fixture))), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Add Emotion Point");
  parcours_test_ui_key ("Escape");

  /* Insert on a stage: a stage after it */
  focus_row (fixture, "s2", NULL);
  parcours_test_ui_key ("Insert");
  parcours_test_wait_ms (200);
  parcours_test_ui_type ("Use");
  parcours_test_ui_key ("Return");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document_of (fixture))), ==, 3);
  {
    g_autoptr(ParcoursStage) last = g_list_model_get_item (parcours_document_get_stages (document_of (fixture)), 2);

    g_assert_cmpstr (parcours_stage_get_name (last), ==, "Use");
  }

  /* Shift+Insert on a lane: a lane after it */
  focus_row (fixture, "touch", "s1");
  parcours_test_ui_key ("shift+Insert");
  parcours_test_wait_ms (200);
  parcours_test_ui_key ("Escape");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_lanes (document_of (fixture))), ==, 3);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Add Lane");
  parcours_test_ui_screenshot ("outline-added");
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
  ADD ("/outline/accessible", test_accessible);
  ADD ("/outline/rename", test_rename);
  ADD ("/outline/move", test_move);
  ADD ("/outline/delete-and-add", test_delete_and_add);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
