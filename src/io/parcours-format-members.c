/* parcours-format-members.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-enum-types.h"
#include "parcours-format-private.h"

/* The members of each element of a `.parcours` file, described once:
 * the reader reads them into the model through its setters and refuses what
 * breaks a limit, the writer writes them in this order and leaves out
 * a member holding its default, and a member not listed is kept as it
 * is, to be written back after these.
 *
 * Every element starts with its "id", which is not listed. Collections
 * come in the order of their references (a lane names a persona, a card
 * a lane and a stage), so each id a member names is already known.
 *
 * To add a member: give the model object a property for it, with a
 * getter and a setter (parcours_card_get_votes(), parcours_card_set_votes()),
 * then add one row to its table, where it is to be written, for example
 *
 *   COUNT ("votes", card, votes, PARCOURS_CARD_MAX_VOTES),
 *
 * The reader and the writer call the accessors, not g_object_set() and
 * g_object_get(), which cost a large map's reading and writing a third.
 * A number is a double; a count is a whole number, refused with a
 * fraction, for a guint property. Document it in docs/file-format.md and in
 * data/parcours.schema.json, and its round trip in the tests. A new
 * kind of value needs a case in read_member() and write_member(). */

#define ACCESSORS(type, field) \
  (ParcoursMemberFunc) parcours_ ## type ## _get_ ## field, \
  (ParcoursMemberFunc) parcours_ ## type ## _set_ ## field

#define TEXT(name, type, field) \
  { name, PARCOURS_MEMBER_TEXT, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL, NULL, ACCESSORS (type, field) }
#define TEXT_LIST(name, type, field) \
  { name, PARCOURS_MEMBER_TEXT_LIST, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL, NULL, ACCESSORS (type, field) }
#define COLOR(name, type, field) \
  { name, PARCOURS_MEMBER_COLOR, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL, NULL, ACCESSORS (type, field) }
#define ENUM(name, type, field, enum_type, default_value) \
  { name, PARCOURS_MEMBER_ENUM, PARCOURS_MEMBER_OPTIONAL, 0, 0, default_value, NULL, enum_type, \
    ACCESSORS (type, field) }
#define NUMBER(name, type, field, flags, min, max, default_value) \
  { name, PARCOURS_MEMBER_NUMBER, flags, min, max, default_value, NULL, NULL, ACCESSORS (type, field) }
#define COUNT(name, type, field, max) \
  { name, PARCOURS_MEMBER_COUNT, PARCOURS_MEMBER_OPTIONAL, 0, max, 0, NULL, NULL, ACCESSORS (type, field) }
#define BOOLEAN(name, type, field) \
  { name, PARCOURS_MEMBER_BOOLEAN, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL, NULL, ACCESSORS (type, field) }
#define REFERENCE(name, type, field, flags, target_type) \
  { name, PARCOURS_MEMBER_REFERENCE, flags, 0, 0, 0, target_type, NULL, ACCESSORS (type, field) }

/* Written whole, even when empty; "format" and "version" come first. */
const ParcoursMember _parcours_format_document_members[] = {
  { "title", PARCOURS_MEMBER_TEXT, PARCOURS_MEMBER_ALWAYS_WRITTEN, 0, 0, 0, NULL, NULL,
    ACCESSORS (document, title) },
  { "description", PARCOURS_MEMBER_TEXT, PARCOURS_MEMBER_ALWAYS_WRITTEN, 0, 0, 0, NULL, NULL,
    ACCESSORS (document, description) },
  { "kind", PARCOURS_MEMBER_ENUM, PARCOURS_MEMBER_ALWAYS_WRITTEN, 0, 0, 0, NULL,
    parcours_map_kind_get_type, ACCESSORS (document, kind) },
  { "goals", PARCOURS_MEMBER_TEXT_LIST, PARCOURS_MEMBER_ALWAYS_WRITTEN, 0, 0, 0, NULL, NULL,
    ACCESSORS (document, goals) },
};
const guint _parcours_format_n_document_members = G_N_ELEMENTS (_parcours_format_document_members);

static const ParcoursMember persona_members[] = {
  TEXT ("name", persona, name),
  TEXT ("role", persona, role),
  TEXT_LIST ("goals", persona, goals),
  TEXT_LIST ("needs", persona, needs),
  TEXT_LIST ("frustrations", persona, frustrations),
  COLOR ("color", persona, color),
  { "photo", PARCOURS_MEMBER_PHOTO, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL, NULL, NULL, NULL },
};

static const ParcoursMember stage_members[] = {
  TEXT ("name", stage, name),
  TEXT ("description", stage, description),
  COLOR ("color", stage, color),
  NUMBER ("width", stage, width, PARCOURS_MEMBER_OPTIONAL,
          PARCOURS_STAGE_MIN_WIDTH, PARCOURS_STAGE_MAX_WIDTH, 1.0),
};

