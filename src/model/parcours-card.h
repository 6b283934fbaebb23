/* parcours-card.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-element.h"
#include "parcours-enums.h"
#include "parcours-enum-types.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_CARD (parcours_card_get_type())

G_DECLARE_FINAL_TYPE (ParcoursCard, parcours_card, PARCOURS, CARD, ParcoursElement)

/* The most dot votes one card holds: more than any workshop gives. */
#define PARCOURS_CARD_MAX_VOTES 999

ParcoursCard      *parcours_card_new            (const char        *id,
                                                 const char        *lane_id,
                                                 const char        *stage_id,
                                                 const char        *text);
const char        *parcours_card_get_lane_id    (ParcoursCard      *self);
void               parcours_card_set_lane_id    (ParcoursCard      *self,
                                                 const char        *lane_id);
const char        *parcours_card_get_stage_id   (ParcoursCard      *self);
void               parcours_card_set_stage_id   (ParcoursCard      *self,
                                                 const char        *stage_id);
const char        *parcours_card_get_text       (ParcoursCard      *self);
void               parcours_card_set_text       (ParcoursCard      *self,
                                                 const char        *text);
const char        *parcours_card_get_details    (ParcoursCard      *self);
void               parcours_card_set_details    (ParcoursCard      *self,
                                                 const char        *details);
ParcoursChannel    parcours_card_get_channel    (ParcoursCard      *self);
void               parcours_card_set_channel    (ParcoursCard      *self,
                                                 ParcoursChannel    channel);
ParcoursSentiment  parcours_card_get_sentiment  (ParcoursCard      *self);
void               parcours_card_set_sentiment  (ParcoursCard      *self,
                                                 ParcoursSentiment  sentiment);
const char        *parcours_card_get_color      (ParcoursCard      *self);
void               parcours_card_set_color      (ParcoursCard      *self,
                                                 const char        *color);
gboolean           parcours_card_get_key_moment (ParcoursCard      *self);
void               parcours_card_set_key_moment (ParcoursCard      *self,
                                                 gboolean           key_moment);
const char        *parcours_card_get_kpi        (ParcoursCard      *self);
void               parcours_card_set_kpi        (ParcoursCard      *self,
                                                 const char        *kpi);
guint              parcours_card_get_votes      (ParcoursCard      *self);
void               parcours_card_set_votes      (ParcoursCard      *self,
                                                 guint              votes);

G_END_DECLS
