/* parcours-outline.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-outline-private.h"

/* The whole map as a tree — stages, in each the lanes, in each lane the
 * cards or emotion points of that cell — for screen readers and for fast
 * text edits. A GtkTreeListModel over lists of ParcoursOutlineNode made
 * on demand: every list made is remembered (weakly) and brought up to
 * date when the document changes, so rows keep their place and their
 * expansion as long as their level does not change. Selecting a row
 * selects its element on the canvas and the other way round; renaming
 * a row in place is a command of the history. Every row has an
 * accessible label that says what it is, emotion levels in words. */

G_DEFINE_FINAL_TYPE (ParcoursOutline, parcours_outline, ADW_TYPE_BIN)

/* The children of @node (the stages for %NULL), as elements. */
static GPtrArray *
collect_children (ParcoursOutline     *self,
                  ParcoursOutlineNode *node)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_object_unref);
  ParcoursElement *element;
  GListModel *list;

  if (self->document == NULL)
    return elements;

  if (node == NULL)
    {
      list = parcours_document_get_stages (self->document);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (elements, g_list_model_get_item (list, i));
      return elements;
    }

  element = parcours_outline_node_get_element (node);

  if (PARCOURS_IS_STAGE (element))
    {
      list = parcours_document_get_lanes (self->document);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (elements, g_list_model_get_item (list, i));
    }
  else if (PARCOURS_IS_LANE (element))
    {
      const char *lane_id = parcours_element_get_id (element);
      const char *stage_id = parcours_element_get_id (PARCOURS_ELEMENT (parcours_outline_node_get_stage (node)));

      if (parcours_lane_get_kind (PARCOURS_LANE (element)) == PARCOURS_LANE_KIND_EMOTIONS)
        {
          list = parcours_document_get_emotion_points (self->document);
          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (list, i);

              if (g_strcmp0 (parcours_emotion_point_get_lane_id (point), lane_id) == 0 &&
                  g_strcmp0 (parcours_emotion_point_get_stage_id (point), stage_id) == 0)
                g_ptr_array_add (elements, g_steal_pointer (&point));
            }
        }
      else
        {
          g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (self->document, lane_id, stage_id);

          for (guint i = 0; i < cards->len; i++)
            g_ptr_array_add (elements, g_object_ref (g_ptr_array_index (cards, i)));
        }
    }

  return elements;
}

/* Makes @store list @node's children. Only the rows between the first
 * and the last that differ are replaced: the others keep their children
 * and their expansion (a stage added does not fold the whole outline). */
static void
sync_store (ParcoursOutline     *self,
            GListStore          *store,
            ParcoursOutlineNode *node)
{
  g_autoptr(GPtrArray) elements = collect_children (self, node);
  g_autoptr(GPtrArray) nodes = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint prefix = 0, suffix = 0;
  ParcoursStage *stage = NULL;

  while (prefix < n_items && prefix < elements->len)
    {
      g_autoptr(ParcoursOutlineNode) item = g_list_model_get_item (G_LIST_MODEL (store), prefix);

      if (parcours_outline_node_get_element (item) != g_ptr_array_index (elements, prefix))
        break;
      prefix++;
    }

  while (suffix < n_items - prefix && suffix < elements->len - prefix)
    {
      g_autoptr(ParcoursOutlineNode) item = g_list_model_get_item (G_LIST_MODEL (store), n_items - 1 - suffix);

      if (parcours_outline_node_get_element (item) != g_ptr_array_index (elements, elements->len - 1 - suffix))
        break;
      suffix++;
    }

  if (prefix == n_items && prefix == elements->len)
    return;

  if (node != NULL && PARCOURS_IS_STAGE (parcours_outline_node_get_element (node)))
    stage = PARCOURS_STAGE (parcours_outline_node_get_element (node));

  nodes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < elements->len - suffix; i++)
    g_ptr_array_add (nodes, parcours_outline_node_new (g_ptr_array_index (elements, i), stage));

  g_list_store_splice (store, prefix, n_items - prefix - suffix, nodes->pdata, nodes->len);
}

static void
children_store_finalized_cb (gpointer  data,
                             GObject  *where_the_object_was)
{
  ParcoursOutline *self = data;

  g_hash_table_remove (self->children, where_the_object_was);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  ParcoursOutline *self = user_data;
  ParcoursOutlineNode *node = item;
  ParcoursElement *element = parcours_outline_node_get_element (node);
  GListStore *store;

  if (!PARCOURS_IS_STAGE (element) && !PARCOURS_IS_LANE (element))
    return NULL;

  store = g_list_store_new (PARCOURS_TYPE_OUTLINE_NODE);
  sync_store (self, store, node);
  g_hash_table_insert (self->children, store, g_object_ref (node));
  g_object_weak_ref (G_OBJECT (store), children_store_finalized_cb, self);

  return G_LIST_MODEL (store);
}

static void
document_changed_cb (ParcoursOutline  *self,
                     ParcoursDocument *document)
{
  GHashTableIter iter;
  gpointer store, node;

  sync_store (self, self->roots, NULL);

  /* Syncing a store can drop the stores below it: work on a copy. */
  {
    g_autoptr(GPtrArray) stores = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);

    g_hash_table_iter_init (&iter, self->children);
    while (g_hash_table_iter_next (&iter, &store, &node))
      {
        g_ptr_array_add (stores, g_object_ref (store));
        g_ptr_array_add (nodes, g_object_ref (node));
      }

    for (guint i = 0; i < stores->len; i++)
      sync_store (self, g_ptr_array_index (stores, i), g_ptr_array_index (nodes, i));
  }
}

