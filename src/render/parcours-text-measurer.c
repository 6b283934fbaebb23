/* parcours-text-measurer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-ascii-shaper.h"
#include "parcours-drawable-text.h"
#include "parcours-text-measurer.h"

/* Measures and wraps text.
 *
 * Shaping is what costs: a map of 5 000 cards shaped card by card spends
 * most of its layout time in HarfBuzz. Cards repeat words, so words are
 * shaped once each (by Pango, with its font fallback) and cached, and lines
 * are broken here, between words, greedily. A word is itemized and shaped
 * as the one line a PangoLayout of it would make, without the layout: a
 * layout per word cost more than its shaping, to make and to free. Words too wide for a line are
 * broken after a hyphen or, failing that, between grapheme clusters, in
 * time linear in their length: text is never cut. Kerning across a space
 * is lost, which no one can see.
 *
 * Text is made drawable first (parcours-drawable-text.c): what the blocks
 * hold is what every backend draws or writes.
 *
 * Blocks are cached too, by content, font and width, so re-laying out a
 * map after one edit measures that card only. Whatever a layout pass did
 * not use is dropped at its end, so the caches never outgrow the map. */
struct _ParcoursTextMeasurer
{
  GObject parent_instance;

  ParcoursStyle *style;
  PangoContext *context;
  PangoAttrList *attributes;
  ParcoursWordFonts *fonts;
  int context_role;             /* whose font the context has, or -1 */
  GPtrArray *scratch;           /* PangoGlyphString: words are shaped there, then copied */
  ParcoursAsciiShaper *ascii[PARCOURS_N_FONTS][2];  /* see find_ascii_shapers() */
  double ascent[PARCOURS_N_FONTS];
  double line_height[PARCOURS_N_FONTS];
  double space_width[PARCOURS_N_FONTS];

  GHashTable *blocks;       /* key string → ParcoursTextBlock */
  GHashTable *words;        /* ParcoursShapedWord, by role and key */
  GString *key;
  guint pass;
  guint n_measured;
};

G_DEFINE_FINAL_TYPE (ParcoursTextMeasurer, parcours_text_measurer, G_TYPE_OBJECT)

/* The fonts of the roles, shared by the words shaped with them: a word
 * may outlive its measurer in a display list. */
struct _ParcoursWordFonts
{
  grefcount ref_count;
  PangoFontDescription *fonts[PARCOURS_N_FONTS];
};

static ParcoursWordFonts *
word_fonts_ref (ParcoursWordFonts *fonts)
{
  g_ref_count_inc (&fonts->ref_count);
  return fonts;
}

static void
word_fonts_unref (ParcoursWordFonts *fonts)
{
  if (g_ref_count_dec (&fonts->ref_count))
    {
      for (guint i = 0; i < PARCOURS_N_FONTS; i++)
        g_clear_pointer (&fonts->fonts[i], pango_font_description_free);
      g_free (fonts);
    }
}

static ParcoursShapedWord *
shaped_word_ref (ParcoursShapedWord *word)
{
  g_ref_count_inc (&word->ref_count);
  return word;
}

/* A word of its own is one allocation (see shape_word()) but for the
 * items of its runs; a line of a layout keeps the layout. */
static void
shaped_word_unref (ParcoursShapedWord *word)
{
  if (g_ref_count_dec (&word->ref_count))
    {
      if (word->layout != NULL)
        g_object_unref (word->layout);
      else
        for (GSList *r = word->runs; r != NULL; r = r->next)
          pango_item_free (((PangoGlyphItem *) r->data)->item);
      g_clear_pointer (&word->fonts, word_fonts_unref);
      g_free (word);
    }
}

/* Words are cached by role and text (for a line of a layout, the text of
 * that line: @key). */
static guint
word_hash (gconstpointer data)
{
  const ParcoursShapedWord *word = data;
  guint hash = 5381 + word->role;

  for (guint i = 0; i < word->length; i++)
    hash = hash * 33 + (guchar) word->key[i];

  return hash;
}

static gboolean
word_equal (gconstpointer a,
            gconstpointer b)
{
  const ParcoursShapedWord *x = a, *y = b;

  return x->role == y->role && x->length == y->length && memcmp (x->key, y->key, x->length) == 0;
}

static ParcoursShapedWord *
lookup_word (ParcoursTextMeasurer *self,
             ParcoursFontRole      role,
             const char           *text,
             gsize                 length)
{
  ParcoursShapedWord probe = { .role = role, .length = length, .key = text };

  return g_hash_table_lookup (self->words, &probe);
}

static void
clear_placed_word (gpointer data)
{
  ParcoursPlacedWord *placed = data;

  g_clear_pointer (&placed->word, shaped_word_unref);
}

/* First glyph of a left-to-right @glyphs whose cluster starts at or after
 * byte @index of its item. */
