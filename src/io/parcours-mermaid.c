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
#include "parcours-loss-private.h"
#include "parcours-format-private.h"
#include "parcours-import-private.h"
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

/* Mermaid's entity placeholders: `#59;` is read as ENTITY_NUMBER "59"
 * ENTITY_END, `#amp;` as ENTITY_NAME "amp" ENTITY_END. */
#define ENTITY_NAME   "\357\254\202\302\260"  /* U+FB02 U+00B0 */
#define ENTITY_NUMBER ENTITY_NAME "\302\260"  /* U+FB02 U+00B0 U+00B0 */
#define ENTITY_END    "\302\266\303\237"      /* U+00B6 U+00DF */

/* The map in comment lines (see append_hidden()). */
#define HIDDEN_HEADER "%% Parcours: the rest of the map, for Parcours; Mermaid ignores these lines"
#define HIDDEN_LINE   "%%| "
#define HIDDEN_MORE   "%%+ "
#define HIDDEN_CHUNK  4096

#define ACC_TITLE_MEMBER "x-mermaid-acc-title"

#define EXCERPT_LENGTH 60
#define READ_CHUNK (64 * 1024)

typedef struct
{
  char *name;
  guint section;
  double value;        /* emotion value */
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

typedef enum
{
  ESCAPE_COLON      = 1 << 0,
  ESCAPE_COMMA      = 1 << 1,
  ESCAPE_LINE_START = 1 << 2,
  ESCAPE_HASH       = 1 << 3,
  ESCAPE_SEMICOLON  = 1 << 4,
  ESCAPE_BRACE      = 1 << 5,
  ESCAPE_PROTECT    = 1 << 6,   /* a name, read without its leading U+200B */
} EscapeFlags;

/* A task line as written: its card and the points that give its score
 * and actors. */
typedef struct
{
  ParcoursCard *card;
  GPtrArray *points;
  double offset;       /* where Mermaid puts it: the middle of its slot */
} ExportedTask;

static void
exported_task_free (ExportedTask *task)
{
  g_clear_object (&task->card);
  g_clear_pointer (&task->points, g_ptr_array_unref);
  g_free (task);
}

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

/* A problem on a line of the text. */
#define SET_LINE_ERROR(error, code, at_line, ...) \
  _parcours_import_set_error ((error), (code), &(ParcoursImportPlace) { .line = (at_line) }, \
                              __VA_ARGS__)

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
                   _("the text is larger than %d MB"),
                   PARCOURS_MERMAID_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (;;)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;

      if (line_end - p > PARCOURS_MERMAID_MAX_LINE_LENGTH)
        {
          SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                          _("line longer than %d bytes"),
                          PARCOURS_MERMAID_MAX_LINE_LENGTH);
          return FALSE;
        }

      if (!g_utf8_validate_len (p, line_end - p, NULL))
        {
          SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_ENCODING, line,
                          _("text is not valid UTF-8"));
          return FALSE;
        }

      if (newline == NULL)
        return TRUE;

      p = newline + 1;
      line++;
    }
}

/* The end of the line at @p: its line break or the end of the text. */
static const char *
line_end (const char *p)
{
  /* A plain loop: it runs on every line, and string functions checked
   * by the sanitizers read the whole rest of the text each time. */
  while (*p != '\0' && *p != '\n')
    p++;
  return p;
}

/* g_str_has_prefix() without reading past the first difference. */
static gboolean
starts_with (const char *p,
             const char *prefix)
{
  for (; *prefix != '\0'; p++, prefix++)
    if (*p != *prefix)
      return FALSE;
  return TRUE;
}

static gsize
count_lines (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Trimmed, without the zero width space that protects a name and with
 * `<br>` as line breaks. */
static char *
clean_breaks (const char *text)
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

static const struct
{
  const char *name;
  const char *text;
} named_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
  { "apos", "'" }, { "nbsp", "\302\240" },
};

/* Mermaid's entity placeholders as the characters the browser shows;
 * codes it cannot show are kept as they were written. */
static char *
decode_entities (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gboolean number;
      const char *start;
      const char *end;

      /* Every placeholder starts with the byte 0xef of U+FB02. */
      if ((guchar) *p != 0xef || !starts_with (p, ENTITY_NAME))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      number = starts_with (p, ENTITY_NUMBER);

      /* Word characters, then the end mark. */
      start = p + (number ? sizeof ENTITY_NUMBER : sizeof ENTITY_NAME) - 1;
      end = start;
      while (g_ascii_isalnum (*end) || *end == '_' || *end == '+')
        end++;
      if (!starts_with (end, ENTITY_END))
        {
          g_string_append_c (out, *p++);
          continue;
        }

      if (number)
        {
          guint64 code = g_ascii_strtoull (*start == '+' ? start + 1 : start, NULL, 10);

          /* Controls and noncharacters are not text to show. */
          if (end - start <= 8 && code >= 0x20 && code <= 0x10ffff &&
              !(code >= 0x7f && code < 0xa0) && g_unichar_validate ((gunichar) code) &&
              !(code >= 0xfdd0 && code <= 0xfdef) && (code & 0xfffe) != 0xfffe)
            g_string_append_unichar (out, (gunichar) code);
          else
            {
              g_string_append_c (out, '#');
              g_string_append_len (out, start, end - start);
              g_string_append_c (out, ';');
            }
        }
      else
        {
          const char *shown = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (named_entities); i++)
            if (strlen (named_entities[i].name) == (gsize) (end - start) &&
                strncmp (named_entities[i].name, start, end - start) == 0)
              shown = named_entities[i].text;

          if (shown != NULL)
            g_string_append (out, shown);
          else
            {
              g_string_append_c (out, '#');
              g_string_append_len (out, start, end - start);
              g_string_append_c (out, ';');
            }
        }
      p = end + strlen (ENTITY_END);
    }

  return g_string_free (out, FALSE);
}


/* A name as Mermaid shows it: trimmed, `<br>` as line breaks, entity
 * codes decoded, without the zero width space that protects it. */
static char *
clean_name (const char *text)
{
  g_autofree char *broken = clean_breaks (text);

  return decode_entities (broken);
}

/* Mermaid's preprocessing (preprocess.ts, in this order): line breaks
 * made LF, front matter, directives and `%%` comment lines removed, then
 * `#59;`-style entity codes replaced (encodeEntities() in utils.ts) so
 * that the lexer never sees their `#` and `;`. What is removed is
 * replaced by its line breaks, so that messages keep the line numbers of
 * the file. */

/* Appends the line breaks of @start…@end to @out. */
static void
keep_line_breaks (GString    *out,
                  const char *start,
                  const char *end)
{
  for (const char *p = start; p < end; p++)
    if (*p == '\n')
      g_string_append_c (out, '\n');
}

/* A `---` front matter block at the start of @text (frontMatterRegex in
 * diagram-api/regexes.ts): returns where it ends, or %NULL if there is
 * none, and sets @title to its `title:` (js-yaml reads more; Parcours
 * keeps the title only). */
static const char *
match_front_matter (const char  *text,
                    char       **title,
                    gboolean    *unterminated)
{
  const char *p = text;
  const char *indent_end;
  gsize indent;

  *unterminated = FALSE;
  while (*p == ' ' || *p == '\t')
    p++;
  indent_end = p;
  indent = indent_end - text;
  if (strncmp (p, "---", 3) != 0)
    return NULL;
  p += 3;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '\n')
    return NULL;

  for (;;)
    {
      const char *line = p + 1;
      const char *line_end = strchr (line, '\n');
      const char *q;

      if (line_end == NULL)
        line_end = line + strlen (line);

      q = line;
      if (strncmp (q, text, indent) == 0 && strncmp (q + indent, "---", 3) == 0)
        {
          q += indent + 3;
          while (*q == ' ' || *q == '\t')
            q++;
          if (*q == '\n')
            return q + 1;
          if (*q == '\0')
            break;
        }

      q = line;
      if (strncmp (q, text, indent) == 0)
        q += indent;
      if (g_str_has_prefix (q, "title:"))
        {
          g_autofree char *copy = g_strndup (q + strlen ("title:"),
                                             line_end - q - strlen ("title:"));
          char *value = trim (copy);
          gsize length = strlen (value);

          if (length >= 2 && (value[0] == '"' || value[0] == '\'') &&
              value[length - 1] == value[0])
            {
              value[length - 1] = '\0';
              value++;
            }
          g_free (*title);
          *title = g_strdup (value);
        }

      if (*line_end == '\0')
        break;
      p = line_end;
    }

  *unterminated = TRUE;
  return NULL;
}

/* `%%{` … `}%%` anywhere, over several lines (directiveRegex). */
static gboolean
remove_directives (GString     *text,
                   GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (text->len);
  const char *p = text->str;

  for (;;)
    {
      const char *start = strstr (p, "%%{");
      const char *end;

      if (start == NULL)
        break;

      end = strstr (start + 3, "}%%");
      if (end == NULL)
        {
          guint line = 1;

          for (const char *q = text->str; q < start; q++)
            line += *q == '\n';
          SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, line,
                          _("expected \"}%%%%\" to end the directive"));
          return FALSE;
        }

      g_string_append_len (out, p, start - p);
      keep_line_breaks (out, start, end + 3);
      p = end + 3;
    }

  g_string_append (out, p);
  g_string_assign (text, out->str);
  return TRUE;
}

/* Lines whose first non-space is `%%` followed by something other than
 * `{` (cleanupComments() in diagram-api/comments.ts). */
static void
remove_comment_lines (GString *text)
{
  gsize read = 0;
  gsize written = 0;

  while (read < text->len)
    {
      const char *line = text->str + read;
      const char *end = line_end (line);
      gsize length = end - line;
      const char *s = skip_spaces (line);

      if (s[0] == '%' && s[1] == '%' && s[2] != '{' && s[2] != '\n' && s[2] != '\0')
        length = 0;

      memmove (text->str + written, line, length);
      written += length;
      read += end - line;
      if (*end == '\n')
        {
          text->str[written++] = '\n';
          read++;
        }
    }
  g_string_truncate (text, written);
}

