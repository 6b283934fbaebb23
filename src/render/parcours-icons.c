/* parcours-icons.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parcours-icons.h"
#include "parcours-render-resources.h"

#define ICON_PATH "/io/github/parcours/Parcours/icons/map/"
#define KAPPA 0.5522847498

G_LOCK_DEFINE_STATIC (icons);
static GHashTable *icons;   /* name → GPtrArray of ParcoursIconShape */

static void
icon_shape_free (gpointer data)
{
  ParcoursIconShape *shape = data;

  g_array_unref (shape->segments);
  g_free (shape);
}

static void
add_segment (GArray         *segments,
             ParcoursPathOp  op,
             double          x1,
             double          y1,
             double          x2,
             double          y2,
             double          x3,
             double          y3)
{
  ParcoursPathSegment segment = { op, { x1, x2, x3 }, { y1, y2, y3 } };

  g_array_append_val (segments, segment);
}

static double
vector_angle (double ux,
              double uy,
              double vx,
              double vy)
{
  return atan2 (ux * vy - uy * vx, ux * vx + uy * vy);
}

/* An elliptical arc as cubic Béziers (SVG 1.1, appendix F.6). */
static void
add_arc (GArray   *segments,
         double    x1,
         double    y1,
         double    rx,
         double    ry,
         double    rotation,
         gboolean  large_arc,
         gboolean  sweep,
         double    x2,
         double    y2)
{
  double phi = rotation * G_PI / 180, cos_phi = cos (phi), sin_phi = sin (phi);
  double x1p, y1p, lambda, num, den, coef, cxp, cyp, cx, cy, theta, delta;
  guint n;

  if (x1 == x2 && y1 == y2)
    return;

  rx = fabs (rx);
  ry = fabs (ry);
  if (rx == 0 || ry == 0)
    {
      add_segment (segments, PARCOURS_PATH_LINE_TO, x2, y2, 0, 0, 0, 0);
      return;
    }

  x1p = cos_phi * (x1 - x2) / 2 + sin_phi * (y1 - y2) / 2;
  y1p = -sin_phi * (x1 - x2) / 2 + cos_phi * (y1 - y2) / 2;
  lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1)
    {
      rx *= sqrt (lambda);
      ry *= sqrt (lambda);
    }

  num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  coef = (large_arc == sweep ? -1 : 1) * sqrt (MAX (0, num / den));
  cxp = coef * rx * y1p / ry;
  cyp = -coef * ry * x1p / rx;
  cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2;
  cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2;

  theta = vector_angle (1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  delta = vector_angle ((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0)
    delta -= 2 * G_PI;
  else if (sweep && delta < 0)
    delta += 2 * G_PI;

  n = (guint) ceil (fabs (delta) / (G_PI / 2) - 1e-9);
  n = MAX (n, 1);
  delta /= n;

  for (guint i = 0; i < n; i++)
    {
      double t1 = theta + i * delta, t2 = t1 + delta;
      double alpha = 4.0 / 3.0 * tan (delta / 4);
      double p1x = cx + rx * cos (t1) * cos_phi - ry * sin (t1) * sin_phi;
      double p1y = cy + rx * cos (t1) * sin_phi + ry * sin (t1) * cos_phi;
      double p2x = cx + rx * cos (t2) * cos_phi - ry * sin (t2) * sin_phi;
      double p2y = cy + rx * cos (t2) * sin_phi + ry * sin (t2) * cos_phi;
      double d1x = -rx * sin (t1) * cos_phi - ry * cos (t1) * sin_phi;
      double d1y = -rx * sin (t1) * sin_phi + ry * cos (t1) * cos_phi;
      double d2x = -rx * sin (t2) * cos_phi - ry * cos (t2) * sin_phi;
      double d2y = -rx * sin (t2) * sin_phi + ry * cos (t2) * cos_phi;

      /* End exactly where the SVG says, whatever the rounding. */
      if (i == n - 1)
        p2x = x2, p2y = y2;

      add_segment (segments, PARCOURS_PATH_CURVE_TO,
                   p1x + alpha * d1x, p1y + alpha * d1y,
                   p2x - alpha * d2x, p2y - alpha * d2y,
                   p2x, p2y);
    }
}

typedef struct
{
  const char *p;
} Tokens;

static gboolean
next_number (Tokens *t,
             double *value)
{
  char *end = NULL;

  while (*t->p == ' ' || *t->p == ',' || *t->p == '\n' || *t->p == '\t' || *t->p == '\r')
    t->p++;

  *value = g_ascii_strtod (t->p, &end);
  if (end == t->p)
    return FALSE;

  t->p = end;
  return TRUE;
}

/* Arc flags may be written without separators ("a1 1 0 011 1"). */
static gboolean
next_flag (Tokens   *t,
           gboolean *flag)
{
  while (*t->p == ' ' || *t->p == ',')
    t->p++;

  if (*t->p != '0' && *t->p != '1')
    return FALSE;

  *flag = *t->p == '1';
  t->p++;
  return TRUE;
}

/* Where a path's drawing stands between its commands. */
typedef struct
{
  GArray *segments;
  double x, y;                  /* the current point */
  double start_x, start_y;      /* where the subpath started, for Z */
  double last_cx, last_cy;      /* the last cubic's second control point, for S */
  char previous;                /* the last command */
} Pen;

/* @n numbers, x and y pairs made absolute where @relative. */
static gboolean
next_points (Tokens    *t,
             double    *v,
             guint      n,
             gboolean   relative,
             const Pen *pen)
{
  for (guint i = 0; i < n; i++)
    if (!next_number (t, &v[i]))
      return FALSE;
  if (relative)
    for (guint i = 0; i < n; i += 2)
      v[i] += pen->x, v[i + 1] += pen->y;
  return TRUE;
}

/* M, L, H and V: a move or a straight line. */
static gboolean
pen_line (Pen      *pen,
          Tokens   *t,
          char      command,
          gboolean  relative)
{
  double v[2];

  switch (command)
    {
    case 'M':
    case 'L':
      if (!next_points (t, v, 2, relative, pen))
        return FALSE;
      pen->x = v[0], pen->y = v[1];
      break;

    case 'H':
      if (!next_number (t, &v[0]))
        return FALSE;
      pen->x = relative ? pen->x + v[0] : v[0];
      break;

    default:
      if (!next_number (t, &v[0]))
        return FALSE;
      pen->y = relative ? pen->y + v[0] : v[0];
      break;
    }

  if (command == 'M')
    {
      pen->start_x = pen->x, pen->start_y = pen->y;
      add_segment (pen->segments, PARCOURS_PATH_MOVE_TO, pen->x, pen->y, 0, 0, 0, 0);
    }
  else
    add_segment (pen->segments, PARCOURS_PATH_LINE_TO, pen->x, pen->y, 0, 0, 0, 0);
  return TRUE;
}

/* C, S and Q: a cubic, a smooth cubic whose first control point mirrors
 * the last one, and a quadratic drawn as the cubic it equals. */
static gboolean
pen_curve (Pen      *pen,
           Tokens   *t,
           char      command,
           gboolean  relative)
{
  double x = pen->x, y = pen->y;
  double v[6];

  if (!next_points (t, v, command == 'C' ? 6 : 4, relative, pen))
    return FALSE;

  if (command == 'C')
    {
      add_segment (pen->segments, PARCOURS_PATH_CURVE_TO, v[0], v[1], v[2], v[3], v[4], v[5]);
      pen->last_cx = v[2], pen->last_cy = v[3];
      pen->x = v[4], pen->y = v[5];
    }
  else if (command == 'S')
    {
      gboolean smooth = strchr ("CcSs", pen->previous) != NULL && pen->previous != 0;
      double c1x = smooth ? 2 * x - pen->last_cx : x, c1y = smooth ? 2 * y - pen->last_cy : y;

      add_segment (pen->segments, PARCOURS_PATH_CURVE_TO, c1x, c1y, v[0], v[1], v[2], v[3]);
      pen->last_cx = v[0], pen->last_cy = v[1];
      pen->x = v[2], pen->y = v[3];
    }
  else
    {
      add_segment (pen->segments, PARCOURS_PATH_CURVE_TO,
                   x + 2.0 / 3 * (v[0] - x), y + 2.0 / 3 * (v[1] - y),
                   v[2] + 2.0 / 3 * (v[0] - v[2]), v[3] + 2.0 / 3 * (v[1] - v[3]),
                   v[2], v[3]);
      pen->x = v[2], pen->y = v[3];
    }
  return TRUE;
}

/* A: an elliptical arc, drawn as cubics. */
static gboolean
pen_arc (Pen      *pen,
         Tokens   *t,
         gboolean  relative)
{
  double v[5];
  gboolean large, sweep;

  if (!next_number (t, &v[0]) || !next_number (t, &v[1]) || !next_number (t, &v[2]) ||
      !next_flag (t, &large) || !next_flag (t, &sweep) ||
      !next_points (t, &v[3], 2, relative, pen))
    return FALSE;
  add_arc (pen->segments, pen->x, pen->y, v[0], v[1], v[2], large, sweep, v[3], v[4]);
  pen->x = v[3], pen->y = v[4];
  return TRUE;
}

/* The path data our icons use: M L H V C S Q A Z, absolute and relative. */
static void
parse_path_data (const char *data,
                 GArray     *segments)
{
  Tokens t = { data };
  Pen pen = { segments, 0, 0, 0, 0, 0, 0, 0 };
  char command = 0;

  for (;;)
    {
      gboolean relative;
      gboolean drawn;

      while (*t.p == ' ' || *t.p == ',' || *t.p == '\n' || *t.p == '\t' || *t.p == '\r')
        t.p++;
      if (*t.p == '\0')
        break;

      /* Numbers without a command repeat the last one; after a move,
       * they are lines. */
      if (g_ascii_isalpha (*t.p))
        command = *t.p++;
      else if (command == 0)
        return;
      else if (command == 'M')
        command = 'L';
      else if (command == 'm')
        command = 'l';

      relative = g_ascii_islower (command);

      switch (g_ascii_toupper (command))
        {
        case 'M':
        case 'L':
        case 'H':
        case 'V':
          drawn = pen_line (&pen, &t, g_ascii_toupper (command), relative);
          break;

        case 'C':
        case 'S':
        case 'Q':
          drawn = pen_curve (&pen, &t, g_ascii_toupper (command), relative);
          break;

        case 'A':
          drawn = pen_arc (&pen, &t, relative);
          break;

        case 'Z':
          add_segment (segments, PARCOURS_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
          pen.x = pen.start_x, pen.y = pen.start_y;
          drawn = TRUE;
          break;

        default:
          g_warning ("Unsupported path command “%c” in an icon", command);
          return;
        }

      if (!drawn)
        return;
      pen.previous = command;
    }
}

static void
add_rounded_rect (GArray *segments,
                  double  x,
                  double  y,
                  double  width,
                  double  height,
                  double  radius)
{
  double k;

  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      add_segment (segments, PARCOURS_PATH_MOVE_TO, x, y, 0, 0, 0, 0);
      add_segment (segments, PARCOURS_PATH_LINE_TO, x + width, y, 0, 0, 0, 0);
      add_segment (segments, PARCOURS_PATH_LINE_TO, x + width, y + height, 0, 0, 0, 0);
      add_segment (segments, PARCOURS_PATH_LINE_TO, x, y + height, 0, 0, 0, 0);
      add_segment (segments, PARCOURS_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
      return;
    }

  k = radius * (1 - KAPPA);
  add_segment (segments, PARCOURS_PATH_MOVE_TO, x + radius, y, 0, 0, 0, 0);
  add_segment (segments, PARCOURS_PATH_LINE_TO, x + width - radius, y, 0, 0, 0, 0);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, x + width - k, y, x + width, y + k, x + width, y + radius);
  add_segment (segments, PARCOURS_PATH_LINE_TO, x + width, y + height - radius, 0, 0, 0, 0);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, x + width, y + height - k, x + width - k, y + height,
               x + width - radius, y + height);
  add_segment (segments, PARCOURS_PATH_LINE_TO, x + radius, y + height, 0, 0, 0, 0);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, x + k, y + height, x, y + height - k, x, y + height - radius);
  add_segment (segments, PARCOURS_PATH_LINE_TO, x, y + radius, 0, 0, 0, 0);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, x, y + k, x + k, y, x + radius, y);
  add_segment (segments, PARCOURS_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
}