static int
first_glyph_from (const PangoGlyphString *glyphs,
                  int                     index)
{
  int low = 0, high = glyphs->num_glyphs;

  while (low < high)
    {
      int middle = low + (high - low) / 2;

      if (glyphs->log_clusters[middle] < index)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * parcours_shaped_word_get_glyphs:
 * @word: a shaped word
 * @item: one of the runs of @word's line
 * @first: (out): the first glyph of @item that @word draws
 * @last: (out): the glyph after the last one
 *
 * Which glyphs of a run a word draws, one after the other from the
 * word's origin: all of them, or for a piece of a long word (a slice of
 * its line) those of its clusters, found by bisection, so that drawing
 * the thousands of pieces of a word stays linear. A slice may start
 * inside a cluster (a ligature across the break): that glyph went with
 * the piece before.
 */
void
parcours_shaped_word_get_glyphs (const ParcoursShapedWord *word,
                                 const PangoGlyphItem     *item,
                                 int                      *first,
                                 int                      *last)
{
  int offset = item->item->offset;

  if (word->start_index == 0 && word->end_index == G_MAXINT)
    {
      *first = 0;
      *last = item->glyphs->num_glyphs;
      return;
    }

  if (offset + item->item->length <= word->start_index || offset >= word->end_index)
    {
      *first = *last = 0;
      return;
    }

  *first = first_glyph_from (item->glyphs, word->start_index - offset);
  *last = first_glyph_from (item->glyphs, word->end_index - offset);
}

ParcoursTextBlock *
parcours_text_block_ref (ParcoursTextBlock *self)
{
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
parcours_text_block_unref (ParcoursTextBlock *self)
{
  if (g_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->lines, g_array_unref);
      g_clear_pointer (&self->words, g_array_unref);
      g_free (self->own_text);
      g_free (self->line_texts);
      g_free (self);
    }
}

static void
parcours_text_measurer_finalize (GObject *object)
{
  ParcoursTextMeasurer *self = (ParcoursTextMeasurer *)object;

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->fonts, word_fonts_unref);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);
  for (guint i = 0; i < PARCOURS_N_FONTS; i++)
    for (guint c = 0; c < 2; c++)
      g_clear_pointer (&self->ascii[i][c], parcours_ascii_shaper_free);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->style, parcours_style_unref);
  g_string_free (self->key, TRUE);

  G_OBJECT_CLASS (parcours_text_measurer_parent_class)->finalize (object);
}

static void
parcours_text_measurer_class_init (ParcoursTextMeasurerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = parcours_text_measurer_finalize;
}

static void
parcours_text_measurer_init (ParcoursTextMeasurer *self)
{
  self->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) parcours_text_block_unref);
  self->words = g_hash_table_new_full (word_hash, word_equal, (GDestroyNotify) shaped_word_unref, NULL);
  self->key = g_string_new (NULL);
  self->fonts = g_new0 (ParcoursWordFonts, 1);
  g_ref_count_init (&self->fonts->ref_count);
  self->context_role = -1;
  self->scratch = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_glyph_string_free);
}

/* The advance of @runs, added up in points: Pango's own extents are
 * ints of 1/1024 pt, which overflow past 2 097 152 pt (a word of some
 * 300 000 characters) and would make a huge word zero wide. */
static double
runs_width (GSList *runs)
{
  double width = 0;

  for (GSList *r = runs; r != NULL; r = r->next)
    {
      PangoGlyphString *glyphs = ((PangoGlyphItem *) r->data)->glyphs;

      for (int g = 0; g < glyphs->num_glyphs; g++)
        width += glyphs->glyphs[g].geometry.width;
    }

  return width / PANGO_SCALE;
}

/* A word shaped as one line of @layout, which it keeps. */
static ParcoursShapedWord *
word_from_line (PangoLayout     *layout,
                PangoLayoutLine *line,
                ParcoursFontRole role)
{
  ParcoursShapedWord *word = g_new0 (ParcoursShapedWord, 1);

  g_ref_count_init (&word->ref_count);
  word->layout = g_object_ref (layout);
  word->text = pango_layout_get_text (layout);
  word->role = role;
  word->key = word->text + line->start_index;
  word->length = line->length;
  word->runs = line->runs;
  word->font = pango_layout_get_font_description (layout);
  word->width = runs_width (word->runs);
  word->end_index = G_MAXINT;

  return word;
}

/* Lays text[0, length) out in a layout of its own (no wrapping). */
static PangoLayout *
new_layout (ParcoursTextMeasurer *self,
            ParcoursFontRole      role,
            const char           *text,
            gsize                 length)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts->fonts[role]);
  pango_layout_set_attributes (layout, self->attributes);
  pango_layout_set_text (layout, text, length);

  return layout;
}

/* Itemizes text[0, length) in visual order, as a layout of it would
 * (its base direction that of its first strong character), without
 * the rest of a layout: most of what a layout costs is not the shaping. */
