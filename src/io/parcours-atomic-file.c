/* parcours-atomic-file.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parcours-atomic-file.h"

/* Crash-safe replacement of a file.
 *
 * The new contents go to a temporary file in the folder of the target,
 * named `.NAME.XXXXXX.tmp`, which is flushed to the disk and then
 * renamed over the target: whenever the process is killed or the
 * machine stops, the target is either the complete old file or the
 * complete new one. A temporary file that a killed save left behind is
 * removed by the next successful save of the same file.
 *
 * Where g_file_replace() writes through a symbolic link in place and
 * leaves `.goutputstream-XXXXXX` files behind when killed, here:
 *
 * - a symbolic link stays a link, and the file it points to is replaced,
 *   atomically, in its own folder;
 * - the permissions of the old file are kept, and its owner and group
 *   where the system allows it; a new file gets 0666 less the umask;
 * - a folder, a device or a pipe is never replaced;
 * - a file with several hard links becomes a file of its own.
 *
 * Files that are not local (no path) go through g_file_replace_contents(). */

#define MAX_LINK_HOPS      40
#define WRITE_CHUNK_SIZE   (1024 * 1024)
#define TEMP_RANDOM_LENGTH 6          /* the XXXXXX of g_mkstemp_full() */
#define TEMP_SUFFIX        ".tmp"

static gboolean
fail_with_errno (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", what, g_strerror (saved_errno));
  return FALSE;
}

/* Follows symbolic links from @path to the file to replace, which need
 * not exist yet. */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINK_HOPS; hops++)
    {
      g_autofree char *link = NULL;
      GStatBuf info;

      if (g_lstat (current, &info) != 0 || !S_ISLNK (info.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, error);
      if (link == NULL)
        return NULL;

      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       _("too many levels of symbolic links"));
  return NULL;
}

static gsize
name_part_length (const char *target_name)
{
  return MIN (strlen (target_name), PARCOURS_ATOMIC_FILE_MAX_NAME_PART);
}

/**
 * parcours_atomic_file_is_temporary:
 * @name: a file name
 * @target_name: the name of a file that parcours_atomic_file_replace()
 *   writes, in the same folder
 *
 * Returns: whether @name is what a save of @target_name calls its
 *   temporary file, `.NAME.XXXXXX.tmp`
 */
gboolean
parcours_atomic_file_is_temporary (const char *name,
                                   const char *target_name)
{
  gsize part = name_part_length (target_name);
  const char *random;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (target_name != NULL, FALSE);

  if (strlen (name) != 1 + part + 1 + TEMP_RANDOM_LENGTH + strlen (TEMP_SUFFIX) ||
      name[0] != '.' ||
      strncmp (name + 1, target_name, part) != 0 ||
      name[1 + part] != '.')
    return FALSE;

  random = name + 1 + part + 1;
  for (guint i = 0; i < TEMP_RANDOM_LENGTH; i++)
    if (!g_ascii_isalnum (random[i]))
      return FALSE;

  return strcmp (random + TEMP_RANDOM_LENGTH, TEMP_SUFFIX) == 0;
}

/* What a killed save left: only regular files, only those of @target_name. */
static void
remove_stale_temporaries (const char *folder,
                          const char *target_name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!parcours_atomic_file_is_temporary (name, target_name))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode))
        g_unlink (path);
    }
}

/* Gives the temporary file the mode, and if allowed the owner, of the
 * file it replaces, before anything is written to it. */
static gboolean
copy_permissions (int             fd,
                  const GStatBuf *old,
                  GError        **error)
{
  if ((old->st_uid != geteuid () || old->st_gid != getegid ()) &&
      fchown (fd, old->st_uid, old->st_gid) != 0)
    g_debug ("Saving as the owner of the new file: %s", g_strerror (errno));

  if (fchmod (fd, old->st_mode & 07777) != 0)
    return fail_with_errno (error, errno, _("cannot keep the permissions of the file"));

  return TRUE;
}

static gboolean
write_all (int            fd,
           const char    *data,
           gsize          length,
           GCancellable  *cancellable,
           GError       **error)
{
  while (length > 0)
    {
      gssize n_written;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      n_written = write (fd, data, MIN (length, WRITE_CHUNK_SIZE));
      if (n_written < 0)
        {
          if (errno == EINTR)
            continue;
          return fail_with_errno (error, errno, _("cannot write the file"));
        }

      data += n_written;
      length -= n_written;
    }

  return TRUE;
}

