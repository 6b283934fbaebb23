/* test-limits.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parcours-format.h"

/* Hostile documents meet limits before they cost much, and a document
 * never makes Parcours read anything but itself. */

#define N_CARDS       1000000
#define N_QUICK_CARDS (PARCOURS_FORMAT_MAX_CARDS + 50000)  /* PARCOURS_TEST_QUICK=1 */
#define NOBODY        65534

static gboolean
is_quick (void)
{
  return g_strcmp0 (g_getenv ("PARCOURS_TEST_QUICK"), "1") == 0;
}

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("parcours-limits-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* A map with @n_cards cards, written as text directly. */
static GBytes *
make_map_with_cards (guint n_cards)
{
  GString *text = g_string_sized_new ((gsize) n_cards * 48 + 256);

  g_string_append (text, "{\"format\": \"parcours\", \"version\": 1, "
                         "\"stages\": [{\"id\": \"s1\"}], \"lanes\": [{\"id\": \"l1\"}], "
                         "\"cards\": [");
  for (guint i = 0; i < n_cards; i++)
    g_string_append_printf (text, "%s{\"id\":\"c%u\",\"lane\":\"l1\",\"stage\":\"s1\"}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "]}\n");

  return g_string_free_to_bytes (text);
}

/* A million cards: refused on their count, before any card is built,
 * with a message that says what is wrong. */
static void
test_million_cards (void)
{
  guint n_cards = is_quick () ? N_QUICK_CARDS : N_CARDS;
  g_autoptr(GBytes) bytes = make_map_with_cards (n_cards);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (g_bytes_get_size (bytes), <, PARCOURS_FORMAT_MAX_FILE_SIZE);

  document = parcours_format_load_bytes (bytes, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "cards: more than 200000 items");

  g_test_message ("%u cards, %" G_GSIZE_FORMAT " bytes, refused in %.0f ms",
                  n_cards, g_bytes_get_size (bytes),
                  (g_get_monotonic_time () - start) / 1000.0);
}

/* The same through the command line, which says it on one line. */
static void
test_million_cards_check (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = make_map_with_cards (is_quick () ? N_QUICK_CARDS : N_CARDS);
  g_autofree char *path = g_build_filename (fixture->dir, "million.parcours", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("PARCOURS_BIN");
  int status = 0;

  if (bin == NULL)
    {
      g_test_skip ("PARCOURS_BIN is not set");
      return;
    }

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char *[]) { (char *) bin, (char *) "--check", path, NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);

  expected = g_strdup_printf ("%s: error: cards: more than 200000 items\n", path);
  g_assert_cmpstr (out, ==, expected);
}

/* In the child: everything is freed before it exits, for valgrind. */
static int
load_in_child (const char *path,
               GQuark      domain)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = parcours_format_load_file (file, NULL, &error);
  if (document != NULL)
    return 101;

  g_printerr ("# %s\n", error->message);
  return error->domain == domain ? error->code : 102;
}

/* Runs parcours_format_load_file() on @path in a child that cannot read
 * a file of mode 0000 (root becomes nobody), and returns the error code
 * it got, or 101 for none. */
