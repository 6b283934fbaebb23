/* parcours-persona.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-color.h"
#include "parcours-element-private.h"
#include "parcours-persona.h"
#include "parcours-utils.h"

/* The person whose journey the map tells: a name, a role, what they want
 * and what gets in their way, and optionally a photo. */
struct _ParcoursPersona
{
  ParcoursElement parent_instance;

  char *name;
  char *role;
  char **goals;
  char **needs;
  char **frustrations;
  char *color;
  GBytes *photo;
};

G_DEFINE_FINAL_TYPE (ParcoursPersona, parcours_persona, PARCOURS_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_GOALS,
  PROP_NEEDS,
  PROP_FRUSTRATIONS,
  PROP_COLOR,
  PROP_PHOTO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint8 png_signature[] = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
static const guint8 jpeg_signature[] = { 0xFF, 0xD8, 0xFF };

static void
parcours_persona_finalize (GObject *object)
{
  ParcoursPersona *self = (ParcoursPersona *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->goals, g_strfreev);
  g_clear_pointer (&self->needs, g_strfreev);
  g_clear_pointer (&self->frustrations, g_strfreev);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);

  G_OBJECT_CLASS (parcours_persona_parent_class)->finalize (object);
}

static void
parcours_persona_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParcoursPersona *self = PARCOURS_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_GOALS:
      g_value_set_boxed (value, self->goals);
      break;

    case PROP_NEEDS:
      g_value_set_boxed (value, self->needs);
      break;

    case PROP_FRUSTRATIONS:
      g_value_set_boxed (value, self->frustrations);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_persona_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ParcoursPersona *self = PARCOURS_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      parcours_persona_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      parcours_persona_set_role (self, g_value_get_string (value));
      break;

    case PROP_GOALS:
      parcours_persona_set_goals (self, g_value_get_boxed (value));
      break;

    case PROP_NEEDS:
      parcours_persona_set_needs (self, g_value_get_boxed (value));
      break;

    case PROP_FRUSTRATIONS:
      parcours_persona_set_frustrations (self, g_value_get_boxed (value));
      break;

    case PROP_COLOR:
      parcours_persona_set_color (self, g_value_get_string (value));
      break;

    case PROP_PHOTO:
      parcours_persona_set_photo (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_persona_class_init (ParcoursPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ParcoursElementClass *element_class = PARCOURS_ELEMENT_CLASS (klass);

  object_class->finalize = parcours_persona_finalize;
  object_class->get_property = parcours_persona_get_property;
  object_class->set_property = parcours_persona_set_property;

  element_class->id_prefix = "persona";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursPersona:role:
   *
   * A short description of who the persona is ("First-time buyer, 34").
   */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursPersona:goals:
   *
   * What the persona wants to achieve, one item per string, or %NULL
   * when there is none.
   */
  properties[PROP_GOALS] =
    g_param_spec_boxed ("goals", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursPersona:needs:
   *
   * What the persona needs along the journey, one item per string, or
   * %NULL when there is none.
   */
  properties[PROP_NEEDS] =
    g_param_spec_boxed ("needs", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursPersona:frustrations:
   *
   * What annoys or blocks the persona, one item per string, or %NULL
   * when there is none.
   */
  properties[PROP_FRUSTRATIONS] =
    g_param_spec_boxed ("frustrations", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursPersona:color:
   *
   * The persona's colour as `#rrggbb` (used for its emotion curve and
   * avatar), or %NULL for the theme's default.
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursPersona:photo:
   *
   * The encoded PNG or JPEG image of the persona, at most
   * %PARCOURS_PERSONA_MAX_PHOTO_SIZE bytes, or %NULL for none.
   */
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
parcours_persona_init (ParcoursPersona *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
}

ParcoursPersona *
parcours_persona_new (const char *id,
                      const char *name)
{
  return g_object_new (PARCOURS_TYPE_PERSONA,
                       "id", id,
                       "name", name ? name : "",
                       NULL);
}

const char *
parcours_persona_get_name (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return self->name;
}

void
parcours_persona_set_name (ParcoursPersona *self,
                           const char      *name)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));

  if (parcours_set_str (&self->name, name ? name : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_NAME]);
}

const char *
parcours_persona_get_role (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return self->role;
}

void
parcours_persona_set_role (ParcoursPersona *self,
                           const char      *role)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));

  if (parcours_set_str (&self->role, role ? role : ""))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_ROLE]);
}

const char * const *
parcours_persona_get_goals (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return (const char * const *) self->goals;
}

void
parcours_persona_set_goals (ParcoursPersona    *self,
                            const char * const *goals)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));

  if (parcours_set_strv (&self->goals, goals))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_GOALS]);
}

const char * const *
parcours_persona_get_needs (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return (const char * const *) self->needs;
}

void
parcours_persona_set_needs (ParcoursPersona    *self,
                            const char * const *needs)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));

  if (parcours_set_strv (&self->needs, needs))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_NEEDS]);
}

const char * const *
parcours_persona_get_frustrations (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return (const char * const *) self->frustrations;
}

void
parcours_persona_set_frustrations (ParcoursPersona    *self,
                                   const char * const *frustrations)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));

  if (parcours_set_strv (&self->frustrations, frustrations))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_FRUSTRATIONS]);
}

const char *
parcours_persona_get_color (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return self->color;
}

