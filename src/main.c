/* main.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "parcours-application.h"
#include "parcours-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ParcoursApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --check, --export and --version work without a display, so they are
   * handled before anything touches GTK. */
  if (parcours_cli_wants (argc, argv))
    return parcours_cli_run (argc, argv);

  app = parcours_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status;
}
