/* parcours-test-utils.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-format.h"
#include "parcours-mermaid.h"

#include "parcours-layout.h"
#include "parcours-painter.h"
#include "parcours-test-utils.h"

/* Appends @element, a new reference, to @document. */
void
parcours_test_add (ParcoursDocument *document,
                   gpointer          element)
{
  g_autoptr(GError) error = NULL;

  if (!_parcours_document_insert (document, element, G_MAXUINT, &error))
    g_error ("fixture: %s", error->message);
  g_object_unref (element);
}

#define add parcours_test_add

/* Lets the main loop run for @ms: a window handles what the X server
 * sent, and draws. */
void
parcours_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static ParcoursCard *
card (ParcoursDocument  *document,
      const char        *lane,
      const char        *stage,
      const char        *text,
      ParcoursChannel    channel,
      ParcoursSentiment  sentiment)
{
  ParcoursCard *c = parcours_card_new (NULL, lane, stage, text);

  parcours_card_set_channel (c, channel);
  parcours_card_set_sentiment (c, sentiment);
  add (document, c);
  return c;
}

static void
point (ParcoursDocument *document,
       const char       *lane,
       const char       *stage,
       double            offset,
       double            value,
       const char       *label)
{
  ParcoursEmotionPoint *p = parcours_emotion_point_new (NULL, lane, stage, offset, value);

  parcours_emotion_point_set_label (p, label);
  add (document, p);
}

