/* test-history-structure.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-history.h"
#include "parcours-test-utils.h"

/* The history of structural edits: inserting, moving and removing
 * elements with what depends on them, moving cards between cells, groups
 * of edits, and ten thousand steps undone and redone. */

typedef ParcoursTestHistory Fixture;

#define add_element parcours_test_add
#define lookup parcours_test_history_lookup
#define serialize_document parcours_test_dump_document
#define list_elements parcours_test_list_elements
#define assert_same_elements parcours_test_assert_same_elements
#define set_string parcours_test_history_set_string

static char *
cell_ids (ParcoursDocument *document,
          const char       *lane_id,
          const char       *stage_id)
{
  g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (document, lane_id, stage_id);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            parcours_element_get_id (cards->pdata[i]));

  return g_string_free (out, FALSE);
}

/* Structure */

static void
test_insert (Fixture       *fixture,
             gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  GListModel *stages = parcours_document_get_stages (fixture->document);
  g_autoptr(ParcoursStage) first = parcours_stage_new ("stage-first", "First");
  g_autoptr(ParcoursStage) last = parcours_stage_new ("stage-last", "Last");
  g_autoptr(ParcoursStage) far = parcours_stage_new ("stage-far", "Far");
  g_autoptr(ParcoursStage) twin = parcours_stage_new ("stage-1", "Twin");
  g_autoptr(ParcoursStage) item = NULL;

  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (first), 0, NULL));
  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (last), G_MAXUINT, NULL));
  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (far), 100, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 6);
  item = g_list_model_get_item (stages, 0);
  g_assert_true (item == first);
  g_clear_object (&item);
  item = g_list_model_get_item (stages, 4);
  g_assert_true (item == last);
  g_clear_object (&item);

  /* A duplicate id: nothing happens, the redo stack stays. */
  g_assert_true (parcours_history_undo (history));
  g_assert_false (parcours_history_insert (history, PARCOURS_ELEMENT (twin), 0, NULL));
  g_assert_false (parcours_history_insert (history, PARCOURS_ELEMENT (first), 0, NULL));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 2);
  g_assert_cmpuint (parcours_history_get_n_redo (history), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 5);

  g_assert_true (parcours_history_undo (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3);
  g_assert_null (parcours_document_lookup (fixture->document, "stage-first"));

  g_assert_true (parcours_history_redo (history));
  item = g_list_model_get_item (stages, 0);
  g_assert_true (item == first);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  g_autofree char *before = serialize_document (fixture->document);
  g_autofree char *after = NULL;
  guint position;

  parcours_history_move (history, lookup (fixture, "lane-1"), G_MAXUINT, NULL);
  g_assert_true (parcours_document_find_position (fixture->document, lookup (fixture, "lane-1"), &position));
  g_assert_cmpuint (position, ==, 2);

  /* To where it is: nothing. */
  parcours_history_move (history, lookup (fixture, "lane-1"), 2, NULL);
  parcours_history_move (history, lookup (fixture, "stage-1"), 0, NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);

  parcours_history_move (history, lookup (fixture, "stage-3"), 0, NULL);
  g_assert_true (parcours_document_find_position (fixture->document, lookup (fixture, "stage-3"), &position));
  g_assert_cmpuint (position, ==, 0);

  while (parcours_history_undo (history))
    ;
  after = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after);
}

