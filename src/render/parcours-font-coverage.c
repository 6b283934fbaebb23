/* parcours-font-coverage.c
 *
 * Copyright 2026 The Parcours authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>

#include "parcours-drawable-text.h"
#include "parcours-font-coverage.h"

/* Which characters some installed font can draw.
 *
 * Pango falls back through every font fontconfig knows, so a character
 * none of them has is shaped as an "unknown" glyph, which the backends
 * leave empty: the text would vanish from a PDF or PNG without a word.
 * Asking the union of all fonts' character sets finds those characters
 * without shaping anything again, and it is what Pango's fallback can
 * reach at best. */

/* Pango (since 1.44) only draws with the fonts HarfBuzz loads, TrueType
 * and CFF outlines; fontconfig also lists Type 1 and bitmap fonts, whose
 * characters would vanish all the same. */
static gboolean
pango_can_use (FcPattern *font)
{
  FcChar8 *format;

  if (FcPatternGetString (font, FC_FONTFORMAT, 0, &format) != FcResultMatch)
    return FALSE;

  return g_ascii_strcasecmp ((const char *) format, "TrueType") == 0 ||
         g_ascii_strcasecmp ((const char *) format, "CFF") == 0;
}

static FcCharSet *
build_union (void)
{
  FcConfig *config = FcConfigGetCurrent ();
  FcCharSet *all = FcCharSetCreate ();
  FcSetName sets[] = { FcSetSystem, FcSetApplication };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      FcFontSet *fonts = FcConfigGetFonts (config, sets[s]);

      for (int f = 0; fonts != NULL && f < fonts->nfont; f++)
        {
          FcCharSet *charset;

          if (pango_can_use (fonts->fonts[f]) &&
              FcPatternGetCharSet (fonts->fonts[f], FC_CHARSET, 0, &charset) == FcResultMatch)
            FcCharSetMerge (all, charset, NULL);
        }
    }

  return all;
}

static FcCharSet *
get_union (void)
{
  static FcCharSet *all;

  if (g_once_init_enter (&all))
    g_once_init_leave (&all, build_union ());

  return all;
}

/* Characters that take no glyph of their own, or that the display-list
 * boundary replaces (parcours_drawable_text()): nothing is lost when no
 * font has them. */
static gboolean
needs_glyph (gunichar c)
{
  return c >= 0x80 &&
         parcours_unichar_is_drawable (c) &&
         !g_unichar_isspace (c) &&
         !g_unichar_iszerowidth (c) &&
         g_unichar_type (c) != G_UNICODE_FORMAT;
}

/**
 * parcours_font_coverage_has_char:
 * @c: a code point
 *
 * Returns: whether an installed font can draw @c, or @c needs no glyph
 */
gboolean
parcours_font_coverage_has_char (gunichar c)
{
  if (!needs_glyph (c))
    return TRUE;

  return FcCharSetHasChar (get_union (), c);
}

/**
 * parcours_font_coverage_missing:
 * @text: UTF-8 text, as the document holds it
 * @max_chars: how many of the missing characters to return
 * @n_missing: (out) (optional): how many distinct characters are missing
 *
 * Finds the characters of @text no installed font can draw.
 *
 * Returns: (transfer full) (nullable): the first @max_chars distinct
 *   missing characters, in the order of @text, or %NULL if every
 *   character can be drawn
 */
char *
parcours_font_coverage_missing (const char *text,
                                guint       max_chars,
                                guint      *n_missing)
{
  g_autoptr(GHashTable) seen = NULL;
  GString *missing = NULL;

  if (n_missing != NULL)
    *n_missing = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* Plain ASCII is in every font a map can be drawn with. */
      if ((guchar) *p < 0x80)
        continue;

      c = g_utf8_get_char_validated (p, -1);
      if (c >= 0x110000 || parcours_font_coverage_has_char (c))
        continue;

      if (seen == NULL)
        {
          seen = g_hash_table_new (NULL, NULL);
          missing = g_string_new (NULL);
        }
      if (!g_hash_table_add (seen, GUINT_TO_POINTER (c)))
        continue;

      if (g_hash_table_size (seen) <= max_chars)
        g_string_append_unichar (missing, c);
    }

  if (missing == NULL)
    return NULL;

  if (n_missing != NULL)
    *n_missing = g_hash_table_size (seen);
  return g_string_free (missing, FALSE);
}
