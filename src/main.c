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
  const char *localedir;
  int status;

  setlocale (LC_ALL, "");
  /* PARCOURS_LOCALEDIR runs a build in its own language before it is
   * installed: the tests point it at the catalogues in the build tree. */
  localedir = g_getenv ("PARCOURS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
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
