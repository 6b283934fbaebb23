/* parcours-export.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "parcours-atomic-file.h"
#include "parcours-cairo-renderer.h"
#include "parcours-csv.h"
#include "parcours-drawable-text.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-layout.h"
#include "parcours-mermaid.h"
#include "parcours-painter.h"
#include "parcours-png-writer.h"
#include "parcours-svg-writer.h"

/* The largest image side cairo can allocate. */
#define MAX_IMAGE_SIDE 32767

void
parcours_export_options_init (ParcoursExportOptions *options)
{
  options->theme = PARCOURS_THEME_PRINT;
  options->page_size = PARCOURS_PAGE_SIZE_FIT;
  options->scale = 1.0;
  options->transparent = FALSE;
  options->plain = FALSE;
  options->semicolons = FALSE;
  options->warnings = NULL;
}

static const struct
{
  const char *name;
  const char *extension;
  ParcoursExportFormat format;
} formats[] = {
  { "parcours", ".parcours", PARCOURS_EXPORT_FORMAT_PARCOURS },
  { "svg", ".svg", PARCOURS_EXPORT_FORMAT_SVG },
  { "pdf", ".pdf", PARCOURS_EXPORT_FORMAT_PDF },
  { "png", ".png", PARCOURS_EXPORT_FORMAT_PNG },
  { "mmd", ".mmd", PARCOURS_EXPORT_FORMAT_MERMAID },
  { "mermaid", ".mermaid", PARCOURS_EXPORT_FORMAT_MERMAID },
  { "csv", ".csv", PARCOURS_EXPORT_FORMAT_CSV },
};

