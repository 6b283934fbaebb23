/* parcours-stage.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-element.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_STAGE (parcours_stage_get_type())

G_DECLARE_FINAL_TYPE (ParcoursStage, parcours_stage, PARCOURS, STAGE, ParcoursElement)

#define PARCOURS_STAGE_MIN_WIDTH 0.25
#define PARCOURS_STAGE_MAX_WIDTH 8.0

ParcoursStage *parcours_stage_new             (const char    *id,
                                               const char    *name);
const char    *parcours_stage_get_name        (ParcoursStage *self);
void           parcours_stage_set_name        (ParcoursStage *self,
                                               const char    *name);
const char    *parcours_stage_get_description (ParcoursStage *self);
void           parcours_stage_set_description (ParcoursStage *self,
                                               const char    *description);
const char    *parcours_stage_get_color       (ParcoursStage *self);
void           parcours_stage_set_color       (ParcoursStage *self,
                                               const char    *color);
double         parcours_stage_get_width       (ParcoursStage *self);
void           parcours_stage_set_width       (ParcoursStage *self,
                                               double         width);

G_END_DECLS
