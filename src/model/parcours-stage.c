/* parcours-stage.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-color.h"
#include "parcours-element-private.h"
#include "parcours-stage.h"
#include "parcours-utils.h"

/* A column of the map: a phase of the journey (awareness, purchase, …) or
 * a time of day in a day-in-the-life map. */
struct _ParcoursStage
{
  ParcoursElement parent_instance;

  char *name;
  char *description;
  char *color;
  double width;
};

G_DEFINE_FINAL_TYPE (ParcoursStage, parcours_stage, PARCOURS_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_COLOR,
  PROP_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parcours_stage_finalize (GObject *object)
{
  ParcoursStage *self = (ParcoursStage *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (parcours_stage_parent_class)->finalize (object);
}

static void
parcours_stage_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ParcoursStage *self = PARCOURS_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_stage_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ParcoursStage *self = PARCOURS_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      parcours_stage_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      parcours_stage_set_description (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      parcours_stage_set_color (self, g_value_get_string (value));
      break;

    case PROP_WIDTH:
      parcours_stage_set_width (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_stage_class_init (ParcoursStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ParcoursElementClass *element_class = PARCOURS_ELEMENT_CLASS (klass);

  object_class->finalize = parcours_stage_finalize;
  object_class->get_property = parcours_stage_get_property;
  object_class->set_property = parcours_stage_set_property;

  element_class->id_prefix = "stage";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursStage:color:
   *
   * The stage's colour as `#rrggbb`, or %NULL for the theme's default.
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursStage:width:
   *
   * Width relative to a standard stage (1.0).
   */
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL,
                         PARCOURS_STAGE_MIN_WIDTH, PARCOURS_STAGE_MAX_WIDTH, 1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_stage_init (ParcoursStage *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->width = 1.0;
}

ParcoursStage *
parcours_stage_new (const char *id,
                    const char *name)
{
  return g_object_new (PARCOURS_TYPE_STAGE,
                       "id", id,
                       "name", name ? name : "",
                       NULL);
}

const char *
parcours_stage_get_name (ParcoursStage *self)
{
  g_return_val_if_fail (PARCOURS_IS_STAGE (self), NULL);

  return self->name;
}

void
parcours_stage_set_name (ParcoursStage *self,
                         const char    *name)
{
  g_return_if_fail (PARCOURS_IS_STAGE (self));

  if (parcours_set_str (&self->name, name ? name : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_NAME]);
}

const char *
parcours_stage_get_description (ParcoursStage *self)
{
  g_return_val_if_fail (PARCOURS_IS_STAGE (self), NULL);

  return self->description;
}

void
parcours_stage_set_description (ParcoursStage *self,
                                const char    *description)
{
  g_return_if_fail (PARCOURS_IS_STAGE (self));

  if (parcours_set_str (&self->description, description ? description : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_DESCRIPTION]);
}

const char *
parcours_stage_get_color (ParcoursStage *self)
{
  g_return_val_if_fail (PARCOURS_IS_STAGE (self), NULL);

  return self->color;
}

void
parcours_stage_set_color (ParcoursStage *self,
                          const char    *color)
{
  g_return_if_fail (PARCOURS_IS_STAGE (self));
  g_return_if_fail (color == NULL || parcours_color_is_valid (color));

  if (parcours_set_str (&self->color, color))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_COLOR]);
}

double
parcours_stage_get_width (ParcoursStage *self)
{
  g_return_val_if_fail (PARCOURS_IS_STAGE (self), 1.0);

  return self->width;
}

void
parcours_stage_set_width (ParcoursStage *self,
                          double         width)
{
  g_return_if_fail (PARCOURS_IS_STAGE (self));

  width = CLAMP (width, PARCOURS_STAGE_MIN_WIDTH, PARCOURS_STAGE_MAX_WIDTH);
  if (parcours_set_double (&self->width, width))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_WIDTH]);
}