ParcoursDocument *
parcours_test_make_grocery_map (void)
{
  static const char * const map_goals[] = { "Find why first orders drop before delivery", "Prioritise the Q3 roadmap", NULL };
  static const char * const anna_goals[] = { "Weekly shop in under 15 minutes", "Fresh food for the kids", NULL };
  static const char * const anna_needs[] = { "Reliable delivery slots", NULL };
  static const char * const anna_frustrations[] = { "Substitutions she did not ask for", "Hidden fees at checkout", NULL };
  static const char * const boris_goals[] = { "Save money on bulk buys", NULL };
  ParcoursDocument *document = parcours_document_new ();
  ParcoursPersona *anna, *boris;
  ParcoursStage *stage;
  ParcoursCard *c;

  parcours_document_set_title (document, "Online grocery delivery");
  parcours_document_set_description (document, "First order of a busy parent, from the first ad to the second order");
  parcours_document_set_goals (document, map_goals);

  anna = parcours_persona_new ("anna", "Anna Keller");
  parcours_persona_set_role (anna, "Busy parent, 38, nurse on shifts");
  parcours_persona_set_goals (anna, anna_goals);
  parcours_persona_set_needs (anna, anna_needs);
  parcours_persona_set_frustrations (anna, anna_frustrations);
  parcours_persona_set_color (anna, "#1c71d8");
  add (document, anna);

  boris = parcours_persona_new ("boris", "Борис Петров");
  parcours_persona_set_role (boris, "Student, shares a flat");
  parcours_persona_set_goals (boris, boris_goals);
  parcours_persona_set_color (boris, "#c64600");
  add (document, boris);

  add (document, parcours_stage_new ("aware", "Awareness"));
  add (document, parcours_stage_new ("consider", "Consideration"));
  stage = parcours_stage_new ("buy", "Purchase");
  parcours_stage_set_description (stage, "Basket, slot, payment");
  parcours_stage_set_width (stage, 1.25);
  add (document, stage);
  add (document, parcours_stage_new ("deliver", "Delivery"));
  stage = parcours_stage_new ("after", "Post-purchase");
  parcours_stage_set_color (stage, "#9141ac");
  add (document, stage);

  add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  add (document, parcours_lane_new ("act", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  add (document, parcours_lane_new ("think", PARCOURS_LANE_KIND_THOUGHTS, "Thoughts"));
  {
    ParcoursLane *lane = parcours_lane_new ("feel-anna", PARCOURS_LANE_KIND_EMOTIONS, "Anna's emotions");
    parcours_lane_set_persona_id (lane, "anna");
    add (document, lane);
    lane = parcours_lane_new ("feel-boris", PARCOURS_LANE_KIND_EMOTIONS, "Boris's emotions");
    parcours_lane_set_persona_id (lane, "boris");
    parcours_lane_set_height (lane, 0.8);
    add (document, lane);
  }
  add (document, parcours_lane_new ("pain", PARCOURS_LANE_KIND_PAIN_POINTS, "Pain points"));
  add (document, parcours_lane_new ("idea", PARCOURS_LANE_KIND_OPPORTUNITIES, "Opportunities"));
  add (document, parcours_lane_new ("kpi", PARCOURS_LANE_KIND_KPIS, "KPIs"));

  card (document, "touch", "aware", "Instagram ad with a 20% first-order coupon", PARCOURS_CHANNEL_SOCIAL_MEDIA, PARCOURS_SENTIMENT_POSITIVE);
  card (document, "touch", "aware", "A colleague mentions the app at lunch", PARCOURS_CHANNEL_WORD_OF_MOUTH, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "touch", "consider", "Comparison site", PARCOURS_CHANNEL_WEBSITE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "touch", "consider", "App store page and reviews", PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_NEUTRAL);
  c = card (document, "touch", "buy", "Checkout in the app", PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_key_moment (c, TRUE);
  parcours_card_set_details (c, "Delivery fee appears only on the last screen");
  card (document, "touch", "deliver", "SMS: driver is 10 minutes away", PARCOURS_CHANNEL_SMS, PARCOURS_SENTIMENT_POSITIVE);
  card (document, "touch", "deliver", "Driver at the door", PARCOURS_CHANNEL_PHYSICAL_STORE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "touch", "after", "Email receipt with substitutions", PARCOURS_CHANNEL_EMAIL, PARCOURS_SENTIMENT_NEGATIVE);
  card (document, "touch", "after", "Support chat", PARCOURS_CHANNEL_CHAT, PARCOURS_SENTIMENT_NEUTRAL);

  card (document, "act", "aware", "Saves the ad", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "act", "consider", "Checks delivery slots for Saturday", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "act", "buy", "Builds a basket of 34 items", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "act", "buy", "Enters the coupon code twice", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE);
  card (document, "act", "deliver", "Checks the bags against the list", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "act", "after", "Rates the order 3/5", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);

  card (document, "think", "aware", "“Could this save my Saturday mornings?”", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_POSITIVE);
  card (document, "think", "consider", "« Est-ce que les produits frais sont vraiment frais ? »", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "think", "buy", "“Why is it more expensive than it said?”", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE);
  card (document, "think", "after", "«Закажу ещё раз, если не будет замен»", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);

  c = card (document, "pain", "buy", "Fees revealed late", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_color (c, "#e01b24");
  card (document, "pain", "deliver", "No way to refuse a substitution at the door", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE);
  card (document, "pain", "after", "Refund takes 5 days", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE);

  c = card (document, "idea", "buy", "Show the total with fees from the first screen", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_POSITIVE);
  parcours_card_set_key_moment (c, TRUE);
  parcours_card_set_color (c, "#2ec27e");
  card (document, "idea", "deliver", "Approve substitutions in the app before the driver leaves", PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_POSITIVE);

  c = card (document, "kpi", "consider", "Install rate", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  parcours_card_set_kpi (c, "12%");
  c = card (document, "kpi", "buy", "Checkout completion", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_kpi (c, "54%");
  c = card (document, "kpi", "after", "NPS after first order", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  parcours_card_set_kpi (c, "+18");

  point (document, "feel-anna", "aware", 0.5, 0.5, "Curious");
  point (document, "feel-anna", "consider", 0.5, 0.25, "Hopeful");
  point (document, "feel-anna", "buy", 0.3, -0.5, "Annoyed by the coupon");
  point (document, "feel-anna", "buy", 0.8, -1.0, "Fees!");
  point (document, "feel-anna", "deliver", 0.5, 0.5, "Relieved");
  point (document, "feel-anna", "after", 0.5, 0.0, "Mixed");

  point (document, "feel-boris", "aware", 0.5, 0.0, "Indifferent");
  point (document, "feel-boris", "consider", 0.5, 0.5, "Good prices");
  point (document, "feel-boris", "buy", 0.5, 1.0, "Coupon works");
  point (document, "feel-boris", "deliver", 0.5, -0.5, "Late");
  point (document, "feel-boris", "after", 0.5, 0.5, "");

  return document;
}

ParcoursDocument *
parcours_test_make_day_in_life_map (void)
{
  static const char * const stages[] = { "Утро", "Après-midi", "Evening", "Night" };
  ParcoursDocument *document = parcours_document_new ();
  ParcoursLane *lane;

  parcours_document_set_title (document, "Journée d’une infirmière — День медсестры");
  parcours_document_set_kind (document, PARCOURS_MAP_KIND_DAY_IN_THE_LIFE);
  add (document, parcours_persona_new ("nurse", "Claire"));

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      add (document, parcours_stage_new (id, stages[i]));
    }

  add (document, parcours_lane_new ("do", PARCOURS_LANE_KIND_ACTIONS, "Activités"));
  lane = parcours_lane_new ("mood", PARCOURS_LANE_KIND_EMOTIONS, "Настроение");
  parcours_lane_set_persona_id (lane, "nurse");
  add (document, lane);
  lane = parcours_lane_new ("notes", PARCOURS_LANE_KIND_NOTES, "Notes");
  parcours_lane_set_collapsed (lane, TRUE);
  add (document, lane);

  card (document, "do", "t0", "Réveil à 5 h 30, café, trajet en tram", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "do", "t1", "Обход пациентов, записи в планшете", PARCOURS_CHANNEL_MOBILE_APP, PARCOURS_SENTIMENT_NEGATIVE);
  card (document, "do", "t2", "Courses en ligne pendant la pause", PARCOURS_CHANNEL_WEBSITE, PARCOURS_SENTIMENT_POSITIVE);
  card (document, "do", "t3", "Sommeil", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "notes", "t0", "Hidden note", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);

  point (document, "mood", "t0", 0.2, -0.5, "Fatiguée");
  point (document, "mood", "t1", 0.6, -1.0, "Устала");
  point (document, "mood", "t2", 0.5, 1.0, "Enfin libre");
  point (document, "mood", "t3", 0.5, 0.5, NULL);

  return document;
}

/* Text that breaks naive writers: markup, formula starters, Mermaid's
 * reserved characters, a word far wider than any card. */
ParcoursDocument *
parcours_test_make_hostile_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "<svg onload=alert(1)> & \"quotes\" 'apostrophes'");
  add (document, parcours_stage_new ("s1", "</text><script>alert('x')</script>"));
  add (document, parcours_stage_new ("s2", "a: b; #c"));
  add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_TOUCHPOINTS, "=HYPERLINK(\"http://x\")"));
  card (document, "l1", "s1", "</text><script>alert(1)</script>", PARCOURS_CHANNEL_WEBSITE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "l1", "s1", "Supercalifragilisticexpialidocious-Donaudampfschifffahrtsgesellschaftskapitän", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "l1", "s2", "+1 -2 @cmd =SUM(A1)", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);
  card (document, "l1", "s2", "Control\x01\x02 chars\tand\nnewlines", PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL);

  return document;
}

ParcoursDocument *
parcours_test_make_generated_map (guint n_stages,
                                  guint n_lanes,
                                  guint n_cards,
                                  guint n_points,
                                  guint seed)
{
  static const char * const words[] = {
    "customer", "opens", "the", "app", "compares", "prices", "asks", "a", "friend",
    "waits", "for", "delivery", "support", "call", "checkout", "coupon", "review",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ParcoursDocument *document = parcours_document_new ();
  char id[32], lane_id[32], stage_id[32];

  parcours_document_set_title (document, "Generated map");

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);
      g_snprintf (id, sizeof id, "s%u", s);
      add (document, parcours_stage_new (id, name));
    }

  for (guint l = 0; l < n_lanes; l++)
    {
      g_autofree char *name = g_strdup_printf ("Lane %u", l + 1);
      gboolean emotion = n_points > 0 && l == n_lanes - 1;

      g_snprintf (id, sizeof id, "l%u", l);
      add (document, parcours_lane_new (id, emotion ? PARCOURS_LANE_KIND_EMOTIONS : l % 3, name));
    }

  for (guint c = 0; c < n_cards; c++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 1, 14);
      guint lanes_for_cards = n_points > 0 ? n_lanes - 1 : n_lanes;

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

      g_snprintf (id, sizeof id, "c%u", c);
      g_snprintf (lane_id, sizeof lane_id, "l%u", g_rand_int_range (rand, 0, MAX (lanes_for_cards, 1)));
      g_snprintf (stage_id, sizeof stage_id, "s%u", g_rand_int_range (rand, 0, n_stages));
      {
        ParcoursCard *c_ = parcours_card_new (id, lane_id, stage_id, text->str);
        parcours_card_set_channel (c_, g_rand_int_range (rand, 0, PARCOURS_CHANNEL_OTHER + 1));
        parcours_card_set_sentiment (c_, g_rand_int_range (rand, 0, 3));
        parcours_card_set_key_moment (c_, g_rand_int_range (rand, 0, 20) == 0);
        add (document, c_);
      }
    }

  for (guint p = 0; p < n_points; p++)
    {
      g_snprintf (id, sizeof id, "e%u", p);
      g_snprintf (lane_id, sizeof lane_id, "l%u", n_lanes - 1);
      g_snprintf (stage_id, sizeof stage_id, "s%u", p % n_stages);
      add (document, parcours_emotion_point_new (id, lane_id, stage_id,
                                                 g_rand_double (rand), g_rand_double_range (rand, -1, 1)));
    }

  return document;
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

GPtrArray *
parcours_test_collect_texts (ParcoursDocument *document)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *model;

  add_text (texts, parcours_document_get_title (document));

  model = parcours_document_get_stages (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (model, i);
      add_text (texts, parcours_stage_get_name (stage));
    }

  model = parcours_document_get_lanes (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (model, i);
      add_text (texts, parcours_lane_get_name (lane));
    }

  model = parcours_document_get_cards (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursCard) card_ = g_list_model_get_item (model, i);
      ParcoursLane *lane = parcours_document_lookup_lane (document, parcours_card_get_lane_id (card_));

      if (lane == NULL || !parcours_lane_get_collapsed (lane))
        add_text (texts, parcours_card_get_text (card_));
    }

  return texts;
}

