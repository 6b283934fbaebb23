/* parcours-csv.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "parcours-color.h"
#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-import-private.h"
#include "parcours-loss-private.h"

/* A map as CSV (RFC 4180, UTF-8), one row per card or emotion point, with
 * the columns stage, lane, kind, text, channel, sentiment, emotion and
 * details, and votes when a card of the map has dot votes.
 *
 * Export
 *
 * - The header row is exactly PARCOURS_CSV_HEADER, followed by ",votes"
 *   when a card that is written has votes (a card row then ends with its
 *   votes, 0 included, and an emotion row with an empty field). Every line, the last
 *   one included, ends with CRLF. No byte order mark, except with
 *   PARCOURS_CSV_EXPORT_SEMICOLON, which writes `;` between fields and a
 *   UTF-8 byte order mark, as a French or Russian Excel needs.
 * - parcours_csv_export_full() adds one warning for each kind of
 *   information the CSV does not hold (see "Not written" below, and the
 *   offsets and exact values of emotion points).
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
 * - UTF-8 with or without a byte order mark, UTF-16 with one (Excel's
 *   "Unicode text"); text that is not UTF-8 is read as Windows-1251 when
 *   its high bytes come in runs (Cyrillic words), else as Windows-1252,
 *   with a warning naming the encoding. Lines end with CRLF, LF or a lone
 *   CR. The separator is the most frequent of `,`, `;` and tab in the
 *   header row. A field that starts with a quote is quoted: up to the
 *   closing quote, "" stands for a quote and separators and line breaks
 *   are kept as they are; anything but a separator or a line end after
 *   the closing quote is an error. A quote inside an unquoted field is
 *   kept as text.
 * - The first row that is not blank is the header. Column names match
 *   case-insensitively and without surrounding spaces, in any order, in
 *   English or as a French or Russian spreadsheet names them (étape,
 *   этап, texte, текст, …, see column_aliases); text is required, the
 *   others may be missing (and are then empty on every row). Columns with
 *   other names are ignored with one warning, and so are fields beyond
 *   the header's. A row shorter than the header has empty fields for the
 *   ones it lacks.
 * - Without a stage column every row goes to a stage "Inbox"; without a
 *   stage, lane or kind column (sticky notes, as Miro exports them) to a
 *   notes lane "Inbox" too. A color column gives cards the colours it
 *   names (#rrggbb or a sticky note colour: yellow, light_blue, …); other
 *   colours and a tags column are added to the details.
 * - A row whose known columns are all empty is skipped: blank lines, the
 *   ",,,,," of a spreadsheet's empty rows, a row that only fills ignored
 *   columns or the votes column.
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
 *   A votes field, when there is one, is a whole number from 0 to
 *   PARCOURS_CARD_MAX_VOTES (empty is 0); emotion rows ignore it.
 * - On an emotion row, emotion is required and must be a level from -2
 *   to 2, the five steps of the editor or a finer number between them (a
 *   leading + or −, a decimal point or comma); anything else is an error. text becomes the label; channel,
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
  COLUMN_VOTES,     /* written only when a card has votes */
  COLUMN_COLOR,     /* read only: sticky notes of Miro and the like */
  COLUMN_TAGS,
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
  [COLUMN_VOTES] = "votes",
  [COLUMN_COLOR] = "color",
  [COLUMN_TAGS] = "tags",
};

/* Other names a header may give a column: English synonyms, and the
 * names in the languages of the UI, since French and Russian
 * spreadsheets write their own. Compared case-folded. */
