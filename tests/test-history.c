/* test-history.c
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

/* The history: property edits, merging typing into one step, labels,
 * notifications, the modified state and bounded memory. Structural edits
 * are in test-history-structure.c, the random property test in
 * test-history-property.c; the fixtures in parcours-test-utils.c. */

typedef ParcoursTestHistory Fixture;

#define lookup parcours_test_history_lookup
#define serialize_document parcours_test_dump_document
#define set_string parcours_test_history_set_string
#define set_double parcours_test_history_set_double

static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* Property edits */

static void
test_set_basic (Fixture       *fixture,
                gconstpointer  user_data)
{
  ParcoursStage *stage = lookup (fixture, "stage-2");

  set_string (fixture->history, stage, "name", "Purchase");
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "Purchase");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);

  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "Buy");
  g_assert_false (parcours_history_undo (fixture->history));

  g_assert_true (parcours_history_redo (fixture->history));
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "Purchase");
  g_assert_false (parcours_history_redo (fixture->history));
}

static void
test_set_unchanged (Fixture       *fixture,
                    gconstpointer  user_data)
{
  ParcoursStage *stage = lookup (fixture, "stage-2");
  ParcoursPersona *persona = lookup (fixture, "persona-a");
  g_auto(GValue) value = G_VALUE_INIT;

  set_string (fixture->history, stage, "name", "Buy");
  g_assert_false (parcours_history_get_can_undo (fixture->history));

  /* NULL and an empty list are the same list. */
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, (const char * const[]) { NULL });
  parcours_history_set_value (fixture->history, persona, "goals", &value, NULL);
  g_assert_false (parcours_history_get_can_undo (fixture->history));

  /* An unchanged set does not clear the redo stack either. */
  set_string (fixture->history, stage, "name", "Purchase");
  g_assert_true (parcours_history_undo (fixture->history));
  set_string (fixture->history, stage, "name", "Buy");
  g_assert_true (parcours_history_get_can_redo (fixture->history));
}

static void
test_set_boxed (Fixture       *fixture,
                gconstpointer  user_data)
{
  ParcoursPersona *persona = lookup (fixture, "persona-a");
  const char * const goals[] = { "Save time", "Pay less", NULL };
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) photo = NULL;

  g_byte_array_append (data, png_header, sizeof png_header);
  g_byte_array_append (data, (const guint8 *) "pixels", 6);
  photo = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  parcours_history_set (fixture->history, persona, NULL,
                        "goals", goals,
                        "photo", photo,
                        NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Edit Persona");
  g_assert_true (g_strv_equal (parcours_persona_get_goals (persona), goals));
  g_assert_true (parcours_persona_get_photo (persona) == photo);

  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_null (parcours_persona_get_goals (persona));
  g_assert_null (parcours_persona_get_photo (persona));

  g_assert_true (parcours_history_redo (fixture->history));
  g_assert_true (g_strv_equal (parcours_persona_get_goals (persona), goals));
  g_assert_true (g_bytes_equal (parcours_persona_get_photo (persona), photo));
}

static void
test_set_document (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char * const goals[] = { "Fewer calls", NULL };

  set_string (fixture->history, fixture->document, "title", "Onboarding");
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Rename Map");

  parcours_history_set (fixture->history, fixture->document, NULL,
                        "goals", goals,
                        "kind", PARCOURS_MAP_KIND_FUTURE_STATE,
                        NULL);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Edit Map");
  g_assert_cmpint (parcours_document_get_kind (fixture->document), ==, PARCOURS_MAP_KIND_FUTURE_STATE);

  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_document_get_title (fixture->document), ==, "");
  g_assert_null (parcours_document_get_goals (fixture->document));
  g_assert_cmpint (parcours_document_get_kind (fixture->document), ==, PARCOURS_MAP_KIND_CURRENT_STATE);
}