/* `#\w+;` → Mermaid's placeholders. */
static void
encode_entities (GString *text)
{
  g_autoptr(GString) out = g_string_sized_new (text->len);
  const char *p = text->str;

  while (*p != '\0')
    {
      const char *q = p + 1;
      gboolean number = TRUE;

      if (*p != '#')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      if (*q == '+')
        q++;
      else
        number = FALSE;
      while (g_ascii_isalnum (*q) || *q == '_')
        {
          number = number && g_ascii_isdigit (*q);
          q++;
        }
      /* `#+5;` is a number, `#+a;` not an entity at all. */
      if (p[1] == '+' && !number)
        q = p + 1;
      else if (p[1] != '+')
        {
          number = TRUE;
          for (const char *d = p + 1; d < q; d++)
            number = number && g_ascii_isdigit (*d);
        }

      if (*q != ';' || q == p + 1)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      g_string_append (out, number ? ENTITY_NUMBER : ENTITY_NAME);
      g_string_append_len (out, p + 1, q - p - 1);
      g_string_append (out, ENTITY_END);
      p = q + 1;
    }

  g_string_assign (text, out->str);
}

/* The text Mermaid's lexer reads. */
static char *
preprocess (const char  *text,
            gsize        length,
            char       **front_matter_title,
            GError     **error)
{
  g_autoptr(GString) out = g_string_sized_new (length + 1);
  const char *end;
  gboolean unterminated;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }

  end = match_front_matter (out->str, front_matter_title, &unterminated);
  if (unterminated)
    {
      SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, 1 + (guint) count_lines (out->str),
                      _("expected \"---\" to end the front matter of line 1"));
      return NULL;
    }
  if (end != NULL)
    {
      g_autoptr(GString) rest = g_string_new (NULL);

      keep_line_breaks (rest, out->str, end);
      g_string_append (rest, end);
      g_string_assign (out, rest->str);
    }

  if (!remove_directives (out, error))
    return NULL;
  remove_comment_lines (out);
  encode_entities (out);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The lexer of journey.jison: its rules in their order, the first that
 * matches wins. */

typedef enum
{
  TOKEN_EOF,
  TOKEN_JOURNEY,
  TOKEN_TITLE,
  TOKEN_ACC_TITLE,
  TOKEN_ACC_DESCR,
  TOKEN_ACC_DESCR_BLOCK,
  TOKEN_SECTION,
  TOKEN_TASK_NAME,
  TOKEN_TASK_DATA,
  TOKEN_COLON,
  TOKEN_INVALID,
} TokenKind;

typedef struct
{
  TokenKind kind;
  char *value;   /* what Mermaid's action keeps of it */
  guint line;
} Token;

typedef struct
{
  const char *p;
  guint line;
  gboolean seen_journey;
  GPtrArray *warnings;
  guint warned_line;
} Lexer;

/* Whitespace as JavaScript's \s. */
static gboolean
is_js_space (gunichar c)
{
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static const char *
skip_js_spaces (const char *p)
{
  while (*p != '\0' && is_js_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static void lexer_warn (Lexer      *lexer,
                        guint       line,
                        const char *format,
                        ...) G_GNUC_PRINTF (3, 4);

static void
lexer_warn (Lexer      *lexer,
            guint       line,
            const char *format,
            ...)
{
  va_list args;

  /* One warning a line is enough to find it. */
  if (lexer->warnings == NULL || lexer->warned_line == line)
    return;
  lexer->warned_line = line;

  va_start (args, format);
  g_ptr_array_add (lexer->warnings,
                   _parcours_import_message_valist (&(ParcoursImportPlace) { .line = line },
                                                    format, args));
  va_end (args);
}

/* Runs of @p up to one of @stops, the end of the line or of the text;
 * Parcours also takes a `;` (Mermaid refuses it) with a warning. */
static const char *
scan_run (Lexer      *lexer,
          const char *p,
          const char *stops)
{
  for (; *p != '\0' && *p != '\n'; p++)
    {
      if (*p == ';')
        {
          lexer_warn (lexer, lexer->line,
                      _("Mermaid refuses \";\" here (write #59; instead); "
                        "Parcours reads it as text"));
          continue;
        }
      if (strchr (stops, *p) != NULL)
        break;
    }
  return p;
}

static gboolean
has_prefix_nocase (const char *p,
                   const char *word)
{
  return g_ascii_strncasecmp (p, word, strlen (word)) == 0;
}

/* @word in any case, not followed by a word character (\b). */
static gboolean
is_word (const char *p,
         const char *word)
{
  gsize length = strlen (word);

  return has_prefix_nocase (p, word) && !g_ascii_isalnum (p[length]) && p[length] != '_';
}

/* `accTitle\s*":"\s*` and the like: returns what follows, or %NULL. */
static const char *
match_keyword_then (const char *p,
                    const char *keyword,
                    char        delimiter)
{
  if (!has_prefix_nocase (p, keyword))
    return NULL;
  p = skip_js_spaces (p + strlen (keyword));
  if (*p != delimiter)
    return NULL;
  return p + 1;
}

static void
count_line_breaks (Lexer      *lexer,
                   const char *start,
                   const char *end)
{
  for (const char *q = start; q < end; q++)
    lexer->line += *q == '\n';
}

static void
token_set (Token      *token,
           TokenKind   kind,
           const char *start,
           const char *end)
{
  token->kind = kind;
  g_free (token->value);
  token->value = start != NULL ? g_strndup (start, end - start) : NULL;
}

/* Skips what the grammar ignores at the lexer's place: comments, spaces
 * and line breaks. %FALSE where there is none. */
static gboolean
lexer_skip_ignored (Lexer *lexer)
{
  const char *p = lexer->p;
  const char *q;
  gunichar c;

  /* %(?!\{)[^\n]*  and  [^\}]%%[^\n]*: comments. (journey.jison
   * says \%%(?!\{), which jison reads as a single `%`.) */
  c = g_utf8_get_char (p);
  q = g_utf8_next_char (p);
  if ((p[0] == '%' && p[1] != '{') ||
      (c != '}' && c < 0x10000 && q[0] == '%' && q[1] == '%'))
    {
      count_line_breaks (lexer, p, q);
      lexer->p = line_end (q);
      return TRUE;
    }

  /* [\n]+ and \s+: skipped, the grammar needs no line breaks. */
  if (is_js_space (c))
    {
      q = skip_js_spaces (p);
      count_line_breaks (lexer, p, q);
      lexer->p = q;
      return TRUE;
    }

  /* \#[^\n]*: a comment. */
  if (*p == '#')
    {
      lexer->p = line_end (p);
      return TRUE;
    }

  return FALSE;
}

/* @keyword\s, then a value up to one of @stops: where the value starts
 * and ends in @value and @end. %FALSE where @p is not that, or the value
 * is empty. */
static gboolean
match_keyword_value (Lexer       *lexer,
                     const char  *p,
                     const char  *keyword,
                     const char  *stops,
                     const char **value,
                     const char **end)
{
  gsize length = strlen (keyword);

  if (!has_prefix_nocase (p, keyword) || p[length] == '\0' ||
      !is_js_space (g_utf8_get_char (p + length)))
    return FALSE;
  *value = g_utf8_next_char (p + length);
  *end = scan_run (lexer, *value, stops);
  return *end > *value;
}

/* "title"\s[^#\n;]+ and "section"\s[^#:\n;]+: @keyword, then a value
 * up to one of @stops, a token of @kind. */
static gboolean
lex_named (Lexer      *lexer,
           Token      *token,
           const char *p,
           const char *keyword,
           const char *stops,
           TokenKind   kind)
{
  const char *value, *q;

  if (!match_keyword_value (lexer, p, keyword, stops, &value, &q))
    return FALSE;
  count_line_breaks (lexer, p, value);
  /* Only a section name stops at one. */
  if (*q == ':')
    {
      lexer_warn (lexer, lexer->line,
                  _("Mermaid refuses \":\" in a section name (write #58; instead); "
                    "Parcours reads it as text"));
      q = scan_run (lexer, q, "#");
    }
  token_set (token, kind, value, q);
  lexer->p = q;
  return TRUE;
}

typedef enum
{
  LEX_NO_MATCH,
  LEX_TOKEN,
  LEX_ERROR,
} LexResult;

/* accTitle\s*":"\s* and accDescr\s*":"\s*, then [^\n]*; or
 * accDescr\s*"{"\s*, then [^\}]* up to the closing brace, which an
 * error asks for where it is missing. */
static LexResult
lex_accessibility (Lexer       *lexer,
                   Token       *token,
                   const char  *p,
                   GError     **error)
{
  const char *q;

  if ((q = match_keyword_then (p, "accTitle", ':')) != NULL ||
      (q = match_keyword_then (p, "accDescr", ':')) != NULL)
    {
      TokenKind kind = g_ascii_toupper (p[3]) == 'T' ? TOKEN_ACC_TITLE : TOKEN_ACC_DESCR;
      const char *value = skip_js_spaces (q);
      const char *end;

      count_line_breaks (lexer, p, value);
      end = line_end (value);
      token_set (token, kind, value, end);
      lexer->p = end;
      return LEX_TOKEN;
    }

  if ((q = match_keyword_then (p, "accDescr", '{')) != NULL)
    {
      const char *value = skip_js_spaces (q);
      const char *brace = strchr (value, '}');
      guint first_line = lexer->line;

      if (brace == NULL)
        {
          SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, lexer->line + (guint) count_lines (p),
                          _("expected \"}\" to end the \"accDescr {\" of line %u"),
                          first_line);
          return LEX_ERROR;
        }
      count_line_breaks (lexer, p, brace);
      token_set (token, TOKEN_ACC_DESCR_BLOCK, value, brace);
      token->line = first_line;
      lexer->p = brace + 1;
      return LEX_TOKEN;
    }

  return LEX_NO_MATCH;
}

/* The tokens of a task line: ":"[^#\n;]+, ":", [^#:\n;]+, and a `;` on
 * its own. */
static void
lex_task (Lexer      *lexer,
          Token      *token,
          const char *p)
{
  const char *q;

  if (*p == ':')
    {
      q = scan_run (lexer, p + 1, "#");
      token_set (token, q > p + 1 ? TOKEN_TASK_DATA : TOKEN_COLON, p + 1, q);
      lexer->p = q;
      return;
    }

  q = scan_run (lexer, p, "#:");
  if (q > p)
    {
      if (is_word (p, "journey"))
        lexer_warn (lexer, lexer->line,
                    _("Mermaid refuses a line starting with \"journey\" after the first "
                      "(write a zero width space before it); Parcours reads it as a task"));
      token_set (token, TOKEN_TASK_NAME, p, q);
      lexer->p = q;
      return;
    }

  /* Only a `;` on its own gets here. */
  token_set (token, TOKEN_INVALID, p, g_utf8_next_char (p));
  lexer->p = g_utf8_next_char (p);
}

/* Reads the next token into @token; %FALSE with @error set at an
 * `accDescr {` that is never closed. */
static gboolean
lexer_next (Lexer   *lexer,
            Token   *token,
            GError **error)
{
  for (;;)
    {
      const char *p = lexer->p;
      LexResult result;

      token->line = lexer->line;

      if (*p == '\0')
        {
          token_set (token, TOKEN_EOF, NULL, NULL);
          return TRUE;
        }

      if (lexer_skip_ignored (lexer))
        continue;

      /* journey\b */
      if (!lexer->seen_journey && is_word (p, "journey"))
        {
          lexer->seen_journey = TRUE;
          lexer->p = p + strlen ("journey");
          token_set (token, TOKEN_JOURNEY, NULL, NULL);
          return TRUE;
        }

      if (lex_named (lexer, token, p, "title", "#", TOKEN_TITLE))
        return TRUE;
      result = lex_accessibility (lexer, token, p, error);
      if (result != LEX_NO_MATCH)
        return result == LEX_TOKEN;
      if (lex_named (lexer, token, p, "section", "#:", TOKEN_SECTION))
        return TRUE;

      lex_task (lexer, token, p);
      return TRUE;
    }
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
      SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                      _("more than %d sections"), PARCOURS_MERMAID_MAX_SECTIONS);
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
              SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                              _("more than %d actors"), PARCOURS_MERMAID_MAX_ACTORS);
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
          SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                          _("more than %d scores (one for each actor of each task)"),
                          PARCOURS_MERMAID_MAX_SCORES);
          return FALSE;
        }
    }

  return TRUE;
}

