/* parcours-draft.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "parcours-atomic-file.h"
#include "parcours-draft.h"

/* A draft is the autosaved copy of a map with unsaved changes, so that a
 * crash or a kill loses a few seconds of work at most. It lives in
 * $XDG_STATE_HOME/parcours/drafts/ as two files, never near the user's
 * own file:
 *
 *   ID.parcours  the map, in the native format
 *   ID.draft     a key file: the map's title, the file it belongs to
 *                (none for a map never saved), when it was written, and
 *                the process that owns it
 *
 * Both are written atomically. A draft whose process is gone is an
 * orphan: the next start offers to restore it.
 *
 * Writes happen on a worker thread while the user edits on. Removing a
 * draft bumps its generation under a lock, so a write scheduled before
 * the removal (the map was saved meanwhile) never brings it back. */

#define DRAFT_GROUP    "Draft"
#define KEY_TITLE      "title"
#define KEY_FILE       "file"
#define KEY_SAVED      "saved"
#define KEY_PID        "pid"
#define KEY_BOOT_ID    "boot-id"
#define MAP_SUFFIX     ".parcours"
#define INFO_SUFFIX    ".draft"

struct _ParcoursDraft
{
  GObject    parent_instance;

  GMutex     lock;
  char      *id;
  char      *title;
  GFile     *original;
  GDateTime *saved_time;
  guint      generation;
  guint      written : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursDraft, parcours_draft, G_TYPE_OBJECT)

char *
parcours_draft_dup_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "parcours", "drafts", NULL);
}

static char *
dup_path (const char *id,
          const char *suffix)
{
  g_autofree char *folder = parcours_draft_dup_folder ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

/* Identifies this boot of the machine: a process id from an earlier
 * boot says nothing about the processes of this one. */
static char *
dup_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("");

  return g_strdup (g_strstrip (contents));
}

static char *
dup_process_name (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "comm", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return g_strdup (g_strstrip (contents));
}

/* Whether the process that wrote a draft still runs, and so may still
 * be editing the map. */
static gboolean
owner_is_alive (gint64      pid,
                const char *boot_id)
{
  g_autofree char *our_boot_id = dup_boot_id ();
  g_autofree char *pid_string = NULL;
  g_autofree char *name = NULL;
  g_autofree char *our_name = NULL;

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (g_strcmp0 (boot_id, our_boot_id) != 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;

  /* The number may belong to another program by now. */
  pid_string = g_strdup_printf ("%" G_GINT64_FORMAT, pid);
  name = dup_process_name (pid_string);
  our_name = dup_process_name ("self");

  return name == NULL || our_name == NULL || g_str_equal (name, our_name);
}

static char *
serialize_info (ParcoursDraft *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *boot_id = dup_boot_id ();
  g_autofree char *saved = g_date_time_format_iso8601 (self->saved_time);

  g_key_file_set_string (key_file, DRAFT_GROUP, KEY_TITLE, self->title ? self->title : "");
  if (self->original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->original);
      g_key_file_set_string (key_file, DRAFT_GROUP, KEY_FILE, uri);
    }
  g_key_file_set_string (key_file, DRAFT_GROUP, KEY_SAVED, saved);
  g_key_file_set_int64 (key_file, DRAFT_GROUP, KEY_PID, getpid ());
  g_key_file_set_string (key_file, DRAFT_GROUP, KEY_BOOT_ID, boot_id);

  return g_key_file_to_data (key_file, NULL, NULL);
}

static gboolean
write_info (ParcoursDraft  *self,
            GError        **error)
{
  g_autofree char *info = serialize_info (self);
  g_autofree char *path = dup_path (self->id, INFO_SUFFIX);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return parcours_atomic_file_replace (file, info, strlen (info), NULL, error);
}

static void
parcours_draft_finalize (GObject *object)
{
  ParcoursDraft *self = PARCOURS_DRAFT (object);

  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->original);
  g_clear_pointer (&self->saved_time, g_date_time_unref);

  G_OBJECT_CLASS (parcours_draft_parent_class)->finalize (object);
}

