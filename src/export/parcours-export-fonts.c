/* parcours-export-fonts.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-export.h"
#include "parcours-font-coverage.h"

/* PDF, PNG and print draw glyphs: a character no installed font has is
 * left blank there (SVG keeps it as text, for its viewer's fonts). Each
 * drawn field that holds such characters gets a warning naming it, the
 * way the native format names a member, so the user knows what is
 * missing and where before handing the file out. */

/* Beyond this many fields, one line says how many more there are. */
#define MAX_FIELDS_NAMED 10
#define MAX_CHARS_SHOWN 8

typedef struct
{
  GPtrArray *warnings;
  guint n_fields;
} Checker;

static char *
format_code_points (const char *chars)
{
  GString *out = g_string_new (NULL);

  for (const char *p = chars; *p; p = g_utf8_next_char (p))
    g_string_append_printf (out, "%sU+%04X", out->len > 0 ? " " : "", g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* The path is formatted only for a field with missing characters: most
 * fields of most maps have none. */
static void G_GNUC_PRINTF (3, 4)
check_text (Checker    *checker,
            const char *text,
            const char *path_format,
            ...)
{
  g_autofree char *missing = NULL;
  g_autofree char *code_points = NULL;
  g_autofree char *path = NULL;
  guint n_missing;
  va_list args;

  missing = parcours_font_coverage_missing (text, MAX_CHARS_SHOWN, &n_missing);
  if (missing == NULL)
    return;

  if (++checker->n_fields > MAX_FIELDS_NAMED)
    return;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  code_points = format_code_points (missing);
  g_ptr_array_add (checker->warnings,
                   /* Translators: the first %s is where the text is, e.g.
                    * "cards[3].text"; then the characters and their code
                    * points, e.g. "中文" and "U+4E2D U+6587" */
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: no installed font can draw “%s” (%s%s): it is left blank; "
                                                 "install a font that has it, such as one of the Noto fonts",
                                                 "%s: no installed font can draw “%s” (%s%s): they are left blank; "
                                                 "install a font that has them, such as one of the Noto fonts",
                                                 n_missing),
                                    path, missing, code_points,
                                    n_missing > MAX_CHARS_SHOWN ? " …" : ""));
}

static void
check_list (Checker            *checker,
            const char * const *items,
            const char         *owner,
            guint               index,
            const char         *member)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (owner != NULL)
        check_text (checker, items[i], "%s[%u].%s[%u]", owner, index, member, i);
      else
        check_text (checker, items[i], "%s[%u]", member, i);
    }
}

typedef const char *         (*TextGetter) (gpointer item);
typedef const char * const * (*ListGetter) (gpointer item);

/* The drawn fields of the elements of one collection, each named as the
 * native format names its member: texts, and lists of texts. */
typedef struct
{
  ParcoursCollection collection;
  const char *name;
  struct { const char *member; TextGetter get; } texts[3];
  struct { const char *member; ListGetter get; } lists[3];
} DrawnFields;

static const DrawnFields drawn_fields[] = {
  { PARCOURS_COLLECTION_STAGES, "stages",
    { { "name", (TextGetter) parcours_stage_get_name },
      { "description", (TextGetter) parcours_stage_get_description } } },
  { PARCOURS_COLLECTION_LANES, "lanes",
    { { "name", (TextGetter) parcours_lane_get_name } } },
  { PARCOURS_COLLECTION_PERSONAS, "personas",
    { { "name", (TextGetter) parcours_persona_get_name },
      { "role", (TextGetter) parcours_persona_get_role } },
    { { "goals", (ListGetter) parcours_persona_get_goals },
      { "needs", (ListGetter) parcours_persona_get_needs },
      { "frustrations", (ListGetter) parcours_persona_get_frustrations } } },
  { PARCOURS_COLLECTION_CARDS, "cards",
    { { "text", (TextGetter) parcours_card_get_text },
      { "details", (TextGetter) parcours_card_get_details },
      { "kpi", (TextGetter) parcours_card_get_kpi } } },
  { PARCOURS_COLLECTION_EMOTION_POINTS, "emotion-points",
    { { "label", (TextGetter) parcours_emotion_point_get_label } } },
};

static void
check_collection (Checker           *checker,
                  ParcoursDocument  *document,
                  const DrawnFields *fields)
{
  GListModel *items = parcours_document_get_collection (document, fields->collection);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      for (guint f = 0; f < G_N_ELEMENTS (fields->texts) && fields->texts[f].member != NULL; f++)
        check_text (checker, fields->texts[f].get (item), "%s[%u].%s",
                    fields->name, i, fields->texts[f].member);
      for (guint f = 0; f < G_N_ELEMENTS (fields->lists) && fields->lists[f].member != NULL; f++)
        check_list (checker, fields->lists[f].get (item), fields->name, i, fields->lists[f].member);
    }
}

/**
 * parcours_export_warn_missing_glyphs:
 * @document: the map
 * @warnings: (nullable): gets one line for each drawn field that holds
 *   characters no installed font can draw
 *
 * Checks what a PDF, PNG or printed page of @document would leave blank.
 */
void
parcours_export_warn_missing_glyphs (ParcoursDocument *document,
                                     GPtrArray        *warnings)
{
  Checker checker = { warnings, 0 };

  if (warnings == NULL)
    return;

  check_text (&checker, parcours_document_get_title (document), "title");
  check_text (&checker, parcours_document_get_description (document), "description");
  check_list (&checker, parcours_document_get_goals (document), NULL, 0, "goals");
  for (guint i = 0; i < G_N_ELEMENTS (drawn_fields); i++)
    check_collection (&checker, document, &drawn_fields[i]);

  if (checker.n_fields > MAX_FIELDS_NAMED)
    {
      guint more = checker.n_fields - MAX_FIELDS_NAMED;

      g_ptr_array_add (warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u more field holds characters no installed font can draw",
                                                     "%u more fields hold characters no installed font can draw",
                                                     more),
                                        more));
    }
}
