/* parcours-test-utils.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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


/* Windows (tests with a display) */
#include <adwaita.h>
#include "parcours-window.h"

/* Loads @file into @window as Open does, waiting for the result. */
gboolean          parcours_test_load_into_window     (ParcoursWindow   *window,
                                                      GFile            *file,
                                                      GError          **error);
/* The message dialog shown over @window, if any. */
AdwMessageDialog *parcours_test_find_message_dialog  (GtkWindow        *window);
/* Whether @window is still open (not closed or destroyed). */
gboolean          parcours_test_window_is_open       (GtkWindow        *window);
/* Saves @document to @name in @dir; returns the file. */
GFile            *parcours_test_save_map             (ParcoursDocument *document,
                                                      const char       *dir,
                                                      const char       *name);
/* The titles of the rows of @dialog's extra list, joined by " | " */
char             *parcours_test_dup_dialog_list      (AdwMessageDialog *dialog);
/* Removes @dir and the files in it. */
void              parcours_test_remove_dir           (const char       *dir);

G_END_DECLS
