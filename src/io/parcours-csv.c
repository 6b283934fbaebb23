/* parcours-csv.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "parcours-csv.h"
#include "parcours-document-private.h"

/* A map as CSV (RFC 4180, UTF-8), one row per card or emotion point, with
 * the columns stage, lane, kind, text, channel, sentiment, emotion and
 * details.
 *
 * Export
 *
 * - The header row is exactly PARCOURS_CSV_HEADER. Every line, the last
 *   one included, ends with CRLF. No byte order mark.
 * - Rows follow the map: stage by stage, and inside a stage lane by lane
 *   from top to bottom. An emotions lane gives one row per emotion point,
 *   in offset order; any other lane one row per card, in the order of the
 *   card list (which is the order inside a cell). Writing every card
 *   before every emotion point would reorder, on the way back, the stages
 *   that only hold emotion points.
 * - stage and lane are names; a lane without a name is written with the
 *   (translated) name of its kind, which is also what an import gives it.
 *   kind, channel and sentiment are nicks; channel is empty for none.
 * - A card row has an empty emotion. An emotion row has the point's
 *   level, round (value × 2) from -2 to 2, in emotion, its label in text,
 *   and empty channel, sentiment and details.
 * - A field is quoted only when it has to be: when it holds a comma, a
 *   quote, a CR or an LF, or starts or ends with a space or a tab. Quotes
 *   inside are doubled.
 * - Formula injection (OWASP): a stage, lane, text or details field that
 *   starts with =, +, -, @, tab or CR, possibly after some apostrophes,
 *   gets one more apostrophe in front, so that a spreadsheet shows it as
 *   text instead of evaluating it. The emotion level is a number Parcours
 *   writes itself and stays as it is, so that spreadsheets read a number.
 * - Not written: personas, the map's title, description, kind and goals,
 *   colours, sizes, key moments and KPIs, stages and lanes without rows,
 *   cards in an emotions lane and emotion points in any other lane (a row
 *   could not tell them apart), and elements whose stage or lane is not
 *   in the map.
 *
 * Import
 *
 * - An optional UTF-8 byte order mark. Lines end with CRLF, LF or a lone
 *   CR. A field that starts with a quote is quoted: up to the closing
 *   quote, "" stands for a quote and commas and line breaks are kept as
 *   they are; anything but a comma or a line end after the closing quote
 *   is an error. A quote inside an unquoted field is kept as text.
 * - The first row that is not blank is the header. Column names match
 *   case-insensitively and without surrounding spaces, in any order;
 *   stage and text are required, the others may be missing (and are then
 *   empty on every row). Columns with other names are ignored, and so are
 *   fields beyond the header's. A row shorter than the header has empty
 *   fields for the ones it lacks.
 * - A row whose known columns are all empty is skipped: blank lines, the
 *   ",,,,," of a spreadsheet's empty rows, a row that only fills ignored
 *   columns.
 * - Any other row is a card or, when its kind is emotions, an emotion
 *   point. kind is a lane kind nick (pain-points) or its English or
 *   translated name (Pain points, KPIs), case-insensitively; empty is
 *   touchpoints. channel and sentiment are read the same way; empty means
 *   none and neutral.
 * - Stages are made in order of first appearance, one per name; lanes
 *   one per (name, kind), an empty name standing for the translated name
 *   of the kind. Names compare exactly, so two stages (or two lanes of
 *   one kind) with the same name become one. Lanes are ordered so that,
 *   inside every stage, a lane whose rows come right before another's
 *   stays above it; where the rows leave the order open or contradict
 *   themselves, the lane that appeared first comes first. That keeps the
 *   lane order of a file Parcours wrote even when a lane first appears in
 *   a later stage than the lanes below it.
 * - Cards enter their cells in row order. Their emotion field is ignored.
 * - On an emotion row, emotion is required and must be an integer level
 *   from -2 to 2, the five steps of the editor (a leading + or − is
 *   allowed); anything else is an error. text becomes the label; channel,
 *   sentiment and details are ignored. The n points of one stage and lane
 *   get the offsets (i + 0.5) / n, in row order.
 * - A field that starts with an apostrophe followed by =, +, -, @, tab or
 *   CR (possibly after more apostrophes) loses its first apostrophe, which
 *   undoes the neutralising of an export.
 * - Errors give a line, counted as an editor counts them (line breaks in
 *   quoted fields included): where the row starts and the column for a
 *   wrong value, where the quote opened for an unterminated quoted field,
 *   where the bad byte is for invalid UTF-8.
 * - Limits: the size of the text (PARCOURS_CSV_MAX_SIZE), the number of
 *   rows (PARCOURS_CSV_MAX_ROWS) and the size of a field
 *   (PARCOURS_CSV_MAX_FIELD_SIZE), and the native format's limits on
 *   stages, lanes, cards and emotion points, so that an imported map can
 *   be saved and opened again. */

