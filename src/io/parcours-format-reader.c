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
#include "parcours-import-private.h"

/* Builds a document from the JSON tree of a `.parcours` file, checking
 * every member on the way. The first problem stops the reading and is
 * reported with the path of the value at fault, as in
 * `cards[7].stage: no stage with id "s9"`.
 *
 * Collections are read in the order personas, stages, lanes, cards,
 * emotion points, which is also the order of their references, so each
 * id an element names can be looked up in the document built so far.
 * Inside an element the id comes first, then the required members, then
 * every member in the order of the file. What each element holds, and
 * the limits of each member, is in the tables of
 * parcours-format-members.c. Members this version does not know are
 * kept, as compact JSON text, to be written back on save. */

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
  g_autoptr(GString) path = g_string_new (NULL);
  va_list args;

  append_path (self, path);

  va_start (args, format);
  _parcours_import_set_error_valist (self->error, code,
                                     &(ParcoursImportPlace) { .path = path->str },
                                     format, args);
  va_end (args);

  return FALSE;
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

/* Warns, prefixed with the current path, that a photo is left out, and
 * returns %TRUE. */
static gboolean
skip_photo (Reader     *self,
            gboolean   *unusable,
            const char *format,
            ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  va_list args;

  *unusable = TRUE;
  if (self->warnings == NULL)
    return TRUE;

  append_path (self, path);

  va_start (args, format);
  g_ptr_array_add (self->warnings,
                   _parcours_import_message_valist (&(ParcoursImportPlace) { .path = path->str },
                                                    format, args));
  va_end (args);

  return TRUE;
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
  if (!_parcours_import_insert (self->document, element, &error))
    return reader_fail (self, error->code, "%s", error->message);

  return TRUE;
}

/* The reference a member holds, checked as its row asks; @id is the id
 * of the element it names, or %NULL for null. */
static gboolean
read_reference_member (Reader                *self,
                       const ParcoursMember  *member,
                       ParcoursJsonNode      *node,
                       const char           **id)
{
  ParcoursElement *element = NULL;
  ParcoursLaneKind kind;

  *id = NULL;
  if (node->type == PARCOURS_JSON_NULL && !(member->flags & PARCOURS_MEMBER_REQUIRED))
    return TRUE;

  if (!read_reference (self, node, member->target_type (), &element))
    return FALSE;

  *id = parcours_element_get_id (element);
  if (!(member->flags & PARCOURS_MEMBER_EMOTIONS_LANE))
    return TRUE;

  kind = parcours_lane_get_kind (PARCOURS_LANE (element));
  if (kind != PARCOURS_LANE_KIND_EMOTIONS)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_DANGLING_ID,
                        _("lane \"%s\" is of kind \"%s\", not \"%s\""),
                        *id,
                        parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, kind),
                        parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND,
                                               PARCOURS_LANE_KIND_EMOTIONS));
  return TRUE;
}

/* A member whose value is a string in the model, or %NULL. */
static gboolean
read_string_member (Reader                *self,
                    const ParcoursMember  *member,
                    ParcoursJsonNode      *node,
                    const char           **text)
{
  switch (member->kind)
    {
    case PARCOURS_MEMBER_TEXT:
      return read_text (self, node, text);
    case PARCOURS_MEMBER_COLOR:
      return read_color (self, node, text);
    default:
      return read_reference_member (self, member, node, text);
    }
}

/* A persona's photo; one this version cannot show is kept, as it was,
 * among the unknown members, to be written back in the place of a photo. */
static gboolean
read_photo_member (Reader           *self,
                   GObject          *object,
                   ParcoursJsonNode *node,
                   GString         **unknown)
{
  g_autoptr(GBytes) photo = NULL;
  gboolean unusable = FALSE;

  if (!read_photo (self, node, &photo, &unusable))
    return FALSE;
  if (unusable && !read_unknown (self, unknown, node))
    return FALSE;

  parcours_persona_set_photo (PARCOURS_PERSONA (object), photo);
  return TRUE;
}

/* Reads @node as @member says and sets it on @object through the
 * model's setter. Strings and lists point into @node: the setters copy
 * them. */
