/* parcours-text-measurer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-text-measurer.h"

/* Measures and wraps text.
 *
 * Shaping is what costs: a map of 5 000 cards shaped card by card spends
 * most of its layout time in HarfBuzz. Cards repeat words, so words are
 * shaped once each (by Pango, with its font fallback) and cached, and lines
 * are broken here, between words, greedily. Words too wide for a line are
 * broken after a hyphen or, failing that, between characters: text is
 * never cut. Kerning across a space is lost, which no one can see.
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
  PangoFontDescription *fonts[PARCOURS_N_FONTS];
  double ascent[PARCOURS_N_FONTS];
  double line_height[PARCOURS_N_FONTS];
  double space_width[PARCOURS_N_FONTS];

  GHashTable *blocks;       /* key string → ParcoursTextBlock */
  GHashTable *words;        /* key string → ParcoursShapedWord */
  GString *key;
  GString *word_key;
  guint pass;
  guint n_measured;
};

G_DEFINE_FINAL_TYPE (ParcoursTextMeasurer, parcours_text_measurer, G_TYPE_OBJECT)

static ParcoursShapedWord *
shaped_word_ref (ParcoursShapedWord *word)
{
  g_ref_count_inc (&word->ref_count);
  return word;
}

static void
shaped_word_unref (ParcoursShapedWord *word)
{
  if (g_ref_count_dec (&word->ref_count))
    {
      g_clear_object (&word->layout);
      g_free (word);
    }
}

static void
clear_line (gpointer data)
{
  ParcoursTextLine *line = data;

  g_clear_pointer (&line->text, g_free);
}

static void
clear_placed_word (gpointer data)
{
  ParcoursPlacedWord *placed = data;

  g_clear_pointer (&placed->word, shaped_word_unref);
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
      g_clear_pointer (&self->text, g_free);
      g_free (self);
    }
}

static void
parcours_text_measurer_finalize (GObject *object)
{
  ParcoursTextMeasurer *self = (ParcoursTextMeasurer *)object;

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  for (guint i = 0; i < PARCOURS_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->style, parcours_style_unref);
  g_string_free (self->key, TRUE);
  g_string_free (self->word_key, TRUE);

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
  self->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) parcours_text_block_unref);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) shaped_word_unref);
  self->key = g_string_new (NULL);
  self->word_key = g_string_new (NULL);
}

static ParcoursShapedWord *
shape_word (ParcoursTextMeasurer *self,
            ParcoursFontRole      role,
            const char           *text,
            gssize                length)
{
  ParcoursShapedWord *word;
  PangoRectangle logical;

  /* Every word of every card is looked up here: build the key in place. */
  if (length < 0)
    length = strlen (text);
  g_string_truncate (self->word_key, 0);
  g_string_append_c (self->word_key, 'A' + role);
  g_string_append_len (self->word_key, text, length);

  word = g_hash_table_lookup (self->words, self->word_key->str);
  if (word != NULL)
    return word;

  word = g_new0 (ParcoursShapedWord, 1);
  g_ref_count_init (&word->ref_count);
  word->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (word->layout, self->fonts[role]);
  pango_layout_set_attributes (word->layout, self->attributes);
  pango_layout_set_text (word->layout, text, length);
  word->line = pango_layout_get_line_readonly (word->layout, 0);
  pango_layout_line_get_extents (word->line, NULL, &logical);
  word->width = (double) logical.width / PANGO_SCALE;

  g_hash_table_insert (self->words, g_strdup (self->word_key->str), word);
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

      self->fonts[i] = pango_font_description_from_string (font);
      metrics = pango_context_get_metrics (self->context, self->fonts[i], NULL);
      self->ascent[i] = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
      self->line_height[i] = (double) (pango_font_metrics_get_ascent (metrics) +
                                       pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
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

  return self->fonts[role];
}

/* Control characters would show as hex boxes, and a tab as a jump to a
 * tab stop that SVG cannot reproduce: draw neither. */
static char *
clean_text (const char *text)
{
  GString *clean = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c == '\t')
        g_string_append_c (clean, ' ');
      else if ((c >= 0x20 && c != 0x7f) || c == '\n')
        g_string_append_c (clean, c);
    }

  return g_string_free (clean, FALSE);
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

  line->text = g_strndup (block->text + b->line_start, b->line_end - b->line_start);
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

/* Places the word text[start, end) preceded by @n_spaces spaces, breaking
 * the line (and the word, if it must) where it does not fit. */
static void
place_word (Breaker *b,
            guint    start,
            guint    end,
            guint    n_spaces)
{
  ParcoursTextBlock *block = b->block;
  const char *text = block->text;
  ParcoursShapedWord *word = shape_word (b->self, block->role, text + start, end - start);
  double space = n_spaces * b->self->space_width[block->role];
  gboolean line_empty = b->line_end == b->line_start;

  if (b->wrap < 0 || b->x + space + word->width <= b->wrap + 0.01)
    {
      place (b, word, b->x + space, end);
      return;
    }

  if (!line_empty)
    open_line (b, start);

  /* Too wide for a whole line: break after a hyphen, else between
   * characters, filling each line as far as it goes. */
  while (word->width > b->wrap + 0.01)
    {
      const char *split = NULL;
      int index = 0, trailing = 0;

      for (const char *p = text + start; p < text + end - 1; p++)
        if (*p == '-' && shape_word (b->self, block->role, text + start, p + 1 - (text + start))->width <= b->wrap + 0.01)
          split = p + 1;

      if (split == NULL)
        {
          pango_layout_xy_to_index (word->layout, (int) (b->wrap * PANGO_SCALE), 0, &index, &trailing);
          split = g_utf8_find_prev_char (text + start, text + start + index + 1);
          if (split == NULL || split <= text + start)
            split = g_utf8_next_char (text + start);
          /* The character under the edge does not fit: stop before it. */
          while (split > g_utf8_next_char (text + start) &&
                 shape_word (b->self, block->role, text + start, split - (text + start))->width > b->wrap + 0.01)
            split = g_utf8_find_prev_char (text + start, split);
        }

      place (b, shape_word (b->self, block->role, text + start, split - (text + start)), 0, split - text);
      start = split - text;
      open_line (b, start);
      word = shape_word (b->self, block->role, text + start, end - start);
    }

  place (b, word, 0, end);
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

  g_string_truncate (self->key, 0);
  g_string_append_printf (self->key, "%u:%d:%u:", role, (int) (wrap_width * 64), alignment);
  g_string_append (self->key, text);

  block = g_hash_table_lookup (self->blocks, self->key->str);
  if (block != NULL)
    {
      block->last_used = self->pass;
      return block;
    }

  block = g_new0 (ParcoursTextBlock, 1);
  g_ref_count_init (&block->ref_count);
  block->role = role;
  block->alignment = alignment;
  block->last_used = self->pass;
  block->wrap_width = wrap_width;
  block->text = clean_text (text);
  block->lines = g_array_new (FALSE, TRUE, sizeof (ParcoursTextLine));
  g_array_set_clear_func (block->lines, clear_line);
  block->words = g_array_new (FALSE, TRUE, sizeof (ParcoursPlacedWord));
  g_array_set_clear_func (block->words, clear_placed_word);

  break_lines (self, block);

  self->n_measured++;
  g_hash_table_insert (self->blocks, g_strdup (self->key->str), block);

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
