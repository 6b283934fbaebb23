/* parcours-selection.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-selection.h"

/* What the user selected on a canvas, which element has the keyboard
 * focus and which one the pointer is over: view state, never saved. The
 * selected elements keep the order they were selected in. "changed" is
 * emitted once for every real change. */
struct _ParcoursSelection
{
  GObject parent_instance;

  GPtrArray *items;             /* ParcoursElement, owned */
  GHashTable *set;              /* the same, for lookups */
  ParcoursElement *focus;
  ParcoursElement *hover;
};

G_DEFINE_FINAL_TYPE (ParcoursSelection, parcours_selection, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
parcours_selection_finalize (GObject *object)
{
  ParcoursSelection *self = PARCOURS_SELECTION (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->set, g_hash_table_unref);
  g_clear_object (&self->focus);
  g_clear_object (&self->hover);

  G_OBJECT_CLASS (parcours_selection_parent_class)->finalize (object);
}

static void
parcours_selection_class_init (ParcoursSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = parcours_selection_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
parcours_selection_init (ParcoursSelection *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->set = g_hash_table_new (NULL, NULL);
}

ParcoursSelection *
parcours_selection_new (void)
{
  return g_object_new (PARCOURS_TYPE_SELECTION, NULL);
}

static void
changed (ParcoursSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_item (ParcoursSelection *self,
          ParcoursElement   *element)
{
  g_hash_table_add (self->set, element);
  g_ptr_array_add (self->items, g_object_ref (element));
}

static void
remove_item (ParcoursSelection *self,
             ParcoursElement   *element)
{
  g_hash_table_remove (self->set, element);
  g_ptr_array_remove (self->items, element);
}

static gboolean
clear_items (ParcoursSelection *self)
{
  if (self->items->len == 0)
    return FALSE;

  g_hash_table_remove_all (self->set);
  g_ptr_array_set_size (self->items, 0);
  return TRUE;
}

gboolean
parcours_selection_contains (ParcoursSelection *self,
                             ParcoursElement   *element)
{
  g_return_val_if_fail (PARCOURS_IS_SELECTION (self), FALSE);

  return element != NULL && g_hash_table_contains (self->set, element);
}

guint
parcours_selection_get_n_items (ParcoursSelection *self)
{
  g_return_val_if_fail (PARCOURS_IS_SELECTION (self), 0);

  return self->items->len;
}

/**
 * parcours_selection_get_item:
 *
 * Returns: (transfer none): the selected element at @index, in the
 *   order they were selected
 */
ParcoursElement *
parcours_selection_get_item (ParcoursSelection *self,
                             guint              index)
{
  g_return_val_if_fail (PARCOURS_IS_SELECTION (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return g_ptr_array_index (self->items, index);
}

/**
 * parcours_selection_select:
 * @element: (nullable): what to select; %NULL with REPLACE clears
 * @mode: replace the selection, add to it, or toggle @element in it
 */
void
parcours_selection_select (ParcoursSelection  *self,
                           ParcoursElement    *element,
                           ParcoursSelectMode  mode)
{
  g_return_if_fail (PARCOURS_IS_SELECTION (self));
  g_return_if_fail (!element || PARCOURS_IS_ELEMENT (element));

  if (mode == PARCOURS_SELECT_REPLACE)
    {
      if (element != NULL && self->items->len == 1 && g_ptr_array_index (self->items, 0) == element)
        return;
      clear_items (self);
      if (element != NULL)
        add_item (self, element);
      changed (self);
      return;
    }

  if (element == NULL)
    return;

  if (parcours_selection_contains (self, element))
    {
      if (mode == PARCOURS_SELECT_ADD)
        return;
      remove_item (self, element);
    }
  else
    {
      add_item (self, element);
    }

  changed (self);
}

/**
 * parcours_selection_select_all:
 * @elements: (element-type ParcoursElement): what to select
 *
 * Selects @elements in one change, as a rubber band or Ctrl+A does.
 */
void
parcours_selection_select_all (ParcoursSelection  *self,
                               GPtrArray          *elements,
                               ParcoursSelectMode  mode)
{
  gboolean any = FALSE;

  g_return_if_fail (PARCOURS_IS_SELECTION (self));
  g_return_if_fail (elements != NULL);

  if (mode == PARCOURS_SELECT_REPLACE)
    any = clear_items (self);

  for (guint i = 0; i < elements->len; i++)
    {
      ParcoursElement *element = g_ptr_array_index (elements, i);

      if (parcours_selection_contains (self, element))
        {
          if (mode == PARCOURS_SELECT_TOGGLE)
            {
              remove_item (self, element);
              any = TRUE;
            }
          continue;
        }

      add_item (self, element);
      any = TRUE;
    }

  if (any)
    changed (self);
}

void
parcours_selection_clear (ParcoursSelection *self)
{
  g_return_if_fail (PARCOURS_IS_SELECTION (self));

  if (clear_items (self))
    changed (self);
}

/**
 * parcours_selection_get_focus:
 *
 * Returns: (transfer none) (nullable): the element with the keyboard focus
 */
ParcoursElement *
parcours_selection_get_focus (ParcoursSelection *self)
{
  g_return_val_if_fail (PARCOURS_IS_SELECTION (self), NULL);

  return self->focus;
}

void
parcours_selection_set_focus (ParcoursSelection *self,
                              ParcoursElement   *element)
{
  g_return_if_fail (PARCOURS_IS_SELECTION (self));
  g_return_if_fail (!element || PARCOURS_IS_ELEMENT (element));

  if (g_set_object (&self->focus, element))
    changed (self);
}

/**
 * parcours_selection_get_hover:
 *
 * Returns: (transfer none) (nullable): the element under the pointer
 */
ParcoursElement *
parcours_selection_get_hover (ParcoursSelection *self)
{
  g_return_val_if_fail (PARCOURS_IS_SELECTION (self), NULL);

  return self->hover;
}

void
parcours_selection_set_hover (ParcoursSelection *self,
                              ParcoursElement   *element)
{
  g_return_if_fail (PARCOURS_IS_SELECTION (self));
  g_return_if_fail (!element || PARCOURS_IS_ELEMENT (element));

  if (g_set_object (&self->hover, element))
    changed (self);
}

static gboolean
in_document (ParcoursDocument *document,
             ParcoursElement  *element)
{
  return element != NULL && parcours_document_lookup (document, parcours_element_get_id (element)) == element;
}

/* Forgets the elements that are no longer in @document (deleted, or
 * their insertion undone). */
void
parcours_selection_prune (ParcoursSelection *self,
                          ParcoursDocument  *document)
{
  gboolean any = FALSE;

  g_return_if_fail (PARCOURS_IS_SELECTION (self));
  g_return_if_fail (PARCOURS_IS_DOCUMENT (document));

  for (guint i = self->items->len; i > 0; i--)
    {
      ParcoursElement *element = g_ptr_array_index (self->items, i - 1);

      if (!in_document (document, element))
        {
          g_hash_table_remove (self->set, element);
          g_ptr_array_remove_index (self->items, i - 1);
          any = TRUE;
        }
    }

  if (self->focus != NULL && !in_document (document, self->focus))
    {
      g_clear_object (&self->focus);
      any = TRUE;
    }
  if (self->hover != NULL && !in_document (document, self->hover))
    {
      g_clear_object (&self->hover);
      any = TRUE;
    }

  if (any)
    changed (self);
}
