/* parcours-history.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "parcours-command.h"
#include "parcours-document-private.h"
#include "parcours-history.h"
#include "parcours-history-labels.h"

/* The undo stack of one document, and the only way the UI changes it.
 *
 * Every edit is applied at once and recorded as a ParcoursCommand; an
 * undo step is one command (often a group). Both queues keep their most
 * recent step at the head, so push, pop and dropping the oldest step are
 * O(1), and replaying a step never searches the document.
 *
 * Each step carries a serial that names the state of the document right
 * after it. The state under the oldest step has a serial too
 * (bottom_serial, 0 for a fresh history), so "modified" is simply
 * "the current serial is not the saved one". When the saved state can no
 * longer be reached (its step dropped with the redo stack, merged away or
 * trimmed), saved_serial becomes SERIAL_NONE, which no state ever has.
 *
 * Merging: a step that only sets properties absorbs the next one that
 * sets the same properties of the same objects (typing into a field,
 * dragging an emotion point), until seal(), undo, redo, clear, an explicit
 * group or any other command. Inside an open group the same rule applies
 * to the group's last child. A merge gives the step a new serial: saving
 * in the middle of typing and typing on makes the document modified
 * again. */

#define SERIAL_NONE G_MAXUINT64

typedef struct
{
  ParcoursCommand *command;
  guint64 serial;
} Step;

struct _ParcoursHistory
{
  GObject parent_instance;

  ParcoursDocument *document;

  GQueue undo_steps;
  GQueue redo_steps;
  guint max_steps;

  guint64 next_serial;
  guint64 bottom_serial;
  guint64 saved_serial;

  /* The outermost open group, where commands go until it ends. */
  ParcoursCommand *group;
  guint group_depth;

  /* What was last notified, so that notify means a real change. Labels
   * are interned: comparing pointers is enough. */
  const char *undo_label;
  const char *redo_label;

  guint applying : 1;
  guint merge_step : 1;
  guint merge_child : 1;
  guint can_undo : 1;
  guint can_redo : 1;
  guint modified : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursHistory, parcours_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MAX_STEPS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Step *
step_new (ParcoursCommand *command,
          guint64          serial)
{
  Step *step = g_new (Step, 1);

  step->command = command;
  step->serial = serial;

  return step;
}

static void
step_free (Step *step)
{
  g_clear_pointer (&step->command, parcours_command_unref);
  g_free (step);
}

static const char *
step_get_label (Step *step)
{
  return step != NULL ? parcours_command_get_label (step->command) : NULL;
}

static guint64
current_serial (ParcoursHistory *self)
{
  Step *top = g_queue_peek_head (&self->undo_steps);

  return top != NULL ? top->serial : self->bottom_serial;
}

static void
forget_serial (ParcoursHistory *self,
               guint64          serial)
{
  if (self->saved_serial == serial)
    self->saved_serial = SERIAL_NONE;
}

static void
update_state (ParcoursHistory *self)
{
  gboolean can_undo = !g_queue_is_empty (&self->undo_steps);
  gboolean can_redo = !g_queue_is_empty (&self->redo_steps);
  gboolean modified = self->saved_serial != current_serial (self);
  const char *undo_label = step_get_label (g_queue_peek_head (&self->undo_steps));
  const char *redo_label = step_get_label (g_queue_peek_head (&self->redo_steps));

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }

  if (self->undo_label != undo_label)
    {
      self->undo_label = undo_label;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }

