/* test-hostile-text.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-cairo-renderer.h"
#include "parcours-drawable-text.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-test-hostile.h"
#include "parcours-test-utils.h"

/* Hostile text through every exporter: every string a user may type, in
 * every field, exported to every format, must come out well-formed,
 * drawn and given back, or be refused with a message that names it.
 *
 * The strings are the Big List of Naughty Strings (read from
 * ../shared/testdata/naughty-strings/ when it is there) and texts of our
 * own: every noncharacter and control, line separators, combining stacks,
 * right-to-left runs (tests/data/hostile-text/), and, generated here
 * because they are large, a 1 MiB word, a huge word of accents and 10 000
 * cards in one cell.
 *
 * The Big List of Naughty Strings runs in test-hostile-text-blns.c; what
 * both check is in parcours-test-hostile.c. */

#define quick parcours_test_hostile_quick
#define visible parcours_test_hostile_visible
#define export_with_warnings parcours_test_hostile_export_with_warnings
#define export parcours_test_hostile_export
#define check_svg parcours_test_hostile_check_svg
#define check_pdf parcours_test_hostile_check_pdf
#define check_png parcours_test_hostile_check_png
#define assert_found parcours_test_hostile_assert_found
#define font_covers parcours_test_hostile_font_covers
#define check_native parcours_test_hostile_check_native
#define check_svg_export parcours_test_hostile_check_svg_export
#define check_pdf_export parcours_test_hostile_check_pdf_export
#define check_png_export parcours_test_hostile_check_png_export
#define load_data parcours_test_hostile_load_data

/* Our own hostile texts -------------------------------------------------- */

/* Every backend draws every field of the map: SVG (strict XML, rendered
 * by librsvg), PDF (pdftotext) and PNG; the texts survive a save. */
static void
check_every_backend (ParcoursDocument *document,
                     const char       *where)
{
  check_native (document, where);
  check_svg_export (document, where);
  check_pdf_export (document, where);
  check_png_export (document, where);
}

static void
test_drawable_rules (void)
{
  static const struct { const char *in; const char *out; const char *single_line; } cases[] = {
    { "plain text", "plain text", "plain text" },
    { "tab\there", "tab here", "tab here" },
    { "a\r\nb\rc\vd\fe", "a\nb\nc\nd\ne", "a b c d e" },
    { "alpha\u2028bravo\u2029charlie\302\205delta", "alpha\nbravo\ncharlie\ndelta", "alpha bravo charlie delta" },
    { "bell\007 esc\033 del\177 csi\302\233", "bell\357\277\275 esc\357\277\275 del\357\277\275 csi\357\277\275", NULL },
    { "\357\267\220\357\277\276\357\277\277\360\237\277\276\364\217\277\277",
      "\357\277\275\357\277\275\357\277\275\357\277\275\357\277\275", NULL },
    { "bidi \u202eevil\u202c zwj \u200d bom \ufeff", "bidi \u202eevil\u202c zwj \u200d bom \ufeff", NULL },
    { "bad \377 byte", "bad \357\277\275 byte", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = parcours_drawable_text (cases[i].in, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
      g_autofree char *line = parcours_drawable_text (cases[i].in, -1, PARCOURS_DRAWABLE_TEXT_SINGLE_LINE);

      g_assert_cmpstr (out, ==, cases[i].out);
      if (cases[i].single_line != NULL)
        g_assert_cmpstr (line, ==, cases[i].single_line);
      g_assert_null (strchr (line, '\n'));
    }

  /* Every noncharacter and every control is replaced. */
  for (gunichar c = 0; c < 0x110000; c++)
    {
      gboolean nonchar = (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
      gboolean control = (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != 0x0b && c != 0x0c) ||
                         (c >= 0x7f && c <= 0x9f && c != 0x85);
      char utf8[8] = { 0 };
      g_autofree char *out = NULL;

      if (c >= 0xd800 && c <= 0xdfff)
        continue;
      if (c == 0)
        continue;
      g_unichar_to_utf8 (c, utf8);
      out = parcours_drawable_text (utf8, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
      if (nonchar || control)
        g_assert_cmpstr (out, ==, "\357\277\275");
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

static void
test_noncharacters (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("noncharacters.parcours");

  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (document)), >=, 66);
  check_every_backend (document, "noncharacters.parcours");
}

static void
test_controls (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("controls.parcours");

  check_every_backend (document, "controls.parcours");
}

static void
test_line_separators (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("line-separators.parcours");
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);

  check_every_backend (document, "line-separators.parcours");

  /* Each break starts a line of its own. */
  parcours_layout_update (layout, document);
  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);

      if (g_str_has_prefix (parcours_card_get_text (box->card), "alpha"))
        g_assert_cmpuint (box->text->lines->len, ==, 2);
    }
}

/* Stacks of combining marks stay on their base and do not make a card
 * taller than its lines; lone marks are drawn. */
static void
test_combining_marks (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("combining.parcours");
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);

  check_every_backend (document, "combining.parcours");

  parcours_layout_update (layout, document);
  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
      const ParcoursTextBlock *block = box->text;
      guint n_graphemes = 0;

      /* A line never starts with a mark taken from its base. */
      for (guint l = 1; l < block->lines->len; l++)
        {
          const char *line = g_array_index (block->lines, ParcoursTextLine, l).text;
          GUnicodeType type = g_unichar_type (g_utf8_get_char (line));

          g_assert_cmpint (type, !=, G_UNICODE_NON_SPACING_MARK);
        }

      for (const char *p = block->text; *p; p = g_utf8_next_char (p))
        if (!g_unichar_ismark (g_utf8_get_char (p)))
          n_graphemes++;
      g_assert_cmpuint (block->lines->len, <=, MAX (n_graphemes, 1));
      g_assert_cmpfloat (block->height, <=, box->rect.height);
    }
}

