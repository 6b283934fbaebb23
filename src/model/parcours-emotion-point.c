/* parcours-emotion-point.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-element-private.h"
#include "parcours-emotion-point.h"
#include "parcours-utils.h"

/* A point of the emotion curve drawn in an emotion lane: how the persona
 * feels at some moment of a stage, with an optional quote. */
struct _ParcoursEmotionPoint
{
  ParcoursElement parent_instance;

  char *lane_id;
  char *stage_id;
  double offset;
  double value;
  char *label;
};

G_DEFINE_FINAL_TYPE (ParcoursEmotionPoint, parcours_emotion_point, PARCOURS_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_LANE_ID,
  PROP_STAGE_ID,
  PROP_OFFSET,
  PROP_VALUE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parcours_emotion_point_finalize (GObject *object)
{
  ParcoursEmotionPoint *self = (ParcoursEmotionPoint *)object;

  g_clear_pointer (&self->lane_id, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (parcours_emotion_point_parent_class)->finalize (object);
}

static void
parcours_emotion_point_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ParcoursEmotionPoint *self = PARCOURS_EMOTION_POINT (object);

  switch (prop_id)
    {
    case PROP_LANE_ID:
      g_value_set_string (value, self->lane_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_OFFSET:
      g_value_set_double (value, self->offset);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_emotion_point_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ParcoursEmotionPoint *self = PARCOURS_EMOTION_POINT (object);

  switch (prop_id)
    {
    case PROP_LANE_ID:
      parcours_emotion_point_set_lane_id (self, g_value_get_string (value));
      break;

    case PROP_STAGE_ID:
      parcours_emotion_point_set_stage_id (self, g_value_get_string (value));
      break;

    case PROP_OFFSET:
      parcours_emotion_point_set_offset (self, g_value_get_double (value));
      break;

    case PROP_VALUE:
      parcours_emotion_point_set_value (self, g_value_get_double (value));
      break;

    case PROP_LABEL:
      parcours_emotion_point_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_emotion_point_class_init (ParcoursEmotionPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ParcoursElementClass *element_class = PARCOURS_ELEMENT_CLASS (klass);

  object_class->finalize = parcours_emotion_point_finalize;
  object_class->get_property = parcours_emotion_point_get_property;
  object_class->set_property = parcours_emotion_point_set_property;

  element_class->id_prefix = "emotion";

  /**
   * ParcoursEmotionPoint:lane-id:
   *
   * The id of the emotion lane whose curve the point belongs to.
   */
  properties[PROP_LANE_ID] =
    g_param_spec_string ("lane-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursEmotionPoint:stage-id:
   *
   * The id of the stage the point lies in.
   */
  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursEmotionPoint:offset:
   *
   * Horizontal position inside the stage, from 0.0 (its start) to 1.0
   * (its end), so the point follows the stage when it is moved or
   * resized.
   */
  properties[PROP_OFFSET] =
    g_param_spec_double ("offset", NULL, NULL,
                         0.0, 1.0, 0.5,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursEmotionPoint:value:
   *
   * How the persona feels, from -1.0 (very negative) through 0.0
   * (neutral) to 1.0 (very positive).
   */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -1.0, 1.0, 0.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursEmotionPoint:label:
   *
   * A short quote of the persona at this point, or "" for none.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_emotion_point_init (ParcoursEmotionPoint *self)
{
  self->offset = 0.5;
  self->value = 0.0;
  self->label = g_strdup ("");
}

ParcoursEmotionPoint *
parcours_emotion_point_new (const char *id,
                            const char *lane_id,
                            const char *stage_id,
                            double      offset,
                            double      value)
{
  return g_object_new (PARCOURS_TYPE_EMOTION_POINT,
                       "id", id,
                       "lane-id", lane_id,
                       "stage-id", stage_id,
                       "offset", CLAMP (offset, 0.0, 1.0),
                       "value", CLAMP (value, -1.0, 1.0),
                       NULL);
}

const char *
parcours_emotion_point_get_lane_id (ParcoursEmotionPoint *self)
{
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (self), NULL);

  return self->lane_id;
}

void
parcours_emotion_point_set_lane_id (ParcoursEmotionPoint *self,
                                    const char           *lane_id)
{
  g_return_if_fail (PARCOURS_IS_EMOTION_POINT (self));

  if (parcours_set_str (&self->lane_id, lane_id))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_LANE_ID]);
}

const char *
parcours_emotion_point_get_stage_id (ParcoursEmotionPoint *self)
{
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (self), NULL);

  return self->stage_id;
}

void
parcours_emotion_point_set_stage_id (ParcoursEmotionPoint *self,
                                     const char           *stage_id)
{
  g_return_if_fail (PARCOURS_IS_EMOTION_POINT (self));

  if (parcours_set_str (&self->stage_id, stage_id))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_STAGE_ID]);
}

double
parcours_emotion_point_get_offset (ParcoursEmotionPoint *self)
{
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (self), 0.5);

  return self->offset;
}

void
parcours_emotion_point_set_offset (ParcoursEmotionPoint *self,
                                   double                offset)
{
  g_return_if_fail (PARCOURS_IS_EMOTION_POINT (self));

  offset = CLAMP (offset, 0.0, 1.0);
  if (parcours_set_double (&self->offset, offset))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_OFFSET]);
}

double
parcours_emotion_point_get_value (ParcoursEmotionPoint *self)
{
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (self), 0.0);

  return self->value;
}

void
parcours_emotion_point_set_value (ParcoursEmotionPoint *self,
                                  double                value)
{
  g_return_if_fail (PARCOURS_IS_EMOTION_POINT (self));

  value = CLAMP (value, -1.0, 1.0);
  if (parcours_set_double (&self->value, value))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_VALUE]);
}

const char *
parcours_emotion_point_get_label (ParcoursEmotionPoint *self)
{
  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (self), NULL);

  return self->label;
}

void
parcours_emotion_point_set_label (ParcoursEmotionPoint *self,
                                  const char           *label)
{
  g_return_if_fail (PARCOURS_IS_EMOTION_POINT (self));

  if (parcours_set_str (&self->label, label ? label : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_LABEL]);
}

/**
 * parcours_emotion_point_get_level:
 * @self: a #ParcoursEmotionPoint
 *
 * Gets the point's value as one of five levels, the steps the editor
 * offers: -2 (very negative), -1 (negative), 0 (neutral), 1 (positive)
 * and 2 (very positive).
 *
 * Returns: the level nearest to #ParcoursEmotionPoint:value
 */
int
parcours_emotion_point_get_level (ParcoursEmotionPoint *self)
{
  int level;

  g_return_val_if_fail (PARCOURS_IS_EMOTION_POINT (self), 0);

  level = (int) round (self->value * 2.0);

  return CLAMP (level, PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);
}

/**
 * parcours_emotion_level_to_value:
 * @level: a level, from -2 to 2
 *
 * Converts a level as returned by parcours_emotion_point_get_level()
 * back to a #ParcoursEmotionPoint:value. Levels out of range are clamped.
 *
 * Returns: the value, from -1.0 to 1.0
 */
double
parcours_emotion_level_to_value (int level)
{
  level = CLAMP (level, PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);

  return level / 2.0;
}
