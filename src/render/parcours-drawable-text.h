/* parcours-drawable-text.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PARCOURS_DRAWABLE_TEXT_DEFAULT = 0,
  PARCOURS_DRAWABLE_TEXT_SINGLE_LINE = 1 << 0,   /* line breaks become spaces */
} ParcoursDrawableTextFlags;

char     *parcours_drawable_text         (const char                *text,
                                          gssize                     length,
                                          ParcoursDrawableTextFlags  flags);
gboolean  parcours_unichar_is_drawable   (gunichar                   c);
gboolean  parcours_text_is_drawable      (const char                *text,
                                          gssize                     length);

G_END_DECLS
