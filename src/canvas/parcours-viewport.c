/* parcours-viewport.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-viewport.h"

/* What part of a map the canvas shows, and how big: view state only,
 * never part of the document. The origin is the layout point at the
 * widget's top-left corner; the scale is the zoom times the desktop's
 * text scale, so "100 %" reads as comfortably as the rest of the
 * desktop. Along an axis where the map is smaller than the view, the
 * map is centred; elsewhere the origin stays within the map. */
struct _ParcoursViewport
{
  GObject parent_instance;

  double zoom;
  double text_scale;
  double x;
  double y;
  double view_width;
  double view_height;
  double content_width;
  double content_height;
};

G_DEFINE_FINAL_TYPE (ParcoursViewport, parcours_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_X,
  PROP_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
clamp_axis (double origin,
            double view,
            double content)
{
  if (content <= view)
    return (content - view) / 2;

  return CLAMP (origin, 0, content - view);
}

/* Moves the origin within bounds and says what changed. */
static void
update_origin (ParcoursViewport *self,
               double            x,
               double            y)
{
  double scale = parcours_viewport_get_scale (self);

  x = clamp_axis (x, self->view_width / scale, self->content_width);
  y = clamp_axis (y, self->view_height / scale, self->content_height);

  g_object_freeze_notify (G_OBJECT (self));
  if (x != self->x)
    {
      self->x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
    }
  if (y != self->y)
    {
      self->y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
parcours_viewport_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ParcoursViewport *self = PARCOURS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_viewport_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ParcoursViewport *self = PARCOURS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      parcours_viewport_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_viewport_class_init (ParcoursViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = parcours_viewport_get_property;
  object_class->set_property = parcours_viewport_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         PARCOURS_VIEWPORT_MIN_ZOOM, PARCOURS_VIEWPORT_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_viewport_init (ParcoursViewport *self)
{
  self->zoom = 1.0;
  self->text_scale = 1.0;
}

ParcoursViewport *
parcours_viewport_new (void)
{
  return g_object_new (PARCOURS_TYPE_VIEWPORT, NULL);
}

double
parcours_viewport_get_zoom (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 1.0);

  return self->zoom;
}

/* Zooms around the centre of the view. */
void
parcours_viewport_set_zoom (ParcoursViewport *self,
                            double            zoom)
{
  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  parcours_viewport_zoom_at (self, zoom, self->view_width / 2, self->view_height / 2);
}

double
parcours_viewport_get_text_scale (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 1.0);

  return self->text_scale;
}

void
parcours_viewport_set_text_scale (ParcoursViewport *self,
                                  double            text_scale)
{
  double cx, cy;

  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));
  g_return_if_fail (text_scale > 0);

  parcours_viewport_to_layout (self, self->view_width / 2, self->view_height / 2, &cx, &cy);
  self->text_scale = text_scale;
  update_origin (self, cx - self->view_width / 2 / parcours_viewport_get_scale (self),
                 cy - self->view_height / 2 / parcours_viewport_get_scale (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Device-independent pixels per layout unit. */
double
parcours_viewport_get_scale (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 1.0);

  return self->zoom * self->text_scale;
}

double
parcours_viewport_get_x (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 0);

  return self->x;
}

double
parcours_viewport_get_y (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 0);

  return self->y;
}

void
parcours_viewport_set_origin (ParcoursViewport *self,
                              double            x,
                              double            y)
{
  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  update_origin (self, x, y);
}

void
parcours_viewport_set_view_size (ParcoursViewport *self,
                                 double            width,
                                 double            height)
{
  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  self->view_width = MAX (width, 0);
  self->view_height = MAX (height, 0);
  update_origin (self, self->x, self->y);
}

double
parcours_viewport_get_view_width (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 0);

  return self->view_width;
}

double
parcours_viewport_get_view_height (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 0);

  return self->view_height;
}

void
parcours_viewport_set_content_size (ParcoursViewport *self,
                                    double            width,
                                    double            height)
{
  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  self->content_width = MAX (width, 0);
  self->content_height = MAX (height, 0);
  update_origin (self, self->x, self->y);
}

double
parcours_viewport_get_content_width (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 0);

  return self->content_width;
}

double
parcours_viewport_get_content_height (ParcoursViewport *self)
{
  g_return_val_if_fail (PARCOURS_IS_VIEWPORT (self), 0);

  return self->content_height;
}

