/* parcours-clipboard.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "parcours-clipboard.h"
#include "parcours-color.h"

/* Cards as the clipboard carries them, between maps and windows:
 *
 *   { "parcours-cards": 1,
 *     "cards": [ { "text": "…", "details": "…", "channel": "email",
 *                  "sentiment": "negative", "color": "#f66151",
 *                  "key-moment": true, "kpi": "…", "votes": 3 }, … ] }
 *
 * Cards lose their ids and places: a paste puts them in a cell of the
 * map it lands on. What another program put there is read as plain text,
 * one card per non-empty line. Whatever the clipboard holds, a decode
 * either returns cards or says what is wrong. */

#define FORMAT_VERSION 1

G_DEFINE_QUARK (parcours-clipboard-error-quark, parcours_clipboard_error)

GBytes *
parcours_clipboard_encode (GPtrArray *cards)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (cards != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "parcours-cards");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cards->len; i++)
    {
      ParcoursCard *card = g_ptr_array_index (cards, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, parcours_card_get_text (card));
      if (parcours_card_get_details (card) != NULL)
        {
          json_builder_set_member_name (builder, "details");
          json_builder_add_string_value (builder, parcours_card_get_details (card));
        }
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, parcours_enum_to_nick (PARCOURS_TYPE_CHANNEL,
                                                                     parcours_card_get_channel (card)));
      json_builder_set_member_name (builder, "sentiment");
      json_builder_add_string_value (builder, parcours_enum_to_nick (PARCOURS_TYPE_SENTIMENT,
                                                                     parcours_card_get_sentiment (card)));
      if (parcours_card_get_color (card) != NULL)
        {
          json_builder_set_member_name (builder, "color");
          json_builder_add_string_value (builder, parcours_card_get_color (card));
        }
      json_builder_set_member_name (builder, "key-moment");
      json_builder_add_boolean_value (builder, parcours_card_get_key_moment (card));
      if (parcours_card_get_kpi (card) != NULL)
        {
          json_builder_set_member_name (builder, "kpi");
          json_builder_add_string_value (builder, parcours_card_get_kpi (card));
        }
      if (parcours_card_get_votes (card) > 0)
        {
          json_builder_set_member_name (builder, "votes");
          json_builder_add_int_value (builder, parcours_card_get_votes (card));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/* One line per card; a card's own line breaks become spaces, so that
 * pasting the text back gives the same cards. */
char *
parcours_clipboard_encode_text (GPtrArray *cards)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (cards != NULL, NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *line = g_strdup (parcours_card_get_text (g_ptr_array_index (cards, i)));

      g_strdelimit (line, "\r\n", ' ');
      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static gboolean
optional_string (JsonObject  *object,
                 const char  *member,
                 const char **value,
                 guint        index,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "cards[%u].%s: expected a string", index, member);
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
optional_enum (JsonObject  *object,
               const char  *member,
               GType        enum_type,
               int         *value,
               guint        index,
               GError     **error)
{
  const char *nick;

  if (!optional_string (object, member, &nick, index, error))
    return FALSE;
  if (nick == NULL)
    return TRUE;

  if (!parcours_enum_from_nick (enum_type, nick, value))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "cards[%u].%s: unknown value “%s”", index, member, nick);
      return FALSE;
    }
  return TRUE;
}

