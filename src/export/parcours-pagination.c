/* parcours-pagination.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "parcours-cairo-renderer.h"
#include "parcours-painter.h"
#include "parcours-pagination.h"

struct _ParcoursPagination
{
  ParcoursLayout *layout;
  ParcoursDisplayList *list;
  double page_width;
  double page_height;
  double margin;
  double scale;
  GArray *pages;              /* ParcoursPageRange */
};

#define MAX_SCALE 2.0

gboolean
parcours_page_size_from_string (const char       *name,
                                ParcoursPageSize *size)
{
  static const struct { const char *name; ParcoursPageSize size; } sizes[] = {
    { "fit", PARCOURS_PAGE_SIZE_FIT },
    { "a4", PARCOURS_PAGE_SIZE_A4 },
    { "a3", PARCOURS_PAGE_SIZE_A3 },
    { "letter", PARCOURS_PAGE_SIZE_LETTER },
    { "slide", PARCOURS_PAGE_SIZE_SLIDE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (name != NULL && g_ascii_strcasecmp (name, sizes[i].name) == 0)
      {
        *size = sizes[i].size;
        return TRUE;
      }

  return FALSE;
}

/* Landscape sizes in PostScript points. */
void
parcours_page_size_get_points (ParcoursPageSize  size,
                               double           *width,
                               double           *height)
{
  switch (size)
    {
    case PARCOURS_PAGE_SIZE_A4:
      *width = 841.89, *height = 595.28;
      break;
    case PARCOURS_PAGE_SIZE_A3:
      *width = 1190.55, *height = 841.89;
      break;
    case PARCOURS_PAGE_SIZE_LETTER:
      *width = 792, *height = 612;
      break;
    case PARCOURS_PAGE_SIZE_SLIDE:
      *width = 960, *height = 540;
      break;
    case PARCOURS_PAGE_SIZE_FIT:
    default:
      *width = 0, *height = 0;
      break;
    }
}

static double
grid_left (ParcoursLayout *layout)
{
  ParcoursRect grid = parcours_layout_get_grid_rect (layout);

  return grid.x + parcours_layout_get_style (layout)->lane_header_width;
}

static double
compute_scale (ParcoursLayout *layout,
               double          usable_width,
               double          usable_height)
{
  double scale = MIN (MAX_SCALE, usable_height / parcours_layout_get_height (layout));
  double widest = 0;

  /* The lane headers and the widest stage must fit side by side. */
  for (guint s = 0; s < parcours_layout_get_n_stages (layout); s++)
    widest = MAX (widest, parcours_layout_get_stage (layout, s)->column.width);
  widest += grid_left (layout) + parcours_layout_get_style (layout)->margin;

  return MIN (scale, usable_width / widest);
}

/**
 * parcours_pagination_new:
 * @layout: a layout, updated here to fit the page
 * @document: the map
 * @page_width: in points
 * @page_height: in points
 * @margin: in points, on every side
 *
 * Returns: (transfer full): the pagination
 */
ParcoursPagination *
parcours_pagination_new (ParcoursLayout   *layout,
                         ParcoursDocument *document,
                         double            page_width,
                         double            page_height,
                         double            margin)
{
  ParcoursPagination *self = g_new0 (ParcoursPagination, 1);
  double usable_width = page_width - 2 * margin;
  double usable_height = page_height - 2 * margin;
  double available, x;
  guint n_stages;

  self->layout = g_object_ref (layout);
  self->page_width = page_width;
  self->page_height = page_height;
  self->margin = margin;
  self->pages = g_array_new (FALSE, FALSE, sizeof (ParcoursPageRange));

  /* The title, personas and legend wrap to the page; that changes the
   * height and so the scale: two rounds settle it. */
  parcours_layout_set_header_width (layout, 0);
  parcours_layout_update (layout, document);
  for (guint round = 0; round < 2; round++)
    {
      self->scale = compute_scale (layout, usable_width, usable_height);
      parcours_layout_set_header_width (layout, usable_width / self->scale
                                        - 2 * parcours_layout_get_style (layout)->margin);
      parcours_layout_update (layout, document);
    }
  self->scale = compute_scale (layout, usable_width, usable_height);
  self->list = parcours_painter_paint (layout);

  /* Fill each page with as many whole stages as fit. */
  available = usable_width / self->scale - grid_left (layout) - parcours_layout_get_style (layout)->margin;
  n_stages = parcours_layout_get_n_stages (layout);
  x = grid_left (layout);

  if (n_stages == 0 || parcours_layout_get_width (layout) * self->scale <= usable_width + 0.01)
    {
      ParcoursPageRange range = { 0, n_stages, x, parcours_layout_get_width (layout) - x };
      g_array_append_val (self->pages, range);
      return self;
    }

  for (guint s = 0; s < n_stages;)
    {
      ParcoursPageRange range = { s, 0, parcours_layout_get_stage (layout, s)->column.x, 0 };

      while (s < n_stages &&
             (range.n_stages == 0 ||
              range.width + parcours_layout_get_stage (layout, s)->column.width <= available + 0.01))
        {
          range.width += parcours_layout_get_stage (layout, s)->column.width;
          range.n_stages++;
          s++;
        }

      g_array_append_val (self->pages, range);
    }

  return self;
}

void
parcours_pagination_free (ParcoursPagination *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->list, parcours_display_list_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

guint
parcours_pagination_get_n_pages (ParcoursPagination *self)
{
  return self->pages->len;
}

double
parcours_pagination_get_scale (ParcoursPagination *self)
{
  return self->scale;
}

const ParcoursPageRange *
parcours_pagination_get_page (ParcoursPagination *self,
                              guint               page)
{
  g_return_val_if_fail (page < self->pages->len, NULL);

  return &g_array_index (self->pages, ParcoursPageRange, page);
}

/**
 * parcours_pagination_find_stage:
 * @self: a #ParcoursPagination
 * @stage: a stage index
 * @page: (out): the page showing the stage
 * @x: (out): the stage header's position on that page, in points
 * @y: (out): likewise
 */
gboolean
parcours_pagination_find_stage (ParcoursPagination *self,
                                guint               stage,
                                guint              *page,
                                double             *x,
                                double             *y)
{
  const ParcoursStageBox *box;

  if (stage >= parcours_layout_get_n_stages (self->layout))
    return FALSE;

  box = parcours_layout_get_stage (self->layout, stage);

  for (guint p = 0; p < self->pages->len; p++)
    {
      const ParcoursPageRange *range = &g_array_index (self->pages, ParcoursPageRange, p);

      if (stage >= range->first_stage && stage < range->first_stage + range->n_stages)
        {
          *page = p;
          *x = self->margin + (box->column.x - range->x + grid_left (self->layout)) * self->scale;
          *y = self->margin + box->header.y * self->scale;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * parcours_pagination_render_page:
 * @self: a #ParcoursPagination
 * @cr: a cairo context whose origin is the page's top-left corner, in points
 * @page: which page
 * @error: return location for a #GError
 *
 * Returns: whether the whole page was drawn
 */
gboolean
parcours_pagination_render_page (ParcoursPagination  *self,
                                 cairo_t             *cr,
                                 guint                page,
                                 GError             **error)
{
  const ParcoursPageRange *range;
  ParcoursRect grid, left, stages;
  gboolean ok = TRUE;

  g_return_val_if_fail (page < self->pages->len, FALSE);

  range = &g_array_index (self->pages, ParcoursPageRange, page);
  grid = parcours_layout_get_grid_rect (self->layout);

  cairo_save (cr);
  cairo_translate (cr, self->margin, self->margin);
  cairo_scale (cr, self->scale, self->scale);

  /* Everything outside the grid (title, personas, legend) on page one;
   * later pages keep the same vertical positions so grids line up. */
  if (page == 0)
    {
      ParcoursRect above = { 0, 0, parcours_layout_get_width (self->layout), grid.y };
      ParcoursRect below = { 0, grid.y + grid.height, parcours_layout_get_width (self->layout),
                             parcours_layout_get_height (self->layout) - grid.y - grid.height };

      ok = parcours_cairo_render (self->list, cr, &above, FALSE, error) &&
           parcours_cairo_render (self->list, cr, &below, FALSE, error);
    }

  left = (ParcoursRect) { 0, grid.y - 1, grid_left (self->layout), grid.height + 2 };
  ok = ok && parcours_cairo_render (self->list, cr, &left, FALSE, error);

  stages = (ParcoursRect) { range->x, grid.y - 1, range->width + 1, grid.height + 2 };
  cairo_translate (cr, grid_left (self->layout) - range->x, 0);
  ok = ok && parcours_cairo_render (self->list, cr, &stages, FALSE, error);

  cairo_restore (cr);

  return ok;
}
