/* parcours-format-reader.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "parcours-color.h"
#include "parcours-document-private.h"
#include "parcours-enum-types.h"
#include "parcours-format-private.h"

/* Builds a document from the JSON tree of a `.parcours` file, checking
 * every member on the way. The first problem stops the reading and is
 * reported with the path of the value at fault, as in
 * `cards[7].stage: no stage with id "s9"`.
 *
 * Collections are read in the order personas, stages, lanes, cards,
 * emotion points, which is also the order of their references, so each
 * id an element names can be looked up in the document built so far.
 * Inside an element the id comes first, then the required members, then
 * every member in the order of the file. Members this version does not
 * know are kept, as compact JSON text, to be written back on save. */

typedef struct
{
  ParcoursDocument *document;
  GError **error;

  /* Where the reader is, for messages. */
  const char *collection;       /* "cards", or NULL at the top level */
  int index;                    /* the element in the collection, or -1 */
  const char *member;           /* the member being read, or NULL */
  int item;                     /* the string inside a list member, or -1 */

  GPtrArray *warnings;          /* problems that do not stop reading, or NULL */
} Reader;

typedef gboolean (*ReadElementFunc) (Reader           *self,
                                     ParcoursJsonNode *object);

static const char * const top_level_members[] = {
  "format", "version", "title", "description", "kind", "goals",
  "personas", "stages", "lanes", "cards", "emotion-points",
};

static void
append_path (Reader  *self,
             GString *path)
{
  if (self->collection != NULL)
    {
      g_string_append (path, self->collection);
      if (self->index >= 0)
        g_string_append_printf (path, "[%d]", self->index);
    }

  if (self->member != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, self->member);
    }

  if (self->item >= 0)
    g_string_append_printf (path, "[%d]", self->item);
}

static gboolean reader_fail (Reader              *self,
                             ParcoursFormatError  code,
                             const char          *format,
                             ...) G_GNUC_PRINTF (3, 4);

/* Sets the error, prefixed with the current path, and returns %FALSE. */
static gboolean
reader_fail (Reader              *self,
             ParcoursFormatError  code,
             const char          *format,
             ...)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (self->error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  path = g_string_new (NULL);
  append_path (self, path);

  if (path->len > 0)
    g_set_error (self->error, PARCOURS_FORMAT_ERROR, code, "%s: %s", path->str, message);
  else
    g_set_error_literal (self->error, PARCOURS_FORMAT_ERROR, code, message);

  return FALSE;
}

static gboolean reader_warn (Reader     *self,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

/* Records a problem that does not stop the reading, prefixed with the
 * current path, and returns %TRUE. */
static gboolean
reader_warn (Reader     *self,
             const char *format,
             ...)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (self->warnings == NULL)
    return TRUE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  path = g_string_new (NULL);
  append_path (self, path);

  g_ptr_array_add (self->warnings, g_strdup_printf ("%s: %s", path->str, message));
  return TRUE;
}

static char *
format_number (double value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  _parcours_json_append_double (text, value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
element_noun (ParcoursElement *element)
{
  if (PARCOURS_IS_PERSONA (element))
    return C_("element", "persona");
  if (PARCOURS_IS_STAGE (element))
    return C_("element", "stage");
  if (PARCOURS_IS_LANE (element))
    return C_("element", "lane");
  if (PARCOURS_IS_CARD (element))
    return C_("element", "card");
  return C_("element", "emotion point");
}

static gboolean
is_string (ParcoursJsonNode *node)
{
  return node->type == PARCOURS_JSON_STRING;
}

static gboolean
read_string (Reader            *self,
             ParcoursJsonNode  *node,
             gsize              max_size,
             const char       **value)
{
  if (!is_string (node))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected a string"));

  *value = node->value.string.str;

  if (node->value.string.length > max_size)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                        _("longer than %u bytes"), (guint) max_size);

  return TRUE;
}

static gboolean
read_text (Reader            *self,
           ParcoursJsonNode  *node,
           const char       **value)
{
  return read_string (self, node, PARCOURS_FORMAT_MAX_STRING_SIZE, value);
}

static gboolean
read_number (Reader           *self,
             ParcoursJsonNode *node,
             double            min,
             double            max,
             double           *value)
{
  if (node->type == PARCOURS_JSON_INTEGER)
    *value = (double) node->value.integer;
  else if (node->type == PARCOURS_JSON_DOUBLE)
    *value = node->value.number;
  else
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected a number"));

  if (!isfinite (*value))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE, "%s", _("not a finite number"));

  if (*value < min || *value > max)
    {
      g_autofree char *value_text = format_number (*value);
      g_autofree char *min_text = format_number (min);
      g_autofree char *max_text = format_number (max);

      return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE,
                          _("%s is out of range (%s to %s)"),
                          value_text, min_text, max_text);
    }

  return TRUE;
}

