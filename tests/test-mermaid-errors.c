/* test-mermaid-errors.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "parcours-document-private.h"
#include "parcours-mermaid.h"
#include "parcours-test-utils.h"

/* Mermaid journeys: what is refused, what is read with a warning, and
 * hostile text. */

static void
test_errors_header (void)
{
  parcours_test_assert_mermaid_error ("", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 1: expected \"journey\"");
  parcours_test_assert_mermaid_error ("", 0, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 1: expected \"journey\"");
  parcours_test_assert_mermaid_error ("%% nothing but a comment\n\n", -1,
                                      PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 3: expected \"journey\"");
  parcours_test_assert_mermaid_error ("graph TD\n  A --> B\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 1: expected \"journey\", found \"graph TD\"");
  parcours_test_assert_mermaid_error ("\n  title Too early\njourney\n", -1,
                                      PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 2: expected \"journey\", found \"title Too early\"");
  /* journey\b: Mermaid's lexer wants the whole word. */
  parcours_test_assert_mermaid_error ("journeys\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 1: expected \"journey\", found \"journeys\"");
  parcours_test_assert_mermaid_error ("---\ntitle: Never closed\njourney\n", -1,
                                      PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 4: expected \"---\" to end the front matter of line 1");
}

static void
test_errors_task (void)
{
  g_autofree char *long_line = NULL;
  g_autofree char *long_message = NULL;

  parcours_test_assert_mermaid_error ("journey\n"
                                      "  title My working day\n"
                                      "  section Go to work\n"
                                      "    Make tea\n",
                                      -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 4: expected \"Task name: score\" or \"section Name\", found \"Make tea\"");
  /* A `:` after a `#` is in the comment. */
  parcours_test_assert_mermaid_error ("journey\nMake tea # later: 5\n",
                                      -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 2: expected \"Task name: score\" or \"section Name\", found \"Make tea # later: 5\"");
  /* A second `journey` is not a task either. */
  parcours_test_assert_mermaid_error ("journey\njourney\n",
                                      -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 2: expected \"Task name: score\" or \"section Name\", found \"journey\"");

  long_line = g_strnfill (100, 'x');
  long_message =
      g_strdup_printf ("line 2: expected \"Task name: score\" or \"section Name\", found \"%.60s…\"",
                                  long_line);
  {
    g_autofree char *text = g_strdup_printf ("journey\n%s\n", long_line);

    parcours_test_assert_mermaid_error (text, -1, PARCOURS_FORMAT_ERROR_SYNTAX, long_message);
  }
}

static void
assert_import_warning (const char *text,
                       const char *warning)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_mermaid_import_full (text, -1, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, warning);
}

static double
first_value (const char *text)
{
  g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (text);
  GListModel *points = parcours_document_get_emotion_points (document);

  g_assert_cmpuint (parcours_test_count (points), >=, 1);
  return parcours_emotion_point_get_value (parcours_test_nth (points, 0));
}

/* addTask() of journeyDb takes Number() of the score: any number, a
 * blank is 0, the rest NaN. */
static void
test_parse_scores_as_numbers (void)
{
  g_assert_cmpfloat (first_value ("journey\nTea: 2.5\n"), ==, -0.25);
  g_assert_cmpfloat (first_value ("journey\nTea: 4.5: Me\n"), ==, 0.75);
  g_assert_cmpfloat (first_value ("journey\nTea: .5e1\n"), ==, 1.0);
  g_assert_cmpfloat (first_value ("journey\nTea: +3.0\n"), ==, 0.0);
  g_assert_cmpfloat (first_value ("journey\nTea: 0x4\n"), ==, 0.5);

  assert_import_warning ("journey\n"
                         "  title My working day\n"
                         "  section Go to work\n"
                         "    Make tea: 5: Me\n"
                         "    Go upstairs: 3: Me\n"
                         "    Do work: high: Me, Cat\n",
                         "line 6: score \"high\" is not a number, which Mermaid draws at no height; "
                         "Parcours uses 3");
  assert_import_warning ("journey\nTea: : Me\n",
                         "line 2: a blank score is 0 for Mermaid, outside 1 to 5; Parcours uses 1");
  assert_import_warning ("journey\nTea: 5 stars\n",
                         "line 2: score \"5 stars\" is not a number, which Mermaid draws at no height; "
                         "Parcours uses 3");
  assert_import_warning ("journey\nTea: --5\n",
                         "line 2: score \"--5\" is not a number, which Mermaid draws at no height; "
                         "Parcours uses 3");
  assert_import_warning ("journey\nTea: 7.5\n",
                         "line 2: score 7.5 is outside 1 to 5; Parcours uses 5");
  g_assert_cmpfloat (first_value ("journey\nTea: -2\n"), ==, -1.0);

  /* A lone `:` has no score at all: Mermaid refuses it. */
  parcours_test_assert_mermaid_error ("journey\nTea:\n", -1, PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 2: expected \"Task name: score\" or \"section Name\", found \"Tea:\"");
}

