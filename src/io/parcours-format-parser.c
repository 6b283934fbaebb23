/* parcours-format-parser.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parcours-format-private.h"
#include "parcours-import-private.h"

/* A strict JSON parser for `.parcours` files.
 *
 * json-glib 1.6 is not used for reading: its parser recurses once per
 * nesting level with no limit (100 000 '[' overflow the stack), accepts
 * much that is not JSON (comments, single quotes, hexadecimal, text after
 * the document, a JavaScript assignment), wraps integers that do not fit
 * in 64 bits, lets a lone surrogate escape through as invalid UTF-8, and
 * its tree of GValues is slower to build and free than the rest of
 * loading a map together.
 *
 * This one is a single pass over the bytes: a state machine with a
 * bounded stack, no recursion. It checks the encoding, the grammar of
 * RFC 8259, the depth, the number of values and that no object has a
 * member twice, and reports the first problem with its line and column.
 * Nodes come from a few large blocks; strings are unescaped in place in
 * a copy of the text, so a tree is a handful of allocations. */

#define FIRST_BLOCK_SIZE 1024
#define MAX_BLOCK_SIZE (64 * 1024)

/* Objects with more members look up duplicates in a hash table. */
#define MEMBERS_SCANNED_FOR_DUPLICATES 16

struct _ParcoursJsonTree
{
  char *text;                   /* the input, NUL-terminated, strings unescaped */
  GPtrArray *blocks;            /* of ParcoursJsonNode arrays */
  ParcoursJsonNode *block;
  gsize block_used;
  gsize block_size;
  ParcoursJsonNode *root;
};

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,        /* just after '[' */
  EXPECT_NAME,
  EXPECT_NAME_OR_CLOSE,         /* just after '{' */
  EXPECT_COLON,
  EXPECT_SEPARATOR,             /* after a value: ',' or a closing bracket */
} ParseState;

typedef struct
{
  ParcoursJsonNode *container;
  ParcoursJsonNode *last_child;
  GHashTable *names;            /* member names of a large object */
} Level;

typedef struct
{
  ParcoursJsonTree *tree;
  const char *source;           /* the input as given, for line and column */
  char *data;                   /* the tree's copy, changed in place */
  gsize length;
  gsize pos;
  GError **error;

  Level stack[PARCOURS_FORMAT_MAX_DEPTH];
  guint depth;
  guint n_values;
  const char *pending_name;
} Parser;

void
_parcours_format_set_error_at (GError              **error,
                               ParcoursFormatError   code,
                               const char           *data,
                               gsize                 offset,
                               const char           *format,
                               ...)
{
  const char *line_start = data;
  const char *end = data + offset;
  const char *newline;
  guint line = 1;
  glong column;
  va_list args;

  if (error == NULL)
    return;

  while ((newline = memchr (line_start, '\n', end - line_start)) != NULL)
    {
      line++;
      line_start = newline + 1;
    }

  /* Columns count characters, as text editors show them. */
  column = end > line_start ? g_utf8_strlen (line_start, end - line_start) + 1 : 1;

  va_start (args, format);
  _parcours_import_set_error_valist (error, code,
                                     &(ParcoursImportPlace) { .line = line, .column = column },
                                     format, args);
  va_end (args);
}

/**
 * _parcours_format_shorten:
 * @text: text from a file
 *
 * Returns: (transfer full): @text, cut short if it is too long to quote
 *   in a message
 */
char *
_parcours_format_shorten (const char *text)
{
  const glong max_chars = 64;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, max_chars * 4 + 4) <= max_chars)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

static gboolean
parser_fail (Parser              *self,
             gsize                offset,
             ParcoursFormatError  code,
             const char          *message)
{
  _parcours_format_set_error_at (self->error, code, self->source, offset, "%s", message);
  return FALSE;
}

