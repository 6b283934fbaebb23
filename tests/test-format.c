/* test-format.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "parcours-document-private.h"
#include "parcours-format.h"

/* The first bytes of a PNG and of a JPEG: all a photo needs to be
 * accepted, since only the signature is checked. */
static const guint8 png_photo[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R',
};
static const guint8 jpeg_photo[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F' };

/* Helpers */

static ParcoursDocument *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return parcours_format_load_bytes (bytes, error);
}

static ParcoursDocument *
load_text_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
save_text (ParcoursDocument *document)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (strlen (data), <=, size);
  return g_strndup (data, size);
}

static void
assert_load_error (const char          *text,
                   ParcoursFormatError  code,
                   const char          *message)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = load_text (text, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

#define PERSONAS "{\"id\": \"p1\", \"name\": \"Ada\"}"
#define STAGES "{\"id\": \"s1\", \"name\": \"Discover\"}, {\"id\": \"s2\", \"name\": \"Buy\"}"
#define LANES "{\"id\": \"l1\", \"kind\": \"actions\"}, " \
              "{\"id\": \"l2\", \"kind\": \"emotions\", \"persona\": \"p1\"}"
#define CARDS "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"text\": \"Search\"}"
#define POINTS "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": 0.5}"

/* A small valid map; each test replaces one list to break it. */
static char *
make_map (const char *personas,
          const char *stages,
          const char *lanes,
          const char *cards,
          const char *points)
{
  return g_strdup_printf ("{\"format\": \"parcours\", \"version\": 1, "
                          "\"personas\": [%s], \"stages\": [%s], \"lanes\": [%s], "
                          "\"cards\": [%s], \"emotion-points\": [%s]}",
                          personas, stages, lanes, cards, points);
}

static void
assert_map_error (const char          *personas,
                  const char          *stages,
                  const char          *lanes,
                  const char          *cards,
                  const char          *points,
                  ParcoursFormatError  code,
                  const char          *message)
{
  g_autofree char *text = make_map (personas, stages, lanes, cards, points);

  assert_load_error (text, code, message);
}

static void
assert_card_error (const char          *card,
                   ParcoursFormatError  code,
                   const char          *message)
{
  assert_map_error (PERSONAS, STAGES, LANES, card, POINTS, code, message);
}

static void
add (ParcoursDocument *document,
     gpointer          element)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_parcours_document_insert (document, element, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_object_unref (element);
}

static void
assert_objects_equal (GObject *a,
                      GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;
      GType type = pspecs[i]->value_type;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value_a, type);
      g_value_init (&value_b, type);
      g_object_get_property (a, pspecs[i]->name, &value_a);
      g_object_get_property (b, pspecs[i]->name, &value_b);

      if (type == G_TYPE_STRV)
        {
          const char * const *strv_a = g_value_get_boxed (&value_a);
          const char * const *strv_b = g_value_get_boxed (&value_b);
          const char * const empty[] = { NULL };

          g_assert_true (g_strv_equal (strv_a ? strv_a : empty, strv_b ? strv_b : empty));
        }
      else if (type == G_TYPE_BYTES)
        {
          GBytes *bytes_a = g_value_get_boxed (&value_a);
          GBytes *bytes_b = g_value_get_boxed (&value_b);

          g_assert_true ((bytes_a == NULL) == (bytes_b == NULL));
          if (bytes_a != NULL)
            g_assert_true (g_bytes_equal (bytes_a, bytes_b));
        }
      else if (type == G_TYPE_STRING)
        {
          g_assert_cmpstr (g_value_get_string (&value_a), ==, g_value_get_string (&value_b));
        }
      else
        {
          if (g_param_values_cmp (pspecs[i], &value_a, &value_b) != 0)
            g_error ("%s::%s differs", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
        }
    }
}

static void
assert_documents_equal (ParcoursDocument *a,
                        ParcoursDocument *b)
{
  assert_objects_equal (G_OBJECT (a), G_OBJECT (b));
  g_assert_cmpstr (parcours_document_get_unknown_json (a), ==,
                   parcours_document_get_unknown_json (b));

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    {
      GListModel *list_a = parcours_document_get_collection (a, c);
      GListModel *list_b = parcours_document_get_collection (b, c);
      guint n = g_list_model_get_n_items (list_a);

      g_assert_cmpuint (n, ==, g_list_model_get_n_items (list_b));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ParcoursElement) element_a = g_list_model_get_item (list_a, i);
          g_autoptr(ParcoursElement) element_b = g_list_model_get_item (list_b, i);

          assert_objects_equal (G_OBJECT (element_a), G_OBJECT (element_b));
          g_assert_cmpstr (parcours_element_get_unknown_json (element_a), ==,
                           parcours_element_get_unknown_json (element_b));
        }
    }
}

/* Saves, loads and saves again: the two texts must be the same bytes and
 * the loaded document equal to @document. Returns the text. */
static char *
assert_round_trip (ParcoursDocument *document)
{
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autofree char *second = NULL;
  char *first;

  first = save_text (document);
  loaded = load_text_ok (first);
  assert_documents_equal (document, loaded);

  second = save_text (loaded);
  g_assert_cmpstr (first, ==, second);

  return first;
}

/* Every property set to something other than its default. */
static ParcoursDocument *
make_rich_document (void)
{
  ParcoursDocument *document = parcours_document_new ();
  const char * const goals[] = { "Comprendre où l’on abandonne", "Снизить отток 📉", NULL };
  const char * const persona_goals[] = { "Partir en week-end", NULL };
  const char * const needs[] = { "Prix clairs", "“Quotes” and \\backslashes\\", NULL };
  const char * const frustrations[] = { "Frais cachés\tà la fin", "", NULL };
  g_autoptr(GBytes) png = g_bytes_new_static (png_photo, sizeof png_photo);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_photo, sizeof jpeg_photo);
  ParcoursPersona *persona;
  ParcoursStage *stage;
  ParcoursLane *lane;
  ParcoursCard *card;
  ParcoursEmotionPoint *point;

  parcours_document_set_title (document, "Réserver un voyage — «Путешествие» 🚀");
  parcours_document_set_description (document,
                                     "Quotes \" and backslash \\, tab\t, newline\n,"
                                     " controls \001\037\177 and é");
  parcours_document_set_kind (document, PARCOURS_MAP_KIND_DAY_IN_THE_LIFE);
  parcours_document_set_goals (document, goals);

  persona = parcours_persona_new ("persona-léa", "Léa Dupont");
  parcours_persona_set_role (persona, "Voyageuse, 34 ans");
  parcours_persona_set_goals (persona, persona_goals);
  parcours_persona_set_needs (persona, needs);
  parcours_persona_set_frustrations (persona, frustrations);
  parcours_persona_set_color (persona, "#3584e4");
  parcours_persona_set_photo (persona, png);
  add (document, persona);

  persona = parcours_persona_new ("persona-иван", "Иван");
  parcours_persona_set_photo (persona, jpeg);
  add (document, persona);

  stage = parcours_stage_new ("stage-1", "Découvrir");
  parcours_stage_set_description (stage, "Première\nligne");
  parcours_stage_set_color (stage, "#e01b24");
  parcours_stage_set_width (stage, 1.5);
  add (document, stage);

  stage = parcours_stage_new ("stage-2", "Payer");
  parcours_stage_set_width (stage, 0.25);
  add (document, stage);

  lane = parcours_lane_new ("lane-actions", PARCOURS_LANE_KIND_ACTIONS, "Actions");
  parcours_lane_set_height (lane, 2.0);
  parcours_lane_set_collapsed (lane, TRUE);
  parcours_lane_set_persona_id (lane, "persona-иван");
  add (document, lane);

  lane = parcours_lane_new ("lane-emotions", PARCOURS_LANE_KIND_EMOTIONS, "Émotions");
  parcours_lane_set_persona_id (lane, "persona-léa");
  parcours_lane_set_height (lane, 0.75);
  add (document, lane);

  card = parcours_card_new ("card-1", "lane-actions", "stage-1", "Cherche « vol pas cher »");
  parcours_card_set_details (card, "Ligne 1\nLigne 2\r\n\"cité\" \\ fin");
  parcours_card_set_channel (card, PARCOURS_CHANNEL_MOBILE_APP);
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_color (card, "#F6D32D");
  parcours_card_set_key_moment (card, TRUE);
  parcours_card_set_kpi (card, "NPS 42");
  add (document, card);

  card = parcours_card_new ("card-3", "lane-actions", "stage-2", "Paie 💳");
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_POSITIVE);
  add (document, card);

  card = parcours_card_new ("card-2", "lane-actions", "stage-1", "Compare");
  parcours_card_set_channel (card, PARCOURS_CHANNEL_WORD_OF_MOUTH);
  add (document, card);

  point = parcours_emotion_point_new ("emotion-1", "lane-emotions", "stage-1", 0.1, -0.75);
  parcours_emotion_point_set_label (point, "« Enfin ! »");
  add (document, point);

  point = parcours_emotion_point_new ("emotion-2", "lane-emotions", "stage-2",
                                      1.0 / 3.0, 0.1 + 0.2);
  add (document, point);

  return document;
}

