/* parcours-atomic-file.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Longest file name a temporary file borrows from its target. */
#define PARCOURS_ATOMIC_FILE_MAX_NAME_PART 200

gboolean  parcours_atomic_file_replace       (GFile         *file,
                                              const char    *data,
                                              gsize          length,
                                              GCancellable  *cancellable,
                                              GError       **error);
gboolean  parcours_atomic_file_is_temporary  (const char    *name,
                                              const char    *target_name);

void      parcours_atomic_file_replace_async  (GFile               *file,
                                               GBytes              *bytes,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean  parcours_atomic_file_replace_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