void
parcours_persona_set_color (ParcoursPersona *self,
                            const char      *color)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));
  g_return_if_fail (color == NULL || parcours_color_is_valid (color));

  if (parcours_set_str (&self->color, color))
    _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_COLOR]);
}

/**
 * parcours_persona_get_photo:
 * @self: a #ParcoursPersona
 *
 * Returns: (transfer none) (nullable): the encoded photo, or %NULL
 */
GBytes *
parcours_persona_get_photo (ParcoursPersona *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  return self->photo;
}

/**
 * parcours_persona_set_photo:
 * @self: a #ParcoursPersona
 * @photo: (nullable): a PNG or JPEG image, see
 *   parcours_persona_photo_is_supported()
 *
 * Sets the persona's photo; @self keeps a reference on @photo.
 */
void
parcours_persona_set_photo (ParcoursPersona *self,
                            GBytes          *photo)
{
  g_return_if_fail (PARCOURS_IS_PERSONA (self));
  g_return_if_fail (photo == NULL || parcours_persona_photo_is_supported (photo, NULL));

  if (self->photo == photo)
    return;
  if (self->photo != NULL && photo != NULL && g_bytes_equal (self->photo, photo))
    return;

  g_clear_pointer (&self->photo, g_bytes_unref);
  if (photo != NULL)
    self->photo = g_bytes_ref (photo);

  _parcours_element_notify (PARCOURS_ELEMENT (self), properties[PROP_PHOTO]);
}

/**
 * parcours_persona_get_photo_mime_type:
 * @self: a #ParcoursPersona
 *
 * Returns: (nullable): "image/png" or "image/jpeg", or %NULL when the
 *   persona has no photo
 */
const char *
parcours_persona_get_photo_mime_type (ParcoursPersona *self)
{
  const char *mime_type = NULL;

  g_return_val_if_fail (PARCOURS_IS_PERSONA (self), NULL);

  if (self->photo == NULL ||
      !parcours_persona_photo_is_supported (self->photo, &mime_type))
    return NULL;

  return mime_type;
}

static gboolean
dimensions_allowed (guint32 width,
                    guint32 height)
{
  return width > 0 && height > 0 &&
         width <= PARCOURS_PERSONA_MAX_PHOTO_SIDE &&
         height <= PARCOURS_PERSONA_MAX_PHOTO_SIDE &&
         (guint64) width * height <= PARCOURS_PERSONA_MAX_PHOTO_PIXELS;
}

/* The size a PNG announces in its IHDR chunk, where it has one. */
static gboolean
png_dimensions_allowed (const guint8 *data,
                        gsize         size)
{
  if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return TRUE;

  return dimensions_allowed ((guint32) data[16] << 24 | data[17] << 16 | data[18] << 8 | data[19],
                             (guint32) data[20] << 24 | data[21] << 16 | data[22] << 8 | data[23]);
}

/* The size a JPEG announces in its first start-of-frame marker, where it
 * has one. Markers are walked by their lengths, never past the end. */
static gboolean
jpeg_dimensions_allowed (const guint8 *data,
                         gsize         size)
{
  gsize pos = 2;

  while (pos + 4 <= size && data[pos] == 0xff)
    {
      guint8 marker = data[pos + 1];
      gsize length = (gsize) data[pos + 2] << 8 | data[pos + 3];

      if (marker == 0xff)
        {
          pos++;
          continue;
        }

      /* SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (pos + 9 > size)
            return TRUE;
          return dimensions_allowed ((guint32) data[pos + 7] << 8 | data[pos + 8],
                                     (guint32) data[pos + 5] << 8 | data[pos + 6]);
        }

      if (marker == 0xd9 || marker == 0xda || length < 2)
        break;
      pos += 2 + length;
    }

  return TRUE;
}

/**
 * parcours_persona_photo_is_supported:
 * @bytes: (nullable): an encoded image
 * @mime_type: (out) (optional) (transfer none): the image's MIME type,
 *   or %NULL when it is not supported
 *
 * Tells whether @bytes can be a persona's photo: a non-empty PNG or
 * JPEG image of at most %PARCOURS_PERSONA_MAX_PHOTO_SIZE bytes that does
 * not announce more than %PARCOURS_PERSONA_MAX_PHOTO_SIDE pixels a side or
 * %PARCOURS_PERSONA_MAX_PHOTO_PIXELS in all. The signature and announced
 * size are checked, not that the image decodes.
 *
 * Returns: %TRUE if @bytes is supported
 */
gboolean
parcours_persona_photo_is_supported (GBytes      *bytes,
                                     const char **mime_type)
{
  const guint8 *data;
  gsize size;

  if (mime_type != NULL)
    *mime_type = NULL;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0 || size > PARCOURS_PERSONA_MAX_PHOTO_SIZE)
    return FALSE;

  if (size >= sizeof png_signature &&
      memcmp (data, png_signature, sizeof png_signature) == 0)
    {
      if (!png_dimensions_allowed (data, size))
        return FALSE;
      if (mime_type != NULL)
        *mime_type = "image/png";
      return TRUE;
    }

  if (size >= sizeof jpeg_signature &&
      memcmp (data, jpeg_signature, sizeof jpeg_signature) == 0)
    {
      if (!jpeg_dimensions_allowed (data, size))
        return FALSE;
      if (mime_type != NULL)
        *mime_type = "image/jpeg";
      return TRUE;
    }

  return FALSE;
}