/* Number() of JavaScript on a score: blank is 0, anything else that is
 * not a number literal is NaN. */
static double
parse_js_number (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  const char *s = copy;
  char *end = copy + strlen (copy);
  const char *p;
  gboolean digits = FALSE;

  s = skip_js_spaces (s);
  while (end > s)
    {
      char *prev = g_utf8_find_prev_char (s, end);

      if (prev == NULL || !is_js_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';

  if (*s == '\0')
    return 0.0;

  if (s[0] == '0' && strchr ("xXoObB", s[1]) != NULL && s[1] != '\0')
    {
      int base = strchr ("xX", s[1]) != NULL ? 16 : strchr ("oO", s[1]) != NULL ? 8 : 2;
      double value = 0.0;

      if (s[2] == '\0')
        return NAN;
      for (p = s + 2; *p != '\0'; p++)
        {
          int digit = g_ascii_xdigit_value (*p);

          if (digit < 0 || digit >= base)
            return NAN;
          value = value * base + digit;
        }
      return value;
    }

  p = s;
  if (*p == '+' || *p == '-')
    p++;
  if (strcmp (p, "Infinity") == 0)
    return *s == '-' ? -INFINITY : INFINITY;

  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return NAN;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return NAN;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return NAN;

  return g_ascii_strtod (s, NULL);
}

/* The emotion value of a Mermaid score: 1…5 onto -1…1, finer values
 * kept; what falls outside is brought back with a warning. */
static double
score_to_value (Lexer      *lexer,
                guint       line,
                const char *text,
                double      score)
{
  g_autofree char *copy = g_strdup (text);
  const char *shown = trim (copy);

  if (isnan (score))
    {
      lexer_warn (lexer, line,
                  _("score \"%s\" is not a number, which Mermaid draws at no height; "
                    "Parcours uses 3"), shown);
      return 0.0;
    }

  if (score < 1.0 || score > 5.0)
    {
      double clamped = CLAMP (score, 1.0, 5.0);

      if (*shown == '\0')
        lexer_warn (lexer, line,
                    _("a blank score is 0 for Mermaid, outside 1 to 5; Parcours uses 1"));
      else
        lexer_warn (lexer, line, _("score %s is outside 1 to 5; Parcours uses %g"),
                    shown, clamped);
      score = clamped;
    }

  return (score - 3.0) / 2.0;
}

/* addTask() of journeyDb: the score, then the actors after the second
 * `:`; anything after a third `:` is ignored. */
static gboolean
journey_add_task (Journey     *journey,
                  Lexer       *lexer,
                  const char  *name,
                  const char  *data,
                  guint        line,
                  GError     **error)
{
  g_autofree char *copy = g_strdup (data);
  Task task = { 0 };
  char *actors = NULL;
  char *colon;

  colon = strchr (copy, ':');
  if (colon != NULL)
    {
      *colon = '\0';
      actors = colon + 1;
      colon = strchr (actors, ':');
      if (colon != NULL)
        *colon = '\0';
    }

  task.value = score_to_value (lexer, line, copy, parse_js_number (copy));

  if (journey->tasks->len == PARCOURS_MERMAID_MAX_TASKS)
    {
      SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                      _("more than %d tasks"), PARCOURS_MERMAID_MAX_TASKS);
      return FALSE;
    }

  /* Tasks before any section go to one without a name. */
  if (journey->sections->len == 0 &&
      !journey_add_section (journey, g_strdup (""), line, error))
    return FALSE;

  task.section = journey->sections->len - 1;
  task.first_actor = journey->actor_refs->len;
  if (actors != NULL &&
      !journey_add_actors (journey, &task, actors, line, error))
    return FALSE;

  if (task.n_actors == 0)
    journey->n_anonymous++;

  task.name = clean_name (name);

  /* The card holds the name, and each point a copy as its label. */
  journey->text_size += strlen (task.name) * (1 + MAX (task.n_actors, 1));
  if (journey->text_size > PARCOURS_MERMAID_MAX_TEXT)
    {
      SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line,
                      _("the map would hold more than %d MB of text"),
                      PARCOURS_MERMAID_MAX_TEXT / (1024 * 1024));
      task_clear (&task);
      return FALSE;
    }

  g_array_append_val (journey->tasks, task);
  return TRUE;
}

/* setAccDescription() of commonDb: trimmed, each line break with the
 * spaces after it made one line break. Mermaid does that to the text as
 * written and decodes entities only when it draws, so an entity of a
 * space after a line break (`#65279;`, as the exporter writes U+FEFF)
 * stays. */
static char *
clean_description (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  const char *trimmed = trim (copy);
  g_autoptr(GString) out = g_string_sized_new (strlen (trimmed));

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n')
        {
          const char *next = skip_js_spaces (p + 1);

          /* The spaces may hold line breaks too. */
          p = next - 1;
        }
    }

  return decode_entities (out->str);
}

static void
token_clear (Token *token)
{
  g_clear_pointer (&token->value, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Token, token_clear)

/* The start of line @line of @text, quoted in messages. */
static char *
excerpt_line (const char *text,
              guint       line)
{
  g_autofree char *copy = NULL;

  for (guint i = 1; i < line && text != NULL; i++)
    {
      text = strchr (text, '\n');
      if (text != NULL)
        text++;
    }
  if (text == NULL)
    return g_strdup ("");

  copy = g_strndup (text, line_end (text) - text);
  return excerpt (copy);
}

/* `journey` first (detectType() wants it in lower case at the start of
 * the text, the lexer in any case after comments). */
static gboolean
journey_parse_header (Lexer       *lexer,
                      const char  *text,
                      GError     **error)
{
  g_auto(Token) token = { 0 };

  if (!lexer_next (lexer, &token, error))
    return FALSE;

  if (token.kind != TOKEN_JOURNEY)
    {
      g_autofree char *found = excerpt_line (text, token.line);

      if (token.kind == TOKEN_EOF)
        SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, token.line,
                        _("expected \"journey\""));
      else
        SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, token.line,
                        _("expected \"journey\", found \"%s\""), found);
      return FALSE;
    }

  if (!g_str_has_prefix (skip_js_spaces (text), "journey"))
    lexer_warn (lexer, token.line,
                _("Mermaid does not recognise this as a journey: it needs \"journey\" "
                  "in lower case before anything else but comments starting with %%%%; "
                  "Parcours reads it"));

  return TRUE;
}

static gboolean
journey_parse (Journey     *journey,
               Lexer       *lexer,
               const char  *text,
               GError     **error)
{
  if (!journey_parse_header (lexer, text, error))
    return FALSE;

  for (;;)
    {
      g_auto(Token) token = { 0 };
      g_auto(Token) data = { 0 };

      if (!lexer_next (lexer, &token, error))
        return FALSE;

      switch (token.kind)
        {
        case TOKEN_EOF:
          return TRUE;

        case TOKEN_TITLE:
          g_free (journey->title);
          journey->title = clean_name (token.value);
          break;

        case TOKEN_ACC_TITLE:
          g_free (journey->acc_title);
          journey->acc_title = clean_description (token.value);
          break;

        case TOKEN_ACC_DESCR:
        case TOKEN_ACC_DESCR_BLOCK:
          g_free (journey->description);
          journey->description = clean_description (token.value);
          break;

        case TOKEN_SECTION:
          if (!journey_add_section (journey, clean_name (token.value), token.line, error))
            return FALSE;
          break;

        case TOKEN_TASK_NAME:
          if (!lexer_next (lexer, &data, error))
            return FALSE;
          if (data.kind != TOKEN_TASK_DATA)
            {
              g_autofree char *found = excerpt_line (text, token.line);

              SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, token.line,
                              _("expected \"Task name: score\" or \"section Name\", found \"%s\""),
                              found);
              return FALSE;
            }
          if (!journey_add_task (journey, lexer, token.value, data.value, token.line, error))
            return FALSE;
          break;

        case TOKEN_JOURNEY:
        case TOKEN_TASK_DATA:
        case TOKEN_COLON:
        case TOKEN_INVALID:
        default:
          {
            g_autofree char *found = excerpt (token.value != NULL ? token.value : "journey");

            SET_LINE_ERROR (error, PARCOURS_FORMAT_ERROR_SYNTAX, token.line,
                            _("expected a task name before \":%s\""), found);
            return FALSE;
          }
        }
    }
}