int
parcours_test_run (const char         *program,
                   const char         *language,
                   const char * const *args,
                   char              **out,
                   char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;

  if (program == NULL)
    program = g_getenv ("PARCOURS_BIN");
  g_assert_nonnull (program);

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  if (language != NULL)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  else
    env = g_environ_unsetenv (env, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

/* A small map to reshape on the canvas. Three stages; touchpoints and
 * actions lanes, and Anna's emotion curve. Cells: (touch, s1) t1 t2 t3;
 * (touch, s2) t4; (actions, s1) a1; points p1 (s1, +0.5), p2 (s2, -0.5). */
ParcoursDocument *
parcours_test_make_canvas_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursLane *emotions;

  parcours_document_set_title (document, "Canvas test");
  add (document, parcours_persona_new ("anna", "Anna"));
  add (document, parcours_stage_new ("s1", "Discover"));
  add (document, parcours_stage_new ("s2", "Buy"));
  add (document, parcours_stage_new ("s3", "Use"));
  add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  add (document, parcours_lane_new ("actions", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  emotions = parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings");
  parcours_lane_set_persona_id (emotions, "anna");
  add (document, emotions);
  add (document, parcours_card_new ("t1", "touch", "s1", "Sees an ad"));
  add (document, parcours_card_new ("t2", "touch", "s1", "Reads reviews"));
  add (document, parcours_card_new ("t3", "touch", "s1", "Asks a friend"));
  add (document, parcours_card_new ("t4", "touch", "s2", "Checkout page"));
  add (document, parcours_card_new ("a1", "actions", "s1", "Searches"));
  add (document, parcours_emotion_point_new ("p1", "feel", "s1", 0.5, 0.5));
  add (document, parcours_emotion_point_new ("p2", "feel", "s2", 0.5, -0.5));

  return document;
}

/* Texts made of what Mermaid reads as syntax, and of what Parcours
 * writes to protect a name, so that escaping is tried everywhere. */
static char *
rich_text (GRand *rand)
{
  static const char * const pieces[] = {
    "Tea", "order", " ", " ", "é", "Щ", "🙂", ":", "#", ";", ",", "}", "{", "%%",
    "%%{init}%%", "%", "<br>", "<BR/>", "\n", "\t", "\342\200\213", "journey", "title ",
    "section ", "accTitle:", "accDescr {", "#59;", "#amp;", "#35;", "\357\254\202\302\260\302\260" "58" "\302\266\303\237",
    "---", "'", "\"", "=SUM(A1)", "+1", "x%%", "  ",
  };
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 6);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

  return g_string_free (text, FALSE);
}

/**
 * parcours_test_make_rich_map:
 * @seed: the random seed
 *
 * A map that uses every field of the model, with texts full of the
 * characters that Mermaid and CSV read as syntax: personas with roles,
 * goals and colours, stages with widths and colours, lanes of every
 * kind, cards with channels, sentiments, details, KPIs and key moments,
 * and emotion points with offsets, labels and values.
 */
ParcoursDocument *
parcours_test_make_rich_map (guint seed)
{
  static const char * const colors[] = { NULL, "#3584e4", "#e01b24", "#33d17a" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ParcoursDocument *document = parcours_document_new ();
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lane_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) emotion_lanes = g_ptr_array_new_with_free_func (g_free);
  guint n_personas = g_rand_int_range (rand, 0, 4);
  guint n_stages = g_rand_int_range (rand, 1, 5);
  guint n_cards = g_rand_int_range (rand, 0, 14);
  guint n_points = g_rand_int_range (rand, 0, 14);
  g_autofree char *title = rich_text (rand);
  g_autofree char *description = rich_text (rand);

  parcours_document_set_title (document, title);
  parcours_document_set_description (document, description);
  parcours_document_set_kind (document, g_rand_int_range (rand, 0, 3));

  for (guint i = 0; i < n_personas; i++)
    {
      g_autofree char *id = g_strdup_printf ("persona-%u", i);
      g_autofree char *name = rich_text (rand);
      g_autofree char *role = rich_text (rand);
      g_autofree char *goal = rich_text (rand);
      g_autofree char *lane_id = g_strdup_printf ("feel-%u", i);
      const char *goals[] = { goal, "Save time", NULL };
      ParcoursPersona *persona = parcours_persona_new (id, name);
      ParcoursLane *lane;

      parcours_persona_set_role (persona, role);
      parcours_persona_set_goals (persona, goals);
      parcours_persona_set_color (persona, colors[g_rand_int_range (rand, 0, 4)]);
      add (document, persona);

      lane = parcours_lane_new (lane_id, PARCOURS_LANE_KIND_EMOTIONS, name);
      parcours_lane_set_persona_id (lane, id);
      add (document, lane);
      g_ptr_array_add (emotion_lanes, g_strdup (lane_id));
    }

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *id = g_strdup_printf ("stage-%u", i);
      g_autofree char *name = rich_text (rand);
      ParcoursStage *stage = parcours_stage_new (id, name);

      if (g_rand_boolean (rand))
        parcours_stage_set_width (stage, g_rand_int_range (rand, 1, 9) / 2.0);
      parcours_stage_set_color (stage, colors[g_rand_int_range (rand, 0, 4)]);
      add (document, stage);
      g_ptr_array_add (stage_ids, g_steal_pointer (&id));
    }

  for (guint i = 0; i < 3; i++)
    {
      static const ParcoursLaneKind kinds[] = {
        PARCOURS_LANE_KIND_TOUCHPOINTS, PARCOURS_LANE_KIND_PAIN_POINTS, PARCOURS_LANE_KIND_KPIS,
      };
      g_autofree char *id = g_strdup_printf ("lane-%u", i);
      g_autofree char *name = rich_text (rand);

      add (document, parcours_lane_new (id, kinds[i], name));
      g_ptr_array_add (lane_ids, g_steal_pointer (&id));
    }
  if (g_rand_boolean (rand))
    {
      add (document, parcours_lane_new ("feel-all", PARCOURS_LANE_KIND_EMOTIONS, "Overall"));
      g_ptr_array_add (emotion_lanes, g_strdup ("feel-all"));
    }

  for (guint i = 0; i < n_cards; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u", i);
      g_autofree char *text = rich_text (rand);
      g_autofree char *details = rich_text (rand);
      g_autofree char *kpi = rich_text (rand);
      const char *lane = g_ptr_array_index (lane_ids, g_rand_int_range (rand, 0, 3) == 0 ? 1 : 0);
      ParcoursCard *card = parcours_card_new (id, lane,
                                              g_ptr_array_index (stage_ids, g_rand_int_range (rand, 0, n_stages)),
                                              text);

      parcours_card_set_channel (card, g_rand_int_range (rand, 0, PARCOURS_CHANNEL_OTHER + 1));
      parcours_card_set_sentiment (card, g_rand_int_range (rand, 0, 3));
      parcours_card_set_details (card, details);
      parcours_card_set_kpi (card, kpi);
      parcours_card_set_key_moment (card, g_rand_boolean (rand));
      parcours_card_set_color (card, colors[g_rand_int_range (rand, 0, 4)]);
      add (document, card);
    }

  for (guint i = 0; i < n_points && emotion_lanes->len > 0; i++)
    {
      g_autofree char *id = g_strdup_printf ("point-%u", i);
      g_autofree char *label = rich_text (rand);
      ParcoursEmotionPoint *point;

      point = parcours_emotion_point_new (id,
                                          g_ptr_array_index (emotion_lanes, g_rand_int_range (rand, 0, emotion_lanes->len)),
                                          g_ptr_array_index (stage_ids, g_rand_int_range (rand, 0, n_stages)),
                                          g_rand_double (rand),
                                          g_rand_double_range (rand, -1.0, 1.0));
      if (g_rand_boolean (rand))
        parcours_emotion_point_set_label (point, label);
      add (document, point);
    }

  return document;
}

/* The native format */

/* The first bytes of a PNG and of a JPEG: all a photo needs to be
 * accepted, since only the signature is checked. */
const guint8 parcours_test_png_photo[PARCOURS_TEST_PNG_PHOTO_SIZE] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R',
};
const guint8 parcours_test_jpeg_photo[PARCOURS_TEST_JPEG_PHOTO_SIZE] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F' };