/* A whole number from 0 to @max, written as a JSON integer. */
static gboolean
read_count (Reader           *self,
            ParcoursJsonNode *node,
            guint             max,
            guint            *value)
{
  if (node->type != PARCOURS_JSON_INTEGER || node->value.integer < 0)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s",
                        _("expected a non-negative integer"));

  if (node->value.integer > max)
    {
      g_autofree char *value_text = g_strdup_printf ("%" G_GINT64_FORMAT, node->value.integer);
      g_autofree char *max_text = g_strdup_printf ("%u", max);

      return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE,
                          _("%s is out of range (%s to %s)"),
                          value_text, "0", max_text);
    }

  *value = (guint) node->value.integer;
  return TRUE;
}

static gboolean
read_boolean (Reader           *self,
              ParcoursJsonNode *node,
              gboolean         *value)
{
  if (node->type != PARCOURS_JSON_BOOLEAN)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected true or false"));

  *value = node->value.boolean;
  return TRUE;
}

static gboolean
read_enum (Reader           *self,
           ParcoursJsonNode *node,
           GType             enum_type,
           int              *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) allowed = NULL;
  g_autofree char *nick = NULL;
  const char *text;

  if (!read_text (self, node, &text))
    return FALSE;

  if (parcours_enum_from_nick (enum_type, text, value))
    return TRUE;

  klass = g_type_class_ref (enum_type);
  allowed = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (allowed, ", ");
      g_string_append (allowed, klass->values[i].value_nick);
    }

  nick = _parcours_format_shorten (text);
  return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE,
                      _("unknown value \"%s\"; expected one of: %s"),
                      nick, allowed->str);
}

static gboolean
read_color (Reader            *self,
            ParcoursJsonNode  *node,
            const char       **color)
{
  if (node->type == PARCOURS_JSON_NULL)
    {
      *color = NULL;
      return TRUE;
    }

  if (!is_string (node))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected a string"));

  *color = node->value.string.str;
  if (!parcours_color_is_valid (*color))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE, "%s",
                        _("expected a colour like #3584e4"));

  return TRUE;
}

/* A list of strings; the result points into @node. */
static gboolean
read_string_list (Reader             *self,
                  ParcoursJsonNode   *node,
                  const char       ***strv)
{
  g_autofree const char **result = NULL;
  ParcoursJsonNode *item;
  guint i = 0;

  if (node->type != PARCOURS_JSON_ARRAY)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected an array"));

  if (node->n_children > PARCOURS_FORMAT_MAX_LIST_ITEMS)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                        _("more than %u items"), (guint) PARCOURS_FORMAT_MAX_LIST_ITEMS);

  result = g_new0 (const char *, node->n_children + 1);
  for (item = node->value.first_child; item != NULL; item = item->next, i++)
    {
      self->item = i;
      if (!read_text (self, item, &result[i]))
        return FALSE;
    }
  self->item = -1;

  *strv = g_steal_pointer (&result);
  return TRUE;
}

static gboolean
read_id (Reader            *self,
         ParcoursJsonNode  *node,
         const char       **id)
{
  if (!is_string (node))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected a string"));

  *id = node->value.string.str;

  if ((*id)[0] == '\0')
    return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE, "%s", _("an id cannot be empty"));

  /* Look at no more bytes than the longest valid id can have. */
  if (g_utf8_strlen (*id, PARCOURS_FORMAT_MAX_ID_LENGTH * 4 + 4) > PARCOURS_FORMAT_MAX_ID_LENGTH)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                        _("longer than %u characters"),
                        (guint) PARCOURS_FORMAT_MAX_ID_LENGTH);

  return TRUE;
}

