/* parcours-layout.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-curve.h"
#include "parcours-layout.h"

/* The geometry of a map, computed from a document and a style: a title
 * block, a row of personas, the grid of stages (columns) × lanes (rows)
 * with cards stacked in cells and emotion bands with their curves, and a
 * legend. Rows and columns grow to fit what is in them, so no text is
 * ever cut or overlapped. Measured text comes from a cache keyed by
 * content, so re-laying out after one edit shapes only what changed. */
struct _ParcoursLayout
{
  GObject parent_instance;

  ParcoursStyle *style;
  ParcoursTextMeasurer *measurer;
  ParcoursDocument *document;

  double header_width_limit;
  double width;
  double height;
  ParcoursRect title_rect;
  ParcoursRect subtitle_rect;
  ParcoursRect grid_rect;
  ParcoursRect legend_rect;
  ParcoursTextBlock *title;
  ParcoursTextBlock *subtitle;

  GArray *stages;
  GArray *lanes;
  GArray *cards;
  GArray *points;
  GArray *personas;
  GArray *legend;

  /* The index hit testing and the canvas use: cards are laid out cell by
   * cell, so the cards of cell (lane l, stage s) are the range
   * [cell_first[l * n_stages + s], cell_first[l * n_stages + s + 1]).
   * Points are in @point_order sorted by lane, then x; the points of lane
   * l are [lane_first_point[l], lane_first_point[l + 1]) of it. */
  guint *cell_first;
  guint *point_order;
  guint *lane_first_point;
  GHashTable *element_index;    /* element → index in its array + 1 */

  /* What the passes share, kept so that parcours_layout_update_cards()
   * can run the cheap ones again. */
  double content_width;         /* of the title, personas and legend */
  double grid_width;
  double grid_top;
  double header_height;         /* of the stage headers */
  double *lane_header_height;   /* per lane: what its header's text needs */
  double *cell_height;          /* per cell, like cell_first */
  double *card_offset;          /* per card: its top below its row's */
};

G_DEFINE_FINAL_TYPE (ParcoursLayout, parcours_layout, G_TYPE_OBJECT)

static void
clear_stage_box (gpointer data)
{
  ParcoursStageBox *box = data;

  g_clear_object (&box->stage);
  g_clear_pointer (&box->name, parcours_text_block_unref);
  g_clear_pointer (&box->description, parcours_text_block_unref);
}

static void
clear_lane_box (gpointer data)
{
  ParcoursLaneBox *box = data;

  g_clear_object (&box->lane);
  g_clear_pointer (&box->name, parcours_text_block_unref);
  g_clear_pointer (&box->subtitle, parcours_text_block_unref);
  g_clear_pointer (&box->hidden_note, parcours_text_block_unref);
  g_clear_pointer (&box->curve, g_array_unref);
}

static void
clear_card_box (gpointer data)
{
  ParcoursCardBox *box = data;

  g_clear_object (&box->card);
  g_clear_pointer (&box->text, parcours_text_block_unref);
  g_clear_pointer (&box->details, parcours_text_block_unref);
  g_clear_pointer (&box->kpi, parcours_text_block_unref);
  g_clear_pointer (&box->vote_count, parcours_text_block_unref);
}

static void
clear_point_box (gpointer data)
{
  ParcoursPointBox *box = data;

  g_clear_object (&box->point);
  g_clear_pointer (&box->label, parcours_text_block_unref);
}

static void
clear_persona_box (gpointer data)
{
  ParcoursPersonaBox *box = data;

  g_clear_object (&box->persona);
  g_clear_pointer (&box->initials, parcours_text_block_unref);
  g_clear_pointer (&box->name, parcours_text_block_unref);
  g_clear_pointer (&box->role, parcours_text_block_unref);
  g_clear_pointer (&box->details, parcours_text_block_unref);
}

static void
clear_legend_item (gpointer data)
{
  ParcoursLegendItem *item = data;

  g_clear_pointer (&item->label, parcours_text_block_unref);
}

static GArray *
new_box_array (gsize          element_size,
               GDestroyNotify clear_func)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear_func);
  return array;
}

static void
parcours_layout_finalize (GObject *object)
{
  ParcoursLayout *self = (ParcoursLayout *)object;

  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->personas, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->cell_first, g_free);
  g_clear_pointer (&self->cell_height, g_free);
  g_clear_pointer (&self->card_offset, g_free);
  g_clear_pointer (&self->lane_header_height, g_free);
  g_clear_pointer (&self->point_order, g_free);
  g_clear_pointer (&self->lane_first_point, g_free);
  g_clear_pointer (&self->element_index, g_hash_table_unref);
  g_clear_pointer (&self->title, parcours_text_block_unref);
  g_clear_pointer (&self->subtitle, parcours_text_block_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->measurer);
  g_clear_pointer (&self->style, parcours_style_unref);

  G_OBJECT_CLASS (parcours_layout_parent_class)->finalize (object);
}

static void
parcours_layout_class_init (ParcoursLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = parcours_layout_finalize;
}

static void
parcours_layout_init (ParcoursLayout *self)
{
  self->stages = new_box_array (sizeof (ParcoursStageBox), clear_stage_box);
  self->lanes = new_box_array (sizeof (ParcoursLaneBox), clear_lane_box);
  self->cards = new_box_array (sizeof (ParcoursCardBox), clear_card_box);
  self->points = new_box_array (sizeof (ParcoursPointBox), clear_point_box);
  self->personas = new_box_array (sizeof (ParcoursPersonaBox), clear_persona_box);
  self->legend = new_box_array (sizeof (ParcoursLegendItem), clear_legend_item);
  self->element_index = g_hash_table_new (NULL, NULL);
}

ParcoursLayout *
parcours_layout_new (ParcoursStyle *style)
{
  ParcoursLayout *self;

  g_return_val_if_fail (style != NULL, NULL);

  self = g_object_new (PARCOURS_TYPE_LAYOUT, NULL);
  self->style = parcours_style_ref (style);
  self->measurer = parcours_text_measurer_new (style);

  return self;
}

static ParcoursTextBlock *
measure (ParcoursLayout   *self,
         ParcoursFontRole  role,
         const char       *text,
         double            wrap_width)
{
  double width = wrap_width < 0 ? -1 : MAX (wrap_width, self->style->min_wrap_width);

  return parcours_text_block_ref (parcours_text_measurer_measure (self->measurer, role, text, width,
                                                                  PANGO_ALIGN_LEFT));
}

static ParcoursTextBlock *
measure_centered (ParcoursLayout   *self,
                  ParcoursFontRole  role,
                  const char       *text,
                  double            wrap_width)
{
  double width = MAX (wrap_width, self->style->min_wrap_width);

  return parcours_text_block_ref (parcours_text_measurer_measure (self->measurer, role, text, width,
                                                                  PANGO_ALIGN_CENTER));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
append_list (GString            *text,
             const char         *heading,
             const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, heading);
  for (guint i = 0; items[i] != NULL; i++)
    g_string_append_printf (text, "\n• %s", items[i]);
}

static char *
make_initials (const char *name)
{
  GString *initials = g_string_new (NULL);
  gboolean at_word_start = TRUE;

  for (const char *p = name; *p && initials->len < 8; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-')
        at_word_start = TRUE;
      else if (at_word_start)
        {
          if (g_utf8_strlen (initials->str, -1) < 2)
            g_string_append_unichar (initials, g_unichar_toupper (c));
          at_word_start = FALSE;
        }
    }

  return g_string_free (initials, FALSE);
}