static GList *
itemize_text (ParcoursTextMeasurer *self,
              ParcoursFontRole      role,
              const char           *text,
              gsize                 length)
{
  PangoDirection direction;
  GList *items, *visual;

  /* Deprecated for other users, it is what a layout finds its
   * paragraphs' direction with. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  direction = pango_find_base_dir (text, length);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (direction == PANGO_DIRECTION_NEUTRAL)
    direction = pango_context_get_base_dir (self->context);

  if (self->context_role != (int) role)
    {
      pango_context_set_font_description (self->context, self->fonts->fonts[role]);
      self->context_role = role;
    }

  items = pango_itemize_with_base_dir (self->context, direction, text, 0, length, NULL, NULL);
  visual = pango_reorder_items (items);
  g_list_free (items);

  return visual;
}

#define ASCII_LETTERS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define ASCII_OTHERS "!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~"

/* Words of printable ASCII are shaped by an ASCII shaper, from the one
 * item every word of their class itemizes to, if all of printable ASCII
 * does (parcours-ascii-shaper.c). */
static void
find_ascii_shapers (ParcoursTextMeasurer *self,
                    ParcoursFontRole      role)
{
  static const char *const classes[] = { ASCII_OTHERS, ASCII_OTHERS ASCII_LETTERS };

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      GList *items = itemize_text (self, role, classes[c], strlen (classes[c]));

      if (items != NULL && items->next == NULL)
        self->ascii[role][c] = parcours_ascii_shaper_new (items->data, c);
      else
        g_list_free_full (g_steal_pointer (&items), (GDestroyNotify) pango_item_free);
      g_list_free (items);
    }
}

/* A word from @items (in visual order) shaped into the first glyph
 * strings of self->scratch, made one allocation: the word, its runs
 * (list nodes, glyph items, glyph strings, glyphs, clusters) and its
 * text, so that freeing the thousands of words of a map is cheap. Only
 * the items stay apart, as Pango made them. */
static ParcoursShapedWord *
pack_word (ParcoursTextMeasurer *self,
           ParcoursFontRole      role,
           const char           *text,
           gsize                 length,
           GList                *items,
           gsize                 n_glyphs)
{
  guint n_runs = g_list_length (items);
  gsize size = sizeof (ParcoursShapedWord) +
               n_runs * (sizeof (GSList) + sizeof (PangoGlyphItem) + sizeof (PangoGlyphString)) +
               n_glyphs * (sizeof (PangoGlyphInfo) + sizeof (int)) + length + 1;
  ParcoursShapedWord *word = g_malloc0 (size);
  GSList *nodes = (GSList *) (word + 1);
  PangoGlyphItem *runs = (PangoGlyphItem *) (nodes + n_runs);
  PangoGlyphString *strings = (PangoGlyphString *) (runs + n_runs);
  PangoGlyphInfo *glyphs = (PangoGlyphInfo *) (strings + n_runs);
  int *clusters = (int *) (glyphs + n_glyphs);
  char *copy = (char *) (clusters + n_glyphs);
  guint i = 0;

  memcpy (copy, text, length);
  for (GList *l = items; l != NULL; l = l->next, i++)
    {
      const PangoGlyphString *shaped = g_ptr_array_index (self->scratch, i);
      int n = shaped->num_glyphs;

      memcpy (glyphs, shaped->glyphs, n * sizeof (PangoGlyphInfo));
      memcpy (clusters, shaped->log_clusters, n * sizeof (int));
      strings[i] = (PangoGlyphString) { n, glyphs, clusters, n };
      runs[i].item = l->data;
      runs[i].glyphs = &strings[i];
      nodes[i].data = &runs[i];
      nodes[i].next = i + 1 < n_runs ? &nodes[i + 1] : NULL;
      glyphs += n;
      clusters += n;
    }

  g_ref_count_init (&word->ref_count);
  word->role = role;
  word->text = word->key = copy;
  word->length = length;
  word->runs = n_runs > 0 ? nodes : NULL;
  word->fonts = word_fonts_ref (self->fonts);
  word->font = self->fonts->fonts[role];
  word->width = runs_width (word->runs);
  word->end_index = G_MAXINT;

  return word;
}

/* Shapes text[0, length) as the one line a layout of it would make:
 * drawable text has no line break inside a word. */
