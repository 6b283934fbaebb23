/* test-csv-errors.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-test-utils.h"

/* CSV: what is refused, with the line and column of the problem. */

static void
test_errors_unknown_values (void)
{
  parcours_test_assert_csv_error ("stage,text,channel\n"
                                  "A,ok,email\n"
                                  "A,\"two\nlines\",phone\n"
                                  "\n"
                                  "A,Calls us,fax\n",
                                  PARCOURS_FORMAT_ERROR_RANGE,
                                  "line 6, column \"channel\": unknown channel \"fax\" "
                                  "(expected one of " CSV_CHANNEL_NICKS ")");

  parcours_test_assert_csv_error ("stage,text,kind\nA,x,Feelings\n",
                                  PARCOURS_FORMAT_ERROR_RANGE,
                                  "line 2, column \"kind\": unknown lane kind \"Feelings\" "
                                  "(expected one of " CSV_LANE_KIND_NICKS ")");

  parcours_test_assert_csv_error ("stage,text,sentiment\r\nA,x,positive\r\nA,y, meh \r\n",
                                  PARCOURS_FORMAT_ERROR_RANGE,
                                  "line 3, column \"sentiment\": unknown sentiment \"meh\" "
                                  "(expected one of neutral, positive, negative)");

  /* Long values are shortened in the message. */
  parcours_test_assert_csv_error ("stage,text,channel\nA,x,carrier pigeon carrier pigeon carrier pigeon\n",
                                  PARCOURS_FORMAT_ERROR_RANGE,
                                  "line 2, column \"channel\": unknown channel "
                                  "\"carrier pigeon carrier pigeon carrier pi…\" "
                                  "(expected one of " CSV_CHANNEL_NICKS ")");

  /* Columns that an emotions row ignores are not checked there. */
  g_object_unref (parcours_test_csv_import ("stage,kind,text,channel,sentiment,emotion\n"
                                            "A,emotions,x,fax,meh,1\n"));
}

static void
test_errors_emotion_level (void)
{
  parcours_test_assert_csv_error ("stage,kind,text,emotion\nA,emotions,x,2.5\n",
                                  PARCOURS_FORMAT_ERROR_RANGE,
                                  "line 2, column \"emotion\": invalid emotion level \"2.5\" "
                                  "(expected a number from -2 to 2)");
  parcours_test_assert_csv_error ("stage,kind,text,emotion\nA,emotions,x,3\n",
                                  PARCOURS_FORMAT_ERROR_RANGE,
                                  "line 2, column \"emotion\": invalid emotion level \"3\" "
                                  "(expected a number from -2 to 2)");
  parcours_test_assert_csv_error ("stage,kind,text,emotion\nA,emotions,x,1.5.0\n",
                                  PARCOURS_FORMAT_ERROR_RANGE, NULL);
  parcours_test_assert_csv_error ("stage,kind,text,emotion\nA,emotions,x,-10\n",
                                  PARCOURS_FORMAT_ERROR_RANGE, NULL);
  parcours_test_assert_csv_error ("stage,kind,text,emotion\nA,emotions,x,high\n",
                                  PARCOURS_FORMAT_ERROR_RANGE, NULL);
  parcours_test_assert_csv_error ("stage,kind,text,emotion\nA,emotions,x,\n",
                                  PARCOURS_FORMAT_ERROR_MISSING,
                                  "line 2, column \"emotion\": an emotions row needs a level, "
                                  "a number from -2 to 2");
  parcours_test_assert_csv_error ("stage,kind,text\nA,emotions,x\n",
                                  PARCOURS_FORMAT_ERROR_MISSING, NULL);

  /* A card row's emotion is ignored. */
  g_object_unref (parcours_test_csv_import ("stage,kind,text,emotion\nA,actions,x,high\n"));
}

