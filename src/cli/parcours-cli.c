/* parcours-cli.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parcours-cli.h"
#include "parcours-csv.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-import-file.h"
#include "parcours-mermaid.h"
#include "parcours-templates.h"
#include "parcours-utils.h"

/* The headless side of the parcours executable. Nothing here may touch
 * GTK: these modes run on servers and in tests without any display.
 *
 * Each mode is a row of cli_modes: the option that selects it, whether
 * that option takes a value (as --export OUT will), how many operands it
 * accepts and the function that runs it. Options that only tune a mode go
 * into cli_extra_entries, and the mode's run function reads them from
 * CliArgs. */

#define EXIT_USAGE 2

typedef struct _CliArgs CliArgs;

typedef struct
{
  const char  *long_name;
  const char  *description;
  const char  *arg_description;
  const char  *usage;
  gboolean     takes_value;
  guint        min_operands;
  guint        max_operands;
  int        (*run)             (const CliArgs *args);
} CliMode;

struct _CliArgs
{
  const CliMode  *mode;
  char           *mode_value;
  char          **operands;
  gboolean        help;

  /* --export */
  char           *format;
  char           *page_size;
  char           *scale;
  char           *theme;
  gboolean        transparent;
  gboolean        plain;
  char           *csv_separator;
};

static int cli_run_version (const CliArgs *args);
static int cli_run_check   (const CliArgs *args);
static int cli_run_export  (const CliArgs *args);
static int cli_run_list_templates (const CliArgs *args);
static int cli_run_new     (const CliArgs *args);

static const CliMode cli_modes[] = {
  {
    "version", N_("Print the version and exit"), NULL,
    "--version",
    FALSE, 0, 0, cli_run_version,
  },
  {
    "check", N_("Check that each FILE is a valid journey map and exit"), NULL,
    "--check FILE…",
    FALSE, 1, G_MAXUINT, cli_run_check,
  },
  {
    "export", N_("Convert IN to OUT, choosing formats by extension: "
                 ".parcours, .svg, .pdf, .png, .mmd (Mermaid), .csv"), N_("OUT"),
    "--export OUT [--format FMT] [--page-size SIZE] [--scale N] [--theme THEME] [--transparent] [--plain] [--csv-separator SEP] IN",
    TRUE, 1, 1, cli_run_export,
  },
  {
    "list-templates", N_("List the templates a new map can start from and exit"), NULL,
    "--list-templates",
    FALSE, 0, 0, cli_run_list_templates,
  },
  {
    "new", N_("Write a new map made from TEMPLATE to OUT, in the language of the user"), N_("TEMPLATE"),
    "--new TEMPLATE OUT",
    TRUE, 1, 1, cli_run_new,
  },
};

static void
cli_args_clear (CliArgs *args)
{
  g_clear_pointer (&args->mode_value, g_free);
  g_clear_pointer (&args->operands, g_strfreev);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->page_size, g_free);
  g_clear_pointer (&args->scale, g_free);
  g_clear_pointer (&args->csv_separator, g_free);
  g_clear_pointer (&args->theme, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliArgs, cli_args_clear)

static const CliMode *
cli_lookup_mode (const char *option)
{
  if (option == NULL || option[0] != '-' || option[1] != '-')
    return NULL;

  option += 2;

  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    {
      gsize len = strlen (cli_modes[i].long_name);

      /* Also "--mode=VALUE", for modes that take a value. */
      if (strncmp (option, cli_modes[i].long_name, len) == 0 &&
          (option[len] == '\0' || option[len] == '='))
        return &cli_modes[i];
    }

  return NULL;
}

static void
cli_print_usage (FILE *stream)
{
  fprintf (stream, "%s:\n", _("Usage"));

  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    fprintf (stream, "  %s %s\n", PACKAGE_NAME, cli_modes[i].usage);

  fprintf (stream, "  %s [FILE…]\n", PACKAGE_NAME);
}