static ParcoursShapedWord *
shape_new_word (ParcoursTextMeasurer *self,
                ParcoursFontRole      role,
                const char           *text,
                gsize                 length)
{
  int ascii = parcours_ascii_class (text, length);
  ParcoursAsciiShaper *shaper = ascii >= 0 ? self->ascii[role][ascii] : NULL;
  g_autoptr(GList) items = NULL;
  gsize n_glyphs = 0;
  guint i = 0;

  if (shaper != NULL)
    {
      PangoItem *item = pango_item_copy ((PangoItem *) parcours_ascii_shaper_get_item (shaper));

      item->length = item->num_chars = length;
      items = g_list_prepend (NULL, item);
    }
  else
    items = itemize_text (self, role, text, length);

  for (GList *l = items; l != NULL; l = l->next, i++)
    {
      PangoGlyphString *glyphs;

      if (i == self->scratch->len)
        g_ptr_array_add (self->scratch, pango_glyph_string_new ());
      glyphs = g_ptr_array_index (self->scratch, i);
      if (shaper != NULL)
        parcours_ascii_shaper_shape (shaper, l->data, text, length, glyphs);
      else
        pango_shape_item (l->data, text, length, NULL, glyphs, PANGO_SHAPE_NONE);
      n_glyphs += glyphs->num_glyphs;
    }

  return pack_word (self, role, text, length, items, n_glyphs);
}

static ParcoursShapedWord *
shape_word (ParcoursTextMeasurer *self,
            ParcoursFontRole      role,
            const char           *text,
            gssize                length)
{
  ParcoursShapedWord *word;

  if (length < 0)
    length = strlen (text);

  word = lookup_word (self, role, text, length);
  if (word != NULL)
    return word;

  word = shape_new_word (self, role, text, length);
  g_hash_table_add (self->words, word);
  return word;
}

ParcoursTextMeasurer *
parcours_text_measurer_new (ParcoursStyle *style)
{
  ParcoursTextMeasurer *self = g_object_new (PARCOURS_TYPE_TEXT_MEASURER, NULL);
  cairo_font_options_t *options;

  self->style = parcours_style_ref (style);

  /* Unhinted metrics make widths independent of the output scale, so a
   * card wraps the same on screen, in a 4× PNG and in a PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  /* Words are broken here, never by Pango: no hyphen may appear. */
  self->attributes = pango_attr_list_new ();
  pango_attr_list_insert (self->attributes, pango_attr_insert_hyphens_new (FALSE));

  for (guint i = 0; i < PARCOURS_N_FONTS; i++)
    {
      g_autofree char *font = parcours_style_get_font_string (style, i);
      PangoFontMetrics *metrics;

      self->fonts->fonts[i] = pango_font_description_from_string (font);
      metrics = pango_context_get_metrics (self->context, self->fonts->fonts[i], NULL);
      self->ascent[i] = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
      self->line_height[i] = (double) (pango_font_metrics_get_ascent (metrics) +
                                       pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
      find_ascii_shapers (self, i);
      self->space_width[i] = shape_word (self, i, " ", 1)->width;
    }

  return self;
}

ParcoursStyle *
parcours_text_measurer_get_style (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), NULL);

  return self->style;
}

const PangoFontDescription *
parcours_text_measurer_get_font (ParcoursTextMeasurer *self,
                                 ParcoursFontRole      role)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), NULL);
  g_return_val_if_fail (role < PARCOURS_N_FONTS, NULL);

  return self->fonts->fonts[role];
}

typedef struct
{
  ParcoursTextMeasurer *self;
  ParcoursTextBlock *block;
  double wrap;
  double x;                     /* pen position on the current line */
  guint line_start;             /* byte offset in block->text */
  guint line_end;
  gboolean line_open;
} Breaker;

static void
close_line (Breaker *b)
{
  ParcoursTextBlock *block = b->block;
  ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, block->lines->len - 1);

  line->start = b->line_start;
  line->length = b->line_end - b->line_start;
  line->n_words = block->words->len - line->first_word;
  b->line_open = FALSE;
}

static void
open_line (Breaker *b,
           guint    start)
{
  ParcoursTextBlock *block = b->block;
  ParcoursTextLine line = { 0 };

  if (b->line_open)
    close_line (b);

  line.first_word = block->words->len;
  line.baseline = block->lines->len * b->self->line_height[block->role] + b->self->ascent[block->role];
  g_array_append_val (block->lines, line);
  b->x = 0;
  b->line_start = start;
  b->line_end = start;
  b->line_open = TRUE;
}

static void
place (Breaker            *b,
       ParcoursShapedWord *word,
       double              x,
       guint               end)
{
  ParcoursPlacedWord placed = { shaped_word_ref (word), x };
  ParcoursTextLine *line = &g_array_index (b->block->lines, ParcoursTextLine, b->block->lines->len - 1);

  g_array_append_val (b->block->words, placed);
  b->x = x + word->width;
  b->line_end = end;
  line->width = b->x;
}

/* The width of @word up to each of its bytes: widths[i] is the advance of
 * the clusters that start before byte i, whatever their direction. */