static void
test_set_varargs (Fixture       *fixture,
                  gconstpointer  user_data)
{
  ParcoursCard *card = lookup (fixture, "card-1");

  parcours_history_set (fixture->history, card, "Restyle Card",
                        "color", "#3584e4",
                        "key-moment", TRUE,
                        "sentiment", PARCOURS_SENTIMENT_NEGATIVE,
                        NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Restyle Card");
  g_assert_cmpstr (parcours_card_get_color (card), ==, "#3584e4");
  g_assert_true (parcours_card_get_key_moment (card));

  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_null (parcours_card_get_color (card));
  g_assert_false (parcours_card_get_key_moment (card));
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEUTRAL);

  /* Nothing that changes, nothing recorded. */
  parcours_history_set (fixture->history, card, NULL, "text", "Search", NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 0);
  g_assert_cmpuint (parcours_history_get_n_redo (fixture->history), ==, 1);
}

/* Merging */

static void
test_merge_typing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ParcoursCard *card = lookup (fixture, "card-1");
  const char *typed[] = { "S", "Se", "Sea", "Sear", "Searc", "Search!" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    set_string (fixture->history, card, "text", typed[i]);

  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Edit Card Text");

  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search");
  g_assert_true (parcours_history_redo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search!");

  /* After an undo or a redo, typing starts a new step. */
  set_string (fixture->history, card, "text", "Search!!");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);
  set_string (fixture->history, card, "text", "Search!!!");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  /* A one-property parcours_history_set() merges the same way. */
  parcours_history_set (fixture->history, card, NULL, "text", "Done", NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);

  /* Nor does typing merge into the step an undo uncovers. */
  parcours_history_seal (fixture->history);
  set_string (fixture->history, card, "text", "Done!");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 3);
  g_assert_true (parcours_history_undo (fixture->history));
  set_string (fixture->history, card, "text", "Done?");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 3);
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Done");
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search!");
}

static void
test_merge_seal (Fixture       *fixture,
                 gconstpointer  user_data)
{
  ParcoursCard *card = lookup (fixture, "card-1");

  set_string (fixture->history, card, "text", "A");
  set_string (fixture->history, card, "text", "AB");
  parcours_history_seal (fixture->history);
  set_string (fixture->history, card, "text", "ABC");
  set_string (fixture->history, card, "text", "ABCD");

  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "AB");
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search");
}

static void
test_merge_split (Fixture       *fixture,
                  gconstpointer  user_data)
{
  ParcoursCard *card = lookup (fixture, "card-1");
  ParcoursCard *other = lookup (fixture, "card-2");
  g_autoptr(ParcoursCard) added = parcours_card_new ("card-new", "lane-1", "stage-1", "");

  /* Another property. */
  set_string (fixture->history, card, "text", "A");
  set_string (fixture->history, card, "details", "B");
  set_string (fixture->history, card, "text", "AA");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 3);

  /* Another object. */
  set_string (fixture->history, other, "text", "C");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 4);

  /* Another command in between. */
  g_assert_true (parcours_history_insert (fixture->history, PARCOURS_ELEMENT (added), G_MAXUINT, NULL));
  set_string (fixture->history, other, "text", "CC");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 6);

  /* An explicit group is a step of its own, even around a single set. */
  parcours_history_begin_group (fixture->history, NULL);
  set_string (fixture->history, other, "text", "CCC");
  parcours_history_end_group (fixture->history);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 7);
  set_string (fixture->history, other, "text", "CCCC");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 8);

  /* A set of several properties is not the same edit as one of them. */
  parcours_history_set (fixture->history, other, NULL, "text", "E", "details", "F", NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 9);
  set_string (fixture->history, other, "text", "EE");
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 10);

  while (parcours_history_undo (fixture->history))
    ;
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "");
  g_assert_cmpstr (parcours_card_get_text (other), ==, "Compare");
  g_assert_cmpstr (parcours_card_get_details (other), ==, "");
  g_assert_null (parcours_document_lookup (fixture->document, "card-new"));
}

