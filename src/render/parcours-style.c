/* parcours-style.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-color.h"
#include "parcours-style.h"

G_DEFINE_BOXED_TYPE (ParcoursStyle, parcours_style, parcours_style_ref, parcours_style_unref)

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* The GNOME palette (Adwaita's named colours) keeps maps at home on the
 * desktop and legible on paper. */
static const ParcoursRgba stage_palette[] = {
  RGB (0x3584e4), RGB (0x2ec27e), RGB (0xe5a50a), RGB (0xe66100),
  RGB (0x9141ac), RGB (0x1c71d8), RGB (0x26a269), RGB (0xc01c28),
};

static void
set_font (ParcoursStyle    *self,
          ParcoursFontRole  role,
          double            size,
          int               weight)
{
  self->fonts[role].size = size;
  self->fonts[role].weight = weight;
  self->fonts[role].italic = FALSE;
}

/* Sizes and spacings, in layout units: the same in every theme. */
static void
set_metrics (ParcoursStyle *self)
{
  self->margin = 32;
  self->gap = 16;
  self->lane_header_width = 156;
  self->stage_width = 224;
  self->cell_padding = 10;
  self->card_padding = 9;
  self->card_gap = 8;
  self->card_radius = 6;
  self->lane_min_height = 64;
  self->collapsed_lane_height = 32;
  self->emotion_band_height = 150;
  self->emotion_face_radius = 10;
  self->emotion_label_width = 112;
  self->icon_size = 14;
  self->persona_width = 260;

  self->min_wrap_width = 8;
  self->title_gap = 4;
  self->section_gap = 24;
  self->line_gap = 2;
  self->persona_padding = 12;
  self->persona_radius = 10;
  self->avatar_size = 36;
  self->avatar_gap = 10;
  self->persona_details_gap = 8;
  self->stage_header_min_height = 44;
  self->stage_stripe_height = 4;
  self->stage_stripe_gap = 6;
  self->stage_description_gap = 4;
  self->lane_swatch_width = 24;
  self->lane_swatch_height = 3;
  self->lane_swatch_gap = 5;
  self->card_marker_gap = 4;
  self->card_details_gap = 4;
  self->card_footer_gap = 7;
  self->card_votes_gap = 6;
  self->card_footer_spacing = 6;
  self->emotion_face_inset = 2;
  self->emotion_face_clearance = 3;
  self->emotion_label_gap = 3;
  self->emotion_label_margin = 4;
  self->emotion_band_padding = 10;
  self->legend_swatch = 14;
  self->legend_label_gap = 6;
  self->legend_line_gap = 8;
  self->legend_item_gap = 22;
}

static void
apply_light_palette (ParcoursStyle *self)
{
  self->background = (ParcoursRgba) RGB (0xffffff);
  self->surface = (ParcoursRgba) RGB (0xf6f5f4);
  self->grid = (ParcoursRgba) RGB (0xdeddda);
  self->text = (ParcoursRgba) RGB (0x241f31);
  self->dim_text = (ParcoursRgba) RGB (0x5e5c64);
  self->card = (ParcoursRgba) RGB (0xffffff);
  self->card_border = (ParcoursRgba) RGB (0xc0bfbc);
  self->accent = (ParcoursRgba) RGB (0x1c71d8);
  self->positive = (ParcoursRgba) RGB (0x26a269);
  self->neutral = (ParcoursRgba) RGB (0x9a9996);
  self->negative = (ParcoursRgba) RGB (0xc01c28);
  self->positive_zone = (ParcoursRgba) { 0.15, 0.64, 0.41, 0.10 };
  self->negative_zone = (ParcoursRgba) { 0.75, 0.11, 0.16, 0.08 };
  self->key_moment = (ParcoursRgba) RGB (0xe5a50a);
  self->vote = (ParcoursRgba) RGB (0x813d9c);
}

