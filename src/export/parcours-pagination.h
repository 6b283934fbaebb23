/* parcours-pagination.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "parcours-layout.h"

G_BEGIN_DECLS

typedef enum
{
  PARCOURS_PAGE_SIZE_FIT,     /* one page exactly the size of the map */
  PARCOURS_PAGE_SIZE_A4,
  PARCOURS_PAGE_SIZE_A3,
  PARCOURS_PAGE_SIZE_LETTER,
  PARCOURS_PAGE_SIZE_SLIDE,   /* 16:9 */
} ParcoursPageSize;

typedef struct
{
  guint first_stage;
  guint n_stages;
  double x;                   /* where the page's stages start, layout units */
  double width;
} ParcoursPageRange;

/* How a map is cut into landscape pages: scaled to fit the page height and
 * split between stages, never inside one. The lane headers repeat on
 * every page; the title, personas and legend are on the first page. */
typedef struct _ParcoursPagination ParcoursPagination;

gboolean            parcours_page_size_from_string     (const char         *name,
                                                        ParcoursPageSize   *size);
void                parcours_page_size_get_points      (ParcoursPageSize    size,
                                                        double             *width,
                                                        double             *height);

ParcoursPagination *parcours_pagination_new            (ParcoursLayout     *layout,
                                                        ParcoursDocument   *document,
                                                        double              page_width,
                                                        double              page_height,
                                                        double              margin);
void                parcours_pagination_free           (ParcoursPagination *self);
guint               parcours_pagination_get_n_pages    (ParcoursPagination *self);
double              parcours_pagination_get_scale      (ParcoursPagination *self);
const ParcoursPageRange *parcours_pagination_get_page  (ParcoursPagination *self,
                                                        guint               page);
gboolean            parcours_pagination_find_stage     (ParcoursPagination *self,
                                                        guint               stage,
                                                        guint              *page,
                                                        double             *x,
                                                        double             *y);
gboolean            parcours_pagination_render_page    (ParcoursPagination *self,
                                                        cairo_t            *cr,
                                                        guint               page,
                                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursPagination, parcours_pagination_free)

G_END_DECLS
