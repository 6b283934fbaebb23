/* parcours-outline-actions.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-outline-private.h"

/* Editing from the outline: the selected row's element is deleted,
 * moved, renamed or given a new neighbour by actions of the outline
 * (Delete, Alt+arrows, F2, Insert, and the row's context menu), each one
 * step of the history. */

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

  row = _parcours_outline_find_row_widget (GTK_WIDGET (self->list_view),
                                           parcours_outline_node_get_element (node),
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

      ParcoursElement *element = parcours_outline_node_get_element (next);
      ParcoursStage *stage = parcours_outline_node_get_stage (next);

      if (!_parcours_outline_focus_row (self, element, stage, FALSE))
        _parcours_outline_focus_row_later (self, element, stage, FALSE);
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
  ParcoursStage *row_stage;
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
  row_stage = PARCOURS_IS_LANE (element) ? stage : NULL;
  if (!_parcours_outline_focus_row (self, element, row_stage, FALSE))
    _parcours_outline_focus_row_later (self, element, row_stage, FALSE);
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

  _parcours_outline_focus_row_later (self, added, row_stage, !PARCOURS_IS_EMOTION_POINT (added));
}

void
_parcours_outline_update_actions (ParcoursOutline *self)
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
  _parcours_outline_focus_row (self, element, parcours_outline_node_get_stage (node), FALSE);

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

void
_parcours_outline_row_pressed_cb (GtkGestureClick *gesture,
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

  row = _parcours_outline_find_row_widget (GTK_WIDGET (self->list_view),
                                           parcours_outline_node_get_element (node),
                                           parcours_outline_node_get_stage (node));
  if (row == NULL)
    return;

  label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (row));
  if (!gtk_widget_compute_point (label, row, &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (label)), &point))
    point = GRAPHENE_POINT_INIT (0, gtk_widget_get_height (row));
  show_row_menu (row, point.x, point.y);
}

void
_parcours_outline_actions_init (GtkWidgetClass *widget_class)
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
