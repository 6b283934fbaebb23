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
 * Reading follows Mermaid (the journey grammar of the `mermaid` npm
 * package, journey.jison, its journeyDb and the preprocessing every
 * diagram goes through), so that a file means the same in both:
 *
 * - Line ends are LF, CRLF or CR. A `---` front matter block first gives
 *   the title when there is no `title` statement. `%%{…}%%` directives,
 *   on one line or several, are removed wherever they are; so are lines
 *   whose first non-space is `%%`. Then `#59;`-style entity codes (a
 *   number, or amp, lt, gt, quot, apos, nbsp) stand for their character,
 *   which is how Mermaid writes `;`, `#`, `:` and `,` in names.
 * - Then Mermaid's lexer, rule by rule: `%` where a token starts and one
 *   character followed by `%%` start a comment to the end of the line, as
 *   does `#`; white space and line breaks separate statements but are not
 *   needed (a statement may follow the `}` of `accDescr {…}`); keywords
 *   are case-insensitive. `journey` comes first; `title T`; `accTitle: T`
 *   and `accDescr: D` take the rest of the line; `accDescr { … }` runs to
 *   the closing brace, its line breaks and the spaces after them folded
 *   into one line break; `section NAME` up to a `#` or `:`; a task is
 *   `Name: SCORE` or `Name: SCORE: Actor, Actor`, anything after a third
 *   `:` ignored.
 * - SCORE is read as JavaScript's Number() reads it: any decimal, `0x…`,
 *   a blank is 0. The emotion value is (SCORE - 3) / 2; a score outside
 *   1…5 is brought into it and one that is not a number becomes 3, each
 *   with a warning.
 * - In names, titles and actors `<br>`, `<br/>` and `<br />` (any case)
 *   are line breaks, the text is trimmed and one leading U+200B ZERO
 *   WIDTH SPACE is removed (see Writing). Empty actors are skipped and an
 *   actor named twice in a task counts once.
 * - What Mermaid refuses but Parcours can read is read with a warning
 *   saying so: `JOURNEY` in upper case or `#` comments before it
 *   (Mermaid's detectType() wants a lower-case `journey` first), a `:` in
 *   a section name, a task name starting with the word `journey`, a `;`.
 *   Other syntax errors are errors, as they are for Mermaid.
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
 * its points in document order, its score value * 2 + 3 from the first of
 * them; a task with only points of lanes without persona takes the first
 * one's score and no actors; a task without points has score 3. A stage
 * with an empty name is written as `section` followed by a zero width
 * space, except a first stage with tasks, written as tasks before any
 * section. A multi-line description uses the `accDescr { … }` form.
 *
 * Then, unless %PARCOURS_MERMAID_EXPORT_PLAIN, the whole map follows in
 * `%%` comment lines (its native JSON, every `%` escaped, after a `%%
 * Parcours:` line), which Mermaid drops and the reader uses: when the
 * Mermaid text is still what Parcours would write of that map, the map
 * is read back as it was, byte for byte. When it was edited elsewhere the
 * text wins: a task line is the task Parcours wrote with the same name,
 * score and actors (the k-th such line the k-th such task, wherever it
 * moved), keeping its card's data; other lines are new cards; tasks whose
 * line is gone lose their data with a warning; sections are matched by
 * name, then in order between matched ones (renamed), and one that is
 * gone takes its cards of every lane with it, with a warning. A plain
 * export adds one warning per kind of information it leaves out.
 *
 * Characters that Mermaid would read as syntax are written as entity
 * codes, which Mermaid shows as the characters themselves and the reader
 * decodes, so nothing is replaced by a look-alike: `:` (`#58;`) in task
 * and section names and actors, `#` (`#35;`) and `;` (`#59;`) in names
 * and titles, `,` (`#44;`) in actors, `}` (`#125;`) in a multi-line
 * description, `<` (`#60;`) starting a `<br>` that is text, the first `%`
 * of every `%%` and a `%` starting a task name (`#37;`), U+FB02 (which
 * starts Mermaid's own entity placeholders) and a `#` that would read as
 * an entity code. Line breaks are `<br>` (in a description: real line
 * breaks; blank lines, which Mermaid folds away, are not written). An
 * empty name, a name starting with U+200B ZERO WIDTH SPACE or a task name
 * that Mermaid would read as a keyword (`journey…`, `accTitle…`,
 * `accDescr…`, `title …`, `section …`) is written after a U+200B, which
 * is invisible in Mermaid and which the reader removes again. Scores are
 * value * 2 + 3, as short as they read back ("3.5"). An `accTitle` read
 * from a file that is not the title is kept in the document's unknown
 * member `x-mermaid-acc-title` and written back.
 *
 * Errors are in the %PARCOURS_FORMAT_ERROR domain, and their messages
 * start with the line number ("line 4: expected …"), except for text over
 * the size limit: SYNTAX, ENCODING (not UTF-8, or a NUL byte) and
 * TOO_LARGE when one of the limits below is passed. The whole text is
 * checked before any element is made. */

#define PARCOURS_MERMAID_MAX_SIZE        PARCOURS_FORMAT_MAX_FILE_SIZE
#define PARCOURS_MERMAID_MAX_LINE_LENGTH (8 * 1024 * 1024)
#define PARCOURS_MERMAID_MAX_SECTIONS    1000
#define PARCOURS_MERMAID_MAX_TASKS       200000
#define PARCOURS_MERMAID_MAX_ACTORS      200
/* Emotion points: one per actor of each task. */
#define PARCOURS_MERMAID_MAX_SCORES      1000000
/* Bytes of card texts and point labels together: a long task name with
 * many actors is copied into every point. */
#define PARCOURS_MERMAID_MAX_TEXT        PARCOURS_FORMAT_MAX_FILE_SIZE

typedef enum
{
  PARCOURS_MERMAID_EXPORT_PLAIN = 1 << 0,   /* without the map in comment lines */
} ParcoursMermaidExportFlags;

ParcoursDocument *parcours_mermaid_import      (const char        *text,
                                                gssize             length,
                                                GError           **error);
ParcoursDocument *parcours_mermaid_import_full (const char        *text,
                                                gssize             length,
                                                GPtrArray         *warnings,
                                                GError           **error);
ParcoursDocument *parcours_mermaid_import_file (GFile             *file,
                                                GCancellable      *cancellable,
                                                GError           **error);
char             *parcours_mermaid_export      (ParcoursDocument  *document);
char             *parcours_mermaid_export_full (ParcoursDocument           *document,
                                                ParcoursMermaidExportFlags  flags,
                                                GPtrArray                  *warnings,
                                                GError                    **error);
gboolean          parcours_mermaid_export_file (ParcoursDocument  *document,
                                                GFile             *file,
                                                GCancellable      *cancellable,
                                                GError           **error);

G_END_DECLS