static gboolean
fail_no_such_element (Reader     *self,
                      GType       expected_type,
                      const char *id)
{
  if (expected_type == PARCOURS_TYPE_PERSONA)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_DANGLING_ID,
                        _("no persona with id \"%s\""), id);
  if (expected_type == PARCOURS_TYPE_STAGE)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_DANGLING_ID,
                        _("no stage with id \"%s\""), id);
  return reader_fail (self, PARCOURS_FORMAT_ERROR_DANGLING_ID,
                      _("no lane with id \"%s\""), id);
}

/* A member naming another element: it must exist and be of @expected_type. */
static gboolean
read_reference (Reader            *self,
                ParcoursJsonNode  *node,
                GType              expected_type,
                ParcoursElement  **element)
{
  const char *id;

  if (!read_id (self, node, &id))
    return FALSE;

  *element = parcours_document_lookup (self->document, id);

  if (*element == NULL)
    return fail_no_such_element (self, expected_type, id);

  if (!G_TYPE_CHECK_INSTANCE_TYPE (*element, expected_type))
    {
      const char *expected_noun;

      if (expected_type == PARCOURS_TYPE_PERSONA)
        expected_noun = C_("element", "persona");
      else if (expected_type == PARCOURS_TYPE_STAGE)
        expected_noun = C_("element", "stage");
      else
        expected_noun = C_("element", "lane");

      return reader_fail (self, PARCOURS_FORMAT_ERROR_DANGLING_ID,
                          _("\"%s\" is a %s, not a %s"),
                          id, element_noun (*element), expected_noun);
    }

  return TRUE;
}

static gboolean skip_photo (Reader     *self,
                            gboolean   *unusable,
                            const char *format,
                            ...) G_GNUC_PRINTF (3, 4);

/* Warns that a photo is left out, and returns %TRUE. */
static gboolean
skip_photo (Reader     *self,
            gboolean   *unusable,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  *unusable = TRUE;
  return reader_warn (self, "%s", message);
}

/* A photo that is not what this version can show is not an error: the
 * map loads without it, with a warning, and @unusable tells the caller
 * to keep the text as it was, so that saving loses nothing. Only an
 * embedded PNG or JPEG is ever decoded; a URI that names anything else,
 * such as a file or a web address, is never followed. */
static gboolean
read_photo (Reader            *self,
            ParcoursJsonNode  *node,
            GBytes           **photo,
            gboolean          *unusable)
{
  static const char * const types[] = { "image/png", "image/jpeg" };
  g_autoptr(GBytes) bytes = NULL;
  const char *declared_type = NULL;
  const char *actual_type;
  const char *uri;
  const char *comma;
  const char *base64 = NULL;
  gsize length;
  gsize size;
  guchar *data;

  *photo = NULL;
  *unusable = FALSE;

  if (node->type == PARCOURS_JSON_NULL)
    return TRUE;

  if (!read_string (self, node, PARCOURS_FORMAT_MAX_PHOTO_URI_SIZE, &uri))
    return FALSE;

  /* Exactly data:image/png;base64,… or data:image/jpeg;base64,… as
   * Parcours writes them, so that the schema can tell the same. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *prefix = g_strconcat ("data:", types[i], ";base64,", NULL);

      if (g_str_has_prefix (uri, prefix))
        {
          declared_type = types[i];
          base64 = uri + strlen (prefix);
        }
    }

  if (declared_type == NULL)
    {
      g_autofree char *media_type = NULL;
      g_autofree char *shown = NULL;

      comma = strchr (uri, ',');
      if (!g_str_has_prefix (uri, "data:") ||
          comma == NULL ||
          comma - uri < (gssize) strlen ("data:;base64") ||
          strncmp (comma - strlen (";base64"), ";base64", strlen (";base64")) != 0)
        return skip_photo (self, unusable, "%s",
                           _("expected a data URI like data:image/png;base64,…"));

      media_type = g_strndup (uri + strlen ("data:"),
                              comma - uri - strlen ("data:;base64"));
      shown = _parcours_format_shorten (media_type);
      return skip_photo (self, unusable,
                         _("unsupported image type \"%s\"; expected image/png or image/jpeg"),
                         shown);
    }

  length = strlen (base64);
  if (length == 0 || length % 4 != 0)
    return skip_photo (self, unusable, "%s", _("invalid base64 data"));

  for (gsize i = 0; i < length; i++)
    {
      char c = base64[i];

      if (g_ascii_isalnum (c) || c == '+' || c == '/')
        continue;
      if (c == '=' && (i == length - 1 || (i == length - 2 && base64[length - 1] == '=')))
        continue;
      return skip_photo (self, unusable, "%s", _("invalid base64 data"));
    }

  size = length / 4 * 3 - (base64[length - 1] == '=') - (base64[length - 2] == '=');
  if (size > PARCOURS_PERSONA_MAX_PHOTO_SIZE)
    return skip_photo (self, unusable,
                       _("image larger than %u bytes"),
                       (guint) PARCOURS_PERSONA_MAX_PHOTO_SIZE);

  data = g_base64_decode (base64, &size);
  bytes = g_bytes_new_take (data, size);

  if (!parcours_persona_photo_is_supported (bytes, &actual_type))
    return skip_photo (self, unusable, "%s", _("not a PNG or JPEG image"));

  if (strcmp (actual_type, declared_type) != 0)
    return skip_photo (self, unusable,
                       _("the image is %s, not %s"), actual_type, declared_type);

  *photo = g_steal_pointer (&bytes);
  return TRUE;
}

/* Keeps a member this version does not know, in the order of the file. */
static gboolean
read_unknown (Reader            *self,
              GString          **unknown,
              ParcoursJsonNode  *node)
{
  if (*unknown == NULL)
    {
      *unknown = g_string_new ("{");
    }
  else
    {
      g_string_append_c (*unknown, ',');
    }

  _parcours_json_append_string (*unknown, node->name);
  g_string_append_c (*unknown, ':');

  if (!_parcours_json_append_node (*unknown, node, -1))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE, "%s", _("not a finite number"));

  return TRUE;
}