static void
test_merge_in_group (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ParcoursCard *card = lookup (fixture, "card-1");
  ParcoursEmotionPoint *point = lookup (fixture, "point-1");
  g_autofree char *before = serialize_document (fixture->document);
  g_autofree char *after = NULL;

  set_string (fixture->history, card, "text", "Outside");

  /* The group's first set does not merge with the step before it, and
   * its sets merge among themselves. */
  parcours_history_begin_group (fixture->history, "Fill In Card");
  set_string (fixture->history, card, "text", "I");
  set_string (fixture->history, card, "text", "In");
  set_string (fixture->history, card, "details", "x");
  set_string (fixture->history, card, "text", "Inside");
  parcours_history_end_group (fixture->history);

  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Fill In Card");
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Outside");
  g_assert_cmpstr (parcours_card_get_details (card), ==, "");
  g_assert_true (parcours_history_undo (fixture->history));
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Search");

  /* Dragging an emotion point: each motion sets both coordinates. */
  for (guint i = 1; i <= 5; i++)
    parcours_history_set (fixture->history, point, NULL,
                          "offset", 0.2 + i / 10.0,
                          "value", 0.5 - i / 10.0,
                          NULL);
  g_assert_cmpuint (parcours_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (parcours_history_get_undo_label (fixture->history), ==, "Change Emotion");
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 0.2 + 5 / 10.0);

  g_assert_true (parcours_history_undo (fixture->history));
  after = serialize_document (fixture->document);
  g_assert_cmpstr (before, ==, after);
}

/* Labels */

