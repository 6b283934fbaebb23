/* parcours-outline.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-outline.h"
#include "parcours-outline-node.h"

/* The whole map as a tree — stages, in each the lanes, in each lane the
 * cards or emotion points of that cell — for screen readers and for fast
 * text edits. A GtkTreeListModel over lists of ParcoursOutlineNode made
 * on demand: every list made is remembered (weakly) and brought up to
 * date when the document changes, so rows keep their place and their
 * expansion as long as their level does not change. Selecting a row
 * selects its element on the canvas and the other way round; renaming
 * a row in place is a command of the history. Every row has an
 * accessible label that says what it is, emotion levels in words. */

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

G_DEFINE_FINAL_TYPE (ParcoursOutline, parcours_outline, ADW_TYPE_BIN)

#define NODE_KEY "parcours-outline-node"
#define LEVEL_KEY "parcours-outline-level"

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

static const char *
element_name (ParcoursElement *element)
{
  if (PARCOURS_IS_STAGE (element))
    return parcours_stage_get_name (PARCOURS_STAGE (element));
  if (PARCOURS_IS_LANE (element))
    return parcours_lane_get_name (PARCOURS_LANE (element));
  if (PARCOURS_IS_CARD (element))
    return parcours_card_get_text (PARCOURS_CARD (element));
  if (PARCOURS_IS_EMOTION_POINT (element))
    return parcours_emotion_point_get_label (PARCOURS_EMOTION_POINT (element));

  return NULL;
}

static const char *
name_property (ParcoursElement *element)
{
  if (PARCOURS_IS_CARD (element))
    return "text";
  if (PARCOURS_IS_EMOTION_POINT (element))
    return "label";

  return "name";
}

/**
 * parcours_outline_describe:
 * @document: the map
 * @element: a stage, lane, card or emotion point
 * @stage: (nullable): the stage a lane is shown under
 *
 * What a screen reader says of a row: what it is, its text, and for an
 * emotion point its level in words.
 *
 * Returns: (transfer full): the description
 */
char *
parcours_outline_describe (ParcoursDocument *document,
                           ParcoursElement  *element,
                           ParcoursStage    *stage)
{
  const char *name = element_name (element);

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), NULL);

  if (name == NULL)
    name = "";

  if (PARCOURS_IS_STAGE (element))
    /* Translators: how a screen reader names a row of the outline */
    return g_strdup_printf (_("Stage “%s”"), name);

  if (PARCOURS_IS_LANE (element))
    /* Translators: a lane of the outline, then the stage it is shown in */
    return g_strdup_printf (_("Lane “%s” in “%s”"), name,
                            stage ? parcours_stage_get_name (stage) : "");

  if (PARCOURS_IS_CARD (element))
    return g_strdup_printf (_("Card “%s”"), name);

  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      int level = parcours_emotion_point_get_level (PARCOURS_EMOTION_POINT (element));
      const char *level_name = parcours_emotion_level_get_label (level);

      if (name[0] == '\0')
        /* Translators: an emotion point without a label, then its level */
        return g_strdup_printf (_("Emotion point, %s"), level_name);

      /* Translators: an emotion point's label, then its level, e.g.
       * "Emotion point “Annoyed”, Negative" */
      return g_strdup_printf (_("Emotion point “%s”, %s"), name, level_name);
    }

  return g_strdup (name);
}

static void
update_row (ParcoursOutline *self,
            GtkWidget       *expander)
{
  ParcoursOutlineNode *node = g_object_get_data (G_OBJECT (expander), NODE_KEY);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  ParcoursElement *element;
  g_autofree char *description = NULL;
  const char *name;

  if (node == NULL)
    return;

  element = parcours_outline_node_get_element (node);
  name = element_name (element);

  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)))
    gtk_editable_set_text (GTK_EDITABLE (label), name ? name : "");

  {
    GtkWidget *level = g_object_get_data (G_OBJECT (expander), LEVEL_KEY);
    gboolean is_point = PARCOURS_IS_EMOTION_POINT (element);

    gtk_widget_set_visible (level, is_point);
    if (is_point)
      gtk_label_set_text (GTK_LABEL (level),
                          parcours_emotion_level_get_label (parcours_emotion_point_get_level (PARCOURS_EMOTION_POINT (element))));
  }

  description = parcours_outline_describe (self->document, element, parcours_outline_node_get_stage (node));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
