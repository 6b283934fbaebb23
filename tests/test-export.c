/* test-export.c — SVG, PDF and PNG exports of real-looking maps
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>

#include "parcours-drawable-text.h"
#include "parcours-export.h"
#include "parcours-layout.h"
#include "parcours-test-utils.h"

/* Whitespace-free form of a text: exports break lines where they like, so
 * texts are compared without any whitespace. Texts are made drawable first
 * (controls become U+FFFD). */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_iscntrl (c) && c != 0x00ad)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
assert_texts_found (ParcoursDocument *document,
                    const char       *haystack,
                    const char       *what)
{
  g_autoptr(GPtrArray) texts = parcours_test_collect_texts (document);
  g_autofree char *squeezed = squeeze (haystack);

  g_assert_cmpuint (texts->len, >, 0);

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *drawable = parcours_drawable_text (texts->pdata[i], -1, PARCOURS_DRAWABLE_TEXT_DEFAULT);
      g_autofree char *needle = squeeze (drawable);

      if (strstr (squeezed, needle) == NULL)
        g_error ("%s: “%s” not found", what, (char *) texts->pdata[i]);
    }
}

typedef struct
{
  GString *text;
  gboolean in_text;
} SvgTextCollector;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   const char          **attribute_names,
                   const char          **attribute_values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgTextCollector *collector = user_data;

  if (g_str_equal (element_name, "text"))
    collector->in_text = TRUE;
  g_assert_false (g_str_equal (element_name, "script"));
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element_name,
                 gpointer              user_data,
                 GError              **error)
{
  SvgTextCollector *collector = user_data;

  if (g_str_equal (element_name, "text"))
    {
      collector->in_text = FALSE;
      g_string_append_c (collector->text, '\n');
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 text_len,
          gpointer              user_data,
          GError              **error)
{
  SvgTextCollector *collector = user_data;

  if (collector->in_text)
    g_string_append_len (collector->text, text, text_len);
}

/* The text of every <text> element, as an XML parser sees it. */
static char *
svg_texts (GBytes *svg)
{
  static const GMarkupParser parser = { svg_start_element, svg_end_element, svg_text, NULL, NULL };
  SvgTextCollector collector = { g_string_new (NULL), FALSE };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = g_bytes_get_data (svg, NULL);

  /* GMarkup does not take the XML declaration. */
  data = strstr (data, "<svg");
  context = g_markup_parse_context_new (&parser, 0, &collector, NULL);
  g_markup_parse_context_parse (context, data, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return g_string_free (collector.text, FALSE);
}

static GPtrArray *
fixtures (void)
{
  GPtrArray *maps = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (maps, parcours_test_make_grocery_map ());
  g_ptr_array_add (maps, parcours_test_make_day_in_life_map ());
  g_ptr_array_add (maps, parcours_test_make_hostile_map ());
  g_ptr_array_add (maps, parcours_test_make_generated_map (12, 5, 150, 30, 11));

  return maps;
}

static void
test_svg_valid_and_searchable (void)
{
  g_autoptr(GPtrArray) maps = fixtures ();
  ParcoursExportOptions options;

  parcours_export_options_init (&options);

  for (guint m = 0; m < maps->len; m++)
    {
      g_autoptr(GBytes) svg = parcours_export_svg (maps->pdata[m], &options);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) handle = NULL;
      g_autofree char *texts = NULL;
      double width, height;

      handle = G_OBJECT (rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error));
      g_assert_no_error (error);
      g_assert_nonnull (handle);
      g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (RSVG_HANDLE (handle), &width, &height));
      g_assert_cmpfloat (width, >, 100);

      texts = svg_texts (svg);
      assert_texts_found (maps->pdata[m], texts, "SVG");
      /* The fonts are named so an editor shows the same typeface. */
      g_assert_nonnull (strstr (g_bytes_get_data (svg, NULL), "font-family=\"Cantarell, sans-serif\""));
    }
}

