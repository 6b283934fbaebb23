/* parcours-format-writer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "parcours-enum-types.h"
#include "parcours-format-private.h"

/* Writes the canonical text of a document: the same document always
 * gives the same bytes, so a map kept in git diffs cleanly and a file
 * Parcours wrote is saved back unchanged.
 *
 * Two spaces of indentation, members in a fixed order, elements in the
 * order of their lists. The top level is always written whole; inside an
 * element, a member equal to its default is left out, except those a
 * reader requires (id, a card's lane and stage, a point's lane, stage
 * and value). Members a newer version wrote come last, in their order. */

/* Indentation levels */
enum {
  TOP_LEVEL = 1,
  ELEMENT = 2,
  ELEMENT_MEMBER = 3,
};

typedef void (*WriteElementFunc) (GString *out,
                                  gpointer element);

static const char * const document_members[] = {
  "format", "version", "title", "description", "kind", "goals",
  "personas", "stages", "lanes", "cards", "emotion-points", NULL,
};

static const char * const persona_members[] = {
  "id", "name", "role", "goals", "needs", "frustrations", "color", "photo", NULL,
};

static const char * const stage_members[] = {
  "id", "name", "description", "color", "width", NULL,
};

static const char * const lane_members[] = {
  "id", "name", "kind", "persona", "height", "collapsed", NULL,
};

static const char * const card_members[] = {
  "id", "lane", "stage", "text", "details", "channel", "sentiment", "color",
  "key-moment", "kpi", "votes", NULL,
};

static const char * const emotion_point_members[] = {
  "id", "lane", "stage", "offset", "value", "label", NULL,
};

/* Every member but the first of an object: "id" for elements, "format"
 * at the top level. Names are known ASCII and need no escaping. */
static void
begin_member (GString    *out,
              int         indent,
              const char *name)
{
  g_string_append_c (out, ',');
  _parcours_json_append_indent (out, indent);
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append_len (out, "\": ", 3);
}

static void
write_string (GString    *out,
              const char *name,
              const char *value)
{
  begin_member (out, ELEMENT_MEMBER, name);
  _parcours_json_append_string (out, value);
}

static void
write_text_unless_empty (GString    *out,
                         const char *name,
                         const char *value)
{
  if (value != NULL && value[0] != '\0')
    write_string (out, name, value);
}

static void
write_color (GString    *out,
             const char *color)
{
  if (color != NULL)
    write_string (out, "color", color);
}

static void
write_enum_unless (GString    *out,
                   const char *name,
                   GType       enum_type,
                   int         value,
                   int         default_value)
{
  if (value != default_value)
    write_string (out, name, parcours_enum_to_nick (enum_type, value));
}

static void
write_number (GString    *out,
              const char *name,
              double      value,
              double      fallback)
{
  begin_member (out, ELEMENT_MEMBER, name);

  /* The model never holds NaN; should it, write what a reader accepts. */
  if (!isfinite (value))
    value = fallback;

  _parcours_json_append_double (out, value);
}

static void
write_number_unless (GString    *out,
                     const char *name,
                     double      value,
                     double      default_value)
{
  if (value != default_value)
    write_number (out, name, value, default_value);
}

static void
write_true_unless_false (GString    *out,
                         const char *name,
                         gboolean    value)
{
  if (value)
    {
      begin_member (out, ELEMENT_MEMBER, name);
      g_string_append_len (out, "true", 4);
    }
}

/* One string a line, so that adding one is a one-line diff. */
static void
write_string_list (GString            *out,
                   int                 indent,
                   const char         *name,
                   const char * const *strv)
{
  begin_member (out, indent, name);

  if (strv == NULL || strv[0] == NULL)
    {
      g_string_append_len (out, "[]", 2);
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      _parcours_json_append_indent (out, indent + 1);
      _parcours_json_append_string (out, strv[i]);
    }
  _parcours_json_append_indent (out, indent);
  g_string_append_c (out, ']');
}

static void
write_string_list_unless_empty (GString            *out,
                                const char         *name,
                                const char * const *strv)
{
  if (strv != NULL && strv[0] != NULL)
    write_string_list (out, ELEMENT_MEMBER, name, strv);
}

static void
write_photo (GString *out,
             GBytes  *photo)
{
  g_autofree char *base64 = NULL;
  const char *mime_type;
  const guchar *data;
  gsize size;

  if (photo == NULL || !parcours_persona_photo_is_supported (photo, &mime_type))
    return;

  data = g_bytes_get_data (photo, &size);
  base64 = g_base64_encode (data, size);

  begin_member (out, ELEMENT_MEMBER, "photo");
  g_string_append (out, "\"data:");
  g_string_append (out, mime_type);
  g_string_append (out, ";base64,");
  g_string_append (out, base64);
  g_string_append_c (out, '"');
}

