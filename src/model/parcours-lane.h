/* parcours-lane.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-element.h"
#include "parcours-enums.h"
#include "parcours-enum-types.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_LANE (parcours_lane_get_type())

G_DECLARE_FINAL_TYPE (ParcoursLane, parcours_lane, PARCOURS, LANE, ParcoursElement)

#define PARCOURS_LANE_MIN_HEIGHT 0.25
#define PARCOURS_LANE_MAX_HEIGHT 8.0

ParcoursLane     *parcours_lane_new            (const char       *id,
                                                ParcoursLaneKind  kind,
                                                const char       *name);
const char       *parcours_lane_get_name       (ParcoursLane     *self);
void              parcours_lane_set_name       (ParcoursLane     *self,
                                                const char       *name);
ParcoursLaneKind  parcours_lane_get_kind       (ParcoursLane     *self);
void              parcours_lane_set_kind       (ParcoursLane     *self,
                                                ParcoursLaneKind  kind);
const char       *parcours_lane_get_persona_id (ParcoursLane     *self);
void              parcours_lane_set_persona_id (ParcoursLane     *self,
                                                const char       *persona_id);
double            parcours_lane_get_height     (ParcoursLane     *self);
void              parcours_lane_set_height     (ParcoursLane     *self,
                                                double            height);
gboolean          parcours_lane_get_collapsed  (ParcoursLane     *self);
void              parcours_lane_set_collapsed  (ParcoursLane     *self,
                                                gboolean          collapsed);

G_END_DECLS
