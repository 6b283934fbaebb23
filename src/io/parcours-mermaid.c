/* parcours-mermaid.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "parcours-atomic-file.h"
#include "parcours-document-private.h"
#include "parcours-mermaid.h"

/* Mermaid journeys, as described in parcours-mermaid.h.
 *
 * Reading happens in two steps: the text is checked (size, line lengths,
 * UTF-8) and parsed into a Journey, a plain description of sections,
 * tasks and actors on which every limit is enforced; only then is the
 * document built, so that hostile input fails before any element is
 * made. Writing groups the cards and emotion points by stage first, so
 * that it stays linear in the size of the map. */

#define ZWSP "\342\200\213"               /* U+200B ZERO WIDTH SPACE */
#define LOOK_ALIKE_COLON "\342\210\266"   /* U+2236 RATIO */
#define LOOK_ALIKE_HASH "\357\274\203"    /* U+FF03 FULLWIDTH NUMBER SIGN */
#define LOOK_ALIKE_SEMICOLON "\357\274\233" /* U+FF1B FULLWIDTH SEMICOLON */
#define LOOK_ALIKE_COMMA "\342\200\232"   /* U+201A SINGLE LOW-9 QUOTATION MARK */
#define LOOK_ALIKE_BRACE "\357\275\235"   /* U+FF5D FULLWIDTH RIGHT CURLY BRACKET */
#define LOOK_ALIKE_LESS "\357\274\234"    /* U+FF1C FULLWIDTH LESS-THAN SIGN */
#define LOOK_ALIKE_PERCENT "\357\274\205" /* U+FF05 FULLWIDTH PERCENT SIGN */

#define EXCERPT_LENGTH 60
#define READ_CHUNK (64 * 1024)

typedef struct
{
  char *name;
  guint section;
  int score;
  guint first_actor;   /* in Journey.actor_refs */
  guint n_actors;
} Task;

typedef struct
{
  char *title;
  char *front_matter_title;
  char *acc_title;
  char *description;
  GPtrArray *sections;     /* char *, names */
  GArray *tasks;           /* Task */
  GPtrArray *actors;       /* char *, names in order of first appearance */
  GHashTable *actor_index; /* name → index + 1 */
  GArray *actor_refs;      /* guint, the actors of each task */
  GArray *actor_stamps;    /* guint per actor: 1 + the last task naming it */
  guint n_anonymous;       /* tasks without actors */
  gsize text_size;
} Journey;

typedef struct
{
  const char *pos;
  const char *end;
  guint line;              /* number of the line last read */
} LineReader;

typedef enum
{
  ESCAPE_COLON      = 1 << 0,
  ESCAPE_COMMA      = 1 << 1,
  ESCAPE_LINE_START = 1 << 2,
} EscapeFlags;

/* The cards of a stage that become its tasks, and the stage's points. */
typedef struct
{
  GPtrArray *cards;
  GPtrArray *points;
} StageTasks;

/* Matching the points of a stage with its cards, one lane at a time. */
typedef struct
{
  StageTasks *tasks;
  GHashTable *cards_by_text; /* text → GArray of card positions */
  GHashTable *cursors;       /* label → first candidate not yet tried */
  int *point_card;           /* for each point: its card, or -1 */
  int *owner;                /* for each card: its point in the lane, or -1 */
  gboolean *by_label;        /* for each card: whether it matched a label */
  GArray *touched;           /* cards to reset before the next lane */
} Matcher;

static void
task_clear (Task *task)
{
  g_clear_pointer (&task->name, g_free);
}

static Journey *
journey_new (void)
{
  Journey *journey = g_new0 (Journey, 1);

  journey->sections = g_ptr_array_new_with_free_func (g_free);
  journey->tasks = g_array_new (FALSE, FALSE, sizeof (Task));
  g_array_set_clear_func (journey->tasks, (GDestroyNotify) task_clear);
  journey->actors = g_ptr_array_new_with_free_func (g_free);
  journey->actor_index = g_hash_table_new (g_str_hash, g_str_equal);
  journey->actor_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  journey->actor_stamps = g_array_new (FALSE, TRUE, sizeof (guint));

  return journey;
}

static void
journey_free (Journey *journey)
{
  g_clear_pointer (&journey->title, g_free);
  g_clear_pointer (&journey->front_matter_title, g_free);
  g_clear_pointer (&journey->acc_title, g_free);
  g_clear_pointer (&journey->description, g_free);
  g_clear_pointer (&journey->actor_index, g_hash_table_unref);
  g_clear_pointer (&journey->sections, g_ptr_array_unref);
  g_clear_pointer (&journey->tasks, g_array_unref);
  g_clear_pointer (&journey->actors, g_ptr_array_unref);
  g_clear_pointer (&journey->actor_refs, g_array_unref);
  g_clear_pointer (&journey->actor_stamps, g_array_unref);
  g_free (journey);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journey, journey_free)

static void
stage_tasks_free (StageTasks *tasks)
{
  g_clear_pointer (&tasks->cards, g_ptr_array_unref);
  g_clear_pointer (&tasks->points, g_ptr_array_unref);
  g_free (tasks);
}

/* Text helpers */

static gboolean
is_space (const char *s)
{
  return *s != '\0' && g_unichar_isspace (g_utf8_get_char (s));
}

static const char *
skip_spaces (const char *s)
{
  while (is_space (s))
    s = g_utf8_next_char (s);

  return s;
}

/* Trims Unicode white space from both ends of @s, in place. */
static char *
trim (char *s)
{
  char *end;

  s = (char *) skip_spaces (s);
  end = s + strlen (s);

  while (end > s)
    {
      char *prev = g_utf8_find_prev_char (s, end);

      if (prev == NULL || !is_space (prev))
        break;
      end = prev;
    }
  *end = '\0';

  return s;
}

