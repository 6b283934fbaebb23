/* parcours-window.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-types.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_WINDOW (parcours_window_get_type())

G_DECLARE_FINAL_TYPE (ParcoursWindow, parcours_window, PARCOURS, WINDOW, AdwApplicationWindow)

ParcoursWindow   *parcours_window_new              (ParcoursApplication  *application);
ParcoursDocument *parcours_window_get_document     (ParcoursWindow       *self);
ParcoursHistory  *parcours_window_get_history      (ParcoursWindow       *self);
GFile            *parcours_window_get_file         (ParcoursWindow       *self);
gboolean          parcours_window_get_is_empty     (ParcoursWindow       *self);
gboolean          parcours_window_get_saving       (ParcoursWindow       *self);
void              parcours_window_new_map          (ParcoursWindow       *self);
void              parcours_window_offer_drafts     (ParcoursWindow       *self);
void              parcours_window_show_new_map     (ParcoursWindow       *self,
                                                    ParcoursDocument     *document);
void              parcours_window_open_file        (ParcoursWindow       *self,
                                                    GFile                *file);
void              parcours_window_load_file_async  (ParcoursWindow       *self,
                                                    GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          parcours_window_load_file_finish (ParcoursWindow       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