static void
test_right_to_left (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("right-to-left.parcours");

  check_every_backend (document, "right-to-left.parcours");
}

/* A pseudo-random word of @length bytes: nothing repeats, so no piece of
 * it is ever found in a cache. */
static char *
make_word (gsize length)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  char *word = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    word[i] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
  word[length] = '\0';

  return word;
}

static ParcoursDocument *
make_one_card_map (const char *text)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "One card");
  parcours_test_add (document, parcours_stage_new ("s", "Stage"));
  parcours_test_add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_TOUCHPOINTS, "Lane"));
  parcours_test_add (document, parcours_card_new ("c", "l", "s", text));
  parcours_test_add (document, parcours_card_new ("after", "l", "s", "Sentinel after the word"));

  return document;
}

/* A character no installed font has is left blank by PDF and PNG: the
 * export says which field holds it, and which characters; SVG keeps the
 * text for its viewer's fonts and says nothing. An Egyptian hieroglyph is
 * in no font a Debian desktop has unless fonts-noto-extra is installed. */
static void
test_undrawable_text_named (void)
{
  const gunichar hieroglyph = 0x13000;
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Sign \xf0\x93\x80\x80 here");
  ParcoursExportFormat blank_formats[] = { PARCOURS_EXPORT_FORMAT_PDF, PARCOURS_EXPORT_FORMAT_PNG };

  if (font_covers (hieroglyph))
    {
      g_test_skip ("a font for Egyptian hieroglyphs is installed");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (blank_formats); f++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) bytes = export_with_warnings (document, blank_formats[f], warnings);

      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_true (g_str_has_prefix (warnings->pdata[0],
                                       "cards[0].text: no installed font can draw “\xf0\x93\x80\x80” (U+13000)"));
    }

  {
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GBytes) svg = export_with_warnings (document, PARCOURS_EXPORT_FORMAT_SVG, warnings);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

/* Past ten fields, the others are counted, not listed. */
static void
test_undrawable_text_counted (void)
{
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Sentinel");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = NULL;

  if (font_covers (0x13000))
    {
      g_test_skip ("a font for Egyptian hieroglyphs is installed");
      return;
    }

  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *id = g_strdup_printf ("h%u", i);

      parcours_test_add (document, parcours_card_new (id, "l", "s", "\xf0\x93\x80\x80\xf0\x93\x80\x81 and ok"));
    }

  pdf = export_with_warnings (document, PARCOURS_EXPORT_FORMAT_PDF, warnings);
  g_assert_cmpuint (warnings->len, ==, 11);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "cards[2].text: no installed font can draw "
                                   "“\xf0\x93\x80\x80\xf0\x93\x80\x81” (U+13000 U+13001)"));
  g_assert_cmpstr (warnings->pdata[10], ==, "4 more fields hold characters no installed font can draw");
}

