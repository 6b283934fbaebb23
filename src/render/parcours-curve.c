/* parcours-curve.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-curve.h"

/**
 * parcours_curve_monotone:
 * @xs: x coordinates, non-decreasing
 * @ys: y coordinates
 * @n_points: at least 1
 * @segments: (element-type ParcoursPathSegment): where to append the path
 *
 * Appends a smooth path through the points that never overshoots between
 * them (monotone cubic Hermite interpolation, Fritsch–Carlson): an emotion
 * curve never dips below its lowest point or above its highest, so it stays
 * inside the band whatever the values. Each piece becomes a Bézier segment
 * whose control points lie within the y range of its two ends.
 */
void
parcours_curve_monotone (const double *xs,
                         const double *ys,
                         guint         n_points,
                         GArray       *segments)
{
  g_autofree double *slopes = NULL;
  g_autofree double *tangents = NULL;
  ParcoursPathSegment segment = { 0 };

  g_return_if_fail (n_points >= 1);

  segment.op = PARCOURS_PATH_MOVE_TO;
  segment.x[0] = xs[0];
  segment.y[0] = ys[0];
  g_array_append_val (segments, segment);

  if (n_points == 1)
    return;

  slopes = g_new0 (double, n_points - 1);
  tangents = g_new0 (double, n_points);

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double h = xs[i + 1] - xs[i];
      slopes[i] = h > 0 ? (ys[i + 1] - ys[i]) / h : 0;
    }

  tangents[0] = slopes[0];
  tangents[n_points - 1] = slopes[n_points - 2];
  for (guint i = 1; i + 1 < n_points; i++)
    tangents[i] = slopes[i - 1] * slopes[i] <= 0 ? 0 : (slopes[i - 1] + slopes[i]) / 2;

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double a, b, s;

      if (slopes[i] == 0)
        {
          tangents[i] = 0;
          tangents[i + 1] = 0;
          continue;
        }

      a = tangents[i] / slopes[i];
      b = tangents[i + 1] / slopes[i];
      if (a < 0)
        tangents[i] = a = 0;
      if (b < 0)
        tangents[i + 1] = b = 0;
      s = a * a + b * b;
      if (s > 9)
        {
          double t = 3 / sqrt (s);
          tangents[i] = t * a * slopes[i];
          tangents[i + 1] = t * b * slopes[i];
        }
    }

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double h = xs[i + 1] - xs[i];

      if (h <= 0)
        {
          segment.op = PARCOURS_PATH_LINE_TO;
          segment.x[0] = xs[i + 1];
          segment.y[0] = ys[i + 1];
        }
      else
        {
          segment.op = PARCOURS_PATH_CURVE_TO;
          segment.x[0] = xs[i] + h / 3;
          segment.y[0] = ys[i] + tangents[i] * h / 3;
          segment.x[1] = xs[i + 1] - h / 3;
          segment.y[1] = ys[i + 1] - tangents[i + 1] * h / 3;
          segment.x[2] = xs[i + 1];
          segment.y[2] = ys[i + 1];
        }
      g_array_append_val (segments, segment);
    }
}