#define MIB (1024 * 1024)
#define UTF8_BOM "\xef\xbb\xbf"
#define MAX_QUOTED_VALUE_CHARS 40

typedef enum
{
  COLUMN_STAGE,
  COLUMN_LANE,
  COLUMN_KIND,
  COLUMN_TEXT,
  COLUMN_CHANNEL,
  COLUMN_SENTIMENT,
  COLUMN_EMOTION,
  COLUMN_DETAILS,
  N_COLUMNS,
  COLUMN_NONE = N_COLUMNS,
} Column;

static const char * const column_names[N_COLUMNS] = {
  [COLUMN_STAGE] = "stage",
  [COLUMN_LANE] = "lane",
  [COLUMN_KIND] = "kind",
  [COLUMN_TEXT] = "text",
  [COLUMN_CHANNEL] = "channel",
  [COLUMN_SENTIMENT] = "sentiment",
  [COLUMN_EMOTION] = "emotion",
  [COLUMN_DETAILS] = "details",
};

/* Names people write in a spreadsheet, indexed by enum value. Their
 * English forms are also reached through the nicks (see parse_enum()). */
static const char * const lane_kind_names[] = {
  [PARCOURS_LANE_KIND_TOUCHPOINTS] = N_("Touchpoints"),
  [PARCOURS_LANE_KIND_ACTIONS] = N_("Actions"),
  [PARCOURS_LANE_KIND_THOUGHTS] = N_("Thoughts"),
  [PARCOURS_LANE_KIND_EMOTIONS] = N_("Emotions"),
  [PARCOURS_LANE_KIND_PAIN_POINTS] = N_("Pain points"),
  [PARCOURS_LANE_KIND_OPPORTUNITIES] = N_("Opportunities"),
  [PARCOURS_LANE_KIND_CHANNELS] = N_("Channels"),
  [PARCOURS_LANE_KIND_BACKSTAGE] = N_("Backstage"),
  [PARCOURS_LANE_KIND_KPIS] = N_("KPIs"),
  [PARCOURS_LANE_KIND_NOTES] = N_("Notes"),
};

static const char * const channel_names[] = {
  [PARCOURS_CHANNEL_NONE] = NULL,
  [PARCOURS_CHANNEL_WEBSITE] = N_("Website"),
  [PARCOURS_CHANNEL_MOBILE_APP] = N_("Mobile app"),
  [PARCOURS_CHANNEL_EMAIL] = N_("Email"),
  [PARCOURS_CHANNEL_PHONE] = N_("Phone"),
  [PARCOURS_CHANNEL_SMS] = N_("SMS"),
  [PARCOURS_CHANNEL_CHAT] = N_("Chat"),
  [PARCOURS_CHANNEL_SOCIAL_MEDIA] = N_("Social media"),
  [PARCOURS_CHANNEL_ADVERTISING] = N_("Advertising"),
  [PARCOURS_CHANNEL_PHYSICAL_STORE] = N_("Physical store"),
  [PARCOURS_CHANNEL_WORD_OF_MOUTH] = N_("Word of mouth"),
  [PARCOURS_CHANNEL_EVENT] = N_("Event"),
  [PARCOURS_CHANNEL_OTHER] = N_("Other"),
};

static const char * const sentiment_names[] = {
  [PARCOURS_SENTIMENT_NEUTRAL] = N_("Neutral"),
  [PARCOURS_SENTIMENT_POSITIVE] = N_("Positive"),
  [PARCOURS_SENTIMENT_NEGATIVE] = N_("Negative"),
};

/* The text CSV is read from, and the line of its current position. */
typedef struct
{
  const char *pos;
  const char *end;
  guint       line;
} CsvReader;

typedef struct
{
  ParcoursLane *lane;
  guint         rank;            /* order of first appearance */
  guint         n_predecessors;  /* edges from lanes right above it */
  GArray       *successors;      /* ranks of lanes right below it */
} ImportLane;

typedef struct
{
  guint          columns[N_COLUMNS];  /* field index, or G_MAXUINT */
  guint          n_rows;
  GPtrArray     *stages;              /* ParcoursStage, first appearance */
  GHashTable    *stages_by_name;      /* name → ParcoursStage */
  GPtrArray     *lanes;               /* ImportLane, by rank */
  GHashTable    *lanes_by_key;        /* "kind:name" → ImportLane */
  GPtrArray     *cards;
  GPtrArray     *points;
  GHashTable    *cells;               /* "stage-id lane-id" → GPtrArray of points */
  GHashTable    *ids;                 /* every id handed out */
  ParcoursStage *previous_stage;
  ImportLane    *previous_lane;
} CsvImport;

typedef struct
{
  ParcoursElement *element;  /* a card or an emotion point */
  ParcoursStage   *stage;
  ParcoursLane    *lane;
  guint            stage_position;
  guint            lane_position;
  double           offset;    /* 0 for cards */
  guint            position;  /* in its list */
} ExportRow;

