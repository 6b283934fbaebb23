/* parcours-history-labels.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

/* The default labels of undo steps ("Rename Stage", "Add Card", …),
 * translated and interned. */
const char *_parcours_history_label_for_set    (GObject            *object,
                                                GParamSpec         *pspec);
const char *_parcours_history_label_for_insert (ParcoursCollection  collection);
const char *_parcours_history_label_for_remove (ParcoursCollection  collection);
const char *_parcours_history_label_for_move   (ParcoursCollection  collection);
const char *_parcours_history_label_move_card  (void);

G_END_DECLS
