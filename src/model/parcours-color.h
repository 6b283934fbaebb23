/* parcours-color.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Colours are kept as `#rrggbb` strings: readable in a diff, and the
 * model stays free of GDK. */
gboolean parcours_color_is_valid (const char *color);
gboolean parcours_color_parse    (const char *color,
                                  double     *red,
                                  double     *green,
                                  double     *blue);

G_END_DECLS