ParcoursDocument *
parcours_test_load_text (const char  *text,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return parcours_format_load_bytes (bytes, error);
}

ParcoursDocument *
parcours_test_load_text_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_test_load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

char *
parcours_test_save_text (ParcoursDocument *document)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (strlen (data), <=, size);
  return g_strndup (data, size);
}

void
parcours_test_assert_load_error (const char          *text,
                                 ParcoursFormatError  code,
                                 const char          *message)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_test_load_text (text, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A small valid map; each test replaces one list to break it. */
char *
parcours_test_make_map (const char *personas,
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

void
parcours_test_assert_map_error (const char          *personas,
                                const char          *stages,
                                const char          *lanes,
                                const char          *cards,
                                const char          *points,
                                ParcoursFormatError  code,
                                const char          *message)
{
  g_autofree char *text = parcours_test_make_map (personas, stages, lanes, cards, points);

  parcours_test_assert_load_error (text, code, message);
}

void
parcours_test_assert_card_error (const char          *card,
                                 ParcoursFormatError  code,
                                 const char          *message)
{
  parcours_test_assert_map_error (MAP_PERSONAS, MAP_STAGES, MAP_LANES, card, MAP_POINTS, code, message);
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

void
parcours_test_assert_documents_equal (ParcoursDocument *a,
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
char *
parcours_test_assert_round_trip (ParcoursDocument *document)
{
  g_autoptr(ParcoursDocument) loaded = NULL;
  g_autofree char *second = NULL;
  char *first;

  first = parcours_test_save_text (document);
  loaded = parcours_test_load_text_ok (first);
  parcours_test_assert_documents_equal (document, loaded);

  second = parcours_test_save_text (loaded);
  g_assert_cmpstr (first, ==, second);

  return first;
}

/* Every property set to something other than its default. */
ParcoursDocument *
parcours_test_make_full_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  const char * const goals[] = { "Comprendre où l’on abandonne", "Снизить отток 📉", NULL };
  const char * const persona_goals[] = { "Partir en week-end", NULL };
  const char * const needs[] = { "Prix clairs", "“Quotes” and \\backslashes\\", NULL };
  const char * const frustrations[] = { "Frais cachés\tà la fin", "", NULL };
  g_autoptr(GBytes) png = g_bytes_new_static (parcours_test_png_photo, sizeof parcours_test_png_photo);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (parcours_test_jpeg_photo, sizeof parcours_test_jpeg_photo);
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
  parcours_test_add (document, persona);

  persona = parcours_persona_new ("persona-иван", "Иван");
  parcours_persona_set_photo (persona, jpeg);
  parcours_test_add (document, persona);

  stage = parcours_stage_new ("stage-1", "Découvrir");
  parcours_stage_set_description (stage, "Première\nligne");
  parcours_stage_set_color (stage, "#e01b24");
  parcours_stage_set_width (stage, 1.5);
  parcours_test_add (document, stage);

  stage = parcours_stage_new ("stage-2", "Payer");
  parcours_stage_set_width (stage, 0.25);
  parcours_test_add (document, stage);

  lane = parcours_lane_new ("lane-actions", PARCOURS_LANE_KIND_ACTIONS, "Actions");
  parcours_lane_set_height (lane, 2.0);
  parcours_lane_set_collapsed (lane, TRUE);
  parcours_lane_set_persona_id (lane, "persona-иван");
  parcours_test_add (document, lane);

  lane = parcours_lane_new ("lane-emotions", PARCOURS_LANE_KIND_EMOTIONS, "Émotions");
  parcours_lane_set_persona_id (lane, "persona-léa");
  parcours_lane_set_height (lane, 0.75);
  parcours_test_add (document, lane);

  card = parcours_card_new ("card-1", "lane-actions", "stage-1", "Cherche « vol pas cher »");
  parcours_card_set_details (card, "Ligne 1\nLigne 2\r\n\"cité\" \\ fin");
  parcours_card_set_channel (card, PARCOURS_CHANNEL_MOBILE_APP);
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_color (card, "#F6D32D");
  parcours_card_set_key_moment (card, TRUE);
  parcours_card_set_kpi (card, "NPS 42");
  parcours_test_add (document, card);

  card = parcours_card_new ("card-3", "lane-actions", "stage-2", "Paie 💳");
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_POSITIVE);
  parcours_test_add (document, card);

  card = parcours_card_new ("card-2", "lane-actions", "stage-1", "Compare");
  parcours_card_set_channel (card, PARCOURS_CHANNEL_WORD_OF_MOUTH);
  parcours_test_add (document, card);

  point = parcours_emotion_point_new ("emotion-1", "lane-emotions", "stage-1", 0.1, -0.75);
  parcours_emotion_point_set_label (point, "« Enfin ! »");
  parcours_test_add (document, point);

  point = parcours_emotion_point_new ("emotion-2", "lane-emotions", "stage-2",
                                      1.0 / 3.0, 0.1 + 0.2);
  parcours_test_add (document, point);

  return document;
}

const char parcours_test_full_map_text[] =
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

/**
 * parcours_test_assert_load_errors:
 * @cases: files that must fail to load
 * @n_cases: how many
 *
 * Loads each case, a whole file or the small map of parcours_test_make_map()
 * with some of its lists replaced, and checks its error code and message.
 */
void
parcours_test_assert_load_errors (const ParcoursTestLoadError *cases,
                                  gsize                        n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const ParcoursTestLoadError *c = &cases[i];
      g_autofree char *text = NULL;

      if (c->text == NULL)
        text = parcours_test_make_map (c->personas ? c->personas : MAP_PERSONAS,
                                       c->stages ? c->stages : MAP_STAGES,
                                       c->lanes ? c->lanes : MAP_LANES,
                                       c->cards ? c->cards : MAP_CARDS,
                                       c->points ? c->points : MAP_POINTS);

      parcours_test_assert_load_error (c->text ? c->text : text, c->code, c->message);
    }
}

/**
 * parcours_test_make_string:
 * @length: in bytes
 * @c: the character to repeat
 *
 * Returns: (transfer full): @length times @c
 */
char *
parcours_test_make_string (gsize length,
                           char  c)
{
  char *text = g_malloc (length + 1);

  memset (text, c, length);
  text[length] = '\0';
  return text;
}

/* @count elements joined by commas, each "@before<number>@after". */
char *
parcours_test_repeat (const char *before,
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

/* Mermaid */

/* The Mermaid text alone, without the map in comment lines. */
char *
parcours_test_mermaid_plain (ParcoursDocument *document)
{
  g_autoptr(GError) error = NULL;
  char *text = parcours_mermaid_export_full (document, PARCOURS_MERMAID_EXPORT_PLAIN, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

ParcoursDocument *
parcours_test_mermaid_import (const char *text)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  document = parcours_mermaid_import (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

void
parcours_test_assert_mermaid_error (const char          *text,
                                    gssize               length,
                                    ParcoursFormatError  code,
                                    const char          *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_mermaid_import (text, length, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Borrowed: the document keeps its elements alive. */
gpointer
parcours_test_nth (GListModel *model,
                   guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;
}

guint
parcours_test_count (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

ParcoursEmotionPoint *
parcours_test_make_point (const char *lane_id,
                          const char *stage_id,
                          double      offset,
                          double      value,
                          const char *label)
{
  ParcoursEmotionPoint *point;
  g_autofree char *id = parcours_element_generate_id (PARCOURS_TYPE_EMOTION_POINT);

  point = parcours_emotion_point_new (id, lane_id, stage_id, offset, value);
  parcours_emotion_point_set_label (point, label);

  return point;
}

ParcoursLane *
parcours_test_make_persona_lane (const char *id,
                                 const char *persona_id)
{
  ParcoursLane *lane = parcours_lane_new (id, PARCOURS_LANE_KIND_EMOTIONS, "Feelings");

  parcours_lane_set_persona_id (lane, persona_id);
  return lane;
}

static void
add_short_names (GHashTable *names,
                 GListModel *model,
                 char        prefix)
{
  for (guint i = 0; i < parcours_test_count (model); i++)
    g_hash_table_insert (names,
                         (gpointer) parcours_element_get_id (parcours_test_nth (model, i)),
                         g_strdup_printf ("%c%u", prefix, i));
}

static const char *
short_name (GHashTable *names,
            const char *id)
{
  const char *name = id != NULL ? g_hash_table_lookup (names, id) : NULL;

  return name != NULL ? name : "-";
}

/* Everything the Mermaid mapping carries, with ids replaced by positions,
 * so that two documents read from text can be compared. */
char *
parcours_test_mermaid_describe (ParcoursDocument *document)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GListModel *personas = parcours_document_get_personas (document);
  GListModel *stages = parcours_document_get_stages (document);
  GListModel *lanes = parcours_document_get_lanes (document);
  GListModel *cards = parcours_document_get_cards (document);
  GListModel *points = parcours_document_get_emotion_points (document);
  GString *out = g_string_new (NULL);

  add_short_names (names, personas, 'P');
  add_short_names (names, stages, 'S');
  add_short_names (names, lanes, 'L');

  g_string_append_printf (out, "title [%s]\ndescription [%s]\nkind %d\n",
                          parcours_document_get_title (document),
                          parcours_document_get_description (document),
                          parcours_document_get_kind (document));

  for (guint i = 0; i < parcours_test_count (personas); i++)
    g_string_append_printf (out, "persona [%s]\n",
                            parcours_persona_get_name (parcours_test_nth (personas, i)));

  for (guint i = 0; i < parcours_test_count (stages); i++)
    g_string_append_printf (out, "stage [%s]\n",
                            parcours_stage_get_name (parcours_test_nth (stages, i)));

  for (guint i = 0; i < parcours_test_count (lanes); i++)
    {
      ParcoursLane *lane = parcours_test_nth (lanes, i);

      g_string_append_printf (out, "lane %d [%s] %s\n",
                              parcours_lane_get_kind (lane),
                              parcours_lane_get_name (lane),
                              short_name (names, parcours_lane_get_persona_id (lane)));
    }

  for (guint i = 0; i < parcours_test_count (cards); i++)
    {
      ParcoursCard *card = parcours_test_nth (cards, i);

      g_string_append_printf (out, "card %s %s [%s]\n",
                              short_name (names, parcours_card_get_lane_id (card)),
                              short_name (names, parcours_card_get_stage_id (card)),
                              parcours_card_get_text (card));
    }

  for (guint i = 0; i < parcours_test_count (points); i++)
    {
      ParcoursEmotionPoint *point = parcours_test_nth (points, i);

      g_string_append_printf (out, "point %s %s %.6f %.3f [%s]\n",
                              short_name (names, parcours_emotion_point_get_lane_id (point)),
                              short_name (names, parcours_emotion_point_get_stage_id (point)),
                              parcours_emotion_point_get_offset (point),
                              parcours_emotion_point_get_value (point),
                              parcours_emotion_point_get_label (point));
    }

  return g_string_free (out, FALSE);
}

/* Writes @document, reads the text back and checks that the map is the
 * same and that writing it again gives the same bytes. Returns the text. */
char *
parcours_test_mermaid_round_trip (ParcoursDocument *document)
{
  g_autofree char *text = parcours_test_mermaid_plain (document);
  g_autoptr(ParcoursDocument) again = parcours_test_mermaid_import (text);
  g_autofree char *text_again = parcours_test_mermaid_plain (again);
  g_autoptr(ParcoursDocument) third = parcours_test_mermaid_import (text_again);
  g_autofree char *described = parcours_test_mermaid_describe (again);
  g_autofree char *described_third = parcours_test_mermaid_describe (third);

  g_assert_cmpstr (text_again, ==, text);
  g_assert_cmpstr (described_third, ==, described);

  return g_steal_pointer (&text);
}

char *
parcours_test_read_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "mermaid", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The example of Mermaid's documentation. */
const char parcours_test_mermaid_working_day[] =
  "journey\n"
  "    title My working day\n"
  "    section Go to work\n"
  "      Make tea: 5: Me\n"
  "      Go upstairs: 3: Me\n"
  "      Do work: 1: Me, Cat\n"
  "    section Go home\n"
  "      Go downstairs: 5: Me\n"
  "      Sit down: 5: Me\n";

/* CSV */

ParcoursEmotionPoint *
parcours_test_csv_point (const char *id,
                         const char *lane_id,
                         const char *stage_id,
                         double      offset,
                         double      value,
                         const char *label)
{
  ParcoursEmotionPoint *point = parcours_emotion_point_new (id, lane_id, stage_id, offset, value);

  parcours_emotion_point_set_label (point, label);
  return point;
}

ParcoursCard *
parcours_test_csv_card (const char        *id,
                        const char        *lane_id,
                        const char        *stage_id,
                        const char        *text,
                        ParcoursChannel    channel,
                        ParcoursSentiment  sentiment,
                        const char        *details)
{
  ParcoursCard *card = parcours_card_new (id, lane_id, stage_id, text);

  parcours_card_set_channel (card, channel);
  parcours_card_set_sentiment (card, sentiment);
  parcours_card_set_details (card, details);
  return card;
}

ParcoursDocument *
parcours_test_csv_import (const char *csv)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  document = parcours_csv_import (csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (PARCOURS_IS_DOCUMENT (document));

  return document;
}

void
parcours_test_assert_csv_error_len (const char *csv,
                                    gsize       length,
                                    int         code,
                                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;

  document = parcours_csv_import (csv, length, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

void
parcours_test_assert_csv_error (const char *csv,
                                int         code,
                                const char *message)
{
  parcours_test_assert_csv_error_len (csv, strlen (csv), code, message);
}

ParcoursStage *
parcours_test_stage_at (ParcoursDocument *document,
                        guint             position)
{
  return parcours_test_nth (parcours_document_get_stages (document), position);
}

ParcoursLane *
parcours_test_lane_at (ParcoursDocument *document,
                       guint             position)
{
  return parcours_test_nth (parcours_document_get_lanes (document), position);
}

ParcoursCard *
parcours_test_card_at (ParcoursDocument *document,
                       guint             position)
{
  return parcours_test_nth (parcours_document_get_cards (document), position);
}

ParcoursEmotionPoint *
parcours_test_point_at (ParcoursDocument *document,
                        guint             position)
{
  return parcours_test_nth (parcours_document_get_emotion_points (document), position);
}

const char *
parcours_test_card_stage_name (ParcoursDocument *document,
                               ParcoursCard     *card)
{
  ParcoursStage *stage = parcours_document_lookup_stage (document, parcours_card_get_stage_id (card));

  g_assert_nonnull (stage);
  return parcours_stage_get_name (stage);
}

ParcoursLane *
parcours_test_card_lane (ParcoursDocument *document,
                         ParcoursCard     *card)
{
  ParcoursLane *lane = parcours_document_lookup_lane (document, parcours_card_get_lane_id (card));

  g_assert_nonnull (lane);
  return lane;
}

void
parcours_test_assert_lane (ParcoursDocument *document,
                           guint             position,
                           const char       *name,
                           ParcoursLaneKind  kind)
{
  ParcoursLane *lane = parcours_test_lane_at (document, position);

  g_assert_cmpstr (parcours_lane_get_name (lane), ==, name);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, kind);
}

void
parcours_test_assert_csv_export (ParcoursDocument *document,
                                 const char       *expected)
{
  g_autofree char *csv = parcours_csv_export (document);

  g_assert_cmpstr (csv, ==, expected);
}

/* Exports @document, imports that and exports again: both texts must be
 * the same. Returns the imported document. */
ParcoursDocument *
parcours_test_csv_round_trip (ParcoursDocument *document)
{
  g_autofree char *first = parcours_csv_export (document);
  g_autofree char *second = NULL;
  ParcoursDocument *imported;

  imported = parcours_test_csv_import (first);
  second = parcours_csv_export (imported);
  g_assert_cmpstr (second, ==, first);

  return imported;
}

void
parcours_test_assert_csv_stable (const char *csv)
{
  g_autoptr(ParcoursDocument) document = parcours_test_csv_import (csv);
  g_autofree char *exported = parcours_csv_export (document);

  g_assert_cmpstr (exported, ==, csv);
}

/* Stages Discover, Buy and Empty; lanes Ads (touchpoints), Feeling
 * (emotions) and one without a name (thoughts); cards and points in an
 * order unlike the map's, and some elements a row cannot hold. */
ParcoursDocument *
parcours_test_make_csv_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Online grocery");
  parcours_test_add (document, parcours_persona_new ("anna", "Anna"));
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_stage_new ("s2", "Buy"));
  parcours_test_add (document, parcours_stage_new ("s3", "Empty"));
  parcours_test_add (document, parcours_lane_new ("l1", PARCOURS_LANE_KIND_TOUCHPOINTS, "Ads"));
  parcours_test_add (document, parcours_lane_new ("l2", PARCOURS_LANE_KIND_EMOTIONS, "Feeling"));
  parcours_test_add (document, parcours_lane_new ("l3", PARCOURS_LANE_KIND_THOUGHTS, ""));
  parcours_test_add (document, parcours_test_csv_card ("c1", "l1", "s2", "Pays",
                                                       PARCOURS_CHANNEL_WEBSITE, PARCOURS_SENTIMENT_NEGATIVE, ""));
  parcours_test_add (document, parcours_test_csv_card ("c2", "l3", "s1", "Is it for me?",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_card ("c3", "l1", "s1", "Sees an ad",
                                                       PARCOURS_CHANNEL_SOCIAL_MEDIA, PARCOURS_SENTIMENT_POSITIVE,
                                                       "Story"));
  parcours_test_add (document, parcours_test_csv_card ("c4", "l1", "s1", "Likes it",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  /* Not written: a card in an emotions lane, a card without its stage. */
  parcours_test_add (document, parcours_test_csv_card ("c5", "l2", "s1", "Lost",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_card ("c6", "l1", "gone", "Lost",
                                                       PARCOURS_CHANNEL_NONE, PARCOURS_SENTIMENT_NEUTRAL, ""));
  parcours_test_add (document, parcours_test_csv_point ("e1", "l2", "s1", 0.8, 1.0, "Happy"));
  parcours_test_add (document, parcours_test_csv_point ("e2", "l2", "s1", 0.2, -0.5, "Unsure"));
  parcours_test_add (document, parcours_test_csv_point ("e3", "l2", "s2", 0.5, 0.3, ""));
  /* Not written: a point in a touchpoints lane, a point without its lane. */
  parcours_test_add (document, parcours_test_csv_point ("e4", "l1", "s1", 0.5, 0.0, "Lost"));
  parcours_test_add (document, parcours_test_csv_point ("e5", "gone", "s1", 0.5, 0.0, "Lost"));

  return document;
}

/* The contents of @file, which must be there. */
char *
parcours_test_dup_contents (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

/* The map in @file, read with the loader; an error fails the test. */
ParcoursDocument *
parcours_test_load_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Removes @dir and what is in it. */
void
parcours_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;

  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        parcours_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* How far apart two renders of one size are: the mean difference of
 * their channels (0 to 255) and the share of channels that differ by
 * more than 96, which misplaced or missing shapes make and anti-aliasing
 * does not. */
void
parcours_test_compare_images (cairo_surface_t *a,
                              cairo_surface_t *b,
                              double          *mean,
                              double          *far_fraction)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride_a = cairo_image_surface_get_stride (a);
  int stride_b = cairo_image_surface_get_stride (b);
  guint64 total = 0, n_far = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    {
      const guint8 *pa = cairo_image_surface_get_data (a) + y * stride_a;
      const guint8 *pb = cairo_image_surface_get_data (b) + y * stride_b;

      for (int x = 0; x < width * 4; x++)
        {
          int d = ABS ((int) pa[x] - (int) pb[x]);

          total += d;
          if (d > 96)
            n_far++;
        }
    }

  *mean = (double) total / MAX ((double) width * height * 4.0, 1);
  *far_fraction = (double) n_far / MAX ((double) width * height * 4.0, 1);
}

/* History ---------------------------------------------------------------- */

/* Two stages, two lanes and cards spread over the four cells with the
 * cells interleaved in the card list, plus emotion points, a persona and
 * a lane that shows it: enough for cascades to have something to undo. */
void
parcours_test_history_set_up (ParcoursTestHistory *fixture,
                              gconstpointer        data)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursLane *emotions;

  parcours_test_add (document, parcours_persona_new ("persona-a", "Alice"));
  parcours_test_add (document, parcours_persona_new ("persona-b", "Bob"));
  parcours_test_add (document, parcours_stage_new ("stage-1", "Discover"));
  parcours_test_add (document, parcours_stage_new ("stage-2", "Buy"));
  parcours_test_add (document, parcours_stage_new ("stage-3", "Use"));
  parcours_test_add (document, parcours_lane_new ("lane-1", PARCOURS_LANE_KIND_ACTIONS, "Actions"));
  emotions = parcours_lane_new ("lane-2", PARCOURS_LANE_KIND_EMOTIONS, "Feelings");
  parcours_lane_set_persona_id (emotions, "persona-a");
  parcours_test_add (document, emotions);
  parcours_test_add (document, parcours_lane_new ("lane-3", PARCOURS_LANE_KIND_THOUGHTS, "Thoughts"));

  parcours_test_add (document, parcours_card_new ("card-1", "lane-1", "stage-1", "Search"));
  parcours_test_add (document, parcours_card_new ("card-2", "lane-1", "stage-2", "Compare"));
  parcours_test_add (document, parcours_card_new ("card-3", "lane-3", "stage-2", "Hmm"));
  parcours_test_add (document, parcours_card_new ("card-4", "lane-1", "stage-1", "Ask"));
  parcours_test_add (document, parcours_card_new ("card-5", "lane-1", "stage-2", "Pay"));
  parcours_test_add (document, parcours_card_new ("card-6", "lane-3", "stage-1", "Why?"));
  parcours_test_add (document, parcours_card_new ("card-7", "lane-1", "stage-3", "Install"));
  parcours_test_add (document, parcours_card_new ("card-8", "lane-1", "stage-2", "Confirm"));

  parcours_test_add (document, parcours_emotion_point_new ("point-1", "lane-2", "stage-1", 0.2, 0.5));
  parcours_test_add (document, parcours_emotion_point_new ("point-2", "lane-2", "stage-2", 0.5, -0.5));
  parcours_test_add (document, parcours_emotion_point_new ("point-3", "lane-2", "stage-1", 0.8, 1.0));
  parcours_test_add (document, parcours_emotion_point_new ("point-4", "lane-2", "stage-3", 0.5, 0.0));

  fixture->document = document;
  fixture->history = parcours_history_new (document);
}

void
parcours_test_history_tear_down (ParcoursTestHistory *fixture,
                                 gconstpointer        data)
{
  g_assert_finalize_object (fixture->history);
  g_clear_object (&fixture->document);
}

/* The element @id of the fixture's map, which must be there */
gpointer
parcours_test_history_lookup (ParcoursTestHistory *fixture,
                              const char          *id)
{
  ParcoursElement *element = parcours_document_lookup (fixture->document, id);

  g_assert_nonnull (element);

  return element;
}

/* Serializing a document
 *
 * Besides the native writer, whose bytes the property test compares at
 * the end of each sequence, the tests use a dump of their own: every
 * readable property of the document and of each element, in list order.
 * It is stricter than the file format (which leaves defaults out) and
 * does not depend on the writer's choices. */

static void
dump_value (GString      *out,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *string = g_value_get_string (value);

      if (string == NULL)
        {
          g_string_append (out, "null");
        }
      else
        {
          g_autofree char *escaped = g_strescape (string, NULL);

          g_string_append_printf (out, "\"%s\"", escaped);
        }
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      g_string_append_c (out, '[');
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          g_autofree char *escaped = g_strescape (strv[i], NULL);

          g_string_append_printf (out, "%s\"%s\"", i > 0 ? "," : "", escaped);
        }
      g_string_append_c (out, ']');
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes == NULL)
        {
          g_string_append (out, "null");
        }
      else
        {
          g_autofree char *checksum = NULL;

          checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, bytes);
          g_string_append_printf (out, "bytes:%s", checksum);
        }
    }
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                            g_value_get_double (value)));
    }
  else
    {
      g_autofree char *contents = g_strdup_value_contents (value);

      g_string_append (out, contents);
    }
}

static void
dump_object (GString *out,
             GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  g_string_append (out, G_OBJECT_TYPE_NAME (object));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_string_append_printf (out, " %s=", pspecs[i]->name);
      dump_value (out, &value);
    }
  g_string_append_c (out, '\n');
}

char *
parcours_test_dump_document (ParcoursDocument *document)
{
  GString *out = g_string_new (NULL);

  dump_object (out, G_OBJECT (document));

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    {
      GListModel *model = parcours_document_get_collection (document, c);
      guint n_items = g_list_model_get_n_items (model);

      g_string_append_printf (out, "%s:\n", parcours_collection_get_name (c));
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GObject) element = g_list_model_get_item (model, i);

          dump_object (out, element);
        }
    }

  return g_string_free (out, FALSE);
}