static ParcoursJsonNode *
tree_new_node (ParcoursJsonTree *tree,
               ParcoursJsonType  type)
{
  ParcoursJsonNode *node;

  if (tree->block_used == tree->block_size)
    {
      tree->block_size = tree->block == NULL ? FIRST_BLOCK_SIZE
                                             : MIN (tree->block_size * 2, MAX_BLOCK_SIZE);
      tree->block = g_new (ParcoursJsonNode, tree->block_size);
      tree->block_used = 0;
      g_ptr_array_add (tree->blocks, tree->block);
    }

  node = &tree->block[tree->block_used++];
  node->type = type;
  node->n_children = 0;
  node->name = NULL;
  node->next = NULL;
  node->value.first_child = NULL;

  return node;
}

static gboolean
read_hex4 (Parser *self,
           gsize   offset,
           guint  *unit)
{
  guint value = 0;

  if (offset + 4 > self->length)
    return FALSE;

  for (gsize i = offset; i < offset + 4; i++)
    {
      if (!g_ascii_isxdigit (self->data[i]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (self->data[i]);
    }

  *unit = value;
  return TRUE;
}

/* At a '\u' escape: decodes it (with the low half of a surrogate pair)
 * and moves past it. The character must be one UTF-8 can hold, and not
 * U+0000, which would cut a C string short. */
static gboolean
parse_unicode_escape (Parser    *self,
                      gsize     *pos,
                      gunichar  *character)
{
  gsize start = *pos;
  guint unit;
  guint low;

  if (!read_hex4 (self, start + 2, &unit))
    return parser_fail (self, start, PARCOURS_FORMAT_ERROR_SYNTAX,
                        _("invalid \\u escape in a string"));

  if (unit == 0)
    return parser_fail (self, start, PARCOURS_FORMAT_ERROR_ENCODING,
                        _("\\u0000 is not allowed in a string"));

  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return parser_fail (self, start, PARCOURS_FORMAT_ERROR_ENCODING,
                        _("unpaired surrogate in a \\u escape"));

  if (unit < 0xD800 || unit > 0xDBFF)
    {
      *character = unit;
      *pos = start + 6;
      return TRUE;
    }

  if (start + 8 > self->length ||
      self->data[start + 6] != '\\' ||
      self->data[start + 7] != 'u' ||
      !read_hex4 (self, start + 8, &low) ||
      low < 0xDC00 || low > 0xDFFF)
    return parser_fail (self, start, PARCOURS_FORMAT_ERROR_ENCODING,
                        _("unpaired surrogate in a \\u escape"));

  *character = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  *pos = start + 12;
  return TRUE;
}

/* The escape sequence at @i (its backslash): what it stands for written
 * at @out, both moved past it. */
static gboolean
parse_escape (Parser  *self,
              gsize   *i,
              char   **out)
{
  char c = self->data[*i + 1];
  char plain;

  switch (c)
    {
    case '"':
    case '\\':
    case '/':
      plain = c;
      break;

    case 'b':
      plain = '\b';
      break;

    case 'f':
      plain = '\f';
      break;

    case 'n':
      plain = '\n';
      break;

    case 'r':
      plain = '\r';
      break;

    case 't':
      plain = '\t';
      break;

    case 'u':
      {
        gunichar character;

        if (!parse_unicode_escape (self, i, &character))
          return FALSE;
        *out += g_unichar_to_utf8 (character, *out);
        return TRUE;
      }

    default:
      return parser_fail (self, *i, PARCOURS_FORMAT_ERROR_SYNTAX,
                          _("invalid escape sequence in a string"));
    }

  *(*out)++ = plain;
  *i += 2;
  return TRUE;
}

/* At the opening quote; moves past the closing one. The string is
 * unescaped in place: escapes are never shorter than what they stand
 * for, and the closing quote becomes the terminating NUL. */
static gboolean
parse_string (Parser      *self,
              const char **str,
              gsize       *length)
{
  char *data = self->data;
  gsize start = self->pos;
  gsize i = start + 1;
  char *out = NULL;             /* where unescaped text goes, after an escape */

  for (;;)
    {
      gsize run = i;
      guchar c;

      while (i < self->length &&
             (guchar) data[i] >= 0x20 && data[i] != '"' && data[i] != '\\')
        i++;

      if (out != NULL && i > run)
        {
          memmove (out, data + run, i - run);
          out += i - run;
        }

      if (i >= self->length)
        return parser_fail (self, start, PARCOURS_FORMAT_ERROR_SYNTAX,
                            _("unterminated string"));

      c = data[i];

      if (c == '"')
        {
          if (out == NULL)
            out = data + i;
          *out = '\0';
          *str = data + start + 1;
          *length = out - (data + start + 1);
          self->pos = i + 1;
          return TRUE;
        }

      if (c != '\\')
        return parser_fail (self, i, PARCOURS_FORMAT_ERROR_SYNTAX,
                            _("unescaped control character in a string"));

      if (i + 1 >= self->length)
        return parser_fail (self, start, PARCOURS_FORMAT_ERROR_SYNTAX,
                            _("unterminated string"));

      if (out == NULL)
        out = data + i;

      if (!parse_escape (self, &i, &out))
        return FALSE;
    }
}

static gsize
skip_digits (Parser *self,
             gsize   i)
{
  while (i < self->length && g_ascii_isdigit (self->data[i]))
    i++;

  return i;
}

/* Where the number at @start ends, or 0 if there is no valid number:
 * -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gsize
match_number (Parser   *self,
              gsize     start,
              gsize    *int_start,
              gsize    *int_length,
              gboolean *integer)
{
  const char *data = self->data;
  gsize i = start;

  *integer = TRUE;

  if (data[i] == '-')
    i++;

  *int_start = i;
  if (i < self->length && data[i] == '0')
    i++;
  else if (i < self->length && data[i] >= '1' && data[i] <= '9')
    i = skip_digits (self, i);
  else
    return 0;
  *int_length = i - *int_start;

  if (i < self->length && data[i] == '.')
    {
      *integer = FALSE;
      if (i + 1 >= self->length || !g_ascii_isdigit (data[i + 1]))
        return 0;
      i = skip_digits (self, i + 1);
    }

  if (i < self->length && (data[i] == 'e' || data[i] == 'E'))
    {
      *integer = FALSE;
      i++;
      if (i < self->length && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= self->length || !g_ascii_isdigit (data[i]))
        return 0;
      i = skip_digits (self, i);
    }

  /* "01", "1.2.3", "0x10" */
  if (i < self->length &&
      (g_ascii_isalnum (data[i]) || data[i] == '.' || data[i] == '+' || data[i] == '-'))
    return 0;

  return i;
}

/* Integers (no fraction, no exponent) are kept exactly, so they must fit
 * in 64 bits; other numbers are doubles, maybe infinite (1e999), which
 * the reader refuses where it expects a number. */
static gboolean
parse_number (Parser           *self,
              ParcoursJsonNode *node)
{
  gsize start = self->pos;
  gsize int_start = 0;
  gsize int_length = 0;
  gboolean negative = self->data[start] == '-';
  gboolean integer;
  guint64 magnitude = 0;
  gsize end;

  end = match_number (self, start, &int_start, &int_length, &integer);
  if (end == 0)
    return parser_fail (self, start, PARCOURS_FORMAT_ERROR_SYNTAX, _("invalid number"));

  self->pos = end;

  if (!integer)
    {
      node->type = PARCOURS_JSON_DOUBLE;
      node->value.number = g_ascii_strtod (self->data + start, NULL);
      return TRUE;
    }

  if (int_length >= 19)
    {
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

      if (int_length > 19 || memcmp (self->data + int_start, limit, 19) > 0)
        return parser_fail (self, start, PARCOURS_FORMAT_ERROR_RANGE,
                            _("integer out of range"));
    }

  for (gsize i = int_start; i < int_start + int_length; i++)
    magnitude = magnitude * 10 + (self->data[i] - '0');

  node->type = PARCOURS_JSON_INTEGER;
  if (negative)
    node->value.integer = magnitude == (guint64) G_MAXINT64 + 1 ? G_MININT64
                                                                : -(gint64) magnitude;
  else
    node->value.integer = (gint64) magnitude;

  return TRUE;
}

static gboolean
has_word (Parser     *self,
          const char *word)
{
  gsize n = strlen (word);

  return self->length - self->pos >= n &&
         memcmp (self->data + self->pos, word, n) == 0 &&
         (self->pos + n == self->length || !g_ascii_isalnum (self->data[self->pos + n]));
}

static gboolean
parse_word (Parser     *self,
            const char *word)
{
  if (!has_word (self, word))
    return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX, _("expected a value"));

  self->pos += strlen (word);
  return TRUE;
}