static gboolean
read_member (Reader               *self,
             GObject              *object,
             const ParcoursMember *member,
             ParcoursJsonNode     *node,
             GString             **unknown)
{
  g_autofree const char **strv = NULL;
  const char *text = NULL;
  gboolean boolean = FALSE;
  double number = 0.0;
  guint count = 0;
  int enum_value = 0;

  switch (member->kind)
    {
    case PARCOURS_MEMBER_TEXT:
    case PARCOURS_MEMBER_COLOR:
    case PARCOURS_MEMBER_REFERENCE:
      if (!read_string_member (self, member, node, &text))
        return FALSE;
      ((ParcoursSetString) member->set) (object, text);
      return TRUE;

    case PARCOURS_MEMBER_TEXT_LIST:
      if (!read_string_list (self, node, &strv))
        return FALSE;
      ((ParcoursSetStrv) member->set) (object, strv);
      return TRUE;

    case PARCOURS_MEMBER_ENUM:
      if (!read_enum (self, node, member->enum_type (), &enum_value))
        return FALSE;
      ((ParcoursSetEnum) member->set) (object, enum_value);
      return TRUE;

    case PARCOURS_MEMBER_NUMBER:
      if (!read_number (self, node, member->min, member->max, &number))
        return FALSE;
      ((ParcoursSetNumber) member->set) (object, number);
      return TRUE;

    case PARCOURS_MEMBER_COUNT:
      if (!read_count (self, node, (guint) member->max, &count))
        return FALSE;
      ((ParcoursSetCount) member->set) (object, count);
      return TRUE;

    case PARCOURS_MEMBER_BOOLEAN:
      if (!read_boolean (self, node, &boolean))
        return FALSE;
      ((ParcoursSetBoolean) member->set) (object, boolean);
      return TRUE;

    case PARCOURS_MEMBER_PHOTO:
      return read_photo_member (self, object, node, unknown);

    default:
      g_assert_not_reached ();
    }
}

/* An element: its id first, then the required members, then every
 * member in the order of the file. */
static gboolean
read_element (Reader                      *self,
              const ParcoursElementFormat *format,
              ParcoursJsonNode            *object)
{
  g_autoptr(GObject) element = NULL;
  g_autoptr(GString) unknown = NULL;
  const char *id;

  if (!read_element_id (self, object, &id))
    return FALSE;

  for (guint i = 0; i < format->n_members; i++)
    if ((format->members[i].flags & PARCOURS_MEMBER_REQUIRED) &&
        !require_member (self, object, format->members[i].name))
      return FALSE;

  element = g_object_new (format->get_type (), "id", id, NULL);

  for (ParcoursJsonNode *node = object->value.first_child; node != NULL; node = node->next)
    {
      const ParcoursMember *member;

      if (strcmp (node->name, "id") == 0)
        continue;

      self->member = node->name;
      member = _parcours_format_find_member (format->members, format->n_members, node->name);
      if (member == NULL)
        {
          if (!read_unknown (self, &unknown, node))
            return FALSE;
        }
      else if (!read_member (self, element, member, node, &unknown))
        {
          return FALSE;
        }
    }

  return add_element (self, PARCOURS_ELEMENT (element), unknown);
}

static gboolean
read_collection (Reader                      *self,
                 ParcoursJsonNode            *root,
                 const ParcoursElementFormat *format)
{
  const char *name = parcours_collection_get_name (format->collection);
  ParcoursJsonNode *node;
  ParcoursJsonNode *element;
  int i = 0;

  node = _parcours_json_object_get (root, name);
  if (node == NULL)
    return TRUE;

  self->member = name;

  if (node->type != PARCOURS_JSON_ARRAY)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected an array"));

  if (node->n_children > format->max_items)
    return reader_fail (self, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                        _("more than %u items"), format->max_items);

  self->collection = name;
  for (element = node->value.first_child; element != NULL; element = element->next, i++)
    {
      self->index = i;
      self->member = NULL;

      if (element->type != PARCOURS_JSON_OBJECT)
        return reader_fail (self, PARCOURS_FORMAT_ERROR_TYPE, "%s", _("expected an object"));

      if (!read_element (self, format, element))
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

/* The document's own members, in the order of the table. */
static gboolean
read_document_properties (Reader           *self,
                          ParcoursJsonNode *root)
{
  for (guint i = 0; i < _parcours_format_n_document_members; i++)
    {
      const ParcoursMember *member = &_parcours_format_document_members[i];
      ParcoursJsonNode *node = _parcours_json_object_get (root, member->name);

      if (node == NULL)
        continue;

      self->member = member->name;
      if (!read_member (self, G_OBJECT (self->document), member, node, NULL))
        return FALSE;
    }

  self->member = NULL;
  return TRUE;
}

static gboolean
read_document_unknown (Reader           *self,
                       ParcoursJsonNode *root)
{
  g_autoptr(GString) unknown = NULL;
  g_autofree char *unknown_json = NULL;

  for (ParcoursJsonNode *node = root->value.first_child; node != NULL; node = node->next)
    {
      if (_parcours_format_is_known_top_level (node->name))
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
      !read_document_properties (&reader, root))
    return NULL;

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    if (!read_collection (&reader, root, &_parcours_format_elements[c]))
      return NULL;

  if (!read_document_unknown (&reader, root))
    return NULL;

  return g_steal_pointer (&document);
}