static const char rich_text[] =
  "{\n"
  "  \"format\": \"parcours\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Réserver un voyage — «Путешествие» 🚀\",\n"
  "  \"description\": \"Quotes \\\" and backslash \\\\, tab\\t, newline\\n,"
  " controls \\u0001\\u001f\177 and é\",\n"
  "  \"kind\": \"day-in-the-life\",\n"
  "  \"goals\": [\n"
  "    \"Comprendre où l’on abandonne\",\n"
  "    \"Снизить отток 📉\"\n"
  "  ],\n"
  "  \"personas\": [\n"
  "    {\n"
  "      \"id\": \"persona-léa\",\n"
  "      \"name\": \"Léa Dupont\",\n"
  "      \"role\": \"Voyageuse, 34 ans\",\n"
  "      \"goals\": [\n"
  "        \"Partir en week-end\"\n"
  "      ],\n"
  "      \"needs\": [\n"
  "        \"Prix clairs\",\n"
  "        \"“Quotes” and \\\\backslashes\\\\\"\n"
  "      ],\n"
  "      \"frustrations\": [\n"
  "        \"Frais cachés\\tà la fin\",\n"
  "        \"\"\n"
  "      ],\n"
  "      \"color\": \"#3584e4\",\n"
  "      \"photo\": \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"persona-иван\",\n"
  "      \"name\": \"Иван\",\n"
  "      \"photo\": \"data:image/jpeg;base64,/9j/4AAQSkZJRg==\"\n"
  "    }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    {\n"
  "      \"id\": \"stage-1\",\n"
  "      \"name\": \"Découvrir\",\n"
  "      \"description\": \"Première\\nligne\",\n"
  "      \"color\": \"#e01b24\",\n"
  "      \"width\": 1.5\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"stage-2\",\n"
  "      \"name\": \"Payer\",\n"
  "      \"width\": 0.25\n"
  "    }\n"
  "  ],\n"
  "  \"lanes\": [\n"
  "    {\n"
  "      \"id\": \"lane-actions\",\n"
  "      \"name\": \"Actions\",\n"
  "      \"kind\": \"actions\",\n"
  "      \"persona\": \"persona-иван\",\n"
  "      \"height\": 2,\n"
  "      \"collapsed\": true\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"lane-emotions\",\n"
  "      \"name\": \"Émotions\",\n"
  "      \"kind\": \"emotions\",\n"
  "      \"persona\": \"persona-léa\",\n"
  "      \"height\": 0.75\n"
  "    }\n"
  "  ],\n"
  "  \"cards\": [\n"
  "    {\n"
  "      \"id\": \"card-1\",\n"
  "      \"lane\": \"lane-actions\",\n"
  "      \"stage\": \"stage-1\",\n"
  "      \"text\": \"Cherche « vol pas cher »\",\n"
  "      \"details\": \"Ligne 1\\nLigne 2\\r\\n\\\"cité\\\" \\\\ fin\",\n"
  "      \"channel\": \"mobile-app\",\n"
  "      \"sentiment\": \"negative\",\n"
  "      \"color\": \"#F6D32D\",\n"
  "      \"key-moment\": true,\n"
  "      \"kpi\": \"NPS 42\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"card-3\",\n"
  "      \"lane\": \"lane-actions\",\n"
  "      \"stage\": \"stage-2\",\n"
  "      \"text\": \"Paie 💳\",\n"
  "      \"sentiment\": \"positive\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"card-2\",\n"
  "      \"lane\": \"lane-actions\",\n"
  "      \"stage\": \"stage-1\",\n"
  "      \"text\": \"Compare\",\n"
  "      \"channel\": \"word-of-mouth\"\n"
  "    }\n"
  "  ],\n"
  "  \"emotion-points\": [\n"
  "    {\n"
  "      \"id\": \"emotion-1\",\n"
  "      \"lane\": \"lane-emotions\",\n"
  "      \"stage\": \"stage-1\",\n"
  "      \"offset\": 0.1,\n"
  "      \"value\": -0.75,\n"
  "      \"label\": \"« Enfin ! »\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"emotion-2\",\n"
  "      \"lane\": \"lane-emotions\",\n"
  "      \"stage\": \"stage-2\",\n"
  "      \"offset\": 0.3333333333333333,\n"
  "      \"value\": 0.30000000000000004\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* Saving and the round trip */

static void
test_save_empty (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autofree char *text = NULL;

  text = assert_round_trip (document);
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

  add (document, parcours_persona_new ("p", NULL));
  add (document, parcours_stage_new ("s", NULL));
  add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_TOUCHPOINTS, NULL));
  add (document, parcours_lane_new ("e", PARCOURS_LANE_KIND_EMOTIONS, NULL));
  add (document, parcours_card_new ("c", "l", "s", NULL));
  add (document, parcours_emotion_point_new ("v", "e", "s", 0.5, 0.0));

  text = assert_round_trip (document);
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
  g_autoptr(ParcoursDocument) document = make_rich_document ();
  g_autofree char *text = NULL;

  text = assert_round_trip (document);
  g_assert_cmpstr (text, ==, rich_text);
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

      add (document, parcours_stage_new ("s", NULL));
      add (document, parcours_lane_new ("e", PARCOURS_LANE_KIND_EMOTIONS, NULL));
      add (document, parcours_emotion_point_new ("v", "e", "s", 0.5, cases[i].value));

      text = assert_round_trip (document);
      expected = g_strdup_printf ("\"value\": %s\n", cases[i].text);
      g_assert_nonnull (strstr (text, expected));
    }
}

