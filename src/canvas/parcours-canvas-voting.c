/* parcours-canvas-voting.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-canvas-private.h"

/* A dot-voting round, as workshop groups run it with sticky dots: while
 * ParcoursCanvas:voting is on, every click on a card gives it one vote
 * (a right-click or Shift+click takes one back) and Space votes for the
 * focused card. Both controllers run in the capture phase and claim what
 * they handle, so that the usual gestures (drag, double-click to edit,
 * the context menu) and keys (Enter, Delete, Alt+arrows) stay out of a
 * round; the middle button, scrolling and the arrows still move around. */

static void
focus_card (ParcoursCanvas *self,
            ParcoursCard   *card)
{
  parcours_selection_select (self->selection, PARCOURS_ELEMENT (card), PARCOURS_SELECT_REPLACE);
  parcours_selection_set_focus (self->selection, PARCOURS_ELEMENT (card));
}

static void
vote (ParcoursCanvas *self,
      ParcoursCard   *card,
      gboolean        take_back)
{
  gboolean done;

  if (self->history == NULL)
    return;

  if (take_back)
    done = parcours_history_remove_vote (self->history, card);
  else
    done = parcours_history_add_vote (self->history, card);

  if (!done)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
click_pressed_cb (ParcoursCanvas  *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  ParcoursElement *hit;
  double lx, ly;

  if (!self->voting || self->layout == NULL || button == GDK_BUTTON_MIDDLE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  _parcours_canvas_ensure_layout (self);
  parcours_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  hit = parcours_layout_hit_test (self->layout, lx, ly);
  if (!PARCOURS_IS_CARD (hit))
    return;

  focus_card (self, PARCOURS_CARD (hit));
  vote (self, PARCOURS_CARD (hit),
        button == GDK_BUTTON_SECONDARY || (state & GDK_SHIFT_MASK) != 0);
}

static gboolean
is_editing_key (guint           keyval,
                GdkModifierType state)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      /* Alt+arrows move cards. */
      return (state & GDK_ALT_MASK) != 0;

    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (ParcoursCanvas        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  ParcoursElement *focus;

  if (!self->voting)
    return FALSE;

  state &= gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Escape && state == 0)
    {
      parcours_canvas_set_voting (self, FALSE);
      return TRUE;
    }

  if (is_editing_key (keyval, state))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  if (keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    return FALSE;

  if (state != 0 && state != GDK_SHIFT_MASK)
    return FALSE;

  focus = parcours_selection_get_focus (self->selection);
  if (PARCOURS_IS_CARD (focus))
    vote (self, PARCOURS_CARD (focus), state == GDK_SHIFT_MASK);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));

  /* Space never pans during a round: it votes. */
  return TRUE;
}

void
_parcours_canvas_init_voting (ParcoursCanvas *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
