/* test-crash-safe-save.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/fs.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parcours-atomic-file.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-test-utils.h"

/* Saving never loses a map: a save killed at any moment leaves the old
 * file or the new one, complete, and the next save sweeps up what the
 * killed one left; a save or an export that fails says why and leaves
 * the previous file as it was. */

#define N_KILLS        200
#define N_QUICK_KILLS  20      /* PARCOURS_TEST_QUICK=1, as under valgrind */
#define N_CARDS        2500
#define N_QUICK_CARDS  400
#define N_TIMINGS      7
#define SWEEP_EVERY    10      /* saves killed between two that finish */
#define MAP_NAME       "map.parcours"

static gboolean
is_quick (void)
{
  return g_strcmp0 (g_getenv ("PARCOURS_TEST_QUICK"), "1") == 0;
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("parcours-crash-safe-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode) && (dir = g_dir_open (path, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
    }

  g_remove (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in @folder, sorted, joined with spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_text (const char *path,
                  const char *text)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

/* Runs @func in a child process, so that what it does to the process
 * (resource limits) or leaves undone (an assertion failing while a
 * folder is immutable) cannot spill into the test. Returns its exit
 * status, or -1 if it did not exit. */
static int
run_in_child (int      (*func) (gpointer),
              gpointer   data)
{
  int status = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (func (data));

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Killing saves
 *
 * A helper process, forked once with both versions of the map, forks a
 * child for each save, which calls parcours_format_save_file() and
 * exits: nothing else happens between the fork and the save, and the
 * test process itself never forks in the loop, so its own work (loading
 * what was saved) does not pay for copy-on-write. The test lets a
 * random time pass, from nothing to half as long again as a whole save
 * takes, and kills the child. */

typedef struct
{
  pid_t pid;
  int commands;                 /* 'a' or 'b': save that version */
  int replies;                  /* the child's pid, then its wait status */
} Helper;

static void
write_exactly (int         fd,
               const void *data,
               gsize       size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      data = (const char *) data + n;
      size -= n;
    }
}

static gboolean
read_exactly (int    fd,
              void  *data,
              gsize  size)
{
  while (size > 0)
    {
      gssize n = read (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data = (char *) data + n;
      size -= n;
    }

  return TRUE;
}

/* What the helper and its children use, held by a global: valgrind
 * checks their memory when they exit, with the test's own frames long
 * out of reach. */
static gpointer helper_objects[3];

static void
helper_main (int               commands,
             int               replies,
             ParcoursDocument *a,
             ParcoursDocument *b,
             GFile            *file)
{
  char command;

  while (read_exactly (commands, &command, 1))
    {
      int status = 0;
      pid_t pid = fork ();

      if (pid == 0)
        _exit (parcours_format_save_file (command == 'b' ? b : a, file, NULL, NULL) ? 0 : 1);

      write_exactly (replies, &pid, sizeof pid);
      if (pid < 0 || waitpid (pid, &status, 0) != pid)
        status = -1;
      write_exactly (replies, &status, sizeof status);
    }

  _exit (0);
}

static void
helper_start (Helper           *helper,
              ParcoursDocument *a,
              ParcoursDocument *b,
              GFile            *file)
{
  int commands[2], replies[2];

  g_assert_cmpint (pipe (commands), ==, 0);
  g_assert_cmpint (pipe (replies), ==, 0);

  helper_objects[0] = a;
  helper_objects[1] = b;
  helper_objects[2] = file;

  fflush (stdout);
  fflush (stderr);

  helper->pid = fork ();
  g_assert_cmpint (helper->pid, >=, 0);

  if (helper->pid == 0)
    {
      close (commands[1]);
      close (replies[0]);
      helper_main (commands[0], replies[1], a, b, file);
    }

  close (commands[0]);
  close (replies[1]);
  helper->commands = commands[1];
  helper->replies = replies[0];
}

static void
helper_stop (Helper *helper)
{
  int status = 0;

  close (helper->commands);
  close (helper->replies);
  g_assert_cmpint (waitpid (helper->pid, &status, 0), ==, helper->pid);
  g_assert_true (WIFEXITED (status));
  memset (helper_objects, 0, sizeof helper_objects);
}

/* Returns the pid of the child, which is saving. */
static pid_t
start_child_save (Helper   *helper,
                  gboolean  second)
{
  pid_t pid = 0;

  write_exactly (helper->commands, second ? "b" : "a", 1);
  g_assert_true (read_exactly (helper->replies, &pid, sizeof pid));
  g_assert_cmpint (pid, >, 0);

  return pid;
}

static int
wait_child_save (Helper *helper)
{
  int status = 0;

  g_assert_true (read_exactly (helper->replies, &status, sizeof status));
  g_assert_cmpint (status, !=, -1);

  return status;
}

/* Returns how long the save took, from the fork to the child's exit. */
static gint64
finish_child_save (Helper   *helper,
                   gboolean  second)
{
  gint64 start;
  int status;

  start_child_save (helper, second);
  start = g_get_monotonic_time ();
  status = wait_child_save (helper);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return g_get_monotonic_time () - start;
}

static int
compare_durations (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The median of the last few saves that finished: the machine may be
 * busier at times, and the kills must keep covering a whole save. */
static gint64
median_duration (const gint64 *durations)
{
  gint64 sorted[N_TIMINGS];

  memcpy (sorted, durations, sizeof sorted);
  qsort (sorted, N_TIMINGS, sizeof sorted[0], compare_durations);
  return sorted[N_TIMINGS / 2];
}

static guint
count_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strcmp (name, MAP_NAME) != 0)
      {
        g_assert_true (parcours_atomic_file_is_temporary (name, MAP_NAME));
        n++;
      }

  return n;
}

/* The file on disk is @version, complete, and loads back to it. */
static void
assert_loads_as (GFile  *file,
                 GBytes *version)
{
  g_autoptr(ParcoursDocument) reloaded = NULL;
  g_autoptr(GBytes) reloaded_bytes = NULL;
  g_autoptr(GError) error = NULL;

  reloaded = parcours_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  reloaded_bytes = parcours_format_save_bytes (reloaded);
  g_assert_true (g_bytes_equal (reloaded_bytes, version));
}

static void
test_kill_while_saving (void)
{
  guint n_kills = is_quick () ? N_QUICK_KILLS : N_KILLS;
  guint n_cards = is_quick () ? N_QUICK_CARDS : N_CARDS;
  g_autoptr(ParcoursDocument) a = parcours_test_make_generated_map (12, 8, n_cards, n_cards / 10, 1);
  g_autoptr(ParcoursDocument) b = parcours_test_make_generated_map (12, 8, n_cards + n_cards / 7,
                                                                    n_cards / 10, 2);
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, MAP_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  GBytes *on_disk_version;
  gint64 start = g_get_monotonic_time ();
  gint64 durations[N_TIMINGS];
  gint64 save_time = 0;
  guint n_killed = 0, n_finished = 0, n_attempts = 0, n_sweeps = 0;
  guint n_old = 0, n_new = 0, n_left_temporaries = 0;
  guint max_temporaries = 0;
  Helper helper;

  helper_start (&helper, a, b, file);

  bytes_a = parcours_format_save_bytes (a);
  bytes_b = parcours_format_save_bytes (b);
  g_assert_false (g_bytes_equal (bytes_a, bytes_b));
  for (guint i = 0; i < N_TIMINGS; i++)
    durations[i] = finish_child_save (&helper, i % 2 == 0);
  on_disk_version = (N_TIMINGS - 1) % 2 == 0 ? bytes_b : bytes_a;
  assert_loads_as (file, on_disk_version);

  /* Until enough kills, and, unless quick, until they have hit every
   * phase of a save: before the temporary file, while it is written,
   * after the rename. */
  while (n_killed < n_kills ||
         (!is_quick () && n_killed < 3 * n_kills &&
          (n_old == 0 || n_new <= n_finished || n_left_temporaries == 0)))
    {
      gboolean saving_b = on_disk_version == bytes_a;
      GBytes *new_version = saving_b ? bytes_b : bytes_a;
      g_autoptr(GBytes) contents = NULL;
      gint64 delay;
      int status;
      pid_t pid;
      guint n_temporaries;

      g_assert_cmpuint (++n_attempts, <, 20 * n_kills);

      save_time = median_duration (durations);
      delay = (gint64) (g_rand_double_range (rand, 0.0, 1.5) * save_time);
      pid = start_child_save (&helper, saving_b);
      if (delay > 0)
        g_usleep (delay);
      kill (pid, SIGKILL);
      status = wait_child_save (&helper);

      if (WIFSIGNALED (status))
        {
          g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
          n_killed++;
        }
      else
        {
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          n_finished++;
        }

      /* The file is one version or the other, complete, and loads. */
      contents = read_bytes (path);
      if (g_bytes_equal (contents, on_disk_version))
        {
          g_assert_true (WIFSIGNALED (status));
          n_old++;
        }
      else
        {
          g_assert_true (g_bytes_equal (contents, new_version));
          on_disk_version = new_version;
          n_new++;
        }
      assert_loads_as (file, on_disk_version);

      n_temporaries = count_temporaries (folder);
      if (n_temporaries > 0)
        n_left_temporaries++;
      max_temporaries = MAX (max_temporaries, n_temporaries);

      /* Now and then a save that finishes, which sweeps up. */
      if (n_attempts % SWEEP_EVERY == 0)
        {
          saving_b = on_disk_version == bytes_a;
          durations[n_sweeps++ % N_TIMINGS] = finish_child_save (&helper, saving_b);
          on_disk_version = saving_b ? bytes_b : bytes_a;
          g_assert_cmpuint (count_temporaries (folder), ==, 0);
        }
    }

  finish_child_save (&helper, on_disk_version == bytes_a);
  helper_stop (&helper);
  {
    g_autofree char *names = list_folder (folder);

    g_assert_cmpstr (names, ==, MAP_NAME);
  }

  g_test_message ("%u or %u bytes saved in %.1f ms; %u kills survived out of %u saves "
                  "(%u left the old file, %u the new one, %u a temporary file, "
                  "at most %u at once), %.1f s",
                  (guint) g_bytes_get_size (bytes_a), (guint) g_bytes_get_size (bytes_b),
                  save_time / 1000.0, n_killed, n_attempts, n_old, n_new,
                  n_left_temporaries, max_temporaries,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  if (!is_quick ())
    {
      g_assert_cmpuint (n_old, >, 0);
      g_assert_cmpuint (n_new, >, n_finished);
      g_assert_cmpuint (n_left_temporaries, >, 0);
    }

  remove_recursively (folder);
}

/* Only the leftovers of this very file go, and only regular files. */
static void
test_stale_temporaries (void)
{
  static const char * const stale[] = {
    "." MAP_NAME ".Ab3dE9.tmp",
    "." MAP_NAME ".XXXXXX.tmp",
  };
  static const char * const kept[] = {
    ".other.parcours.Ab3dE9.tmp",
    ".goutputstream-ABC123",
    "." MAP_NAME ".notes.tmp",
    "." MAP_NAME ".Ab3dE.tmp",
    "." MAP_NAME ".Ab3dE99.tmp",
    "." MAP_NAME ".Ab-dE9.tmp",
    MAP_NAME ".Ab3dE9.tmp",
    "." MAP_NAME ".Ab3dE9.tmp~",
  };
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, MAP_NAME, NULL);
  g_autofree char *stale_folder = g_build_filename (folder, "." MAP_NAME ".Dir123.tmp", NULL);
  g_autofree char *stale_link = g_build_filename (folder, "." MAP_NAME ".Lnk123.tmp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *stale_path = g_build_filename (folder, stale[i], NULL);

      g_assert_true (parcours_atomic_file_is_temporary (stale[i], MAP_NAME));
      write_text (stale_path, "{\"format\": \"parc");
    }

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = g_build_filename (folder, kept[i], NULL);

      g_assert_false (parcours_atomic_file_is_temporary (kept[i], MAP_NAME));
      write_text (kept_path, "not ours");
      g_ptr_array_add (names, (gpointer) kept[i]);
    }

  /* Named like ours, but not regular files */
  g_assert_cmpint (g_mkdir (stale_folder, 0755), ==, 0);
  g_assert_cmpint (symlink (MAP_NAME, stale_link), ==, 0);
  g_ptr_array_add (names, (gpointer) "." MAP_NAME ".Dir123.tmp");
  g_ptr_array_add (names, (gpointer) "." MAP_NAME ".Lnk123.tmp");
  g_ptr_array_add (names, (gpointer) MAP_NAME);

  g_assert_true (parcours_format_save_file (document, file, NULL, &error));
  g_assert_no_error (error);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (expected, "%s%s", i > 0 ? " " : "", (char *) names->pdata[i]);

  listed = list_folder (folder);
  g_assert_cmpstr (listed, ==, expected->str);

  /* A long name is cut in the temporary file's, which still matches. */
  {
    g_autofree char *long_name = g_strnfill (240, 'm');
    g_autofree char *long_temporary = g_strdup_printf (".%.*s.q1W2e3.tmp",
                                                       PARCOURS_ATOMIC_FILE_MAX_NAME_PART,
                                                       long_name);
    g_autofree char *long_path = g_build_filename (folder, long_name, NULL);
    g_autofree char *long_temporary_path = g_build_filename (folder, long_temporary, NULL);
    g_autoptr(GFile) long_file = g_file_new_for_path (long_path);

    g_assert_true (parcours_atomic_file_is_temporary (long_temporary, long_name));
    write_text (long_temporary_path, "stale");
    g_assert_true (parcours_format_save_file (document, long_file, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (long_temporary_path, G_FILE_TEST_EXISTS));
  }

  remove_recursively (folder);
}

/* Links */

static void
test_symlinks (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(GBytes) expected = parcours_format_save_bytes (document);
  g_autofree char *folder = make_folder ();
  g_autofree char *links = g_build_filename (folder, "links", NULL);
  g_autofree char *maps = g_build_filename (folder, "maps", NULL);
  g_autofree char *real = g_build_filename (maps, "real.parcours", NULL);
  g_autofree char *link = g_build_filename (links, "link.parcours", NULL);
  g_autofree char *chain = g_build_filename (links, "chain.parcours", NULL);
  g_autofree char *dangling = g_build_filename (links, "dangling.parcours", NULL);
  g_autofree char *dangling_target = g_build_filename (maps, "new.parcours", NULL);
  g_autofree char *loop = g_build_filename (links, "loop.parcours", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  GStatBuf info;

  g_assert_cmpint (g_mkdir (links, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (maps, 0755), ==, 0);
  write_text (real, "old");
  g_assert_cmpint (g_chmod (real, 0604), ==, 0);

  /* A relative link to another folder, and a link to that link */
  g_assert_cmpint (symlink ("../maps/real.parcours", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_cmpint (symlink ("../maps/new.parcours", dangling), ==, 0);
  g_assert_cmpint (symlink ("loop.parcours", loop), ==, 0);

  {
    g_autoptr(GFile) file = g_file_new_for_path (chain);
    g_autoptr(GBytes) saved = NULL;

    g_assert_true (parcours_format_save_file (document, file, NULL, &error));
    g_assert_no_error (error);

    /* The links are still links; the file they lead to is new. */
    g_assert_cmpint (g_lstat (chain, &info), ==, 0);
    g_assert_true (S_ISLNK (info.st_mode));
    g_assert_cmpint (g_lstat (link, &info), ==, 0);
    g_assert_true (S_ISLNK (info.st_mode));
    g_assert_cmpint (g_lstat (real, &info), ==, 0);
    g_assert_true (S_ISREG (info.st_mode));
    g_assert_cmpint (info.st_mode & 07777, ==, 0604);
    saved = read_bytes (real);
    g_assert_true (g_bytes_equal (saved, expected));
  }

  /* A dangling link: the file is made where it points. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (dangling);

    g_assert_true (parcours_format_save_file (document, file, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_lstat (dangling, &info), ==, 0);
    g_assert_true (S_ISLNK (info.st_mode));
    g_assert_true (g_file_test (dangling_target, G_FILE_TEST_IS_REGULAR));
  }

  /* A loop is an error, and nothing is written. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (loop);

    g_assert_false (parcours_format_save_file (document, file, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
    g_test_message ("Expected failure: %s", error->message);
    g_clear_error (&error);
  }

  listed = list_folder (links);
  g_assert_cmpstr (listed, ==, "chain.parcours dangling.parcours link.parcours loop.parcours");
  g_clear_pointer (&listed, g_free);
  listed = list_folder (maps);
  g_assert_cmpstr (listed, ==, "new.parcours real.parcours");

  remove_recursively (folder);
}

static void
test_permissions (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autofree char *folder = make_folder ();
  g_autofree char *private_path = g_build_filename (folder, "private.parcours", NULL);
  g_autofree char *new_path = g_build_filename (folder, "new.parcours", NULL);
  g_autoptr(GFile) private_file = g_file_new_for_path (private_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  GStatBuf info;
  mode_t old_umask;

  write_text (private_path, "old");
  g_assert_cmpint (g_chmod (private_path, 0600), ==, 0);

  old_umask = umask (027);
  g_assert_true (parcours_format_save_file (document, private_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (parcours_format_save_file (document, new_file, NULL, &error));
  g_assert_no_error (error);
  umask (old_umask);

  g_assert_cmpint (g_stat (private_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (new_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);

  remove_recursively (folder);
}

/* Failures */

typedef struct
{
  ParcoursDocument *document;
  char *folder;
  char *old_path;               /* holds OLD_TEXT */
  char *svg_path;               /* holds OLD_TEXT */
} Failure;

#define OLD_TEXT "the previous file"

static void
failure_set_up (Failure       *fixture,
                gconstpointer  data)
{
  fixture->document = parcours_test_make_grocery_map ();
  fixture->folder = make_folder ();
  fixture->old_path = g_build_filename (fixture->folder, "old.parcours", NULL);
  fixture->svg_path = g_build_filename (fixture->folder, "old.svg", NULL);
  write_text (fixture->old_path, OLD_TEXT);
  write_text (fixture->svg_path, OLD_TEXT);
}

static void
failure_tear_down (Failure       *fixture,
                   gconstpointer  data)
{
  remove_recursively (fixture->folder);
  g_clear_object (&fixture->document);
  g_free (fixture->folder);
  g_free (fixture->old_path);
  g_free (fixture->svg_path);
}

/* Saving and exporting to @path both fail with an error. */
static void
assert_save_and_export_fail (ParcoursDocument *document,
                             const char       *path,
                             GQuark            domain,
                             int               code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ParcoursExportOptions options;

  g_assert_false (parcours_format_save_file (document, file, NULL, &error));
  g_assert_nonnull (error);
  if (domain != 0)
    g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("Save to %s: %s", path, error->message);
  g_clear_error (&error);

  parcours_export_options_init (&options);
  g_assert_false (parcours_export_to_file (document, file, PARCOURS_EXPORT_FORMAT_SVG,
                                           &options, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("Export to %s: %s", path, error->message);
}

static void
test_fail_missing_folder (Failure       *fixture,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "map.parcours", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;

  assert_save_and_export_fail (fixture->document, path, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* The message names the folder that is missing. */
  g_assert_false (parcours_format_save_file (fixture->document, file, NULL, &error));
  g_assert_nonnull (strstr (error->message, missing));

  listed = list_folder (fixture->folder);
  g_assert_cmpstr (listed, ==, "old.parcours old.svg");
}

static void
test_fail_parent_is_a_file (Failure       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->old_path, "map.parcours", NULL);
  g_autofree char *listed = NULL;

  assert_save_and_export_fail (fixture->document, path, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  assert_file_text (fixture->old_path, OLD_TEXT);

  listed = list_folder (fixture->folder);
  g_assert_cmpstr (listed, ==, "old.parcours old.svg");
}

static void
test_fail_is_a_folder (Failure       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "folder.parcours", NULL);
  g_autofree char *inside = g_build_filename (path, "inside", NULL);
  g_autofree char *listed = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_text (inside, "kept");

  assert_save_and_export_fail (fixture->document, path, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  assert_file_text (inside, "kept");

  listed = list_folder (fixture->folder);
  g_assert_cmpstr (listed, ==, "folder.parcours old.parcours old.svg");
}

/* A device is never replaced, even by root. */
static void
test_fail_device (Failure       *fixture,
                  gconstpointer  data)
{
  GStatBuf info;

  if (g_stat ("/dev/full", &info) != 0 || !S_ISCHR (info.st_mode))
    {
      g_test_skip ("No /dev/full");
      return;
    }

  assert_save_and_export_fail (fixture->document, "/dev/full", 0, 0);
  g_assert_cmpint (g_stat ("/dev/full", &info), ==, 0);
  g_assert_true (S_ISCHR (info.st_mode));
}

/* What a failed save or export in the child left, as bits of its exit
 * status. */
enum {
  SAVE_FAILED_CLEANLY   = 1 << 0,   /* an error, and old.parcours as it was */
  EXPORT_FAILED_CLEANLY = 1 << 1,   /* an error, and old.svg as it was */
  NOTHING_LEFT          = 1 << 2,   /* no temporary file */
  ALL_CLEAN             = SAVE_FAILED_CLEANLY | EXPORT_FAILED_CLEANLY | NOTHING_LEFT,
};

/* Saves over old.parcours and exports over old.svg. Runs in the child. */
static int
save_and_export (gpointer data)
{
  Failure *fixture = data;
  g_autoptr(GFile) old = g_file_new_for_path (fixture->old_path);
  g_autoptr(GFile) svg = g_file_new_for_path (fixture->svg_path);
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GError) export_error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *listed = NULL;
  ParcoursExportOptions options;
  gboolean saved, exported;
  int result = 0;

  parcours_export_options_init (&options);
  saved = parcours_format_save_file (fixture->document, old, NULL, &save_error);
  exported = parcours_export_to_file (fixture->document, svg, PARCOURS_EXPORT_FORMAT_SVG,
                                      &options, &export_error);

  g_file_get_contents (fixture->old_path, &old_text, NULL, NULL);
  g_file_get_contents (fixture->svg_path, &svg_text, NULL, NULL);
  listed = list_folder (fixture->folder);

  g_printerr ("# save: %s; export: %s; old.parcours %s; old.svg %s (%zu bytes); folder: %s\n",
              save_error ? save_error->message : "no error",
              export_error ? export_error->message : "no error",
              g_strcmp0 (old_text, OLD_TEXT) == 0 ? "intact" : "CHANGED",
              g_strcmp0 (svg_text, OLD_TEXT) == 0 ? "intact" : "CHANGED",
              svg_text ? strlen (svg_text) : 0, listed);

  if (!saved && save_error != NULL && save_error->message[0] != '\0' &&
      g_strcmp0 (old_text, OLD_TEXT) == 0)
    result |= SAVE_FAILED_CLEANLY;

  if (!exported && export_error != NULL && export_error->message[0] != '\0' &&
      g_strcmp0 (svg_text, OLD_TEXT) == 0)
    result |= EXPORT_FAILED_CLEANLY;

  if (g_strcmp0 (listed, "old.parcours old.svg") == 0)
    result |= NOTHING_LEFT;

  return result;
}

static void
assert_failed_cleanly (int result)
{
  g_assert_cmpint (result, >=, 0);
  g_assert_true (result & SAVE_FAILED_CLEANLY);
  g_assert_true (result & NOTHING_LEFT);

  g_assert_true (result & EXPORT_FAILED_CLEANLY);
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int flags = 0;
  gboolean done;

  if (fd < 0)
    return FALSE;

  done = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (done)
    {
      flags = immutable ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
      done = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }

  close (fd);
  return done;
}

/* Root writes to a folder without write permission, so an immutable
 * folder (chattr +i) stands for a read-only one when running as root.
 * The child does the saving, so that the folder is made writable again
 * whatever happens there. */
static void
test_fail_read_only_folder (Failure       *fixture,
                            gconstpointer  data)
{
  int result;

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (fixture->folder, 0500), ==, 0);
      result = run_in_child (save_and_export, fixture);
      g_chmod (fixture->folder, 0700);
    }
  else if (set_immutable (fixture->folder, TRUE))
    {
      result = run_in_child (save_and_export, fixture);
      g_assert_true (set_immutable (fixture->folder, FALSE));
    }
  else
    {
      g_test_skip ("Cannot make a folder read-only for root here");
      return;
    }

  assert_failed_cleanly (result);
}

/* The disk fills up in the middle of writing: a file size limit makes
 * write() fail with EFBIG after the first kilobyte. */
static int
fill_the_disk (gpointer data)
{
  struct rlimit limit = { 1024, 1024 };

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return -1;

  return save_and_export (data);
}

static void
test_fail_disk_full (Failure       *fixture,
                     gconstpointer  data)
{
  assert_failed_cleanly (run_in_child (fill_the_disk, fixture));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  /* The local VFS only: no helper threads in the way of fork(). */
  g_setenv ("GIO_USE_VFS", "local", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-safe-save/kill", test_kill_while_saving);
  g_test_add_func ("/crash-safe-save/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/crash-safe-save/symlinks", test_symlinks);
  g_test_add_func ("/crash-safe-save/permissions", test_permissions);

#define ADD_FAILURE_TEST(path, func) \
  g_test_add (path, Failure, NULL, failure_set_up, func, failure_tear_down)

  ADD_FAILURE_TEST ("/crash-safe-save/fail/missing-folder", test_fail_missing_folder);
  ADD_FAILURE_TEST ("/crash-safe-save/fail/parent-is-a-file", test_fail_parent_is_a_file);
  ADD_FAILURE_TEST ("/crash-safe-save/fail/is-a-folder", test_fail_is_a_folder);
  ADD_FAILURE_TEST ("/crash-safe-save/fail/device", test_fail_device);
  ADD_FAILURE_TEST ("/crash-safe-save/fail/read-only-folder", test_fail_read_only_folder);
  ADD_FAILURE_TEST ("/crash-safe-save/fail/disk-full", test_fail_disk_full);

#undef ADD_FAILURE_TEST

  return g_test_run ();
}
