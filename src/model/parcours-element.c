/* parcours-element.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-document-private.h"
#include "parcours-element-private.h"

typedef struct
{
  char *id;
  /* Members a newer Parcours wrote that this one does not know, kept as
   * the text of a JSON object so they survive load → save untouched. */
  char *unknown_json;
  /* Not a reference: the document holds the element, and clears this
   * when it lets it go. A pointer rather than a handler on ::notify,
   * which cost each of thousands of elements a closure. */
  ParcoursDocument *document;
} ParcoursElementPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ParcoursElement, parcours_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parcours_element_constructed (GObject *object)
{
  ParcoursElement *self = PARCOURS_ELEMENT (object);
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  G_OBJECT_CLASS (parcours_element_parent_class)->constructed (object);

  if (priv->id == NULL || priv->id[0] == '\0')
    {
      g_free (priv->id);
      priv->id = parcours_element_generate_id (G_OBJECT_TYPE (object));
    }
}

static void
parcours_element_finalize (GObject *object)
{
  ParcoursElement *self = PARCOURS_ELEMENT (object);
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->unknown_json, g_free);

  G_OBJECT_CLASS (parcours_element_parent_class)->finalize (object);
}

static void
parcours_element_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParcoursElement *self = PARCOURS_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, parcours_element_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_element_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ParcoursElement *self = PARCOURS_ELEMENT (object);
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_element_class_init (ParcoursElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = parcours_element_constructed;
  object_class->finalize = parcours_element_finalize;
  object_class->get_property = parcours_element_get_property;
  object_class->set_property = parcours_element_set_property;

  klass->id_prefix = "element";

  /**
   * ParcoursElement:id:
   *
   * The stable id, unique in its document. A new element without one
   * gets a random id so that two people adding elements to copies of a
   * map do not collide when their work is merged.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_element_init (ParcoursElement *self)
{
}

const char *
parcours_element_get_id (ParcoursElement *self)
{
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (self), NULL);

  return priv->id;
}

const char *
parcours_element_get_unknown_json (ParcoursElement *self)
{
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (self), NULL);

  return priv->unknown_json;
}

void
parcours_element_set_unknown_json (ParcoursElement *self,
                                   const char      *json)
{
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  g_return_if_fail (PARCOURS_IS_ELEMENT (self));

  g_free (priv->unknown_json);
  priv->unknown_json = g_strdup (json);
}

ParcoursDocument *
_parcours_element_get_document (ParcoursElement *self)
{
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  g_return_val_if_fail (PARCOURS_IS_ELEMENT (self), NULL);

  return priv->document;
}

void
_parcours_element_set_document (ParcoursElement  *self,
                                ParcoursDocument *document)
{
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  g_return_if_fail (PARCOURS_IS_ELEMENT (self));

  priv->document = document;
}

void
_parcours_element_notify (ParcoursElement *self,
                          GParamSpec      *pspec)
{
  ParcoursElementPrivate *priv = parcours_element_get_instance_private (self);

  if (priv->document != NULL)
    _parcours_document_element_changed (priv->document, self, pspec);

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * parcours_element_generate_id:
 * @element_type: a #ParcoursElement subtype
 *
 * Makes a new random id such as `card-5f1c09ab`. Uniqueness inside one
 * document is checked when the element is inserted.
 *
 * Returns: (transfer full): the id
 */
char *
parcours_element_generate_id (GType element_type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (element_type);

  return g_strdup_printf ("%s-%08x",
                          PARCOURS_ELEMENT_CLASS (klass)->id_prefix,
                          g_random_int ());
}
