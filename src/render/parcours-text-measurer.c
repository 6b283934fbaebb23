/* parcours-text-measurer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "parcours-text-measurer.h"

/* Measures and wraps text with Pango and remembers the result by content,
 * font and width: re-laying out a map after one card changed measures that
 * card only. Blocks not used during a layout pass are dropped at its end,
 * so the cache never outgrows the map. */
struct _ParcoursTextMeasurer
{
  GObject parent_instance;

  ParcoursStyle *style;
  PangoContext *context;
  PangoFontDescription *fonts[PARCOURS_N_FONTS];
  PangoAttrList *attributes;
  GHashTable *cache;        /* key string → ParcoursTextBlock */
  GString *key;
  guint pass;
  guint n_measured;
};

G_DEFINE_FINAL_TYPE (ParcoursTextMeasurer, parcours_text_measurer, G_TYPE_OBJECT)

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
      g_clear_object (&self->layout);
      g_free (self);
    }
}

static void
parcours_text_measurer_finalize (GObject *object)
{
  ParcoursTextMeasurer *self = (ParcoursTextMeasurer *)object;

  for (guint i = 0; i < PARCOURS_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
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
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) parcours_text_block_unref);
  self->key = g_string_new (NULL);
}

ParcoursTextMeasurer *
parcours_text_measurer_new (ParcoursStyle *style)
{
  ParcoursTextMeasurer *self = g_object_new (PARCOURS_TYPE_TEXT_MEASURER, NULL);
  cairo_font_options_t *options;

  self->style = parcours_style_ref (style);

  /* Unhinted metrics make line breaks independent of the output scale, so
   * a card wraps the same on screen, in a 4× PNG and in a PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  /* A word broken between characters gets no hyphen: the SVG writer
   * copies line text as it is, and a drawn hyphen would be text no
   * export contains. */
  self->attributes = pango_attr_list_new ();
  pango_attr_list_insert (self->attributes, pango_attr_insert_hyphens_new (FALSE));

  for (guint i = 0; i < PARCOURS_N_FONTS; i++)
    {
      g_autofree char *font = parcours_style_get_font_string (style, i);
      self->fonts[i] = pango_font_description_from_string (font);
    }

  return self;
}

ParcoursStyle *
parcours_text_measurer_get_style (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), NULL);

  return self->style;
}

PangoContext *
parcours_text_measurer_get_context (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), NULL);

  return self->context;
}

/* Control characters would show as hex boxes, and a tab as a jump to a
 * tab stop that SVG cannot reproduce: draw neither. */
static char *
clean_text (const char *text)
{
  GString *clean = NULL;

  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if ((c < 0x20 && c != '\n') || c == 0x7f)
        {
          if (clean == NULL)
            clean = g_string_new_len (text, p - text);
          if (c == '\t')
            g_string_append_c (clean, ' ');
        }
      else if (clean != NULL)
        g_string_append_c (clean, c);
    }

  return clean != NULL ? g_string_free (clean, FALSE) : NULL;
}

/**
 * parcours_text_measurer_measure:
 * @self: a #ParcoursTextMeasurer
 * @role: which font
 * @text: UTF-8 text, may contain newlines
 * @wrap_width: the width to wrap at, or -1 not to wrap
 * @alignment: how lines are aligned inside @wrap_width
 *
 * Long words that do not fit @wrap_width are broken between characters:
 * text is never cut.
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
  PangoRectangle logical;
  int pango_width;

  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), NULL);
  g_return_val_if_fail (role < PARCOURS_N_FONTS, NULL);

  if (text == NULL)
    text = "";

  pango_width = wrap_width < 0 ? -1 : (int) (wrap_width * PANGO_SCALE);

  g_string_truncate (self->key, 0);
  g_string_append_printf (self->key, "%u:%d:%u:", role, pango_width, alignment);
  g_string_append (self->key, text);

  block = g_hash_table_lookup (self->cache, self->key->str);
  if (block != NULL)
    {
      block->last_used = self->pass;
      return block;
    }

  block = g_new0 (ParcoursTextBlock, 1);
  g_ref_count_init (&block->ref_count);
  block->role = role;
  block->last_used = self->pass;
  block->wrap_width = wrap_width;
  block->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (block->layout, self->fonts[role]);
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (block->layout, pango_width);
  pango_layout_set_alignment (block->layout, alignment);
  pango_layout_set_attributes (block->layout, self->attributes);
  {
    g_autofree char *clean = clean_text (text);
    pango_layout_set_text (block->layout, clean != NULL ? clean : text, -1);
  }

  pango_layout_get_extents (block->layout, NULL, &logical);
  block->width = (double) logical.width / PANGO_SCALE;
  block->height = (double) logical.height / PANGO_SCALE;
  if (text[0] == '\0')
    block->width = 0;

  self->n_measured++;
  g_hash_table_insert (self->cache, g_strdup (self->key->str), block);

  return block;
}

/* A layout pass brackets its measure() calls with begin/end; blocks the
 * pass did not use are dropped at its end. */
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
  guint pass = GPOINTER_TO_UINT (user_data);

  return block->last_used != pass;
}

void
parcours_text_measurer_end_pass (ParcoursTextMeasurer *self)
{
  g_return_if_fail (PARCOURS_IS_TEXT_MEASURER (self));

  g_hash_table_foreach_remove (self->cache, block_is_stale, GUINT_TO_POINTER (self->pass));
}

guint
parcours_text_measurer_get_n_cached (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), 0);

  return g_hash_table_size (self->cache);
}

/* How many texts were shaped since creation: tests use it to prove that
 * a small change re-measures little. */
guint
parcours_text_measurer_get_n_measured (ParcoursTextMeasurer *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEXT_MEASURER (self), 0);

  return self->n_measured;
}
