/* parcours-persona.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-element.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_PERSONA (parcours_persona_get_type())

G_DECLARE_FINAL_TYPE (ParcoursPersona, parcours_persona, PARCOURS, PERSONA, ParcoursElement)

#define PARCOURS_PERSONA_MAX_PHOTO_SIZE (2 * 1024 * 1024)
/* A photo no side of which is longer, and with no more pixels, than these:
 * a small file can announce a huge image that would take gigabytes to
 * decode. */
#define PARCOURS_PERSONA_MAX_PHOTO_SIDE   8192
#define PARCOURS_PERSONA_MAX_PHOTO_PIXELS (4096 * 4096)

ParcoursPersona    *parcours_persona_new                 (const char         *id,
                                                          const char         *name);
const char         *parcours_persona_get_name            (ParcoursPersona    *self);
void                parcours_persona_set_name            (ParcoursPersona    *self,
                                                          const char         *name);
const char         *parcours_persona_get_role            (ParcoursPersona    *self);
void                parcours_persona_set_role            (ParcoursPersona    *self,
                                                          const char         *role);
const char * const *parcours_persona_get_goals           (ParcoursPersona    *self);
void                parcours_persona_set_goals           (ParcoursPersona    *self,
                                                          const char * const *goals);
const char * const *parcours_persona_get_needs           (ParcoursPersona    *self);
void                parcours_persona_set_needs           (ParcoursPersona    *self,
                                                          const char * const *needs);
const char * const *parcours_persona_get_frustrations    (ParcoursPersona    *self);
void                parcours_persona_set_frustrations    (ParcoursPersona    *self,
                                                          const char * const *frustrations);
const char         *parcours_persona_get_color           (ParcoursPersona    *self);
void                parcours_persona_set_color           (ParcoursPersona    *self,
                                                          const char         *color);
GBytes             *parcours_persona_get_photo           (ParcoursPersona    *self);
void                parcours_persona_set_photo           (ParcoursPersona    *self,
                                                          GBytes             *photo);
const char         *parcours_persona_get_photo_mime_type (ParcoursPersona    *self);
gboolean            parcours_persona_photo_is_supported  (GBytes             *bytes,
                                                          const char        **mime_type);

G_END_DECLS
