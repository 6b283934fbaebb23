/* test-recovery.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/wait.h>

#include "parcours-default-map.h"
#include "parcours-document-private.h"
#include "parcours-draft.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* Autosave and crash recovery. The real `parcours` binary runs under
 * the test's display, is edited with xdotool and killed with SIGKILL;
 * a window of this process then finds the draft on its start page,
 * restores it, and the edit is checked in the file it saves. Every test
 * has a state folder of its own ($XDG_STATE_HOME, set before GLib reads
 * it). */

#define add parcours_test_add

static ParcoursDocument *
make_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Workshop map");
  add (document, parcours_stage_new ("s1", "Discover"));
  add (document, parcours_stage_new ("s2", "Buy"));
  add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  add (document, parcours_card_new ("c1", "touch", "s1", "Sees a poster"));
  add (document, parcours_card_new ("c2", "touch", "s1", "Reads reviews"));
  add (document, parcours_card_new ("c3", "touch", "s2", "Opens the app"));

  return document;
}

static guint
count_drafts (void)
{
  g_autofree char *folder = parcours_draft_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".draft"))
      n++;

  return n;
}

/* The map of the only draft in the folder, once it satisfies @done. */
static ParcoursDocument *
wait_for_draft (gboolean (*done) (ParcoursDocument *document),
                guint     timeout_ms,
                guint    *waited_ms)
{
  g_autofree char *folder = parcours_draft_dup_folder ();
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () - start < timeout_ms * 1000)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(ParcoursDocument) document = NULL;

          if (!g_str_has_suffix (name, ".parcours"))
            continue;

          document = parcours_format_load_file (file, NULL, NULL);
          if (document != NULL && done (document))
            {
              *waited_ms = (g_get_monotonic_time () - start) / 1000;
              return g_steal_pointer (&document);
            }
        }
      g_usleep (50000);
    }

  return NULL;
}

typedef struct
{
  char     *dir;
  GPid      pid;
  gboolean  running;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("parcours-recovery-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = parcours_draft_dup_folder ();

  if (fixture->running)
    {
      kill (fixture->pid, SIGKILL);
      waitpid (fixture->pid, NULL, 0);
    }
  parcours_test_remove_dir (fixture->dir);
  parcours_test_remove_dir (folder);
  g_free (fixture->dir);
}

/* Starts the real application on @file (or none), waits for its window
 * to show and gives it the keyboard. */
static void
spawn_parcours (Fixture    *fixture,
                const char *file)
{
  g_autofree char *log_path = g_build_filename (fixture->dir, "parcours.log", NULL);

  fixture->pid = parcours_test_ui_spawn_app ((const char *[]) { file, NULL }, log_path);
  fixture->running = TRUE;
}

static void
keys (const char *keys)
{
  parcours_test_ui_xdotool ("key", "--delay", "80", keys, NULL);
}

static gboolean
has_no_cards (ParcoursDocument *document)
{
  return g_list_model_get_n_items (parcours_document_get_cards (document)) == 0;
}

static gboolean
has_positive_point (ParcoursDocument *document)
{
  GListModel *points = parcours_document_get_emotion_points (document);

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, i);

      if (parcours_emotion_point_get_level (point) > 0)
        return TRUE;
    }

  return FALSE;
}

static ParcoursWindow *
new_window (void)
{
  ParcoursWindow *window = parcours_test_ui_new_window (NULL, 0, 0);

  parcours_test_wait_ms (100);
  return window;
}

/* Restores @draft from the start page of @window. The map is read off
 * the main thread, as opening a file is: the action returns before it
 * shows, and the window shows it once the main loop has run. */
static void
restore_draft (ParcoursWindow *window,
               ParcoursDraft  *draft)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft",
                                             "s", parcours_draft_get_id (draft)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), !=, "map");

  while (g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), "map") != 0 &&
         g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "map");
}

