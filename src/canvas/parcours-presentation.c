/* parcours-presentation.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-presentation.h"

/* Whether the map is being presented, and which stage is shown: view
 * state, like the viewport and the selection, never in the document.
 * The canvas keeps the number of stages up to date, zooms to the stage
 * and dims the others; the window goes full screen and steps through
 * the stages. The steps run from the overview (the whole map) to the
 * last stage and stop at both ends. */

struct _ParcoursPresentation
{
  GObject parent_instance;

  int stage;
  guint n_stages;
  guint active : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursPresentation, parcours_presentation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_STAGE,
  PROP_N_STAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parcours_presentation_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ParcoursPresentation *self = PARCOURS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;

    case PROP_N_STAGES:
      g_value_set_uint (value, self->n_stages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_presentation_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ParcoursPresentation *self = PARCOURS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      parcours_presentation_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_STAGE:
      parcours_presentation_set_stage (self, g_value_get_int (value));
      break;

    case PROP_N_STAGES:
      parcours_presentation_set_n_stages (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_presentation_class_init (ParcoursPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = parcours_presentation_get_property;
  object_class->set_property = parcours_presentation_set_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, PARCOURS_PRESENTATION_OVERVIEW, G_MAXINT,
                      PARCOURS_PRESENTATION_OVERVIEW,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_STAGES] =
    g_param_spec_uint ("n-stages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_presentation_init (ParcoursPresentation *self)
{
  self->stage = PARCOURS_PRESENTATION_OVERVIEW;
}

ParcoursPresentation *
parcours_presentation_new (void)
{
  return g_object_new (PARCOURS_TYPE_PRESENTATION, NULL);
}

gboolean
parcours_presentation_get_active (ParcoursPresentation *self)
{
  g_return_val_if_fail (PARCOURS_IS_PRESENTATION (self), FALSE);

  return self->active;
}

/**
 * parcours_presentation_set_active:
 *
 * Starts or ends presenting; a presentation starts on the overview.
 */
void
parcours_presentation_set_active (ParcoursPresentation *self,
                                  gboolean              active)
{
  g_return_if_fail (PARCOURS_IS_PRESENTATION (self));

  active = !!active;
  if (self->active == active)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->active = active;
  parcours_presentation_set_stage (self, PARCOURS_PRESENTATION_OVERVIEW);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_thaw_notify (G_OBJECT (self));
}

int
parcours_presentation_get_stage (ParcoursPresentation *self)
{
  g_return_val_if_fail (PARCOURS_IS_PRESENTATION (self), PARCOURS_PRESENTATION_OVERVIEW);

  return self->stage;
}

/**
 * parcours_presentation_set_stage:
 * @stage: the index of the stage to show, or
 *   %PARCOURS_PRESENTATION_OVERVIEW; clamped to the stages there are
 */
void
parcours_presentation_set_stage (ParcoursPresentation *self,
                                 int                   stage)
{
  g_return_if_fail (PARCOURS_IS_PRESENTATION (self));

  stage = CLAMP (stage, PARCOURS_PRESENTATION_OVERVIEW, (int) MIN (self->n_stages, G_MAXINT) - 1);
  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

guint
parcours_presentation_get_n_stages (ParcoursPresentation *self)
{
  g_return_val_if_fail (PARCOURS_IS_PRESENTATION (self), 0);

  return self->n_stages;
}

/* The number of stages of the map shown: a stage removed while shown
 * moves the presentation to the one before. */
void
parcours_presentation_set_n_stages (ParcoursPresentation *self,
                                    guint                 n_stages)
{
  g_return_if_fail (PARCOURS_IS_PRESENTATION (self));

  if (self->n_stages == n_stages)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->n_stages = n_stages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STAGES]);
  parcours_presentation_set_stage (self, self->stage);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Moves by @delta stages: 1 for the next, -1 for the previous. */
void
parcours_presentation_step (ParcoursPresentation *self,
                            int                   delta)
{
  g_return_if_fail (PARCOURS_IS_PRESENTATION (self));

  parcours_presentation_set_stage (self, (int) CLAMP ((gint64) self->stage + delta,
                                                      PARCOURS_PRESENTATION_OVERVIEW, G_MAXINT));
}

void
parcours_presentation_show_overview (ParcoursPresentation *self)
{
  g_return_if_fail (PARCOURS_IS_PRESENTATION (self));

  parcours_presentation_set_stage (self, PARCOURS_PRESENTATION_OVERVIEW);
}

void
parcours_presentation_show_last (ParcoursPresentation *self)
{
  g_return_if_fail (PARCOURS_IS_PRESENTATION (self));

  parcours_presentation_set_stage (self, G_MAXINT);
}
