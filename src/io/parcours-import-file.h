/* parcours-import-file.h
 *
 * Copyright 2026 The Parcours authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-document.h"

G_BEGIN_DECLS

typedef enum
{
  PARCOURS_IMPORT_NATIVE,      /* a .parcours map */
  PARCOURS_IMPORT_MERMAID,     /* a Mermaid journey, .mmd or .mermaid */
  PARCOURS_IMPORT_CSV,         /* a spreadsheet of cards, .csv */
} ParcoursImportKind;

ParcoursImportKind  parcours_import_kind_for_name (const char         *name);
ParcoursDocument   *parcours_import_file          (GFile              *file,
                                                   GCancellable       *cancellable,
                                                   ParcoursImportKind *kind,
                                                   GPtrArray          *warnings,
                                                   GError            **error);

G_END_DECLS