static void
apply_dark_palette (ParcoursStyle *self)
{
  self->background = (ParcoursRgba) RGB (0x1e1e1e);
  self->surface = (ParcoursRgba) RGB (0x303030);
  self->grid = (ParcoursRgba) RGB (0x454545);
  self->text = (ParcoursRgba) RGB (0xffffff);
  self->dim_text = (ParcoursRgba) RGB (0xc0bfbc);
  self->card = (ParcoursRgba) RGB (0x383838);
  self->card_border = (ParcoursRgba) RGB (0x5e5c64);
  self->accent = (ParcoursRgba) RGB (0x78aeed);
  self->positive = (ParcoursRgba) RGB (0x57e389);
  self->neutral = (ParcoursRgba) RGB (0x9a9996);
  self->negative = (ParcoursRgba) RGB (0xff7b63);
  self->positive_zone = (ParcoursRgba) { 0.34, 0.89, 0.54, 0.10 };
  self->negative_zone = (ParcoursRgba) { 1.0, 0.48, 0.39, 0.10 };
  self->key_moment = (ParcoursRgba) RGB (0xf8e45c);
  self->vote = (ParcoursRgba) RGB (0xdc8add);
}

ParcoursStyle *
parcours_style_new (ParcoursTheme theme)
{
  static const ParcoursRgba light_tints[] = {
    [PARCOURS_LANE_KIND_TOUCHPOINTS] = RGB (0xe8f1fc),
    [PARCOURS_LANE_KIND_ACTIONS] = RGB (0xeaf7f0),
    [PARCOURS_LANE_KIND_THOUGHTS] = RGB (0xf4ecf7),
    [PARCOURS_LANE_KIND_EMOTIONS] = RGB (0xffffff),
    [PARCOURS_LANE_KIND_PAIN_POINTS] = RGB (0xfbe9ea),
    [PARCOURS_LANE_KIND_OPPORTUNITIES] = RGB (0xfdf6e3),
    [PARCOURS_LANE_KIND_CHANNELS] = RGB (0xe9f4f6),
    [PARCOURS_LANE_KIND_BACKSTAGE] = RGB (0xf0efee),
    [PARCOURS_LANE_KIND_KPIS] = RGB (0xeef0fb),
    [PARCOURS_LANE_KIND_NOTES] = RGB (0xfffbe6),
  };
  static const ParcoursRgba curve_colors[] = {
    RGB (0x1c71d8), RGB (0xc64600), RGB (0x813d9c),
    RGB (0x26a269), RGB (0xa51d2d), RGB (0x986a44),
  };
  static const ParcoursRgba level_colors[] = {
    { 0.878, 0.106, 0.141, 1 },   /* very negative */
    { 1.000, 0.471, 0.000, 1 },
    { 0.965, 0.827, 0.176, 1 },   /* neutral */
    { 0.561, 0.855, 0.400, 1 },
    { 0.149, 0.635, 0.412, 1 },   /* very positive */
  };
  ParcoursStyle *self = g_new0 (ParcoursStyle, 1);

  g_ref_count_init (&self->ref_count);
  self->theme = theme;
  self->font_family = "Cantarell";

  set_font (self, PARCOURS_FONT_TITLE, 24, 700);
  set_font (self, PARCOURS_FONT_SUBTITLE, 12, 400);
  set_font (self, PARCOURS_FONT_STAGE_NAME, 14, 700);
  set_font (self, PARCOURS_FONT_STAGE_DESCRIPTION, 10, 400);
  set_font (self, PARCOURS_FONT_LANE_NAME, 12, 700);
  set_font (self, PARCOURS_FONT_CARD_TEXT, 11, 400);
  set_font (self, PARCOURS_FONT_CARD_DETAILS, 9, 400);
  set_font (self, PARCOURS_FONT_SMALL, 9, 400);
  set_font (self, PARCOURS_FONT_PERSONA_NAME, 12, 700);

  set_metrics (self);

  if (theme == PARCOURS_THEME_DARK)
    apply_dark_palette (self);
  else
    apply_light_palette (self);

  /* Faces look the same in every theme, like the emoji they stand for. */
  G_STATIC_ASSERT (sizeof level_colors == sizeof self->levels);
  memcpy (self->levels, level_colors, sizeof level_colors);
  self->face_ink = (ParcoursRgba) { 0.141, 0.122, 0.192, 1 };
  self->face_rim = (ParcoursRgba) { 1, 1, 1, 1 };
  self->avatar_text = (ParcoursRgba) { 1, 1, 1, 1 };
  self->label_plate = self->background;
  self->label_plate.alpha = 0.8;
  self->outside = (ParcoursRgba) { self->background.red * 0.94, self->background.green * 0.94,
                                   self->background.blue * 0.95, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (light_tints); i++)
    self->lane_tints[i] = theme == PARCOURS_THEME_DARK
      ? parcours_rgba_mix (self->background, light_tints[i], 0.10)
      : light_tints[i];

  for (guint i = 0; i < G_N_ELEMENTS (curve_colors); i++)
    self->curve_colors[i] = theme == PARCOURS_THEME_DARK
      ? parcours_rgba_mix (curve_colors[i], (ParcoursRgba) RGB (0xffffff), 0.35)
      : curve_colors[i];

  return self;
}