/* Pass: the stage columns. Everything else wraps to their widths. */
static void
layout_stage_columns (ParcoursLayout *self)
{
  ParcoursStyle *style = self->style;
  GListModel *stages = parcours_document_get_stages (self->document);
  guint n_stages = g_list_model_get_n_items (stages);

  self->grid_width = style->lane_header_width;
  for (guint s = 0; s < n_stages; s++)
    {
      ParcoursStageBox box = { 0 };

      box.stage = g_list_model_get_item (stages, s);
      box.column.x = style->margin + self->grid_width;
      box.column.width = round (style->stage_width * parcours_stage_get_width (box.stage));
      box.color = parcours_style_stage_color (style, parcours_stage_get_color (box.stage), s);
      self->grid_width += box.column.width;
      g_array_append_val (self->stages, box);
    }

  self->content_width = MAX (self->grid_width, 2 * style->persona_width + style->gap);
  if (self->header_width_limit > 0)
    self->content_width = MAX (MIN (self->content_width, self->header_width_limit),
                               style->persona_width);
}

/* Pass: the title block at @y; returns where the next part starts. */
static double
layout_title (ParcoursLayout *self,
              double          y)
{
  ParcoursStyle *style = self->style;
  ParcoursDocument *document = self->document;
  const char *title = parcours_document_get_title (document);
  const char *description = parcours_document_get_description (document);
  const char * const *goals = parcours_document_get_goals (document);
  ParcoursMapKind kind = parcours_document_get_kind (document);
  g_autoptr(GString) subtitle = g_string_new (parcours_map_kind_get_label (kind));
  double width = self->content_width;

  if (!is_blank (description))
    g_string_append_printf (subtitle, " · %s", description);
  if (goals != NULL && goals[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (" · ", (char **) goals);
      /* Translators: precedes the map's goals, e.g. "Goals: Reduce churn" */
      g_string_append_printf (subtitle, "\n%s %s", _("Goals:"), joined);
    }

  self->title = measure (self, PARCOURS_FONT_TITLE,
                         is_blank (title) ? _("Untitled Journey") : title, width);
  self->title_rect = (ParcoursRect) { style->margin, y, width, self->title->height };
  y += self->title->height + style->title_gap;

  self->subtitle = measure (self, PARCOURS_FONT_SUBTITLE, subtitle->str, width);
  self->subtitle_rect = (ParcoursRect) { style->margin, y, width, self->subtitle->height };

  return y + self->subtitle->height + style->section_gap;
}

/* Measures the persona of @box, the @index-th, in a box at (@x, @y);
 * returns the height the box needs. */
static double
layout_persona (ParcoursLayout     *self,
                ParcoursPersonaBox *box,
                guint               index,
                double              x,
                double              y)
{
  ParcoursStyle *style = self->style;
  ParcoursPersona *persona = box->persona;
  const char *name = parcours_persona_get_name (persona);
  double pad = style->persona_padding;
  double width = style->persona_width;
  double text_width = width - 2 * pad - style->avatar_size - style->avatar_gap;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *initials = make_initials (name);
  double header_height;

  box->color = parcours_style_curve_color (style, parcours_persona_get_color (persona), index);
  box->initials = measure_centered (self, PARCOURS_FONT_PERSONA_NAME, initials, style->avatar_size);
  box->name = measure (self, PARCOURS_FONT_PERSONA_NAME,
                       is_blank (name) ? _("Unnamed persona") : name,
                       text_width);
  box->role = measure (self, PARCOURS_FONT_SMALL, parcours_persona_get_role (persona), text_width);

  append_list (details, _("Goals"), parcours_persona_get_goals (persona));
  append_list (details, _("Needs"), parcours_persona_get_needs (persona));
  append_list (details, _("Frustrations"), parcours_persona_get_frustrations (persona));
  if (details->len > 0)
    box->details = measure (self, PARCOURS_FONT_SMALL, details->str, width - 2 * pad);

  header_height = MAX (style->avatar_size, box->name->height + style->line_gap + box->role->height);
  box->rect = (ParcoursRect) { x, y, width, 0 };
  box->avatar = (ParcoursRect) { x + pad, y + pad, style->avatar_size, style->avatar_size };

  return pad + header_height +
         (box->details ? style->persona_details_gap + box->details->height : 0) + pad;
}

/* Pass: the personas in rows at @y; returns where the grid starts. */
static double
layout_personas (ParcoursLayout *self,
                 double          y)
{
  ParcoursStyle *style = self->style;
  GListModel *personas = parcours_document_get_personas (self->document);
  guint n = g_list_model_get_n_items (personas);
  double width = style->persona_width;
  double x = style->margin;
  guint row_start = 0;
  double row_height = 0;

  if (n == 0)
    return y;

  for (guint i = 0; i <= n; i++)
    {
      ParcoursPersonaBox box = { 0 };
      double height;

      /* Close the row when full or at the end: every box in a row gets the
       * row's height so the personas line up. */
      if (i == n || (x > style->margin && x + width > style->margin + self->content_width + 0.5))
        {
          for (guint r = row_start; r < i; r++)
            g_array_index (self->personas, ParcoursPersonaBox, r).rect.height = row_height;
          if (i == n)
            break;
          y += row_height + style->gap;
          x = style->margin;
          row_start = i;
          row_height = 0;
        }

      box.persona = g_list_model_get_item (personas, i);
      /* Not inside MAX (): it would lay the persona out twice. */
      height = layout_persona (self, &box, i, x, y);
      row_height = MAX (row_height, height);
      g_array_append_val (self->personas, box);
      x += width + style->gap;
    }

  return y + row_height + style->section_gap;
}

/* Pass: the stage headers' text; all headers are as tall as the tallest. */
static void
layout_stage_headers (ParcoursLayout *self)
{
  ParcoursStyle *style = self->style;

  self->header_height = style->stage_header_min_height;
  for (guint s = 0; s < self->stages->len; s++)
    {
      ParcoursStageBox *box = &g_array_index (self->stages, ParcoursStageBox, s);
      double text_width = box->column.width - 2 * style->cell_padding;
      const char *description = parcours_stage_get_description (box->stage);
      double height;

      box->name = measure (self, PARCOURS_FONT_STAGE_NAME, parcours_stage_get_name (box->stage),
                           text_width);
      height = style->cell_padding + style->stage_stripe_height + style->stage_stripe_gap +
               box->name->height + style->cell_padding;
      if (!is_blank (description))
        {
          box->description = measure (self, PARCOURS_FONT_STAGE_DESCRIPTION, description,
                                      text_width);
          height += style->stage_description_gap + box->description->height;
        }
      self->header_height = MAX (self->header_height, height);
    }
}

static ParcoursRgba
card_fill (ParcoursStyle *style,
           ParcoursCard  *card,
           ParcoursRgba  *border)
{
  const char *color = parcours_card_get_color (card);

  if (color != NULL)
    {
      ParcoursRgba rgba = parcours_rgba_from_hex (color, style->card);

      *border = rgba;
      return parcours_rgba_mix (style->card, rgba, 0.22);
    }

  *border = style->card_border;
  return style->card;
}

/* The row of vote dots below the rest of the card, from @height down;
 * returns the card's height with it. */
static double
layout_card_votes (ParcoursLayout  *self,
                   ParcoursCardBox *box,
                   double           width,
                   double           height)
{
  double pad = self->style->card_padding;
  double dot = PARCOURS_LAYOUT_VOTE_DOT_SIZE;
  double gap = PARCOURS_LAYOUT_VOTE_DOT_GAP;
  guint votes = parcours_card_get_votes (box->card);
  guint fit = (guint) MAX (1, floor ((width - 2 * pad + gap) / (dot + gap)));
  double row_height = dot;

  g_clear_pointer (&box->vote_count, parcours_text_block_unref);
  box->n_vote_dots = 0;
  box->votes_y = 0;
  box->votes_height = 0;

  if (votes == 0)
    return height;

  box->votes_y = height + self->style->card_votes_gap;
  if (votes <= MIN (fit, PARCOURS_LAYOUT_MAX_VOTE_DOTS))
    {
      box->n_vote_dots = votes;
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("×%u", votes);

      box->n_vote_dots = 1;
      box->vote_count = measure (self, PARCOURS_FONT_CARD_TEXT, count,
                                 width - 2 * pad - dot - gap);
      row_height = MAX (row_height, box->vote_count->height);
    }

  box->votes_height = row_height;
  return box->votes_y + row_height;
}

/* Measures one card at @width and returns its height. A box laid out
 * before is measured afresh. */
static double
layout_card (ParcoursLayout  *self,
             ParcoursCardBox *box,
             double           width)
{
  ParcoursStyle *style = self->style;
  ParcoursCard *card = box->card;
  double pad = style->card_padding;
  gboolean key_moment = parcours_card_get_key_moment (card);
  double marker = key_moment ? style->icon_size + style->card_marker_gap : 0;
  const char *details = parcours_card_get_details (card);
  const char *kpi = parcours_card_get_kpi (card);
  double height;

  g_clear_pointer (&box->text, parcours_text_block_unref);
  g_clear_pointer (&box->details, parcours_text_block_unref);
  g_clear_pointer (&box->kpi, parcours_text_block_unref);
  box->footer_y = 0;

  box->text = measure (self, PARCOURS_FONT_CARD_TEXT, parcours_card_get_text (card),
                       width - 2 * pad - marker);
  height = pad + MAX (box->text->height, marker > 0 ? style->icon_size : 0);
  box->details_y = height + style->card_details_gap;

  if (!is_blank (details))
    {
      box->details = measure (self, PARCOURS_FONT_CARD_DETAILS, details, width - 2 * pad);
      height = box->details_y + box->details->height;
    }

  box->has_footer = parcours_card_get_channel (card) != PARCOURS_CHANNEL_NONE ||
                    parcours_card_get_sentiment (card) != PARCOURS_SENTIMENT_NEUTRAL ||
                    !is_blank (kpi);
  if (box->has_footer)
    {
      double footer_height = style->icon_size;

      if (!is_blank (kpi))
        {
          box->kpi = measure (self, PARCOURS_FONT_SMALL, kpi,
                              width - 2 * pad - 2 * style->icon_size -
                                2 * style->card_footer_spacing);
          footer_height = MAX (footer_height, box->kpi->height);
        }
      box->footer_y = height + style->card_footer_gap;
      height = box->footer_y + footer_height;
    }
  height = layout_card_votes (self, box, width, height);

  box->fill = card_fill (style, card, &box->border);

  return height + pad;
}

/* Index of an element id in @index (id → position + 1), or -1. */
static int
lookup_index (GHashTable *index,
              const char *id)
{
  if (id == NULL)
    return -1;

  return GPOINTER_TO_INT (g_hash_table_lookup (index, id)) - 1;
}

static GHashTable *
index_collection (GListModel *model)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursElement) element = g_list_model_get_item (model, i);
      g_hash_table_insert (index, (gpointer) parcours_element_get_id (element),
                           GINT_TO_POINTER (i + 1));
    }

  return index;
}

