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
#include "parcours-painter.h"

/* Drawing the canvas. The display list is painted element by element;
 * each element's primitives (and each background primitive) form a run
 * whose render node is recorded once, relative to the run's corner, and
 * kept while the run paints the same: a relayout after one edit records
 * only what changed, moving a card re-uses its node, and a frame only
 * assembles the cached nodes of what is on screen. While a card is
 * dragged, only it and the marker are new each frame. On top come the
 * view's own marks: selection, hover, keyboard focus, the drop marker,
 * the rubber band. */

#define HASH_SEED 0x9e3779b97f4a7c15ull

/* A quick 64-bit mix, one word at a time: signatures are computed for
 * every primitive of the map after each edit. */
static inline guint64
mix (guint64 hash,
     guint64 value)
{
  hash ^= value + HASH_SEED + (hash << 6) + (hash >> 2);
  hash *= 0xff51afd7ed558ccdull;
  return hash ^ (hash >> 32);
}

static guint64
hash_bytes (guint64       hash,
            gconstpointer data,
            gsize         size)
{
  const guchar *bytes = data;
  gsize i = 0;

  for (; i + 8 <= size; i += 8)
    {
      guint64 word;

      memcpy (&word, bytes + i, 8);
      hash = mix (hash, word);
    }
  if (i < size)
    {
      guint64 word = 0;

      memcpy (&word, bytes + i, size - i);
      hash = mix (hash, word ^ ((guint64) size << 56));
    }

  return hash;
}

