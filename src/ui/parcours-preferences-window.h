/* parcours-preferences-window.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARCOURS_TYPE_PREFERENCES_WINDOW (parcours_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (ParcoursPreferencesWindow, parcours_preferences_window, PARCOURS, PREFERENCES_WINDOW, AdwPreferencesWindow)

ParcoursPreferencesWindow *parcours_preferences_window_new (GtkWindow *parent,
                                                            GSettings *settings);

G_END_DECLS