/* Whatever the locale, numbers use a dot. */
static void
test_roundtrip_locale (void)
{
  g_autoptr(ParcoursDocument) document = make_rich_document ();
  g_autofree char *text = NULL;
  const char *old_locale = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved_locale = g_strdup (old_locale);

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("No locale with a decimal comma");
      return;
    }

  text = assert_round_trip (document);
  setlocale (LC_NUMERIC, saved_locale);

  g_assert_cmpstr (text, ==, rich_text);
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
  g_autoptr(ParcoursDocument) document = load_text_ok (text);
  g_autoptr(ParcoursCard) card = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;

  card = g_list_model_get_item (parcours_document_get_cards (document), 0);
  g_assert_cmpstr (parcours_card_get_text (card), ==, "é🚀/\b\f");
  g_assert_null (parcours_card_get_color (card));
  g_assert_cmpstr (parcours_document_get_title (document), ==, "T");

  saved = assert_round_trip (document);
  g_assert_nonnull (strstr (saved, "\"text\": \"é🚀/\\b\\f\"\n"));
  g_assert_nonnull (strstr (saved, "\"offset\": 1,\n"));

  g_clear_object (&document);
  document = load_text_ok (saved);
  again = save_text (document);
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

  add (document, parcours_stage_new ("s1", NULL));
  add (document, parcours_stage_new ("s2", NULL));
  add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_ACTIONS, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add (document, parcours_card_new (ids[i], "l", i % 2 ? "s2" : "s1", NULL));

  text = save_text (document);
  loaded = load_text_ok (text);

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
  text = save_text (document);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  loaded = load_text_ok (text);
  g_assert_cmpstr (parcours_document_get_title (loaded), ==, "bad \xef\xbf\xbd\xef\xbf\xbd byte");
}

/* Unknown members */

static void
test_unknown_top_level (void)
{
  const char *text =
    "{\"format\": \"parcours\", \"x-zeta\": {\"b\": [1, 2.5, \"é\\n\", true, null, {}], \"a\": []},"
    " \"version\": 1.3, \"x-alpha\": -9223372036854775808, \"title\": \"T\", \"x-mid\": \"«»\"}";
  g_autoptr(ParcoursDocument) document = load_text_ok (text);
  g_autofree char *saved = NULL;

  g_assert_cmpstr (parcours_document_get_unknown_json (document), ==,
                   "{\"x-zeta\":{\"b\":[1,2.5,\"é\\n\",true,null,{}],\"a\":[]},"
                   "\"x-alpha\":-9223372036854775808,\"x-mid\":\"«»\"}");

  saved = assert_round_trip (document);
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
  g_autofree char *text = make_map ("{\"x-p\": 1, \"id\": \"p1\"}",
                                    "{\"id\": \"s1\", \"x-s\": [\"a\"], \"name\": \"S\"}",
                                    "{\"id\": \"l1\"}, "
                                    "{\"id\": \"l2\", \"kind\": \"emotions\", "
                                    "\"x-l\": {\"k\": false}}",
                                    "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                    "\"x-c2\": \"second\", \"text\": \"t\", \"x-c1\": 0.1}",
                                    "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", "
                                    "\"value\": 0, \"lane-id\": \"kept too\"}");
  g_autoptr(ParcoursDocument) document = load_text_ok (text);
  g_autoptr(ParcoursElement) card = NULL;
  g_autoptr(ParcoursElement) point = NULL;
  g_autofree char *saved = NULL;

  card = g_list_model_get_item (parcours_document_get_cards (document), 0);
  g_assert_cmpstr (parcours_element_get_unknown_json (card), ==,
                   "{\"x-c2\":\"second\",\"x-c1\":0.1}");
  point = g_list_model_get_item (parcours_document_get_emotion_points (document), 0);
  g_assert_cmpstr (parcours_element_get_unknown_json (point), ==, "{\"lane-id\":\"kept too\"}");
  g_assert_null (parcours_document_get_unknown_json (document));

  saved = assert_round_trip (document);
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
  add (document, stage);
  parcours_document_set_unknown_json (document, "[1, 2]");

  g_test_expect_message ("Parcours-Io", G_LOG_LEVEL_WARNING, "*not a JSON object*");
  text = save_text (document);
  g_test_assert_expected_messages ();

  g_assert_nonnull (strstr (text, "      \"name\": \"Known\",\n      \"x\": 1\n"));
  g_assert_null (strstr (text, "dup"));
  g_clear_object (&document);
  document = load_text_ok (text);
}

static void
test_unknown_non_finite (void)
{
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"x-big\": [1e999]}",
                     PARCOURS_FORMAT_ERROR_RANGE, "cards[0].x-big: not a finite number");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, \"x\": {\"y\": -1e400}}",
                     PARCOURS_FORMAT_ERROR_RANGE, "x: not a finite number");
}

/* Versions */

static void
test_version (void)
{
  g_autoptr(ParcoursDocument) document = NULL;

  assert_load_error ("{\"format\": \"parcours\", \"version\": 2}",
                     PARCOURS_FORMAT_ERROR_VERSION,
                     "version 2 is newer than this Parcours can read (1); please update Parcours");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 10.5}",
                     PARCOURS_FORMAT_ERROR_VERSION,
                     "version 10.5 is newer than this Parcours can read (1); "
                     "please update Parcours");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 0.9}",
                     PARCOURS_FORMAT_ERROR_RANGE,
                     "version: expected a version number of at least 1");
  assert_load_error ("{\"format\": \"parcours\", \"version\": \"1\"}",
                     PARCOURS_FORMAT_ERROR_TYPE, "version: expected a number");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1e999}",
                     PARCOURS_FORMAT_ERROR_RANGE, "version: not a finite number");
  assert_load_error ("{\"format\": \"parcours\"}",
                     PARCOURS_FORMAT_ERROR_MISSING, "missing required member \"version\"");

  /* A newer minor version is read, and saved as this one. */
  document = load_text_ok ("{\"format\": \"parcours\", \"version\": 1.9}");
  g_assert_nonnull (document);
}

/* Errors, one test per class */