static const struct
{
  Column column;
  const char *name;
} column_aliases[] = {
  { COLUMN_STAGE, "étape" }, { COLUMN_STAGE, "phase" }, { COLUMN_STAGE, "этап" },
  { COLUMN_STAGE, "стадия" }, { COLUMN_STAGE, "фаза" },
  { COLUMN_LANE, "couloir" }, { COLUMN_LANE, "ligne" }, { COLUMN_LANE, "дорожка" },
  { COLUMN_LANE, "строка" },
  { COLUMN_KIND, "type" }, { COLUMN_KIND, "тип" }, { COLUMN_KIND, "вид" },
  { COLUMN_TEXT, "texte" }, { COLUMN_TEXT, "текст" }, { COLUMN_TEXT, "content" },
  { COLUMN_TEXT, "contenu" }, { COLUMN_TEXT, "содержание" }, { COLUMN_TEXT, "содержимое" },
  { COLUMN_TEXT, "note" }, { COLUMN_TEXT, "sticky note" }, { COLUMN_TEXT, "заметка" },
  { COLUMN_CHANNEL, "canal" }, { COLUMN_CHANNEL, "канал" },
  { COLUMN_SENTIMENT, "ressenti" }, { COLUMN_SENTIMENT, "настроение" },
  { COLUMN_SENTIMENT, "тональность" },
  { COLUMN_EMOTION, "émotion" }, { COLUMN_EMOTION, "эмоция" }, { COLUMN_EMOTION, "score" },
  { COLUMN_EMOTION, "note émotion" },
  { COLUMN_DETAILS, "détails" }, { COLUMN_DETAILS, "description" },
  { COLUMN_DETAILS, "подробности" }, { COLUMN_DETAILS, "описание" },
  { COLUMN_VOTES, "voix" }, { COLUMN_VOTES, "dot votes" }, { COLUMN_VOTES, "голоса" },
  { COLUMN_VOTES, "голосов" },
  { COLUMN_COLOR, "colour" }, { COLUMN_COLOR, "couleur" }, { COLUMN_COLOR, "цвет" },
  { COLUMN_COLOR, "sticky color" }, { COLUMN_COLOR, "background color" },
  { COLUMN_COLOR, "fill color" },
  { COLUMN_TAGS, "tag" }, { COLUMN_TAGS, "étiquettes" }, { COLUMN_TAGS, "étiquette" },
  { COLUMN_TAGS, "теги" }, { COLUMN_TAGS, "метки" },
};

/* Colour names of sticky notes (Miro's among them), as map colours. */
static const struct
{
  const char *name;
  const char *color;
} sticky_colors[] = {
  { "yellow", "#f6d32d" }, { "light_yellow", "#f9f06b" }, { "orange", "#ffa348" },
  { "light_orange", "#ffbe6f" }, { "red", "#ed333b" }, { "pink", "#f66151" },
  { "light_pink", "#f9a4b4" }, { "magenta", "#c061cb" }, { "violet", "#9141ac" },
  { "purple", "#9141ac" }, { "blue", "#3584e4" }, { "dark_blue", "#1a5fb4" },
  { "light_blue", "#99c1f1" }, { "cyan", "#62a0ea" }, { "green", "#33d17a" },
  { "dark_green", "#26a269" }, { "light_green", "#8ff0a4" }, { "gray", "#9a9996" },
  { "grey", "#9a9996" }, { "black", "#241f31" }, { "white", "#ffffff" },
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
  char        separator;   /* `,`, `;` or a tab, from the header row */
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
  GPtrArray     *warnings;            /* (nullable) */
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

/* An emotion level from -2 to 2, the five steps of the editor or a
 * finer number between them: an optional sign (the minus either ASCII or
 * U+2212 as some spreadsheets write it), a decimal point or comma. */
static gboolean
parse_level (const char *value,
             double     *level)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  GString *number = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *p = trimmed;
  char *end = NULL;
  gboolean digits = FALSE;
  double parsed;

  if (g_str_has_prefix (p, "−"))
    {
      g_string_append_c (number, '-');
      p += strlen ("−");
    }
  else if (*p == '-' || *p == '+')
    g_string_append_c (number, *p++);

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (number, *p);
          digits = TRUE;
        }
      else if ((*p == ',' || *p == '.') && strchr (number->str, '.') == NULL)
        g_string_append_c (number, '.');
      else
        break;
    }

  text = g_string_free (number, FALSE);
  if (*p != '\0' || !digits)
    return FALSE;

  parsed = g_ascii_strtod (text, &end);
  if (*end != '\0' || !(parsed >= PARCOURS_EMOTION_MIN_LEVEL && parsed <= PARCOURS_EMOTION_MAX_LEVEL))
    return FALSE;

  *level = parsed;
  return TRUE;
}

/* A problem on a line, in a column when it is not COLUMN_NONE. */
#define SET_ERROR_AT(error, code, at_line, at_column, ...) \
  _parcours_import_set_error ((error), (code), \
                              &(ParcoursImportPlace) { \
                                .line = (at_line), \
                                .column_name = (at_column) != COLUMN_NONE ? column_names[at_column] : NULL, \
                              }, \
                              __VA_ARGS__)

/* The column a header names, or COLUMN_NONE. */
static Column
column_for_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (strcmp (folded, column_names[c]) == 0)
      return c;

  for (guint i = 0; i < G_N_ELEMENTS (column_aliases); i++)
    {
      g_autofree char *alias = g_utf8_casefold (column_aliases[i].name, -1);

      if (strcmp (folded, alias) == 0)
        return column_aliases[i].column;
    }

  return COLUMN_NONE;
}

