/* test-hostile-text.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-cairo-renderer.h"
#include "parcours-csv.h"
#include "parcours-document-private.h"
#include "parcours-drawable-text.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-layout.h"
#include "parcours-mermaid.h"
#include "parcours-painter.h"

/* Hostile text through every exporter: every string a user may type, in
 * every field, exported to every format, must come out well-formed,
 * drawn and given back, or be refused with a message that names it.
 *
 * The strings are the Big List of Naughty Strings (read from
 * ../shared/testdata/naughty-strings/ when it is there) and texts of our
 * own: every noncharacter and control, line separators, combining stacks,
 * right-to-left runs (tests/data/hostile-text/), and, generated here
 * because they are large, a 1 MiB word, a huge word of accents and 10 000
 * cards in one cell. */

/* Strings per map: string i has a row and a column of its own, so a map
 * grows as the square of this. */
#define STRINGS_PER_MAP 8

static gboolean
quick (void)
{
  return g_getenv ("PARCOURS_TEST_QUICK") != NULL;
}

static void
add (ParcoursDocument *document,
     gpointer          element)
{
  g_autoptr(GError) error = NULL;

  if (!_parcours_document_insert (document, element, G_MAXUINT, &error))
    g_error ("fixture: %s", error->message);
  g_object_unref (element);
}

/* The characters a reader can check in any export: letters, digits,
 * punctuation and symbols (U+FFFD included). Marks, format characters,
 * spaces and line breaks are left out: exports wrap lines where they
 * like and PDF text extraction reorders marks. */