  if (self->redo_label != redo_label)
    {
      self->redo_label = redo_label;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
clear_redo_steps (ParcoursHistory *self)
{
  Step *step;

  while ((step = g_queue_pop_head (&self->redo_steps)))
    {
      forget_serial (self, step->serial);
      step_free (step);
    }
}

static void
clear_undo_steps (ParcoursHistory *self)
{
  Step *step;

  while ((step = g_queue_pop_head (&self->undo_steps)))
    step_free (step);
}

/* Drops the oldest undo steps, then the farthest redo steps, until both
 * stacks together hold at most max-steps. */
static void
trim_steps (ParcoursHistory *self)
{
  while (self->undo_steps.length + self->redo_steps.length > self->max_steps)
    {
      Step *step;

      if ((step = g_queue_pop_tail (&self->undo_steps)))
        {
          forget_serial (self, self->bottom_serial);
          self->bottom_serial = step->serial;
        }
      else
        {
          step = g_queue_pop_tail (&self->redo_steps);
          forget_serial (self, step->serial);
        }

      step_free (step);
    }
}

static void
push_step (ParcoursHistory *self,
           ParcoursCommand *command)
{
  gboolean set_only = parcours_command_is_set_only (command);
  Step *top = g_queue_peek_head (&self->undo_steps);

  if (self->merge_step && set_only && top != NULL &&
      parcours_command_can_merge (top->command, command))
    {
      parcours_command_merge (top->command, command);
      parcours_command_unref (command);
      forget_serial (self, top->serial);
      top->serial = self->next_serial++;
      return;
    }

  g_queue_push_head (&self->undo_steps, step_new (command, self->next_serial++));
  self->merge_step = set_only;
  trim_steps (self);
}

static void
add_to_group (ParcoursHistory *self,
              ParcoursCommand *command)
{
  ParcoursCommandKind kind = parcours_command_get_kind (command);
  guint n_children = parcours_command_group_get_size (self->group);

  if (parcours_command_get_label (self->group) == NULL)
    parcours_command_set_label (self->group, parcours_command_get_label (command));

  if (self->merge_child && kind == PARCOURS_COMMAND_SET && n_children > 0)
    {
      ParcoursCommand *last = parcours_command_group_get_child (self->group,
                                                                n_children - 1);

      if (parcours_command_can_merge (last, command))
        {
          parcours_command_merge (last, command);
          parcours_command_unref (command);
          return;
        }
    }

  parcours_command_group_add (self->group, command);
  self->merge_child = kind == PARCOURS_COMMAND_SET;
}

/* Takes @command, already applied to the document. */
static void
record (ParcoursHistory *self,
        ParcoursCommand *command)
{
  clear_redo_steps (self);

  if (self->group != NULL)
    add_to_group (self, command);
  else
    push_step (self, command);
}

static void
open_group (ParcoursHistory *self,
            const char      *label,
            gboolean         seal)
{
  if (self->applying)
    return;

  if (self->group_depth++ == 0)
    {
      self->group = parcours_command_new_group (label);
      self->merge_child = FALSE;
    }
  else if (parcours_command_get_label (self->group) == NULL)
    {
      parcours_command_set_label (self->group, label);
    }

  if (seal)
    parcours_history_seal (self);
}

/* A group of one command becomes that command, so that a one-property
 * parcours_history_set() merges like parcours_history_set_value(). */
static void
close_group (ParcoursHistory *self,
             gboolean         seal)
{
  g_autoptr(ParcoursCommand) group = NULL;
  ParcoursCommand *command;

  if (self->applying)
    return;

  g_return_if_fail (self->group_depth > 0);

  if (seal)
    parcours_history_seal (self);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);

  switch (parcours_command_group_get_size (group))
    {
    case 0:
      return;

    case 1:
      command = parcours_command_ref (parcours_command_group_get_child (group, 0));
      parcours_command_set_label (command, parcours_command_get_label (group));
      break;

    default:
      command = g_steal_pointer (&group);
      break;
    }

  push_step (self, command);
  if (seal)
    parcours_history_seal (self);

  update_state (self);
}

static gboolean
is_in_document (ParcoursHistory *self,
                gpointer         object)
{
  if (object == (gpointer) self->document)
    return TRUE;

  return PARCOURS_IS_ELEMENT (object) &&
         parcours_document_lookup (self->document,
                                   parcours_element_get_id (object)) == object;
}

static GParamSpec *
find_writable_property (gpointer    object,
                        const char *property_name)
{
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property_name);

  if (pspec == NULL)
    {
      g_critical ("%s has no property named “%s”",
                  G_OBJECT_TYPE_NAME (object), property_name);
      return NULL;
    }

