/* parcours-text-measurer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "parcours-style.h"

G_BEGIN_DECLS

/* A wrapped, measured piece of text. Backends draw its PangoLayout (cairo,
 * GSK) or walk its lines (SVG), so every backend breaks lines identically. */
typedef struct
{
  /*< private >*/
  grefcount ref_count;
  guint last_used;

  /*< public >*/
  PangoLayout *layout;
  ParcoursFontRole role;
  double width;     /* of the widest line */
  double height;
  double wrap_width;
} ParcoursTextBlock;

ParcoursTextBlock *parcours_text_block_ref   (ParcoursTextBlock *self);
void               parcours_text_block_unref (ParcoursTextBlock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursTextBlock, parcours_text_block_unref)

#define PARCOURS_TYPE_TEXT_MEASURER (parcours_text_measurer_get_type())

G_DECLARE_FINAL_TYPE (ParcoursTextMeasurer, parcours_text_measurer, PARCOURS, TEXT_MEASURER, GObject)

ParcoursTextMeasurer *parcours_text_measurer_new           (ParcoursStyle        *style);
ParcoursStyle        *parcours_text_measurer_get_style     (ParcoursTextMeasurer *self);
ParcoursTextBlock    *parcours_text_measurer_measure       (ParcoursTextMeasurer *self,
                                                            ParcoursFontRole      role,
                                                            const char           *text,
                                                            double                wrap_width,
                                                            PangoAlignment        alignment);
void                  parcours_text_measurer_begin_pass    (ParcoursTextMeasurer *self);
void                  parcours_text_measurer_end_pass      (ParcoursTextMeasurer *self);
guint                 parcours_text_measurer_get_n_cached  (ParcoursTextMeasurer *self);
guint                 parcours_text_measurer_get_n_measured (ParcoursTextMeasurer *self);
PangoContext         *parcours_text_measurer_get_context   (ParcoursTextMeasurer *self);

G_END_DECLS
