/* parcours-layout.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-display-list.h"
#include "parcours-document.h"
#include "parcours-style.h"
#include "parcours-text-measurer.h"

G_BEGIN_DECLS

typedef struct
{
  ParcoursStage *stage;
  ParcoursRect header;          /* the stage's header cell */
  ParcoursRect column;          /* header and every lane below it */
  ParcoursTextBlock *name;
  ParcoursTextBlock *description;
  ParcoursRgba color;
} ParcoursStageBox;

typedef struct
{
  ParcoursLane *lane;
  ParcoursRect header;          /* the lane's header cell, left */
  ParcoursRect row;             /* the cells right of the header */
  ParcoursTextBlock *name;
  ParcoursTextBlock *subtitle;  /* lane kind, or the persona it follows */
  gboolean is_emotion;
  gboolean collapsed;
  guint n_hidden_cards;         /* collapsed lanes hide their cards */
  ParcoursTextBlock *hidden_note;

  /* Emotion lanes. */
  ParcoursRect band;            /* where faces and the curve live */
  ParcoursRgba curve_color;
  GArray *curve;                /* ParcoursPathSegment, empty below 2 points */
  double value_mid;             /* the y of value 0 */
  double value_reach;           /* how far up value 1 is from value 0 */
} ParcoursLaneBox;

/* The most dots a card shows one by one, and their size and spacing. */
#define PARCOURS_LAYOUT_MAX_VOTE_DOTS 8
#define PARCOURS_LAYOUT_VOTE_DOT_SIZE 9.0
#define PARCOURS_LAYOUT_VOTE_DOT_GAP  3.0

typedef struct
{
  ParcoursCard *card;
  guint stage_index;
  guint lane_index;
  ParcoursRect rect;
  ParcoursRect text_rect;
  ParcoursTextBlock *text;
  ParcoursTextBlock *details;   /* NULL when the card has none */
  ParcoursTextBlock *kpi;       /* NULL when the card has none */
  double details_y;
  double footer_y;              /* channel icon, KPI and sentiment row */
  gboolean has_footer;
  /* Dot votes, in a row of their own below everything else: one dot a
   * vote, or, past PARCOURS_LAYOUT_MAX_VOTE_DOTS or what the card's width
   * holds, one dot and the count ("×12"). */
  double votes_y;
  double votes_height;
  guint n_vote_dots;
  ParcoursTextBlock *vote_count; /* NULL when the dots say it all */
  ParcoursRgba fill;
  ParcoursRgba border;
} ParcoursCardBox;

typedef struct
{
  ParcoursEmotionPoint *point;
  guint stage_index;
  guint lane_index;
  double x;
  double y;
  int level;
  ParcoursTextBlock *label;     /* NULL without a label */
  ParcoursRect label_rect;
} ParcoursPointBox;

typedef struct
{
  ParcoursPersona *persona;
  ParcoursRect rect;
  ParcoursRect avatar;
  ParcoursTextBlock *initials;
  ParcoursTextBlock *name;
  ParcoursTextBlock *role;
  ParcoursTextBlock *details;   /* goals, needs, frustrations */
  ParcoursRgba color;
} ParcoursPersonaBox;

typedef enum
{
  PARCOURS_LEGEND_SENTIMENT,
  PARCOURS_LEGEND_KEY_MOMENT,
  PARCOURS_LEGEND_CHANNEL,
  PARCOURS_LEGEND_CURVE,
  PARCOURS_LEGEND_VOTES,
} ParcoursLegendKind;

typedef struct
{
  ParcoursLegendKind kind;
  int value;                    /* sentiment or channel */
  ParcoursRect swatch;
  ParcoursTextBlock *label;
  double label_x;
  double label_y;
  ParcoursRgba color;
} ParcoursLegendItem;

#define PARCOURS_TYPE_LAYOUT (parcours_layout_get_type())

G_DECLARE_FINAL_TYPE (ParcoursLayout, parcours_layout, PARCOURS, LAYOUT, GObject)

ParcoursLayout           *parcours_layout_new            (ParcoursStyle    *style);
ParcoursStyle            *parcours_layout_get_style      (ParcoursLayout   *self);
ParcoursTextMeasurer     *parcours_layout_get_measurer   (ParcoursLayout   *self);
void                      parcours_layout_set_header_width (ParcoursLayout *self,
                                                          double            width);
void                      parcours_layout_update         (ParcoursLayout   *self,
                                                          ParcoursDocument *document);
gboolean                  parcours_layout_update_cards   (ParcoursLayout   *self,
                                                          GPtrArray        *cards,
                                                          GArray           *changed);
ParcoursDocument         *parcours_layout_get_document   (ParcoursLayout   *self);

double                    parcours_layout_get_width      (ParcoursLayout   *self);
double                    parcours_layout_get_height     (ParcoursLayout   *self);
ParcoursRect              parcours_layout_get_title_rect (ParcoursLayout   *self);
ParcoursRect              parcours_layout_get_grid_rect  (ParcoursLayout   *self);
ParcoursRect              parcours_layout_get_legend_rect (ParcoursLayout  *self);
ParcoursTextBlock        *parcours_layout_get_title      (ParcoursLayout   *self);
ParcoursTextBlock        *parcours_layout_get_subtitle   (ParcoursLayout   *self);
ParcoursRect              parcours_layout_get_subtitle_rect (ParcoursLayout *self);

guint                     parcours_layout_get_n_stages   (ParcoursLayout   *self);
const ParcoursStageBox   *parcours_layout_get_stage      (ParcoursLayout   *self,
                                                          guint             index);
guint                     parcours_layout_get_n_lanes    (ParcoursLayout   *self);
const ParcoursLaneBox    *parcours_layout_get_lane       (ParcoursLayout   *self,
                                                          guint             index);
guint                     parcours_layout_get_n_cards    (ParcoursLayout   *self);
const ParcoursCardBox    *parcours_layout_get_card       (ParcoursLayout   *self,
                                                          guint             index);
guint                     parcours_layout_get_n_points   (ParcoursLayout   *self);
const ParcoursPointBox   *parcours_layout_get_point      (ParcoursLayout   *self,
                                                          guint             index);
guint                     parcours_layout_get_n_personas (ParcoursLayout   *self);
const ParcoursPersonaBox *parcours_layout_get_persona    (ParcoursLayout   *self,
                                                          guint             index);
guint                     parcours_layout_get_n_legend_items (ParcoursLayout *self);
const ParcoursLegendItem *parcours_layout_get_legend_item (ParcoursLayout  *self,
                                                          guint             index);

ParcoursElement          *parcours_layout_hit_test       (ParcoursLayout   *self,
                                                          double            x,
                                                          double            y);
gboolean                  parcours_layout_get_cell_at    (ParcoursLayout   *self,
                                                          double            x,
                                                          double            y,
                                                          guint            *lane_index,
                                                          guint            *stage_index);
void                      parcours_layout_get_cell_cards (ParcoursLayout   *self,
                                                          guint             lane_index,
                                                          guint             stage_index,
                                                          guint            *first,
                                                          guint            *n);
const guint              *parcours_layout_get_lane_points (ParcoursLayout  *self,
                                                          guint             lane_index,
                                                          guint            *n);
int                       parcours_layout_find           (ParcoursLayout   *self,
                                                          ParcoursElement  *element);

G_END_DECLS
