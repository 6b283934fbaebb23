/* test-inspector-votes.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-inspector.h"
#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Votes of several selected cards in the inspector: their count when
 * they share it, "Several values" when not, and + and − buttons that
 * give each card a vote or take one back from each, in one undo step.
 * Clicked with xdotool in a real window; results read in the model. */

static GtkApplication *application;
static gboolean have_display;

typedef struct
{
  ParcoursWindow *window;
  GtkWidget      *group;      /* the card page's votes */
  AdwActionRow   *row;
  GtkWidget      *add;
  GtkWidget      *remove;
} Fixture;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display or xdotool"); return; } } G_STMT_END

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursCard *card;

  parcours_document_set_title (document, "Votes");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_stage_new ("s2", "Buy"));
  parcours_test_add (document, parcours_lane_new ("pain", PARCOURS_LANE_KIND_PAIN_POINTS, "Pain points"));
  card = parcours_card_new ("c1", "pain", "s1", "Hard to compare");
  parcours_card_set_votes (card, 1);
  parcours_test_add (document, card);
  card = parcours_card_new ("c2", "pain", "s1", "Hidden fees");
  parcours_card_set_votes (card, 3);
  parcours_test_add (document, card);
  parcours_test_add (document, parcours_card_new ("c3", "pain", "s2", "Slow checkout"));
  parcours_test_add (document, parcours_card_new ("c4", "pain", "s2", "No receipt"));

  return document;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;

  if (!have_display)
    return;

  document = make_map ();
  fixture->window = parcours_test_ui_open_window (application, document, 1100, 760);
  adw_flap_set_reveal_flap (fixture->window->flap, TRUE);
  adw_view_stack_set_visible_child_name (fixture->window->side_stack, "inspector");

  fixture->group = parcours_inspector_get_votes_group (fixture->window->inspector, "card");
  g_assert_nonnull (fixture->group);
  fixture->row = ADW_ACTION_ROW (find_row (fixture->group));
  g_assert_nonnull (fixture->row);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
}

static guint
votes_of (Fixture    *fixture,
          const char *id)
{
  ParcoursDocument *document = parcours_window_get_document (fixture->window);

  return parcours_card_get_votes (parcours_document_lookup_card (document, id));
}

static void
select_cards (Fixture            *fixture,
              const char * const *ids)
{
  ParcoursSelection *selection = parcours_canvas_get_selection (fixture->window->canvas);
  ParcoursDocument *document = parcours_window_get_document (fixture->window);

  parcours_selection_clear (selection);
  for (guint i = 0; ids[i] != NULL; i++)
    parcours_selection_select (selection, parcours_document_lookup (document, ids[i]), PARCOURS_SELECT_ADD);
  parcours_test_wait_ms (200);

  /* The buttons' tooltips say whether they act on one card or each */
  fixture->add = find_button (fixture->group, g_strv_length ((char **) ids) > 1 ? "Add a Vote to Each Card"
                                                                                 : "Add a Vote");
  fixture->remove = find_button (fixture->group, g_strv_length ((char **) ids) > 1 ? "Remove a Vote From Each Card"
                                                                                    : "Remove a Vote");
  g_assert_nonnull (fixture->add);
  g_assert_nonnull (fixture->remove);
}

/* Scrolled into view first, as the keyboard would bring it */
static void
click (GtkWidget *button)
{
  gtk_widget_grab_focus (button);
  parcours_test_wait_ms (150);
  parcours_test_ui_click_widget (button);
}

static void
assert_shown (Fixture    *fixture,
              const char *subtitle)
{
  g_assert_true (gtk_widget_get_mapped (fixture->group));
  g_assert_cmpstr (adw_action_row_get_subtitle (fixture->row), ==, subtitle);
}