/* The whole text is drawn, in lines that fit the card. */
static void
assert_broken_whole (const ParcoursCardBox *box,
                     const char            *text)
{
  const ParcoursTextBlock *block = box->text;
  g_autoptr(GString) joined = g_string_new (NULL);

  g_assert_cmpuint (block->lines->len, >, 1);
  for (guint l = 0; l < block->lines->len; l++)
    {
      const ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      g_assert_cmpfloat (line->width, <=, block->wrap_width + 0.5);
      g_assert_cmpfloat (line->width, >, 0);
      g_string_append (joined, line->text);
    }
  g_assert_true (g_str_equal (joined->str, text));
}

/* Breaking a word is linear: a word of 1 MiB (the format's limit for a
 * string; 64 KiB in quick runs) is broken, drawn in every backend but
 * PNG (far too tall for an image, which says so). The time it takes is
 * parcours-bench's export_pdf_long_word_ms. */
static void
test_long_word (void)
{
  gsize length = quick () ? 64 * 1024 : PARCOURS_FORMAT_MAX_STRING_SIZE;
  g_autofree char *word = make_word (length);
  g_autoptr(ParcoursDocument) document = make_one_card_map (word);
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *svg_texts = NULL;

  parcours_layout_update (layout, document);
  assert_broken_whole (parcours_layout_get_card (layout, 0), word);

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  svg_texts = check_svg (svg);
  g_assert_nonnull (strstr (svg_texts, word));
  g_assert_nonnull (strstr (svg_texts, "Sentinelafter"));

  pdf = export (document, PARCOURS_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, length / 4);
}

/* A right-to-left word longer than a chunk (64 KiB) is broken too: its
 * pieces are shaped again, each line reordered on its own. */
static void
test_long_right_to_left_word (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *svg_texts = NULL;
  g_autofree char *expected = NULL;

  while (word->len < 80 * 1024)
    g_string_append (word, "שלוםעולם-مرحبا");
  document = make_one_card_map (word->str);

  parcours_layout_update (layout, document);
  assert_broken_whole (parcours_layout_get_card (layout, 0), word->str);

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  svg_texts = check_svg (svg);
  expected = visible (word->str);
  g_assert_nonnull (strstr (svg_texts, expected));
}

/* 400 000 × "é", a word of 800 000 bytes, is drawn, not an empty card. */
static void
test_huge_word_drawn (void)
{
  guint n = quick () ? 20000 : 400000;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *svg_texts = NULL;
  g_autoptr(GBytes) png = NULL;
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append (word, "é");
  document = make_one_card_map (word->str);

  parcours_layout_update (layout, document);
  assert_broken_whole (parcours_layout_get_card (layout, 0), word->str);

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  svg_texts = check_svg (svg);
  g_assert_nonnull (strstr (svg_texts, word->str));

  /* Too tall for an image: refused, and said why. */
  parcours_export_options_init (&options);
  png = parcours_export_png (document, &options, &error);
  if (parcours_layout_get_height (layout) > 32767)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_null (png);
    }
  else
    {
      g_assert_no_error (error);
      check_png (png);
    }
}

/* 10 000 cards in one cell: every one drawn. */
static void
test_many_cards_in_one_cell (void)
{
  guint n = quick () ? 1000 : 10000, n_found = 0;
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *texts = NULL;

  parcours_test_add (document, parcours_stage_new ("s", "Stage"));
  parcours_test_add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_TOUCHPOINTS, "Lane"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Card %05u\u2028line two", i);
      parcours_test_add (document, parcours_card_new (NULL, "l", "s", text));
    }

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  texts = check_svg (svg);
  /* In order, so one pass over the texts finds them all. */
  for (const char *p = texts; n_found < n; n_found++)
    {
      char needle[32];

      g_snprintf (needle, sizeof needle, "Card%05ulinetwo", n_found);
      p = strstr (p, needle);
      if (p == NULL)
        g_error ("card %u is not in the SVG", n_found);
    }

  pdf = export (document, PARCOURS_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 0);
}

/* A context cairo has put in an error state is reported, not drawn on
 * as if nothing happened. */