/* The separator of the first row that is not blank: the most frequent of
 * `,`, `;` and tab outside quotes (French and Russian spreadsheets write
 * `;`, "Unicode text" tabs), `,` when there is none. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  const char *end = text + length;
  const char *p = text;
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  /* Blank lines first. */
  while (p < end && (*p == '\r' || *p == '\n' || *p == ' '))
    p++;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\r' || *p == '\n')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* Whether text that is not UTF-8 reads as Cyrillic (Windows-1251) rather
 * than Latin (Windows-1252): Russian words are runs of high bytes, French
 * ones have a high byte here and there. */
static gboolean
looks_cyrillic (const char *text,
                gsize       length)
{
  gsize in_runs = 0, high = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c < 0x80)
        continue;
      high++;
      if ((i > 0 && (guchar) text[i - 1] >= 0xc0) || (i + 1 < length && (guchar) text[i + 1] >= 0xc0))
        in_runs++;
    }

  return high > 0 && in_runs * 2 > high;
}

/* @text as UTF-8: a UTF-8 or UTF-16 byte order mark is followed; text
 * that is not UTF-8 is read as Windows-1251 or Windows-1252, whichever
 * fits, with a warning naming it. */
static char *
decode_text (const char  *text,
             gsize        length,
             gsize       *decoded_length,
             GPtrArray   *warnings,
             GError     **error)
{
  const char *charset = NULL;
  g_autoptr(GError) local_error = NULL;
  char *decoded;

  if (length >= 2 && ((guchar) text[0] == 0xff && (guchar) text[1] == 0xfe))
    charset = "UTF-16LE";
  else if (length >= 2 && ((guchar) text[0] == 0xfe && (guchar) text[1] == 0xff))
    charset = "UTF-16BE";

  if (charset != NULL)
    {
      decoded = g_convert (text + 2, length - 2, "UTF-8", charset, NULL, decoded_length, &local_error);
      if (decoded == NULL)
        {
          g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_ENCODING,
                       _("the text starts like %s but is not (%s)"), charset, local_error->message);
          return NULL;
        }
      return decoded;
    }

  if (length >= strlen (UTF8_BOM) && memcmp (text, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    {
      text += strlen (UTF8_BOM);
      length -= strlen (UTF8_BOM);
    }

  if (g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    {
      *decoded_length = length;
      return g_strndup (text, length);
    }

  charset = looks_cyrillic (text, length) ? "WINDOWS-1251" : "WINDOWS-1252";
  decoded = g_convert (text, length, "UTF-8", charset, NULL, decoded_length, NULL);
  if (decoded == NULL)
    {
      *decoded_length = length;
      return g_strndup (text, length);
    }

  if (warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("the text is not UTF-8: it is read as %s (%s); if letters "
                                        "look wrong, save the spreadsheet as CSV UTF-8"),
                                      charset,
                                      strcmp (charset, "WINDOWS-1251") == 0 ? _("Cyrillic") : _("Western")));
  return decoded;
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
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
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
              SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_SYNTAX, start_line, COLUMN_NONE,
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
          *reader->pos != reader->separator && *reader->pos != '\r' && *reader->pos != '\n')
        {
          SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_SYNTAX, reader->line, COLUMN_NONE,
                        _("text after the closing quote of a field (a quote inside a quoted field must be doubled)"));
          return FALSE;
        }
    }
  else
    {
      const char *p = reader->pos;

      while (p < reader->end && *p != reader->separator && *p != '\r' && *p != '\n')
        p++;

      if (!append_to_field (field, reader->pos, p - reader->pos, start_line, error))
        return FALSE;

      reader->pos = p;
    }

  if (reader->pos < reader->end && *reader->pos == reader->separator)
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
  static const Column required_columns[] = { COLUMN_TEXT };
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GString) unknown = g_string_new (NULL);

  while (reader->pos < reader->end)
    {
      guint line = reader->line;
      gboolean blank = TRUE;
      gboolean last = FALSE;

      for (guint position = 0; !last; position++)
        {
          const char *name;
          Column c;

          if (!csv_reader_read_field (reader, field, &last, error))
            return FALSE;

          name = g_strstrip (field->str);
          if (*name == '\0')
            continue;

          blank = FALSE;
          c = column_for_name (name);
          if (c == COLUMN_NONE)
            {
              if (unknown->len > 0)
                g_string_append (unknown, ", ");
              g_string_append_printf (unknown, "\"%s\"", name);
              continue;
            }

          if (self->columns[c] != G_MAXUINT)
            {
              SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_SYNTAX, line, COLUMN_NONE,
                            _("the header row has the column \"%s\" twice"),
                            column_names[c]);
              return FALSE;
            }

          self->columns[c] = position;
        }

      if (blank)
        continue;

      if (unknown->len > 0 && self->warnings != NULL)
        g_ptr_array_add (self->warnings,
                         g_strdup_printf (_("line %u: the columns %s are not read (Parcours reads "
                                            "stage, lane, kind, text, channel, sentiment, emotion, "
                                            "details, votes, color and tags)"),
                                          line, unknown->str));

      for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
        {
          Column c = required_columns[i];

          if (self->columns[c] == G_MAXUINT)
            {
              SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_MISSING, line, COLUMN_NONE,
                            _("the header row has no column \"%s\" (it needs at least a text column)"),
                            column_names[c]);
              return FALSE;
            }
        }

      return TRUE;
    }

  g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_MISSING,
               _("the file is empty: it needs a header row with at least a text column"));
  return FALSE;
}