static void
test_svg_escapes_user_text (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_hostile_map ();
  ParcoursExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *texts = NULL;

  parcours_export_options_init (&options);
  svg = parcours_export_svg (document, &options);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));

  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<svg onload"));
  g_assert_nonnull (strstr (text, "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* No control character survives: XML 1.0 cannot hold them. */
  for (const char *p = text; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');

  /* The card that says </text><script> is still a card that says it. */
  texts = svg_texts (svg);
  g_assert_nonnull (strstr (texts, "</text><script>alert(1)</script>"));
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static gboolean
require_tool (const char *tool)
{
  g_autofree char *path = g_find_program_in_path (tool);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils)", tool);
      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static void
test_pdf_text_and_metadata (void)
{
  g_autoptr(GPtrArray) maps = fixtures ();
  ParcoursExportOptions options;

  if (!require_tool ("pdftotext") || !require_tool ("pdfinfo"))
    return;

  parcours_export_options_init (&options);

  for (guint m = 0; m < maps->len; m++)
    {
      ParcoursDocument *document = maps->pdata[m];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = parcours_export_pdf (document, &options, &error);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;
      g_autofree char *title_line = NULL;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
      path = parcours_test_write_temp (pdf, ".pdf");

      text = run_tool ((const char * const[]) { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL });
      assert_texts_found (document, text, "PDF");

      info = run_tool ((const char * const[]) { "pdfinfo", path, NULL });
      title_line = g_strdup_printf ("Title:           %s\n", parcours_document_get_title (document));
      g_assert_nonnull (strstr (info, title_line));
      g_assert_nonnull (strstr (info, "Author:"));
      g_assert_nonnull (strstr (info, "Pages:           1\n"));
      /* Fonts are embedded, not referenced. */
      {
        g_autofree char *fonts = run_tool ((const char * const[]) { "pdffonts", path, NULL });
        g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

        for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
          g_assert_nonnull (strstr (lines[i], " yes "));
      }

      g_unlink (path);
    }
}

/* A map taller than 14 400 pt, the largest page PDF readers open, is
 * shrunk onto that page on a "fit" export, and a warning says so; its
 * text is all there. */
static void
test_pdf_fit_largest_page (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (2, 2, 700, 0, 3);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  ParcoursExportOptions options;
  double width = 0, height = 0;
  const char *size;

  if (!require_tool ("pdfinfo"))
    return;

  parcours_export_options_init (&options);
  options.warnings = warnings;
  pdf = parcours_export_pdf (document, &options, &error);
  g_assert_no_error (error);

  path = parcours_test_write_temp (pdf, ".pdf");
  info = run_tool ((const char * const[]) { "pdfinfo", path, NULL });
  size = strstr (info, "Page size:");
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &width, &height), ==, 2);
  g_assert_cmpfloat (height, <=, 14400);
  g_assert_cmpfloat (height, >, 14000);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "largest PDF page"));
  g_unlink (path);

  /* A map that fits keeps its size, without a warning. */
  {
    g_autoptr(ParcoursDocument) small = parcours_test_make_grocery_map ();
    g_autoptr(GBytes) small_pdf = NULL;

    g_ptr_array_set_size (warnings, 0);
    small_pdf = parcours_export_pdf (small, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (warnings->len, ==, 0);
  }
}

/* PDF files hold binary streams: search them as bytes, not strings. */
static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;

  return FALSE;
}

static void
test_pdf_outline (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  ParcoursExportOptions options;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  parcours_export_options_init (&options);
  pdf = parcours_export_pdf (document, &options, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &size);

  /* One outline entry per stage, by name. */
  g_assert_true (bytes_contain (data, size, "/Outlines"));
  g_assert_true (bytes_contain (data, size, "/Title (Awareness)"));
  g_assert_true (bytes_contain (data, size, "/Title (Consideration)"));
  g_assert_true (bytes_contain (data, size, "/Title (Purchase)"));
  g_assert_true (bytes_contain (data, size, "/Title (Delivery)"));
  g_assert_true (bytes_contain (data, size, "/Title (Post-purchase)"));
}

