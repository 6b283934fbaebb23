/* parcours-ascii-shaper.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <hb-ot.h>
#include <string.h>

#include "parcours-ascii-shaper.h"

/* Most words of a map are printable ASCII (no space), and all such words
 * itemize alike in a font that has every printable ASCII character: one
 * left-to-right item, Latin if the word has a letter and Common if not
 * (bidi levels, fonts and scripts of ASCII do not depend on neighbours).
 * The text measurer finds that item once per font and class and copies
 * it for each word, instead of itemizing.
 *
 * Shaping them calls HarfBuzz directly, set up as pango_shape_item()
 * sets it up for such an item (direction, script, language, cluster
 * level, flags, the font's features; no context, nothing to show, no
 * colour glyphs): around HarfBuzz, Pango spends a third of the time a
 * short word takes. A shaper checks itself against pango_shape_item()
 * on sample words when it is made, and leaves the shaping to Pango if
 * anything differs, or if the font lacks a character or has colour. */

struct _ParcoursAsciiShaper
{
  PangoItem *item;
  hb_font_t *font;              /* NULL: pango_shape_item() shapes */
  hb_buffer_t *buffer;
  hb_script_t script;
  hb_language_t language;
  hb_feature_t features[32];
  guint n_features;
};

/* Samples each class is checked with: every character of the class,
 * pairs that kern, ligatures. */
static const char *const samples[][3] = {
  { "!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~", "3.14(1)--->...", "1/2-7,4" },
  { "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "AVAWATToTyWaYoVAVyL'T.F,P;r:y-", "office+affluent/fjord" },
};

/**
 * parcours_ascii_class:
 * @text: a word
 * @length: its length in bytes
 *
 * Returns: 1 for a word of printable ASCII with a letter, 0 for one
 * without, -1 for any other word (with a space, or beyond ASCII)
 */
int
parcours_ascii_class (const char *text,
                      gsize       length)
{
  gboolean letter = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c <= ' ' || c >= 0x7f)
        return -1;
      letter |= g_ascii_isalpha (c);
    }

  return letter ? 1 : 0;
}

