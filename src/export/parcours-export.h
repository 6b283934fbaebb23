/* parcours-export.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-document.h"
#include "parcours-pagination.h"
#include "parcours-style.h"

G_BEGIN_DECLS

typedef enum
{
  PARCOURS_EXPORT_FORMAT_PARCOURS,
  PARCOURS_EXPORT_FORMAT_SVG,
  PARCOURS_EXPORT_FORMAT_PDF,
  PARCOURS_EXPORT_FORMAT_PNG,
  PARCOURS_EXPORT_FORMAT_MERMAID,
  PARCOURS_EXPORT_FORMAT_CSV,
} ParcoursExportFormat;

typedef struct
{
  ParcoursTheme theme;
  ParcoursPageSize page_size;   /* PDF */
  double scale;                 /* PNG: 1 to 4 */
  gboolean transparent;         /* PNG and SVG */
  gboolean plain;               /* Mermaid without the map in comment lines */
  gboolean semicolons;          /* CSV: `;` and a byte order mark, for Excel */
  GPtrArray *warnings;          /* (nullable): gets one line for each kind of
                                 * information the file does not hold */
} ParcoursExportOptions;

#define PARCOURS_EXPORT_MIN_SCALE 1.0
#define PARCOURS_EXPORT_MAX_SCALE 4.0
#define PARCOURS_EXPORT_PAGE_MARGIN 24.0

void      parcours_export_options_init      (ParcoursExportOptions       *options);
gboolean  parcours_export_format_from_name  (const char                  *name,
                                             ParcoursExportFormat        *format);
gboolean  parcours_export_format_for_file   (const char                  *path,
                                             ParcoursExportFormat        *format);

GBytes   *parcours_export_svg               (ParcoursDocument            *document,
                                             const ParcoursExportOptions *options);
GBytes   *parcours_export_pdf               (ParcoursDocument            *document,
                                             const ParcoursExportOptions *options,
                                             GError                     **error);
GBytes   *parcours_export_png               (ParcoursDocument            *document,
                                             const ParcoursExportOptions *options,
                                             GError                     **error);
GBytes   *parcours_export_to_bytes          (ParcoursDocument            *document,
                                             ParcoursExportFormat         format,
                                             const ParcoursExportOptions *options,
                                             GError                     **error);
gboolean  parcours_export_to_file           (ParcoursDocument            *document,
                                             GFile                       *file,
                                             ParcoursExportFormat         format,
                                             const ParcoursExportOptions *options,
                                             GError                     **error);

void      parcours_export_warn_missing_glyphs (ParcoursDocument          *document,
                                               GPtrArray                 *warnings);

G_END_DECLS