static void
test_errors_acc_descr_block (void)
{
  parcours_test_assert_mermaid_error ("journey\n  accDescr {\n    never closed\n  section A\n", -1,
                                      PARCOURS_FORMAT_ERROR_SYNTAX,
                                      "line 5: expected \"}\" to end the \"accDescr {\" of line 2");
}

/* journey.jison: after the `}` of `accDescr {`, the lexer is back in its
 * first state, so a statement may follow on the same line. */
static void
test_parse_after_acc_descr_block (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursCard *card;

  document = parcours_test_mermaid_import ("journey\naccDescr {\n  text\n} Task: 3\n"
                                           "accDescr { more }title After the brace\n");
  g_assert_cmpstr (parcours_document_get_description (document), ==, "more");
  g_assert_cmpstr (parcours_document_get_title (document), ==, "After the brace");
  g_assert_cmpuint (parcours_test_count (parcours_document_get_cards (document)), ==, 1);
  card = parcours_test_nth (parcours_document_get_cards (document), 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "Task");
}

static void
test_errors_utf8 (void)
{
  static const char latin1[] = "journey\nsection Caf\351\nTea: 3\n";
  static const char nul[] = "journey\nTea: 3\nCof\0fee: 4\n";
  static const char truncated[] = "journey\nTea: 3: L\303";

  parcours_test_assert_mermaid_error (latin1, -1, PARCOURS_FORMAT_ERROR_ENCODING,
                                      "line 2: text is not valid UTF-8");
  parcours_test_assert_mermaid_error (nul, sizeof nul - 1, PARCOURS_FORMAT_ERROR_ENCODING,
                                      "line 3: text is not valid UTF-8");
  parcours_test_assert_mermaid_error (truncated, -1, PARCOURS_FORMAT_ERROR_ENCODING,
                                      "line 2: text is not valid UTF-8");
  /* An overlong encoding of "/" and a lone surrogate. */
  parcours_test_assert_mermaid_error ("journey\n\300\257: 3\n", -1, PARCOURS_FORMAT_ERROR_ENCODING,
                                      "line 2: text is not valid UTF-8");
  parcours_test_assert_mermaid_error ("journey\n\n\n\355\240\200: 3\n", -1,
                                      PARCOURS_FORMAT_ERROR_ENCODING,
                                      "line 4: text is not valid UTF-8");
}

