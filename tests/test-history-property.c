/* test-history-property.c
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

/* The property test of the history: random sequences of every kind of
 * edit, undo and redo, checked against the states recorded on the way. */

#define add_element parcours_test_add
#define serialize_document parcours_test_dump_document
#define list_elements parcours_test_list_elements
#define assert_same_elements parcours_test_assert_same_elements
#define set_string parcours_test_history_set_string

static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

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

  g_test_add_func ("/history/property", test_property);

  return g_test_run ();
}