static inline guint64
hash_double (guint64 hash,
             double  value)
{
  /* Positions that differ by less than this paint the same. */
  return mix (hash, (guint64) (gint64) (value * 1024));
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
 * hashed by its block's address: the measurer gives one block to one
 * text, and the canvas keeps the previous display list (and so its
 * blocks) alive while it paints the next one, so an address never comes
 * back for another text between two lists compared. */
static guint64
hash_primitive (guint64                  hash,
                const ParcoursPrimitive *p,
                double                   ox,
                double                   oy)
{
  hash = mix (hash, p->kind);
  hash = hash_double (hash, p->bounds.x - ox);
  hash = hash_double (hash, p->bounds.y - oy);
  hash = hash_double (hash, p->bounds.width);
  hash = hash_double (hash, p->bounds.height);

  switch (p->kind)
    {
    case PARCOURS_PRIMITIVE_PATH:
      for (guint i = 0; i < p->n_segments; i++)
        {
          hash = mix (hash, p->segments[i].op);
          for (guint k = 0; k < 3; k++)
            {
              hash = hash_double (hash, p->segments[i].x[k] - ox);
              hash = hash_double (hash, p->segments[i].y[k] - oy);
            }
        }
      hash = mix (hash, (p->even_odd ? 1 : 0) | (p->dashed ? 2 : 0));
      G_GNUC_FALLTHROUGH;

    case PARCOURS_PRIMITIVE_RECT:
      hash = hash_rgba (hash, &p->fill);
      hash = hash_rgba (hash, &p->stroke);
      hash = hash_double (hash, p->line_width);
      return hash_double (hash, p->radius);

    case PARCOURS_PRIMITIVE_TEXT:
      hash = mix (hash, (guint64) GPOINTER_TO_SIZE (p->text));
      return hash_rgba (hash, &p->color);

    case PARCOURS_PRIMITIVE_IMAGE:
      hash = mix (hash, (guint64) GPOINTER_TO_SIZE (p->image));
      return hash_double (hash, p->radius);

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

#define TILE_SIZE 512
#define MAX_TILES 40

/* Surfaces of dropped tiles, kept for the next ones: a fresh one costs a
 * megabyte of zeroed pages each time. Nothing reads them before a tile
 * paints every pixel. */
static GPtrArray *spare_surfaces;

static cairo_surface_t *
take_surface (void)
{
  if (spare_surfaces != NULL && spare_surfaces->len > 0)
    return g_ptr_array_steal_index_fast (spare_surfaces, spare_surfaces->len - 1);

  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
}

static void
give_back_surface (cairo_surface_t *surface)
{
  if (spare_surfaces == NULL)
    spare_surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  if (spare_surfaces->len < MAX_TILES && cairo_surface_get_reference_count (surface) == 1)
    g_ptr_array_add (spare_surfaces, surface);
  else
    cairo_surface_destroy (surface);
}

static void
clear_tile (gpointer data)
{
  ParcoursCanvasTile *tile = data;

  /* A texture has pixels of its own (copied): the surface can serve
   * another tile. */
  g_clear_object (&tile->texture);
  if (tile->surface != NULL)
    give_back_surface (g_steal_pointer (&tile->surface));
  g_free (tile);
}

void
_parcours_canvas_init_render (ParcoursCanvas *self)
{
  self->nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) gsk_render_node_unref);
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, clear_tile);
  self->element_runs = g_hash_table_new (NULL, NULL);
  self->runs = g_array_new (FALSE, FALSE, sizeof (ParcoursCanvasRun));
  self->lifted = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Forgets every node and tile: a new document or a new style. */
void
_parcours_canvas_clear_render (ParcoursCanvas *self)
{
  g_hash_table_remove_all (self->nodes);
  g_hash_table_remove_all (self->tiles);
  g_hash_table_remove_all (self->element_runs);
  g_array_set_size (self->runs, 0);
  g_ptr_array_set_size (self->lifted, 0);
}

/* Drops the tiles that show any of @rect. */
static void
damage (ParcoursCanvas     *self,
        const ParcoursRect *rect)
{
  GHashTableIter iter;
  ParcoursCanvasTile *tile;
  /* Strokes and shadows reach a little outside the bounds. */
  ParcoursRect grown = { rect->x - 4, rect->y - 4, rect->width + 8, rect->height + 8 };

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    if (parcours_rect_intersects (&tile->rect, &grown))
      g_hash_table_iter_remove (&iter);
}

/* What changed between two relayouts, for the tiles: elements whose runs
 * paint differently or elsewhere, background shapes that came or went,
 * and the map's edges. */
static void
damage_changes (ParcoursCanvas *self,
                GArray         *old_runs,
                double          old_width,
                double          old_height)
{
  g_autoptr(GHashTable) old_elements = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) old_background = g_hash_table_new (g_int64_hash, g_int64_equal);
  double width = parcours_display_list_get_width (self->list);
  double height = parcours_display_list_get_height (self->list);
  GHashTableIter iter;
  ParcoursCanvasRun *run;

  if (g_hash_table_size (self->tiles) == 0)
    return;

  for (guint r = 0; r < old_runs->len; r++)
    {
      run = &g_array_index (old_runs, ParcoursCanvasRun, r);
      if (run->element != NULL)
        g_hash_table_insert (old_elements, run->element, run);
      else
        g_hash_table_insert (old_background, &run->signature, run);
    }

  for (guint r = 0; r < self->runs->len; r++)
    {
      ParcoursCanvasRun *old;

      run = &g_array_index (self->runs, ParcoursCanvasRun, r);
      if (run->element == NULL)
        {
          if (!g_hash_table_remove (old_background, &run->signature))
            damage (self, &run->bounds);
          continue;
        }

      old = g_hash_table_lookup (old_elements, run->element);
      if (old == NULL || old->signature != run->signature ||
          old->origin_x != run->origin_x || old->origin_y != run->origin_y)
        {
          damage (self, &run->bounds);
          if (old != NULL)
            damage (self, &old->bounds);
        }
      g_hash_table_remove (old_elements, run->element);
    }

  g_hash_table_iter_init (&iter, old_elements);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
    damage (self, &run->bounds);
  g_hash_table_iter_init (&iter, old_background);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &run))
    damage (self, &run->bounds);

  if (width != old_width)
    damage (self, &(ParcoursRect) { MIN (width, old_width), 0, G_MAXFLOAT, G_MAXFLOAT });
  if (height != old_height)
    damage (self, &(ParcoursRect) { 0, MIN (height, old_height), G_MAXFLOAT, G_MAXFLOAT });
}

/* The bounds, origin and signature of the primitives of @run. */
static void
measure_run (ParcoursCanvas    *self,
             ParcoursCanvasRun *run)
{
  guint64 hash = HASH_SEED;

  for (guint k = run->first; k < run->first + run->n; k++)
    {
      const ParcoursPrimitive *p = parcours_display_list_get_item (self->list, k);

      grow_bounds (&run->bounds, &p->bounds, k == run->first);
    }

  /* Elements are recorded relative to their corner, so that a moved
   * card keeps its node; background shapes stay where they are. */
  run->origin_x = run->origin_y = 0;
  if (run->element != NULL)
    {
      run->origin_x = floor (run->bounds.x);
      run->origin_y = floor (run->bounds.y);
    }
  for (guint k = run->first; k < run->first + run->n; k++)
    hash = hash_primitive (hash, parcours_display_list_get_item (self->list, k),
                           run->origin_x, run->origin_y);
  run->signature = hash & ~(guint64) 1;
}

