/* test-personas.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "parcours-application.h"
#include "parcours-format.h"
#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The personas page of the side panel in a real window, driven with
 * xdotool: add a persona, name it, give it a photo and an emotion curve,
 * delete another with its curve and undo. Results are read in the model
 * and in the saved file. */

static GtkApplication *application;

typedef struct
{
  char             *dir;
  ParcoursWindow   *window;
  ParcoursPersonas *personas;
} Fixture;

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();
  ParcoursPersona *persona = parcours_persona_new ("p1", "Nadia");
  ParcoursLane *lane = parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Feelings");

  parcours_document_set_title (document, "Personas");
  parcours_persona_set_role (persona, "Project manager");
  parcours_test_add (document, persona);
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_stage_new ("s2", "Buy"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_lane_set_persona_id (lane, "p1");
  parcours_test_add (document, lane);
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "Sees a poster"));
  parcours_test_add (document, parcours_emotion_point_new ("e1", "feel", "s1", 0.5, 1));
  parcours_test_add (document, parcours_emotion_point_new ("e2", "feel", "s2", 0.5, -1));

  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!parcours_test_ui_available ())
    return;

  fixture->dir = g_dir_make_tmp ("parcours-test-personas-XXXXXX", &error);
  g_assert_no_error (error);

  document = make_map ();
  fixture->window = parcours_test_ui_new_window (application, 1200, 900);
  _parcours_window_show_document (fixture->window, document, NULL);
  adw_view_stack_set_visible_child_name (fixture->window->side_stack, "personas");
  fixture->personas = fixture->window->personas;
  parcours_test_ui_focus_window (GTK_WINDOW (fixture->window));
  parcours_test_wait_ms (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static ParcoursDocument *
document_of (Fixture *fixture)
{
  return parcours_window_get_document (fixture->window);
}

static ParcoursHistory *
history_of (Fixture *fixture)
{
  return parcours_window_get_history (fixture->window);
}

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = parcours_personas_get_field (fixture->personas, name);

  g_assert_nonnull (widget);
  return widget;
}

static guint
n_personas (Fixture *fixture)
{
  return g_list_model_get_n_items (parcours_document_get_personas (document_of (fixture)));
}

static guint
n_points_in (Fixture    *fixture,
             const char *lane_id)
{
  GListModel *points = parcours_document_get_emotion_points (document_of (fixture));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, i);

      n += g_strcmp0 (parcours_emotion_point_get_lane_id (point), lane_id) == 0;
    }

  return n;
}

/* A small PNG made here, with transparency or without. */
static GFile *
write_png (Fixture    *fixture,
           const char *name,
           int         width,
           int         height,
           gboolean    alpha)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, alpha ? 0x2060c080 : 0x2060c0ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GtkWidget *
list_row (Fixture *fixture,
          guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (field (fixture, "list")), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

/* The page names what it shows for a screen reader. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  PARCOURS_TEST_UI_REQUIRE ();

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (field (fixture, "list")), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "list")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Personas");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row (fixture, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Persona “Nadia”, Project manager");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "goals")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Goals");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "frustrations")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "One a line");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (field (fixture, "photo")), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "photo")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Choose Photo…");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (field (fixture, "remove-photo")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Photo");

  /* A rename shows in the list's name at once */
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "name")), "Nadia Petrova");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row (fixture, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Persona “Nadia Petrova”, Project manager");
}

/* Add a persona, name it by typing, give it a photo and an emotion
 * curve; a file that is no image changes nothing. */
