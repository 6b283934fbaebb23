/* parcours-inspector.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-history.h"
#include "parcours-selection.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_INSPECTOR (parcours_inspector_get_type())

G_DECLARE_FINAL_TYPE (ParcoursInspector, parcours_inspector, PARCOURS, INSPECTOR, AdwBin)

GtkWidget  *parcours_inspector_new           (void);
void        parcours_inspector_set_history   (ParcoursInspector *self,
                                              ParcoursHistory   *history);
void        parcours_inspector_set_selection (ParcoursInspector *self,
                                              ParcoursSelection *selection);
const char *parcours_inspector_get_page      (ParcoursInspector *self);
GtkWidget  *parcours_inspector_get_field     (ParcoursInspector *self,
                                              const char        *page,
                                              const char        *property);
GtkWidget  *parcours_inspector_get_votes_group (ParcoursInspector *self,
                                                const char        *page);

G_END_DECLS