static char *
finish_unknown (GString *unknown)
{
  if (unknown == NULL)
    return NULL;

  g_string_append_c (unknown, '}');
  return g_strdup (unknown->str);
}

static gboolean
require_member (Reader           *self,
                ParcoursJsonNode *object,
                const char       *name)
{
  if (_parcours_json_object_get (object, name) != NULL)
    return TRUE;

  return reader_fail (self, PARCOURS_FORMAT_ERROR_MISSING,
                      _("missing required member \"%s\""), name);
}

/* Reads and checks the id every element starts with. */
static gboolean
read_element_id (Reader            *self,
                 ParcoursJsonNode  *object,
                 const char       **id)
{
  ParcoursElement *existing;
  ParcoursJsonNode *node;

  node = _parcours_json_object_get (object, "id");
  if (node == NULL)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_MISSING,
                        _("missing required member \"%s\""), "id");

  self->member = "id";
  if (!read_id (self, node, id))
    return FALSE;

  existing = parcours_document_lookup (self->document, *id);
  if (existing != NULL)
    {
      ParcoursCollection collection = parcours_collection_for_type (G_OBJECT_TYPE (existing));
      g_autofree char *where = NULL;
      guint position = 0;

      parcours_document_find_position (self->document, existing, &position);
      where = g_strdup_printf ("%s[%u]", parcours_collection_get_name (collection), position);

      return reader_fail (self, PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
                          _("duplicate id \"%s\", already used by %s"), *id, where);
    }

  self->member = NULL;
  return TRUE;
}

static gboolean
add_element (Reader          *self,
             ParcoursElement *element,
             GString         *unknown)
{
  g_autofree char *unknown_json = finish_unknown (unknown);
  g_autoptr(GError) error = NULL;

  self->member = NULL;

  if (unknown_json != NULL)
    parcours_element_set_unknown_json (element, unknown_json);

  /* Ids were checked to be unique, so this cannot fail. */
  if (!_parcours_document_insert (self->document, element, G_MAXUINT, &error))
    return reader_fail (self, PARCOURS_FORMAT_ERROR_DUPLICATE_ID, "%s", error->message);

  return TRUE;
}