  if (!(pspec->flags & G_PARAM_WRITABLE) ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    {
      g_critical ("Property “%s” of %s cannot be edited",
                  property_name, G_OBJECT_TYPE_NAME (object));
      return NULL;
    }

  return pspec;
}

static void
remove_at (ParcoursHistory    *self,
           ParcoursElement    *element,
           ParcoursCollection  collection,
           guint               position)
{
  g_autoptr(ParcoursElement) removed = NULL;

  removed = _parcours_document_remove (self->document, collection, position);
  g_return_if_fail (removed == element);

  record (self,
          parcours_command_new_remove (element, collection, position,
                                       _parcours_history_label_for_remove (collection)));
}

/* Removes the cards, then the emotion points of a stage or a lane. Each
 * list is emptied from its last dependent to its first, so the recorded
 * positions are the original ones and undo, inserting them back first
 * to last, puts every element exactly where it was. */
static void
remove_dependents (ParcoursHistory *self,
                   ParcoursElement *element)
{
  static const ParcoursCollection collections[] = {
    PARCOURS_COLLECTION_CARDS,
    PARCOURS_COLLECTION_EMOTION_POINTS,
  };
  g_autoptr(GPtrArray) dependents = NULL;
  g_autofree guint *positions = NULL;
  guint start = 0;

  dependents = parcours_document_get_dependents (self->document, element);
  positions = g_new (guint, MAX (dependents->len, 1));

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      GListModel *model = parcours_document_get_collection (self->document, collections[c]);
      guint n_items = g_list_model_get_n_items (model);
      guint end = start;
      guint next;

      while (end < dependents->len &&
             parcours_collection_for_type (G_OBJECT_TYPE (dependents->pdata[end])) == collections[c])
        end++;

      /* Dependents come in document order: one walk finds them all. */
      next = start;
      for (guint i = 0; i < n_items && next < end; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (item == dependents->pdata[next])
            positions[next++] = i;
        }
      g_return_if_fail (next == end);

      for (guint k = end; k > start; k--)
        remove_at (self, dependents->pdata[k - 1], collections[c], positions[k - 1]);

      start = end;
    }
}

/* Lanes that show a persona stop showing it when it goes. */
static void
clear_persona_references (ParcoursHistory *self,
                          ParcoursElement *persona)
{
  GListModel *lanes = parcours_document_get_lanes (self->document);
  guint n_lanes = g_list_model_get_n_items (lanes);
  const char *id = parcours_element_get_id (persona);
  g_auto(GValue) none = G_VALUE_INIT;

  g_value_init (&none, G_TYPE_STRING);

  for (guint i = 0; i < n_lanes; i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);

      if (g_strcmp0 (parcours_lane_get_persona_id (lane), id) == 0)
        parcours_history_set_value (self, lane, "persona-id", &none, NULL);
    }
}

static void
parcours_history_dispose (GObject *object)
{
  ParcoursHistory *self = (ParcoursHistory *)object;

  clear_undo_steps (self);
  clear_redo_steps (self);
  g_clear_pointer (&self->group, parcours_command_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (parcours_history_parent_class)->dispose (object);
}

static void
parcours_history_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParcoursHistory *self = PARCOURS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_MAX_STEPS:
      g_value_set_uint (value, self->max_steps);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, parcours_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, parcours_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, parcours_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, parcours_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, parcours_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_history_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ParcoursHistory *self = PARCOURS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_MAX_STEPS:
      parcours_history_set_max_steps (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_history_constructed (GObject *object)
{
  ParcoursHistory *self = (ParcoursHistory *)object;

  G_OBJECT_CLASS (parcours_history_parent_class)->constructed (object);

  g_assert (PARCOURS_IS_DOCUMENT (self->document));
}

static void
parcours_history_class_init (ParcoursHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = parcours_history_dispose;
  object_class->constructed = parcours_history_constructed;
  object_class->get_property = parcours_history_get_property;
  object_class->set_property = parcours_history_set_property;

  /**
   * ParcoursHistory:document:
   *
   * The document whose changes this history records.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PARCOURS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursHistory:max-steps:
   *
   * How many undo and redo steps are kept; the oldest go first.
   */
  properties[PROP_MAX_STEPS] =
    g_param_spec_uint ("max-steps", NULL, NULL,
                       1, G_MAXUINT,
                       PARCOURS_HISTORY_DEFAULT_MAX_STEPS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursHistory:undo-label:
   *
   * What undo would undo, such as "Rename Stage", or %NULL.
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursHistory:redo-label:
   *
   * What redo would redo, or %NULL.
   */
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursHistory:modified:
   *
   * Whether the document differs from its last saved state, see
   * parcours_history_mark_saved().
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_history_init (ParcoursHistory *self)
{
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
  self->max_steps = PARCOURS_HISTORY_DEFAULT_MAX_STEPS;
  self->next_serial = 1;
  self->bottom_serial = 0;
  self->saved_serial = 0;
}

ParcoursHistory *
parcours_history_new (ParcoursDocument *document)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);

  return g_object_new (PARCOURS_TYPE_HISTORY,
                       "document", document,
                       NULL);
}

/**
 * parcours_history_get_document:
 * @self: a #ParcoursHistory
 *
 * Returns: (transfer none): the document
 */
ParcoursDocument *
parcours_history_get_document (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), NULL);

  return self->document;
}

