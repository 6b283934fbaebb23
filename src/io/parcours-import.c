/* parcours-import.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-document-private.h"
#include "parcours-import-private.h"

/**
 * _parcours_import_message_valist:
 * @place: (nullable): where the problem is
 * @format: a printf() format for the problem
 * @args: its arguments
 *
 * Returns: (transfer full): the message, prefixed with @place: a path
 *   (`cards[7].stage: …`), a line and column (`3:14: …`, as compilers
 *   write them), a CSV line and column name or a line (`line 3: …`)
 */
char *
_parcours_import_message_valist (const ParcoursImportPlace *place,
                                 const char                *format,
                                 va_list                    args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (place == NULL)
    return g_steal_pointer (&message);

  if (place->path != NULL && place->path[0] != '\0')
    return g_strdup_printf ("%s: %s", place->path, message);

  if (place->line > 0 && place->column > 0)
    return g_strdup_printf ("%u:%ld: %s", place->line, place->column, message);

  if (place->line > 0 && place->column_name != NULL)
    return g_strdup_printf (_("line %u, column \"%s\": %s"),
                            place->line, place->column_name, message);

  if (place->line > 0)
    return g_strdup_printf (_("line %u: %s"), place->line, message);

  return g_steal_pointer (&message);
}

/**
 * _parcours_import_set_error_valist:
 * @error: return location for a #GError, or %NULL
 * @code: the #ParcoursFormatError
 * @place: (nullable): where the problem is
 * @format: a printf() format for the problem
 * @args: its arguments
 *
 * Sets @error to the problem, prefixed as _parcours_import_message_valist() does.
 */
void
_parcours_import_set_error_valist (GError                   **error,
                                   ParcoursFormatError        code,
                                   const ParcoursImportPlace *place,
                                   const char                *format,
                                   va_list                    args)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    return;

  message = _parcours_import_message_valist (place, format, args);
  g_set_error_literal (error, PARCOURS_FORMAT_ERROR, code, message);
}

void
_parcours_import_set_error (GError                   **error,
                            ParcoursFormatError        code,
                            const ParcoursImportPlace *place,
                            const char                *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  _parcours_import_set_error_valist (error, code, place, format, args);
  va_end (args);
}

/**
 * _parcours_import_warn:
 * @warnings: (nullable) (element-type utf8): where to add the warning
 * @place: (nullable): where the problem is
 * @format: a printf() format for the problem
 * @...: its arguments
 *
 * Adds a problem that does not stop the reading to @warnings, prefixed
 * as errors are.
 */
void
_parcours_import_warn (GPtrArray                 *warnings,
                       const ParcoursImportPlace *place,
                       const char                *format,
                       ...)
{
  va_list args;

  if (warnings == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (warnings, _parcours_import_message_valist (place, format, args));
  va_end (args);
}

/**
 * _parcours_import_insert:
 * @document: the document being read
 * @element: an element to add at the end of its collection
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with @error set to
 *   %PARCOURS_FORMAT_ERROR_DUPLICATE_ID when another element has its id
 */
gboolean
_parcours_import_insert (ParcoursDocument  *document,
                         ParcoursElement   *element,
                         GError           **error)
{
  /* Nothing observes a document while it is being read. */
  if (!_parcours_document_append_unobserved (document, element))
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
                   _("duplicate id \"%s\""), parcours_element_get_id (element));
      return FALSE;
    }

  return TRUE;
}
