/* parcours-test-ui.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Driving a real window under X as a person would, with xdotool. */
gboolean parcours_test_ui_init         (void);
void     parcours_test_ui_xdotool      (const char *first,
                                        ...) G_GNUC_NULL_TERMINATED;
void     parcours_test_ui_key          (const char *keys);
void     parcours_test_ui_type         (const char *text);
void     parcours_test_ui_click_widget (GtkWidget  *widget);
void     parcours_test_ui_focus_window (GtkWindow  *window);
void     parcours_test_ui_screenshot   (const char *name);
GtkWidget *parcours_test_ui_find_label (GtkWidget  *widget,
                                        const char *text);

G_END_DECLS
