/* parcours-outline.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-history.h"
#include "parcours-selection.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_OUTLINE (parcours_outline_get_type())

G_DECLARE_FINAL_TYPE (ParcoursOutline, parcours_outline, PARCOURS, OUTLINE, AdwBin)

GtkWidget  *parcours_outline_new              (void);
void        parcours_outline_set_history      (ParcoursOutline   *self,
                                               ParcoursHistory   *history);
void        parcours_outline_set_selection    (ParcoursOutline   *self,
                                               ParcoursSelection *selection);
GListModel *parcours_outline_get_model        (ParcoursOutline   *self);
char       *parcours_outline_describe         (ParcoursDocument  *document,
                                               ParcoursElement   *element,
                                               ParcoursStage     *stage);
gboolean    parcours_outline_rename           (ParcoursOutline   *self,
                                               guint              position,
                                               const char        *text);

G_END_DECLS