element_notify_cb (GObject    *element,
                   GParamSpec *pspec,
                   GtkWidget  *expander)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (gtk_widget_get_ancestor (expander, PARCOURS_TYPE_OUTLINE));

  if (self != NULL)
    update_row (self, expander);
}

/* Renames the element of @node: one step of the history. */
static void
rename_node (ParcoursOutline     *self,
             ParcoursOutlineNode *node,
             const char          *text)
{
  ParcoursElement *element = parcours_outline_node_get_element (node);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->history == NULL || g_strcmp0 (element_name (element), text) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  parcours_history_set_value (self->history, element, name_property (element), &value, NULL);
  parcours_history_seal (self->history);
}

static void
label_editing_cb (GtkEditableLabel *label,
                  GParamSpec       *pspec,
                  GtkWidget        *expander)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (gtk_widget_get_ancestor (expander, PARCOURS_TYPE_OUTLINE));
  ParcoursOutlineNode *node = g_object_get_data (G_OBJECT (expander), NODE_KEY);

  if (self == NULL || node == NULL || gtk_editable_label_get_editing (label))
    return;

  rename_node (self, node, gtk_editable_get_text (GTK_EDITABLE (label)));
}

static void row_pressed_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkWidget       *expander);

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ParcoursOutline          *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_editable_label_new ("");

  GtkGesture *click = gtk_gesture_click_new ();

  /* The row takes the keyboard, the label only its text while renamed
   * (F2): GTK 4.8's editable label, left with the focus, checks it again
   * in an idle that outlives a row recycled meanwhile. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_focus_on_click (label, FALSE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  g_signal_connect (label, "notify::editing", G_CALLBACK (label_editing_cb), expander);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), expander);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
  /* An emotion point's level, in words, after its label */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *level = gtk_label_new (NULL);

    gtk_widget_set_hexpand (expander, TRUE);
    gtk_widget_add_css_class (level, "dim-label");
    gtk_widget_set_margin_end (level, 6);
    gtk_widget_set_visible (level, FALSE);
    /* The row's accessible label says it already */
    gtk_accessible_update_state (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    gtk_box_append (GTK_BOX (box), expander);
    gtk_box_append (GTK_BOX (box), level);
    g_object_set_data (G_OBJECT (expander), LEVEL_KEY, level);
    gtk_list_item_set_child (list_item, box);
  }
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ParcoursOutline          *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  ParcoursOutlineNode *node = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_object_set_data_full (G_OBJECT (expander), NODE_KEY, node, g_object_unref);
  g_signal_connect_object (parcours_outline_node_get_element (node), "notify",
                           G_CALLBACK (element_notify_cb), expander, 0);
  update_row (self, expander);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ParcoursOutline          *self)
{
  GtkWidget *expander = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  ParcoursOutlineNode *node = g_object_get_data (G_OBJECT (expander), NODE_KEY);

  if (node != NULL)
    g_signal_handlers_disconnect_by_func (parcours_outline_node_get_element (node),
                                          element_notify_cb, expander);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  g_object_set_data (G_OBJECT (expander), NODE_KEY, NULL);
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

static void update_actions (ParcoursOutline *self);

static void
tree_selection_changed_cb (ParcoursOutline *self,
                           GParamSpec      *pspec,
                           GtkSingleSelection *selection)
{
  guint position = gtk_single_selection_get_selected (selection);
  ParcoursElement *element;

  update_actions (self);
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

/* Editing ---------------------------------------------------------------
 * The selected row's element is deleted, moved, renamed or given a new
 * neighbour by actions of the outline (Delete, Alt+arrows, F2, Insert,
 * and the row's context menu), each one step of the history. */

static ParcoursOutlineNode *
selected_node (ParcoursOutline *self)
{
  guint position = gtk_single_selection_get_selected (self->tree_selection);
  g_autoptr(GtkTreeListRow) row = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  if (row == NULL)
    return NULL;

  /* The store keeps the node alive. */
  {
    g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (row);
    return node;
  }
}

/* The row widget showing @element (under @stage for a lane), if made. */
static GtkWidget *
find_row_widget (GtkWidget       *widget,
                 ParcoursElement *element,
                 ParcoursStage   *stage)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      ParcoursOutlineNode *node = g_object_get_data (G_OBJECT (widget), NODE_KEY);

      if (node != NULL && parcours_outline_node_get_element (node) == element &&
          (stage == NULL || parcours_outline_node_get_stage (node) == stage))
        return widget;
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, element, stage);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Selects and focuses the row of @element once the list shows it, and
 * starts renaming it if @rename: rows are made at the next frame. */
typedef struct
{
  ParcoursOutline *self;
  ParcoursElement *element;
  ParcoursStage   *stage;
  gboolean         rename;
  guint            frames;
} FocusLater;

static void
focus_later_free (gpointer data)
{
  FocusLater *later = data;

  g_clear_object (&later->element);
  g_clear_object (&later->stage);
  g_free (later);
}

static gboolean
focus_row (ParcoursOutline *self,
           ParcoursElement *element,
           ParcoursStage   *stage,
           gboolean         rename)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (row);
      GtkWidget *widget;

      if (parcours_outline_node_get_element (node) != element ||
          (stage != NULL && parcours_outline_node_get_stage (node) != stage))
        continue;

      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.select-item", "(ubb)", i, FALSE, FALSE);
      widget = find_row_widget (GTK_WIDGET (self->list_view), element, stage);
      if (widget == NULL)
        return FALSE;
      /* The list item around the row takes the keyboard. */
      while (widget != NULL && !gtk_widget_get_focusable (widget))
        widget = gtk_widget_get_parent (widget);
      if (widget != NULL)
        gtk_widget_grab_focus (widget);
      if (rename)
        gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget))));
      return TRUE;
    }

  return FALSE;
}