static char *
visible (const char *text)
{
  g_autofree char *drawable = parcours_drawable_text (text, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
  GString *out = g_string_new (NULL);

  for (const char *p = drawable; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_CONTROL:
        case G_UNICODE_FORMAT:
        case G_UNICODE_UNASSIGNED:
        case G_UNICODE_PRIVATE_USE:
        case G_UNICODE_SURROGATE:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_LINE_SEPARATOR:
        case G_UNICODE_PARAGRAPH_SEPARATOR:
        case G_UNICODE_SPACE_SEPARATOR:
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/* Whether the fonts installed have a glyph for @c, asked the way the
 * measurer does, by shaping it: PDF and PNG draw nothing (rather than hex
 * boxes) for the others, SVG leaves them to its viewer. */
static gboolean
font_covers (gunichar c)
{
  static GHashTable *known;
  static PangoLayout *layout;
  gpointer cached;

  if (known == NULL)
    {
      PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      PangoFontDescription *font = pango_font_description_from_string ("Cantarell 11");

      layout = pango_layout_new (context);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      g_object_unref (context);
      known = g_hash_table_new (NULL, NULL);
    }

  if (!g_hash_table_lookup_extended (known, GUINT_TO_POINTER (c), NULL, &cached))
    {
      char utf8[8] = { 0 };
      gboolean has_glyph = FALSE;

      g_unichar_to_utf8 (c, utf8);
      pango_layout_set_text (layout, utf8, -1);
      for (GSList *r = pango_layout_get_line_readonly (layout, 0)->runs; r != NULL; r = r->next)
        {
          PangoGlyphString *glyphs = ((PangoGlyphItem *) r->data)->glyphs;

          for (int g = 0; g < glyphs->num_glyphs; g++)
            if (!(glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
              has_glyph = TRUE;
        }

      cached = GINT_TO_POINTER (has_glyph);
      g_hash_table_insert (known, GUINT_TO_POINTER (c), cached);
    }

  return GPOINTER_TO_INT (cached);
}

static char *
covered (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (font_covers (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Right-to-left text may come out of a PDF in visual order. */
static char *
reversed (const char *text)
{
  return g_utf8_strreverse (text, -1);
}

static gboolean
is_right_to_left (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
      return TRUE;
    default:
      return c == 0x202e || c == 0x202b || c == 0x200f || c == 0x2067;
    }
}

static void
report_missing (const char *text,
                const char *where,
                const char *field)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("%s: %s “%s” is missing", where, field, escaped);
  g_test_fail ();
}

/* PDF readers take right-to-left text apart (lam-alef ligatures come out
 * reversed, punctuation moves): there, every letter must be found. */
static gboolean
letters_found (const char *haystack,
               const char *run)
{
  for (const char *p = run; *p; p = g_utf8_next_char (p))
    {
      char letter[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), letter);
      if (g_unichar_isalnum (g_utf8_get_char (p)) && strstr (haystack, letter) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Punctuation moves around in bidi text: only letters and digits are
 * looked for there. */
static char *
alnum_only (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Bidi text comes out of a PDF in visual order, each run of one
 * direction reversed or not: look for every run on its own. */
static void
assert_runs_found (const char *haystack,
                   const char *text,
                   const char *where,
                   const char *field)
{
  g_autofree char *drawable = parcours_drawable_text (text, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
  g_autofree char *letters_haystack = alnum_only (haystack);
  g_autoptr(GString) run = g_string_new (NULL);
  gboolean run_rtl = FALSE;

  for (const char *p = drawable;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || g_unichar_isspace (c) || (run->len > 0 && is_right_to_left (c) != run_rtl);

      if (end && run->len > 0)
        {
          g_autofree char *letters = alnum_only (run->str);
          g_autofree char *needle = visible (letters);
          g_autofree char *shown = g_str_has_prefix (where, "PDF") ? covered (needle) : g_strdup (needle);
          g_autofree char *backwards = reversed (shown);

          if (shown[0] != '\0' && strstr (letters_haystack, shown) == NULL &&
              strstr (letters_haystack, backwards) == NULL &&
              !(run_rtl && letters_found (letters_haystack, shown)))
            {
              report_missing (text, where, field);
              return;
            }
          g_string_truncate (run, 0);
        }
      if (c == 0)
        break;
      if (!g_unichar_isspace (c))
        {
          if (run->len == 0)
            run_rtl = is_right_to_left (c);
          g_string_append_unichar (run, c);
        }
    }
}

static void
assert_found (const char *haystack,
              const char *text,
              const char *where,
              const char *field)
{
  g_autofree char *shown = visible (text);
  g_autofree char *needle = g_str_has_prefix (where, "PDF") ? covered (shown) : g_strdup (shown);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (is_right_to_left (g_utf8_get_char (p)))
      {
        assert_runs_found (haystack, text, where, field);
        return;
      }

  if (needle[0] != '\0' && strstr (haystack, needle) == NULL)
    report_missing (text, where, field);
}

/* Exports ---------------------------------------------------------------- */

static GBytes *
export_with_warnings (ParcoursDocument     *document,
                      ParcoursExportFormat  format,
                      GPtrArray            *warnings)
{
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  parcours_export_options_init (&options);
  options.warnings = warnings;
  bytes = parcours_export_to_bytes (document, format, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static GBytes *
export (ParcoursDocument     *document,
        ParcoursExportFormat  format)
{
  return export_with_warnings (document, format, NULL);
}

static void
collect_svg_text (xmlNode *node,
                  GString *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "text"))
        {
          xmlChar *content = xmlNodeGetContent (node);

          g_string_append (out, (const char *) content);
          g_string_append_c (out, '\n');
          xmlFree (content);
        }
      else
        collect_svg_text (node->children, out);
    }
}

/* Parses the SVG as strict XML (no recovery), renders it with librsvg
 * (unless it is large: librsvg lays out every text, some 2 ms each), and
 * returns the visible form of its texts. */
static char *
check_svg (GBytes *svg)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) handle = NULL;
  RsvgRectangle viewport = { 0, 0, 64, 64 };
  cairo_surface_t *surface;
  xmlDoc *doc;
  cairo_t *cr;

  doc = xmlReadMemory (data, size, "export.svg", "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();
      g_error ("the SVG is not well-formed XML: %s", xml_error ? xml_error->message : "?");
    }
  collect_svg_text (xmlDocGetRootElement (doc), texts);
  xmlFreeDoc (doc);

  if (size > 512 * 1024)
    return visible (texts->str);

  handle = G_OBJECT (rsvg_handle_new_from_data ((const guint8 *) data, size, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cr = cairo_create (surface);
  rsvg_handle_render_document (RSVG_HANDLE (handle), cr, &viewport, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return visible (texts->str);
}

/* The text pdftotext finds in a PDF, in visible form, or NULL (and the
 * test skipped) without pdftotext. */
static char *
check_pdf (GBytes *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int fd, status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }

  fd = g_file_open_tmp ("parcours-hostile-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  {
    /* In drawing order: a gap where a glyph is missing would otherwise
     * make pdftotext split a line into columns. */
    const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_unlink (path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext failed: %s", err);

  return visible (out);
}

static void
check_png (GBytes *png)
{
  const guint8 *data = g_bytes_get_data (png, NULL);

  g_assert_cmpuint (g_bytes_get_size (png), >, 8);
  g_assert_cmpmem (data, 8, "\211PNG\r\n\032\n", 8);
}

/* Fields ----------------------------------------------------------------- */

/* Every place a user types text, as (field, text) pairs of a map. */
static GPtrArray *
collect_fields (ParcoursDocument *document)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GListModel *model;

  g_ptr_array_add (fields, g_strdup ("title"));
  g_ptr_array_add (fields, g_strdup (parcours_document_get_title (document)));

  model = parcours_document_get_stages (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (model, i);

      g_ptr_array_add (fields, g_strdup_printf ("stages[%u].name", i));
      g_ptr_array_add (fields, g_strdup (parcours_stage_get_name (stage)));
      g_ptr_array_add (fields, g_strdup_printf ("stages[%u].description", i));
      g_ptr_array_add (fields, g_strdup (parcours_stage_get_description (stage)));
    }

  model = parcours_document_get_lanes (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (model, i);

      g_ptr_array_add (fields, g_strdup_printf ("lanes[%u].name", i));
      g_ptr_array_add (fields, g_strdup (parcours_lane_get_name (lane)));
    }

  model = parcours_document_get_personas (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursPersona) persona = g_list_model_get_item (model, i);
      const char * const *goals = parcours_persona_get_goals (persona);

      g_ptr_array_add (fields, g_strdup_printf ("personas[%u].name", i));
      g_ptr_array_add (fields, g_strdup (parcours_persona_get_name (persona)));
      g_ptr_array_add (fields, g_strdup_printf ("personas[%u].role", i));
      g_ptr_array_add (fields, g_strdup (parcours_persona_get_role (persona)));
      for (guint g = 0; goals != NULL && goals[g] != NULL; g++)
        {
          g_ptr_array_add (fields, g_strdup_printf ("personas[%u].goals[%u]", i, g));
          g_ptr_array_add (fields, g_strdup (goals[g]));
        }
    }

  model = parcours_document_get_cards (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (model, i);

      g_ptr_array_add (fields, g_strdup_printf ("cards[%u].text", i));
      g_ptr_array_add (fields, g_strdup (parcours_card_get_text (card)));
      g_ptr_array_add (fields, g_strdup_printf ("cards[%u].details", i));
      g_ptr_array_add (fields, g_strdup (parcours_card_get_details (card)));
    }

  model = parcours_document_get_emotion_points (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (model, i);

      g_ptr_array_add (fields, g_strdup_printf ("emotion-points[%u].label", i));
      g_ptr_array_add (fields, g_strdup (parcours_emotion_point_get_label (point)));
    }

  return fields;
}

/* Every field of @document is in @haystack (a visible form). */
static void
assert_fields_drawn (ParcoursDocument *document,
                     const char       *haystack,
                     const char       *where)
{
  g_autoptr(GPtrArray) fields = collect_fields (document);

  for (guint i = 0; i < fields->len; i += 2)
    if (fields->pdata[i + 1] != NULL)
      assert_found (haystack, fields->pdata[i + 1], where, fields->pdata[i]);
}

/* Every field of @copy is the same as in @original. */
static void
assert_fields_equal (ParcoursDocument *original,
                     ParcoursDocument *copy,
                     const char       *where)
{
  g_autoptr(GPtrArray) a = collect_fields (original);
  g_autoptr(GPtrArray) b = collect_fields (copy);

  for (guint i = 0; i < a->len; i += 2)
    {
      const char *other = NULL;

      for (guint j = 0; j < b->len; j += 2)
        if (g_str_equal (a->pdata[i], b->pdata[j]))
          other = b->pdata[j + 1];

      if (g_strcmp0 (a->pdata[i + 1], other) != 0)
        {
          g_autofree char *expected = g_strescape (a->pdata[i + 1] ? a->pdata[i + 1] : "(null)", NULL);
          g_autofree char *got = g_strescape (other ? other : "(none)", NULL);

          g_test_message ("%s: %s changed: “%s” came back as “%s”", where, (char *) a->pdata[i], expected, got);
          g_test_fail ();
        }
    }
}

/* A map holding each of @strings in every field: string i names stage i,
 * lane i and persona i, and is the text of the card in (lane i, stage i)
 * and of an emotion point in stage i. The title holds them all. */
static ParcoursDocument *
make_map (const char * const *strings,
          guint               n_strings)
{
  ParcoursDocument *document = parcours_document_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  char id[32], lane_id[32], stage_id[32];

  for (guint i = 0; i < n_strings; i++)
    g_string_append_printf (title, "%s%s", i > 0 ? "\n" : "", strings[i]);
  parcours_document_set_title (document, title->str);

  for (guint i = 0; i < n_strings; i++)
    {
      const char *goals[] = { strings[i], NULL };
      ParcoursPersona *persona;
      ParcoursStage *stage;

      g_snprintf (id, sizeof id, "p%u", i);
      persona = parcours_persona_new (id, strings[i]);
      parcours_persona_set_role (persona, strings[i]);
      parcours_persona_set_goals (persona, goals);
      add (document, persona);

      g_snprintf (id, sizeof id, "s%u", i);
      stage = parcours_stage_new (id, strings[i]);
      parcours_stage_set_description (stage, strings[i]);
      add (document, stage);

      g_snprintf (id, sizeof id, "l%u", i);
      add (document, parcours_lane_new (id, PARCOURS_LANE_KIND_TOUCHPOINTS, strings[i]));
    }
  add (document, parcours_lane_new ("feelings", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));

  for (guint i = 0; i < n_strings; i++)
    {
      ParcoursCard *card;
      ParcoursEmotionPoint *point;

      g_snprintf (lane_id, sizeof lane_id, "l%u", i);
      g_snprintf (stage_id, sizeof stage_id, "s%u", i);
      card = parcours_card_new (NULL, lane_id, stage_id, strings[i]);
      parcours_card_set_details (card, strings[i]);
      add (document, card);

      point = parcours_emotion_point_new (NULL, "feelings", stage_id, 0.5, (double) (i % 5) / 2 - 1);
      parcours_emotion_point_set_label (point, strings[i]);
      add (document, point);
    }

  return document;
}

/* The naughty strings, each once (the list repeats a few), or NULL. */
static GPtrArray *
load_naughty_strings (void)
{
  const char *shared = g_getenv ("PARCOURS_SHARED_DIR");
  g_autofree char *path = g_build_filename (shared ? shared : "../shared", "testdata", "naughty-strings",
                                            "blns.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *strings;
  const char *p;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  /* The file is a flat JSON array of strings: json-glib reads it. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *array;

    json_parser_load_from_data (parser, contents, -1, &error);
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    strings = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        p = json_array_get_string_element (array, i);
        if (!g_hash_table_contains (seen, p))
          {
            char *copy = g_strdup (p);

            g_hash_table_add (seen, copy);
            g_ptr_array_add (strings, copy);
          }
      }
    /* The set keeps pointers into the array: drop it first. */
    g_hash_table_steal_all (seen);
  }

  return strings;
}

typedef void (*MapCheck) (ParcoursDocument *document,
                          const char       *where);

typedef ParcoursDocument *(*MapMaker) (const char * const *strings,
                                       guint               n_strings);

/* Splits the strings into maps of @per_map made by @make, and checks each. */
static void
for_each_naughty_map_full (MapCheck check,
                           MapMaker make,
                           guint    per_map)
{
  g_autoptr(GPtrArray) strings = load_naughty_strings ();

  if (strings == NULL)
    {
      g_test_skip ("../shared/testdata/naughty-strings/ is not there");
      return;
    }

  /* Under valgrind (PARCOURS_TEST_QUICK), one map in four. */
  for (guint first = 0; first < strings->len; first += quick () ? 4 * per_map : per_map)
    {
      guint n = MIN (per_map, strings->len - first);
      g_autoptr(ParcoursDocument) document = make ((const char * const *) strings->pdata + first, n);
      g_autofree char *where = g_strdup_printf ("strings %u–%u", first, first + n - 1);

      check (document, where);
    }
}

static void
for_each_naughty_map (MapCheck check)
{
  for_each_naughty_map_full (check, make_map, STRINGS_PER_MAP);
}

/* Images cost their area, and the map of make_map() grows as the square of
 * its strings: for PNG, the strings are cards (text and details) and
 * emotion labels of a few cells, and name the stages and lanes of the
 * first of them. PNG draws with the same renderer as PDF. */
static ParcoursDocument *
make_compact_map (const char * const *strings,
                  guint               n_strings)
{
  ParcoursDocument *document = parcours_document_new ();
  char id[32], lane_id[32], stage_id[32];

  parcours_document_set_title (document, strings[0]);
  for (guint s = 0; s < 4; s++)
    {
      g_snprintf (id, sizeof id, "s%u", s);
      add (document, parcours_stage_new (id, strings[s % n_strings]));
    }
  for (guint l = 0; l < 2; l++)
    {
      g_snprintf (id, sizeof id, "l%u", l);
      add (document, parcours_lane_new (id, PARCOURS_LANE_KIND_TOUCHPOINTS, strings[(4 + l) % n_strings]));
    }
  add (document, parcours_lane_new ("feelings", PARCOURS_LANE_KIND_EMOTIONS, "Feelings"));

  for (guint i = 0; i < n_strings; i++)
    {
      ParcoursCard *card;
      ParcoursEmotionPoint *point;

      g_snprintf (lane_id, sizeof lane_id, "l%u", i % 2);
      g_snprintf (stage_id, sizeof stage_id, "s%u", (i / 2) % 4);
      card = parcours_card_new (NULL, lane_id, stage_id, strings[i]);
      parcours_card_set_details (card, strings[i]);
      add (document, card);

      point = parcours_emotion_point_new (NULL, "feelings", stage_id, (double) (i % 10) / 10, (double) (i % 5) / 2 - 1);
      parcours_emotion_point_set_label (point, strings[i]);
      add (document, point);
    }

  return document;
}

static void
check_native (ParcoursDocument *document,
              const char       *where)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) copy = parcours_format_load_bytes (bytes, &error);

  g_assert_no_error (error);
  assert_fields_equal (document, copy, where);
}

/* CSV holds cards (text, details, stage and lane names) and emotion
 * points (label); it has no title or personas. */
static void
check_csv (ParcoursDocument *document,
           const char       *where)
{
  g_autofree char *csv = parcours_csv_export (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) copy = parcours_csv_import (csv, strlen (csv), &error);
  GListModel *cards, *copies;

  g_assert_no_error (error);
  cards = parcours_document_get_cards (document);
  copies = parcours_document_get_cards (copy);
  g_assert_cmpuint (g_list_model_get_n_items (copies), ==, g_list_model_get_n_items (cards));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(ParcoursCard) a = g_list_model_get_item (cards, i);
      g_autoptr(ParcoursCard) b = g_list_model_get_item (copies, i);
      ParcoursStage *stage_a = parcours_document_lookup_stage (document, parcours_card_get_stage_id (a));
      ParcoursStage *stage_b = parcours_document_lookup_stage (copy, parcours_card_get_stage_id (b));
      ParcoursLane *lane_a = parcours_document_lookup_lane (document, parcours_card_get_lane_id (a));
      ParcoursLane *lane_b = parcours_document_lookup_lane (copy, parcours_card_get_lane_id (b));

      if (g_strcmp0 (parcours_card_get_text (a), parcours_card_get_text (b)) != 0 ||
          g_strcmp0 (parcours_card_get_details (a), parcours_card_get_details (b)) != 0 ||
          g_strcmp0 (parcours_stage_get_name (stage_a), parcours_stage_get_name (stage_b)) != 0 ||
          /* CSV names an unnamed lane after its kind, as the map shows it. */
          (parcours_lane_get_name (lane_a)[0] != '\0' &&
           g_strcmp0 (parcours_lane_get_name (lane_a), parcours_lane_get_name (lane_b)) != 0))
        {
          g_autofree char *escaped = g_strescape (parcours_card_get_text (a), NULL);

          g_test_message ("%s: CSV changed cards[%u] “%s”: text %d, details %d, stage “%s”, lane “%s”",
                          where, i, escaped,
                          g_strcmp0 (parcours_card_get_text (a), parcours_card_get_text (b)) == 0,
                          g_strcmp0 (parcours_card_get_details (a), parcours_card_get_details (b)) == 0,
                          parcours_stage_get_name (stage_b), parcours_lane_get_name (lane_b));
          g_test_fail ();
        }
    }
}

static void
check_mermaid (ParcoursDocument *document,
               const char       *where)
{
  g_autofree char *mermaid = parcours_mermaid_export (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) copy = parcours_mermaid_import (mermaid, -1, &error);
  GListModel *stages, *cards;

  if (copy == NULL)
    {
      g_test_message ("%s: Mermaid cannot read back its own export: %s", where, error->message);
      g_test_fail ();
      return;
    }

  /* Mermaid holds the title, the stages (sections) and the touchpoint
   * cards (tasks) in order. */
  if (g_strcmp0 (parcours_document_get_title (document), parcours_document_get_title (copy)) != 0)
    {
      g_test_message ("%s: Mermaid changed the title", where);
      g_test_fail ();
    }

  stages = parcours_document_get_stages (copy);
  for (guint i = 0; i < g_list_model_get_n_items (parcours_document_get_stages (document)); i++)
    {
      g_autoptr(ParcoursStage) a = g_list_model_get_item (parcours_document_get_stages (document), i);
      g_autoptr(ParcoursStage) b = g_list_model_get_item (stages, i);

      if (b == NULL || g_strcmp0 (parcours_stage_get_name (a), parcours_stage_get_name (b)) != 0)
        {
          g_autofree char *escaped = g_strescape (parcours_stage_get_name (a), NULL);

          g_test_message ("%s: Mermaid changed stages[%u].name “%s”", where, i, escaped);
          g_test_fail ();
        }
    }

  cards = parcours_document_get_cards (copy);
  for (guint i = 0; i < g_list_model_get_n_items (parcours_document_get_cards (document)); i++)
    {
      g_autoptr(ParcoursCard) a = g_list_model_get_item (parcours_document_get_cards (document), i);
      g_autoptr(ParcoursCard) b = g_list_model_get_item (cards, i);

      if (b == NULL || g_strcmp0 (parcours_card_get_text (a), parcours_card_get_text (b)) != 0)
        {
          g_autofree char *escaped = g_strescape (parcours_card_get_text (a), NULL);

          g_test_message ("%s: Mermaid changed cards[%u].text “%s”", where, i, escaped);
          g_test_fail ();
        }
    }
}

static void
check_svg_export (ParcoursDocument *document,
                  const char       *where)
{
  g_autoptr(GBytes) svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  g_autofree char *texts = check_svg (svg);
  g_autofree char *label = g_strdup_printf ("SVG of %s", where);

  assert_fields_drawn (document, texts, label);
}

/* Whether @text has a character that takes a glyph of its own and that
 * no font has, asked by shaping it as the measurer does. Private-use
 * characters count (visible() leaves them out of what is searched). */
static gboolean
has_uncovered (const char *text)
{
  g_autofree char *drawable = parcours_drawable_text (text, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);

  for (const char *p = drawable; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iszerowidth (c) ||
          g_unichar_type (c) == G_UNICODE_FORMAT || g_unichar_type (c) == G_UNICODE_CONTROL)
        continue;
      if (!font_covers (c))
        return TRUE;
    }

  return FALSE;
}

static const char *
find_warning_about (GPtrArray  *warnings,
                    const char *field)
{
  g_autofree char *prefix = g_strconcat (field, ": no installed font can draw", NULL);

  for (guint w = 0; w < warnings->len; w++)
    if (g_str_has_prefix (warnings->pdata[w], prefix))
      return warnings->pdata[w];

  return NULL;
}

/* What PDF and PNG leave blank is said, field by field: every field with
 * characters no font has is named (past the first ten, counted), and no
 * field is named that has none. */
static void
assert_blank_text_named (ParcoursDocument *document,
                         GPtrArray        *warnings,
                         const char       *where)
{
  g_autoptr(GPtrArray) fields = collect_fields (document);
  guint n_uncovered = 0, n_named = 0, n_counted = 0;

  for (guint w = 0; w < warnings->len; w++)
    {
      const char *warning = warnings->pdata[w];

      if (strstr (warning, ": no installed font can draw") != NULL)
        n_named++;
      else if (strstr (warning, "no installed font can draw") != NULL)
        n_counted = g_ascii_strtoull (warning, NULL, 10);
    }

  for (guint i = 0; i < fields->len; i += 2)
    {
      const char *text = fields->pdata[i + 1];
      gboolean uncovered = text != NULL && has_uncovered (text);
      const char *warning = find_warning_about (warnings, fields->pdata[i]);

      n_uncovered += uncovered;
      if (uncovered && warning == NULL && n_counted == 0)
        g_error ("%s: %s holds characters no font has (“%s”), and no warning says so",
                 where, (const char *) fields->pdata[i], text);
      if (!uncovered && warning != NULL)
        g_error ("%s: a warning names %s, whose characters can all be drawn: %s",
                 where, (const char *) fields->pdata[i], warning);
    }

  g_test_message ("%s: %u fields hold characters no font has", where, n_uncovered);
  if (n_named + n_counted != n_uncovered)
    g_error ("%s: %u fields hold characters no font has, but %u are named and %u counted",
             where, n_uncovered, n_named, n_counted);
  if (n_counted > 0)
    g_assert_cmpuint (n_named, ==, 10);
}

static void
check_pdf_export (ParcoursDocument *document,
                  const char       *where)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = export_with_warnings (document, PARCOURS_EXPORT_FORMAT_PDF, warnings);
  g_autofree char *texts = check_pdf (pdf);
  g_autofree char *label = g_strdup_printf ("PDF of %s", where);

  assert_blank_text_named (document, warnings, label);
  if (texts != NULL)
    assert_fields_drawn (document, texts, label);
}

static void
check_png_export (ParcoursDocument *document,
                  const char       *where)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) png = export_with_warnings (document, PARCOURS_EXPORT_FORMAT_PNG, warnings);
  g_autofree char *label = g_strdup_printf ("PNG of %s", where);

  check_png (png);
  assert_blank_text_named (document, warnings, label);
}

static void
test_blns_native (void)
{
  for_each_naughty_map (check_native);
}

static void
test_blns_csv (void)
{
  for_each_naughty_map (check_csv);
}

static void
test_blns_mermaid (void)
{
  for_each_naughty_map (check_mermaid);
}

static void
test_blns_svg (void)
{
  for_each_naughty_map (check_svg_export);
}

/* PDF costs its texts, not its area, and pdftotext runs once a map: fewer,
 * larger maps. */
static void
test_blns_pdf (void)
{
  for_each_naughty_map_full (check_pdf_export, make_map, 4 * STRINGS_PER_MAP);
}

static void
test_blns_png (void)
{
  for_each_naughty_map_full (check_png_export, make_compact_map, 64);
}

/* Our own hostile texts -------------------------------------------------- */

static ParcoursDocument *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile-text", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Every backend draws every field of the map: SVG (strict XML, rendered
 * by librsvg), PDF (pdftotext) and PNG; the texts survive a save. */
static void
check_every_backend (ParcoursDocument *document,
                     const char       *where)
{
  check_native (document, where);
  check_svg_export (document, where);
  check_pdf_export (document, where);
  check_png_export (document, where);
}

static void
test_drawable_rules (void)
{
  static const struct { const char *in; const char *out; const char *single_line; } cases[] = {
    { "plain text", "plain text", "plain text" },
    { "tab\there", "tab here", "tab here" },
    { "a\r\nb\rc\vd\fe", "a\nb\nc\nd\ne", "a b c d e" },
    { "alpha\u2028bravo\u2029charlie\302\205delta", "alpha\nbravo\ncharlie\ndelta", "alpha bravo charlie delta" },
    { "bell\007 esc\033 del\177 csi\302\233", "bell\357\277\275 esc\357\277\275 del\357\277\275 csi\357\277\275", NULL },
    { "\357\267\220\357\277\276\357\277\277\360\237\277\276\364\217\277\277",
      "\357\277\275\357\277\275\357\277\275\357\277\275\357\277\275", NULL },
    { "bidi \u202eevil\u202c zwj \u200d bom \ufeff", "bidi \u202eevil\u202c zwj \u200d bom \ufeff", NULL },
    { "bad \377 byte", "bad \357\277\275 byte", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = parcours_drawable_text (cases[i].in, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
      g_autofree char *line = parcours_drawable_text (cases[i].in, -1, PARCOURS_DRAWABLE_TEXT_SINGLE_LINE);

      g_assert_cmpstr (out, ==, cases[i].out);
      if (cases[i].single_line != NULL)
        g_assert_cmpstr (line, ==, cases[i].single_line);
      g_assert_null (strchr (line, '\n'));
    }

  /* Every noncharacter and every control is replaced. */
  for (gunichar c = 0; c < 0x110000; c++)
    {
      gboolean nonchar = (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
      gboolean control = (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != 0x0b && c != 0x0c) ||
                         (c >= 0x7f && c <= 0x9f && c != 0x85);
      char utf8[8] = { 0 };
      g_autofree char *out = NULL;

      if (c >= 0xd800 && c <= 0xdfff)
        continue;
      if (c == 0)
        continue;
      g_unichar_to_utf8 (c, utf8);
      out = parcours_drawable_text (utf8, -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
      if (nonchar || control)
        g_assert_cmpstr (out, ==, "\357\277\275");
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

static void
test_noncharacters (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("noncharacters.parcours");

  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_cards (document)), >=, 66);
  check_every_backend (document, "noncharacters.parcours");
}

static void
test_controls (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("controls.parcours");

  check_every_backend (document, "controls.parcours");
}

static void
test_line_separators (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("line-separators.parcours");
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);

  check_every_backend (document, "line-separators.parcours");

  /* Each break starts a line of its own. */
  parcours_layout_update (layout, document);
  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);

      if (g_str_has_prefix (parcours_card_get_text (box->card), "alpha"))
        g_assert_cmpuint (box->text->lines->len, ==, 2);
    }
}

/* Stacks of combining marks stay on their base and do not make a card
 * taller than its lines; lone marks are drawn. */
static void
test_combining_marks (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("combining.parcours");
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);

  check_every_backend (document, "combining.parcours");

  parcours_layout_update (layout, document);
  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
      const ParcoursTextBlock *block = box->text;
      guint n_graphemes = 0;

      /* A line never starts with a mark taken from its base. */
      for (guint l = 1; l < block->lines->len; l++)
        {
          const char *line = g_array_index (block->lines, ParcoursTextLine, l).text;
          GUnicodeType type = g_unichar_type (g_utf8_get_char (line));

          g_assert_cmpint (type, !=, G_UNICODE_NON_SPACING_MARK);
        }

      for (const char *p = block->text; *p; p = g_utf8_next_char (p))
        if (!g_unichar_ismark (g_utf8_get_char (p)))
          n_graphemes++;
      g_assert_cmpuint (block->lines->len, <=, MAX (n_graphemes, 1));
      g_assert_cmpfloat (block->height, <=, box->rect.height);
    }
}

