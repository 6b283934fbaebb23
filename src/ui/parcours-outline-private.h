/* parcours-outline-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-outline.h"
#include "parcours-outline-node.h"

G_BEGIN_DECLS

struct _ParcoursOutline
{
  AdwBin              parent_instance;

  ParcoursHistory    *history;
  ParcoursDocument   *document;
  ParcoursSelection  *selection;

  GListStore         *roots;
  GtkTreeListModel   *tree;
  GtkSingleSelection *tree_selection;
  GtkListView        *list_view;

  /* Child list → the node it lists the children of */
  GHashTable         *children;

  guint               syncing : 1;
};

/* What a row's expander holds: its node, and the label of its level. */
#define NODE_KEY "parcours-outline-node"
#define LEVEL_KEY "parcours-outline-level"

/* parcours-outline-rows.c: the rows */
GtkListItemFactory *_parcours_outline_row_factory_new  (ParcoursOutline     *self);
void                _parcours_outline_rename_node      (ParcoursOutline     *self,
                                                        ParcoursOutlineNode *node,
                                                        const char          *text);
GtkWidget          *_parcours_outline_find_row_widget  (GtkWidget           *widget,
                                                        ParcoursElement     *element,
                                                        ParcoursStage       *stage);
gboolean            _parcours_outline_focus_row        (ParcoursOutline     *self,
                                                        ParcoursElement     *element,
                                                        ParcoursStage       *stage,
                                                        gboolean             rename);
void                _parcours_outline_focus_row_later  (ParcoursOutline     *self,
                                                        ParcoursElement     *element,
                                                        ParcoursStage       *stage,
                                                        gboolean             rename);

/* parcours-outline-actions.c: editing from the keyboard and the row's menu */
void                _parcours_outline_actions_init     (GtkWidgetClass      *widget_class);
void                _parcours_outline_update_actions   (ParcoursOutline     *self);
void                _parcours_outline_row_pressed_cb   (GtkGestureClick     *gesture,
                                                        int                  n_press,
                                                        double               x,
                                                        double               y,
                                                        GtkWidget           *expander);

G_END_DECLS