static void
cli_print_help (void)
{
  cli_print_usage (stdout);
  printf ("\n%s:\n", _("Options"));

  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    {
      g_autofree char *option = g_strconcat ("--", cli_modes[i].long_name, NULL);

      printf ("  %-16s  %s\n", option, _(cli_modes[i].description));
    }

  printf ("  %-16s  %s\n", "-h, --help", _("Show this help"));
  printf ("\n%s:\n", _("Export options"));
  printf ("  %-22s  %s\n", "--format FMT", _("parcours, svg, pdf, png, mmd or csv; overrides OUT's extension"));
  printf ("  %-22s  %s\n", "--page-size SIZE", _("PDF pages: fit (default), a4, a3, letter or slide, in landscape"));
  printf ("  %-22s  %s\n", "--scale N", _("PNG scale factor, 1 to 4 (default 1)"));
  printf ("  %-22s  %s\n", "--theme THEME", _("light (default) or dark"));
  printf ("  %-22s  %s\n", "--transparent", _("PNG and SVG without a background"));
  printf ("  %-22s  %s\n", "--plain", _("Mermaid without the rest of the map in %% comment lines"));
  printf ("  %-22s  %s\n", "--csv-separator SEP", _("CSV with “,” (default) or “;” and a byte order mark, for Excel"));
}

static int
cli_usage_error (const char *message)
{
  fprintf (stderr, "%s: %s\n", PACKAGE_NAME, message);
  cli_print_usage (stderr);

  return EXIT_USAGE;
}

static gboolean
cli_mode_selected_cb (const char  *option_name,
                      const char  *value,
                      gpointer     user_data,
                      GError     **error)
{
  CliArgs *args = user_data;
  const CliMode *mode = cli_lookup_mode (option_name);

  g_assert (mode != NULL);

  if (args->mode != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--%s and --%s cannot be used together"),
                   args->mode->long_name, mode->long_name);
      return FALSE;
    }

  args->mode = mode;
  args->mode_value = g_strdup (value);

  return TRUE;
}

static int
cli_run_version (const CliArgs *args)
{
  g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);

  return EXIT_SUCCESS;
}

static gboolean
cli_check_one (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display_name = g_filename_display_name (arg);

  /* A Mermaid journey or a CSV file is checked as Open and --export
   * read it: valid if it imports, with what it lost said first. */
  document = parcours_import_file (file, NULL, NULL, warnings, &error);

  /* The lines are machine-read: their words stay in English, one line
   * each; only the messages are in the user's language. */
  if (document == NULL)
    {
      g_autofree char *message = g_strdelimit (g_strdup (error->message), "\r\n", ' ');

      g_print ("%s: error: %s\n", display_name, message);
      return FALSE;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *message = g_strdelimit (g_strdup (g_ptr_array_index (warnings, i)), "\r\n", ' ');

      g_print ("%s: warning: %s\n", display_name, message);
    }

  g_print ("%s: ok (%u stages, %u lanes, %u cards, %u personas, %u emotion points)\n",
           display_name,
           g_list_model_get_n_items (parcours_document_get_stages (document)),
           g_list_model_get_n_items (parcours_document_get_lanes (document)),
           g_list_model_get_n_items (parcours_document_get_cards (document)),
           g_list_model_get_n_items (parcours_document_get_personas (document)),
           g_list_model_get_n_items (parcours_document_get_emotion_points (document)));

  parcours_keep_until_exit (g_steal_pointer (&document));
  return TRUE;
}

static int
cli_run_check (const CliArgs *args)
{
  gboolean all_ok = TRUE;

  for (guint i = 0; args->operands[i] != NULL; i++)
    {
      if (!cli_check_one (args->operands[i]))
        all_ok = FALSE;
    }

  return all_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* What an import read otherwise than written, one line each. */
static void
print_import_warnings (const char *path,
                       GPtrArray  *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_printerr (_("%s: warning: %s\n"), path, (char *) g_ptr_array_index (warnings, i));
}

/* The input format comes from IN's extension: .parcours (or anything
 * else that is JSON), .mmd/.mermaid and .csv. */
static ParcoursDocument *
cli_import (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  ParcoursDocument *document;

  document = parcours_import_file (file, NULL, NULL, warnings, error);
  print_import_warnings (path, document != NULL ? warnings : NULL);

  return document;
}

static int
cli_export_error (const char *path,
                  const char *message)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *line = g_strdelimit (g_strdup (message), "\r\n", ' ');

  fprintf (stderr, "%s: %s: %s\n", PACKAGE_NAME, display_name, line);
  return EXIT_FAILURE;
}

