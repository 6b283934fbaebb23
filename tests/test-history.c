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

/* Fixtures */

typedef struct
{
  ParcoursDocument *document;
  ParcoursHistory *history;
} Fixture;

static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static void
add_element (ParcoursDocument *document,
             gpointer          element)
{
  g_autoptr(ParcoursElement) owned = element;

  g_assert_true (_parcours_document_insert (document, owned, G_MAXUINT, NULL));
}

/* Two stages, two lanes and cards spread over the four cells with the
 * cells interleaved in the card list, plus emotion points, a persona and
 * a lane that shows it: enough for cascades to have something to undo. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursLane *emotions;

  add_element (document, parcours_persona_new ("persona-a", "Alice"));
  add_element (document, parcours_persona_new ("persona-b", "Bob"));
  add_element (document, parcours_stage_new ("stage-1", "Discover"));
  add_element (document, parcours_stage_new ("stage-2", "Buy"));
  add_element (document, parcours_stage_new ("stage-3", "Use"));
  add_element (document, parcours_lane_new ("lane-1", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  emotions = parcours_lane_new ("lane-2", PARCOURS_LANE_KIND_EMOTIONS, "Feelings");
  parcours_lane_set_persona_id (emotions, "persona-a");
  add_element (document, emotions);
  add_element (document, parcours_lane_new ("lane-3", PARCOURS_LANE_KIND_THOUGHTS, "Thoughts"));

  add_element (document, parcours_card_new ("card-1", "lane-1", "stage-1", "Search"));
  add_element (document, parcours_card_new ("card-2", "lane-1", "stage-2", "Compare"));
  add_element (document, parcours_card_new ("card-3", "lane-3", "stage-2", "Hmm"));
  add_element (document, parcours_card_new ("card-4", "lane-1", "stage-1", "Ask"));
  add_element (document, parcours_card_new ("card-5", "lane-1", "stage-2", "Pay"));
  add_element (document, parcours_card_new ("card-6", "lane-3", "stage-1", "Why?"));
  add_element (document, parcours_card_new ("card-7", "lane-1", "stage-3", "Install"));
  add_element (document, parcours_card_new ("card-8", "lane-1", "stage-2", "Confirm"));

  add_element (document, parcours_emotion_point_new ("point-1", "lane-2", "stage-1", 0.2, 0.5));
  add_element (document, parcours_emotion_point_new ("point-2", "lane-2", "stage-2", 0.5, -0.5));
  add_element (document, parcours_emotion_point_new ("point-3", "lane-2", "stage-1", 0.8, 1.0));
  add_element (document, parcours_emotion_point_new ("point-4", "lane-2", "stage-3", 0.5, 0.0));

  fixture->document = document;
  fixture->history = parcours_history_new (document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->history);
  g_clear_object (&fixture->document);
}

/* Serializing a document
 *
 * Besides the native writer, whose bytes the property test compares at
 * the end of each sequence, the tests use a dump of their own: every
 * readable property of the document and of each element, in list order.
 * It is stricter than the file format (which leaves defaults out) and
 * does not depend on the writer's choices. */

static void
dump_value (GString      *out,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *string = g_value_get_string (value);

      if (string == NULL)
        {
          g_string_append (out, "null");
        }
      else
        {
          g_autofree char *escaped = g_strescape (string, NULL);

          g_string_append_printf (out, "\"%s\"", escaped);
        }
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      g_string_append_c (out, '[');
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          g_autofree char *escaped = g_strescape (strv[i], NULL);

          g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", escaped);
        }
      g_string_append_c (out, ']');
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes == NULL)
        {
          g_string_append (out, "null");
        }
      else
        {
          g_autofree char *checksum = NULL;

          checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, bytes);
          g_string_append_printf (out, "bytes:%s", checksum);
        }
    }
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                            g_value_get_double (value)));
    }
  else
    {
      g_autofree char *contents = g_strdup_value_contents (value);

      g_string_append (out, contents);
    }
}

