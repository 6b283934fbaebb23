/* parcours-canvas.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "parcours-canvas-private.h"
#include "parcours-painter.h"

/* The journey canvas: shows a map through the shared layout and display
 * list, and lets people shape it. The document is only ever changed
 * through the history (by the interaction state machine); the canvas
 * observes it and relays it out at most once a frame. View state lives in
 * the viewport and the selection. This file holds the object, scrolling
 * (GtkScrollable) and the relayout; drawing is in parcours-canvas-render.c,
 * pointer gestures in -gestures.c, keys in -keyboard.c, the text editor
 * in -editor.c. */

G_DEFINE_FINAL_TYPE_WITH_CODE (ParcoursCanvas, parcours_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_VIEWPORT,
  PROP_SELECTION,
  PROP_VOTING,
  PROP_SNAP_TO_LEVELS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

/**
 * parcours_canvas_get_default_theme:
 *
 * The theme a canvas shows its map in now: dark when the desktop's
 * style is. For a layout done before a canvas has the map; main thread.
 */
ParcoursTheme
parcours_canvas_get_default_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
           ? PARCOURS_THEME_DARK : PARCOURS_THEME_LIGHT;
}

static ParcoursTheme
current_theme (void)
{
  return parcours_canvas_get_default_theme ();
}

static void
set_style (ParcoursCanvas *self,
           ParcoursTheme   theme)
{
  if (self->style != NULL && self->style->theme == theme)
    return;

  g_clear_pointer (&self->style, parcours_style_unref);
  g_clear_object (&self->layout);
  self->style = parcours_style_new (theme);
  /* A canvas without a map has no layout: making one (its text
   * measurer, its fonts) would hold back a start, and the first map
   * may come laid out already (see adopt_layout()). */
  if (self->document != NULL)
    self->layout = parcours_layout_new (self->style);
  _parcours_canvas_clear_render (self);
  _parcours_canvas_queue_relayout (self);
}

static void
dark_changed_cb (ParcoursCanvas  *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  set_style (self, current_theme ());
}

/* The desktop's text scale ("Large Text") makes the map larger too. */
static void
update_text_scale (ParcoursCanvas *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  parcours_viewport_set_text_scale (self->viewport, dpi > 0 ? dpi / (96.0 * 1024) : 1.0);
}

#define ZOOM_ANIMATION_USEC 180000