static ParcoursElement *
element_at (ParcoursOutline *self,
            guint            position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(ParcoursOutlineNode) node = NULL;

  if (row == NULL)
    return NULL;

  node = gtk_tree_list_row_get_item (row);
  return parcours_outline_node_get_element (node);
}

static void
tree_selection_changed_cb (ParcoursOutline *self,
                           GParamSpec      *pspec,
                           GtkSingleSelection *selection)
{
  guint position = gtk_single_selection_get_selected (selection);
  ParcoursElement *element;

  _parcours_outline_update_actions (self);
  if (self->syncing || self->selection == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  element = element_at (self, position);
  if (element == NULL)
    return;

  self->syncing = TRUE;
  parcours_selection_select (self->selection, element, PARCOURS_SELECT_REPLACE);
  self->syncing = FALSE;
}

/* The canvas selected something: select its row if it is shown. */
static void
selection_changed_cb (ParcoursOutline   *self,
                      ParcoursSelection *selection)
{
  ParcoursElement *focus;
  guint n_items;

  if (self->syncing)
    return;

  focus = parcours_selection_get_n_items (selection) > 0 ? parcours_selection_get_item (selection, 0) : NULL;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->tree_selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; focus != NULL && i < n_items; i++)
    if (element_at (self, i) == focus)
      {
        gtk_single_selection_set_selected (self->tree_selection, i);
        break;
      }
  self->syncing = FALSE;
}

static void
parcours_outline_dispose (GObject *object)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (object);

  parcours_outline_set_selection (self, NULL);
  parcours_outline_set_history (self, NULL);

  G_OBJECT_CLASS (parcours_outline_parent_class)->dispose (object);
}

static void
parcours_outline_finalize (GObject *object)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (object);
  GHashTableIter iter;
  gpointer store;

  g_clear_object (&self->tree_selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);

  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, &store, NULL))
    g_object_weak_unref (store, children_store_finalized_cb, self);
  g_clear_pointer (&self->children, g_hash_table_unref);

  G_OBJECT_CLASS (parcours_outline_parent_class)->finalize (object);
}

static void
parcours_outline_class_init (ParcoursOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_outline_dispose;
  object_class->finalize = parcours_outline_finalize;

  _parcours_outline_actions_init (widget_class);
  gtk_widget_class_set_css_name (widget_class, "outline");
}

static void
parcours_outline_init (ParcoursOutline *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scrolled;

  self->children = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->roots = g_list_store_new (PARCOURS_TYPE_OUTLINE_NODE);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)),
                                        FALSE, FALSE, create_children_cb, self, NULL);
  self->tree_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->tree_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->tree_selection, TRUE);
  g_signal_connect_object (self->tree_selection, "notify::selected",
                           G_CALLBACK (tree_selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = _parcours_outline_row_factory_new (self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->tree_selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outline of the map"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
parcours_outline_new (void)
{
  return g_object_new (PARCOURS_TYPE_OUTLINE, NULL);
}

void
parcours_outline_set_history (ParcoursOutline *self,
                              ParcoursHistory *history)
{
  ParcoursDocument *document;

  g_return_if_fail (PARCOURS_IS_OUTLINE (self));
  g_return_if_fail (!history || PARCOURS_IS_HISTORY (history));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  document = history ? parcours_history_get_document (history) : NULL;
  g_set_object (&self->history, history);
  _parcours_outline_update_actions (self);

  /* Another map: start from collapsed stages. */
  if (document != self->document)
    {
      g_set_object (&self->document, document);
      g_list_store_remove_all (self->roots);
    }

  if (self->document != NULL)
    {
      g_signal_connect_object (self->document, "changed",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      document_changed_cb (self, self->document);
    }
}

void
parcours_outline_set_selection (ParcoursOutline   *self,
                                ParcoursSelection *selection)
{
  g_return_if_fail (PARCOURS_IS_OUTLINE (self));
  g_return_if_fail (!selection || PARCOURS_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);

  g_set_object (&self->selection, selection);

  if (self->selection != NULL)
    g_signal_connect_object (self->selection, "changed",
                             G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * parcours_outline_get_model:
 *
 * Returns: (transfer none): the rows, #GtkTreeListRow items whose items
 *   are #ParcoursOutlineNode
 */
GListModel *
parcours_outline_get_model (ParcoursOutline *self)
{
  g_return_val_if_fail (PARCOURS_IS_OUTLINE (self), NULL);

  return G_LIST_MODEL (self->tree);
}

/**
 * parcours_outline_rename:
 *
 * Renames the element of the row at @position as editing it in place
 * does.
 *
 * Returns: whether there was such a row
 */
gboolean
parcours_outline_rename (ParcoursOutline *self,
                         guint            position,
                         const char      *text)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(ParcoursOutlineNode) node = NULL;

  g_return_val_if_fail (PARCOURS_IS_OUTLINE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  if (row == NULL)
    return FALSE;

  node = gtk_tree_list_row_get_item (row);
  _parcours_outline_rename_node (self, node, text);

  return TRUE;
}
