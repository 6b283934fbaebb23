/* parcours-document-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

/* Structural changes. Only the history (for undoable edits) and the file
 * readers (while building a new document) call these: everything else goes
 * through ParcoursHistory. */
gboolean         _parcours_document_insert (ParcoursDocument   *self,
                                            ParcoursElement    *element,
                                            guint               position,
                                            GError            **error);
gboolean         _parcours_document_append_unobserved (ParcoursDocument *self,
                                                       ParcoursElement  *element);
ParcoursElement *_parcours_document_remove (ParcoursDocument   *self,
                                            ParcoursCollection  collection,
                                            guint               position);
void             _parcours_document_move   (ParcoursDocument   *self,
                                            ParcoursCollection  collection,
                                            guint               from_position,
                                            guint               to_position);

/* Called by an element of @self, through _parcours_element_notify(),
 * when one of its properties changed. */
void             _parcours_document_element_changed (ParcoursDocument *self,
                                                     ParcoursElement  *element,
                                                     GParamSpec       *pspec);

G_END_DECLS