static void
test_right_to_left (void)
{
  g_autoptr(ParcoursDocument) document = load_data ("right-to-left.parcours");

  check_every_backend (document, "right-to-left.parcours");
}

/* A pseudo-random word of @length bytes: nothing repeats, so no piece of
 * it is ever found in a cache. */
static char *
make_word (gsize length)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  char *word = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    word[i] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
  word[length] = '\0';

  return word;
}

static ParcoursDocument *
make_one_card_map (const char *text)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "One card");
  add (document, parcours_stage_new ("s", "Stage"));
  add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_TOUCHPOINTS, "Lane"));
  add (document, parcours_card_new ("c", "l", "s", text));
  add (document, parcours_card_new ("after", "l", "s", "Sentinel after the word"));

  return document;
}

/* A character no installed font has is left blank by PDF and PNG: the
 * export says which field holds it, and which characters; SVG keeps the
 * text for its viewer's fonts and says nothing. An Egyptian hieroglyph is
 * in no font a Debian desktop has unless fonts-noto-extra is installed. */
static void
test_undrawable_text_named (void)
{
  const gunichar hieroglyph = 0x13000;
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Sign \xf0\x93\x80\x80 here");
  ParcoursExportFormat blank_formats[] = { PARCOURS_EXPORT_FORMAT_PDF, PARCOURS_EXPORT_FORMAT_PNG };

  if (font_covers (hieroglyph))
    {
      g_test_skip ("a font for Egyptian hieroglyphs is installed");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (blank_formats); f++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) bytes = export_with_warnings (document, blank_formats[f], warnings);

      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_true (g_str_has_prefix (warnings->pdata[0],
                                       "cards[0].text: no installed font can draw “\xf0\x93\x80\x80” (U+13000)"));
    }

  {
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GBytes) svg = export_with_warnings (document, PARCOURS_EXPORT_FORMAT_SVG, warnings);

    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

