/* parcours-document.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-card.h"
#include "parcours-element.h"
#include "parcours-emotion-point.h"
#include "parcours-enums.h"
#include "parcours-lane.h"
#include "parcours-persona.h"
#include "parcours-stage.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_DOCUMENT (parcours_document_get_type())

G_DECLARE_FINAL_TYPE (ParcoursDocument, parcours_document, PARCOURS, DOCUMENT, GObject)

ParcoursDocument   *parcours_document_new                 (void);
const char         *parcours_document_get_title           (ParcoursDocument   *self);
void                parcours_document_set_title           (ParcoursDocument   *self,
                                                           const char         *title);
const char         *parcours_document_get_description     (ParcoursDocument   *self);
void                parcours_document_set_description     (ParcoursDocument   *self,
                                                           const char         *description);
ParcoursMapKind     parcours_document_get_kind            (ParcoursDocument   *self);
void                parcours_document_set_kind            (ParcoursDocument   *self,
                                                           ParcoursMapKind     kind);
const char * const *parcours_document_get_goals           (ParcoursDocument   *self);
void                parcours_document_set_goals           (ParcoursDocument   *self,
                                                           const char * const *goals);
const char         *parcours_document_get_unknown_json    (ParcoursDocument   *self);
void                parcours_document_set_unknown_json    (ParcoursDocument   *self,
                                                           const char         *json);
GListModel         *parcours_document_get_collection      (ParcoursDocument   *self,
                                                           ParcoursCollection  collection);
GListModel         *parcours_document_get_personas        (ParcoursDocument   *self);
GListModel         *parcours_document_get_stages          (ParcoursDocument   *self);
GListModel         *parcours_document_get_lanes           (ParcoursDocument   *self);
GListModel         *parcours_document_get_cards           (ParcoursDocument   *self);
GListModel         *parcours_document_get_emotion_points  (ParcoursDocument   *self);
ParcoursElement    *parcours_document_lookup              (ParcoursDocument   *self,
                                                           const char         *id);
ParcoursPersona    *parcours_document_lookup_persona      (ParcoursDocument   *self,
                                                           const char         *id);
ParcoursStage      *parcours_document_lookup_stage        (ParcoursDocument   *self,
                                                           const char         *id);
ParcoursLane       *parcours_document_lookup_lane         (ParcoursDocument   *self,
                                                           const char         *id);
ParcoursCard       *parcours_document_lookup_card         (ParcoursDocument   *self,
                                                           const char         *id);
gboolean            parcours_document_find_position       (ParcoursDocument   *self,
                                                           ParcoursElement    *element,
                                                           guint              *position);
GPtrArray          *parcours_document_get_cell_cards      (ParcoursDocument   *self,
                                                           const char         *lane_id,
                                                           const char         *stage_id);
GPtrArray          *parcours_document_get_dependents      (ParcoursDocument   *self,
                                                           ParcoursElement    *element);
char               *parcours_document_make_id             (ParcoursDocument   *self,
                                                           GType               element_type);
guint               parcours_document_count_votes         (ParcoursDocument   *self);

ParcoursCollection  parcours_collection_for_type          (GType               element_type);
const char         *parcours_collection_get_name          (ParcoursCollection  collection);

G_END_DECLS