static void
parcours_draft_class_init (ParcoursDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = parcours_draft_finalize;
}

static void
parcours_draft_init (ParcoursDraft *self)
{
  g_mutex_init (&self->lock);
}

/**
 * parcours_draft_new:
 *
 * A draft with a new id, not written yet.
 */
ParcoursDraft *
parcours_draft_new (void)
{
  ParcoursDraft *self = g_object_new (PARCOURS_TYPE_DRAFT, NULL);

  self->id = g_uuid_string_random ();

  return self;
}

const char *
parcours_draft_get_id (ParcoursDraft *self)
{
  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), NULL);

  return self->id;
}

/* The title of the map when the draft was written, maybe empty. */
const char *
parcours_draft_get_title (ParcoursDraft *self)
{
  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), NULL);

  return self->title;
}

/**
 * parcours_draft_get_original:
 *
 * Returns: (transfer none) (nullable): the file the map belongs to,
 *   %NULL for a map never saved
 */
GFile *
parcours_draft_get_original (ParcoursDraft *self)
{
  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), NULL);

  return self->original;
}

/**
 * parcours_draft_get_saved_time:
 *
 * Returns: (transfer none) (nullable): when the draft was last written
 */
GDateTime *
parcours_draft_get_saved_time (ParcoursDraft *self)
{
  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), NULL);

  return self->saved_time;
}

/**
 * parcours_draft_get_map_file:
 *
 * Returns: (transfer full): where the draft's map is written
 */
GFile *
parcours_draft_get_map_file (ParcoursDraft *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), NULL);

  path = dup_path (self->id, MAP_SUFFIX);
  return g_file_new_for_path (path);
}

/* What a write scheduled now must carry: removing the draft changes it. */
guint
parcours_draft_get_generation (ParcoursDraft *self)
{
  guint generation;

  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), 0);

  g_mutex_lock (&self->lock);
  generation = self->generation;
  g_mutex_unlock (&self->lock);

  return generation;
}

/**
 * parcours_draft_write:
 * @self: a #ParcoursDraft
 * @generation: what parcours_draft_get_generation() said when the map
 *   was serialized
 * @map: the map in the native format
 * @title: its title
 * @original: (nullable): the file it belongs to
 * @error: return location for a #GError
 *
 * Writes the draft atomically, unless it was removed since @generation.
 * May be called from any thread.
 *
 * Returns: whether nothing failed
 */
gboolean
parcours_draft_write (ParcoursDraft  *self,
                      guint           generation,
                      GBytes         *map,
                      const char     *title,
                      GFile          *original,
                      GError        **error)
{
  g_autofree char *folder = parcours_draft_dup_folder ();
  g_autoptr(GFile) map_file = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  if (generation != self->generation)
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  g_free (self->title);
  self->title = g_strdup (title);
  g_set_object (&self->original, original);
  g_clear_pointer (&self->saved_time, g_date_time_unref);
  self->saved_time = g_date_time_new_now_local ();

  /* The key file first: a map without one would never be offered. */
  if (!self->written && !write_info (self, error))
    return FALSE;

  map_file = parcours_draft_get_map_file (self);
  data = g_bytes_get_data (map, &length);
  if (!parcours_atomic_file_replace (map_file, data, length, NULL, error))
    return FALSE;

  self->written = TRUE;

  /* Again, for the time and title of what was just written. */
  return write_info (self, error);
}

