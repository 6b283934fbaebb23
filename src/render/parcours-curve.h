/* parcours-curve.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-display-list.h"

G_BEGIN_DECLS

void parcours_curve_monotone (const double *xs,
                              const double *ys,
                              guint         n_points,
                              GArray       *segments);

G_END_DECLS