/* The elements themselves, to check that undo brings back the very same
 * objects and not copies. */
GPtrArray *
parcours_test_list_elements (ParcoursDocument *document)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    {
      GListModel *model = parcours_document_get_collection (document, c);
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (elements, g_list_model_get_item (model, i));
    }

  return elements;
}

void
parcours_test_assert_same_elements (GPtrArray *expected,
                                    GPtrArray *actual)
{
  g_assert_cmpuint (expected->len, ==, actual->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (expected->pdata[i] == actual->pdata[i]);
}

void
parcours_test_history_set_string (ParcoursHistory *history,
                                  gpointer         object,
                                  const char      *property_name,
                                  const char      *string)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, string);
  parcours_history_set_value (history, object, property_name, &value, NULL);
}

void
parcours_test_history_set_double (ParcoursHistory *history,
                                  gpointer         object,
                                  const char      *property_name,
                                  double           number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  parcours_history_set_value (history, object, property_name, &value, NULL);
}

/* The canvas without a window ------------------------------------------ */

gboolean
parcours_test_canvas_init (int    *argc,
                           char ***argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (argc, argv, NULL);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  return gtk_init_check ();
}

char *
parcours_test_canvas_save_string (ParcoursDocument *document)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
parcours_test_canvas_relayout (ParcoursTestCanvas *fixture)
{
  parcours_layout_update (fixture->layout, fixture->document);
}