/* One frame of an animated zoom, easing out. Returns whether it goes on. */
static gboolean
animate_zoom (ParcoursCanvas *self,
              gint64          now)
{
  double t, eased;

  if (!self->zoom_animating)
    return FALSE;

  t = MIN ((double) (now - self->zoom_start) / ZOOM_ANIMATION_USEC, 1.0);
  eased = 1 - pow (1 - t, 3);
  parcours_viewport_set_zoom (self->viewport, self->zoom_from + (self->zoom_to - self->zoom_from) * eased);
  self->zoom_animating = t < 1.0;

  return self->zoom_animating;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  gboolean more;

  if (self->layout_dirty)
    {
      _parcours_canvas_ensure_layout (self);
      gtk_widget_queue_draw (widget);
    }

  more = animate_zoom (self, gdk_frame_clock_get_frame_time (frame_clock));
  more = _parcours_canvas_animate_frame (self, gdk_frame_clock_get_frame_time (frame_clock)) || more;
  if (_parcours_canvas_autoscroll (self) || more)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
ensure_tick (ParcoursCanvas *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

void
_parcours_canvas_ensure_tick (ParcoursCanvas *self)
{
  ensure_tick (self);
}

/* Model signals only mark the layout dirty; it is computed once, on the
 * next frame, however many changes came before it. */
static void
queue_layout (ParcoursCanvas *self)
{
  self->layout_dirty = TRUE;
  ensure_tick (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_parcours_canvas_queue_relayout (ParcoursCanvas *self)
{
  self->relayout_all = TRUE;
  queue_layout (self);
}

static void update_description (ParcoursCanvas *self);
static void layout_done (ParcoursCanvas *self);

/* After an edit of the text of a few cards, only their cells and rows are
 * laid out again; when no row moved, only they are painted again.
 * Returns whether the display list is up to date. */
static gboolean
update_edited_cards (ParcoursCanvas *self)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  if (parcours_layout_update_cards (self->layout, self->edited_cards, changed))
    return FALSE;

  return _parcours_canvas_repaint_cards (self, changed);
}

void
_parcours_canvas_ensure_layout (ParcoursCanvas *self)
{
  g_autoptr(ParcoursDisplayList) previous = NULL;
  gboolean repainted = FALSE;

  if (!self->layout_dirty || self->document == NULL)
    return;

  self->layout_dirty = FALSE;
  if (!self->relayout_all && self->list != NULL && self->edited_cards->len > 0 &&
      parcours_layout_get_document (self->layout) == self->document)
    repainted = update_edited_cards (self);
  else
    parcours_layout_update (self->layout, self->document);
  self->relayout_all = FALSE;
  g_ptr_array_set_size (self->edited_cards, 0);

  /* The previous list lives until the runs are compared with it: see
   * hash_primitive(). */
  if (!repainted)
    {
      previous = g_steal_pointer (&self->list);
      self->list = parcours_painter_paint_by_element (self->layout);
      _parcours_canvas_rebuild_runs (self);
    }

  layout_done (self);
}

/* What follows a new layout, however it was made. */
static void
layout_done (ParcoursCanvas *self)
{
  parcours_interaction_set_layout (self->interaction, self->layout);
  parcours_selection_prune (self->selection, self->document);
  parcours_viewport_set_content_size (self->viewport,
                                      parcours_layout_get_width (self->layout),
                                      parcours_layout_get_height (self->layout));
  _parcours_canvas_configure_adjustments (self);
  parcours_presentation_set_n_stages (self->presentation, parcours_layout_get_n_stages (self->layout));
  /* The focused card may have moved or been renamed. */
  update_description (self);

  if (self->editor != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* A card's text, details, KPI or colour change only its box: the next
 * layout does its cell and rows again, not the map. */
static gboolean
changes_only_card_box (ParcoursElement *element,
                       GParamSpec      *pspec)
{
  static const char * const names[] = { "text", "details", "kpi", "color" };

  if (!PARCOURS_IS_CARD (element))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (pspec->name, names[i]))
      return TRUE;

  return FALSE;
}

static void
document_element_changed_cb (ParcoursCanvas   *self,
                             ParcoursElement  *element,
                             GParamSpec       *pspec,
                             ParcoursDocument *document)
{
  self->element_changing = TRUE;
  if (!changes_only_card_box (element, pspec))
    self->relayout_all = TRUE;
  else if (!self->relayout_all && !g_ptr_array_find (self->edited_cards, element, NULL))
    g_ptr_array_add (self->edited_cards, g_object_ref (element));
}

/* Any other change lays out the whole map again. */
static void
document_changed_cb (ParcoursCanvas   *self,
                     ParcoursDocument *document)
{
  if (!self->element_changing)
    self->relayout_all = TRUE;
  self->element_changing = FALSE;
  queue_layout (self);
}

/* A point's level in words and its value, as a tooltip says it. */
char *
_parcours_canvas_describe_level (ParcoursEmotionPoint *point)
{
  /* Translators: an emotion level and its value, e.g. "Positive · +0.62" */
  return g_strdup_printf (_("%s · %+.2f"), parcours_emotion_level_get_label (parcours_emotion_point_get_level (point)),
                          parcours_emotion_point_get_value (point));
}

/* What a screen reader says of the keyboard focus. */
static char *
describe_focus (ParcoursCanvas *self)
{
  ParcoursElement *focus = parcours_selection_get_focus (self->selection);

  if (PARCOURS_IS_CARD (focus))
    {
      ParcoursCard *card = PARCOURS_CARD (focus);
      ParcoursStage *stage = parcours_document_lookup_stage (self->document, parcours_card_get_stage_id (card));
      ParcoursLane *lane = parcours_document_lookup_lane (self->document, parcours_card_get_lane_id (card));

      guint votes = parcours_card_get_votes (card);
      g_autofree char *where = NULL;

      /* Translators: a card's text, then the stage and the lane it is in */
      where = g_strdup_printf (_("Card “%s”, %s, %s"), parcours_card_get_text (card),
                               stage ? parcours_stage_get_name (stage) : "",
                               lane ? parcours_lane_get_name (lane) : "");
      if (votes == 0)
        return g_steal_pointer (&where);

      /* Translators: a card's description, then its dot votes */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u vote", "%s, %u votes", votes),
                              where, votes);
    }
  if (PARCOURS_IS_EMOTION_POINT (focus))
    {
      ParcoursEmotionPoint *point = PARCOURS_EMOTION_POINT (focus);
      ParcoursStage *stage = parcours_document_lookup_stage (self->document, parcours_emotion_point_get_stage_id (point));

      g_autofree char *level = _parcours_canvas_describe_level (point);

      /* Translators: an emotion point's level and value, then its stage */
      return g_strdup_printf (_("Emotion point, %s, %s"), level, stage ? parcours_stage_get_name (stage) : "");
    }
  if (PARCOURS_IS_STAGE (focus))
    return g_strdup_printf (_("Stage “%s”"), parcours_stage_get_name (PARCOURS_STAGE (focus)));
  if (PARCOURS_IS_LANE (focus))
    return g_strdup_printf (_("Lane “%s”"), parcours_lane_get_name (PARCOURS_LANE (focus)));

  return NULL;
}

static void
update_description (ParcoursCanvas *self)
{
  g_autofree char *description = describe_focus (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
selection_changed_cb (ParcoursCanvas    *self,
                      ParcoursSelection *selection)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
interaction_changed_cb (ParcoursCanvas      *self,
                        ParcoursInteraction *interaction)
{
  ensure_tick (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
edit_requested_cb (ParcoursCanvas      *self,
                   ParcoursElement     *element,
                   ParcoursInteraction *interaction)
{
  _parcours_canvas_begin_editor (self, element);
}

/* GtkScrollable: the adjustments count widget pixels of the zoomed map;
 * the viewport is the truth, they follow it. */
void
_parcours_canvas_configure_adjustments (ParcoursCanvas *self)
{
  double scale = parcours_viewport_get_scale (self->viewport);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_w = parcours_viewport_get_content_width (self->viewport) * scale;
  double content_h = parcours_viewport_get_content_height (self->viewport) * scale;

  self->configuring_adjustments = TRUE;
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              MAX (parcours_viewport_get_x (self->viewport) * scale, 0),
                              0, MAX (content_w, width), width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              MAX (parcours_viewport_get_y (self->viewport) * scale, 0),
                              0, MAX (content_h, height), height * 0.1, height * 0.9, height);
  self->configuring_adjustments = FALSE;
}

static void
adjustment_value_changed_cb (ParcoursCanvas *self,
                             GtkAdjustment  *adjustment)
{
  double scale = parcours_viewport_get_scale (self->viewport);
  double x = parcours_viewport_get_x (self->viewport);
  double y = parcours_viewport_get_y (self->viewport);

  if (self->configuring_adjustments)
    return;

  if (adjustment == self->hadjustment)
    x = gtk_adjustment_get_value (adjustment) / scale;
  else
    y = gtk_adjustment_get_value (adjustment) / scale;

  parcours_viewport_set_origin (self->viewport, x, y);
}

static gboolean
zoom_settled_cb (gpointer user_data)
{
  ParcoursCanvas *self = user_data;

  self->zoom_settle_id = 0;
  self->zooming = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
viewport_changed_cb (ParcoursCanvas   *self,
                     GParamSpec       *pspec,
                     ParcoursViewport *viewport)
{
  if (pspec != NULL && g_str_equal (pspec->name, "zoom") && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->zooming = TRUE;
      g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
      self->zoom_settle_id = g_timeout_add (200, zoom_settled_cb, self);
    }

  _parcours_canvas_configure_adjustments (self);
  if (self->editor != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (ParcoursCanvas  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_clear_object (slot);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  _parcours_canvas_configure_adjustments (self);
}

static void
parcours_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
parcours_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);

  _parcours_canvas_ensure_layout (self);
  parcours_viewport_set_view_size (self->viewport, width, height);
  _parcours_canvas_reframe (self, FALSE);
  _parcours_canvas_configure_adjustments (self);
  _parcours_canvas_allocate_editor (self);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
parcours_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);

  _parcours_canvas_ensure_layout (self);
  /* Presenting, the map shows without the view's marks. */
  _parcours_canvas_snapshot_map (self, snapshot, !parcours_presentation_get_active (self->presentation));

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
parcours_canvas_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (parcours_canvas_parent_class)->root (widget);

  update_text_scale (PARCOURS_CANVAS (widget));
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (update_text_scale), widget, G_CONNECT_SWAPPED);
}

static void
parcours_canvas_dispose (GObject *object)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (object);

  if (self->editor != NULL)
    _parcours_canvas_end_editor (self, FALSE);
  _parcours_canvas_dispose_menu (self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->zoom_settle_id, g_source_remove);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  g_signal_group_set_target (self->document_signals, NULL);
  _parcours_canvas_clear_render (self);
  g_clear_object (&self->interaction);
  g_clear_object (&self->history);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (parcours_canvas_parent_class)->dispose (object);
}

static void
parcours_canvas_finalize (GObject *object)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (object);

  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->edited_cards, g_ptr_array_unref);
  g_clear_pointer (&self->list, parcours_display_list_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->element_runs, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->lifted, g_ptr_array_unref);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->style, parcours_style_unref);
  g_clear_object (&self->viewport);
  g_clear_object (&self->selection);
  g_clear_object (&self->presentation);
  g_clear_object (&self->editor_css);

  G_OBJECT_CLASS (parcours_canvas_parent_class)->finalize (object);
}

static void
parcours_canvas_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_VOTING:
      g_value_set_boolean (value, self->voting);
      break;

    case PROP_SNAP_TO_LEVELS:
      g_value_set_boolean (value, self->snap_to_levels);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_canvas_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      parcours_canvas_set_history (self, g_value_get_object (value));
      break;

    case PROP_VOTING:
      parcours_canvas_set_voting (self, g_value_get_boolean (value));
      break;

    case PROP_SNAP_TO_LEVELS:
      parcours_canvas_set_snap_to_levels (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_canvas_class_init (ParcoursCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_canvas_dispose;
  object_class->finalize = parcours_canvas_finalize;
  object_class->get_property = parcours_canvas_get_property;
  object_class->set_property = parcours_canvas_set_property;

  widget_class->measure = parcours_canvas_measure;
  widget_class->size_allocate = parcours_canvas_size_allocate;
  widget_class->snapshot = parcours_canvas_snapshot;
  widget_class->root = parcours_canvas_root;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         PARCOURS_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL,
                         PARCOURS_TYPE_VIEWPORT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         PARCOURS_TYPE_SELECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursCanvas:voting:
   *
   * Whether a dot-voting round is on: a click on a card gives it a vote
   * (right-click or Shift+click takes one back), Space votes for the
   * focused card, and nothing is dragged or edited.
   */
  properties[PROP_VOTING] =
    g_param_spec_boolean ("voting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether a dragged or added emotion point lands on one of the five
   * levels, and Shift gives a value in between (else the other way). */
  properties[PROP_SNAP_TO_LEVELS] =
    g_param_spec_boolean ("snap-to-levels", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  _parcours_canvas_class_init_keyboard (widget_class);
  _parcours_canvas_class_init_menu (widget_class);
  _parcours_canvas_class_init_clipboard (widget_class);
}

static void
parcours_canvas_init (ParcoursCanvas *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);

  _parcours_canvas_init_render (self);
  self->viewport = parcours_viewport_new ();
  self->selection = parcours_selection_new ();
  _parcours_canvas_init_present (self);
  self->document_signals = g_signal_group_new (PARCOURS_TYPE_DOCUMENT);
  self->edited_cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_group_connect_object (self->document_signals, "element-changed",
                                 G_CALLBACK (document_element_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);

  set_style (self, current_theme ());
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  _parcours_canvas_init_gestures (self);
  _parcours_canvas_init_menu (self);
  _parcours_canvas_init_drop (self);
  _parcours_canvas_init_touch (self);
  _parcours_canvas_init_voting (self);
}

GtkWidget *
parcours_canvas_new (void)
{
  return g_object_new (PARCOURS_TYPE_CANVAS, NULL);
}

ParcoursHistory *
parcours_canvas_get_history (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  return self->history;
}

/* @layout, of the document of the history just set, made elsewhere
 * with @list its display list, replaces the canvas's own layout if it
 * is what the canvas would have made: the same document, untouched
 * since, in the canvas's theme. Returns whether it did. */
static gboolean
adopt_layout (ParcoursCanvas      *self,
              ParcoursLayout      *layout,
              ParcoursDisplayList *list)
{
  if (layout == NULL || list == NULL ||
      parcours_layout_get_document (layout) != self->document ||
      parcours_layout_get_style (layout)->theme != self->style->theme)
    return FALSE;

  g_set_object (&self->layout, layout);
  g_clear_pointer (&self->list, parcours_display_list_unref);
  self->list = parcours_display_list_ref (list);
  _parcours_canvas_rebuild_runs (self);
  self->layout_dirty = FALSE;
  self->relayout_all = FALSE;
  g_ptr_array_set_size (self->edited_cards, 0);
  layout_done (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/**
 * parcours_canvas_set_history:
 * @history: (nullable): the history of the document to show
 *
 * Shows the history's document; every change the canvas makes goes
 * through @history. The view starts at the top-left corner, at 100 %.
 */
void
parcours_canvas_set_history (ParcoursCanvas  *self,
                             ParcoursHistory *history)
{
  parcours_canvas_set_history_laid_out (self, history, NULL, NULL);
}

/**
 * parcours_canvas_set_history_laid_out:
 * @layout: (nullable): the history's document laid out already, such as
 *   in the thread that read it, with a style of
 *   parcours_canvas_get_default_theme(); %NULL to lay it out here
 * @list: (nullable): parcours_painter_paint_by_element() of @layout
 *
 * As parcours_canvas_set_history(), without laying the map out again on
 * the main thread when @layout is what the canvas would make.
 */
void
parcours_canvas_set_history_laid_out (ParcoursCanvas      *self,
                                      ParcoursHistory     *history,
                                      ParcoursLayout      *layout,
                                      ParcoursDisplayList *list)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));
  g_return_if_fail (!history || PARCOURS_IS_HISTORY (history));
  g_return_if_fail (!layout || PARCOURS_IS_LAYOUT (layout));

  if (self->history == history)
    return;

  if (self->editor != NULL)
    _parcours_canvas_end_editor (self, FALSE);
  /* Another map is not presented on the way. */
  parcours_presentation_set_active (self->presentation, FALSE);
  if (self->interaction != NULL)
    {
      parcours_interaction_cancel (self->interaction);
      g_signal_handlers_disconnect_by_data (self->interaction, self);
    }
  g_clear_object (&self->interaction);

  g_set_object (&self->history, history);
  g_clear_object (&self->document);
  if (history != NULL)
    self->document = g_object_ref (parcours_history_get_document (history));
  g_signal_group_set_target (self->document_signals, self->document);

  parcours_selection_clear (self->selection);
  parcours_selection_set_focus (self->selection, NULL);
  parcours_selection_set_hover (self->selection, NULL);
  _parcours_canvas_clear_render (self);

  if (history != NULL)
    {
      self->interaction = parcours_interaction_new (history, self->selection);
      parcours_interaction_set_snap_to_levels (self->interaction, self->snap_to_levels);
      g_signal_connect_object (self->interaction, "changed", G_CALLBACK (interaction_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->interaction, "edit-requested", G_CALLBACK (edit_requested_cb),
                               self, G_CONNECT_SWAPPED);
      if (!adopt_layout (self, layout, list))
        {
          if (self->layout == NULL)
            self->layout = parcours_layout_new (self->style);
          _parcours_canvas_queue_relayout (self);
          _parcours_canvas_ensure_layout (self);
        }
    }

  parcours_viewport_set_zoom (self->viewport, 1.0);
  parcours_viewport_set_origin (self->viewport, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

gboolean
parcours_canvas_get_snap_to_levels (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), FALSE);

  return self->snap_to_levels;
}

void
parcours_canvas_set_snap_to_levels (ParcoursCanvas *self,
                                    gboolean        snap_to_levels)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  snap_to_levels = !!snap_to_levels;
  if (self->snap_to_levels == snap_to_levels)
    return;

  self->snap_to_levels = snap_to_levels;
  if (self->interaction != NULL)
    parcours_interaction_set_snap_to_levels (self->interaction, snap_to_levels);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_LEVELS]);
}

ParcoursViewport *
parcours_canvas_get_viewport (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  return self->viewport;
}

ParcoursSelection *
parcours_canvas_get_selection (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  return self->selection;
}

/**
 * parcours_canvas_get_interaction:
 *
 * Returns: (transfer none) (nullable): the state machine behind the
 *   gestures, %NULL without a history
 */
ParcoursInteraction *
parcours_canvas_get_interaction (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  return self->interaction;
}

/**
 * parcours_canvas_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout of what the canvas
 *   shows, up to date; %NULL before it shows a map
 */
ParcoursLayout *
parcours_canvas_get_layout (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  _parcours_canvas_ensure_layout (self);
  return self->layout;
}

void
parcours_canvas_widget_to_layout (ParcoursCanvas *self,
                                  double          widget_x,
                                  double          widget_y,
                                  double         *layout_x,
                                  double         *layout_y)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  parcours_viewport_to_layout (self->viewport, widget_x, widget_y, layout_x, layout_y);
}

