/* parcours-map-summary.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-color.h"
#include "parcours-map-summary.h"
#include "parcours-ui-private.h"

/* A read-only overview of a map: what it is, how big it is, and its
 * stages, lanes and personas in order. It rebuilds itself (once per main
 * loop iteration at most) whenever the document changes, so undo and
 * redo show at once. */
struct _ParcoursMapSummary
{
  AdwBin            parent_instance;

  ParcoursDocument *document;
  guint             refresh_source;

  /* Template widgets */
  GtkLabel         *kind_label;
  GtkLabel         *title_label;
  GtkLabel         *description_label;
  GtkBox           *counts_box;
  GtkListBox       *stages_list;
  GtkListBox       *lanes_list;
  GtkWidget        *personas_group;
  GtkListBox       *personas_list;

  /* One tile per collection, built in init */
  GtkLabel         *count_labels[PARCOURS_N_COLLECTIONS];
  GtkLabel         *caption_labels[PARCOURS_N_COLLECTIONS];
};

#define RESOURCE_PATH "/io/github/parcours/Parcours/"

G_DEFINE_FINAL_TYPE (ParcoursMapSummary, parcours_map_summary, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tiles read in this order, the order of the map from top to bottom
 * and of the --check line. */
static const ParcoursCollection tile_order[] = {
  PARCOURS_COLLECTION_STAGES,
  PARCOURS_COLLECTION_LANES,
  PARCOURS_COLLECTION_CARDS,
  PARCOURS_COLLECTION_PERSONAS,
  PARCOURS_COLLECTION_EMOTION_POINTS,
};

static const char *
collection_caption (ParcoursCollection collection,
                    guint              n_items)
{
  switch (collection)
    {
    case PARCOURS_COLLECTION_PERSONAS:
      return ngettext ("Persona", "Personas", n_items);
    case PARCOURS_COLLECTION_STAGES:
      return ngettext ("Stage", "Stages", n_items);
    case PARCOURS_COLLECTION_LANES:
      return ngettext ("Lane", "Lanes", n_items);
    case PARCOURS_COLLECTION_CARDS:
      return ngettext ("Card", "Cards", n_items);
    case PARCOURS_COLLECTION_EMOTION_POINTS:
      return ngettext ("Emotion Point", "Emotion Points", n_items);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
swatch_draw_func (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  const char *color = user_data;
  double red, green, blue;
  double radius = MIN (width, height) / 2.0;

  if (!parcours_color_parse (color, &red, &green, &blue))
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
create_swatch (const char *color)
{
  GtkWidget *swatch;

  if (!parcours_color_is_valid (color))
    return NULL;

  swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch),
                                  swatch_draw_func,
                                  g_strdup (color),
                                  g_free);

  return swatch;
}

static GtkWidget *
create_row (const char *title,
            const char *untitled,
            const char *subtitle,
            const char *color,
            const char *suffix)
{
  GtkWidget *row;
  GtkWidget *swatch;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (title != NULL && title[0] != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), untitled);
      gtk_widget_add_css_class (row, "dim-label");
    }

  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if ((swatch = create_swatch (color)))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);

  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static char *
format_n_cards (guint n_cards)
{
  return g_strdup_printf (ngettext ("%u card", "%u cards", n_cards), n_cards);
}

static void
list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
count_by_id (GHashTable *counts,
             const char *id)
{
  if (id == NULL)
    return;

  g_hash_table_insert (counts,
                       (gpointer) id,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
}

static guint
get_count (GHashTable *counts,
           const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
}

/* A lane named after its kind needs no subtitle saying the kind again. */
static gboolean
labels_equal (const char *a,
              const char *b)
{
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  folded_a = g_utf8_casefold (a, -1);
  folded_b = g_utf8_casefold (b, -1);

  return g_strcmp0 (folded_a, folded_b) == 0;
}

static void
parcours_map_summary_refresh_header (ParcoursMapSummary *self)
{
  const char *title = parcours_document_get_title (self->document);
  const char *description = parcours_document_get_description (self->document);
  ParcoursMapKind kind = parcours_document_get_kind (self->document);

  gtk_label_set_label (self->kind_label, parcours_map_kind_get_label (kind));
  gtk_label_set_label (self->title_label,
                       title != NULL && title[0] != '\0' ? title : _("Untitled Journey"));
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (tile_order); i++)
    {
      GListModel *model = parcours_document_get_collection (self->document, tile_order[i]);
      guint n_items = g_list_model_get_n_items (model);
      g_autofree char *count = g_strdup_printf ("%u", n_items);

      gtk_label_set_label (self->count_labels[i], count);
      gtk_label_set_label (self->caption_labels[i], collection_caption (tile_order[i], n_items));
    }
}