/* The data must be on the disk before the rename makes it the file. */
static gboolean
sync_and_close (int     *fd,
                GError **error)
{
  int saved_errno;

  if (fsync (*fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      saved_errno = errno;
      close (*fd);
      *fd = -1;
      return fail_with_errno (error, saved_errno, _("cannot write the file"));
    }

  saved_errno = close (*fd) == 0 ? 0 : errno;
  *fd = -1;

  if (saved_errno != 0 && saved_errno != EINTR)
    return fail_with_errno (error, saved_errno, _("cannot write the file"));

  return TRUE;
}

/* So that the rename itself survives a power cut. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  fsync (fd);
  close (fd);
}

/* What is at @target now, in @old and @exists: nothing, or a regular
 * file; %FALSE with @error set for anything else. */
static gboolean
check_target (const char  *target,
              GStatBuf    *old,
              gboolean    *exists,
              GError     **error)
{
  *exists = g_stat (target, old) == 0;
  if (!*exists && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *parent = g_path_get_dirname (target);
      g_autofree char *what = g_strdup_printf (_("cannot save in “%s”"), parent);

      return fail_with_errno (error, saved_errno, what);
    }

  if (*exists && S_ISDIR (old->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("there is a folder of that name"));
      return FALSE;
    }

  if (*exists && !S_ISREG (old->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("not a regular file"));
      return FALSE;
    }

  return TRUE;
}

/* A new hidden file next to @target, in its @folder, named after it
 * (@temp_path): its descriptor, or -1 with @error set. */
static int
create_temporary (const char  *target,
                  char       **folder,
                  char       **temp_path,
                  GError     **error)
{
  g_autofree char *name = g_path_get_basename (target);
  g_autofree char *name_part = g_strndup (name, name_part_length (name));
  int fd;

  *folder = g_path_get_dirname (target);
  *temp_path = g_strdup_printf ("%s/.%s.XXXXXX" TEMP_SUFFIX,
                                strcmp (*folder, "/") == 0 ? "" : *folder, name_part);

  fd = g_mkstemp_full (*temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *what = NULL;

      if (saved_errno == ENOENT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("the folder “%s” does not exist"), *folder);
          return -1;
        }

      what = g_strdup_printf (_("cannot create a file in the folder “%s”"), *folder);
      fail_with_errno (error, saved_errno, what);
      return -1;
    }

  return fd;
}

/**
 * parcours_atomic_file_replace:
 * @file: the file to write
 * @data: (array length=length): the new contents
 * @length: the length of @data
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the contents of @file with @data, atomically and durably:
 * the old file stays as it was until the new one is complete and on the
 * disk. On failure @file is left as it was and no temporary file
 * remains. Messages do not name @file: callers put the name they show
 * first.
 *
 * Returns: %TRUE on success
 */
gboolean
parcours_atomic_file_replace (GFile         *file,
                              const char    *data,
                              gsize          length,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp_path = NULL;
  GStatBuf old;
  gboolean exists;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  target = resolve_target (path, error);
  if (target == NULL)
    return FALSE;

  if (!check_target (target, &old, &exists, error))
    return FALSE;

  fd = create_temporary (target, &folder, &temp_path, error);
  if (fd < 0)
    return FALSE;

  if ((exists && !copy_permissions (fd, &old, error)) ||
      !write_all (fd, data, length, cancellable, error) ||
      !sync_and_close (&fd, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return fail_with_errno (error, saved_errno, _("cannot replace the file"));
    }

  sync_folder (folder);
  name = g_path_get_basename (target);
  remove_stale_temporaries (folder, name);

  return TRUE;
}

static void
replace_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "parcours-file");
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (parcours_atomic_file_replace (file, data, length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * parcours_atomic_file_replace_async:
 * @file: the file to write
 * @bytes: the new contents
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what parcours_atomic_file_replace() does in a worker thread, so
 * that writing and flushing a large file never holds up the caller's
 * main loop. @bytes is all the worker reads: make it from the document
 * on the main thread.
 */
void
parcours_atomic_file_replace_async (GFile               *file,
                                    GBytes              *bytes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* No source object: the task may end in the worker, which must not
   * drop the last reference to anything that belongs to the main
   * thread. A GFile and a GBytes are safe to free anywhere. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, parcours_atomic_file_replace_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "parcours-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, replace_thread);
}

/**
 * parcours_atomic_file_replace_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file was replaced
 */
gboolean
parcours_atomic_file_replace_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == parcours_atomic_file_replace_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
