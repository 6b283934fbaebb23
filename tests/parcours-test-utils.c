/* parcours-test-utils.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "parcours-document-private.h"

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