static gboolean
append_element (ParcoursDocument  *document,
                gpointer           element,
                GError           **error)
{
  g_autoptr(ParcoursElement) owned = element;

  return _parcours_import_insert (document, owned, error);
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

/* A stage for each section, their ids in @stage_ids. */
static gboolean
journey_build_stages (Journey           *journey,
                      ParcoursDocument  *document,
                      GPtrArray         *ids,
                      GPtrArray         *stage_ids,
                      GError           **error)
{
  for (guint i = 0; i < journey->sections->len; i++)
    {
      const char *name = g_ptr_array_index (journey->sections, i);
      const char *id = make_id (document, PARCOURS_TYPE_STAGE, ids);

      g_ptr_array_add (stage_ids, (gpointer) id);
      if (!append_element (document, parcours_stage_new (id, name), error))
        return FALSE;
    }

  return TRUE;
}

/* The touchpoints lane for the tasks, a persona and an emotions lane for
 * each actor (their ids in @lane_ids), and one emotions lane more for the
 * tasks that name no actor. */
static gboolean
journey_build_lanes (Journey           *journey,
                     ParcoursDocument  *document,
                     GPtrArray         *ids,
                     GPtrArray         *lane_ids,
                     const char       **touchpoints_id,
                     const char       **anonymous_id,
                     GError           **error)
{
  *touchpoints_id = make_id (document, PARCOURS_TYPE_LANE, ids);
  if (!append_element (document,
                       parcours_lane_new (*touchpoints_id,
                                          PARCOURS_LANE_KIND_TOUCHPOINTS,
                                          _("Touchpoints")),
                       error))
    return FALSE;

  for (guint i = 0; i < journey->actors->len; i++)
    {
      const char *name = g_ptr_array_index (journey->actors, i);
      const char *persona_id = make_id (document, PARCOURS_TYPE_PERSONA, ids);
      const char *lane_id;
      ParcoursLane *lane;

      if (!append_element (document, parcours_persona_new (persona_id, name), error))
        return FALSE;

      lane_id = make_id (document, PARCOURS_TYPE_LANE, ids);
      g_ptr_array_add (lane_ids, (gpointer) lane_id);
      lane = parcours_lane_new (lane_id, PARCOURS_LANE_KIND_EMOTIONS, name);
      parcours_lane_set_persona_id (lane, persona_id);
      if (!append_element (document, lane, error))
        return FALSE;
    }

  *anonymous_id = NULL;
  if (journey->n_anonymous > 0)
    {
      *anonymous_id = make_id (document, PARCOURS_TYPE_LANE, ids);
      if (!append_element (document,
                           parcours_lane_new (*anonymous_id,
                                              PARCOURS_LANE_KIND_EMOTIONS,
                                              _("Emotions")),
                           error))
        return FALSE;
    }

  return TRUE;
}

/* A card for each task, spread evenly over its stage, and a point for
 * each of its actors' scores (or one in @anonymous_id). */
static gboolean
journey_build_tasks (Journey           *journey,
                     ParcoursDocument  *document,
                     GPtrArray         *stage_ids,
                     GPtrArray         *lane_ids,
                     const char        *touchpoints_id,
                     const char        *anonymous_id,
                     GError           **error)
{
  g_autofree guint *section_sizes = g_new0 (guint, MAX (journey->sections->len, 1));
  g_autofree guint *section_positions = g_new0 (guint, MAX (journey->sections->len, 1));

  for (guint i = 0; i < journey->tasks->len; i++)
    section_sizes[g_array_index (journey->tasks, Task, i).section]++;

  for (guint i = 0; i < journey->tasks->len; i++)
    {
      const Task *task = &g_array_index (journey->tasks, Task, i);
      const char *stage_id = g_ptr_array_index (stage_ids, task->section);
      g_autofree char *card_id = parcours_document_make_id (document, PARCOURS_TYPE_CARD);
      guint position = section_positions[task->section]++;
      double offset = (position + 0.5) / section_sizes[task->section];
      double value = task->value;

      if (!append_element (document,
                           parcours_card_new (card_id, touchpoints_id, stage_id, task->name),
                           error))
        return FALSE;

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
            return FALSE;
        }
    }

  return TRUE;
}

static ParcoursDocument *
journey_build (Journey  *journey,
               GError  **error)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) lane_ids = g_ptr_array_new ();
  const char *touchpoints_id;
  const char *anonymous_id;
  const char *title;

  title = journey->title;
  if (title == NULL)
    title = journey->front_matter_title;
  if (title == NULL)
    title = journey->acc_title;

  parcours_document_set_title (document, title);
  parcours_document_set_description (document, journey->description);
  parcours_document_set_kind (document, PARCOURS_MAP_KIND_CURRENT_STATE);

  if (!journey_build_stages (journey, document, ids, stage_ids, error) ||
      !journey_build_lanes (journey, document, ids, lane_ids,
                            &touchpoints_id, &anonymous_id, error) ||
      !journey_build_tasks (journey, document, stage_ids, lane_ids,
                            touchpoints_id, anonymous_id, error))
    return NULL;

  return g_steal_pointer (&document);
}

static ParcoursDocument *read_hidden_map (const char  *text,
                                          gsize        length,
                                          Journey     *visible,
                                          GPtrArray   *warnings,
                                          GError     **error);

/**
 * parcours_mermaid_import:
 * @text: the text of a Mermaid journey
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a Mermaid `journey` diagram as a new map, as
 * parcours_mermaid_import_full() does without its warnings.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ParcoursDocument *
parcours_mermaid_import (const char  *text,
                         gssize       length,
                         GError     **error)
{
  return parcours_mermaid_import_full (text, length, NULL, error);
}

/* accTitle, which the map has no field for, is kept as an unknown member
 * of the document when it is not the title. */
static void
keep_acc_title (ParcoursDocument *document,
                const char       *acc_title)
{
  g_autoptr(GString) json = NULL;

  if (acc_title == NULL || *acc_title == '\0' ||
      g_strcmp0 (acc_title, parcours_document_get_title (document)) == 0)
    return;

  json = g_string_new ("{\"" ACC_TITLE_MEMBER "\":");
  _parcours_json_append_string (json, acc_title);
  g_string_append_c (json, '}');
  parcours_document_set_unknown_json (document, json->str);
}

/**
 * parcours_mermaid_import_full:
 * @text: the text of a Mermaid journey
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @warnings: (nullable) (element-type utf8): where to add a line for
 *   each thing read otherwise than Mermaid reads it
 * @error: return location for a #GError
 *
 * Reads a Mermaid `journey` diagram as a new map.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ParcoursDocument *
parcours_mermaid_import_full (const char  *text,
                              gssize       length,
                              GPtrArray   *warnings,
                              GError     **error)
{
  g_autoptr(Journey) journey = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autofree char *cleaned = NULL;
  g_autoptr(GError) local_error = NULL;
  Lexer lexer = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!check_text (text, length, error))
    return NULL;

  journey = journey_new ();
  cleaned = preprocess (text, length, &journey->front_matter_title, error);
  if (cleaned == NULL)
    return NULL;

  lexer.p = cleaned;
  lexer.line = 1;
  lexer.warnings = warnings;
  if (!journey_parse (journey, &lexer, cleaned, error))
    return NULL;

  document = read_hidden_map (text, length, journey, warnings, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (document == NULL)
    {
      document = journey_build (journey, error);
      if (document == NULL)
        return NULL;
      keep_acc_title (document, journey->acc_title);
    }

  if (!parcours_format_check_reopenable (document, error))
    return NULL;

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
                       _("the file is larger than %d MB"),
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

/* Whether @p starts what Mermaid's encodeEntities() takes for an entity
 * code: `#`, word characters and `;`. */
static gboolean
looks_like_entity (const char *p)
{
  const char *q = p + 1;

  if (*q == '+')
    q++;
  while (g_ascii_isalnum (*q) || *q == '_')
    q++;
  return *q == ';' && q > p + 1;
}

/* Writes @c as the entity code Mermaid shows as it. */
static void
append_entity (GString  *out,
               gunichar  c)
{
  char digits[16];
  int n = 0;

  /* Called for every `;` of a text: no printf. */
  do
    {
      digits[n++] = '0' + c % 10;
      c /= 10;
    }
  while (c > 0);

  g_string_append_c (out, '#');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
  g_string_append_c (out, ';');
}

/* @text as Mermaid can hold it (see the header): the characters that
 * Mermaid's lexer would take for syntax are written as entity codes,
 * which it shows as the characters themselves and the reader decodes. */
static char *
escape_text (const char  *text,
             EscapeFlags  flags)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  const char *p = trim (copy);
  GString *out = g_string_sized_new (strlen (p) + 8);
  const char *start = p;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
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
          if ((flags & ESCAPE_HASH) || looks_like_entity (p))
            append_entity (out, c);
          else
            g_string_append_c (out, '#');
          break;

        case ';':
          if (flags & ESCAPE_SEMICOLON)
            append_entity (out, c);
          else
            g_string_append_c (out, ';');
          break;

        case ':':
        case ',':
        case '}':
          if ((c == ':' && (flags & ESCAPE_COLON)) ||
              (c == ',' && (flags & ESCAPE_COMMA)) ||
              (c == '}' && (flags & ESCAPE_BRACE)))
            append_entity (out, c);
          else
            g_string_append_c (out, *p);
          break;

        case '<':
          if (match_line_break (p, NULL))
            append_entity (out, c);
          else
            g_string_append_c (out, '<');
          break;

        case '%':
          /* `%%` starts a comment or a directive in too many places to
           * keep it, and so does `%` where a task name starts. */
          if (p[1] == '%' || (p == start && (flags & ESCAPE_LINE_START)))
            append_entity (out, c);
          else
            g_string_append_c (out, '%');
          break;

        case 0xfb02:
          /* U+FB02 starts Mermaid's entity placeholders. */
          append_entity (out, c);
          break;

        case 0xfeff:
          /* JavaScript's trim() and the reader take U+FEFF for white
           * space: a name made of it alone would vanish. */
          append_entity (out, c);
          break;

        default:
          g_string_append_unichar (out, c);
          break;
        }
    }

  if ((flags & ESCAPE_PROTECT) &&
      (out->len == 0 || g_str_has_prefix (out->str, ZWSP)))
    g_string_prepend (out, ZWSP);
  else if ((flags & ESCAPE_LINE_START) && looks_like_keyword (out->str))
    g_string_prepend (out, ZWSP);

  return g_string_free (out, FALSE);
}

