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
 * Two spaces of indentation, members in the order of their tables in
 * parcours-format-members.c, elements in the order of their lists. The
 * top level is always written whole; inside an element, a member equal
 * to its default is left out, except those a reader requires (id, a
 * card's lane and stage, a point's lane, stage and value). Members a newer version wrote come last, in their order. */

/* Indentation levels */
enum {
  TOP_LEVEL = 1,
  ELEMENT = 2,
  ELEMENT_MEMBER = 3,
};

/* Every member but the first of an object: "id" for elements, "format"
 * at the top level. Names are known ASCII and need no escaping. */
static void
begin_member (GString    *out,
              int         indent,
              const char *name)
{
  /* Deep enough for every level the writer uses. */
  static const char separator[] = ",\n            ";

  g_assert (indent >= 0 && 2 + indent * 2 < (int) sizeof separator);

  /* The comma, the new line and the indentation at once. */
  g_string_append_len (out, separator, 2 + indent * 2);
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append_len (out, "\": ", 3);
}

static void
write_number (GString *out,
              double   value,
              double   fallback)
{
  /* The model never holds NaN; should it, write what a reader accepts. */
  if (!isfinite (value))
    value = fallback;

  _parcours_json_append_double (out, value);
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

/* Members kept from a newer version's file, after the known ones:
 * those of @members, or with %NULL those of the top level. */
static void
write_unknown (GString              *out,
               int                   indent,
               const char           *unknown_json,
               const ParcoursMember *members,
               guint                 n_members)
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
      if (members != NULL
          ? (strcmp (member->name, "id") == 0 ||
             _parcours_format_find_member (members, n_members, member->name) != NULL)
          : _parcours_format_is_known_top_level (member->name))
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

/* A persona's photo, or the one the reader left out, kept among the
 * unknown members, back where it was. */
static void
write_photo_member (GString  *out,
                    GObject  *object)
{
  GBytes *photo = parcours_persona_get_photo (PARCOURS_PERSONA (object));

  if (photo != NULL)
    write_photo (out, photo);
  else
    write_kept_photo (out, parcours_element_get_unknown_json (PARCOURS_ELEMENT (object)));
}

/* Writes the value of @object that @member describes, read through the
 * model's getter without a copy, unless it holds its default and need
 * not be written. */
static void
write_member (GString              *out,
              int                   indent,
              GObject              *object,
              const ParcoursMember *member)
{
  gboolean always = (member->flags & (PARCOURS_MEMBER_REQUIRED | PARCOURS_MEMBER_ALWAYS_WRITTEN)) != 0;
  const char * const *strv;
  const char *text;
  double number;
  guint count;
  int enum_value;

  switch (member->kind)
    {
    case PARCOURS_MEMBER_PHOTO:
      write_photo_member (out, object);
      return;

    case PARCOURS_MEMBER_TEXT:
    case PARCOURS_MEMBER_COLOR:
    case PARCOURS_MEMBER_REFERENCE:
      text = ((ParcoursGetString) member->get) (object);
      /* An empty text is a default; an empty colour or reference is not. */
      if (!always && (text == NULL || (member->kind == PARCOURS_MEMBER_TEXT && text[0] == '\0')))
        return;
      begin_member (out, indent, member->name);
      _parcours_json_append_string (out, text);
      return;

    case PARCOURS_MEMBER_TEXT_LIST:
      strv = ((ParcoursGetStrv) member->get) (object);
      if (!always && (strv == NULL || strv[0] == NULL))
        return;
      write_string_list (out, indent, member->name, strv);
      return;

    case PARCOURS_MEMBER_ENUM:
      enum_value = ((ParcoursGetEnum) member->get) (object);
      if (!always && enum_value == (int) member->default_value)
        return;
      begin_member (out, indent, member->name);
      _parcours_json_append_string (out, parcours_enum_to_nick (member->enum_type (), enum_value));
      return;

    case PARCOURS_MEMBER_NUMBER:
      number = ((ParcoursGetNumber) member->get) (object);
      if (!always && number == member->default_value)
        return;
      begin_member (out, indent, member->name);
      write_number (out, number, member->default_value);
      return;

    case PARCOURS_MEMBER_COUNT:
      count = ((ParcoursGetCount) member->get) (object);
      if (!always && count == (guint) member->default_value)
        return;
      begin_member (out, indent, member->name);
      g_string_append_printf (out, "%u", count);
      return;

    case PARCOURS_MEMBER_BOOLEAN:
      if (!((ParcoursGetBoolean) member->get) (object))
        {
          if (always)
            {
              begin_member (out, indent, member->name);
              g_string_append_len (out, "false", 5);
            }
          return;
        }
      begin_member (out, indent, member->name);
      g_string_append_len (out, "true", 4);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
write_element (GString                     *out,
               const ParcoursElementFormat *format,
               ParcoursElement             *element)
{
  GObject *object = G_OBJECT (element);

  _parcours_json_append_indent (out, ELEMENT);
  g_string_append_c (out, '{');
  _parcours_json_append_indent (out, ELEMENT_MEMBER);
  g_string_append_len (out, "\"id\": ", 6);
  _parcours_json_append_string (out, parcours_element_get_id (element));

  for (guint i = 0; i < format->n_members; i++)
    write_member (out, ELEMENT_MEMBER, object, &format->members[i]);

  write_unknown (out, ELEMENT_MEMBER, parcours_element_get_unknown_json (element),
                 format->members, format->n_members);

  _parcours_json_append_indent (out, ELEMENT);
  g_string_append_c (out, '}');
}

static void
write_collection (GString                     *out,
                  ParcoursDocument            *document,
                  const ParcoursElementFormat *format)
{
  GListModel *model = parcours_document_get_collection (document, format->collection);
  guint n = g_list_model_get_n_items (model);

  begin_member (out, TOP_LEVEL, parcours_collection_get_name (format->collection));

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
      write_element (out, format, element);
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

  for (guint i = 0; i < _parcours_format_n_document_members; i++)
    write_member (out, TOP_LEVEL, G_OBJECT (document), &_parcours_format_document_members[i]);

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    write_collection (out, document, &_parcours_format_elements[c]);

  write_unknown (out, TOP_LEVEL, parcours_document_get_unknown_json (document), NULL, 0);

  g_string_append (out, "\n}\n");

  return out;
}
