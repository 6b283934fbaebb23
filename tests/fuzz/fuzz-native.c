/* fuzz-native.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-format.h"

#include "fuzz-common.h"

/* libFuzzer harness for the `.parcours` loader. Any bytes give a map
 * and its warnings, or an error. A map saves to a file that loads again
 * and saves to the same bytes, and its Mermaid export imports again and
 * exports to the same text; it exports to SVG that is XML and to PDF. A
 * loaded file can hold almost anything a map can, so this also tests the
 * writers on maps the importers never make.
 *
 * CSV keeps less: stages of the same name, for one, become one stage. So
 * the CSV export of a map must import, and the map that gives must then
 * go through CSV unchanged. */

static ParcoursDocument *
import_csv_export (ParcoursDocument *document)
{
  g_autofree char *text = parcours_csv_export (document);
  g_autoptr(ParcoursDocument) imported = NULL;
  g_autoptr(GError) error = NULL;

  imported = parcours_csv_import (text, strlen (text), &error);
  if (imported == NULL)
    fuzz_fail ("the exported CSV text does not import: %s\n%.4096s",
               error != NULL ? error->message : "(no error)", text);

  return g_steal_pointer (&imported);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) from_csv = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_format_load_bytes_with_warnings (bytes, &warnings, &error);
  if (!fuzz_check_result (document, error))
    {
      if (warnings != NULL)
        fuzz_fail ("warnings for a file that does not load");
      return 0;
    }

  if (warnings == NULL)
    fuzz_fail ("no warnings array for a file that loads");
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);

      if (warning == NULL || !g_utf8_validate (warning, -1, NULL))
        fuzz_fail ("a warning that is not UTF-8 text");
    }

  fuzz_check_native_round_trip (document);
  fuzz_check_mermaid_round_trip (document);
  fuzz_check_exports (document);

  from_csv = import_csv_export (document);
  fuzz_check_csv_round_trip (from_csv);

  return 0;
}
