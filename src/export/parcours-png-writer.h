/* parcours-png-writer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-display-list.h"

G_BEGIN_DECLS

GBytes *parcours_png_render (ParcoursDisplayList  *list,
                             int                   width,
                             int                   height,
                             double                scale,
                             gboolean              paint_background,
                             guint                 n_bands,
                             int                   strip_rows,
                             GError              **error);

G_END_DECLS
