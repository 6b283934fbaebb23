/* test-templates.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "parcours-format.h"
#include "parcours-templates.h"
#include "parcours-test-utils.h"

/* The templates a new map starts from: complete, realistic maps that load
 * through the normal loader, written by `parcours --new` without a
 * display, and in French or Russian when the user speaks it. */

static const char * const expected_ids[] = {
  "current-state", "future-state", "day-in-the-life", "online-purchase",
  "relationship-lifecycle", "service-blueprint", "classroom-lunch", NULL
};

static guint
count_lanes_of_kind (ParcoursDocument *document,
                     ParcoursLaneKind  kind)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);

      if (parcours_lane_get_kind (lane) == kind)
        n++;
    }

  return n;
}

static gboolean
stage_has_cards (ParcoursDocument *document,
                 ParcoursStage    *stage)
{
  GListModel *cards = parcours_document_get_cards (document);
  const char *id = parcours_element_get_id (PARCOURS_ELEMENT (stage));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (parcours_card_get_stage_id (card), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
count_channel_cards (ParcoursDocument *document)
{
  GListModel *cards = parcours_document_get_cards (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

      if (parcours_card_get_channel (card) != PARCOURS_CHANNEL_NONE)
        n++;
    }

  return n;
}

static void
test_ids (void)
{
  const char * const *ids = parcours_templates_get_ids ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;

  g_assert_cmpstrv (ids, expected_ids);

  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_true (parcours_template_exists (ids[i]));

  g_assert_false (parcours_template_exists ("blank"));
  g_assert_false (parcours_template_exists ("../current-state"));

  document = parcours_template_load ("current-state.parcours", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (document);
}

/* Not an empty grid: named stages, the lanes of a journey map, a persona
 * with goals, an emotion curve and sample cards in every stage. */
static void
test_complete (void)
{
  for (guint t = 0; expected_ids[t] != NULL; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) document = parcours_template_load (expected_ids[t], &error);
      GListModel *stages, *personas;
      g_autoptr(ParcoursPersona) persona = NULL;

      g_test_message ("template %s", expected_ids[t]);
      g_assert_no_error (error);
      g_assert_nonnull (document);

      g_assert_cmpstr (parcours_document_get_title (document), !=, "");
      g_assert_cmpuint (strlen (parcours_document_get_description (document)), >, 40);
      g_assert_cmpuint (g_strv_length ((char **) parcours_document_get_goals (document)), >=, 1);

      personas = parcours_document_get_personas (document);
      g_assert_cmpuint (g_list_model_get_n_items (personas), >=, 1);
      persona = g_list_model_get_item (personas, 0);
      g_assert_cmpstr (parcours_persona_get_name (persona), !=, "");
      g_assert_cmpuint (g_strv_length ((char **) parcours_persona_get_goals (persona)), >=, 1);

      stages = parcours_document_get_stages (document);
      g_assert_cmpuint (g_list_model_get_n_items (stages), >=, 3);
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);

          g_assert_cmpstr (parcours_stage_get_name (stage), !=, "");
          g_assert_true (stage_has_cards (document, stage));
        }

      g_assert_cmpuint (count_lanes_of_kind (document, PARCOURS_LANE_KIND_TOUCHPOINTS), >=, 1);
      g_assert_cmpuint (count_lanes_of_kind (document, PARCOURS_LANE_KIND_ACTIONS), >=, 1);
      g_assert_cmpuint (count_lanes_of_kind (document, PARCOURS_LANE_KIND_EMOTIONS), ==, 1);
      g_assert_cmpuint (count_lanes_of_kind (document, PARCOURS_LANE_KIND_OPPORTUNITIES), >=, 1);
      g_assert_cmpuint (count_lanes_of_kind (document, PARCOURS_LANE_KIND_PAIN_POINTS), >=, 1);
      g_assert_cmpuint (count_channel_cards (document), >=, 3);
      g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (document)), >=, 15);
      g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_emotion_points (document)),
                        >=, g_list_model_get_n_items (stages));
    }
}

static void
test_service_blueprint_lanes (void)
{
  g_autoptr(ParcoursDocument) document = parcours_template_load ("service-blueprint", NULL);

  /* Backstage actions and support processes sit below the line. */
  g_assert_cmpuint (count_lanes_of_kind (document, PARCOURS_LANE_KIND_BACKSTAGE), ==, 2);
  g_assert_nonnull (parcours_document_lookup_lane (document, "lane-visibility"));
}

/* The files are kept as Parcours writes them, so a map made from a
 * template and saved at once diffs cleanly against the template. */
static void
test_canonical (void)
{
  for (guint t = 0; expected_ids[t] != NULL; t++)
    {
      g_autofree char *path = g_strconcat ("/io/github/parcours/Parcours/templates/",
                                           expected_ids[t], ".parcours", NULL);
      g_autoptr(GBytes) stored = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(ParcoursDocument) document = parcours_template_load (expected_ids[t], NULL);
      g_autoptr(GBytes) saved = parcours_format_save_bytes (document);

      g_test_message ("template %s", expected_ids[t]);
      g_assert_nonnull (stored);
      g_assert_true (g_bytes_equal (stored, saved));
    }
}

