/* test-presentation.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-application.h"
#include "parcours-canvas-private.h"
#include "parcours-painter.h"
#include "parcours-presentation.h"
#include "parcours-templates.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"
#include "parcours-workshop-timer.h"

/* Presentation mode and the workshop timer. The view objects alone
 * first (stepping, the countdown on a clock the test moves), then a real
 * window under Xvfb driven with xdotool: F5, the keys and clicks of a
 * presenter, Escape, and the timer in its corner. Screenshots of the
 * moments worth looking at go to the test's folder. */

typedef struct
{
  ParcoursWindow *window;
  ParcoursCanvas *canvas;
  ParcoursPresentation *presentation;
  guint n_changes;              /* of the document, while presenting */
} Fixture;

static GtkApplication *application;
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
screenshot (const char *name)
{
  /* Once the animations are over */
  parcours_test_wait_ms (300);
  parcours_test_ui_screenshot ("presentation-%s", name);
}

static void
document_changed_cb (ParcoursDocument *document,
                     Fixture          *fixture)
{
  fixture->n_changes++;
}

static void
show_window (Fixture *fixture,
             int      width,
             int      height)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_template_load ("current-state", &error);
  g_assert_no_error (error);

  fixture->window = parcours_test_ui_new_window (application, width, height);
  parcours_window_show_new_map (fixture->window, document);
  fixture->canvas = fixture->window->canvas;
  fixture->presentation = parcours_canvas_get_presentation (fixture->canvas);
  g_signal_connect (parcours_window_get_document (fixture->window), "changed",
                    G_CALLBACK (document_changed_cb), fixture);

  while (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  parcours_test_wait_ms (400);
  parcours_test_ui_focus_window (GTK_WINDOW (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (parcours_test_ui_available ())
    show_window (fixture, 1100, 720);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    g_signal_handlers_disconnect_by_data (parcours_window_get_document (fixture->window), fixture);
  parcours_test_ui_close_window (&fixture->window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;
  return !fixture->canvas->frame_animating && !fixture->canvas->zoom_animating;
}

static gboolean
not_presenting (gpointer data)
{
  Fixture *fixture = data;
  return !parcours_presentation_get_active (fixture->presentation) &&
         !_parcours_window_is_restoring (fixture->window);
}

/* The part of the map @rect is shown whole, and fills the view across or
 * down: the viewport followed the presentation. */
static void
assert_framed (Fixture            *fixture,
               const ParcoursRect *rect)
{
  ParcoursViewport *viewport = parcours_canvas_get_viewport (fixture->canvas);
  double view_w = parcours_viewport_get_view_width (viewport);
  double view_h = parcours_viewport_get_view_height (viewport);
  double x0, y0, x1, y1;

  parcours_viewport_to_widget (viewport, rect->x, rect->y, &x0, &y0);
  parcours_viewport_to_widget (viewport, rect->x + rect->width, rect->y + rect->height, &x1, &y1);
  g_assert_cmpfloat (x0, >=, -0.5);
  g_assert_cmpfloat (y0, >=, -0.5);
  g_assert_cmpfloat (x1, <=, view_w + 0.5);
  g_assert_cmpfloat (y1, <=, view_h + 0.5);
  g_assert_true ((x1 - x0) > 0.8 * view_w || (y1 - y0) > 0.8 * view_h);
}

static void
assert_stage (Fixture *fixture,
              int      stage)
{
  ParcoursLayout *layout = parcours_canvas_get_layout (fixture->canvas);
  ParcoursRect map = { 0, 0, parcours_layout_get_width (layout), parcours_layout_get_height (layout) };
  g_autofree char *indicator = NULL;

  g_assert_true (parcours_test_ui_wait_until (settled, fixture, 3000));
  g_assert_cmpint (parcours_presentation_get_stage (fixture->presentation), ==, stage);
  /* Each step shows where the presentation is, for a moment. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->window->stage_indicator), "faded"));

  if (stage < 0)
    {
      assert_framed (fixture, &map);
      g_assert_cmpfloat (fixture->canvas->veil, ==, 0);
      g_assert_cmpstr (gtk_label_get_label (fixture->window->stage_indicator), ==, "Overview");
      return;
    }

  {
    const ParcoursStageBox *box = parcours_layout_get_stage (layout, stage);

    assert_framed (fixture, &box->column);
    /* The other stages are under the veil, this one not. */
    g_assert_cmpfloat (fixture->canvas->veil, ==, 1);
    g_assert_cmpfloat (fixture->canvas->spotlight.x, ==, box->column.x);
    g_assert_cmpfloat (fixture->canvas->spotlight.width, ==, box->column.width);
    indicator = g_strdup_printf ("Stage %d of %u — %s", stage + 1, parcours_layout_get_n_stages (layout),
                                 parcours_stage_get_name (box->stage));
    g_assert_cmpstr (gtk_label_get_label (fixture->window->stage_indicator), ==, indicator);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->window->presentation_surface),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, indicator);
  }
}