/* The document's cards by cell, for the lanes pass. */
typedef struct
{
  GHashTable *stage_index;      /* id → position + 1 */
  GHashTable *lane_index;
  guint *cell_start;            /* cell c holds cell_cards[cell_start[c] .. cell_start[c + 1]) */
  guint *cell_cards;            /* positions in the document's cards */
} CardCells;

static void
clear_card_cells (CardCells *cells)
{
  g_clear_pointer (&cells->stage_index, g_hash_table_unref);
  g_clear_pointer (&cells->lane_index, g_hash_table_unref);
  g_clear_pointer (&cells->cell_start, g_free);
  g_clear_pointer (&cells->cell_cards, g_free);
}

/* Pass: buckets the cards by cell. A counting sort keeps document order
 * within a cell, so the whole layout is linear in the number of cards. */
static void
bucket_cards (ParcoursLayout *self,
              CardCells      *cells)
{
  GListModel *cards = parcours_document_get_cards (self->document);
  guint n_cards = g_list_model_get_n_items (cards);
  guint n_stages = g_list_model_get_n_items (parcours_document_get_stages (self->document));
  guint n_lanes = g_list_model_get_n_items (parcours_document_get_lanes (self->document));
  guint n_cells = MAX (n_lanes * n_stages, 1);
  g_autofree guint *cell_fill = g_new0 (guint, n_cells);
  g_autofree int *card_cell = g_new (int, MAX (n_cards, 1));

  cells->stage_index = index_collection (parcours_document_get_stages (self->document));
  cells->lane_index = index_collection (parcours_document_get_lanes (self->document));
  cells->cell_start = g_new0 (guint, n_cells + 1);
  cells->cell_cards = g_new0 (guint, MAX (n_cards, 1));

  for (guint c = 0; c < n_cards; c++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, c);
      int l = lookup_index (cells->lane_index, parcours_card_get_lane_id (card));
      int s = lookup_index (cells->stage_index, parcours_card_get_stage_id (card));

      card_cell[c] = (l >= 0 && s >= 0) ? l * (int) n_stages + s : -1;
      if (card_cell[c] >= 0)
        cells->cell_start[card_cell[c] + 1]++;
    }
  for (guint i = 0; i < n_cells; i++)
    cells->cell_start[i + 1] += cells->cell_start[i];
  for (guint c = 0; c < n_cards; c++)
    if (card_cell[c] >= 0)
      cells->cell_cards[cells->cell_start[card_cell[c]] + cell_fill[card_cell[c]]++] = c;
}

/* Pass: the emotion points, placed across their stage now (their height
 * in the band comes with the rows). */
static void
layout_point_columns (ParcoursLayout  *self,
                      const CardCells *cells)
{
  ParcoursStyle *style = self->style;
  GListModel *points = parcours_document_get_emotion_points (self->document);
  guint n_points = g_list_model_get_n_items (points);
  double r = style->emotion_face_radius;
  double inset = style->emotion_face_inset;

  for (guint p = 0; p < n_points; p++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, p);
      int l = lookup_index (cells->lane_index, parcours_emotion_point_get_lane_id (point));
      int s = lookup_index (cells->stage_index, parcours_emotion_point_get_stage_id (point));
      double offset = parcours_emotion_point_get_offset (point);
      ParcoursPointBox box = { 0 };
      const ParcoursStageBox *stage;
      const char *label;

      if (l < 0 || s < 0)
        continue;

      stage = &g_array_index (self->stages, ParcoursStageBox, s);
      box.point = g_object_ref (point);
      box.lane_index = l;
      box.stage_index = s;
      box.level = parcours_emotion_point_get_level (point);
      /* Faces stay inside their stage's column so a page break between
       * stages never cuts one. */
      box.x = stage->column.x + r + inset + offset * (stage->column.width - 2 * r - 2 * inset);
      label = parcours_emotion_point_get_label (point);
      if (!is_blank (label))
        box.label = measure_centered (self, PARCOURS_FONT_SMALL, label,
                                      MIN (style->emotion_label_width,
                                           stage->column.width - 2 * style->emotion_label_margin));
      g_array_append_val (self->points, box);
    }
}

