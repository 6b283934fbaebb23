/* parcours-element-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-element.h"
#include "parcours-types.h"

G_BEGIN_DECLS

/* The document an element is in, set and cleared by the document only:
 * it is not a reference. */
ParcoursDocument *_parcours_element_get_document (ParcoursElement  *self);
void              _parcours_element_set_document (ParcoursElement  *self,
                                                  ParcoursDocument *document);

/* What every setter of an element calls when a property changed: its
 * document is told first, as a handler it connected on the element
 * would be, then ::notify is emitted. */
void              _parcours_element_notify       (ParcoursElement  *self,
                                                  GParamSpec       *pspec);

G_END_DECLS