static void
import_lane_free (gpointer data)
{
  ImportLane *lane = data;

  g_clear_object (&lane->lane);
  g_clear_pointer (&lane->successors, g_array_unref);
  g_free (lane);
}

static CsvImport *
csv_import_new (void)
{
  CsvImport *self = g_new0 (CsvImport, 1);

  for (guint c = 0; c < N_COLUMNS; c++)
    self->columns[c] = G_MAXUINT;

  self->stages = g_ptr_array_new_with_free_func (g_object_unref);
  self->stages_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->lanes = g_ptr_array_new_with_free_func (import_lane_free);
  self->lanes_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->points = g_ptr_array_new_with_free_func (g_object_unref);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal,
                                       g_free, (GDestroyNotify) g_ptr_array_unref);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

static void
csv_import_free (CsvImport *self)
{
  g_clear_pointer (&self->stages_by_name, g_hash_table_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->lanes_by_key, g_hash_table_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvImport, csv_import_free)

/* Helpers */

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* Whether @text starts, after any apostrophes, with a character that
 * makes spreadsheets read a formula. */
static gboolean
starts_like_formula (const char *text)
{
  const char *p = text;

  while (*p == '\'')
    p++;

  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}

/* A value as an error message quotes it: shortened, on one line. */
static char *
quote_value (const char *value)
{
  g_autofree char *shortened = NULL;

  if (g_utf8_strlen (value, -1) > MAX_QUOTED_VALUE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (value, 0, MAX_QUOTED_VALUE_CHARS);

      shortened = g_strconcat (start, "…", NULL);
    }
  else
    {
      shortened = g_strdup (value);
    }

  g_strdelimit (shortened, "\r\n\t", ' ');

  return g_steal_pointer (&shortened);
}

static guint
count_line_breaks (const char *start,
                   const char *end)
{
  guint n = 0;

  for (const char *p = start; p < end; p++)
    {
      if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
        n++;
    }

  return n;
}

static const char *
enum_human_name (const char * const *names,
                 guint               n_names,
                 int                 value)
{
  if (value < 0 || (guint) value >= n_names || names[value] == NULL)
    return NULL;

  return _(names[value]);
}

static const char *
lane_kind_human_name (ParcoursLaneKind kind)
{
  const char *name = enum_human_name (lane_kind_names, G_N_ELEMENTS (lane_kind_names), kind);

  /* A kind newer than the table: its nick is better than nothing. */
  if (name == NULL)
    name = parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, kind);

  return name;
}

/* Reads an enum as a nick ("pain-points"), or as a name in English
 * ("Pain points", which becomes the nick once lowered and hyphenated) or
 * in the user's language, ignoring case and surrounding spaces. */
static gboolean
parse_enum (GType               enum_type,
            const char * const *names,
            guint               n_names,
            const char         *value,
            int                *result)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  g_autofree char *nick = g_ascii_strdown (trimmed, -1);
  g_autofree char *folded = NULL;

  g_strdelimit (nick, " _", '-');
  if (parcours_enum_from_nick (enum_type, nick, result))
    return TRUE;

  folded = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = NULL;

      if (names[i] == NULL)
        continue;

      name = g_utf8_casefold (_(names[i]), -1);
      if (strcmp (folded, name) == 0)
        {
          *result = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* "one, two, three": the nicks a column accepts, for error messages. */
static char *
enum_expected_nicks (GType enum_type,
                     int   skipped_value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == skipped_value)
        continue;

      if (nicks->len > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, klass->values[i].value_nick);
    }

  return g_string_free (nicks, FALSE);
}

/* An emotion level: an integer from -2 to 2, with an optional sign, the
 * minus either ASCII or U+2212 as some spreadsheets write it. */
static gboolean
parse_level (const char *value,
             int        *level)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  const char *digit = trimmed;
  gboolean negative = FALSE;

  if (g_str_has_prefix (digit, "−"))
    {
      negative = TRUE;
      digit += strlen ("−");
    }
  else if (*digit == '-' || *digit == '+')
    {
      negative = *digit == '-';
      digit++;
    }

  if (*digit < '0' || *digit > '0' + PARCOURS_EMOTION_MAX_LEVEL || digit[1] != '\0')
    return FALSE;

  *level = negative ? -(*digit - '0') : *digit - '0';
  return TRUE;
}

static void set_error_at (GError              **error,
                          ParcoursFormatError   code,
                          guint                 line,
                          Column                column,
                          const char           *format,
                          ...) G_GNUC_PRINTF (5, 6);

static void
set_error_at (GError              **error,
              ParcoursFormatError   code,
              guint                 line,
              Column                column,
              const char           *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column != COLUMN_NONE)
    g_set_error (error, PARCOURS_FORMAT_ERROR, code,
                 _("line %u, column \"%s\": %s"),
                 line, column_names[column], message);
  else
    g_set_error (error, PARCOURS_FORMAT_ERROR, code,
                 _("line %u: %s"), line, message);
}

/* Reading CSV */

