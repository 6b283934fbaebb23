/* parcours-votes-group.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "parcours-history.h"
#include "parcours-selection.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_VOTES_GROUP (parcours_votes_group_get_type())

G_DECLARE_FINAL_TYPE (ParcoursVotesGroup, parcours_votes_group, PARCOURS, VOTES_GROUP, AdwPreferencesGroup)

/* The most cards the map page's "Top Voted" list shows. */
#define PARCOURS_VOTES_GROUP_MAX_ROWS 10

GtkWidget *parcours_votes_group_new           (const char         *page);
void       parcours_votes_group_set_history   (ParcoursVotesGroup *self,
                                               ParcoursHistory    *history);
void       parcours_votes_group_set_selection (ParcoursVotesGroup *self,
                                               ParcoursSelection  *selection);
GtkListBox *parcours_votes_group_get_list     (ParcoursVotesGroup *self);

G_END_DECLS
