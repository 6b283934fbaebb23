/* test-text-measurer.c — the measurer shapes words as Pango lays them out
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-drawable-text.h"
#include "parcours-test-hostile.h"
#include "parcours-text-measurer.h"

/* The measurer itemizes and shapes words itself, without a PangoLayout
 * per word; what it gets must be what a layout of the word gets, glyph
 * for glyph, or lines would break elsewhere than they used to and
 * exports would change. A layout of each word, in a context set up as
 * the measurer's (unhinted, 72 dpi, positions not rounded), is the
 * reference. The words come from the texts below, every field of the
 * hostile-text maps in tests/data/hostile-text/ and, when the shared
 * test data is there, the Big List of Naughty Strings. */

static const char *const texts[] = {
  "Plain words, 1234 and 3.14 (with brackets) e-mail x@y.org 50% #1 *",
  "AVAWAT To Ty Wa fi ffi fl office kerning and ligatures",
  "~`!@#$%^&*()_+-=[]{}|;':\",./<>? ---- ...",
  "Le client compare les prix à la caisse, déçu ; naïve cœur Œuvre",
  "Покупатель сравнивает цены и отзывы, ёлка ЁЖ",
  "مرحبا بالعالم 123 ١٢٣ abc",
  "שלום עולם 45 abcשלום שלוםabc 12שלום",
  "\342\200\256RLO override\342\200\254 \342\201\246isolate\342\201\251 \342\200\217mark",
  "x\314\201\314\202 a\314\212 combining \341\204\200\341\205\241\341\206\250 hangul",
  "\360\237\221\251\342\200\215\360\237\221\247\342\200\215\360\237\221\246 \342\234\224\357\270\217 1\357\270\217\342\203\243 #\357\270\217\342\203\243 \360\237\207\253\360\237\207\267 emoji",
  "中文字符 日本語のテキスト 한국어 ไทยภาษา क्षत्रिय हिन्दी",
  "zero\342\200\213width join\342\200\215er soft\302\255hyphen no\302\240break",
  "private \357\243\277 use, replacement \357\277\275, tab\there\nnew line",
  "\307\205 \307\210 \307\213 digraphs, \342\200\246\342\200\224\342\200\223 dashes",
  "abc123def 1a a1 A-1 9_9 (x) [y] {z} <w> \"q\" 'r'",
};

static PangoContext *
reference_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static void
assert_same_font (PangoFont *a,
                  PangoFont *b)
{
  g_autoptr(PangoFontDescription) da = pango_font_describe (a);
  g_autoptr(PangoFontDescription) db = pango_font_describe (b);

  g_assert_true (pango_font_description_equal (da, db));
}

static void
assert_same_run (const PangoGlyphItem *a,
                 const PangoGlyphItem *b)
{
  const PangoAnalysis *x = &a->item->analysis, *y = &b->item->analysis;
  guint public_flags = PANGO_ANALYSIS_FLAG_CENTERED_BASELINE | PANGO_ANALYSIS_FLAG_IS_ELLIPSIS |
                       PANGO_ANALYSIS_FLAG_NEED_HYPHEN;

  g_assert_cmpint (a->item->offset, ==, b->item->offset);
  g_assert_cmpint (a->item->length, ==, b->item->length);
  g_assert_cmpint (a->item->num_chars, ==, b->item->num_chars);
  assert_same_font (x->font, y->font);
  g_assert_cmpuint (x->level, ==, y->level);
  g_assert_cmpuint (x->gravity, ==, y->gravity);
  g_assert_cmpuint (x->flags & public_flags, ==, y->flags & public_flags);
  g_assert_cmpuint (x->script, ==, y->script);
  g_assert_true (x->language == y->language);

  g_assert_cmpint (a->glyphs->num_glyphs, ==, b->glyphs->num_glyphs);
  for (int g = 0; g < a->glyphs->num_glyphs; g++)
    {
      const PangoGlyphInfo *p = &a->glyphs->glyphs[g], *q = &b->glyphs->glyphs[g];

      g_assert_cmpuint (p->glyph, ==, q->glyph);
      g_assert_cmpint (p->geometry.width, ==, q->geometry.width);
      g_assert_cmpint (p->geometry.x_offset, ==, q->geometry.x_offset);
      g_assert_cmpint (p->geometry.y_offset, ==, q->geometry.y_offset);
      g_assert_cmpuint (p->attr.is_cluster_start, ==, q->attr.is_cluster_start);
      g_assert_cmpuint (p->attr.is_color, ==, q->attr.is_color);
      g_assert_cmpint (a->glyphs->log_clusters[g], ==, b->glyphs->log_clusters[g]);
    }
}

/* The word the measurer makes of @word (no space, no line break) is the
 * one line of a layout of it. */