static gboolean
is_blank (const char *s)
{
  return *skip_spaces (s) == '\0';
}

/* Whether @s starts with a Mermaid line break: `<br`, spaces, an optional
 * `/` and `>`, in any case. Sets @length to its length. */
static gboolean
match_line_break (const char *s,
                  gsize      *length)
{
  const char *p = s;

  if (g_ascii_strncasecmp (p, "<br", 3) != 0)
    return FALSE;

  p += 3;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '/')
    p++;
  if (*p != '>')
    return FALSE;

  if (length != NULL)
    *length = p + 1 - s;
  return TRUE;
}

/* A name, title or actor as read: trimmed, without the leading zero width
 * space that protects it and with its line breaks. */
static char *
clean_name (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  GString *name;
  const char *p;

  p = trim (copy);
  if (g_str_has_prefix (p, ZWSP))
    p += strlen (ZWSP);

  name = g_string_sized_new (strlen (p));
  while (*p != '\0')
    {
      gsize length;

      if (*p == '<' && match_line_break (p, &length))
        {
          g_string_append_c (name, '\n');
          p += length;
        }
      else
        {
          g_string_append_c (name, *p);
          p++;
        }
    }

  return g_string_free (name, FALSE);
}

/* Ends @line at a `#` comment. */
static void
cut_comment (char *line)
{
  char *hash = strchr (line, '#');

  if (hash != NULL)
    *hash = '\0';
}

static gboolean
is_comment (const char *s)
{
  return s[0] == '%' && s[1] == '%';
}

/* Whether @s starts with @keyword (in any case) followed by a space or
 * the end; sets @rest to what follows. */
static gboolean
match_word (const char  *s,
            const char  *keyword,
            const char **rest)
{
  gsize length = strlen (keyword);

  if (g_ascii_strncasecmp (s, keyword, length) != 0)
    return FALSE;
  if (s[length] != '\0' && !is_space (s + length))
    return FALSE;

  *rest = s + length;
  return TRUE;
}

/* Whether @s is @keyword (in any case), optional spaces and @delimiter;
 * sets @rest to what follows the delimiter. */
static gboolean
match_delimited (const char  *s,
                 const char  *keyword,
                 char         delimiter,
                 const char **rest)
{
  gsize length = strlen (keyword);
  const char *p;

  if (g_ascii_strncasecmp (s, keyword, length) != 0)
    return FALSE;

  p = skip_spaces (s + length);
  if (*p != delimiter)
    return FALSE;

  *rest = p + 1;
  return TRUE;
}

/* The start of @text, quoted in messages. */
static char *
excerpt (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  g_autofree char *start = NULL;
  const char *trimmed = trim (copy);

  if (g_utf8_strlen (trimmed, -1) <= EXCERPT_LENGTH)
    return g_strdup (trimmed);

  start = g_utf8_substring (trimmed, 0, EXCERPT_LENGTH);
  return g_strconcat (start, "…", NULL);
}

static void set_line_error (GError              **error,
                            ParcoursFormatError   code,
                            guint                 line,
                            const char           *format,
                            ...) G_GNUC_PRINTF (4, 5);

static void
set_line_error (GError              **error,
                ParcoursFormatError   code,
                guint                 line,
                const char           *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PARCOURS_FORMAT_ERROR, code, "line %u: %s", line, message);
}

/* Reading */

/* Checks the limits on size and line length and that the text is UTF-8
 * without NUL bytes, so that the parser can trust every line. */
static gboolean
check_text (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end = text + length;
  const char *p = text;
  guint line = 1;

  if (length > PARCOURS_MERMAID_MAX_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   "the text is larger than %d MB",
                   PARCOURS_MERMAID_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (;;)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;

      if (line_end - p > PARCOURS_MERMAID_MAX_LINE_LENGTH)
        {
          set_line_error (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                          "line longer than %d bytes",
                          PARCOURS_MERMAID_MAX_LINE_LENGTH);
          return FALSE;
        }

      if (!g_utf8_validate_len (p, line_end - p, NULL))
        {
          set_line_error (error, PARCOURS_FORMAT_ERROR_ENCODING, line,
                          "text is not valid UTF-8");
          return FALSE;
        }

      if (newline == NULL)
        return TRUE;

      p = newline + 1;
      line++;
    }
}

/* Returns the next line without its line ending, or %NULL at the end. */
static char *
line_reader_next (LineReader *reader)
{
  const char *newline;
  const char *line_end;
  const char *start = reader->pos;

  if (start == NULL)
    return NULL;

  newline = memchr (start, '\n', reader->end - start);
  line_end = newline != NULL ? newline : reader->end;
  reader->pos = newline != NULL ? newline + 1 : NULL;
  reader->line++;

  if (line_end > start && line_end[-1] == '\r')
    line_end--;

  return g_strndup (start, line_end - start);
}

static gboolean
parse_score (const char *text,
             int        *score)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint value = 0;

  if (*p == '+' || *p == '-')
    {
      negative = *p == '-';
      p++;
    }

  if (!g_ascii_isdigit (*p))
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    value = MIN (value * 10 + (guint) (*p - '0'), 1000);

  if (*p != '\0')
    return FALSE;

  *score = negative ? 1 : (int) CLAMP (value, 1, 5);
  return TRUE;
}

