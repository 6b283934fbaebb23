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

static void
check_stages (Checker          *checker,
              ParcoursDocument *document)
{
  GListModel *stages = parcours_document_get_stages (document);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);

      check_text (checker, parcours_stage_get_name (stage), "stages[%u].name", i);
      check_text (checker, parcours_stage_get_description (stage), "stages[%u].description", i);
    }
}

static void
check_lanes (Checker          *checker,
             ParcoursDocument *document)
{
  GListModel *lanes = parcours_document_get_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);

      check_text (checker, parcours_lane_get_name (lane), "lanes[%u].name", i);
    }
}

static void
check_personas (Checker          *checker,
                ParcoursDocument *document)
{
  GListModel *personas = parcours_document_get_personas (document);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(ParcoursPersona) persona = g_list_model_get_item (personas, i);

      check_text (checker, parcours_persona_get_name (persona), "personas[%u].name", i);
      check_text (checker, parcours_persona_get_role (persona), "personas[%u].role", i);
      check_list (checker, parcours_persona_get_goals (persona), "personas", i, "goals");
      check_list (checker, parcours_persona_get_needs (persona), "personas", i, "needs");
      check_list (checker, parcours_persona_get_frustrations (persona), "personas", i, "frustrations");
    }
}

static void
check_cards (Checker          *checker,
             ParcoursDocument *document)
{
  GListModel *cards = parcours_document_get_cards (document);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

      check_text (checker, parcours_card_get_text (card), "cards[%u].text", i);
      check_text (checker, parcours_card_get_details (card), "cards[%u].details", i);
      check_text (checker, parcours_card_get_kpi (card), "cards[%u].kpi", i);
    }
}

static void
check_emotion_points (Checker          *checker,
                      ParcoursDocument *document)
{
  GListModel *points = parcours_document_get_emotion_points (document);

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (points, i);

      check_text (checker, parcours_emotion_point_get_label (point), "emotion-points[%u].label", i);
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
  check_stages (&checker, document);
  check_lanes (&checker, document);
  check_personas (&checker, document);
  check_cards (&checker, document);
  check_emotion_points (&checker, document);

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