static void
test_error_syntax (void)
{
  assert_load_error ("{", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: unexpected end of file");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1,}",
                     PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:37: expected a member name in double quotes");
  assert_load_error ("{\n  \"format\": \"parcours\"\n  \"version\": 1\n}",
                     PARCOURS_FORMAT_ERROR_SYNTAX, "3:3: expected ',' or '}'");
  assert_load_error ("[1, 2,]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:7: expected a value");
  assert_load_error ("[1 2]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:4: expected ',' or ']'");
  assert_load_error ("{\"a\" 1}", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:6: expected ':' after the member name");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1} {}",
                     PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:38: unexpected text after the end of the document");
  assert_load_error ("{\"format\": 'parcours'}", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:12: expected a value");
  assert_load_error ("{/* comment */}", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:2: expected a member name in double quotes");
  assert_load_error ("[01]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: invalid number");
  assert_load_error ("[0x10]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: invalid number");
  assert_load_error ("[1.]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: invalid number");
  assert_load_error ("[-]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: invalid number");
  assert_load_error ("[tru]", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: expected a value");
  assert_load_error ("[\"abc", PARCOURS_FORMAT_ERROR_SYNTAX, "1:2: unterminated string");
  assert_load_error ("[\"a\tb\"]", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:4: unescaped control character in a string");
  assert_load_error ("[\"a\\xb\"]", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:4: invalid escape sequence in a string");
  assert_load_error ("[\"\\u12G4\"]", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:3: invalid \\u escape in a string");
  /* Columns count characters, not bytes. */
  assert_load_error ("{\"title\": \"Été\" x}", PARCOURS_FORMAT_ERROR_SYNTAX,
                     "1:17: expected ',' or '}'");
  assert_load_error ("[9223372036854775808]", PARCOURS_FORMAT_ERROR_RANGE,
                     "1:2: integer out of range");
  assert_load_error ("[-9223372036854775809]", PARCOURS_FORMAT_ERROR_RANGE,
                     "1:2: integer out of range");
}

/* A member twice in one object is refused, however the names are
 * written and however large the object. */
static void
test_error_duplicate_member (void)
{
  GString *text = g_string_new ("{\"format\": \"parcours\", \"version\": 1, \"x\": {");
  g_autofree char *message = NULL;
  g_autofree char *large = NULL;
  glong column;

  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, "
                     "\"title\": \"a\", \"title\": \"b\"}",
                     PARCOURS_FORMAT_ERROR_SYNTAX, "1:52: duplicate member \"title\"");
  assert_load_error ("[{\"a\": 1, \"\\u0061\": 2}]",
                     PARCOURS_FORMAT_ERROR_SYNTAX, "1:11: duplicate member \"a\"");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"lane\": \"l2\"}",
                     PARCOURS_FORMAT_ERROR_SYNTAX, "1:303: duplicate member \"lane\"");

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "\"m%u\": %u, ", i, i);
  column = g_utf8_strlen (text->str, -1) + 1;
  g_string_append (text, "\"m17\": 0}}");
  large = g_string_free (text, FALSE);
  message = g_strdup_printf ("1:%ld: duplicate member \"m17\"", column);
  assert_load_error (large, PARCOURS_FORMAT_ERROR_SYNTAX, message);
}

static void
test_error_empty (void)
{
  assert_load_error ("", PARCOURS_FORMAT_ERROR_SYNTAX, "the file is empty");
  assert_load_error (" \n\t\r\n", PARCOURS_FORMAT_ERROR_SYNTAX, "the file is empty");
  assert_load_error ("\xEF\xBB\xBF", PARCOURS_FORMAT_ERROR_SYNTAX, "the file is empty");
}

static void
test_error_encoding (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  static const char with_nul[] = "{\"format\": \"parcours\",\n \"ti\0tle\": 1}";

  assert_load_error ("{\"format\": \"parcours\",\n \"title\": \"caf\xe9\"}",
                     PARCOURS_FORMAT_ERROR_ENCODING, "2:15: invalid UTF-8");
  assert_load_error ("{\"title\": \"é\xc3\"}", PARCOURS_FORMAT_ERROR_ENCODING,
                     "1:13: invalid UTF-8");
  assert_load_error ("[\"\\u0000\"]", PARCOURS_FORMAT_ERROR_ENCODING,
                     "1:3: \\u0000 is not allowed in a string");
  assert_load_error ("[\"\\ud800\"]", PARCOURS_FORMAT_ERROR_ENCODING,
                     "1:3: unpaired surrogate in a \\u escape");
  assert_load_error ("[\"\\udc00\"]", PARCOURS_FORMAT_ERROR_ENCODING,
                     "1:3: unpaired surrogate in a \\u escape");
  assert_load_error ("[\"\\ud800\\u0041\"]", PARCOURS_FORMAT_ERROR_ENCODING,
                     "1:3: unpaired surrogate in a \\u escape");

  bytes = g_bytes_new_static (with_nul, sizeof with_nul - 1);
  document = parcours_format_load_bytes (bytes, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "2:5: unexpected NUL byte");
}

static void
test_error_not_parcours (void)
{
  assert_load_error ("[]", PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
                     "expected an object at the top level");
  assert_load_error ("\"parcours\"", PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
                     "expected an object at the top level");
  assert_load_error ("null", PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
                     "expected an object at the top level");
  assert_load_error ("{}", PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
                     "not a Parcours map: the \"format\" member is missing");
  assert_load_error ("{\"format\": \"mural\", \"version\": 1}", PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
                     "format: expected \"parcours\"");
  assert_load_error ("{\"format\": 1}", PARCOURS_FORMAT_ERROR_NOT_PARCOURS,
                     "format: expected \"parcours\"");
}

static void
test_error_type (void)
{
  assert_map_error (PERSONAS,
                    "{\"id\": \"s1\"}, {\"id\": \"s2\"}, {\"id\": \"s3\", \"name\": 3}",
                    LANES, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_TYPE, "stages[2].name: expected a string");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, \"title\": null}",
                     PARCOURS_FORMAT_ERROR_TYPE, "title: expected a string");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, \"goals\": [\"a\", 2]}",
                     PARCOURS_FORMAT_ERROR_TYPE, "goals[1]: expected a string");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, \"goals\": \"a\"}",
                     PARCOURS_FORMAT_ERROR_TYPE, "goals: expected an array");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, \"cards\": {}}",
                     PARCOURS_FORMAT_ERROR_TYPE, "cards: expected an array");
  assert_card_error ("[]", PARCOURS_FORMAT_ERROR_TYPE, "cards[0]: expected an object");
  assert_card_error ("{\"id\": 7}", PARCOURS_FORMAT_ERROR_TYPE, "cards[0].id: expected a string");
  assert_card_error ("{\"id\": \"c\", \"lane\": \"l1\", \"stage\": \"s1\", "
                     "\"key-moment\": \"yes\"}",
                     PARCOURS_FORMAT_ERROR_TYPE, "cards[0].key-moment: expected true or false");
  assert_card_error ("{\"id\": \"c\", \"lane\": \"l1\", \"stage\": \"s1\", \"color\": 255}",
                     PARCOURS_FORMAT_ERROR_TYPE, "cards[0].color: expected a string");
  assert_card_error ("{\"id\": \"c\", \"lane\": [\"l1\"], \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_TYPE, "cards[0].lane: expected a string");
  assert_map_error ("{\"id\": \"p1\", \"needs\": [\"a\", \"b\", {}]}", STAGES, LANES, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_TYPE, "personas[0].needs[2]: expected a string");
  assert_map_error (PERSONAS, "{\"id\": \"s1\", \"width\": \"wide\"}", LANES, "", "",
                    PARCOURS_FORMAT_ERROR_TYPE, "stages[0].width: expected a number");
  assert_map_error (PERSONAS, STAGES, "{\"id\": \"l1\", \"collapsed\": 1}", "", "",
                    PARCOURS_FORMAT_ERROR_TYPE, "lanes[0].collapsed: expected true or false");
}

static void
test_error_missing (void)
{
  assert_card_error ("{\"lane\": \"l1\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_MISSING, "cards[0]: missing required member \"id\"");
  assert_card_error ("{\"id\": \"c1\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_MISSING, "cards[0]: missing required member \"lane\"");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\"}",
                     PARCOURS_FORMAT_ERROR_MISSING, "cards[0]: missing required member \"stage\"");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    POINTS ", {\"id\": \"e2\", \"lane\": \"l2\", \"stage\": \"s1\", "
                    "\"offset\": 0.2}",
                    PARCOURS_FORMAT_ERROR_MISSING,
                    "emotion-points[1]: missing required member \"value\"");
  assert_map_error ("{\"name\": \"Ada\"}", STAGES, LANES, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_MISSING, "personas[0]: missing required member \"id\"");
}

