/* parcours-painter.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-painter.h"

/* Turns a layout into the display list every backend draws: this file is
 * the one place that decides what a map looks like. */

#define KAPPA 0.5522847498

typedef struct
{
  ParcoursDisplayList *list;
  ParcoursStyle *style;
  GArray *path;
  gboolean by_element;
} Painter;

static void
path_move (Painter *p,
           double   x,
           double   y)
{
  ParcoursPathSegment segment = { PARCOURS_PATH_MOVE_TO, { x }, { y } };
  g_array_append_val (p->path, segment);
}

static void
path_line (Painter *p,
           double   x,
           double   y)
{
  ParcoursPathSegment segment = { PARCOURS_PATH_LINE_TO, { x }, { y } };
  g_array_append_val (p->path, segment);
}

static void
path_curve (Painter *p,
            double   x1,
            double   y1,
            double   x2,
            double   y2,
            double   x3,
            double   y3)
{
  ParcoursPathSegment segment = { PARCOURS_PATH_CURVE_TO, { x1, x2, x3 }, { y1, y2, y3 } };
  g_array_append_val (p->path, segment);
}

static void
path_close (Painter *p)
{
  ParcoursPathSegment segment = { PARCOURS_PATH_CLOSE };
  g_array_append_val (p->path, segment);
}

