/* parcours-format.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-document.h"

G_BEGIN_DECLS

/* The native `.parcours` format: JSON, documented in docs/file-format.md. */

#define PARCOURS_FORMAT_VERSION 1
#define PARCOURS_FORMAT_MAX_FILE_SIZE (64 * 1024 * 1024)

/* What a file may hold; anything beyond is refused with
 * %PARCOURS_FORMAT_ERROR_TOO_LARGE or %PARCOURS_FORMAT_ERROR_TOO_DEEP. */
#define PARCOURS_FORMAT_MAX_DEPTH          64
#define PARCOURS_FORMAT_MAX_VALUES         5000000
#define PARCOURS_FORMAT_MAX_STRING_SIZE    (1024 * 1024)
#define PARCOURS_FORMAT_MAX_PHOTO_URI_SIZE (4 * 1024 * 1024)
#define PARCOURS_FORMAT_MAX_ID_LENGTH      128
#define PARCOURS_FORMAT_MAX_LIST_ITEMS     1000
#define PARCOURS_FORMAT_MAX_PERSONAS       200
#define PARCOURS_FORMAT_MAX_STAGES         1000
#define PARCOURS_FORMAT_MAX_LANES          1000
#define PARCOURS_FORMAT_MAX_CARDS          200000
#define PARCOURS_FORMAT_MAX_EMOTION_POINTS 100000

#define PARCOURS_FORMAT_ERROR (parcours_format_error_quark ())

typedef enum
{
  PARCOURS_FORMAT_ERROR_SYNTAX,         /* not JSON */
  PARCOURS_FORMAT_ERROR_ENCODING,       /* invalid UTF-8 */
  PARCOURS_FORMAT_ERROR_TOO_LARGE,      /* file, string or count over a limit */
  PARCOURS_FORMAT_ERROR_TOO_DEEP,       /* nesting deeper than any map needs */
  PARCOURS_FORMAT_ERROR_NOT_PARCOURS,   /* JSON, but no "format": "parcours" */
  PARCOURS_FORMAT_ERROR_VERSION,        /* written by a newer major version */
  PARCOURS_FORMAT_ERROR_TYPE,           /* a member of the wrong type */
  PARCOURS_FORMAT_ERROR_MISSING,        /* a required member is absent */
  PARCOURS_FORMAT_ERROR_RANGE,          /* a value out of range, NaN or infinite */
  PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
  PARCOURS_FORMAT_ERROR_DANGLING_ID,    /* refers to no element of the right kind */
} ParcoursFormatError;

GQuark            parcours_format_error_quark (void);

ParcoursDocument *parcours_format_load_bytes  (GBytes            *bytes,
                                               GError           **error);
ParcoursDocument *parcours_format_load_bytes_with_warnings
                                              (GBytes            *bytes,
                                               GPtrArray        **warnings,
                                               GError           **error);
ParcoursDocument *parcours_format_load_file   (GFile             *file,
                                               GCancellable      *cancellable,
                                               GError           **error);
GBytes           *parcours_format_save_bytes  (ParcoursDocument  *document);
gboolean          parcours_format_check_reopenable (ParcoursDocument *document,
                                                    GError          **error);
gboolean          parcours_format_save_file   (ParcoursDocument  *document,
                                               GFile             *file,
                                               GCancellable      *cancellable,
                                               GError           **error);

G_END_DECLS