static void
test_error_duplicate_id (void)
{
  assert_card_error ("{\"id\": \"s2\", \"lane\": \"l1\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
                     "cards[0].id: duplicate id \"s2\", already used by stages[1]");
  assert_card_error (CARDS ", " CARDS,
                     PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
                     "cards[1].id: duplicate id \"c1\", already used by cards[0]");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"p1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": 0}",
                    PARCOURS_FORMAT_ERROR_DUPLICATE_ID,
                    "emotion-points[0].id: duplicate id \"p1\", already used by personas[0]");
}

static void
test_error_dangling_id (void)
{
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s9\"}",
                     PARCOURS_FORMAT_ERROR_DANGLING_ID, "cards[0].stage: no stage with id \"s9\"");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"nope\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_DANGLING_ID, "cards[0].lane: no lane with id \"nope\"");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"s1\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_DANGLING_ID,
                     "cards[0].lane: \"s1\" is a stage, not a lane");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"p1\"}",
                     PARCOURS_FORMAT_ERROR_DANGLING_ID,
                     "cards[0].stage: \"p1\" is a persona, not a stage");
  assert_card_error (CARDS ", {\"id\": \"c2\", \"lane\": \"l1\", \"stage\": \"c1\"}",
                     PARCOURS_FORMAT_ERROR_DANGLING_ID,
                     "cards[1].stage: \"c1\" is a card, not a stage");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_RANGE, "cards[0].lane: an id cannot be empty");
  assert_map_error (PERSONAS, STAGES, "{\"id\": \"l1\", \"persona\": \"p2\"}", "", "",
                    PARCOURS_FORMAT_ERROR_DANGLING_ID,
                    "lanes[0].persona: no persona with id \"p2\"");
  assert_map_error (PERSONAS, STAGES, "{\"id\": \"l1\", \"persona\": \"s1\"}", "", "",
                    PARCOURS_FORMAT_ERROR_DANGLING_ID,
                    "lanes[0].persona: \"s1\" is a stage, not a persona");
  /* Emotion points belong in emotion lanes. */
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"e1\", \"lane\": \"l1\", \"stage\": \"s1\", \"value\": 0}",
                    PARCOURS_FORMAT_ERROR_DANGLING_ID,
                    "emotion-points[0].lane: lane \"l1\" is of kind \"actions\", not \"emotions\"");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"e1\", \"lane\": \"c1\", \"stage\": \"s1\", \"value\": 0}",
                    PARCOURS_FORMAT_ERROR_DANGLING_ID,
                    "emotion-points[0].lane: \"c1\" is a card, not a lane");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"e1\", \"value\": 0}",
                    PARCOURS_FORMAT_ERROR_DANGLING_ID,
                    "emotion-points[0].stage: no stage with id \"e1\"");
}

static void
test_error_range (void)
{
  assert_map_error (PERSONAS, "{\"id\": \"s1\", \"width\": 9}", LANES, "", "",
                    PARCOURS_FORMAT_ERROR_RANGE, "stages[0].width: 9 is out of range (0.25 to 8)");
  assert_map_error (PERSONAS, "{\"id\": \"s1\", \"width\": 0.2}", LANES, "", "",
                    PARCOURS_FORMAT_ERROR_RANGE,
                    "stages[0].width: 0.2 is out of range (0.25 to 8)");
  assert_map_error (PERSONAS, STAGES, "{\"id\": \"l1\", \"height\": -1}", "", "",
                    PARCOURS_FORMAT_ERROR_RANGE, "lanes[0].height: -1 is out of range (0.25 to 8)");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", "
                    "\"value\": 0, \"offset\": 1.5}",
                    PARCOURS_FORMAT_ERROR_RANGE,
                    "emotion-points[0].offset: 1.5 is out of range (0 to 1)");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": -2}",
                    PARCOURS_FORMAT_ERROR_RANGE,
                    "emotion-points[0].value: -2 is out of range (-1 to 1)");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"color\": \"red\"}",
                     PARCOURS_FORMAT_ERROR_RANGE, "cards[0].color: expected a colour like #3584e4");
  assert_map_error ("{\"id\": \"p1\", \"color\": \"#3584e\"}", STAGES, LANES, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_RANGE,
                    "personas[0].color: expected a colour like #3584e4");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                     "\"sentiment\": \"happy\"}",
                     PARCOURS_FORMAT_ERROR_RANGE,
                     "cards[0].sentiment: unknown value \"happy\"; "
                     "expected one of: neutral, positive, negative");
  assert_card_error ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                     "\"channel\": \"Email\"}",
                     PARCOURS_FORMAT_ERROR_RANGE,
                     "cards[0].channel: unknown value \"Email\"; expected one of: none, website, "
                     "mobile-app, email, phone, sms, chat, social-media, advertising, "
                     "physical-store, word-of-mouth, event, other");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1, \"kind\": \"past\"}",
                     PARCOURS_FORMAT_ERROR_RANGE,
                     "kind: unknown value \"past\"; expected one of: "
                     "current-state, future-state, day-in-the-life");
  assert_card_error ("{\"id\": \"\", \"lane\": \"l1\", \"stage\": \"s1\"}",
                     PARCOURS_FORMAT_ERROR_RANGE, "cards[0].id: an id cannot be empty");
}

static void
test_error_non_finite (void)
{
  assert_map_error (PERSONAS, STAGES, LANES, CARDS,
                    "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": 1e999}",
                    PARCOURS_FORMAT_ERROR_RANGE, "emotion-points[0].value: not a finite number");
  assert_map_error (PERSONAS, "{\"id\": \"s1\", \"width\": -1E400}", LANES, "", "",
                    PARCOURS_FORMAT_ERROR_RANGE, "stages[0].width: not a finite number");
  assert_load_error ("{\"format\": \"parcours\", \"version\": 1,\n \"x\": NaN}",
                     PARCOURS_FORMAT_ERROR_RANGE, "2:7: not a finite number");
  assert_load_error ("[Infinity]", PARCOURS_FORMAT_ERROR_RANGE, "1:2: not a finite number");
  assert_load_error ("[-Infinity]", PARCOURS_FORMAT_ERROR_RANGE, "1:2: not a finite number");
}

static char *
make_string (gsize length,
             char  c)
{
  char *text = g_malloc (length + 1);

  memset (text, c, length);
  text[length] = '\0';
  return text;
}

/* @count elements joined by commas, each "@before<number>@after". */
static char *
repeat (const char *before,
        const char *after,
        guint       count)
{
  GString *text = g_string_sized_new ((strlen (before) + strlen (after) + 8) * count);

  for (guint i = 0; i < count; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, before);
      g_string_append_printf (text, "%u", i);
      g_string_append (text, after);
    }

  return g_string_free (text, FALSE);
}