#define ESCAPE_NAME (ESCAPE_HASH | ESCAPE_SEMICOLON | ESCAPE_COLON | ESCAPE_PROTECT)

static void
append_title (GString          *out,
              ParcoursDocument *document)
{
  const char *title = parcours_document_get_title (document);
  g_autofree char *escaped = NULL;

  if (title == NULL || is_blank (title))
    return;

  escaped = escape_text (title, ESCAPE_HASH | ESCAPE_SEMICOLON | ESCAPE_PROTECT);
  g_string_append_printf (out, "  title %s\n", escaped);
}

/* The accTitle kept by keep_acc_title(), or %NULL. */
static char *
dup_acc_title (ParcoursDocument *document)
{
  const char *json = parcours_document_get_unknown_json (document);
  g_autoptr(ParcoursJsonTree) tree = NULL;
  ParcoursJsonNode *node;

  if (json == NULL || strstr (json, ACC_TITLE_MEMBER) == NULL)
    return NULL;

  tree = _parcours_json_parse (json, strlen (json), NULL);
  if (tree == NULL)
    return NULL;
  node = _parcours_json_object_get (_parcours_json_tree_get_root (tree), ACC_TITLE_MEMBER);
  if (node == NULL || node->type != PARCOURS_JSON_STRING)
    return NULL;

  return g_strndup (node->value.string.str, node->value.string.length);
}

static void
append_acc_title (GString          *out,
                  ParcoursDocument *document)
{
  g_autofree char *acc_title = dup_acc_title (document);
  g_autofree char *escaped = NULL;

  if (acc_title == NULL || is_blank (acc_title))
    return;

  /* Line breaks do not fit on its line. */
  g_strdelimit (acc_title, "\r\n", ' ');
  escaped = escape_text (acc_title, 0);
  g_string_append_printf (out, "  accTitle: %s\n", escaped);
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
      g_autofree char *escaped = escape_text (trimmed, 0);

      g_string_append_printf (out, "  accDescr: %s\n", escaped);
      return;
    }

  g_string_append (out, "  accDescr {\n");
  lines = g_regex_split_simple ("\r\n|\r|\n", trimmed, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      /* Mermaid folds blank lines away. */
      if (is_blank (lines[i]))
        continue;

      escaped = escape_text (lines[i], ESCAPE_BRACE);
      g_string_append_printf (out, "    %s\n", escaped);
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
                                        ESCAPE_NAME | ESCAPE_COMMA));
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

/* The Mermaid score of an emotion value: value * 2 + 3, as short as it
 * can be written and still read as the same score. */
static void
append_score (GString *out,
              double   value)
{
  double score = CLAMP (value * 2.0 + 3.0, 1.0, 5.0);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (score))
    score = 3.0;

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, score);
      if (g_ascii_strtod (buffer, NULL) == score)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_tasks (GString    *out,
              StageTasks *tasks,
              GHashTable *actor_names,
              GPtrArray  *exported)
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
                                           ESCAPE_NAME | ESCAPE_LINE_START);
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

      if (exported != NULL)
        {
          ExportedTask *task = g_new0 (ExportedTask, 1);

          task->card = g_object_ref (card);
          task->offset = (k + 0.5) / n_cards;
          task->points = g_ptr_array_new_with_free_func (g_object_unref);
          for (int j = first[k]; j >= 0; j = next[j])
            g_ptr_array_add (task->points, g_object_ref (g_ptr_array_index (tasks->points, j)));
          g_ptr_array_add (exported, task);
        }

      g_string_append_printf (out, "    %s: ", name);
      append_score (out, scored != NULL ? parcours_emotion_point_get_value (scored) : 0.0);

      for (guint a = 0; a < actors->len; a++)
        {
          g_string_append (out, a == 0 ? ": " : ", ");
          g_string_append (out, g_ptr_array_index (actors, a));
        }
      g_string_append_c (out, '\n');
    }
}

/* The journey Mermaid shows; @exported (nullable) gets an ExportedTask
 * for each task line, in order. */
static GString *
write_visible (ParcoursDocument *document,
               GPtrArray        *exported)
{
  g_autoptr(GHashTable) task_lanes = NULL;
  g_autoptr(GHashTable) actor_names = NULL;
  g_autoptr(GHashTable) stage_tasks = NULL;
  GListModel *stages;
  GListModel *cards;
  GListModel *points;
  GString *out;
  guint n;

  out = g_string_new ("journey\n");
  append_title (out, document);
  append_acc_title (out, document);
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
          g_autofree char *escaped = escape_text (name, ESCAPE_NAME);

          /* An empty name needs something after `section `. */
          g_string_append_printf (out, "  section %s\n", *escaped != '\0' ? escaped : ZWSP);
        }

      append_tasks (out, tasks, actor_names, exported);
    }

  return out;
}

/* Losses of a plain export */

static gboolean
has_items (const char * const *list)
{
  return list != NULL && list[0] != NULL;
}

/* What a task line holds of @card: its text, trimmed, with CR LF as a
 * line break. */
static gboolean
text_survives (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return strcmp (trim (copy), text != NULL ? text : "") == 0 &&
         strchr (copy, '\r') == NULL;
}

/* What the task lines of a plain export leave out of the cards and
 * points they were made of. */
typedef struct
{
  guint n_card_fields;
  guint n_voted_cards;
  guint n_texts;
  guint n_scores;
  guint n_point_fields;
  guint n_offsets;
} TaskLosses;

/* Counts what @exported, the tasks of a plain export, leave out, and
 * adds the points they hold to @written_points. */
static void
count_task_losses (GPtrArray  *exported,
                   GHashTable *written_points,
                   TaskLosses *losses)
{
  for (guint i = 0; i < exported->len; i++)
    {
      ExportedTask *task = g_ptr_array_index (exported, i);
      ParcoursCard *card = task->card;

      if (_parcours_has_text (parcours_card_get_details (card)) || _parcours_has_text (parcours_card_get_kpi (card)) ||
          _parcours_has_text (parcours_card_get_color (card)) || parcours_card_get_key_moment (card) ||
          parcours_card_get_channel (card) != PARCOURS_CHANNEL_NONE ||
          parcours_card_get_sentiment (card) != PARCOURS_SENTIMENT_NEUTRAL)
        losses->n_card_fields++;
      if (parcours_card_get_votes (card) > 0)
        losses->n_voted_cards++;
      if (!text_survives (parcours_card_get_text (card)))
        losses->n_texts++;

      for (guint j = 0; j < task->points->len; j++)
        {
          ParcoursEmotionPoint *point = g_ptr_array_index (task->points, j);
          ParcoursEmotionPoint *first = g_ptr_array_index (task->points, 0);

          g_hash_table_add (written_points, point);
          if (parcours_emotion_point_get_value (point) != parcours_emotion_point_get_value (first))
            losses->n_scores++;
          if (g_strcmp0 (parcours_emotion_point_get_label (point), parcours_card_get_text (card)) != 0)
            losses->n_point_fields++;
          if (fabs (parcours_emotion_point_get_offset (point) - task->offset) > 1e-9)
            losses->n_offsets++;
        }
    }
}

/* A lane other than the emotions that holds no task (@data: the ids of
 * the lanes that do). */
static gboolean
lane_is_not_exported (gpointer item,
                      gpointer data)
{
  ParcoursLane *lane = item;

  return !g_hash_table_contains (data, parcours_element_get_id (PARCOURS_ELEMENT (lane))) &&
         !(parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS);
}

/* A card of a lane that holds no task (@data: the ids of those that do). */
static gboolean
card_is_not_exported (gpointer item,
                      gpointer data)
{
  return !g_hash_table_contains (data, parcours_card_get_lane_id (item));
}

/* A persona with more than a name, which is all an actor holds. */
static gboolean
persona_has_profile (gpointer item,
                     gpointer data)
{
  ParcoursPersona *persona = item;

  return _parcours_has_text (parcours_persona_get_role (persona)) || _parcours_has_text (parcours_persona_get_color (persona)) ||
         has_items (parcours_persona_get_goals (persona)) || has_items (parcours_persona_get_needs (persona)) ||
         has_items (parcours_persona_get_frustrations (persona)) ||
         parcours_persona_get_photo (persona) != NULL;
}

/* One line for each kind of information that a plain Mermaid export of
 * @document does not hold. */
