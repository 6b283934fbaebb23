/* parcours-selection.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

typedef enum
{
  PARCOURS_SELECT_REPLACE,
  PARCOURS_SELECT_ADD,
  PARCOURS_SELECT_TOGGLE,
} ParcoursSelectMode;

#define PARCOURS_TYPE_SELECTION (parcours_selection_get_type())

G_DECLARE_FINAL_TYPE (ParcoursSelection, parcours_selection, PARCOURS, SELECTION, GObject)

ParcoursSelection *parcours_selection_new          (void);
gboolean           parcours_selection_contains     (ParcoursSelection  *self,
                                                    ParcoursElement    *element);
guint              parcours_selection_get_n_items  (ParcoursSelection  *self);
ParcoursElement   *parcours_selection_get_item     (ParcoursSelection  *self,
                                                    guint               index);
void               parcours_selection_select       (ParcoursSelection  *self,
                                                    ParcoursElement    *element,
                                                    ParcoursSelectMode  mode);
void               parcours_selection_select_all   (ParcoursSelection  *self,
                                                    GPtrArray          *elements,
                                                    ParcoursSelectMode  mode);
void               parcours_selection_clear        (ParcoursSelection  *self);
ParcoursElement   *parcours_selection_get_focus    (ParcoursSelection  *self);
void               parcours_selection_set_focus    (ParcoursSelection  *self,
                                                    ParcoursElement    *element);
ParcoursElement   *parcours_selection_get_hover    (ParcoursSelection  *self);
void               parcours_selection_set_hover    (ParcoursSelection  *self,
                                                    ParcoursElement    *element);
void               parcours_selection_prune        (ParcoursSelection  *self,
                                                    ParcoursDocument   *document);

G_END_DECLS
