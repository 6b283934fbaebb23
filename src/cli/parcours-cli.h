/* parcours-cli.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The headless command line: parcours --version, --check FILE…, and (later)
 * --export OUT IN. Exit status: 0 success, 1 a file failed, 2 usage. */
gboolean parcours_cli_wants (int    argc,
                             char **argv);
int      parcours_cli_run   (int    argc,
                             char **argv);

G_END_DECLS