static void
test_labels (Fixture       *fixture,
             gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("stage-new", "New");
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_null (parcours_history_get_undo_label (history));
  g_assert_null (parcours_history_get_redo_label (history));

#define ASSERT_UNDO_LABEL(expected) \
  G_STMT_START { \
    parcours_history_seal (history); \
    g_assert_cmpstr (parcours_history_get_undo_label (history), ==, expected); \
  } G_STMT_END

  set_string (history, lookup (fixture, "stage-1"), "name", "x");
  ASSERT_UNDO_LABEL ("Rename Stage");
  set_string (history, lookup (fixture, "stage-1"), "description", "x");
  ASSERT_UNDO_LABEL ("Edit Stage");
  set_string (history, lookup (fixture, "lane-1"), "name", "x");
  ASSERT_UNDO_LABEL ("Rename Lane");
  set_double (history, lookup (fixture, "lane-1"), "height", 2.0);
  ASSERT_UNDO_LABEL ("Edit Lane");
  set_string (history, lookup (fixture, "persona-b"), "name", "x");
  ASSERT_UNDO_LABEL ("Rename Persona");
  set_string (history, lookup (fixture, "persona-b"), "role", "x");
  ASSERT_UNDO_LABEL ("Edit Persona");
  set_string (history, lookup (fixture, "card-1"), "text", "x");
  ASSERT_UNDO_LABEL ("Edit Card Text");
  set_string (history, lookup (fixture, "card-1"), "kpi", "x");
  ASSERT_UNDO_LABEL ("Edit Card");
  set_double (history, lookup (fixture, "point-1"), "value", -1.0);
  ASSERT_UNDO_LABEL ("Change Emotion");
  set_double (history, lookup (fixture, "point-1"), "offset", 0.9);
  ASSERT_UNDO_LABEL ("Change Emotion");
  set_string (history, lookup (fixture, "point-1"), "label", "Ugh");
  ASSERT_UNDO_LABEL ("Edit Emotion Point");
  set_string (history, fixture->document, "title", "x");
  ASSERT_UNDO_LABEL ("Rename Map");
  set_string (history, fixture->document, "description", "x");
  ASSERT_UNDO_LABEL ("Edit Map");

  g_assert_true (parcours_history_insert (history, PARCOURS_ELEMENT (stage), 0, NULL));
  ASSERT_UNDO_LABEL ("Add Stage");
  parcours_history_move (history, PARCOURS_ELEMENT (stage), 2, NULL);
  ASSERT_UNDO_LABEL ("Reorder Stages");
  parcours_history_move (history, lookup (fixture, "lane-3"), 0, NULL);
  ASSERT_UNDO_LABEL ("Reorder Lanes");
  parcours_history_move (history, lookup (fixture, "persona-b"), 0, NULL);
  ASSERT_UNDO_LABEL ("Reorder Personas");
  parcours_history_move (history, lookup (fixture, "card-1"), 3, NULL);
  ASSERT_UNDO_LABEL ("Move Card");
  parcours_history_move (history, lookup (fixture, "point-1"), 3, NULL);
  ASSERT_UNDO_LABEL ("Move Emotion Point");
  parcours_history_move_card (history, lookup (fixture, "card-2"), "lane-3", "stage-3", 0);
  ASSERT_UNDO_LABEL ("Move Card");
  parcours_history_remove (history, lookup (fixture, "card-3"), NULL);
  ASSERT_UNDO_LABEL ("Delete Card");
  parcours_history_remove (history, lookup (fixture, "point-2"), NULL);
  ASSERT_UNDO_LABEL ("Delete Emotion Point");
  parcours_history_remove (history, lookup (fixture, "lane-1"), NULL);
  ASSERT_UNDO_LABEL ("Delete Lane");
  parcours_history_remove (history, lookup (fixture, "stage-1"), NULL);
  ASSERT_UNDO_LABEL ("Delete Stage");
  parcours_history_remove (history, lookup (fixture, "persona-a"), NULL);
  ASSERT_UNDO_LABEL ("Delete Persona");

  /* Custom labels, and groups. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Checkout");
  parcours_history_set_value (history, lookup (fixture, "stage-2"), "name",
                              &value, "Name After Step");
  ASSERT_UNDO_LABEL ("Name After Step");

  parcours_history_begin_group (history, "Tidy Up");
  parcours_history_begin_group (history, "Inner");
  set_string (history, lookup (fixture, "stage-2"), "name", "y");
  parcours_history_end_group (history);
  set_string (history, lookup (fixture, "stage-3"), "name", "z");
  parcours_history_end_group (history);
  ASSERT_UNDO_LABEL ("Tidy Up");

  parcours_history_begin_group (history, NULL);
  set_string (history, lookup (fixture, "card-2"), "text", "y");
  set_string (history, lookup (fixture, "stage-3"), "name", "zz");
  parcours_history_end_group (history);
  ASSERT_UNDO_LABEL ("Edit Card Text");

  parcours_history_begin_group (history, NULL);
  parcours_history_begin_group (history, "Inner");
  set_string (history, lookup (fixture, "card-2"), "text", "yy");
  set_string (history, lookup (fixture, "stage-3"), "name", "zzz");
  parcours_history_end_group (history);
  parcours_history_end_group (history);
  ASSERT_UNDO_LABEL ("Inner");

  set_string (history, lookup (fixture, "card-2"), "details", "Custom");
  parcours_history_set (history, lookup (fixture, "card-2"), "Write Details",
                        "details", "Custom!", NULL);
  g_assert_true (parcours_history_undo (history));
  g_assert_cmpstr (parcours_history_get_redo_label (history), ==, "Edit Card");

  parcours_history_set (history, lookup (fixture, "card-2"), "Write Details",
                        "details", "Custom!", NULL);
  ASSERT_UNDO_LABEL ("Write Details");
  g_assert_null (parcours_history_get_redo_label (history));

  g_assert_true (parcours_history_undo (history));
  g_assert_cmpstr (parcours_history_get_redo_label (history), ==, "Write Details");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Inner");

#undef ASSERT_UNDO_LABEL
}

/* Notifications */

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
  guint modified;
} NotifyCounts;

static void
history_notify_cb (ParcoursHistory *history,
                   GParamSpec      *pspec,
                   NotifyCounts    *counts)
{
  if (g_str_equal (pspec->name, "can-undo"))
    counts->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    counts->can_redo++;
  else if (g_str_equal (pspec->name, "undo-label"))
    counts->undo_label++;
  else if (g_str_equal (pspec->name, "redo-label"))
    counts->redo_label++;
  else if (g_str_equal (pspec->name, "modified"))
    counts->modified++;
}

#define ASSERT_COUNTS(counts, cu, cr, ul, rl, m) \
  G_STMT_START { \
    g_assert_cmpuint ((counts).can_undo, ==, cu); \
    g_assert_cmpuint ((counts).can_redo, ==, cr); \
    g_assert_cmpuint ((counts).undo_label, ==, ul); \
    g_assert_cmpuint ((counts).redo_label, ==, rl); \
    g_assert_cmpuint ((counts).modified, ==, m); \
    memset (&(counts), 0, sizeof (counts)); \
  } G_STMT_END

