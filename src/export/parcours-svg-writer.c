/* parcours-svg-writer.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parcours-drawable-text.h"
#include "parcours-icons.h"
#include "parcours-persona.h"
#include "parcours-svg-writer.h"
#include "parcours-utils.h"

/* Writes a display list as SVG. Text stays text (one <tspan> per line,
 * broken where Pango broke it), so an exported map is searchable and still
 * editable in Inkscape or a slide tool. */

/* The writer appends a few bytes at a time, hundreds of thousands of
 * times for a large map: GString's own append (a general insertion) was
 * half of the writer's time, so it appends with
 * parcours_string_append_len(). */
/* Inlined, strlen() of a literal is a constant. */
static inline void
append (GString    *svg,
        const char *text)
{
  parcours_string_append_len (svg, text, strlen (text));
}

/* Numbers as "%.2f" prints them, trimmed ("12.50" is "12.5", "12.00" is
 * "12", "-0" is "0"), but in fixed point: a map of thousands of cards
 * has hundreds of thousands of numbers, and printf's exact decimal
 * conversion was most of the writer's time. Two decimals are far below
 * a device pixel even at 4×. */
#define MAX_FIXED_POINT 1e15

static void
append_number_slowly (GString *svg,
                      double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  if (strcmp (buffer, "-0") == 0)
    g_string_append_c (svg, '0');
  else
    append (svg, buffer);
}

static void
append_number (GString *svg,
               double   value)
{
  char buffer[32];
  char *end = buffer + sizeof buffer;
  char *p = end;
  double hundredths = value * 100;
  guint64 whole, fraction;
  gint64 rounded;

  if (!(fabs (hundredths) < MAX_FIXED_POINT))
    {
      append_number_slowly (svg, value);
      return;
    }

  /* Ties to even, as printf rounds a value that is exactly halfway; a
   * value this close to halfway may be on either side of it, which only
   * printf's exact conversion tells. */
  rounded = (gint64) nearbyint (hundredths);
  if (fabs (fabs (hundredths - (double) rounded) - 0.5) < 1e-6)
    {
      append_number_slowly (svg, value);
      return;
    }
  whole = (guint64) ABS (rounded) / 100;
  fraction = (guint64) ABS (rounded) % 100;

  if (fraction % 10 != 0)
    {
      *--p = '0' + fraction % 10;
      *--p = '0' + fraction / 10;
      *--p = '.';
    }
  else if (fraction != 0)
    {
      *--p = '0' + fraction / 10;
      *--p = '.';
    }
  do
    {
      *--p = '0' + whole % 10;
      whole /= 10;
    }
  while (whole > 0);
  if (rounded < 0)
    *--p = '-';

  parcours_string_append_len (svg, p, end - p);
}

/* @name_and_quote is the attribute's name with its leading space, "=" and
 * opening quote: ' x="'. */
static void
append_attr_number (GString    *svg,
                    const char *name_and_quote,
                    double      value)
{
  append (svg, name_and_quote);
  append_number (svg, value);
  g_string_append_c (svg, '"');
}

/* Escapes text for XML. What the writer is given has been made drawable
 * (parcours-drawable-text.c): no control character, no noncharacter,
 * nothing XML 1.0 forbids, so escaping the markup is all there is to do. */
static void
append_escaped (GString    *svg,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  const char *run = text;

  /* Runs of plain characters are copied whole. */
  for (const char *p = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '&':
          entity = "&amp;";
          break;
        case '"':
          entity = "&quot;";
          break;
        case '\'':
          entity = "&apos;";
          break;
        default:
          continue;
        }

      parcours_string_append_len (svg, run, p - run);
      append (svg, entity);
      run = p + 1;
    }
  parcours_string_append_len (svg, run, end - run);
}

static const char hex_digits[] = "0123456789abcdef";

static void
append_hex_channel (GString *svg,
                    double   channel)
{
  guint value = (guint) CLAMP (channel * 255 + 0.5, 0, 255);

  g_string_append_c (svg, hex_digits[value >> 4]);
  g_string_append_c (svg, hex_digits[value & 0xf]);
}

/* @attribute is "fill" or "stroke"; as parcours_rgba_to_hex() writes
 * colours, without its allocation. */
static void
append_color (GString            *svg,
              const char         *attribute,
              const ParcoursRgba *color)
{
  g_string_append_c (svg, ' ');
  append (svg, attribute);
  append (svg, "=\"#");
  append_hex_channel (svg, color->red);
  append_hex_channel (svg, color->green);
  append_hex_channel (svg, color->blue);
  g_string_append_c (svg, '"');
  if (color->alpha < 1)
    {
      g_string_append_c (svg, ' ');
      append (svg, attribute);
      append_attr_number (svg, "-opacity=\"", color->alpha);
    }
}

