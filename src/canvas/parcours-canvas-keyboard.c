/* parcours-canvas-keyboard.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-canvas-private.h"

/* Everything by keyboard: Tab into the canvas focuses a card and walks
 * the cards and points, arrows go to the neighbouring card (or move a
 * focused point), Alt+arrows move the focused card, Enter or F2 edit it,
 * Delete removes the selection, Ctrl+A selects every card, Escape
 * clears. The logic is the interaction's; this file binds keys. */

/* The keys handled here never reach the window, which would otherwise
 * turn the focus ring on: the keyboard is in use, so show it. */
static void
reveal_focus (ParcoursCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  parcours_canvas_reveal (self, parcours_selection_get_focus (self->selection));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
ready (ParcoursCanvas *self)
{
  if (self->interaction == NULL)
    return FALSE;

  _parcours_canvas_ensure_layout (self);
  return TRUE;
}

static gboolean
arrow_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursDirection direction;
  ParcoursModifiers modifiers;
  gboolean move, done;

  if (!ready (self))
    return FALSE;

  g_variant_get (args, "(iib)", &direction, &modifiers, &move);
  if (move)
    done = parcours_interaction_move_focused (self->interaction, direction, modifiers);
  else
    done = parcours_interaction_focus_neighbour (self->interaction, direction, modifiers);

  if (done)
    {
      _parcours_canvas_ensure_layout (self);
      reveal_focus (self);
    }
  else
    gtk_widget_error_bell (widget);

  return TRUE;
}

static gboolean
edit_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *focus;

  if (!ready (self))
    return FALSE;

  focus = parcours_selection_get_focus (self->selection);
  if (focus == NULL)
    return FALSE;

  parcours_canvas_reveal (self, focus);
  parcours_canvas_edit (self, focus);
  return TRUE;
}

static gboolean
delete_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);

  if (!ready (self))
    return FALSE;

  if (parcours_interaction_delete_selection (self->interaction))
    reveal_focus (self);
  else
    gtk_widget_error_bell (widget);

  return TRUE;
}

static gboolean
select_all_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);

  if (!ready (self))
    return FALSE;

  parcours_interaction_select_all (self->interaction);
  return TRUE;
}

static gboolean
unselect_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);

  if (!ready (self) || parcours_selection_get_n_items (self->selection) == 0)
    return FALSE;

  parcours_selection_clear (self->selection);
  return TRUE;
}

/* Tab walks the map's cards and points; past the last one (or before
 * the first) the focus leaves the canvas as usual. */
static gboolean
parcours_canvas_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  gboolean backwards = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP ||
                       direction == GTK_DIR_LEFT;

  if (self->editor != NULL && gtk_widget_child_focus (self->editor, direction))
    return TRUE;

  if (!ready (self))
    return FALSE;

  if (!gtk_widget_has_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      parcours_interaction_focus_first (self->interaction);
      reveal_focus (self);
      return TRUE;
    }

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  if (!parcours_interaction_focus_next (self->interaction, backwards))
    return FALSE;

  reveal_focus (self);
  return TRUE;
}

static void
add_arrow (GtkWidgetClass   *widget_class,
           guint             keyval,
           guint             keypad,
           ParcoursDirection direction)
{
  const struct {
    GdkModifierType mods;
    ParcoursModifiers modifiers;
    gboolean move;
  } variants[] = {
    { 0, 0, FALSE },
    { GDK_CONTROL_MASK, PARCOURS_MODIFIER_CONTROL, FALSE },
    { GDK_ALT_MASK, PARCOURS_MODIFIER_ALT, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      gtk_widget_class_add_binding (widget_class, keyval, variants[i].mods, arrow_cb,
                                    "(iib)", direction, variants[i].modifiers, variants[i].move);
      gtk_widget_class_add_binding (widget_class, keypad, variants[i].mods, arrow_cb,
                                    "(iib)", direction, variants[i].modifiers, variants[i].move);
    }
}

void
_parcours_canvas_class_init_keyboard (GtkWidgetClass *widget_class)
{
  widget_class->focus = parcours_canvas_focus;

  add_arrow (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, PARCOURS_DIRECTION_UP);
  add_arrow (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, PARCOURS_DIRECTION_DOWN);
  add_arrow (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, PARCOURS_DIRECTION_LEFT);
  add_arrow (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, PARCOURS_DIRECTION_RIGHT);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F2, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_BackSpace, 0, delete_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, select_all_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, unselect_cb, NULL);
}
