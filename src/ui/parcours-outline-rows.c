/* parcours-outline-rows.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-outline-private.h"

/* The outline's rows: a tree expander holding the element's name as an
 * editable label (and an emotion point's level in words), an accessible
 * label that says what the row is, and finding and focusing the row of
 * an element once the list has made it. */

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
void
_parcours_outline_rename_node (ParcoursOutline     *self,
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

  _parcours_outline_rename_node (self, node, gtk_editable_get_text (GTK_EDITABLE (label)));
}

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
  g_signal_connect (click, "pressed", G_CALLBACK (_parcours_outline_row_pressed_cb), expander);
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

GtkListItemFactory *
_parcours_outline_row_factory_new (ParcoursOutline *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  return factory;
}

/* The row widget showing @element (under @stage for a lane), if made. */
GtkWidget *
_parcours_outline_find_row_widget (GtkWidget       *widget,
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
      GtkWidget *found = _parcours_outline_find_row_widget (child, element, stage);

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

gboolean
_parcours_outline_focus_row (ParcoursOutline *self,
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
      widget = _parcours_outline_find_row_widget (GTK_WIDGET (self->list_view), element, stage);
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

  if (_parcours_outline_focus_row (later->self, later->element, later->stage, later->rename) || ++later->frames > 10)
    return G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

void
_parcours_outline_focus_row_later (ParcoursOutline *self,
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
