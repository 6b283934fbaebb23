/* parcours-style.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "parcours-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ParcoursRgba;

typedef enum
{
  PARCOURS_THEME_PRINT,   /* light, for PDF, PNG, SVG and paper */
  PARCOURS_THEME_LIGHT,   /* light screen */
  PARCOURS_THEME_DARK,    /* dark screen */
} ParcoursTheme;

typedef enum
{
  PARCOURS_FONT_TITLE,
  PARCOURS_FONT_SUBTITLE,
  PARCOURS_FONT_STAGE_NAME,
  PARCOURS_FONT_STAGE_DESCRIPTION,
  PARCOURS_FONT_LANE_NAME,
  PARCOURS_FONT_CARD_TEXT,
  PARCOURS_FONT_CARD_DETAILS,
  PARCOURS_FONT_SMALL,
  PARCOURS_FONT_PERSONA_NAME,
  PARCOURS_N_FONTS
} ParcoursFontRole;

typedef struct
{
  double size;        /* in layout units (1 unit = 1 px at 1× = 1 pt in PDF) */
  int weight;         /* 400 regular, 700 bold */
  gboolean italic;
} ParcoursFont;

/* Everything that decides how a map looks: sizes, fonts and a palette.
 * The layout reads sizes and fonts, the painter reads colours, so a theme
 * change repaints without re-measuring. */
typedef struct _ParcoursStyle ParcoursStyle;

struct _ParcoursStyle
{
  /*< private >*/
  grefcount ref_count;

  /*< public >*/
  ParcoursTheme theme;
  const char *font_family;
  ParcoursFont fonts[PARCOURS_N_FONTS];

  /* Geometry, in layout units. */
  double margin;
  double gap;
  double lane_header_width;
  double stage_width;
  double cell_padding;
  double card_padding;
  double card_gap;
  double card_radius;
  double lane_min_height;
  double collapsed_lane_height;
  double emotion_band_height;
  double emotion_face_radius;
  double emotion_label_width;
  double icon_size;
  double persona_width;

  /* Palette. */
  ParcoursRgba background;
  ParcoursRgba surface;           /* headers */
  ParcoursRgba grid;
  ParcoursRgba text;
  ParcoursRgba dim_text;
  ParcoursRgba card;
  ParcoursRgba card_border;
  ParcoursRgba accent;
  ParcoursRgba positive;
  ParcoursRgba neutral;
  ParcoursRgba negative;
  ParcoursRgba positive_zone;
  ParcoursRgba negative_zone;
  ParcoursRgba key_moment;
  ParcoursRgba vote;               /* dot votes */
  ParcoursRgba lane_tints[PARCOURS_LANE_KIND_NOTES + 1];
  ParcoursRgba curve_colors[6];
};

GType          parcours_style_get_type        (void) G_GNUC_CONST;
ParcoursStyle *parcours_style_new             (ParcoursTheme       theme);
ParcoursStyle *parcours_style_ref             (ParcoursStyle      *self);
void           parcours_style_unref           (ParcoursStyle      *self);
char          *parcours_style_get_font_string (ParcoursStyle      *self,
                                               ParcoursFontRole    role);
ParcoursRgba   parcours_style_stage_color     (ParcoursStyle      *self,
                                               const char         *color,
                                               guint               index);
ParcoursRgba   parcours_style_curve_color     (ParcoursStyle      *self,
                                               const char         *color,
                                               guint               index);
gboolean       parcours_theme_from_string     (const char         *name,
                                               ParcoursTheme      *theme);

ParcoursRgba   parcours_rgba_from_hex         (const char         *color,
                                               ParcoursRgba        fallback);
ParcoursRgba   parcours_rgba_mix              (ParcoursRgba        a,
                                               ParcoursRgba        b,
                                               double              amount);
char          *parcours_rgba_to_hex           (ParcoursRgba        color);

#define PARCOURS_TYPE_STYLE (parcours_style_get_type ())

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursStyle, parcours_style_unref)

G_END_DECLS
