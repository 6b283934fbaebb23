/* parcours-canvas-gestures.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-canvas-private.h"

/* The canvas's event controllers. They only translate: widget to layout
 * coordinates, GDK modifiers to the interaction's, and presses, motions
 * and releases into calls on the interaction state machine. Panning and
 * zooming change the viewport alone: they are view state, never an
 * edit. */

#define AUTOSCROLL_EDGE 32.0
#define AUTOSCROLL_SPEED 18.0

ParcoursModifiers
_parcours_canvas_modifiers (GdkModifierType state)
{
  ParcoursModifiers modifiers = 0;

  if (state & GDK_SHIFT_MASK)
    modifiers |= PARCOURS_MODIFIER_SHIFT;
  if (state & GDK_CONTROL_MASK)
    modifiers |= PARCOURS_MODIFIER_CONTROL;
  if (state & GDK_ALT_MASK)
    modifiers |= PARCOURS_MODIFIER_ALT;

  return modifiers;
}

static GdkModifierType
event_state (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_state (controller);
}

static void
to_layout (ParcoursCanvas *self,
           double          x,
           double          y,
           double         *lx,
           double         *ly)
{
  parcours_viewport_to_layout (self->viewport, x, y, lx, ly);
}

/* The drag gesture counts no clicks: a second press soon enough and near
 * enough to the first is a double press, as GTK's own settings say. */
static int
count_presses (ParcoursCanvas *self,
               double          x,
               double          y,
               guint32         time)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int double_time = 400, double_distance = 5;
  gboolean is_double;

  g_object_get (settings, "gtk-double-click-time", &double_time,
                "gtk-double-click-distance", &double_distance, NULL);
  is_double = self->last_press_time != 0 && time - self->last_press_time <= (guint32) double_time &&
              fabs (x - self->last_press_x) <= double_distance && fabs (y - self->last_press_y) <= double_distance;

  self->last_press_time = is_double ? 0 : time;
  self->last_press_x = x;
  self->last_press_y = y;
  return is_double ? 2 : 1;
}

static void
primary_drag_begin_cb (ParcoursCanvas *self,
                       double          x,
                       double          y,
                       GtkGestureDrag *gesture)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  double lx, ly;
  int n_press;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->interaction == NULL)
    return;

  /* Space+drag pans, as in every drawing program. */
  if (self->space_held)
    {
      self->panning = TRUE;
      self->pointer_x = x;
      self->pointer_y = y;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }

  parcours_canvas_commit_edit (self);
  _parcours_canvas_ensure_layout (self);
  parcours_interaction_set_drag_threshold (self->interaction, 8 / parcours_viewport_get_scale (self->viewport));
  n_press = count_presses (self, x, y, gtk_event_controller_get_current_event_time (controller));
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_pressed = TRUE;
  self->pointer_modifiers = _parcours_canvas_modifiers (event_state (controller));
  to_layout (self, x, y, &lx, &ly);
  parcours_interaction_press (self->interaction, lx, ly, n_press, self->pointer_modifiers);
}

static void
primary_drag_update_cb (ParcoursCanvas *self,
                        double          dx,
                        double          dy,
                        GtkGestureDrag *gesture)
{
  double x, y, lx, ly;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += dx;
  y += dy;

  if (self->panning)
    {
      parcours_viewport_scroll_by (self->viewport, self->pointer_x - x, self->pointer_y - y);
      self->pointer_x = x;
      self->pointer_y = y;
      return;
    }

  if (self->interaction == NULL || !self->pointer_pressed)
    return;

  _parcours_canvas_ensure_layout (self);
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_modifiers = _parcours_canvas_modifiers (event_state (GTK_EVENT_CONTROLLER (gesture)));
  to_layout (self, x, y, &lx, &ly);
  parcours_interaction_motion (self->interaction, lx, ly, self->pointer_modifiers);
}

static void
primary_drag_end_cb (ParcoursCanvas *self,
                     double          dx,
                     double          dy,
                     GtkGestureDrag *gesture)
{
  double x, y, lx, ly;

  if (self->panning)
    {
      self->panning = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->space_held ? "grab" : NULL);
      return;
    }

  if (self->interaction == NULL || !self->pointer_pressed)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _parcours_canvas_ensure_layout (self);
  self->pointer_pressed = FALSE;
  to_layout (self, x + dx, y + dy, &lx, &ly);
  parcours_interaction_release (self->interaction, lx, ly,
                                _parcours_canvas_modifiers (event_state (GTK_EVENT_CONTROLLER (gesture))));
}

static void
primary_drag_cancel_cb (ParcoursCanvas   *self,
                        GdkEventSequence *sequence,
                        GtkGesture       *gesture)
{
  self->panning = FALSE;
  self->pointer_pressed = FALSE;
  if (self->interaction != NULL)
    parcours_interaction_cancel (self->interaction);
}

/* Middle-drag pans. */
static void
pan_drag_begin_cb (ParcoursCanvas *self,
                   double          x,
                   double          y,
                   GtkGestureDrag *gesture)
{
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_drag_update_cb (ParcoursCanvas *self,
                    double          dx,
                    double          dy,
                    GtkGestureDrag *gesture)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  parcours_viewport_scroll_by (self->viewport, self->pointer_x - (x + dx), self->pointer_y - (y + dy));
  self->pointer_x = x + dx;
  self->pointer_y = y + dy;
}

