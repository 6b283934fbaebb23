/* parcours-command.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

/* One reversible change of a document: the unit ParcoursHistory stores.
 * A plain reference-counted struct rather than a GObject: a history holds
 * thousands of them and needs neither signals nor properties. */

typedef enum
{
  PARCOURS_COMMAND_SET,
  PARCOURS_COMMAND_INSERT,
  PARCOURS_COMMAND_REMOVE,
  PARCOURS_COMMAND_MOVE,
  PARCOURS_COMMAND_GROUP,
} ParcoursCommandKind;

typedef struct _ParcoursCommand ParcoursCommand;

ParcoursCommand     *parcours_command_new_set         (GObject            *object,
                                                       GParamSpec         *pspec,
                                                       const GValue       *old_value,
                                                       const GValue       *new_value,
                                                       const char         *label);
ParcoursCommand     *parcours_command_new_insert      (ParcoursElement    *element,
                                                       ParcoursCollection  collection,
                                                       guint               position,
                                                       const char         *label);
ParcoursCommand     *parcours_command_new_remove      (ParcoursElement    *element,
                                                       ParcoursCollection  collection,
                                                       guint               position,
                                                       const char         *label);
ParcoursCommand     *parcours_command_new_move        (ParcoursCollection  collection,
                                                       guint               from_position,
                                                       guint               to_position,
                                                       const char         *label);
ParcoursCommand     *parcours_command_new_group       (const char         *label);
ParcoursCommand     *parcours_command_ref             (ParcoursCommand    *self);
void                 parcours_command_unref           (ParcoursCommand    *self);

ParcoursCommandKind  parcours_command_get_kind        (ParcoursCommand    *self);
const char          *parcours_command_get_label       (ParcoursCommand    *self);
void                 parcours_command_set_label       (ParcoursCommand    *self,
                                                       const char         *label);

void                 parcours_command_group_add       (ParcoursCommand    *self,
                                                       ParcoursCommand    *child);
guint                parcours_command_group_get_size  (ParcoursCommand    *self);
ParcoursCommand     *parcours_command_group_get_child (ParcoursCommand    *self,
                                                       guint               index);

gboolean             parcours_command_is_set_only     (ParcoursCommand    *self);
gboolean             parcours_command_can_merge       (ParcoursCommand    *self,
                                                       ParcoursCommand    *next);
void                 parcours_command_merge           (ParcoursCommand    *self,
                                                       ParcoursCommand    *next);

void                 parcours_command_apply           (ParcoursCommand    *self,
                                                       ParcoursDocument   *document);
void                 parcours_command_revert          (ParcoursCommand    *self,
                                                       ParcoursDocument   *document);

gboolean             parcours_command_values_equal    (GParamSpec         *pspec,
                                                       const GValue       *value1,
                                                       const GValue       *value2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursCommand, parcours_command_unref)

G_END_DECLS