/* The lane's name and what is written under it: whose emotions these
 * are, or what kind of lane it is when the name does not already say
 * so. Returns the height the header's text needs. */
static double
layout_lane_header (ParcoursLayout  *self,
                    ParcoursLaneBox *lane,
                    ParcoursPersona *persona)
{
  ParcoursStyle *style = self->style;
  double text_width = style->lane_header_width - 2 * style->cell_padding;
  const char *name = parcours_lane_get_name (lane->lane);
  const char *kind = parcours_lane_kind_get_label (parcours_lane_get_kind (lane->lane));
  double height;

  lane->name = measure (self, PARCOURS_FONT_LANE_NAME, is_blank (name) ? kind : name, text_width);

  if (persona != NULL && !is_blank (parcours_persona_get_name (persona)) &&
      g_strcmp0 (parcours_persona_get_name (persona), name) != 0)
    lane->subtitle = measure (self, PARCOURS_FONT_SMALL, parcours_persona_get_name (persona),
                              text_width);
  else if (!is_blank (name) && g_utf8_collate (name, kind) != 0)
    lane->subtitle = measure (self, PARCOURS_FONT_SMALL, kind, text_width);

  height = style->cell_padding + lane->name->height + style->cell_padding;
  if (lane->subtitle != NULL)
    height += style->line_gap + lane->subtitle->height;
  if (lane->is_emotion)
    height += style->lane_swatch_gap + style->lane_swatch_height;

  return height;
}

/* A collapsed lane is one line with a note of the cards it hides;
 * returns its height. */
static double
layout_collapsed_lane (ParcoursLayout  *self,
                       ParcoursLaneBox *lane,
                       guint            lane_index,
                       const CardCells *cells)
{
  ParcoursStyle *style = self->style;
  guint n_stages = self->stages->len;
  guint first = cells->cell_start[lane_index * n_stages];

  lane->n_hidden_cards = cells->cell_start[(lane_index + 1) * n_stages] - first;
  if (lane->n_hidden_cards > 0)
    {
      guint n = lane->n_hidden_cards;
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card hidden",
                                                            "%u cards hidden", n),
                                               n);
      lane->hidden_note = measure (self, PARCOURS_FONT_SMALL, note, -1);
    }
  g_clear_pointer (&lane->subtitle, parcours_text_block_unref);

  return MAX (style->collapsed_lane_height, style->cell_padding * 2 + lane->name->height);
}

/* An emotion lane's band, tall enough for its faces and labels; returns
 * the row's height. */
static double
layout_emotion_band (ParcoursLayout  *self,
                     ParcoursLaneBox *lane,
                     guint            lane_index,
                     double           header_height,
                     ParcoursRgba     curve_color)
{
  ParcoursStyle *style = self->style;
  double r = style->emotion_face_radius;
  double max_label = 0;
  double band_height, row_height;

  for (guint p = 0; p < self->points->len; p++)
    {
      ParcoursPointBox *point = &g_array_index (self->points, ParcoursPointBox, p);

      if (point->lane_index == lane_index && point->label != NULL)
        max_label = MAX (max_label, point->label->height);
    }

  band_height = MAX (style->emotion_band_height * parcours_lane_get_height (lane->lane),
                     2 * r + style->emotion_band_padding + max_label);
  row_height = MAX (band_height + 2 * style->cell_padding, header_height);

  /* The zones fill the row; faces keep a padding inside it. */
  lane->band = (ParcoursRect) { style->margin + style->lane_header_width, 0,
                                self->grid_width - style->lane_header_width, row_height };
  lane->curve_color = curve_color;
  lane->value_reach = band_height / 2 - r - style->emotion_face_clearance;

  return row_height;
}

/* Adds the boxes of the cards of lane @lane_index's cells (none when
 * @shown is FALSE) and records where each cell's cards start. */
static void
add_lane_cards (ParcoursLayout  *self,
                guint            lane_index,
                const CardCells *cells,
                gboolean         shown)
{
  GListModel *cards = parcours_document_get_cards (self->document);
  guint n_stages = self->stages->len;

  for (guint s = 0; s < n_stages; s++)
    {
      guint cell = lane_index * n_stages + s;

      self->cell_first[cell] = self->cards->len;
      for (guint k = cells->cell_start[cell]; shown && k < cells->cell_start[cell + 1]; k++)
        {
          ParcoursCardBox box = { 0 };

          box.card = g_list_model_get_item (cards, cells->cell_cards[k]);
          box.lane_index = lane_index;
          box.stage_index = s;
          g_array_append_val (self->cards, box);
        }
    }
  self->cell_first[(lane_index + 1) * n_stages] = self->cards->len;
}

/* Stacks the cards of cell (@lane_index, @stage_index) top to bottom,
 * measuring each; returns the cell's height. Their tops are kept
 * relative to the row, which the rows pass places. */
static double
layout_cell (ParcoursLayout *self,
             guint           lane_index,
             guint           stage_index)
{
  ParcoursStyle *style = self->style;
  guint cell = lane_index * self->stages->len + stage_index;
  const ParcoursStageBox *stage = &g_array_index (self->stages, ParcoursStageBox, stage_index);
  double card_width = stage->column.width - 2 * style->cell_padding;
  guint first = self->cell_first[cell], end = self->cell_first[cell + 1];
  double stack = style->cell_padding;

  for (guint k = first; k < end; k++)
    {
      ParcoursCardBox *box = &g_array_index (self->cards, ParcoursCardBox, k);
      double height = layout_card (self, box, card_width);

      box->rect = (ParcoursRect) { stage->column.x + style->cell_padding, 0, card_width, height };
      box->text_rect = (ParcoursRect) { box->rect.x + style->card_padding, 0,
                                        box->text->wrap_width, box->text->height };
      self->card_offset[k] = stack;
      stack += height + style->card_gap;
    }

  self->cell_height[cell] = stack - (end > first ? style->card_gap : 0) + style->cell_padding;
  return self->cell_height[cell];
}

/* The height of a lane of cells: its tallest cell, or what its header
 * and its minimum need. */
static double
lane_row_height (ParcoursLayout *self,
                 guint           lane_index)
{
  const ParcoursLaneBox *lane = &g_array_index (self->lanes, ParcoursLaneBox, lane_index);
  guint n_stages = self->stages->len;
  double cell_max = 0;

  for (guint s = 0; s < n_stages; s++)
    cell_max = MAX (cell_max, self->cell_height[lane_index * n_stages + s]);

  return MAX (MAX (self->style->lane_min_height * parcours_lane_get_height (lane->lane), cell_max),
              self->lane_header_height[lane_index]);
}

/* Pass: each lane's header, cells and cards, or band; sets the rows'
 * heights (the rows pass places them). */