static void
path_circle (Painter *p,
             double   cx,
             double   cy,
             double   r)
{
  double k = KAPPA * r;

  path_move (p, cx + r, cy);
  path_curve (p, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
  path_curve (p, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
  path_curve (p, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
  path_curve (p, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  path_close (p);
}

static void
emit_path (Painter            *p,
           const ParcoursRgba *fill,
           const ParcoursRgba *stroke,
           double              line_width,
           gboolean            dashed)
{
  if (p->path->len > 0)
    parcours_display_list_add_path (p->list, (ParcoursPathSegment *) (gpointer) p->path->data,
                                    p->path->len, fill, stroke, line_width, dashed);
  g_array_set_size (p->path, 0);
}

static void
rect (Painter            *p,
      double              x,
      double              y,
      double              width,
      double              height,
      double              radius,
      const ParcoursRgba *fill,
      const ParcoursRgba *stroke,
      double              line_width)
{
  ParcoursRect r = { x, y, width, height };

  parcours_display_list_add_rect (p->list, &r, radius, fill, stroke, line_width);
}

static void
text (Painter            *p,
      ParcoursTextBlock  *block,
      double              x,
      double              y,
      const ParcoursRgba *color)
{
  if (block != NULL && block->width > 0)
    parcours_display_list_add_text (p->list, block, x, y, color);
}

static void
icon (Painter            *p,
      const char         *name,
      double              x,
      double              y,
      double              size,
      const ParcoursRgba *color)
{
  ParcoursRect r = { x, y, size, size };

  if (name != NULL)
    parcours_display_list_add_icon (p->list, name, &r, color);
}

static const ParcoursRgba *
level_color (ParcoursStyle *style,
             int            level)
{
  return &style->levels[CLAMP (level, -2, 2) + 2];
}

static const char *
face_features (int level)
{
  static const char * const names[] = {
    "parcours-face-features-0", "parcours-face-features-1", "parcours-face-features-2",
    "parcours-face-features-3", "parcours-face-features-4",
  };

  return names[CLAMP (level, -2, 2) + 2];
}

/* A face whose mouth follows the level: a frown at −2, a straight line at
 * 0, a broad smile at +2, on a disc of the level's colour with a white
 * rim. Faces are icons, so backends draw thousands of them cheaply. */
static void
paint_face (Painter *p,
            double   cx,
            double   cy,
            double   r,
            int      level)
{
  icon (p, "parcours-face-disc", cx - r - 0.75, cy - r - 0.75, 2 * r + 1.5, &p->style->face_rim);
  icon (p, "parcours-face-disc", cx - r, cy - r, 2 * r, level_color (p->style, level));
  icon (p, face_features (level), cx - r, cy - r, 2 * r, &p->style->face_ink);
}

static void
paint_title (Painter        *p,
             ParcoursLayout *layout)
{
  ParcoursRect title = parcours_layout_get_title_rect (layout);
  ParcoursRect subtitle = parcours_layout_get_subtitle_rect (layout);

  text (p, parcours_layout_get_title (layout), title.x, title.y, &p->style->text);
  text (p, parcours_layout_get_subtitle (layout), subtitle.x, subtitle.y, &p->style->dim_text);
}

static void
paint_personas (Painter        *p,
                ParcoursLayout *layout)
{
  ParcoursStyle *style = p->style;

  for (guint i = 0; i < parcours_layout_get_n_personas (layout); i++)
    {
      const ParcoursPersonaBox *box = parcours_layout_get_persona (layout, i);
      double pad = box->avatar.x - box->rect.x;
      double text_x = box->avatar.x + box->avatar.width + style->avatar_gap;
      double role_y = box->avatar.y + box->name->height + style->line_gap;

      rect (p, box->rect.x, box->rect.y, box->rect.width, box->rect.height, style->persona_radius,
            &style->surface, &style->grid, 1);
      path_circle (p, box->avatar.x + box->avatar.width / 2, box->avatar.y + box->avatar.height / 2,
                   box->avatar.width / 2);
      emit_path (p, &box->color, NULL, 0, FALSE);
      /* The photo covers the coloured disc; a transparent one shows it. */
      if (parcours_persona_get_photo (box->persona) != NULL)
        parcours_display_list_add_image (p->list, parcours_persona_get_photo (box->persona),
                                         &box->avatar, box->avatar.width / 2);
      else
        text (p, box->initials, box->avatar.x,
              box->avatar.y + (box->avatar.height - box->initials->height) / 2, &style->avatar_text);
      text (p, box->name, text_x, box->avatar.y, &style->text);
      text (p, box->role, text_x, role_y, &style->dim_text);
      if (box->details != NULL)
        text (p, box->details, box->rect.x + pad,
              box->avatar.y + MAX (box->avatar.height,
                                   box->name->height + style->line_gap + box->role->height) +
                style->persona_details_gap,
              &style->text);
    }
}

static void
paint_grid_background (Painter        *p,
                       ParcoursLayout *layout)
{
  ParcoursStyle *style = p->style;
  ParcoursRect grid = parcours_layout_get_grid_rect (layout);
  guint n_lanes = parcours_layout_get_n_lanes (layout);
  guint n_stages = parcours_layout_get_n_stages (layout);
  double header_bottom = grid.y;

  /* Corner above the lane headers. */
  if (n_stages > 0)
    header_bottom = parcours_layout_get_stage (layout, 0)->header.y +
                    parcours_layout_get_stage (layout, 0)->header.height;
  else
    header_bottom = n_lanes > 0 ? parcours_layout_get_lane (layout, 0)->header.y : grid.y;
  rect (p, grid.x, grid.y, style->lane_header_width, header_bottom - grid.y, 0, &style->surface,
        NULL, 0);

  for (guint l = 0; l < n_lanes; l++)
    {
      const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, l);
      ParcoursLaneKind kind = parcours_lane_get_kind (lane->lane);

      rect (p, lane->header.x, lane->header.y, lane->header.width, lane->header.height, 0,
            &style->surface, NULL, 0);
      if (lane->is_emotion && !lane->collapsed)
        {
          double third = lane->band.height / 3;

          rect (p, lane->row.x, lane->row.y, lane->row.width, lane->row.height, 0,
                &style->background, NULL, 0);
          rect (p, lane->band.x, lane->band.y, lane->band.width, third, 0, &style->positive_zone,
                NULL, 0);
          rect (p, lane->band.x, lane->band.y + 2 * third, lane->band.width, third, 0,
                &style->negative_zone, NULL, 0);
          path_move (p, lane->band.x, lane->band.y + lane->band.height / 2);
          path_line (p, lane->band.x + lane->band.width, lane->band.y + lane->band.height / 2);
          emit_path (p, NULL, &style->grid, 1, TRUE);
        }
      else
        {
          rect (p, lane->row.x, lane->row.y, lane->row.width, lane->row.height, 0,
                &style->lane_tints[kind], NULL, 0);
        }
    }

  for (guint s = 0; s < n_stages; s++)
    {
      const ParcoursStageBox *stage = parcours_layout_get_stage (layout, s);

      rect (p, stage->header.x, stage->header.y, stage->header.width, stage->header.height, 0,
            &style->surface, NULL, 0);
    }

  /* Rules between rows and columns, then a frame. */
  for (guint l = 0; l < n_lanes; l++)
    {
      const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, l);

      path_move (p, grid.x, lane->header.y);
      path_line (p, grid.x + grid.width, lane->header.y);
    }
  for (guint s = 0; s < n_stages; s++)
    {
      const ParcoursStageBox *stage = parcours_layout_get_stage (layout, s);

      path_move (p, stage->column.x, grid.y);
      path_line (p, stage->column.x, grid.y + grid.height);
    }
  emit_path (p, NULL, &style->grid, 1, FALSE);
  rect (p, grid.x, grid.y, grid.width, grid.height, 0, NULL, &style->card_border, 1);
}

static void
paint_headers (Painter        *p,
               ParcoursLayout *layout)
{
  ParcoursStyle *style = p->style;
  double pad = style->cell_padding;

  for (guint s = 0; s < parcours_layout_get_n_stages (layout); s++)
    {
      const ParcoursStageBox *stage = parcours_layout_get_stage (layout, s);
      double y = stage->header.y + pad;

      parcours_display_list_set_element (p->list, PARCOURS_ELEMENT (stage->stage));
      rect (p, stage->header.x + pad, y, stage->header.width - 2 * pad, style->stage_stripe_height,
            style->stage_stripe_height / 2, &stage->color, NULL, 0);
      y += style->stage_stripe_height + style->stage_stripe_gap;
      text (p, stage->name, stage->header.x + pad, y, &style->text);
      if (stage->description != NULL)
        text (p, stage->description, stage->header.x + pad,
              y + stage->name->height + style->stage_description_gap,
              &style->dim_text);
    }

  for (guint l = 0; l < parcours_layout_get_n_lanes (layout); l++)
    {
      const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, l);
      double x = lane->header.x + pad;
      double y = lane->header.y + pad;

      parcours_display_list_set_element (p->list, PARCOURS_ELEMENT (lane->lane));
      text (p, lane->name, x, y, &style->text);
      y += lane->name->height;
      if (lane->subtitle != NULL)
        {
          text (p, lane->subtitle, x, y + style->line_gap, &style->dim_text);
          y += style->line_gap + lane->subtitle->height;
        }
      if (lane->is_emotion && !lane->collapsed)
        rect (p, x, y + style->lane_swatch_gap, style->lane_swatch_width, style->lane_swatch_height,
              style->lane_swatch_height / 2, &lane->curve_color, NULL, 0);
      if (lane->hidden_note != NULL)
        {
          parcours_display_list_set_element (p->list, NULL);
          text (p, lane->hidden_note, lane->row.x + pad,
                lane->row.y + (lane->row.height - lane->hidden_note->height) / 2, &style->dim_text);
        }
    }

  parcours_display_list_set_element (p->list, NULL);
}

static gboolean
card_has_face (const ParcoursCardBox *box)
{
  return box->has_footer && parcours_card_get_sentiment (box->card) != PARCOURS_SENTIMENT_NEUTRAL;
}

static gboolean
card_is_positive (const ParcoursCardBox *box)
{
  return parcours_card_get_sentiment (box->card) == PARCOURS_SENTIMENT_POSITIVE;
}

static void
card_face_center (ParcoursStyle         *style,
                  const ParcoursCardBox *box,
                  double                *cx,
                  double                *cy)
{
  *cx = box->rect.x + box->rect.width - style->card_padding - style->icon_size / 2;
  *cy = box->rect.y + box->footer_y + style->icon_size / 2;
}

/* A card's dot votes, as round stickers in a row. */
static void
paint_vote_dots (Painter               *p,
                 const ParcoursCardBox *box)
{
  double dot = PARCOURS_LAYOUT_VOTE_DOT_SIZE;
  double x = box->rect.x + p->style->card_padding;

  for (guint d = 0; d < box->n_vote_dots; d++)
    icon (p, "parcours-face-disc", x + d * (dot + PARCOURS_LAYOUT_VOTE_DOT_GAP),
          box->rect.y + box->votes_y + (box->votes_height - dot) / 2, dot, &p->style->vote);
}

/* The cards' boxes, then the sentiment bars along their left edges. */
static void
paint_card_boxes (Painter        *p,
                  ParcoursLayout *layout,
                  guint           first,
                  guint           n)
{
  ParcoursStyle *style = p->style;

  for (guint i = first; i < n; i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
      gboolean key_moment = parcours_card_get_key_moment (box->card);

      rect (p, box->rect.x, box->rect.y, box->rect.width, box->rect.height, style->card_radius,
            &box->fill, key_moment ? &style->key_moment : &box->border, key_moment ? 2 : 1);
    }

  for (ParcoursSentiment sentiment = PARCOURS_SENTIMENT_POSITIVE;
       sentiment <= PARCOURS_SENTIMENT_NEGATIVE;
       sentiment++)
    for (guint i = first; i < n; i++)
      {
        const ParcoursCardBox *box = parcours_layout_get_card (layout, i);

        if (parcours_card_get_sentiment (box->card) == sentiment)
          rect (p, box->rect.x + 1.5, box->rect.y + style->card_radius, 3,
                box->rect.height - 2 * style->card_radius, 1.5,
                sentiment == PARCOURS_SENTIMENT_POSITIVE ? &style->positive : &style->negative,
                NULL, 0);
      }
}

/* The cards' texts: text, details, KPI and vote count. */
static void
paint_card_texts (Painter        *p,
                  ParcoursLayout *layout,
                  guint           first,
                  guint           n)
{
  ParcoursStyle *style = p->style;
  double pad = style->card_padding;
  double icon_size = style->icon_size;

  for (guint i = first; i < n; i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);

      text (p, box->text, box->text_rect.x, box->text_rect.y, &style->text);
      if (box->details != NULL)
        text (p, box->details, box->rect.x + pad, box->rect.y + box->details_y, &style->dim_text);
      if (box->kpi != NULL)
        {
          double x = box->rect.x + pad;

          if (parcours_channel_icon_name (parcours_card_get_channel (box->card)) != NULL)
            x += icon_size + style->card_footer_spacing;
          text (p, box->kpi, x, box->rect.y + box->footer_y + (icon_size - box->kpi->height) / 2,
                &style->accent);
        }
      if (box->vote_count != NULL)
        text (p, box->vote_count,
              box->rect.x + pad + PARCOURS_LAYOUT_VOTE_DOT_SIZE + PARCOURS_LAYOUT_VOTE_DOT_GAP,
              box->rect.y + box->votes_y + (box->votes_height - box->vote_count->height) / 2,
              &style->vote);
    }
}