/* Splits the new display list into runs, and forgets the nodes and
 * tiles of what changed: the next frame records only those. */
void
_parcours_canvas_rebuild_runs (ParcoursCanvas *self)
{
  guint n = parcours_display_list_get_n_items (self->list);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) old_runs = self->runs;
  GHashTableIter iter;
  gpointer key;

  self->runs = g_array_new (FALSE, FALSE, sizeof (ParcoursCanvasRun));
  g_hash_table_remove_all (self->element_runs);

  for (guint i = 0; i < n;)
    {
      const ParcoursPrimitive *first = parcours_display_list_get_item (self->list, i);
      ParcoursCanvasRun run = { first->element, i, 0 };

      do
        {
          run.n++;
          i++;
        }
      while (first->element != NULL && i < n &&
             parcours_display_list_get_item (self->list, i)->element == first->element);

      measure_run (self, &run);
      g_array_append_val (self->runs, run);
      if (run.element != NULL)
        g_hash_table_insert (self->element_runs, run.element, GUINT_TO_POINTER (self->runs->len));
    }

  damage_changes (self, old_runs, self->map_width, self->map_height);
  self->map_width = parcours_display_list_get_width (self->list);
  self->map_height = parcours_display_list_get_height (self->list);

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

static const ParcoursCanvasRun *element_run (ParcoursCanvas  *self,
                                             ParcoursElement *element);

/* Paints card @index again in place of its run's primitives, keeping the
 * replaced text blocks alive in @old_texts, and damages the tiles it was
 * and is on when it paints differently. */
static void
repaint_card (ParcoursCanvas *self,
              guint           index,
              GPtrArray      *old_texts)
{
  ParcoursCard *card = parcours_layout_get_card (self->layout, index)->card;
  guint r = GPOINTER_TO_UINT (g_hash_table_lookup (self->element_runs, card)) - 1;
  ParcoursCanvasRun *run = &g_array_index (self->runs, ParcoursCanvasRun, r);
  ParcoursCanvasRun old = *run;
  g_autoptr(ParcoursDisplayList) painted = parcours_painter_paint_card (self->layout, index);
  guint n = parcours_display_list_get_n_items (painted);
  guint64 key;

  for (guint k = run->first; k < run->first + run->n; k++)
    {
      const ParcoursPrimitive *p = parcours_display_list_get_item (self->list, k);

      if (p->kind == PARCOURS_PRIMITIVE_TEXT)
        g_ptr_array_add (old_texts, parcours_text_block_ref (p->text));
    }

  parcours_display_list_splice (self->list, run->first, run->n, painted);
  for (guint later = r + 1; n != old.n && later < self->runs->len; later++)
    g_array_index (self->runs, ParcoursCanvasRun, later).first += (int) n - (int) old.n;
  run->n = n;
  measure_run (self, run);

  if (run->signature == old.signature && run->origin_x == old.origin_x &&
      run->origin_y == old.origin_y)
    return;

  damage (self, &old.bounds);
  damage (self, &run->bounds);
  /* Its old node, at either level of detail. */
  key = old.signature;
  g_hash_table_remove (self->nodes, &key);
  key |= 1;
  g_hash_table_remove (self->nodes, &key);
}

/**
 * _parcours_canvas_repaint_cards:
 * @changed: (element-type guint): indices of the cards whose boxes
 *   changed, and nothing else in the layout
 *
 * Paints those cards again in place in the display list, measures their
 * runs again and damages the tiles they were and are on: the rest of the
 * list, its runs and their nodes stay as they are.
 *
 * Returns: FALSE when a card has no run yet (paint the whole list then)
 */