/* What JavaScript and Python's json module write for NaN and the
 * infinities: not JSON, but worth a clearer message. */
static gboolean
fail_non_finite (Parser *self)
{
  if (has_word (self, "NaN") || has_word (self, "Infinity") || has_word (self, "-Infinity"))
    return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_RANGE, _("not a finite number"));

  return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX, _("expected a value"));
}

static gboolean
parse_scalar (Parser           *self,
              ParcoursJsonNode *node)
{
  switch (self->data[self->pos])
    {
    case '"':
      node->type = PARCOURS_JSON_STRING;
      return parse_string (self, &node->value.string.str, &node->value.string.length);

    case 't':
      node->type = PARCOURS_JSON_BOOLEAN;
      node->value.boolean = TRUE;
      return parse_word (self, "true");

    case 'f':
      node->type = PARCOURS_JSON_BOOLEAN;
      node->value.boolean = FALSE;
      return parse_word (self, "false");

    case 'n':
      node->type = PARCOURS_JSON_NULL;
      return parse_word (self, "null");

    case 'N':
    case 'I':
      return fail_non_finite (self);

    case '-':
      if (self->pos + 1 < self->length && self->data[self->pos + 1] == 'I')
        return fail_non_finite (self);
      return parse_number (self, node);

    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (self, node);

    default:
      return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX, _("expected a value"));
    }
}