static double *
prefix_widths (ParcoursShapedWord *word,
               guint               length)
{
  double *widths = g_new0 (double, length + 1);
  double total = 0;

  for (GSList *r = word->runs; r != NULL; r = r->next)
    {
      PangoGlyphItem *item = r->data;

      for (int g = 0; g < item->glyphs->num_glyphs; g++)
        {
          guint index = item->item->offset + item->glyphs->log_clusters[g];

          if (index < length)
            widths[index] += (double) item->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
        }
    }

  for (guint i = 0; i <= length; i++)
    {
      double advance = widths[i];

      widths[i] = total;
      total += advance;
    }

  return widths;
}

/* How many pieces of a broken word share one layout. Pango counts
 * characters from the start of the layout at each paragraph, so a layout
 * of n paragraphs costs n²: keep them short. */
#define PIECES_PER_LAYOUT 32

/* Longer words are shaped in chunks of about this many bytes: HarfBuzz
 * needs some 40 bytes a character while it shapes, and Pango keeps that
 * buffer for the next time. */
#define LONG_WORD_CHUNK (64 * 1024)

/* A piece of a broken word: bytes [from, to) of its chunk, on the line
 * it continues or, if @new_line, at the start of a line of its own. */
typedef struct
{
  guint from;
  guint to;
  gboolean new_line;
} Piece;

/* Shapes @pieces (indices into @all) of a broken word in one layout, one
 * paragraph each; each piece's word is one line of that shared layout. */
static void
shape_piece_batch (ParcoursTextMeasurer *self,
                   ParcoursFontRole      role,
                   const char           *text,
                   GArray               *all,
                   GArray               *pieces)
{
  g_autoptr(GString) batch = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  GSList *lines;

  for (guint k = 0; k < pieces->len; k++)
    {
      const Piece *piece = &g_array_index (all, Piece, g_array_index (pieces, guint, k));

      if (k > 0)
        g_string_append_c (batch, '\n');
      g_string_append_len (batch, text + piece->from, piece->to - piece->from);
    }

  layout = new_layout (self, role, batch->str, batch->len);
  lines = pango_layout_get_lines_readonly (layout);

  /* Drawable text has no paragraph separator inside a word, so there is
   * one line per piece; if not, the pieces are shaped one by one. */
  if (g_slist_length (lines) != pieces->len)
    lines = NULL;

  for (guint k = 0; k < pieces->len; k++, lines = lines != NULL ? lines->next : NULL)
    {
      const Piece *piece = &g_array_index (all, Piece, g_array_index (pieces, guint, k));

      if (lines == NULL)
        shape_word (self, role, text + piece->from, piece->to - piece->from);
      else
        g_hash_table_add (self->words, word_from_line (layout, lines->data, role));
    }
}

/* Shapes the pieces of a broken word that are not cached yet, a few
 * layouts for all of them: a layout per piece would cost more than the
 * shaping itself, and a word of 1 MiB has tens of thousands of pieces. */
static void
shape_pieces (ParcoursTextMeasurer *self,
              ParcoursFontRole      role,
              const char           *text,
              GArray               *all)
{
  g_autoptr(GHashTable) batched = g_hash_table_new (word_hash, word_equal);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (guint));
  ParcoursShapedWord probes[PIECES_PER_LAYOUT];

  for (guint i = 0; i < all->len; i++)
    {
      const Piece *piece = &g_array_index (all, Piece, i);
      ParcoursShapedWord *probe = &probes[pieces->len];

      *probe = (ParcoursShapedWord) { .role = role, .length = piece->to - piece->from, .key = text + piece->from };
      if (g_hash_table_contains (self->words, probe) || g_hash_table_contains (batched, probe))
        continue;

      g_hash_table_add (batched, probe);
      g_array_append_val (pieces, i);
      if (pieces->len == PIECES_PER_LAYOUT)
        {
          shape_piece_batch (self, role, text, all, pieces);
          g_array_set_size (pieces, 0);
          g_hash_table_remove_all (batched);
        }
    }

  if (pieces->len > 0)
    shape_piece_batch (self, role, text, all, pieces);
}

static gboolean
is_left_to_right (ParcoursShapedWord *word)
{
  for (GSList *r = word->runs; r != NULL; r = r->next)
    if (((PangoGlyphItem *) r->data)->item->analysis.level % 2 != 0)
      return FALSE;

  return TRUE;
}

/* Where the chunk of a long word that starts at @from ends: about
 * LONG_WORD_CHUNK bytes on, before a character that starts a grapheme
 * cluster (not a mark, a joiner, a skin tone, a flag's second half, a
 * Hangul vowel or tail, a tag). */
static guint
chunk_end (const char *text,
           guint       from,
           guint       end)
{
  guint p = from + LONG_WORD_CHUNK;

  if (p >= end)
    return end;

  while (p < end && ((guchar) text[p] & 0xc0) == 0x80)
    p++;

  for (guint tries = 0; p < end && tries < 64; tries++)
    {
      gunichar c = g_utf8_get_char (text + p);
      gunichar before = g_utf8_get_char (g_utf8_prev_char (text + p));

      if (!g_unichar_ismark (c) && c != 0x200d && before != 0x200d &&
          !(c >= 0x1f3fb && c <= 0x1f3ff) && !(c >= 0x1f1e6 && c <= 0x1f1ff) &&
          !(c >= 0x1160 && c <= 0x11ff) && !(c >= 0xe0020 && c <= 0xe007f))
        break;
      p = g_utf8_next_char (text + p) - text;
    }

  return p;
}

