/* parcours-interaction-headers.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-interaction-private.h"

/* Gestures on the map's structure: drag a stage header sideways or a lane
 * header up or down to reorder them (nothing changes until the drop, a
 * marker shows where it would go), drag a stage's right border in its
 * header to change its width (live, inside a history group that Escape
 * cancels), double-click the border to give the stage its default width
 * back, click the "+" after the last stage to add one. Each is one undo
 * step. */

#define ADD_BUTTON_SIZE 24.0

/* How close to a stage's right edge, in layout units, grabs the border. */
static double
border_reach (ParcoursInteraction *self)
{
  return MAX (self->drag_threshold * 0.75, 4);
}

/**
 * parcours_interaction_get_border_at:
 * @x: layout x
 * @y: layout y
 *
 * Returns: (transfer none) (nullable): the stage whose right border in
 *   the header row is under (@x, @y)
 */
ParcoursStage *
parcours_interaction_get_border_at (ParcoursInteraction *self,
                                    double               x,
                                    double               y)
{
  guint n_stages;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  if (self->layout == NULL)
    return NULL;

  n_stages = parcours_layout_get_n_stages (self->layout);
  for (guint s = 0; s < n_stages; s++)
    {
      const ParcoursStageBox *box = parcours_layout_get_stage (self->layout, s);
      double edge = box->column.x + box->column.width;

      if (y >= box->header.y && y <= box->header.y + box->header.height && fabs (x - edge) <= border_reach (self))
        return box->stage;
    }

  return NULL;
}

/**
 * parcours_interaction_get_add_stage_button:
 * @rect: (out): where the "+" that adds a stage at the end is
 *
 * The "+" sits just right of the last stage's header.
 *
 * Returns: whether there is one (a layout to put it in)
 */
gboolean
parcours_interaction_get_add_stage_button (ParcoursInteraction *self,
                                           ParcoursRect        *rect)
{
  ParcoursRect grid;
  double y, height;
  guint n_stages;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (self->layout == NULL)
    return FALSE;

  grid = parcours_layout_get_grid_rect (self->layout);
  n_stages = parcours_layout_get_n_stages (self->layout);
  if (n_stages > 0)
    {
      const ParcoursStageBox *last = parcours_layout_get_stage (self->layout, n_stages - 1);

      y = last->header.y;
      height = last->header.height;
    }
  else
    {
      y = grid.y;
      height = ADD_BUTTON_SIZE;
    }

  *rect = (ParcoursRect) { grid.x + grid.width + 4, y + (height - ADD_BUTTON_SIZE) / 2,
                           ADD_BUTTON_SIZE, ADD_BUTTON_SIZE };
  return TRUE;
}

/**
 * parcours_interaction_get_add_lane_button:
 * @rect: (out): where the "+" that adds a lane at the end is
 *
 * The "+" sits just below the last lane's header, in the gap above the
 * legend; the view opens the lane kinds there.
 *
 * Returns: whether there is one
 */
gboolean
parcours_interaction_get_add_lane_button (ParcoursInteraction *self,
                                          ParcoursRect        *rect)
{
  ParcoursStyle *style;
  ParcoursRect grid;
  double size;

  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if (self->layout == NULL)
    return FALSE;

  style = parcours_layout_get_style (self->layout);
  grid = parcours_layout_get_grid_rect (self->layout);
  size = MIN (ADD_BUTTON_SIZE, style->gap * 1.5 - 4);
  *rect = (ParcoursRect) { grid.x + style->cell_padding, grid.y + grid.height + 2, size, size };
  return TRUE;
}

