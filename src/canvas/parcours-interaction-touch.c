/* parcours-interaction-touch.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-interaction-private.h"

/* One finger on a touch screen. A finger that moves at once is a swipe
 * and pans the view, wherever it started; one that rests a moment on a
 * card or a point first picks it up and drags it, as the mouse does. A
 * tap selects, a double tap edits, a long press opens the context menu
 * (parcours_interaction_context(), which the view calls). Pinch zoom is
 * the view's. Times are in milliseconds, from any clock. */

static gboolean
is_draggable (ParcoursElement *element)
{
  return PARCOURS_IS_CARD (element) || PARCOURS_IS_EMOTION_POINT (element);
}

/**
 * parcours_interaction_touch_begin:
 * @x: layout x of the finger
 * @y: layout y
 * @time: when, in milliseconds
 */
void
parcours_interaction_touch_begin (ParcoursInteraction *self,
                                  double               x,
                                  double               y,
                                  guint32              time)
{
  g_return_if_fail (PARCOURS_IS_INTERACTION (self));
  g_return_if_fail (self->layout != NULL);

  if (self->state != PARCOURS_INTERACTION_IDLE)
    parcours_interaction_cancel (self);

  self->state = PARCOURS_INTERACTION_TOUCH_PRESSED;
  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->press_modifiers = 0;
  self->touch_time = time;
  g_set_object (&self->pressed, parcours_layout_hit_test (self->layout, x, y));
}

/**
 * parcours_interaction_touch_update:
 * @x: layout x of the finger
 * @y: layout y
 * @time: when, in milliseconds
 *
 * Returns: %PARCOURS_TOUCH_PAN when the view should follow the finger
 *   (a swipe), else %PARCOURS_TOUCH_NONE
 */
ParcoursTouchResult
parcours_interaction_touch_update (ParcoursInteraction *self,
                                   double               x,
                                   double               y,
                                   guint32              time)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), PARCOURS_TOUCH_NONE);

  switch ((int) self->state)
    {
    case PARCOURS_INTERACTION_TOUCH_PRESSED:
      if (hypot (x - self->press_x, y - self->press_y) <= self->drag_threshold)
        return PARCOURS_TOUCH_NONE;

      if (is_draggable (self->pressed) && time - self->touch_time >= PARCOURS_TOUCH_HOLD_MS)
        {
          /* Held, then moved: the mouse's drag from here on. */
          double x0 = self->press_x, y0 = self->press_y;

          self->state = PARCOURS_INTERACTION_IDLE;
          parcours_interaction_press (self, x0, y0, 1, 0);
          parcours_interaction_motion (self, x, y, 0);
          return PARCOURS_TOUCH_NONE;
        }

      self->state = PARCOURS_INTERACTION_TOUCH_PANNING;
      return PARCOURS_TOUCH_PAN;

    case PARCOURS_INTERACTION_TOUCH_PANNING:
      return PARCOURS_TOUCH_PAN;

    case PARCOURS_INTERACTION_IDLE:
      /* A long press opened a menu meanwhile: the finger does nothing more. */
      return PARCOURS_TOUCH_NONE;

    default:
      parcours_interaction_motion (self, x, y, 0);
      return PARCOURS_TOUCH_NONE;
    }
}

/* Whether a tap at (@x, @y) follows the last one closely enough to make
 * a double tap. */
static gboolean
is_double_tap (ParcoursInteraction *self,
               double               x,
               double               y,
               guint32              time)
{
  return self->last_tap_time != 0 && time - self->last_tap_time <= PARCOURS_TOUCH_DOUBLE_TAP_MS &&
         hypot (x - self->last_tap_x, y - self->last_tap_y) <= 3 * self->drag_threshold;
}

/**
 * parcours_interaction_touch_end:
 * @x: layout x where the finger left
 * @y: layout y
 * @time: when, in milliseconds
 */
void
parcours_interaction_touch_end (ParcoursInteraction *self,
                                double               x,
                                double               y,
                                guint32              time)
{
  gboolean twice;

  g_return_if_fail (PARCOURS_IS_INTERACTION (self));

  switch ((int) self->state)
    {
    case PARCOURS_INTERACTION_TOUCH_PRESSED:
      /* A tap: a click, or with the one before it a double click. */
      twice = is_double_tap (self, self->press_x, self->press_y, time);
      self->last_tap_time = twice ? 0 : time;
      self->last_tap_x = self->press_x;
      self->last_tap_y = self->press_y;
      x = self->press_x;
      y = self->press_y;
      self->state = PARCOURS_INTERACTION_IDLE;
      parcours_interaction_press (self, x, y, twice ? 2 : 1, 0);
      parcours_interaction_release (self, x, y, 0);
      return;

    case PARCOURS_INTERACTION_TOUCH_PANNING:
      self->last_tap_time = 0;
      parcours_interaction_cancel (self);
      return;

    case PARCOURS_INTERACTION_IDLE:
      return;

    default:
      self->last_tap_time = 0;
      parcours_interaction_release (self, x, y, 0);
      return;
    }
}
