/* parcours-viewport.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PARCOURS_VIEWPORT_MIN_ZOOM 0.1
#define PARCOURS_VIEWPORT_MAX_ZOOM 4.0

#define PARCOURS_TYPE_VIEWPORT (parcours_viewport_get_type())

G_DECLARE_FINAL_TYPE (ParcoursViewport, parcours_viewport, PARCOURS, VIEWPORT, GObject)

ParcoursViewport *parcours_viewport_new              (void);
double            parcours_viewport_get_zoom         (ParcoursViewport *self);
void              parcours_viewport_set_zoom         (ParcoursViewport *self,
                                                      double            zoom);
double            parcours_viewport_get_text_scale   (ParcoursViewport *self);
void              parcours_viewport_set_text_scale   (ParcoursViewport *self,
                                                      double            text_scale);
double            parcours_viewport_get_scale        (ParcoursViewport *self);
double            parcours_viewport_get_x            (ParcoursViewport *self);
double            parcours_viewport_get_y            (ParcoursViewport *self);
void              parcours_viewport_set_origin       (ParcoursViewport *self,
                                                      double            x,
                                                      double            y);
void              parcours_viewport_set_view_size    (ParcoursViewport *self,
                                                      double            width,
                                                      double            height);
double            parcours_viewport_get_view_width   (ParcoursViewport *self);
double            parcours_viewport_get_view_height  (ParcoursViewport *self);
void              parcours_viewport_set_content_size (ParcoursViewport *self,
                                                      double            width,
                                                      double            height);
double            parcours_viewport_get_content_width  (ParcoursViewport *self);
double            parcours_viewport_get_content_height (ParcoursViewport *self);

void              parcours_viewport_to_layout        (ParcoursViewport *self,
                                                      double            widget_x,
                                                      double            widget_y,
                                                      double           *layout_x,
                                                      double           *layout_y);
void              parcours_viewport_to_widget        (ParcoursViewport *self,
                                                      double            layout_x,
                                                      double            layout_y,
                                                      double           *widget_x,
                                                      double           *widget_y);
void              parcours_viewport_zoom_at          (ParcoursViewport *self,
                                                      double            zoom,
                                                      double            widget_x,
                                                      double            widget_y);
void              parcours_viewport_scroll_by        (ParcoursViewport *self,
                                                      double            dx,
                                                      double            dy);
void              parcours_viewport_zoom_to_fit      (ParcoursViewport *self);
void              parcours_viewport_reveal           (ParcoursViewport *self,
                                                      double            x,
                                                      double            y,
                                                      double            width,
                                                      double            height);
void              parcours_viewport_get_center       (ParcoursViewport *self,
                                                      double           *x,
                                                      double           *y);
void              parcours_viewport_center_on        (ParcoursViewport *self,
                                                      double            zoom,
                                                      double            x,
                                                      double            y);

G_END_DECLS