void
parcours_test_canvas_set_up (ParcoursTestCanvas *fixture,
                             gconstpointer       data)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_LIGHT);

  fixture->document = parcours_test_make_canvas_map ();
  fixture->history = parcours_history_new (fixture->document);
  fixture->selection = parcours_selection_new ();
  fixture->interaction = parcours_interaction_new (fixture->history, fixture->selection);
  fixture->layout = parcours_layout_new (style);
  fixture->original = parcours_test_canvas_save_string (fixture->document);
  parcours_test_canvas_relayout (fixture);
  parcours_interaction_set_layout (fixture->interaction, fixture->layout);
}

void
parcours_test_canvas_tear_down (ParcoursTestCanvas *fixture,
                                gconstpointer       data)
{
  g_clear_object (&fixture->interaction);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->original, g_free);
}

ParcoursElement *
parcours_test_canvas_lookup (ParcoursTestCanvas *fixture,
                             const char         *id)
{
  ParcoursElement *element = parcours_document_lookup (fixture->document, id);

  g_assert_nonnull (element);
  return element;
}

ParcoursRect
parcours_test_canvas_rect_of (ParcoursTestCanvas *fixture,
                              const char         *id)
{
  ParcoursElement *element = parcours_test_canvas_lookup (fixture, id);
  int index = parcours_layout_find (fixture->layout, element);

  g_assert_cmpint (index, >=, 0);
  if (PARCOURS_IS_CARD (element))
    return parcours_layout_get_card (fixture->layout, index)->rect;
  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      const ParcoursPointBox *box = parcours_layout_get_point (fixture->layout, index);
      return (ParcoursRect) { box->x, box->y, 0, 0 };
    }
  if (PARCOURS_IS_STAGE (element))
    return parcours_layout_get_stage (fixture->layout, index)->header;
  return parcours_layout_get_lane (fixture->layout, index)->header;
}

