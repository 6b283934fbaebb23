/* parcours-element-list.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-element.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_ELEMENT_LIST (parcours_element_list_get_type())

G_DECLARE_FINAL_TYPE (ParcoursElementList, parcours_element_list, PARCOURS, ELEMENT_LIST, GObject)

/* One of a document's ordered lists of elements, as a GListModel. Only
 * the document changes it, and it emits items-changed itself, after its
 * own "changed": these do not. */
ParcoursElementList *_parcours_element_list_new    (GType                item_type);
ParcoursElement     *_parcours_element_list_get    (ParcoursElementList *self,
                                                    guint                position);
guint                _parcours_element_list_get_length (ParcoursElementList *self);
void                 _parcours_element_list_insert (ParcoursElementList *self,
                                                    guint                position,
                                                    ParcoursElement     *element);
ParcoursElement     *_parcours_element_list_steal  (ParcoursElementList *self,
                                                    guint                position);
gboolean             _parcours_element_list_find   (ParcoursElementList *self,
                                                    ParcoursElement     *element,
                                                    guint               *position);

G_END_DECLS