/* Past ten fields, the others are counted, not listed. */
static void
test_undrawable_text_counted (void)
{
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Sentinel");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = NULL;

  if (font_covers (0x13000))
    {
      g_test_skip ("a font for Egyptian hieroglyphs is installed");
      return;
    }

  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *id = g_strdup_printf ("h%u", i);

      add (document, parcours_card_new (id, "l", "s", "\xf0\x93\x80\x80\xf0\x93\x80\x81 and ok"));
    }

  pdf = export_with_warnings (document, PARCOURS_EXPORT_FORMAT_PDF, warnings);
  g_assert_cmpuint (warnings->len, ==, 11);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "cards[2].text: no installed font can draw "
                                   "“\xf0\x93\x80\x80\xf0\x93\x80\x81” (U+13000 U+13001)"));
  g_assert_cmpstr (warnings->pdata[10], ==, "4 more fields hold characters no installed font can draw");
}

/* The whole text is drawn, in lines that fit the card. */
static void
assert_broken_whole (const ParcoursCardBox *box,
                     const char            *text)
{
  const ParcoursTextBlock *block = box->text;
  g_autoptr(GString) joined = g_string_new (NULL);

  g_assert_cmpuint (block->lines->len, >, 1);
  for (guint l = 0; l < block->lines->len; l++)
    {
      const ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      g_assert_cmpfloat (line->width, <=, block->wrap_width + 0.5);
      g_assert_cmpfloat (line->width, >, 0);
      g_string_append (joined, line->text);
    }
  g_assert_true (g_str_equal (joined->str, text));
}