static gboolean
journey_add_section (Journey     *journey,
                     char        *name,
                     guint        line,
                     GError     **error)
{
  g_autofree char *owned = name;

  if (journey->sections->len == PARCOURS_MERMAID_MAX_SECTIONS)
    {
      set_line_error (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                      "more than %d sections", PARCOURS_MERMAID_MAX_SECTIONS);
      return FALSE;
    }

  journey->text_size += strlen (owned);
  g_ptr_array_add (journey->sections, g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
journey_add_actors (Journey     *journey,
                    Task        *task,
                    char        *actors,
                    guint        line,
                    GError     **error)
{
  g_auto(GStrv) names = g_strsplit (actors, ",", -1);
  guint stamp = journey->tasks->len + 1;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      gpointer stored;
      guint index;

      if (is_blank (names[i]))
        continue;

      name = clean_name (names[i]);
      stored = g_hash_table_lookup (journey->actor_index, name);

      if (stored == NULL)
        {
          if (journey->actors->len == PARCOURS_MERMAID_MAX_ACTORS)
            {
              set_line_error (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                              "more than %d actors", PARCOURS_MERMAID_MAX_ACTORS);
              return FALSE;
            }

          journey->text_size += strlen (name);
          g_ptr_array_add (journey->actors, g_strdup (name));
          g_array_set_size (journey->actor_stamps, journey->actors->len);
          stored = GUINT_TO_POINTER (journey->actors->len);
          g_hash_table_insert (journey->actor_index,
                               g_ptr_array_index (journey->actors, journey->actors->len - 1),
                               stored);
        }

      /* An actor named twice in a task counts once. */
      index = GPOINTER_TO_UINT (stored) - 1;
      if (g_array_index (journey->actor_stamps, guint, index) == stamp)
        continue;
      g_array_index (journey->actor_stamps, guint, index) = stamp;

      g_array_append_val (journey->actor_refs, index);
      task->n_actors++;

      if (journey->actor_refs->len > PARCOURS_MERMAID_MAX_SCORES)
        {
          set_line_error (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                          "more than %d scores (one for each actor of each task)",
                          PARCOURS_MERMAID_MAX_SCORES);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
journey_parse_task (Journey     *journey,
                    const char  *line,
                    guint        line_number,
                    GError     **error)
{
  g_autofree char *copy = g_strdup (line);
  Task task = { 0 };
  char *colon;
  char *data;
  char *actors = NULL;
  char *score_text;

  cut_comment (copy);
  colon = strchr (copy, ':');
  if (colon == NULL)
    {
      g_autofree char *found = excerpt (line);

      set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, line_number,
                      "expected \"Task name: score\" or \"section Name\", found \"%s\"",
                      found);
      return FALSE;
    }

  *colon = '\0';
  data = colon + 1;
  colon = strchr (data, ':');
  if (colon != NULL)
    {
      *colon = '\0';
      actors = colon + 1;

      /* Mermaid ignores a third field. */
      colon = strchr (actors, ':');
      if (colon != NULL)
        *colon = '\0';
    }

  score_text = trim (data);
  if (!parse_score (score_text, &task.score))
    {
      g_autofree char *found = excerpt (score_text);

      set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, line_number,
                      "score must be a whole number, found \"%s\"", found);
      return FALSE;
    }

  if (journey->tasks->len == PARCOURS_MERMAID_MAX_TASKS)
    {
      set_line_error (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line_number,
                      "more than %d tasks", PARCOURS_MERMAID_MAX_TASKS);
      return FALSE;
    }

  /* Tasks before any section go to one without a name. */
  if (journey->sections->len == 0 &&
      !journey_add_section (journey, g_strdup (""), line_number, error))
    return FALSE;

  task.section = journey->sections->len - 1;
  task.first_actor = journey->actor_refs->len;
  if (actors != NULL &&
      !journey_add_actors (journey, &task, actors, line_number, error))
    return FALSE;

  if (task.n_actors == 0)
    journey->n_anonymous++;

  task.name = clean_name (copy);

  /* The card holds the name, and each point a copy as its label. */
  journey->text_size += strlen (task.name) * (1 + MAX (task.n_actors, 1));
  if (journey->text_size > PARCOURS_MERMAID_MAX_TEXT)
    {
      set_line_error (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line_number,
                      "the map would hold more than %d MB of text",
                      PARCOURS_MERMAID_MAX_TEXT / (1024 * 1024));
      task_clear (&task);
      return FALSE;
    }

  g_array_append_val (journey->tasks, task);
  return TRUE;
}

/* Reads the lines of an `accDescr {` block whose text starts at @rest, up
 * to the closing brace. */
static gboolean
journey_parse_acc_descr_block (Journey     *journey,
                               LineReader  *reader,
                               const char  *rest,
                               GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *line = NULL;
  guint first_line = reader->line;
  const char *piece = rest;

  for (;;)
    {
      g_autofree char *copy = NULL;
      const char *brace;

      if (piece == rest || !is_comment (skip_spaces (piece)))
        {
          brace = strchr (piece, '}');
          copy = g_strndup (piece, brace != NULL ? (gsize) (brace - piece) : strlen (piece));

          if (piece != rest)
            g_string_append_c (text, '\n');
          g_string_append (text, trim (copy));

          if (brace != NULL)
            {
              const char *after = skip_spaces (brace + 1);

              if (*after != '\0' && *after != '#' && !is_comment (after))
                {
                  g_autofree char *found = excerpt (after);

                  set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line,
                                  "expected the end of the line after \"}\", found \"%s\"",
                                  found);
                  return FALSE;
                }

              g_free (journey->description);
              journey->description = g_strdup (trim (text->str));
              return TRUE;
            }
        }

      g_clear_pointer (&line, g_free);
      line = line_reader_next (reader);
      if (line == NULL)
        {
          set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line,
                          "expected \"}\" to end the \"accDescr {\" of line %u",
                          first_line);
          return FALSE;
        }
      piece = line;
    }
}