/* Reads the next record into @values, one string per known column (NULL
 * where the record is too short). Sets *@blank when all of them are
 * empty, votes aside. */
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

          /* Votes alone make no card. */
          if (field->len > 0 && c != COLUMN_VOTES)
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
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_STAGE,
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
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_LANE,
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
  double level;

  if (is_blank (values[COLUMN_EMOTION]))
    {
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_MISSING, line, COLUMN_EMOTION,
                    _("an emotions row needs a level, a number from %d to %d"),
                    PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);
      return FALSE;
    }

  if (!parse_level (values[COLUMN_EMOTION], &level))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_EMOTION]));

      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_EMOTION,
                    _("invalid emotion level \"%s\" (expected a number from %d to %d)"),
                    quoted, PARCOURS_EMOTION_MIN_LEVEL, PARCOURS_EMOTION_MAX_LEVEL);
      return FALSE;
    }

  if (self->points->len >= PARCOURS_FORMAT_MAX_EMOTION_POINTS)
    {
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
                    _("more than %u emotion points, the limit"),
                    (guint) PARCOURS_FORMAT_MAX_EMOTION_POINTS);
      return FALSE;
    }

  /* The offset waits until the cell's points are all known. */
  point = parcours_emotion_point_new (csv_import_make_id (self, PARCOURS_TYPE_EMOTION_POINT),
                                      lane_id, stage_id, 0.5,
                                      level / PARCOURS_EMOTION_MAX_LEVEL);
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

/* The details, and what a sticky note has that a card has not: a colour
 * the map can show becomes the card's, the rest (tags, other colours) is
 * kept in the details, so that nothing is lost. */
static void
set_sticky_fields (ParcoursCard  *card,
                   char         **values)
{
  g_autoptr(GString) details = g_string_new (values[COLUMN_DETAILS]);
  g_autofree char *color = g_strstrip (g_strdup (values[COLUMN_COLOR]));
  g_autofree char *tags = g_strstrip (g_strdup (values[COLUMN_TAGS]));
  g_autofree char *lower = g_ascii_strdown (color, -1);
  const char *known = NULL;

  g_strdelimit (lower, " -", '_');
  if (parcours_color_is_valid (lower))
    known = lower;
  for (guint i = 0; i < G_N_ELEMENTS (sticky_colors) && known == NULL; i++)
    if (strcmp (lower, sticky_colors[i].name) == 0)
      known = sticky_colors[i].color;

  if (known != NULL)
    parcours_card_set_color (card, known);
  else if (*color != '\0')
    g_string_append_printf (details, "%s%s %s", details->len > 0 ? "\n" : "", _("Colour:"), color);

  if (*tags != '\0')
    g_string_append_printf (details, "%s%s %s", details->len > 0 ? "\n" : "", _("Tags:"), tags);

  parcours_card_set_details (card, details->str);
}