/* Members kept from a newer version's file, after the known ones. */
static void
write_unknown (GString            *out,
               int                 indent,
               const char         *unknown_json,
               const char * const *known_members)
{
  g_autoptr(ParcoursJsonTree) tree = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursJsonNode *root;

  if (unknown_json == NULL)
    return;

  tree = _parcours_json_parse (unknown_json, strlen (unknown_json), &error);
  root = tree != NULL ? _parcours_json_tree_get_root (tree) : NULL;
  if (root == NULL || root->type != PARCOURS_JSON_OBJECT)
    {
      g_warning ("Not writing unknown members that are not a JSON object: %s",
                 error != NULL ? error->message : unknown_json);
      return;
    }

  for (ParcoursJsonNode *member = root->value.first_child; member != NULL; member = member->next)
    {
      /* Would be a duplicate; the reader never keeps such a member. */
      if (g_strv_contains (known_members, member->name))
        continue;

      g_string_append_c (out, ',');
      _parcours_json_append_indent (out, indent);
      _parcours_json_append_string (out, member->name);
      g_string_append_len (out, ": ", 2);
      _parcours_json_append_node (out, member, indent);
    }
}

/* A photo the reader left out, kept among the unknown members, goes
 * back where it was, unless the persona has a photo again. */
static void
write_kept_photo (GString    *out,
                  const char *unknown_json)
{
  g_autoptr(ParcoursJsonTree) tree = NULL;
  ParcoursJsonNode *root;
  ParcoursJsonNode *photo;

  if (unknown_json == NULL || strstr (unknown_json, "\"photo\"") == NULL)
    return;

  tree = _parcours_json_parse (unknown_json, strlen (unknown_json), NULL);
  root = tree != NULL ? _parcours_json_tree_get_root (tree) : NULL;
  if (root == NULL || root->type != PARCOURS_JSON_OBJECT)
    return;

  photo = _parcours_json_object_get (root, "photo");
  if (photo == NULL)
    return;

  begin_member (out, ELEMENT_MEMBER, "photo");
  _parcours_json_append_node (out, photo, ELEMENT_MEMBER);
}

static void
write_persona (GString  *out,
               gpointer  element)
{
  ParcoursPersona *persona = element;
  GBytes *photo = parcours_persona_get_photo (persona);

  write_text_unless_empty (out, "name", parcours_persona_get_name (persona));
  write_text_unless_empty (out, "role", parcours_persona_get_role (persona));
  write_string_list_unless_empty (out, "goals", parcours_persona_get_goals (persona));
  write_string_list_unless_empty (out, "needs", parcours_persona_get_needs (persona));
  write_string_list_unless_empty (out, "frustrations", parcours_persona_get_frustrations (persona));
  write_color (out, parcours_persona_get_color (persona));
  if (photo != NULL)
    write_photo (out, photo);
  else
    write_kept_photo (out, parcours_element_get_unknown_json (element));
  write_unknown (out, ELEMENT_MEMBER,
                 parcours_element_get_unknown_json (element), persona_members);
}

static void
write_stage (GString  *out,
             gpointer  element)
{
  ParcoursStage *stage = element;

  write_text_unless_empty (out, "name", parcours_stage_get_name (stage));
  write_text_unless_empty (out, "description", parcours_stage_get_description (stage));
  write_color (out, parcours_stage_get_color (stage));
  write_number_unless (out, "width", parcours_stage_get_width (stage), 1.0);
  write_unknown (out, ELEMENT_MEMBER,
                 parcours_element_get_unknown_json (element), stage_members);
}

static void
write_lane (GString  *out,
            gpointer  element)
{
  ParcoursLane *lane = element;
  const char *persona_id = parcours_lane_get_persona_id (lane);

  write_text_unless_empty (out, "name", parcours_lane_get_name (lane));
  write_enum_unless (out, "kind", PARCOURS_TYPE_LANE_KIND,
                     parcours_lane_get_kind (lane), PARCOURS_LANE_KIND_TOUCHPOINTS);
  if (persona_id != NULL)
    write_string (out, "persona", persona_id);
  write_number_unless (out, "height", parcours_lane_get_height (lane), 1.0);
  write_true_unless_false (out, "collapsed", parcours_lane_get_collapsed (lane));
  write_unknown (out, ELEMENT_MEMBER,
                 parcours_element_get_unknown_json (element), lane_members);
}