/* Reads a `---` block before `journey`, keeping its `title:`. */
static gboolean
journey_parse_front_matter (Journey     *journey,
                            LineReader  *reader,
                            GError     **error)
{
  guint first_line = reader->line;

  for (;;)
    {
      g_autofree char *line = line_reader_next (reader);
      g_autofree char *copy = NULL;
      char *value;

      if (line == NULL)
        {
          set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line,
                          "expected \"---\" to end the front matter of line %u",
                          first_line);
          return FALSE;
        }

      copy = g_strdup (line);
      value = trim (copy);
      if (strcmp (value, "---") == 0)
        return TRUE;

      if (g_str_has_prefix (line, "title:"))
        {
          gsize length;

          value = trim (copy + strlen ("title:"));
          length = strlen (value);
          if (length >= 2 &&
              (value[0] == '"' || value[0] == '\'') &&
              value[length - 1] == value[0])
            {
              value[length - 1] = '\0';
              value++;
            }

          g_free (journey->front_matter_title);
          journey->front_matter_title = clean_name (value);
        }
    }
}

/* `journey`, possibly followed by a comment. */
static gboolean
is_journey_line (const char *s)
{
  const char *rest;

  if (!match_word (s, "journey", &rest))
    return FALSE;

  rest = skip_spaces (rest);
  return *rest == '\0' || *rest == '#' || is_comment (rest);
}

/* Skips comments, blank lines and front matter up to `journey`. */
static gboolean
journey_parse_header (Journey     *journey,
                      LineReader  *reader,
                      GError     **error)
{
  gboolean first = TRUE;

  for (;;)
    {
      g_autofree char *line = line_reader_next (reader);
      g_autofree char *found = NULL;
      const char *s;

      if (line == NULL)
        {
          set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line,
                          "expected \"journey\"");
          return FALSE;
        }

      s = trim (line);
      if (*s == '\0')
        continue;

      if (first && strcmp (s, "---") == 0)
        {
          if (!journey_parse_front_matter (journey, reader, error))
            return FALSE;
          first = FALSE;
          continue;
        }
      first = FALSE;

      if (is_comment (s))
        continue;

      if (is_journey_line (s))
        return TRUE;

      found = excerpt (s);
      set_line_error (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line,
                      "expected \"journey\", found \"%s\"", found);
      return FALSE;
    }
}

static gboolean
journey_parse (Journey     *journey,
               LineReader  *reader,
               GError     **error)
{
  if (!journey_parse_header (journey, reader, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *line = line_reader_next (reader);
      const char *s;
      const char *rest;

      if (line == NULL)
        return TRUE;

      s = skip_spaces (line);
      if (*s == '\0' || is_comment (s))
        continue;

      if (match_delimited (s, "accTitle", ':', &rest))
        {
          g_autofree char *copy = g_strdup (rest);

          g_free (journey->acc_title);
          journey->acc_title = g_strdup (trim (copy));
        }
      else if (match_delimited (s, "accDescr", ':', &rest))
        {
          g_autofree char *copy = g_strdup (rest);

          g_free (journey->description);
          journey->description = g_strdup (trim (copy));
        }
      else if (match_delimited (s, "accDescr", '{', &rest))
        {
          if (!journey_parse_acc_descr_block (journey, reader, rest, error))
            return FALSE;
        }
      else if (match_word (s, "title", &rest))
        {
          g_autofree char *copy = g_strdup (rest);

          cut_comment (copy);
          g_free (journey->title);
          journey->title = clean_name (copy);
        }
      else if (match_word (s, "section", &rest))
        {
          g_autofree char *copy = g_strdup (rest);

          cut_comment (copy);
          if (!journey_add_section (journey, clean_name (copy), reader->line, error))
            return FALSE;
        }
      else if (!journey_parse_task (journey, s, reader->line, error))
        {
          return FALSE;
        }
    }
}

static gboolean
append_element (ParcoursDocument  *document,
                gpointer           element,
                GError           **error)
{
  g_autoptr(ParcoursElement) owned = element;

  return _parcours_document_insert (document, owned, G_MAXUINT, error);
}

/* A new id, kept in @ids until the document is built. */
static const char *
make_id (ParcoursDocument *document,
         GType             type,
         GPtrArray        *ids)
{
  char *id = parcours_document_make_id (document, type);

  g_ptr_array_add (ids, id);
  return id;
}

static ParcoursDocument *
journey_build (Journey  *journey,
               GError  **error)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) lane_ids = g_ptr_array_new ();
  g_autofree guint *section_sizes = NULL;
  g_autofree guint *section_positions = NULL;
  const char *touchpoints_id;
  const char *anonymous_id = NULL;
  const char *title;

  title = journey->title;
  if (title == NULL)
    title = journey->front_matter_title;
  if (title == NULL)
    title = journey->acc_title;

  parcours_document_set_title (document, title);
  parcours_document_set_description (document, journey->description);
  parcours_document_set_kind (document, PARCOURS_MAP_KIND_CURRENT_STATE);

  for (guint i = 0; i < journey->sections->len; i++)
    {
      const char *name = g_ptr_array_index (journey->sections, i);
      const char *id = make_id (document, PARCOURS_TYPE_STAGE, ids);

      g_ptr_array_add (stage_ids, (gpointer) id);
      if (!append_element (document, parcours_stage_new (id, name), error))
        return NULL;
    }

  touchpoints_id = make_id (document, PARCOURS_TYPE_LANE, ids);
  if (!append_element (document,
                       parcours_lane_new (touchpoints_id,
                                          PARCOURS_LANE_KIND_TOUCHPOINTS,
                                          _("Touchpoints")),
                       error))
    return NULL;

  for (guint i = 0; i < journey->actors->len; i++)
    {
      const char *name = g_ptr_array_index (journey->actors, i);
      const char *persona_id = make_id (document, PARCOURS_TYPE_PERSONA, ids);
      const char *lane_id;
      ParcoursLane *lane;

      if (!append_element (document, parcours_persona_new (persona_id, name), error))
        return NULL;

      lane_id = make_id (document, PARCOURS_TYPE_LANE, ids);
      g_ptr_array_add (lane_ids, (gpointer) lane_id);
      lane = parcours_lane_new (lane_id, PARCOURS_LANE_KIND_EMOTIONS, name);
      parcours_lane_set_persona_id (lane, persona_id);
      if (!append_element (document, lane, error))
        return NULL;
    }

  if (journey->n_anonymous > 0)
    {
      anonymous_id = make_id (document, PARCOURS_TYPE_LANE, ids);
      if (!append_element (document,
                           parcours_lane_new (anonymous_id,
                                              PARCOURS_LANE_KIND_EMOTIONS,
                                              _("Emotions")),
                           error))
        return NULL;
    }

  section_sizes = g_new0 (guint, MAX (journey->sections->len, 1));
  section_positions = g_new0 (guint, MAX (journey->sections->len, 1));
  for (guint i = 0; i < journey->tasks->len; i++)
    section_sizes[g_array_index (journey->tasks, Task, i).section]++;

  for (guint i = 0; i < journey->tasks->len; i++)
    {
      const Task *task = &g_array_index (journey->tasks, Task, i);
      const char *stage_id = g_ptr_array_index (stage_ids, task->section);
      g_autofree char *card_id = parcours_document_make_id (document, PARCOURS_TYPE_CARD);
      guint position = section_positions[task->section]++;
      double offset = (position + 0.5) / section_sizes[task->section];
      double value = (task->score - 3) / 2.0;

      if (!append_element (document,
                           parcours_card_new (card_id, touchpoints_id, stage_id, task->name),
                           error))
        return NULL;

      for (guint j = 0; j < MAX (task->n_actors, 1); j++)
        {
          g_autofree char *point_id = NULL;
          ParcoursEmotionPoint *point;
          const char *lane_id;

          if (task->n_actors == 0)
            lane_id = anonymous_id;
          else
            lane_id = g_ptr_array_index (lane_ids,
                                         g_array_index (journey->actor_refs, guint,
                                                        task->first_actor + j));

          point_id = parcours_document_make_id (document, PARCOURS_TYPE_EMOTION_POINT);
          point = parcours_emotion_point_new (point_id, lane_id, stage_id, offset, value);
          parcours_emotion_point_set_label (point, task->name);
          if (!append_element (document, point, error))
            return NULL;
        }
    }

  return g_steal_pointer (&document);
}

