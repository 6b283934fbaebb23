/* parcours-text-measurer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "parcours-style.h"

G_BEGIN_DECLS

typedef struct _ParcoursWordFonts ParcoursWordFonts;

/* A shaped word (or piece of a word), shared by every block that uses it. */
typedef struct
{
  /*< private >*/
  grefcount ref_count;
  guint8 role;
  guint length;                 /* of @key, in bytes */
  const char *key;              /* the word, what it is cached by; NULL for a slice */
  PangoLayout *layout;          /* what @runs belong to, or NULL if they are the word's own */
  ParcoursWordFonts *fonts;     /* what @font belongs to, for words of their own */

  /*< public >*/
  const char *text;             /* the shaped text: the runs' items index into it */
  GSList *runs;                 /* PangoGlyphItem, in visual order, as a PangoLayoutLine's */
  const PangoFontDescription *font;
  double width;

  /* A piece of a long word is a slice of the whole word's line: only the
   * glyphs of the clusters in [start_index, end_index) of @runs are
   * drawn, shifted left by @offset (where the slice starts in the line).
   * Slices are left to right only. A whole line: 0, G_MAXINT, 0. */
  int start_index;
  int end_index;
  double offset;
} ParcoursShapedWord;

typedef struct
{
  ParcoursShapedWord *word;
  double x;                     /* from the block's left edge */
} ParcoursPlacedWord;

typedef struct
{
  const char *text;             /* the line as written, spaces included */
  guint start;                  /* where @text is in the block's text, in bytes */
  guint length;
  double x;                     /* from the block's left edge */
  double baseline;              /* from the block's top */
  double width;
  guint first_word;
  guint n_words;
} ParcoursTextLine;

/* A wrapped, measured piece of text: lines of placed, shaped words. The
 * cairo backend draws the words, the SVG writer writes the lines, so every
 * backend breaks lines identically. */
typedef struct
{
  /*< private >*/
  grefcount ref_count;
  guint last_used;
  char *own_text;               /* @text, when it is not the end of the key */
  char *line_texts;             /* the lines' texts, unless one line is all of @text */

  /*< public >*/
  const char *key;              /* what the block is cached by, in the same allocation */
  const char *text;             /* what is drawn: parcours_drawable_text() */
  ParcoursFontRole role;
  PangoAlignment alignment;
  double width;                 /* of the widest line */
  double height;
  double wrap_width;            /* -1 when not wrapped */
  GArray *lines;                /* ParcoursTextLine */
  GArray *words;                /* ParcoursPlacedWord */
} ParcoursTextBlock;

void               parcours_shaped_word_get_glyphs (const ParcoursShapedWord *word,
                                                    const PangoGlyphItem     *item,
                                                    int                      *first,
                                                    int                      *last);

ParcoursTextBlock *parcours_text_block_ref   (ParcoursTextBlock *self);
void               parcours_text_block_unref (ParcoursTextBlock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursTextBlock, parcours_text_block_unref)

#define PARCOURS_TYPE_TEXT_MEASURER (parcours_text_measurer_get_type())

G_DECLARE_FINAL_TYPE (ParcoursTextMeasurer, parcours_text_measurer, PARCOURS, TEXT_MEASURER, GObject)

ParcoursTextMeasurer *parcours_text_measurer_new            (ParcoursStyle        *style);
ParcoursStyle        *parcours_text_measurer_get_style      (ParcoursTextMeasurer *self);
ParcoursTextBlock    *parcours_text_measurer_measure        (ParcoursTextMeasurer *self,
                                                             ParcoursFontRole      role,
                                                             const char           *text,
                                                             double                wrap_width,
                                                             PangoAlignment        alignment);
void                  parcours_text_measurer_begin_pass     (ParcoursTextMeasurer *self);
void                  parcours_text_measurer_end_pass       (ParcoursTextMeasurer *self);
guint                 parcours_text_measurer_get_n_cached   (ParcoursTextMeasurer *self);
guint                 parcours_text_measurer_get_n_measured (ParcoursTextMeasurer *self);
const PangoFontDescription *parcours_text_measurer_get_font (ParcoursTextMeasurer *self,
                                                             ParcoursFontRole      role);

G_END_DECLS