gboolean
_parcours_canvas_repaint_cards (ParcoursCanvas *self,
                                GArray         *changed)
{
  /* The replaced primitives' text blocks live until the runs are
   * measured: see hash_primitive(). */
  g_autoptr(GPtrArray) old_texts = NULL;

  if (self->list == NULL)
    return FALSE;
  for (guint i = 0; i < changed->len; i++)
    {
      guint index = g_array_index (changed, guint, i);
      const ParcoursCardBox *box;

      if (index >= parcours_layout_get_n_cards (self->layout))
        return FALSE;
      box = parcours_layout_get_card (self->layout, index);
      if (element_run (self, PARCOURS_ELEMENT (box->card)) == NULL)
        return FALSE;
    }

  old_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) parcours_text_block_unref);
  for (guint i = 0; i < changed->len; i++)
    repaint_card (self, g_array_index (changed, guint, i), old_texts);

  return TRUE;
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

/* The keyboard focus: a dashed ring, unlike selection and hover. Drawn
 * in widget pixels (see append_tile()). */
static void
append_focus_ring (ParcoursCanvas     *self,
                   GtkSnapshot        *snapshot,
                   const ParcoursRect *rect,
                   double              gap,
                   double              width,
                   const GdkRGBA      *color)
{
  double scale = parcours_viewport_get_scale (self->viewport);
  double x, y, w, h;
  double dashes[] = { 3 * width, 2 * width };
  cairo_t *cr;

  parcours_viewport_to_widget (self->viewport, rect->x, rect->y, &x, &y);
  w = rect->width * scale;
  h = rect->height * scale;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - gap - 2 * width, y - gap - 2 * width,
                                                                 w + 2 * (gap + 2 * width),
                                                                 h + 2 * (gap + 2 * width)));
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_rectangle (cr, x - gap - width / 2, y - gap - width / 2, w + 2 * gap + width, h + 2 * gap + width);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* The focus ring shows while the keyboard is in use, as GTK's do. */
static gboolean
focus_visible (ParcoursCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return gtk_widget_is_focus (GTK_WIDGET (self)) && GTK_IS_WINDOW (root) &&
         gtk_window_get_focus_visible (GTK_WINDOW (root));
}

static void
append_selection_marks (ParcoursCanvas *self,
                        GtkSnapshot    *snapshot,
                        double          scale)
{
  GdkRGBA accent = accent_color (self);
  GdkRGBA tint = accent, hover = accent;
  ParcoursElement *hovered = parcours_selection_get_hover (self->selection);
  ParcoursElement *focus = parcours_selection_get_focus (self->selection);
  gboolean contrast = high_contrast ();
  double px = 1 / scale;

  tint.alpha = 0.12;
  hover.alpha = contrast ? 0.9 : 0.55;

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

}

static void
append_focus_mark (ParcoursCanvas *self,
                   GtkSnapshot    *snapshot)
{
  ParcoursElement *focus = parcours_selection_get_focus (self->selection);
  gboolean contrast = high_contrast ();
  GdkRGBA accent = accent_color (self);
  GdkRGBA ink = { self->style->text.red, self->style->text.green, self->style->text.blue, 1 };
  ParcoursRect r;

  if (focus == NULL || !focus_visible (self) || parcours_interaction_get_editing (self->interaction) != NULL ||
      g_ptr_array_find (parcours_interaction_get_moving_cards (self->interaction), focus, NULL))
    return;

  r = element_rect (self, focus);
  if (r.width > 0)
    append_focus_ring (self, snapshot, &r, 5, contrast ? 2.5 : 1.5, contrast ? &ink : &accent);
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

/* While a stage or lane is dragged by its header: the header tinted
 * where it is and a bar where it would go, across the whole grid. */
static void
append_header_marks (ParcoursCanvas *self,
                     GtkSnapshot    *snapshot,
                     double          scale)
{
  ParcoursElement *header = parcours_interaction_get_moving_header (self->interaction);
  GdkRGBA accent = accent_color (self);
  ParcoursRect marker, r;

  if (header == NULL)
    return;

  r = element_rect (self, header);
  if (r.width > 0)
    {
      GdkRGBA tint = accent;

      tint.alpha = 0.18;
      gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height));
    }

  if (parcours_interaction_get_header_drop (self->interaction, NULL, &marker))
    {
      gboolean vertical = marker.height > marker.width;
      graphene_rect_t area = vertical
        ? GRAPHENE_RECT_INIT (marker.x + marker.width / 2 - 2 / scale, marker.y, 4 / scale, marker.height)
        : GRAPHENE_RECT_INIT (marker.x, marker.y + marker.height / 2 - 2 / scale, marker.width, 4 / scale);
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, &area, 2 / scale);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &accent, &area);
      gtk_snapshot_pop (snapshot);
    }
}

