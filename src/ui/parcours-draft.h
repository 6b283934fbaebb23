/* parcours-draft.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PARCOURS_TYPE_DRAFT (parcours_draft_get_type())

G_DECLARE_FINAL_TYPE (ParcoursDraft, parcours_draft, PARCOURS, DRAFT, GObject)

ParcoursDraft *parcours_draft_new             (void);
const char    *parcours_draft_get_id          (ParcoursDraft  *self);
const char    *parcours_draft_get_title       (ParcoursDraft  *self);
GFile         *parcours_draft_get_original    (ParcoursDraft  *self);
GDateTime     *parcours_draft_get_saved_time  (ParcoursDraft  *self);
GFile         *parcours_draft_get_map_file    (ParcoursDraft  *self);

guint          parcours_draft_get_generation  (ParcoursDraft  *self);
gboolean       parcours_draft_write           (ParcoursDraft  *self,
                                               guint           generation,
                                               GBytes         *map,
                                               const char     *title,
                                               GFile          *original,
                                               GError        **error);
void           parcours_draft_write_async     (ParcoursDraft       *self,
                                               GBytes              *map,
                                               const char          *title,
                                               GFile               *original,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       parcours_draft_write_finish    (ParcoursDraft  *self,
                                               GAsyncResult   *result,
                                               GError        **error);
void           parcours_draft_remove          (ParcoursDraft  *self);
gboolean       parcours_draft_claim           (ParcoursDraft  *self,
                                               GError        **error);

char          *parcours_draft_dup_folder      (void);
GPtrArray     *parcours_draft_list_orphans    (void);
ParcoursDraft *parcours_draft_find_orphan     (const char     *id);

G_END_DECLS