static void
dump_object (GString *out,
             GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  g_string_append (out, G_OBJECT_TYPE_NAME (object));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_string_append_printf (out, " %s=", pspecs[i]->name);
      dump_value (out, &value);
    }
  g_string_append_c (out, '\n');
}

static char *
serialize_document (ParcoursDocument *document)
{
  GString *out = g_string_new (NULL);

  dump_object (out, G_OBJECT (document));

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    {
      GListModel *model = parcours_document_get_collection (document, c);
      guint n_items = g_list_model_get_n_items (model);

      g_string_append_printf (out, "%s:\n", parcours_collection_get_name (c));
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GObject) element = g_list_model_get_item (model, i);

          dump_object (out, element);
        }
    }

  return g_string_free (out, FALSE);
}

/* The elements themselves, to check that undo brings back the very same
 * objects and not copies. */
static GPtrArray *
list_elements (ParcoursDocument *document)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    {
      GListModel *model = parcours_document_get_collection (document, c);
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (elements, g_list_model_get_item (model, i));
    }

  return elements;
}

static void
assert_same_elements (GPtrArray *expected,
                      GPtrArray *actual)
{
  g_assert_cmpuint (expected->len, ==, actual->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (expected->pdata[i] == actual->pdata[i]);
}

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

static void
set_string (ParcoursHistory *history,
            gpointer         object,
            const char      *property_name,
            const char      *string)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, string);
  parcours_history_set_value (history, object, property_name, &value, NULL);
}

static void
set_double (ParcoursHistory *history,
            gpointer         object,
            const char      *property_name,
            double           number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  parcours_history_set_value (history, object, property_name, &value, NULL);
}

static gpointer
lookup (Fixture    *fixture,
        const char *id)
{
  ParcoursElement *element = parcours_document_lookup (fixture->document, id);

  g_assert_nonnull (element);

  return element;
}

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

static void
test_modified_save_point (Fixture       *fixture,
                          gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursStage *stage = lookup (fixture, "stage-1");

  g_assert_false (parcours_history_get_modified (history));
  set_string (history, stage, "name", "A");
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_false (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_get_modified (history));

  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
  set_string (history, stage, "description", "B");
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_false (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_false (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_get_modified (history));

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

  set_string (history, stage, "name", "A");
  parcours_history_seal (history);
  set_string (history, stage, "name", "B");
  parcours_history_mark_saved (history);

  /* The saved step goes with the redo stack. */
  g_assert_true (parcours_history_undo (history));
  set_string (history, stage, "description", "C");
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_undo (history));
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_get_modified (history));

  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
}

static void
test_modified_merge (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ParcoursHistory *history = fixture->history;
  ParcoursCard *card = lookup (fixture, "card-1");

  /* Saving in the middle of typing, then typing on. */
  set_string (history, card, "text", "a");
  parcours_history_mark_saved (history);
  g_assert_false (parcours_history_get_modified (history));
  set_string (history, card, "text", "ab");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, 1);
  g_assert_true (parcours_history_get_modified (history));

  /* The saved state ("a") is gone: no undo or redo gets back to it. */
  g_assert_true (parcours_history_undo (history));
  g_assert_true (parcours_history_get_modified (history));
  g_assert_true (parcours_history_redo (history));
  g_assert_true (parcours_history_get_modified (history));

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

/* Property test
 *
 * Random sequences of every kind of edit, undo and redo. After each step
 * the document must match the state recorded for that depth of the undo
 * stack; at the end, undoing everything must give back the initial
 * document (the same objects, byte-identical dump) and redoing
 * everything the final one. */

#define FUZZ_DEFAULT_SEED 20260214
#define FUZZ_N_SEQUENCES 500
#define FUZZ_N_QUICK_SEQUENCES 12   /* PARCOURS_TEST_QUICK=1, as under valgrind */
#define FUZZ_MIN_OPS 100
#define FUZZ_MAX_OPS 160