static void
test_notify (Fixture       *fixture,
             gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursCard *card = lookup (fixture, "card-1");
  NotifyCounts counts = { 0, };

  g_signal_connect (history, "notify", G_CALLBACK (history_notify_cb), &counts);

  /* First edit: undo becomes possible, labelled, and the map modified. */
  set_string (history, card, "text", "a");
  ASSERT_COUNTS (counts, 1, 0, 1, 0, 1);

  /* Merged edit: nothing a window shows changes. */
  set_string (history, card, "text", "ab");
  ASSERT_COUNTS (counts, 0, 0, 0, 0, 0);

  /* Another edit with the same label. */
  set_string (history, card, "kpi", "1");
  set_string (history, card, "details", "d");
  ASSERT_COUNTS (counts, 0, 0, 1, 0, 0);

  /* An unchanged value. */
  set_string (history, card, "details", "d");
  ASSERT_COUNTS (counts, 0, 0, 0, 0, 0);

  g_assert_true (parcours_history_undo (history));
  ASSERT_COUNTS (counts, 0, 1, 0, 1, 0);
  g_assert_true (parcours_history_undo (history));
  ASSERT_COUNTS (counts, 0, 0, 1, 0, 0);
  g_assert_true (parcours_history_undo (history));
  ASSERT_COUNTS (counts, 1, 0, 1, 1, 1);
  g_assert_false (parcours_history_undo (history));
  ASSERT_COUNTS (counts, 0, 0, 0, 0, 0);

  g_assert_true (parcours_history_redo (history));
  ASSERT_COUNTS (counts, 1, 0, 1, 1, 1);

  parcours_history_mark_saved (history);
  ASSERT_COUNTS (counts, 0, 0, 0, 0, 1);
  parcours_history_mark_saved (history);
  ASSERT_COUNTS (counts, 0, 0, 0, 0, 0);

  /* A new action drops the redo steps. */
  set_string (history, card, "color", "#ffffff");
  ASSERT_COUNTS (counts, 0, 1, 1, 1, 1);

  parcours_history_clear (history);
  ASSERT_COUNTS (counts, 1, 0, 1, 0, 0);

  parcours_history_set_max_steps (history, 5);
  parcours_history_set_max_steps (history, 5);
  ASSERT_COUNTS (counts, 0, 0, 0, 0, 0);
}

/* Modified */

/* A walk through the history: each step, and whether the map is
 * modified after it. */
typedef struct
{
  gboolean (*step) (ParcoursHistory *history);
  gboolean   modified;
} Walk;

#define UNDO(modified) { parcours_history_undo, (modified) }
#define REDO(modified) { parcours_history_redo, (modified) }

static void
assert_walk (ParcoursHistory *history,
             const Walk      *walk,
             gsize            n_steps)
{
  for (gsize i = 0; i < n_steps; i++)
    {
      if (!walk[i].step (history))
        g_error ("step %" G_GSIZE_FORMAT " of the walk: nothing to undo or redo", i);
      if (parcours_history_get_modified (history) != walk[i].modified)
        g_error ("step %" G_GSIZE_FORMAT " of the walk: the map should%s be modified",
                 i, walk[i].modified ? "" : " not");
    }
}

static void
test_modified_save_point (Fixture       *fixture,
                          gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursStage *stage = lookup (fixture, "stage-1");

  static const Walk first[] = { UNDO (FALSE), REDO (TRUE) };
  /* Saved after the first edit: it is the state without the second. */
  static const Walk second[] = { UNDO (FALSE), UNDO (TRUE), REDO (FALSE), REDO (TRUE) };

  g_assert_false (parcours_history_get_modified (history));
  set_string (history, stage, "name", "A");
  g_assert_true (parcours_history_get_modified (history));
  assert_walk (history, first, G_N_ELEMENTS (first));

  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
  set_string (history, stage, "description", "B");
  g_assert_true (parcours_history_get_modified (history));
  assert_walk (history, second, G_N_ELEMENTS (second));

  /* Clearing the history keeps the document's state, saved or not. */
  g_assert_true (parcours_history_undo (history));
  parcours_history_clear (history);
  g_assert_false (parcours_history_get_modified (history));
  set_string (history, stage, "description", "C");
  parcours_history_clear (history);
  g_assert_true (parcours_history_get_modified (history));
}

