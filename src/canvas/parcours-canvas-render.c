/* parcours-canvas-render.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "parcours-canvas-private.h"
#include "parcours-gsk-renderer.h"

/* Drawing the canvas. The display list is painted element by element;
 * each element's primitives (and each background primitive) form a run
 * whose render node is recorded once, relative to the run's corner, and
 * kept while the run paints the same: a relayout after one edit records
 * only what changed, moving a card re-uses its node, and a frame only
 * assembles the cached nodes of what is on screen. While a card is
 * dragged, only it and the marker are new each frame. On top come the
 * view's own marks: selection, hover, keyboard focus, the drop marker,
 * the rubber band. */

#define FNV_PRIME 1099511628211ull
#define FNV_OFFSET 14695981039346656037ull

static guint64
hash_bytes (guint64       hash,
            gconstpointer data,
            gsize         size)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * FNV_PRIME;
  return hash;
}

static guint64
hash_double (guint64 hash,
             double  value)
{
  /* Positions that differ by less than this paint the same. */
  gint64 quantised = (gint64) llround (value * 1024);

  return hash_bytes (hash, &quantised, sizeof quantised);
}

static guint64
hash_rgba (guint64             hash,
           const ParcoursRgba *color)
{
  hash = hash_double (hash, color->red);
  hash = hash_double (hash, color->green);
  hash = hash_double (hash, color->blue);
  return hash_double (hash, color->alpha);
}

/* What a primitive paints, with positions relative to (ox, oy). Text is
 * hashed by content, never by address: a freed block's address may come
 * back for another text. */
static guint64
hash_primitive (guint64                  hash,
                const ParcoursPrimitive *p,
                double                   ox,
                double                   oy)
{
  hash = hash_bytes (hash, &p->kind, sizeof p->kind);
  hash = hash_double (hash, p->bounds.x - ox);
  hash = hash_double (hash, p->bounds.y - oy);
  hash = hash_double (hash, p->bounds.width);
  hash = hash_double (hash, p->bounds.height);

  switch (p->kind)
    {
    case PARCOURS_PRIMITIVE_PATH:
      for (guint i = 0; i < p->n_segments; i++)
        {
          hash = hash_bytes (hash, &p->segments[i].op, sizeof p->segments[i].op);
          for (guint k = 0; k < 3; k++)
            {
              hash = hash_double (hash, p->segments[i].x[k] - ox);
              hash = hash_double (hash, p->segments[i].y[k] - oy);
            }
        }
      hash = hash_bytes (hash, &p->even_odd, sizeof p->even_odd);
      hash = hash_bytes (hash, &p->dashed, sizeof p->dashed);
      G_GNUC_FALLTHROUGH;

    case PARCOURS_PRIMITIVE_RECT:
      hash = hash_rgba (hash, &p->fill);
      hash = hash_rgba (hash, &p->stroke);
      hash = hash_double (hash, p->line_width);
      return hash_double (hash, p->radius);

    case PARCOURS_PRIMITIVE_TEXT:
      hash = hash_bytes (hash, p->text->text, strlen (p->text->text));
      hash = hash_bytes (hash, &p->text->role, sizeof p->text->role);
      hash = hash_double (hash, p->text->wrap_width);
      return hash_rgba (hash, &p->color);

    case PARCOURS_PRIMITIVE_ICON:
    default:
      hash = hash_bytes (hash, p->icon_name, strlen (p->icon_name));
      return hash_rgba (hash, &p->fill);
    }
}

static void
grow_bounds (ParcoursRect       *bounds,
             const ParcoursRect *rect,
             gboolean            first)
{
  double x1, y1;

  if (first)
    {
      *bounds = *rect;
      return;
    }

  x1 = MAX (bounds->x + bounds->width, rect->x + rect->width);
  y1 = MAX (bounds->y + bounds->height, rect->y + rect->height);
  bounds->x = MIN (bounds->x, rect->x);
  bounds->y = MIN (bounds->y, rect->y);
  bounds->width = x1 - bounds->x;
  bounds->height = y1 - bounds->y;
}

/* Splits the new display list into runs. Nodes are kept by signature:
 * the next frame finds those of runs that paint as before. */
