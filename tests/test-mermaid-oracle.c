/* test-mermaid-oracle.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "parcours-document-private.h"
#include "parcours-mermaid.h"
#include "parcours-test-utils.h"

/* Mermaid's own parser as the judge of Parcours' Mermaid.
 *
 * tests/mermaid-oracle/oracle.mjs runs the published `mermaid` package
 * (pinned in tests/mermaid-oracle/package.json, installed there by
 * build-aux/dev) under node and prints how Mermaid reads each file. Every
 * file below goes through both readers, and they must agree on the
 * title, accessible title and description, sections, tasks, scores and
 * actors:
 *
 * - the files of tests/data/mermaid/oracle, written from journey.jison and
 *   journeyDb (each names the rule it is about); a first line
 *   `%% expect: mermaid-refuses` marks a file that Mermaid refuses and
 *   Parcours reads with a warning, `%% expect: both-refuse` one that both
 *   refuse;
 * - the other fixtures of tests/data/mermaid;
 * - every journey Mermaid publishes, in ../shared/testdata/mermaid-journeys
 *   when it is there;
 * - what Parcours exports of each of them, and of generated maps full of
 *   the characters Mermaid reads as syntax: Mermaid must read every
 *   export, as the journey Parcours reads back.
 *
 * node missing, or the packages not installed, is a failure: run
 * `build-aux/dev test`. */

#define ZWSP "\342\200\213"
#define N_GENERATED 60

typedef enum
{
  EXPECT_AGREE,
  EXPECT_MERMAID_REFUSES,
  EXPECT_BOTH_REFUSE,
} Expectation;

typedef struct
{
  char *path;
  char *label;
  Expectation expectation;
  ParcoursDocument *document;  /* Parcours' reading, or NULL */
  GPtrArray *warnings;
  char *error;
  JsonNode *mermaid;           /* how Mermaid reads it */
} Case;

static void
case_free (Case *c)
{
  g_free (c->path);
  g_free (c->label);
  g_clear_object (&c->document);
  g_clear_pointer (&c->warnings, g_ptr_array_unref);
  g_free (c->error);
  g_clear_pointer (&c->mermaid, json_node_unref);
  g_free (c);
}

static Expectation
read_expectation (const char *text)
{
  if (g_str_has_prefix (text, "%% expect: mermaid-refuses"))
    return EXPECT_MERMAID_REFUSES;
  if (g_str_has_prefix (text, "%% expect: both-refuse"))
    return EXPECT_BOTH_REFUSE;
  return EXPECT_AGREE;
}

/* Parcours reads @path, or @text when it is given. */
static Case *
case_new (const char  *path,
          const char  *label,
          Expectation  expectation,
          const char  *parcours_text)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  c->path = g_strdup (path);
  c->label = g_strdup (label);
  c->warnings = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  c->expectation = expectation != EXPECT_AGREE ? expectation : read_expectation (text);

  if (parcours_text != NULL)
    c->document = parcours_mermaid_import_full (parcours_text, -1, c->warnings, &error);
  else
    c->document = parcours_mermaid_import_full (text, (gssize) length, c->warnings, &error);
  if (c->document == NULL)
    c->error = g_strdup (error->message);

  return c;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (GPtrArray  *cases,
            const char *dir,
            const char *prefix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".mmd"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *label = g_strconcat (prefix, g_ptr_array_index (names, i), NULL);

      g_ptr_array_add (cases, case_new (path, label, EXPECT_AGREE, NULL));
    }
}

/* Mermaid's texts as Parcours reads them: trimmed of spaces (not of
 * line breaks, which are `<br>` in the file), a leading zero width space
 * dropped. */
static char *
normalise (const char *text)
{
  const char *start = text != NULL ? text : "";
  const char *end = start + strlen (start);

  while (*start == ' ' || *start == '\t')
    start++;
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (g_str_has_prefix (start, ZWSP))
    start += strlen (ZWSP);
  return g_strndup (start, end - start);
}

static char *
normalise_description (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return g_strdup (g_strstrip (copy));
}

/* The value Parcours gives a Mermaid score: NaN is 3, the rest brought
 * into 1 to 5. */
static double
expected_value (JsonNode *score)
{
  double s;

  if (JSON_NODE_HOLDS_VALUE (score) && json_node_get_value_type (score) == G_TYPE_STRING)
    return 0.0;
  s = json_node_get_double (score);
  return (CLAMP (s, 1.0, 5.0) - 3.0) / 2.0;
}

/* The k-th card of a stage has its points at offset (k + 0.5) / n: the
 * persona names and values of those points. */
