/* parcours-format-json.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-format-private.h"

/* JSON text as Parcours writes it, the same every time: strings keep
 * non-ASCII characters and escape only what JSON requires, numbers take
 * the shortest form that reads back to the same double. The writer uses
 * these for the file and the reader for the members it does not know,
 * which it keeps as compact text. */

#define SPACES "                                                                "

void
_parcours_json_append_indent (GString *out,
                              int      indent)
{
  gsize n = (gsize) MAX (indent, 0) * 2;

  g_string_append_c (out, '\n');
  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof SPACES - 1);

      g_string_append_len (out, SPACES, chunk);
      n -= chunk;
    }
}

static void
append_escaped (GString    *out,
                const char *str)
{
  const char *start = str;
  const char *p;

  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, start, p - start);
      start = p + 1;

      switch (c)
        {
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;

        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;

        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;

        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;

        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;

        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;

        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;

        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }

  g_string_append_len (out, start, p - start);
}

/**
 * _parcours_json_append_string:
 * @out: where to write
 * @str: (nullable): UTF-8 text
 *
 * Writes @str as a JSON string. Control characters are escaped (as \n,
 * \t… or \u00XX), everything else is kept as it is. Text that is not
 * valid UTF-8, which the model should never hold, is repaired first so
 * the file stays readable.
 */
void
_parcours_json_append_string (GString    *out,
                              const char *str)
{
  g_string_append_c (out, '"');

  if (str != NULL)
    {
      const char *p = str;

      /* Most text is ASCII that needs no escape: one copy, no validation. */
      while ((guchar) *p >= 0x20 && (guchar) *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (*p == '\0')
        {
          g_string_append_len (out, str, p - str);
        }
      else if (G_LIKELY (g_utf8_validate (str, -1, NULL)))
        {
          append_escaped (out, str);
        }
      else
        {
          g_autofree char *valid = g_utf8_make_valid (str, -1);

          append_escaped (out, valid);
        }
    }

  g_string_append_c (out, '"');
}

/* The common case, a number with a few decimals such as 0.5 or 1.25,
 * without printf: if @value is r / 10^k for a whole r of at most 15
 * digits, that decimal reads back as @value (both are exact doubles and
 * the division rounds correctly), so it is what `%.15g` writes, and with
 * 1e-4 <= |value| < 1e15 `%g` writes it without an exponent. Returns
 * %FALSE for any other number. */
static gboolean
append_short_decimal (GString *out,
                      double   value)
{
  static const double powers_of_ten[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
  double magnitude = fabs (value);
  char digits[24];
  guint64 whole;
  int n = 0;

  if (magnitude < 1e-4 || magnitude >= 1e15)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (powers_of_ten); k++)
    {
      double scaled = nearbyint (magnitude * powers_of_ten[k]);

      if (scaled >= 1e15)
        return FALSE;
      if (scaled / powers_of_ten[k] != magnitude)
        continue;

      /* The digits of scaled, the last k of them after the point. */
      whole = (guint64) scaled;
      for (guint i = 0; i < k; i++)
        {
          digits[n++] = '0' + whole % 10;
          whole /= 10;
        }
      if (k > 0)
        digits[n++] = '.';
      do
        {
          digits[n++] = '0' + whole % 10;
          whole /= 10;
        }
      while (whole > 0);
      if (value < 0)
        digits[n++] = '-';

      while (n > 0)
        g_string_append_c (out, digits[--n]);
      return TRUE;
    }

  return FALSE;
}

/**
 * _parcours_json_append_double:
 * @out: where to write
 * @value: a number
 *
 * Writes the shortest of `%.15g`, `%.16g` and `%.17g` that reads back
 * as @value, whatever the locale: 1, 0.5, 0.1, 0.30000000000000004.
 * Whole numbers have no fraction, and -0 is written 0.
 *
 * Returns: %FALSE if @value is not finite (then `null` is written)
 */
gboolean
_parcours_json_append_double (GString *out,
                              double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append_len (out, "null", 4);
      return FALSE;
    }

  if (value == 0.0)
    {
      g_string_append_c (out, '0');
      return TRUE;
    }

  if (append_short_decimal (out, value))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  return TRUE;
}

static gboolean
append_object (GString          *out,
               ParcoursJsonNode *object,
               int               indent)
{
  gboolean finite = TRUE;

  if (object->n_children == 0)
    {
      g_string_append_len (out, "{}", 2);
      return TRUE;
    }

  g_string_append_c (out, '{');

  for (ParcoursJsonNode *member = object->value.first_child; member != NULL; member = member->next)
    {
      if (member != object->value.first_child)
        g_string_append_c (out, ',');

      if (indent >= 0)
        {
          _parcours_json_append_indent (out, indent + 1);
          _parcours_json_append_string (out, member->name);
          g_string_append_len (out, ": ", 2);
          finite = _parcours_json_append_node (out, member, indent + 1) && finite;
        }
      else
        {
          _parcours_json_append_string (out, member->name);
          g_string_append_c (out, ':');
          finite = _parcours_json_append_node (out, member, -1) && finite;
        }
    }

  if (indent >= 0)
    _parcours_json_append_indent (out, indent);
  g_string_append_c (out, '}');

  return finite;
}

static gboolean
append_array (GString          *out,
              ParcoursJsonNode *array,
              int               indent)
{
  ParcoursJsonNode *element;
  gboolean finite = TRUE;

  if (array->n_children == 0)
    {
      g_string_append_len (out, "[]", 2);
      return TRUE;
    }

  g_string_append_c (out, '[');

  for (element = array->value.first_child; element != NULL; element = element->next)
    {
      if (element != array->value.first_child)
        g_string_append_c (out, ',');

      if (indent >= 0)
        _parcours_json_append_indent (out, indent + 1);

      finite = _parcours_json_append_node (out, element, indent >= 0 ? indent + 1 : -1) && finite;
    }

  if (indent >= 0)
    _parcours_json_append_indent (out, indent);
  g_string_append_c (out, ']');

  return finite;
}

/**
 * _parcours_json_append_node:
 * @out: where to write
 * @node: any parsed node
 * @indent: the nesting level of @node, or -1 for compact output
 *
 * Writes @node; members keep their order. The recursion is as deep as
 * @node, which the parser limits to %PARCOURS_FORMAT_MAX_DEPTH.
 *
 * Returns: %FALSE if a number in @node was not finite (written as null)
 */
gboolean
_parcours_json_append_node (GString          *out,
                            ParcoursJsonNode *node,
                            int               indent)
{
  switch (node->type)
    {
    case PARCOURS_JSON_OBJECT:
      return append_object (out, node, indent);

    case PARCOURS_JSON_ARRAY:
      return append_array (out, node, indent);

    case PARCOURS_JSON_STRING:
      _parcours_json_append_string (out, node->value.string.str);
      return TRUE;

    case PARCOURS_JSON_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, node->value.integer);
      return TRUE;

    case PARCOURS_JSON_DOUBLE:
      return _parcours_json_append_double (out, node->value.number);

    case PARCOURS_JSON_BOOLEAN:
      if (node->value.boolean)
        g_string_append_len (out, "true", 4);
      else
        g_string_append_len (out, "false", 5);
      return TRUE;

    case PARCOURS_JSON_NULL:
    default:
      g_string_append_len (out, "null", 4);
      return TRUE;
    }
}