static void
add_loss_warnings (ParcoursDocument *document,
                   GPtrArray        *warnings)
{
  g_autoptr(GPtrArray) exported = g_ptr_array_new_with_free_func ((GDestroyNotify) exported_task_free);
  g_autoptr(GHashTable) written_points = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) task_lanes = find_task_lanes (document);
  g_autoptr(GString) unused = write_visible (document, exported);
  GListModel *lanes = parcours_document_get_lanes (document);
  GListModel *cards = parcours_document_get_cards (document);
  GListModel *points = parcours_document_get_emotion_points (document);
  GListModel *personas = parcours_document_get_personas (document);
  GListModel *stages = parcours_document_get_stages (document);
  const char *description = parcours_document_get_description (document);
  TaskLosses losses = { 0, };

  count_task_losses (exported, written_points, &losses);

  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (lanes, lane_is_not_exported, task_lanes),
            "%u lane other than touchpoints and emotions is not in Mermaid",
            "%u lanes other than touchpoints and emotions are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (cards, card_is_not_exported, task_lanes),
            "%u card of those lanes is not in Mermaid",
            "%u cards of those lanes are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, losses.n_card_fields,
            "the details, channel, sentiment, KPI, key moment or colour of %u card are not in Mermaid",
            "the details, channels, sentiments, KPIs, key moments or colours of %u cards are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, losses.n_voted_cards,
            "the votes of %u card are not in Mermaid",
            "the votes of %u cards are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, losses.n_texts,
            "%u card text loses the spaces at its ends or its CR line ends in Mermaid",
            "%u card texts lose the spaces at their ends or their CR line ends in Mermaid");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (points, _parcours_is_not_in, written_points),
            "%u emotion point that belongs to no task is not in Mermaid",
            "%u emotion points that belong to no task are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, losses.n_scores,
            "%u persona score that differs from the first one of its task is not in Mermaid",
            "%u persona scores that differ from the first one of their task are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, losses.n_point_fields,
            "%u emotion point label is not in Mermaid",
            "%u emotion point labels are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, losses.n_offsets,
            "the offset of %u emotion point is not in Mermaid, which spreads tasks evenly",
            "the offsets of %u emotion points are not in Mermaid, which spreads tasks evenly");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (personas, persona_has_profile, NULL),
            "the role, goals, needs, frustrations, colour or photo of %u persona are not in Mermaid",
            "the roles, goals, needs, frustrations, colours or photos of %u personas are not in Mermaid");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (stages, _parcours_stage_has_layout, NULL),
            "the width, colour or description of %u stage are not in Mermaid",
            "the widths, colours or descriptions of %u stages are not in Mermaid");
  if (parcours_document_get_kind (document) != PARCOURS_MAP_KIND_CURRENT_STATE ||
      has_items (parcours_document_get_goals (document)))
    g_ptr_array_add (warnings, g_strdup (_("the map's kind and goals are not in Mermaid")));
  if (description != NULL && strstr (description, "\n\n") != NULL)
    g_ptr_array_add (warnings, g_strdup (_("blank lines of the description are not in Mermaid")));
  if (g_list_model_get_n_items (stages) + g_list_model_get_n_items (cards) > 0)
    g_ptr_array_add (warnings, g_strdup (_("element ids are not in Mermaid")));
}

/* The whole map, for Parcours, in `%%` lines that Mermaid drops before
 * it parses: the native JSON with every `%` escaped (so that no line
 * holds `%%{`, which Mermaid would take for a directive even in a
 * comment), HIDDEN_CHUNK bytes a line at most. */
static void
append_hidden (GString          *out,
               ParcoursDocument *document)
{
  g_autoptr(GString) json = _parcours_format_write (document);
  const char *p = json->str;

  g_string_append (out, HIDDEN_HEADER "\n");
  while (*p != '\0')
    {
      const char *end = line_end (p);
      gboolean first = TRUE;

      while (first || p < end)
        {
          const char *stop = p;

          /* Whole characters, never more than HIDDEN_CHUNK bytes. */
          while (stop < end && stop - p < HIDDEN_CHUNK)
            stop = g_utf8_next_char (stop);
          if (stop - p > HIDDEN_CHUNK)
            stop = g_utf8_find_prev_char (p, stop);

          g_string_append (out, first ? HIDDEN_LINE : HIDDEN_MORE);
          for (const char *q = p; q < stop; q++)
            {
              if (*q == '%')
                g_string_append (out, "\\u0025");
              else
                g_string_append_c (out, *q);
            }
          g_string_append_c (out, '\n');
          p = stop;
          first = FALSE;
        }

      p = *end == '\n' ? end + 1 : end;
    }
}

/* Parcours reads back every line it writes: refuses a text with a line
 * or a size past the reader's limits. */
static gboolean
check_readable (GString          *text,
                ParcoursDocument *document,
                GError          **error)
{
  const char *p = text->str;
  guint line = 1;

  if (text->len > PARCOURS_MERMAID_MAX_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   _("The map is too large for Mermaid: its text would be larger than %d MB"),
                   PARCOURS_MERMAID_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (; *p != '\0'; line++)
    {
      const char *end = line_end (p);

      if (end - p > PARCOURS_MERMAID_MAX_LINE_LENGTH)
        {
          g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                       _("Line %u of the Mermaid text would be longer than %d bytes, "
                         "more than Mermaid files can hold; shorten the longest texts"),
                       line, PARCOURS_MERMAID_MAX_LINE_LENGTH);
          return FALSE;
        }
      p = *end == '\n' ? end + 1 : end;
    }

  return TRUE;
}

/**
 * parcours_mermaid_export_full:
 * @document: a #ParcoursDocument
 * @flags: how
 * @warnings: (nullable) (element-type utf8): where to add a line for each
 *   kind of information the text does not hold
 * @error: return location for a #GError
 *
 * Writes @document as a Mermaid `journey` diagram, followed (unless
 * %PARCOURS_MERMAID_EXPORT_PLAIN) by the whole map in `%%` comment lines,
 * which Mermaid ignores and parcours_mermaid_import() reads back. Fails
 * only when Parcours could not read the text back (a line longer than
 * %PARCOURS_MERMAID_MAX_LINE_LENGTH).
 *
 * Returns: (transfer full) (nullable): the text, ending with a line break
 */
char *
parcours_mermaid_export_full (ParcoursDocument          *document,
                              ParcoursMermaidExportFlags flags,
                              GPtrArray                 *warnings,
                              GError                   **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = write_visible (document, NULL);
  if (flags & PARCOURS_MERMAID_EXPORT_PLAIN)
    {
      if (warnings != NULL)
        add_loss_warnings (document, warnings);
    }
  else
    append_hidden (out, document);

  if (!check_readable (out, document, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * parcours_mermaid_export:
 * @document: a #ParcoursDocument
 *
 * Writes @document as parcours_mermaid_export_full() does with no flags,
 * without checking that the text can be read back.
 *
 * Returns: (transfer full): the text, ending with a line break
 */
char *
parcours_mermaid_export (ParcoursDocument *document)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);

  out = write_visible (document, NULL);
  append_hidden (out, document);
  return g_string_free (g_steal_pointer (&out), FALSE);
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

  text = parcours_mermaid_export_full (document, 0, NULL, error);
  if (text == NULL)
    return FALSE;

  return parcours_atomic_file_replace (file, text, strlen (text), cancellable, error);
}

/* Reading back the map Parcours wrote in `%%` lines */

/* The JSON of append_hidden(), or %NULL when @text has none. */
static GString *
extract_hidden (const char *text,
                gsize       length)
{
  g_autoptr(GString) json = NULL;
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *stop = newline != NULL ? newline : end;
      const char *s = p;

      while (s < stop && (*s == ' ' || *s == '\t'))
        s++;
      if (stop > s && stop[-1] == '\r')
        stop--;

      if ((gsize) (stop - s) >= strlen (HIDDEN_LINE) &&
          (memcmp (s, HIDDEN_LINE, strlen (HIDDEN_LINE)) == 0 ||
           memcmp (s, HIDDEN_MORE, strlen (HIDDEN_MORE)) == 0))
        {
          gboolean more = s[2] == '+';

          if (json == NULL)
            json = g_string_new (NULL);
          if (more && json->len > 0 && json->str[json->len - 1] == '\n')
            g_string_truncate (json, json->len - 1);
          s += strlen (HIDDEN_LINE);
          g_string_append_len (json, s, stop - s);
          g_string_append_c (json, '\n');
        }

      p = newline != NULL ? newline + 1 : end;
    }

  return g_steal_pointer (&json);
}

/* What identifies a task line: its name, score and actors. */
static char *
task_key (Journey *journey,
          guint    i)
{
  const Task *task = &g_array_index (journey->tasks, Task, i);
  GString *key = g_string_new (task->name);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (key, '\037');
  g_string_append (key, g_ascii_dtostr (buffer, sizeof buffer, task->value));
  for (guint a = 0; a < task->n_actors; a++)
    {
      guint actor = g_array_index (journey->actor_refs, guint, task->first_actor + a);

      g_string_append_c (key, '\036');
      g_string_append (key, g_ptr_array_index (journey->actors, actor));
    }

  return g_string_free (key, FALSE);
}

static const char *
journey_title (Journey *journey)
{
  return journey->title != NULL ? journey->title : journey->front_matter_title;
}

static gboolean
journeys_equal (Journey *a,
                Journey *b)
{
  if (g_strcmp0 (journey_title (a), journey_title (b)) != 0 ||
      g_strcmp0 (a->acc_title, b->acc_title) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      a->sections->len != b->sections->len ||
      a->tasks->len != b->tasks->len)
    return FALSE;

  for (guint i = 0; i < a->sections->len; i++)
    if (strcmp (g_ptr_array_index (a->sections, i), g_ptr_array_index (b->sections, i)) != 0)
      return FALSE;

  for (guint i = 0; i < a->tasks->len; i++)
    {
      g_autofree char *key_a = task_key (a, i);
      g_autofree char *key_b = task_key (b, i);

      if (g_array_index (a->tasks, Task, i).section != g_array_index (b->tasks, Task, i).section ||
          strcmp (key_a, key_b) != 0)
        return FALSE;
    }

  return TRUE;
}

/* For each section of @visible, 1 + the section of @written it stands
 * for, or 0 for a new one: the longest common sequence of names, then,
 * between two sections kept, the others in order (renamed). */
static guint *
align_sections (Journey *visible,
                Journey *written)
{
  guint n = visible->sections->len;
  guint m = written->sections->len;
  g_autofree guint *table = g_new0 (guint, (gsize) (n + 1) * (m + 1));
  guint *result = g_new0 (guint, n + 1);
  guint i = n, j = m;
  guint next_visible = n, next_written = m;

#define CELL(a, b) table[(gsize) (a) * (m + 1) + (b)]
  for (guint a = n; a-- > 0;)
    for (guint b = m; b-- > 0;)
      CELL (a, b) = strcmp (g_ptr_array_index (visible->sections, a),
                            g_ptr_array_index (written->sections, b)) == 0
                    ? CELL (a + 1, b + 1) + 1
                    : MAX (CELL (a + 1, b), CELL (a, b + 1));

  for (i = 0, j = 0; i < n && j < m;)
    {
      if (strcmp (g_ptr_array_index (visible->sections, i),
                  g_ptr_array_index (written->sections, j)) == 0)
        result[i++] = ++j;
      else if (CELL (i + 1, j) >= CELL (i, j + 1))
        i++;
      else
        j++;
    }
#undef CELL

  /* The gaps between kept sections: pair what is left in order. */
  i = 0;
  j = 0;
  while (i < n)
    {
      guint gap_end = i;

      while (gap_end < n && result[gap_end] == 0)
        gap_end++;
      next_visible = gap_end;
      next_written = gap_end < n ? result[gap_end] - 1 : m;

      for (; i < next_visible && j < next_written; i++, j++)
        result[i] = j + 1;
      i = next_visible;
      if (i < n)
        {
          j = result[i];
          i++;
        }
    }

  return result;
}