static void
append_paint (GString                 *svg,
              const ParcoursPrimitive *primitive)
{
  if (primitive->fill.alpha > 0)
    append_color (svg, "fill", &primitive->fill);
  else
    append (svg, " fill=\"none\"");

  if (primitive->stroke.alpha > 0 && primitive->line_width > 0)
    {
      append_color (svg, "stroke", &primitive->stroke);
      append_attr_number (svg, " stroke-width=\"", primitive->line_width);
      if (primitive->dashed)
        append (svg, " stroke-dasharray=\"4 3\"");
    }

  if (primitive->even_odd)
    append (svg, " fill-rule=\"evenodd\"");
}

static const PangoFontDescription *
text_font (const ParcoursPrimitive *primitive)
{
  const ParcoursTextBlock *block = primitive->text;

  if (block->words->len == 0)
    return NULL;

  return g_array_index (block->words, ParcoursPlacedWord, 0).word->font;
}

static void
append_font (GString                    *svg,
             const PangoFontDescription *font)
{
  const char *family = pango_font_description_get_family (font);
  g_auto(GStrv) families = g_strsplit (family ? family : "sans-serif", ",", -1);

  append (svg, " font-family=\"");
  for (guint i = 0; families[i] != NULL; i++)
    {
      if (i > 0)
        append (svg, ", ");
      append_escaped (svg, g_strstrip (families[i]), -1);
    }
  g_string_append_c (svg, '"');
  append_attr_number (svg, " font-size=\"", (double) pango_font_description_get_size (font) / PANGO_SCALE);
  if (pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD)
    append (svg, " font-weight=\"bold\"");
  if (pango_font_description_get_style (font) != PANGO_STYLE_NORMAL)
    append (svg, " font-style=\"italic\"");
}

/* What an element shares with its neighbours of the same look: its paint
 * (and font), which a <g> around them then says once. */
static void
append_style (GString                 *svg,
              const ParcoursPrimitive *primitive)
{
  switch (primitive->kind)
    {
    case PARCOURS_PRIMITIVE_RECT:
      append_paint (svg, primitive);
      break;
    case PARCOURS_PRIMITIVE_PATH:
      append_paint (svg, primitive);
      append (svg, " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
      break;
    case PARCOURS_PRIMITIVE_TEXT:
      append_font (svg, text_font (primitive));
      append_color (svg, "fill", &primitive->color);
      break;
    case PARCOURS_PRIMITIVE_ICON:
      append_color (svg, "fill", &primitive->fill);
      break;
    case PARCOURS_PRIMITIVE_IMAGE:
    default:
      break;
    }
}

static gboolean
same_style (const ParcoursPrimitive *a,
            const ParcoursPrimitive *b)
{
  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case PARCOURS_PRIMITIVE_RECT:
    case PARCOURS_PRIMITIVE_PATH:
      return parcours_primitive_same_paint (a, b);
    case PARCOURS_PRIMITIVE_TEXT:
      {
        const PangoFontDescription *font_a = text_font (a), *font_b = text_font (b);

        return font_a != NULL && font_b != NULL &&
               memcmp (&a->color, &b->color, sizeof a->color) == 0 &&
               (font_a == font_b || pango_font_description_equal (font_a, font_b));
      }
    case PARCOURS_PRIMITIVE_ICON:
      return memcmp (&a->fill, &b->fill, sizeof a->fill) == 0;
    case PARCOURS_PRIMITIVE_IMAGE:
    default:
      return FALSE;
    }
}

static void
write_rect (GString                 *svg,
            const ParcoursPrimitive *primitive,
            gboolean                 styled)
{
  const ParcoursRect *r = &primitive->bounds;
  double radius = MIN (primitive->radius, MIN (r->width, r->height) / 2);

  append (svg, "<rect");
  append_attr_number (svg, " x=\"", r->x);
  append_attr_number (svg, " y=\"", r->y);
  append_attr_number (svg, " width=\"", r->width);
  append_attr_number (svg, " height=\"", r->height);
  if (radius > 0)
    append_attr_number (svg, " rx=\"", radius);
  if (styled)
    append_style (svg, primitive);
  append (svg, "/>\n");
}

/* The encoded image itself goes into the file, clipped by a clip path of
 * its own (@index makes the id unique), covering its box as the other
 * backends draw it. */