/* Cuts one chunk (text[0, length), shaped as @word) of a long word into
 * pieces that fill each line as far as they go: after the last hyphen
 * that fits, else between grapheme clusters (never inside one, so a stack
 * of combining marks stays on its base; a cluster wider than a line gets
 * a line of its own). @used is how much of the line earlier chunks took;
 * *@new_line says whether the first piece starts a line, and is set for
 * the next chunk. The chunk is scanned once. */
static GArray *
cut_chunk (ParcoursShapedWord *word,
           const char         *text,
           guint               length,
           double              wrap,
           double              used,
           gboolean            last,
           gboolean           *new_line)
{
  g_autofree double *x = prefix_widths (word, length);
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  guint line_start = 0, fit = 0, hyphen = 0, c = 0;
  const PangoLogAttr *attrs;
  int n_attrs;

  attrs = pango_layout_get_log_attrs_readonly (word->layout, &n_attrs);
  if (*new_line)
    used = 0;

  for (guint p = 0; p <= length; p = p < length ? (guint) (g_utf8_next_char (text + p) - text) : p + 1, c++)
    {
      if (p == line_start || (c < (guint) n_attrs && !attrs[c].is_cursor_position && p < length))
        continue;

      while (used + x[p] - x[line_start] > wrap + 0.01)
        {
          guint split = hyphen > line_start ? hyphen : fit > line_start ? fit : p;
          Piece piece = { line_start, split, *new_line };

          /* Not even one cluster fits after what earlier chunks left on
           * the line: start a new one. */
          if (split == p && used > 0)
            {
              *new_line = TRUE;
              used = 0;
              continue;
            }
          if (split == length && last)
            break;

          g_array_append_val (pieces, piece);
          *new_line = TRUE;
          used = 0;
          line_start = split;
        }

      if (p > line_start)
        {
          fit = p;
          if (text[p - 1] == '-')
            hyphen = p;
        }
    }

  if (line_start < length)
    {
      Piece piece = { line_start, length, *new_line };

      g_array_append_val (pieces, piece);
      *new_line = FALSE;
    }

  return pieces;
}

/* Places the pieces of a chunk that starts at byte @start of the block. */
static void
place_pieces (Breaker            *b,
              ParcoursShapedWord *word,
              guint               start,
              GArray             *pieces)
{
  ParcoursTextMeasurer *self = b->self;
  ParcoursTextBlock *block = b->block;
  const char *text = block->text + start;
  g_autofree double *x = NULL;
  gboolean slices = is_left_to_right (word);

  /* Left to right, the pieces are slices of the shaped chunk: nothing is
   * shaped again. Bidi text is shaped again piece by piece, since each
   * line is reordered on its own. */
  if (slices)
    x = prefix_widths (word, g_array_index (pieces, Piece, pieces->len - 1).to);
  else
    shape_pieces (self, block->role, text, pieces);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      ParcoursShapedWord *shaped;

      if (piece->new_line)
        open_line (b, start + piece->from);

      if (!slices)
        {
          place (b, shape_word (self, block->role, text + piece->from, piece->to - piece->from),
                 b->x, start + piece->to);
          continue;
        }

      shaped = g_new0 (ParcoursShapedWord, 1);
      g_ref_count_init (&shaped->ref_count);
      shaped->layout = g_object_ref (word->layout);
      shaped->text = word->text;
      shaped->runs = word->runs;
      shaped->font = word->font;
      shaped->width = x[piece->to] - x[piece->from];
      shaped->start_index = piece->from;
      shaped->end_index = piece->to;
      shaped->offset = x[piece->from];
      place (b, shaped, b->x, start + piece->to);
      shaped_word_unref (shaped);
    }
}

/* Breaks text[start, end), a word too wide for a whole line (or too long
 * to shape at once), chunk by chunk. Each chunk is shaped once and
 * scanned once, so this is linear in the word's length; the shaped
 * chunks are not cached, only what is drawn of them is kept. */