static void
test_cairo_error_reported (void)
{
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Some text");
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(ParcoursDisplayList) list = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
  cairo_t *cr = cairo_create (surface);

  parcours_layout_update (layout, document);
  list = parcours_painter_paint (layout);

  g_assert_true (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_no_error (error);

  /* A singular matrix puts the context in an error state. */
  cairo_scale (cr, 0, 0);
  g_assert_false (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, cairo_status_to_string (CAIRO_STATUS_INVALID_MATRIX)));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Should a text cairo refuses ever reach it (the measurer makes every
 * text drawable, so this one is made by hand), the drawing fails and the
 * error quotes that text, found among all the texts of its run. */
static void
test_refused_text_named (void)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursTextMeasurer) measurer = parcours_text_measurer_new (style);
  g_autoptr(ParcoursDisplayList) list = parcours_display_list_new (400, 200, style->background);
  g_autoptr(GError) error = NULL;
  const PangoFontDescription *font = parcours_text_measurer_get_font (measurer, PARCOURS_FONT_CARD_TEXT);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ParcoursTextBlock *good, *bad;
  ParcoursPlacedWord *placed;
  ParcoursShapedWord *word;
  cairo_surface_t *surface;
  cairo_t *cr;

  parcours_text_measurer_begin_pass (measurer);
  good = parcours_text_measurer_measure (measurer, PARCOURS_FONT_CARD_TEXT, "Drawn before", -1, PANGO_ALIGN_LEFT);
  bad = parcours_text_measurer_measure (measurer, PARCOURS_FONT_CARD_TEXT, "Refused", -1, PANGO_ALIGN_LEFT);

  /* The block's one word, shaped from text holding U+FFFE. */
  word = g_new0 (ParcoursShapedWord, 1);
  g_ref_count_init (&word->ref_count);
  word->layout = pango_layout_new (context);
  pango_layout_set_font_description (word->layout, font);
  pango_layout_set_text (word->layout, "Ref\357\277\276used", -1);
  word->text = pango_layout_get_text (word->layout);
  word->runs = pango_layout_get_line_readonly (word->layout, 0)->runs;
  word->font = pango_layout_get_font_description (word->layout);
  word->width = 40;
  word->end_index = G_MAXINT;
  placed = &g_array_index (bad->words, ParcoursPlacedWord, 0);
  g_assert_false (g_ref_count_dec (&placed->word->ref_count));
  placed->word = word;
  g_object_unref (context);

  parcours_display_list_add_text (list, good, 10, 10, &style->text);
  parcours_display_list_add_text (list, bad, 10, 40, &style->text);

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, 400, 200);
  cr = cairo_create (surface);
  g_assert_false (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“Refused”"));
  g_assert_null (strstr (error->message, "Drawn before"));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A noncharacter in the title or a stage name (PDF metadata and outline)
 * does not stop the PDF. */
static void
test_pdf_metadata (void)
{
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Card");
  g_autoptr(ParcoursStage) stage = NULL;
  ParcoursExportOptions options;

  parcours_document_set_title (document, "Title \357\277\276 with\u2028a noncharacter");
  stage = g_list_model_get_item (parcours_document_get_stages (document), 0);
  parcours_stage_set_name (stage, "Stage \357\277\277\357\267\220\n\tname");

  parcours_export_options_init (&options);
  for (ParcoursPageSize size = PARCOURS_PAGE_SIZE_FIT; size <= PARCOURS_PAGE_SIZE_A4; size++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *texts = NULL;

      options.page_size = size;
      pdf = parcours_export_pdf (document, &options, &error);
      g_assert_no_error (error);
      texts = check_pdf (pdf);
      if (texts != NULL)
        {
          assert_found (texts, "Title \357\277\275 with a noncharacter", "PDF", "title");
          assert_found (texts, "Stage \357\277\275\357\277\275 name", "PDF", "stages[0].name");
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-text/drawable/rules", test_drawable_rules);
  g_test_add_func ("/hostile-text/noncharacters", test_noncharacters);
  g_test_add_func ("/hostile-text/controls", test_controls);
  g_test_add_func ("/hostile-text/line-separators", test_line_separators);
  g_test_add_func ("/hostile-text/combining-marks", test_combining_marks);
  g_test_add_func ("/hostile-text/right-to-left", test_right_to_left);
  g_test_add_func ("/hostile-text/long-word", test_long_word);
  g_test_add_func ("/hostile-text/long-right-to-left-word", test_long_right_to_left_word);
  g_test_add_func ("/hostile-text/huge-word-drawn", test_huge_word_drawn);
  g_test_add_func ("/hostile-text/many-cards-in-one-cell", test_many_cards_in_one_cell);
  g_test_add_func ("/hostile-text/cairo-error-reported", test_cairo_error_reported);
  g_test_add_func ("/hostile-text/refused-text-named", test_refused_text_named);
  g_test_add_func ("/hostile-text/pdf-metadata", test_pdf_metadata);
  g_test_add_func ("/hostile-text/undrawable-text-named", test_undrawable_text_named);
  g_test_add_func ("/hostile-text/undrawable-text-counted", test_undrawable_text_counted);

  return g_test_run ();
}