static void
shape_directly (ParcoursAsciiShaper *self,
                const char          *text,
                gsize                length,
                PangoGlyphString    *glyphs)
{
  hb_buffer_t *buffer = self->buffer;
  const hb_glyph_info_t *infos;
  const hb_glyph_position_t *positions;
  guint n;
  int last_cluster = -1;

  hb_buffer_clear_contents (buffer);
  hb_buffer_set_direction (buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script (buffer, self->script);
  hb_buffer_set_language (buffer, self->language);
  hb_buffer_set_cluster_level (buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_buffer_set_flags (buffer, HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT);
  hb_buffer_set_invisible_glyph (buffer, PANGO_GLYPH_EMPTY);
  hb_buffer_add_utf8 (buffer, text, length, 0, length);
  hb_shape (self->font, buffer, self->features, self->n_features);

  n = hb_buffer_get_length (buffer);
  infos = hb_buffer_get_glyph_infos (buffer, NULL);
  positions = hb_buffer_get_glyph_positions (buffer, NULL);
  pango_glyph_string_set_size (glyphs, n);

  for (guint i = 0; i < n; i++)
    {
      PangoGlyphInfo *glyph = &glyphs->glyphs[i];

      glyph->glyph = infos[i].codepoint;
      glyphs->log_clusters[i] = infos[i].cluster;
      glyph->attr.is_cluster_start = (int) infos[i].cluster != last_cluster;
      glyph->attr.is_color = FALSE;
      last_cluster = infos[i].cluster;
      glyph->geometry.width = positions[i].x_advance;
      glyph->geometry.x_offset = positions[i].x_offset;
      glyph->geometry.y_offset = -positions[i].y_offset;
      if (glyph->geometry.width < 0)
        {
          glyph->geometry.width = -glyph->geometry.width;
          glyph->geometry.x_offset += glyph->geometry.width;
        }
    }
}

static gboolean
same_glyphs (const PangoGlyphString *a,
             const PangoGlyphString *b)
{
  if (a->num_glyphs != b->num_glyphs)
    return FALSE;

  for (int i = 0; i < a->num_glyphs; i++)
    if (a->glyphs[i].glyph != b->glyphs[i].glyph ||
        a->glyphs[i].geometry.width != b->glyphs[i].geometry.width ||
        a->glyphs[i].geometry.x_offset != b->glyphs[i].geometry.x_offset ||
        a->glyphs[i].geometry.y_offset != b->glyphs[i].geometry.y_offset ||
        a->glyphs[i].attr.is_cluster_start != b->glyphs[i].attr.is_cluster_start ||
        a->glyphs[i].attr.is_color != b->glyphs[i].attr.is_color ||
        a->log_clusters[i] != b->log_clusters[i])
      return FALSE;

  return TRUE;
}

/* Whether HarfBuzz alone shapes @class's samples as Pango does. */
static gboolean
shapes_as_pango (ParcoursAsciiShaper *self,
                 int                  ascii_class)
{
  PangoGlyphString *ours = pango_glyph_string_new ();
  PangoGlyphString *pango = pango_glyph_string_new ();
  gboolean same = TRUE;

  for (guint s = 0; s < G_N_ELEMENTS (samples[ascii_class]) && same; s++)
    {
      const char *text = samples[ascii_class][s];
      PangoItem *item = pango_item_copy (self->item);

      item->offset = 0;
      item->length = item->num_chars = strlen (text);
      pango_shape_item (item, text, item->length, NULL, pango, PANGO_SHAPE_NONE);
      shape_directly (self, text, item->length, ours);
      same = same_glyphs (ours, pango);
      pango_item_free (item);
    }

  pango_glyph_string_free (ours);
  pango_glyph_string_free (pango);
  return same;
}

/* Whether the item's font and analysis are what shape_directly() does. */
static gboolean
can_shape_directly (const PangoItem *item,
                    hb_font_t       *font)
{
  const PangoAnalysis *analysis = &item->analysis;
  hb_face_t *face = hb_font_get_face (font);
  hb_codepoint_t glyph;

  if (analysis->level != 0 || analysis->extra_attrs != NULL ||
      PANGO_GRAVITY_IS_VERTICAL (analysis->gravity) || PANGO_GRAVITY_IS_IMPROPER (analysis->gravity) ||
      (analysis->flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN) != 0)
    return FALSE;

  if (hb_ot_color_has_layers (face) || hb_ot_color_has_png (face) || hb_ot_color_has_svg (face))
    return FALSE;

  for (hb_codepoint_t c = '!'; c <= '~'; c++)
    if (!hb_font_get_nominal_glyph (font, c, &glyph))
      return FALSE;

  return TRUE;
}

/**
 * parcours_ascii_shaper_new:
 * @item: (transfer full): the one item that every word of @ascii_class
 *   itemizes to
 * @ascii_class: what parcours_ascii_class() gives for those words
 *
 * Returns: (transfer full): a shaper, which shapes with Pango if it
 * cannot shape exactly as Pango does
 */
ParcoursAsciiShaper *
parcours_ascii_shaper_new (PangoItem *item,
                           int        ascii_class)
{
  ParcoursAsciiShaper *self = g_new0 (ParcoursAsciiShaper, 1);
  PangoFont *font = item->analysis.font;
  hb_font_t *hb_font = font != NULL ? pango_font_get_hb_font (font) : NULL;

  g_return_val_if_fail (ascii_class == 0 || ascii_class == 1, NULL);

  self->item = item;
  if (hb_font == NULL || !can_shape_directly (item, hb_font))
    return self;

  self->buffer = hb_buffer_create ();
  self->script = (hb_script_t) g_unicode_script_to_iso15924 ((GUnicodeScript) item->analysis.script);
  self->language = hb_language_from_string (pango_language_to_string (item->analysis.language), -1);
  pango_font_get_features (font, self->features, G_N_ELEMENTS (self->features), &self->n_features);
  self->font = hb_font_reference (hb_font);

  if (!shapes_as_pango (self, ascii_class))
    g_clear_pointer (&self->font, hb_font_destroy);

  return self;
}

void
parcours_ascii_shaper_free (ParcoursAsciiShaper *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->font, hb_font_destroy);
  g_clear_pointer (&self->buffer, hb_buffer_destroy);
  g_clear_pointer (&self->item, pango_item_free);
  g_free (self);
}

/* The item every word of the class itemizes to, at offset 0. */
const PangoItem *
parcours_ascii_shaper_get_item (const ParcoursAsciiShaper *self)
{
  return self->item;
}

/**
 * parcours_ascii_shaper_shape:
 * @self: a shaper
 * @item: a copy of the shaper's item for @text
 * @text: a word of the shaper's class
 * @length: its length in bytes
 * @glyphs: where to put the glyphs
 *
 * Shapes @text as pango_shape_item() does.
 */
void
parcours_ascii_shaper_shape (ParcoursAsciiShaper *self,
                             PangoItem           *item,
                             const char          *text,
                             gsize                length,
                             PangoGlyphString    *glyphs)
{
  if (self->font != NULL)
    shape_directly (self, text, length, glyphs);
  else
    pango_shape_item (item, text, length, NULL, glyphs, PANGO_SHAPE_NONE);
}