static ParcoursIconShape *
new_shape (void)
{
  ParcoursIconShape *shape = g_new0 (ParcoursIconShape, 1);

  shape->segments = g_array_new (FALSE, FALSE, sizeof (ParcoursPathSegment));
  return shape;
}

static void
add_circle (GArray *segments,
            double  cx,
            double  cy,
            double  r)
{
  double k = KAPPA * r;

  add_segment (segments, PARCOURS_PATH_MOVE_TO, cx + r, cy, 0, 0, 0, 0);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
  add_segment (segments, PARCOURS_PATH_CURVE_TO, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  add_segment (segments, PARCOURS_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
}

static double
attribute_number (const char **names,
                  const char **values,
                  const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], wanted))
      return g_ascii_strtod (values[i], NULL);

  return 0;
}

static void
icon_start_element (GMarkupParseContext  *context,
                    const char           *element_name,
                    const char          **names,
                    const char          **values,
                    gpointer              user_data,
                    GError              **error)
{
  GPtrArray *shapes = user_data;
  ParcoursIconShape *shape;

  if (g_str_equal (element_name, "svg"))
    return;

  shape = g_new0 (ParcoursIconShape, 1);
  shape->segments = g_array_new (FALSE, FALSE, sizeof (ParcoursPathSegment));

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "fill-rule"))
      shape->even_odd = g_str_equal (values[i], "evenodd");

  if (g_str_equal (element_name, "path"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "d"))
          parse_path_data (values[i], shape->segments);
    }
  else if (g_str_equal (element_name, "rect"))
    {
      add_rounded_rect (shape->segments,
                        attribute_number (names, values, "x"),
                        attribute_number (names, values, "y"),
                        attribute_number (names, values, "width"),
                        attribute_number (names, values, "height"),
                        attribute_number (names, values, "rx"));
    }
  else if (g_str_equal (element_name, "circle"))
    {
      add_circle (shape->segments,
                  attribute_number (names, values, "cx"),
                  attribute_number (names, values, "cy"),
                  attribute_number (names, values, "r"));
    }

  if (shape->segments->len > 0)
    g_ptr_array_add (shapes, shape);
  else
    icon_shape_free (shape);
}

