/* parcours-emotion-point.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-element.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_EMOTION_POINT (parcours_emotion_point_get_type())

G_DECLARE_FINAL_TYPE (ParcoursEmotionPoint, parcours_emotion_point, PARCOURS, EMOTION_POINT, ParcoursElement)

/* The five levels of an emotion, from very negative to very positive. */
#define PARCOURS_EMOTION_MIN_LEVEL (-2)
#define PARCOURS_EMOTION_MAX_LEVEL 2

ParcoursEmotionPoint *parcours_emotion_point_new          (const char           *id,
                                                           const char           *lane_id,
                                                           const char           *stage_id,
                                                           double                offset,
                                                           double                value);
const char           *parcours_emotion_point_get_lane_id  (ParcoursEmotionPoint *self);
void                  parcours_emotion_point_set_lane_id  (ParcoursEmotionPoint *self,
                                                           const char           *lane_id);
const char           *parcours_emotion_point_get_stage_id (ParcoursEmotionPoint *self);
void                  parcours_emotion_point_set_stage_id (ParcoursEmotionPoint *self,
                                                           const char           *stage_id);
double                parcours_emotion_point_get_offset   (ParcoursEmotionPoint *self);
void                  parcours_emotion_point_set_offset   (ParcoursEmotionPoint *self,
                                                           double                offset);
double                parcours_emotion_point_get_value    (ParcoursEmotionPoint *self);
void                  parcours_emotion_point_set_value    (ParcoursEmotionPoint *self,
                                                           double                value);
const char           *parcours_emotion_point_get_label    (ParcoursEmotionPoint *self);
void                  parcours_emotion_point_set_label    (ParcoursEmotionPoint *self,
                                                           const char           *label);
int                   parcours_emotion_point_get_level    (ParcoursEmotionPoint *self);
double                parcours_emotion_level_to_value     (int                   level);

G_END_DECLS
