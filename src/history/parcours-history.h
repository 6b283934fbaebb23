/* parcours-history.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-document.h"

G_BEGIN_DECLS

#define PARCOURS_TYPE_HISTORY (parcours_history_get_type())

G_DECLARE_FINAL_TYPE (ParcoursHistory, parcours_history, PARCOURS, HISTORY, GObject)

#define PARCOURS_HISTORY_DEFAULT_MAX_STEPS 1000

ParcoursHistory  *parcours_history_new            (ParcoursDocument *document);
ParcoursDocument *parcours_history_get_document   (ParcoursHistory  *self);

guint             parcours_history_get_max_steps  (ParcoursHistory  *self);
void              parcours_history_set_max_steps  (ParcoursHistory  *self,
                                                   guint             max_steps);
gboolean          parcours_history_get_can_undo   (ParcoursHistory  *self);
gboolean          parcours_history_get_can_redo   (ParcoursHistory  *self);
const char       *parcours_history_get_undo_label (ParcoursHistory  *self);
const char       *parcours_history_get_redo_label (ParcoursHistory  *self);
gboolean          parcours_history_get_modified   (ParcoursHistory  *self);
guint             parcours_history_get_n_undo     (ParcoursHistory  *self);
guint             parcours_history_get_n_redo     (ParcoursHistory  *self);

gboolean          parcours_history_undo           (ParcoursHistory  *self);
gboolean          parcours_history_redo           (ParcoursHistory  *self);
void              parcours_history_mark_saved     (ParcoursHistory  *self);
void              parcours_history_mark_unsaved   (ParcoursHistory  *self);
guint64           parcours_history_get_state      (ParcoursHistory  *self);
void              parcours_history_mark_saved_state
                                                  (ParcoursHistory  *self,
                                                   guint64           state);
void              parcours_history_clear          (ParcoursHistory  *self);

/* Groups: every command between begin and end becomes one undo step with
 * the group's label. Groups nest; only the outermost one makes a step.
 * A group never merges with the steps around it. */
void              parcours_history_begin_group    (ParcoursHistory  *self,
                                                   const char       *label);
void              parcours_history_end_group      (ParcoursHistory  *self);
void              parcours_history_cancel_group   (ParcoursHistory  *self);
gboolean          parcours_history_get_in_group   (ParcoursHistory  *self);

/* Ends a continuous gesture: the next edit starts a new undo step even if
 * it sets the same property of the same element. */
void              parcours_history_seal           (ParcoursHistory  *self);

/* Property edits. @object is the document or an element in it. Consecutive
 * sets of the same property of the same object merge into one step until
 * the history is sealed (a drag, typing into one field). A NULL @label
 * picks a default such as "Rename Stage" or "Edit Card".
 * parcours_history_set() makes one step of several properties; it merges
 * with the next one that sets the same properties of the same object. */
void              parcours_history_set_value      (ParcoursHistory  *self,
                                                   gpointer          object,
                                                   const char       *property_name,
                                                   const GValue     *value,
                                                   const char       *label);
void              parcours_history_set            (ParcoursHistory  *self,
                                                   gpointer          object,
                                                   const char       *label,
                                                   const char       *first_property_name,
                                                   ...) G_GNUC_NULL_TERMINATED;

/* Structure. Removing a stage or a lane removes its cards and emotion
 * points in the same step; removing a persona clears it from the lanes
 * that show it. Undo brings everything back exactly where it was. */
gboolean          parcours_history_insert         (ParcoursHistory  *self,
                                                   ParcoursElement  *element,
                                                   guint             position,
                                                   const char       *label);
void              parcours_history_remove         (ParcoursHistory  *self,
                                                   ParcoursElement  *element,
                                                   const char       *label);
void              parcours_history_move           (ParcoursHistory  *self,
                                                   ParcoursElement  *element,
                                                   guint             to_position,
                                                   const char       *label);
/* Moves @card into the cell (@lane_id, @stage_id) at @index_in_cell
 * (G_MAXUINT for the end of the cell): one step "Move Card". Into an
 * empty cell, the card keeps its place in the document's card list. */
void              parcours_history_move_card      (ParcoursHistory  *self,
                                                   ParcoursCard     *card,
                                                   const char       *lane_id,
                                                   const char       *stage_id,
                                                   guint             index_in_cell);

/* Dot voting (parcours-history-votes.c): each vote is a step of its own,
 * clearing every vote of the map is one step. */
gboolean          parcours_history_add_vote       (ParcoursHistory  *self,
                                                   ParcoursCard     *card);
gboolean          parcours_history_remove_vote    (ParcoursHistory  *self,
                                                   ParcoursCard     *card);
guint             parcours_history_clear_votes    (ParcoursHistory  *self);
guint             parcours_history_change_votes   (ParcoursHistory     *self,
                                                   ParcoursCard * const *cards,
                                                   guint                n_cards,
                                                   int                  delta);

G_END_DECLS