/* A whole number of votes, digits only (spaces around are fine). */
static gboolean
parse_votes (const char *value,
             guint      *votes)
{
  g_autofree char *text = g_strstrip (g_strdup (value));
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, PARCOURS_CARD_MAX_VOTES, &number, NULL))
    return FALSE;

  *votes = (guint) number;
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
  guint votes = 0;

  if (!is_blank (values[COLUMN_CHANNEL]) &&
      !parse_enum (PARCOURS_TYPE_CHANNEL, channel_names, G_N_ELEMENTS (channel_names),
                   values[COLUMN_CHANNEL], &channel))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_CHANNEL]));
      g_autofree char *expected = enum_expected_nicks (PARCOURS_TYPE_CHANNEL,
                                                       PARCOURS_CHANNEL_NONE);

      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_CHANNEL,
                    _("unknown channel \"%s\" (expected one of %s)"), quoted, expected);
      return FALSE;
    }

  if (!is_blank (values[COLUMN_SENTIMENT]) &&
      !parse_enum (PARCOURS_TYPE_SENTIMENT, sentiment_names, G_N_ELEMENTS (sentiment_names),
                   values[COLUMN_SENTIMENT], &sentiment))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_SENTIMENT]));
      g_autofree char *expected = enum_expected_nicks (PARCOURS_TYPE_SENTIMENT, -1);

      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_SENTIMENT,
                    _("unknown sentiment \"%s\" (expected one of %s)"), quoted, expected);
      return FALSE;
    }

  if (!is_blank (values[COLUMN_VOTES]) && !parse_votes (values[COLUMN_VOTES], &votes))
    {
      g_autofree char *quoted = quote_value (g_strstrip (values[COLUMN_VOTES]));

      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_VOTES,
                  _("\"%s\" is not a number of votes from 0 to %u"),
                  quoted, (guint) PARCOURS_CARD_MAX_VOTES);
      return FALSE;
    }

  if (self->cards->len >= PARCOURS_FORMAT_MAX_CARDS)
    {
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
                    _("more than %u cards, the limit"),
                    (guint) PARCOURS_FORMAT_MAX_CARDS);
      return FALSE;
    }

  card = parcours_card_new (csv_import_make_id (self, PARCOURS_TYPE_CARD),
                            parcours_element_get_id (PARCOURS_ELEMENT (lane->lane)),
                            parcours_element_get_id (PARCOURS_ELEMENT (stage)),
                            values[COLUMN_TEXT]);
  set_sticky_fields (card, values);
  parcours_card_set_channel (card, channel);
  parcours_card_set_sentiment (card, sentiment);
  parcours_card_set_votes (card, votes);
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

      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_RANGE, line, COLUMN_KIND,
                    _("unknown lane kind \"%s\" (expected one of %s)"), quoted, expected);
      return FALSE;
    }

  /* Sticky notes without stages or lanes: all in an Inbox to sort. */
  if (self->columns[COLUMN_STAGE] == G_MAXUINT)
    {
      g_free (values[COLUMN_STAGE]);
      values[COLUMN_STAGE] = g_strdup (_("Inbox"));
    }
  if (self->columns[COLUMN_STAGE] == G_MAXUINT &&
      self->columns[COLUMN_LANE] == G_MAXUINT && self->columns[COLUMN_KIND] == G_MAXUINT)
    {
      g_free (values[COLUMN_LANE]);
      values[COLUMN_LANE] = g_strdup (_("Inbox"));
      kind = PARCOURS_LANE_KIND_NOTES;
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
      if (!_parcours_import_insert (document, g_ptr_array_index (elements, i), error))
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
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError in the %PARCOURS_FORMAT_ERROR domain
 *
 * Makes a new map from a table of cards and emotion points, as described
 * at the top of this file.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL on error
 */
ParcoursDocument *
parcours_csv_import (const char  *text,
                     gssize       length,
                     GError     **error)
{
  return parcours_csv_import_full (text, length, NULL, error);
}

/**
 * parcours_csv_import_full:
 * @text: the CSV text
 * @length: its length in bytes, or -1 if it is nul-terminated; it may
 *   cover NUL bytes, as UTF-16 text has
 * @warnings: (nullable) (element-type utf8): where to add a line for each
 *   thing read otherwise than it was written (an encoding assumed,
 *   columns that are not read)
 * @error: return location for a #GError
 *
 * Reads a CSV file of cards and emotion points as a new map.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
ParcoursDocument *
parcours_csv_import_full (const char  *text,
                          gssize       text_length,
                          GPtrArray   *warnings,
                          GError     **error)
{
  g_autoptr(CsvImport) self = NULL;
  g_autoptr(GString) field = NULL;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autofree char *decoded = NULL;
  CsvReader reader;
  const char *invalid;
  gsize length;

  g_return_val_if_fail (text != NULL || text_length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    length = 0;
  else
    length = text_length < 0 ? strlen (text) : (gsize) text_length;

  if (length > PARCOURS_CSV_MAX_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MiB, the limit"),
                   (guint) (PARCOURS_CSV_MAX_SIZE / MIB));
      return NULL;
    }

  decoded = decode_text (text != NULL ? text : "", length, &length, warnings, error);
  if (decoded == NULL)
    return NULL;
  text = decoded;
  if (length > PARCOURS_CSV_MAX_SIZE)
    {
      g_set_error (error, PARCOURS_FORMAT_ERROR, PARCOURS_FORMAT_ERROR_TOO_LARGE,
                   _("the file is larger than %u MiB, the limit"),
                   (guint) (PARCOURS_CSV_MAX_SIZE / MIB));
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_ENCODING,
                    1 + count_line_breaks (text, invalid), COLUMN_NONE,
                    _("the text is not valid UTF-8 (save the spreadsheet as CSV in UTF-8)"));
      return NULL;
    }

  reader.pos = text;
  reader.end = text + length;
  reader.line = 1;
  reader.separator = detect_separator (text, length);

  self = csv_import_new ();
  self->warnings = warnings;
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
              SET_ERROR_AT (error, PARCOURS_FORMAT_ERROR_TOO_LARGE, line, COLUMN_NONE,
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
              gboolean    is_text,
              char        separator)
{
  gboolean neutralise = is_text && starts_like_formula (value);
  gsize length = strlen (value);
  gboolean quote;

  quote = strpbrk (value, "\"\r\n") != NULL || strchr (value, separator) != NULL ||
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
            const ExportRow *row,
            char             separator,
            gboolean         with_votes)
{
  ParcoursLaneKind kind = parcours_lane_get_kind (row->lane);
  const char *lane_name = parcours_lane_get_name (row->lane);

  if (lane_name == NULL || *lane_name == '\0')
    lane_name = lane_kind_human_name (kind);

  append_field (out, parcours_stage_get_name (row->stage), TRUE, separator);
  g_string_append_c (out, separator);
  append_field (out, lane_name, TRUE, separator);
  g_string_append_c (out, separator);
  append_field (out, parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, kind), FALSE, separator);
  g_string_append_c (out, separator);

  if (PARCOURS_IS_CARD (row->element))
    {
      ParcoursCard *card = PARCOURS_CARD (row->element);
      ParcoursChannel channel = parcours_card_get_channel (card);

      append_field (out, parcours_card_get_text (card), TRUE, separator);
      g_string_append_c (out, separator);
      if (channel != PARCOURS_CHANNEL_NONE)
        append_field (out, parcours_enum_to_nick (PARCOURS_TYPE_CHANNEL, channel), FALSE, separator);
      g_string_append_c (out, separator);
      append_field (out, parcours_enum_to_nick (PARCOURS_TYPE_SENTIMENT,
                                                parcours_card_get_sentiment (card)), FALSE, separator);
      g_string_append_c (out, separator);
      g_string_append_c (out, separator);
      append_field (out, parcours_card_get_details (card), TRUE, separator);
      if (with_votes)
        g_string_append_printf (out, "%c%u", separator, parcours_card_get_votes (card));
    }
  else
    {
      ParcoursEmotionPoint *point = PARCOURS_EMOTION_POINT (row->element);

      append_field (out, parcours_emotion_point_get_label (point), TRUE, separator);
      g_string_append_printf (out, "%c%c%c%d%c", separator, separator, separator,
                              parcours_emotion_point_get_level (point), separator);
      if (with_votes)
        g_string_append_c (out, separator);
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

/* Stages (or lanes of a kind) that share a name become one on import. */
static guint
count_shared_names (GListModel *model,
                    gboolean    lanes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      char *key;

      if (lanes)
        {
          ParcoursLane *lane = PARCOURS_LANE (item);
          const char *name = parcours_lane_get_name (lane);

          if (name == NULL || *name == '\0')
            name = lane_kind_human_name (parcours_lane_get_kind (lane));
          key = g_strdup_printf ("%d:%s", parcours_lane_get_kind (lane), name);
        }
      else
        key = g_strdup (parcours_stage_get_name (PARCOURS_STAGE (item)));

      if (!g_hash_table_add (seen, key))
        n++;
    }

  return n;
}