void
_parcours_canvas_rebuild_runs (ParcoursCanvas *self)
{
  guint n = parcours_display_list_get_n_items (self->list);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;

  g_array_set_size (self->runs, 0);
  g_hash_table_remove_all (self->element_runs);

  for (guint i = 0; i < n;)
    {
      const ParcoursPrimitive *first = parcours_display_list_get_item (self->list, i);
      ParcoursCanvasRun run = { first->element, i, 0 };
      guint64 hash = FNV_OFFSET;

      do
        {
          const ParcoursPrimitive *p = parcours_display_list_get_item (self->list, i);

          grow_bounds (&run.bounds, &p->bounds, run.n == 0);
          run.n++;
          i++;
        }
      while (first->element != NULL && i < n &&
             parcours_display_list_get_item (self->list, i)->element == first->element);

      /* Elements are recorded relative to their corner, so that a moved
       * card keeps its node; background shapes stay where they are. */
      if (run.element != NULL)
        {
          run.origin_x = floor (run.bounds.x);
          run.origin_y = floor (run.bounds.y);
        }
      for (guint k = run.first; k < run.first + run.n; k++)
        hash = hash_primitive (hash, parcours_display_list_get_item (self->list, k), run.origin_x, run.origin_y);
      run.signature = hash & ~(guint64) 1;

      g_array_append_val (self->runs, run);
      if (run.element != NULL)
        g_hash_table_insert (self->element_runs, run.element, GUINT_TO_POINTER (self->runs->len));
    }

  for (guint r = 0; r < self->runs->len; r++)
    g_hash_table_add (wanted, &g_array_index (self->runs, ParcoursCanvasRun, r).signature);

  /* Forget nodes no run paints any more (either level of detail). */
  g_hash_table_iter_init (&iter, self->nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint64 base = *(guint64 *) key & ~(guint64) 1;

      if (!g_hash_table_contains (wanted, &base))
        g_hash_table_iter_remove (&iter);
    }
}

static gboolean
run_is_simplified (ParcoursCanvas          *self,
                   const ParcoursCanvasRun *run,
                   double                   scale)
{
  for (guint i = run->first; i < run->first + run->n; i++)
    if (parcours_gsk_is_simplified (parcours_display_list_get_item (self->list, i), scale))
      return TRUE;

  return FALSE;
}

static GskRenderNode *
record_run (ParcoursCanvas          *self,
            const ParcoursCanvasRun *run,
            double                   scale)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-run->origin_x, -run->origin_y));
  parcours_gsk_render_range (self->list, snapshot, run->first, run->n, scale);

  return gtk_snapshot_free_to_node (snapshot);
}

/* The cached node of @run at @scale's level of detail, recorded now if
 * there is none. */
static GskRenderNode *
run_node (ParcoursCanvas          *self,
          const ParcoursCanvasRun *run,
          double                   scale)
{
  guint64 key = run->signature | (run_is_simplified (self, run, scale) ? 1 : 0);
  GskRenderNode *node = g_hash_table_lookup (self->nodes, &key);

  if (node == NULL)
    {
      node = record_run (self, run, scale);
      if (node == NULL)
        return NULL;
      g_hash_table_insert (self->nodes, g_memdup2 (&key, sizeof key), node);
    }

  return node;
}

static void
append_run (ParcoursCanvas          *self,
            GtkSnapshot             *snapshot,
            const ParcoursCanvasRun *run,
            double                   scale)
{
  GskRenderNode *node = run_node (self, run, scale);

  if (node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (run->origin_x, run->origin_y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

static const ParcoursCanvasRun *
element_run (ParcoursCanvas  *self,
             ParcoursElement *element)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->element_runs, element));

  return index > 0 ? &g_array_index (self->runs, ParcoursCanvasRun, index - 1) : NULL;
}

/* The element being edited: its box, without the text the editor shows. */
static void
append_run_without_text (ParcoursCanvas          *self,
                         GtkSnapshot             *snapshot,
                         const ParcoursCanvasRun *run,
                         double                   scale)
{
  for (guint i = run->first; i < run->first + run->n; i++)
    if (parcours_display_list_get_item (self->list, i)->kind != PARCOURS_PRIMITIVE_TEXT)
      parcours_gsk_render_range (self->list, snapshot, i, 1, scale);
}

