/* parcours-workshop-timer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-workshop-timer.h"

/* A countdown for a round of a workshop: window state, never in the
 * document. The time left is read from a monotonic clock against a
 * deadline, never counted in ticks, so a busy main loop or a suspended
 * laptop does not stretch it; a timeout only looks at the clock a few
 * times a second to say when the shown second changes, and when time
 * is up ("finished"). */

/* How often the clock is read while running. */
#define POLL_MSEC 200

struct _ParcoursWorkshopTimer
{
  GObject parent_instance;

  ParcoursClockFunc clock;
  gpointer clock_data;

  gint64 deadline;              /* on the clock, while running */
  gint64 left_when_paused;      /* microseconds, while paused */
  guint remaining_seconds;      /* as last notified */
  guint poll_source;
  guint active : 1;
  guint paused : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursWorkshopTimer, parcours_workshop_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_PAUSED,
  PROP_REMAINING_SECONDS,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (ParcoursWorkshopTimer *self)
{
  return self->clock (self->clock_data);
}

/* Microseconds left, never below 0. */
static gint64
time_left (ParcoursWorkshopTimer *self)
{
  if (!self->active)
    return 0;
  if (self->paused)
    return self->left_when_paused;

  return MAX (self->deadline - now (self), 0);
}

static void
set_remaining_seconds (ParcoursWorkshopTimer *self,
                       guint                  seconds)
{
  if (self->remaining_seconds == seconds)
    return;

  self->remaining_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_SECONDS]);
}

static gboolean poll_cb (gpointer user_data);

static void
update_polling (ParcoursWorkshopTimer *self)
{
  gboolean wanted = self->active && !self->paused;

  if (wanted && self->poll_source == 0)
    self->poll_source = g_timeout_add (POLL_MSEC, poll_cb, self);
  else if (!wanted)
    g_clear_handle_id (&self->poll_source, g_source_remove);
}

static void
set_state (ParcoursWorkshopTimer *self,
           gboolean               active,
           gboolean               paused)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->active != !!active)
    {
      self->active = !!active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
  if (self->paused != !!paused)
    {
      self->paused = !!paused;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  update_polling (self);
}

/**
 * parcours_workshop_timer_update:
 *
 * Reads the clock: says when the second shown changes, and ends the
 * countdown when time is up. Called a few times a second while running.
 */
void
parcours_workshop_timer_update (ParcoursWorkshopTimer *self)
{
  gint64 left;

  g_return_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self));

  left = time_left (self);
  /* 4:59.2 shows as 5:00, as countdowns do: 0:00 is the end. */
  set_remaining_seconds (self, (guint) MIN ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, G_MAXUINT));

  if (self->active && !self->paused && left == 0)
    {
      set_state (self, FALSE, FALSE);
      g_signal_emit (self, signals[FINISHED], 0);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  ParcoursWorkshopTimer *self = user_data;

  g_object_ref (self);
  parcours_workshop_timer_update (self);
  g_object_unref (self);

  return G_SOURCE_CONTINUE;
}

static void
parcours_workshop_timer_dispose (GObject *object)
{
  ParcoursWorkshopTimer *self = PARCOURS_WORKSHOP_TIMER (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);

  G_OBJECT_CLASS (parcours_workshop_timer_parent_class)->dispose (object);
}

static void
parcours_workshop_timer_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ParcoursWorkshopTimer *self = PARCOURS_WORKSHOP_TIMER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;

    case PROP_REMAINING_SECONDS:
      g_value_set_uint (value, self->remaining_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_workshop_timer_class_init (ParcoursWorkshopTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = parcours_workshop_timer_dispose;
  object_class->get_property = parcours_workshop_timer_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParcoursWorkshopTimer::finished:
   *
   * Time is up; the timer is no longer active.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
parcours_workshop_timer_init (ParcoursWorkshopTimer *self)
{
  self->clock = monotonic_clock;
}

ParcoursWorkshopTimer *
parcours_workshop_timer_new (void)
{
  return g_object_new (PARCOURS_TYPE_WORKSHOP_TIMER, NULL);
}

/* Starts a countdown of @seconds (over any under way). */
void
parcours_workshop_timer_start (ParcoursWorkshopTimer *self,
                               guint                  seconds)
{
  g_return_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self));
  g_return_if_fail (seconds > 0);

  self->deadline = now (self) + (gint64) seconds * G_USEC_PER_SEC;
  set_state (self, TRUE, FALSE);
  parcours_workshop_timer_update (self);
}

