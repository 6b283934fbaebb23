/* test-format-roundtrip.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-format-private.h"
#include "parcours-test-utils.h"

/* The native format: what a map saves as, that it loads back the same,
 * that members of a newer version are kept, and versions. */

/* Saving and the round trip */

static void
test_save_empty (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;

  text = parcours_test_assert_round_trip (document);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"parcours\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"\",\n"
                   "  \"description\": \"\",\n"
                   "  \"kind\": \"current-state\",\n"
                   "  \"goals\": [],\n"
                   "  \"personas\": [],\n"
                   "  \"stages\": [],\n"
                   "  \"lanes\": [],\n"
                   "  \"cards\": [],\n"
                   "  \"emotion-points\": []\n"
                   "}\n");
}

static void
test_save_defaults_omitted (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;

  parcours_test_add (document, parcours_persona_new ("p", NULL));
  parcours_test_add (document, parcours_stage_new ("s", NULL));
  parcours_test_add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_TOUCHPOINTS, NULL));
  parcours_test_add (document, parcours_lane_new ("e", PARCOURS_LANE_KIND_EMOTIONS, NULL));
  parcours_test_add (document, parcours_card_new ("c", "l", "s", NULL));
  parcours_test_add (document, parcours_emotion_point_new ("v", "e", "s", 0.5, 0.0));

  text = parcours_test_assert_round_trip (document);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"parcours\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"\",\n"
                   "  \"description\": \"\",\n"
                   "  \"kind\": \"current-state\",\n"
                   "  \"goals\": [],\n"
                   "  \"personas\": [\n"
                   "    {\n"
                   "      \"id\": \"p\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"stages\": [\n"
                   "    {\n"
                   "      \"id\": \"s\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"lanes\": [\n"
                   "    {\n"
                   "      \"id\": \"l\"\n"
                   "    },\n"
                   "    {\n"
                   "      \"id\": \"e\",\n"
                   "      \"kind\": \"emotions\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"cards\": [\n"
                   "    {\n"
                   "      \"id\": \"c\",\n"
                   "      \"lane\": \"l\",\n"
                   "      \"stage\": \"s\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"emotion-points\": [\n"
                   "    {\n"
                   "      \"id\": \"v\",\n"
                   "      \"lane\": \"e\",\n"
                   "      \"stage\": \"s\",\n"
                   "      \"value\": 0\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
test_roundtrip_rich (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_full_map ();
  g_autofree char *text = NULL;

  text = parcours_test_assert_round_trip (document);
  g_assert_cmpstr (text, ==, parcours_test_full_map_text);
}

