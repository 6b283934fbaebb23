/* parcours-templates.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-format.h"
#include "parcours-templates.h"
#include "parcours-templates-resources.h"

/* Templates are written in English. Their texts are extracted into
 * data/templates/template-strings.h by build-aux/template-strings (the
 * `template-strings` test checks it is up to date), translated in po/
 * like any other string, and translated here when a template is loaded:
 * a template opened in French is a French map. */

#define TEMPLATE_CONTEXT "journey map template"
#define TEMPLATE_PATH    "/io/github/parcours/Parcours/templates/"

/* In the order the gallery shows them. */
static const char * const template_ids[] = {
  "current-state",
  "future-state",
  "day-in-the-life",
  "online-purchase",
  "relationship-lifecycle",
  "service-blueprint",
  "classroom-lunch",
  NULL
};

static const char *
translate (const char *text)
{
  /* gettext ("") would answer the catalogue's header. */
  if (text == NULL || text[0] == '\0')
    return text;

  return g_dpgettext2 (GETTEXT_PACKAGE, TEMPLATE_CONTEXT, text);
}

static char **
translate_list (const char * const *texts)
{
  guint n = texts != NULL ? g_strv_length ((char **) texts) : 0;
  char **translated = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    translated[i] = g_strdup (translate (texts[i]));

  return translated;
}

/* Each setter copies its argument before freeing the old value, so the
 * translation (or the same pointer, untranslated) can be passed back. */
#define TRANSLATE_TEXT(object, type, member) \
  parcours_##type##_set_##member (object, translate (parcours_##type##_get_##member (object)))

#define TRANSLATE_LIST(object, type, member) G_STMT_START { \
    g_auto(GStrv) list = translate_list (parcours_##type##_get_##member (object)); \
    parcours_##type##_set_##member (object, (const char * const *) list); \
  } G_STMT_END

static void
translate_document (ParcoursDocument *document)
{
  GListModel *model;

  TRANSLATE_TEXT (document, document, title);
  TRANSLATE_TEXT (document, document, description);
  TRANSLATE_LIST (document, document, goals);

  model = parcours_document_get_personas (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursPersona) persona = g_list_model_get_item (model, i);

      TRANSLATE_TEXT (persona, persona, name);
      TRANSLATE_TEXT (persona, persona, role);
      TRANSLATE_LIST (persona, persona, goals);
      TRANSLATE_LIST (persona, persona, needs);
      TRANSLATE_LIST (persona, persona, frustrations);
    }

  model = parcours_document_get_stages (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (model, i);

      TRANSLATE_TEXT (stage, stage, name);
      TRANSLATE_TEXT (stage, stage, description);
    }

  model = parcours_document_get_lanes (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (model, i);

      TRANSLATE_TEXT (lane, lane, name);
    }

  model = parcours_document_get_cards (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (model, i);

      TRANSLATE_TEXT (card, card, text);
      TRANSLATE_TEXT (card, card, details);
      TRANSLATE_TEXT (card, card, kpi);
    }

  model = parcours_document_get_emotion_points (document);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParcoursEmotionPoint) point = g_list_model_get_item (model, i);

      TRANSLATE_TEXT (point, emotion_point, label);
    }
}

const char * const *
parcours_templates_get_ids (void)
{
  return template_ids;
}

gboolean
parcours_template_exists (const char *id)
{
  return id != NULL && g_strv_contains (template_ids, id);
}

/**
 * parcours_template_load:
 * @id: one of parcours_templates_get_ids()
 * @error: return location for an error
 *
 * Reads the template @id, in the language of the user interface.
 *
 * Returns: (transfer full): a new document, or %NULL with @error set
 */
ParcoursDocument *
parcours_template_load (const char  *id,
                        GError     **error)
{
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parcours_template_exists (id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("there is no template called “%s”"), id);
      return NULL;
    }

  /* Referencing the resource keeps its object file in the link. */
  (void) parcours_templates_get_resource ();

  path = g_strconcat (TEMPLATE_PATH, id, ".parcours", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  document = parcours_format_load_bytes (bytes, error);
  if (document == NULL)
    return NULL;

  translate_document (document);

  return g_steal_pointer (&document);
}