typedef struct
{
  GRand *rand;
  ParcoursDocument *document;
  ParcoursHistory *history;
  GPtrArray *states;
  char *saved_state;
  guint next_id;
  guint group_depth;
} Fuzz;

static const char * const fuzz_words[] = {
  "", "a", "Sign up", "Pay", "Wait…", "Été", "🙂", "line\nbreak", "\"quoted\"",
};

static guint
fuzz_int (Fuzz  *fuzz,
          guint  end)
{
  return end == 0 ? 0 : (guint) g_rand_int_range (fuzz->rand, 0, (gint32) end);
}

static gboolean
fuzz_chance (Fuzz *fuzz,
             guint percent)
{
  return fuzz_int (fuzz, 100) < percent;
}

static const char *
fuzz_word (Fuzz *fuzz)
{
  return fuzz_words[fuzz_int (fuzz, G_N_ELEMENTS (fuzz_words))];
}

static guint
fuzz_n_items (Fuzz               *fuzz,
              ParcoursCollection  collection)
{
  return g_list_model_get_n_items (parcours_document_get_collection (fuzz->document, collection));
}

/* (transfer none) (nullable) */
static ParcoursElement *
fuzz_pick (Fuzz               *fuzz,
           ParcoursCollection  collection)
{
  GListModel *model = parcours_document_get_collection (fuzz->document, collection);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(ParcoursElement) element = NULL;

  if (n_items == 0)
    return NULL;

  element = g_list_model_get_item (model, fuzz_int (fuzz, n_items));

  /* The document holds a reference. */
  return element;
}

static const char *
fuzz_pick_id (Fuzz               *fuzz,
              ParcoursCollection  collection)
{
  ParcoursElement *element = fuzz_pick (fuzz, collection);

  return element ? parcours_element_get_id (element) : NULL;
}

static char *
fuzz_make_id (Fuzz       *fuzz,
              const char *prefix)
{
  return g_strdup_printf ("%s-%u", prefix, fuzz->next_id++);
}

static void
fuzz_random_value (Fuzz       *fuzz,
                   GParamSpec *pspec,
                   GValue     *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);

  if (g_str_equal (pspec->name, "color"))
    {
      if (fuzz_chance (fuzz, 70))
        {
          g_autofree char *color = g_strdup_printf ("#%06x", fuzz_int (fuzz, 0x1000000));

          g_value_set_string (value, color);
        }
    }
  else if (g_str_equal (pspec->name, "lane-id"))
    {
      g_value_set_string (value, fuzz_pick_id (fuzz, PARCOURS_COLLECTION_LANES));
    }
  else if (g_str_equal (pspec->name, "stage-id"))
    {
      g_value_set_string (value, fuzz_pick_id (fuzz, PARCOURS_COLLECTION_STAGES));
    }
  else if (g_str_equal (pspec->name, "persona-id"))
    {
      if (fuzz_chance (fuzz, 70))
        g_value_set_string (value, fuzz_pick_id (fuzz, PARCOURS_COLLECTION_PERSONAS));
    }
  else if (type == G_TYPE_STRING)
    {
      g_value_set_string (value, fuzz_word (fuzz));
    }
  else if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      guint n = fuzz_int (fuzz, 4);

      for (guint i = 0; i < n; i++)
        g_strv_builder_add (builder, fuzz_word (fuzz));
      if (n > 0 || fuzz_chance (fuzz, 50))
        g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (type == G_TYPE_BYTES)
    {
      if (fuzz_chance (fuzz, 70))
        {
          g_autoptr(GByteArray) data = g_byte_array_new ();
          guint8 pixel = fuzz_int (fuzz, 4);

          g_byte_array_append (data, png_header, sizeof png_header);
          g_byte_array_append (data, &pixel, 1);
          g_value_take_boxed (value, g_byte_array_free_to_bytes (g_steal_pointer (&data)));
        }
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);

      /* Few distinct values, so that some sets change nothing. */
      g_value_set_double (value,
                          dspec->minimum +
                          (dspec->maximum - dspec->minimum) * fuzz_int (fuzz, 5) / 4.0);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (value, fuzz_chance (fuzz, 50));
    }
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *uspec = G_PARAM_SPEC_UINT (pspec);

      /* A card's votes: a few values, the bounds included. */
      g_value_set_uint (value, uspec->minimum +
                               (guint) ((guint64) (uspec->maximum - uspec->minimum) * fuzz_int (fuzz, 5) / 4));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_set_enum (value, enum_class->values[fuzz_int (fuzz, enum_class->n_values)].value);
    }
  else
    {
      g_assert_not_reached ();
    }
}

