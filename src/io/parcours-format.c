/* parcours-format.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "parcours-atomic-file.h"
#include "parcours-format-private.h"

/* The `.parcours` format, described in docs/file-format.md: loading and
 * saving bytes and files. Loading takes two steps, each in a file of
 * its own: the parser checks the text (encoding, grammar, depth, size)
 * and makes a tree, the reader validates the tree and builds the
 * document. Saving is the writer's canonical text, written to disk
 * atomically. */

#define READ_CHUNK_SIZE (64 * 1024)

G_DEFINE_QUARK (parcours-format-error-quark, parcours_format_error)

static void
set_file_too_large_error (GError **error)
{
  g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
               _("the file is larger than %d MiB"),
               PARCOURS_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
}

/**
 * parcours_format_load_bytes:
 * @bytes: the content of a `.parcours` file
 * @error: return location for a #GError
 *
 * Reads a document, checking everything. On failure @error, in the
 * %PARCOURS_FORMAT_ERROR domain, tells the first problem and where it
 * is: a line and column for malformed text (`3:14: expected ',' or '}'`),
 * a path for a bad value (`stages[2].name: expected a string`).
 *
 * Returns: (transfer full) (nullable): the document
 */
ParcoursDocument *
parcours_format_load_bytes (GBytes  *bytes,
                            GError **error)
{
  return parcours_format_load_bytes_with_warnings (bytes, NULL, error);
}

/**
 * parcours_format_load_bytes_with_warnings:
 * @bytes: the content of a `.parcours` file
 * @warnings: (out) (optional) (transfer full) (element-type utf8): return
 *   location for the problems that did not stop the loading, each with
 *   its path, as `personas[0].photo: not a PNG or JPEG image`; an empty
 *   array when there are none, %NULL on failure
 * @error: return location for a #GError
 *
 * Like parcours_format_load_bytes(). What the map can do without is
 * left out instead of failing the whole file, and kept as it was so that
 * saving writes it back: so far a persona's photo that is not an
 * embedded PNG or JPEG image of at most %PARCOURS_PERSONA_MAX_PHOTO_SIZE
 * bytes.
 *
 * Returns: (transfer full) (nullable): the document
 */
