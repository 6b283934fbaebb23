/* parcours-outline-node.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_OUTLINE_NODE (parcours_outline_node_get_type())

G_DECLARE_FINAL_TYPE (ParcoursOutlineNode, parcours_outline_node, PARCOURS, OUTLINE_NODE, GObject)

/* One row of the outline: a stage; a lane within a stage; a card or an
 * emotion point in their cell. */
ParcoursOutlineNode *parcours_outline_node_new         (ParcoursElement     *element,
                                                        ParcoursStage       *stage);
ParcoursElement     *parcours_outline_node_get_element (ParcoursOutlineNode *self);
ParcoursStage       *parcours_outline_node_get_stage   (ParcoursOutlineNode *self);

G_END_DECLS