typedef struct
{
  guint   generation;
  GBytes *map;
  char   *title;
  GFile  *original;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->map, g_bytes_unref);
  g_clear_pointer (&data->title, g_free);
  g_clear_object (&data->original);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (parcours_draft_write (source_object, data->generation, data->map,
                            data->title, data->original, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* parcours_draft_write() on a worker thread, for the generation of now. */
void
parcours_draft_write_async (ParcoursDraft       *self,
                            GBytes              *map,
                            const char          *title,
                            GFile               *original,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (PARCOURS_IS_DRAFT (self));
  g_return_if_fail (map != NULL);

  data = g_new0 (WriteData, 1);
  data->generation = parcours_draft_get_generation (self);
  data->map = g_bytes_ref (map);
  data->title = g_strdup (title);
  data->original = original ? g_object_ref (original) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, parcours_draft_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
parcours_draft_write_finish (ParcoursDraft  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * parcours_draft_remove:
 *
 * Deletes the draft's files, if any, and makes every write scheduled
 * before a no-op. The draft may be written again afterwards.
 */
void
parcours_draft_remove (ParcoursDraft *self)
{
  g_autofree char *map_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (PARCOURS_IS_DRAFT (self));

  map_path = dup_path (self->id, MAP_SUFFIX);
  info_path = dup_path (self->id, INFO_SUFFIX);

  g_mutex_lock (&self->lock);
  self->generation++;
  self->written = FALSE;
  /* The key file first: without it, the map is never offered. */
  g_unlink (info_path);
  g_unlink (map_path);
  g_mutex_unlock (&self->lock);
}

/**
 * parcours_draft_claim:
 *
 * Makes this process the owner of an orphan, so that no other start
 * offers it while it is being restored and edited on.
 */
gboolean
parcours_draft_claim (ParcoursDraft  *self,
                      GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PARCOURS_IS_DRAFT (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  self->written = TRUE;

  return write_info (self, error);
}

static ParcoursDraft *
load_orphan (const char *folder,
             const char *info_name)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *info_path = g_build_filename (folder, info_name, NULL);
  g_autofree char *boot_id = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(ParcoursDraft) draft = NULL;
  g_autoptr(GFile) map_file = NULL;
  gint64 pid;

  if (!g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  pid = g_key_file_get_int64 (key_file, DRAFT_GROUP, KEY_PID, NULL);
  boot_id = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_BOOT_ID, NULL);
  if (owner_is_alive (pid, boot_id))
    return NULL;

  draft = g_object_new (PARCOURS_TYPE_DRAFT, NULL);
  draft->id = g_strndup (info_name, strlen (info_name) - strlen (INFO_SUFFIX));
  draft->written = TRUE;

  map_file = parcours_draft_get_map_file (draft);
  if (!g_file_query_exists (map_file, NULL))
    return NULL;

  draft->title = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_TITLE, NULL);
  uri = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_FILE, NULL);
  if (uri != NULL && uri[0] != '\0')
    draft->original = g_file_new_for_uri (uri);
  saved = g_key_file_get_string (key_file, DRAFT_GROUP, KEY_SAVED, NULL);
  if (saved != NULL)
    draft->saved_time = g_date_time_new_from_iso8601 (saved, NULL);

  return g_steal_pointer (&draft);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  ParcoursDraft *draft_a = *(ParcoursDraft **) a;
  ParcoursDraft *draft_b = *(ParcoursDraft **) b;

  if (draft_a->saved_time == NULL || draft_b->saved_time == NULL)
    return (draft_a->saved_time == NULL) - (draft_b->saved_time == NULL);

  return g_date_time_compare (draft_b->saved_time, draft_a->saved_time);
}

/**
 * parcours_draft_list_orphans:
 *
 * The drafts left by processes that ended without saving or discarding
 * them (a crash, a kill), newest first.
 *
 * Returns: (transfer full) (element-type ParcoursDraft): the drafts
 */
GPtrArray *
parcours_draft_list_orphans (void)
{
  g_autofree char *folder = parcours_draft_dup_folder ();
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      ParcoursDraft *draft;

      if (!g_str_has_suffix (name, INFO_SUFFIX) || strlen (name) == strlen (INFO_SUFFIX))
        continue;

      draft = load_orphan (folder, name);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return g_steal_pointer (&drafts);
}

/**
 * parcours_draft_find_orphan:
 *
 * Returns: (transfer full) (nullable): the orphan with @id
 */
ParcoursDraft *
parcours_draft_find_orphan (const char *id)
{
  g_autoptr(GPtrArray) drafts = parcours_draft_list_orphans ();

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < drafts->len; i++)
    {
      ParcoursDraft *draft = g_ptr_array_index (drafts, i);

      if (g_str_equal (draft->id, id))
        return g_object_ref (draft);
    }

  return NULL;
}
