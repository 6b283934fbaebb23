/* parcours-thumbnailer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>
#include <unistd.h>

#include "parcours-format.h"
#include "parcours-thumbnail.h"
#include "parcours-utils.h"

/* parcours-thumbnailer [-s SIZE] INPUT OUTPUT: the picture file managers
 * show for a .parcours file (data/parcours.thumbnailer).
 *
 * File managers run thumbnailers on every file a user scrolls past, so
 * this must stay quick and harmless on anything: files that are not
 * maps, broken or hostile ones (the loader refuses them), and maps too
 * large to draw in a moment give no thumbnail and a non-zero exit. Time
 * limits end the process, with the same exit, if it still takes too long. */

#define EXIT_NO_THUMBNAIL 1
#define EXIT_USAGE        2

/* Beyond these a map takes more than a moment to lay out; file managers
 * show their generic icon instead. */
#define MAX_FILE_SIZE   (16 * 1024 * 1024)
#define MAX_CARDS       20000
#define MAX_STAGES      200
#define MAX_LANES       100

/* Backstops for anything the limits above miss: processor time, which
 * does not depend on how busy the machine is, and waiting (a file on a
 * stalled network share). */
#define CPU_LIMIT_SECONDS  2
#define WALL_LIMIT_SECONDS 10

static const char *output_path;
static char *timeout_message;

/* The time is up (SIGXCPU or SIGALRM): no thumbnail, not even half of
 * one, and a plain failure rather than a crash report. Only
 * async-signal-safe calls. */
static void
timeout_cb (int signal_number)
{
  if (output_path != NULL)
    unlink (output_path);
  /* One line for the file manager's log; nothing to do if it fails. */
  if (timeout_message != NULL && write (STDERR_FILENO, timeout_message, strlen (timeout_message)) < 0)
    timeout_message = NULL;
  _exit (EXIT_NO_THUMBNAIL);
}

static int
fail (const char *path,
      const char *message)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_printerr ("parcours-thumbnailer: %s: %s\n", display_name, message);
  return EXIT_NO_THUMBNAIL;
}

static gboolean
small_enough (ParcoursDocument *document)
{
  return g_list_model_get_n_items (parcours_document_get_cards (document)) <= MAX_CARDS &&
         g_list_model_get_n_items (parcours_document_get_stages (document)) <= MAX_STAGES &&
         g_list_model_get_n_items (parcours_document_get_lanes (document)) <= MAX_LANES;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_auto(GStrv) paths = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  int size = 256;
  const GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_INT, &size, N_("Longest side of the thumbnail, in pixels (default 256)"), N_("SIZE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("INPUT OUTPUT") },
    { NULL }
  };

  {
    const struct rlimit cpu_limit = { CPU_LIMIT_SECONDS, CPU_LIMIT_SECONDS + 1 };

    signal (SIGXCPU, timeout_cb);
    signal (SIGALRM, timeout_cb);
    setrlimit (RLIMIT_CPU, &cpu_limit);
    alarm (WALL_LIMIT_SECONDS);
  }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PARCOURS_LOCALEDIR") ? g_getenv ("PARCOURS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Said from the signal handler, so made now. */
  timeout_message = g_strdup_printf ("parcours-thumbnailer: %s\n", _("took too long to draw a thumbnail"));

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Draws a picture of a journey map for file managers."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("parcours-thumbnailer: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (paths == NULL || g_strv_length (paths) != 2)
    {
      g_printerr ("parcours-thumbnailer: %s\n", _("expected an input file and an output file"));
      return EXIT_USAGE;
    }

  if (size < 1 || size > PARCOURS_THUMBNAIL_MAX_SIZE)
    {
      g_printerr ("parcours-thumbnailer: ");
      g_printerr (_("the size must be from 1 to %d pixels"), PARCOURS_THUMBNAIL_MAX_SIZE);
      g_printerr ("\n");
      return EXIT_USAGE;
    }

  /* Check the size before reading anything. */
  input = g_file_new_for_commandline_arg (paths[0]);
  info = g_file_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    return fail (paths[0], error->message);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return fail (paths[0], _("not a regular file"));
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    return fail (paths[0], _("too large for a thumbnail"));

  document = parcours_format_load_file (input, NULL, &error);
  if (document == NULL)
    return fail (paths[0], error->message);
  if (!small_enough (document))
    return fail (paths[0], _("too large for a thumbnail"));

  output_path = paths[1];
  surface = parcours_thumbnail_render (document, size, PARCOURS_THEME_PRINT);
  status = cairo_surface_write_to_png (surface, paths[1]);
  cairo_surface_destroy (surface);

  parcours_keep_until_exit (g_steal_pointer (&document));
  if (status != CAIRO_STATUS_SUCCESS)
    return fail (paths[1], cairo_status_to_string (status));

  return EXIT_SUCCESS;
}