static gboolean
focus_later_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  FocusLater *later = data;

  if (focus_row (later->self, later->element, later->stage, later->rename) || ++later->frames > 10)
    return G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

static void
focus_row_later (ParcoursOutline *self,
                 ParcoursElement *element,
                 ParcoursStage   *stage,
                 gboolean         rename)
{
  FocusLater *later = g_new0 (FocusLater, 1);

  later->self = self;
  later->element = g_object_ref (element);
  later->stage = stage ? g_object_ref (stage) : NULL;
  later->rename = rename;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_later_cb, later, focus_later_free);
}

/* Not while a row's text is being edited: its keys are the text's. */
static gboolean
is_renaming (ParcoursOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL) != NULL &&
         gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL)));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (widget);
  ParcoursOutlineNode *node = selected_node (self);
  GtkWidget *row;

  if (node == NULL || is_renaming (self))
    return;

  row = find_row_widget (GTK_WIDGET (self->list_view), parcours_outline_node_get_element (node),
                         parcours_outline_node_get_stage (node));
  if (row != NULL)
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (row))));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (widget);
  ParcoursOutlineNode *node = selected_node (self);
  guint position = gtk_single_selection_get_selected (self->tree_selection);
  guint n_items;

  if (node == NULL || self->history == NULL || is_renaming (self))
    return;

  parcours_history_seal (self->history);
  parcours_history_remove (self->history, parcours_outline_node_get_element (node), NULL);

  /* The keyboard stays in the outline, on the row that took its place. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  if (n_items > 0)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), MIN (position, n_items - 1));
      g_autoptr(ParcoursOutlineNode) next = gtk_tree_list_row_get_item (row);

      if (!focus_row (self, parcours_outline_node_get_element (next), parcours_outline_node_get_stage (next), FALSE))
        focus_row_later (self, parcours_outline_node_get_element (next), parcours_outline_node_get_stage (next), FALSE);
    }
}

/* The position of @card among the other cards of its cell. */
static guint
index_in_cell (ParcoursDocument *document,
               ParcoursCard     *card)
{
  g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (document,
                                                                 parcours_card_get_lane_id (card),
                                                                 parcours_card_get_stage_id (card));
  guint index = 0;

  g_ptr_array_find (cards, card, &index);
  return index;
}