static void
test_remove_cascade (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  const char *removed_ids[] = { "stage-1", "stage-2", "lane-1", "lane-2", "lane-3", "stage-3" };
  g_autoptr(GPtrArray) elements_before = list_elements (fixture->document);
  g_autoptr(GPtrArray) elements_after_all = NULL;
  g_autofree char *before = serialize_document (fixture->document);
  g_autofree char *after_all = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (removed_ids); i++)
    {
      g_autofree char *state = serialize_document (fixture->document);
      g_autoptr(GPtrArray) elements = list_elements (fixture->document);
      g_autoptr(GPtrArray) elements_after = NULL;
      g_autofree char *after = NULL;
      g_autofree char *removed_state = NULL;
      g_autofree char *redone_state = NULL;
      ParcoursElement *element = lookup (fixture, removed_ids[i]);
      g_autoptr(GPtrArray) dependents = parcours_document_get_dependents (fixture->document, element);

      parcours_history_remove (history, element, NULL);
      g_assert_null (parcours_document_lookup (fixture->document, removed_ids[i]));
      for (guint k = 0; k < dependents->len; k++)
        g_assert_null (parcours_document_lookup (fixture->document,
                                                 parcours_element_get_id (dependents->pdata[k])));
      removed_state = serialize_document (fixture->document);

      /* One step brings back everything, where it was. */
      g_assert_true (parcours_history_undo (history));
      after = serialize_document (fixture->document);
      g_assert_cmpstr (state, ==, after);
      elements_after = list_elements (fixture->document);
      assert_same_elements (elements, elements_after);

      g_assert_true (parcours_history_redo (history));
      redone_state = serialize_document (fixture->document);
      g_assert_cmpstr (removed_state, ==, redone_state);
    }

  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (fixture->document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_emotion_points (fixture->document)), ==, 0);

  while (parcours_history_undo (history))
    ;

  after_all = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after_all);
  elements_after_all = list_elements (fixture->document);
  assert_same_elements (elements_before, elements_after_all);
}

static void
test_remove_persona (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursLane *lane = lookup (fixture, "lane-2");
  ParcoursLane *other = lookup (fixture, "lane-3");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  parcours_lane_set_persona_id (other, "persona-a");
  before = serialize_document (fixture->document);

  parcours_history_remove (history, lookup (fixture, "persona-a"), NULL);
  g_assert_null (parcours_lane_get_persona_id (lane));
  g_assert_null (parcours_lane_get_persona_id (other));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Delete Persona");

  g_assert_true (parcours_history_undo (history));
  g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==, "persona-a");
  g_assert_cmpstr (parcours_lane_get_persona_id (other), ==, "persona-a");
  after = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after);

  /* A persona no lane shows is a plain removal. */
  parcours_history_remove (history, lookup (fixture, "persona-b"), "Remove Bob");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Bob");
  g_assert_true (parcours_history_undo (history));
  g_clear_pointer (&after, g_free);
  after = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after);
}

static void
test_move_card (Fixture       *fixture,
                gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursDocument *document = fixture->document;
  g_autofree char *before = serialize_document (document);
  g_autofree char *after = NULL;
  guint position;
  guint new_position;

#define ASSERT_CELL(lane, stage, expected) \
  G_STMT_START { \
    g_autofree char *ids = cell_ids (document, lane, stage); \
    g_assert_cmpstr (ids, ==, expected); \
  } G_STMT_END

  ASSERT_CELL ("lane-1", "stage-2", "card-2 card-5 card-8");

  /* Inside a cell. */
  parcours_history_move_card (history, lookup (fixture, "card-2"), "lane-1", "stage-2", G_MAXUINT);
  ASSERT_CELL ("lane-1", "stage-2", "card-5 card-8 card-2");
  parcours_history_move_card (history, lookup (fixture, "card-2"), "lane-1", "stage-2", 1);
  ASSERT_CELL ("lane-1", "stage-2", "card-5 card-2 card-8");
  parcours_history_move_card (history, lookup (fixture, "card-8"), "lane-1", "stage-2", 0);
  ASSERT_CELL ("lane-1", "stage-2", "card-8 card-5 card-2");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 3);

  /* Where it already is: nothing. */
  parcours_history_move_card (history, lookup (fixture, "card-8"), "lane-1", "stage-2", 0);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 3);

  /* To other cells, first, middle and last. */
  parcours_history_move_card (history, lookup (fixture, "card-6"), "lane-1", "stage-2", 0);
  ASSERT_CELL ("lane-1", "stage-2", "card-6 card-8 card-5 card-2");
  ASSERT_CELL ("lane-3", "stage-1", "");
  parcours_history_move_card (history, lookup (fixture, "card-1"), "lane-1", "stage-2", 2);
  ASSERT_CELL ("lane-1", "stage-2", "card-6 card-8 card-1 card-5 card-2");
  ASSERT_CELL ("lane-1", "stage-1", "card-4");
  parcours_history_move_card (history, lookup (fixture, "card-4"), "lane-1", "stage-2", 99);
  ASSERT_CELL ("lane-1", "stage-2", "card-6 card-8 card-1 card-5 card-2 card-4");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 6);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Move Card");

  /* To an empty cell: the card keeps its place in the list. */
  g_assert_true (parcours_document_find_position (document, lookup (fixture, "card-3"), &position));
  parcours_history_move_card (history, lookup (fixture, "card-3"), "lane-2", "stage-3", 0);
  ASSERT_CELL ("lane-2", "stage-3", "card-3");
  ASSERT_CELL ("lane-3", "stage-2", "");
  g_assert_true (parcours_document_find_position (document, lookup (fixture, "card-3"), &new_position));
  g_assert_cmpuint (position, ==, new_position);

  /* Consecutive moves of one card stay separate steps. */
  parcours_history_move_card (history, lookup (fixture, "card-3"), "lane-3", "stage-3", 0);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 8);

  g_assert_true (parcours_history_undo (history));
  ASSERT_CELL ("lane-2", "stage-3", "card-3");

  while (parcours_history_undo (history))
    ;
  after = serialize_document (document);
  g_assert_cmpstr (before, ==, after);