static void
test_modified_lost (Fixture       *fixture,
                    gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursStage *stage = lookup (fixture, "stage-1");
  static const Walk walk[] = { UNDO (TRUE), UNDO (TRUE), REDO (TRUE) };

  set_string (history, stage, "name", "A");
  parcours_history_seal (history);
  set_string (history, stage, "name", "B");
  parcours_history_mark_saved (history);

  /* The saved step goes with the redo stack. */
  g_assert_true (parcours_history_undo (history));
  set_string (history, stage, "description", "C");
  g_assert_true (parcours_history_get_modified (history));
  assert_walk (history, walk, G_N_ELEMENTS (walk));

  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
}

static void
test_modified_merge (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursCard *card = lookup (fixture, "card-1");
  static const Walk walk[] = { UNDO (TRUE), REDO (TRUE) };

  /* Saving in the middle of typing, then typing on. */
  set_string (history, card, "text", "a");
  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
  set_string (history, card, "text", "ab");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_true (parcours_history_get_modified (history));

  /* The saved state ("a") is gone: no undo or redo gets back to it. */
  assert_walk (history, walk, G_N_ELEMENTS (walk));

  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
}

/* Bounded memory */

static void
test_max_steps (Fixture       *fixture,
                gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursStage *stage = lookup (fixture, "stage-1");
  const char *names[] = { "A", "B", "C", "D", "E" };

  g_assert_cmpuint (parcours_history_get_max_steps (history), ==, PARCOURS_HISTORY_DEFAULT_MAX_STEPS);
  parcours_history_set_max_steps (history, 3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      set_string (history, stage, "name", names[i]);
      parcours_history_seal (history);
    }

  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 3);
  while (parcours_history_undo (history))
    ;
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "B");
  /* The saved state (the original) was dropped. */
  g_assert_true (parcours_history_get_modified (history));

  /* Lowering the bound drops the oldest steps first, then the farthest
   * redo steps. */
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_redo (history));
  parcours_history_mark_saved (history);
  parcours_history_set_max_steps (history, 2);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_cmpuint (parcours_history_get_n_redo (history), ==, 1);
  g_assert_false (parcours_history_get_modified (history));
  parcours_history_set_max_steps (history, 1);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 0);
  g_assert_cmpuint (parcours_history_get_n_redo (history), ==, 1);
  g_assert_false (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "E");
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_false (parcours_history_get_modified (history));
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "D");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define ADD_FIXTURE_TEST PARCOURS_TEST_HISTORY_ADD

  ADD_FIXTURE_TEST ("/history/set/basic", test_set_basic);
  ADD_FIXTURE_TEST ("/history/set/unchanged", test_set_unchanged);
  ADD_FIXTURE_TEST ("/history/set/boxed", test_set_boxed);
  ADD_FIXTURE_TEST ("/history/set/document", test_set_document);
  ADD_FIXTURE_TEST ("/history/set/varargs", test_set_varargs);
  ADD_FIXTURE_TEST ("/history/merge/typing", test_merge_typing);
  ADD_FIXTURE_TEST ("/history/merge/seal", test_merge_seal);
  ADD_FIXTURE_TEST ("/history/merge/split", test_merge_split);
  ADD_FIXTURE_TEST ("/history/merge/in-group", test_merge_in_group);
  ADD_FIXTURE_TEST ("/history/labels", test_labels);
  ADD_FIXTURE_TEST ("/history/notify", test_notify);
  ADD_FIXTURE_TEST ("/history/modified/save-point", test_modified_save_point);
  ADD_FIXTURE_TEST ("/history/modified/lost", test_modified_lost);
  ADD_FIXTURE_TEST ("/history/modified/merge", test_modified_merge);
  ADD_FIXTURE_TEST ("/history/max-steps", test_max_steps);

#undef ADD_FIXTURE_TEST

  return g_test_run ();
}