static void
remove_element (ParcoursDocument *document,
                gpointer          element)
{
  ParcoursCollection collection = parcours_collection_for_type (G_OBJECT_TYPE (element));
  g_autoptr(ParcoursElement) removed = NULL;
  guint position;

  if (parcours_document_find_position (document, element, &position))
    removed = _parcours_document_remove (document, collection, position);
}

/* The emotions lane of the persona named @actor, made when there is none;
 * with @actor %NULL, a lane without persona. */
static const char *
actor_lane (ParcoursDocument *document,
            const char       *actor,
            GError          **error)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  GListModel *personas = parcours_document_get_personas (document);
  const char *persona_id = NULL;
  g_autofree char *new_persona_id = NULL;
  g_autofree char *lane_id = NULL;
  ParcoursLane *lane;

  if (actor != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (personas) && persona_id == NULL; i++)
      {
        g_autoptr(ParcoursPersona) persona = g_list_model_get_item (personas, i);

        if (g_strcmp0 (parcours_persona_get_name (persona), actor) == 0)
          persona_id = parcours_element_get_id (PARCOURS_ELEMENT (persona));
      }

  if (actor == NULL || persona_id != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
      {
        g_autoptr(ParcoursLane) candidate = g_list_model_get_item (lanes, i);

        if (parcours_lane_get_kind (candidate) == PARCOURS_LANE_KIND_EMOTIONS &&
            g_strcmp0 (parcours_lane_get_persona_id (candidate), persona_id) == 0)
          return parcours_element_get_id (PARCOURS_ELEMENT (candidate));
      }

  if (actor != NULL && persona_id == NULL)
    {
      new_persona_id = parcours_document_make_id (document, PARCOURS_TYPE_PERSONA);
      if (!append_element (document, parcours_persona_new (new_persona_id, actor), error))
        return NULL;
      persona_id = new_persona_id;
    }

  lane_id = parcours_document_make_id (document, PARCOURS_TYPE_LANE);
  lane = parcours_lane_new (lane_id, PARCOURS_LANE_KIND_EMOTIONS, actor != NULL ? actor : _("Emotions"));
  parcours_lane_set_persona_id (lane, persona_id);
  if (!append_element (document, lane, error))
    return NULL;

  return parcours_element_get_id (PARCOURS_ELEMENT (parcours_document_lookup_lane (document, lane_id)));
}

static const char *
task_lane (ParcoursDocument *document,
           GError          **error)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  g_autofree char *lane_id = NULL;
  g_autoptr(GHashTable) task_lanes = find_task_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);

      if (g_hash_table_contains (task_lanes, parcours_element_get_id (PARCOURS_ELEMENT (lane))))
        return parcours_element_get_id (PARCOURS_ELEMENT (lane));
    }

  lane_id = parcours_document_make_id (document, PARCOURS_TYPE_LANE);
  if (!append_element (document,
                       parcours_lane_new (lane_id, PARCOURS_LANE_KIND_TOUCHPOINTS, _("Touchpoints")),
                       error))
    return NULL;
  return parcours_element_get_id (PARCOURS_ELEMENT (parcours_document_lookup_lane (document, lane_id)));
}

/* A task of the text that Parcours did not write: a new card, and a point
 * for each actor as an import makes them. */
static gboolean
add_new_task (ParcoursDocument *document,
              Journey          *visible,
              guint             i,
              const char       *stage_id,
              double            offset,
              GError          **error)
{
  const Task *task = &g_array_index (visible->tasks, Task, i);
  const char *lane_id = task_lane (document, error);
  g_autofree char *card_id = NULL;

  if (lane_id == NULL)
    return FALSE;

  card_id = parcours_document_make_id (document, PARCOURS_TYPE_CARD);
  if (!append_element (document, parcours_card_new (card_id, lane_id, stage_id, task->name), error))
    return FALSE;

  for (guint a = 0; a < MAX (task->n_actors, 1); a++)
    {
      const char *actor = NULL;
      const char *point_lane;
      g_autofree char *point_id = NULL;
      ParcoursEmotionPoint *point;

      if (task->n_actors > 0)
        actor = g_ptr_array_index (visible->actors,
                                   g_array_index (visible->actor_refs, guint, task->first_actor + a));
      point_lane = actor_lane (document, actor, error);
      if (point_lane == NULL)
        return FALSE;

      point_id = parcours_document_make_id (document, PARCOURS_TYPE_EMOTION_POINT);
      point = parcours_emotion_point_new (point_id, point_lane, stage_id, offset, task->value);
      parcours_emotion_point_set_label (point, task->name);
      if (!append_element (document, point, error))
        return FALSE;
    }

  return TRUE;
}

/* Sets the accTitle member of the document's unknown members, keeping
 * the others. */
static void
replace_acc_title (ParcoursDocument *document,
                   const char       *acc_title)
{
  const char *json = parcours_document_get_unknown_json (document);
  g_autoptr(ParcoursJsonTree) tree = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  ParcoursJsonNode *root = NULL;

  if (json != NULL)
    tree = _parcours_json_parse (json, strlen (json), NULL);
  if (tree != NULL)
    root = _parcours_json_tree_get_root (tree);

  if (root != NULL && root->type == PARCOURS_JSON_OBJECT)
    for (ParcoursJsonNode *member = root->value.first_child; member != NULL; member = member->next)
      {
        if (g_strcmp0 (member->name, ACC_TITLE_MEMBER) == 0)
          continue;
        if (out->len > 1)
          g_string_append_c (out, ',');
        _parcours_json_append_string (out, member->name);
        g_string_append_c (out, ':');
        _parcours_json_append_node (out, member, -1);
      }

  if (acc_title != NULL && *acc_title != '\0' &&
      g_strcmp0 (acc_title, parcours_document_get_title (document)) != 0)
    {
      if (out->len > 1)
        g_string_append_c (out, ',');
      _parcours_json_append_string (out, ACC_TITLE_MEMBER);
      g_string_append_c (out, ':');
      _parcours_json_append_string (out, acc_title);
    }
  g_string_append_c (out, '}');

  parcours_document_set_unknown_json (document, out->len > 2 ? out->str : NULL);
}

/* Removes a stage that left the text, with everything in it. */
static void
drop_stage (ParcoursDocument *document,
            ParcoursStage    *stage,
            GPtrArray        *warnings)
{
  const char *id = parcours_element_get_id (PARCOURS_ELEMENT (stage));
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *cards = parcours_document_get_cards (document);
  GListModel *points = parcours_document_get_emotion_points (document);
  guint n_cards = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      ParcoursCard *card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (parcours_card_get_stage_id (card), id) == 0)
        {
          g_ptr_array_add (doomed, card);
          n_cards++;
        }
      else
        g_object_unref (card);
    }
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      ParcoursEmotionPoint *point = g_list_model_get_item (points, i);

      if (g_strcmp0 (parcours_emotion_point_get_stage_id (point), id) == 0)
        g_ptr_array_add (doomed, point);
      else
        g_object_unref (point);
    }

  if (warnings != NULL && n_cards > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (ngettext ("section “%s” is no longer in the Mermaid text: "
                                                "its %u card is dropped",
                                                "section “%s” is no longer in the Mermaid text: "
                                                "its %u cards are dropped", n_cards),
                                      parcours_stage_get_name (stage), n_cards));

  for (guint i = 0; i < doomed->len; i++)
    remove_element (document, g_ptr_array_index (doomed, i));
  remove_element (document, stage);
}

/* Where a stage at @position must be: moves it there. */
static void
place_stage (ParcoursDocument *document,
             ParcoursStage    *stage,
             guint             position)
{
  guint current;

  if (parcours_document_find_position (document, PARCOURS_ELEMENT (stage), &current) &&
      current != position)
    _parcours_document_move (document, PARCOURS_COLLECTION_STAGES, current, position);
}

/* What the text changed in the map's title, description and accessible
 * title, and only that: the map may hold more than its line shows
 * (spaces around a title, blank lines in a description). */
static void
sync_header (ParcoursDocument *document,
             Journey          *visible,
             Journey          *written)
{
  const char *title = journey_title (visible) != NULL ? journey_title (visible) : visible->acc_title;

  if (g_strcmp0 (journey_title (visible), journey_title (written)) != 0 ||
      g_strcmp0 (visible->acc_title, written->acc_title) != 0)
    parcours_document_set_title (document, title);
  if (g_strcmp0 (visible->description, written->description) != 0)
    parcours_document_set_description (document, visible->description);
  if (g_strcmp0 (visible->acc_title, written->acc_title) != 0)
    replace_acc_title (document, visible->acc_title);
}

/* Which written task each visible task stands for, in @task_map (-1: a
 * new task): the k-th line of a key stands for the k-th line Parcours
 * wrote with that key, wherever it moved. Marks the written tasks kept
 * in @kept and counts the visible tasks of each section in
 * @section_sizes. */
