/* test-window-narrow.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The window adapts down to a phone's width, as GNOME apps do: under
 * 600 pixels the header bar keeps the palette and side panel toggles
 * and the main menu (which holds Open, Undo, Redo, the zoom and the
 * voting round), and the palette and side panel fold over the map. At
 * 360, 480 and 1000 pixels nothing in the header bar is clipped or
 * overlaps, and the bar of a voting round stays one line, its hint
 * shortened with the whole text in a tooltip. Screenshots of each width
 * are for a person to look at. */

static GtkApplication *application;
static gboolean have_display;

typedef struct
{
  ParcoursWindow *window;
} Fixture;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display or xdotool"); return; } } G_STMT_END

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;

  if (!have_display)
    return;

  document = parcours_test_make_grocery_map ();
  fixture->window = parcours_test_ui_open_window (application, document, 1000, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
}

/* The window's own width: what a phone's 360 pixels hold. Without a
 * compositor GTK draws a frame around it, inside the default size. */
static int
width_of (Fixture *fixture)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture->window));
}

static void
resize (Fixture *fixture,
        int      width)
{
  int frame = gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (fixture->window))) - width_of (fixture);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width + frame, 700);
  for (guint i = 0; i < 100 && width_of (fixture) != width; i++)
    parcours_test_wait_ms (20);
  /* The header bar's buttons change at the next frame, the panels slide */
  parcours_test_wait_ms (600);
  g_assert_cmpint (width_of (fixture), ==, width);
}

/* Every visible widget from the header bar down to its buttons and
 * title: inside the bar, at least as large as it asks to be, and clear
 * of its visible siblings. */
static void
assert_laid_out (GtkWidget *bar,
                 GtkWidget *widget,
                 guint      depth)
{
  graphene_rect_t bounds, bar_bounds;
  int min_width;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  g_assert_true (gtk_widget_compute_bounds (widget, bar, &bounds));
  g_assert_true (gtk_widget_compute_bounds (bar, bar, &bar_bounds));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);

  /* Narrower than it needs: a label cut, a button squeezed. What it
   * needs counts its margins; its bounds do not. */
  {
    GtkBorder margin;

    gtk_style_context_get_margin (gtk_widget_get_style_context (widget), &margin);
    min_width -= margin.left + margin.right + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
    if (bounds.size.width + 0.5 < min_width)
      g_error ("%s “%s” is clipped: %g wide for %d", G_OBJECT_TYPE_NAME (widget),
               GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) ? gtk_button_get_label (GTK_BUTTON (widget))
                                                                                     : gtk_widget_get_tooltip_text (widget),
               bounds.size.width, min_width);
  }
  if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > bar_bounds.size.width + 0.5)
    g_error ("%s is outside the header bar: %g to %g of %g", G_OBJECT_TYPE_NAME (widget),
             bounds.origin.x, bounds.origin.x + bounds.size.width, bar_bounds.size.width);

  for (GtkWidget *other = gtk_widget_get_next_sibling (widget); other != NULL;
       other = gtk_widget_get_next_sibling (other))
    {
      graphene_rect_t other_bounds, overlap;

      if (!gtk_widget_get_visible (other) || !gtk_widget_get_child_visible (other) ||
          gtk_widget_get_width (other) == 0 || gtk_widget_get_width (widget) == 0)
        continue;
      g_assert_true (gtk_widget_compute_bounds (other, bar, &other_bounds));
      if (graphene_rect_intersection (&bounds, &other_bounds, &overlap) &&
          overlap.size.width > 0.5 && overlap.size.height > 0.5)
        g_error ("%s overlaps %s", G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (other));
    }

  /* Down to the buttons; what is inside a button is the button's. */
  if (depth < 6 && !GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (!GTK_IS_POPOVER (child))
        assert_laid_out (bar, child, depth + 1);
}

static void
assert_header_fits (Fixture *fixture)
{
  assert_laid_out (fixture->window->header_bar, fixture->window->header_bar, 0);
}

/* The voting bar's hint: one line, and the whole of it in a tooltip
 * when it is cut short. */
static void
assert_voting_bar_one_line (Fixture *fixture)
{
  GtkLabel *hint = fixture->window->voting_hint;
  PangoLayout *layout = gtk_label_get_layout (hint);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hint)));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  if (pango_layout_is_ellipsized (layout))
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (hint)), ==, gtk_label_get_label (hint));
  assert_laid_out (GTK_WIDGET (fixture->window->voting_bar), GTK_WIDGET (fixture->window->voting_bar), 0);
}

static void
test_widths (Fixture       *fixture,
             gconstpointer  data)
{
  static const int widths[] = { 1000, 480, 360, 1000 };

  REQUIRE_DISPLAY ();

  adw_flap_set_reveal_flap (fixture->window->flap, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("narrow-%d", widths[i]);
      gboolean narrow = widths[i] < 600;

      resize (fixture, widths[i]);
      parcours_test_ui_screenshot ("%s", name);
      assert_header_fits (fixture);

      /* What the header bar leaves out is in the main menu. */
      g_assert_cmpint (gtk_widget_is_visible (fixture->window->open_button), ==, !narrow);
      g_assert_cmpint (gtk_widget_is_visible (fixture->window->undo_button), ==, !narrow);
      g_assert_cmpint (gtk_widget_is_visible (fixture->window->redo_button), ==, !narrow);
      g_assert_cmpint (gtk_widget_is_visible (fixture->window->voting_button), ==, !narrow);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->palette_button)));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->primary_menu_button)));

      /* A narrow window folds the side panel over the map. */
      g_assert_cmpint (adw_flap_get_folded (fixture->window->flap), ==, widths[i] < 800);
      parcours_test_ui_screenshot ("%s", name);
    }
}

/* The palette folds over the map too, and the map still takes cards
 * from it. */
static void
test_palette (Fixture       *fixture,
              gconstpointer  data)
{
  REQUIRE_DISPLAY ();

  resize (fixture, 360);
  gtk_toggle_button_set_active (fixture->window->palette_button, TRUE);
  parcours_test_wait_ms (500);
  g_assert_true (adw_flap_get_folded (fixture->window->palette_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window->palette)));
  g_assert_cmpint (width_of (fixture), ==, 360);
  assert_header_fits (fixture);
  parcours_test_ui_screenshot ("narrow-360-palette");

  resize (fixture, 1000);
  g_assert_false (adw_flap_get_folded (fixture->window->palette_flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window->palette)));
}

static void
test_voting_bar (Fixture       *fixture,
                 gconstpointer  data)
{
  static const int widths[] = { 1200, 1000, 800, 480, 360 };

  REQUIRE_DISPLAY ();

  adw_flap_set_reveal_flap (fixture->window->flap, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.voting", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("voting-bar-%d", widths[i]);

      resize (fixture, widths[i]);
      assert_voting_bar_one_line (fixture);
      parcours_test_ui_screenshot ("%s", name);
    }
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
  ADD ("/window-narrow/widths", test_widths);
  ADD ("/window-narrow/palette", test_palette);
  ADD ("/window-narrow/voting-bar", test_voting_bar);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