static gboolean
read_persona (Reader           *self,
              ParcoursJsonNode *object)
{
  g_autoptr(ParcoursPersona) persona = NULL;
  g_autoptr(GString) unknown = NULL;
  ParcoursJsonNode *node;
  const char *id;

  if (!read_element_id (self, object, &id))
    return FALSE;

  persona = g_object_new (PARCOURS_TYPE_PERSONA, "id", id, NULL);

  for (node = object->value.first_child; node != NULL; node = node->next)
    {
      const char *name = node->name;

      self->member = name;

      if (strcmp (name, "id") == 0)
        {
          continue;
        }
      else if (strcmp (name, "name") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_persona_set_name (persona, value);
        }
      else if (strcmp (name, "role") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_persona_set_role (persona, value);
        }
      else if (strcmp (name, "goals") == 0)
        {
          g_autofree const char **value = NULL;

          if (!read_string_list (self, node, &value))
            return FALSE;
          parcours_persona_set_goals (persona, value);
        }
      else if (strcmp (name, "needs") == 0)
        {
          g_autofree const char **value = NULL;

          if (!read_string_list (self, node, &value))
            return FALSE;
          parcours_persona_set_needs (persona, value);
        }
      else if (strcmp (name, "frustrations") == 0)
        {
          g_autofree const char **value = NULL;

          if (!read_string_list (self, node, &value))
            return FALSE;
          parcours_persona_set_frustrations (persona, value);
        }
      else if (strcmp (name, "color") == 0)
        {
          const char *value = NULL;

          if (!read_color (self, node, &value))
            return FALSE;
          parcours_persona_set_color (persona, value);
        }
      else if (strcmp (name, "photo") == 0)
        {
          g_autoptr(GBytes) value = NULL;
          gboolean unusable = FALSE;

          if (!read_photo (self, node, &value, &unusable))
            return FALSE;
          /* Written back as it was, in the place of a photo */
          if (unusable && !read_unknown (self, &unknown, node))
            return FALSE;
          parcours_persona_set_photo (persona, value);
        }
      else if (!read_unknown (self, &unknown, node))
        {
          return FALSE;
        }
    }

  return add_element (self, PARCOURS_ELEMENT (persona), unknown);
}

static gboolean
read_stage (Reader           *self,
            ParcoursJsonNode *object)
{
  g_autoptr(ParcoursStage) stage = NULL;
  g_autoptr(GString) unknown = NULL;
  ParcoursJsonNode *node;
  const char *id;

  if (!read_element_id (self, object, &id))
    return FALSE;

  stage = g_object_new (PARCOURS_TYPE_STAGE, "id", id, NULL);

  for (node = object->value.first_child; node != NULL; node = node->next)
    {
      const char *name = node->name;

      self->member = name;

      if (strcmp (name, "id") == 0)
        {
          continue;
        }
      else if (strcmp (name, "name") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_stage_set_name (stage, value);
        }
      else if (strcmp (name, "description") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_stage_set_description (stage, value);
        }
      else if (strcmp (name, "color") == 0)
        {
          const char *value = NULL;

          if (!read_color (self, node, &value))
            return FALSE;
          parcours_stage_set_color (stage, value);
        }
      else if (strcmp (name, "width") == 0)
        {
          double value = 0.0;

          if (!read_number (self, node, PARCOURS_STAGE_MIN_WIDTH, PARCOURS_STAGE_MAX_WIDTH, &value))
            return FALSE;
          parcours_stage_set_width (stage, value);
        }
      else if (!read_unknown (self, &unknown, node))
        {
          return FALSE;
        }
    }

  return add_element (self, PARCOURS_ELEMENT (stage), unknown);
}

static gboolean
read_lane (Reader           *self,
           ParcoursJsonNode *object)
{
  g_autoptr(ParcoursLane) lane = NULL;
  g_autoptr(GString) unknown = NULL;
  ParcoursJsonNode *node;
  const char *id;

  if (!read_element_id (self, object, &id))
    return FALSE;

  lane = g_object_new (PARCOURS_TYPE_LANE, "id", id, NULL);

  for (node = object->value.first_child; node != NULL; node = node->next)
    {
      const char *name = node->name;

      self->member = name;

      if (strcmp (name, "id") == 0)
        {
          continue;
        }
      else if (strcmp (name, "name") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_lane_set_name (lane, value);
        }
      else if (strcmp (name, "kind") == 0)
        {
          int value = 0;

          if (!read_enum (self, node, PARCOURS_TYPE_LANE_KIND, &value))
            return FALSE;
          parcours_lane_set_kind (lane, value);
        }
      else if (strcmp (name, "persona") == 0)
        {
          ParcoursElement *persona = NULL;

          if (node->type != PARCOURS_JSON_NULL &&
              !read_reference (self, node, PARCOURS_TYPE_PERSONA, &persona))
            return FALSE;
          parcours_lane_set_persona_id (lane,
                                        persona ? parcours_element_get_id (persona) : NULL);
        }
      else if (strcmp (name, "height") == 0)
        {
          double value = 0.0;

          if (!read_number (self, node, PARCOURS_LANE_MIN_HEIGHT, PARCOURS_LANE_MAX_HEIGHT, &value))
            return FALSE;
          parcours_lane_set_height (lane, value);
        }
      else if (strcmp (name, "collapsed") == 0)
        {
          gboolean value = FALSE;

          if (!read_boolean (self, node, &value))
            return FALSE;
          parcours_lane_set_collapsed (lane, value);
        }
      else if (!read_unknown (self, &unknown, node))
        {
          return FALSE;
        }
    }

  return add_element (self, PARCOURS_ELEMENT (lane), unknown);
}

