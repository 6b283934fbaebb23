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

  /* The smaller spacings of each part, in layout units. */
  double min_wrap_width;          /* text never wraps narrower */
  double title_gap;               /* between the title and the subtitle */
  double section_gap;             /* between title, personas, grid, legend */
  double line_gap;                /* between a name and the line under it */
  double persona_padding;
  double persona_radius;
  double avatar_size;
  double avatar_gap;              /* between the avatar and the name */
  double persona_details_gap;     /* above goals, needs, frustrations */
  double stage_header_min_height;
  double stage_stripe_height;     /* the stage's colour above its name */
  double stage_stripe_gap;
  double stage_description_gap;
  double lane_swatch_width;       /* an emotion lane's curve colour */
  double lane_swatch_height;
  double lane_swatch_gap;
  double card_marker_gap;         /* between text and key-moment icon */
  double card_details_gap;
  double card_footer_gap;         /* above channel, KPI and sentiment */
  double card_votes_gap;          /* above the row of vote dots */
  double card_footer_spacing;     /* between the footer's icon and KPI */
  double emotion_face_inset;      /* faces stay this far inside a column */
  double emotion_face_clearance;  /* between a face and the band's edge */
  double emotion_label_gap;       /* between a face and its label */
  double emotion_label_margin;    /* labels are narrower than the column */
  double emotion_band_padding;
  double legend_swatch;
  double legend_label_gap;
  double legend_line_gap;
  double legend_item_gap;

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
  ParcoursRgba levels[5];         /* emotion levels, very negative first */
  ParcoursRgba face_ink;          /* a face's eyes and mouth */
  ParcoursRgba face_rim;
  ParcoursRgba avatar_text;       /* initials on a persona's colour */
  ParcoursRgba label_plate;       /* under emotion point labels */
  ParcoursRgba outside;           /* the canvas around the map */
  ParcoursRgba vote;              /* dot votes */
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