ParcoursDocument *
parcours_format_load_bytes_with_warnings (GBytes      *bytes,
                                          GPtrArray  **warnings,
                                          GError     **error)
{
  g_autoptr(ParcoursJsonTree) tree = NULL;
  g_autoptr(GPtrArray) found = NULL;
  ParcoursDocument *document;
  const char *data;
  gsize length;

  if (warnings != NULL)
    *warnings = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    data = "";

  if (length > PARCOURS_FORMAT_MAX_FILE_SIZE)
    {
      set_file_too_large_error (error);
      return NULL;
    }

  /* Not JSON, but some editors start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  tree = _parcours_json_parse (data, length, error);
  if (tree == NULL)
    return NULL;

  if (warnings != NULL)
    found = g_ptr_array_new_with_free_func (g_free);

  document = _parcours_format_read_with_warnings (_parcours_json_tree_get_root (tree),
                                                  found, error);
  if (document != NULL && warnings != NULL)
    *warnings = g_steal_pointer (&found);

  return document;
}

/* Reads @stream to its end, but never more than the largest file
 * allowed: the size queried before may be wrong (a file that grows,
 * a device such as /dev/zero). */
static GBytes *
read_stream (GInputStream  *stream,
             gsize          expected_size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = NULL;

  buffer = g_byte_array_sized_new (expected_size + 1);

  for (;;)
    {
      guint old_length = buffer->len;
      gsize chunk = MAX (READ_CHUNK_SIZE, expected_size + 1 - MIN (expected_size, old_length));
      gssize n_read;

      g_byte_array_set_size (buffer, old_length + chunk);
      n_read = g_input_stream_read (stream, buffer->data + old_length, chunk,
                                    cancellable, error);
      if (n_read < 0)
        return NULL;

      g_byte_array_set_size (buffer, old_length + n_read);

      if (n_read == 0)
        break;

      if (buffer->len > PARCOURS_FORMAT_MAX_FILE_SIZE)
        {
          set_file_too_large_error (error);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * parcours_format_load_file:
 * @file: a `.parcours` file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like parcours_format_load_bytes(), but a file larger than
 * %PARCOURS_FORMAT_MAX_FILE_SIZE is refused before it is read. Errors
 * are in the %PARCOURS_FORMAT_ERROR or %G_IO_ERROR domain; their messages
 * do not name the file, so callers can put the name they show first.
 *
 * Returns: (transfer full) (nullable): the document
 */
ParcoursDocument *
parcours_format_load_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  size = g_file_info_get_size (info);
  if (size > PARCOURS_FORMAT_MAX_FILE_SIZE)
    {
      set_file_too_large_error (error);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  bytes = read_stream (G_INPUT_STREAM (stream), MAX (size, 0), cancellable, error);
  if (bytes == NULL)
    return NULL;

  return parcours_format_load_bytes (bytes, error);
}

/**
 * parcours_format_save_bytes:
 * @document: a #ParcoursDocument
 *
 * Returns: (transfer full): the canonical text of @document, as written
 *   by parcours_format_save_file()
 */
GBytes *
parcours_format_save_bytes (ParcoursDocument *document)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);

  return g_string_free_to_bytes (_parcours_format_write (document));
}

/**
 * parcours_format_save_file:
 * @document: a #ParcoursDocument
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves @document atomically: the text goes to a temporary file in the
 * same folder, which is flushed to the disk and then replaces @file,
 * keeping its permissions; a symbolic link stays one. Killed at any
 * moment, the save leaves @file either as it was or complete, and the
 * next save removes any temporary file left over. On failure @file is
 * left as it was. See parcours_atomic_file_replace().
 *
 * Returns: %TRUE on success
 */
gboolean
parcours_format_save_file (ParcoursDocument  *document,
                           GFile             *file,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = parcours_format_save_bytes (document);
  data = g_bytes_get_data (bytes, &length);

  return parcours_atomic_file_replace (file, data, length, cancellable, error);
}

/**
 * parcours_format_check_reopenable:
 * @document: a map built by an importer
 * @error: return location for a #GError
 *
 * Importers build maps from other formats with limits of their own; this
 * makes sure that what they built can be saved as a `.parcours` file that
 * Parcours opens again, so an import never leads to a file the user
 * cannot reopen.
 *
 * Returns: %TRUE if the map is within every limit of the native format
 */
gboolean
parcours_format_check_reopenable (ParcoursDocument  *document,
                                  GError           **error)
{
  static const struct { ParcoursCollection collection; guint limit; } limits[] = {
    { PARCOURS_COLLECTION_PERSONAS, PARCOURS_FORMAT_MAX_PERSONAS },
    { PARCOURS_COLLECTION_STAGES, PARCOURS_FORMAT_MAX_STAGES },
    { PARCOURS_COLLECTION_LANES, PARCOURS_FORMAT_MAX_LANES },
    { PARCOURS_COLLECTION_CARDS, PARCOURS_FORMAT_MAX_CARDS },
    { PARCOURS_COLLECTION_EMOTION_POINTS, PARCOURS_FORMAT_MAX_EMOTION_POINTS },
  };
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      guint n = g_list_model_get_n_items (parcours_document_get_collection (document, limits[i].collection));

      if (n > limits[i].limit)
        {
          g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                       _("the map would have %u %s; Parcours opens maps with at most %u"),
                       n, parcours_collection_get_name (limits[i].collection), limits[i].limit);
          return FALSE;
        }
    }

  bytes = parcours_format_save_bytes (document);
  if (g_bytes_get_size (bytes) > PARCOURS_FORMAT_MAX_FILE_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   /* A plain %u: xgettext cannot see through G_GSIZE_FORMAT. */
                   _("the map would be a %u MiB file; Parcours opens files of at most %d MiB"),
                   (guint) (g_bytes_get_size (bytes) / (1024 * 1024)), PARCOURS_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}