static void
break_long_word (Breaker *b,
                 guint    start,
                 guint    end)
{
  ParcoursTextMeasurer *self = b->self;
  ParcoursTextBlock *block = b->block;
  gboolean new_line = FALSE;

  for (guint from = start, to; from < end; from = to)
    {
      ParcoursShapedWord *chunk;
      g_autoptr(GArray) pieces = NULL;

      ParcoursShapedWord probe = { .role = block->role };
      g_autoptr(PangoLayout) layout = NULL;

      to = end - start > LONG_WORD_CHUNK ? chunk_end (block->text, from, end) : end;

      /* Cutting needs the chunk's cursor positions: a layout has them. */
      layout = new_layout (self, block->role, block->text + from, to - from);
      chunk = word_from_line (layout, pango_layout_get_line_readonly (layout, 0), block->role);
      probe.key = block->text + from;
      probe.length = to - from;
      g_hash_table_remove (self->words, &probe);

      pieces = cut_chunk (chunk, block->text + from, to - from, b->wrap, b->x, to == end, &new_line);
      if (pieces->len > 0)
        place_pieces (b, chunk, from, pieces);
      shaped_word_unref (chunk);
    }
}

/* Places the word text[start, end) preceded by @n_spaces spaces, breaking
 * the line (and the word, if it must) where it does not fit. */
static void
place_word (Breaker *b,
            guint    start,
            guint    end,
            guint    n_spaces)
{
  ParcoursTextMeasurer *self = b->self;
  ParcoursTextBlock *block = b->block;
  double space = n_spaces * self->space_width[block->role];
  gboolean line_empty = b->line_end == b->line_start;
  ParcoursShapedWord *word;

  /* Too long to shape at once, it is surely too wide for a line. */
  if (b->wrap >= 0 && end - start > LONG_WORD_CHUNK)
    {
      if (!line_empty)
        open_line (b, start);
      break_long_word (b, start, end);
      return;
    }

  word = shape_word (self, block->role, block->text + start, end - start);
  if (b->wrap < 0 || b->x + space + word->width <= b->wrap + 0.01)
    {
      place (b, word, b->x + space, end);
      return;
    }

  if (!line_empty)
    open_line (b, start);

  if (word->width <= b->wrap + 0.01)
    {
      place (b, word, 0, end);
      return;
    }

  break_long_word (b, start, end);
}

static void
break_lines (ParcoursTextMeasurer *self,
             ParcoursTextBlock    *block)
{
  Breaker b = { self, block, block->wrap_width, 0, 0, 0, FALSE };
  const char *text = block->text;
  guint i = 0, n_spaces = 0;
  guint length = strlen (text);

  open_line (&b, 0);

  while (i < length)
    {
      if (text[i] == '\n')
        {
          b.line_end = MAX (b.line_end, b.line_start);
          open_line (&b, i + 1);
          n_spaces = 0;
          i++;
        }
      else if (text[i] == ' ')
        {
          n_spaces++;
          i++;
        }
      else
        {
          guint end = i;

          while (end < length && text[end] != ' ' && text[end] != '\n')
            end++;
          place_word (&b, i, end, n_spaces);
          n_spaces = 0;
          i = end;
        }
    }

  close_line (&b);

  block->width = 0;
  for (guint l = 0; l < block->lines->len; l++)
    {
      ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      block->width = MAX (block->width, line->width);
      if (block->alignment == PANGO_ALIGN_CENTER && block->wrap_width >= 0)
        line->x = (block->wrap_width - line->width) / 2;
      else if (block->alignment == PANGO_ALIGN_RIGHT && block->wrap_width >= 0)
        line->x = block->wrap_width - line->width;

      for (guint w = line->first_word; w < line->first_word + line->n_words; w++)
        g_array_index (block->words, ParcoursPlacedWord, w).x += line->x;
    }

  block->height = block->lines->len * self->line_height[block->role];
}

