/* parcours-drawable-text.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-drawable-text.h"

/* What every backend may be given to draw or to write.
 *
 * The document keeps every string exactly as typed; what reaches cairo,
 * the SVG writer, the GSK canvas and PDF metadata passes through here
 * first, once, so that no backend needs a filter of its own:
 *
 * - every mandatory line break (CR, CR LF, VT, FF, NEL, U+2028, U+2029)
 *   becomes "\n", because the text measurer breaks lines at "\n" only and
 *   Pango would otherwise start a paragraph that no one draws;
 * - a tab becomes a space (SVG has no tab stops);
 * - other C0 and C1 controls, DEL and the Unicode noncharacters (U+FDD0 to
 *   U+FDEF, U+xxFFFE and U+xxFFFF) become U+FFFD: cairo refuses
 *   noncharacters in a text run (and then draws nothing more), XML 1.0
 *   forbids most of them, and a visible marker says that something is
 *   there;
 * - bytes that are not UTF-8 (the model never holds any) become U+FFFD.
 *
 * Everything else, format characters and bidi controls included, is kept:
 * it is legal in XML, in PDF and for cairo, and Pango shapes it. */

#define REPLACEMENT "\357\277\275"      /* U+FFFD */

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/**
 * parcours_unichar_is_drawable:
 * @c: a code point
 *
 * Returns: whether @c may be handed to a backend as it is
 */
gboolean
parcours_unichar_is_drawable (gunichar c)
{
  if (c == '\n')
    return TRUE;

  return c < 0x110000 &&
         !(c >= 0xD800 && c <= 0xDFFF) &&
         !is_control (c) &&
         !is_line_break (c) &&
         !is_noncharacter (c);
}

/**
 * parcours_text_is_drawable:
 * @text: UTF-8 text as the document holds it
 * @length: its length in bytes, or -1 if it is nul-terminated
 *
 * Returns: whether parcours_drawable_text() gives back @text as it is
 * (with line breaks kept), so that a caller may do without the copy
 */
gboolean
parcours_text_is_drawable (const char *text,
                           gssize      length)
{
  const char *p, *end;

  if (length < 0)
    length = strlen (text);

  for (p = text, end = text + length; p < end;)
    {
      gunichar c;

      if (((guchar) *p >= 0x20 && (guchar) *p < 0x7F) || *p == '\n')
        {
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2 || !parcours_unichar_is_drawable (c))
        return FALSE;
      p = g_utf8_next_char (p);
    }

  return TRUE;
}

/**
 * parcours_drawable_text:
 * @text: UTF-8 text as the document holds it
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @flags: whether line breaks are kept
 *
 * Returns: (transfer full): @text made drawable (see above), never %NULL
 */
char *
parcours_drawable_text (const char                *text,
                        gssize                     length,
                        ParcoursDrawableTextFlags  flags)
{
  const char *line_break = (flags & PARCOURS_DRAWABLE_TEXT_SINGLE_LINE) ? " " : "\n";
  const char *p, *end, *clean_start;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  clean = g_string_sized_new (length);
  end = text + length;
  p = clean_start = text;

  /* Runs of drawable text are copied in one go: cards are mostly that. */
  while (p < end)
    {
      gunichar c;
      const char *next;

      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        {
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        next = p + 1;
      else
        next = g_utf8_next_char (p);

      if (c != (gunichar) -1 && c != (gunichar) -2 && c != '\n' && parcours_unichar_is_drawable (c))
        {
          p = next;
          continue;
        }

      g_string_append_len (clean, clean_start, p - clean_start);

      if (c == '\r' && next < end && *next == '\n')
        next++;

      if (c == '\t')
        g_string_append_c (clean, ' ');
      else if (c != (gunichar) -1 && c != (gunichar) -2 && is_line_break (c))
        g_string_append (clean, line_break);
      else
        g_string_append (clean, REPLACEMENT);

      p = clean_start = next;
    }

  g_string_append_len (clean, clean_start, p - clean_start);

  return g_string_free (clean, FALSE);
}
