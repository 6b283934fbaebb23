/* parcours-history-labels.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-history-labels.h"

/* Whole phrases rather than "Rename %s": translators need the noun and
 * the verb together to get case and gender right. */

static const char * const rename_labels[PARCOURS_N_COLLECTIONS] = {
  [PARCOURS_COLLECTION_PERSONAS] = N_("Rename Persona"),
  [PARCOURS_COLLECTION_STAGES] = N_("Rename Stage"),
  [PARCOURS_COLLECTION_LANES] = N_("Rename Lane"),
};

static const char * const edit_labels[PARCOURS_N_COLLECTIONS] = {
  [PARCOURS_COLLECTION_PERSONAS] = N_("Edit Persona"),
  [PARCOURS_COLLECTION_STAGES] = N_("Edit Stage"),
  [PARCOURS_COLLECTION_LANES] = N_("Edit Lane"),
  [PARCOURS_COLLECTION_CARDS] = N_("Edit Card"),
  [PARCOURS_COLLECTION_EMOTION_POINTS] = N_("Edit Emotion Point"),
};

static const char * const insert_labels[PARCOURS_N_COLLECTIONS] = {
  [PARCOURS_COLLECTION_PERSONAS] = N_("Add Persona"),
  [PARCOURS_COLLECTION_STAGES] = N_("Add Stage"),
  [PARCOURS_COLLECTION_LANES] = N_("Add Lane"),
  [PARCOURS_COLLECTION_CARDS] = N_("Add Card"),
  [PARCOURS_COLLECTION_EMOTION_POINTS] = N_("Add Emotion Point"),
};

static const char * const remove_labels[PARCOURS_N_COLLECTIONS] = {
  [PARCOURS_COLLECTION_PERSONAS] = N_("Delete Persona"),
  [PARCOURS_COLLECTION_STAGES] = N_("Delete Stage"),
  [PARCOURS_COLLECTION_LANES] = N_("Delete Lane"),
  [PARCOURS_COLLECTION_CARDS] = N_("Delete Card"),
  [PARCOURS_COLLECTION_EMOTION_POINTS] = N_("Delete Emotion Point"),
};

/* Stages, lanes and personas form ordered lists the user rearranges;
 * cards and emotion points are moved somewhere on the map. */
static const char * const move_labels[PARCOURS_N_COLLECTIONS] = {
  [PARCOURS_COLLECTION_PERSONAS] = N_("Reorder Personas"),
  [PARCOURS_COLLECTION_STAGES] = N_("Reorder Stages"),
  [PARCOURS_COLLECTION_LANES] = N_("Reorder Lanes"),
  [PARCOURS_COLLECTION_CARDS] = N_("Move Card"),
  [PARCOURS_COLLECTION_EMOTION_POINTS] = N_("Move Emotion Point"),
};

static const char *
translate (const char *msgid)
{
  return g_intern_string (_(msgid));
}

static const char *
label_from_table (const char * const *table,
                  ParcoursCollection  collection)
{
  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  return translate (table[collection]);
}

const char *
_parcours_history_label_for_set (GObject    *object,
                                 GParamSpec *pspec)
{
  ParcoursCollection collection;
  const char *name = pspec->name;

  if (PARCOURS_IS_DOCUMENT (object))
    {
      if (g_str_equal (name, "title"))
        return translate (N_("Rename Map"));
      return translate (N_("Edit Map"));
    }

  if (!PARCOURS_IS_ELEMENT (object))
    return translate (N_("Edit"));

  collection = parcours_collection_for_type (G_OBJECT_TYPE (object));

  if (collection == PARCOURS_COLLECTION_CARDS && g_str_equal (name, "text"))
    return translate (N_("Edit Card Text"));

  if (collection == PARCOURS_COLLECTION_EMOTION_POINTS &&
      (g_str_equal (name, "value") || g_str_equal (name, "offset")))
    return translate (N_("Change Emotion"));

  if (g_str_equal (name, "name") && rename_labels[collection] != NULL)
    return label_from_table (rename_labels, collection);

  return label_from_table (edit_labels, collection);
}

const char *
_parcours_history_label_for_insert (ParcoursCollection collection)
{
  return label_from_table (insert_labels, collection);
}

const char *
_parcours_history_label_for_remove (ParcoursCollection collection)
{
  return label_from_table (remove_labels, collection);
}

const char *
_parcours_history_label_for_move (ParcoursCollection collection)
{
  return label_from_table (move_labels, collection);
}

const char *
_parcours_history_label_move_card (void)
{
  return translate (N_("Move Card"));
}
