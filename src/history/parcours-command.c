/* parcours-command.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-command.h"
#include "parcours-document-private.h"

/* A command knows how to do and undo itself on a document, nothing more:
 * when to record, merge or replay it is ParcoursHistory's business.
 *
 * Every command stores exact positions, never searches: replaying one
 * costs what the underlying list operation costs. Labels are interned, so
 * thousands of steps share a handful of strings. */
struct _ParcoursCommand
{
  grefcount ref_count;
  ParcoursCommandKind kind;
  const char *label;

  union
  {
    struct
    {
      GObject *object;
      GParamSpec *pspec;
      GValue old_value;
      GValue new_value;
    } set;

    /* Insert and remove: the same data, opposite directions. */
    struct
    {
      ParcoursElement *element;
      ParcoursCollection collection;
      guint position;
    } element;

    struct
    {
      ParcoursCollection collection;
      guint from_position;
      guint to_position;
    } move;

    struct
    {
      GPtrArray *children;
    } group;
  } u;
};

static ParcoursCommand *
command_new (ParcoursCommandKind  kind,
             const char          *label)
{
  ParcoursCommand *self = g_new0 (ParcoursCommand, 1);

  g_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->label = g_intern_string (label);

  return self;
}

static void
command_free (ParcoursCommand *self)
{
  switch (self->kind)
    {
    case PARCOURS_COMMAND_SET:
      g_clear_object (&self->u.set.object);
      g_clear_pointer (&self->u.set.pspec, g_param_spec_unref);
      g_value_unset (&self->u.set.old_value);
      g_value_unset (&self->u.set.new_value);
      break;

    case PARCOURS_COMMAND_INSERT:
    case PARCOURS_COMMAND_REMOVE:
      g_clear_object (&self->u.element.element);
      break;

    case PARCOURS_COMMAND_MOVE:
      break;

    case PARCOURS_COMMAND_GROUP:
      g_clear_pointer (&self->u.group.children, g_ptr_array_unref);
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (self);
}

static void
insert_element (ParcoursDocument *document,
                ParcoursElement  *element,
                guint             position)
{
  g_autoptr(GError) error = NULL;

  if (!_parcours_document_insert (document, element, position, &error))
    g_critical ("Cannot insert %s: %s",
                parcours_element_get_id (element), error->message);
}

static void
remove_element (ParcoursDocument   *document,
                ParcoursElement    *element,
                ParcoursCollection  collection,
                guint               position)
{
  g_autoptr(ParcoursElement) removed = NULL;

  removed = _parcours_document_remove (document, collection, position);
  if (removed != element)
    g_critical ("Expected %s at position %u of the %s, found %s",
                parcours_element_get_id (element),
                position,
                parcours_collection_get_name (collection),
                removed ? parcours_element_get_id (removed) : "nothing");
}

/**
 * parcours_command_new_set:
 * @object: the document or an element
 * @pspec: a writable property of @object
 * @old_value: the value before the change
 * @new_value: the value after the change
 * @label: (nullable): what the user sees in "Undo …"
 *
 * Returns: (transfer full): a command that sets @pspec of @object
 */
ParcoursCommand *
parcours_command_new_set (GObject      *object,
                          GParamSpec   *pspec,
                          const GValue *old_value,
                          const GValue *new_value,
                          const char   *label)
{
  ParcoursCommand *self;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);
  g_return_val_if_fail (G_IS_VALUE (old_value), NULL);
  g_return_val_if_fail (G_IS_VALUE (new_value), NULL);

  self = command_new (PARCOURS_COMMAND_SET, label);
  self->u.set.object = g_object_ref (object);
  self->u.set.pspec = g_param_spec_ref (pspec);
  g_value_init (&self->u.set.old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_copy (old_value, &self->u.set.old_value);
  g_value_init (&self->u.set.new_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_copy (new_value, &self->u.set.new_value);

  return self;
}

/**
 * parcours_command_new_insert:
 * @element: an element in no document
 * @collection: the collection of @element
 * @position: where @element goes, an existing position or the end
 * @label: (nullable): what the user sees in "Undo …"
 *
 * Returns: (transfer full): a command that inserts @element
 */
ParcoursCommand *
parcours_command_new_insert (ParcoursElement    *element,
                             ParcoursCollection  collection,
                             guint               position,
                             const char         *label)
{
  ParcoursCommand *self;

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  self = command_new (PARCOURS_COMMAND_INSERT, label);
  self->u.element.element = g_object_ref (element);
  self->u.element.collection = collection;
  self->u.element.position = position;

  return self;
}

/**
 * parcours_command_new_remove:
 * @element: the element at @position
 * @collection: the collection of @element
 * @position: the position of @element when the command is applied
 * @label: (nullable): what the user sees in "Undo …"
 *
 * Returns: (transfer full): a command that removes @element
 */
ParcoursCommand *
parcours_command_new_remove (ParcoursElement    *element,
                             ParcoursCollection  collection,
                             guint               position,
                             const char         *label)
{
  ParcoursCommand *self;

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  self = command_new (PARCOURS_COMMAND_REMOVE, label);
  self->u.element.element = g_object_ref (element);
  self->u.element.collection = collection;
  self->u.element.position = position;

  return self;
}

/**
 * parcours_command_new_move:
 * @collection: a collection
 * @from_position: where the element is
 * @to_position: where it ends up
 * @label: (nullable): what the user sees in "Undo …"
 *
 * Returns: (transfer full): a command that moves an element of @collection
 */
ParcoursCommand *
parcours_command_new_move (ParcoursCollection  collection,
                           guint               from_position,
                           guint               to_position,
                           const char         *label)
{
  ParcoursCommand *self;

  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  self = command_new (PARCOURS_COMMAND_MOVE, label);
  self->u.move.collection = collection;
  self->u.move.from_position = from_position;
  self->u.move.to_position = to_position;

  return self;
}

/**
 * parcours_command_new_group:
 * @label: (nullable): what the user sees in "Undo …"
 *
 * Returns: (transfer full): an empty group; add children with
 *   parcours_command_group_add()
 */
ParcoursCommand *
parcours_command_new_group (const char *label)
{
  ParcoursCommand *self = command_new (PARCOURS_COMMAND_GROUP, label);

  self->u.group.children =
    g_ptr_array_new_with_free_func ((GDestroyNotify) parcours_command_unref);

  return self;
}

ParcoursCommand *
parcours_command_ref (ParcoursCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);

  return self;
}

void
parcours_command_unref (ParcoursCommand *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    command_free (self);
}

ParcoursCommandKind
parcours_command_get_kind (ParcoursCommand *self)
{
  g_return_val_if_fail (self != NULL, PARCOURS_COMMAND_GROUP);

  return self->kind;
}

/**
 * parcours_command_get_label:
 * @self: a #ParcoursCommand
 *
 * Returns: (nullable): the interned label
 */
const char *
parcours_command_get_label (ParcoursCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

void
parcours_command_set_label (ParcoursCommand *self,
                            const char      *label)
{
  g_return_if_fail (self != NULL);

  self->label = g_intern_string (label);
}

/**
 * parcours_command_group_add:
 * @self: a group
 * @child: (transfer full): the command to append
 *
 * Appends @child, which must already have been applied: a group does
 * not apply what it is given.
 */
void
parcours_command_group_add (ParcoursCommand *self,
                            ParcoursCommand *child)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->kind == PARCOURS_COMMAND_GROUP);
  g_return_if_fail (child != NULL && child != self);

  g_ptr_array_add (self->u.group.children, child);
}