/* The key moment mark, the channel icon and the vote dots. */
static void
paint_card_icons (Painter        *p,
                  ParcoursLayout *layout,
                  guint           first,
                  guint           n)
{
  ParcoursStyle *style = p->style;
  double pad = style->card_padding;
  double icon_size = style->icon_size;

  for (guint i = first; i < n; i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);

      if (parcours_card_get_key_moment (box->card))
        icon (p, "parcours-key-moment-symbolic", box->rect.x + box->rect.width - pad - icon_size,
              box->rect.y + pad, icon_size, &style->key_moment);
      if (box->has_footer)
        icon (p, parcours_channel_icon_name (parcours_card_get_channel (box->card)),
              box->rect.x + pad, box->rect.y + box->footer_y, icon_size, &style->dim_text);
      paint_vote_dots (p, box);
    }
}

/* The sentiment faces, layer by layer: rims, discs, features. */
static void
paint_card_faces (Painter        *p,
                  ParcoursLayout *layout,
                  guint           first,
                  guint           n)
{
  ParcoursStyle *style = p->style;
  double r = style->icon_size / 2;

  for (guint i = first; i < n; i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
      double cx, cy;

      if (!card_has_face (box))
        continue;
      card_face_center (style, box, &cx, &cy);
      icon (p, "parcours-face-disc", cx - r - 0.75, cy - r - 0.75, 2 * r + 1.5, &style->face_rim);
    }

  for (int level = 1; level >= -1; level -= 2)
    {
      const ParcoursRgba *fill = level_color (style, level);

      for (guint i = first; i < n; i++)
        {
          const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
          double cx, cy;

          if (!card_has_face (box) ||
              card_is_positive (box) != (level > 0))
            continue;
          card_face_center (style, box, &cx, &cy);
          icon (p, "parcours-face-disc", cx - r, cy - r, 2 * r, fill);
        }
    }

  for (guint i = first; i < n; i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
      double cx, cy;

      if (!card_has_face (box))
        continue;
      card_face_center (style, box, &cx, &cy);
      icon (p, face_features (card_is_positive (box) ? 1 : -1), cx - r, cy - r, 2 * r,
            &style->face_ink);
    }
}