static ParcoursCard *
decode_card (JsonNode  *node,
             guint      index,
             GError   **error)
{
  g_autoptr(ParcoursCard) card = NULL;
  JsonObject *object;
  const char *text, *details, *color, *kpi;
  int channel = PARCOURS_CHANNEL_NONE, sentiment = PARCOURS_SENTIMENT_NEUTRAL;
  JsonNode *key_moment;
  JsonNode *votes;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "cards[%u]: expected an object", index);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!optional_string (object, "text", &text, index, error) ||
      !optional_string (object, "details", &details, index, error) ||
      !optional_string (object, "color", &color, index, error) ||
      !optional_string (object, "kpi", &kpi, index, error) ||
      !optional_enum (object, "channel", PARCOURS_TYPE_CHANNEL, &channel, index, error) ||
      !optional_enum (object, "sentiment", PARCOURS_TYPE_SENTIMENT, &sentiment, index, error))
    return NULL;

  if (color != NULL && !parcours_color_is_valid (color))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "cards[%u].color: expected a colour like #rrggbb", index);
      return NULL;
    }

  key_moment = json_object_get_member (object, "key-moment");
  if (key_moment != NULL && (!JSON_NODE_HOLDS_VALUE (key_moment) ||
                             json_node_get_value_type (key_moment) != G_TYPE_BOOLEAN))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "cards[%u].key-moment: expected true or false", index);
      return NULL;
    }

  votes = json_object_get_member (object, "votes");
  if (votes != NULL && (!JSON_NODE_HOLDS_VALUE (votes) ||
                        json_node_get_value_type (votes) != G_TYPE_INT64 ||
                        json_node_get_int (votes) < 0 ||
                        json_node_get_int (votes) > PARCOURS_CARD_MAX_VOTES))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "cards[%u].votes: expected an integer from 0 to %u", index, PARCOURS_CARD_MAX_VOTES);
      return NULL;
    }

  card = parcours_card_new ("clipboard", "clipboard", "clipboard", text != NULL ? text : "");
  parcours_card_set_details (card, details);
  parcours_card_set_color (card, color);
  parcours_card_set_kpi (card, kpi);
  parcours_card_set_channel (card, channel);
  parcours_card_set_sentiment (card, sentiment);
  parcours_card_set_key_moment (card, key_moment != NULL && json_node_get_boolean (key_moment));
  parcours_card_set_votes (card, votes != NULL ? (guint) json_node_get_int (votes) : 0);
  return g_steal_pointer (&card);
}

/**
 * parcours_clipboard_decode:
 * @bytes: what the clipboard holds in PARCOURS_CLIPBOARD_MIME_TYPE
 *
 * Returns: (transfer container) (element-type ParcoursCard): the cards,
 *   outside any document, or %NULL with @error saying what is wrong
 */
GPtrArray *
parcours_clipboard_decode (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) json_error = NULL;
  JsonObject *root;
  JsonNode *version, *list;
  JsonArray *array;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > PARCOURS_CLIPBOARD_MAX_BYTES)
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE,
                   "more than %u MB", PARCOURS_CLIPBOARD_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &json_error))
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                   "not JSON: %s", json_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                           "expected an object");
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  version = json_object_get_member (root, "parcours-cards");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != FORMAT_VERSION)
    {
      g_set_error_literal (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                           "parcours-cards: expected 1");
      return NULL;
    }

  list = json_object_get_member (root, "cards");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error_literal (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID,
                           "cards: expected an array");
      return NULL;
    }

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ParcoursCard *card = decode_card (json_array_get_element (array, i), i, error);

      if (card == NULL)
        return NULL;
      g_ptr_array_add (cards, card);
    }

  if (cards->len == 0)
    {
      g_set_error_literal (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_EMPTY, "no cards");
      return NULL;
    }

  return g_steal_pointer (&cards);
}

/**
 * parcours_clipboard_decode_text:
 * @text: plain text from another program
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * One card per non-empty line, trimmed.
 *
 * Returns: (transfer container) (element-type ParcoursCard): the cards,
 *   or %NULL with @error when the text is too large, not UTF-8 or blank
 */
GPtrArray *
parcours_clipboard_decode_text (const char *text,
                                gssize      length,
                                GError    **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if ((gsize) length > PARCOURS_CLIPBOARD_MAX_BYTES)
    {
      g_set_error (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE,
                   "more than %u MB", PARCOURS_CLIPBOARD_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_INVALID, "not UTF-8 text");
      return NULL;
    }

  copy = g_strndup (text, length);
  lines = g_strsplit_set (copy, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] != '\0')
        g_ptr_array_add (cards, parcours_card_new ("clipboard", "clipboard", "clipboard", line));
    }

  if (cards->len == 0)
    {
      g_set_error_literal (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_EMPTY, "no text");
      return NULL;
    }

  return g_steal_pointer (&cards);
}