gboolean
_parcours_interaction_on_add_lane_button (ParcoursInteraction *self,
                                          double               x,
                                          double               y)
{
  ParcoursRect r;

  return parcours_interaction_get_add_lane_button (self, &r) &&
         x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

static gboolean
on_add_stage_button (ParcoursInteraction *self,
                     double               x,
                     double               y)
{
  ParcoursRect r;

  return parcours_interaction_get_add_stage_button (self, &r) &&
         x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

/* A press on a header or a border: TRUE when it starts one of these
 * gestures (or a double click on a border reset the width). */
gboolean
_parcours_interaction_press_header (ParcoursInteraction *self,
                                    double               x,
                                    double               y,
                                    int                  n_press,
                                    ParcoursElement     *hit)
{
  ParcoursStage *border;

  if (self->press_modifiers & (PARCOURS_MODIFIER_SHIFT | PARCOURS_MODIFIER_CONTROL))
    return FALSE;

  if (hit == NULL && on_add_stage_button (self, x, y))
    {
      if (n_press == 1)
        parcours_interaction_insert_stage (self, NULL, TRUE);
      return TRUE;
    }

  border = parcours_interaction_get_border_at (self, x, y);
  if (border != NULL && n_press >= 2)
    {
      if (parcours_stage_get_width (border) != 1.0)
        {
          parcours_history_seal (self->history);
          parcours_history_set (self->history, border, _("Resize Stage"), "width", 1.0, NULL);
          parcours_history_seal (self->history);
        }
      return TRUE;
    }
  if (border != NULL)
    {
      g_set_object (&self->resizing_stage, border);
      self->state = PARCOURS_INTERACTION_PRESSED_BORDER;
      return TRUE;
    }

  if (n_press == 1 && (PARCOURS_IS_STAGE (hit) || PARCOURS_IS_LANE (hit)))
    {
      _parcours_interaction_focus (self, hit, TRUE);
      self->state = PARCOURS_INTERACTION_PRESSED_HEADER;
      return TRUE;
    }

  return FALSE;
}

/* Where a dragged stage (or lane) would go: the slot between columns (or
 * rows) nearest the pointer. */
static void
update_header_drop (ParcoursInteraction *self,
                    double               x,
                    double               y)
{
  ParcoursRect grid = parcours_layout_get_grid_rect (self->layout);
  gboolean stages = PARCOURS_IS_STAGE (self->pressed);
  guint n = stages ? parcours_layout_get_n_stages (self->layout) : parcours_layout_get_n_lanes (self->layout);
  int from = parcours_layout_find (self->layout, self->pressed);
  guint slot = n;
  double edge = 0;

  self->has_header_drop = FALSE;
  if (from < 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      ParcoursRect r = stages ? parcours_layout_get_stage (self->layout, i)->column
                              : parcours_layout_get_lane (self->layout, i)->header;
      double start = stages ? r.x : r.y;
      double length = stages ? r.width : r.height;

      if ((stages ? x : y) < start + length / 2)
        {
          slot = i;
          edge = start;
          break;
        }
      edge = start + length;
    }

  self->header_drop_index = slot > (guint) from ? slot - 1 : slot;
  if (stages)
    self->header_marker = (ParcoursRect) { edge - 1.5, grid.y, 3, grid.height };
  else
    self->header_marker = (ParcoursRect) { grid.x, edge - 1.5, grid.width, 3 };
  self->has_header_drop = self->header_drop_index != (guint) from;
}

/* The stage's width factor with its right border at @x. */
static double
width_at (ParcoursInteraction *self,
          double               x)
{
  ParcoursStyle *style = parcours_layout_get_style (self->layout);
  int index = parcours_layout_find (self->layout, PARCOURS_ELEMENT (self->resizing_stage));
  const ParcoursStageBox *box;
  double width;

  if (index < 0)
    return parcours_stage_get_width (self->resizing_stage);

  box = parcours_layout_get_stage (self->layout, index);
  width = (x - box->column.x) / style->stage_width;
  width = round (width * 100) / 100;
  return CLAMP (width, PARCOURS_INTERACTION_MIN_STAGE_WIDTH, PARCOURS_STAGE_MAX_WIDTH);
}

/* Motion in one of the header states; TRUE when it was one. */
gboolean
_parcours_interaction_header_motion (ParcoursInteraction *self,
                                     double               x,
                                     double               y)
{
  double dx = x - self->press_x, dy = y - self->press_y;

  switch ((int) self->state)
    {
    case PARCOURS_INTERACTION_PRESSED_HEADER:
      if (sqrt (dx * dx + dy * dy) <= self->drag_threshold)
        return TRUE;
      self->state = PARCOURS_IS_STAGE (self->pressed) ? PARCOURS_INTERACTION_MOVING_STAGE
                                                      : PARCOURS_INTERACTION_MOVING_LANE;
      G_GNUC_FALLTHROUGH;
    case PARCOURS_INTERACTION_MOVING_STAGE:
    case PARCOURS_INTERACTION_MOVING_LANE:
      update_header_drop (self, x, y);
      break;

    case PARCOURS_INTERACTION_PRESSED_BORDER:
      if (fabs (dx) <= self->drag_threshold / 4)
        return TRUE;
      self->state = PARCOURS_INTERACTION_RESIZING_STAGE;
      parcours_history_begin_group (self->history, _("Resize Stage"));
      G_GNUC_FALLTHROUGH;
    case PARCOURS_INTERACTION_RESIZING_STAGE:
      parcours_history_set (self->history, self->resizing_stage, NULL, "width", width_at (self, x), NULL);
      break;

    default:
      return FALSE;
    }

  _parcours_interaction_changed (self);
  return TRUE;
}

/* A release in one of the header states: the drop. */
gboolean
_parcours_interaction_header_release (ParcoursInteraction *self,
                                      double               x,
                                      double               y)
{
  switch ((int) self->state)
    {
    case PARCOURS_INTERACTION_PRESSED_HEADER:
    case PARCOURS_INTERACTION_PRESSED_BORDER:
      return TRUE;

    case PARCOURS_INTERACTION_MOVING_STAGE:
    case PARCOURS_INTERACTION_MOVING_LANE:
      update_header_drop (self, x, y);
      if (self->has_header_drop)
        {
          ParcoursDocument *document = _parcours_interaction_get_document (self);
          GListModel *model = parcours_document_get_collection (document,
                                                                parcours_collection_for_type (G_OBJECT_TYPE (self->pressed)));
          ParcoursElement *at = PARCOURS_IS_STAGE (self->pressed)
                                  ? PARCOURS_ELEMENT (parcours_layout_get_stage (self->layout, self->header_drop_index)->stage)
                                  : PARCOURS_ELEMENT (parcours_layout_get_lane (self->layout, self->header_drop_index)->lane);
          guint position;

          /* Layout and document order agree; ask the document anyway. */
          if (parcours_document_find_position (document, at, &position) && position < g_list_model_get_n_items (model))
            parcours_interaction_move_header (self, self->pressed, position);
        }
      return TRUE;

    case PARCOURS_INTERACTION_RESIZING_STAGE:
      parcours_history_set (self->history, self->resizing_stage, NULL, "width", width_at (self, x), NULL);
      parcours_history_end_group (self->history);
      parcours_history_seal (self->history);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Escape or a broken grab: nothing stays changed. */
void
_parcours_interaction_header_cancel (ParcoursInteraction *self)
{
  if ((int) self->state == PARCOURS_INTERACTION_RESIZING_STAGE)
    parcours_history_cancel_group (self->history);
}

void
_parcours_interaction_header_reset (ParcoursInteraction *self)
{
  self->has_header_drop = FALSE;
  g_clear_object (&self->resizing_stage);
}

/**
 * parcours_interaction_get_header_drop:
 * @index: (out) (optional): where the stage or lane would go
 * @marker: (out) (optional): where to draw the marker
 *
 * Returns: whether a stage or lane being dragged would move now
 */
gboolean
parcours_interaction_get_header_drop (ParcoursInteraction *self,
                                      guint               *index,
                                      ParcoursRect        *marker)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), FALSE);

  if ((self->state != PARCOURS_INTERACTION_MOVING_STAGE && self->state != PARCOURS_INTERACTION_MOVING_LANE) ||
      !self->has_header_drop)
    return FALSE;

  if (index != NULL)
    *index = self->header_drop_index;
  if (marker != NULL)
    *marker = self->header_marker;
  return TRUE;
}

/**
 * parcours_interaction_get_moving_header:
 *
 * Returns: (transfer none) (nullable): the stage or lane being dragged
 */
ParcoursElement *
parcours_interaction_get_moving_header (ParcoursInteraction *self)
{
  g_return_val_if_fail (PARCOURS_IS_INTERACTION (self), NULL);

  if (self->state != PARCOURS_INTERACTION_MOVING_STAGE && self->state != PARCOURS_INTERACTION_MOVING_LANE)
    return NULL;
  return self->pressed;
}