/**
 * parcours_mermaid_import:
 * @text: the text of a Mermaid journey
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a Mermaid `journey` diagram as a new map.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ParcoursDocument *
parcours_mermaid_import (const char  *text,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(Journey) journey = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  LineReader reader;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!check_text (text, length, error))
    return NULL;

  /* A byte order mark. */
  if (length >= 3 && memcmp (text, "\357\273\277", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  reader.pos = text;
  reader.end = text + length;
  reader.line = 0;

  journey = journey_new ();
  if (!journey_parse (journey, &reader, error))
    return NULL;

  document = journey_build (journey, error);
  if (document != NULL && !parcours_format_check_reopenable (document, error))
    g_clear_object (&document);

  return g_steal_pointer (&document);
}

/**
 * parcours_mermaid_import_file:
 * @file: a `.mmd` file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a file with parcours_mermaid_import(), refusing files larger than
 * %PARCOURS_MERMAID_MAX_SIZE without reading them whole.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ParcoursDocument *
parcours_mermaid_import_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_new ();
  for (;;)
    {
      guint old_length = buffer->len;
      gsize n_read = 0;

      g_byte_array_set_size (buffer, old_length + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream),
                                    buffer->data + old_length, READ_CHUNK,
                                    &n_read, cancellable, error))
        return NULL;
      g_byte_array_set_size (buffer, old_length + n_read);

      if (buffer->len > PARCOURS_MERMAID_MAX_SIZE)
        {
          g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                       "the file is larger than %d MB",
                       PARCOURS_MERMAID_MAX_SIZE / (1024 * 1024));
          return NULL;
        }

      if (n_read < READ_CHUNK)
        break;
    }

  return parcours_mermaid_import ((const char *) buffer->data, buffer->len, error);
}

/* Writing */

/* Whether Mermaid would read a line starting with @name as a keyword
 * rather than as a task. */
static gboolean
looks_like_keyword (const char *name)
{
  const char *rest;

  return g_ascii_strncasecmp (name, "journey", strlen ("journey")) == 0 ||
         g_ascii_strncasecmp (name, "accTitle", strlen ("accTitle")) == 0 ||
         g_ascii_strncasecmp (name, "accDescr", strlen ("accDescr")) == 0 ||
         (match_word (name, "title", &rest) && *rest != '\0') ||
         (match_word (name, "section", &rest) && *rest != '\0');
}

/* Replaces the `%%` at @position of @out, which Mermaid would take for
 * the start of a comment. */
static void
break_comment_at (GString *out,
                  gsize    position)
{
  if (out->len < position + 2 || !is_comment (out->str + position))
    return;

  g_string_erase (out, position, 2);
  g_string_insert (out, position, LOOK_ALIKE_PERCENT LOOK_ALIKE_PERCENT);
}

/* @text as Mermaid can hold it: see the header for the look-alikes. */
static char *
escape_text (const char  *text,
             EscapeFlags  flags)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  const char *p = trim (copy);
  GString *out = g_string_sized_new (strlen (p) + 8);

  for (; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "<br>");
          break;

        case '\n':
          g_string_append (out, "<br>");
          break;

        case '#':
          g_string_append (out, LOOK_ALIKE_HASH);
          break;

        case ';':
          g_string_append (out, LOOK_ALIKE_SEMICOLON);
          break;

        case ':':
          if (flags & ESCAPE_COLON)
            g_string_append (out, LOOK_ALIKE_COLON);
          else
            g_string_append_c (out, *p);
          break;

        case ',':
          if (flags & ESCAPE_COMMA)
            g_string_append (out, LOOK_ALIKE_COMMA);
          else
            g_string_append_c (out, *p);
          break;

        case '<':
          if (match_line_break (p, NULL))
            g_string_append (out, LOOK_ALIKE_LESS);
          else
            g_string_append_c (out, *p);
          break;

        default:
          g_string_append_c (out, *p);
          break;
        }
    }

  if ((flags & ESCAPE_LINE_START) && out->len > 0)
    {
      /* Mermaid's lexer takes `%%`, or any character and `%%`, for a
       * comment where a token starts. */
      break_comment_at (out, 0);
      break_comment_at (out, g_utf8_next_char (out->str) - out->str);
    }

  if (out->len == 0 ||
      g_str_has_prefix (out->str, ZWSP) ||
      ((flags & ESCAPE_LINE_START) && looks_like_keyword (out->str)))
    g_string_prepend (out, ZWSP);

  return g_string_free (out, FALSE);
}

