/* parcours-import-file.c
 *
 * Copyright 2026 The Parcours authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parcours-csv.h"
#include "parcours-format.h"
#include "parcours-import-file.h"
#include "parcours-mermaid.h"

/* One way in for every file a map can come from, shared by the window
 * and the command line: the kind comes from the file's extension, as the
 * exporters choose theirs; anything else is read as a native map, whose
 * loader says precisely what is wrong if it is not one. */

/**
 * parcours_import_kind_for_name:
 * @name: a file name or path
 *
 * Returns: what a file named @name is read as
 */
ParcoursImportKind
parcours_import_kind_for_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return PARCOURS_IMPORT_NATIVE;

  if (g_ascii_strcasecmp (dot, ".mmd") == 0 || g_ascii_strcasecmp (dot, ".mermaid") == 0)
    return PARCOURS_IMPORT_MERMAID;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    return PARCOURS_IMPORT_CSV;

  return PARCOURS_IMPORT_NATIVE;
}

/* Refuses a file too large to import before reading it. */
static gboolean
check_size (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_size (info) > PARCOURS_FORMAT_MAX_FILE_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), PARCOURS_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

/**
 * parcours_import_file:
 * @file: a map, a Mermaid journey or a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @kind: (out) (optional): what @file was read as
 * @warnings: (nullable): gets one line for each thing a Mermaid or CSV
 *   file held that the map could not take as it was
 * @error: return location for a #GError
 *
 * Reads @file as parcours_import_kind_for_name() says. May run in any
 * thread: the document is new and nothing else sees it yet.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ParcoursDocument *
parcours_import_file (GFile              *file,
                      GCancellable       *cancellable,
                      ParcoursImportKind *kind,
                      GPtrArray          *warnings,
                      GError            **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  ParcoursImportKind file_kind = parcours_import_kind_for_name (basename);
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind != NULL)
    *kind = file_kind;

  if (file_kind == PARCOURS_IMPORT_NATIVE)
    return parcours_format_load_file (file, cancellable, error);

  if (!check_size (file, cancellable, error) ||
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  if (file_kind == PARCOURS_IMPORT_MERMAID)
    return parcours_mermaid_import_full (contents, length, warnings, error);

  return parcours_csv_import_full (contents, length, warnings, error);
}
