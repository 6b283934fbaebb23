/* fuzz-mermaid.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-mermaid.h"

#include "fuzz-common.h"

/* libFuzzer harness for the Mermaid importer. Any bytes give a map or an
 * error. A map exports to a text that imports again and exports to the
 * same text, saves as a `.parcours` file that loads again, and exports
 * to SVG that is XML and to PDF. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_mermaid_import ((const char *) data, (gssize) size, &error);
  if (!fuzz_check_result (document, error))
    return 0;

  fuzz_check_mermaid_round_trip (document);
  fuzz_check_native_round_trip (document);
  fuzz_check_exports (document);

  return 0;
}