/* Paints the cards [first, end) layer by layer (all boxes, then all
 * texts, all icons, all faces): cards never overlap, so shapes that paint
 * alike come together and backends draw each layer in a few operations. */
static void
paint_card_range (Painter        *p,
                  ParcoursLayout *layout,
                  guint           first,
                  guint           n)
{
  paint_card_boxes (p, layout, first, n);
  paint_card_texts (p, layout, first, n);
  paint_card_icons (p, layout, first, n);
  paint_card_faces (p, layout, first, n);
}

/* Exports paint all cards in one range, layer by layer; the screen paints
 * each card alone so that its primitives are consecutive. */
static void
paint_cards (Painter        *p,
             ParcoursLayout *layout)
{
  guint n = parcours_layout_get_n_cards (layout);

  if (!p->by_element)
    {
      paint_card_range (p, layout, 0, n);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      ParcoursCard *card = parcours_layout_get_card (layout, i)->card;

      parcours_display_list_set_element (p->list, PARCOURS_ELEMENT (card));
      paint_card_range (p, layout, i, i + 1);
    }
  parcours_display_list_set_element (p->list, NULL);
}

/* A soft plate under a point's label keeps it readable where the curve
 * crosses. */
static void
paint_point_plate (Painter                *p,
                   const ParcoursPointBox *point)
{
  double inset;

  if (point->label == NULL)
    return;

  /* A soft plate keeps the label readable where the curve crosses. */
  inset = (point->label_rect.width - point->label->width) / 2;
  rect (p, point->label_rect.x + inset - 3, point->label_rect.y,
        point->label->width + 6, point->label_rect.height, 3, &p->style->label_plate, NULL, 0);
}