static void
write_image (GString                 *svg,
             const ParcoursPrimitive *primitive,
             guint                    index)
{
  const ParcoursRect *r = &primitive->bounds;
  double radius = MIN (primitive->radius, MIN (r->width, r->height) / 2);
  const char *mime_type = NULL;
  g_autofree char *base64 = NULL;
  gsize size = 0;
  const guchar *data;

  if (!parcours_persona_photo_is_supported (primitive->image, &mime_type))
    return;

  data = g_bytes_get_data (primitive->image, &size);
  base64 = g_base64_encode (data, size);

  g_string_append_printf (svg, "<clipPath id=\"image-clip-%u\"><rect", index);
  append_attr_number (svg, " x=\"", r->x);
  append_attr_number (svg, " y=\"", r->y);
  append_attr_number (svg, " width=\"", r->width);
  append_attr_number (svg, " height=\"", r->height);
  if (radius > 0)
    append_attr_number (svg, " rx=\"", radius);
  append (svg, "/></clipPath>\n<image");
  append_attr_number (svg, " x=\"", r->x);
  append_attr_number (svg, " y=\"", r->y);
  append_attr_number (svg, " width=\"", r->width);
  append_attr_number (svg, " height=\"", r->height);
  g_string_append_printf (svg, " preserveAspectRatio=\"xMidYMid slice\" clip-path=\"url(#image-clip-%u)\""
                               " xlink:href=\"data:%s;base64,%s\"/>\n",
                          index, mime_type, base64);
}

static void
append_path_data (GString                   *svg,
                  const ParcoursPathSegment *segments,
                  guint                      n_segments)
{
  for (guint i = 0; i < n_segments; i++)
    {
      const ParcoursPathSegment *s = &segments[i];
      guint n_points = 0;

      switch (s->op)
        {
        case PARCOURS_PATH_MOVE_TO:
          g_string_append_c (svg, 'M');
          n_points = 1;
          break;
        case PARCOURS_PATH_LINE_TO:
          g_string_append_c (svg, 'L');
          n_points = 1;
          break;
        case PARCOURS_PATH_CURVE_TO:
          g_string_append_c (svg, 'C');
          n_points = 3;
          break;
        case PARCOURS_PATH_CLOSE:
          g_string_append_c (svg, 'Z');
          break;
        default:
          g_assert_not_reached ();
        }

      for (guint p = 0; p < n_points; p++)
        {
          if (p > 0)
            g_string_append_c (svg, ' ');
          append_number (svg, s->x[p]);
          g_string_append_c (svg, ',');
          append_number (svg, s->y[p]);
        }
    }
}

static void
write_path (GString                 *svg,
            const ParcoursPrimitive *primitive,
            gboolean                 styled)
{
  append (svg, "<path d=\"");
  append_path_data (svg, primitive->segments, primitive->n_segments);
  g_string_append_c (svg, '"');
  if (styled)
    append_style (svg, primitive);
  append (svg, "/>\n");
}

static void
write_text (GString                 *svg,
            const ParcoursPrimitive *primitive,
            gboolean                 styled)
{
  const ParcoursTextBlock *block = primitive->text;

  if (block->words->len == 0)
    return;

  append (svg, "<text");
  if (styled)
    append_style (svg, primitive);
  append (svg, " xml:space=\"preserve\">");

  /* One <tspan> per line, broken exactly where the layout broke it. */
  for (guint l = 0; l < block->lines->len; l++)
    {
      const ParcoursTextLine *line = &g_array_index (block->lines, ParcoursTextLine, l);

      if (line->n_words == 0)
        continue;

      append (svg, "<tspan");
      append_attr_number (svg, " x=\"", primitive->bounds.x + g_array_index (block->words, ParcoursPlacedWord, line->first_word).x);
      append_attr_number (svg, " y=\"", primitive->bounds.y + line->baseline);
      g_string_append_c (svg, '>');
      append_escaped (svg, line->text, -1);
      append (svg, "</tspan>");
    }

  append (svg, "</text>\n");
}

/* Icons (channels, key moments, emotion faces) are written once each as a
 * <symbol> and placed with <use>, in the colour of the use: thousands of
 * cards do not repeat their curves, and an editor sees one icon. */