/* Breaking a word is linear: a word of 1 MiB (the format's limit for a
 * string; 64 KiB in quick runs) is broken, drawn in every backend but
 * PNG (far too tall for an image, which says so). The time it takes is
 * parcours-bench's export_pdf_long_word_ms. */
static void
test_long_word (void)
{
  gsize length = quick () ? 64 * 1024 : PARCOURS_FORMAT_MAX_STRING_SIZE;
  g_autofree char *word = make_word (length);
  g_autoptr(ParcoursDocument) document = make_one_card_map (word);
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *svg_texts = NULL;

  parcours_layout_update (layout, document);
  assert_broken_whole (parcours_layout_get_card (layout, 0), word);

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  svg_texts = check_svg (svg);
  g_assert_nonnull (strstr (svg_texts, word));
  g_assert_nonnull (strstr (svg_texts, "Sentinelafter"));

  pdf = export (document, PARCOURS_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, length / 4);
}

/* A right-to-left word longer than a chunk (64 KiB) is broken too: its
 * pieces are shaped again, each line reordered on its own. */
static void
test_long_right_to_left_word (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *svg_texts = NULL;
  g_autofree char *expected = NULL;

  while (word->len < 80 * 1024)
    g_string_append (word, "שלוםעולם-مرحبا");
  document = make_one_card_map (word->str);

  parcours_layout_update (layout, document);
  assert_broken_whole (parcours_layout_get_card (layout, 0), word->str);

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  svg_texts = check_svg (svg);
  expected = visible (word->str);
  g_assert_nonnull (strstr (svg_texts, expected));
}