static int
load_as_nobody (const char *path,
                GQuark      domain)
{
  int status = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        _exit (100);

      _exit (load_in_child (path, domain));
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A file over 64 MiB is refused on its size, before a byte is read: a
 * file that cannot be read at all gives the same answer. */
static void
test_file_size_before_reading (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.parcours", NULL);
  g_autofree char *small = g_build_filename (fixture->dir, "small.parcours", NULL);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (huge, "{", -1, NULL));
  g_assert_cmpint (truncate (huge, (off_t) PARCOURS_FORMAT_MAX_FILE_SIZE + 1), ==, 0);
  g_assert_true (g_file_set_contents (small, "{}", -1, NULL));

  document = parcours_format_load_file (huge_file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is larger than 64 MiB");

  /* Unreadable: the small file cannot be opened, the huge one is
   * refused without trying. */
  g_assert_cmpint (g_chmod (fixture->dir, 0711), ==, 0);
  g_assert_cmpint (g_chmod (huge, 0), ==, 0);
  g_assert_cmpint (g_chmod (small, 0), ==, 0);
  g_assert_cmpint (load_as_nobody (small, G_IO_ERROR), ==, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (load_as_nobody (huge, PARCOURS_FORMAT_ERROR), ==,
                   PARCOURS_FORMAT_ERROR_TOO_LARGE);
}

/* A photo names no file and no address: Parcours opens nothing, the
 * map loads without the photo and says why. */
static void
test_photo_opens_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *secret = g_build_filename (fixture->dir, "secret.png", NULL);
  g_autofree char *secret_link = g_build_filename (fixture->dir, "link.png", NULL);
  g_autoptr(GSocket) server = NULL;
  g_autoptr(GSocket) client = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) personas = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved_text = NULL;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  char events[4096];
  guint16 port;
  int watch;

  /* A real PNG where the file: URIs point, and a port that listens */
  g_assert_true (g_file_set_contents (secret, (const char *) png, sizeof png, NULL));
  g_assert_cmpint (symlink (secret, secret_link), ==, 0);
  server = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (server, address, TRUE, &error));
  g_assert_true (g_socket_listen (server, &error));
  g_assert_no_error (error);
  g_socket_set_blocking (server, FALSE);
  bound = g_socket_get_local_address (server, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  g_ptr_array_add (uris, g_strconcat ("file://", secret, NULL));
  g_ptr_array_add (uris, g_strconcat ("file://", secret_link, NULL));
  g_ptr_array_add (uris, g_strdup (secret));
  g_ptr_array_add (uris, g_strdup ("file:///etc/passwd"));
  g_ptr_array_add (uris, g_strdup_printf ("http://127.0.0.1:%u/photo.png", port));
  g_ptr_array_add (uris, g_strdup_printf ("https://localhost:%u/photo.png", port));
  g_ptr_array_add (uris, g_strdup ("smb://server/share/photo.png"));

  for (guint i = 0; i < uris->len; i++)
    {
      g_string_append_printf (personas, "%s{\"id\": \"p%u\", \"photo\": \"%s\"}",
                              i > 0 ? ", " : "", i, (char *) uris->pdata[i]);
    }

  text = g_strdup_printf ("{\"format\": \"parcours\", \"version\": 1, \"personas\": [%s]}",
                          personas->str);
  bytes = g_bytes_new (text, strlen (text));

  watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (watch, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch, fixture->dir, IN_OPEN | IN_ACCESS), >=, 0);

  document = parcours_format_load_bytes_with_warnings (bytes, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  g_assert_cmpuint (warnings->len, ==, uris->len);
  for (guint i = 0; i < uris->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *warning = g_strdup_printf ("personas[%u].photo: expected a data URI "
                                                  "like data:image/png;base64,…", i);
      ParcoursPersona *persona = parcours_document_lookup_persona (document, id);

      g_assert_nonnull (persona);
      g_assert_null (parcours_persona_get_photo (persona));
      g_assert_cmpstr (g_ptr_array_index (warnings, i), ==, warning);
    }

  /* Nothing opened the folder's files, nothing connected. */
  g_assert_cmpint (read (watch, events, sizeof events), ==, -1);
  g_assert_cmpint (errno, ==, EAGAIN);
  close (watch);

  client = g_socket_accept (server, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);

  /* Each URI is written back as it was. */
  saved = parcours_format_save_bytes (document);
  saved_text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  for (guint i = 0; i < uris->len; i++)
    {
      g_autofree char *member = g_strdup_printf ("\"photo\": \"%s\"", (char *) uris->pdata[i]);

      g_assert_nonnull (strstr (saved_text, member));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/million-cards", test_million_cards);
  g_test_add ("/limits/million-cards-check", Fixture, NULL,
              fixture_set_up, test_million_cards_check, fixture_tear_down);
  g_test_add ("/limits/file-size-before-reading", Fixture, NULL,
              fixture_set_up, test_file_size_before_reading, fixture_tear_down);
  g_test_add ("/limits/photo-opens-nothing", Fixture, NULL,
              fixture_set_up, test_photo_opens_nothing, fixture_tear_down);

  return g_test_run ();
}