static void
append_title (GString          *out,
              ParcoursDocument *document)
{
  const char *title = parcours_document_get_title (document);
  g_autofree char *escaped = NULL;

  if (title == NULL || is_blank (title))
    return;

  escaped = escape_text (title, 0);
  g_string_append_printf (out, "  title %s\n", escaped);
}

static void
append_description (GString          *out,
                    ParcoursDocument *document)
{
  const char *description = parcours_document_get_description (document);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  const char *trimmed;

  if (description == NULL || is_blank (description))
    return;

  copy = g_strdup (description);
  trimmed = trim (copy);

  if (strpbrk (trimmed, "\r\n") == NULL)
    {
      g_string_append_printf (out, "  accDescr: %s\n", trimmed);
      return;
    }

  g_string_append (out, "  accDescr {\n");
  lines = g_regex_split_simple ("\r\n|\r|\n", trimmed, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (trim (lines[i]));

      if (line->len == 0)
        {
          g_string_append_c (out, '\n');
          continue;
        }

      break_comment_at (line, 0);
      for (gsize j = 0; j < line->len; j++)
        {
          if (line->str[j] == '}')
            {
              g_string_erase (line, j, 1);
              g_string_insert (line, j, LOOK_ALIKE_BRACE);
            }
        }

      g_string_append_printf (out, "    %s\n", line->str);
    }
  g_string_append (out, "  }\n");
}

/* The lanes whose cards are tasks: the touchpoints lanes, or the first
 * lane that is not an emotions lane. */
static GHashTable *
find_task_lanes (ParcoursDocument *document)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (lanes);
  g_autoptr(ParcoursLane) fallback = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);
      ParcoursLaneKind kind = parcours_lane_get_kind (lane);

      if (kind == PARCOURS_LANE_KIND_TOUCHPOINTS)
        g_hash_table_add (result, g_strdup (parcours_element_get_id (PARCOURS_ELEMENT (lane))));
      else if (kind != PARCOURS_LANE_KIND_EMOTIONS && fallback == NULL)
        fallback = g_object_ref (lane);
    }

  if (g_hash_table_size (result) == 0 && fallback != NULL)
    g_hash_table_add (result, g_strdup (parcours_element_get_id (PARCOURS_ELEMENT (fallback))));

  return result;
}

/* The escaped actor name of each emotions lane with a persona. */
static GHashTable *
find_actor_names (ParcoursDocument *document)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (lanes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);
      ParcoursPersona *persona;

      if (parcours_lane_get_kind (lane) != PARCOURS_LANE_KIND_EMOTIONS)
        continue;

      persona = parcours_document_lookup_persona (document,
                                                  parcours_lane_get_persona_id (lane));
      if (persona == NULL)
        continue;

      g_hash_table_insert (result,
                           g_strdup (parcours_element_get_id (PARCOURS_ELEMENT (lane))),
                           escape_text (parcours_persona_get_name (persona),
                                        ESCAPE_COLON | ESCAPE_COMMA));
    }

  return result;
}

static guint
slot_for_offset (double offset,
                 guint  n_cards)
{
  double slot = floor (offset * n_cards);

  if (!(slot > 0.0))
    return 0;

  return (guint) MIN (slot, (double) (n_cards - 1));
}

static double
slot_distance (ParcoursEmotionPoint *point,
               guint                 slot,
               guint                 n_cards)
{
  return fabs (parcours_emotion_point_get_offset (point) - (slot + 0.5) / n_cards);
}

static void
add_to_group (GHashTable *groups,
              const char *key,
              guint       position)
{
  GArray *positions = g_hash_table_lookup (groups, key);

  if (positions == NULL)
    {
      positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (groups, (gpointer) key, positions);
    }
  g_array_append_val (positions, position);
}

static void
matcher_assign (Matcher  *matcher,
                guint     card,
                guint     point,
                gboolean  by_label)
{
  matcher->owner[card] = (int) point;
  matcher->by_label[card] = by_label;
  matcher->point_card[point] = (int) card;
  g_array_append_val (matcher->touched, card);
}