/* 400 000 × "é", a word of 800 000 bytes, is drawn, not an empty card. */
static void
test_huge_word_drawn (void)
{
  guint n = quick () ? 20000 : 400000;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *svg_texts = NULL;
  g_autoptr(GBytes) png = NULL;
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append (word, "é");
  document = make_one_card_map (word->str);

  parcours_layout_update (layout, document);
  assert_broken_whole (parcours_layout_get_card (layout, 0), word->str);

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  svg_texts = check_svg (svg);
  g_assert_nonnull (strstr (svg_texts, word->str));

  /* Too tall for an image: refused, and said why. */
  parcours_export_options_init (&options);
  png = parcours_export_png (document, &options, &error);
  if (parcours_layout_get_height (layout) > 32767)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_null (png);
    }
  else
    {
      g_assert_no_error (error);
      check_png (png);
    }
}

/* 10 000 cards in one cell: every one drawn. */
static void
test_many_cards_in_one_cell (void)
{
  guint n = quick () ? 1000 : 10000, n_found = 0;
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *texts = NULL;

  add (document, parcours_stage_new ("s", "Stage"));
  add (document, parcours_lane_new ("l", PARCOURS_LANE_KIND_TOUCHPOINTS, "Lane"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Card %05u\u2028line two", i);
      add (document, parcours_card_new (NULL, "l", "s", text));
    }

  svg = export (document, PARCOURS_EXPORT_FORMAT_SVG);
  texts = check_svg (svg);
  /* In order, so one pass over the texts finds them all. */
  for (const char *p = texts; n_found < n; n_found++)
    {
      char needle[32];

      g_snprintf (needle, sizeof needle, "Card%05ulinetwo", n_found);
      p = strstr (p, needle);
      if (p == NULL)
        g_error ("card %u is not in the SVG", n_found);
    }

  pdf = export (document, PARCOURS_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 0);
}

/* A context cairo has put in an error state is reported, not drawn on
 * as if nothing happened. */
static void
test_cairo_error_reported (void)
{
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Some text");
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(ParcoursDisplayList) list = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
  cairo_t *cr = cairo_create (surface);

  parcours_layout_update (layout, document);
  list = parcours_painter_paint (layout);

  g_assert_true (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_no_error (error);

  /* A singular matrix puts the context in an error state. */
  cairo_scale (cr, 0, 0);
  g_assert_false (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, cairo_status_to_string (CAIRO_STATUS_INVALID_MATRIX)));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Should a text cairo refuses ever reach it (the measurer makes every
 * text drawable, so this one is made by hand), the drawing fails and the
 * error quotes that text, found among all the texts of its run. */
static void
test_refused_text_named (void)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursTextMeasurer) measurer = parcours_text_measurer_new (style);
  g_autoptr(ParcoursDisplayList) list = parcours_display_list_new (400, 200, style->background);
  g_autoptr(GError) error = NULL;
  const PangoFontDescription *font = parcours_text_measurer_get_font (measurer, PARCOURS_FONT_CARD_TEXT);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ParcoursTextBlock *good, *bad;
  ParcoursPlacedWord *placed;
  ParcoursShapedWord *word;
  cairo_surface_t *surface;
  cairo_t *cr;

  parcours_text_measurer_begin_pass (measurer);
  good = parcours_text_measurer_measure (measurer, PARCOURS_FONT_CARD_TEXT, "Drawn before", -1, PANGO_ALIGN_LEFT);
  bad = parcours_text_measurer_measure (measurer, PARCOURS_FONT_CARD_TEXT, "Refused", -1, PANGO_ALIGN_LEFT);

  /* The block's one word, shaped from text holding U+FFFE. */
  word = g_new0 (ParcoursShapedWord, 1);
  g_ref_count_init (&word->ref_count);
  word->layout = pango_layout_new (context);
  pango_layout_set_font_description (word->layout, font);
  pango_layout_set_text (word->layout, "Ref\357\277\276used", -1);
  word->line = pango_layout_get_line_readonly (word->layout, 0);
  word->width = 40;
  word->end_index = G_MAXINT;
  placed = &g_array_index (bad->words, ParcoursPlacedWord, 0);
  g_assert_false (g_ref_count_dec (&placed->word->ref_count));
  placed->word = word;
  g_object_unref (context);

  parcours_display_list_add_text (list, good, 10, 10, &style->text);
  parcours_display_list_add_text (list, bad, 10, 40, &style->text);

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, 400, 200);
  cr = cairo_create (surface);
  g_assert_false (parcours_cairo_render (list, cr, NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“Refused”"));
  g_assert_null (strstr (error->message, "Drawn before"));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A noncharacter in the title or a stage name (PDF metadata and outline)
 * does not stop the PDF. */
static void
test_pdf_metadata (void)
{
  g_autoptr(ParcoursDocument) document = make_one_card_map ("Card");
  g_autoptr(ParcoursStage) stage = NULL;
  ParcoursExportOptions options;

  parcours_document_set_title (document, "Title \357\277\276 with\u2028a noncharacter");
  stage = g_list_model_get_item (parcours_document_get_stages (document), 0);
  parcours_stage_set_name (stage, "Stage \357\277\277\357\267\220\n\tname");

  parcours_export_options_init (&options);
  for (ParcoursPageSize size = PARCOURS_PAGE_SIZE_FIT; size <= PARCOURS_PAGE_SIZE_A4; size++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *texts = NULL;

      options.page_size = size;
      pdf = parcours_export_pdf (document, &options, &error);
      g_assert_no_error (error);
      texts = check_pdf (pdf);
      if (texts != NULL)
        {
          assert_found (texts, "Title \357\277\275 with a noncharacter", "PDF", "title");
          assert_found (texts, "Stage \357\277\275\357\277\275 name", "PDF", "stages[0].name");
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-text/drawable/rules", test_drawable_rules);
  g_test_add_func ("/hostile-text/noncharacters", test_noncharacters);
  g_test_add_func ("/hostile-text/controls", test_controls);
  g_test_add_func ("/hostile-text/line-separators", test_line_separators);
  g_test_add_func ("/hostile-text/combining-marks", test_combining_marks);
  g_test_add_func ("/hostile-text/right-to-left", test_right_to_left);
  g_test_add_func ("/hostile-text/long-word", test_long_word);
  g_test_add_func ("/hostile-text/long-right-to-left-word", test_long_right_to_left_word);
  g_test_add_func ("/hostile-text/huge-word-drawn", test_huge_word_drawn);
  g_test_add_func ("/hostile-text/many-cards-in-one-cell", test_many_cards_in_one_cell);
  g_test_add_func ("/hostile-text/cairo-error-reported", test_cairo_error_reported);
  g_test_add_func ("/hostile-text/refused-text-named", test_refused_text_named);
  g_test_add_func ("/hostile-text/pdf-metadata", test_pdf_metadata);
  g_test_add_func ("/hostile-text/undrawable-text-named", test_undrawable_text_named);
  g_test_add_func ("/hostile-text/undrawable-text-counted", test_undrawable_text_counted);
  g_test_add_func ("/hostile-text/blns/native", test_blns_native);
  g_test_add_func ("/hostile-text/blns/csv", test_blns_csv);
  g_test_add_func ("/hostile-text/blns/svg", test_blns_svg);
  g_test_add_func ("/hostile-text/blns/pdf", test_blns_pdf);
  g_test_add_func ("/hostile-text/blns/png", test_blns_png);
  g_test_add_func ("/hostile-text/blns/mermaid", test_blns_mermaid);

  return g_test_run ();
}