static void
test_add_with_photo (Fixture       *fixture,
                     gconstpointer  data)
{
  ParcoursHistory *history;
  ParcoursPersona *persona;
  g_autoptr(GFile) photo_file = NULL;
  g_autoptr(GFile) broken_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_path = NULL;
  g_autofree char *saved_path = NULL;
  g_autoptr(GFile) saved_file = NULL;
  g_autoptr(ParcoursDocument) saved = NULL;
  ParcoursLane *lane = NULL;
  GBytes *photo;
  guint n_undo;

  PARCOURS_TEST_UI_REQUIRE ();
  history = history_of (fixture);

  parcours_test_ui_click_widget (field (fixture, "add"));
  g_assert_cmpuint (n_personas (fixture), ==, 2);
  persona = parcours_personas_get_current (fixture->personas);
  g_assert_nonnull (persona);
  g_assert_cmpstr (parcours_persona_get_name (persona), ==, "Persona 2");
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Add Persona");
  n_undo = parcours_history_get_n_undo (history);
  parcours_test_ui_screenshot ("personas-added");

  /* Typing the name: one step; the list follows */
  g_assert_true (gtk_widget_has_focus (field (fixture, "name")) ||
                 gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  parcours_test_ui_key ("ctrl+a");
  parcours_test_ui_type ("Lea Martin");
  g_assert_cmpstr (parcours_persona_get_name (persona), ==, "Lea Martin");
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Rename Persona");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row (fixture, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Persona “Lea Martin”");
  parcours_test_ui_key ("Tab");

  /* Goals, one a line, as typed */
  parcours_test_ui_click_widget (field (fixture, "goals"));
  parcours_test_ui_type ("Compare plans");
  parcours_test_ui_key ("Return");
  parcours_test_ui_type ("Save money");
  {
    const char * const *goals = parcours_persona_get_goals (persona);

    g_assert_nonnull (goals);
    g_assert_cmpstr (goals[0], ==, "Compare plans");
    g_assert_cmpstr (goals[1], ==, "Save money");
    g_assert_null (goals[2]);
  }
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, n_undo + 2);

  /* A photo: scaled down, stored within the format's bounds */
  photo_file = write_png (fixture, "face.png", 900, 600, FALSE);
  g_assert_true (parcours_personas_load_photo (fixture->personas, photo_file, &error));
  g_assert_no_error (error);
  photo = parcours_persona_get_photo (persona);
  g_assert_nonnull (photo);
  g_assert_cmpstr (parcours_persona_get_photo_mime_type (persona), ==, "image/jpeg");
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (photo);
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, PARCOURS_PERSONAS_PHOTO_SIDE);
    g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, PARCOURS_PERSONAS_PHOTO_SIDE * 2 / 3);
  }
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Change Photo");
  g_assert_true (gtk_widget_get_sensitive (field (fixture, "remove-photo")));
  n_undo = parcours_history_get_n_undo (history);

  /* Transparency stays: a PNG */
  {
    g_autoptr(GFile) alpha_file = write_png (fixture, "badge.png", 64, 64, TRUE);

    g_assert_true (parcours_personas_load_photo (fixture->personas, alpha_file, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (parcours_persona_get_photo_mime_type (persona), ==, "image/png");
    parcours_history_undo (history);
    g_assert_true (parcours_persona_get_photo (persona) == photo);
  }

  /* Not an image: says which file and why, changes nothing */
  broken_path = g_build_filename (fixture->dir, "broken.png", NULL);
  g_assert_true (g_file_set_contents (broken_path, "\x89PNG\r\n\x1a\n not really", -1, NULL));
  broken_file = g_file_new_for_path (broken_path);
  g_assert_false (parcours_personas_load_photo (fixture->personas, broken_file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "“broken.png” cannot be used as a photo: "));
  g_clear_error (&error);
  g_assert_true (parcours_persona_get_photo (persona) == photo);
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, n_undo);

  /* An emotion curve: a lane of its own, a neutral point in each stage */
  g_assert_true (gtk_widget_get_visible (field (fixture, "add-curve")));
  parcours_test_ui_click_widget (field (fixture, "add-curve"));
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Add Emotion Curve");
  {
    GListModel *lanes = parcours_document_get_lanes (document_of (fixture));

    for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
      {
        g_autoptr(ParcoursLane) candidate = g_list_model_get_item (lanes, i);

        if (g_strcmp0 (parcours_lane_get_persona_id (candidate),
                       parcours_element_get_id (PARCOURS_ELEMENT (persona))) == 0)
          lane = candidate;
      }
  }
  g_assert_nonnull (lane);
  g_assert_cmpint (parcours_lane_get_kind (lane), ==, PARCOURS_LANE_KIND_EMOTIONS);
  g_assert_cmpuint (n_points_in (fixture, parcours_element_get_id (PARCOURS_ELEMENT (lane))), ==, 2);
  g_assert_false (gtk_widget_get_visible (field (fixture, "add-curve")));
  parcours_test_ui_screenshot ("personas-photo");

  /* Moved before Nadia */
  parcours_test_ui_click_widget (field (fixture, "move-up"));
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Reorder Personas");
  {
    g_autoptr(ParcoursPersona) first = g_list_model_get_item (parcours_document_get_personas (document_of (fixture)), 0);

    g_assert_true (first == persona);
  }

  /* Saved, the file has it all */
  saved_path = g_build_filename (fixture->dir, "saved.parcours", NULL);
  saved_file = g_file_new_for_path (saved_path);
  g_assert_true (parcours_format_save_file (document_of (fixture), saved_file, NULL, &error));
  g_assert_no_error (error);
  saved = parcours_format_load_file (saved_file, NULL, &error);
  g_assert_no_error (error);
  {
    ParcoursPersona *reloaded = parcours_document_lookup_persona (saved, parcours_element_get_id (PARCOURS_ELEMENT (persona)));

    g_assert_nonnull (reloaded);
    g_assert_cmpstr (parcours_persona_get_name (reloaded), ==, "Lea Martin");
    g_assert_true (g_bytes_equal (parcours_persona_get_photo (reloaded), photo));
  }

  /* Remove Photo: one step */
  parcours_test_ui_screenshot ("personas-before-remove-photo");
  parcours_test_ui_click_widget (field (fixture, "remove-photo"));
  g_assert_null (parcours_persona_get_photo (persona));
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Remove Photo");
}

