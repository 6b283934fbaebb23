/* parcours-utils.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <string.h>

G_BEGIN_DECLS

/* For command-line programs that end right after their last use of a
 * map: takes @object (transfer full) and never frees it, only the one
 * kept before it. Freeing a 5 000-card map element by element costs more
 * than drawing its thumbnail; the pointer stays reachable, so leak
 * checkers do not count it. */
static inline void
parcours_keep_until_exit (gpointer object)
{
  static GObject *kept;

  g_clear_object (&kept);
  kept = object;
}

/* GLib 2.74 has no g_set_str(): replace *str_pointer by a copy of
 * new_str and tell whether it changed, so setters notify only on change. */
static inline gboolean
parcours_set_str (char       **str_pointer,
                  const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* Same for NULL-terminated string arrays; NULL and empty are equal. */
static inline gboolean
parcours_set_strv (char               ***strv_pointer,
                   const char * const   *new_strv)
{
  char **copy;
  gboolean old_empty = *strv_pointer == NULL || (*strv_pointer)[0] == NULL;
  gboolean new_empty = new_strv == NULL || new_strv[0] == NULL;

  if (old_empty && new_empty)
    return FALSE;
  if (!old_empty && !new_empty &&
      g_strv_equal ((const char * const *) *strv_pointer, new_strv))
    return FALSE;

  copy = new_empty ? NULL : g_strdupv ((char **) new_strv);
  g_strfreev (*strv_pointer);
  *strv_pointer = copy;
  return TRUE;
}

/* Doubles set from the UI or the history compare exactly: a property
 * changed by any amount notifies. */
static inline gboolean
parcours_set_double (double *double_pointer,
                     double  new_value)
{
  if (*double_pointer == new_value)
    return FALSE;
  *double_pointer = new_value;
  return TRUE;
}

/* As g_string_append_len(), for writers that append a few bytes at a
 * time hundreds of thousands of times: GString's own append is a
 * general insertion, where a copy does while the string has room. */
static inline void
parcours_string_append_len (GString    *string,
                            const char *text,
                            gsize       length)
{
  if (G_UNLIKELY (length >= string->allocated_len - string->len))
    {
      g_string_append_len (string, text, length);
      return;
    }

  memcpy (string->str + string->len, text, length);
  string->len += length;
  string->str[string->len] = '\0';
}

G_END_DECLS