void
parcours_canvas_layout_to_widget (ParcoursCanvas *self,
                                  double          layout_x,
                                  double          layout_y,
                                  double         *widget_x,
                                  double         *widget_y)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  parcours_viewport_to_widget (self->viewport, layout_x, layout_y, widget_x, widget_y);
}

/**
 * parcours_canvas_zoom_to:
 * @zoom: the zoom to reach, around the centre of the view
 *
 * Zooms smoothly, as the keyboard and the menu do; without a display
 * (or before the canvas is shown) at once.
 */
void
parcours_canvas_zoom_to (ParcoursCanvas *self,
                         double          zoom)
{
  GdkFrameClock *clock;

  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  zoom = CLAMP (zoom, PARCOURS_VIEWPORT_MIN_ZOOM, PARCOURS_VIEWPORT_MAX_ZOOM);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      parcours_viewport_set_zoom (self->viewport, zoom);
      return;
    }

  self->zoom_from = parcours_viewport_get_zoom (self->viewport);
  self->zoom_to = zoom;
  self->zoom_start = gdk_frame_clock_get_frame_time (clock);
  self->zoom_animating = TRUE;
  ensure_tick (self);
}

/* Zooms smoothly by @factor, from where an animation under way goes. */
void
parcours_canvas_zoom_by (ParcoursCanvas *self,
                         double          factor)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  parcours_canvas_zoom_to (self, (self->zoom_animating ? self->zoom_to
                                  : parcours_viewport_get_zoom (self->viewport)) * factor);
}