static void
test_several_cards (Fixture       *fixture,
                    gconstpointer  data)
{
  ParcoursHistory *history;
  const char *mixed[] = { "c1", "c2", NULL };
  const char *none[] = { "c3", "c4", NULL };
  const char *one[] = { "c2", NULL };

  REQUIRE_DISPLAY ();

  history = parcours_window_get_history (fixture->window);

  /* 1 and 3 votes: not one number */
  select_cards (fixture, mixed);
  assert_shown (fixture, "Several values");
  g_assert_true (gtk_widget_get_sensitive (fixture->add));
  g_assert_true (gtk_widget_get_sensitive (fixture->remove));
  parcours_test_ui_screenshot ("inspector-votes-several");

  /* + gives each a vote: one step */
  click (fixture->add);
  g_assert_cmpuint (votes_of (fixture, "c1"), ==, 2);
  g_assert_cmpuint (votes_of (fixture, "c2"), ==, 4);
  g_assert_cmpuint (votes_of (fixture, "c3"), ==, 0);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Vote for Cards");
  assert_shown (fixture, "Several values");

  /* − takes one back from each */
  click (fixture->remove);
  click (fixture->remove);
  g_assert_cmpuint (votes_of (fixture, "c1"), ==, 0);
  g_assert_cmpuint (votes_of (fixture, "c2"), ==, 2);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Votes");

  /* Only the card that still has votes loses one; then none is left to take */
  click (fixture->remove);
  click (fixture->remove);
  g_assert_cmpuint (votes_of (fixture, "c1"), ==, 0);
  g_assert_cmpuint (votes_of (fixture, "c2"), ==, 0);
  assert_shown (fixture, "No votes");
  g_assert_false (gtk_widget_get_sensitive (fixture->remove));

  /* Each click was one step: four undos bring back 1 and 3 */
  for (guint i = 0; i < 4; i++)
    parcours_test_ui_key ("ctrl+z");
  parcours_test_wait_ms (200);
  g_assert_cmpuint (votes_of (fixture, "c1"), ==, 2);
  g_assert_cmpuint (votes_of (fixture, "c2"), ==, 4);
  parcours_test_ui_key ("ctrl+z");
  parcours_test_wait_ms (200);
  g_assert_cmpuint (votes_of (fixture, "c1"), ==, 1);
  g_assert_cmpuint (votes_of (fixture, "c2"), ==, 3);
  assert_shown (fixture, "Several values");

  /* The same number shows as one card's */
  select_cards (fixture, none);
  assert_shown (fixture, "No votes");
  g_assert_false (gtk_widget_get_sensitive (fixture->remove));
  click (fixture->add);
  g_assert_cmpuint (votes_of (fixture, "c3"), ==, 1);
  g_assert_cmpuint (votes_of (fixture, "c4"), ==, 1);
  assert_shown (fixture, "1 vote");

  /* One card still votes one step per click, as on the map */
  select_cards (fixture, one);
  assert_shown (fixture, "3 votes");
  click (fixture->add);
  g_assert_cmpuint (votes_of (fixture, "c2"), ==, 4);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Vote for Card");
}

/* At the most votes a card holds, + leaves that card alone. */
static void
test_most_votes (Fixture       *fixture,
                 gconstpointer  data)
{
  ParcoursDocument *document;
  const char *both[] = { "c1", "c3", NULL };

  REQUIRE_DISPLAY ();

  document = parcours_window_get_document (fixture->window);
  parcours_card_set_votes (parcours_document_lookup_card (document, "c1"), PARCOURS_CARD_MAX_VOTES);
  select_cards (fixture, both);
  click (fixture->add);
  g_assert_cmpuint (votes_of (fixture, "c1"), ==, PARCOURS_CARD_MAX_VOTES);
  g_assert_cmpuint (votes_of (fixture, "c3"), ==, 1);

  parcours_card_set_votes (parcours_document_lookup_card (document, "c3"), PARCOURS_CARD_MAX_VOTES);
  parcours_test_wait_ms (100);
  g_assert_false (gtk_widget_get_sensitive (fixture->add));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  have_display = parcours_test_ui_init ();
  if (have_display)
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/inspector-votes/several-cards", test_several_cards);
  ADD ("/inspector-votes/most-votes", test_most_votes);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
