/* parcours-presentation.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The stage shown while presenting: -1 is the overview of the whole map. */
#define PARCOURS_PRESENTATION_OVERVIEW (-1)

#define PARCOURS_TYPE_PRESENTATION (parcours_presentation_get_type())

G_DECLARE_FINAL_TYPE (ParcoursPresentation, parcours_presentation, PARCOURS, PRESENTATION, GObject)

ParcoursPresentation *parcours_presentation_new           (void);
gboolean              parcours_presentation_get_active    (ParcoursPresentation *self);
void                  parcours_presentation_set_active    (ParcoursPresentation *self,
                                                           gboolean              active);
int                   parcours_presentation_get_stage     (ParcoursPresentation *self);
void                  parcours_presentation_set_stage     (ParcoursPresentation *self,
                                                           int                   stage);
guint                 parcours_presentation_get_n_stages  (ParcoursPresentation *self);
void                  parcours_presentation_set_n_stages  (ParcoursPresentation *self,
                                                           guint                 n_stages);
void                  parcours_presentation_step          (ParcoursPresentation *self,
                                                           int                   delta);
void                  parcours_presentation_show_overview (ParcoursPresentation *self);
void                  parcours_presentation_show_last     (ParcoursPresentation *self);

G_END_DECLS