static void
test_cli_list (void)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "--list-templates", NULL };

  g_assert_cmpint (parcours_test_run (NULL, NULL, args, &out, NULL), ==, 0);

  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length ((char **) expected_ids));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(ParcoursDocument) document = parcours_template_load (expected_ids[i], NULL);
      g_auto(GStrv) columns = g_strsplit (lines[i], " ", 2);

      g_assert_cmpstr (columns[0], ==, expected_ids[i]);
      g_assert_cmpstr (g_strstrip (columns[1]), ==, parcours_document_get_title (document));
    }
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("parcours-templates-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "workshop.parcours", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static ParcoursDocument *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_cli_new (Fixture       *fixture,
              gconstpointer  data)
{
  const char *args[] = { "--new", "online-purchase", fixture->path, NULL };
  g_autoptr(ParcoursDocument) expected = parcours_template_load ("online-purchase", NULL);
  g_autoptr(ParcoursDocument) written = NULL;
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GBytes) written_bytes = NULL;

  g_assert_cmpint (parcours_test_run (NULL, NULL, args, NULL, NULL), ==, 0);

  written = load_path (fixture->path);
  expected_bytes = parcours_format_save_bytes (expected);
  written_bytes = parcours_format_save_bytes (written);
  g_assert_true (g_bytes_equal (expected_bytes, written_bytes));
}

static void
test_cli_new_keeps_existing_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *args[] = { "--new", "current-state", fixture->path, NULL };
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "my notes", -1, NULL));

  g_assert_cmpint (parcours_test_run (NULL, NULL, args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));

  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "my notes");
}

static void
test_cli_new_unknown (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *args[] = { "--new", "blank", fixture->path, NULL };
  const char *no_output[] = { "--new", "current-state", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (parcours_test_run (NULL, NULL, args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“blank”"));
  g_assert_nonnull (strstr (err, "--list-templates"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (parcours_test_run (NULL, NULL, no_output, NULL, NULL), ==, 2);
}

/* `LANGUAGE=fr parcours --new …` writes a French map: the same map, every
 * text in French but for the few that read the same (a name, “40 %”). */
static void
test_cli_new_translated (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *language = data;

  for (guint t = 0; expected_ids[t] != NULL; t++)
    {
      const char *args[] = { "--new", expected_ids[t], fixture->path, NULL };
      g_autoptr(ParcoursDocument) english = parcours_template_load (expected_ids[t], NULL);
      g_autoptr(ParcoursDocument) translated = NULL;
      g_autoptr(GPtrArray) english_texts = NULL;
      g_autoptr(GPtrArray) translated_texts = NULL;
      guint n_same = 0;

      g_test_message ("template %s in %s", expected_ids[t], language);
      g_unlink (fixture->path);
      g_assert_cmpint (parcours_test_run (NULL, language, args, NULL, NULL), ==, 0);
      translated = load_path (fixture->path);

      g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (translated)), ==,
                        g_list_model_get_n_items (parcours_document_get_cards (english)));
      g_assert_cmpstr (parcours_document_get_title (translated), !=,
                       parcours_document_get_title (english));

      english_texts = parcours_test_collect_texts (english);
      translated_texts = parcours_test_collect_texts (translated);
      g_assert_cmpuint (english_texts->len, ==, translated_texts->len);

      for (guint i = 0; i < english_texts->len; i++)
        if (g_str_equal (english_texts->pdata[i], translated_texts->pdata[i]))
          n_same++;

      g_assert_cmpuint (n_same * 10, <=, english_texts->len);
    }
}

/* `LANGUAGE=fr parcours --help` answers in French: no line of the English
 * help is left but the usage lines, which are commands. */
static void
test_cli_help_translated (gconstpointer data)
{
  const char *language = data;
  const char *args[] = { "--help", NULL };
  g_autofree char *english = NULL;
  g_autofree char *translated = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  g_assert_cmpint (parcours_test_run (NULL, NULL, args, &english, NULL), ==, 0);
  g_assert_cmpint (parcours_test_run (NULL, language, args, &translated, NULL), ==, 0);

  lines = g_strsplit (english, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *text = g_strstrip (lines[i]);
      const char *description;

      /* "--check   Check that each FILE…": the part after the option. */
      if (!g_str_has_prefix (text, "-") || (description = strstr (text, "  ")) == NULL)
        continue;

      description = g_strstrip (g_strdup (description));
      g_test_message ("%s", description);
      g_assert_null (strstr (translated, description));
      g_free ((char *) description);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/ids", test_ids);
  g_test_add_func ("/templates/complete", test_complete);
  g_test_add_func ("/templates/service-blueprint/lanes", test_service_blueprint_lanes);
  g_test_add_func ("/templates/canonical", test_canonical);
  g_test_add_func ("/templates/cli/list", test_cli_list);
  g_test_add ("/templates/cli/new", Fixture, NULL,
              fixture_set_up, test_cli_new, fixture_tear_down);
  g_test_add ("/templates/cli/new/keeps-existing-file", Fixture, NULL,
              fixture_set_up, test_cli_new_keeps_existing_file, fixture_tear_down);
  g_test_add ("/templates/cli/new/unknown", Fixture, NULL,
              fixture_set_up, test_cli_new_unknown, fixture_tear_down);
  g_test_add ("/templates/cli/new/french", Fixture, "fr",
              fixture_set_up, test_cli_new_translated, fixture_tear_down);
  g_test_add ("/templates/cli/new/russian", Fixture, "ru",
              fixture_set_up, test_cli_new_translated, fixture_tear_down);

  g_test_add_data_func ("/cli/help/french", "fr", test_cli_help_translated);
  g_test_add_data_func ("/cli/help/russian", "ru", test_cli_help_translated);

  return g_test_run ();
}