static void
pan_drag_end_cb (ParcoursCanvas *self,
                 double          dx,
                 double          dy,
                 GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
motion_cb (ParcoursCanvas           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  double lx, ly;

  if (self->interaction == NULL || self->pointer_pressed || self->panning)
    return;

  _parcours_canvas_ensure_layout (self);
  to_layout (self, x, y, &lx, &ly);
  parcours_interaction_motion (self->interaction, lx, ly,
                               _parcours_canvas_modifiers (event_state (GTK_EVENT_CONTROLLER (controller))));
}

static void
leave_cb (ParcoursCanvas           *self,
          GtkEventControllerMotion *controller)
{
  parcours_selection_set_hover (self->selection, NULL);
}

/* Ctrl+scroll zooms around the pointer; plain scrolling is left to the
 * scrolled window, which pans through the adjustments. */
static gboolean
scroll_cb (ParcoursCanvas           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  double zoom = parcours_viewport_get_zoom (self->viewport);

  if (!(event_state (GTK_EVENT_CONTROLLER (controller)) & GDK_CONTROL_MASK))
    return FALSE;

  parcours_viewport_zoom_at (self->viewport, zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
scroll_motion_cb (ParcoursCanvas           *self,
                  double                    x,
                  double                    y,
                  GtkEventControllerMotion *controller)
{
  if (!self->pointer_pressed && !self->panning)
    {
      self->pointer_x = x;
      self->pointer_y = y;
    }
}

static void
zoom_begin_cb (ParcoursCanvas   *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->zoom_gesture_start = parcours_viewport_get_zoom (self->viewport);
  if (self->interaction != NULL)
    parcours_interaction_cancel (self->interaction);
}

static void
zoom_scale_changed_cb (ParcoursCanvas *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  parcours_viewport_zoom_at (self->viewport, self->zoom_gesture_start * scale, x, y);
}

/* While something is dragged near an edge, the view scrolls towards it
 * and the drag follows, frame by frame. */
gboolean
_parcours_canvas_autoscroll (ParcoursCanvas *self)
{
  ParcoursInteractionState state;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx = 0, dy = 0, lx, ly;

  if (self->interaction == NULL || !self->pointer_pressed)
    return FALSE;

  state = parcours_interaction_get_state (self->interaction);
  if (state != PARCOURS_INTERACTION_MOVING_CARDS && state != PARCOURS_INTERACTION_MOVING_POINT &&
      state != PARCOURS_INTERACTION_RUBBER_BAND)
    return FALSE;

  if (self->pointer_x < AUTOSCROLL_EDGE)
    dx = -AUTOSCROLL_SPEED * (1 - MAX (self->pointer_x, 0) / AUTOSCROLL_EDGE);
  else if (self->pointer_x > width - AUTOSCROLL_EDGE)
    dx = AUTOSCROLL_SPEED * (1 - MAX (width - self->pointer_x, 0) / AUTOSCROLL_EDGE);
  if (self->pointer_y < AUTOSCROLL_EDGE)
    dy = -AUTOSCROLL_SPEED * (1 - MAX (self->pointer_y, 0) / AUTOSCROLL_EDGE);
  else if (self->pointer_y > height - AUTOSCROLL_EDGE)
    dy = AUTOSCROLL_SPEED * (1 - MAX (height - self->pointer_y, 0) / AUTOSCROLL_EDGE);

  if (dx != 0 || dy != 0)
    {
      double x0 = parcours_viewport_get_x (self->viewport), y0 = parcours_viewport_get_y (self->viewport);

      parcours_viewport_scroll_by (self->viewport, dx, dy);
      if (x0 != parcours_viewport_get_x (self->viewport) || y0 != parcours_viewport_get_y (self->viewport))
        {
          _parcours_canvas_ensure_layout (self);
          to_layout (self, self->pointer_x, self->pointer_y, &lx, &ly);
          parcours_interaction_motion (self->interaction, lx, ly, self->pointer_modifiers);
        }
    }

  /* Keep ticking while the drag lasts: the pointer may go back to an edge. */
  return TRUE;
}

static gboolean
key_pressed_cb (ParcoursCanvas        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space && !self->space_held)
    {
      self->space_held = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape && self->interaction != NULL &&
      parcours_interaction_cancel (self->interaction))
    {
      self->pointer_pressed = FALSE;
      return TRUE;
    }

  return FALSE;
}

static void
key_released_cb (ParcoursCanvas        *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      if (!self->panning)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

static void
focus_changed_cb (ParcoursCanvas     *self,
                  GtkEventController *controller)
{
  self->space_held = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Over an emotion point: its level, value and label, in words. */
static gboolean
query_tooltip_cb (ParcoursCanvas *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  ParcoursElement *hit;
  ParcoursEmotionPoint *point;
  const char *label;
  g_autofree char *text = NULL;
  double lx, ly;

  if (self->layout == NULL || self->pointer_pressed)
    return FALSE;

  _parcours_canvas_ensure_layout (self);
  to_layout (self, x, y, &lx, &ly);
  hit = parcours_layout_hit_test (self->layout, lx, ly);
  if (!PARCOURS_IS_EMOTION_POINT (hit))
    return FALSE;

  point = PARCOURS_EMOTION_POINT (hit);
  label = parcours_emotion_point_get_label (point);
  text = _parcours_canvas_describe_level (point);
  if (label != NULL && label[0] != '\0')
    {
      char *with_label = g_strdup_printf ("%s\n%s", text, label);

      g_free (text);
      text = with_label;
    }

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
_parcours_canvas_init_gestures (ParcoursCanvas *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  GtkGesture *gesture;
  GtkEventController *controller;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (primary_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (primary_drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (primary_drag_end_cb), self);
  g_signal_connect_swapped (gesture, "cancel", G_CALLBACK (primary_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (pan_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (pan_drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (pan_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (scroll_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