/* Emotion faces are drawn in code, not shipped: a disc, and the eyes and
 * mouth of each of the five levels (−2 … +2), in a 16 × 16 box. The mouth
 * is a curve given a stroke's width as a filled outline, so that faces,
 * like icons, are one-colour shapes. */
static GPtrArray *
make_face (const char *name)
{
  GPtrArray *shapes = g_ptr_array_new_with_free_func (icon_shape_free);
  const double r = 8, cx = 8, cy = 8;
  ParcoursIconShape *shape = new_shape ();
  int level;

  if (g_str_equal (name, "parcours-face-disc"))
    {
      add_circle (shape->segments, cx, cy, r);
      g_ptr_array_add (shapes, shape);
      return shapes;
    }

  level = CLAMP (atoi (name + strlen ("parcours-face-features-")) - 2, -2, 2);
  add_circle (shape->segments, cx - r * 0.34, cy - r * 0.22, r * 0.12);
  add_circle (shape->segments, cx + r * 0.34, cy - r * 0.22, r * 0.12);

  {
    /* The same Bézier the mouth always had, sampled, then offset both
     * ways by half the stroke width. */
    const guint n = 16;
    double mouth_y = cy + r * 0.38, bend = level * r * 0.16, half = r * 0.13 / 2;
    double px[4] = { cx - r * 0.42, cx - r * 0.2, cx + r * 0.2, cx + r * 0.42 };
    double py[4] = { mouth_y - bend / 2, mouth_y + bend, mouth_y + bend, mouth_y - bend / 2 };
    double xs[17], ys[17], nx[17], ny[17];

    for (guint i = 0; i <= n; i++)
      {
        double t = (double) i / n, u = 1 - t;
        double dx = 3 * u * u * (px[1] - px[0]) + 6 * u * t * (px[2] - px[1]) + 3 * t * t * (px[3] - px[2]);
        double dy = 3 * u * u * (py[1] - py[0]) + 6 * u * t * (py[2] - py[1]) + 3 * t * t * (py[3] - py[2]);
        double length = MAX (sqrt (dx * dx + dy * dy), 1e-9);

        xs[i] = u * u * u * px[0] + 3 * u * u * t * px[1] + 3 * u * t * t * px[2] + t * t * t * px[3];
        ys[i] = u * u * u * py[0] + 3 * u * u * t * py[1] + 3 * u * t * t * py[2] + t * t * t * py[3];
        nx[i] = -dy / length * half;
        ny[i] = dx / length * half;
      }

    add_segment (shape->segments, PARCOURS_PATH_MOVE_TO, xs[0] + nx[0], ys[0] + ny[0], 0, 0, 0, 0);
    for (guint i = 1; i <= n; i++)
      add_segment (shape->segments, PARCOURS_PATH_LINE_TO, xs[i] + nx[i], ys[i] + ny[i], 0, 0, 0, 0);
    for (guint i = n + 1; i > 0; i--)
      add_segment (shape->segments, PARCOURS_PATH_LINE_TO, xs[i - 1] - nx[i - 1], ys[i - 1] - ny[i - 1], 0, 0, 0, 0);
    add_segment (shape->segments, PARCOURS_PATH_CLOSE, 0, 0, 0, 0, 0, 0);
  }

  g_ptr_array_add (shapes, shape);
  return shapes;
}

