/* fuzz-common.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "parcours-document.h"

G_BEGIN_DECLS

/* What the three libFuzzer harnesses share: the checks that turn a wrong
 * result into a crash libFuzzer reports. Each check aborts with a message
 * on stderr when it fails. */

int      LLVMFuzzerInitialize          (int               *argc,
                                        char            ***argv);
int      LLVMFuzzerTestOneInput        (const uint8_t     *data,
                                        size_t             size);

G_NORETURN
void     fuzz_fail                     (const char        *format,
                                        ...) G_GNUC_PRINTF (1, 2);
gboolean fuzz_check_result             (ParcoursDocument  *document,
                                        const GError      *error);
void     fuzz_check_native_round_trip  (ParcoursDocument  *document);
void     fuzz_check_mermaid_round_trip (ParcoursDocument  *document);
void     fuzz_check_csv_round_trip     (ParcoursDocument  *document);
void     fuzz_check_exports            (ParcoursDocument  *document);

G_END_DECLS