static void
write_card (GString  *out,
            gpointer  element)
{
  ParcoursCard *card = element;

  write_string (out, "lane", parcours_card_get_lane_id (card));
  write_string (out, "stage", parcours_card_get_stage_id (card));
  write_text_unless_empty (out, "text", parcours_card_get_text (card));
  write_text_unless_empty (out, "details", parcours_card_get_details (card));
  write_enum_unless (out, "channel", PARCOURS_TYPE_CHANNEL,
                     parcours_card_get_channel (card), PARCOURS_CHANNEL_NONE);
  write_enum_unless (out, "sentiment", PARCOURS_TYPE_SENTIMENT,
                     parcours_card_get_sentiment (card), PARCOURS_SENTIMENT_NEUTRAL);
  write_color (out, parcours_card_get_color (card));
  write_true_unless_false (out, "key-moment", parcours_card_get_key_moment (card));
  write_text_unless_empty (out, "kpi", parcours_card_get_kpi (card));
  write_number_unless (out, "votes", parcours_card_get_votes (card), 0);
  write_unknown (out, ELEMENT_MEMBER,
                 parcours_element_get_unknown_json (element), card_members);
}

static void
write_emotion_point (GString  *out,
                     gpointer  element)
{
  ParcoursEmotionPoint *point = element;

  write_string (out, "lane", parcours_emotion_point_get_lane_id (point));
  write_string (out, "stage", parcours_emotion_point_get_stage_id (point));
  write_number_unless (out, "offset", parcours_emotion_point_get_offset (point), 0.5);
  write_number (out, "value", parcours_emotion_point_get_value (point), 0.0);
  write_text_unless_empty (out, "label", parcours_emotion_point_get_label (point));
  write_unknown (out, ELEMENT_MEMBER,
                 parcours_element_get_unknown_json (element), emotion_point_members);
}

static void
write_collection (GString            *out,
                  ParcoursDocument   *document,
                  ParcoursCollection  collection,
                  WriteElementFunc    write_element)
{
  GListModel *model = parcours_document_get_collection (document, collection);
  guint n = g_list_model_get_n_items (model);

  begin_member (out, TOP_LEVEL, parcours_collection_get_name (collection));

  if (n == 0)
    {
      g_string_append_len (out, "[]", 2);
      return;
    }

  g_string_append_c (out, '[');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursElement) element = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, ',');
      _parcours_json_append_indent (out, ELEMENT);
      g_string_append_c (out, '{');
      _parcours_json_append_indent (out, ELEMENT_MEMBER);
      g_string_append_len (out, "\"id\": ", 6);
      _parcours_json_append_string (out, parcours_element_get_id (element));

      write_element (out, element);

      _parcours_json_append_indent (out, ELEMENT);
      g_string_append_c (out, '}');
    }

  _parcours_json_append_indent (out, TOP_LEVEL);
  g_string_append_c (out, ']');
}

static gsize
estimate_size (ParcoursDocument *document)
{
  gsize n = 0;

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    n += g_list_model_get_n_items (parcours_document_get_collection (document, c));

  return 1024 + n * 256;
}

/**
 * _parcours_format_write:
 * @document: a #ParcoursDocument
 *
 * Returns: (transfer full): the text of the `.parcours` file, ending
 *   with a newline
 */
GString *
_parcours_format_write (ParcoursDocument *document)
{
  GString *out;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);

  out = g_string_sized_new (estimate_size (document));

  g_string_append (out, "{\n  \"format\": \"parcours\"");
  begin_member (out, TOP_LEVEL, "version");
  g_string_append_printf (out, "%d", PARCOURS_FORMAT_VERSION);

  begin_member (out, TOP_LEVEL, "title");
  _parcours_json_append_string (out, parcours_document_get_title (document));
  begin_member (out, TOP_LEVEL, "description");
  _parcours_json_append_string (out, parcours_document_get_description (document));
  begin_member (out, TOP_LEVEL, "kind");
  _parcours_json_append_string (out, parcours_enum_to_nick (PARCOURS_TYPE_MAP_KIND,
                                                            parcours_document_get_kind (document)));
  write_string_list (out, TOP_LEVEL, "goals", parcours_document_get_goals (document));

  write_collection (out, document, PARCOURS_COLLECTION_PERSONAS, write_persona);
  write_collection (out, document, PARCOURS_COLLECTION_STAGES, write_stage);
  write_collection (out, document, PARCOURS_COLLECTION_LANES, write_lane);
  write_collection (out, document, PARCOURS_COLLECTION_CARDS, write_card);
  write_collection (out, document, PARCOURS_COLLECTION_EMOTION_POINTS, write_emotion_point);

  write_unknown (out, TOP_LEVEL,
                 parcours_document_get_unknown_json (document), document_members);

  g_string_append (out, "\n}\n");

  return out;
}
