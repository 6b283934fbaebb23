/* parcours-import-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"
#include "parcours-format.h"

G_BEGIN_DECLS

/* What the readers of the native format, Mermaid and CSV share.
 *
 * Text in memory is given as `const char *text, gssize length`: the
 * length in bytes, or -1 when the text ends with its first NUL byte, as
 * in GLib. An explicit length may cover NUL bytes, which every reader
 * refuses or, for CSV, takes as UTF-16.
 *
 * Every problem is a #PARCOURS_FORMAT_ERROR, its message prefixed with
 * where it is, in the way each format names a place. */
typedef struct
{
  const char *path;             /* a JSON path: "cards[7].stage", or NULL */
  guint line;                   /* from 1, or 0 */
  glong column;                 /* a character on the line, from 1, or 0 */
  const char *column_name;      /* a CSV column: "text", or NULL */
} ParcoursImportPlace;

char             *_parcours_import_message_valist (const ParcoursImportPlace *place,
                                                   const char                *format,
                                                   va_list                    args)
                                                   G_GNUC_PRINTF (2, 0);
void              _parcours_import_set_error_valist (GError                   **error,
                                                   ParcoursFormatError        code,
                                                   const ParcoursImportPlace *place,
                                                   const char                *format,
                                                   va_list                    args)
                                                   G_GNUC_PRINTF (4, 0);
void              _parcours_import_set_error      (GError                   **error,
                                                   ParcoursFormatError        code,
                                                   const ParcoursImportPlace *place,
                                                   const char                *format,
                                                   ...) G_GNUC_PRINTF (4, 5);
void              _parcours_import_warn           (GPtrArray                 *warnings,
                                                   const ParcoursImportPlace *place,
                                                   const char                *format,
                                                   ...) G_GNUC_PRINTF (3, 4);
gboolean          _parcours_import_insert         (ParcoursDocument          *document,
                                                   ParcoursElement           *element,
                                                   GError                   **error);

G_END_DECLS