static const ParcoursMember lane_members[] = {
  TEXT ("name", lane, name),
  ENUM ("kind", lane, kind, parcours_lane_kind_get_type, PARCOURS_LANE_KIND_TOUCHPOINTS),
  REFERENCE ("persona", lane, persona_id, PARCOURS_MEMBER_OPTIONAL, parcours_persona_get_type),
  NUMBER ("height", lane, height, PARCOURS_MEMBER_OPTIONAL,
          PARCOURS_LANE_MIN_HEIGHT, PARCOURS_LANE_MAX_HEIGHT, 1.0),
  BOOLEAN ("collapsed", lane, collapsed),
};

static const ParcoursMember card_members[] = {
  REFERENCE ("lane", card, lane_id, PARCOURS_MEMBER_REQUIRED, parcours_lane_get_type),
  REFERENCE ("stage", card, stage_id, PARCOURS_MEMBER_REQUIRED, parcours_stage_get_type),
  TEXT ("text", card, text),
  TEXT ("details", card, details),
  ENUM ("channel", card, channel, parcours_channel_get_type, PARCOURS_CHANNEL_NONE),
  ENUM ("sentiment", card, sentiment, parcours_sentiment_get_type, PARCOURS_SENTIMENT_NEUTRAL),
  COLOR ("color", card, color),
  BOOLEAN ("key-moment", card, key_moment),
  TEXT ("kpi", card, kpi),
  COUNT ("votes", card, votes, PARCOURS_CARD_MAX_VOTES),
};

static const ParcoursMember emotion_point_members[] = {
  REFERENCE ("lane", emotion_point, lane_id,
             PARCOURS_MEMBER_REQUIRED | PARCOURS_MEMBER_EMOTIONS_LANE, parcours_lane_get_type),
  REFERENCE ("stage", emotion_point, stage_id, PARCOURS_MEMBER_REQUIRED, parcours_stage_get_type),
  NUMBER ("offset", emotion_point, offset, PARCOURS_MEMBER_OPTIONAL, 0.0, 1.0, 0.5),
  NUMBER ("value", emotion_point, value, PARCOURS_MEMBER_REQUIRED, -1.0, 1.0, 0.0),
  TEXT ("label", emotion_point, label),
};

#define ELEMENT(collection, get_type, max_items, members) \
  { collection, get_type, max_items, members, G_N_ELEMENTS (members) }

const ParcoursElementFormat _parcours_format_elements[PARCOURS_N_COLLECTIONS] = {
  ELEMENT (PARCOURS_COLLECTION_PERSONAS, parcours_persona_get_type,
           PARCOURS_FORMAT_MAX_PERSONAS, persona_members),
  ELEMENT (PARCOURS_COLLECTION_STAGES, parcours_stage_get_type,
           PARCOURS_FORMAT_MAX_STAGES, stage_members),
  ELEMENT (PARCOURS_COLLECTION_LANES, parcours_lane_get_type,
           PARCOURS_FORMAT_MAX_LANES, lane_members),
  ELEMENT (PARCOURS_COLLECTION_CARDS, parcours_card_get_type,
           PARCOURS_FORMAT_MAX_CARDS, card_members),
  ELEMENT (PARCOURS_COLLECTION_EMOTION_POINTS, parcours_emotion_point_get_type,
           PARCOURS_FORMAT_MAX_EMOTION_POINTS, emotion_point_members),
};

/**
 * _parcours_format_find_member:
 * @members: a table of members
 * @n_members: its length
 * @name: a member name from a file
 *
 * Returns: (nullable): the row for @name, or %NULL for a member this
 *   version does not know
 */
const ParcoursMember *
_parcours_format_find_member (const ParcoursMember *members,
                              guint                 n_members,
                              const char           *name)
{
  for (guint i = 0; i < n_members; i++)
    if (strcmp (members[i].name, name) == 0)
      return &members[i];

  return NULL;
}

/**
 * _parcours_format_is_known_top_level:
 * @name: a member name of the top-level object
 *
 * Returns: whether this version reads the member @name
 */
gboolean
_parcours_format_is_known_top_level (const char *name)
{
  if (strcmp (name, "format") == 0 || strcmp (name, "version") == 0)
    return TRUE;

  if (_parcours_format_find_member (_parcours_format_document_members,
                                    _parcours_format_n_document_members, name) != NULL)
    return TRUE;

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    if (strcmp (name, parcours_collection_get_name (_parcours_format_elements[c].collection)) == 0)
      return TRUE;

  return FALSE;
}
