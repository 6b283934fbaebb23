/* fuzz-common.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "parcours-csv.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-mermaid.h"

#include "fuzz-common.h"

/* How much text around a difference a failure shows. */
#define CONTEXT_BYTES 60

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* GLib 2.74 serves small blocks from its slice allocator, which hides
   * them from AddressSanitizer and LeakSanitizer. The allocator is set
   * up before this runs, so start again with the variable set. */
  if (g_strcmp0 (g_getenv ("G_SLICE"), "always-malloc") != 0)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      g_setenv ("G_DEBUG", "gc-friendly", TRUE);
      execv ("/proc/self/exe", *argv);
      g_printerr ("fuzz: could not restart with G_SLICE=always-malloc: %s\n",
                  g_strerror (errno));
    }

  /* A critical or a warning from a loader or a writer is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

void
fuzz_fail (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "fuzz: %s\n", message);
  fflush (stderr);
  abort ();
}

static char *
escaped_excerpt (const char *text,
                 gsize       length,
                 gsize       position)
{
  gsize start = position > CONTEXT_BYTES ? position - CONTEXT_BYTES : 0;
  gsize end = MIN (length, position + CONTEXT_BYTES);
  g_autofree char *excerpt = g_strndup (text + start, end - start);

  return g_strescape (excerpt, NULL);
}

/* Aborts unless @second is the same text as @first, showing where they
 * part. */
static void
check_same_text (const char *what,
                 const char *first,
                 gsize       first_length,
                 const char *second,
                 gsize       second_length)
{
  g_autofree char *first_excerpt = NULL;
  g_autofree char *second_excerpt = NULL;
  gsize i = 0;

  if (first_length == second_length && memcmp (first, second, first_length) == 0)
    return;

  while (i < first_length && i < second_length && first[i] == second[i])
    i++;

  first_excerpt = escaped_excerpt (first, first_length, i);
  second_excerpt = escaped_excerpt (second, second_length, i);
  fuzz_fail ("%s: the texts differ at byte %" G_GSIZE_FORMAT ":\n"
             "  first:  …%s…\n"
             "  second: …%s…",
             what, i, first_excerpt, second_excerpt);
}

/**
 * fuzz_check_result:
 * @document: (nullable): what a loader returned
 * @error: (nullable): the error it set
 *
 * A loader gives a document and no error, or no document and an error of
 * the %PARCOURS_FORMAT_ERROR domain whose message is UTF-8 text.
 *
 * Returns: whether there is a document to check further
 */
gboolean
fuzz_check_result (ParcoursDocument *document,
                   const GError     *error)
{
  if (document != NULL)
    {
      if (error != NULL)
        fuzz_fail ("a document and an error: %s", error->message);
      if (!PARCOURS_IS_DOCUMENT (document))
        fuzz_fail ("not a document");
      return TRUE;
    }

  if (error == NULL)
    fuzz_fail ("neither a document nor an error");

  if (error->domain != PARCOURS_FORMAT_ERROR)
    fuzz_fail ("an error of the domain %s, not %s: %s",
               g_quark_to_string (error->domain),
               g_quark_to_string (PARCOURS_FORMAT_ERROR),
               error->message);

  if (error->message == NULL || error->message[0] == '\0' ||
      !g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("an error without a valid message");

  return FALSE;
}

/**
 * fuzz_check_native_round_trip:
 * @document: a document a loader made
 *
 * Saving @document gives a file that loads, and saves to the same bytes.
 */
void
fuzz_check_native_round_trip (ParcoursDocument *document)
{
  g_autoptr(GBytes) saved = parcours_format_save_bytes (document);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(ParcoursDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  reloaded = parcours_format_load_bytes (saved, &error);
  if (reloaded == NULL)
    fuzz_fail ("the saved map does not load: %s\n%.*s",
               error != NULL ? error->message : "(no error)",
               (int) MIN (g_bytes_get_size (saved), 4096),
               (const char *) g_bytes_get_data (saved, NULL));

  saved_again = parcours_format_save_bytes (reloaded);
  check_same_text ("native save, load, save",
                   g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                   g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again));
}

/**
 * fuzz_check_mermaid_round_trip:
 * @document: a document a loader made
 *
 * The Mermaid text of @document imports, and exports to the same text.
 */
void
fuzz_check_mermaid_round_trip (ParcoursDocument *document)
{
  g_autofree char *text = parcours_mermaid_export (document);
  g_autofree char *text_again = NULL;
  g_autoptr(ParcoursDocument) imported = NULL;
  g_autoptr(GError) error = NULL;

  imported = parcours_mermaid_import (text, -1, &error);
  if (imported == NULL)
    fuzz_fail ("the exported Mermaid text does not import: %s\n%.4096s",
               error != NULL ? error->message : "(no error)", text);

  text_again = parcours_mermaid_export (imported);
  check_same_text ("Mermaid export, import, export",
                   text, strlen (text), text_again, strlen (text_again));

  /* The text alone, without the map in comment lines, holds too. */
  {
    g_autofree char *plain = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN,
                                                           NULL, NULL);
    g_autofree char *plain_again = NULL;
    g_autoptr(ParcoursDocument) reread = NULL;

    if (plain == NULL)
      return;
    reread = parcours_mermaid_import (plain, -1, &error);
    if (reread == NULL)
      fuzz_fail ("the plain Mermaid text does not import: %s\n%.4096s",
                 error != NULL ? error->message : "(no error)", plain);
    plain_again = parcours_mermaid_export_full (reread, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, NULL);
    check_same_text ("plain Mermaid export, import, export",
                     plain, strlen (plain), plain_again, strlen (plain_again));
  }
}

/**
 * fuzz_check_csv_round_trip:
 * @document: a document a loader made
 *
 * The CSV text of @document imports, and exports to the same text.
 */
void
fuzz_check_csv_round_trip (ParcoursDocument *document)
{
  g_autofree char *text = parcours_csv_export (document);
  g_autofree char *text_again = NULL;
  g_autoptr(ParcoursDocument) imported = NULL;
  g_autoptr(GError) error = NULL;

  imported = parcours_csv_import (text, strlen (text), &error);
  if (imported == NULL)
    fuzz_fail ("the exported CSV text does not import: %s\n%.4096s",
               error != NULL ? error->message : "(no error)", text);

  text_again = parcours_csv_export (imported);
  check_same_text ("CSV export, import, export",
                   text, strlen (text), text_again, strlen (text_again));
}

/**
 * fuzz_check_exports:
 * @document: a document a loader made
 *
 * @document exports to SVG that is well-formed XML, and to PDF without a
 * cairo error (the exporter checks the context, not only the surface).
 */
void
fuzz_check_exports (ParcoursDocument *document)
{
  ParcoursExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  xmlDoc *xml;

  parcours_export_options_init (&options);

  svg = parcours_export_svg (document, &options);
  xml = xmlReadMemory (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "export.svg", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (xml == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();

      fuzz_fail ("the SVG export is not well-formed XML: %s",
                 xml_error != NULL ? xml_error->message : "(no message)");
    }
  xmlFreeDoc (xml);

  pdf = parcours_export_pdf (document, &options, &error);
  if (pdf == NULL)
    fuzz_fail ("the PDF export failed: %s", error != NULL ? error->message : "(no error)");
}
