/* parcours-lane.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-element-private.h"
#include "parcours-lane.h"
#include "parcours-utils.h"

/* A row of the map: touchpoints, actions, thoughts, the emotion curve, …
 * Its kind says what its cards are and how the row is drawn. */
struct _ParcoursLane
{
  ParcoursElement parent_instance;

  char *name;
  ParcoursLaneKind kind;
  char *persona_id;
  double height;
  gboolean collapsed;
};

G_DEFINE_FINAL_TYPE (ParcoursLane, parcours_lane, PARCOURS_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_PERSONA_ID,
  PROP_HEIGHT,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parcours_lane_finalize (GObject *object)
{
  ParcoursLane *self = (ParcoursLane *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->persona_id, g_free);

  G_OBJECT_CLASS (parcours_lane_parent_class)->finalize (object);
}

static void
parcours_lane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParcoursLane *self = PARCOURS_LANE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;

    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;

    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_lane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ParcoursLane *self = PARCOURS_LANE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      parcours_lane_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      parcours_lane_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PERSONA_ID:
      parcours_lane_set_persona_id (self, g_value_get_string (value));
      break;

    case PROP_HEIGHT:
      parcours_lane_set_height (self, g_value_get_double (value));
      break;

    case PROP_COLLAPSED:
      parcours_lane_set_collapsed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_lane_class_init (ParcoursLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ParcoursElementClass *element_class = PARCOURS_ELEMENT_CLASS (klass);

  object_class->finalize = parcours_lane_finalize;
  object_class->get_property = parcours_lane_get_property;
  object_class->set_property = parcours_lane_set_property;

  element_class->id_prefix = "lane";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursLane:kind:
   *
   * What the lane holds, which decides how its cells are drawn and
   * edited: cards for most kinds, a curve for an emotion lane.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PARCOURS_TYPE_LANE_KIND,
                       PARCOURS_LANE_KIND_TOUCHPOINTS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursLane:persona-id:
   *
   * The id of the persona whose emotions an emotion lane shows, or %NULL
   * when none is chosen. Other kinds of lane ignore it.
   */
  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursLane:height:
   *
   * Height relative to a standard lane (1.0).
   */
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL,
                         PARCOURS_LANE_MIN_HEIGHT, PARCOURS_LANE_MAX_HEIGHT, 1.0,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursLane:collapsed:
   *
   * Whether the lane is folded to its header in the editor. It is saved
   * with the document so a map reopens as it was left.
   */
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_lane_init (ParcoursLane *self)
{
  self->name = g_strdup ("");
  self->kind = PARCOURS_LANE_KIND_TOUCHPOINTS;
  self->height = 1.0;
}

ParcoursLane *
parcours_lane_new (const char       *id,
                   ParcoursLaneKind  kind,
                   const char       *name)
{
  return g_object_new (PARCOURS_TYPE_LANE,
                       "id", id,
                       "kind", kind,
                       "name", name ? name : "",
                       NULL);
}

const char *
parcours_lane_get_name (ParcoursLane *self)
{
  g_return_val_if_fail (PARCOURS_IS_LANE (self), NULL);

  return self->name;
}

void
parcours_lane_set_name (ParcoursLane *self,
                        const char   *name)
{
  g_return_if_fail (PARCOURS_IS_LANE (self));

  if (parcours_set_str (&self->name, name ? name : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_NAME]);
}

ParcoursLaneKind
parcours_lane_get_kind (ParcoursLane *self)
{
  g_return_val_if_fail (PARCOURS_IS_LANE (self), PARCOURS_LANE_KIND_TOUCHPOINTS);

  return self->kind;
}

void
parcours_lane_set_kind (ParcoursLane     *self,
                        ParcoursLaneKind  kind)
{
  g_return_if_fail (PARCOURS_IS_LANE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_KIND]);
}

const char *
parcours_lane_get_persona_id (ParcoursLane *self)
{
  g_return_val_if_fail (PARCOURS_IS_LANE (self), NULL);

  return self->persona_id;
}

void
parcours_lane_set_persona_id (ParcoursLane *self,
                              const char   *persona_id)
{
  g_return_if_fail (PARCOURS_IS_LANE (self));

  if (parcours_set_str (&self->persona_id, persona_id))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_PERSONA_ID]);
}

double
parcours_lane_get_height (ParcoursLane *self)
{
  g_return_val_if_fail (PARCOURS_IS_LANE (self), 1.0);

  return self->height;
}

void
parcours_lane_set_height (ParcoursLane *self,
                          double        height)
{
  g_return_if_fail (PARCOURS_IS_LANE (self));

  height = CLAMP (height, PARCOURS_LANE_MIN_HEIGHT, PARCOURS_LANE_MAX_HEIGHT);
  if (parcours_set_double (&self->height, height))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_HEIGHT]);
}

gboolean
parcours_lane_get_collapsed (ParcoursLane *self)
{
  g_return_val_if_fail (PARCOURS_IS_LANE (self), FALSE);

  return self->collapsed;
}

void
parcours_lane_set_collapsed (ParcoursLane *self,
                             gboolean      collapsed)
{
  g_return_if_fail (PARCOURS_IS_LANE (self));

  collapsed = !!collapsed;
  if (self->collapsed == collapsed)
    return;

  self->collapsed = collapsed;
  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_COLLAPSED]);
}