static void
test_pdf_paper_pages (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (16, 4, 120, 32, 5);
  g_autoptr(GListModel) stages = g_object_ref (parcours_document_get_stages (document));
  ParcoursExportOptions options;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  guint n_pages = 0;
  const char *pages_line;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!require_tool ("pdftotext") || !require_tool ("pdfinfo"))
    return;

  parcours_export_options_init (&options);
  options.page_size = PARCOURS_PAGE_SIZE_A4;
  pdf = parcours_export_pdf (document, &options, &error);
  g_assert_no_error (error);
  path = parcours_test_write_temp (pdf, ".pdf");

  info = run_tool ((const char * const[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));
  pages_line = strstr (info, "Pages:");
  g_assert_nonnull (pages_line);
  n_pages = atoi (pages_line + strlen ("Pages:"));
  g_assert_cmpuint (n_pages, >, 1);

  /* Every stage is on exactly one page: a stage is never cut. Lane names
   * repeat on every page. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *text = run_tool ((const char * const[]) { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", path, "-", NULL });
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      g_assert_nonnull (strstr (text, "Lane 1"));
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "Stage "))
          {
            g_assert_false (g_hash_table_contains (seen, lines[i]));
            g_hash_table_add (seen, g_strdup (lines[i]));
          }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, g_list_model_get_n_items (stages));
  g_hash_table_foreach (seen, (GHFunc) g_free, NULL);
  g_unlink (path);
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = parcours_test_write_temp (png, ".png");
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
test_png_scale_and_background (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  ParcoursExportOptions options;

  parcours_layout_update (layout, document);
  parcours_export_options_init (&options);

  for (double scale = 1; scale <= 3; scale += 1)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *surface;

      options.scale = scale;
      png = parcours_export_png (document, &options, &error);
      g_assert_no_error (error);
      surface = decode_png (png);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (parcours_layout_get_width (layout) * scale));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (parcours_layout_get_height (layout) * scale));
      cairo_surface_destroy (surface);
    }

  /* Opaque white by default, transparent on request. */
  for (guint transparent = 0; transparent <= 1; transparent++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *surface;
      guint32 corner;

      options.scale = 1;
      options.transparent = transparent;
      png = parcours_export_png (document, &options, &error);
      g_assert_no_error (error);
      surface = decode_png (png);
      corner = *(guint32 *) cairo_image_surface_get_data (surface);
      g_assert_cmphex (corner, ==, transparent ? 0x00000000 : 0xffffffff);
      cairo_surface_destroy (surface);
    }
}

static void
test_png_too_large (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_generated_map (160, 3, 10, 0, 1);
  ParcoursExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  parcours_export_options_init (&options);
  options.scale = 4;
  png = parcours_export_png (document, &options, &error);
  g_assert_null (png);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "too large"));
}

/* One renderer: librsvg drawing our SVG and cairo drawing the PNG agree
 * nearly pixel for pixel. */