#undef ASSERT_CELL
}

static void
test_group (Fixture       *fixture,
            gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("stage-new", "New");
  g_autoptr(ParcoursCard) card = parcours_card_new ("card-new", "lane-1", "stage-new", "Hi");
  g_autofree char *before = serialize_document (fixture->document);
  g_autofree char *after = NULL;

  /* An empty group records nothing. */
  parcours_history_begin_group (history, "Nothing");
  parcours_history_end_group (history);
  g_assert_false (parcours_history_get_can_undo (history));

  parcours_history_begin_group (history, "Add Stage With Card");
  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (stage), 1, NULL));
  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (card), 0, NULL));
  set_string (history, card, "text", "Hello");
  parcours_history_remove (history, lookup (fixture, "stage-3"), NULL);
  parcours_history_move (history, lookup (fixture, "lane-1"), 2, NULL);
  /* While open, the group is not a step yet. */
  g_assert_false (parcours_history_get_can_undo (history));
  parcours_history_end_group (history);

  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Add Stage With Card");

  g_assert_true (parcours_history_undo (history));
  after = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (parcours_history_redo (history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Hello");
  g_assert_null (parcours_document_lookup (fixture->document, "stage-3"));
}

/* Cancelling a group reverts what it recorded and leaves no step: a new
 * card left empty, a drag abandoned with Escape. */
static void
test_group_cancel (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  g_autoptr(ParcoursCard) card = parcours_card_new ("card-new", "lane-1", "stage-1", "");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_string (history, lookup (fixture, "card-1"), "text", "Kept");
  before = serialize_document (fixture->document);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);

  parcours_history_begin_group (history, "Add Card");
  g_assert_true (parcours_history_get_in_group (history));
  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (card), 0, NULL));
  parcours_history_begin_group (history, NULL);
  set_string (history, card, "text", "T");
  set_string (history, card, "text", "Ty");
  parcours_history_cancel_group (history);

  g_assert_false (parcours_history_get_in_group (history));
  g_assert_null (parcours_document_lookup (fixture->document, "card-new"));
  after = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Edit Card Text");

  /* The history goes on as before: the next edit is a step of its own. */
  set_string (history, lookup (fixture, "card-1"), "text", "Kept again");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 2);
  g_assert_true (parcours_history_undo (history));
  g_assert_cmpstr (parcours_card_get_text (PARCOURS_CARD (lookup (fixture, "card-1"))), ==, "Kept");
}

/* A view that pushes its state back into the model on every change, as a
 * text entry bound to a property would. */