/* (transfer none) */
static GParamSpec *
fuzz_pick_property (Fuzz    *fuzz,
                    GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GPtrArray) editable = g_ptr_array_new ();
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if ((pspecs[i]->flags & G_PARAM_WRITABLE) &&
        !(pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
      g_ptr_array_add (editable, pspecs[i]);

  return editable->pdata[fuzz_int (fuzz, editable->len)];
}

static GObject *
fuzz_pick_object (Fuzz *fuzz)
{
  ParcoursElement *element;

  if (fuzz_chance (fuzz, 10))
    return G_OBJECT (fuzz->document);

  element = fuzz_pick (fuzz, fuzz_int (fuzz, PARCOURS_N_COLLECTIONS));

  return element ? G_OBJECT (element) : G_OBJECT (fuzz->document);
}

static const char *
fuzz_label (Fuzz *fuzz)
{
  return fuzz_chance (fuzz, 80) ? NULL : "Custom Label";
}

static void
fuzz_edit (Fuzz *fuzz)
{
  GObject *object = fuzz_pick_object (fuzz);
  GParamSpec *pspec = fuzz_pick_property (fuzz, object);
  g_auto(GValue) value = G_VALUE_INIT;

  fuzz_random_value (fuzz, pspec, &value);
  parcours_history_set_value (fuzz->history, object, pspec->name, &value, fuzz_label (fuzz));
}

static void fuzz_check_recorded (Fuzz *fuzz);

/* Typing into a field: a burst of sets that merge into one step, or a
 * few when sealed in the middle. */
static void
fuzz_type (Fuzz *fuzz)
{
  GObject *object = fuzz_pick_object (fuzz);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *property_name;
  guint n = 2 + fuzz_int (fuzz, 5);

  if (PARCOURS_IS_CARD (object))
    property_name = fuzz_chance (fuzz, 50) ? "text" : "details";
  else if (PARCOURS_IS_EMOTION_POINT (object))
    property_name = "label";
  else if (PARCOURS_IS_DOCUMENT (object))
    property_name = "title";
  else
    property_name = "name";

  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (text, 'a' + fuzz_int (fuzz, 26));
      set_string (fuzz->history, object, property_name, text->str);
      if (fuzz->group_depth == 0)
        fuzz_check_recorded (fuzz);
      if (fuzz_chance (fuzz, 10))
        parcours_history_seal (fuzz->history);
    }

}

static void
fuzz_drag_point (Fuzz *fuzz)
{
  ParcoursElement *point = fuzz_pick (fuzz, PARCOURS_COLLECTION_EMOTION_POINTS);
  guint n = 2 + fuzz_int (fuzz, 4);

  if (point == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      parcours_history_set (fuzz->history, point, NULL,
                            "offset", fuzz_int (fuzz, 11) / 10.0,
                            "value", fuzz_int (fuzz, 21) / 10.0 - 1.0,
                            NULL);
      if (fuzz->group_depth == 0)
        fuzz_check_recorded (fuzz);
    }
}

