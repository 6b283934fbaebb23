/* parcours-test-utils.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "parcours-document.h"

G_BEGIN_DECLS

/* Realistic maps for tests: what a workshop produces. */
ParcoursDocument *parcours_test_make_grocery_map     (void);
ParcoursDocument *parcours_test_make_day_in_life_map (void);
ParcoursDocument *parcours_test_make_hostile_map     (void);
ParcoursDocument *parcours_test_make_canvas_map      (void);
ParcoursDocument *parcours_test_make_generated_map   (guint n_stages,
                                                      guint n_lanes,
                                                      guint n_cards,
                                                      guint n_points,
                                                      guint seed);
ParcoursDocument *parcours_test_make_rich_map        (guint seed);

/* Every text a reader of the map must find in an export. */
GPtrArray        *parcours_test_collect_texts        (ParcoursDocument *document);

/* Runs @program (PARCOURS_BIN when NULL) with @args, NULL-terminated and
 * without argv[0], as a user would: no display, a UTF-8 locale and the
 * interface language @language ("fr", "ru"; NULL for English). @out and
 * @err may be NULL. Returns the exit status; a crash fails the test. */
int               parcours_test_run                  (const char         *program,
                                                      const char         *language,
                                                      const char * const *args,
                                                      char              **out,
                                                      char              **err);

void              parcours_test_add                  (ParcoursDocument *document,
                                                      gpointer          element);
void              parcours_test_wait_ms              (guint             ms);

void              parcours_test_compare_images       (cairo_surface_t  *a,
                                                      cairo_surface_t  *b,
                                                      double           *mean,
                                                      double           *far_fraction);

G_END_DECLS