static void
test_errors_syntax (void)
{
  parcours_test_assert_csv_error ("stage,text\nA,ok\nB,\"never closed\nmore\n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX,
                                  "line 3: unterminated quoted field");
  parcours_test_assert_csv_error ("stage,text\r\n\"A\r\n\r\nB\",\"x\r\n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX,
                                  "line 4: unterminated quoted field");
  parcours_test_assert_csv_error ("\"stage,text\n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX,
                                  "line 1: unterminated quoted field");
  parcours_test_assert_csv_error ("stage,text\nA,\"one\ntwo\"three\n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX,
                                  "line 3: text after the closing quote of a field "
                                  "(a quote inside a quoted field must be doubled)");
  parcours_test_assert_csv_error ("stage,text\nA,\"x\" \n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX, NULL);
}

static void
test_errors_encoding (void)
{
  static const char nul_csv[] = "stage,text\nA,x\0y\n";

  /* A NUL is no text in any encoding a spreadsheet writes. */
  parcours_test_assert_csv_error_len (nul_csv, sizeof nul_csv - 1, PARCOURS_FORMAT_ERROR_ENCODING,
                                      "line 2: the text is not valid UTF-8 "
                                      "(save the spreadsheet as CSV in UTF-8)");
  /* A UTF-16 byte order mark and an odd number of bytes after it. */
  parcours_test_assert_csv_error_len ("\xff\xfes\0t\0x", 7, PARCOURS_FORMAT_ERROR_ENCODING, NULL);
  /* UTF-16 that decodes, but without a text column. */
  parcours_test_assert_csv_error_len ("\xff\xfes\0t\0", 6, PARCOURS_FORMAT_ERROR_MISSING,
                                      "line 1: the header row has no column \"text\" "
                                      "(it needs at least a text column)");
}

static void
test_errors_header (void)
{
  parcours_test_assert_csv_error ("\n\nStage,Lane,Details\nA,x,y\n",
                                  PARCOURS_FORMAT_ERROR_MISSING,
                                  "line 3: the header row has no column \"text\" "
                                  "(it needs at least a text column)");
  /* No header: the first row is taken for one. */
  parcours_test_assert_csv_error ("Discover,Sees an ad\n",
                                  PARCOURS_FORMAT_ERROR_MISSING,
                                  "line 1: the header row has no column \"text\" "
                                  "(it needs at least a text column)");
  parcours_test_assert_csv_error ("stage,text,Text\n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX,
                                  "line 1: the header row has the column \"text\" twice");
  /* An alias names a column too. */
  parcours_test_assert_csv_error ("stage,text,Texte\n",
                                  PARCOURS_FORMAT_ERROR_SYNTAX,
                                  "line 1: the header row has the column \"text\" twice");
  parcours_test_assert_csv_error ("", PARCOURS_FORMAT_ERROR_MISSING,
                                  "the file is empty: it needs a header row with at least "
                                  "a text column");
  parcours_test_assert_csv_error ("\xef\xbb\xbf\r\n\r\n,,,\r\n", PARCOURS_FORMAT_ERROR_MISSING,
                                  "the file is empty: it needs a header row with at least "
                                  "a text column");
}

static void
test_errors_field_limit (void)
{
  gsize length = 5 * 1024 * 1024;
  g_autoptr(GString) csv = g_string_new ("stage,text\nA,x\nB,");
  gsize prefix_length = csv->len;

  /* Unquoted, then quoted. */
  g_string_set_size (csv, prefix_length + length);
  memset (csv->str + prefix_length, 'a', length);
  g_string_append (csv, "\n");
  parcours_test_assert_csv_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "line 3: a field is larger than 1 MiB, the limit");

  csv->str[prefix_length] = '"';
  g_string_truncate (csv, csv->len - 1);
  g_string_append (csv, "\"\n");
  parcours_test_assert_csv_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "line 3: a field is larger than 1 MiB, the limit");

  /* One byte over the limit. */
  g_string_truncate (csv, prefix_length);
  for (gsize i = 0; i < PARCOURS_CSV_MAX_FIELD_SIZE + 1; i++)
    g_string_append_c (csv, 'b');
  parcours_test_assert_csv_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE, NULL);

  /* An ignored column has the same limit. */
  g_string_truncate (csv, 0);
  g_string_append (csv, "stage,text,other\nA,x,");
  for (gsize i = 0; i < 2 * PARCOURS_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (csv, 'c');
  parcours_test_assert_csv_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "line 2: a field is larger than 1 MiB, the limit");
}

static void
test_errors_row_limit (void)
{
  g_autoptr(GString) csv = g_string_new ("stage,text\r\n");

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (csv, "S,card %u\r\n", i);

  parcours_test_assert_csv_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "line 200002: more than 200000 rows, the limit");
}

static void
test_errors_size_limit (void)
{
  gsize length = PARCOURS_CSV_MAX_SIZE + 1;
  g_autofree char *csv = g_malloc (length);

  memset (csv, '\n', length);
  parcours_test_assert_csv_error_len (csv, length, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "the file is larger than 64 MiB, the limit");
}