/* What the rows of a CSV export leave out of the cards and points they
 * were made of. */
typedef struct
{
  guint n_card_fields;
  guint n_values;
  guint n_offsets;
} RowLosses;

/* The n points of a cell come back at (k + 0.5) / n, in row order: the
 * points of @rows that are elsewhere, given the number of points of each
 * cell in @cell_sizes (keyed by @cell_keys). */
static guint
count_moved_offsets (GArray     *rows,
                     GArray     *cell_keys,
                     GHashTable *cell_sizes)
{
  g_autoptr(GHashTable) cell_positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_offsets = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      ExportRow *row = &g_array_index (rows, ExportRow, i);
      gint64 *key = &g_array_index (cell_keys, gint64, i);
      guint n, k;

      if (PARCOURS_IS_CARD (row->element))
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (cell_sizes, key));
      k = GPOINTER_TO_UINT (g_hash_table_lookup (cell_positions, key));
      g_hash_table_insert (cell_positions, key, GUINT_TO_POINTER (k + 1));
      if (fabs (row->offset - (k + 0.5) / n) > 1e-9)
        n_offsets++;
    }

  return n_offsets;
}

/* Counts what @rows leave out of their cards and points, and adds the
 * stages and lanes they use to @used_stages and @used_lanes. */
static void
count_row_losses (GArray     *rows,
                  GHashTable *used_stages,
                  GHashTable *used_lanes,
                  RowLosses  *losses)
{
  g_autoptr(GHashTable) cell_sizes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) cell_keys = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The keys first: the tables point into the array. */
  for (guint i = 0; i < rows->len; i++)
    {
      ExportRow *row = &g_array_index (rows, ExportRow, i);
      gint64 key = ((gint64) row->stage_position << 32) | row->lane_position;

      g_array_append_val (cell_keys, key);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      ExportRow *row = &g_array_index (rows, ExportRow, i);

      g_hash_table_add (used_stages, row->stage);
      g_hash_table_add (used_lanes, row->lane);
      if (PARCOURS_IS_CARD (row->element))
        {
          ParcoursCard *card = PARCOURS_CARD (row->element);

          if (_parcours_has_text (parcours_card_get_color (card)) || _parcours_has_text (parcours_card_get_kpi (card)) ||
              parcours_card_get_key_moment (card))
            losses->n_card_fields++;
        }
      else
        {
          double value = parcours_emotion_point_get_value (PARCOURS_EMOTION_POINT (row->element));
          gint64 *stored = g_hash_table_lookup (cell_sizes, &g_array_index (cell_keys, gint64, i));

          if (value * PARCOURS_EMOTION_MAX_LEVEL != round (value * PARCOURS_EMOTION_MAX_LEVEL))
            losses->n_values++;
          if (stored == NULL)
            g_hash_table_insert (cell_sizes, &g_array_index (cell_keys, gint64, i), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (cell_sizes, &g_array_index (cell_keys, gint64, i),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (stored) + 1));
        }
    }

  losses->n_offsets = count_moved_offsets (rows, cell_keys, cell_sizes);
}