/* The "+" after the last stage header that adds a stage, and the one
 * below the last lane header that adds a lane: a ring with a cross, in
 * the accent colour. */
static void append_plus (GtkSnapshot        *snapshot,
                         const ParcoursRect *r,
                         const GdkRGBA      *accent,
                         double              scale);

static void
append_add_buttons (ParcoursCanvas *self,
                         GtkSnapshot    *snapshot,
                         double          scale)
{
  GdkRGBA accent = accent_color (self);
  ParcoursRect r;

  if (!parcours_interaction_get_add_stage_button (self->interaction, &r))
    return;

  append_plus (snapshot, &r, &accent, scale);
  if (parcours_interaction_get_add_lane_button (self->interaction, &r))
    append_plus (snapshot, &r, &accent, scale);
}

static void
append_plus (GtkSnapshot        *snapshot,
             const ParcoursRect *r_in,
             const GdkRGBA      *accent_in,
             double              scale)
{
  ParcoursRect r = *r_in;
  GdkRGBA accent = *accent_in;
  const GdkRGBA colors[4] = { accent, accent, accent, accent };
  const float w = 1.5 / scale;
  const float widths[4] = { w, w, w, w };
  double arm, bar = 2 / scale, cx, cy;
  GskRoundedRect ring;

  cx = r.x + r.width / 2;
  cy = r.y + r.height / 2;
  arm = r.width * 0.3;
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (r.x, r.y, r.width, r.height), r.width / 2);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (cx - arm, cy - bar / 2, 2 * arm, bar));
  gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (cx - bar / 2, cy - arm, bar, 2 * arm));
}

/* While a palette item is dragged over the map: where its card goes. */
static void
append_palette_marker (ParcoursCanvas *self,
                       GtkSnapshot    *snapshot,
                       double          scale)
{
  GdkRGBA accent = accent_color (self);
  ParcoursRect marker;
  graphene_rect_t area;
  GskRoundedRect rounded;

  if (!parcours_interaction_get_palette_drop (self->interaction, &marker))
    return;

  area = GRAPHENE_RECT_INIT (marker.x, marker.y + marker.height / 2 - 1.5 / scale, marker.width, 3 / scale);
  gsk_rounded_rect_init_from_rect (&rounded, &area, 1.5 / scale);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &accent, &area);
  gtk_snapshot_pop (snapshot);
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
  text = _parcours_canvas_describe_level (point);
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

static gboolean
is_lifted (ParcoursCanvas  *self,
           ParcoursElement *element)
{
  return element != NULL && self->lifted->len > 0 && g_ptr_array_find (self->lifted, element, NULL);
}

/* The dragged cards and the edited one are drawn live, not in tiles:
 * when that set changes, the tiles under them are drawn again. */
static void
update_lifted (ParcoursCanvas *self)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_object_unref);
  ParcoursElement *editing = NULL;

  if (self->interaction != NULL)
    {
      GPtrArray *moving = parcours_interaction_get_moving_cards (self->interaction);

      for (guint i = 0; i < moving->len; i++)
        g_ptr_array_add (wanted, g_object_ref (g_ptr_array_index (moving, i)));
      editing = parcours_interaction_get_editing (self->interaction);
      if (editing != NULL)
        g_ptr_array_add (wanted, g_object_ref (editing));
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *from = pass == 0 ? wanted : self->lifted;
      GPtrArray *other = pass == 0 ? self->lifted : wanted;

      for (guint i = 0; i < from->len; i++)
        {
          const ParcoursCanvasRun *run;

          if (g_ptr_array_find (other, g_ptr_array_index (from, i), NULL))
            continue;
          run = element_run (self, g_ptr_array_index (from, i));
          if (run != NULL)
            damage (self, &run->bounds);
        }
    }

  g_ptr_array_unref (self->lifted);
  self->lifted = g_steal_pointer (&wanted);
}

static GdkRGBA
outside_color (ParcoursCanvas *self)
{
  const ParcoursRgba *outside = &self->style->outside;

  return (GdkRGBA) { outside->red, outside->green, outside->blue, outside->alpha };
}

/* Draws the tile at (@column, @row) of the grid of TILE_SIZE device
 * pixels, from the runs' cached nodes, at device scale @scale. */
