/* test-window-quit.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "parcours-draft.h"
#include "parcours-format.h"
#include "parcours-quit.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Quitting with modified maps: one map asks through its own window, as
 * closing it would; several are listed in one dialog that saves or
 * discards them all, or cancels. A map that cannot be saved stops the
 * quit with every window open and says why. */

#define N_WINDOWS 3

typedef struct
{
  char           *dir;
  ParcoursWindow *windows[N_WINDOWS];
  GFile          *files[N_WINDOWS];
} Fixture;

static const char * const titles[N_WINDOWS] = { "Onboarding", "Checkout", "Support call" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!parcours_test_ui_available ())
    return;

  fixture->dir = g_dir_make_tmp ("parcours-window-quit-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_WINDOWS; i++)
    {
      g_autoptr(ParcoursDocument) document = parcours_document_new ();
      g_autofree char *name = g_strdup_printf ("map-%u.parcours", i);

      parcours_document_set_title (document, titles[i]);
      parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
      fixture->files[i] = parcours_test_save_map (document, fixture->dir, name);
      fixture->windows[i] = parcours_test_ui_new_window (NULL, 0, 0);
      g_assert_true (parcours_test_load_into_window (fixture->windows[i], fixture->files[i], &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < N_WINDOWS; i++)
    {
      if (fixture->windows[i] != NULL && parcours_test_window_is_open (GTK_WINDOW (fixture->windows[i])))
        _parcours_window_close_discarding (fixture->windows[i]);
      g_clear_object (&fixture->windows[i]);
      g_clear_object (&fixture->files[i]);
    }
  parcours_test_wait_ms (50);
  parcours_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
edit (Fixture *fixture,
      guint    i)
{
  ParcoursWindow *window = fixture->windows[i];
  g_autofree char *title = g_strconcat (titles[i], " (edited)", NULL);

  parcours_history_set (parcours_window_get_history (window), parcours_window_get_document (window),
                        NULL, "title", title, NULL);
}

static GList *
list_windows (Fixture *fixture)
{
  GList *list = NULL;

  for (guint i = N_WINDOWS; i > 0; i--)
    list = g_list_prepend (list, fixture->windows[i - 1]);

  return list;
}

static GtkWidget *
quit (Fixture *fixture)
{
  g_autoptr(GList) windows = list_windows (fixture);

  return _parcours_quit_windows (windows);
}

static void
assert_saved_title (Fixture    *fixture,
                    guint       i,
                    const char *expected)
{
  g_autoptr(ParcoursDocument) document = parcours_test_load_file (fixture->files[i]);

  g_assert_cmpstr (parcours_document_get_title (document), ==, expected);
}

static gboolean
is_open (Fixture *fixture,
         guint    i)
{
  return parcours_test_window_is_open (GTK_WINDOW (fixture->windows[i]));
}

/* Nothing modified: every window closes at once. */
static void
test_nothing_modified (Fixture       *fixture,
                       gconstpointer  data)
{
  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_null (quit (fixture));
  for (guint i = 0; i < N_WINDOWS; i++)
    g_assert_false (is_open (fixture, i));
}

/* One modified map: its window asks, the others close. */
static void
test_one_modified (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  edit (fixture, 1);
  g_assert_null (quit (fixture));
  g_assert_false (is_open (fixture, 0));
  g_assert_true (is_open (fixture, 1));
  g_assert_false (is_open (fixture, 2));

  dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->windows[1]));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Checkout (edited)"));
  adw_message_dialog_response (dialog, "save");
  /* The file is written in the background; the window closes after. */
  while (parcours_window_get_saving (fixture->windows[1]))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (is_open (fixture, 1));
  assert_saved_title (fixture, 1, "Checkout (edited)");
}

/* Several: one dialog names each modified map, and only those. */
static GtkWidget *
quit_two_modified (Fixture *fixture)
{
  g_autofree char *listed = NULL;
  GtkWidget *dialog;
  const char *body;

  edit (fixture, 0);
  edit (fixture, 2);
  dialog = quit (fixture);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes to 2 Maps?");
  listed = parcours_test_dup_dialog_list (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (listed, ==, "Onboarding (edited) | Support call (edited)");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (body, ==, "Changes which are not saved will be permanently lost.");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "save"), ==, "_Save All");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "discard"), ==, "_Discard All");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "save");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");

  /* Nothing closes before the answer */
  for (guint i = 0; i < N_WINDOWS; i++)
    g_assert_true (is_open (fixture, i));

  return dialog;
}