void
parcours_viewport_to_layout (ParcoursViewport *self,
                             double            widget_x,
                             double            widget_y,
                             double           *layout_x,
                             double           *layout_y)
{
  double scale = parcours_viewport_get_scale (self);

  *layout_x = self->x + widget_x / scale;
  *layout_y = self->y + widget_y / scale;
}

void
parcours_viewport_to_widget (ParcoursViewport *self,
                             double            layout_x,
                             double            layout_y,
                             double           *widget_x,
                             double           *widget_y)
{
  double scale = parcours_viewport_get_scale (self);

  *widget_x = (layout_x - self->x) * scale;
  *widget_y = (layout_y - self->y) * scale;
}

/**
 * parcours_viewport_zoom_at:
 * @zoom: the new zoom, clamped to 10 %–400 %
 * @widget_x: a point of the view, in widget coordinates
 * @widget_y: likewise
 *
 * Zooms so that the map point under (@widget_x, @widget_y) stays there,
 * as far as the map's edges allow.
 */
void
parcours_viewport_zoom_at (ParcoursViewport *self,
                           double            zoom,
                           double            widget_x,
                           double            widget_y)
{
  double lx, ly, scale;

  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  zoom = CLAMP (zoom, PARCOURS_VIEWPORT_MIN_ZOOM, PARCOURS_VIEWPORT_MAX_ZOOM);
  parcours_viewport_to_layout (self, widget_x, widget_y, &lx, &ly);

  g_object_freeze_notify (G_OBJECT (self));
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  scale = parcours_viewport_get_scale (self);
  update_origin (self, lx - widget_x / scale, ly - widget_y / scale);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Pans by (@dx, @dy) widget pixels. */
void
parcours_viewport_scroll_by (ParcoursViewport *self,
                             double            dx,
                             double            dy)
{
  double scale;

  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  scale = parcours_viewport_get_scale (self);
  update_origin (self, self->x + dx / scale, self->y + dy / scale);
}

/* The largest zoom that shows the whole map, within the zoom range. */
void
parcours_viewport_zoom_to_fit (ParcoursViewport *self)
{
  double zoom;

  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  if (self->content_width <= 0 || self->content_height <= 0 ||
      self->view_width <= 0 || self->view_height <= 0)
    return;

  zoom = MIN (self->view_width / self->content_width, self->view_height / self->content_height) / self->text_scale;
  zoom = CLAMP (zoom, PARCOURS_VIEWPORT_MIN_ZOOM, 1.0);

  g_object_freeze_notify (G_OBJECT (self));
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  update_origin (self, 0, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Scrolls as little as needed to show the layout rectangle, with a
 * margin, e.g. the card that just got the keyboard focus. */
void
parcours_viewport_reveal (ParcoursViewport *self,
                          double            x,
                          double            y,
                          double            width,
                          double            height)
{
  double scale, view_w, view_h, margin, ox, oy;

  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  scale = parcours_viewport_get_scale (self);
  view_w = self->view_width / scale;
  view_h = self->view_height / scale;
  margin = 24 / scale;
  ox = self->x;
  oy = self->y;

  if (x + width + margin > ox + view_w)
    ox = x + width + margin - view_w;
  if (x - margin < ox)
    ox = x - margin;
  if (y + height + margin > oy + view_h)
    oy = y + height + margin - view_h;
  if (y - margin < oy)
    oy = y - margin;

  update_origin (self, ox, oy);
}

/* The layout point at the centre of the view. */
void
parcours_viewport_get_center (ParcoursViewport *self,
                              double           *x,
                              double           *y)
{
  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  parcours_viewport_to_layout (self, self->view_width / 2, self->view_height / 2, x, y);
}

/* Zooms to @zoom with the layout point (@x, @y) at the centre of the
 * view, as far as the map's edges allow: one step of a move to another
 * part of the map. */
void
parcours_viewport_center_on (ParcoursViewport *self,
                             double            zoom,
                             double            x,
                             double            y)
{
  double scale;

  g_return_if_fail (PARCOURS_IS_VIEWPORT (self));

  zoom = CLAMP (zoom, PARCOURS_VIEWPORT_MIN_ZOOM, PARCOURS_VIEWPORT_MAX_ZOOM);
  g_object_freeze_notify (G_OBJECT (self));
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  scale = parcours_viewport_get_scale (self);
  update_origin (self, x - self->view_width / 2 / scale, y - self->view_height / 2 / scale);
  g_object_thaw_notify (G_OBJECT (self));
}
