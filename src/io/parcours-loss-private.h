/* parcours-loss-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "parcours-stage.h"

G_BEGIN_DECLS

/* What the exporters of formats that cannot hold a whole map (Mermaid,
 * CSV) use to say what they leave out: one warning line about @n things,
 * when there are any (@n is evaluated once). */
#define PARCOURS_ADD_LOSS(warnings, n, singular, plural) \
  G_STMT_START { \
    guint n_lost_ = (n); \
    if (n_lost_ > 0) \
      g_ptr_array_add ((warnings), \
                       g_strdup_printf (ngettext (singular, plural, n_lost_), n_lost_)); \
  } G_STMT_END

static inline gboolean
_parcours_has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* How many items of @model @matches, given @data. */
static inline guint
_parcours_count_matching (GListModel *model,
                          gboolean  (*matches) (gpointer item,
                                                gpointer data),
                          gpointer    data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (matches (item, data))
        n++;
    }

  return n;
}

/* Whether @item is not in @data, a set of items. */
static inline gboolean
_parcours_is_not_in (gpointer item,
                     gpointer data)
{
  return !g_hash_table_contains (data, item);
}

/* Whether @item, a stage, has a width, colour or description: neither
 * Mermaid nor CSV holds them. */
static inline gboolean
_parcours_stage_has_layout (gpointer item,
                            gpointer data)
{
  ParcoursStage *stage = item;

  return _parcours_has_text (parcours_stage_get_color (stage)) ||
         _parcours_has_text (parcours_stage_get_description (stage)) ||
         parcours_stage_get_width (stage) != 1.0;
}

G_END_DECLS