static void
move_card (ParcoursOutline *self,
           ParcoursCard    *card,
           int              dx,
           int              dy)
{
  const char *lane_id = parcours_card_get_lane_id (card);
  const char *stage_id = parcours_card_get_stage_id (card);
  g_autoptr(GPtrArray) cell = parcours_document_get_cell_cards (self->document, lane_id, stage_id);
  guint index = index_in_cell (self->document, card);

  if (dy != 0)
    {
      if ((dy < 0 && index == 0) || (dy > 0 && index + 1 >= cell->len))
        return;
      parcours_history_move_card (self->history, card, lane_id, stage_id, index + dy);
      return;
    }

  /* Sideways: to the end of the same lane's cell in the next stage. */
  {
    GListModel *stages = parcours_document_get_stages (self->document);
    guint stage_position = 0;
    g_autoptr(ParcoursStage) target = NULL;

    parcours_document_find_position (self->document, PARCOURS_ELEMENT (parcours_document_lookup_stage (self->document, stage_id)),
                                     &stage_position);
    if ((dx < 0 && stage_position == 0) || (dx > 0 && stage_position + 1 >= g_list_model_get_n_items (stages)))
      return;
    target = g_list_model_get_item (stages, stage_position + dx);
    parcours_history_move_card (self->history, card, lane_id,
                                parcours_element_get_id (PARCOURS_ELEMENT (target)), G_MAXUINT);
  }
}

/* Up and down change a point's level, one of the five, as on the map. */
static void
move_point (ParcoursOutline      *self,
            ParcoursEmotionPoint *point,
            int                   dy)
{
  int level = CLAMP (parcours_emotion_point_get_level (point) - dy,
                     PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);
  g_auto(GValue) value = G_VALUE_INIT;

  if (dy == 0)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, parcours_emotion_level_to_value (level));
  parcours_history_set_value (self->history, point, "value", &value, NULL);
}

static void expand_to (ParcoursOutline *self,
                       ParcoursStage   *stage,
                       ParcoursLane    *lane);

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (widget);
  ParcoursOutlineNode *node = selected_node (self);
  g_autoptr(ParcoursElement) element = NULL;
  g_autoptr(ParcoursStage) stage = NULL;
  int dx = 0, dy = 0;

  if (node == NULL || self->history == NULL || is_renaming (self))
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  element = g_object_ref (parcours_outline_node_get_element (node));
  stage = parcours_outline_node_get_stage (node) ? g_object_ref (parcours_outline_node_get_stage (node)) : NULL;

  parcours_history_seal (self->history);

  if (PARCOURS_IS_STAGE (element) || PARCOURS_IS_LANE (element))
    {
      GListModel *list = parcours_document_get_collection (self->document,
                                                           parcours_collection_for_type (G_OBJECT_TYPE (element)));
      int delta = dy != 0 ? dy : dx;
      guint position = 0;

      parcours_document_find_position (self->document, element, &position);
      if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= g_list_model_get_n_items (list)))
        return;
      parcours_history_move (self->history, element, position + delta, NULL);
    }
  else if (PARCOURS_IS_CARD (element))
    {
      ParcoursCard *card = PARCOURS_CARD (element);

      move_card (self, card, dx, dy);
      /* Into another stage: the rows that hold it now open. */
      expand_to (self, parcours_document_lookup_stage (self->document, parcours_card_get_stage_id (card)),
                 parcours_document_lookup_lane (self->document, parcours_card_get_lane_id (card)));
    }
  else if (PARCOURS_IS_EMOTION_POINT (element))
    {
      move_point (self, PARCOURS_EMOTION_POINT (element), dy);
    }

  parcours_history_seal (self->history);
  /* The row follows the element, expanding what now holds it. */
  if (!focus_row (self, element, PARCOURS_IS_LANE (element) ? stage : NULL, FALSE))
    focus_row_later (self, element, PARCOURS_IS_LANE (element) ? stage : NULL, FALSE);
}

/* Expands @stage's row and, under it, @lane's, so that the cell's cards
 * and points show. */
static void
expand_to (ParcoursOutline *self,
           ParcoursStage   *stage,
           ParcoursLane    *lane)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  if (stage == NULL || lane == NULL)
    return;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(ParcoursOutlineNode) node = gtk_tree_list_row_get_item (row);
      ParcoursElement *element = parcours_outline_node_get_element (node);

      if (element == PARCOURS_ELEMENT (stage) ||
          (element == PARCOURS_ELEMENT (lane) && parcours_outline_node_get_stage (node) == stage))
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
        }
    }
}