static guint
matcher_get_slot (Matcher *matcher,
                  guint    point)
{
  ParcoursEmotionPoint *emotion_point = g_ptr_array_index (matcher->tasks->points, point);

  return slot_for_offset (parcours_emotion_point_get_offset (emotion_point),
                          matcher->tasks->cards->len);
}

/* The card of the point's slot if its text is the label, else the first
 * free card with that text. */
static void
matcher_match_label (Matcher *matcher,
                     guint    point)
{
  ParcoursEmotionPoint *emotion_point = g_ptr_array_index (matcher->tasks->points, point);
  const char *label = parcours_emotion_point_get_label (emotion_point);
  guint slot = matcher_get_slot (matcher, point);
  ParcoursCard *slot_card = g_ptr_array_index (matcher->tasks->cards, slot);
  GArray *candidates;
  guint cursor;

  if (label == NULL || *label == '\0')
    return;

  if (matcher->owner[slot] < 0 &&
      g_strcmp0 (parcours_card_get_text (slot_card), label) == 0)
    {
      matcher_assign (matcher, slot, point, TRUE);
      return;
    }

  candidates = g_hash_table_lookup (matcher->cards_by_text, label);
  if (candidates == NULL)
    return;

  cursor = GPOINTER_TO_UINT (g_hash_table_lookup (matcher->cursors, label));
  while (cursor < candidates->len &&
         matcher->owner[g_array_index (candidates, guint, cursor)] >= 0)
    cursor++;

  if (cursor < candidates->len)
    {
      matcher_assign (matcher, g_array_index (candidates, guint, cursor), point, TRUE);
      cursor++;
    }
  g_hash_table_insert (matcher->cursors, (gpointer) label, GUINT_TO_POINTER (cursor));
}

/* The card of the point's slot, unless a label took it or another point
 * is nearer to its middle. */
static void
matcher_match_offset (Matcher *matcher,
                      guint    point)
{
  guint n_cards = matcher->tasks->cards->len;
  guint slot = matcher_get_slot (matcher, point);
  int rival = matcher->owner[slot];

  if (rival < 0)
    {
      matcher_assign (matcher, slot, point, FALSE);
    }
  else if (!matcher->by_label[slot] &&
           slot_distance (g_ptr_array_index (matcher->tasks->points, point), slot, n_cards) <
           slot_distance (g_ptr_array_index (matcher->tasks->points, rival), slot, n_cards))
    {
      matcher->point_card[rival] = -1;
      matcher_assign (matcher, slot, point, FALSE);
    }
}

static void
matcher_match_lane (Matcher *matcher,
                    GArray  *lane_points)
{
  for (guint i = 0; i < lane_points->len; i++)
    matcher_match_label (matcher, g_array_index (lane_points, guint, i));

  for (guint i = 0; i < lane_points->len; i++)
    {
      guint point = g_array_index (lane_points, guint, i);

      if (matcher->point_card[point] < 0)
        matcher_match_offset (matcher, point);
    }

  for (guint i = 0; i < matcher->touched->len; i++)
    {
      guint card = g_array_index (matcher->touched, guint, i);

      matcher->owner[card] = -1;
      matcher->by_label[card] = FALSE;
    }
  g_array_set_size (matcher->touched, 0);
  g_hash_table_remove_all (matcher->cursors);
}

/* Gives each point of @tasks the card it scores, or -1: in each lane, a
 * card whose text equals the point's label (the one of its slot first),
 * else the card of its slot, one point per card and lane. Lanes are
 * independent, so their order does not matter. */
static void
match_points (StageTasks *tasks,
              int        *point_card)
{
  guint n_cards = tasks->cards->len;
  guint n_points = tasks->points->len;
  g_autoptr(GHashTable) points_by_lane = NULL;
  g_autoptr(GHashTable) cards_by_text = NULL;
  g_autoptr(GHashTable) cursors = NULL;
  g_autoptr(GArray) touched = NULL;
  g_autofree int *owner = NULL;
  g_autofree gboolean *by_label = NULL;
  Matcher matcher;
  GHashTableIter iter;
  gpointer lane_points;

  for (guint j = 0; j < n_points; j++)
    point_card[j] = -1;

  if (n_cards == 0)
    return;

  points_by_lane = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
  for (guint j = 0; j < n_points; j++)
    add_to_group (points_by_lane,
                  parcours_emotion_point_get_lane_id (g_ptr_array_index (tasks->points, j)),
                  j);

  cards_by_text = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_array_unref);
  for (guint k = 0; k < n_cards; k++)
    add_to_group (cards_by_text,
                  parcours_card_get_text (g_ptr_array_index (tasks->cards, k)),
                  k);

  cursors = g_hash_table_new (g_str_hash, g_str_equal);
  touched = g_array_new (FALSE, FALSE, sizeof (guint));
  owner = g_new (int, n_cards);
  by_label = g_new0 (gboolean, n_cards);
  for (guint k = 0; k < n_cards; k++)
    owner[k] = -1;

  matcher.tasks = tasks;
  matcher.cards_by_text = cards_by_text;
  matcher.cursors = cursors;
  matcher.point_card = point_card;
  matcher.owner = owner;
  matcher.by_label = by_label;
  matcher.touched = touched;

  g_hash_table_iter_init (&iter, points_by_lane);
  while (g_hash_table_iter_next (&iter, NULL, &lane_points))
    matcher_match_lane (&matcher, lane_points);
}

static int
value_to_score (double value)
{
  double score = round (value * 2.0 + 3.0);

  return (int) CLAMP (score, 1.0, 5.0);
}