static gboolean
csv_reader_skip_line_break (CsvReader *reader)
{
  if (reader->pos < reader->end && *reader->pos == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->end && *reader->pos == '\n')
        reader->pos++;
    }
  else if (reader->pos < reader->end && *reader->pos == '\n')
    {
      reader->pos++;
    }
  else
    {
      return FALSE;
    }

  reader->line++;
  return TRUE;
}

static gboolean
append_to_field (GString     *field,
                 const char  *text,
                 gsize        length,
                 guint        line,
                 GError     **error)
{
  if (length > PARCOURS_CSV_MAX_FIELD_SIZE - field->len)
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
                    _("a field is larger than %u MiB, the limit"),
                    (guint) (PARCOURS_CSV_MAX_FIELD_SIZE / MIB));
      return FALSE;
    }

  g_string_append_len (field, text, length);
  return TRUE;
}

/* Reads the field at the reader's position into @field, and the comma or
 * line break after it. *@last tells whether it was the record's last. */
static gboolean
csv_reader_read_field (CsvReader  *reader,
                       GString    *field,
                       gboolean   *last,
                       GError    **error)
{
  guint start_line = reader->line;

  g_string_truncate (field, 0);

  if (reader->pos < reader->end && *reader->pos == '"')
    {
      reader->pos++;

      for (;;)
        {
          const char *quote = memchr (reader->pos, '"', reader->end - reader->pos);

          if (quote == NULL)
            {
              set_error_at (error, PARCOURS_FORMAT_ERROR_SYNTAX, start_line, COLUMN_NONE,
                            _("unterminated quoted field"));
              return FALSE;
            }

          if (!append_to_field (field, reader->pos, quote - reader->pos, start_line, error))
            return FALSE;

          reader->line += count_line_breaks (reader->pos, quote);
          reader->pos = quote + 1;

          if (reader->pos == reader->end || *reader->pos != '"')
            break;

          /* A doubled quote. */
          if (!append_to_field (field, "\"", 1, start_line, error))
            return FALSE;
          reader->pos++;
        }

      if (reader->pos < reader->end &&
          *reader->pos != ',' && *reader->pos != '\r' && *reader->pos != '\n')
        {
          set_error_at (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line, COLUMN_NONE,
                        _("text after the closing quote of a field (a quote inside a quoted field must be doubled)"));
          return FALSE;
        }
    }
  else
    {
      const char *p = reader->pos;

      while (p < reader->end && *p != ',' && *p != '\r' && *p != '\n')
        p++;

      if (!append_to_field (field, reader->pos, p - reader->pos, start_line, error))
        return FALSE;

      reader->pos = p;
    }

  if (reader->pos < reader->end && *reader->pos == ',')
    {
      reader->pos++;
      *last = FALSE;
    }
  else
    {
      csv_reader_skip_line_break (reader);
      *last = TRUE;
    }

  return TRUE;
}

/* Importing */

static const char *
csv_import_make_id (CsvImport *self,
                    GType      element_type)
{
  for (;;)
    {
      char *id = parcours_element_generate_id (element_type);

      if (!g_hash_table_contains (self->ids, id))
        {
          g_hash_table_add (self->ids, id);
          return id;
        }

      g_free (id);
    }
}

static gboolean
csv_import_read_header (CsvImport  *self,
                        CsvReader  *reader,
                        GError    **error)
{
  static const Column required_columns[] = { COLUMN_STAGE, COLUMN_TEXT };
  g_autoptr(GString) field = g_string_new (NULL);

  while (reader->pos < reader->end)
    {
      guint line = reader->line;
      gboolean blank = TRUE;
      gboolean last = FALSE;

      for (guint position = 0; !last; position++)
        {
          const char *name;

          if (!csv_reader_read_field (reader, field, &last, error))
            return FALSE;

          name = g_strstrip (field->str);
          if (*name == '\0')
            continue;

          blank = FALSE;
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              if (g_ascii_strcasecmp (name, column_names[c]) != 0)
                continue;

              if (self->columns[c] != G_MAXUINT)
                {
                  set_error_at (error, PARCOURS_FORMAT_ERROR_SYNTAX, line, COLUMN_NONE,
                                _("the header row has the column \"%s\" twice"),
                                column_names[c]);
                  return FALSE;
                }

              self->columns[c] = position;
            }
        }

      if (blank)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
        {
          Column c = required_columns[i];

          if (self->columns[c] == G_MAXUINT)
            {
              set_error_at (error, PARCOURS_FORMAT_ERROR_MISSING, line, COLUMN_NONE,
                            _("the header row has no column \"%s\" (it needs at least stage and text)"),
                            column_names[c]);
              return FALSE;
            }
        }

      return TRUE;
    }

  g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_MISSING,
               _("the file is empty: it needs a header row with at least the columns stage and text"));
  return FALSE;
}

/* Reads the next record into @values, one string per known column (NULL
 * where the record is too short). Sets *@blank when all of them are
 * empty. */
