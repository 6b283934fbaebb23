/* parcours-canvas-present.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "parcours-canvas-private.h"
#include "parcours-gsk-renderer.h"
#include "parcours-painter.h"

/* The canvas while presenting: it shows the stage of the presentation
 * (or the whole map), moving there smoothly, with the other stages
 * under a veil the painter draws; the view's marks (selection, focus,
 * handles) stay hidden. The window makes the rest of the screen. */

#define FRAME_ANIMATION_USEC 450000
/* Room around what is shown, a fraction of the view on each side. */
#define FRAME_MARGIN 0.05
/* A small map or a narrow stage is not blown up beyond this. */
#define FRAME_MAX_ZOOM 3.0

static ParcoursRect
map_rect (ParcoursCanvas *self)
{
  return (ParcoursRect) { 0, 0, parcours_layout_get_width (self->layout), parcours_layout_get_height (self->layout) };
}

/* Where the view goes for the presentation's stage: its zoom and centre,
 * what stays out of the veil, and how thick the veil is. */
static gboolean
frame_target (ParcoursCanvas *self,
              double          target[3],
              ParcoursRect   *spotlight,
              double         *veil)
{
  int stage = parcours_presentation_get_stage (self->presentation);
  double view_w = parcours_viewport_get_view_width (self->viewport);
  double view_h = parcours_viewport_get_view_height (self->viewport);
  double scale;
  ParcoursRect r;

  _parcours_canvas_ensure_layout (self);
  if (self->document == NULL || view_w <= 0 || view_h <= 0)
    return FALSE;

  if (stage >= 0 && (guint) stage < parcours_layout_get_n_stages (self->layout))
    {
      r = parcours_layout_get_stage (self->layout, stage)->column;
      *veil = 1;
    }
  else
    {
      r = map_rect (self);
      *veil = 0;
    }
  if (r.width <= 0 || r.height <= 0)
    return FALSE;

  scale = MIN (view_w * (1 - 2 * FRAME_MARGIN) / r.width, view_h * (1 - 2 * FRAME_MARGIN) / r.height);
  target[0] = CLAMP (scale / parcours_viewport_get_text_scale (self->viewport),
                     PARCOURS_VIEWPORT_MIN_ZOOM, FRAME_MAX_ZOOM);
  target[1] = r.x + r.width / 2;
  target[2] = r.y + r.height / 2;
  *spotlight = r;

  return TRUE;
}

static void
jump_to_target (ParcoursCanvas *self)
{
  self->frame_animating = FALSE;
  parcours_viewport_center_on (self->viewport, self->frame_to[0], self->frame_to[1], self->frame_to[2]);
  self->spotlight = self->spotlight_to;
  self->veil = self->veil_to;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _parcours_canvas_reframe:
 * @animate: %TRUE to move there smoothly (a step of the presentation),
 *   %FALSE for a new size of the view (a move under way goes on to the
 *   new target)
 *
 * Brings the view to what the presentation shows; ends a presentation's
 * veil when it is over.
 */
void
_parcours_canvas_reframe (ParcoursCanvas *self,
                          gboolean        animate)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  double target[3];
  ParcoursRect spotlight;
  double veil;

  if (!parcours_presentation_get_active (self->presentation))
    {
      self->frame_animating = FALSE;
      self->veil = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (!frame_target (self, target, &spotlight, &veil))
    return;

  memcpy (self->frame_to, target, sizeof target);
  self->spotlight_to = spotlight;
  self->veil_to = veil;

  if (!animate && self->frame_animating)
    return;
  if (!animate || clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      jump_to_target (self);
      return;
    }

  self->frame_from[0] = parcours_viewport_get_zoom (self->viewport);
  parcours_viewport_get_center (self->viewport, &self->frame_from[1], &self->frame_from[2]);
  /* The first veil closes in from the edges of the map. */
  self->spotlight_from = self->veil > 0 ? self->spotlight : map_rect (self);
  self->veil_from = self->veil;
  self->frame_start = gdk_frame_clock_get_frame_time (clock);
  self->frame_animating = TRUE;
  self->zoom_animating = FALSE;
  _parcours_canvas_ensure_tick (self);
}

static double
lerp (double from,
      double to,
      double t)
{
  return from + (to - from) * t;
}

/* One frame of a move of the presentation, easing in and out. Returns
 * whether it goes on. */
gboolean
_parcours_canvas_animate_frame (ParcoursCanvas *self,
                                gint64          now)
{
  double t, eased, zoom;

  if (!self->frame_animating)
    return FALSE;

  t = CLAMP ((double) (now - self->frame_start) / FRAME_ANIMATION_USEC, 0, 1);
  eased = t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;

  /* The zoom changes by the same factor each frame: steady, whatever
   * the distance. */
  zoom = exp (lerp (log (self->frame_from[0]), log (self->frame_to[0]), eased));
  parcours_viewport_center_on (self->viewport, zoom,
                               lerp (self->frame_from[1], self->frame_to[1], eased),
                               lerp (self->frame_from[2], self->frame_to[2], eased));
  self->spotlight.x = lerp (self->spotlight_from.x, self->spotlight_to.x, eased);
  self->spotlight.y = lerp (self->spotlight_from.y, self->spotlight_to.y, eased);
  self->spotlight.width = lerp (self->spotlight_from.width, self->spotlight_to.width, eased);
  self->spotlight.height = lerp (self->spotlight_from.height, self->spotlight_to.height, eased);
  self->veil = lerp (self->veil_from, self->veil_to, eased);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (t >= 1)
    jump_to_target (self);

  return self->frame_animating;
}

/* The veil over what the presentation does not show, painted by the
 * painter and drawn by the GSK backend, like the map under it. Called
 * with the snapshot in layout units. */
void
_parcours_canvas_snapshot_spotlight (ParcoursCanvas *self,
                                     GtkSnapshot    *snapshot,
                                     double          device_scale)
{
  g_autoptr(ParcoursDisplayList) veil = NULL;

  if (!parcours_presentation_get_active (self->presentation) || self->veil <= 0)
    return;

  veil = parcours_painter_paint_spotlight (self->layout, &self->spotlight, self->veil);
  parcours_gsk_render_range (veil, snapshot, 0, parcours_display_list_get_n_items (veil), device_scale);
}

static void
presentation_active_cb (ParcoursCanvas       *self,
                        GParamSpec           *pspec,
                        ParcoursPresentation *presentation)
{
  if (parcours_presentation_get_active (presentation))
    {
      /* Nothing is edited or dragged while presenting. */
      parcours_canvas_commit_edit (self);
      if (self->interaction != NULL)
        parcours_interaction_cancel (self->interaction);
      parcours_selection_set_hover (self->selection, NULL);
      if (self->menu != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->menu));
      self->veil = 0;
    }

  _parcours_canvas_reframe (self, TRUE);
}

static void
presentation_stage_cb (ParcoursCanvas       *self,
                       GParamSpec           *pspec,
                       ParcoursPresentation *presentation)
{
  _parcours_canvas_reframe (self, TRUE);
}

void
_parcours_canvas_init_present (ParcoursCanvas *self)
{
  self->presentation = parcours_presentation_new ();
  g_signal_connect_object (self->presentation, "notify::active", G_CALLBACK (presentation_active_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation, "notify::stage", G_CALLBACK (presentation_stage_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * parcours_canvas_get_presentation:
 *
 * Returns: (transfer none): whether the map is presented, and which
 *   stage: the canvas shows it
 */
ParcoursPresentation *
parcours_canvas_get_presentation (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  return self->presentation;
}