static void
fuzz_insert (Fuzz *fuzz)
{
  g_autoptr(ParcoursElement) element = NULL;
  g_autofree char *id = NULL;
  ParcoursCollection collection = fuzz_int (fuzz, PARCOURS_N_COLLECTIONS);
  const char *lane_id = fuzz_pick_id (fuzz, PARCOURS_COLLECTION_LANES);
  const char *stage_id = fuzz_pick_id (fuzz, PARCOURS_COLLECTION_STAGES);
  guint position;
  gboolean duplicate = fuzz_chance (fuzz, 5);

  if (lane_id == NULL || stage_id == NULL)
    collection = fuzz_chance (fuzz, 50) ? PARCOURS_COLLECTION_LANES : PARCOURS_COLLECTION_STAGES;

  if (duplicate && fuzz_n_items (fuzz, collection) > 0)
    id = g_strdup (fuzz_pick_id (fuzz, collection));

  switch (collection)
    {
    case PARCOURS_COLLECTION_PERSONAS:
      if (id == NULL)
        id = fuzz_make_id (fuzz, "persona");
      element = PARCOURS_ELEMENT (parcours_persona_new (id, fuzz_word (fuzz)));
      break;

    case PARCOURS_COLLECTION_STAGES:
      if (id == NULL)
        id = fuzz_make_id (fuzz, "stage");
      element = PARCOURS_ELEMENT (parcours_stage_new (id, fuzz_word (fuzz)));
      break;

    case PARCOURS_COLLECTION_LANES:
      if (id == NULL)
        id = fuzz_make_id (fuzz, "lane");
      element = PARCOURS_ELEMENT (parcours_lane_new (id, fuzz_int (fuzz, 10), fuzz_word (fuzz)));
      break;

    case PARCOURS_COLLECTION_CARDS:
      if (id == NULL)
        id = fuzz_make_id (fuzz, "card");
      element = PARCOURS_ELEMENT (parcours_card_new (id, lane_id, stage_id, fuzz_word (fuzz)));
      break;

    case PARCOURS_COLLECTION_EMOTION_POINTS:
      if (id == NULL)
        id = fuzz_make_id (fuzz, "point");
      element = PARCOURS_ELEMENT (parcours_emotion_point_new (id, lane_id, stage_id,
                                                              fuzz_int (fuzz, 11) / 10.0,
                                                              fuzz_int (fuzz, 5) / 2.0 - 1.0));
      break;

    default:
      g_assert_not_reached ();
    }

  position = fuzz_chance (fuzz, 20) ? G_MAXUINT : fuzz_int (fuzz, fuzz_n_items (fuzz, collection) + 2);

  if (parcours_document_lookup (fuzz->document, id) != NULL)
    g_assert_false (parcours_history_insert (fuzz->history, element, position, fuzz_label (fuzz)));
  else
    g_assert_true (parcours_history_insert (fuzz->history, element, position, fuzz_label (fuzz)));
}

static void
fuzz_remove (Fuzz *fuzz)
{
  ParcoursCollection collection = fuzz_int (fuzz, PARCOURS_N_COLLECTIONS);
  ParcoursElement *element;

  /* Stages and lanes take a lot with them: keep the map populated. */
  if ((collection == PARCOURS_COLLECTION_STAGES || collection == PARCOURS_COLLECTION_LANES) &&
      fuzz_n_items (fuzz, collection) <= 2)
    return;

  if ((element = fuzz_pick (fuzz, collection)))
    parcours_history_remove (fuzz->history, element, fuzz_label (fuzz));
}

static void
fuzz_move (Fuzz *fuzz)
{
  ParcoursCollection collection = fuzz_int (fuzz, PARCOURS_N_COLLECTIONS);
  ParcoursElement *element;
  guint to_position;

  if (!(element = fuzz_pick (fuzz, collection)))
    return;

  to_position = fuzz_chance (fuzz, 10) ? G_MAXUINT : fuzz_int (fuzz, fuzz_n_items (fuzz, collection));
  parcours_history_move (fuzz->history, element, to_position, fuzz_label (fuzz));
}