/* Stepping, without a window. */
static void
test_steps (void)
{
  g_autoptr(ParcoursPresentation) presentation = parcours_presentation_new ();

  parcours_presentation_set_n_stages (presentation, 5);
  parcours_presentation_set_active (presentation, TRUE);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, PARCOURS_PRESENTATION_OVERVIEW);

  parcours_presentation_step (presentation, -1);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, PARCOURS_PRESENTATION_OVERVIEW);
  parcours_presentation_step (presentation, 1);
  parcours_presentation_step (presentation, 1);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, 1);
  parcours_presentation_show_last (presentation);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, 4);
  parcours_presentation_step (presentation, 1);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, 4);

  /* A stage removed while shown: the one before it. */
  parcours_presentation_set_n_stages (presentation, 3);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, 2);
  parcours_presentation_show_overview (presentation);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, PARCOURS_PRESENTATION_OVERVIEW);

  /* Each presentation starts on the overview. */
  parcours_presentation_set_stage (presentation, 1);
  parcours_presentation_set_active (presentation, FALSE);
  parcours_presentation_set_active (presentation, TRUE);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, PARCOURS_PRESENTATION_OVERVIEW);

  parcours_presentation_set_n_stages (presentation, 0);
  parcours_presentation_step (presentation, 1);
  g_assert_cmpint (parcours_presentation_get_stage (presentation), ==, PARCOURS_PRESENTATION_OVERVIEW);
}

/* The veil over the other stages is painted like the rest of the map:
 * rectangles of the map's background around the stage, nothing on it. */
static void
test_spotlight (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) document = parcours_template_load ("current-state", &error);
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_DARK);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(ParcoursDisplayList) veil = NULL;
  g_autoptr(ParcoursDisplayList) none = NULL;
  g_autoptr(ParcoursDisplayList) whole = NULL;
  ParcoursRect map, column;
  double covered = 0;

  g_assert_no_error (error);
  parcours_layout_update (layout, document);
  map = (ParcoursRect) { 0, 0, parcours_layout_get_width (layout), parcours_layout_get_height (layout) };
  column = parcours_layout_get_stage (layout, 1)->column;

  veil = parcours_painter_paint_spotlight (layout, &column, 0.5);
  g_assert_cmpuint (parcours_display_list_get_n_items (veil), ==, 4);
  for (guint i = 0; i < parcours_display_list_get_n_items (veil); i++)
    {
      const ParcoursPrimitive *p = parcours_display_list_get_item (veil, i);

      g_assert_cmpint (p->kind, ==, PARCOURS_PRIMITIVE_RECT);
      g_assert_false (parcours_rect_intersects (&p->bounds, &column));
      g_assert_cmpfloat_with_epsilon (p->fill.red, style->background.red, 1e-9);
      g_assert_cmpfloat_with_epsilon (p->fill.alpha, 0.36, 1e-9);
      covered += p->bounds.width * p->bounds.height;
    }
  g_assert_cmpfloat_with_epsilon (covered, map.width * map.height - column.width * column.height, 1e-6);

  none = parcours_painter_paint_spotlight (layout, &column, 0);
  g_assert_cmpuint (parcours_display_list_get_n_items (none), ==, 0);
  whole = parcours_painter_paint_spotlight (layout, &map, 1);
  g_assert_cmpuint (parcours_display_list_get_n_items (whole), ==, 0);
}

static void
finished_cb (ParcoursWorkshopTimer *timer,
             guint                 *n_finished)
{
  (*n_finished)++;
}

