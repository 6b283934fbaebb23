/* parcours-workshop-timer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Microseconds on a monotonic clock, as g_get_monotonic_time() gives. */
typedef gint64 (*ParcoursClockFunc) (gpointer user_data);

#define PARCOURS_TYPE_WORKSHOP_TIMER (parcours_workshop_timer_get_type())

G_DECLARE_FINAL_TYPE (ParcoursWorkshopTimer, parcours_workshop_timer, PARCOURS, WORKSHOP_TIMER, GObject)

ParcoursWorkshopTimer *parcours_workshop_timer_new                   (void);
void                   parcours_workshop_timer_start                 (ParcoursWorkshopTimer *self,
                                                                      guint                  seconds);
void                   parcours_workshop_timer_add                   (ParcoursWorkshopTimer *self,
                                                                      guint                  seconds);
void                   parcours_workshop_timer_set_paused            (ParcoursWorkshopTimer *self,
                                                                      gboolean               paused);
void                   parcours_workshop_timer_stop                  (ParcoursWorkshopTimer *self);
gboolean               parcours_workshop_timer_get_active            (ParcoursWorkshopTimer *self);
gboolean               parcours_workshop_timer_get_paused            (ParcoursWorkshopTimer *self);
guint                  parcours_workshop_timer_get_remaining_seconds (ParcoursWorkshopTimer *self);
void                   parcours_workshop_timer_update                (ParcoursWorkshopTimer *self);
void                   parcours_workshop_timer_set_clock             (ParcoursWorkshopTimer *self,
                                                                      ParcoursClockFunc      clock,
                                                                      gpointer               user_data);

char                  *parcours_workshop_timer_format                (guint                  seconds);
char                  *parcours_workshop_timer_describe              (guint                  seconds,
                                                                      gboolean               paused);

G_END_DECLS