static void
paint_point_label (Painter                *p,
                   const ParcoursPointBox *point)
{
  if (point->label != NULL)
    text (p, point->label, point->label_rect.x, point->label_rect.y, &p->style->text);
}

/* Exports paint the emotion points layer by layer, like the cards: all
 * rims, the discs and features level by level, then all plates and all
 * labels. Per point, backends would switch colour five times; by layer
 * a curve of thousands of points is a dozen operations. A map's points
 * rarely overlap; where they do, labels now stay above every face. */
static void
paint_point_layers (Painter        *p,
                    ParcoursLayout *layout)
{
  guint n = parcours_layout_get_n_points (layout);
  double r = p->style->emotion_face_radius;

  for (guint i = 0; i < n; i++)
    {
      const ParcoursPointBox *point = parcours_layout_get_point (layout, i);

      icon (p, "parcours-face-disc", point->x - r - 0.75, point->y - r - 0.75, 2 * r + 1.5,
            &p->style->face_rim);
    }

  for (int level = -2; level <= 2; level++)
    {
      const ParcoursRgba *fill = level_color (p->style, level);

      for (guint i = 0; i < n; i++)
        {
          const ParcoursPointBox *point = parcours_layout_get_point (layout, i);

          if (CLAMP (point->level, -2, 2) == level)
            icon (p, "parcours-face-disc", point->x - r, point->y - r, 2 * r, fill);
        }
    }

  for (int level = -2; level <= 2; level++)
    for (guint i = 0; i < n; i++)
      {
        const ParcoursPointBox *point = parcours_layout_get_point (layout, i);

        if (CLAMP (point->level, -2, 2) == level)
          icon (p, face_features (level), point->x - r, point->y - r, 2 * r, &p->style->face_ink);
      }

  for (guint i = 0; i < n; i++)
    paint_point_plate (p, parcours_layout_get_point (layout, i));
  for (guint i = 0; i < n; i++)
    paint_point_label (p, parcours_layout_get_point (layout, i));
}