static void
fuzz_move_card (Fuzz *fuzz)
{
  ParcoursElement *card = fuzz_pick (fuzz, PARCOURS_COLLECTION_CARDS);
  const char *lane_id = fuzz_pick_id (fuzz, PARCOURS_COLLECTION_LANES);
  const char *stage_id = fuzz_pick_id (fuzz, PARCOURS_COLLECTION_STAGES);
  guint index;

  if (card == NULL || lane_id == NULL || stage_id == NULL)
    return;

  /* Often within the card's own cell. */
  if (fuzz_chance (fuzz, 30))
    {
      lane_id = parcours_card_get_lane_id (PARCOURS_CARD (card));
      stage_id = parcours_card_get_stage_id (PARCOURS_CARD (card));
    }

  index = fuzz_chance (fuzz, 20) ? G_MAXUINT : fuzz_int (fuzz, 5);
  parcours_history_move_card (fuzz->history, PARCOURS_CARD (card), lane_id, stage_id, index);
}


static void fuzz_action (Fuzz *fuzz);

static void
fuzz_group (Fuzz *fuzz)
{
  guint n = fuzz_int (fuzz, 5);

  if (fuzz->group_depth >= 3)
    return;

  fuzz->group_depth++;
  parcours_history_begin_group (fuzz->history, fuzz_chance (fuzz, 50) ? "Group" : NULL);
  for (guint i = 0; i < n; i++)
    fuzz_action (fuzz);
  parcours_history_end_group (fuzz->history);
  fuzz->group_depth--;
}

/* One edit: anything but undo and redo, which are not allowed in groups. */
static void
fuzz_action (Fuzz *fuzz)
{
  switch (fuzz_int (fuzz, 11))
    {
    case 0:
    case 1:
      fuzz_edit (fuzz);
      break;

    case 2:
      fuzz_type (fuzz);
      break;

    case 3:
      fuzz_drag_point (fuzz);
      break;

    case 4:
    case 5:
      fuzz_insert (fuzz);
      break;

    case 6:
      fuzz_remove (fuzz);
      break;

    case 7:
      fuzz_move (fuzz);
      break;

    case 8:
      fuzz_move_card (fuzz);
      break;

    case 9:
      fuzz_group (fuzz);
      break;

    case 10:
      parcours_history_seal (fuzz->history);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
fuzz_check_flags (Fuzz       *fuzz,
                  const char *state)
{
  ParcoursHistory *history = fuzz->history;

  g_assert_cmpint (parcours_history_get_can_undo (history), ==, parcours_history_get_n_undo (history) > 0);
  g_assert_cmpint (parcours_history_get_can_redo (history), ==, parcours_history_get_n_redo (history) > 0);
  g_assert_cmpint (parcours_history_get_undo_label (history) != NULL, ==, parcours_history_get_n_undo (history) > 0);
  g_assert_cmpint (parcours_history_get_redo_label (history) != NULL, ==, parcours_history_get_n_redo (history) > 0);

  /* Not modified means as saved (the converse need not hold: typing a
   * character then erasing it is a modification). */
  if (!parcours_history_get_modified (history))
    g_assert_cmpstr (state, ==, fuzz->saved_state);
}

/* After an undo or a redo: the document is the state recorded for this
 * depth of the undo stack. */
static void
fuzz_check_replayed (Fuzz *fuzz)
{
  g_autofree char *state = serialize_document (fuzz->document);
  guint depth = parcours_history_get_n_undo (fuzz->history);

  g_assert_cmpuint (depth + parcours_history_get_n_redo (fuzz->history), ==, fuzz->states->len - 1);
  g_assert_cmpstr (state, ==, g_ptr_array_index (fuzz->states, depth));
  fuzz_check_flags (fuzz, state);
}

/* After an edit: either nothing was recorded (the redo stack is intact)
 * and the state is unchanged, or the redo stack is gone and the new state
 * is the one of the current depth. */
static void
fuzz_check_recorded (Fuzz *fuzz)
{
  char *state = serialize_document (fuzz->document);
  guint depth = parcours_history_get_n_undo (fuzz->history);

  if (parcours_history_get_n_redo (fuzz->history) > 0)
    {
      g_assert_cmpuint (depth + parcours_history_get_n_redo (fuzz->history), ==, fuzz->states->len - 1);
      g_assert_cmpstr (state, ==, g_ptr_array_index (fuzz->states, depth));
      fuzz_check_flags (fuzz, state);
      g_free (state);
      return;
    }

  g_assert_cmpuint (depth, <=, fuzz->states->len);
  g_ptr_array_set_size (fuzz->states, depth);
  g_ptr_array_add (fuzz->states, state);
  fuzz_check_flags (fuzz, state);
}

static void
fuzz_populate (Fuzz *fuzz)
{
  guint n_stages = 2 + fuzz_int (fuzz, 3);
  guint n_lanes = 2 + fuzz_int (fuzz, 3);
  guint n_cards = fuzz_int (fuzz, 12);
  guint n_points = fuzz_int (fuzz, 5);

  add_element (fuzz->document, parcours_persona_new ("persona-0", "Alice"));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *id = fuzz_make_id (fuzz, "stage");

      add_element (fuzz->document, parcours_stage_new (id, fuzz_word (fuzz)));
    }
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autofree char *id = fuzz_make_id (fuzz, "lane");
      ParcoursLane *lane = parcours_lane_new (id, fuzz_int (fuzz, 10), fuzz_word (fuzz));

      if (fuzz_chance (fuzz, 50))
        parcours_lane_set_persona_id (lane, "persona-0");
      add_element (fuzz->document, lane);
    }
  for (guint i = 0; i < n_cards; i++)
    {
      g_autofree char *id = fuzz_make_id (fuzz, "card");

      add_element (fuzz->document,
                   parcours_card_new (id,
                                      fuzz_pick_id (fuzz, PARCOURS_COLLECTION_LANES),
                                      fuzz_pick_id (fuzz, PARCOURS_COLLECTION_STAGES),
                                      fuzz_word (fuzz)));
    }
  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *id = fuzz_make_id (fuzz, "point");

      add_element (fuzz->document,
                   parcours_emotion_point_new (id,
                                               fuzz_pick_id (fuzz, PARCOURS_COLLECTION_LANES),
                                               fuzz_pick_id (fuzz, PARCOURS_COLLECTION_STAGES),
                                               0.5, 0.0));
    }
}