guint
parcours_history_get_max_steps (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), 0);

  return self->max_steps;
}

/**
 * parcours_history_set_max_steps:
 * @self: a #ParcoursHistory
 * @max_steps: how many steps to keep, at least 1
 *
 * Lowering the bound drops the oldest undo steps at once, then if need
 * be the farthest redo steps.
 */
void
parcours_history_set_max_steps (ParcoursHistory *self,
                                guint            max_steps)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (max_steps > 0);

  if (self->max_steps == max_steps)
    return;

  self->max_steps = max_steps;
  trim_steps (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_STEPS]);
  update_state (self);
}

gboolean
parcours_history_get_can_undo (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo_steps);
}

gboolean
parcours_history_get_can_redo (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo_steps);
}

/**
 * parcours_history_get_undo_label:
 * @self: a #ParcoursHistory
 *
 * Returns: (nullable): the translated label of the step undo would
 *   undo, such as "Rename Stage"
 */
const char *
parcours_history_get_undo_label (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), NULL);

  return step_get_label (g_queue_peek_head (&self->undo_steps));
}

/**
 * parcours_history_get_redo_label:
 * @self: a #ParcoursHistory
 *
 * Returns: (nullable): the translated label of the step redo would redo
 */
const char *
parcours_history_get_redo_label (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), NULL);

  return step_get_label (g_queue_peek_head (&self->redo_steps));
}

gboolean
parcours_history_get_modified (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);

  return self->saved_serial != current_serial (self);
}

guint
parcours_history_get_n_undo (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), 0);

  return self->undo_steps.length;
}

guint
parcours_history_get_n_redo (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), 0);

  return self->redo_steps.length;
}

/**
 * parcours_history_undo:
 * @self: a #ParcoursHistory
 *
 * Reverts the most recent step. Not allowed while a group is open.
 *
 * Returns: %TRUE if there was a step to undo
 */
gboolean
parcours_history_undo (ParcoursHistory *self)
{
  Step *step;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->applying || !(step = g_queue_pop_head (&self->undo_steps)))
    return FALSE;

  self->applying = TRUE;
  parcours_command_revert (step->command, self->document);
  self->applying = FALSE;

  g_queue_push_head (&self->redo_steps, step);
  self->merge_step = FALSE;
  update_state (self);

  return TRUE;
}

/**
 * parcours_history_redo:
 * @self: a #ParcoursHistory
 *
 * Applies again the most recently undone step. Not allowed while a group
 * is open.
 *
 * Returns: %TRUE if there was a step to redo
 */
gboolean
parcours_history_redo (ParcoursHistory *self)
{
  Step *step;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->applying || !(step = g_queue_pop_head (&self->redo_steps)))
    return FALSE;

  self->applying = TRUE;
  parcours_command_apply (step->command, self->document);
  self->applying = FALSE;

  g_queue_push_head (&self->undo_steps, step);
  self->merge_step = FALSE;
  update_state (self);

  return TRUE;
}

/**
 * parcours_history_mark_saved:
 * @self: a #ParcoursHistory
 *
 * Remembers the current state as the saved one: #ParcoursHistory:modified
 * becomes %FALSE, and becomes %FALSE again whenever undo or redo comes
 * back to this state.
 */
void
parcours_history_mark_saved (ParcoursHistory *self)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));

  self->saved_serial = current_serial (self);
  update_state (self);
}

/**
 * parcours_history_get_state:
 * @self: a #ParcoursHistory
 *
 * Names the document's current state, for
 * parcours_history_mark_saved_state(). Every change makes a new state
 * whose name is never used again; undo and redo come back to old ones.
 *
 * Returns: the current state
 */
guint64
parcours_history_get_state (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), SERIAL_NONE);

  return current_serial (self);
}