static void
card_points (ParcoursDocument *document,
             ParcoursCard     *card,
             guint             k,
             guint             n,
             GPtrArray        *people,
             GArray           *values)
{
  GListModel *points = parcours_document_get_emotion_points (document);
  double offset = (k + 0.5) / n;

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, i);
      ParcoursLane *lane;
      ParcoursPersona *persona;
      double value;

      if (g_strcmp0 (parcours_emotion_point_get_stage_id (point),
                     parcours_card_get_stage_id (card)) != 0 ||
          fabs (parcours_emotion_point_get_offset (point) - offset) > 1e-9)
        continue;

      value = parcours_emotion_point_get_value (point);
      g_array_append_val (values, value);
      lane = parcours_document_lookup_lane (document, parcours_emotion_point_get_lane_id (point));
      persona = parcours_document_lookup_persona (document, parcours_lane_get_persona_id (lane));
      if (persona != NULL)
        g_ptr_array_add (people, g_strdup (parcours_persona_get_name (persona)));
    }
}

static gboolean
same_people (GPtrArray *parcours,
             JsonArray *mermaid)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (mermaid); i++)
    {
      const char *raw = json_array_get_string_element (mermaid, i);

      /* Mermaid keeps empty actors (`Me,`); Parcours has no use for them.
       * A zero width space is how Parcours writes an empty name. */
      if (*raw != '\0')
        g_hash_table_add (expected, normalise (raw));
    }
  for (guint i = 0; i < parcours->len; i++)
    g_hash_table_add (found, g_ptr_array_index (parcours, i));

  if (g_hash_table_size (expected) != g_hash_table_size (found))
    return FALSE;
  for (guint i = 0; i < parcours->len; i++)
    if (!g_hash_table_contains (expected, g_ptr_array_index (parcours, i)))
      return FALSE;
  return TRUE;
}

static guint
stage_position (ParcoursDocument *document,
                const char       *stage_id)
{
  GListModel *stages = parcours_document_get_stages (document);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);

      if (g_strcmp0 (parcours_element_get_id (PARCOURS_ELEMENT (stage)), stage_id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

#define DIFFER(...) return g_strdup_printf (__VA_ARGS__)

/* %NULL when Mermaid's reading @mermaid and the map agree, else what
 * differs. */
static char *
compare (Case       *c,
         JsonObject *mermaid)
{
  ParcoursDocument *document = c->document;
  JsonArray *sections = json_object_get_array_member (mermaid, "sections");
  JsonArray *tasks = json_object_get_array_member (mermaid, "tasks");
  GListModel *stages = parcours_document_get_stages (document);
  GListModel *cards = parcours_document_get_cards (document);
  g_autofree char *title = normalise (json_object_get_string_member (mermaid, "title"));
  g_autofree char *acc_title = normalise_description (json_object_get_string_member (mermaid,
                                                                                     "accTitle"));
  g_autofree char *descr = normalise_description (json_object_get_string_member (mermaid,
                                                                                 "accDescr"));
  const char *document_title = parcours_document_get_title (document);
  const char *document_descr = parcours_document_get_description (document);
  const char *unknown = parcours_document_get_unknown_json (document);
  guint n_stages = g_list_model_get_n_items (stages);
  guint first_stage = 0;
  g_autofree guint *stage_sizes = NULL;
  g_autofree guint *stage_positions = NULL;

  if (*title != '\0' && g_strcmp0 (title, document_title) != 0)
    DIFFER ("title: Mermaid \"%s\", Parcours \"%s\"", title, document_title);
  if (*title == '\0' && *acc_title == '\0' && document_title != NULL && *document_title != '\0')
    DIFFER ("title: Mermaid none, Parcours \"%s\"", document_title);
  if (*acc_title != '\0' && g_strcmp0 (acc_title, document_title) != 0 &&
      (unknown == NULL || strstr (unknown, "x-mermaid-acc-title") == NULL))
    DIFFER ("accTitle: Mermaid \"%s\", not kept by Parcours", acc_title);
  if (g_strcmp0 (descr, document_descr != NULL ? document_descr : "") != 0)
    DIFFER ("accDescr: Mermaid \"%s\", Parcours \"%s\"", descr, document_descr);

  /* Tasks before any section: Parcours gives them a stage without name. */
  if (json_array_get_length (tasks) > 0 &&
      *json_object_get_string_member (json_array_get_object_element (tasks, 0), "section") == '\0')
    first_stage = 1;
  if (n_stages != json_array_get_length (sections) + first_stage)
    DIFFER ("%u sections for Mermaid, %u stages for Parcours",
            json_array_get_length (sections), n_stages);
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      g_autofree char *name = normalise (json_array_get_string_element (sections, i));
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i + first_stage);

      if (g_strcmp0 (name, parcours_stage_get_name (stage)) != 0)
        DIFFER ("section %u: Mermaid \"%s\", Parcours \"%s\"", i, name,
                parcours_stage_get_name (stage));
    }

  if (g_list_model_get_n_items (cards) != json_array_get_length (tasks))
    DIFFER ("%u tasks for Mermaid, %u cards for Parcours",
            json_array_get_length (tasks), g_list_model_get_n_items (cards));

  stage_sizes = g_new0 (guint, n_stages + 1);
  stage_positions = g_new0 (guint, n_stages + 1);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);
      guint position;

      position = stage_position (document, parcours_card_get_stage_id (card));
      stage_sizes[position]++;
    }

  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonObject *task = json_array_get_object_element (tasks, i);
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);
      g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = normalise (json_object_get_string_member (task, "task"));
      g_autofree char *section = normalise (json_object_get_string_member (task, "section"));
      ParcoursStage *stage = parcours_document_lookup_stage (document,
                                                             parcours_card_get_stage_id (card));
      double value = expected_value (json_object_get_member (task, "score"));
      guint position;

      if (g_strcmp0 (name, parcours_card_get_text (card)) != 0)
        DIFFER ("task %u: Mermaid \"%s\", Parcours \"%s\"", i, name, parcours_card_get_text (card));
      if (g_strcmp0 (section, parcours_stage_get_name (stage)) != 0)
        DIFFER ("task %u: in section \"%s\" for Mermaid, \"%s\" for Parcours", i, section,
                parcours_stage_get_name (stage));

      position = stage_position (document, parcours_card_get_stage_id (card));
      card_points (document, card, stage_positions[position]++, stage_sizes[position], people,
                   values);
      if (values->len == 0)
        DIFFER ("task %u \"%s\": no emotion point", i, name);
      for (guint j = 0; j < values->len; j++)
        if (fabs (g_array_index (values, double, j) - value) > 1e-9)
          DIFFER ("task %u \"%s\": value %g for Parcours, %g from Mermaid's score", i, name,
                  g_array_index (values, double, j), value);
      if (!same_people (people, json_object_get_array_member (task, "people")))
        DIFFER ("task %u \"%s\": not the same actors", i, name);
    }

  return NULL;
}