static GdkRGBA
accent_color (ParcoursCanvas *self)
{
  GdkRGBA color = { 0.208, 0.518, 0.894, 1 };

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_bg_color", &color);
G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

static gboolean
high_contrast (void)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

static ParcoursRect
element_rect (ParcoursCanvas  *self,
              ParcoursElement *element)
{
  int index = parcours_layout_find (self->layout, element);
  double r = self->style->emotion_face_radius;

  if (index < 0)
    return (ParcoursRect) { 0 };
  if (PARCOURS_IS_CARD (element))
    return parcours_layout_get_card (self->layout, index)->rect;
  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      const ParcoursPointBox *box = parcours_layout_get_point (self->layout, index);
      return (ParcoursRect) { box->x - r, box->y - r, 2 * r, 2 * r };
    }
  if (PARCOURS_IS_STAGE (element))
    return parcours_layout_get_stage (self->layout, index)->header;
  if (PARCOURS_IS_LANE (element))
    return parcours_layout_get_lane (self->layout, index)->header;
  return (ParcoursRect) { 0 };
}

/* An outline @gap layout units outside @rect, @width device pixels wide. */
static void
append_outline (GtkSnapshot        *snapshot,
                const ParcoursRect *rect,
                double              gap,
                double              radius,
                double              width,
                const GdkRGBA      *color)
{
  graphene_rect_t outer = GRAPHENE_RECT_INIT (rect->x - gap - width, rect->y - gap - width,
                                              rect->width + 2 * (gap + width), rect->height + 2 * (gap + width));
  const GdkRGBA colors[4] = { *color, *color, *color, *color };
  const float widths[4] = { width, width, width, width };
  GskRoundedRect outline;

  if (rect->width <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&outline, &outer, radius + gap + width);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The keyboard focus: a dashed ring, unlike selection and hover. */
static void
append_focus_ring (GtkSnapshot        *snapshot,
                   const ParcoursRect *rect,
                   double              gap,
                   double              width,
                   const GdkRGBA      *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (rect->x - gap - 2 * width, rect->y - gap - 2 * width,
                                               rect->width + 2 * (gap + 2 * width),
                                               rect->height + 2 * (gap + 2 * width));
  double dashes[] = { 3 * width, 2 * width };
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_rectangle (cr, rect->x - gap - width / 2, rect->y - gap - width / 2,
                   rect->width + 2 * gap + width, rect->height + 2 * gap + width);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
append_selection_marks (ParcoursCanvas *self,
                        GtkSnapshot    *snapshot,
                        double          scale)
{
  GdkRGBA accent = accent_color (self);
  GdkRGBA tint = accent, hover = accent, ink;
  ParcoursElement *hovered = parcours_selection_get_hover (self->selection);
  ParcoursElement *focus = parcours_selection_get_focus (self->selection);
  gboolean contrast = high_contrast ();
  double px = 1 / scale;

  tint.alpha = 0.12;
  hover.alpha = contrast ? 0.9 : 0.55;
  ink = (GdkRGBA) { self->style->text.red, self->style->text.green, self->style->text.blue, 1 };

  for (guint i = 0; i < parcours_selection_get_n_items (self->selection); i++)
    {
      ParcoursElement *element = parcours_selection_get_item (self->selection, i);
      ParcoursRect r = element_rect (self, element);
      graphene_rect_t area = GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height);
      GskRoundedRect clip;

      if (r.width <= 0 || g_ptr_array_find (parcours_interaction_get_moving_cards (self->interaction), element, NULL))
        continue;

      gsk_rounded_rect_init_from_rect (&clip, &area, PARCOURS_IS_EMOTION_POINT (element) ? r.width / 2
                                                                                     : self->style->card_radius);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &tint, &area);
      gtk_snapshot_pop (snapshot);
      append_outline (snapshot, &r, 1.5 * px, PARCOURS_IS_EMOTION_POINT (element) ? r.width / 2 : self->style->card_radius,
                      (contrast ? 3.5 : 2.5) * px, &accent);
    }

  if (hovered != NULL && hovered != focus && !parcours_selection_contains (self->selection, hovered) &&
      parcours_interaction_get_state (self->interaction) == PARCOURS_INTERACTION_IDLE)
    {
      ParcoursRect r = element_rect (self, hovered);

      append_outline (snapshot, &r, 1 * px, PARCOURS_IS_EMOTION_POINT (hovered) ? r.width / 2 : self->style->card_radius,
                      1.5 * px, &hover);
    }

  if (focus != NULL && gtk_widget_has_focus (GTK_WIDGET (self)) && parcours_interaction_get_editing (self->interaction) == NULL)
    {
      ParcoursRect r = element_rect (self, focus);

      if (r.width > 0)
        append_focus_ring (snapshot, &r, (contrast ? 5 : 5) * px, (contrast ? 2.5 : 1.5) * px,
                           contrast ? &ink : &accent);
    }
}

