/* parcours-card.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-card.h"
#include "parcours-color.h"
#include "parcours-element-private.h"
#include "parcours-utils.h"

/* A sticky note in one cell of the map, at the crossing of a lane and a
 * stage. Cards of a cell are ordered as they come in the document's card
 * list; that order is not a property of the card. */
struct _ParcoursCard
{
  ParcoursElement parent_instance;

  char *lane_id;
  char *stage_id;
  char *text;
  char *details;
  ParcoursChannel channel;
  ParcoursSentiment sentiment;
  char *color;
  gboolean key_moment;
  char *kpi;
  guint votes;
};

G_DEFINE_FINAL_TYPE (ParcoursCard, parcours_card, PARCOURS_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_LANE_ID,
  PROP_STAGE_ID,
  PROP_TEXT,
  PROP_DETAILS,
  PROP_CHANNEL,
  PROP_SENTIMENT,
  PROP_COLOR,
  PROP_KEY_MOMENT,
  PROP_KPI,
  PROP_VOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parcours_card_finalize (GObject *object)
{
  ParcoursCard *self = (ParcoursCard *)object;

  g_clear_pointer (&self->lane_id, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->kpi, g_free);

  G_OBJECT_CLASS (parcours_card_parent_class)->finalize (object);
}

static void
parcours_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParcoursCard *self = PARCOURS_CARD (object);

  switch (prop_id)
    {
    case PROP_LANE_ID:
      g_value_set_string (value, self->lane_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_string (value, self->stage_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;

    case PROP_SENTIMENT:
      g_value_set_enum (value, self->sentiment);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KEY_MOMENT:
      g_value_set_boolean (value, self->key_moment);
      break;

    case PROP_KPI:
      g_value_set_string (value, self->kpi);
      break;

    case PROP_VOTES:
      g_value_set_uint (value, self->votes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ParcoursCard *self = PARCOURS_CARD (object);

  switch (prop_id)
    {
    case PROP_LANE_ID:
      parcours_card_set_lane_id (self, g_value_get_string (value));
      break;

    case PROP_STAGE_ID:
      parcours_card_set_stage_id (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      parcours_card_set_text (self, g_value_get_string (value));
      break;

    case PROP_DETAILS:
      parcours_card_set_details (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      parcours_card_set_channel (self, g_value_get_enum (value));
      break;

    case PROP_SENTIMENT:
      parcours_card_set_sentiment (self, g_value_get_enum (value));
      break;

    case PROP_COLOR:
      parcours_card_set_color (self, g_value_get_string (value));
      break;

    case PROP_KEY_MOMENT:
      parcours_card_set_key_moment (self, g_value_get_boolean (value));
      break;

    case PROP_KPI:
      parcours_card_set_kpi (self, g_value_get_string (value));
      break;

    case PROP_VOTES:
      parcours_card_set_votes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Where the card sits and what it says. */
static void
install_text_properties (void)
{
  /**
   * ParcoursCard:lane-id:
   *
   * The id of the lane (row) the card sits in.
   */
  properties[PROP_LANE_ID] =
    g_param_spec_string ("lane-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:stage-id:
   *
   * The id of the stage (column) the card sits in.
   */
  properties[PROP_STAGE_ID] =
    g_param_spec_string ("stage-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:text:
   *
   * The short text shown on the card.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:details:
   *
   * Longer notes, shown when the card is opened rather than on the map.
   */
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:kpi:
   *
   * An optional measure attached to the card, free text such as
   * "NPS 42", or "" for none.
   */
  properties[PROP_KPI] =
    g_param_spec_string ("kpi", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
}

/* How the card is marked: channel, sentiment, colour, key moment, votes. */
static void
install_mark_properties (void)
{
  /**
   * ParcoursCard:channel:
   *
   * The channel the touchpoint happens through, or
   * %PARCOURS_CHANNEL_NONE.
   */
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL,
                       PARCOURS_TYPE_CHANNEL,
                       PARCOURS_CHANNEL_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:sentiment:
   *
   * Whether the card is felt as positive, negative or neutral.
   */
  properties[PROP_SENTIMENT] =
    g_param_spec_enum ("sentiment", NULL, NULL,
                       PARCOURS_TYPE_SENTIMENT,
                       PARCOURS_SENTIMENT_NEUTRAL,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:color:
   *
   * The card's colour as `#rrggbb`, or %NULL for its lane's default.
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:key-moment:
   *
   * Whether the card marks a "moment of truth": a point of the journey
   * that makes or breaks the experience.
   */
  properties[PROP_KEY_MOMENT] =
    g_param_spec_boolean ("key-moment", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCard:votes:
   *
   * How many dot votes the card got in a workshop's voting rounds, from
   * 0 to %PARCOURS_CARD_MAX_VOTES.
   */
  properties[PROP_VOTES] =
    g_param_spec_uint ("votes", NULL, NULL,
                       0, PARCOURS_CARD_MAX_VOTES, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));
}

static void
parcours_card_class_init (ParcoursCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ParcoursElementClass *element_class = PARCOURS_ELEMENT_CLASS (klass);

  object_class->finalize = parcours_card_finalize;
  object_class->get_property = parcours_card_get_property;
  object_class->set_property = parcours_card_set_property;

  element_class->id_prefix = "card";

  install_text_properties ();
  install_mark_properties ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_card_init (ParcoursCard *self)
{
  self->text = g_strdup ("");
  self->details = g_strdup ("");
  self->channel = PARCOURS_CHANNEL_NONE;
  self->sentiment = PARCOURS_SENTIMENT_NEUTRAL;
  self->kpi = g_strdup ("");
}

ParcoursCard *
parcours_card_new (const char *id,
                   const char *lane_id,
                   const char *stage_id,
                   const char *text)
{
  return g_object_new (PARCOURS_TYPE_CARD,
                       "id", id,
                       "lane-id", lane_id,
                       "stage-id", stage_id,
                       "text", text ? text : "",
                       NULL);
}

const char *
parcours_card_get_lane_id (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), NULL);

  return self->lane_id;
}

void
parcours_card_set_lane_id (ParcoursCard *self,
                           const char   *lane_id)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (parcours_set_str (&self->lane_id, lane_id))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_LANE_ID]);
}

const char *
parcours_card_get_stage_id (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), NULL);

  return self->stage_id;
}

void
parcours_card_set_stage_id (ParcoursCard *self,
                            const char   *stage_id)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (parcours_set_str (&self->stage_id, stage_id))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_STAGE_ID]);
}

const char *
parcours_card_get_text (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), NULL);

  return self->text;
}

void
parcours_card_set_text (ParcoursCard *self,
                        const char   *text)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (parcours_set_str (&self->text, text ? text : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_TEXT]);
}