void
parcours_test_canvas_center_of (ParcoursTestCanvas *fixture,
                                const char         *id,
                                double             *x,
                                double             *y)
{
  ParcoursRect r = parcours_test_canvas_rect_of (fixture, id);

  *x = r.x + r.width / 2;
  *y = r.y + r.height / 2;
}

/* The ids of a cell's cards, top to bottom, as "t1 t2". */
char *
parcours_test_canvas_cell (ParcoursTestCanvas *fixture,
                           const char         *lane,
                           const char         *stage)
{
  g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (fixture->document, lane, stage);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", parcours_element_get_id (g_ptr_array_index (cards, i)));

  return g_string_free (ids, FALSE);
}

void
parcours_test_canvas_assert_original (ParcoursTestCanvas *fixture)
{
  g_autofree char *now = parcours_test_canvas_save_string (fixture->document);

  g_assert_cmpstr (now, ==, fixture->original);
}

/* A whole drag, with a motion just past the threshold first, as GTK
 * delivers it. */
void
parcours_test_canvas_drag (ParcoursTestCanvas *fixture,
                           double              x0,
                           double              y0,
                           double              x1,
                           double              y1,
                           ParcoursModifiers   modifiers)
{
  parcours_interaction_press (fixture->interaction, x0, y0, 1, modifiers);
  parcours_interaction_motion (fixture->interaction, x0 + 10, y0 + 10, modifiers);
  parcours_interaction_motion (fixture->interaction, (x0 + x1) / 2, (y0 + y1) / 2, modifiers);
  parcours_interaction_motion (fixture->interaction, x1, y1, modifiers);
  parcours_interaction_release (fixture->interaction, x1, y1, modifiers);
  parcours_test_canvas_relayout (fixture);
}