/* The countdown reads the clock: a busy loop does not stretch it. */
static void
test_timer_clock (void)
{
  g_autoptr(ParcoursWorkshopTimer) timer = parcours_workshop_timer_new ();
  gint64 now = (gint64) 1000 * G_USEC_PER_SEC;
  guint n_finished = 0;

  parcours_workshop_timer_set_clock (timer, fake_clock, &now);
  g_signal_connect (timer, "finished", G_CALLBACK (finished_cb), &n_finished);

  parcours_workshop_timer_start (timer, 300);
  g_assert_true (parcours_workshop_timer_get_active (timer));
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 300);

  /* 4:59.5 left still shows 5:00; 4:59 once a whole second went. */
  now += G_USEC_PER_SEC / 2;
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 300);
  now += G_USEC_PER_SEC / 2;
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 299);

  parcours_workshop_timer_add (timer, 60);
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 359);

  /* Paused, time stands still. */
  parcours_workshop_timer_set_paused (timer, TRUE);
  now += 100 * G_USEC_PER_SEC;
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 359);
  parcours_workshop_timer_add (timer, 300);
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 659);
  parcours_workshop_timer_set_paused (timer, FALSE);
  now += 9 * G_USEC_PER_SEC;
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 650);
  g_assert_cmpuint (n_finished, ==, 0);

  now += 650 * G_USEC_PER_SEC;
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (n_finished, ==, 1);
  g_assert_false (parcours_workshop_timer_get_active (timer));
  g_assert_cmpuint (parcours_workshop_timer_get_remaining_seconds (timer), ==, 0);
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (n_finished, ==, 1);

  /* Stopped, it never finishes. */
  parcours_workshop_timer_start (timer, 5);
  parcours_workshop_timer_stop (timer);
  now += 10 * G_USEC_PER_SEC;
  parcours_workshop_timer_update (timer);
  g_assert_cmpuint (n_finished, ==, 1);
  g_assert_false (parcours_workshop_timer_get_active (timer));
}