static gboolean
read_card (Reader           *self,
           ParcoursJsonNode *object)
{
  g_autoptr(ParcoursCard) card = NULL;
  g_autoptr(GString) unknown = NULL;
  ParcoursJsonNode *node;
  const char *id;

  if (!read_element_id (self, object, &id) ||
      !require_member (self, object, "lane") ||
      !require_member (self, object, "stage"))
    return FALSE;

  card = g_object_new (PARCOURS_TYPE_CARD, "id", id, NULL);

  for (node = object->value.first_child; node != NULL; node = node->next)
    {
      const char *name = node->name;

      self->member = name;

      if (strcmp (name, "id") == 0)
        {
          continue;
        }
      else if (strcmp (name, "lane") == 0)
        {
          ParcoursElement *lane;

          if (!read_reference (self, node, PARCOURS_TYPE_LANE, &lane))
            return FALSE;
          parcours_card_set_lane_id (card, parcours_element_get_id (lane));
        }
      else if (strcmp (name, "stage") == 0)
        {
          ParcoursElement *stage;

          if (!read_reference (self, node, PARCOURS_TYPE_STAGE, &stage))
            return FALSE;
          parcours_card_set_stage_id (card, parcours_element_get_id (stage));
        }
      else if (strcmp (name, "text") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_card_set_text (card, value);
        }
      else if (strcmp (name, "details") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_card_set_details (card, value);
        }
      else if (strcmp (name, "channel") == 0)
        {
          int value = 0;

          if (!read_enum (self, node, PARCOURS_TYPE_CHANNEL, &value))
            return FALSE;
          parcours_card_set_channel (card, value);
        }
      else if (strcmp (name, "sentiment") == 0)
        {
          int value = 0;

          if (!read_enum (self, node, PARCOURS_TYPE_SENTIMENT, &value))
            return FALSE;
          parcours_card_set_sentiment (card, value);
        }
      else if (strcmp (name, "color") == 0)
        {
          const char *value = NULL;

          if (!read_color (self, node, &value))
            return FALSE;
          parcours_card_set_color (card, value);
        }
      else if (strcmp (name, "key-moment") == 0)
        {
          gboolean value = FALSE;

          if (!read_boolean (self, node, &value))
            return FALSE;
          parcours_card_set_key_moment (card, value);
        }
      else if (strcmp (name, "kpi") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_card_set_kpi (card, value);
        }
      else if (strcmp (name, "votes") == 0)
        {
          guint value = 0;

          if (!read_count (self, node, PARCOURS_CARD_MAX_VOTES, &value))
            return FALSE;
          parcours_card_set_votes (card, value);
        }
      else if (!read_unknown (self, &unknown, node))
        {
          return FALSE;
        }
    }

  return add_element (self, PARCOURS_ELEMENT (card), unknown);
}

