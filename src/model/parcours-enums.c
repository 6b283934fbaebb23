/* parcours-enums.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-enums.h"

/* Human, translated names for the UI and for exported maps. */

const char *
parcours_map_kind_get_label (ParcoursMapKind kind)
{
  switch (kind)
    {
    case PARCOURS_MAP_KIND_CURRENT_STATE:
      return _("Current state");
    case PARCOURS_MAP_KIND_FUTURE_STATE:
      return _("Future state");
    case PARCOURS_MAP_KIND_DAY_IN_THE_LIFE:
      return _("Day in the life");
    default:
      return "";
    }
}

const char *
parcours_lane_kind_get_label (ParcoursLaneKind kind)
{
  switch (kind)
    {
    case PARCOURS_LANE_KIND_TOUCHPOINTS:
      return _("Touchpoints");
    case PARCOURS_LANE_KIND_ACTIONS:
      return _("Actions");
    case PARCOURS_LANE_KIND_THOUGHTS:
      return _("Thoughts");
    case PARCOURS_LANE_KIND_EMOTIONS:
      return _("Emotions");
    case PARCOURS_LANE_KIND_PAIN_POINTS:
      return _("Pain points");
    case PARCOURS_LANE_KIND_OPPORTUNITIES:
      return _("Opportunities");
    case PARCOURS_LANE_KIND_CHANNELS:
      return _("Channels");
    case PARCOURS_LANE_KIND_BACKSTAGE:
      return _("Backstage");
    case PARCOURS_LANE_KIND_KPIS:
      return _("KPIs");
    case PARCOURS_LANE_KIND_NOTES:
      return _("Notes");
    default:
      return "";
    }
}

const char *
parcours_channel_get_label (ParcoursChannel channel)
{
  switch (channel)
    {
    case PARCOURS_CHANNEL_NONE:
      return _("No channel");
    case PARCOURS_CHANNEL_WEBSITE:
      return _("Website");
    case PARCOURS_CHANNEL_MOBILE_APP:
      return _("Mobile app");
    case PARCOURS_CHANNEL_EMAIL:
      return _("Email");
    case PARCOURS_CHANNEL_PHONE:
      return _("Phone");
    case PARCOURS_CHANNEL_SMS:
      return _("SMS");
    case PARCOURS_CHANNEL_CHAT:
      return _("Chat");
    case PARCOURS_CHANNEL_SOCIAL_MEDIA:
      return _("Social media");
    case PARCOURS_CHANNEL_ADVERTISING:
      return _("Advertising");
    case PARCOURS_CHANNEL_PHYSICAL_STORE:
      return _("Physical store");
    case PARCOURS_CHANNEL_WORD_OF_MOUTH:
      return _("Word of mouth");
    case PARCOURS_CHANNEL_EVENT:
      return _("Event");
    case PARCOURS_CHANNEL_OTHER:
      return _("Other");
    default:
      return "";
    }
}

/* The name of @channel's symbolic icon (data/icons/channels/), which the
 * painter draws and the palette shows; NULL for no channel. */
const char *
parcours_channel_icon_name (ParcoursChannel channel)
{
  static const char * const names[] = {
    [PARCOURS_CHANNEL_WEBSITE] = "parcours-channel-website-symbolic",
    [PARCOURS_CHANNEL_MOBILE_APP] = "parcours-channel-mobile-app-symbolic",
    [PARCOURS_CHANNEL_EMAIL] = "parcours-channel-email-symbolic",
    [PARCOURS_CHANNEL_PHONE] = "parcours-channel-phone-symbolic",
    [PARCOURS_CHANNEL_SMS] = "parcours-channel-sms-symbolic",
    [PARCOURS_CHANNEL_CHAT] = "parcours-channel-chat-symbolic",
    [PARCOURS_CHANNEL_SOCIAL_MEDIA] = "parcours-channel-social-media-symbolic",
    [PARCOURS_CHANNEL_ADVERTISING] = "parcours-channel-advertising-symbolic",
    [PARCOURS_CHANNEL_PHYSICAL_STORE] = "parcours-channel-physical-store-symbolic",
    [PARCOURS_CHANNEL_WORD_OF_MOUTH] = "parcours-channel-word-of-mouth-symbolic",
    [PARCOURS_CHANNEL_EVENT] = "parcours-channel-event-symbolic",
    [PARCOURS_CHANNEL_OTHER] = "parcours-channel-other-symbolic",
  };

  if (channel <= PARCOURS_CHANNEL_NONE || channel >= G_N_ELEMENTS (names))
    return NULL;

  return names[channel];
}

const char *
parcours_sentiment_get_label (ParcoursSentiment sentiment)
{
  switch (sentiment)
    {
    case PARCOURS_SENTIMENT_NEUTRAL:
      return _("Neutral");
    case PARCOURS_SENTIMENT_POSITIVE:
      return _("Positive");
    case PARCOURS_SENTIMENT_NEGATIVE:
      return _("Negative");
    default:
      return "";
    }
}

/* An emotion level (-2 to 2, see parcours_emotion_point_get_level()) in
 * words, as a screen reader or the inspector says it. */
const char *
parcours_emotion_level_get_label (int level)
{
  switch (level)
    {
    case -2:
      return _("Very negative");
    case -1:
      return _("Negative");
    case 1:
      return _("Positive");
    case 2:
      return _("Very positive");
    default:
      return _("Neutral");
    }
}

const char *
parcours_enum_to_nick (GType enum_type,
                       int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
parcours_enum_from_nick (GType       enum_type,
                         const char *nick,
                         int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}