static ParcoursCanvasTile *
render_tile (ParcoursCanvas *self,
             gint64          column,
             gint64          row,
             double          scale)
{
  ParcoursCanvasTile *tile = g_new0 (ParcoursCanvasTile, 1);
  GdkRGBA outside = outside_color (self);
  GdkRGBA background = { self->style->background.red, self->style->background.green,
                         self->style->background.blue, 1 };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  double size = TILE_SIZE / scale;

  tile->rect = (ParcoursRect) { column * size, row * size, size, size };

  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-tile->rect.x, -tile->rect.y));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (tile->rect.x, tile->rect.y, size, size));
  gtk_snapshot_append_color (snapshot, &outside, &GRAPHENE_RECT_INIT (tile->rect.x, tile->rect.y, size, size));
  gtk_snapshot_append_color (snapshot, &background,
                             &GRAPHENE_RECT_INIT (0, 0, parcours_display_list_get_width (self->list),
                                                  parcours_display_list_get_height (self->list)));
  for (guint r = 0; r < self->runs->len; r++)
    {
      const ParcoursCanvasRun *run = &g_array_index (self->runs, ParcoursCanvasRun, r);

      if (parcours_rect_intersects (&run->bounds, &tile->rect) && !is_lifted (self, run->element))
        append_run (self, snapshot, run, scale);
    }
  gtk_snapshot_pop (snapshot);

  /* Drawn with cairo, the way the cairo GSK renderer draws nodes. */
  node = gtk_snapshot_free_to_node (snapshot);
  tile->surface = take_surface ();
  if (node != NULL)
    {
      cairo_t *cr = cairo_create (tile->surface);

      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      gsk_render_node_unref (node);
    }
  cairo_surface_flush (tile->surface);

  return tile;
}

/* Keeps the tiles nearest to the view when there are too many. */
static void
evict_tiles (ParcoursCanvas *self)
{
  while (g_hash_table_size (self->tiles) > MAX_TILES)
    {
      GHashTableIter iter;
      gpointer key, oldest_key = NULL;
      ParcoursCanvasTile *tile;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &key, (gpointer *) &tile))
        if (tile->last_used < oldest)
          {
            oldest = tile->last_used;
            oldest_key = key;
          }
      g_hash_table_remove (self->tiles, oldest_key);
    }
}

/* A renderer that draws with cairo paints the tile's surface as it is;
 * others (GL) get a texture, which they upload once and keep. */
static gboolean
renders_with_cairo (ParcoursCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

static void
append_tile (ParcoursCanvas     *self,
             GtkSnapshot        *snapshot,
             ParcoursCanvasTile *tile)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (tile->rect.x, tile->rect.y, tile->rect.width, tile->rect.height);

  if (renders_with_cairo (self))
    {
      double size = TILE_SIZE / (double) gtk_widget_get_scale_factor (GTK_WIDGET (self));
      cairo_t *cr;

      /* GTK 4.8 misplaces cairo nodes drawn under a zoom and a shift
       * at once: the tile's node is made in unzoomed widget pixels. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &bounds.origin);
      gtk_snapshot_scale (snapshot, 1 / parcours_viewport_get_scale (self->viewport),
                          1 / parcours_viewport_get_scale (self->viewport));
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, size, size));
      cairo_scale (cr, size / TILE_SIZE, size / TILE_SIZE);
      cairo_set_source_surface (cr, tile->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      /* Tiles are opaque: a copy, no blending. */
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
      gtk_snapshot_restore (snapshot);
      return;
    }

  if (tile->texture == NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (tile->surface),
                                             cairo_image_surface_get_stride (tile->surface) * TILE_SIZE);

      tile->texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                              cairo_image_surface_get_stride (tile->surface));
    }
  gtk_snapshot_append_texture (snapshot, tile->texture, &bounds);
}