/* Runs the oracle on every case of @lists (%NULL-terminated), in one
 * node process, since it takes seconds to start. */
static void
run_oracle (GPtrArray **lists)
{
  const char *oracle = g_getenv ("PARCOURS_MERMAID_ORACLE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;
  guint n = 0;

  g_assert_nonnull (oracle);
  g_ptr_array_add (argv, (gpointer) "node");
  g_ptr_array_add (argv, (gpointer) oracle);
  for (guint l = 0; lists[l] != NULL; l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        Case *c = g_ptr_array_index (lists[l], i);

        g_ptr_array_add (argv, c->path);
        g_ptr_array_add (all, c);
      }
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("node is needed to run Mermaid's parser (build-aux/dev test installs it): %s",
             error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("Mermaid's parser failed (run build-aux/dev test to install it): %s\n%s",
             error->message, err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++, n++)
    {
      g_assert_cmpuint (n, <, all->len);
      ((Case *) g_ptr_array_index (all, n))->mermaid = json_from_string (lines[i], &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n, ==, all->len);
}

/* Checks each case against Mermaid's reading; returns how many failed. */
static guint
judge (GPtrArray *cases,
       gboolean   exports)
{
  guint n_failed = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      JsonObject *mermaid = json_node_get_object (c->mermaid);
      gboolean mermaid_ok = json_object_get_boolean_member (mermaid, "ok");
      g_autofree char *problem = NULL;

      switch (c->expectation)
        {
        case EXPECT_AGREE:
          if (!mermaid_ok)
            problem = g_strdup_printf ("Mermaid refuses it: %s",
                                       json_object_get_string_member (mermaid, "error"));
          else if (c->document == NULL)
            problem = g_strdup_printf ("Parcours refuses it: %s", c->error);
          else if (exports && c->warnings->len > 0)
            problem = g_strdup_printf ("Parcours warns on its own export: %s",
                                       (char *) g_ptr_array_index (c->warnings, 0));
          else
            problem = compare (c, mermaid);
          break;

        case EXPECT_MERMAID_REFUSES:
          if (mermaid_ok)
            problem = g_strdup ("Mermaid reads it");
          else if (c->document == NULL)
            problem = g_strdup_printf ("Parcours refuses it: %s", c->error);
          else if (c->warnings->len == 0)
            problem = g_strdup ("Parcours reads it without a warning");
          break;

        case EXPECT_BOTH_REFUSE:
        default:
          if (mermaid_ok)
            problem = g_strdup ("Mermaid reads it");
          else if (c->document != NULL)
            problem = g_strdup ("Parcours reads it");
          break;
        }

      if (problem != NULL)
        {
          g_printerr ("%s: %s\n", c->label, problem);
          n_failed++;
        }
    }

  return n_failed;
}

/* What Parcours exports of @document, with the map in comment lines, as
 * Mermaid reads it; Parcours' side is its reading of the plain export
 * (the same Mermaid text, without the comment lines), since the comment
 * lines give back @document itself. */
static void
add_export (GPtrArray        *cases,
            ParcoursDocument *document,
            const char       *dir,
            guint             n,
            const char       *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = parcours_mermaid_export_full (document, 0, NULL, &error);
  g_autofree char *plain = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN,
                                                         NULL, &error);
  g_autofree char *path = g_strdup_printf ("%s/export-%04u.mmd", dir, n);
  g_autofree char *label = g_strdup_printf ("export of %s", what);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, plain));
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (cases, case_new (path, label, EXPECT_AGREE, plain));
}

