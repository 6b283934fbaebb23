/* test-function-lengths.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

/* Functions read as steps: past about 100 lines a function is split into
 * well-named parts (README.md, "Contributing"). This test holds every
 * function in src/ to the hard line of 120 and names the ones past it,
 * so a long function is caught when it is written rather than found in a
 * review. In GNU style a function's body opens with "{" in the first
 * column and closes with "}" there; its length counts from the line that
 * names it to that closing brace. */

#define MAX_FUNCTION_LINES 120

/* How far above its "{" a definition's name may be: the return type
 * is on the line before the name, the parameters follow it. */
#define MAX_SIGNATURE_LINES 12

typedef struct
{
  char  *name;
  guint  line;     /* 1-based line of the name */
  guint  length;   /* from the name's line to the closing brace */
} FunctionSpan;

static void
function_span_clear (FunctionSpan *span)
{
  g_free (span->name);
}

/* The function name that starts @line ("name (…"), or NULL. */
static char *
definition_name (const char *line)
{
  const char *p = line;
  const char *end;

  if (!g_ascii_isalpha (*p) && *p != '_')
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  end = p;
  while (*p == ' ' || *p == '\t')
    p++;

  return *p == '(' ? g_strndup (line, end - line) : NULL;
}

/* Looks up from the "{" on line @open for the line that names the
 * function; a blank line, a statement or the end of something else
 * before it means the brace opens a struct or a table instead. */
static char *
find_definition (char  **lines,
                 guint   open,
                 guint  *name_line)
{
  for (guint j = open; j > 0 && open - j < MAX_SIGNATURE_LINES; j--)
    {
      const char *line = lines[j - 1];
      char *name = definition_name (line);
      gsize len = strlen (line);

      if (name != NULL)
        {
          *name_line = j - 1;
          return name;
        }
      if (len == 0 || line[0] == '}' || line[len - 1] == ';')
        return NULL;
    }

  return NULL;
}

static GArray *
measure_functions (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (FunctionSpan));
  guint n_lines = g_strv_length (lines);

  g_array_set_clear_func (spans, (GDestroyNotify) function_span_clear);

  for (guint i = 0; i < n_lines; i++)
    {
      guint name_line = 0;
      guint close = i + 1;
      char *name;

      if (lines[i][0] != '{')
        continue;

      while (close < n_lines && lines[close][0] != '}')
        close++;

      name = find_definition (lines, i, &name_line);
      if (name != NULL)
        {
          FunctionSpan span = { name, name_line + 1, close - name_line + 1 };
          g_array_append_val (spans, span);
        }
      i = close;
    }

  return spans;
}

static void
collect_sources (const char *dir_path,
                 GPtrArray  *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sources (path, paths);
      else if (g_str_has_suffix (entry, ".c") || g_str_has_suffix (entry, ".h"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_measure_sample (void)
{
  static const char sample[] =
    "static struct { int a; } table[] =\n"
    "{\n"
    "  { 1 },\n"
    "};\n"
    "\n"
    "static int\n"
    "short_one (int a,\n"
    "           int b)\n"
    "{\n"
    "  return a + b;\n"
    "}\n"
    "\n"
    "struct _Thing\n"
    "{\n"
    "  int field;\n"
    "};\n"
    "\n"
    "void\n"
    "other (void)\n"
    "{\n"
    "  if (1)\n"
    "    {\n"
    "    }\n"
    "\n"
    "  return;\n"
    "}\n";
  g_autoptr(GArray) spans = measure_functions (sample);
  FunctionSpan *first, *second;

  g_assert_cmpuint (spans->len, ==, 2);
  first = &g_array_index (spans, FunctionSpan, 0);
  second = &g_array_index (spans, FunctionSpan, 1);
  g_assert_cmpstr (first->name, ==, "short_one");
  g_assert_cmpuint (first->line, ==, 7);
  g_assert_cmpuint (first->length, ==, 5);
  g_assert_cmpstr (second->name, ==, "other");
  g_assert_cmpuint (second->line, ==, 19);
  g_assert_cmpuint (second->length, ==, 8);
}

static void
test_sources_within_limit (void)
{
  g_autofree char *src_dir = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) too_long = g_string_new (NULL);
  guint n_functions = 0;

  collect_sources (src_dir, paths);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) spans = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      spans = measure_functions (text);
      n_functions += spans->len;

      for (guint s = 0; s < spans->len; s++)
        {
          const FunctionSpan *span = &g_array_index (spans, FunctionSpan, s);

          if (span->length > MAX_FUNCTION_LINES)
            g_string_append_printf (too_long, "\n  %s:%u: %s is %u lines",
                                    path + strlen (src_dir) + 1, span->line,
                                    span->name, span->length);
        }
    }

  g_test_message ("%u functions measured in %u files", n_functions, paths->len);
  /* Every source file has functions: none found means the measure broke. */
  g_assert_cmpuint (n_functions, >, paths->len / 2);
  if (too_long->len > 0)
    g_test_fail_printf ("functions longer than %d lines (split them into steps):%s",
                        MAX_FUNCTION_LINES, too_long->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codebase/function-lengths/measure", test_measure_sample);
  g_test_add_func ("/codebase/function-lengths/src-within-limit", test_sources_within_limit);

  return g_test_run ();
}