static int
cli_run_export (const CliArgs *args)
{
  const char *output = args->mode_value;
  const char *input = args->operands[0];
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  ParcoursExportOptions options;
  ParcoursExportFormat format;

  parcours_export_options_init (&options);

  if (args->format != NULL && !parcours_export_format_from_name (args->format, &format))
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s” (use parcours, svg, pdf, png, mmd or csv)"),
                                                  args->format);
      return cli_usage_error (message);
    }
  if (args->page_size != NULL && !parcours_page_size_from_string (args->page_size, &options.page_size))
    {
      g_autofree char *message = g_strdup_printf (_("unknown page size “%s” (use fit, a4, a3, letter or slide)"),
                                                  args->page_size);
      return cli_usage_error (message);
    }
  if (args->theme != NULL && !parcours_theme_from_string (args->theme, &options.theme))
    {
      g_autofree char *message = g_strdup_printf (_("unknown theme “%s” (use light or dark)"), args->theme);
      return cli_usage_error (message);
    }
  if (args->scale != NULL)
    {
      char *end = NULL;

      options.scale = g_ascii_strtod (args->scale, &end);
      if (end == args->scale || *end != '\0' ||
          !(options.scale >= PARCOURS_EXPORT_MIN_SCALE && options.scale <= PARCOURS_EXPORT_MAX_SCALE))
        {
          g_autofree char *message = g_strdup_printf (_("--scale takes a number from 1 to 4, not “%s”"), args->scale);
          return cli_usage_error (message);
        }
    }
  options.transparent = args->transparent;
  options.plain = args->plain;
  if (args->csv_separator != NULL)
    {
      if (strcmp (args->csv_separator, ";") == 0)
        options.semicolons = TRUE;
      else if (strcmp (args->csv_separator, ",") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("--csv-separator takes “,” or “;”, not “%s”"),
                                                      args->csv_separator);
          return cli_usage_error (message);
        }
    }

  if (args->format == NULL && !parcours_export_format_for_file (output, &format))
    return cli_export_error (output, _("cannot tell the format from the extension; "
                                       "use .parcours, .svg, .pdf, .png, .mmd or .csv, or --format"));

  document = cli_import (input, &error);
  if (document == NULL)
    return cli_export_error (input, error->message);

  /* Written atomically: a failed export leaves no half-written file. */
  output_file = g_file_new_for_commandline_arg (output);
  warnings = g_ptr_array_new_with_free_func (g_free);
  options.warnings = warnings;
  if (!parcours_export_to_file (document, output_file, format, &options, &error))
    return cli_export_error (output, error->message);

  /* Nothing lost without a word. */
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("warning: %s\n"), (char *) g_ptr_array_index (warnings, i));

  parcours_keep_until_exit (g_steal_pointer (&document));
  return EXIT_SUCCESS;
}

static int
cli_run_list_templates (const CliArgs *args)
{
  const char * const *ids = parcours_templates_get_ids ();

  /* One template a line: its id, then its title in the user's language. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ParcoursDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = parcours_template_load (ids[i], &error);
      if (document == NULL)
        return cli_export_error (ids[i], error->message);

      g_print ("%-24s %s\n", ids[i], parcours_document_get_title (document));
    }

  return EXIT_SUCCESS;
}

static int
cli_run_new (const CliArgs *args)
{
  const char *template_id = args->mode_value;
  const char *output = args->operands[0];
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!parcours_template_exists (template_id))
    {
      g_autofree char *message = g_strdup_printf (_("there is no template called “%s”; "
                                                    "parcours --list-templates lists them"),
                                                  template_id);
      return cli_usage_error (message);
    }

  /* A new map never replaces a file: that could be someone's work. */
  file = g_file_new_for_commandline_arg (output);
  if (g_file_query_exists (file, NULL))
    return cli_export_error (output, _("the file already exists; choose another name"));

  document = parcours_template_load (template_id, &error);
  if (document == NULL)
    return cli_export_error (template_id, error->message);

  if (!parcours_format_save_file (document, file, NULL, &error))
    return cli_export_error (output, error->message);

  return EXIT_SUCCESS;
}