static void
layout_lanes (ParcoursLayout  *self,
              const CardCells *cells)
{
  GListModel *lanes = parcours_document_get_lanes (self->document);
  guint n_lanes = g_list_model_get_n_items (lanes);
  guint n_stages = self->stages->len;
  guint n_cards = g_list_model_get_n_items (parcours_document_get_cards (self->document));
  guint n_emotion_lanes = 0;

  self->cell_first = g_new0 (guint, n_lanes * n_stages + 1);
  self->cell_height = g_new0 (double, n_lanes * n_stages + 1);
  self->card_offset = g_new0 (double, MAX (n_cards, 1));
  self->lane_header_height = g_new0 (double, MAX (n_lanes, 1));

  for (guint l = 0; l < n_lanes; l++)
    {
      ParcoursLaneBox box = { 0 };
      ParcoursLaneBox *lane;
      ParcoursPersona *persona;
      gboolean has_cells;
      double height;

      box.lane = g_list_model_get_item (lanes, l);
      box.is_emotion = parcours_lane_get_kind (box.lane) == PARCOURS_LANE_KIND_EMOTIONS;
      box.collapsed = parcours_lane_get_collapsed (box.lane);
      persona = parcours_document_lookup_persona (self->document,
                                                  parcours_lane_get_persona_id (box.lane));
      g_array_append_val (self->lanes, box);
      lane = &g_array_index (self->lanes, ParcoursLaneBox, l);

      self->lane_header_height[l] = layout_lane_header (self, lane, persona);
      has_cells = !lane->collapsed && !lane->is_emotion;
      add_lane_cards (self, l, cells, has_cells);

      if (lane->collapsed)
        height = layout_collapsed_lane (self, lane, l, cells);
      else if (lane->is_emotion)
        {
          const char *color = persona ? parcours_persona_get_color (persona) : NULL;

          height = layout_emotion_band (self, lane, l, self->lane_header_height[l],
                                        parcours_style_curve_color (self->style, color,
                                                                    n_emotion_lanes++));
        }
      else
        {
          for (guint s = 0; s < n_stages; s++)
            layout_cell (self, l, s);
          height = lane_row_height (self, l);
        }

      lane->header.height = lane->row.height = height;
    }
}

/* The points of the emotion lanes, at their value in the band, with
 * their labels on the side of the face that has room. */
static void
position_points (ParcoursLayout *self)
{
  ParcoursStyle *style = self->style;
  double r = style->emotion_face_radius;
  double inset = style->emotion_face_inset;

  for (guint p = 0; p < self->points->len; p++)
    {
      ParcoursPointBox *point = &g_array_index (self->points, ParcoursPointBox, p);
      const ParcoursLaneBox *lane = &g_array_index (self->lanes, ParcoursLaneBox,
                                                    point->lane_index);
      const ParcoursStageBox *stage = &g_array_index (self->stages, ParcoursStageBox,
                                                      point->stage_index);
      double value = parcours_emotion_point_get_value (point->point);
      double label_width, label_x, label_y;

      if (!lane->is_emotion || lane->collapsed)
        continue;

      point->y = lane->value_mid - value * lane->value_reach;
      if (point->label == NULL)
        continue;

      label_width = point->label->wrap_width;
      label_x = CLAMP (point->x - label_width / 2, stage->column.x + inset,
                       stage->column.x + stage->column.width - label_width - inset);
      label_y = value >= 0 ? point->y + r + style->emotion_label_gap
                           : point->y - r - style->emotion_label_gap - point->label->height;
      point->label_rect = (ParcoursRect) { label_x, label_y, label_width, point->label->height };
    }
}

/* Pass: places the rows top to bottom from their heights, with their
 * cards and points, and the stage columns that span them; returns the
 * bottom of the grid. Only adds: cheap enough to run after any edit. */
static double
position_rows (ParcoursLayout *self)
{
  ParcoursStyle *style = self->style;
  guint n_stages = self->stages->len;
  double x = style->margin;
  double y = self->grid_top + self->header_height;

  for (guint l = 0; l < self->lanes->len; l++)
    {
      ParcoursLaneBox *lane = &g_array_index (self->lanes, ParcoursLaneBox, l);
      double height = lane->row.height;

      lane->header = (ParcoursRect) { x, y, style->lane_header_width, height };
      lane->row = (ParcoursRect) { x + style->lane_header_width, y,
                                   self->grid_width - style->lane_header_width,
                                   height };
      if (lane->is_emotion && !lane->collapsed)
        {
          lane->band.y = y;
          lane->value_mid = lane->band.y + height / 2;
        }

      for (guint k = self->cell_first[l * n_stages]; k < self->cell_first[(l + 1) * n_stages]; k++)
        {
          ParcoursCardBox *box = &g_array_index (self->cards, ParcoursCardBox, k);

          box->rect.y = y + self->card_offset[k];
          box->text_rect.y = box->rect.y + style->card_padding;
        }

      y += height;
    }

  position_points (self);

  for (guint s = 0; s < n_stages; s++)
    {
      ParcoursStageBox *stage = &g_array_index (self->stages, ParcoursStageBox, s);

      stage->header = (ParcoursRect) { stage->column.x, self->grid_top, stage->column.width,
                                       self->header_height };
      stage->column.y = self->grid_top;
      stage->column.height = y - self->grid_top;
    }

  self->grid_rect = (ParcoursRect) { style->margin, self->grid_top, self->grid_width,
                                     y - self->grid_top };
  return y;
}

static int
compare_points_by_x (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GArray *points = user_data;
  const ParcoursPointBox *pa = &g_array_index (points, ParcoursPointBox, *(const guint *) a);
  const ParcoursPointBox *pb = &g_array_index (points, ParcoursPointBox, *(const guint *) b);

  if (pa->x != pb->x)
    return pa->x < pb->x ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static void
layout_curve (ParcoursLayout  *self,
              ParcoursLaneBox *lane,
              guint            lane_index)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;

  for (guint i = 0; i < self->points->len; i++)
    if (g_array_index (self->points, ParcoursPointBox, i).lane_index == lane_index)
      g_array_append_val (order, i);

  if (order->len < 2)
    return;

  g_array_sort_with_data (order, compare_points_by_x, self->points);
  xs = g_new (double, order->len);
  ys = g_new (double, order->len);
  for (guint i = 0; i < order->len; i++)
    {
      const ParcoursPointBox *point = &g_array_index (self->points, ParcoursPointBox,
                                                      g_array_index (order, guint, i));
      xs[i] = point->x;
      ys[i] = point->y;
    }

  parcours_curve_monotone (xs, ys, order->len, lane->curve);
}

/* Pass: the emotion curves through the placed points. */
static void
layout_curves (ParcoursLayout *self)
{
  for (guint l = 0; l < self->lanes->len; l++)
    {
      ParcoursLaneBox *lane = &g_array_index (self->lanes, ParcoursLaneBox, l);

      if (lane->curve == NULL)
        lane->curve = g_array_new (FALSE, FALSE, sizeof (ParcoursPathSegment));
      g_array_set_size (lane->curve, 0);
      if (lane->is_emotion && !lane->collapsed)
        layout_curve (self, lane, l);
    }
}

/* Points of collapsed or non-emotion lanes are not shown. */
static void
drop_hidden_points (ParcoursLayout *self)
{
  for (guint p = self->points->len; p > 0; p--)
    {
      ParcoursPointBox *point = &g_array_index (self->points, ParcoursPointBox, p - 1);
      ParcoursLaneBox *lane = &g_array_index (self->lanes, ParcoursLaneBox, point->lane_index);

      if (!lane->is_emotion || lane->collapsed)
        g_array_remove_index (self->points, p - 1);
    }
}

static void
add_legend_item (ParcoursLayout     *self,
                 ParcoursLegendKind  kind,
                 int                 value,
                 const char         *label,
                 ParcoursRgba        color)
{
  ParcoursLegendItem item = { 0 };

  item.kind = kind;
  item.value = value;
  item.color = color;
  item.label = measure (self, PARCOURS_FONT_SMALL, label, -1);
  g_array_append_val (self->legend, item);
}