static void
test_timer_words (void)
{
  struct {
    guint seconds;
    gboolean paused;
    const char *shown;
    const char *said;
  } cases[] = {
    { 300, FALSE, "5:00", "Workshop timer, 5 minutes left" },
    { 299, FALSE, "4:59", "Workshop timer, 4 minutes and 59 seconds left" },
    { 61, TRUE, "1:01", "Workshop timer, paused, 1 minute and 1 second left" },
    { 9, FALSE, "0:09", "Workshop timer, 9 seconds left" },
    { 3725, FALSE, "1:02:05", "Workshop timer, 62 minutes and 5 seconds left" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = parcours_workshop_timer_format (cases[i].seconds);
      g_autofree char *said = parcours_workshop_timer_describe (cases[i].seconds, cases[i].paused);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (said, ==, cases[i].said);
    }
}

/* F5, every way of stepping, and Escape puts everything back. */
static void
test_present (Fixture       *fixture,
              gconstpointer  data)
{
  ParcoursWindow *window;
  ParcoursViewport *viewport;
  ParcoursSelection *selection;
  ParcoursDocument *document;
  ParcoursElement *card;
  guint n_stages;
  double zoom, x, y;
  int width, height;

  PARCOURS_TEST_UI_REQUIRE ();
  window = fixture->window;
  viewport = parcours_canvas_get_viewport (fixture->canvas);
  selection = parcours_canvas_get_selection (fixture->canvas);
  document = parcours_window_get_document (window);
  n_stages = g_list_model_get_n_items (parcours_document_get_stages (document));
  g_assert_cmpuint (n_stages, >=, 4);

  /* An editing view worth putting back: palette and side panel open,
   * zoomed, scrolled, a card selected. */
  gtk_toggle_button_set_active (window->palette_button, TRUE);
  adw_flap_set_reveal_flap (window->flap, TRUE);
  card = g_list_model_get_item (parcours_document_get_cards (document), 2);
  parcours_selection_select (selection, card, PARCOURS_SELECT_REPLACE);
  parcours_selection_set_focus (selection, card);
  g_object_unref (card);
  parcours_test_wait_ms (500);
  parcours_viewport_set_zoom (viewport, 1.25);
  parcours_viewport_set_origin (viewport, 180, 90);
  parcours_test_wait_ms (100);
  zoom = parcours_viewport_get_zoom (viewport);
  x = parcours_viewport_get_x (viewport);
  y = parcours_viewport_get_y (viewport);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  fixture->n_changes = 0;

  parcours_test_ui_key ("F5");
  g_assert_true (parcours_presentation_get_active (fixture->presentation));
  g_assert_false (gtk_widget_get_visible (window->header_bar));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_false (gtk_toggle_button_get_active (window->palette_button));
  g_assert_true (gtk_widget_get_visible (window->presentation_surface));
  g_assert_true (gtk_widget_has_focus (window->presentation_surface));
  assert_stage (fixture, PARCOURS_PRESENTATION_OVERVIEW);
  screenshot ("overview");

  parcours_test_ui_key ("Right");
  assert_stage (fixture, 0);
  parcours_test_ui_key ("Right");
  assert_stage (fixture, 1);
  screenshot ("stage-2");

  /* A click goes on, a right click back; the map under it sees neither. */
  parcours_test_ui_pointer_to_middle (window->presentation_surface);
  parcours_test_ui_xdotool ("click", "1", NULL);
  assert_stage (fixture, 2);
  parcours_test_ui_xdotool ("click", "3", NULL);
  assert_stage (fixture, 1);
  g_assert_null (parcours_selection_get_hover (selection));

  /* A presenter's remote. */
  parcours_test_ui_key ("Next");
  assert_stage (fixture, 2);
  parcours_test_ui_key ("Prior");
  assert_stage (fixture, 1);
  parcours_test_ui_key ("End");
  assert_stage (fixture, (int) n_stages - 1);
  parcours_test_ui_key ("Right");
  assert_stage (fixture, (int) n_stages - 1);
  parcours_test_ui_key ("Home");
  assert_stage (fixture, PARCOURS_PRESENTATION_OVERVIEW);
  parcours_test_ui_key ("Down");
  assert_stage (fixture, 0);
  parcours_test_wait_ms (4500);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window->stage_indicator), "faded"));

  /* Nothing edits the map while presenting. */
  parcours_test_ui_key ("Delete");
  parcours_test_ui_key ("ctrl+z");
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_key ("F9");
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_cmpuint (parcours_selection_get_n_items (selection), ==, 1);

  parcours_test_ui_key ("Escape");
  g_assert_false (parcours_presentation_get_active (fixture->presentation));
  g_assert_true (parcours_test_ui_wait_until (not_presenting, fixture, 3000));
  parcours_test_wait_ms (300);

  g_assert_true (gtk_widget_get_visible (window->header_bar));
  g_assert_false (gtk_widget_get_visible (window->presentation_surface));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->stage_indicator)));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_toggle_button_get_active (window->palette_button));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
  g_assert_cmpfloat (parcours_viewport_get_zoom (viewport), ==, zoom);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, x);
  g_assert_cmpfloat (parcours_viewport_get_y (viewport), ==, y);
  g_assert_cmpuint (parcours_selection_get_n_items (selection), ==, 1);
  g_assert_true (parcours_selection_get_focus (selection) == parcours_selection_get_item (selection, 0));
  g_assert_cmpfloat (fixture->canvas->veil, ==, 0);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (fixture->canvas)));
  g_assert_true (parcours_test_ui_action_enabled (GTK_WIDGET (window), "win.undo") ==
                 parcours_history_get_can_undo (parcours_window_get_history (window)));
  g_assert_cmpuint (fixture->n_changes, ==, 0);
}