static void
test_error_too_large (void)
{
  g_autofree char *long_text = make_string (PARCOURS_FORMAT_MAX_STRING_SIZE + 1, 'x');
  g_autofree char *just_fits = make_string (PARCOURS_FORMAT_MAX_STRING_SIZE, 'x');
  g_autofree char *long_id = make_string (PARCOURS_FORMAT_MAX_ID_LENGTH + 1, 'i');
  g_autofree char *longest_id = NULL;
  g_autofree char *card = NULL;
  g_autofree char *personas = repeat ("{\"id\": \"p", "\"}", PARCOURS_FORMAT_MAX_PERSONAS + 1);
  g_autofree char *stages = repeat ("{\"id\": \"s", "\"}", PARCOURS_FORMAT_MAX_STAGES + 1);
  g_autofree char *lanes = repeat ("{\"id\": \"l", "\"}", PARCOURS_FORMAT_MAX_LANES + 1);
  g_autofree char *goals = repeat ("\"g", "\"", PARCOURS_FORMAT_MAX_LIST_ITEMS + 1);
  g_autofree char *persona = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  GString *cyrillic_id = g_string_new (NULL);

  card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                          "\"kpi\": \"%s\"}", long_text);
  assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                     "cards[0].kpi: longer than 1048576 bytes");
  g_free (card);

  card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                          "\"details\": \"%s\"}",
                          just_fits);
  g_free (long_text);
  long_text = make_map (PERSONAS, STAGES, LANES, card, POINTS);
  document = load_text_ok (long_text);
  g_clear_object (&document);
  g_free (card);

  card = g_strdup_printf ("{\"id\": \"%s\", \"lane\": \"l1\", \"stage\": \"s1\"}", long_id);
  assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                     "cards[0].id: longer than 128 characters");
  g_free (card);

  /* The limit counts characters: 128 two-byte letters are fine. */
  for (guint i = 0; i < PARCOURS_FORMAT_MAX_ID_LENGTH; i++)
    g_string_append (cyrillic_id, "ж");
  longest_id = g_string_free (cyrillic_id, FALSE);
  card = g_strdup_printf ("{\"id\": \"%s\", \"lane\": \"l1\", \"stage\": \"s1\"}", longest_id);
  g_free (long_text);
  long_text = make_map (PERSONAS, STAGES, LANES, card, POINTS);
  document = load_text_ok (long_text);
  g_clear_object (&document);
  g_free (card);

  card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"%sж\", \"stage\": \"s1\"}", longest_id);
  assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                     "cards[0].lane: longer than 128 characters");

  assert_map_error (personas, STAGES, LANES, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_TOO_LARGE, "personas: more than 200 items");
  assert_map_error (PERSONAS, stages, LANES, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_TOO_LARGE, "stages: more than 1000 items");
  assert_map_error (PERSONAS, STAGES, lanes, CARDS, POINTS,
                    PARCOURS_FORMAT_ERROR_TOO_LARGE, "lanes: more than 1000 items");

  persona = g_strdup_printf ("{\"id\": \"p1\", \"frustrations\": [%s]}", goals);
  assert_map_error (persona, STAGES, LANES, CARDS, POINTS,
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
assert_photo_error (const char          *persona,
                    ParcoursFormatError  code,
                    const char          *message)
{
  assert_map_error (persona, STAGES, LANES, CARDS, POINTS, code, message);
}

static void
test_error_photo (void)
{
  g_autofree char *huge = NULL;
  GString *text;

  assert_photo_error ("{\"id\": \"p1\", \"photo\": 12}",
                      PARCOURS_FORMAT_ERROR_TYPE, "personas[0].photo: expected a string");

  /* More than any photo can be is still too much to keep. */
  text = g_string_new ("{\"id\": \"p1\", \"photo\": \"data:image/png;base64,");
  for (guint i = 0; i < PARCOURS_FORMAT_MAX_PHOTO_URI_SIZE / 4 + 1; i++)
    g_string_append (text, "AAAA");
  g_string_append (text, "\"}");
  huge = g_string_free (text, FALSE);
  assert_photo_error (huge, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                      "personas[0].photo: longer than 4194304 bytes");
}

/* A photo this version cannot show is no reason to refuse a map: it
 * loads without it, with a warning, and saving writes the photo back as
 * it was, in its place, so nothing is lost. */
static void
assert_photo_left_out (const char *persona,
                       const char *warning)
{
  g_autofree char *text = make_map (persona, STAGES, LANES, CARDS, POINTS);
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

  mismatch = encode_photo ("image/png", jpeg_photo, sizeof jpeg_photo);
  assert_photo_left_out (mismatch, "personas[0].photo: the image is image/jpeg, not image/png");

  big_data = g_malloc0 (big_size);
  memcpy (big_data, png_photo, sizeof png_photo);
  big = encode_photo ("image/png", big_data, big_size);
  assert_photo_left_out (big, "personas[0].photo: image larger than 2097152 bytes");
}

/* A persona given a photo again writes that one only. */
static void
test_photo_replaced (void)
{
  g_autofree char *text = make_map ("{\"id\": \"p1\", \"photo\": \"file:///etc/passwd\"}",
                                    STAGES, LANES, CARDS, POINTS);
  g_autoptr(GBytes) png = g_bytes_new_static (png_photo, sizeof png_photo);
  g_autoptr(ParcoursDocument) document = load_text_ok (text);
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

/* Hostile input: refused cleanly, never a crash */

static char *
nest (const char *open,
      guint       depth)
{
  GString *text = g_string_sized_new (strlen (open) * depth);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);

  return g_string_free (text, FALSE);
}

static void
test_hostile_deep_arrays (void)
{
  g_autofree char *text = nest ("[", 200000);

  assert_load_error (text, PARCOURS_FORMAT_ERROR_TOO_DEEP, "1:65: nested deeper than 64 levels");
}

static void
test_hostile_deep_objects (void)
{
  g_autofree char *text = nest ("{\"a\":", 200000);

  assert_load_error (text, PARCOURS_FORMAT_ERROR_TOO_DEEP, "1:321: nested deeper than 64 levels");
}

/* As deep as allowed, inside a member kept for a newer version. */
static void
test_hostile_deepest_allowed (void)
{
  g_autofree char *open = nest ("[", PARCOURS_FORMAT_MAX_DEPTH - 3);
  g_autofree char *close = nest ("]", PARCOURS_FORMAT_MAX_DEPTH - 3);
  g_autofree char *card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                           "\"x\": %s%s}", open, close);
  g_autofree char *text = make_map (PERSONAS, STAGES, LANES, card, POINTS);
  g_autoptr(ParcoursDocument) document = load_text_ok (text);
  g_autofree char *saved = assert_round_trip (document);
  g_autofree char *deeper = NULL;
  g_autofree char *deeper_card = NULL;

  g_free (open);
  g_free (close);
  open = nest ("[", PARCOURS_FORMAT_MAX_DEPTH - 2);
  close = nest ("]", PARCOURS_FORMAT_MAX_DEPTH - 2);
  deeper_card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                 "\"x\": %s%s}", open, close);
  deeper = make_map (PERSONAS, STAGES, LANES, deeper_card, POINTS);
  g_clear_object (&document);
  document = load_text (deeper, NULL);
  g_assert_null (document);
}

static void
test_hostile_huge_string (void)
{
  g_autofree char *huge = make_string (10 * 1024 * 1024, 'a');
  g_autofree char *card = g_strdup_printf ("{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", "
                                           "\"text\": \"%s\"}", huge);

  assert_card_error (card, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                     "cards[0].text: longer than 1048576 bytes");
}

/* Every prefix of a file fails cleanly, but for the whole file and the
 * file without its final newline. */
