/* parcours-canvas-touch.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-canvas-private.h"

/* One finger on a touch screen, handed to the interaction's touch state
 * machine (parcours-interaction-touch.c): it says when the view should
 * follow the finger (a swipe pans), and otherwise behaves as the mouse.
 * The mouse's own drag gesture leaves touch sequences to this one. A
 * long press (the menu) and a pinch (zoom) have gestures of their own. */

gboolean
_parcours_canvas_is_touch (GtkGesture *gesture)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GdkEventType type;

  if (event == NULL)
    return FALSE;

  type = gdk_event_get_event_type (event);
  return type == GDK_TOUCH_BEGIN || type == GDK_TOUCH_UPDATE || type == GDK_TOUCH_END ||
         type == GDK_TOUCH_CANCEL;
}

static guint32
event_time (GtkGestureDrag *gesture)
{
  return gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
}

static void
touch_begin_cb (ParcoursCanvas *self,
                double          x,
                double          y,
                GtkGestureDrag *gesture)
{
  double lx, ly;

  if (self->interaction == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  parcours_canvas_commit_edit (self);
  _parcours_canvas_ensure_layout (self);
  /* A finger is less precise than a pointer. */
  parcours_interaction_set_drag_threshold (self->interaction, 12 / parcours_viewport_get_scale (self->viewport));
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_pressed = TRUE;
  self->pointer_modifiers = 0;
  parcours_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  parcours_interaction_touch_begin (self->interaction, lx, ly, event_time (gesture));
}

static void
touch_update_cb (ParcoursCanvas *self,
                 double          dx,
                 double          dy,
                 GtkGestureDrag *gesture)
{
  double x, y, lx, ly;

  if (self->interaction == NULL || !self->pointer_pressed)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += dx;
  y += dy;
  _parcours_canvas_ensure_layout (self);
  parcours_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  if (parcours_interaction_touch_update (self->interaction, lx, ly, event_time (gesture)) == PARCOURS_TOUCH_PAN)
    parcours_viewport_scroll_by (self->viewport, self->pointer_x - x, self->pointer_y - y);
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
touch_end_cb (ParcoursCanvas *self,
              double          dx,
              double          dy,
              GtkGestureDrag *gesture)
{
  double x, y, lx, ly;

  if (self->interaction == NULL || !self->pointer_pressed)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  self->pointer_pressed = FALSE;
  _parcours_canvas_ensure_layout (self);
  parcours_viewport_to_layout (self->viewport, x + dx, y + dy, &lx, &ly);
  parcours_interaction_touch_end (self->interaction, lx, ly, event_time (gesture));
}

static void
touch_cancel_cb (ParcoursCanvas   *self,
                 GdkEventSequence *sequence,
                 GtkGesture       *gesture)
{
  self->pointer_pressed = FALSE;
  if (self->interaction != NULL)
    parcours_interaction_cancel (self->interaction);
}

void
_parcours_canvas_init_touch (ParcoursCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (touch_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (touch_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (touch_end_cb), self);
  g_signal_connect_swapped (gesture, "cancel", G_CALLBACK (touch_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
