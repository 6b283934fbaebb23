/* parcours-personas.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-history.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_PERSONAS (parcours_personas_get_type())

G_DECLARE_FINAL_TYPE (ParcoursPersonas, parcours_personas, PARCOURS, PERSONAS, AdwBin)

/* A persona's photo is stored no larger than this a side: enough for the
 * card's disc on a slide or on paper, small enough for the file. */
#define PARCOURS_PERSONAS_PHOTO_SIDE 512

GtkWidget       *parcours_personas_new            (void);
void             parcours_personas_set_history    (ParcoursPersonas  *self,
                                                   ParcoursHistory   *history);
ParcoursPersona *parcours_personas_get_current    (ParcoursPersonas  *self);
void             parcours_personas_set_current    (ParcoursPersonas  *self,
                                                   ParcoursPersona   *persona);
ParcoursPersona *parcours_personas_add            (ParcoursPersonas  *self);
void             parcours_personas_remove_current (ParcoursPersonas  *self);
void             parcours_personas_move_current   (ParcoursPersonas  *self,
                                                   int                delta);
ParcoursLane    *parcours_personas_add_curve      (ParcoursPersonas  *self);
gboolean         parcours_personas_load_photo     (ParcoursPersonas  *self,
                                                   GFile             *file,
                                                   GError           **error);
void             parcours_personas_remove_photo   (ParcoursPersonas  *self);
GtkWidget       *parcours_personas_get_field      (ParcoursPersonas  *self,
                                                   const char        *property);

GBytes          *parcours_photo_from_bytes        (GBytes            *bytes,
                                                   GError           **error);

G_END_DECLS