static void
write_icon_use (GString                 *svg,
                GHashTable              *symbols,
                const ParcoursPrimitive *icon,
                gboolean                 styled)
{
  g_hash_table_add (symbols, (gpointer) icon->icon_name);

  append (svg, "<use xlink:href=\"#");
  append (svg, icon->icon_name);
  g_string_append_c (svg, '"');
  append_attr_number (svg, " x=\"", icon->bounds.x);
  append_attr_number (svg, " y=\"", icon->bounds.y);
  append_attr_number (svg, " width=\"", icon->bounds.width);
  append_attr_number (svg, " height=\"", icon->bounds.height);
  if (styled)
    append_style (svg, icon);
  append (svg, "/>\n");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
write_symbols (GString    *svg,
               GHashTable *symbols)
{
  g_autofree const char **names = NULL;
  guint n_names;

  if (g_hash_table_size (symbols) == 0)
    return;

  /* Sorted, so the same map always gives the same file. */
  names = (const char **) g_hash_table_get_keys_as_array (symbols, &n_names);
  qsort (names, n_names, sizeof *names, compare_strings);

  append (svg, "<defs>\n");
  for (guint i = 0; i < n_names; i++)
    {
      GPtrArray *shapes = parcours_icons_get_shapes (names[i]);

      g_string_append_printf (svg, "<symbol id=\"%s\" viewBox=\"0 0 16 16\">", names[i]);
      for (guint s = 0; s < shapes->len; s++)
        {
          ParcoursIconShape *shape = g_ptr_array_index (shapes, s);

          append (svg, "<path d=\"");
          append_path_data (svg, (ParcoursPathSegment *) (gpointer) shape->segments->data, shape->segments->len);
          g_string_append_c (svg, '"');
          if (shape->even_odd)
            append (svg, " fill-rule=\"evenodd\"");
          append (svg, "/>");
        }
      append (svg, "</symbol>\n");
    }
  append (svg, "</defs>\n");
}

/**
 * parcours_svg_write:
 * @list: a display list
 * @title: (nullable): the document's title, for the <title> element
 * @transparent: leave the background out
 *
 * Returns: (transfer full): the SVG document, UTF-8
 */
GBytes *
parcours_svg_write (ParcoursDisplayList *list,
                    const char          *title,
                    gboolean             transparent)
{
  GString *svg = g_string_sized_new (256 * 1024);
  double width = parcours_display_list_get_width (list);
  double height = parcours_display_list_get_height (list);
  guint n = parcours_display_list_get_n_items (list);
  g_autoptr(GHashTable) symbols = g_hash_table_new (g_str_hash, g_str_equal);
  const ParcoursPrimitive *group = NULL;

  append (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  append (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"");
  append_attr_number (svg, " width=\"", width);
  append_attr_number (svg, " height=\"", height);
  append (svg, " viewBox=\"0 0 ");
  append_number (svg, width);
  g_string_append_c (svg, ' ');
  append_number (svg, height);
  append (svg, "\">\n");

  if (title != NULL && title[0] != '\0')
    {
      g_autofree char *drawable = parcours_drawable_text (title, -1, PARCOURS_DRAWABLE_TEXT_SINGLE_LINE);

      append (svg, "<title>");
      append_escaped (svg, drawable, -1);
      append (svg, "</title>\n");
    }

  if (!transparent)
    {
      ParcoursRgba background = parcours_display_list_get_background (list);

      append (svg, "<rect width=\"100%\" height=\"100%\"");
      append_color (svg, "fill", &background);
      append (svg, "/>\n");
    }

  /* Runs of elements that look alike (a layer of card boxes, of texts,
   * of faces of one colour) share their paint in a <g>. */
  for (guint i = 0; i < n; i++)
    {
      const ParcoursPrimitive *primitive = parcours_display_list_get_item (list, i);

      if (group != NULL && !same_style (group, primitive))
        {
          append (svg, "</g>\n");
          group = NULL;
        }
      if (group == NULL && i + 1 < n && same_style (primitive, parcours_display_list_get_item (list, i + 1)))
        {
          group = primitive;
          append (svg, "<g");
          append_style (svg, primitive);
          append (svg, ">\n");
        }

      switch (primitive->kind)
        {
        case PARCOURS_PRIMITIVE_RECT:
          write_rect (svg, primitive, group == NULL);
          break;
        case PARCOURS_PRIMITIVE_PATH:
          write_path (svg, primitive, group == NULL);
          break;
        case PARCOURS_PRIMITIVE_TEXT:
          write_text (svg, primitive, group == NULL);
          break;
        case PARCOURS_PRIMITIVE_ICON:
          write_icon_use (svg, symbols, primitive, group == NULL);
          break;
        case PARCOURS_PRIMITIVE_IMAGE:
          write_image (svg, primitive, i);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (group != NULL)
    append (svg, "</g>\n");

  write_symbols (svg, symbols);
  append (svg, "</svg>\n");

  return g_string_free_to_bytes (svg);
}