/**
 * parcours_history_mark_saved_state:
 * @self: a #ParcoursHistory
 * @state: a state from parcours_history_get_state()
 *
 * Remembers @state as the saved one, for a save that took the
 * document's text at @state and finished later: edits made while it was
 * written keep the document modified. A @state that can no longer be
 * reached leaves it modified until the next save.
 */
void
parcours_history_mark_saved_state (ParcoursHistory *self,
                                   guint64          state)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));

  /* A state that is gone is never current again (states are never
   * renamed), which is what SERIAL_NONE means too. */
  self->saved_serial = state;
  update_state (self);
}

/**
 * parcours_history_mark_unsaved:
 * @self: a #ParcoursHistory
 *
 * Forgets the saved state: #ParcoursHistory:modified is %TRUE until the
 * next parcours_history_mark_saved(), whatever is undone. For a map
 * restored from an autosaved draft, which differs from its file.
 */
void
parcours_history_mark_unsaved (ParcoursHistory *self)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));

  self->saved_serial = SERIAL_NONE;
  update_state (self);
}

/**
 * parcours_history_clear:
 * @self: a #ParcoursHistory
 *
 * Forgets every step. The document keeps its state, and is modified
 * after this only if it was before.
 */
void
parcours_history_clear (ParcoursHistory *self)
{
  guint64 serial;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  serial = current_serial (self);
  if (self->saved_serial != serial)
    self->saved_serial = SERIAL_NONE;
  self->bottom_serial = serial;

  clear_undo_steps (self);
  clear_redo_steps (self);
  self->merge_step = FALSE;

  update_state (self);
}

/**
 * parcours_history_begin_group:
 * @self: a #ParcoursHistory
 * @label: (nullable): the label of the step
 *
 * Starts collecting commands into one step, until the matching
 * parcours_history_end_group(). In nested groups the outermost label
 * wins; without any, the step takes the label of its first command.
 *
 * A group is a step of its own: it never merges with the steps before
 * or after it, and inside it a nested group starts and ends a run of
 * merging sets just like parcours_history_seal().
 */
void
parcours_history_begin_group (ParcoursHistory *self,
                              const char      *label)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));

  open_group (self, label, TRUE);
}

/**
 * parcours_history_end_group:
 * @self: a #ParcoursHistory
 *
 * Ends a group. When the outermost group ends, its commands become one
 * step: none if it is empty, the command itself (with the group's label)
 * if there is only one.
 */
void
parcours_history_end_group (ParcoursHistory *self)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));

  close_group (self, TRUE);
}

/**
 * parcours_history_cancel_group:
 * @self: a #ParcoursHistory
 *
 * Ends every open group by reverting what was recorded in it: the
 * document is back as it was when the outermost group began, and no step
 * is added. For gestures the user abandons half-way: Escape during a
 * drag, a new card left empty.
 */
void
parcours_history_cancel_group (ParcoursHistory *self)
{
  g_autoptr(ParcoursCommand) group = NULL;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (self->applying)
    return;

  group = g_steal_pointer (&self->group);
  self->group_depth = 0;

  self->applying = TRUE;
  parcours_command_revert (group, self->document);
  self->applying = FALSE;

  parcours_history_seal (self);
  update_state (self);
}

/**
 * parcours_history_get_in_group:
 * @self: a #ParcoursHistory
 *
 * Returns: whether a group is open (undo and redo wait until it ends)
 */
gboolean
parcours_history_get_in_group (ParcoursHistory *self)
{
  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);

  return self->group_depth > 0;
}

/**
 * parcours_history_seal:
 * @self: a #ParcoursHistory
 *
 * Ends a continuous edit: the next set starts a new step (or, inside a
 * group, a new command of the group).
 */
void
parcours_history_seal (ParcoursHistory *self)
{
  g_return_if_fail (PARCOURS_IS_HISTORY (self));

  self->merge_step = FALSE;
  self->merge_child = FALSE;
}

/**
 * parcours_history_set_value:
 * @self: a #ParcoursHistory
 * @object: the document or an element in it
 * @property_name: a writable property of @object
 * @value: the new value
 * @label: (nullable): the label of the step
 *
 * Sets a property and records it, unless the value does not change.
 * Calls made while the history replays an undo or a redo (from a notify
 * handler, say) are ignored: they would corrupt the step being replayed.
 */