/* Member names of an object must differ. Small objects are scanned; a
 * large one gets a hash table, so a huge object stays linear. */
static gboolean
check_member_name (Parser     *self,
                   Level      *level,
                   const char *name,
                   gsize       offset)
{
  ParcoursJsonNode *container = level->container;
  ParcoursJsonNode *child;
  gboolean duplicate = FALSE;

  if (level->names == NULL && container->n_children >= MEMBERS_SCANNED_FOR_DUPLICATES)
    {
      level->names = g_hash_table_new (g_str_hash, g_str_equal);
      for (child = container->value.first_child; child != NULL; child = child->next)
        g_hash_table_add (level->names, (gpointer) child->name);
    }

  if (level->names != NULL)
    {
      duplicate = !g_hash_table_add (level->names, (gpointer) name);
    }
  else
    {
      for (child = container->value.first_child; child != NULL; child = child->next)
        if (strcmp (child->name, name) == 0)
          duplicate = TRUE;
    }

  if (duplicate)
    {
      g_autofree char *shown = _parcours_format_shorten (name);

      _parcours_format_set_error_at (self->error, PARCOURS_FORMAT_ERROR_SYNTAX,
                                     self->source, offset,
                                     _("duplicate member \"%s\""), shown);
      return FALSE;
    }

  return TRUE;
}

static ParcoursJsonNode *
add_value (Parser *self)
{
  ParcoursJsonNode *node = tree_new_node (self->tree, PARCOURS_JSON_NULL);

  if (self->depth == 0)
    {
      self->tree->root = node;
    }
  else
    {
      Level *level = &self->stack[self->depth - 1];

      if (level->last_child != NULL)
        level->last_child->next = node;
      else
        level->container->value.first_child = node;
      level->last_child = node;
      level->container->n_children++;

      node->name = self->pending_name;
      self->pending_name = NULL;
    }

  return node;
}