static void
append_drag_marks (ParcoursCanvas *self,
                   GtkSnapshot    *snapshot,
                   double          scale)
{
  GPtrArray *moving = parcours_interaction_get_moving_cards (self->interaction);
  GdkRGBA accent = accent_color (self);
  ParcoursRect marker, band;
  double dx, dy;

  if (parcours_interaction_get_drop (self->interaction, NULL, NULL, NULL, &marker))
    {
      graphene_rect_t area = GRAPHENE_RECT_INIT (marker.x, marker.y + marker.height / 2 - 1.5 / scale,
                                                 marker.width, 3 / scale);
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &area, 1.5 / scale);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &accent, &area);
      gtk_snapshot_pop (snapshot);
    }

  /* The moved cards follow the pointer, lifted by a shadow. */
  parcours_interaction_get_drag_offset (self->interaction, &dx, &dy);
  for (guint i = 0; i < moving->len; i++)
    {
      const ParcoursCanvasRun *run = element_run (self, g_ptr_array_index (moving, i));
      ParcoursRect r = element_rect (self, g_ptr_array_index (moving, i));
      GskRoundedRect outline;
      const GdkRGBA shadow = { 0, 0, 0, 0.3 };

      if (run == NULL)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, dy));
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height),
                                       self->style->card_radius);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 3 / scale, 0, 8 / scale);
      append_run (self, snapshot, run, scale);
      append_outline (snapshot, &r, 1.5 / scale, self->style->card_radius, 2.5 / scale, &accent);
      gtk_snapshot_restore (snapshot);
    }

  if (parcours_interaction_get_rubber_band (self->interaction, &band))
    {
      GdkRGBA fill = accent;
      graphene_rect_t area = GRAPHENE_RECT_INIT (band.x, band.y, band.width, band.height);
      GskRoundedRect outline;
      const GdkRGBA colors[4] = { accent, accent, accent, accent };
      const float w = 1 / scale;
      const float widths[4] = { w, w, w, w };

      fill.alpha = 0.2;
      gtk_snapshot_append_color (snapshot, &fill, &area);
      gsk_rounded_rect_init_from_rect (&outline, &area, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static const char *
level_name (int level)
{
  switch (level)
    {
    case -2: return _("Very negative");
    case -1: return _("Negative");
    case 1: return _("Positive");
    case 2: return _("Very positive");
    default: return _("Neutral");
    }
}

/* While a point is dragged, its level and value beside it. */
static void
append_point_label (ParcoursCanvas *self,
                    GtkSnapshot    *snapshot,
                    double          scale)
{
  ParcoursEmotionPoint *point = parcours_interaction_get_moving_point (self->interaction);
  int index = point != NULL ? parcours_layout_find (self->layout, PARCOURS_ELEMENT (point)) : -1;
  const ParcoursPointBox *box;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GdkRGBA background = { 0.1, 0.1, 0.12, 0.9 }, white = { 1, 1, 1, 1 };
  PangoRectangle extents;
  double x, y;
  GskRoundedRect plate;

  if (index < 0)
    return;

  box = parcours_layout_get_point (self->layout, index);
  /* Translators: an emotion level and its value, e.g. "Positive · +0.62" */
  text = g_strdup_printf (_("%s · %+.2f"), level_name (box->level), parcours_emotion_point_get_value (point));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  /* Drawn in widget pixels, whatever the zoom. */
  parcours_viewport_to_widget (self->viewport, box->x, box->y, &x, &y);
  x += self->style->emotion_face_radius * scale + 10;
  y -= extents.height / 2.0 + 4;

  gtk_snapshot_save (snapshot);
  gsk_rounded_rect_init_from_rect (&plate, &GRAPHENE_RECT_INIT (x, y, extents.width + 16, extents.height + 8), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &plate);
  gtk_snapshot_append_color (snapshot, &background, &plate.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 8, y + 4));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

/**
 * _parcours_canvas_snapshot_map:
 * @decorations: whether to draw the view's marks (selection, drag)
 *
 * Draws what the viewport shows: the cached nodes of the runs on
 * screen, under the view's zoom and scroll, then the view's marks.
 */
void
_parcours_canvas_snapshot_map (ParcoursCanvas *self,
                               GtkSnapshot    *snapshot,
                               gboolean        decorations)
{
  double scale = parcours_viewport_get_scale (self->viewport);
  double width = parcours_viewport_get_view_width (self->viewport);
  double height = parcours_viewport_get_view_height (self->viewport);
  GPtrArray *moving = self->interaction != NULL ? parcours_interaction_get_moving_cards (self->interaction) : NULL;
  ParcoursElement *editing = self->interaction != NULL ? parcours_interaction_get_editing (self->interaction) : NULL;
  GdkRGBA background = { self->style->background.red, self->style->background.green,
                         self->style->background.blue, 1 };
  GdkRGBA outside = background;
  ParcoursRect visible;

  outside.red *= 0.94;
  outside.green *= 0.94;
  outside.blue *= 0.95;
  gtk_snapshot_append_color (snapshot, &outside, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->list == NULL)
    return;

  parcours_viewport_to_layout (self->viewport, 0, 0, &visible.x, &visible.y);
  visible.width = width / scale;
  visible.height = height / scale;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-parcours_viewport_get_x (self->viewport),
                                                          -parcours_viewport_get_y (self->viewport)));
  gtk_snapshot_append_color (snapshot, &background,
                             &GRAPHENE_RECT_INIT (0, 0, parcours_display_list_get_width (self->list),
                                                  parcours_display_list_get_height (self->list)));

  for (guint r = 0; r < self->runs->len; r++)
    {
      const ParcoursCanvasRun *run = &g_array_index (self->runs, ParcoursCanvasRun, r);

      if (!parcours_rect_intersects (&run->bounds, &visible))
        continue;

      if (run->element != NULL && moving != NULL && moving->len > 0 &&
          g_ptr_array_find (moving, run->element, NULL))
        {
          /* Where a moved card was: a faint trace. */
          gtk_snapshot_push_opacity (snapshot, 0.3);
          append_run (self, snapshot, run, scale);
          gtk_snapshot_pop (snapshot);
        }
      else if (run->element != NULL && run->element == editing)
        append_run_without_text (self, snapshot, run, scale);
      else
        append_run (self, snapshot, run, scale);
    }

  if (decorations && self->interaction != NULL)
    {
      append_selection_marks (self, snapshot, scale);
      append_drag_marks (self, snapshot, scale);
    }
  gtk_snapshot_restore (snapshot);

  if (decorations && self->interaction != NULL)
    append_point_label (self, snapshot, scale);
}

/**
 * parcours_canvas_render_map:
 *
 * Returns: (transfer full) (nullable): the render node of what the canvas
 *   shows now, with the selection and the drag in progress, as a frame
 *   draws it (for benchmarks and tests)
 */
GskRenderNode *
parcours_canvas_render_map (ParcoursCanvas *self)
{
  GtkSnapshot *snapshot;

  g_return_val_if_fail (PARCOURS_IS_CANVAS (self), NULL);

  _parcours_canvas_ensure_layout (self);
  snapshot = gtk_snapshot_new ();
  _parcours_canvas_snapshot_map (self, snapshot, TRUE);
  return gtk_snapshot_free_to_node (snapshot);
}