/* A new emotion point in the cell of @lane and @stage, after the others. */
static ParcoursElement *
new_point (ParcoursOutline *self,
           ParcoursLane    *lane,
           ParcoursStage   *stage)
{
  GListModel *points = parcours_document_get_emotion_points (self->document);
  const char *lane_id = parcours_element_get_id (PARCOURS_ELEMENT (lane));
  const char *stage_id = parcours_element_get_id (PARCOURS_ELEMENT (stage));
  g_autofree char *id = parcours_document_make_id (self->document, PARCOURS_TYPE_EMOTION_POINT);
  double last = -1;

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, i);

      if (g_strcmp0 (parcours_emotion_point_get_lane_id (point), lane_id) == 0 &&
          g_strcmp0 (parcours_emotion_point_get_stage_id (point), stage_id) == 0)
        last = MAX (last, parcours_emotion_point_get_offset (point));
    }

  return PARCOURS_ELEMENT (parcours_emotion_point_new (id, lane_id, stage_id,
                                                       last < 0 ? 0.5 : last + (1 - last) / 2, 0));
}

/* Insert adds what fits the row: a stage after a stage; in a lane's cell
 * a card (an emotion point in an emotion lane); a card after a card; a
 * point after a point. The new card or stage is renamed at once. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (widget);
  ParcoursOutlineNode *node = selected_node (self);
  const char *what = g_variant_get_string (parameter, NULL);
  ParcoursElement *element;
  ParcoursStage *stage = NULL;
  ParcoursLane *lane = NULL;
  g_autoptr(ParcoursElement) added = NULL;
  ParcoursStage *row_stage = NULL;
  guint position = G_MAXUINT;

  if (self->history == NULL || is_renaming (self))
    return;

  element = node ? parcours_outline_node_get_element (node) : NULL;
  if (element == NULL || PARCOURS_IS_STAGE (element))
    stage = PARCOURS_STAGE (element);
  else if (PARCOURS_IS_LANE (element))
    {
      lane = PARCOURS_LANE (element);
      stage = parcours_outline_node_get_stage (node);
    }
  else
    {
      const char *lane_id = PARCOURS_IS_CARD (element) ? parcours_card_get_lane_id (PARCOURS_CARD (element))
                                                       : parcours_emotion_point_get_lane_id (PARCOURS_EMOTION_POINT (element));
      const char *stage_id = PARCOURS_IS_CARD (element) ? parcours_card_get_stage_id (PARCOURS_CARD (element))
                                                        : parcours_emotion_point_get_stage_id (PARCOURS_EMOTION_POINT (element));

      lane = parcours_document_lookup_lane (self->document, lane_id);
      stage = parcours_document_lookup_stage (self->document, stage_id);
    }

  if (g_str_equal (what, "stage") || (g_str_equal (what, "item") && (element == NULL || PARCOURS_IS_STAGE (element))))
    {
      g_autofree char *id = parcours_document_make_id (self->document, PARCOURS_TYPE_STAGE);

      added = PARCOURS_ELEMENT (parcours_stage_new (id, _("New Stage")));
      if (stage != NULL && parcours_document_find_position (self->document, PARCOURS_ELEMENT (stage), &position))
        position++;
    }
  else if (g_str_equal (what, "lane"))
    {
      g_autofree char *id = parcours_document_make_id (self->document, PARCOURS_TYPE_LANE);
      ParcoursLaneKind kind = lane && parcours_lane_get_kind (lane) != PARCOURS_LANE_KIND_EMOTIONS
                              ? parcours_lane_get_kind (lane) : PARCOURS_LANE_KIND_NOTES;

      added = PARCOURS_ELEMENT (parcours_lane_new (id, kind, parcours_lane_kind_get_label (kind)));
      if (lane != NULL && parcours_document_find_position (self->document, PARCOURS_ELEMENT (lane), &position))
        position++;
      row_stage = stage;
    }
  else if (lane != NULL && stage != NULL && parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS)
    {
      added = new_point (self, lane, stage);
    }
  else if (lane != NULL && stage != NULL)
    {
      g_autofree char *id = parcours_document_make_id (self->document, PARCOURS_TYPE_CARD);

      added = PARCOURS_ELEMENT (parcours_card_new (id, parcours_element_get_id (PARCOURS_ELEMENT (lane)),
                                                   parcours_element_get_id (PARCOURS_ELEMENT (stage)), ""));
      if (PARCOURS_IS_CARD (element) && parcours_document_find_position (self->document, element, &position))
        position++;
    }

  if (added == NULL)
    return;

  parcours_history_seal (self->history);
  if (!parcours_history_insert (self->history, added, position, NULL))
    return;

  /* Show where it went: expand the rows that hold it. */
  if (!PARCOURS_IS_LANE (added) && !PARCOURS_IS_STAGE (added))
    expand_to (self, stage, lane);

  focus_row_later (self, added, row_stage, !PARCOURS_IS_EMOTION_POINT (added));
}