guint
parcours_command_group_get_size (ParcoursCommand *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->kind == PARCOURS_COMMAND_GROUP, 0);

  return self->u.group.children->len;
}

/**
 * parcours_command_group_get_child:
 * @self: a group
 * @index: the index of a child
 *
 * Returns: (transfer none): the child
 */
ParcoursCommand *
parcours_command_group_get_child (ParcoursCommand *self,
                                  guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == PARCOURS_COMMAND_GROUP, NULL);
  g_return_val_if_fail (index < self->u.group.children->len, NULL);

  return g_ptr_array_index (self->u.group.children, index);
}

/**
 * parcours_command_is_set_only:
 * @self: a #ParcoursCommand
 *
 * Returns: %TRUE if @self only changes properties: a set, or a non-empty
 *   group of sets
 */
gboolean
parcours_command_is_set_only (ParcoursCommand *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind == PARCOURS_COMMAND_SET)
    return TRUE;

  if (self->kind != PARCOURS_COMMAND_GROUP || self->u.group.children->len == 0)
    return FALSE;

  for (guint i = 0; i < self->u.group.children->len; i++)
    if (!parcours_command_is_set_only (g_ptr_array_index (self->u.group.children, i)))
      return FALSE;

  return TRUE;
}

/**
 * parcours_command_can_merge:
 * @self: a #ParcoursCommand
 * @next: a command applied right after @self
 *
 * Two sets merge when they change the same property of the same object;
 * two groups of sets merge when their children do, pairwise.
 *
 * Returns: %TRUE if parcours_command_merge() can fold @next into @self
 */
gboolean
parcours_command_can_merge (ParcoursCommand *self,
                            ParcoursCommand *next)
{
  GPtrArray *children;
  GPtrArray *next_children;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  if (self->kind != next->kind)
    return FALSE;

  if (self->kind == PARCOURS_COMMAND_SET)
    return self->u.set.object == next->u.set.object &&
           self->u.set.pspec == next->u.set.pspec;

  if (self->kind != PARCOURS_COMMAND_GROUP)
    return FALSE;

  children = self->u.group.children;
  next_children = next->u.group.children;
  if (children->len == 0 || children->len != next_children->len)
    return FALSE;

  for (guint i = 0; i < children->len; i++)
    {
      ParcoursCommand *child = g_ptr_array_index (children, i);
      ParcoursCommand *next_child = g_ptr_array_index (next_children, i);

      if (child->kind != PARCOURS_COMMAND_SET ||
          !parcours_command_can_merge (child, next_child))
        return FALSE;
    }

  return TRUE;
}

