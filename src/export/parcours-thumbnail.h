/* parcours-thumbnail.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "parcours-document.h"
#include "parcours-style.h"

G_BEGIN_DECLS

/* The largest thumbnail anyone asks for (the "xx-large" size of the
 * freedesktop thumbnail specification). */
#define PARCOURS_THUMBNAIL_MAX_SIZE 1024

cairo_surface_t *parcours_thumbnail_render (ParcoursDocument *document,
                                            int               size,
                                            ParcoursTheme     theme);

G_END_DECLS
