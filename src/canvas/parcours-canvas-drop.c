/* parcours-canvas-drop.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-canvas-private.h"
#include "parcours-palette.h"

/* The canvas as the palette's drop target: while an item is over the
 * map a marker shows the cell and the place among its cards where the
 * card would land; the drop makes it there (one undo step) and opens its
 * text for typing. Outside the grid nothing happens. */

static gboolean
item_of (GtkDropTarget    *target,
         const GValue     *value,
         ParcoursLaneKind *kind,
         ParcoursChannel  *channel)
{
  if (value == NULL || !G_VALUE_HOLDS_STRING (value))
    return FALSE;
  return parcours_palette_decode_item (g_value_get_string (value), kind, channel);
}

static GdkDragAction
drop_motion_cb (ParcoursCanvas *self,
                double          x,
                double          y,
                GtkDropTarget  *target)
{
  ParcoursLaneKind kind;
  ParcoursChannel channel;
  double lx, ly;

  if (self->interaction == NULL || !item_of (target, gtk_drop_target_get_value (target), &kind, &channel))
    return 0;

  _parcours_canvas_ensure_layout (self);
  parcours_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  parcours_interaction_palette_hover (self->interaction, kind, lx, ly);
  return parcours_interaction_get_palette_drop (self->interaction, NULL) ? GDK_ACTION_COPY : 0;
}

static void
drop_leave_cb (ParcoursCanvas *self,
               GtkDropTarget  *target)
{
  if (self->interaction != NULL)
    parcours_interaction_palette_leave (self->interaction);
}

static gboolean
drop_cb (ParcoursCanvas *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  ParcoursLaneKind kind;
  ParcoursChannel channel;

  if (self->interaction == NULL || !item_of (target, value, &kind, &channel))
    return FALSE;

  return parcours_canvas_add_from_palette (self, kind, channel, x, y);
}

void
_parcours_canvas_init_drop (ParcoursCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  /* The value is read during the drag, for the marker. */
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * parcours_canvas_add_from_palette:
 * @kind: the kind of card
 * @channel: its channel
 * @widget_x: where it was dropped, or NAN for the focused cell
 * @widget_y: where it was dropped
 *
 * Makes a card from a palette item and edits its text in place.
 *
 * Returns: whether a card was made
 */
gboolean
parcours_canvas_add_from_palette (ParcoursCanvas   *self,
                                  ParcoursLaneKind  kind,
                                  ParcoursChannel   channel,
                                  double            widget_x,
                                  double            widget_y)
{
  double lx = NAN, ly = NAN;

  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), FALSE);

  if (self->interaction == NULL)
    return FALSE;

  parcours_canvas_commit_edit (self);
  _parcours_canvas_ensure_layout (self);
  if (!isnan (widget_x))
    parcours_viewport_to_layout (self->viewport, widget_x, widget_y, &lx, &ly);

  return parcours_interaction_add_from_palette (self->interaction, kind, channel, lx, ly) != NULL;
}