void
parcours_test_canvas_click (ParcoursTestCanvas *fixture,
                            const char         *id,
                            ParcoursModifiers   modifiers)
{
  double x, y;

  parcours_test_canvas_center_of (fixture, id, &x, &y);
  parcours_interaction_press (fixture->interaction, x, y, 1, modifiers);
  parcours_interaction_release (fixture->interaction, x, y, modifiers);
}

gboolean
parcours_test_canvas_selected (ParcoursTestCanvas *fixture,
                               const char         *id)
{
  return parcours_selection_contains (fixture->selection, parcours_test_canvas_lookup (fixture, id));
}

/* Undoes everything and checks the file is byte for byte the original. */
void
parcours_test_canvas_undo_all (ParcoursTestCanvas *fixture)
{
  while (parcours_history_undo (fixture->history))
    ;
  parcours_test_canvas_relayout (fixture);
  parcours_test_canvas_assert_original (fixture);
}

char *
parcours_test_write_temp (GBytes     *bytes,
                          const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat ("parcours-test-XXXXXX", suffix, NULL);
  char *path = NULL;
  int fd = g_file_open_tmp (name, &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  g_close (fd, NULL);
  return path;
}

cairo_surface_t *
parcours_test_load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

ParcoursDisplayList *
parcours_test_paint (ParcoursDocument *document)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);

  parcours_layout_update (layout, document);
  return parcours_painter_paint (layout);
}

char *
parcours_test_cell_texts (ParcoursDocument *document,
                          const char       *lane,
                          const char       *stage)
{
  g_autoptr(GPtrArray) cards = parcours_document_get_cell_cards (document, lane, stage);
  GString *texts = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (texts, "%s%s", i ? " | " : "",
                            parcours_card_get_text (g_ptr_array_index (cards, i)));
  return g_string_free (texts, FALSE);
}