/* F5 leaves too, and the primary menu's Present enters. */
static void
test_present_toggle (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursViewport *viewport;
  double zoom, x, y;

  PARCOURS_TEST_UI_REQUIRE ();
  viewport = parcours_canvas_get_viewport (fixture->canvas);
  zoom = parcours_viewport_get_zoom (viewport);
  x = parcours_viewport_get_x (viewport);
  y = parcours_viewport_get_y (viewport);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  g_assert_true (parcours_presentation_get_active (fixture->presentation));
  g_assert_false (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.zoom-in"));
  parcours_test_ui_key ("Right");
  assert_stage (fixture, 0);

  parcours_test_ui_key ("F5");
  g_assert_true (parcours_test_ui_wait_until (not_presenting, fixture, 3000));
  g_assert_cmpfloat (parcours_viewport_get_zoom (viewport), ==, zoom);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, x);
  g_assert_cmpfloat (parcours_viewport_get_y (viewport), ==, y);
  g_assert_true (parcours_test_ui_action_enabled (GTK_WIDGET (fixture->window), "win.zoom-in"));

  /* Presented again, it starts on the overview. */
  parcours_test_ui_key ("F5");
  assert_stage (fixture, PARCOURS_PRESENTATION_OVERVIEW);
  parcours_test_ui_key ("Right");
  assert_stage (fixture, 0);

  /* Left and presented again before the view was back: the view to
   * come back to is still the one from before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  g_assert_true (_parcours_window_is_restoring (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  assert_stage (fixture, PARCOURS_PRESENTATION_OVERVIEW);
  parcours_test_ui_key ("Escape");
  g_assert_true (parcours_test_ui_wait_until (not_presenting, fixture, 3000));
  g_assert_cmpfloat (parcours_viewport_get_zoom (viewport), ==, zoom);
  g_assert_cmpfloat (parcours_viewport_get_x (viewport), ==, x);
  g_assert_cmpfloat (parcours_viewport_get_y (viewport), ==, y);
}

static gboolean
timer_label_is (Fixture    *fixture,
                const char *text)
{
  return g_strcmp0 (gtk_label_get_label (fixture->window->timer_label), text) == 0;
}

static gboolean
shows_4_59 (gpointer data)
{
  Fixture *fixture = data;
  return timer_label_is (fixture, "4:59");
}

static gboolean
shows_3_59 (gpointer data)
{
  Fixture *fixture = data;
  return timer_label_is (fixture, "3:59");
}

static gboolean
timer_finished (gpointer data)
{
  Fixture *fixture = data;
  return !parcours_workshop_timer_get_active (fixture->window->timer);
}

static gboolean
timer_hidden (gpointer data)
{
  Fixture *fixture = data;
  return !gtk_widget_get_visible (GTK_WIDGET (fixture->window->timer_button));
}

static gboolean
menu_item_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkPopover *popover = gtk_menu_button_get_popover (fixture->window->timer_button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover)) &&
         parcours_test_ui_find_label (GTK_WIDGET (popover), "Add 1 Minute") != NULL;
}

/* The timer counts down on the clock, +1 minute from its pill, and
 * the end says so. */
static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  ParcoursWindow *window;
  GtkWidget *pill;

  PARCOURS_TEST_UI_REQUIRE ();
  window = fixture->window;
  pill = GTK_WIDGET (window->timer_button);
  fake_now = (gint64) 5000 * G_USEC_PER_SEC;
  parcours_workshop_timer_set_clock (window->timer, fake_clock, &fake_now);

  g_assert_false (gtk_widget_get_visible (pill));
  g_assert_false (parcours_test_ui_action_enabled (GTK_WIDGET (window), "win.timer-stop"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-start", "i", 5));
  g_assert_true (gtk_widget_get_visible (pill));
  g_assert_cmpstr (gtk_label_get_label (window->timer_label), ==, "5:00");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Workshop timer, 5 minutes left");

  fake_now += 61 * G_USEC_PER_SEC;
  g_assert_true (parcours_test_ui_wait_until (shows_3_59, fixture, 2000));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Workshop timer, 3 minutes and 59 seconds left");
  screenshot ("timer");

  /* +1 minute, from the pill's menu, with the pointer. */
  parcours_test_ui_pointer_to_middle (pill);
  parcours_test_ui_xdotool ("click", "1", NULL);
  g_assert_true (parcours_test_ui_wait_until (menu_item_shown, fixture, 2000));
  screenshot ("timer-menu");
  parcours_test_ui_pointer_to_middle (parcours_test_ui_find_label (GTK_WIDGET (gtk_menu_button_get_popover (window->timer_button)), "Add 1 Minute"));
  parcours_test_ui_xdotool ("click", "1", NULL);
  g_assert_true (parcours_test_ui_wait_until (shows_4_59, fixture, 2000));

  /* Paused, the clock goes on but the timer does not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-pause", NULL));
  g_assert_true (gtk_widget_has_css_class (pill, "paused"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Workshop timer, paused, 4 minutes and 59 seconds left");
  fake_now += 120 * G_USEC_PER_SEC;
  parcours_test_wait_ms (400);
  g_assert_cmpstr (gtk_label_get_label (window->timer_label), ==, "4:59");
  g_assert_false (parcours_test_ui_action_enabled (GTK_WIDGET (window), "win.timer-pause"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-resume", NULL));
  g_assert_false (gtk_widget_has_css_class (pill, "paused"));

  /* Still counting while presenting, in the same corner. */
  parcours_test_ui_key ("F5");
  g_assert_true (parcours_presentation_get_active (fixture->presentation));
  g_assert_true (gtk_widget_get_mapped (pill));
  fake_now += 60 * G_USEC_PER_SEC;
  g_assert_true (parcours_test_ui_wait_until (shows_3_59, fixture, 2000));
  parcours_test_ui_key ("Right");
  screenshot ("timer-presenting");

  /* Time is up: a flash, a toast, then the pill goes. */
  fake_now += 240 * G_USEC_PER_SEC;
  g_assert_true (parcours_test_ui_wait_until (timer_finished, fixture, 2000));
  g_assert_cmpstr (gtk_label_get_label (window->timer_label), ==, "0:00");
  g_assert_true (gtk_widget_has_css_class (pill, "finished"));
  g_assert_true (gtk_widget_get_visible (pill));
  parcours_test_wait_ms (300);
  g_assert_nonnull (parcours_test_ui_find_label (GTK_WIDGET (window), "Time is up"));
  screenshot ("timer-finished");
  g_assert_true (parcours_test_ui_wait_until (timer_hidden, fixture, 6000));
  g_assert_false (gtk_widget_has_css_class (pill, "finished"));
  g_assert_true (parcours_presentation_get_active (fixture->presentation));

  parcours_test_ui_key ("Escape");
  g_assert_true (parcours_test_ui_wait_until (not_presenting, fixture, 3000));
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  /* Any other length, asked in a dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-custom", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
            gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    parcours_test_wait_ms (200);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (adw_message_dialog_get_extra_child (dialog)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "Minutes");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog)), 25);
    adw_message_dialog_response (dialog, "start");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_cmpstr (gtk_label_get_label (window->timer_label), ==, "25:00");

  /* Stop ends it without a toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-start", "i", 10));
  g_assert_cmpstr (gtk_label_get_label (window->timer_label), ==, "10:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-stop", NULL));
  g_assert_false (gtk_widget_get_visible (pill));
}

/* Presenting and the timer in light and dark, wide and narrow, for a
 * person to look at. */
static void
test_screenshots (void)
{
  static const struct {
    const char *name;
    int width;
    int height;
    gboolean dark;
  } looks[] = {
    { "wide-light", 1280, 800, FALSE },
    { "wide-dark", 1280, 800, TRUE },
    { "narrow-light", 420, 760, FALSE },
    { "narrow-dark", 420, 760, TRUE },
  };

  if (!parcours_test_ui_available ())
    {
      g_test_skip ("no display");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      Fixture fixture = { 0 };
      g_autofree char *editing = g_strdup_printf ("%s-editing", looks[i].name);
      g_autofree char *stage = g_strdup_printf ("%s-stage", looks[i].name);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          looks[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      show_window (&fixture, looks[i].width, looks[i].height);
      fake_now = 0;
      parcours_workshop_timer_set_clock (fixture.window->timer, fake_clock, &fake_now);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.timer-start", "i", 10));
      screenshot (editing);

      parcours_test_ui_key ("F5");
      parcours_test_ui_key ("Right");
      parcours_test_ui_key ("Right");
      assert_stage (&fixture, 1);
      screenshot (stage);
      parcours_test_ui_key ("Escape");
      g_assert_true (parcours_test_ui_wait_until (not_presenting, &fixture, 3000));

      fixture_tear_down (&fixture, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  if (parcours_test_ui_init ())
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/presentation/steps", test_steps);
  g_test_add_func ("/presentation/spotlight", test_spotlight);
  g_test_add_func ("/presentation/timer/clock", test_timer_clock);
  g_test_add_func ("/presentation/timer/words", test_timer_words);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/presentation/present", test_present);
  ADD ("/presentation/present-toggle", test_present_toggle);
  ADD ("/presentation/timer", test_timer);
#undef ADD
  g_test_add_func ("/presentation/screenshots", test_screenshots);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
