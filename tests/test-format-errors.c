/* test-format-errors.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-import-private.h"
#include "parcours-test-utils.h"

/* The native format: each way a file can be wrong gives one error, with
 * its code and the path or line:column of the problem; photos this
 * version cannot show are left out with a warning. */

static const ParcoursTestLoadError syntax_cases[] = {
  { .text = "{", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: unexpected end of file" },
  { .text = "{\"format\": \"parcours\", \"version\": 1,}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX,
    .message = "1:37: expected a member name in double quotes" },
  { .text = "{\n  \"format\": \"parcours\"\n  \"version\": 1\n}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "3:3: expected ',' or '}'" },
  { .text = "[1, 2,]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:7: expected a value" },
  { .text = "[1 2]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:4: expected ',' or ']'" },
  { .text = "{\"a\" 1}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:6: expected ':' after the member name" },
  { .text = "{\"format\": \"parcours\", \"version\": 1} {}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX,
    .message = "1:38: unexpected text after the end of the document" },
  { .text = "{\"format\": 'parcours'}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:12: expected a value" },
  { .text = "{/* comment */}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX,
    .message = "1:2: expected a member name in double quotes" },
  { .text = "[01]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: invalid number" },
  { .text = "[0x10]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: invalid number" },
  { .text = "[1.]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: invalid number" },
  { .text = "[-]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: invalid number" },
  { .text = "[tru]", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: expected a value" },
  { .text = "[\"abc", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:2: unterminated string" },
  { .text = "[\"a\tb\"]",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX,
    .message = "1:4: unescaped control character in a string" },
  { .text = "[\"a\\xb\"]",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:4: invalid escape sequence in a string" },
  { .text = "[\"\\u12G4\"]",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:3: invalid \\u escape in a string" },
  /* Columns count characters, not bytes. */
  { .text = "{\"title\": \"Été\" x}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:17: expected ',' or '}'" },
  { .text = "[9223372036854775808]",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "1:2: integer out of range" },
  { .text = "[-9223372036854775809]",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "1:2: integer out of range" },
};

/* Errors, one test per class */
static void
test_error_syntax (void)
{
  parcours_test_assert_load_errors (syntax_cases, G_N_ELEMENTS (syntax_cases));
}

static const ParcoursTestLoadError duplicate_member_cases[] = {
  { .text = "{\"format\": \"parcours\", \"version\": 1, "
            "\"title\": \"a\", \"title\": \"b\"}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:52: duplicate member \"title\"" },
  { .text = "[{\"a\": 1, \"\\u0061\": 2}]",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:11: duplicate member \"a\"" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"lane\": \"l2\"}",
    .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "1:303: duplicate member \"lane\"" },
};

/* A member twice in one object is refused, however the names are
 * written and however large the object. */
static void
test_error_duplicate_member (void)
{
  GString *text = g_string_new ("{\"format\": \"parcours\", \"version\": 1, \"x\": {");
  g_autofree char *message = NULL;
  g_autofree char *large = NULL;
  glong column;

  parcours_test_assert_load_errors (duplicate_member_cases, G_N_ELEMENTS (duplicate_member_cases));

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "\"m%u\": %u, ", i, i);
  column = g_utf8_strlen (text->str, -1) + 1;
  g_string_append (text, "\"m17\": 0}}");
  large = g_string_free (text, FALSE);
  message = g_strdup_printf ("1:%ld: duplicate member \"m17\"", column);
  parcours_test_assert_load_error (large, PARCOURS_FORMAT_ERROR_SYNTAX, message);
}

static const ParcoursTestLoadError empty_cases[] = {
  { .text = "", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "the file is empty" },
  { .text = " \n\t\r\n", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "the file is empty" },
  { .text = "\xEF\xBB\xBF", .code = PARCOURS_FORMAT_ERROR_SYNTAX, .message = "the file is empty" },
};

static void
test_error_empty (void)
{
  parcours_test_assert_load_errors (empty_cases, G_N_ELEMENTS (empty_cases));
}

static const ParcoursTestLoadError encoding_cases[] = {
  { .text = "{\"format\": \"parcours\",\n \"title\": \"caf\xe9\"}",
    .code = PARCOURS_FORMAT_ERROR_ENCODING, .message = "2:15: invalid UTF-8" },
  { .text = "{\"title\": \"é\xc3\"}",
    .code = PARCOURS_FORMAT_ERROR_ENCODING, .message = "1:13: invalid UTF-8" },
  { .text = "[\"\\u0000\"]",
    .code = PARCOURS_FORMAT_ERROR_ENCODING, .message = "1:3: \\u0000 is not allowed in a string" },
  { .text = "[\"\\ud800\"]",
    .code = PARCOURS_FORMAT_ERROR_ENCODING, .message = "1:3: unpaired surrogate in a \\u escape" },
  { .text = "[\"\\udc00\"]",
    .code = PARCOURS_FORMAT_ERROR_ENCODING, .message = "1:3: unpaired surrogate in a \\u escape" },
  { .text = "[\"\\ud800\\u0041\"]",
    .code = PARCOURS_FORMAT_ERROR_ENCODING, .message = "1:3: unpaired surrogate in a \\u escape" },
};

static void
test_error_encoding (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  static const char with_nul[] = "{\"format\": \"parcours\",\n \"ti\0tle\": 1}";

  parcours_test_assert_load_errors (encoding_cases, G_N_ELEMENTS (encoding_cases));

  bytes = g_bytes_new_static (with_nul, sizeof with_nul - 1);
  document = parcours_format_load_bytes (bytes, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "2:5: unexpected NUL byte");
}

/* An invalid byte or a NUL after any length of ASCII, so at every place
 * in and across the eight-byte words the check skips ASCII by, and
 * non-ASCII text after ASCII, is found where it is. */
static void
test_error_encoding_offsets (void)
{
  static const char * const bad[] = { "\xe9", "\xc3", "\xff", "" };

  for (guint prefix = 0; prefix < 40; prefix++)
    for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
      {
        g_autoptr(GString) text = g_string_new ("{\"title\": \"");
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(ParcoursDocument) document = NULL;
        g_autofree char *expected = NULL;
        guint column;

        for (guint i = 0; i < prefix; i++)
          g_string_append_c (text, 'a' + i % 26);
        column = text->len + 1;
        /* The NUL case appends one byte by hand. */
        if (bad[b][0] != '\0')
          g_string_append (text, bad[b]);
        else
          g_string_append_len (text, "", 1);
        g_string_append (text, "tail of the text\"}");

        bytes = g_bytes_new (text->str, text->len);
        document = parcours_format_load_bytes (bytes, &error);
        g_assert_null (document);
        g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_ENCODING);
        expected = g_strdup_printf ("1:%u: %s", column,
                                    bad[b][0] != '\0' ? "invalid UTF-8" : "unexpected NUL byte");
        g_assert_cmpstr (error->message, ==, expected);
      }

  for (guint prefix = 0; prefix < 20; prefix++)
    {
      g_autoptr(GString) text = g_string_new ("{\"format\": \"parcours\", \"version\": 1, \"title\": \"");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) document = NULL;
      g_autofree char *title = NULL;

      for (guint i = 0; i < prefix; i++)
        g_string_append_c (text, 'a');
      g_string_append (text, "Café été\"}");
      title = g_strdup_printf ("%.*sCafé été", (int) prefix, "aaaaaaaaaaaaaaaaaaaa");

      bytes = g_bytes_new (text->str, text->len);
      document = parcours_format_load_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (parcours_document_get_title (document), ==, title);
    }
}

static const ParcoursTestLoadError not_parcours_cases[] = {
  { .text = "[]",
    .code = PARCOURS_FORMAT_ERROR_NOT_PARCOURS, .message = "expected an object at the top level" },
  { .text = "\"parcours\"",
    .code = PARCOURS_FORMAT_ERROR_NOT_PARCOURS, .message = "expected an object at the top level" },
  { .text = "null",
    .code = PARCOURS_FORMAT_ERROR_NOT_PARCOURS, .message = "expected an object at the top level" },
  { .text = "{}",
    .code = PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
    .message = "not a Parcours map: the \"format\" member is missing" },
  { .text = "{\"format\": \"mural\", \"version\": 1}",
    .code = PARCOURS_FORMAT_ERROR_NOT_PARCOURS, .message = "format: expected \"parcours\"" },
  { .text = "{\"format\": 1}",
    .code = PARCOURS_FORMAT_ERROR_NOT_PARCOURS, .message = "format: expected \"parcours\"" },
};

static void
test_error_not_parcours (void)
{
  parcours_test_assert_load_errors (not_parcours_cases, G_N_ELEMENTS (not_parcours_cases));
}

static const ParcoursTestLoadError type_cases[] = {
  { .stages = "{\"id\": \"s1\"}, {\"id\": \"s2\"}, {\"id\": \"s3\", \"name\": 3}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "stages[2].name: expected a string" },
  { .text = "{\"format\": \"parcours\", \"version\": 1, \"title\": null}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "title: expected a string" },
  { .text = "{\"format\": \"parcours\", \"version\": 1, \"goals\": [\"a\", 2]}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "goals[1]: expected a string" },
  { .text = "{\"format\": \"parcours\", \"version\": 1, \"goals\": \"a\"}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "goals: expected an array" },
  { .text = "{\"format\": \"parcours\", \"version\": 1, \"cards\": {}}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "cards: expected an array" },
  { .cards = "[]", .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "cards[0]: expected an object" },
  { .cards = "{\"id\": 7}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "cards[0].id: expected a string" },
  { .cards = "{\"id\": \"c\", \"lane\": \"l1\", \"stage\": \"s1\", "
             "\"key-moment\": \"yes\"}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "cards[0].key-moment: expected true or false" },
  { .cards = "{\"id\": \"c\", \"lane\": \"l1\", \"stage\": \"s1\", \"color\": 255}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "cards[0].color: expected a string" },
  { .cards = "{\"id\": \"c\", \"lane\": [\"l1\"], \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "cards[0].lane: expected a string" },
  { .personas = "{\"id\": \"p1\", \"needs\": [\"a\", \"b\", {}]}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "personas[0].needs[2]: expected a string" },
  { .stages = "{\"id\": \"s1\", \"width\": \"wide\"}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "stages[0].width: expected a number" },
  { .lanes = "{\"id\": \"l1\", \"collapsed\": 1}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "lanes[0].collapsed: expected true or false" },
};

static void
test_error_type (void)
{
  parcours_test_assert_load_errors (type_cases, G_N_ELEMENTS (type_cases));
}

static const ParcoursTestLoadError missing_cases[] = {
  { .cards = "{\"lane\": \"l1\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_MISSING, .message = "cards[0]: missing required member \"id\"" },
  { .cards = "{\"id\": \"c1\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_MISSING,
    .message = "cards[0]: missing required member \"lane\"" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\"}",
    .code = PARCOURS_FORMAT_ERROR_MISSING,
    .message = "cards[0]: missing required member \"stage\"" },
  { .points = MAP_POINTS
              ", {\"id\": \"e2\", \"lane\": \"l2\", \"stage\": \"s1\", "
              "\"offset\": 0.2}",
    .code = PARCOURS_FORMAT_ERROR_MISSING,
    .message = "emotion-points[1]: missing required member \"value\"" },
  { .personas = "{\"name\": \"Ada\"}",
    .code = PARCOURS_FORMAT_ERROR_MISSING,
    .message = "personas[0]: missing required member \"id\"" },
};

static void
test_error_missing (void)
{
  parcours_test_assert_load_errors (missing_cases, G_N_ELEMENTS (missing_cases));
}

static const ParcoursTestLoadError duplicate_id_cases[] = {
  { .cards = "{\"id\": \"s2\", \"lane\": \"l1\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
    .message = "cards[0].id: duplicate id \"s2\", already used by stages[1]" },
  { .cards = MAP_CARDS
             ", "
             MAP_CARDS,
    .code = PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
    .message = "cards[1].id: duplicate id \"c1\", already used by cards[0]" },
  { .points = "{\"id\": \"p1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": 0}",
    .code = PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
    .message = "emotion-points[0].id: duplicate id \"p1\", already used by personas[0]" },
};

static void
test_error_duplicate_id (void)
{
  parcours_test_assert_load_errors (duplicate_id_cases, G_N_ELEMENTS (duplicate_id_cases));
}

static const ParcoursTestLoadError dangling_id_cases[] = {
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s9\"}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "cards[0].stage: no stage with id \"s9\"" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"nope\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "cards[0].lane: no lane with id \"nope\"" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"s1\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "cards[0].lane: \"s1\" is a stage, not a lane" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"p1\"}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "cards[0].stage: \"p1\" is a persona, not a stage" },
  { .cards = MAP_CARDS
             ", {\"id\": \"c2\", \"lane\": \"l1\", \"stage\": \"c1\"}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "cards[1].stage: \"c1\" is a card, not a stage" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "cards[0].lane: an id cannot be empty" },
  { .lanes = "{\"id\": \"l1\", \"persona\": \"p2\"}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "lanes[0].persona: no persona with id \"p2\"" },
  { .lanes = "{\"id\": \"l1\", \"persona\": \"s1\"}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "lanes[0].persona: \"s1\" is a stage, not a persona" },
  /* Emotion points belong in emotion lanes. */
  { .points = "{\"id\": \"e1\", \"lane\": \"l1\", \"stage\": \"s1\", \"value\": 0}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "emotion-points[0].lane: lane \"l1\" is of kind \"actions\", not \"emotions\"" },
  { .points = "{\"id\": \"e1\", \"lane\": \"c1\", \"stage\": \"s1\", \"value\": 0}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "emotion-points[0].lane: \"c1\" is a card, not a lane" },
  { .points = "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"e1\", \"value\": 0}",
    .code = PARCOURS_FORMAT_ERROR_DANGLING_ID,
    .message = "emotion-points[0].stage: no stage with id \"e1\"" },
};

static void
test_error_dangling_id (void)
{
  parcours_test_assert_load_errors (dangling_id_cases, G_N_ELEMENTS (dangling_id_cases));
}

static const ParcoursTestLoadError range_cases[] = {
  { .stages = "{\"id\": \"s1\", \"width\": 9}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "stages[0].width: 9 is out of range (0.25 to 8)" },
  { .stages = "{\"id\": \"s1\", \"width\": 0.2}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "stages[0].width: 0.2 is out of range (0.25 to 8)" },
  { .lanes = "{\"id\": \"l1\", \"height\": -1}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "lanes[0].height: -1 is out of range (0.25 to 8)" },
  { .points = "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", "
              "\"value\": 0, \"offset\": 1.5}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "emotion-points[0].offset: 1.5 is out of range (0 to 1)" },
  { .points = "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": -2}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "emotion-points[0].value: -2 is out of range (-1 to 1)" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"color\": \"red\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "cards[0].color: expected a colour like #3584e4" },
  { .personas = "{\"id\": \"p1\", \"color\": \"#3584e\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "personas[0].color: expected a colour like #3584e4" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
             "\"sentiment\": \"happy\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "cards[0].sentiment: unknown value \"happy\"; "
               "expected one of: neutral, positive, negative" },
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
             "\"channel\": \"Email\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "cards[0].channel: unknown value \"Email\"; expected one of: none, website, "
               "mobile-app, email, phone, sms, chat, social-media, advertising, "
               "physical-store, word-of-mouth, event, other" },
  { .text = "{\"format\": \"parcours\", \"version\": 1, \"kind\": \"past\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "kind: unknown value \"past\"; expected one of: "
               "current-state, future-state, day-in-the-life" },
  { .cards = "{\"id\": \"\", \"lane\": \"l1\", \"stage\": \"s1\"}",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "cards[0].id: an id cannot be empty" },
};

static void
test_error_range (void)
{
  parcours_test_assert_load_errors (range_cases, G_N_ELEMENTS (range_cases));
}

static const ParcoursTestLoadError non_finite_cases[] = {
  { .points = "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": 1e999}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "emotion-points[0].value: not a finite number" },
  { .stages = "{\"id\": \"s1\", \"width\": -1E400}",
    .cards = "",
    .points = "",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "stages[0].width: not a finite number" },
  { .text = "{\"format\": \"parcours\", \"version\": 1,\n \"x\": NaN}",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "2:7: not a finite number" },
  { .text = "[Infinity]",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "1:2: not a finite number" },
  { .text = "[-Infinity]",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "1:2: not a finite number" },
};

static void
test_error_non_finite (void)
{
  parcours_test_assert_load_errors (non_finite_cases, G_N_ELEMENTS (non_finite_cases));
}

static void
test_error_too_large (void)
{
  g_autofree char *long_text = parcours_test_make_string (PARCOURS_FORMAT_MAX_STRING_SIZE + 1, 'x');
  g_autofree char *just_fits = parcours_test_make_string (PARCOURS_FORMAT_MAX_STRING_SIZE, 'x');
  g_autofree char *long_id = parcours_test_make_string (PARCOURS_FORMAT_MAX_ID_LENGTH + 1, 'i');
  g_autofree char *longest_id = NULL;
  g_autofree char *card = NULL;
  g_autofree char *personas = parcours_test_repeat ("{\"id\": \"p", "\"}",
                                                    PARCOURS_FORMAT_MAX_PERSONAS + 1);
  g_autofree char *stages = parcours_test_repeat ("{\"id\": \"s", "\"}",
                                                  PARCOURS_FORMAT_MAX_STAGES + 1);
  g_autofree char *lanes = parcours_test_repeat ("{\"id\": \"l", "\"}",
                                                 PARCOURS_FORMAT_MAX_LANES + 1);
  g_autofree char *goals = parcours_test_repeat ("\"g", "\"", PARCOURS_FORMAT_MAX_LIST_ITEMS + 1);
  g_autofree char *persona = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  GString *cyrillic_id = g_string_new (NULL);

  card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                          "\"kpi\": \"%s\"}", long_text);
  parcours_test_assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                   "cards[0].kpi: longer than 1048576 bytes");
  g_free (card);

  card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                          "\"details\": \"%s\"}",
                          just_fits);
  g_free (long_text);
  long_text = parcours_test_make_map (MAP_PERSONAS, MAP_STAGES, MAP_LANES, card, MAP_POINTS);
  document = parcours_test_load_text_ok (long_text);
  g_clear_object (&document);
  g_free (card);

  card = g_strdup_printf ("{\"id\": \"%s\", \"lane\": \"l1\", \"stage\": \"s1\"}", long_id);
  parcours_test_assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                   "cards[0].id: longer than 128 characters");
  g_free (card);

  /* The limit counts characters: 128 two-byte letters are fine. */
  for (guint i = 0; i < PARCOURS_FORMAT_MAX_ID_LENGTH; i++)
    g_string_append (cyrillic_id, "ж");
  longest_id = g_string_free (cyrillic_id, FALSE);
  card = g_strdup_printf ("{\"id\": \"%s\", \"lane\": \"l1\", \"stage\": \"s1\"}", longest_id);
  g_free (long_text);
  long_text = parcours_test_make_map (MAP_PERSONAS, MAP_STAGES, MAP_LANES, card, MAP_POINTS);
  document = parcours_test_load_text_ok (long_text);
  g_clear_object (&document);
  g_free (card);

  card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"%sж\", \"stage\": \"s1\"}", longest_id);
  parcours_test_assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                   "cards[0].lane: longer than 128 characters");

  parcours_test_assert_map_error (personas, MAP_STAGES, MAP_LANES, MAP_CARDS, MAP_POINTS,
                                  PARCOURS_FORMAT_ERROR_TOO_LARGE, "personas: more than 200 items");
  parcours_test_assert_map_error (MAP_PERSONAS, stages, MAP_LANES, MAP_CARDS, MAP_POINTS,
                                  PARCOURS_FORMAT_ERROR_TOO_LARGE, "stages: more than 1000 items");
  parcours_test_assert_map_error (MAP_PERSONAS, MAP_STAGES, lanes, MAP_CARDS, MAP_POINTS,
                                  PARCOURS_FORMAT_ERROR_TOO_LARGE, "lanes: more than 1000 items");

  persona = g_strdup_printf ("{\"id\": \"p1\", \"frustrations\": [%s]}", goals);
  parcours_test_assert_map_error (persona, MAP_STAGES, MAP_LANES, MAP_CARDS, MAP_POINTS,
                                  PARCOURS_FORMAT_ERROR_TOO_LARGE,
                                  "personas[0].frustrations: more than 1000 items");
}

static void
test_error_file_size (void)
{
  gsize size = PARCOURS_FORMAT_MAX_FILE_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_format_load_bytes (bytes, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is larger than 64 MiB");
}

static char *
encode_photo (const char   *mime_type,
              const guint8 *data,
              gsize         size)
{
  g_autofree char *base64 = g_base64_encode (data, size);

  return g_strdup_printf ("{\"id\": \"p1\", \"photo\": \"data:%s;base64,%s\"}", mime_type, base64);
}

static void
parcours_test_assert_photo_error (const char          *persona,
                    ParcoursFormatError  code,
                    const char          *message)
{
  parcours_test_assert_map_error (persona, MAP_STAGES, MAP_LANES, MAP_CARDS, MAP_POINTS, code,
                                  message);
}

static const ParcoursTestLoadError photo_cases[] = {
  { .personas = "{\"id\": \"p1\", \"photo\": 12}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "personas[0].photo: expected a string" },
};

static void
test_error_photo (void)
{
  g_autofree char *huge = NULL;
  GString *text;

  parcours_test_assert_load_errors (photo_cases, G_N_ELEMENTS (photo_cases));

  /* More than any photo can be is still too much to keep. */
  text = g_string_new ("{\"id\": \"p1\", \"photo\": \"data:image/png;base64,");
  for (guint i = 0; i < PARCOURS_FORMAT_MAX_PHOTO_URI_SIZE / 4 + 1; i++)
    g_string_append (text, "AAAA");
  g_string_append (text, "\"}");
  huge = g_string_free (text, FALSE);
  parcours_test_assert_photo_error (huge, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                      "personas[0].photo: longer than 4194304 bytes");
}

/* A photo this version cannot show is no reason to refuse a map: it
 * loads without it, with a warning, and saving writes the photo back as
 * it was, in its place, so nothing is lost. */
static void
assert_photo_left_out (const char *persona,
                       const char *warning)
{
  g_autofree char *text = parcours_test_make_map (persona, MAP_STAGES, MAP_LANES, MAP_CARDS,
                                                  MAP_POINTS);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursDocument) plain = NULL;
  g_autoptr(ParcoursDocument) reloaded = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) reloaded_warnings = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *saved_text = NULL;
  const char *value = strstr (persona, "\"photo\": ") + strlen ("\"photo\": ");
  ParcoursElement *element;

  document = parcours_format_load_bytes_with_warnings (bytes, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, warning);

  element = parcours_document_lookup (document, "p1");
  g_assert_true (PARCOURS_IS_PERSONA (element));
  g_assert_null (parcours_persona_get_photo (PARCOURS_PERSONA (element)));

  /* Without asking for warnings */
  plain = parcours_format_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plain);

  saved = parcours_format_save_bytes (document);
  saved_text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  kept = g_strdup_printf ("\"id\": \"p1\",\n      \"photo\": %.*s\n    }",
                          (int) (strrchr (persona, '}') - value), value);
  g_assert_nonnull (strstr (saved_text, kept));

  reloaded = parcours_format_load_bytes_with_warnings (saved, &reloaded_warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded_warnings->len, ==, 1);
  saved_again = parcours_format_save_bytes (reloaded);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_photo_left_out (void)
{
  g_autofree char *text_photo = NULL;
  g_autofree char *mismatch = NULL;
  g_autofree char *big = NULL;
  g_autofree guint8 *big_data = NULL;
  gsize big_size = PARCOURS_PERSONA_MAX_PHOTO_SIZE + 3;

  /* Nothing but embedded images: no file, no network */
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"http://example.com/a.png\"}",
                         "personas[0].photo: expected a data URI like data:image/png;base64,…");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"file:///etc/passwd\"}",
                         "personas[0].photo: expected a data URI like data:image/png;base64,…");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:image/png,iVBORw0KGgo=\"}",
                         "personas[0].photo: expected a data URI like data:image/png;base64,…");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:IMAGE/PNG;base64,iVBORw0KGgo=\"}",
                         "personas[0].photo: unsupported image type \"IMAGE/PNG\"; "
                         "expected image/png or image/jpeg");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:image/gif;base64,R0lGODlh\"}",
                         "personas[0].photo: unsupported image type \"image/gif\"; "
                         "expected image/png or image/jpeg");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:image/png;base64,iVBO*w0KGgo=\"}",
                         "personas[0].photo: invalid base64 data");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:image/png;base64,iVBORw0KGgo\"}",
                         "personas[0].photo: invalid base64 data");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:image/png;base64,iV=RRw0KGgo=\"}",
                         "personas[0].photo: invalid base64 data");
  assert_photo_left_out ("{\"id\": \"p1\", \"photo\": \"data:image/png;base64,\"}",
                         "personas[0].photo: invalid base64 data");

  text_photo = encode_photo ("image/png", (const guint8 *) "not an image", 12);
  assert_photo_left_out (text_photo, "personas[0].photo: not a PNG or JPEG image");

  mismatch = encode_photo ("image/png", parcours_test_jpeg_photo, sizeof parcours_test_jpeg_photo);
  assert_photo_left_out (mismatch, "personas[0].photo: the image is image/jpeg, not image/png");

  big_data = g_malloc0 (big_size);
  memcpy (big_data, parcours_test_png_photo, sizeof parcours_test_png_photo);
  big = encode_photo ("image/png", big_data, big_size);
  assert_photo_left_out (big, "personas[0].photo: image larger than 2097152 bytes");
}

/* A persona given a photo again writes that one only. */
static void
test_photo_replaced (void)
{
  g_autofree char *text =
      parcours_test_make_map ("{\"id\": \"p1\", \"photo\": \"file:///etc/passwd\"}",
                                                  MAP_STAGES, MAP_LANES, MAP_CARDS, MAP_POINTS);
  g_autoptr(GBytes) png = g_bytes_new_static (parcours_test_png_photo,
                                              sizeof parcours_test_png_photo);
  g_autoptr(ParcoursDocument) document = parcours_test_load_text_ok (text);
  g_autoptr(ParcoursDocument) reloaded = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursElement *element = parcours_document_lookup (document, "p1");
  g_autofree char *saved_text = NULL;

  parcours_persona_set_photo (PARCOURS_PERSONA (element), png);
  saved = parcours_format_save_bytes (document);
  saved_text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_null (strstr (saved_text, "passwd"));

  reloaded = parcours_format_load_bytes_with_warnings (saved, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  element = parcours_document_lookup (reloaded, "p1");
  g_assert_true (g_bytes_equal (parcours_persona_get_photo (PARCOURS_PERSONA (element)), png));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/error/syntax", test_error_syntax);
  g_test_add_func ("/format/error/duplicate-member", test_error_duplicate_member);
  g_test_add_func ("/format/error/empty", test_error_empty);
  g_test_add_func ("/format/error/encoding", test_error_encoding);
  g_test_add_func ("/format/error/encoding-offsets", test_error_encoding_offsets);
  g_test_add_func ("/format/error/not-parcours", test_error_not_parcours);
  g_test_add_func ("/format/error/type", test_error_type);
  g_test_add_func ("/format/error/missing", test_error_missing);
  g_test_add_func ("/format/error/duplicate-id", test_error_duplicate_id);
  g_test_add_func ("/format/error/dangling-id", test_error_dangling_id);
  g_test_add_func ("/format/error/range", test_error_range);
  g_test_add_func ("/format/error/non-finite", test_error_non_finite);
  g_test_add_func ("/format/error/too-large", test_error_too_large);
  g_test_add_func ("/format/error/file-size", test_error_file_size);
  g_test_add_func ("/format/error/photo", test_error_photo);
  g_test_add_func ("/format/photo/left-out", test_photo_left_out);
  g_test_add_func ("/format/photo/replaced", test_photo_replaced);

  return g_test_run ();
}