static void
append_tiles (ParcoursCanvas *self,
              GtkSnapshot    *snapshot,
              double          device_scale,
              double          origin_x,
              double          origin_y,
              double          width,
              double          height)
{
  gint64 first_column = (gint64) floor (origin_x * device_scale / TILE_SIZE);
  gint64 first_row = (gint64) floor (origin_y * device_scale / TILE_SIZE);
  gint64 last_column = (gint64) floor ((origin_x * device_scale + width) / TILE_SIZE);
  gint64 last_row = (gint64) floor ((origin_y * device_scale + height) / TILE_SIZE);

  self->frame_counter++;
  for (gint64 row = first_row; row <= last_row; row++)
    for (gint64 column = first_column; column <= last_column; column++)
      {
        gint64 key = (gint64) (((guint64) (guint32) row << 32) | (guint32) column);
        ParcoursCanvasTile *tile = g_hash_table_lookup (self->tiles, &key);

        if (tile == NULL)
          {
            tile = render_tile (self, column, row, device_scale);
            g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), tile);
          }
        tile->last_used = self->frame_counter;

        append_tile (self, snapshot, tile);
      }

  evict_tiles (self);
}

/* The cards being dragged leave a faint trace where they were; the card
 * being edited shows without its text, which the editor shows. */
static void
append_lifted (ParcoursCanvas *self,
               GtkSnapshot    *snapshot,
               double          scale)
{
  ParcoursElement *editing = parcours_interaction_get_editing (self->interaction);

  for (guint i = 0; i < self->lifted->len; i++)
    {
      ParcoursElement *element = g_ptr_array_index (self->lifted, i);
      const ParcoursCanvasRun *run = element_run (self, element);

      if (run == NULL)
        continue;

      if (element == editing)
        {
          append_run_without_text (self, snapshot, run, scale);
          continue;
        }

      gtk_snapshot_push_opacity (snapshot, 0.3);
      append_run (self, snapshot, run, scale);
      gtk_snapshot_pop (snapshot);
    }
}

/* The scale to draw tiles at: the screen's, except while the zoom is
 * changing, when the tiles drawn so far are scaled instead (a frame
 * then costs no more than when still), as long as they stay sharp
 * enough. */
double
_parcours_canvas_tile_scale (ParcoursCanvas *self,
                             double          device_scale)
{
  double ratio = self->tile_scale > 0 ? device_scale / self->tile_scale : 0;

  if (self->zooming && ratio > 0.6 && ratio < 1.7)
    return self->tile_scale;

  return device_scale;
}

/**
 * _parcours_canvas_snapshot_map:
 * @decorations: whether to draw the view's marks (selection, drag)
 *
 * Draws what the viewport shows: the tiles under the view, the lifted
 * elements live on top, then the view's marks.
 */
void
_parcours_canvas_snapshot_map (ParcoursCanvas *self,
                               GtkSnapshot    *snapshot,
                               gboolean        decorations)
{
  double scale = parcours_viewport_get_scale (self->viewport);
  double device_scale = scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width = parcours_viewport_get_view_width (self->viewport);
  double height = parcours_viewport_get_view_height (self->viewport);
  GdkRGBA outside = outside_color (self);
  double origin_x, origin_y, tile_scale;

  if (self->list == NULL)
    {
      gtk_snapshot_append_color (snapshot, &outside, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }

  tile_scale = _parcours_canvas_tile_scale (self, device_scale);
  if (tile_scale != self->tile_scale)
    {
      g_hash_table_remove_all (self->tiles);
      self->tile_scale = tile_scale;
    }
  update_lifted (self);

  /* Whole device pixels, so that tiles land on the pixel grid. */
  origin_x = round (parcours_viewport_get_x (self->viewport) * device_scale) / device_scale;
  origin_y = round (parcours_viewport_get_y (self->viewport) * device_scale) / device_scale;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-origin_x, -origin_y));
  append_tiles (self, snapshot, tile_scale, origin_x, origin_y,
                width * tile_scale / scale, height * tile_scale / scale);

  if (self->interaction != NULL)
    append_lifted (self, snapshot, device_scale);
  _parcours_canvas_snapshot_spotlight (self, snapshot, device_scale);
  if (decorations && self->interaction != NULL)
    {
      append_selection_marks (self, snapshot, scale);
      append_drag_marks (self, snapshot, scale);
      append_header_marks (self, snapshot, scale);
      append_palette_marker (self, snapshot, scale);
      append_add_buttons (self, snapshot, scale);
    }
  gtk_snapshot_restore (snapshot);

  if (decorations && self->interaction != NULL)
    {
      append_focus_mark (self, snapshot);
      append_point_label (self, snapshot, scale);
    }
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
  _parcours_canvas_snapshot_map (self, snapshot, !parcours_presentation_get_active (self->presentation));
  return gtk_snapshot_free_to_node (snapshot);
}
