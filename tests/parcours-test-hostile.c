/* parcours-test-hostile.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "parcours-drawable-text.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-test-hostile.h"
#include "parcours-test-utils.h"

/* What test-hostile-text and test-hostile-text-blns check in every
 * export: the text a reader finds in it, and every field of the map. */

gboolean
parcours_test_hostile_quick (void)
{
  return g_getenv ("PARCOURS_TEST_QUICK") != NULL;
}

/* The characters a reader can check in any export: letters, digits,
 * punctuation and symbols (U+FFFD included). Marks, format characters,
 * spaces and line breaks are left out: exports wrap lines where they
 * like and PDF text extraction reorders marks. */
char *
parcours_test_hostile_visible (const char *text)
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
gboolean
parcours_test_hostile_font_covers (gunichar c)
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
    if (parcours_test_hostile_font_covers (g_utf8_get_char (p)))
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
          g_autofree char *needle = parcours_test_hostile_visible (letters);
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

void
parcours_test_hostile_assert_found (const char *haystack,
                                    const char *text,
                                    const char *where,
                                    const char *field)
{
  g_autofree char *shown = parcours_test_hostile_visible (text);
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

GBytes *
parcours_test_hostile_export_with_warnings (ParcoursDocument     *document,
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

GBytes *
parcours_test_hostile_export (ParcoursDocument     *document,
                              ParcoursExportFormat  format)
{
  return parcours_test_hostile_export_with_warnings (document, format, NULL);
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
char *
parcours_test_hostile_check_svg (GBytes *svg)
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
    return parcours_test_hostile_visible (texts->str);

  handle = G_OBJECT (rsvg_handle_new_from_data ((const guint8 *) data, size, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cr = cairo_create (surface);
  rsvg_handle_render_document (RSVG_HANDLE (handle), cr, &viewport, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return parcours_test_hostile_visible (texts->str);
}

/* The text pdftotext finds in a PDF, in visible form, or NULL (and the
 * test skipped) without pdftotext. */
char *
parcours_test_hostile_check_pdf (GBytes *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }

  path = parcours_test_write_temp (pdf, ".pdf");

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

  return parcours_test_hostile_visible (out);
}

void
parcours_test_hostile_check_png (GBytes *png)
{
  const guint8 *data = g_bytes_get_data (png, NULL);

  g_assert_cmpuint (g_bytes_get_size (png), >, 8);
  g_assert_cmpmem (data, 8, "\211PNG\r\n\032\n", 8);
}

/* Fields ----------------------------------------------------------------- */

/* One of the project's own hostile-text maps, tests/data/hostile-text/@name */
ParcoursDocument *
parcours_test_hostile_load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile-text", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document = parcours_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Every place a user types text, as (field, text) pairs of a map. */
GPtrArray *
parcours_test_hostile_fields (ParcoursDocument *document)
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
  g_autoptr(GPtrArray) fields = parcours_test_hostile_fields (document);

  for (guint i = 0; i < fields->len; i += 2)
    if (fields->pdata[i + 1] != NULL)
      parcours_test_hostile_assert_found (haystack, fields->pdata[i + 1], where, fields->pdata[i]);
}

/* Every field of @copy is the same as in @original. */
static void
assert_fields_equal (ParcoursDocument *original,
                     ParcoursDocument *copy,
                     const char       *where)
{
  g_autoptr(GPtrArray) a = parcours_test_hostile_fields (original);
  g_autoptr(GPtrArray) b = parcours_test_hostile_fields (copy);

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

void
parcours_test_hostile_check_native (ParcoursDocument *document,
                                    const char       *where)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursDocument) copy = parcours_format_load_bytes (bytes, &error);

  g_assert_no_error (error);
  assert_fields_equal (document, copy, where);
}

void
parcours_test_hostile_check_svg_export (ParcoursDocument *document,
                                        const char       *where)
{
  g_autoptr(GBytes) svg = parcours_test_hostile_export (document, PARCOURS_EXPORT_FORMAT_SVG);
  g_autofree char *texts = parcours_test_hostile_check_svg (svg);
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
      if (!parcours_test_hostile_font_covers (c))
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
  g_autoptr(GPtrArray) fields = parcours_test_hostile_fields (document);
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

void
parcours_test_hostile_check_pdf_export (ParcoursDocument *document,
                                        const char       *where)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = parcours_test_hostile_export_with_warnings (document, PARCOURS_EXPORT_FORMAT_PDF, warnings);
  g_autofree char *texts = parcours_test_hostile_check_pdf (pdf);
  g_autofree char *label = g_strdup_printf ("PDF of %s", where);

  assert_blank_text_named (document, warnings, label);
  if (texts != NULL)
    assert_fields_drawn (document, texts, label);
}

void
parcours_test_hostile_check_png_export (ParcoursDocument *document,
                                        const char       *where)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) png = parcours_test_hostile_export_with_warnings (document, PARCOURS_EXPORT_FORMAT_PNG, warnings);
  g_autofree char *label = g_strdup_printf ("PNG of %s", where);

  parcours_test_hostile_check_png (png);
  assert_blank_text_named (document, warnings, label);
}

/* The naughty strings, each once (the list repeats a few), or NULL. */
GPtrArray *
parcours_test_hostile_naughty_strings (void)
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
