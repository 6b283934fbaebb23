/* parcours-color.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-color.h"

gboolean
parcours_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#')
    return FALSE;

  for (guint i = 1; i <= 6; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return color[7] == '\0';
}

gboolean
parcours_color_parse (const char *color,
                      double     *red,
                      double     *green,
                      double     *blue)
{
  guint channels[3];

  if (!parcours_color_is_valid (color))
    return FALSE;

  for (guint i = 0; i < 3; i++)
    channels[i] = g_ascii_xdigit_value (color[1 + 2 * i]) * 16 +
                  g_ascii_xdigit_value (color[2 + 2 * i]);

  *red = channels[0] / 255.0;
  *green = channels[1] / 255.0;
  *blue = channels[2] / 255.0;
  return TRUE;
}