static void
test_several_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  dialog = quit_two_modified (fixture);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  for (guint i = 0; i < N_WINDOWS; i++)
    g_assert_true (is_open (fixture, i));
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (fixture->windows[0])));
  assert_saved_title (fixture, 0, "Onboarding");
}

static void
test_several_discard (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GtkWidget *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  dialog = quit_two_modified (fixture);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  for (guint i = 0; i < N_WINDOWS; i++)
    g_assert_false (is_open (fixture, i));
  assert_saved_title (fixture, 0, "Onboarding");
  assert_saved_title (fixture, 2, "Support call");
  drafts = parcours_draft_list_orphans ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_several_save (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  PARCOURS_TEST_UI_REQUIRE ();

  dialog = quit_two_modified (fixture);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  for (guint i = 0; i < N_WINDOWS; i++)
    g_assert_false (is_open (fixture, i));
  assert_saved_title (fixture, 0, "Onboarding (edited)");
  assert_saved_title (fixture, 1, "Checkout");
  assert_saved_title (fixture, 2, "Support call (edited)");
}

/* The second map's folder went away (its path now goes through a file):
 * the quit stops, every window stays, and its window says why. */
static void
test_several_save_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "gone", NULL);
  g_autofree char *path = g_build_filename (blocker, "support.parcours", NULL);
  g_autoptr(GFile) unreachable = g_file_new_for_path (path);
  AdwMessageDialog *error_dialog;
  GtkWidget *dialog;
  const char *body;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  _parcours_window_set_file (fixture->windows[2], unreachable);

  dialog = quit_two_modified (fixture);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");

  for (guint i = 0; i < N_WINDOWS; i++)
    g_assert_true (is_open (fixture, i));
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (fixture->windows[2])));

  error_dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->windows[2]));
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "Could Not Save “Support call (edited)”");
  body = adw_message_dialog_get_body (error_dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "Parcours did not quit"));
  g_assert_cmpuint (strlen (body), >, strlen ("\n\nParcours did not quit: every map is still open."));
  /* As its Close button does: the response alone leaves it open */
  adw_message_dialog_response (error_dialog, "close");
  gtk_window_destroy (GTK_WINDOW (error_dialog));

  /* The first map was saved before; quitting again, only the one that
   * failed asks, in its own window. */
  assert_saved_title (fixture, 0, "Onboarding (edited)");
  g_assert_null (quit (fixture));
  g_assert_false (is_open (fixture, 0));
  g_assert_true (is_open (fixture, 2));
  error_dialog = parcours_test_find_message_dialog (GTK_WINDOW (fixture->windows[2]));
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "Save Changes?");
  adw_message_dialog_response (error_dialog, "cancel");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Drafts of this test only, before GLib reads the variable */
  state_dir = parcours_test_ui_private_state ("window-quit");
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init_display ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-quit/nothing-modified", test_nothing_modified);
  ADD ("/window-quit/one-modified", test_one_modified);
  ADD ("/window-quit/several/cancel", test_several_cancel);
  ADD ("/window-quit/several/discard", test_several_discard);
  ADD ("/window-quit/several/save", test_several_save);
  ADD ("/window-quit/several/save-fails", test_several_save_fails);
#undef ADD

  status = g_test_run ();
  parcours_test_remove_dir (state_dir);
  return status;
}