static gboolean
csv_import_read_row (CsvImport  *self,
                     CsvReader  *reader,
                     GString    *field,
                     char      **values,
                     gboolean   *blank,
                     GError    **error)
{
  gboolean last = FALSE;

  *blank = TRUE;

  for (guint position = 0; !last; position++)
    {
      if (!csv_reader_read_field (reader, field, &last, error))
        return FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (self->columns[c] != position)
            continue;

          /* Undo the neutralising of formulas. */
          if (field->str[0] == '\'' && starts_like_formula (field->str))
            g_string_erase (field, 0, 1);

          if (field->len > 0)
            *blank = FALSE;

          g_free (values[c]);
          values[c] = g_strndup (field->str, field->len);
        }
    }

  return TRUE;
}

static ParcoursStage *
csv_import_get_stage (CsvImport   *self,
                      const char  *name,
                      guint        line,
                      GError     **error)
{
  ParcoursStage *stage = g_hash_table_lookup (self->stages_by_name, name);

  if (stage != NULL)
    return stage;

  if (self->stages->len >= PARCOURS_FORMAT_MAX_STAGES)
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_STAGE,
                    _("more than %u stages, the limit"),
                    (guint) PARCOURS_FORMAT_MAX_STAGES);
      return NULL;
    }

  stage = parcours_stage_new (csv_import_make_id (self, PARCOURS_TYPE_STAGE), name);
  g_ptr_array_add (self->stages, stage);
  g_hash_table_insert (self->stages_by_name,
                       (gpointer) parcours_stage_get_name (stage), stage);

  return stage;
}

static ImportLane *
csv_import_get_lane (CsvImport         *self,
                     const char        *name,
                     ParcoursLaneKind   kind,
                     guint              line,
                     GError           **error)
{
  g_autofree char *key = NULL;
  ImportLane *lane;

  if (*name == '\0')
    name = lane_kind_human_name (kind);

  key = g_strdup_printf ("%d:%s", kind, name);
  lane = g_hash_table_lookup (self->lanes_by_key, key);
  if (lane != NULL)
    return lane;

  if (self->lanes->len >= PARCOURS_FORMAT_MAX_LANES)
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_LANE,
                    _("more than %u lanes, the limit"),
                    (guint) PARCOURS_FORMAT_MAX_LANES);
      return NULL;
    }

  lane = g_new0 (ImportLane, 1);
  lane->lane = parcours_lane_new (csv_import_make_id (self, PARCOURS_TYPE_LANE), kind, name);
  lane->rank = self->lanes->len;
  lane->successors = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (self->lanes, lane);
  g_hash_table_insert (self->lanes_by_key, g_steal_pointer (&key), lane);

  return lane;
}

static gboolean
csv_import_add_point (CsvImport      *self,
                      ParcoursStage  *stage,
                      ImportLane     *lane,
                      char          **values,
                      guint           line,
                      GError        **error)
{
  const char *stage_id = parcours_element_get_id (PARCOURS_ELEMENT (stage));
  const char *lane_id = parcours_element_get_id (PARCOURS_ELEMENT (lane->lane));
  g_autofree char *cell_key = NULL;
  ParcoursEmotionPoint *point;
  GPtrArray *cell;
  int level;

  if (is_blank (values[COLUMN_EMOTION]))
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_MISSING, line, COLUMN_EMOTION,
                    _("an emotions row needs a level, an integer from %d to %d"),
                    PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);
      return FALSE;
    }

  if (!parse_level (values[COLUMN_EMOTION], &level))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_EMOTION]));

      set_error_at (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_EMOTION,
                    _("invalid emotion level \"%s\" (expected an integer from %d to %d)"),
                    quoted, PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);
      return FALSE;
    }

  if (self->points->len >= PARCOURS_FORMAT_MAX_EMOTION_POINTS)
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
                    _("more than %u emotion points, the limit"),
                    (guint) PARCOURS_FORMAT_MAX_EMOTION_POINTS);
      return FALSE;
    }

  /* The offset waits until the cell's points are all known. */
  point = parcours_emotion_point_new (csv_import_make_id (self, PARCOURS_TYPE_EMOTION_POINT),
                                      lane_id, stage_id, 0.5,
                                      parcours_emotion_level_to_value (level));
  parcours_emotion_point_set_label (point, values[COLUMN_TEXT]);
  g_ptr_array_add (self->points, point);

  cell_key = g_strconcat (stage_id, " ", lane_id, NULL);
  cell = g_hash_table_lookup (self->cells, cell_key);
  if (cell == NULL)
    {
      cell = g_ptr_array_new ();
      g_hash_table_insert (self->cells, g_steal_pointer (&cell_key), cell);
    }
  g_ptr_array_add (cell, point);

  return TRUE;
}

