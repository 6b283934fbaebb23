/* parcours-default-map.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-default-map.h"
#include "parcours-document-private.h"

/* What New gives: the grid most journey maps start from, in the user's
 * language, ready to fill in. The emotion curve starts flat, one neutral
 * face per stage, to be dragged up and down. */

static void
add (ParcoursDocument *document,
     gpointer          element)
{
  g_autoptr(GError) error = NULL;

  if (!_parcours_document_insert (document, PARCOURS_ELEMENT (element), G_MAXUINT, &error))
    g_critical ("Default map: %s", error->message);
  g_object_unref (element);
}

ParcoursDocument *
parcours_default_map_new (void)
{
  static const ParcoursLaneKind lanes[] = {
    PARCOURS_LANE_KIND_TOUCHPOINTS,
    PARCOURS_LANE_KIND_ACTIONS,
    PARCOURS_LANE_KIND_THOUGHTS,
    PARCOURS_LANE_KIND_EMOTIONS,
    PARCOURS_LANE_KIND_PAIN_POINTS,
    PARCOURS_LANE_KIND_OPPORTUNITIES,
  };
  /* Translators: the stages of a new journey map */
  static const char *stages[PARCOURS_DEFAULT_MAP_N_STAGES] = {
    N_("Awareness"), N_("Consideration"), N_("Purchase"), N_("Use"), N_("Loyalty"),
  };
  ParcoursDocument *document = parcours_document_new ();
  g_autofree char *persona_id = parcours_document_make_id (document, PARCOURS_TYPE_PERSONA);
  g_autofree char *emotions_id = NULL;
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new_with_free_func (g_free);
  ParcoursPersona *persona;

  persona = parcours_persona_new (persona_id, _("Customer"));
  add (document, persona);

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      char *id = parcours_document_make_id (document, PARCOURS_TYPE_STAGE);

      add (document, parcours_stage_new (id, _(stages[i])));
      g_ptr_array_add (stage_ids, id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autofree char *id = parcours_document_make_id (document, PARCOURS_TYPE_LANE);
      ParcoursLane *lane = parcours_lane_new (id, lanes[i], parcours_lane_kind_get_label (lanes[i]));

      if (lanes[i] == PARCOURS_LANE_KIND_EMOTIONS)
        {
          parcours_lane_set_persona_id (lane, persona_id);
          emotions_id = g_strdup (id);
        }
      add (document, lane);
    }

  for (guint i = 0; i < stage_ids->len; i++)
    {
      g_autofree char *id = parcours_document_make_id (document, PARCOURS_TYPE_EMOTION_POINT);

      add (document, parcours_emotion_point_new (id, emotions_id,
                                                 g_ptr_array_index (stage_ids, i),
                                                 0.5, 0.0));
    }

  return document;
}
