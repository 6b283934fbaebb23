/* parcours-loss-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

/* What the exporters of formats that cannot hold a whole map (Mermaid,
 * CSV) use to say what they leave out: one warning line about @n things,
 * when there are any. */
#define PARCOURS_ADD_LOSS(warnings, n, singular, plural) \
  G_STMT_START { \
    if ((n) > 0) \
      g_ptr_array_add ((warnings), g_strdup_printf (ngettext (singular, plural, (n)), (n))); \
  } G_STMT_END

static inline gboolean
_parcours_has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

G_END_DECLS