static void
element_changed_cb (ParcoursDocument *document,
                    ParcoursElement  *element,
                    GParamSpec       *pspec,
                    ParcoursHistory  *history)
{
  set_string (history, element, "kpi", "echo");
}

static void
test_applying (Fixture       *fixture,
               gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursCard *card = lookup (fixture, "card-1");
  gulong handler;

  set_string (history, card, "text", "A");
  handler = g_signal_connect (fixture->document, "element-changed",
                              G_CALLBACK (element_changed_cb), history);

  /* What handlers try while a step is replayed is ignored. */
  g_assert_true (parcours_history_undo (history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search");
  g_assert_cmpstr (parcours_card_get_kpi (card), ==, "");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 0);
  g_assert_cmpuint (parcours_history_get_n_redo (history), ==, 1);

  g_assert_true (parcours_history_redo (history));
  g_assert_cmpstr (parcours_card_get_kpi (card), ==, "");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);

  g_signal_handler_disconnect (fixture->document, handler);
}

/* Speed: the history must not be what makes a big map slow. */

static void
test_many_steps (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  GListModel *cards = parcours_document_get_cards (document);
  const guint n_steps = 10000;
  guint n_recorded;

  for (guint s = 0; s < 10; s++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%u", s);

      add_element (document, parcours_stage_new (id, id));
    }
  for (guint l = 0; l < 10; l++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%u", l);

      add_element (document, parcours_lane_new (id, PARCOURS_LANE_KIND_ACTIONS, id));
    }
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u", i);
      g_autofree char *lane_id = g_strdup_printf ("lane-%u", i % 10);
      g_autofree char *stage_id = g_strdup_printf ("stage-%u", (i / 10) % 10);

      add_element (document, parcours_card_new (id, lane_id, stage_id, id));
    }

  parcours_history_set_max_steps (history, n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(ParcoursElement) card = g_list_model_get_item (cards, (i * 7919) % 5000);

      switch (i % 4)
        {
        case 0:
          {
            g_autofree char *text = g_strdup_printf ("Step %u", i);

            set_string (history, card, "text", text);
          }
          break;

        case 1:
          parcours_history_move (history, card, (i * 31) % 5000, NULL);
          break;

        case 2:
          {
            g_autofree char *id = g_strdup_printf ("card-new-%u", i);
            g_autoptr(ParcoursCard) added = parcours_card_new (id, "lane-0", "stage-0", "");

            g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (added), (i * 13) % 5000, NULL));
          }
          break;

        case 3:
          parcours_history_remove (history, card, NULL);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A few moves land where the card already is and record nothing. */
  n_recorded = parcours_history_get_n_undo (history);
  g_assert_cmpuint (n_recorded, >, n_steps * 99 / 100);

  /* Every recorded step undoes and redoes; timings belong to
   * parcours-bench (undo_redo_10000_ms), not to a test. */
  {
    guint n_undone = 0, n_redone = 0;

    while (parcours_history_undo (history))
      n_undone++;
    g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 5000);
    while (parcours_history_redo (history))
      n_redone++;

    g_assert_cmpuint (n_undone, ==, n_recorded);
    g_assert_cmpuint (n_redone, ==, n_recorded);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define ADD_FIXTURE_TEST PARCOURS_TEST_HISTORY_ADD

  ADD_FIXTURE_TEST ("/history/insert", test_insert);
  ADD_FIXTURE_TEST ("/history/move", test_move);
  ADD_FIXTURE_TEST ("/history/remove/cascade", test_remove_cascade);
  ADD_FIXTURE_TEST ("/history/remove/persona", test_remove_persona);
  ADD_FIXTURE_TEST ("/history/move-card", test_move_card);
  ADD_FIXTURE_TEST ("/history/group", test_group);
  ADD_FIXTURE_TEST ("/history/group/cancel", test_group_cancel);
  ADD_FIXTURE_TEST ("/history/applying", test_applying);
  g_test_add_func ("/history/many-steps", test_many_steps);

#undef ADD_FIXTURE_TEST

  return g_test_run ();
}