static void
parcours_map_summary_refresh_lists (ParcoursMapSummary *self)
{
  g_autoptr(GHashTable) cards_by_stage = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cards_by_lane = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) points_by_lane = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *cards = parcours_document_get_cards (self->document);
  GListModel *points = parcours_document_get_emotion_points (self->document);
  GListModel *stages = parcours_document_get_stages (self->document);
  GListModel *lanes = parcours_document_get_lanes (self->document);
  GListModel *personas = parcours_document_get_personas (self->document);
  guint n_items;

  n_items = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

      count_by_id (cards_by_stage, parcours_card_get_stage_id (card));
      count_by_id (cards_by_lane, parcours_card_get_lane_id (card));
    }

  n_items = g_list_model_get_n_items (points);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, i);

      count_by_id (points_by_lane, parcours_emotion_point_get_lane_id (point));
    }

  list_box_remove_all (self->stages_list);
  n_items = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);
      const char *id = parcours_element_get_id (PARCOURS_ELEMENT (stage));
      g_autofree char *suffix = format_n_cards (get_count (cards_by_stage, id));

      gtk_list_box_append (self->stages_list,
                           create_row (parcours_stage_get_name (stage),
                                       _("Unnamed stage"),
                                       parcours_stage_get_description (stage),
                                       parcours_stage_get_color (stage),
                                       suffix));
    }

  list_box_remove_all (self->lanes_list);
  n_items = g_list_model_get_n_items (lanes);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);
      const char *id = parcours_element_get_id (PARCOURS_ELEMENT (lane));
      ParcoursLaneKind kind = parcours_lane_get_kind (lane);
      const char *persona_id = parcours_lane_get_persona_id (lane);
      ParcoursPersona *persona = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *suffix = NULL;
      guint n_points = get_count (points_by_lane, id);

      if (persona_id != NULL)
        persona = parcours_document_lookup_persona (self->document, persona_id);

      if (persona != NULL)
        {
          /* Translators: a lane's kind and the persona it follows, as in
           * “Touchpoints · Ana” */
          subtitle = g_strdup_printf (_("%s · %s"),
                                      parcours_lane_kind_get_label (kind),
                                      parcours_persona_get_name (persona));
        }
      else if (!labels_equal (parcours_lane_get_name (lane), parcours_lane_kind_get_label (kind)))
        {
          subtitle = g_strdup (parcours_lane_kind_get_label (kind));
        }

      if (kind == PARCOURS_LANE_KIND_EMOTIONS || n_points > 0)
        suffix = g_strdup_printf (ngettext ("%u emotion point", "%u emotion points", n_points),
                                  n_points);
      else
        suffix = format_n_cards (get_count (cards_by_lane, id));

      gtk_list_box_append (self->lanes_list,
                           create_row (parcours_lane_get_name (lane),
                                       _("Unnamed lane"),
                                       subtitle,
                                       NULL,
                                       suffix));
    }

  list_box_remove_all (self->personas_list);
  n_items = g_list_model_get_n_items (personas);
  gtk_widget_set_visible (self->personas_group, n_items > 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ParcoursPersona) persona = g_list_model_get_item (personas, i);

      gtk_list_box_append (self->personas_list,
                           create_row (parcours_persona_get_name (persona),
                                       _("Unnamed persona"),
                                       parcours_persona_get_role (persona),
                                       parcours_persona_get_color (persona),
                                       NULL));
    }
}

static void
parcours_map_summary_refresh (ParcoursMapSummary *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->document == NULL)
    return;

  parcours_map_summary_refresh_header (self);
  parcours_map_summary_refresh_lists (self);
}

static gboolean
parcours_map_summary_refresh_idle_cb (gpointer user_data)
{
  ParcoursMapSummary *self = user_data;

  self->refresh_source = 0;
  parcours_map_summary_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (ParcoursMapSummary *self,
                     ParcoursDocument   *document)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE,
                                            parcours_map_summary_refresh_idle_cb,
                                            self,
                                            NULL);
}

static void
parcours_map_summary_add_tile (ParcoursMapSummary *self,
                               guint               index)
{
  GtkWidget *tile;
  GtkWidget *count;
  GtkWidget *caption;

  tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (tile, "card");

  count = gtk_label_new ("0");
  gtk_widget_set_margin_top (count, 12);
  gtk_widget_add_css_class (count, "title-2");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (tile), count);

  caption = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (caption, 12);
  gtk_widget_set_margin_start (caption, 6);
  gtk_widget_set_margin_end (caption, 6);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (tile), caption);

  gtk_box_append (self->counts_box, tile);

  self->count_labels[index] = GTK_LABEL (count);
  self->caption_labels[index] = GTK_LABEL (caption);
}

static void
parcours_map_summary_dispose (GObject *object)
{
  ParcoursMapSummary *self = PARCOURS_MAP_SUMMARY (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document,
                                          G_CALLBACK (document_changed_cb),
                                          self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (parcours_map_summary_parent_class)->dispose (object);
}

static void
parcours_map_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParcoursMapSummary *self = PARCOURS_MAP_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, parcours_map_summary_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_map_summary_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ParcoursMapSummary *self = PARCOURS_MAP_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      parcours_map_summary_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_map_summary_class_init (ParcoursMapSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_map_summary_dispose;
  object_class->get_property = parcours_map_summary_get_property;
  object_class->set_property = parcours_map_summary_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PARCOURS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  _parcours_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "parcours-map-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, title_label);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, description_label);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, counts_box);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, stages_list);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, lanes_list);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, personas_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursMapSummary, personas_list);
}

static void
parcours_map_summary_init (ParcoursMapSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (tile_order); i++)
    parcours_map_summary_add_tile (self, i);
}

GtkWidget *
parcours_map_summary_new (void)
{
  return g_object_new (PARCOURS_TYPE_MAP_SUMMARY, NULL);
}

ParcoursDocument *
parcours_map_summary_get_document (ParcoursMapSummary *self)
{
  g_return_val_if_fail (PARCOURS_IS_MAP_SUMMARY (self), NULL);

  return self->document;
}

void
parcours_map_summary_set_document (ParcoursMapSummary *self,
                                   ParcoursDocument   *document)
{
  g_return_if_fail (PARCOURS_IS_MAP_SUMMARY (self));
  g_return_if_fail (!document || PARCOURS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document,
                                          G_CALLBACK (document_changed_cb),
                                          self);

  g_set_object (&self->document, document);

  if (self->document != NULL)
    g_signal_connect_object (self->document,
                             "changed",
                             G_CALLBACK (document_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  parcours_map_summary_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