/* Pass: what the legend explains, from what the map shows. */
static void
layout_legend_items (ParcoursLayout *self)
{
  ParcoursStyle *style = self->style;
  gboolean channels_used[PARCOURS_CHANNEL_OTHER + 1] = { FALSE };
  gboolean sentiments_used[PARCOURS_SENTIMENT_NEGATIVE + 1] = { FALSE };
  gboolean key_moment_used = FALSE;
  gboolean votes_used = FALSE;

  for (guint i = 0; i < self->cards->len; i++)
    {
      ParcoursCard *card = g_array_index (self->cards, ParcoursCardBox, i).card;

      channels_used[parcours_card_get_channel (card)] = TRUE;
      sentiments_used[parcours_card_get_sentiment (card)] = TRUE;
      key_moment_used |= parcours_card_get_key_moment (card);
      votes_used |= parcours_card_get_votes (card) > 0;
    }

  if (sentiments_used[PARCOURS_SENTIMENT_POSITIVE])
    add_legend_item (self, PARCOURS_LEGEND_SENTIMENT, PARCOURS_SENTIMENT_POSITIVE,
                     parcours_sentiment_get_label (PARCOURS_SENTIMENT_POSITIVE), style->positive);
  if (sentiments_used[PARCOURS_SENTIMENT_NEGATIVE])
    add_legend_item (self, PARCOURS_LEGEND_SENTIMENT, PARCOURS_SENTIMENT_NEGATIVE,
                     parcours_sentiment_get_label (PARCOURS_SENTIMENT_NEGATIVE), style->negative);
  if (key_moment_used)
    add_legend_item (self, PARCOURS_LEGEND_KEY_MOMENT, 0, _("Key moment"), style->key_moment);
  if (votes_used)
    add_legend_item (self, PARCOURS_LEGEND_VOTES, 0, _("Votes"), style->vote);
  for (int c = PARCOURS_CHANNEL_WEBSITE; c <= PARCOURS_CHANNEL_OTHER; c++)
    if (channels_used[c])
      add_legend_item (self, PARCOURS_LEGEND_CHANNEL, c, parcours_channel_get_label (c),
                       style->dim_text);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      ParcoursLaneBox *lane = &g_array_index (self->lanes, ParcoursLaneBox, i);

      if (lane->is_emotion)
        {
          const char *name = parcours_lane_get_name (lane->lane);
          add_legend_item (self, PARCOURS_LEGEND_CURVE, i,
                           is_blank (name) ? _("Emotions") : name, lane->curve_color);
        }
    }
}

/* Places the legend's items in lines from @y; returns its bottom. */
static double
position_legend (ParcoursLayout *self,
                 double          y)
{
  ParcoursStyle *style = self->style;
  double swatch = style->legend_swatch;
  double x = style->margin;
  double line_height = 0;
  double top = y;

  if (self->legend->len == 0)
    {
      self->legend_rect = (ParcoursRect) { style->margin, y, 0, 0 };
      return y;
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      ParcoursLegendItem *item = &g_array_index (self->legend, ParcoursLegendItem, i);
      double item_width = swatch + style->legend_label_gap + item->label->width;
      double item_height = MAX (swatch, item->label->height);

      if (x > style->margin && x + item_width > style->margin + self->content_width)
        {
          x = style->margin;
          y += line_height + style->legend_line_gap;
          line_height = 0;
        }

      item->swatch = (ParcoursRect) { x, y + (item_height - swatch) / 2, swatch, swatch };
      item->label_x = x + swatch + style->legend_label_gap;
      item->label_y = y + (item_height - item->label->height) / 2;
      line_height = MAX (line_height, item_height);
      x += item_width + style->legend_item_gap;
    }

  y += line_height;
  self->legend_rect = (ParcoursRect) { style->margin, top, self->content_width, y - top };
  return y;
}

/* Pass: the legend below the grid's bottom @grid_bottom, and the map's size. */
static void
position_legend_and_size (ParcoursLayout *self,
                          double          grid_bottom)
{
  ParcoursStyle *style = self->style;
  double y = position_legend (self, grid_bottom + style->section_gap);

  self->width = ceil (MAX (self->content_width, self->grid_width) + 2 * style->margin);
  self->height = ceil (y + style->margin);
}

static void
clear_layout (ParcoursLayout *self)
{
  g_array_set_size (self->stages, 0);
  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->cards, 0);
  g_array_set_size (self->points, 0);
  g_array_set_size (self->personas, 0);
  g_array_set_size (self->legend, 0);
  g_clear_pointer (&self->cell_first, g_free);
  g_clear_pointer (&self->cell_height, g_free);
  g_clear_pointer (&self->card_offset, g_free);
  g_clear_pointer (&self->lane_header_height, g_free);
  g_clear_pointer (&self->point_order, g_free);
  g_clear_pointer (&self->lane_first_point, g_free);
  g_hash_table_remove_all (self->element_index);
  g_clear_pointer (&self->title, parcours_text_block_unref);
  g_clear_pointer (&self->subtitle, parcours_text_block_unref);
}