static void
test_hostile_truncated (void)
{
  gsize length = strlen (rich_text);

  for (gsize i = 0; i <= length; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (rich_text, i);
      g_autoptr(ParcoursDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = parcours_format_load_bytes (bytes, &error);
      if (i >= length - 1)
        {
          g_assert_no_error (error);
          g_assert_nonnull (document);
        }
      else
        {
          g_assert_null (document);
          g_assert_nonnull (error);
          g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
        }
    }
}

/* Random damage: load fails cleanly, or what loads saves stably. */
static void
test_hostile_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gsize length = strlen (rich_text);
  static const char interesting[] = "{}[]\",:\\0123456789.eE+-tfnu \n\x80\xff";

  for (guint round = 0; round < 3000; round++)
    {
      g_autofree char *text = g_memdup2 (rich_text, length + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ParcoursDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      guint n_changes = g_rand_int_range (rand, 1, 4);

      for (guint i = 0; i < n_changes; i++)
        {
          gsize at = g_rand_int_range (rand, 0, length);

          if (g_rand_boolean (rand))
            text[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
          else
            text[at] = (char) g_rand_int_range (rand, 1, 256);
        }

      bytes = g_bytes_new (text, length);
      document = parcours_format_load_bytes (bytes, &error);
      if (document == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == PARCOURS_FORMAT_ERROR);
        }
      else
        {
          g_autofree char *saved = assert_round_trip (document);
        }
    }
}

static void
test_hostile_huge_counts (void)
{
  g_autofree char *cards = repeat ("{\"id\":\"c", "\",\"lane\":\"l1\",\"stage\":\"s1\"}",
                                   PARCOURS_FORMAT_MAX_CARDS + 1);
  g_autofree char *points = repeat ("{\"id\":\"e",
                                    "\",\"lane\":\"l2\",\"stage\":\"s1\",\"value\":0}",
                                    PARCOURS_FORMAT_MAX_EMOTION_POINTS + 1);
  g_autofree char *zeros = NULL;
  g_autofree char *message = NULL;
  GString *text;

  assert_map_error (PERSONAS, STAGES, LANES, cards, POINTS,
                    PARCOURS_FORMAT_ERROR_TOO_LARGE, "cards: more than 200000 items");
  assert_map_error (PERSONAS, STAGES, LANES, CARDS, points,
                    PARCOURS_FORMAT_ERROR_TOO_LARGE, "emotion-points: more than 100000 items");

  /* More values than any map has: refused before json-glib builds them. */
  text = g_string_new ("[");
  for (guint i = 0; i < PARCOURS_FORMAT_MAX_VALUES; i++)
    g_string_append (text, "0,");
  g_string_append (text, "0]");
  zeros = g_string_free (text, FALSE);
  message = g_strdup_printf ("1:%u: more than %u values",
                             2 * PARCOURS_FORMAT_MAX_VALUES, PARCOURS_FORMAT_MAX_VALUES);
  assert_load_error (zeros, PARCOURS_FORMAT_ERROR_TOO_LARGE, message);
}

/* Files */

typedef struct
{
  char *dir;
} FileFixture;

static void
file_fixture_set_up (FileFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("parcours-format-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
    }

  g_chmod (path, 0700);
  g_remove (path);
}

static void
file_fixture_tear_down (FileFixture   *fixture,
                        gconstpointer  data)
{
  remove_recursively (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
fixture_file (FileFixture *fixture,
              const char  *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static char *
file_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_file_save_and_load (FileFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = make_rich_document ();
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autoptr(GFile) file = fixture_file (fixture, "map.parcours");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  contents = file_contents (file);
  g_assert_cmpstr (contents, ==, rich_text);

  loaded = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, loaded);

  /* Saving over it leaves no temporary file behind. */
  g_assert_true (parcours_format_save_file (loaded, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_file_load_errors (FileFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) missing = fixture_file (fixture, "missing.parcours");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) broken = fixture_file (fixture, "broken.parcours");
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_path = g_file_get_path (broken);

  document = parcours_format_load_file (missing, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = parcours_format_load_file (folder, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Messages do not name the file: the caller does. */
  g_assert_true (g_file_set_contents (broken_path,
                                      "{\"format\": \"parcours\", \"version\": 3}", -1, NULL));
  document = parcours_format_load_file (broken, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "version 3 is newer than this Parcours can read (1); please update Parcours");
}

/* A huge file is refused from its size, before it is read. */
static void
test_file_too_large (FileFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "huge.parcours");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (truncate (path, (off_t) PARCOURS_FORMAT_MAX_FILE_SIZE * 16), ==, 0);

  start = g_get_monotonic_time ();
  document = parcours_format_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is larger than 64 MiB");
  g_test_message ("Refused a 1 GiB file in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

/* A device that never ends is cut at the largest size allowed. */
static void
test_file_endless (FileFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No /dev/zero");
      return;
    }

  document = parcours_format_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
}

static void
test_save_keeps_permissions (FileFixture   *fixture,
                             gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = make_rich_document ();
  g_autoptr(GFile) file = fixture_file (fixture, "shared.parcours");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);
  contents = file_contents (file);
  g_assert_cmpstr (contents, ==, rich_text);
}

static void
assert_save_fails (ParcoursDocument *document,
                   GFile            *file,
                   GCancellable     *cancellable)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (parcours_format_save_file (document, file, cancellable, &error));
  g_assert_nonnull (error);
  g_test_message ("Expected failure: %s", error->message);
}

static void
test_save_failures (FileFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = make_rich_document ();
  g_autoptr(GFile) in_missing_folder = fixture_file (fixture, "missing/map.parcours");
  g_autoptr(GFile) folder = fixture_file (fixture, "folder");
  g_autoptr(GFile) old = fixture_file (fixture, "old.parcours");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *old_path = g_file_get_path (old);
  g_autofree char *contents = NULL;

  /* A folder that does not exist */
  assert_save_fails (document, in_missing_folder, NULL);
  g_assert_false (g_file_query_exists (in_missing_folder, NULL));

  /* A path that is a folder, which stays as it was */
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  assert_save_fails (document, folder, NULL);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));

  /* A cancelled save leaves the old file alone */
  g_assert_true (g_file_set_contents (old_path, "old contents", -1, NULL));
  g_cancellable_cancel (cancellable);
  assert_save_fails (document, old, cancellable);
  contents = file_contents (old);
  g_assert_cmpstr (contents, ==, "old contents");

  /* Nothing is left behind */
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

static void
test_save_dev_full (void)
{
  g_autoptr(ParcoursDocument) document = make_rich_document ();
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");

  if (access ("/dev/full", W_OK) != 0)
    {
      g_test_skip ("No writable /dev/full");
      return;
    }

  assert_save_fails (document, file, NULL);
  g_assert_true (g_file_test ("/dev/full", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/dev/full", G_FILE_TEST_IS_REGULAR));
}

/* The schema in data/ says what the code does. */
static JsonObject *
schema_object (JsonObject *schema,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonObject *object = schema;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_assert_true (json_object_has_member (object, parts[i]));
      object = json_object_get_object_member (object, parts[i]);
    }

  return object;
}

static void
assert_schema_enum (JsonObject *schema,
                    const char *path,
                    GType       enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  JsonArray *values = json_object_get_array_member (schema_object (schema, path), "enum");

  g_assert_cmpuint (json_array_get_length (values), ==, klass->n_values);
  for (guint i = 0; i < klass->n_values; i++)
    g_assert_cmpstr (json_array_get_string_element (values, i), ==, klass->values[i].value_nick);
}

static void
assert_schema_number (JsonObject *schema,
                      const char *path,
                      const char *keyword,
                      double      expected)
{
  JsonObject *object = schema_object (schema, path);

  g_assert_cmpfloat (json_object_get_double_member (object, keyword), ==, expected);
}

static void
test_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "parcours.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *schema;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No schema in the source tree");
      return;
    }

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  schema = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (schema, "$schema"), ==,
                   "https://json-schema.org/draft/2020-12/schema");

  assert_schema_enum (schema, "properties/kind", PARCOURS_TYPE_MAP_KIND);
  assert_schema_enum (schema, "$defs/lane/properties/kind", PARCOURS_TYPE_LANE_KIND);
  assert_schema_enum (schema, "$defs/card/properties/channel", PARCOURS_TYPE_CHANNEL);
  assert_schema_enum (schema, "$defs/card/properties/sentiment", PARCOURS_TYPE_SENTIMENT);

  assert_schema_number (schema, "properties/version", "minimum", PARCOURS_FORMAT_VERSION);
  assert_schema_number (schema, "properties/personas", "maxItems", PARCOURS_FORMAT_MAX_PERSONAS);
  assert_schema_number (schema, "properties/stages", "maxItems", PARCOURS_FORMAT_MAX_STAGES);
  assert_schema_number (schema, "properties/lanes", "maxItems", PARCOURS_FORMAT_MAX_LANES);
  assert_schema_number (schema, "properties/cards", "maxItems", PARCOURS_FORMAT_MAX_CARDS);
  assert_schema_number (schema, "properties/emotion-points", "maxItems",
                        PARCOURS_FORMAT_MAX_EMOTION_POINTS);
  assert_schema_number (schema, "$defs/text", "maxLength", PARCOURS_FORMAT_MAX_STRING_SIZE);
  assert_schema_number (schema, "$defs/textList", "maxItems", PARCOURS_FORMAT_MAX_LIST_ITEMS);
  assert_schema_number (schema, "$defs/id", "maxLength", PARCOURS_FORMAT_MAX_ID_LENGTH);
  assert_schema_number (schema, "$defs/persona/properties/photo", "maxLength",
                        PARCOURS_FORMAT_MAX_PHOTO_URI_SIZE);
  assert_schema_number (schema, "$defs/stage/properties/width", "minimum",
                        PARCOURS_STAGE_MIN_WIDTH);
  assert_schema_number (schema, "$defs/stage/properties/width", "maximum",
                        PARCOURS_STAGE_MAX_WIDTH);
  assert_schema_number (schema, "$defs/lane/properties/height", "minimum",
                        PARCOURS_LANE_MIN_HEIGHT);
  assert_schema_number (schema, "$defs/lane/properties/height", "maximum",
                        PARCOURS_LANE_MAX_HEIGHT);
}

