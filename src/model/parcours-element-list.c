/* parcours-element-list.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-element-list.h"

/* An array of references rather than a GListStore: a document holds
 * thousands of elements, read once and then mostly looked at, and a
 * GSequence node per element and its own items-changed emission cost a
 * large map's reading more than the array's moves on an edit. */
struct _ParcoursElementList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *elements;
};

static void parcours_element_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ParcoursElementList, parcours_element_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      parcours_element_list_model_iface_init))

static GType
parcours_element_list_get_item_type (GListModel *model)
{
  return PARCOURS_ELEMENT_LIST (model)->item_type;
}

static guint
parcours_element_list_get_n_items (GListModel *model)
{
  return PARCOURS_ELEMENT_LIST (model)->elements->len;
}

static gpointer
parcours_element_list_get_item (GListModel *model,
                                guint       position)
{
  ParcoursElementList *self = PARCOURS_ELEMENT_LIST (model);

  if (position >= self->elements->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->elements, position));
}

static void
parcours_element_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = parcours_element_list_get_item_type;
  iface->get_n_items = parcours_element_list_get_n_items;
  iface->get_item = parcours_element_list_get_item;
}

static void
parcours_element_list_finalize (GObject *object)
{
  ParcoursElementList *self = (ParcoursElementList *)object;

  g_clear_pointer (&self->elements, g_ptr_array_unref);

  G_OBJECT_CLASS (parcours_element_list_parent_class)->finalize (object);
}

static void
parcours_element_list_class_init (ParcoursElementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = parcours_element_list_finalize;
}

static void
parcours_element_list_init (ParcoursElementList *self)
{
  self->elements = g_ptr_array_new_with_free_func (g_object_unref);
}

ParcoursElementList *
_parcours_element_list_new (GType item_type)
{
  ParcoursElementList *self;

  g_return_val_if_fail (g_type_is_a (item_type, PARCOURS_TYPE_ELEMENT), NULL);

  self = g_object_new (PARCOURS_TYPE_ELEMENT_LIST, NULL);
  self->item_type = item_type;

  return self;
}

/* Returns: (transfer none): the element at @position */
ParcoursElement *
_parcours_element_list_get (ParcoursElementList *self,
                            guint                position)
{
  g_return_val_if_fail (PARCOURS_IS_ELEMENT_LIST (self), NULL);
  g_return_val_if_fail (position < self->elements->len, NULL);

  return g_ptr_array_index (self->elements, position);
}

guint
_parcours_element_list_get_length (ParcoursElementList *self)
{
  g_return_val_if_fail (PARCOURS_IS_ELEMENT_LIST (self), 0);

  return self->elements->len;
}

/* Takes a reference on @element; @position is at most the length. */
void
_parcours_element_list_insert (ParcoursElementList *self,
                               guint                position,
                               ParcoursElement     *element)
{
  g_return_if_fail (PARCOURS_IS_ELEMENT_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (element, self->item_type));
  g_return_if_fail (position <= self->elements->len);

  g_ptr_array_insert (self->elements, position, g_object_ref (element));
}

/* Returns: (transfer full): the element that was at @position */
ParcoursElement *
_parcours_element_list_steal (ParcoursElementList *self,
                              guint                position)
{
  g_return_val_if_fail (PARCOURS_IS_ELEMENT_LIST (self), NULL);
  g_return_val_if_fail (position < self->elements->len, NULL);

  return g_ptr_array_steal_index (self->elements, position);
}

gboolean
_parcours_element_list_find (ParcoursElementList *self,
                             ParcoursElement     *element,
                             guint               *position)
{
  g_return_val_if_fail (PARCOURS_IS_ELEMENT_LIST (self), FALSE);

  return g_ptr_array_find (self->elements, element, position);
}
