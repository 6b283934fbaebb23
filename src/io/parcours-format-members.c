/* parcours-format-members.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-format-private.h"

/* The members of each element of a `.parcours` file, described once:
 * the reader reads them into the model's properties and refuses what
 * breaks a limit, the writer writes them in this order and leaves out
 * a member holding its default, and a member not listed is kept as it
 * is, to be written back after these.
 *
 * Every element starts with its "id", which is not listed. Collections
 * come in the order of their references (a lane names a persona, a card
 * a lane and a stage), so each id a member names is already known.
 *
 * To add a member: give the model object a property for it, then add
 * one row to its table, where it is to be written, for example
 *
 *   COUNT ("votes", "votes", PARCOURS_CARD_MAX_VOTES),
 *
 * A number is read and written through a double; a count is a whole
 * number, refused with a fraction, for a guint property. Document it in docs/file-format.md and in
 * data/parcours.schema.json, and its round trip in the tests. A new
 * kind of value needs a case in read_member() and write_member(). */

#define TEXT(name, property) \
  { name, property, PARCOURS_MEMBER_TEXT, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL }
#define TEXT_LIST(name, property) \
  { name, property, PARCOURS_MEMBER_TEXT_LIST, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL }
#define COLOR(name, property) \
  { name, property, PARCOURS_MEMBER_COLOR, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL }
#define ENUM(name, property, default_value) \
  { name, property, PARCOURS_MEMBER_ENUM, PARCOURS_MEMBER_OPTIONAL, 0, 0, default_value, NULL }
#define NUMBER(name, property, flags, min, max, default_value) \
  { name, property, PARCOURS_MEMBER_NUMBER, flags, min, max, default_value, NULL }
#define COUNT(name, property, max) \
  { name, property, PARCOURS_MEMBER_COUNT, PARCOURS_MEMBER_OPTIONAL, 0, max, 0, NULL }
#define BOOLEAN(name, property) \
  { name, property, PARCOURS_MEMBER_BOOLEAN, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL }
#define REFERENCE(name, property, flags, target_type) \
  { name, property, PARCOURS_MEMBER_REFERENCE, flags, 0, 0, 0, target_type }

#define ALWAYS(name, kind) \
  { name, name, PARCOURS_MEMBER_ ## kind, PARCOURS_MEMBER_ALWAYS_WRITTEN, 0, 0, 0, NULL }

/* Written whole, even when empty; "format" and "version" come first. */
const ParcoursMember _parcours_format_document_members[] = {
  ALWAYS ("title", TEXT),
  ALWAYS ("description", TEXT),
  ALWAYS ("kind", ENUM),
  ALWAYS ("goals", TEXT_LIST),
};
const guint _parcours_format_n_document_members = G_N_ELEMENTS (_parcours_format_document_members);

static const ParcoursMember persona_members[] = {
  TEXT ("name", "name"),
  TEXT ("role", "role"),
  TEXT_LIST ("goals", "goals"),
  TEXT_LIST ("needs", "needs"),
  TEXT_LIST ("frustrations", "frustrations"),
  COLOR ("color", "color"),
  { "photo", "photo", PARCOURS_MEMBER_PHOTO, PARCOURS_MEMBER_OPTIONAL, 0, 0, 0, NULL },
};

static const ParcoursMember stage_members[] = {
  TEXT ("name", "name"),
  TEXT ("description", "description"),
  COLOR ("color", "color"),
  NUMBER ("width", "width", PARCOURS_MEMBER_OPTIONAL,
          PARCOURS_STAGE_MIN_WIDTH, PARCOURS_STAGE_MAX_WIDTH, 1.0),
};

static const ParcoursMember lane_members[] = {
  TEXT ("name", "name"),
  ENUM ("kind", "kind", PARCOURS_LANE_KIND_TOUCHPOINTS),
  REFERENCE ("persona", "persona-id", PARCOURS_MEMBER_OPTIONAL, parcours_persona_get_type),
  NUMBER ("height", "height", PARCOURS_MEMBER_OPTIONAL,
          PARCOURS_LANE_MIN_HEIGHT, PARCOURS_LANE_MAX_HEIGHT, 1.0),
  BOOLEAN ("collapsed", "collapsed"),
};

static const ParcoursMember card_members[] = {
  REFERENCE ("lane", "lane-id", PARCOURS_MEMBER_REQUIRED, parcours_lane_get_type),
  REFERENCE ("stage", "stage-id", PARCOURS_MEMBER_REQUIRED, parcours_stage_get_type),
  TEXT ("text", "text"),
  TEXT ("details", "details"),
  ENUM ("channel", "channel", PARCOURS_CHANNEL_NONE),
  ENUM ("sentiment", "sentiment", PARCOURS_SENTIMENT_NEUTRAL),
  COLOR ("color", "color"),
  BOOLEAN ("key-moment", "key-moment"),
  TEXT ("kpi", "kpi"),
  COUNT ("votes", "votes", PARCOURS_CARD_MAX_VOTES),
};

static const ParcoursMember emotion_point_members[] = {
  REFERENCE ("lane", "lane-id", PARCOURS_MEMBER_REQUIRED | PARCOURS_MEMBER_EMOTIONS_LANE,
             parcours_lane_get_type),
  REFERENCE ("stage", "stage-id", PARCOURS_MEMBER_REQUIRED, parcours_stage_get_type),
  NUMBER ("offset", "offset", PARCOURS_MEMBER_OPTIONAL, 0.0, 1.0, 0.5),
  NUMBER ("value", "value", PARCOURS_MEMBER_REQUIRED, -1.0, 1.0, 0.0),
  TEXT ("label", "label"),
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