/* A lane with a persona, a height or folding, which CSV does not hold. */
static gboolean
lane_has_layout (gpointer item,
                 gpointer data)
{
  ParcoursLane *lane = item;

  return parcours_lane_get_persona_id (lane) != NULL || parcours_lane_get_height (lane) != 1.0 ||
         parcours_lane_get_collapsed (lane);
}

/* One line for each kind of information the CSV of @document, made of
 * @rows, does not hold. */
static void
add_loss_warnings (ParcoursDocument *document,
                   GArray           *rows,
                   GPtrArray        *warnings)
{
  GListModel *personas = parcours_document_get_personas (document);
  GListModel *stages = parcours_document_get_stages (document);
  GListModel *lanes = parcours_document_get_lanes (document);
  GListModel *cards = parcours_document_get_cards (document);
  GListModel *points = parcours_document_get_emotion_points (document);
  g_autoptr(GHashTable) used_stages = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) used_lanes = g_hash_table_new (NULL, NULL);
  guint n_elements = g_list_model_get_n_items (cards) + g_list_model_get_n_items (points);
  RowLosses losses = { 0, };

  count_row_losses (rows, used_stages, used_lanes, &losses);

  PARCOURS_ADD_LOSS (warnings, g_list_model_get_n_items (personas),
            "%u persona is not in CSV", "%u personas are not in CSV");
  if (_parcours_has_text (parcours_document_get_title (document)) ||
      _parcours_has_text (parcours_document_get_description (document)) ||
      parcours_document_get_kind (document) != PARCOURS_MAP_KIND_CURRENT_STATE ||
      (parcours_document_get_goals (document) != NULL && parcours_document_get_goals (document)[0] != NULL))
    g_ptr_array_add (warnings, g_strdup (_("the map's title, description, kind and goals are not in CSV")));
  PARCOURS_ADD_LOSS (warnings, n_elements - rows->len,
            "%u card or emotion point that a row cannot hold is not in CSV",
            "%u cards or emotion points that a row cannot hold are not in CSV");
  PARCOURS_ADD_LOSS (warnings, losses.n_card_fields,
            "the colour, KPI or key moment of %u card are not in CSV",
            "the colours, KPIs or key moments of %u cards are not in CSV");
  PARCOURS_ADD_LOSS (warnings, losses.n_values,
            "the exact value of %u emotion point is not in CSV, which holds levels from -2 to 2",
            "the exact values of %u emotion points are not in CSV, which holds levels from -2 to 2");
  PARCOURS_ADD_LOSS (warnings, losses.n_offsets,
            "the offset of %u emotion point is not in CSV",
            "the offsets of %u emotion points are not in CSV");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (stages, _parcours_is_not_in, used_stages),
            "%u stage without cards is not in CSV", "%u stages without cards are not in CSV");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (lanes, _parcours_is_not_in, used_lanes),
            "%u lane without cards is not in CSV", "%u lanes without cards are not in CSV");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (stages, _parcours_stage_has_layout, NULL),
            "the width, colour or description of %u stage are not in CSV",
            "the widths, colours or descriptions of %u stages are not in CSV");
  PARCOURS_ADD_LOSS (warnings, _parcours_count_matching (lanes, lane_has_layout, NULL),
            "the persona, height or folding of %u lane are not in CSV",
            "the personas, heights or folding of %u lanes are not in CSV");
  PARCOURS_ADD_LOSS (warnings, count_shared_names (stages, FALSE),
            "%u stage shares its name with another and becomes one with it in CSV",
            "%u stages share their name with another and become one with it in CSV");
  PARCOURS_ADD_LOSS (warnings, count_shared_names (lanes, TRUE),
            "%u lane shares its name and kind with another and becomes one with it in CSV",
            "%u lanes share their name and kind with another and become one with it in CSV");
  if (n_elements > 0)
    g_ptr_array_add (warnings, g_strdup (_("element ids are not in CSV")));
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
  return parcours_csv_export_full (document, 0, NULL);
}