static GPtrArray *
load_icon (const char *name)
{
  static const GMarkupParser parser = { icon_start_element, NULL, NULL, NULL, NULL };
  g_autofree char *path = g_strconcat (ICON_PATH, name, ".svg", NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *shapes;
  const char *data;
  gsize size;

  if (g_str_has_prefix (name, "parcours-face-"))
    return make_face (name);

  shapes = g_ptr_array_new_with_free_func (icon_shape_free);

  /* Referencing the resource keeps its object file (and the constructor
   * that registers it) in every program linking the static library. */
  (void) parcours_render_get_resource ();

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return shapes;

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, shapes, NULL);
  if (!g_markup_parse_context_parse (context, data, size, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    g_warning ("Could not read the icon %s", name);

  return shapes;
}

/**
 * parcours_icons_get_shapes:
 * @name: an icon name such as "parcours-channel-email-symbolic"
 *
 * Returns: (transfer none) (element-type ParcoursIconShape): the icon's
 *   filled shapes, empty for an unknown icon
 */
GPtrArray *
parcours_icons_get_shapes (const char *name)
{
  GPtrArray *shapes;

  G_LOCK (icons);

  if (icons == NULL)
    icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  shapes = g_hash_table_lookup (icons, name);
  if (shapes == NULL)
    {
      shapes = load_icon (name);
      g_hash_table_insert (icons, g_strdup (name), shapes);
    }

  G_UNLOCK (icons);

  return shapes;
}