ParcoursStyle *
parcours_style_ref (ParcoursStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
parcours_style_unref (ParcoursStyle *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    g_free (self);
}

/**
 * parcours_style_get_font_string:
 *
 * Returns: (transfer full): a Pango font description string for @role
 */
char *
parcours_style_get_font_string (ParcoursStyle    *self,
                                ParcoursFontRole  role)
{
  const ParcoursFont *font = &self->fonts[role];
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (size, sizeof size, "%g", font->size);
  return g_strdup_printf ("%s,sans-serif %s%s %spx",
                          self->font_family,
                          font->weight >= 700 ? "Bold " : "",
                          font->italic ? "Italic " : "",
                          size);
}

ParcoursRgba
parcours_style_stage_color (ParcoursStyle *self,
                            const char    *color,
                            guint          index)
{
  return parcours_rgba_from_hex (color, stage_palette[index % G_N_ELEMENTS (stage_palette)]);
}

ParcoursRgba
parcours_style_curve_color (ParcoursStyle *self,
                            const char    *color,
                            guint          index)
{
  return parcours_rgba_from_hex (color,
                                 self->curve_colors[index % G_N_ELEMENTS (self->curve_colors)]);
}

gboolean
parcours_theme_from_string (const char    *name,
                            ParcoursTheme *theme)
{
  if (g_strcmp0 (name, "light") == 0 || g_strcmp0 (name, "print") == 0)
    *theme = PARCOURS_THEME_PRINT;
  else if (g_strcmp0 (name, "dark") == 0)
    *theme = PARCOURS_THEME_DARK;
  else
    return FALSE;

  return TRUE;
}

ParcoursRgba
parcours_rgba_from_hex (const char   *color,
                        ParcoursRgba  fallback)
{
  ParcoursRgba rgba = { 0, 0, 0, 1 };

  if (!parcours_color_parse (color, &rgba.red, &rgba.green, &rgba.blue))
    return fallback;

  return rgba;
}

ParcoursRgba
parcours_rgba_mix (ParcoursRgba a,
                   ParcoursRgba b,
                   double       amount)
{
  return (ParcoursRgba) {
    a.red + (b.red - a.red) * amount,
    a.green + (b.green - a.green) * amount,
    a.blue + (b.blue - a.blue) * amount,
    a.alpha + (b.alpha - a.alpha) * amount,
  };
}

char *
parcours_rgba_to_hex (ParcoursRgba color)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (color.red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (color.green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (color.blue * 255 + 0.5, 0, 255));
}