static void
append_tasks (GString    *out,
              StageTasks *tasks,
              GHashTable *actor_names)
{
  guint n_cards = tasks->cards->len;
  guint n_points = tasks->points->len;
  g_autofree int *point_card = g_new (int, MAX (n_points, 1));
  g_autofree int *first = g_new (int, MAX (n_cards, 1));
  g_autofree int *last = g_new (int, MAX (n_cards, 1));
  g_autofree int *next = g_new (int, MAX (n_points, 1));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  match_points (tasks, point_card);

  /* The points of each card, in document order. */
  for (guint k = 0; k < n_cards; k++)
    first[k] = last[k] = -1;
  for (guint j = 0; j < n_points; j++)
    {
      int k = point_card[j];

      next[j] = -1;
      if (k < 0)
        continue;
      if (first[k] < 0)
        first[k] = (int) j;
      else
        next[last[k]] = (int) j;
      last[k] = (int) j;
    }

  for (guint k = 0; k < n_cards; k++)
    {
      ParcoursCard *card = g_ptr_array_index (tasks->cards, k);
      g_autofree char *name = escape_text (parcours_card_get_text (card),
                                           ESCAPE_COLON | ESCAPE_LINE_START);
      ParcoursEmotionPoint *scored = NULL;
      ParcoursEmotionPoint *anonymous = NULL;

      g_ptr_array_set_size (actors, 0);
      g_hash_table_remove_all (seen);

      for (int j = first[k]; j >= 0; j = next[j])
        {
          ParcoursEmotionPoint *point = g_ptr_array_index (tasks->points, j);
          const char *actor = g_hash_table_lookup (actor_names,
                                                   parcours_emotion_point_get_lane_id (point));

          if (actor == NULL)
            {
              if (anonymous == NULL)
                anonymous = point;
              continue;
            }

          if (scored == NULL)
            scored = point;
          if (g_hash_table_add (seen, (gpointer) actor))
            g_ptr_array_add (actors, (gpointer) actor);
        }

      if (scored == NULL)
        scored = anonymous;

      g_string_append_printf (out, "    %s: %d", name,
                              scored != NULL ? value_to_score (parcours_emotion_point_get_value (scored)) : 3);

      for (guint a = 0; a < actors->len; a++)
        {
          g_string_append (out, a == 0 ? ": " : ", ");
          g_string_append (out, g_ptr_array_index (actors, a));
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * parcours_mermaid_export:
 * @document: a #ParcoursDocument
 *
 * Writes @document as a Mermaid `journey` diagram.
 *
 * Returns: (transfer full): the text, ending with a line break
 */
char *
parcours_mermaid_export (ParcoursDocument *document)
{
  g_autoptr(GHashTable) task_lanes = NULL;
  g_autoptr(GHashTable) actor_names = NULL;
  g_autoptr(GHashTable) stage_tasks = NULL;
  GListModel *stages;
  GListModel *cards;
  GListModel *points;
  GString *out;
  guint n;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);

  out = g_string_new ("journey\n");
  append_title (out, document);
  append_description (out, document);

  task_lanes = find_task_lanes (document);
  actor_names = find_actor_names (document);
  stage_tasks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) stage_tasks_free);

  stages = parcours_document_get_stages (document);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);
      StageTasks *tasks = g_new0 (StageTasks, 1);

      tasks->cards = g_ptr_array_new_with_free_func (g_object_unref);
      tasks->points = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (stage_tasks,
                           (gpointer) parcours_element_get_id (PARCOURS_ELEMENT (stage)),
                           tasks);
    }

  cards = parcours_document_get_cards (document);
  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      ParcoursCard *card = g_list_model_get_item (cards, i);
      StageTasks *tasks = g_hash_table_lookup (stage_tasks,
                                               parcours_card_get_stage_id (card));

      if (tasks != NULL &&
          g_hash_table_contains (task_lanes, parcours_card_get_lane_id (card)))
        g_ptr_array_add (tasks->cards, card);
      else
        g_object_unref (card);
    }

  points = parcours_document_get_emotion_points (document);
  n = g_list_model_get_n_items (points);
  for (guint i = 0; i < n; i++)
    {
      ParcoursEmotionPoint *point = g_list_model_get_item (points, i);
      StageTasks *tasks = g_hash_table_lookup (stage_tasks,
                                               parcours_emotion_point_get_stage_id (point));
      ParcoursLane *lane = parcours_document_lookup_lane (document,
                                                          parcours_emotion_point_get_lane_id (point));

      if (tasks != NULL && lane != NULL &&
          parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS)
        g_ptr_array_add (tasks->points, point);
      else
        g_object_unref (point);
    }

  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);
      StageTasks *tasks = g_hash_table_lookup (stage_tasks,
                                               parcours_element_get_id (PARCOURS_ELEMENT (stage)));
      const char *name = parcours_stage_get_name (stage);

      /* Tasks before any section read back as a first stage without a
       * name. */
      if (i > 0 || !is_blank (name != NULL ? name : "") || tasks->cards->len == 0)
        {
          g_autofree char *escaped = escape_text (name, ESCAPE_COLON);

          g_string_append_printf (out, "  section %s\n", escaped);
        }

      append_tasks (out, tasks, actor_names);
    }

  return g_string_free (out, FALSE);
}

/**
 * parcours_mermaid_export_file:
 * @document: a #ParcoursDocument
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes parcours_mermaid_export() to @file, replacing it atomically
 * as parcours_atomic_file_replace() does.
 *
 * Returns: %TRUE on success
 */
gboolean
parcours_mermaid_export_file (ParcoursDocument  *document,
                              GFile             *file,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = parcours_mermaid_export (document);

  return parcours_atomic_file_replace (file, text, strlen (text), cancellable, error);
}