/* Scrolls so that @element is in view. */
void
parcours_canvas_reveal (ParcoursCanvas  *self,
                        ParcoursElement *element)
{
  int index;
  ParcoursRect r = { 0 };

  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  _parcours_canvas_ensure_layout (self);
  if (element == NULL || (index = parcours_layout_find (self->layout, element)) < 0)
    return;

  if (PARCOURS_IS_CARD (element))
    r = parcours_layout_get_card (self->layout, index)->rect;
  else if (PARCOURS_IS_EMOTION_POINT (element))
    {
      const ParcoursPointBox *box = parcours_layout_get_point (self->layout, index);
      double radius = self->style->emotion_face_radius;

      r = (ParcoursRect) { box->x - radius, box->y - radius, 2 * radius, 2 * radius };
    }
  else if (PARCOURS_IS_STAGE (element))
    r = parcours_layout_get_stage (self->layout, index)->header;
  else if (PARCOURS_IS_LANE (element))
    r = parcours_layout_get_lane (self->layout, index)->header;
  else
    return;

  parcours_viewport_reveal (self->viewport, r.x, r.y, r.width, r.height);
}

/* Elements the undone or redone step touched, to select afterwards. */
typedef struct
{
  GPtrArray *touched;
} Replay;

static void
replay_element_changed_cb (ParcoursDocument *document,
                           ParcoursElement  *element,
                           GParamSpec       *pspec,
                           Replay           *replay)
{
  if ((PARCOURS_IS_CARD (element) || PARCOURS_IS_EMOTION_POINT (element)) &&
      !g_ptr_array_find (replay->touched, element, NULL))
    g_ptr_array_add (replay->touched, g_object_ref (element));
}