static void
paint_emotions (Painter        *p,
                ParcoursLayout *layout)
{
  ParcoursStyle *style = p->style;

  for (guint l = 0; l < parcours_layout_get_n_lanes (layout); l++)
    {
      const ParcoursLaneBox *lane = parcours_layout_get_lane (layout, l);

      if (lane->curve != NULL && lane->curve->len > 1)
        {
          g_array_append_vals (p->path, lane->curve->data, lane->curve->len);
          emit_path (p, NULL, &lane->curve_color, 2.5, FALSE);
        }
    }

  if (!p->by_element)
    {
      paint_point_layers (p, layout);
      return;
    }

  for (guint i = 0; i < parcours_layout_get_n_points (layout); i++)
    {
      const ParcoursPointBox *point = parcours_layout_get_point (layout, i);

      parcours_display_list_set_element (p->list, PARCOURS_ELEMENT (point->point));
      paint_face (p, point->x, point->y, style->emotion_face_radius, point->level);
      paint_point_plate (p, point);
      paint_point_label (p, point);
    }

  parcours_display_list_set_element (p->list, NULL);
}

static void
paint_legend (Painter        *p,
              ParcoursLayout *layout)
{
  ParcoursStyle *style = p->style;

  for (guint i = 0; i < parcours_layout_get_n_legend_items (layout); i++)
    {
      const ParcoursLegendItem *item = parcours_layout_get_legend_item (layout, i);
      const ParcoursRect *s = &item->swatch;

      switch (item->kind)
        {
        case PARCOURS_LEGEND_SENTIMENT:
          paint_face (p, s->x + s->width / 2, s->y + s->height / 2, s->width / 2,
                      item->value == PARCOURS_SENTIMENT_POSITIVE ? 1 : -1);
          break;

        case PARCOURS_LEGEND_KEY_MOMENT:
          icon (p, "parcours-key-moment-symbolic", s->x, s->y, s->width, &item->color);
          break;

        case PARCOURS_LEGEND_CHANNEL:
          icon (p, parcours_channel_icon_name (item->value), s->x, s->y, s->width, &item->color);
          break;

        case PARCOURS_LEGEND_VOTES:
          icon (p, "parcours-face-disc", s->x + s->width / 2 - PARCOURS_LAYOUT_VOTE_DOT_SIZE / 2,
                s->y + s->height / 2 - PARCOURS_LAYOUT_VOTE_DOT_SIZE / 2,
                PARCOURS_LAYOUT_VOTE_DOT_SIZE, &item->color);
          break;

        case PARCOURS_LEGEND_CURVE:
          rect (p, s->x - 2, s->y + s->height / 2 - 1.5, s->width + 4, 3, 1.5, &item->color,
                NULL, 0);
          break;

        default:
          g_assert_not_reached ();
        }

      text (p, item->label, item->label_x, item->label_y, &style->text);
    }
}

static void
painter_init (Painter        *p,
              ParcoursLayout *layout,
              gboolean        by_element)
{
  p->by_element = by_element;
  p->style = parcours_layout_get_style (layout);
  p->list = parcours_display_list_new (parcours_layout_get_width (layout),
                                       parcours_layout_get_height (layout),
                                       p->style->background);
  p->path = g_array_new (FALSE, FALSE, sizeof (ParcoursPathSegment));
}

static ParcoursDisplayList *
paint (ParcoursLayout *layout,
       gboolean        by_element)
{
  Painter p;

  painter_init (&p, layout, by_element);

  paint_title (&p, layout);
  paint_personas (&p, layout);
  paint_grid_background (&p, layout);
  paint_headers (&p, layout);
  paint_cards (&p, layout);
  paint_emotions (&p, layout);
  paint_legend (&p, layout);

  g_array_unref (p.path);

  return p.list;
}

/**
 * parcours_painter_paint_card:
 * @layout: an up-to-date layout
 * @index: a card's index in @layout
 *
 * Paints one card as parcours_painter_paint_by_element() does, for the
 * canvas to put in place of the card's previous primitives after an edit.
 *
 * Returns: (transfer full): a display list of the card's primitives
 */
