/* parcours-clipboard.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

/* Cards on the clipboard: a Parcours MIME type with every property, and
 * plain text (one line per card) for other applications. */
#define PARCOURS_CLIPBOARD_MIME_TYPE "application/x-parcours-cards+json"

/* Bigger clipboard contents are refused unread. */
#define PARCOURS_CLIPBOARD_MAX_BYTES (16 * 1024 * 1024)

/* A paste of more cards than this asks first. */
#define PARCOURS_CLIPBOARD_CONFIRM_CARDS 5000

#define PARCOURS_CLIPBOARD_ERROR (parcours_clipboard_error_quark ())

typedef enum
{
  PARCOURS_CLIPBOARD_ERROR_INVALID,
  PARCOURS_CLIPBOARD_ERROR_TOO_LARGE,
  PARCOURS_CLIPBOARD_ERROR_EMPTY,
} ParcoursClipboardError;

GQuark     parcours_clipboard_error_quark  (void);
GBytes    *parcours_clipboard_encode       (GPtrArray    *cards);
char      *parcours_clipboard_encode_text  (GPtrArray    *cards);
GPtrArray *parcours_clipboard_decode       (GBytes       *bytes,
                                            GError      **error);
GPtrArray *parcours_clipboard_decode_text  (const char   *text,
                                            gssize        length,
                                            GError      **error);

G_END_DECLS