/* Writes what Parcours exports of each readable case to @dir, as new
 * cases. */
static GPtrArray *
export_cases (GPtrArray  *cases,
              const char *dir,
              guint       first)
{
  GPtrArray *exports = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);

      if (c->document == NULL)
        continue;

      add_export (exports, c->document, dir, first + i, c->label);
    }

  return exports;
}

static GPtrArray *
generated_cases (const char *dir)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);

  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autoptr(ParcoursDocument) document = parcours_test_make_rich_map (i);
      g_autofree char *label = g_strdup_printf ("generated map %u", i);

      add_export (cases, document, dir, i + 1000, label);
    }

  return cases;
}

/* Every list of cases, judged in one run of the oracle. */
static GPtrArray *fixtures, *fixture_exports, *generated, *published, *published_exports;
static char *tmp_dir;

static void
prepare (void)
{
  g_autofree char *oracle_dir = g_test_build_filename (G_TEST_DIST, "data", "mermaid", "oracle",
                                                       NULL);
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "data", "mermaid", NULL);
  const char *shared = g_getenv ("PARCOURS_SHARED_DIR");
  g_autofree char *shared_dir = NULL;
  GPtrArray *lists[6] = { NULL, };

  tmp_dir = g_dir_make_tmp ("parcours-oracle-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  fixtures = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  add_folder (fixtures, oracle_dir, "oracle/");
  add_folder (fixtures, data_dir, "mermaid/");
  fixture_exports = export_cases (fixtures, tmp_dir, 0);
  generated = generated_cases (tmp_dir);

  if (shared != NULL)
    shared_dir = g_build_filename (shared, "testdata", "mermaid-journeys", NULL);
  if (shared_dir != NULL && g_file_test (shared_dir, G_FILE_TEST_IS_DIR))
    {
      published = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
      add_folder (published, shared_dir, "mermaid-journeys/");
      published_exports = export_cases (published, tmp_dir, 500);
    }

  lists[0] = fixtures;
  lists[1] = fixture_exports;
  lists[2] = generated;
  lists[3] = published;
  lists[4] = published != NULL ? published_exports : NULL;
  run_oracle (lists);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

static void
test_fixtures (void)
{
  g_assert_cmpuint (fixtures->len, >=, 20);
  g_assert_cmpuint (judge (fixtures, FALSE) + judge (fixture_exports, TRUE), ==, 0);
}

static void
test_generated (void)
{
  g_assert_cmpuint (generated->len, ==, N_GENERATED);
  g_assert_cmpuint (judge (generated, TRUE), ==, 0);
}

static void
test_published (void)
{
  if (published == NULL)
    {
      g_test_skip ("Mermaid's published journeys not found (PARCOURS_SHARED_DIR/testdata/mermaid-journeys)");
      return;
    }

  g_assert_cmpuint (published->len, >, 0);
  g_assert_cmpuint (judge (published, FALSE) + judge (published_exports, TRUE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid-oracle/fixtures", test_fixtures);
  g_test_add_func ("/mermaid-oracle/generated-exports", test_generated);
  g_test_add_func ("/mermaid-oracle/published-journeys", test_published);

  prepare ();
  status = g_test_run ();

  remove_tmp_dir ();
  g_clear_pointer (&fixtures, g_ptr_array_unref);
  g_clear_pointer (&fixture_exports, g_ptr_array_unref);
  g_clear_pointer (&generated, g_ptr_array_unref);
  g_clear_pointer (&published, g_ptr_array_unref);
  g_clear_pointer (&published_exports, g_ptr_array_unref);
  return status;
}