static void
assert_shaped_as_layout (ParcoursTextMeasurer *measurer,
                         PangoContext         *context,
                         ParcoursFontRole      role,
                         const char           *word)
{
  ParcoursTextBlock *block = parcours_text_measurer_measure (measurer, role, word, -1, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  const ParcoursShapedWord *shaped;
  PangoLayoutLine *line;
  GSList *r, *s;
  double width = 0;

  g_assert_cmpuint (block->words->len, ==, 1);
  shaped = g_array_index (block->words, ParcoursPlacedWord, 0).word;

  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_font_description (layout, parcours_text_measurer_get_font (measurer, role));
  pango_layout_set_text (layout, word, -1);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  line = pango_layout_get_line_readonly (layout, 0);

  g_assert_cmpstr (shaped->text, ==, word);
  g_assert_true (pango_font_description_equal (shaped->font, pango_layout_get_font_description (layout)));
  for (r = shaped->runs, s = line->runs; r != NULL && s != NULL; r = r->next, s = s->next)
    {
      assert_same_run (r->data, s->data);
      width += pango_glyph_string_get_width (((PangoGlyphItem *) s->data)->glyphs);
    }
  g_assert_null (r);
  g_assert_null (s);
  g_assert_cmpfloat (shaped->width, ==, width / PANGO_SCALE);
}

/* Every word of @text, as the measurer breaks it into words, in every
 * role. */
static void
check_text (ParcoursTextMeasurer *measurer,
            PangoContext         *context,
            const char           *text)
{
  g_autofree char *drawable = parcours_drawable_text (text, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
  g_auto(GStrv) lines = g_strsplit (drawable, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) words = g_strsplit (lines[l], " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        for (guint role = 0; role < PARCOURS_N_FONTS && words[w][0] != '\0'; role++)
          assert_shaped_as_layout (measurer, context, role, words[w]);
    }
}

static void
test_words_shaped_as_layouts (void)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursTextMeasurer) measurer = parcours_text_measurer_new (style);
  g_autoptr(GObject) context = G_OBJECT (reference_context ());
  g_autoptr(GString) ascii = g_string_new (NULL);

  parcours_text_measurer_begin_pass (measurer);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check_text (measurer, PANGO_CONTEXT (context), texts[i]);

  /* Every printable ASCII character alone, and beside every other. */
  for (char c = '!'; c <= '~'; c++)
    for (char d = '!'; d <= '~'; d++)
      g_string_append_printf (ascii, "%c %c%c ", c, c, d);
  check_text (measurer, PANGO_CONTEXT (context), ascii->str);
  parcours_text_measurer_end_pass (measurer);
}

/* The project's own maps of hostile text (combining marks, controls,
 * line separators, noncharacters, right-to-left) always; the Big List
 * of Naughty Strings as well when the shared test data is there. */
static const char *const hostile_maps[] = {
  "combining.parcours",
  "controls.parcours",
  "line-separators.parcours",
  "noncharacters.parcours",
  "right-to-left.parcours",
};

static void
test_hostile_words_shaped_as_layouts (void)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursTextMeasurer) measurer = parcours_text_measurer_new (style);
  g_autoptr(GObject) context = G_OBJECT (reference_context ());
  g_autoptr(GPtrArray) strings = parcours_test_hostile_naughty_strings ();
  guint n_checked = 0;

  parcours_text_measurer_begin_pass (measurer);
  for (guint m = 0; m < G_N_ELEMENTS (hostile_maps); m++)
    {
      g_autoptr(ParcoursDocument) document = parcours_test_hostile_load_data (hostile_maps[m]);
      g_autoptr(GPtrArray) fields = parcours_test_hostile_fields (document);

      for (guint i = 1; i < fields->len; i += 2)
        if (fields->pdata[i] != NULL)
          {
            check_text (measurer, PANGO_CONTEXT (context), fields->pdata[i]);
            n_checked++;
          }
    }
  g_assert_cmpuint (n_checked, >, 0);

  if (strings != NULL)
    for (guint i = 0; i < strings->len; i++)
      check_text (measurer, PANGO_CONTEXT (context), strings->pdata[i]);
  else
    g_test_message ("../shared/testdata/naughty-strings/ is not there: only the project's own hostile maps were shaped");
  parcours_text_measurer_end_pass (measurer);
}

/* A display list may keep blocks after their layout and measurer are
 * gone: their words keep what they need, the font included. */
static void
test_words_outlive_measurer (void)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  ParcoursTextMeasurer *measurer = parcours_text_measurer_new (style);
  g_autoptr(ParcoursTextBlock) block = NULL;
  g_autofree char *family = g_strdup (pango_font_description_get_family (parcours_text_measurer_get_font (measurer, PARCOURS_FONT_CARD_TEXT)));
  const ParcoursShapedWord *word;

  parcours_text_measurer_begin_pass (measurer);
  block = parcours_text_block_ref (parcours_text_measurer_measure (measurer, PARCOURS_FONT_CARD_TEXT,
                                                                   "Kept Покупатель", -1, PANGO_ALIGN_LEFT));
  parcours_text_measurer_end_pass (measurer);
  g_object_unref (measurer);

  g_assert_cmpuint (block->words->len, ==, 2);
  word = g_array_index (block->words, ParcoursPlacedWord, 1).word;
  g_assert_cmpstr (pango_font_description_get_family (word->font), ==, family);
  g_assert_cmpstr (word->text, ==, "Покупатель");
  g_assert_nonnull (word->runs);
  g_assert_cmpfloat (word->width, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/text-measurer/words-shaped-as-layouts", test_words_shaped_as_layouts);
  g_test_add_func ("/render/text-measurer/hostile-words-shaped-as-layouts", test_hostile_words_shaped_as_layouts);
  g_test_add_func ("/render/text-measurer/words-outlive-measurer", test_words_outlive_measurer);

  return g_test_run ();
}