static void
replay_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Replay     *replay)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ParcoursElement) element = g_list_model_get_item (model, i);

      if (!g_ptr_array_find (replay->touched, element, NULL))
        g_ptr_array_add (replay->touched, g_object_ref (element));
    }
}

/* Undo and redo move the focus and selection to what they changed, so
 * the user sees what came back. */
static void
replay (ParcoursCanvas *self,
        gboolean        redo)
{
  Replay data = { g_ptr_array_new_with_free_func (g_object_unref) };
  GListModel *cards = parcours_document_get_cards (self->document);
  GListModel *points = parcours_document_get_emotion_points (self->document);
  gulong handlers[3];

  parcours_canvas_commit_edit (self);
  parcours_interaction_cancel (self->interaction);

  handlers[0] = g_signal_connect (self->document, "element-changed", G_CALLBACK (replay_element_changed_cb), &data);
  handlers[1] = g_signal_connect (cards, "items-changed", G_CALLBACK (replay_items_changed_cb), &data);
  handlers[2] = g_signal_connect (points, "items-changed", G_CALLBACK (replay_items_changed_cb), &data);
  if (redo)
    parcours_history_redo (self->history);
  else
    parcours_history_undo (self->history);
  g_signal_handler_disconnect (self->document, handlers[0]);
  g_signal_handler_disconnect (cards, handlers[1]);
  g_signal_handler_disconnect (points, handlers[2]);

  parcours_selection_prune (self->selection, self->document);
  for (guint i = data.touched->len; i > 0; i--)
    if (parcours_document_lookup (self->document,
                                  parcours_element_get_id (g_ptr_array_index (data.touched, i - 1))) == NULL)
      g_ptr_array_remove_index (data.touched, i - 1);

  if (data.touched->len > 0)
    {
      parcours_selection_select_all (self->selection, data.touched, PARCOURS_SELECT_REPLACE);
      parcours_selection_set_focus (self->selection, g_ptr_array_index (data.touched, 0));
      parcours_canvas_reveal (self, g_ptr_array_index (data.touched, 0));
    }

  g_ptr_array_unref (data.touched);
}