/* Numbers take the shortest form that reads back exactly. */
static void
test_roundtrip_numbers (void)
{
  const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0.0, "0" },
    { -0.0, "0" },
    { 1.0, "1" },
    { -1.0, "-1" },
    { 0.5, "0.5" },
    { 0.1, "0.1" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 2.0 / 3.0, "0.6666666666666666" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-7, "1e-07" },
    { 5e-324, "4.94065645841247e-324" },
    { 0.9999999999999999, "0.9999999999999999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ParcoursDocument) document = parcours_document_new ();
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      parcours_test_add (document, parcours_stage_new ("s", NULL));
      parcours_test_add (document, parcours_lane_new ("e", PARCOURS_LANE_KIND_EMOTIONS, NULL));
      parcours_test_add (document, parcours_emotion_point_new ("v", "e", "s", 0.5, cases[i].value));

      text = parcours_test_assert_round_trip (document);
      expected = g_strdup_printf ("\"value\": %s\n", cases[i].text);
      g_assert_nonnull (strstr (text, expected));
    }
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_element_changed_cb (ParcoursDocument *document,
                          ParcoursElement  *element,
                          GParamSpec       *pspec,
                          guint            *count)
{
  (*count)++;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* A loaded map is read without a signal, but its elements and lists
 * tell the views of every edit after that. */
static void
test_loaded_map_signals (void)
{
  g_autoptr(ParcoursDocument) full = parcours_test_make_full_map ();
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (full);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = parcours_format_load_bytes (bytes, &error);
  g_autoptr(ParcoursCard) card = NULL;
  g_autoptr(ParcoursElement) removed = NULL;
  guint changed = 0, element_changed = 0, items_changed = 0, notified = 0;
  GListModel *cards;

  g_assert_no_error (error);
  cards = parcours_document_get_cards (document);
  g_assert_cmpuint (g_list_model_get_n_items (cards), >, 1);
  card = g_list_model_get_item (cards, 0);

  g_signal_connect (document, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (document, "element-changed", G_CALLBACK (count_element_changed_cb), &element_changed);
  g_signal_connect (cards, "items-changed", G_CALLBACK (count_items_changed_cb), &items_changed);
  g_signal_connect (card, "notify::text", G_CALLBACK (count_notify_cb), &notified);

  parcours_card_set_text (card, "Edited after loading");
  g_assert_cmpuint (element_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  removed = _parcours_document_remove (document, PARCOURS_COLLECTION_CARDS, 0);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (_parcours_document_insert (document, removed, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items_changed, ==, 2);
  g_assert_cmpuint (changed, ==, 3);
}

/* What the writer wrote before it had a way without printf for short
 * decimals: the shortest of %.15g, %.16g and %.17g that reads back. */
static char *
shortest_by_printf (double value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0.0)
    return g_strdup ("0");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

static void
assert_number_text (double value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *expected = shortest_by_printf (value);

  _parcours_json_append_double (text, value);
  g_assert_cmpstr (text->str, ==, expected);
}

/* Numbers are written the same however they are formatted: around the
 * limits of the short way (1e-4, 1e15, nine decimals, 15 digits) and
 * for many random decimals and doubles. */
static void
test_numbers_shortest (void)
{
  const double cases[] = {
    1e-4, 9.999e-5, 0.00012, 0.000123456789, 1e-5, 0.1, 0.25, 2.5, 10, 100.5,
    123456789012345.0, 999999999999999.0, 1e15, 1e15 + 2, 99999999999999.9,
    12345.6789012, 0.123456789, 0.1234567891, 1e14 + 0.5, 4503599627370497.0,
    1.0 / 3.0, 0.1 + 0.2, 1e21, 1e300, G_MAXDOUBLE, G_MINDOUBLE,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_number_text (cases[i]);
      assert_number_text (-cases[i]);
    }

  for (guint i = 0; i < 20000; i++)
    {
      int decimals = g_rand_int_range (rand, 0, 12);
      double whole = (double) g_rand_int_range (rand, 0, G_MAXINT32) *
                     (double) g_rand_int_range (rand, 1, 100000);
      double value = whole / pow (10, decimals + g_rand_int_range (rand, 0, 10));

      assert_number_text (value);
      assert_number_text (-value);
      assert_number_text (g_rand_double_range (rand, -1.0, 1.0));
      assert_number_text (g_rand_double_range (rand, -1e16, 1e16));
    }
}

/* Whatever the locale, numbers use a dot. */
static void
test_roundtrip_locale (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_full_map ();
  g_autofree char *text = NULL;
  const char *old_locale = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved_locale = g_strdup (old_locale);

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("No locale with a decimal comma");
      return;
    }

  text = parcours_test_assert_round_trip (document);
  setlocale (LC_NUMERIC, saved_locale);

  g_assert_cmpstr (text, ==, parcours_test_full_map_text);
}

/* A file written by hand or another tool: any member order, spacing,
 * escapes, CRLF, a byte order mark. It loads, and once saved by Parcours
 * it is stable. */
static void
test_roundtrip_foreign (void)
{
  const char *text =
    "\xEF\xBB\xBF{\r\n"
    "\"emotion-points\":[{\"value\":-1,\"stage\":\"s\",\"lane\":\"e\","
    "\"id\":\"v\",\"offset\":1.0}],"
    "  \"cards\" : [ { \"stage\" : \"s\" , \"lane\" : \"l\" , \"id\" : \"c\" ,"
    "\"text\" : \"\\u00e9\\ud83d\\ude80\\/\\b\\f\" , \"color\" : null,"
    " \"key-moment\": false } ] ,\r\n"
    "\t\"lanes\": [{\"id\": \"l\", \"persona\": null}, {\"id\": \"e\", \"kind\": \"emotions\"}],\n"
    "\"stages\": [{\"id\": \"s\", \"width\": 1E0}],"
    "\"version\": 1.0, \"format\": \"parcours\", \"title\": \"T\"}";
  g_autoptr(ParcoursDocument) document = parcours_test_load_text_ok (text);
  g_autoptr(ParcoursCard) card = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;

  card = g_list_model_get_item (parcours_document_get_cards (document), 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "é🚀/\b\f");
  g_assert_null (parcours_card_get_color (card));
  g_assert_cmpstr (parcours_document_get_title (document), ==, "T");

  saved = parcours_test_assert_round_trip (document);
  g_assert_nonnull (strstr (saved, "\"text\": \"é🚀/\\b\\f\"\n"));
  g_assert_nonnull (strstr (saved, "\"offset\": 1,\n"));

  g_clear_object (&document);
  document = parcours_test_load_text_ok (saved);
  again = parcours_test_save_text (document);
  g_assert_cmpstr (saved, ==, again);
}

/* The order of the card list is the order inside each cell. */
static void
test_roundtrip_card_order (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autoptr(GPtrArray) cell = NULL;
  g_autofree char *text = NULL;
  const char *ids[] = { "z", "a", "m", "b", "y" };

  parcours_test_add (document, parcours_stage_new ("s1", NULL));
  parcours_test_add (document, parcours_stage_new ("s2", NULL));
  parcours_test_add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_ACTIONS, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    parcours_test_add (document, parcours_card_new (ids[i], "l", i % 2 ? "s2" : "s1", NULL));

  text = parcours_test_save_text (document);
  loaded = parcours_test_load_text_ok (text);

  cell = parcours_document_get_cell_cards (loaded, "l", "s1");
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_cmpstr (parcours_element_get_id (cell->pdata[0]), ==, "z");
  g_assert_cmpstr (parcours_element_get_id (cell->pdata[1]), ==, "m");
  g_assert_cmpstr (parcours_element_get_id (cell->pdata[2]), ==, "y");
  g_clear_pointer (&cell, g_ptr_array_unref);

  cell = parcours_document_get_cell_cards (loaded, "l", "s2");
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_cmpstr (parcours_element_get_id (cell->pdata[0]), ==, "a");
  g_assert_cmpstr (parcours_element_get_id (cell->pdata[1]), ==, "b");
}

/* Text the model should never hold still gives a file that loads. */
static void
test_save_invalid_utf8 (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autofree char *text = NULL;

  parcours_document_set_title (document, "bad \xff\xfe byte");
  text = parcours_test_save_text (document);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  loaded = parcours_test_load_text_ok (text);
  g_assert_cmpstr (parcours_document_get_title (loaded), ==, "bad \xef\xbf\xbd\xef\xbf\xbd byte");
}

/* Unknown members */

static void
test_unknown_top_level (void)
{
  const char *text =
    "{\"format\": \"parcours\", \"x-zeta\": {\"b\": [1, 2.5, \"é\\n\", true, null, {}], \"a\": []},"
    " \"version\": 1.3, \"x-alpha\": -9223372036854775808, \"title\": \"T\", \"x-mid\": \"«»\"}";
  g_autoptr(ParcoursDocument) document = parcours_test_load_text_ok (text);
  g_autofree char *saved = NULL;

  g_assert_cmpstr (parcours_document_get_unknown_json (document), ==,
                   "{\"x-zeta\":{\"b\":[1,2.5,\"é\\n\",true,null,{}],\"a\":[]},"
                   "\"x-alpha\":-9223372036854775808,\"x-mid\":\"«»\"}");

  saved = parcours_test_assert_round_trip (document);
  g_assert_true (g_str_has_suffix (saved,
                                   "  \"emotion-points\": [],\n"
                                   "  \"x-zeta\": {\n"
                                   "    \"b\": [\n"
                                   "      1,\n"
                                   "      2.5,\n"
                                   "      \"é\\n\",\n"
                                   "      true,\n"
                                   "      null,\n"
                                   "      {}\n"
                                   "    ],\n"
                                   "    \"a\": []\n"
                                   "  },\n"
                                   "  \"x-alpha\": -9223372036854775808,\n"
                                   "  \"x-mid\": \"«»\"\n"
                                   "}\n"));
}

static void
test_unknown_elements (void)
{
  g_autofree char *text =
    parcours_test_make_map ("{\"x-p\": 1, \"id\": \"p1\"}",
                            "{\"id\": \"s1\", \"x-s\": [\"a\"], \"name\": \"S\"}",
                            "{\"id\": \"l1\"}, "
                            "{\"id\": \"l2\", \"kind\": \"emotions\", "
                            "\"x-l\": {\"k\": false}}",
                            "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                            "\"x-c2\": \"second\", \"text\": \"t\", \"x-c1\": 0.1}",
                            "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", "
                            "\"value\": 0, \"lane-id\": \"kept too\"}");
  g_autoptr(ParcoursDocument) document = parcours_test_load_text_ok (text);
  g_autoptr(ParcoursElement) card = NULL;
  g_autoptr(ParcoursElement) point = NULL;
  g_autofree char *saved = NULL;

  card = g_list_model_get_item (parcours_document_get_cards (document), 0);
  g_assert_cmpstr (parcours_element_get_unknown_json (card), ==,
                   "{\"x-c2\":\"second\",\"x-c1\":0.1}");
  point = g_list_model_get_item (parcours_document_get_emotion_points (document), 0);
  g_assert_cmpstr (parcours_element_get_unknown_json (point), ==, "{\"lane-id\":\"kept too\"}");
  g_assert_null (parcours_document_get_unknown_json (document));

  saved = parcours_test_assert_round_trip (document);
  g_assert_nonnull (strstr (saved,
                            "    {\n"
                            "      \"id\": \"c1\",\n"
                            "      \"lane\": \"l1\",\n"
                            "      \"stage\": \"s1\",\n"
                            "      \"text\": \"t\",\n"
                            "      \"x-c2\": \"second\",\n"
                            "      \"x-c1\": 0.1\n"
                            "    }\n"));
  g_assert_nonnull (strstr (saved,
                            "      \"kind\": \"emotions\",\n"
                            "      \"x-l\": {\n"
                            "        \"k\": false\n"
                            "      }\n"));
  g_assert_nonnull (strstr (saved, "      \"id\": \"p1\",\n      \"x-p\": 1\n"));
  g_assert_nonnull (strstr (saved,
                            "      \"name\": \"S\",\n"
                            "      \"x-s\": [\n"
                            "        \"a\"\n"
                            "      ]\n"));
  g_assert_nonnull (strstr (saved, "      \"value\": 0,\n      \"lane-id\": \"kept too\"\n"));
}

/* Set through the API, unknown members that clash with known ones or are
 * not an object are not written: the file must stay valid. */
static void
test_unknown_bad_api_values (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  ParcoursStage *stage = parcours_stage_new ("s", "Known");
  g_autofree char *text = NULL;

  parcours_element_set_unknown_json (PARCOURS_ELEMENT (stage), "{\"name\": \"dup\", \"x\": 1}");
  parcours_test_add (document, stage);
  parcours_document_set_unknown_json (document, "[1, 2]");

  g_test_expect_message ("Parcours-Io", G_LOG_LEVEL_WARNING, "*not a JSON object*");
  text = parcours_test_save_text (document);
  g_test_assert_expected_messages ();

  g_assert_nonnull (strstr (text, "      \"name\": \"Known\",\n      \"x\": 1\n"));
  g_assert_null (strstr (text, "dup"));
  g_clear_object (&document);
  document = parcours_test_load_text_ok (text);
}

static const ParcoursTestLoadError unknown_non_finite_cases[] = {
  { .cards = "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"x-big\": [1e999]}",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "cards[0].x-big: not a finite number" },
  { .text = "{\"format\": \"parcours\", \"version\": 1, \"x\": {\"y\": -1e400}}",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "x: not a finite number" },
};

static void
test_unknown_non_finite (void)
{
  parcours_test_assert_load_errors (unknown_non_finite_cases,
                                    G_N_ELEMENTS (unknown_non_finite_cases));
}

static const ParcoursTestLoadError version_cases[] = {
  { .text = "{\"format\": \"parcours\", \"version\": 2}",
    .code = PARCOURS_FORMAT_ERROR_VERSION,
    .message = "version 2 is newer than this Parcours can read (1); please update Parcours" },
  { .text = "{\"format\": \"parcours\", \"version\": 10.5}",
    .code = PARCOURS_FORMAT_ERROR_VERSION,
    .message = "version 10.5 is newer than this Parcours can read (1); "
               "please update Parcours" },
  { .text = "{\"format\": \"parcours\", \"version\": 0.9}",
    .code = PARCOURS_FORMAT_ERROR_RANGE,
    .message = "version: expected a version number of at least 1" },
  { .text = "{\"format\": \"parcours\", \"version\": \"1\"}",
    .code = PARCOURS_FORMAT_ERROR_TYPE, .message = "version: expected a number" },
  { .text = "{\"format\": \"parcours\", \"version\": 1e999}",
    .code = PARCOURS_FORMAT_ERROR_RANGE, .message = "version: not a finite number" },
  { .text = "{\"format\": \"parcours\"}",
    .code = PARCOURS_FORMAT_ERROR_MISSING, .message = "missing required member \"version\"" },
};

/* Versions */
static void
test_version (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  parcours_test_assert_load_errors (version_cases, G_N_ELEMENTS (version_cases));

  /* A newer minor version is read, and saved as this one. */
  document = parcours_test_load_text_ok ("{\"format\": \"parcours\", \"version\": 1.9}");
  g_assert_nonnull (document);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/save/empty", test_save_empty);
  g_test_add_func ("/format/save/defaults-omitted", test_save_defaults_omitted);
  g_test_add_func ("/format/save/invalid-utf8", test_save_invalid_utf8);
  g_test_add_func ("/format/roundtrip/rich", test_roundtrip_rich);
  g_test_add_func ("/format/roundtrip/numbers", test_roundtrip_numbers);
  g_test_add_func ("/format/roundtrip/locale", test_roundtrip_locale);
  g_test_add_func ("/format/numbers/shortest", test_numbers_shortest);
  g_test_add_func ("/format/load/signals", test_loaded_map_signals);
  g_test_add_func ("/format/roundtrip/foreign", test_roundtrip_foreign);
  g_test_add_func ("/format/roundtrip/card-order", test_roundtrip_card_order);
  g_test_add_func ("/format/unknown/top-level", test_unknown_top_level);
  g_test_add_func ("/format/unknown/elements", test_unknown_elements);
  g_test_add_func ("/format/unknown/bad-api-values", test_unknown_bad_api_values);
  g_test_add_func ("/format/unknown/non-finite", test_unknown_non_finite);
  g_test_add_func ("/format/version", test_version);

  return g_test_run ();
}