static gboolean
read_emotion_point (Reader           *self,
                    ParcoursJsonNode *object)
{
  g_autoptr(ParcoursEmotionPoint) point = NULL;
  g_autoptr(GString) unknown = NULL;
  ParcoursJsonNode *node;
  const char *id;

  if (!read_element_id (self, object, &id) ||
      !require_member (self, object, "lane") ||
      !require_member (self, object, "stage") ||
      !require_member (self, object, "value"))
    return FALSE;

  point = g_object_new (PARCOURS_TYPE_EMOTION_POINT, "id", id, NULL);

  for (node = object->value.first_child; node != NULL; node = node->next)
    {
      const char *name = node->name;

      self->member = name;

      if (strcmp (name, "id") == 0)
        {
          continue;
        }
      else if (strcmp (name, "lane") == 0)
        {
          ParcoursElement *lane;
          ParcoursLaneKind kind;

          if (!read_reference (self, node, PARCOURS_TYPE_LANE, &lane))
            return FALSE;

          kind = parcours_lane_get_kind (PARCOURS_LANE (lane));
          if (kind != PARCOURS_LANE_KIND_EMOTIONS)
            return reader_fail (self, PARCOURS_FORMAT_ERROR_DANGLING_ID,
                                _("lane \"%s\" is of kind \"%s\", not \"%s\""),
                                parcours_element_get_id (lane),
                                parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, kind),
                                parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND,
                                                       PARCOURS_LANE_KIND_EMOTIONS));

          parcours_emotion_point_set_lane_id (point, parcours_element_get_id (lane));
        }
      else if (strcmp (name, "stage") == 0)
        {
          ParcoursElement *stage;

          if (!read_reference (self, node, PARCOURS_TYPE_STAGE, &stage))
            return FALSE;
          parcours_emotion_point_set_stage_id (point, parcours_element_get_id (stage));
        }
      else if (strcmp (name, "offset") == 0)
        {
          double value = 0.0;

          if (!read_number (self, node, 0.0, 1.0, &value))
            return FALSE;
          parcours_emotion_point_set_offset (point, value);
        }
      else if (strcmp (name, "value") == 0)
        {
          double value = 0.0;

          if (!read_number (self, node, -1.0, 1.0, &value))
            return FALSE;
          parcours_emotion_point_set_value (point, value);
        }
      else if (strcmp (name, "label") == 0)
        {
          const char *value = NULL;

          if (!read_text (self, node, &value))
            return FALSE;
          parcours_emotion_point_set_label (point, value);
        }
      else if (!read_unknown (self, &unknown, node))
        {
          return FALSE;
        }
    }

  return add_element (self, PARCOURS_ELEMENT (point), unknown);
}

static gboolean
read_collection (Reader             *self,
                 ParcoursJsonNode   *root,
                 ParcoursCollection  collection,
                 guint               max_items,
                 ReadElementFunc     read_element)
{
  const char *name = parcours_collection_get_name (collection);
  ParcoursJsonNode *node;
  ParcoursJsonNode *element;
  int i = 0;

  node = _parcours_json_object_get (root, name);
  if (node == NULL)
    return TRUE;

  self->member = name;

  if (node->type != PARCOURS_JSON_ARRAY)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected an array"));

  if (node->n_children > max_items)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                        _("more than %u items"), max_items);

  self->collection = name;
  for (element = node->value.first_child; element != NULL; element = element->next, i++)
    {
      self->index = i;
      self->member = NULL;

      if (element->type != PARCOURS_JSON_OBJECT)
        return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected an object"));

      if (!read_element (self, element))
        return FALSE;
    }

  self->collection = NULL;
  self->index = -1;
  self->member = NULL;

  return TRUE;
}

static gboolean
read_format_and_version (Reader           *self,
                         ParcoursJsonNode *root)
{
  ParcoursJsonNode *node;
  double version;

  node = _parcours_json_object_get (root, "format");
  if (node == NULL)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_NOT_PARCOURS, "%s",
                        _("not a Parcours map: the \"format\" member is missing"));

  self->member = "format";
  if (!is_string (node) || strcmp (node->value.string.str, "parcours") != 0)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_NOT_PARCOURS, "%s",
                        _("expected \"parcours\""));

  self->member = NULL;
  node = _parcours_json_object_get (root, "version");
  if (node == NULL)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_MISSING,
                        _("missing required member \"%s\""), "version");

  self->member = "version";
  if (!read_number (self, node, -G_MAXDOUBLE, G_MAXDOUBLE, &version))
    return FALSE;

  if (version < 1)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_RANGE, "%s",
                        _("expected a version number of at least 1"));

  /* 1.x files may have members 1.0 does not know: they are kept. A new
   * major version means this one cannot read the file right. */
  if (floor (version) > PARCOURS_FORMAT_VERSION)
    {
      g_autofree char *version_text = format_number (version);

      self->member = NULL;
      return reader_fail (self, PARCOURS_FORMAT_ERROR_VERSION,
                          _("version %s is newer than this Parcours can read (%d); "
                            "please update Parcours"),
                          version_text, PARCOURS_FORMAT_VERSION);
    }

  self->member = NULL;
  return TRUE;
}