gboolean
parcours_cli_wants (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;

      if (cli_lookup_mode (argv[i]) != NULL)
        return TRUE;

      /* The help lists every mode, and it needs no display either. */
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        return TRUE;
    }

  return FALSE;
}

/* The options: one for each mode, then those that go with a mode; what
 * they set goes to @cli_args. */
static GOptionContext *
cli_option_context_new (CliArgs *cli_args)
{
  g_autoptr(GArray) entries = NULL;
  GOptionContext *context;
  GOptionGroup *group;
  const GOptionEntry extra_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &cli_args->help,
      N_("Show this help"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli_args->format,
      N_("Output format for --export"), N_("FMT") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &cli_args->page_size,
      N_("PDF page size for --export"), N_("SIZE") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &cli_args->scale,
      N_("PNG scale for --export"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &cli_args->theme,
      N_("Colour theme for --export"), N_("THEME") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &cli_args->transparent,
      N_("No background for --export"), NULL },
    { "plain", 0, 0, G_OPTION_ARG_NONE, &cli_args->plain,
      N_("Mermaid for --export without the map in comment lines"), NULL },
    { "csv-separator", 0, 0, G_OPTION_ARG_STRING, &cli_args->csv_separator,
      N_("CSV separator for --export, “,” or “;” (with a byte order mark, for Excel)"), N_("SEP") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli_args->operands,
      NULL, N_("FILE…") },
    { NULL }
  };

  entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    {
      GOptionEntry entry = {
        .long_name = cli_modes[i].long_name,
        .flags = cli_modes[i].takes_value ? 0 : G_OPTION_FLAG_NO_ARG,
        .arg = G_OPTION_ARG_CALLBACK,
        .arg_data = (gpointer) cli_mode_selected_cb,
        .description = cli_modes[i].description,
        .arg_description = cli_modes[i].arg_description,
      };

      g_array_append_val (entries, entry);
    }

  g_array_append_vals (entries, extra_entries, G_N_ELEMENTS (extra_entries) - 1);

  group = g_option_group_new (PACKAGE_NAME, NULL, NULL, cli_args, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, (const GOptionEntry *) (gpointer) entries->data);

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_main_group (context, group);

  return context;
}

/* Whether the mode of @cli_args goes with its options and operands; if
 * not, the message saying why. */
static char *
cli_check_args (CliArgs *cli_args)
{
  guint n_operands;

  if (cli_args->mode == NULL)
    return g_strdup (_("Nothing to do"));

  if ((cli_args->format || cli_args->page_size || cli_args->scale || cli_args->theme || cli_args->transparent ||
       cli_args->plain || cli_args->csv_separator) &&
      cli_args->mode->run != cli_run_export)
    return g_strdup (_("--format, --page-size, --scale, --theme, --transparent, --plain and "
                       "--csv-separator go with --export"));

  if (cli_args->operands == NULL)
    cli_args->operands = g_new0 (char *, 1);

  n_operands = g_strv_length (cli_args->operands);

  if (n_operands < cli_args->mode->min_operands)
    return g_strdup_printf (_("--%s needs a file"), cli_args->mode->long_name);

  if (n_operands > cli_args->mode->max_operands)
    return g_strdup_printf (_("Too many files for --%s"), cli_args->mode->long_name);

  return NULL;
}

int
parcours_cli_run (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(CliArgs) cli_args = { 0 };

  g_return_val_if_fail (argc > 0, EXIT_USAGE);
  g_return_val_if_fail (argv != NULL, EXIT_USAGE);

  context = cli_option_context_new (&cli_args);

  /* Parse a copy: GOptionContext rewrites the vector it is given. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    return cli_usage_error (error->message);

  if (cli_args.help)
    {
      cli_print_help ();
      return EXIT_SUCCESS;
    }

  problem = cli_check_args (&cli_args);
  if (problem != NULL)
    return cli_usage_error (problem);

  return cli_args.mode->run (&cli_args);
}