static void
pop_level (Parser *self)
{
  Level *level = &self->stack[--self->depth];

  g_clear_pointer (&level->names, g_hash_table_unref);
}

/* The end of the text: the end of the document, or an error saying
 * what is missing. */
static gboolean
parse_end (Parser     *self,
           ParseState  state)
{
  if (state == EXPECT_SEPARATOR && self->depth == 0)
    return TRUE;

  if (self->n_values == 0)
    {
      g_set_error_literal (self->error, PARCOURS_FORMAT_ERROR,
                           PARCOURS_FORMAT_ERROR_SYNTAX, _("the file is empty"));
      return FALSE;
    }

  return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX,
                      _("unexpected end of file"));
}

/* A member name, kept for the value that follows. */
static gboolean
parse_member_name (Parser *self,
                   Level  *level,
                   char    c)
{
  gsize name_offset = self->pos;
  gsize name_length;

  if (c != '"')
    return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX,
                        _("expected a member name in double quotes"));
  return parse_string (self, &self->pending_name, &name_length) &&
         check_member_name (self, level, self->pending_name, name_offset);
}

/* The ',' or closing bracket after a value in @level; %NULL @level: after
 * the document's value, where nothing may follow. */
static gboolean
parse_separator (Parser     *self,
                 Level      *level,
                 char        c,
                 ParseState *state)
{
  gboolean object;

  if (level == NULL)
    return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX,
                        _("unexpected text after the end of the document"));

  object = level->container->type == PARCOURS_JSON_OBJECT;
  if (c == ',')
    *state = object ? EXPECT_NAME : EXPECT_VALUE;
  else if (c == (object ? '}' : ']'))
    pop_level (self);
  else
    return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX,
                        object ? _("expected ',' or '}'") : _("expected ',' or ']'"));
  self->pos++;
  return TRUE;
}

/* A value: an object or array opened (within the limits of values and
 * depth), or a scalar read whole. */
static gboolean
parse_value (Parser     *self,
             char        c,
             ParseState *state)
{
  ParcoursJsonNode *node;

  if (++self->n_values > PARCOURS_FORMAT_MAX_VALUES)
    {
      _parcours_format_set_error_at (self->error, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                     self->source, self->pos,
                                     _("more than %d values"),
                                     PARCOURS_FORMAT_MAX_VALUES);
      return FALSE;
    }

  if (c == '{' || c == '[')
    {
      if (self->depth == PARCOURS_FORMAT_MAX_DEPTH)
        {
          _parcours_format_set_error_at (self->error, PARCOURS_FORMAT_ERROR_TOO_DEEP,
                                         self->source, self->pos,
                                         _("nested deeper than %d levels"),
                                         PARCOURS_FORMAT_MAX_DEPTH);
          return FALSE;
        }

      node = add_value (self);
      node->type = c == '{' ? PARCOURS_JSON_OBJECT : PARCOURS_JSON_ARRAY;
      self->stack[self->depth++] = (Level) { node, NULL, NULL };
      self->pos++;
      *state = c == '{' ? EXPECT_NAME_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
      return TRUE;
    }

  node = add_value (self);
  if (!parse_scalar (self, node))
    return FALSE;
  *state = EXPECT_SEPARATOR;
  return TRUE;
}