/* Deleting a persona takes its emotion lane and points with it, in one
 * step; Ctrl+Z brings them all back. */
static void
test_remove_with_lane (Fixture       *fixture,
                       gconstpointer  data)
{
  ParcoursHistory *history;
  ParcoursLane *lane;
  guint n_undo;

  PARCOURS_TEST_UI_REQUIRE ();
  history = history_of (fixture);
  n_undo = parcours_history_get_n_undo (history);

  parcours_test_ui_click_widget (list_row (fixture, 0));
  g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (parcours_personas_get_current (fixture->personas))), ==, "p1");
  parcours_test_ui_click_widget (field (fixture, "remove"));

  g_assert_cmpuint (n_personas (fixture), ==, 0);
  g_assert_null (parcours_document_lookup_lane (document_of (fixture), "feel"));
  g_assert_cmpuint (n_points_in (fixture, "feel"), ==, 0);
  g_assert_nonnull (parcours_document_lookup_card (document_of (fixture), "c1"));
  g_assert_cmpuint (parcours_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (parcours_history_get_undo_label (history), ==, "Delete Persona");
  g_assert_false (gtk_widget_is_visible (field (fixture, "name")));

  parcours_test_ui_click_widget (GTK_WIDGET (fixture->window->canvas));
  parcours_test_ui_key ("ctrl+z");
  g_assert_cmpuint (n_personas (fixture), ==, 1);
  lane = parcours_document_lookup_lane (document_of (fixture), "feel");
  g_assert_nonnull (lane);
  g_assert_cmpstr (parcours_lane_get_persona_id (lane), ==, "p1");
  g_assert_cmpuint (n_points_in (fixture, "feel"), ==, 2);
  /* The page follows the undo */
  g_assert_nonnull (parcours_personas_get_current (fixture->personas));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "name"))), ==, "Nadia");
  g_assert_false (gtk_widget_get_visible (field (fixture, "add-curve")));
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/personas/accessible", test_accessible);
  ADD ("/personas/add-with-photo", test_add_with_photo);
  ADD ("/personas/remove-with-lane", test_remove_with_lane);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