static gboolean
read_document_properties (Reader           *self,
                          ParcoursJsonNode *root)
{
  const char *text;
  ParcoursJsonNode *node;

  if ((node = _parcours_json_object_get (root, "title")) != NULL)
    {
      self->member = "title";
      if (!read_text (self, node, &text))
        return FALSE;
      parcours_document_set_title (self->document, text);
    }

  if ((node = _parcours_json_object_get (root, "description")) != NULL)
    {
      self->member = "description";
      if (!read_text (self, node, &text))
        return FALSE;
      parcours_document_set_description (self->document, text);
    }

  if ((node = _parcours_json_object_get (root, "kind")) != NULL)
    {
      int kind;

      self->member = "kind";
      if (!read_enum (self, node, PARCOURS_TYPE_MAP_KIND, &kind))
        return FALSE;
      parcours_document_set_kind (self->document, kind);
    }

  if ((node = _parcours_json_object_get (root, "goals")) != NULL)
    {
      g_autofree const char **goals = NULL;

      self->member = "goals";
      if (!read_string_list (self, node, &goals))
        return FALSE;
      parcours_document_set_goals (self->document, goals);
    }

  self->member = NULL;
  return TRUE;
}

static gboolean
is_top_level_member (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (top_level_members); i++)
    if (strcmp (name, top_level_members[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
read_document_unknown (Reader           *self,
                       ParcoursJsonNode *root)
{
  g_autoptr(GString) unknown = NULL;
  g_autofree char *unknown_json = NULL;

  for (ParcoursJsonNode *node = root->value.first_child; node != NULL; node = node->next)
    {
      if (is_top_level_member (node->name))
        continue;

      self->member = node->name;
      if (!read_unknown (self, &unknown, node))
        return FALSE;
    }

  self->member = NULL;

  unknown_json = finish_unknown (unknown);
  if (unknown_json != NULL)
    parcours_document_set_unknown_json (self->document, unknown_json);

  return TRUE;
}

/**
 * _parcours_format_read:
 * @root: the root of a parsed file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   @error set to the first problem found
 */
ParcoursDocument *
_parcours_format_read (ParcoursJsonNode  *root,
                       GError           **error)
{
  return _parcours_format_read_with_warnings (root, NULL, error);
}

/**
 * _parcours_format_read_with_warnings:
 * @root: the root of a parsed file
 * @warnings: (nullable) (element-type utf8): where to add the problems
 *   that do not stop the reading, such as a photo that is left out
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   @error set to the first problem found
 */
ParcoursDocument *
_parcours_format_read_with_warnings (ParcoursJsonNode  *root,
                                     GPtrArray         *warnings,
                                     GError           **error)
{
  g_autoptr(ParcoursDocument) document = NULL;
  Reader reader = { NULL, error, NULL, -1, NULL, -1, warnings };

  g_return_val_if_fail (root != NULL, NULL);

  if (root->type != PARCOURS_JSON_OBJECT)
    {
      reader_fail (&reader, PARCOURS_FORMAT_ERROR_NOT_PARCOURS, "%s",
                   _("expected an object at the top level"));
      return NULL;
    }

  document = parcours_document_new ();
  reader.document = document;

  if (!read_format_and_version (&reader, root) ||
      !read_document_properties (&reader, root) ||
      !read_collection (&reader, root, PARCOURS_COLLECTION_PERSONAS,
                        PARCOURS_FORMAT_MAX_PERSONAS, read_persona) ||
      !read_collection (&reader, root, PARCOURS_COLLECTION_STAGES,
                        PARCOURS_FORMAT_MAX_STAGES, read_stage) ||
      !read_collection (&reader, root, PARCOURS_COLLECTION_LANES,
                        PARCOURS_FORMAT_MAX_LANES, read_lane) ||
      !read_collection (&reader, root, PARCOURS_COLLECTION_CARDS,
                        PARCOURS_FORMAT_MAX_CARDS, read_card) ||
      !read_collection (&reader, root, PARCOURS_COLLECTION_EMOTION_POINTS,
                        PARCOURS_FORMAT_MAX_EMOTION_POINTS, read_emotion_point) ||
      !read_document_unknown (&reader, root))
    return NULL;

  return g_steal_pointer (&document);
}