static void
match_tasks (Journey  *visible,
             Journey  *written,
             int      *task_map,
             gboolean *kept,
             guint    *section_sizes)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_queue_free);

  for (guint w = 0; w < written->tasks->len; w++)
    {
      char *key = task_key (written, w);
      GQueue *queue = g_hash_table_lookup (by_key, key);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (by_key, key, queue);
        }
      else
        g_free (key);
      g_queue_push_tail (queue, GUINT_TO_POINTER (w + 1));
    }
  for (guint i = 0; i < visible->tasks->len; i++)
    {
      g_autofree char *key = task_key (visible, i);
      GQueue *queue = g_hash_table_lookup (by_key, key);
      guint w = queue != NULL ? GPOINTER_TO_UINT (g_queue_pop_head (queue)) : 0;

      task_map[i] = (int) w - 1;
      if (w > 0)
        kept[w - 1] = TRUE;
      section_sizes[g_array_index (visible->tasks, Task, i).section]++;
    }
}

/* The cards and points of the written tasks no visible task stands for,
 * removed with one warning. */
static void
drop_unmatched_tasks (ParcoursDocument *document,
                      Journey          *written,
                      GPtrArray        *exported,
                      const gboolean   *kept,
                      GPtrArray        *warnings)
{
  guint n_dropped = 0;

  for (guint w = 0; w < written->tasks->len; w++)
    {
      ExportedTask *task = g_ptr_array_index (exported, w);

      if (kept[w])
        continue;
      n_dropped++;
      for (guint j = 0; j < task->points->len; j++)
        remove_element (document, g_ptr_array_index (task->points, j));
      remove_element (document, task->card);
    }
  if (warnings != NULL && n_dropped > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (ngettext ("%u task Parcours wrote was changed or removed in the "
                                                "Mermaid text: the text wins, and the Parcours data of "
                                                "that task (details, channel, colours, …) is dropped",
                                                "%u tasks Parcours wrote were changed or removed in the "
                                                "Mermaid text: the text wins, and the Parcours data of "
                                                "those tasks (details, channels, colours, …) is dropped",
                                                n_dropped),
                                      n_dropped));
}

/* The stage of each visible section, in @new_stages: kept (and renamed)
 * or new, in the order of the text. Marks the old stages kept in
 * @stage_kept. */
static gboolean
sync_stages (ParcoursDocument  *document,
             Journey           *visible,
             Journey           *written,
             const guint       *section_map,
             GPtrArray         *old_stages,
             GPtrArray         *new_stages,
             gboolean          *stage_kept,
             GError           **error)
{
  for (guint i = 0; i < visible->sections->len; i++)
    {
      const char *name = g_ptr_array_index (visible->sections, i);
      ParcoursStage *stage;

      if (section_map[i] > 0)
        {
          stage = g_ptr_array_index (old_stages, section_map[i] - 1);
          stage_kept[section_map[i] - 1] = TRUE;
          if (g_strcmp0 (g_ptr_array_index (written->sections, section_map[i] - 1), name) != 0)
            parcours_stage_set_name (stage, name);
        }
      else
        {
          g_autofree char *id = parcours_document_make_id (document, PARCOURS_TYPE_STAGE);

          if (!append_element (document, parcours_stage_new (id, name), error))
            return FALSE;
          stage = parcours_document_lookup_stage (document, id);
        }
      g_ptr_array_add (new_stages, stage);
    }

  return TRUE;
}

/* The visible sections whose tasks are not those Parcours wrote, in the
 * same order: their points are spread again, so that each stays with its
 * task. */
static gboolean *
find_changed_sections (Journey     *visible,
                       Journey     *written,
                       const guint *section_map,
                       const int   *task_map)
{
  g_autofree guint *cursor = g_new0 (guint, MAX (written->sections->len, 1));
  g_autofree guint *written_first = g_new0 (guint, MAX (written->sections->len, 1));
  g_autofree guint *written_count = g_new0 (guint, MAX (written->sections->len, 1));
  g_autofree guint *visible_count = g_new0 (guint, MAX (visible->sections->len, 1));
  gboolean *changed = g_new0 (gboolean, MAX (visible->sections->len, 1));

  for (guint w = written->tasks->len; w-- > 0;)
    {
      guint section = g_array_index (written->tasks, Task, w).section;

      written_first[section] = w;
      written_count[section]++;
    }
  for (guint i = 0; i < visible->tasks->len; i++)
    {
      guint section = g_array_index (visible->tasks, Task, i).section;
      guint w = section_map[section];

      visible_count[section]++;
      if (w == 0 || task_map[i] != (int) (written_first[w - 1] + cursor[w - 1]++))
        changed[section] = TRUE;
    }
  for (guint i = 0; i < visible->sections->len; i++)
    if (section_map[i] == 0 || visible_count[i] != written_count[section_map[i] - 1])
      changed[i] = TRUE;

  return changed;
}

/* The task cards, in the order of the text, after the other cards: a
 * kept card moved to its stage (with its points, spread again where its
 * section @changed), a new task added. */
static gboolean
place_task_cards (ParcoursDocument  *document,
                  Journey           *visible,
                  GPtrArray         *exported,
                  const int         *task_map,
                  GPtrArray         *new_stages,
                  const guint       *section_sizes,
                  const gboolean    *changed,
                  GError           **error)
{
  g_autofree guint *section_positions = g_new0 (guint, MAX (visible->sections->len, 1));

  for (guint i = 0; i < visible->tasks->len; i++)
    {
      const Task *task = &g_array_index (visible->tasks, Task, i);
      ParcoursStage *stage = g_ptr_array_index (new_stages, task->section);
      const char *stage_id = parcours_element_get_id (PARCOURS_ELEMENT (stage));
      guint position = section_positions[task->section]++;
      double offset = (position + 0.5) / section_sizes[task->section];
      ExportedTask *exported_task;
      ParcoursCard *card;

      if (task_map[i] < 0)
        {
          if (!add_new_task (document, visible, i, stage_id, offset, error))
            return FALSE;
          continue;
        }

      exported_task = g_ptr_array_index (exported, task_map[i]);
      card = exported_task->card;
      if (g_strcmp0 (parcours_card_get_stage_id (card), stage_id) != 0 || changed[task->section])
        {
          parcours_card_set_stage_id (card, stage_id);
          for (guint j = 0; j < exported_task->points->len; j++)
            {
              ParcoursEmotionPoint *point = g_ptr_array_index (exported_task->points, j);

              parcours_emotion_point_set_stage_id (point, stage_id);
              parcours_emotion_point_set_offset (point, offset);
            }
        }

      g_object_ref (card);
      remove_element (document, card);
      if (!append_element (document, card, error))
        return FALSE;
    }

  return TRUE;
}

/* The map Parcours wrote, @document, made to show what the text now
 * says (@visible) where it differs from what Parcours wrote (@written,
 * whose tasks are @exported): the visible part wins, and the data of a
 * task whose line changed is dropped with a warning, never given to
 * another. */
static gboolean
sync_document (ParcoursDocument  *document,
               Journey           *visible,
               Journey           *written,
               GPtrArray         *exported,
               GPtrArray         *warnings,
               GError           **error)
{
  GListModel *stages = parcours_document_get_stages (document);
  g_autoptr(GPtrArray) old_stages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_stages = g_ptr_array_new ();
  g_autofree guint *section_map = align_sections (visible, written);
  g_autofree int *task_map = g_new (int, MAX (visible->tasks->len, 1));
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (written->tasks->len, 1));
  g_autofree gboolean *stage_kept = g_new0 (gboolean, MAX (written->sections->len, 1));
  g_autofree guint *section_sizes = g_new0 (guint, MAX (visible->sections->len, 1));
  g_autofree gboolean *changed = NULL;

  sync_header (document, visible, written);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    g_ptr_array_add (old_stages, g_list_model_get_item (stages, i));
  g_assert (old_stages->len == written->sections->len);

  match_tasks (visible, written, task_map, kept, section_sizes);
  drop_unmatched_tasks (document, written, exported, kept, warnings);
  if (!sync_stages (document, visible, written, section_map,
                    old_stages, new_stages, stage_kept, error))
    return FALSE;
  changed = find_changed_sections (visible, written, section_map, task_map);
  if (!place_task_cards (document, visible, exported, task_map,
                         new_stages, section_sizes, changed, error))
    return FALSE;

  /* Only now that the tasks moved out of them. */
  for (guint w = 0; w < old_stages->len; w++)
    if (!stage_kept[w])
      drop_stage (document, g_ptr_array_index (old_stages, w), warnings);
  for (guint i = 0; i < new_stages->len; i++)
    place_stage (document, g_ptr_array_index (new_stages, i), i);

  return TRUE;
}

/* The map in the `%%` lines of @text, made to agree with @visible; %NULL
 * (with a warning when there were such lines) to build the map from the
 * text alone. */
static ParcoursDocument *
read_hidden_map (const char  *text,
                 gsize        length,
                 Journey     *visible,
                 GPtrArray   *warnings,
                 GError     **error)
{
  g_autoptr(GString) json = extract_hidden (text, length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  g_autoptr(GString) written_text = NULL;
  g_autoptr(Journey) written = NULL;
  g_autofree char *cleaned = NULL;
  Lexer lexer = { 0 };

  if (json == NULL)
    return NULL;

  bytes = g_bytes_new (json->str, json->len);
  document = parcours_format_load_bytes (bytes, &local_error);
  if (document == NULL)
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("the map Parcours kept in the %%%% lines could not be "
                                            "read (%s); it is read from the Mermaid text alone"),
                                          local_error->message));
      return NULL;
    }

  /* What Parcours wrote of this map, read as the text is. */
  exported = g_ptr_array_new_with_free_func ((GDestroyNotify) exported_task_free);
  written_text = write_visible (document, exported);
  written = journey_new ();
  cleaned = preprocess (written_text->str, written_text->len, &written->front_matter_title, NULL);
  lexer.p = cleaned;
  lexer.line = 1;
  if (cleaned == NULL || !journey_parse (written, &lexer, cleaned, NULL) ||
      written->tasks->len != exported->len ||
      written->sections->len != g_list_model_get_n_items (parcours_document_get_stages (document)))
    {
      if (warnings != NULL)
        g_ptr_array_add (warnings, g_strdup (_("the map Parcours kept in the %% lines does not "
                                               "match its own text; it is read from the Mermaid "
                                               "text alone")));
      return NULL;
    }

  if (journeys_equal (visible, written))
    return g_steal_pointer (&document);

  if (!sync_document (document, visible, written, exported, warnings, error))
    return NULL;

  return g_steal_pointer (&document);
}
