/* parcours-csv.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "parcours-document.h"
#include "parcours-format.h"

G_BEGIN_DECLS

/* A map as a spreadsheet, one row per card or emotion point: the sticky
 * notes of a workshop typed into a table become a map, and a map goes
 * back to a table. The rules are described at the top of parcours-csv.c.
 * Errors are in the %PARCOURS_FORMAT_ERROR domain. */

#define PARCOURS_CSV_HEADER "stage,lane,kind,text,channel,sentiment,emotion,details"

/* Limits of an import, each refused with %PARCOURS_FORMAT_ERROR_TOO_LARGE.
 * Stages, lanes and emotion points also stay within the limits of the
 * native format, so that an imported map can always be saved and opened
 * again. */
#define PARCOURS_CSV_MAX_SIZE       PARCOURS_FORMAT_MAX_FILE_SIZE
#define PARCOURS_CSV_MAX_ROWS       200000
#define PARCOURS_CSV_MAX_FIELD_SIZE (1024 * 1024)

ParcoursDocument *parcours_csv_import (const char        *text,
                                       gssize             length,
                                       GError           **error);
ParcoursDocument *parcours_csv_import_full (const char     *text,
                                            gssize          length,
                                            GPtrArray      *warnings,
                                            GError        **error);
typedef enum
{
  PARCOURS_CSV_EXPORT_SEMICOLON = 1 << 0,  /* `;` and a UTF-8 byte order mark, for Excel */
} ParcoursCsvExportFlags;

char             *parcours_csv_export (ParcoursDocument  *document);
char             *parcours_csv_export_full (ParcoursDocument       *document,
                                            ParcoursCsvExportFlags  flags,
                                            GPtrArray              *warnings);

G_END_DECLS
