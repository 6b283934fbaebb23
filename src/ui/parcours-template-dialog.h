/* parcours-template-dialog.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARCOURS_TYPE_TEMPLATE_DIALOG (parcours_template_dialog_get_type())

G_DECLARE_FINAL_TYPE (ParcoursTemplateDialog, parcours_template_dialog, PARCOURS, TEMPLATE_DIALOG, AdwWindow)

ParcoursTemplateDialog *parcours_template_dialog_new          (GtkWindow              *parent);
guint                   parcours_template_dialog_get_n_pending (ParcoursTemplateDialog *self);

G_END_DECLS