/* Returns how many steps the history held at the end. */
static guint
fuzz_run_sequence (GRand *rand,
                   guint  n_ops)
{
  Fuzz fuzz = { 0, };
  g_autoptr(GPtrArray) initial_elements = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GBytes) initial_bytes = NULL;
  g_autoptr(GBytes) final_bytes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *initial = NULL;
  g_autofree char *final = NULL;
  g_autofree char *state = NULL;
  guint n_steps;

  fuzz.rand = rand;
  fuzz.document = parcours_document_new ();
  fuzz.history = parcours_history_new (fuzz.document);
  fuzz.states = g_ptr_array_new_with_free_func (g_free);
  parcours_history_set_max_steps (fuzz.history, G_MAXUINT);

  fuzz_populate (&fuzz);
  initial_bytes = parcours_format_save_bytes (fuzz.document);
  initial = serialize_document (fuzz.document);
  initial_elements = list_elements (fuzz.document);
  g_ptr_array_add (fuzz.states, g_strdup (initial));
  fuzz.saved_state = g_strdup (initial);

  for (guint op = 0; op < n_ops; op++)
    {
      guint roll = fuzz_int (&fuzz, 100);

      if (roll < 12)
        {
          guint n = 1 + fuzz_int (&fuzz, 4);

          for (guint i = 0; i < n && parcours_history_undo (fuzz.history); i++)
            fuzz_check_replayed (&fuzz);
        }
      else if (roll < 20)
        {
          guint n = 1 + fuzz_int (&fuzz, 4);

          for (guint i = 0; i < n && parcours_history_redo (fuzz.history); i++)
            fuzz_check_replayed (&fuzz);
        }
      else if (roll < 22)
        {
          g_free (fuzz.saved_state);
          fuzz.saved_state = serialize_document (fuzz.document);
          parcours_history_mark_saved (fuzz.history);
          g_assert_false (parcours_history_get_modified (fuzz.history));
        }
      else
        {
          fuzz_action (&fuzz);
          fuzz_check_recorded (&fuzz);
        }
    }

  final_bytes = parcours_format_save_bytes (fuzz.document);
  final = serialize_document (fuzz.document);
  n_steps = parcours_history_get_n_undo (fuzz.history);

  /* All the way back… */
  while (parcours_history_undo (fuzz.history))
    fuzz_check_replayed (&fuzz);
  state = serialize_document (fuzz.document);
  g_assert_cmpstr (state, ==, initial);
  bytes = parcours_format_save_bytes (fuzz.document);
  g_assert_true (g_bytes_equal (bytes, initial_bytes));
  g_clear_pointer (&bytes, g_bytes_unref);
  elements = list_elements (fuzz.document);
  assert_same_elements (initial_elements, elements);
  g_clear_pointer (&elements, g_ptr_array_unref);
  g_clear_pointer (&state, g_free);

  /* …forward again to the final state… */
  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_true (parcours_history_redo (fuzz.history));
      fuzz_check_replayed (&fuzz);
    }
  state = serialize_document (fuzz.document);
  g_assert_cmpstr (state, ==, final);
  bytes = parcours_format_save_bytes (fuzz.document);
  g_assert_true (g_bytes_equal (bytes, final_bytes));

  /* …and past it, through what was undone at the end of the sequence. */
  while (parcours_history_redo (fuzz.history))
    fuzz_check_replayed (&fuzz);

  n_steps = fuzz.states->len - 1;

  g_assert_finalize_object (fuzz.history);
  g_assert_finalize_object (fuzz.document);
  g_ptr_array_unref (fuzz.states);
  g_free (fuzz.saved_state);

  return n_steps;
}

