/* parcours-gsk-renderer.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "parcours-display-list.h"

G_BEGIN_DECLS

gboolean parcours_gsk_is_simplified  (const ParcoursPrimitive *primitive,
                                      double                   scale);
void     parcours_gsk_render_range   (ParcoursDisplayList     *list,
                                      GtkSnapshot             *snapshot,
                                      guint                    first,
                                      guint                    n,
                                      double                   scale);

G_END_DECLS