static void
test_svg_and_png_agree (void)
{
  g_autoptr(GPtrArray) maps = fixtures ();
  ParcoursExportOptions options;

  parcours_export_options_init (&options);

  for (guint m = 0; m < maps->len; m++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = parcours_export_png (maps->pdata[m], &options, &error);
      g_autoptr(GBytes) svg = parcours_export_svg (maps->pdata[m], &options);
      RsvgHandle *handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error);
      cairo_surface_t *from_png, *from_svg;
      cairo_t *cr;
      int width, height;
      RsvgRectangle viewport;
      double mean, far;

      g_assert_no_error (error);
      from_png = decode_png (png);
      width = cairo_image_surface_get_width (from_png);
      height = cairo_image_surface_get_height (from_png);

      from_svg = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (from_svg);
      viewport = (RsvgRectangle) { 0, 0, width, height };
      g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
      g_assert_no_error (error);
      cairo_destroy (cr);
      cairo_surface_flush (from_svg);
      g_object_unref (handle);

      parcours_test_compare_images (from_png, from_svg, &mean, &far);
      g_test_message ("map %u: %d×%d, mean difference %.3f, %.3f%% far channels",
                      m, width, height, mean, 100.0 * far);

      /* Text anti-aliasing differs a little between the two rasterisers;
       * anything misplaced or missing shows far above these bounds. */
      g_assert_cmpfloat (mean, <, 1.5);
      g_assert_cmpfloat (far, <, 0.005);

      cairo_surface_destroy (from_png);
      cairo_surface_destroy (from_svg);
    }
}

static void
test_export_files_atomically (void)
{
  g_autoptr(ParcoursDocument) document = parcours_test_make_grocery_map ();
  g_autoptr(ParcoursDocument) huge = parcours_test_make_generated_map (160, 3, 10, 0, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("parcours-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "map.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  ParcoursExportOptions options;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_size, after_size;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_no_error (error);
  parcours_export_options_init (&options);

  g_assert_true (parcours_export_to_file (document, file, PARCOURS_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &before, &before_size, NULL);

  /* A failed export leaves the previous file as it was, and no litter. */
  options.scale = 4;
  g_assert_false (parcours_export_to_file (huge, file, PARCOURS_EXPORT_FORMAT_PNG, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_file_get_contents (path, &after, &after_size, NULL);
  g_assert_cmpmem (before, before_size, after, after_size);

  g_assert_false (parcours_export_to_file (document, missing_file, PARCOURS_EXPORT_FORMAT_PDF, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_format_names (void)
{
  ParcoursExportFormat format;
  ParcoursPageSize size;

  g_assert_true (parcours_export_format_for_file ("/tmp/Map.PDF", &format));
  g_assert_cmpint (format, ==, PARCOURS_EXPORT_FORMAT_PDF);
  g_assert_true (parcours_export_format_for_file ("journey.mmd", &format));
  g_assert_cmpint (format, ==, PARCOURS_EXPORT_FORMAT_MERMAID);
  g_assert_true (parcours_export_format_for_file ("a.parcours", &format));
  g_assert_cmpint (format, ==, PARCOURS_EXPORT_FORMAT_PARCOURS);
  g_assert_false (parcours_export_format_for_file ("a.docx", &format));
  g_assert_true (parcours_export_format_from_name ("png", &format));
  g_assert_cmpint (format, ==, PARCOURS_EXPORT_FORMAT_PNG);
  g_assert_true (parcours_page_size_from_string ("A3", &size));
  g_assert_cmpint (size, ==, PARCOURS_PAGE_SIZE_A3);
  g_assert_false (parcours_page_size_from_string ("a5", &size));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/svg/valid-and-searchable", test_svg_valid_and_searchable);
  g_test_add_func ("/export/svg/escapes-user-text", test_svg_escapes_user_text);
  g_test_add_func ("/export/pdf/text-and-metadata", test_pdf_text_and_metadata);
  g_test_add_func ("/export/pdf/outline", test_pdf_outline);
  g_test_add_func ("/export/pdf/fit-largest-page", test_pdf_fit_largest_page);
  g_test_add_func ("/export/pdf/paper-pages", test_pdf_paper_pages);
  g_test_add_func ("/export/png/scale-and-background", test_png_scale_and_background);
  g_test_add_func ("/export/png/too-large", test_png_too_large);
  g_test_add_func ("/export/one-renderer/svg-and-png-agree", test_svg_and_png_agree);
  g_test_add_func ("/export/files/atomic", test_export_files_atomically);
  g_test_add_func ("/export/formats", test_format_names);

  return g_test_run ();
}