/**
 * parcours_command_merge:
 * @self: a #ParcoursCommand
 * @next: a command that parcours_command_can_merge() accepts
 *
 * Makes @self do what @self then @next did: it keeps its old values and
 * takes the new values of @next.
 */
void
parcours_command_merge (ParcoursCommand *self,
                        ParcoursCommand *next)
{
  g_return_if_fail (parcours_command_can_merge (self, next));

  if (self->kind == PARCOURS_COMMAND_SET)
    {
      g_value_copy (&next->u.set.new_value, &self->u.set.new_value);
      return;
    }

  for (guint i = 0; i < self->u.group.children->len; i++)
    parcours_command_merge (g_ptr_array_index (self->u.group.children, i),
                            g_ptr_array_index (next->u.group.children, i));
}

/**
 * parcours_command_apply:
 * @self: a #ParcoursCommand
 * @document: the document @self was recorded on
 *
 * Does @self again, from the state it was recorded in.
 */
void
parcours_command_apply (ParcoursCommand  *self,
                        ParcoursDocument *document)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PARCOURS_IS_DOCUMENT (document));

  switch (self->kind)
    {
    case PARCOURS_COMMAND_SET:
      g_object_set_property (self->u.set.object,
                             self->u.set.pspec->name,
                             &self->u.set.new_value);
      break;

    case PARCOURS_COMMAND_INSERT:
      insert_element (document,
                      self->u.element.element,
                      self->u.element.position);
      break;

    case PARCOURS_COMMAND_REMOVE:
      remove_element (document,
                      self->u.element.element,
                      self->u.element.collection,
                      self->u.element.position);
      break;

    case PARCOURS_COMMAND_MOVE:
      _parcours_document_move (document,
                               self->u.move.collection,
                               self->u.move.from_position,
                               self->u.move.to_position);
      break;

    case PARCOURS_COMMAND_GROUP:
      for (guint i = 0; i < self->u.group.children->len; i++)
        parcours_command_apply (g_ptr_array_index (self->u.group.children, i),
                                document);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * parcours_command_revert:
 * @self: a #ParcoursCommand
 * @document: the document @self was applied to
 *
 * Undoes @self, from the state right after it was applied. A group
 * reverts its children last to first.
 */
void
parcours_command_revert (ParcoursCommand  *self,
                         ParcoursDocument *document)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PARCOURS_IS_DOCUMENT (document));

  switch (self->kind)
    {
    case PARCOURS_COMMAND_SET:
      g_object_set_property (self->u.set.object,
                             self->u.set.pspec->name,
                             &self->u.set.old_value);
      break;

    case PARCOURS_COMMAND_INSERT:
      remove_element (document,
                      self->u.element.element,
                      self->u.element.collection,
                      self->u.element.position);
      break;

    case PARCOURS_COMMAND_REMOVE:
      insert_element (document,
                      self->u.element.element,
                      self->u.element.position);
      break;

    case PARCOURS_COMMAND_MOVE:
      _parcours_document_move (document,
                               self->u.move.collection,
                               self->u.move.to_position,
                               self->u.move.from_position);
      break;

    case PARCOURS_COMMAND_GROUP:
      for (guint i = self->u.group.children->len; i > 0; i--)
        parcours_command_revert (g_ptr_array_index (self->u.group.children, i - 1),
                                 document);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * parcours_command_values_equal:
 * @pspec: a property
 * @value1: a value of @pspec
 * @value2: another value of @pspec
 *
 * Compares as the model's setters do: doubles exactly, string arrays by
 * content (%NULL and empty being equal), bytes by content.
 *
 * Returns: %TRUE if setting @value2 over @value1 changes nothing
 */
gboolean
parcours_command_values_equal (GParamSpec   *pspec,
                               const GValue *value1,
                               const GValue *value2)
{
  GType type;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRV)
    {
      const char * const *strv1 = g_value_get_boxed (value1);
      const char * const *strv2 = g_value_get_boxed (value2);
      gboolean empty1 = strv1 == NULL || strv1[0] == NULL;
      gboolean empty2 = strv2 == NULL || strv2[0] == NULL;

      if (empty1 || empty2)
        return empty1 == empty2;

      return g_strv_equal (strv1, strv2);
    }

  if (type == G_TYPE_BYTES)
    {
      GBytes *bytes1 = g_value_get_boxed (value1);
      GBytes *bytes2 = g_value_get_boxed (value2);

      if (bytes1 == NULL || bytes2 == NULL)
        return bytes1 == bytes2;

      return g_bytes_equal (bytes1, bytes2);
    }

  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (value1) == g_value_get_double (value2);

  if (type == G_TYPE_FLOAT)
    return g_value_get_float (value1) == g_value_get_float (value2);

  return g_param_values_cmp (pspec, value1, value2) == 0;
}