const char *
parcours_card_get_details (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), NULL);

  return self->details;
}

void
parcours_card_set_details (ParcoursCard *self,
                           const char   *details)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (parcours_set_str (&self->details, details ? details : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_DETAILS]);
}

ParcoursChannel
parcours_card_get_channel (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), PARCOURS_CHANNEL_NONE);

  return self->channel;
}

void
parcours_card_set_channel (ParcoursCard    *self,
                           ParcoursChannel  channel)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (self->channel == channel)
    return;

  self->channel = channel;
  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_CHANNEL]);
}

ParcoursSentiment
parcours_card_get_sentiment (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), PARCOURS_SENTIMENT_NEUTRAL);

  return self->sentiment;
}

void
parcours_card_set_sentiment (ParcoursCard      *self,
                             ParcoursSentiment  sentiment)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (self->sentiment == sentiment)
    return;

  self->sentiment = sentiment;
  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_SENTIMENT]);
}

const char *
parcours_card_get_color (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), NULL);

  return self->color;
}

void
parcours_card_set_color (ParcoursCard *self,
                         const char   *color)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));
  g_return_if_fail (color == NULL || parcours_color_is_valid (color));

  if (parcours_set_str (&self->color, color))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_COLOR]);
}

gboolean
parcours_card_get_key_moment (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), FALSE);

  return self->key_moment;
}

void
parcours_card_set_key_moment (ParcoursCard *self,
                              gboolean      key_moment)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  key_moment = !!key_moment;
  if (self->key_moment == key_moment)
    return;

  self->key_moment = key_moment;
  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_KEY_MOMENT]);
}

const char *
parcours_card_get_kpi (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), NULL);

  return self->kpi;
}

void
parcours_card_set_kpi (ParcoursCard *self,
                       const char   *kpi)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  if (parcours_set_str (&self->kpi, kpi ? kpi : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_KPI]);
}

guint
parcours_card_get_votes (ParcoursCard *self)
{
  g_return_val_if_fail (PARCOURS_IS_CARD (self), 0);

  return self->votes;
}

/* Clamps @votes to %PARCOURS_CARD_MAX_VOTES: a vote past the limit is
 * not counted. */
void
parcours_card_set_votes (ParcoursCard *self,
                         guint         votes)
{
  g_return_if_fail (PARCOURS_IS_CARD (self));

  votes = MIN (votes, PARCOURS_CARD_MAX_VOTES);
  if (self->votes == votes)
    return;

  self->votes = votes;
  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_VOTES]);
}