static gboolean
csv_import_add_card (CsvImport      *self,
                     ParcoursStage  *stage,
                     ImportLane     *lane,
                     char          **values,
                     guint           line,
                     GError        **error)
{
  ParcoursCard *card;
  int channel = PARCOURS_CHANNEL_NONE;
  int sentiment = PARCOURS_SENTIMENT_NEUTRAL;

  if (!is_blank (values[COLUMN_CHANNEL]) &&
      !parse_enum (PARCOURS_TYPE_CHANNEL, channel_names, G_N_ELEMENTS (channel_names),
                   values[COLUMN_CHANNEL], &channel))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_CHANNEL]));
      g_autofree char *expected = enum_expected_nicks (PARCOURS_TYPE_CHANNEL,
                                                       PARCOURS_CHANNEL_NONE);

      set_error_at (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_CHANNEL,
                    _("unknown channel \"%s\" (expected one of %s)"), quoted, expected);
      return FALSE;
    }

  if (!is_blank (values[COLUMN_SENTIMENT]) &&
      !parse_enum (PARCOURS_TYPE_SENTIMENT, sentiment_names, G_N_ELEMENTS (sentiment_names),
                   values[COLUMN_SENTIMENT], &sentiment))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_SENTIMENT]));
      g_autofree char *expected = enum_expected_nicks (PARCOURS_TYPE_SENTIMENT, -1);

      set_error_at (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_SENTIMENT,
                    _("unknown sentiment \"%s\" (expected one of %s)"), quoted, expected);
      return FALSE;
    }

  if (self->cards->len >= PARCOURS_FORMAT_MAX_CARDS)
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
                    _("more than %u cards, the limit"),
                    (guint) PARCOURS_FORMAT_MAX_CARDS);
      return FALSE;
    }

  card = parcours_card_new (csv_import_make_id (self, PARCOURS_TYPE_CARD),
                            parcours_element_get_id (PARCOURS_ELEMENT (lane->lane)),
                            parcours_element_get_id (PARCOURS_ELEMENT (stage)),
                            values[COLUMN_TEXT]);
  parcours_card_set_details (card, values[COLUMN_DETAILS]);
  parcours_card_set_channel (card, channel);
  parcours_card_set_sentiment (card, sentiment);
  g_ptr_array_add (self->cards, card);

  return TRUE;
}

static gboolean
csv_import_add_row (CsvImport  *self,
                    char      **values,
                    guint       line,
                    GError    **error)
{
  ParcoursStage *stage;
  ImportLane *lane;
  int kind = PARCOURS_LANE_KIND_TOUCHPOINTS;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (values[c] == NULL)
        values[c] = g_strdup ("");
    }

  if (!is_blank (values[COLUMN_KIND]) &&
      !parse_enum (PARCOURS_TYPE_LANE_KIND, lane_kind_names, G_N_ELEMENTS (lane_kind_names),
                   values[COLUMN_KIND], &kind))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_KIND]));
      g_autofree char *expected = enum_expected_nicks (PARCOURS_TYPE_LANE_KIND, -1);

      set_error_at (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_KIND,
                    _("unknown lane kind \"%s\" (expected one of %s)"), quoted, expected);
      return FALSE;
    }

  stage = csv_import_get_stage (self, values[COLUMN_STAGE], line, error);
  if (stage == NULL)
    return FALSE;

  lane = csv_import_get_lane (self, values[COLUMN_LANE], kind, line, error);
  if (lane == NULL)
    return FALSE;

  /* Consecutive rows of one stage tell which lane is above which. */
  if (stage == self->previous_stage && lane != self->previous_lane)
    {
      g_array_append_val (self->previous_lane->successors, lane->rank);
      lane->n_predecessors++;
    }
  self->previous_stage = stage;
  self->previous_lane = lane;

  if (kind == PARCOURS_LANE_KIND_EMOTIONS)
    return csv_import_add_point (self, stage, lane, values, line, error);
  else
    return csv_import_add_card (self, stage, lane, values, line, error);
}

/* The lanes in an order that keeps every "above" the rows showed, taking
 * the lane seen first whenever there is a choice, and breaking cycles
 * the same way. Few lanes (PARCOURS_FORMAT_MAX_LANES): a quadratic scan
 * is fine. */
static GPtrArray *
csv_import_sort_lanes (CsvImport *self)
{
  guint n = self->lanes->len;
  g_autofree guint *n_predecessors = g_new (guint, n);
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  GPtrArray *sorted = g_ptr_array_new_full (n, NULL);
  guint first_unplaced = 0;

  for (guint i = 0; i < n; i++)
    n_predecessors[i] = ((ImportLane *) g_ptr_array_index (self->lanes, i))->n_predecessors;

  while (sorted->len < n)
    {
      ImportLane *lane;
      guint next = G_MAXUINT;

      while (placed[first_unplaced])
        first_unplaced++;

      for (guint i = first_unplaced; i < n && next == G_MAXUINT; i++)
        {
          if (!placed[i] && n_predecessors[i] == 0)
            next = i;
        }

      /* Only cycles are left. */
      if (next == G_MAXUINT)
        next = first_unplaced;

      lane = g_ptr_array_index (self->lanes, next);
      placed[next] = TRUE;
      g_ptr_array_add (sorted, lane->lane);

      for (guint i = 0; i < lane->successors->len; i++)
        {
          guint successor = g_array_index (lane->successors, guint, i);

          if (n_predecessors[successor] > 0)
            n_predecessors[successor]--;
        }
    }

  return sorted;
}