void
parcours_history_set_value (ParcoursHistory *self,
                            gpointer         object,
                            const char      *property_name,
                            const GValue    *value,
                            const char      *label)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property_name != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  if (self->applying)
    return;

  g_return_if_fail (is_in_document (self, object));

  if (!(pspec = find_writable_property (object, property_name)))
    return;

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &old_value);
  g_object_set_property (object, pspec->name, value);

  /* Read back what the setter kept: it may have clamped the value. */
  g_value_init (&new_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &new_value);

  if (parcours_command_values_equal (pspec, &old_value, &new_value))
    return;

  if (label == NULL)
    label = _parcours_history_label_for_set (object, pspec);

  record (self, parcours_command_new_set (object, pspec, &old_value, &new_value, label));
  update_state (self);
}

/**
 * parcours_history_set:
 * @self: a #ParcoursHistory
 * @object: the document or an element in it
 * @label: (nullable): the label of the step
 * @first_property_name: the name of the first property to set
 * @...: its value, then more name/value pairs, then %NULL
 *
 * Sets several properties in one step, as g_object_set() would. Unlike
 * an explicit group, the step merges with the next one if that sets the
 * same properties of @object: each motion of a drag can call this.
 */
void
parcours_history_set (ParcoursHistory *self,
                      gpointer         object,
                      const char      *label,
                      const char      *first_property_name,
                      ...)
{
  const char *name;
  va_list args;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  if (self->applying)
    return;

  open_group (self, label, FALSE);

  va_start (args, first_property_name);
  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec;

      if (!(pspec = find_writable_property (object, name)))
        break;

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }

      parcours_history_set_value (self, object, name, &value, NULL);
    }
  va_end (args);

  close_group (self, FALSE);
}

/**
 * parcours_history_insert:
 * @self: a #ParcoursHistory
 * @element: an element in no document
 * @position: its position in its collection, or %G_MAXUINT to append
 * @label: (nullable): the label of the step
 *
 * Returns: %TRUE if @element was inserted; %FALSE, recording nothing, if
 *   the document already has an element with the same id
 */
gboolean
parcours_history_insert (ParcoursHistory *self,
                         ParcoursElement *element,
                         guint            position,
                         const char      *label)
{
  ParcoursCollection collection;
  GListModel *model;

  g_return_val_if_fail (PARCOURS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), FALSE);

  if (self->applying)
    return FALSE;

  if (parcours_document_lookup (self->document, parcours_element_get_id (element)))
    return FALSE;

  collection = parcours_collection_for_type (G_OBJECT_TYPE (element));
  model = parcours_document_get_collection (self->document, collection);
  position = MIN (position, g_list_model_get_n_items (model));

  if (!_parcours_document_insert (self->document, element, position, NULL))
    return FALSE;

  if (label == NULL)
    label = _parcours_history_label_for_insert (collection);

  record (self, parcours_command_new_insert (element, collection, position, label));
  update_state (self);

  return TRUE;
}

/**
 * parcours_history_remove:
 * @self: a #ParcoursHistory
 * @element: an element of the document
 * @label: (nullable): the label of the step
 *
 * Removes @element in one step, with what depends on it: the cards and
 * emotion points of a stage or a lane; the references of lanes to a
 * persona.
 */
void
parcours_history_remove (ParcoursHistory *self,
                         ParcoursElement *element,
                         const char      *label)
{
  ParcoursCollection collection;
  guint position;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (PARCOURS_IS_ELEMENT (element));

  if (self->applying)
    return;

  if (!parcours_document_find_position (self->document, element, &position))
    {
      g_critical ("%s: %s is not in the document",
                  G_STRFUNC, parcours_element_get_id (element));
      return;
    }

  collection = parcours_collection_for_type (G_OBJECT_TYPE (element));
  if (label == NULL)
    label = _parcours_history_label_for_remove (collection);

  /* Removing dependents does not shift @element in its own list. */
  parcours_history_begin_group (self, label);

  if (PARCOURS_IS_STAGE (element) || PARCOURS_IS_LANE (element))
    remove_dependents (self, element);
  else if (PARCOURS_IS_PERSONA (element))
    clear_persona_references (self, element);

  remove_at (self, element, collection, position);

  parcours_history_end_group (self);
}

/**
 * parcours_history_move:
 * @self: a #ParcoursHistory
 * @element: an element of the document
 * @to_position: its new position in its collection; %G_MAXUINT or any
 *   position past the end means last
 * @label: (nullable): the label of the step
 */