/* Speed: a map of 100 stages × 10 lanes, 5000 cards, 500 points. Timings
 * are printed, not asserted. */
static ParcoursDocument *
make_large_document (void)
{
  ParcoursDocument *document = parcours_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint s = 0; s < 100; s++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%08x", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      add (document, parcours_stage_new (id, name));
    }

  for (guint l = 0; l < 10; l++)
    {
      g_autofree char *id = g_strdup_printf ("lane-%08x", l);

      add (document, parcours_lane_new (id, l == 9 ? PARCOURS_LANE_KIND_EMOTIONS : l % 9, "Lane"));
    }

  for (guint c = 0; c < 5000; c++)
    {
      g_autofree char *id = g_strdup_printf ("card-%08x", c);
      g_autofree char *lane = g_strdup_printf ("lane-%08x", c % 9);
      g_autofree char *stage = g_strdup_printf ("stage-%08x", (c / 9) % 100);
      g_autofree char *text = g_strdup_printf ("Card %u: réserve un billet", c);
      ParcoursCard *card = parcours_card_new (id, lane, stage, text);

      if (c % 3 == 0)
        parcours_card_set_details (card, "Some details\nover two lines");
      if (c % 5 == 0)
        parcours_card_set_channel (card, PARCOURS_CHANNEL_EMAIL);
      add (document, card);
    }

  for (guint p = 0; p < 500; p++)
    {
      g_autofree char *id = g_strdup_printf ("emotion-%08x", p);
      g_autofree char *stage = g_strdup_printf ("stage-%08x", p % 100);

      add (document, parcours_emotion_point_new (id, "lane-00000009", stage,
                                                 g_rand_double (rand),
                                                 g_rand_double_range (rand, -1, 1)));
    }

  return document;
}

static void
test_perf_large (void)
{
  g_autoptr(ParcoursDocument) document = make_large_document ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  double best_save = G_MAXDOUBLE;
  double best_load = G_MAXDOUBLE;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ParcoursDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&bytes, g_bytes_unref);
      g_test_timer_start ();
      bytes = parcours_format_save_bytes (document);
      best_save = MIN (best_save, g_test_timer_elapsed ());

      g_test_timer_start ();
      loaded = parcours_format_load_bytes (bytes, &error);
      best_load = MIN (best_load, g_test_timer_elapsed ());
      g_assert_no_error (error);

      if (i == 0)
        {
          again = parcours_format_save_bytes (loaded);
          g_assert_true (g_bytes_equal (bytes, again));
        }
    }

  g_test_message ("5000 cards, %" G_GSIZE_FORMAT " bytes: save %.1f ms, load %.1f ms",
                  g_bytes_get_size (bytes), best_save * 1000, best_load * 1000);
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
  g_test_add_func ("/format/roundtrip/foreign", test_roundtrip_foreign);
  g_test_add_func ("/format/roundtrip/card-order", test_roundtrip_card_order);
  g_test_add_func ("/format/unknown/top-level", test_unknown_top_level);
  g_test_add_func ("/format/unknown/elements", test_unknown_elements);
  g_test_add_func ("/format/unknown/bad-api-values", test_unknown_bad_api_values);
  g_test_add_func ("/format/unknown/non-finite", test_unknown_non_finite);
  g_test_add_func ("/format/version", test_version);
  g_test_add_func ("/format/error/syntax", test_error_syntax);
  g_test_add_func ("/format/error/duplicate-member", test_error_duplicate_member);
  g_test_add_func ("/format/error/empty", test_error_empty);
  g_test_add_func ("/format/error/encoding", test_error_encoding);
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
  g_test_add_func ("/format/hostile/deep-arrays", test_hostile_deep_arrays);
  g_test_add_func ("/format/hostile/deep-objects", test_hostile_deep_objects);
  g_test_add_func ("/format/hostile/deepest-allowed", test_hostile_deepest_allowed);
  g_test_add_func ("/format/hostile/huge-string", test_hostile_huge_string);
  g_test_add_func ("/format/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/format/hostile/mutations", test_hostile_mutations);
  g_test_add_func ("/format/hostile/huge-counts", test_hostile_huge_counts);
  g_test_add ("/format/file/save-and-load", FileFixture, NULL,
              file_fixture_set_up, test_file_save_and_load, file_fixture_tear_down);
  g_test_add ("/format/file/load-errors", FileFixture, NULL,
              file_fixture_set_up, test_file_load_errors, file_fixture_tear_down);
  g_test_add ("/format/file/too-large", FileFixture, NULL,
              file_fixture_set_up, test_file_too_large, file_fixture_tear_down);
  g_test_add ("/format/file/endless", FileFixture, NULL,
              file_fixture_set_up, test_file_endless, file_fixture_tear_down);
  g_test_add ("/format/file/keeps-permissions", FileFixture, NULL,
              file_fixture_set_up, test_save_keeps_permissions, file_fixture_tear_down);
  g_test_add ("/format/file/save-failures", FileFixture, NULL,
              file_fixture_set_up, test_save_failures, file_fixture_tear_down);
  g_test_add_func ("/format/file/dev-full", test_save_dev_full);
  g_test_add_func ("/format/schema", test_schema);
  g_test_add_func ("/format/perf/5000-cards", test_perf_large);

  return g_test_run ();
}