static void
test_property (void)
{
  const char *seed_env = g_getenv ("PARCOURS_HISTORY_SEED");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : FUZZ_DEFAULT_SEED;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_sequences = g_test_slow () ? FUZZ_N_SEQUENCES * 10 : FUZZ_N_SEQUENCES;
  guint total_ops = 0;
  guint total_steps = 0;
  gint64 start = g_get_monotonic_time ();

  /* Under valgrind a few sequences already visit every command. */
  if (g_strcmp0 (g_getenv ("PARCOURS_TEST_QUICK"), "1") == 0)
    n_sequences = FUZZ_N_QUICK_SEQUENCES;

  g_test_message ("seed %u (set PARCOURS_HISTORY_SEED to replay another)", seed);

  for (guint i = 0; i < n_sequences; i++)
    {
      guint n_ops = FUZZ_MIN_OPS + g_rand_int_range (rand, 0, FUZZ_MAX_OPS - FUZZ_MIN_OPS + 1);

      total_steps += fuzz_run_sequence (rand, n_ops);
      total_ops += n_ops;
    }

  g_test_message ("%u sequences, %u operations, %u undo steps, %.1f s",
                  n_sequences, total_ops, total_steps,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

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
  ADD_FIXTURE_TEST ("/history/insert", test_insert);
  ADD_FIXTURE_TEST ("/history/move", test_move);
  ADD_FIXTURE_TEST ("/history/remove/cascade", test_remove_cascade);
  ADD_FIXTURE_TEST ("/history/remove/persona", test_remove_persona);
  ADD_FIXTURE_TEST ("/history/move-card", test_move_card);
  ADD_FIXTURE_TEST ("/history/group", test_group);
  ADD_FIXTURE_TEST ("/history/group/cancel", test_group_cancel);
  ADD_FIXTURE_TEST ("/history/applying", test_applying);
  g_test_add_func ("/history/many-steps", test_many_steps);
  g_test_add_func ("/history/property", test_property);

#undef ADD_FIXTURE_TEST

  return g_test_run ();
}