static gboolean
parse (Parser *self)
{
  ParseState state = EXPECT_VALUE;

  for (;;)
    {
      Level *level = self->depth > 0 ? &self->stack[self->depth - 1] : NULL;
      char c;

      while (self->pos < self->length &&
             (self->data[self->pos] == ' ' || self->data[self->pos] == '\n' ||
              self->data[self->pos] == '\r' || self->data[self->pos] == '\t'))
        self->pos++;

      if (self->pos == self->length)
        return parse_end (self, state);

      c = self->data[self->pos];

      /* An empty object or array closes where a name or value may stand. */
      if ((state == EXPECT_NAME_OR_CLOSE && c == '}') ||
          (state == EXPECT_VALUE_OR_CLOSE && c == ']'))
        {
          pop_level (self);
          self->pos++;
          state = EXPECT_SEPARATOR;
          continue;
        }

      switch (state)
        {
        case EXPECT_NAME_OR_CLOSE:
        case EXPECT_NAME:
          if (!parse_member_name (self, level, c))
            return FALSE;
          state = EXPECT_COLON;
          break;

        case EXPECT_COLON:
          if (c != ':')
            return parser_fail (self, self->pos, PARCOURS_FORMAT_ERROR_SYNTAX,
                                _("expected ':' after the member name"));
          self->pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_SEPARATOR:
          if (!parse_separator (self, level, c, &state))
            return FALSE;
          break;

        case EXPECT_VALUE_OR_CLOSE:
        case EXPECT_VALUE:
          if (!parse_value (self, c, &state))
            return FALSE;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* g_utf8_validate(), with ASCII text skipped eight bytes at a time
 * first: most of a map is ASCII, which g_utf8_validate() reads byte by
 * byte, at a tenth of its reading. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **invalid)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  /* Stop before a word with a NUL byte or a byte from 0x80. */
  for (; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      if (((word | ((word - ones) & ~word)) & highs) != 0)
        break;
    }

  return g_utf8_validate_len (data + i, length - i, invalid);
}

/**
 * _parcours_json_parse:
 * @data: UTF-8 text, without a byte order mark
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Parses @data, which must hold exactly one JSON value, nested at most
 * %PARCOURS_FORMAT_MAX_DEPTH deep and made of at most
 * %PARCOURS_FORMAT_MAX_VALUES values. Errors are in the
 * %PARCOURS_FORMAT_ERROR domain, their messages start with the line and
 * column, as in `3:14: expected ',' or '}'`.
 *
 * Returns: (transfer full) (nullable): the tree
 */
ParcoursJsonTree *
_parcours_json_parse (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(ParcoursJsonTree) tree = NULL;
  const char *invalid;
  Parser parser = { 0, };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > 0 && !validate_utf8 (data, length, &invalid))
    {
      _parcours_format_set_error_at (error, PARCOURS_FORMAT_ERROR_ENCODING,
                                     data, invalid - data, "%s",
                                     *invalid == '\0' ? _("unexpected NUL byte")
                                                      : _("invalid UTF-8"));
      return NULL;
    }

  tree = g_new0 (ParcoursJsonTree, 1);
  tree->blocks = g_ptr_array_new_with_free_func (g_free);
  tree->text = g_malloc (length + 1);
  if (length > 0)
    memcpy (tree->text, data, length);
  tree->text[length] = '\0';

  parser.tree = tree;
  parser.source = data != NULL ? data : "";
  parser.data = tree->text;
  parser.length = length;
  parser.error = error;

  ok = parse (&parser);

  while (parser.depth > 0)
    pop_level (&parser);

  if (!ok)
    return NULL;

  return g_steal_pointer (&tree);
}

ParcoursJsonNode *
_parcours_json_tree_get_root (ParcoursJsonTree *tree)
{
  g_return_val_if_fail (tree != NULL, NULL);

  return tree->root;
}

void
_parcours_json_tree_free (ParcoursJsonTree *tree)
{
  if (tree == NULL)
    return;

  g_ptr_array_unref (tree->blocks);
  g_free (tree->text);
  g_free (tree);
}

/**
 * _parcours_json_object_get:
 * @object: an object node
 * @name: a member name
 *
 * Returns: (nullable): the member called @name
 */
ParcoursJsonNode *
_parcours_json_object_get (ParcoursJsonNode *object,
                           const char       *name)
{
  g_return_val_if_fail (object->type == PARCOURS_JSON_OBJECT, NULL);

  for (ParcoursJsonNode *child = object->value.first_child; child != NULL; child = child->next)
    if (strcmp (child->name, name) == 0)
      return child;

  return NULL;
}