static void
test_errors_hostile_line (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) text = g_string_new ("journey\n  section A\n    ");
  g_autofree char *message = NULL;

  g_string_set_size (text, text->len + size);
  memset (text->str + text->len - size, 'x', size);
  g_string_append (text, ": 5: Me\n");

  message = g_strdup_printf ("line 3: line longer than %d bytes",
                             PARCOURS_MERMAID_MAX_LINE_LENGTH);
  parcours_test_assert_mermaid_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      message);

  /* Just under the limit is fine. */
  g_string_truncate (text, strlen ("journey\n  section A\n"));
  g_string_append (text, "    ");
  g_string_set_size (text, text->len + PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5"));
  memset (text->str + text->len - (PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5")),
          'y', PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5"));
  g_string_append (text, ": 5");
  {
    g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (text->str);
    ParcoursCard *card = parcours_test_nth (parcours_document_get_cards (document), 0);

    g_assert_cmpuint (strlen (parcours_card_get_text (card)), ==,
                      PARCOURS_MERMAID_MAX_LINE_LENGTH - 4 - strlen (": 5"));
  }
}

static void
test_errors_hostile_tasks (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n  section Many\n");
  g_autofree char *message = NULL;

  /* A million tasks: refused at the first one over the limit, before any
   * element is made. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "t: 3\n");

  message = g_strdup_printf ("line %d: more than %d tasks",
                             PARCOURS_MERMAID_MAX_TASKS + 3, PARCOURS_MERMAID_MAX_TASKS);
  parcours_test_assert_mermaid_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      message);
}

/* Within Mermaid's own limits, but more emotion points than a .parcours
 * file may hold: refused, rather than saved to a file that will not open. */
static void
test_errors_not_reopenable (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n  section Many\n");
  g_autoptr(GString) actors = g_string_new (NULL);

  for (guint a = 0; a < 200; a++)
    g_string_append_printf (actors, "%sActor %u", a ? ", " : "", a);
  for (guint t = 0; t < 501; t++)
    g_string_append_printf (text, "    Task %u: 3: %s\n", t, actors->str);

  parcours_test_assert_mermaid_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "the map would have 100200 emotion-points; Parcours opens maps with at most 100000");
}

static void
test_errors_hostile_counts (void)
{
  g_autoptr(GString) sections = g_string_new ("journey\n");
  g_autoptr(GString) actors = g_string_new ("journey\nTask: 3: ");
  g_autoptr(GString) scores = g_string_new ("journey\n");
  g_autoptr(GString) actor_list = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i <= PARCOURS_MERMAID_MAX_SECTIONS; i++)
    g_string_append_printf (sections, "section S%u\n", i);
  message = g_strdup_printf ("line %d: more than %d sections",
                             PARCOURS_MERMAID_MAX_SECTIONS + 2, PARCOURS_MERMAID_MAX_SECTIONS);
  parcours_test_assert_mermaid_error (sections->str, -1, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  /* The limit itself is fine. */
  g_string_truncate (sections, strlen ("journey\n"));
  for (guint i = 0; i < PARCOURS_MERMAID_MAX_SECTIONS; i++)
    g_string_append_printf (sections, "section S%u\n", i);
  {
    g_autoptr(ParcoursDocument) document = parcours_test_mermaid_import (sections->str);

    g_assert_cmpuint (parcours_test_count (parcours_document_get_stages (document)), ==,
                      PARCOURS_MERMAID_MAX_SECTIONS);
  }

  for (guint i = 0; i < PARCOURS_MERMAID_MAX_ACTORS; i++)
    g_string_append_printf (actor_list, "%sA%u", i > 0 ? ", " : "", i);
  g_string_append_printf (actors, "%s\nMore: 3: A0, Newcomer\n", actor_list->str);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line 3: more than %d actors", PARCOURS_MERMAID_MAX_ACTORS);
  parcours_test_assert_mermaid_error (actors->str, -1, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  /* Every actor in every task: a quadratic number of points. */
  for (guint i = 0; i <= PARCOURS_MERMAID_MAX_SCORES / PARCOURS_MERMAID_MAX_ACTORS; i++)
    g_string_append_printf (scores, "T: 3: %s\n", actor_list->str);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line %d: more than %d scores (one for each actor of each task)",
                             PARCOURS_MERMAID_MAX_SCORES / PARCOURS_MERMAID_MAX_ACTORS + 2,
                             PARCOURS_MERMAID_MAX_SCORES);
  parcours_test_assert_mermaid_error (scores->str, scores->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      message);
}

static void
test_errors_hostile_text (void)
{
  g_autoptr(GString) text = g_string_new ("journey\n");
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n_lines;

  /* Each long name is copied into the points of its 100 actors. */
  g_string_set_size (line, 60000);
  memset (line->str, 'n', line->len);
  g_string_append (line, ": 3: ");
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (line, "%sA%u", i > 0 ? "," : "", i);

  n_lines = PARCOURS_MERMAID_MAX_TEXT / (60000 * 101) + 1;
  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "%s\n", line->str);

  message = g_strdup_printf ("line %u: the map would hold more than %d MB of text",
                             n_lines + 1, PARCOURS_MERMAID_MAX_TEXT / (1024 * 1024));
  parcours_test_assert_mermaid_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      message);

  /* Text over the size limit is refused before it is read. */
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("the text is larger than %d MB",
                             PARCOURS_MERMAID_MAX_SIZE / (1024 * 1024));
  g_string_set_size (text, PARCOURS_MERMAID_MAX_SIZE + 1);
  parcours_test_assert_mermaid_error (text->str, text->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid/errors/header", test_errors_header);
  g_test_add_func ("/mermaid/errors/task", test_errors_task);
  g_test_add_func ("/mermaid/parse/scores-as-numbers", test_parse_scores_as_numbers);
  g_test_add_func ("/mermaid/errors/acc-descr-block", test_errors_acc_descr_block);
  g_test_add_func ("/mermaid/parse/after-acc-descr-block", test_parse_after_acc_descr_block);
  g_test_add_func ("/mermaid/errors/utf8", test_errors_utf8);
  g_test_add_func ("/mermaid/errors/hostile-line", test_errors_hostile_line);
  g_test_add_func ("/mermaid/errors/hostile-tasks", test_errors_hostile_tasks);
  g_test_add_func ("/mermaid/errors/hostile-counts", test_errors_hostile_counts);
  g_test_add_func ("/mermaid/errors/not-reopenable", test_errors_not_reopenable);
  g_test_add_func ("/mermaid/errors/hostile-text", test_errors_hostile_text);

  return g_test_run ();
}
