/* parcours-test-hostile.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"
#include "parcours-export.h"

G_BEGIN_DECLS

/* Hostile text through the exporters, shared by test-hostile-text and
 * test-hostile-text-blns (built with json-glib, librsvg and libxml2). */

/* PARCOURS_TEST_QUICK is set (valgrind): shorter loops */
gboolean  parcours_test_hostile_quick                (void);
/* The Big List of Naughty Strings from PARCOURS_SHARED_DIR, each once,
 * or NULL when it is not there */
GPtrArray *parcours_test_hostile_naughty_strings     (void);
/* One of the project's own hostile-text maps, tests/data/hostile-text/@name */
ParcoursDocument *parcours_test_hostile_load_data    (const char           *name);
/* Every place a user types text in @document, as (field, text) pairs;
 * a text may be NULL */
GPtrArray *parcours_test_hostile_fields              (ParcoursDocument     *document);
/* What a reader can check of @text in any export: its letters, digits
 * and symbols, drawable and in NFC */
char     *parcours_test_hostile_visible              (const char           *text);
/* Whether the fonts installed have a glyph for @c */
gboolean  parcours_test_hostile_font_covers          (gunichar              c);
/* @text, in the visible form of parcours_test_hostile_check_svg (), is in
 * @haystack; @where and @field say what failed. */
void      parcours_test_hostile_assert_found         (const char           *haystack,
                                                      const char           *text,
                                                      const char           *where,
                                                      const char           *field);

/* @document exported to @format, which must succeed */
GBytes   *parcours_test_hostile_export               (ParcoursDocument     *document,
                                                      ParcoursExportFormat  format);
GBytes   *parcours_test_hostile_export_with_warnings (ParcoursDocument     *document,
                                                      ParcoursExportFormat  format,
                                                      GPtrArray            *warnings);
/* Strict XML, drawn by librsvg; returns its text in visible form. */
char     *parcours_test_hostile_check_svg            (GBytes               *svg);
/* The text pdftotext finds, in visible form, or NULL without pdftotext */
char     *parcours_test_hostile_check_pdf            (GBytes               *pdf);
void      parcours_test_hostile_check_png            (GBytes               *png);

/* Every field of @document comes back from the native format, or is
 * drawn in the SVG, PDF and PNG exports (what cannot be drawn named in a
 * warning); @where says which map failed. */
void      parcours_test_hostile_check_native         (ParcoursDocument     *document,
                                                      const char           *where);
void      parcours_test_hostile_check_svg_export     (ParcoursDocument     *document,
                                                      const char           *where);
void      parcours_test_hostile_check_pdf_export     (ParcoursDocument     *document,
                                                      const char           *where);
void      parcours_test_hostile_check_png_export     (ParcoursDocument     *document,
                                                      const char           *where);

G_END_DECLS