static gboolean
insert_all (ParcoursDocument  *document,
            GPtrArray         *elements,
            GError           **error)
{
  for (guint i = 0; i < elements->len; i++)
    {
      if (!_parcours_document_insert (document, g_ptr_array_index (elements, i),
                                      G_MAXUINT, error))
        return FALSE;
    }

  return TRUE;
}

static ParcoursDocument *
csv_import_finish (CsvImport  *self,
                   GError    **error)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GPtrArray) lanes = csv_import_sort_lanes (self);
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &cell))
    {
      GPtrArray *points = cell;

      for (guint i = 0; i < points->len; i++)
        parcours_emotion_point_set_offset (g_ptr_array_index (points, i),
                                           (i + 0.5) / points->len);
    }

  if (!insert_all (document, self->stages, error) ||
      !insert_all (document, lanes, error) ||
      !insert_all (document, self->cards, error) ||
      !insert_all (document, self->points, error))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * parcours_csv_import:
 * @text: CSV text
 * @length: the length of @text in bytes
 * @error: return location for a #GError in the %PARCOURS_FORMAT_ERROR domain
 *
 * Makes a new map from a table of cards and emotion points, as described
 * at the top of this file.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL on error
 */
ParcoursDocument *
parcours_csv_import (const char  *text,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(CsvImport) self = NULL;
  g_autoptr(GString) field = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  CsvReader reader;
  const char *invalid;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > PARCOURS_CSV_MAX_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MiB, the limit"),
                   (guint) (PARCOURS_CSV_MAX_SIZE / MIB));
      return NULL;
    }

  if (length >= strlen (UTF8_BOM) && memcmp (text, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    {
      text += strlen (UTF8_BOM);
      length -= strlen (UTF8_BOM);
    }

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      set_error_at (error, PARCOURS_FORMAT_ERROR_ENCODING,
                    1 + count_line_breaks (text, invalid), COLUMN_NONE,
                    _("the text is not valid UTF-8 (save the spreadsheet as CSV in UTF-8)"));
      return NULL;
    }

  reader.pos = text;
  reader.end = text + length;
  reader.line = 1;

  self = csv_import_new ();
  if (!csv_import_read_header (self, &reader, error))
    return NULL;

  field = g_string_new (NULL);
  while (reader.pos < reader.end)
    {
      char *values[N_COLUMNS] = { NULL, };
      guint line = reader.line;
      gboolean blank;
      gboolean ok;

      ok = csv_import_read_row (self, &reader, field, values, &blank, error);
      if (ok && !blank)
        {
          if (++self->n_rows > PARCOURS_CSV_MAX_ROWS)
            {
              set_error_at (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
                            _("more than %u rows, the limit"),
                            (guint) PARCOURS_CSV_MAX_ROWS);
              ok = FALSE;
            }
          else
            {
              ok = csv_import_add_row (self, values, line, error);
            }
        }

      for (guint c = 0; c < N_COLUMNS; c++)
        g_free (values[c]);

      if (!ok)
        return NULL;
    }

  document = csv_import_finish (self, error);
  if (document != NULL && !parcours_format_check_reopenable (document, error))
    g_clear_object (&document);

  return g_steal_pointer (&document);
}

/* Exporting */

static void
append_field (GString    *out,
              const char *value,
              gboolean    is_text)
{
  gboolean neutralise = is_text && starts_like_formula (value);
  gsize length = strlen (value);
  gboolean quote;

  quote = strpbrk (value, ",\"\r\n") != NULL ||
          (length > 0 && !neutralise && (value[0] == ' ' || value[0] == '\t')) ||
          (length > 0 && (value[length - 1] == ' ' || value[length - 1] == '\t'));

  if (quote)
    g_string_append_c (out, '"');

  if (neutralise)
    g_string_append_c (out, '\'');

  if (quote)
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append_len (out, value, length);
    }
}

