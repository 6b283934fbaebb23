/* parcours-mermaid.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "parcours-document.h"
#include "parcours-format.h"

G_BEGIN_DECLS

/* Mermaid `journey` diagrams (https://mermaid.js.org/syntax/userJourney.html)
 * to and from maps.
 *
 *     journey
 *       title My working day
 *       section Go to work
 *         Make tea: 5: Me
 *         Do work: 1: Me, Cat
 *
 * Reading
 *
 * - The first line that is neither blank nor a comment must be `journey`.
 *   It may be preceded by a `---` front matter block, whose `title:` is
 *   used as the title when there is no `title` line. Keywords are
 *   case-insensitive, indentation is free, blank lines are ignored and a
 *   UTF-8 byte order mark is skipped.
 * - `%%` starts a comment only at the beginning of a line (after the
 *   indentation), as in Mermaid, which drops such lines and keeps a `%%`
 *   later in a line as text; `%%{…}%%` directives are comments too.
 *   `#` starts a comment that runs to the end of a `title`, `section` or
 *   task line, as in Mermaid's lexer; `accTitle:` and `accDescr:` keep
 *   their `#`. A `;`, which Mermaid refuses, is kept as text.
 * - `title T` sets the title (the last one wins). `accTitle: T` is used as
 *   the title when there is none. `accDescr: D` and the multi-line
 *   `accDescr { … }` set the description; each line of the block is
 *   trimmed and `%%` lines in it are comments.
 * - `section NAME` starts a stage. Tasks before the first section go to a
 *   stage with an empty name.
 * - `Task name: SCORE` or `Task name: SCORE: Actor, Actor` is a task. The
 *   name is what precedes the first `:`, the actors follow the second one
 *   and, as in Mermaid, anything after a third `:` is ignored. Empty
 *   actors are skipped and an actor named twice in a task counts once.
 * - SCORE must be a whole number (`+` or `-` allowed): anything else is an
 *   error. Mermaid accepts any number and draws scores outside 1…5 outside
 *   its band; Parcours has no room outside the band, so whole numbers
 *   are clamped to 1…5 without an error (0 and -1 become 1, 7 becomes 5).
 * - In names, titles and actors `<br>`, `<br/>` and `<br />` (any case)
 *   are line breaks, the text is trimmed, and one leading U+200B ZERO
 *   WIDTH SPACE is removed (see Writing).
 *
 * Mapping: the title and description are the document's; each section is
 * a stage; each task a card of a single touchpoints lane, "Touchpoints";
 * each distinct actor a persona, in order of first appearance, with an
 * emotions lane of its own. A task gives each of its actors an emotion
 * point in that lane: stage of the task, offset (i + 0.5) / n for the i-th
 * of the n tasks of its section, value (SCORE - 3) / 2 and the task name
 * as label. A task without actors puts its point in an "Emotions" lane
 * without persona. The map is a current-state map.
 *
 * Writing is the same mapping backwards. The cards of each stage are those
 * of the touchpoints lanes (or, when there are none, of the first lane
 * that is not an emotions lane), in document order. In each emotions
 * lane, a point goes to the card whose text equals its label, preferring
 * the card whose slot (k + 0.5) / n is the one its offset falls in, else
 * to the card of that slot; a card keeps one point per lane and points
 * that find no card are not written. A task's actors are the personas of
 * its points in document order, its score clamp (round (value * 2 + 3),
 * 1, 5) from the first of them; a task with only points of lanes without
 * persona takes the first one's score and no actors; a task without
 * points has score 3. A stage with an empty name is written as
 * `section` followed by a zero width space, except a first stage with
 * tasks, written as tasks before any section. A multi-line description
 * uses the `accDescr { … }` form. Files written by Parcours read back to
 * an equal map, which is written out again byte for byte.
 *
 * Mermaid cannot hold some characters, which are written as look-alikes:
 *
 * - `:` in task and section names and actors: U+2236 RATIO `∶`
 * - `#` anywhere: U+FF03 FULLWIDTH NUMBER SIGN `＃`
 * - `;` anywhere: U+FF1B FULLWIDTH SEMICOLON `；`
 * - `,` in actors: U+201A SINGLE LOW-9 QUOTATION MARK `‚`
 * - `}` in a multi-line description: U+FF5D FULLWIDTH RIGHT CURLY BRACKET `｝`
 * - `<` starting a `<br>` that is text: U+FF1C FULLWIDTH LESS-THAN SIGN `＜`
 * - `%%` where Mermaid would see a comment (at the start of a task name or
 *   of a description line, or after the first character of a task name):
 *   two U+FF05 FULLWIDTH PERCENT SIGN `％％`
 * - line breaks: `<br>` (in a description: real line breaks)
 *
 * and an empty name, a name starting with U+200B ZERO WIDTH SPACE or a
 * task name that Mermaid would read as a keyword (`journey…`, `accTitle…`,
 * `accDescr…`, `title …`, `section …`) is written after a U+200B, which is
 * invisible in Mermaid and which the reader removes again. Titles keep
 * their `:`, which Mermaid accepts there.
 *
 * Errors are in the %PARCOURS_FORMAT_ERROR domain, and their messages
 * start with the line number ("line 4: expected …"), except for text over
 * the size limit: SYNTAX, ENCODING (not UTF-8, or a NUL byte) and
 * TOO_LARGE when one of the limits below is passed. The whole text is
 * checked before any element is made. */

#define PARCOURS_MERMAID_MAX_SIZE        PARCOURS_FORMAT_MAX_FILE_SIZE
#define PARCOURS_MERMAID_MAX_LINE_LENGTH (64 * 1024)
#define PARCOURS_MERMAID_MAX_SECTIONS    1000
#define PARCOURS_MERMAID_MAX_TASKS       200000
#define PARCOURS_MERMAID_MAX_ACTORS      200
/* Emotion points: one per actor of each task. */
#define PARCOURS_MERMAID_MAX_SCORES      1000000
/* Bytes of card texts and point labels together: a long task name with
 * many actors is copied into every point. */
#define PARCOURS_MERMAID_MAX_TEXT        PARCOURS_FORMAT_MAX_FILE_SIZE

ParcoursDocument *parcours_mermaid_import      (const char        *text,
                                                gssize             length,
                                                GError           **error);
ParcoursDocument *parcours_mermaid_import_file (GFile             *file,
                                                GCancellable      *cancellable,
                                                GError           **error);
char             *parcours_mermaid_export      (ParcoursDocument  *document);
gboolean          parcours_mermaid_export_file (ParcoursDocument  *document,
                                                GFile             *file,
                                                GCancellable      *cancellable,
                                                GError           **error);

G_END_DECLS