static int
compare_point_order (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GArray *points = user_data;
  const ParcoursPointBox *pa = &g_array_index (points, ParcoursPointBox, *(const guint *) a);
  const ParcoursPointBox *pb = &g_array_index (points, ParcoursPointBox, *(const guint *) b);

  if (pa->lane_index != pb->lane_index)
    return pa->lane_index < pb->lane_index ? -1 : 1;
  if (pa->x != pb->x)
    return pa->x < pb->x ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Builds the lookups of the finished layout: element → box, the points
 * of each lane in x order (the cards of each cell come with the lanes). */
static void
build_index (ParcoursLayout *self)
{
  guint n_lanes = self->lanes->len;

#define INDEX_ARRAY(array, Type, field) \
  for (guint i = 0; i < (array)->len; i++) \
    g_hash_table_insert (self->element_index, g_array_index ((array), Type, i).field, \
                         GUINT_TO_POINTER (i + 1))
  INDEX_ARRAY (self->stages, ParcoursStageBox, stage);
  INDEX_ARRAY (self->lanes, ParcoursLaneBox, lane);
  INDEX_ARRAY (self->cards, ParcoursCardBox, card);
  INDEX_ARRAY (self->points, ParcoursPointBox, point);
  INDEX_ARRAY (self->personas, ParcoursPersonaBox, persona);
#undef INDEX_ARRAY

  self->point_order = g_new (guint, MAX (self->points->len, 1));
  for (guint i = 0; i < self->points->len; i++)
    self->point_order[i] = i;
  g_qsort_with_data (self->point_order, self->points->len, sizeof (guint), compare_point_order,
                     self->points);
  self->lane_first_point = g_new0 (guint, n_lanes + 1);
  for (guint i = 0; i < self->points->len; i++)
    {
      const ParcoursPointBox *point = &g_array_index (self->points, ParcoursPointBox,
                                                      self->point_order[i]);

      self->lane_first_point[point->lane_index + 1]++;
    }
  for (guint l = 0; l < n_lanes; l++)
    self->lane_first_point[l + 1] += self->lane_first_point[l];
}

/**
 * parcours_layout_update:
 * @self: a #ParcoursLayout
 * @document: the map to lay out
 *
 * Computes the whole geometry again, pass by pass. Text that was
 * measured in the previous update is not measured again.
 */
void
parcours_layout_update (ParcoursLayout   *self,
                        ParcoursDocument *document)
{
  CardCells cells = { 0 };
  double grid_bottom;

  g_return_if_fail (PARCOURS_IS_LAYOUT (self));
  g_return_if_fail (PARCOURS_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  clear_layout (self);
  parcours_text_measurer_begin_pass (self->measurer);

  layout_stage_columns (self);
  self->grid_top = layout_personas (self, layout_title (self, self->style->margin));
  layout_stage_headers (self);
  bucket_cards (self, &cells);
  layout_point_columns (self, &cells);
  layout_lanes (self, &cells);
  grid_bottom = position_rows (self);
  layout_curves (self);
  drop_hidden_points (self);
  layout_legend_items (self);
  position_legend_and_size (self, grid_bottom);
  build_index (self);

  clear_card_cells (&cells);
  parcours_text_measurer_end_pass (self->measurer);
}

/**
 * parcours_layout_update_cards:
 * @self: a #ParcoursLayout
 * @cards: (element-type ParcoursCard): cards whose text, details, KPI or
 *   colour changed, the only changes to the document since the last
 *   update
 * @changed: (element-type guint) (nullable): where to add the indices of
 *   the cards whose boxes changed
 *
 * Lays out again only what such an edit can move: the edited cards'
 * cells, their lanes' rows, and when a row's height changed, the rows
 * below it and the legend. The result is the same as a full
 * parcours_layout_update() of the document.
 *
 * Returns: whether rows moved (then everything below the first edited
 *   lane, the legend and the map's height may have changed)
 */
gboolean
parcours_layout_update_cards (ParcoursLayout *self,
                              GPtrArray      *cards,
                              GArray         *changed)
{
  g_autoptr(GHashTable) edited = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (ParcoursRect));
  guint n_stages = self->stages->len;
  gboolean rows_moved = FALSE;

  g_return_val_if_fail (PARCOURS_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);

  for (guint i = 0; i < cards->len; i++)
    g_hash_table_add (edited, g_ptr_array_index (cards, i));

  for (guint i = 0; i < cards->len; i++)
    {
      int index = parcours_layout_find (self, g_ptr_array_index (cards, i));
      const ParcoursCardBox *box;
      ParcoursLaneBox *lane;
      guint cell, first, end;
      double height;

      /* Cards of collapsed lanes are not laid out. */
      if (index < 0 || !PARCOURS_IS_CARD (g_ptr_array_index (cards, i)))
        continue;

      box = &g_array_index (self->cards, ParcoursCardBox, index);
      cell = box->lane_index * n_stages + box->stage_index;
      if (!g_hash_table_add (done, GUINT_TO_POINTER (cell + 1)))
        continue;

      first = self->cell_first[cell];
      end = self->cell_first[cell + 1];
      g_array_set_size (before, 0);
      for (guint k = first; k < end; k++)
        {
          const ParcoursCardBox *other = &g_array_index (self->cards, ParcoursCardBox, k);
          ParcoursRect r = { 0, self->card_offset[k], 0, other->rect.height };

          g_array_append_val (before, r);
        }

      lane = &g_array_index (self->lanes, ParcoursLaneBox, box->lane_index);
      layout_cell (self, box->lane_index, box->stage_index);
      height = lane_row_height (self, box->lane_index);
      if (height != lane->row.height)
        {
          lane->header.height = lane->row.height = height;
          rows_moved = TRUE;
        }

      for (guint k = first; changed != NULL && k < end; k++)
        {
          const ParcoursCardBox *other = &g_array_index (self->cards, ParcoursCardBox, k);
          const ParcoursRect *r = &g_array_index (before, ParcoursRect, k - first);

          if (g_hash_table_contains (edited, other->card) || r->y != self->card_offset[k] ||
              r->height != other->rect.height)
            g_array_append_val (changed, k);
        }
    }

  if (rows_moved)
    {
      position_legend_and_size (self, position_rows (self));
      layout_curves (self);
    }
  else
    position_rows (self);

  return rows_moved;
}

/**
 * parcours_layout_set_header_width:
 * @self: a #ParcoursLayout
 * @width: the widest the title, personas and legend may be, or 0
 *
 * Paginated output sets this to the width of a page so that everything
 * outside the grid fits on the first page; the grid itself is split
 * between stages.
 */
void
parcours_layout_set_header_width (ParcoursLayout *self,
                                  double          width)
{
  g_return_if_fail (PARCOURS_IS_LAYOUT (self));

  self->header_width_limit = width;
}

ParcoursStyle *
parcours_layout_get_style (ParcoursLayout *self)
{
  return self->style;
}

ParcoursTextMeasurer *
parcours_layout_get_measurer (ParcoursLayout *self)
{
  return self->measurer;
}

ParcoursDocument *
parcours_layout_get_document (ParcoursLayout *self)
{
  return self->document;
}

double
parcours_layout_get_width (ParcoursLayout *self)
{
  return self->width;
}

double
parcours_layout_get_height (ParcoursLayout *self)
{
  return self->height;
}

ParcoursRect
parcours_layout_get_title_rect (ParcoursLayout *self)
{
  return self->title_rect;
}

ParcoursRect
parcours_layout_get_subtitle_rect (ParcoursLayout *self)
{
  return self->subtitle_rect;
}

ParcoursTextBlock *
parcours_layout_get_title (ParcoursLayout *self)
{
  return self->title;
}

ParcoursTextBlock *
parcours_layout_get_subtitle (ParcoursLayout *self)
{
  return self->subtitle;
}

ParcoursRect
parcours_layout_get_grid_rect (ParcoursLayout *self)
{
  return self->grid_rect;
}

ParcoursRect
parcours_layout_get_legend_rect (ParcoursLayout *self)
{
  return self->legend_rect;
}

guint
parcours_layout_get_n_stages (ParcoursLayout *self)
{
  return self->stages->len;
}

const ParcoursStageBox *
parcours_layout_get_stage (ParcoursLayout *self,
                           guint           index)
{
  g_return_val_if_fail (index < self->stages->len, NULL);
  return &g_array_index (self->stages, ParcoursStageBox, index);
}

guint
parcours_layout_get_n_lanes (ParcoursLayout *self)
{
  return self->lanes->len;
}

const ParcoursLaneBox *
parcours_layout_get_lane (ParcoursLayout *self,
                          guint           index)
{
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return &g_array_index (self->lanes, ParcoursLaneBox, index);
}

guint
parcours_layout_get_n_cards (ParcoursLayout *self)
{
  return self->cards->len;
}

const ParcoursCardBox *
parcours_layout_get_card (ParcoursLayout *self,
                          guint           index)
{
  g_return_val_if_fail (index < self->cards->len, NULL);
  return &g_array_index (self->cards, ParcoursCardBox, index);
}

guint
parcours_layout_get_n_points (ParcoursLayout *self)
{
  return self->points->len;
}

const ParcoursPointBox *
parcours_layout_get_point (ParcoursLayout *self,
                           guint           index)
{
  g_return_val_if_fail (index < self->points->len, NULL);
  return &g_array_index (self->points, ParcoursPointBox, index);
}

guint
parcours_layout_get_n_personas (ParcoursLayout *self)
{
  return self->personas->len;
}

const ParcoursPersonaBox *
parcours_layout_get_persona (ParcoursLayout *self,
                             guint           index)
{
  g_return_val_if_fail (index < self->personas->len, NULL);
  return &g_array_index (self->personas, ParcoursPersonaBox, index);
}

guint
parcours_layout_get_n_legend_items (ParcoursLayout *self)
{
  return self->legend->len;
}

const ParcoursLegendItem *
parcours_layout_get_legend_item (ParcoursLayout *self,
                                 guint           index)
{
  g_return_val_if_fail (index < self->legend->len, NULL);
  return &g_array_index (self->legend, ParcoursLegendItem, index);
}

static gboolean
rect_contains (const ParcoursRect *rect,
               double              x,
               double              y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/* The index of the stage whose column holds @x, or -1. */
static int
stage_at_x (ParcoursLayout *self,
            double          x)
{
  guint lo = 0, hi = self->stages->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const ParcoursRect *column = &g_array_index (self->stages, ParcoursStageBox, mid).column;

      if (x < column->x)
        hi = mid;
      else if (x >= column->x + column->width)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

/* The index of the lane whose row holds @y, or -1. */
static int
lane_at_y (ParcoursLayout *self,
           double          y)
{
  guint lo = 0, hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const ParcoursRect *row = &g_array_index (self->lanes, ParcoursLaneBox, mid).row;

      if (y < row->y)
        hi = mid;
      else if (y >= row->y + row->height)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

static ParcoursElement *
hit_test_point (ParcoursLayout *self,
                guint           lane,
                double          x,
                double          y)
{
  double r = self->style->emotion_face_radius + 2;
  guint lo = self->lane_first_point[lane], hi = self->lane_first_point[lane + 1];
  const ParcoursPointBox *top = NULL;
  guint top_index = 0;

  /* The first point of the lane at or right of x - r, then the few
   * whose faces can reach x. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->points, ParcoursPointBox, self->point_order[mid]).x < x - r)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Of overlapping faces, the one painted last is on top. */
  for (guint i = lo; i < self->lane_first_point[lane + 1]; i++)
    {
      const ParcoursPointBox *point = &g_array_index (self->points, ParcoursPointBox,
                                                      self->point_order[i]);

      if (point->x > x + r)
        break;
      if ((x - point->x) * (x - point->x) + (y - point->y) * (y - point->y) <= r * r &&
          (top == NULL || self->point_order[i] > top_index))
        {
          top = point;
          top_index = self->point_order[i];
        }
    }

  return top != NULL ? PARCOURS_ELEMENT (top->point) : NULL;
}

static ParcoursElement *
hit_test_card (ParcoursLayout *self,
               guint           lane,
               guint           stage,
               double          x,
               double          y)
{
  guint first, n;

  parcours_layout_get_cell_cards (self, lane, stage, &first, &n);

  /* Cards of a cell are stacked top to bottom. */
  while (n > 0)
    {
      guint half = n / 2;
      const ParcoursCardBox *card = &g_array_index (self->cards, ParcoursCardBox, first + half);

      if (y < card->rect.y)
        n = half;
      else if (y >= card->rect.y + card->rect.height)
        {
          first += half + 1;
          n -= half + 1;
        }
      else
        return rect_contains (&card->rect, x, y) ? PARCOURS_ELEMENT (card->card) : NULL;
    }

  return NULL;
}

/**
 * parcours_layout_hit_test:
 * @self: a #ParcoursLayout
 * @x: layout x
 * @y: layout y
 *
 * Finds what is at (@x, @y) by arithmetic on the layout: the lane and
 * stage by binary search, then the few cards of one cell or points of
 * one lane, so it costs the same on a map of 5 000 cards as on one of 5.
 *
 * Returns: (transfer none) (nullable): the topmost element at (@x, @y):
 *   an emotion point, a card, a stage or lane header, or a persona
 */
ParcoursElement *
parcours_layout_hit_test (ParcoursLayout *self,
                          double          x,
                          double          y)
{
  int lane, stage;

  g_return_val_if_fail (PARCOURS_IS_LAYOUT (self), NULL);

  lane = lane_at_y (self, y);
  stage = stage_at_x (self, x);

  if (lane >= 0)
    {
      const ParcoursLaneBox *box = &g_array_index (self->lanes, ParcoursLaneBox, lane);
      ParcoursElement *found;

      if (box->is_emotion && (found = hit_test_point (self, lane, x, y)) != NULL)
        return found;
      if (stage >= 0 && (found = hit_test_card (self, lane, stage, x, y)) != NULL)
        return found;
      if (rect_contains (&box->header, x, y))
        return PARCOURS_ELEMENT (box->lane);
    }

  if (stage >= 0)
    {
      const ParcoursStageBox *box = &g_array_index (self->stages, ParcoursStageBox, stage);

      if (rect_contains (&box->header, x, y))
        return PARCOURS_ELEMENT (box->stage);
    }

  for (guint i = 0; i < self->personas->len; i++)
    {
      const ParcoursPersonaBox *persona = &g_array_index (self->personas, ParcoursPersonaBox, i);
      if (rect_contains (&persona->rect, x, y))
        return PARCOURS_ELEMENT (persona->persona);
    }

  return NULL;
}

/**
 * parcours_layout_get_cell_at:
 * @self: a #ParcoursLayout
 * @x: layout x
 * @y: layout y
 * @lane_index: (out) (optional): the lane of the cell
 * @stage_index: (out) (optional): the stage of the cell
 *
 * Returns: whether (@x, @y) is inside a cell of the grid (not a header)
 */
gboolean
parcours_layout_get_cell_at (ParcoursLayout *self,
                             double          x,
                             double          y,
                             guint          *lane_index,
                             guint          *stage_index)
{
  int lane, stage;

  g_return_val_if_fail (PARCOURS_IS_LAYOUT (self), FALSE);

  lane = lane_at_y (self, y);
  stage = stage_at_x (self, x);
  if (lane < 0 || stage < 0)
    return FALSE;

  if (lane_index != NULL)
    *lane_index = lane;
  if (stage_index != NULL)
    *stage_index = stage;
  return TRUE;
}

/**
 * parcours_layout_get_cell_cards:
 * @self: a #ParcoursLayout
 * @first: (out): the index of the cell's first card
 * @n: (out): how many cards the cell shows, top to bottom
 */
void
parcours_layout_get_cell_cards (ParcoursLayout *self,
                                guint           lane_index,
                                guint           stage_index,
                                guint          *first,
                                guint          *n)
{
  guint cell;

  g_return_if_fail (PARCOURS_IS_LAYOUT (self));
  g_return_if_fail (first != NULL && n != NULL);

  *first = *n = 0;
  if (lane_index >= self->lanes->len || stage_index >= self->stages->len ||
      self->cell_first == NULL)
    return;

  cell = lane_index * self->stages->len + stage_index;
  *first = self->cell_first[cell];
  *n = self->cell_first[cell + 1] - self->cell_first[cell];
}

/**
 * parcours_layout_get_lane_points:
 * @self: a #ParcoursLayout
 * @lane_index: a lane
 * @n: (out): how many points the lane shows
 *
 * Returns: (transfer none) (array length=n): the indices of the lane's
 *   points (for parcours_layout_get_point()), left to right
 */
const guint *
parcours_layout_get_lane_points (ParcoursLayout *self,
                                 guint           lane_index,
                                 guint          *n)
{
  g_return_val_if_fail (PARCOURS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (n != NULL, NULL);

  *n = 0;
  if (lane_index >= self->lanes->len || self->lane_first_point == NULL)
    return NULL;

  *n = self->lane_first_point[lane_index + 1] - self->lane_first_point[lane_index];
  return self->point_order + self->lane_first_point[lane_index];
}

/**
 * parcours_layout_find:
 * @self: a #ParcoursLayout
 * @element: a stage, lane, card, emotion point or persona
 *
 * Returns: the index of @element's box (for parcours_layout_get_card()
 *   and the like), or -1 when the layout does not show it
 */
int
parcours_layout_find (ParcoursLayout  *self,
                      ParcoursElement *element)
{
  g_return_val_if_fail (PARCOURS_IS_LAYOUT (self), -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->element_index, element)) - 1;
}