void
parcours_canvas_undo (ParcoursCanvas *self)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  if (self->history != NULL)
    replay (self, FALSE);
}

void
parcours_canvas_redo (ParcoursCanvas *self)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  if (self->history != NULL)
    replay (self, TRUE);
}

/* Opens the in-place editor on a card, stage or lane. */
void
parcours_canvas_edit (ParcoursCanvas  *self,
                      ParcoursElement *element)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  if (self->interaction != NULL && parcours_interaction_begin_edit (self->interaction, element))
    _parcours_canvas_begin_editor (self, element);
}

/* Ends any edit in place, keeping what was typed: before a save, an
 * undo, or closing. */
void
parcours_canvas_commit_edit (ParcoursCanvas *self)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  if (self->editor != NULL)
    _parcours_canvas_end_editor (self, FALSE);
}

gboolean
parcours_canvas_get_voting (ParcoursCanvas *self)
{
  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), FALSE);

  return self->voting;
}

/**
 * parcours_canvas_set_voting:
 * @self: a #ParcoursCanvas
 * @voting: whether a voting round is on
 *
 * Starts or ends a dot-voting round. Starting one ends the text edit and
 * the gesture in progress.
 */
void
parcours_canvas_set_voting (ParcoursCanvas *self,
                            gboolean        voting)
{
  g_return_if_fail (PARCOURS_IS_CANVAS (self));

  voting = !!voting;
  if (self->voting == voting)
    return;

  if (voting)
    {
      parcours_canvas_commit_edit (self);
      if (self->interaction != NULL)
        parcours_interaction_cancel (self->interaction);
      self->pointer_pressed = FALSE;
    }

  self->voting = voting;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTING]);
}
