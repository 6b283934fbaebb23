/* parcours-element.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PARCOURS_TYPE_ELEMENT (parcours_element_get_type())

G_DECLARE_DERIVABLE_TYPE (ParcoursElement, parcours_element, PARCOURS, ELEMENT, GObject)

/* The base of everything a document holds in its lists: personas, stages,
 * lanes, cards and emotion points. It carries the stable id that the file
 * format, the history and (later) merges use to name an element. */
struct _ParcoursElementClass
{
  GObjectClass parent_class;

  /* Prefix of generated ids ("card", "stage", …). */
  const char *id_prefix;
};

const char *parcours_element_get_id            (ParcoursElement *self);
const char *parcours_element_get_unknown_json  (ParcoursElement *self);
void        parcours_element_set_unknown_json  (ParcoursElement *self,
                                                const char      *json);
char       *parcours_element_generate_id       (GType            element_type);

G_END_DECLS