gboolean
parcours_export_format_from_name (const char           *name,
                                  ParcoursExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (name != NULL && g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

gboolean
parcours_export_format_for_file (const char           *path,
                                 ParcoursExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/* Drops the layout a display list was painted from (the list holds what
 * it draws) and gives its memory back to the system: what comes next
 * (the file written, a page finished, an image) mostly takes large blocks
 * that the freed small ones would not serve. */
static void
drop_layout (ParcoursLayout **layout)
{
  g_clear_object (layout);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static ParcoursLayout *
make_layout (ParcoursDocument            *document,
             const ParcoursExportOptions *options)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (options->theme);
  ParcoursLayout *layout = parcours_layout_new (style);

  parcours_layout_update (layout, document);
  return layout;
}

GBytes *
parcours_export_svg (ParcoursDocument            *document,
                     const ParcoursExportOptions *options)
{
  g_autoptr(ParcoursLayout) layout = make_layout (document, options);
  g_autoptr(ParcoursDisplayList) list = parcours_painter_paint (layout);

  drop_layout (&layout);
  return parcours_svg_write (list, parcours_document_get_title (document), options->transparent);
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PDF metadata and outline entries are single lines of text that cairo
 * refuses (and then writes nothing more) if they hold a noncharacter. */
static char *
pdf_string (const char *text)
{
  return parcours_drawable_text (text, -1, PARCOURS_DRAWABLE_TEXT_SINGLE_LINE);
}

static void
set_pdf_metadata (cairo_surface_t  *surface,
                  ParcoursDocument *document)
{
  g_autofree char *title = pdf_string (parcours_document_get_title (document));
  g_autofree char *author = NULL;
  const char *real_name = g_get_real_name ();

  if (title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (real_name == NULL || real_name[0] == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();
  author = pdf_string (real_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Parcours " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  parcours_map_kind_get_label (parcours_document_get_kind (document)));
}

static void
add_stage_outline (cairo_surface_t *surface,
                   ParcoursStage   *stage,
                   guint            index,
                   guint            page,
                   double           x,
                   double           y)
{
  g_autofree char *link = NULL;
  char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *name = pdf_string (parcours_stage_get_name (stage));

  if (g_strstrip (name)[0] == '\0')
    {
      g_free (name);
      name = g_strdup_printf (_("Stage %u"), index + 1);
    }

  g_ascii_formatd (xs, sizeof xs, "%.1f", x);
  g_ascii_formatd (ys, sizeof ys, "%.1f", y);
  link = g_strdup_printf ("page=%u pos=[%s %s]", page + 1, xs, ys);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the map: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* The largest page PDF readers take: 200 inches (Acrobat and most
 * viewers refuse more). */
#define PDF_MAX_PAGE_POINTS 14400.0

/* A "fit" page is the map's size, unless that is beyond what readers
 * open: then the map is shrunk onto the largest page, and a warning
 * says so. */
static double
fit_page_scale (ParcoursLayout *layout,
                GPtrArray      *warnings)
{
  double largest = MAX (parcours_layout_get_width (layout), parcours_layout_get_height (layout));
  double scale;

  if (largest <= PDF_MAX_PAGE_POINTS)
    return 1.0;

  scale = PDF_MAX_PAGE_POINTS / largest;
  if (warnings != NULL)
    g_ptr_array_add (warnings,
                     /* Translators: %.0f is a percentage, %% the percent sign */
                     g_strdup_printf (_("the map is larger than the largest PDF page (200 inches): "
                                        "it is drawn at %.0f %% to fit; choose a paper size to split it into pages"),
                                      floor (scale * 100)));
  return scale;
}

GBytes *
parcours_export_pdf (ParcoursDocument            *document,
                     const ParcoursExportOptions *options,
                     GError                     **error)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (options->theme);
  g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean drawn = TRUE;
  cairo_t *cr;

  if (options->page_size == PARCOURS_PAGE_SIZE_FIT)
    {
      g_autoptr(ParcoursDisplayList) list = NULL;
      double scale;

      parcours_layout_update (layout, document);
      list = parcours_painter_paint (layout);
      scale = fit_page_scale (layout, options->warnings);
      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, buffer,
                                                     ceil (parcours_layout_get_width (layout) * scale),
                                                     ceil (parcours_layout_get_height (layout) * scale));
      set_pdf_metadata (surface, document);
      for (guint s = 0; s < parcours_layout_get_n_stages (layout); s++)
        {
          const ParcoursStageBox *box = parcours_layout_get_stage (layout, s);
          add_stage_outline (surface, box->stage, s, 0, box->header.x * scale, box->header.y * scale);
        }

      /* The list holds what is drawn: cairo records it into memory the
       * layout gave back (the export's peak, for a large map). */
      drop_layout (&layout);
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      drawn = parcours_cairo_render (list, cr, NULL, !options->transparent, &local_error);
    }
  else
    {
      g_autoptr(ParcoursPagination) pagination = NULL;
      double page_width, page_height;

      parcours_page_size_get_points (options->page_size, &page_width, &page_height);
      pagination = parcours_pagination_new (layout, document, page_width, page_height,
                                            PARCOURS_EXPORT_PAGE_MARGIN);
      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, buffer, page_width, page_height);
      set_pdf_metadata (surface, document);
      cr = cairo_create (surface);

      for (guint page = 0; drawn && page < parcours_pagination_get_n_pages (pagination); page++)
        {
          if (!options->transparent)
            {
              ParcoursRgba background = style->background;

              cairo_set_source_rgba (cr, background.red, background.green, background.blue, 1);
              cairo_paint (cr);
            }
          drawn = parcours_pagination_render_page (pagination, cr, page, &local_error);
          cairo_show_page (cr);
        }

      for (guint s = 0; s < parcours_layout_get_n_stages (layout); s++)
        {
          guint page;
          double x, y;

          if (parcours_pagination_find_stage (pagination, s, &page, &x, &y))
            add_stage_outline (surface, parcours_layout_get_stage (layout, s)->stage, s, page, x, y);
        }
    }

  /* The pages are recorded: finishing them writes the file, and needs
   * none of what they were drawn from. */
  if (layout != NULL)
    drop_layout (&layout);

  /* The context's status too: cairo stops drawing at the first text it
   * refuses, and the surface alone would still look fine. */
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!drawn)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
parcours_export_png (ParcoursDocument            *document,
                     const ParcoursExportOptions *options,
                     GError                     **error)
{
  g_autoptr(ParcoursLayout) layout = make_layout (document, options);
  g_autoptr(ParcoursDisplayList) list = parcours_painter_paint (layout);
  double scale = CLAMP (options->scale, PARCOURS_EXPORT_MIN_SCALE, PARCOURS_EXPORT_MAX_SCALE);
  double width = ceil (parcours_layout_get_width (layout) * scale);
  double height = ceil (parcours_layout_get_height (layout) * scale);

  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The map is too large for a PNG image at this scale (%.0f × %.0f pixels; "
                     "at most %d a side). Choose a smaller scale or export a PDF or SVG."),
                   width, height, MAX_IMAGE_SIDE);
      return NULL;
    }

  drop_layout (&layout);
  return parcours_png_render (list, (int) width, (int) height, scale, !options->transparent, 0, 0, error);
}

static GBytes *
string_to_bytes (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

/**
 * parcours_export_to_bytes:
 * @document: the map
 * @format: what to write
 * @options: how
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the exported file's contents
 */
GBytes *
parcours_export_to_bytes (ParcoursDocument            *document,
                          ParcoursExportFormat         format,
                          const ParcoursExportOptions *options,
                          GError                     **error)
{
  switch (format)
    {
    case PARCOURS_EXPORT_FORMAT_PARCOURS:
      return parcours_format_save_bytes (document);
    case PARCOURS_EXPORT_FORMAT_SVG:
      return parcours_export_svg (document, options);
    case PARCOURS_EXPORT_FORMAT_PDF:
      parcours_export_warn_missing_glyphs (document, options->warnings);
      return parcours_export_pdf (document, options, error);
    case PARCOURS_EXPORT_FORMAT_PNG:
      parcours_export_warn_missing_glyphs (document, options->warnings);
      return parcours_export_png (document, options, error);
    case PARCOURS_EXPORT_FORMAT_MERMAID:
      {
        char *text = parcours_mermaid_export_full (document,
                                                   options->plain ? PARCOURS_MERMAID_EXPORT_PLAIN : 0,
                                                   options->warnings, error);

        return text != NULL ? string_to_bytes (text) : NULL;
      }
    case PARCOURS_EXPORT_FORMAT_CSV:
      return string_to_bytes (parcours_csv_export_full (document,
                                                        options->semicolons ? PARCOURS_CSV_EXPORT_SEMICOLON : 0,
                                                        options->warnings));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * parcours_export_to_file:
 *
 * Writes atomically, like saving: a failed export never leaves a
 * half-written file, and an existing file is replaced only once the new
 * one is complete and on disk.
 */
gboolean
parcours_export_to_file (ParcoursDocument            *document,
                         GFile                       *file,
                         ParcoursExportFormat         format,
                         const ParcoursExportOptions *options,
                         GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (format == PARCOURS_EXPORT_FORMAT_PARCOURS)
    return parcours_format_save_file (document, file, NULL, error);

  bytes = parcours_export_to_bytes (document, format, options, error);
  if (bytes == NULL)
    return FALSE;

  return parcours_atomic_file_replace (file,
                                       g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes),
                                       NULL, error);
}