void
parcours_history_move (ParcoursHistory *self,
                       ParcoursElement *element,
                       guint            to_position,
                       const char      *label)
{
  ParcoursCollection collection;
  GListModel *model;
  guint from_position;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (PARCOURS_IS_ELEMENT (element));

  if (self->applying)
    return;

  if (!parcours_document_find_position (self->document, element, &from_position))
    {
      g_critical ("%s: %s is not in the document",
                  G_STRFUNC, parcours_element_get_id (element));
      return;
    }

  collection = parcours_collection_for_type (G_OBJECT_TYPE (element));
  model = parcours_document_get_collection (self->document, collection);
  to_position = MIN (to_position, g_list_model_get_n_items (model) - 1);

  if (from_position == to_position)
    return;

  _parcours_document_move (self->document, collection, from_position, to_position);

  if (label == NULL)
    label = _parcours_history_label_for_move (collection);

  record (self, parcours_command_new_move (collection, from_position, to_position, label));
  update_state (self);
}

/**
 * parcours_history_move_card:
 * @self: a #ParcoursHistory
 * @card: a card of the document
 * @lane_id: the lane of the target cell
 * @stage_id: the stage of the target cell
 * @index_in_cell: the index @card gets among the cards of the target
 *   cell, or %G_MAXUINT for last
 *
 * Moves @card in one step "Move Card": it changes its lane and stage and
 * moves it in the card list, which orders the cards of each cell.
 *
 * When the target cell has other cards, @card goes right before the one
 * it displaces, or right after the last one. When the cell is empty,
 * @card keeps its place in the list: the order of cards across cells
 * means nothing, and not moving it spares every view and the saved file
 * a needless reordering.
 */
void
parcours_history_move_card (ParcoursHistory *self,
                            ParcoursCard    *card,
                            const char      *lane_id,
                            const char      *stage_id,
                            guint            index_in_cell)
{
  g_autoptr(GArray) cell = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GListModel *cards;
  guint from_position = G_MAXUINT;
  guint to_position;
  guint n_cards;

  g_return_if_fail (PARCOURS_IS_HISTORY (self));
  g_return_if_fail (PARCOURS_IS_CARD (card));
  g_return_if_fail (parcours_document_lookup_lane (self->document, lane_id) != NULL);
  g_return_if_fail (parcours_document_lookup_stage (self->document, stage_id) != NULL);

  if (self->applying)
    return;

  /* One walk finds the card and the list positions of the other cards
   * of the target cell. */
  cards = parcours_document_get_cards (self->document);
  n_cards = g_list_model_get_n_items (cards);
  cell = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(ParcoursCard) other = g_list_model_get_item (cards, i);

      if (other == card)
        from_position = i;
      else if (g_strcmp0 (parcours_card_get_lane_id (other), lane_id) == 0 &&
               g_strcmp0 (parcours_card_get_stage_id (other), stage_id) == 0)
        g_array_append_val (cell, i);
    }

  if (from_position == G_MAXUINT)
    {
      g_critical ("%s: %s is not in the document",
                  G_STRFUNC, parcours_element_get_id (PARCOURS_ELEMENT (card)));
      return;
    }

  /* Positions in the list once the card is taken out, which is where
   * _parcours_document_move() puts it back. */
  if (cell->len == 0)
    {
      to_position = from_position;
    }
  else if (index_in_cell < cell->len)
    {
      guint before = g_array_index (cell, guint, index_in_cell);

      to_position = before > from_position ? before - 1 : before;
    }
  else
    {
      guint after = g_array_index (cell, guint, cell->len - 1);

      to_position = (after > from_position ? after - 1 : after) + 1;
    }

  /* As a group, the move never merges with the edits around it. */
  parcours_history_begin_group (self, _parcours_history_label_move_card ());

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, lane_id);
  parcours_history_set_value (self, card, "lane-id", &value, NULL);
  g_value_set_string (&value, stage_id);
  parcours_history_set_value (self, card, "stage-id", &value, NULL);

  if (from_position != to_position)
    {
      _parcours_document_move (self->document, PARCOURS_COLLECTION_CARDS,
                               from_position, to_position);
      record (self,
              parcours_command_new_move (PARCOURS_COLLECTION_CARDS,
                                         from_position, to_position,
                                         _parcours_history_label_move_card ()));
    }

  parcours_history_end_group (self);
}
