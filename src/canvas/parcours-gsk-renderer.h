/* parcours-gsk-renderer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "parcours-display-list.h"

G_BEGIN_DECLS

/* Text whose lines would be shorter than this many device pixels is drawn
 * as a grey bar per line, as map renderers do: nobody can read it, and it
 * costs most of a zoomed-out frame. */
#define PARCOURS_GSK_MIN_TEXT_PIXELS 4.0

gboolean parcours_gsk_is_simplified  (const ParcoursPrimitive *primitive,
                                      double                   scale);
void     parcours_gsk_render_range   (ParcoursDisplayList     *list,
                                      GtkSnapshot             *snapshot,
                                      guint                    first,
                                      guint                    n,
                                      double                   scale);

G_END_DECLS
