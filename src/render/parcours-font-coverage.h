/* parcours-font-coverage.h
 *
 * Copyright 2026 The Parcours authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  parcours_font_coverage_has_char (gunichar    c);
char     *parcours_font_coverage_missing  (const char *text,
                                           guint       max_chars,
                                           guint      *n_missing);

G_END_DECLS