static void
update_actions (ParcoursOutline *self)
{
  ParcoursOutlineNode *node = selected_node (self);
  gboolean editable = self->history != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.rename", editable && node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.delete", editable && node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move", editable && node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.menu", editable && node != NULL);
}

/* The row's context menu: what its keys do. */
static void
show_row_menu (GtkWidget *expander,
               double     x,
               double     y)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (gtk_widget_get_ancestor (expander, PARCOURS_TYPE_OUTLINE));
  ParcoursOutlineNode *node = g_object_get_data (G_OBJECT (expander), NODE_KEY);
  ParcoursElement *element;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  GtkWidget *popover;

  if (self == NULL || node == NULL)
    return;

  element = parcours_outline_node_get_element (node);
  focus_row (self, element, parcours_outline_node_get_stage (node), FALSE);

  g_menu_append (menu, _("_Rename"), "outline.rename");
  g_menu_append (add, _("Add _Stage"), "outline.add::stage");
  if (!PARCOURS_IS_STAGE (element))
    {
      g_menu_append (add, _("Add _Lane"), "outline.add::lane");
      if (PARCOURS_IS_EMOTION_POINT (element) ||
          (PARCOURS_IS_LANE (element) && parcours_lane_get_kind (PARCOURS_LANE (element)) == PARCOURS_LANE_KIND_EMOTIONS))
        g_menu_append (add, _("Add _Emotion Point"), "outline.add::item");
      else
        g_menu_append (add, _("Add _Card"), "outline.add::item");
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append (move, _("Move _Up"), "outline.move((0,-1))");
  g_menu_append (move, _("Move _Down"), "outline.move((0,1))");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  {
    g_autoptr(GMenu) remove = g_menu_new ();

    g_menu_append (remove, _("_Delete"), "outline.delete");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  }

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, expander);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkWidget       *expander)
{
  show_row_menu (expander, x, y);
}

/* Shift+F10 or the Menu key: the same menu, under the selected row's name. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParcoursOutline *self = PARCOURS_OUTLINE (widget);
  ParcoursOutlineNode *node = selected_node (self);
  GtkWidget *row;
  GtkWidget *label;
  graphene_point_t point;

  if (node == NULL || is_renaming (self))
    return;

  row = find_row_widget (GTK_WIDGET (self->list_view), parcours_outline_node_get_element (node),
                         parcours_outline_node_get_stage (node));
  if (row == NULL)
    return;

  label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (row));
  if (!gtk_widget_compute_point (label, row, &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (label)), &point))
    point = GRAPHENE_POINT_INIT (0, gtk_widget_get_height (row));
  show_row_menu (row, point.x, point.y);
}

static void
outline_actions_init (GtkWidgetClass *widget_class)
{
  /* The keypad's first: the key bound last is the one menus show. */
  static const struct { guint key; int dx; int dy; } moves[] = {
    { GDK_KEY_KP_Up, 0, -1 }, { GDK_KEY_KP_Down, 0, 1 },
    { GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 },
  };

  gtk_widget_class_install_action (widget_class, "outline.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "outline.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "outline.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "outline.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "outline.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "outline.add", "s", "item");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "outline.add", "s", "lane");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "outline.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "outline.menu", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK, "outline.move",
                                         "(ii)", moves[i].dx, moves[i].dy);
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

  outline_actions_init (widget_class);
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

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

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
  update_actions (self);

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
  rename_node (self, node, text);

  return TRUE;
}
