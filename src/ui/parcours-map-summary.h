/* parcours-map-summary.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-document.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_MAP_SUMMARY (parcours_map_summary_get_type())

G_DECLARE_FINAL_TYPE (ParcoursMapSummary, parcours_map_summary, PARCOURS, MAP_SUMMARY, AdwBin)

GtkWidget        *parcours_map_summary_new          (void);
ParcoursDocument *parcours_map_summary_get_document (ParcoursMapSummary *self);
void              parcours_map_summary_set_document (ParcoursMapSummary *self,
                                                     ParcoursDocument   *document);

G_END_DECLS
