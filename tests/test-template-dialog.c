/* test-template-dialog.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-template-dialog.h"
#include "parcours-templates.h"
#include "parcours-test-ui.h"
#include "parcours-window-private.h"

/* "New from Template" under a real display (it skips without one): every
 * template as a card with its live thumbnail, and a chosen template opens
 * as a new, untitled map. */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
template_chosen_cb (ParcoursTemplateDialog  *dialog,
                    const char              *id,
                    char                   **chosen)
{
  g_free (*chosen);
  *chosen = g_strdup (id);
}

static void
test_gallery (void)
{
  const char * const *ids = parcours_templates_get_ids ();
  ParcoursTemplateDialog *dialog;
  GtkWidget *flow_box, *child;
  g_autofree char *chosen = NULL;
  guint n = 0;

  PARCOURS_TEST_UI_REQUIRE ();

  dialog = parcours_template_dialog_new (NULL);
  g_signal_connect (dialog, "template-chosen", G_CALLBACK (template_chosen_cb), &chosen);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The thumbnails are drawn in idle time, one after the other. */
  while (parcours_template_dialog_get_n_pending (dialog) > 0)
    g_main_context_iteration (NULL, TRUE);

  flow_box = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_FLOW_BOX);
  g_assert_nonnull (flow_box);

  for (child = gtk_widget_get_first_child (flow_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      g_autoptr(ParcoursDocument) document = parcours_template_load (ids[n], NULL);
      GtkWidget *picture = find_descendant (child, GTK_TYPE_PICTURE);
      GtkWidget *label = find_descendant (child, GTK_TYPE_LABEL);
      GdkPaintable *paintable;

      g_assert_nonnull (picture);
      paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
      g_assert_nonnull (paintable);
      g_assert_cmpint (MAX (gdk_paintable_get_intrinsic_width (paintable),
                            gdk_paintable_get_intrinsic_height (paintable)), >, 100);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                       parcours_document_get_title (document));
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) ids));

  /* Choosing the third card picks the third template and closes. */
  child = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (flow_box)));
  g_signal_emit_by_name (find_descendant (child, GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpstr (chosen, ==, ids[2]);
}

static void
test_opens_untitled (void)
{
  g_autoptr(ParcoursDocument) document = NULL;
  ParcoursWindow *window;

  PARCOURS_TEST_UI_REQUIRE ();

  window = g_object_ref_sink (parcours_window_new (NULL));
  g_assert_true (parcours_window_get_is_empty (window));

  document = parcours_template_load ("service-blueprint", NULL);
  parcours_window_show_new_map (window, document);

  /* A map is shown, with no file: saving asks where, and a file opened
   * next goes into a window of its own. */
  g_assert_false (parcours_window_get_is_empty (window));
  g_assert_null (parcours_window_get_file (window));
  g_assert_true (parcours_window_get_document (window) == document);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   parcours_document_get_title (document));
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

  g_test_add_func ("/template-dialog/gallery", test_gallery);
  g_test_add_func ("/template-dialog/opens-untitled", test_opens_untitled);

  return g_test_run ();
}