/**
 * parcours_csv_export_full:
 * @document: a #ParcoursDocument
 * @flags: how
 * @warnings: (nullable) (element-type utf8): where to add a line for each
 *   kind of information the CSV does not hold
 *
 * Writes @document as CSV, as parcours_csv_export() does, with `;`
 * between fields and a UTF-8 byte order mark for
 * %PARCOURS_CSV_EXPORT_SEMICOLON, which is what Excel needs in French or
 * Russian to open it with its columns and accents right.
 *
 * Returns: (transfer full): the text
 */
char *
parcours_csv_export_full (ParcoursDocument       *document,
                          ParcoursCsvExportFlags  flags,
                          GPtrArray              *warnings)
{
  char separator = (flags & PARCOURS_CSV_EXPORT_SEMICOLON) ? ';' : ',';
  g_autofree char *header = g_strdup (PARCOURS_CSV_HEADER);
  g_autoptr(GHashTable) stage_positions = NULL;
  g_autoptr(GHashTable) lane_positions = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean with_votes = FALSE;
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

  /* A votes column only for a map with votes: the CSV of every other
   * map stays as it was. */
  for (guint i = 0; i < rows->len && !with_votes; i++)
    {
      GObject *element = G_OBJECT (g_array_index (rows, ExportRow, i).element);

      with_votes = PARCOURS_IS_CARD (element) && parcours_card_get_votes (PARCOURS_CARD (element)) > 0;
    }

  g_strdelimit (header, ",", separator);
  out = g_string_new ((flags & PARCOURS_CSV_EXPORT_SEMICOLON) ? UTF8_BOM : "");
  g_string_append (out, header);
  if (with_votes)
    g_string_append_printf (out, "%c%s", separator, column_names[COLUMN_VOTES]);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < rows->len; i++)
    append_row (out, &g_array_index (rows, ExportRow, i), separator, with_votes);

  if (warnings != NULL)
    add_loss_warnings (document, rows, warnings);

  return g_string_free (out, FALSE);
}