static void
test_errors_element_limits (void)
{
  g_autoptr(GString) csv = g_string_new ("stage,lane,kind,text,emotion\n");
  g_autofree char *message = NULL;

  for (guint i = 0; i <= PARCOURS_FORMAT_MAX_STAGES; i++)
    g_string_append_printf (csv, "Stage %u,,,x,\n", i);
  message = g_strdup_printf ("line %u, column \"stage\": more than %u stages, the limit",
                             PARCOURS_FORMAT_MAX_STAGES + 2, PARCOURS_FORMAT_MAX_STAGES);
  parcours_test_assert_csv_error (csv->str, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  g_string_truncate (csv, strlen ("stage,lane,kind,text,emotion\n"));
  for (guint i = 0; i <= PARCOURS_FORMAT_MAX_LANES; i++)
    g_string_append_printf (csv, "S,Lane %u,,x,\n", i);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line %u, column \"lane\": more than %u lanes, the limit",
                             PARCOURS_FORMAT_MAX_LANES + 2, PARCOURS_FORMAT_MAX_LANES);
  parcours_test_assert_csv_error (csv->str, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);

  g_string_truncate (csv, strlen ("stage,lane,kind,text,emotion\n"));
  for (guint i = 0; i <= PARCOURS_FORMAT_MAX_EMOTION_POINTS; i++)
    g_string_append (csv, "S,,emotions,,1\n");
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("line %u: more than %u emotion points, the limit",
                             PARCOURS_FORMAT_MAX_EMOTION_POINTS + 2,
                             PARCOURS_FORMAT_MAX_EMOTION_POINTS);
  parcours_test_assert_csv_error (csv->str, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

/* Random bytes from a CSV-ish alphabet must give a map or an error,
 * never a crash; a map must survive a round trip. */
/* Within the CSV limits, but a .parcours file too large to open again
 * (control characters take six bytes each in JSON): refused, rather than
 * saved to a file that will not open. */
static void
test_errors_not_reopenable (void)
{
  g_autoptr(GString) csv = g_string_new ("stage,lane,kind,text\r\n");
  g_autofree char *field = g_malloc (900 * 1024 + 1);

  memset (field, '\x01', 900 * 1024);
  field[900 * 1024] = '\0';
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (csv, "S,L,notes,%s\r\n", field);

  parcours_test_assert_csv_error_len (csv->str, csv->len, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                      "the map would be a 68 MiB file; Parcours opens files of at most 64 MiB");
}

static void
test_errors_hostile (void)
{
  static const char * const pieces[] = {
    "\"", "\"\"", ",", "\n", "\r", "\r\n", "'", "'=", "stage", "text", "kind",
    "emotions", "emotion", "lane", "channel", "fax", "email", "-2", "2", " ",
    "é", "\xef\xbb\xbf", "\xff", "\xc3", "a", "\t",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GString) csv = g_string_new (NULL);
  guint n_maps = 0;

  for (guint round = 0; round < 5000; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) document = NULL;
      guint n = g_rand_int_range (rand, 0, 60);

      g_string_assign (csv, round % 2 == 0 ? "stage,lane,kind,text,emotion,channel\n" : "");
      for (guint i = 0; i < n; i++)
        g_string_append (csv, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      document = parcours_csv_import (csv->str, csv->len, &error);
      if (document == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
        }
      else
        {
          g_autofree char *first = parcours_csv_export (document);
          g_autoptr(ParcoursDocument) again = parcours_test_csv_import (first);
          g_autofree char *second = parcours_csv_export (again);

          g_assert_no_error (error);
          g_assert_cmpstr (second, ==, first);
          n_maps++;
        }
    }

  /* The alphabet makes both outcomes common. */
  g_assert_cmpuint (n_maps, >, 100);

  /* A header of a million columns. */
  g_string_assign (csv, "stage,text");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "\nA,x\n");
  g_object_unref (parcours_test_csv_import (csv->str));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/errors/unknown-values", test_errors_unknown_values);
  g_test_add_func ("/csv/errors/emotion-level", test_errors_emotion_level);
  g_test_add_func ("/csv/errors/syntax", test_errors_syntax);
  g_test_add_func ("/csv/errors/encoding", test_errors_encoding);
  g_test_add_func ("/csv/errors/header", test_errors_header);
  g_test_add_func ("/csv/errors/field-limit", test_errors_field_limit);
  g_test_add_func ("/csv/errors/row-limit", test_errors_row_limit);
  g_test_add_func ("/csv/errors/size-limit", test_errors_size_limit);
  g_test_add_func ("/csv/errors/element-limits", test_errors_element_limits);
  g_test_add_func ("/csv/errors/hostile", test_errors_hostile);
  g_test_add_func ("/csv/errors/not-reopenable", test_errors_not_reopenable);

  return g_test_run ();
}