/* The rows of the start page's list of unsaved maps */
static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
test_kill_and_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "workshop.parcours", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autoptr(ParcoursDocument) drafted = NULL;
  g_autoptr(ParcoursDocument) untouched = NULL;
  g_autoptr(ParcoursDocument) saved = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  ParcoursDraft *draft;
  ParcoursWindow *window;
  guint waited_ms = 0;
  AdwActionRow *row;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  spawn_parcours (fixture, path);
  /* Select every card and delete them: one edit, not saved. */
  keys ("ctrl+a");
  keys ("Delete");

  drafted = wait_for_draft (has_no_cards, 10000, &waited_ms);
  g_assert_nonnull (drafted);
  g_test_message ("the draft was written %u ms after the edit", waited_ms);
  g_assert_cmpuint (waited_ms, <=, 5000);

  parcours_test_ui_kill_app (fixture->pid);
  fixture->running = FALSE;

  /* Never over the user's file */
  untouched = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (untouched)), ==, 3);

  orphans = parcours_draft_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  draft = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (parcours_draft_get_title (draft), ==, "Workshop map");
  g_assert_true (g_file_equal (parcours_draft_get_original (draft), file));
  g_assert_nonnull (parcours_draft_get_saved_time (draft));

  /* The next start offers it, with its title */
  window = new_window ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_true (gtk_widget_get_visible (window->drafts_group));
  g_assert_cmpuint (count_rows (window->drafts_list), ==, 1);
  row = ADW_ACTION_ROW (gtk_widget_get_first_child (GTK_WIDGET (window->drafts_list)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Workshop map");

  restore_draft (window, draft);
  g_assert_true (g_file_equal (parcours_window_get_file (window), file));
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_true (has_no_cards (parcours_window_get_document (window)));

  /* Restored, it is no orphan any more: no other start offers it */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = parcours_draft_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Saved, the edit is in the file and the draft is gone */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  while (parcours_window_get_saving (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (parcours_history_get_modified (parcours_window_get_history (window)));
  saved = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_no_cards (saved));
  g_assert_cmpstr (parcours_document_get_title (saved), ==, "Workshop map");
  g_assert_cmpuint (count_drafts (), ==, 0);

  parcours_test_ui_close_window (&window);
}

static void
test_new_map_recovered (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ParcoursDocument) drafted = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  ParcoursDraft *draft;
  ParcoursWindow *window;
  guint waited_ms = 0;
  g_autofree char *title = NULL;

  PARCOURS_TEST_UI_REQUIRE ();

  /* The start page, Ctrl+N for a new map; Tab to its first emotion
   * point and Up raises it by a level. */
  spawn_parcours (fixture, NULL);
  keys ("ctrl+n");
  g_usleep (500 * 1000);
  keys ("Tab");
  keys ("Up");

  drafted = wait_for_draft (has_positive_point, 10000, &waited_ms);
  g_assert_nonnull (drafted);
  g_assert_cmpuint (waited_ms, <=, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (drafted)), ==,
                    PARCOURS_DEFAULT_MAP_N_STAGES);

  parcours_test_ui_kill_app (fixture->pid);
  fixture->running = FALSE;

  orphans = parcours_draft_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  draft = g_ptr_array_index (orphans, 0);
  g_assert_null (parcours_draft_get_original (draft));

  window = new_window ();
  restore_draft (window, draft);
  g_assert_null (parcours_window_get_file (window));
  g_assert_true (parcours_history_get_modified (parcours_window_get_history (window)));
  g_assert_true (has_positive_point (parcours_window_get_document (window)));
  title = _parcours_window_dup_display_title (window);
  g_assert_cmpstr (title, ==, "Untitled Journey");

  /* Closing it without saving discards the changes and their draft */
  parcours_test_ui_close_window (&window);
  g_assert_cmpuint (count_drafts (), ==, 0);
}

static void
test_discard_from_start_page (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(ParcoursDraft) draft = parcours_draft_new ();
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = parcours_draft_dup_folder ();
  g_autofree char *info = NULL;
  g_autofree char *name = NULL;
  ParcoursWindow *window;

  PARCOURS_TEST_UI_REQUIRE ();

  g_assert_true (parcours_draft_write (draft, parcours_draft_get_generation (draft),
                                       bytes, "Workshop map", NULL, &error));
  g_assert_no_error (error);

  /* Ours while this process runs: not offered */
  window = new_window ();
  g_assert_false (gtk_widget_get_visible (window->drafts_group));
  parcours_test_ui_close_window (&window);

  /* As if its process had died */
  name = g_strconcat (parcours_draft_get_id (draft), ".draft", NULL);
  info = g_build_filename (folder, name, NULL);
  g_assert_true (g_key_file_load_from_file (key_file, info, G_KEY_FILE_NONE, &error));
  g_key_file_set_int64 (key_file, "Draft", "pid", G_MAXINT);
  g_assert_true (g_key_file_save_to_file (key_file, info, &error));
  g_assert_no_error (error);

  window = new_window ();
  g_assert_true (gtk_widget_get_visible (window->drafts_group));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-draft",
                                             "s", parcours_draft_get_id (draft)));
  g_assert_false (gtk_widget_get_visible (window->drafts_group));
  g_assert_cmpuint (count_drafts (), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  parcours_test_ui_close_window (&window);
}

/* An edit makes a draft within seconds; undoing back to the saved state
 * removes it; a write scheduled before a removal never brings it back. */
static void
test_undo_removes_draft (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = make_map ();
  ParcoursWindow *window;
  ParcoursHistory *history;
  ParcoursElement *card;

  PARCOURS_TEST_UI_REQUIRE ();

  window = new_window ();
  _parcours_window_show_document (window, document, NULL);
  history = parcours_window_get_history (window);
  card = parcours_document_lookup (document, "c1");
  parcours_history_set (history, card, NULL, "text", "Sees a billboard", NULL);
  g_assert_cmpuint (count_drafts (), ==, 0);

  parcours_test_wait_ms (3000);
  g_assert_cmpuint (count_drafts (), ==, 1);

  parcours_history_undo (history);
  g_assert_false (parcours_history_get_modified (history));
  parcours_test_wait_ms (500);
  g_assert_cmpuint (count_drafts (), ==, 0);

  parcours_test_ui_close_window (&window);
}

static void
test_stale_write (void)
{
  g_autoptr(ParcoursDraft) draft = parcours_draft_new ();
  g_autoptr(ParcoursDocument) document = make_map ();
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  guint generation = parcours_draft_get_generation (draft);

  parcours_draft_remove (draft);
  g_assert_true (parcours_draft_write (draft, generation, bytes, "Old", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (), ==, 0);

  g_assert_true (parcours_draft_write (draft, parcours_draft_get_generation (draft),
                                       bytes, "New", NULL, &error));
  g_assert_cmpuint (count_drafts (), ==, 1);
  parcours_draft_remove (draft);
  g_assert_cmpuint (count_drafts (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Before GLib reads it: drafts of this test go to a folder of its own. */
  state_dir = parcours_test_ui_private_state ("recovery");
  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  parcours_test_ui_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/recovery/kill-and-restore", test_kill_and_restore);
  ADD ("/recovery/new-map", test_new_map_recovered);
  ADD ("/recovery/discard-from-start-page", test_discard_from_start_page);
  ADD ("/recovery/undo-removes-draft", test_undo_removes_draft);
#undef ADD
  g_test_add_func ("/recovery/draft/stale-write", test_stale_write);

  status = g_test_run ();
  parcours_test_remove_dir (state_dir);
  return status;
}