static void
append_row (GString         *out,
            const ExportRow *row)
{
  ParcoursLaneKind kind = parcours_lane_get_kind (row->lane);
  const char *lane_name = parcours_lane_get_name (row->lane);

  if (lane_name == NULL || *lane_name == '\0')
    lane_name = lane_kind_human_name (kind);

  append_field (out, parcours_stage_get_name (row->stage), TRUE);
  g_string_append_c (out, ',');
  append_field (out, lane_name, TRUE);
  g_string_append_c (out, ',');
  append_field (out, parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, kind), FALSE);
  g_string_append_c (out, ',');

  if (PARCOURS_IS_CARD (row->element))
    {
      ParcoursCard *card = PARCOURS_CARD (row->element);
      ParcoursChannel channel = parcours_card_get_channel (card);

      append_field (out, parcours_card_get_text (card), TRUE);
      g_string_append_c (out, ',');
      if (channel != PARCOURS_CHANNEL_NONE)
        append_field (out, parcours_enum_to_nick (PARCOURS_TYPE_CHANNEL, channel), FALSE);
      g_string_append_c (out, ',');
      append_field (out, parcours_enum_to_nick (PARCOURS_TYPE_SENTIMENT,
                                                parcours_card_get_sentiment (card)), FALSE);
      g_string_append (out, ",,");
      append_field (out, parcours_card_get_details (card), TRUE);
    }
  else
    {
      ParcoursEmotionPoint *point = PARCOURS_EMOTION_POINT (row->element);

      append_field (out, parcours_emotion_point_get_label (point), TRUE);
      g_string_append_printf (out, ",,,%d,", parcours_emotion_point_get_level (point));
    }

  g_string_append (out, "\r\n");
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ExportRow *row_a = a;
  const ExportRow *row_b = b;

  if (row_a->stage_position != row_b->stage_position)
    return row_a->stage_position < row_b->stage_position ? -1 : 1;
  if (row_a->lane_position != row_b->lane_position)
    return row_a->lane_position < row_b->lane_position ? -1 : 1;
  if (row_a->offset != row_b->offset)
    return row_a->offset < row_b->offset ? -1 : 1;
  if (row_a->position != row_b->position)
    return row_a->position < row_b->position ? -1 : 1;

  return 0;
}

static GHashTable *
index_positions (GListModel *model)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursElement) element = g_list_model_get_item (model, i);

      /* The document holds the element, and so the id, for as long as
       * the table lives. */
      g_hash_table_insert (positions,
                           (gpointer) parcours_element_get_id (element),
                           GUINT_TO_POINTER (i));
    }

  return positions;
}

/* Adds the rows of one list (cards or emotion points), skipping the
 * elements a row cannot hold. */
static void
collect_rows (GArray           *rows,
              ParcoursDocument *document,
              GListModel       *model,
              GHashTable       *stage_positions,
              GHashTable       *lane_positions)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParcoursElement) element = g_list_model_get_item (model, i);
      gboolean is_card = PARCOURS_IS_CARD (element);
      gpointer stage_position, lane_position;
      const char *stage_id, *lane_id;
      ExportRow row = { 0, };

      if (is_card)
        {
          stage_id = parcours_card_get_stage_id (PARCOURS_CARD (element));
          lane_id = parcours_card_get_lane_id (PARCOURS_CARD (element));
        }
      else
        {
          stage_id = parcours_emotion_point_get_stage_id (PARCOURS_EMOTION_POINT (element));
          lane_id = parcours_emotion_point_get_lane_id (PARCOURS_EMOTION_POINT (element));
          row.offset = parcours_emotion_point_get_offset (PARCOURS_EMOTION_POINT (element));
        }

      row.stage = parcours_document_lookup_stage (document, stage_id);
      row.lane = parcours_document_lookup_lane (document, lane_id);
      if (row.stage == NULL || row.lane == NULL ||
          !g_hash_table_lookup_extended (stage_positions, stage_id, NULL, &stage_position) ||
          !g_hash_table_lookup_extended (lane_positions, lane_id, NULL, &lane_position))
        continue;

      if (is_card == (parcours_lane_get_kind (row.lane) == PARCOURS_LANE_KIND_EMOTIONS))
        continue;

      row.element = element;
      row.stage_position = GPOINTER_TO_UINT (stage_position);
      row.lane_position = GPOINTER_TO_UINT (lane_position);
      row.position = i;
      g_array_append_val (rows, row);
    }
}

/**
 * parcours_csv_export:
 * @document: a #ParcoursDocument
 *
 * Writes the cards and emotion points of @document as CSV, as described
 * at the top of this file.
 *
 * Returns: (transfer full): the CSV text, UTF-8
 */
char *
parcours_csv_export (ParcoursDocument *document)
{
  g_autoptr(GHashTable) stage_positions = NULL;
  g_autoptr(GHashTable) lane_positions = NULL;
  g_autoptr(GArray) rows = NULL;
  GString *out;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (document), NULL);

  stage_positions = index_positions (parcours_document_get_stages (document));
  lane_positions = index_positions (parcours_document_get_lanes (document));

  rows = g_array_new (FALSE, FALSE, sizeof (ExportRow));
  collect_rows (rows, document, parcours_document_get_cards (document),
                stage_positions, lane_positions);
  collect_rows (rows, document, parcours_document_get_emotion_points (document),
                stage_positions, lane_positions);
  g_array_sort (rows, compare_rows);

  out = g_string_new (PARCOURS_CSV_HEADER "\r\n");
  for (guint i = 0; i < rows->len; i++)
    append_row (out, &g_array_index (rows, ExportRow, i));

  return g_string_free (out, FALSE);
}