/* Appends @value in decimal and a colon. */
static void
append_key_number (GString *key,
                   gint64   value)
{
  char digits[24];
  guint n = 0;
  guint64 magnitude = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;

  if (value < 0)
    g_string_append_c (key, '-');
  do
    {
      digits[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  while (n > 0)
    g_string_append_c (key, digits[--n]);
  g_string_append_c (key, ':');
}

/* How many words @text has (runs of other characters than spaces and
 * line breaks): a block's words are that many, unless a word is cut. */
static guint
count_words (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '\n' && (p == text || p[-1] == ' ' || p[-1] == '\n'))
      n++;

  return n;
}

/* A block cached by @key, whose last bytes from @text_start are the text
 * as given: one allocation holds the block, its key and, if that text
 * is drawable as it is, the text it draws. */
static ParcoursTextBlock *
new_block (const char *key,
           gsize       key_length,
           gsize       text_start)
{
  ParcoursTextBlock *block = g_malloc0 (sizeof (ParcoursTextBlock) + key_length + 1);
  char *copy = (char *) (block + 1);

  memcpy (copy, key, key_length + 1);
  g_ref_count_init (&block->ref_count);
  block->key = copy;
  if (parcours_text_is_drawable (copy + text_start, key_length - text_start))
    block->text = copy + text_start;
  else
    block->text = block->own_text = parcours_drawable_text (copy + text_start, key_length - text_start,
                                                            PARCOURS_DRAWABLE_TEXT_DEFAULT);
  block->lines = g_array_sized_new (FALSE, TRUE, sizeof (ParcoursTextLine), 1);
  block->words = g_array_sized_new (FALSE, TRUE, sizeof (ParcoursPlacedWord), count_words (block->text));
  g_array_set_clear_func (block->words, clear_placed_word);

  return block;
}

/* The lines' texts, in one allocation; a line that is all of the text
 * (most are) needs none. */
static void
set_line_texts (ParcoursTextBlock *block)
{
  ParcoursTextLine *first = &g_array_index (block->lines, ParcoursTextLine, 0);
  gsize size = 0;
  char *p;

  if (block->lines->len == 1 && first->start == 0 && block->text[first->length] == '\0')
    {
      first->text = block->text;
      return;
    }

  for (guint l = 0; l < block->lines->len; l++)
    size += g_array_index (block->lines, ParcoursTextLine, l).length + 1;

  p = block->line_texts = g_malloc (size);
  for (guint l = 0; l < block->lines->len; l++)
    {
      ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      memcpy (p, block->text + line->start, line->length);
      p[line->length] = '\0';
      line->text = p;
      p += line->length + 1;
    }
}

/**
 * parcours_text_measurer_measure:
 * @self: a #ParcoursTextMeasurer
 * @role: which font
 * @text: UTF-8 text, may contain newlines
 * @wrap_width: the width to wrap at, or -1 not to wrap
 * @alignment: how lines are aligned inside @wrap_width
 *
 * Returns: (transfer none): the block, valid until the end of the next pass
 */
ParcoursTextBlock *
parcours_text_measurer_measure (ParcoursTextMeasurer *self,
                                ParcoursFontRole      role,
                                const char           *text,
                                double                wrap_width,
                                PangoAlignment        alignment)
{
  ParcoursTextBlock *block;

  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), NULL);
  g_return_val_if_fail (role < PARCOURS_N_FONTS, NULL);

  if (text == NULL)
    text = "";

  /* Widths are kept to 1/64 so equal widths share cache entries. */
  if (wrap_width >= 0)
    wrap_width = floor (wrap_width * 64) / 64;

  /* The key is "ROLE:WIDTH:ALIGNMENT:TEXT", built by hand: a relayout
   * looks up every text of the map, and printf would be most of it. */
  g_string_truncate (self->key, 0);
  append_key_number (self->key, role);
  append_key_number (self->key, (gint64) (wrap_width * 64));
  append_key_number (self->key, alignment);
  g_string_append (self->key, text);

  block = g_hash_table_lookup (self->blocks, self->key->str);
  if (block != NULL)
    {
      block->last_used = self->pass;
      return block;
    }

  block = new_block (self->key->str, self->key->len, self->key->len - strlen (text));
  block->role = role;
  block->alignment = alignment;
  block->last_used = self->pass;
  block->wrap_width = wrap_width;

  break_lines (self, block);
  set_line_texts (block);

  self->n_measured++;
  g_hash_table_insert (self->blocks, (gpointer) block->key, block);

  return block;
}

/* A layout pass brackets its measure() calls with begin/end; blocks the
 * pass did not use are dropped at its end, and with them the words only
 * they used. */
void
parcours_text_measurer_begin_pass (ParcoursTextMeasurer *self)
{
  g_return_if_fail (PARCOURS_IS_TEXT_MEASURER (self));

  self->pass++;
}

static gboolean
block_is_stale (gpointer key,
                gpointer value,
                gpointer user_data)
{
  ParcoursTextBlock *block = value;

  return block->last_used != GPOINTER_TO_UINT (user_data);
}

static gboolean
word_is_unused (gpointer key,
                gpointer value,
                gpointer user_data)
{
  ParcoursShapedWord *word = value;

  /* Only the cache holds it (a plain check of the count: no other thread
   * touches these). */
  return g_atomic_int_get ((int *) &word->ref_count) == 1;
}

void
parcours_text_measurer_end_pass (ParcoursTextMeasurer *self)
{
  g_return_if_fail (PARCOURS_IS_TEXT_MEASURER (self));

  g_hash_table_foreach_remove (self->blocks, block_is_stale, GUINT_TO_POINTER (self->pass));

  /* Words are cheap to keep and shared widely: sweep them only when the
   * cache has grown well past what the map uses. */
  if (g_hash_table_size (self->words) > 4 * g_hash_table_size (self->blocks) + 1024)
    g_hash_table_foreach_remove (self->words, word_is_unused, NULL);
}

guint
parcours_text_measurer_get_n_cached (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), 0);

  return g_hash_table_size (self->blocks);
}

/* How many blocks were broken into lines since creation: tests use it to
 * prove that a small change re-measures little. */
guint
parcours_text_measurer_get_n_measured (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), 0);

  return self->n_measured;
}