ParcoursDisplayList *
parcours_painter_paint_card (ParcoursLayout *layout,
                             guint           index)
{
  ParcoursCard *card;
  Painter p;

  g_return_val_if_fail (PARCOURS_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (index < parcours_layout_get_n_cards (layout), NULL);

  painter_init (&p, layout, TRUE);

  card = parcours_layout_get_card (layout, index)->card;
  parcours_display_list_set_element (p.list, PARCOURS_ELEMENT (card));
  paint_card_range (&p, layout, index, index + 1);
  parcours_display_list_set_element (p.list, NULL);

  g_array_unref (p.path);

  return p.list;
}

/**
 * parcours_painter_paint:
 * @layout: an up-to-date layout
 *
 * Returns: (transfer full): the display list of the whole map, for
 *   exports: alike shapes of all cards come together
 */
ParcoursDisplayList *
parcours_painter_paint (ParcoursLayout *layout)
{
  g_return_val_if_fail (PARCOURS_IS_LAYOUT (layout), NULL);

  return paint (layout, FALSE);
}

/**
 * parcours_painter_paint_by_element:
 * @layout: an up-to-date layout
 *
 * The same picture as parcours_painter_paint(), for the screen: the
 * primitives of each card, emotion point and header are consecutive and
 * tagged with their element, so the canvas can cache and redraw one.
 *
 * Returns: (transfer full): the display list of the whole map
 */
ParcoursDisplayList *
parcours_painter_paint_by_element (ParcoursLayout *layout)
{
  g_return_val_if_fail (PARCOURS_IS_LAYOUT (layout), NULL);

  return paint (layout, TRUE);
}

/* How much of the map's background colour covers what is out of the
 * spotlight: the rest stays readable, but steps back. */
#define SPOTLIGHT_VEIL_ALPHA 0.72

/**
 * parcours_painter_paint_spotlight:
 * @layout: an up-to-date layout
 * @spotlight: the part of the map to leave as it is, in layout units
 * @amount: from 0 (no veil) to 1 (the full veil)
 *
 * A veil of the map's background over everything but @spotlight, as
 * presentation mode dims the stages around the one being talked about.
 * Drawn over the map's own display list, by the same backends.
 *
 * Returns: (transfer full): a display list the size of the map, with up
 *   to four rectangles
 */
ParcoursDisplayList *
parcours_painter_paint_spotlight (ParcoursLayout     *layout,
                                  const ParcoursRect *spotlight,
                                  double              amount)
{
  ParcoursStyle *style;
  ParcoursDisplayList *list;
  ParcoursRgba veil;
  double width, height, x0, y0, x1, y1;

  g_return_val_if_fail (PARCOURS_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (spotlight != NULL, NULL);

  style = parcours_layout_get_style (layout);
  width = parcours_layout_get_width (layout);
  height = parcours_layout_get_height (layout);
  list = parcours_display_list_new (width, height, style->background);
  veil = style->background;
  veil.alpha = SPOTLIGHT_VEIL_ALPHA * CLAMP (amount, 0, 1);
  if (veil.alpha <= 0)
    return list;

  x0 = CLAMP (spotlight->x, 0, width);
  y0 = CLAMP (spotlight->y, 0, height);
  x1 = CLAMP (spotlight->x + spotlight->width, x0, width);
  y1 = CLAMP (spotlight->y + spotlight->height, y0, height);

  /* Above and below the spotlight across the map, then beside it. */
  if (y0 > 0)
    parcours_display_list_add_rect (list, &(ParcoursRect) { 0, 0, width, y0 }, 0, &veil, NULL, 0);
  if (y1 < height)
    parcours_display_list_add_rect (list, &(ParcoursRect) { 0, y1, width, height - y1 }, 0, &veil, NULL, 0);
  if (x0 > 0 && y1 > y0)
    parcours_display_list_add_rect (list, &(ParcoursRect) { 0, y0, x0, y1 - y0 }, 0, &veil, NULL, 0);
  if (x1 < width && y1 > y0)
    parcours_display_list_add_rect (list, &(ParcoursRect) { x1, y0, width - x1, y1 - y0 }, 0, &veil, NULL, 0);

  return list;
}
