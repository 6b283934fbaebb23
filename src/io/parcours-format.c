/* parcours-format.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
  g_autoptr(ParcoursJsonTree) tree = NULL;
  const char *data;
  gsize length;

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

  return _parcours_format_read (_parcours_json_tree_get_root (tree), error);
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
 * same folder, which then replaces @file, keeping its permissions. On
 * failure @file is left as it was.
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

  return g_file_replace_contents (file, data, length,
                                  NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
