/* parcours-outline-node.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-outline-node.h"

struct _ParcoursOutlineNode
{
  GObject          parent_instance;

  ParcoursElement *element;
  /* The stage a lane row is shown under; NULL for other rows */
  ParcoursStage   *stage;
};

G_DEFINE_FINAL_TYPE (ParcoursOutlineNode, parcours_outline_node, G_TYPE_OBJECT)

static void
parcours_outline_node_finalize (GObject *object)
{
  ParcoursOutlineNode *self = PARCOURS_OUTLINE_NODE (object);

  g_clear_object (&self->element);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (parcours_outline_node_parent_class)->finalize (object);
}

static void
parcours_outline_node_class_init (ParcoursOutlineNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = parcours_outline_node_finalize;
}

static void
parcours_outline_node_init (ParcoursOutlineNode *self)
{
}

ParcoursOutlineNode *
parcours_outline_node_new (ParcoursElement *element,
                           ParcoursStage   *stage)
{
  ParcoursOutlineNode *self;

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (!stage || PARCOURS_IS_STAGE (stage), NULL);

  self = g_object_new (PARCOURS_TYPE_OUTLINE_NODE, NULL);
  self->element = g_object_ref (element);
  self->stage = stage ? g_object_ref (stage) : NULL;

  return self;
}

ParcoursElement *
parcours_outline_node_get_element (ParcoursOutlineNode *self)
{
  g_return_val_if_fail (PARCOURS_IS_OUTLINE_NODE (self), NULL);

  return self->element;
}

ParcoursStage *
parcours_outline_node_get_stage (ParcoursOutlineNode *self)
{
  g_return_val_if_fail (PARCOURS_IS_OUTLINE_NODE (self), NULL);

  return self->stage;
}