/* Gives the round @seconds more, paused or not. */
void
parcours_workshop_timer_add (ParcoursWorkshopTimer *self,
                             guint                  seconds)
{
  g_return_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self));

  if (!self->active)
    return;

  if (self->paused)
    self->left_when_paused += (gint64) seconds * G_USEC_PER_SEC;
  else
    self->deadline = MAX (self->deadline, now (self)) + (gint64) seconds * G_USEC_PER_SEC;
  parcours_workshop_timer_update (self);
}

void
parcours_workshop_timer_set_paused (ParcoursWorkshopTimer *self,
                                    gboolean               paused)
{
  g_return_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self));

  if (!self->active || self->paused == !!paused)
    return;

  if (paused)
    self->left_when_paused = time_left (self);
  else
    self->deadline = now (self) + self->left_when_paused;
  set_state (self, TRUE, paused);
  parcours_workshop_timer_update (self);
}

/* Ends the countdown without "finished". */
void
parcours_workshop_timer_stop (ParcoursWorkshopTimer *self)
{
  g_return_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self));

  set_state (self, FALSE, FALSE);
  set_remaining_seconds (self, 0);
}

gboolean
parcours_workshop_timer_get_active (ParcoursWorkshopTimer *self)
{
  g_return_val_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self), FALSE);

  return self->active;
}

gboolean
parcours_workshop_timer_get_paused (ParcoursWorkshopTimer *self)
{
  g_return_val_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self), FALSE);

  return self->paused;
}

/* The whole seconds left, rounded up, as last read from the clock. */
guint
parcours_workshop_timer_get_remaining_seconds (ParcoursWorkshopTimer *self)
{
  g_return_val_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self), 0);

  return self->remaining_seconds;
}

/**
 * parcours_workshop_timer_set_clock:
 * @clock: (nullable): the clock to read, %NULL for g_get_monotonic_time()
 *
 * For tests: a clock they move by hand. A countdown under way keeps its
 * time left.
 */
void
parcours_workshop_timer_set_clock (ParcoursWorkshopTimer *self,
                                   ParcoursClockFunc      clock,
                                   gpointer               user_data)
{
  gint64 left;

  g_return_if_fail (PARCOURS_IS_WORKSHOP_TIMER (self));

  left = time_left (self);
  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  self->deadline = now (self) + left;
}

/* The time left as a countdown shows it: "4:05", "1:02:03". */
char *
parcours_workshop_timer_format (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

/* The time left in words, for screen readers. */
char *
parcours_workshop_timer_describe (guint    seconds,
                                  gboolean paused)
{
  guint minutes = seconds / 60;
  g_autofree char *left = NULL;

  seconds %= 60;
  if (minutes > 0 && seconds > 0)
    {
      g_autofree char *m = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
      g_autofree char *s = g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);

      /* Translators: minutes and seconds a timer has left, e.g. "4 minutes and 5 seconds" */
      left = g_strdup_printf (_("%s and %s"), m, s);
    }
  else if (minutes > 0)
    left = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
  else
    left = g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);

  if (paused)
    /* Translators: %s is the time left, e.g. "4 minutes and 5 seconds" */
    return g_strdup_printf (_("Workshop timer, paused, %s left"), left);

  /* Translators: %s is the time left, e.g. "4 minutes and 5 seconds" */
  return g_strdup_printf (_("Workshop timer, %s left"), left);
}
