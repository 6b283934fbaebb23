/* parcours-document.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "parcours-document-private.h"
#include "parcours-element-list.h"
#include "parcours-element-private.h"
#include "parcours-enum-types.h"
#include "parcours-utils.h"

/* The journey map: the single source of truth every view observes.
 *
 * Elements live in five ordered lists; an index by id answers lookups.
 * Each element knows its document and tells it its changes, and the
 * document emits "changed" before the items-changed of its lists. The
 * order of the card list is also the order of cards inside each cell,
 * so moving a card inside its cell is a move in that list. */
struct _ParcoursDocument
{
  GObject parent_instance;

  char *title;
  char *description;
  char **goals;
  char *unknown_json;
  ParcoursMapKind kind;

  ParcoursElementList *collections[PARCOURS_N_COLLECTIONS];
  GHashTable *elements_by_id;
};

G_DEFINE_FINAL_TYPE (ParcoursDocument, parcours_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_KIND,
  PROP_GOALS,
  N_PROPS
};

enum {
  CHANGED,
  ELEMENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
collection_item_type (ParcoursCollection collection)
{
  switch (collection)
    {
    case PARCOURS_COLLECTION_PERSONAS:
      return PARCOURS_TYPE_PERSONA;
    case PARCOURS_COLLECTION_STAGES:
      return PARCOURS_TYPE_STAGE;
    case PARCOURS_COLLECTION_LANES:
      return PARCOURS_TYPE_LANE;
    case PARCOURS_COLLECTION_CARDS:
      return PARCOURS_TYPE_CARD;
    case PARCOURS_COLLECTION_EMOTION_POINTS:
      return PARCOURS_TYPE_EMOTION_POINT;
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/* "changed" first, as when the document had a handler on each list
 * connected before any view's. */
static void
collection_items_changed (ParcoursDocument   *self,
                          ParcoursCollection  collection,
                          guint               position,
                          guint               removed,
                          guint               added)
{
  g_signal_emit (self, signals[CHANGED], 0);
  g_list_model_items_changed (G_LIST_MODEL (self->collections[collection]),
                              position, removed, added);
}

static void
parcours_document_notify (GObject    *object,
                          GParamSpec *pspec)
{
  if (G_OBJECT_CLASS (parcours_document_parent_class)->notify)
    G_OBJECT_CLASS (parcours_document_parent_class)->notify (object, pspec);

  g_signal_emit (object, signals[CHANGED], 0);
}

static void
parcours_document_dispose (GObject *object)
{
  ParcoursDocument *self = (ParcoursDocument *)object;

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    {
      guint n;

      if (self->collections[c] == NULL)
        continue;

      /* A view may still hold an element, and change it. */
      n = _parcours_element_list_get_length (self->collections[c]);
      for (guint i = 0; i < n; i++)
        _parcours_element_set_document (_parcours_element_list_get (self->collections[c], i), NULL);
      g_clear_object (&self->collections[c]);
    }

  g_clear_pointer (&self->elements_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (parcours_document_parent_class)->dispose (object);
}

static void
parcours_document_finalize (GObject *object)
{
  ParcoursDocument *self = (ParcoursDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->goals, g_strfreev);
  g_clear_pointer (&self->unknown_json, g_free);

  G_OBJECT_CLASS (parcours_document_parent_class)->finalize (object);
}

static void
parcours_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ParcoursDocument *self = PARCOURS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_GOALS:
      g_value_set_boxed (value, self->goals);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_document_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ParcoursDocument *self = PARCOURS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      parcours_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      parcours_document_set_description (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      parcours_document_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_GOALS:
      parcours_document_set_goals (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_document_class_init (ParcoursDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = parcours_document_dispose;
  object_class->finalize = parcours_document_finalize;
  object_class->get_property = parcours_document_get_property;
  object_class->set_property = parcours_document_set_property;
  object_class->notify = parcours_document_notify;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PARCOURS_TYPE_MAP_KIND,
                       PARCOURS_MAP_KIND_CURRENT_STATE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * ParcoursDocument:goals:
   *
   * The objectives of the map: what the team wants to learn or change.
   */
  properties[PROP_GOALS] =
    g_param_spec_boxed ("goals", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParcoursDocument::changed:
   *
   * Emitted after any change to the document, its lists or any element:
   * the cue for views that redraw the whole map.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * ParcoursDocument::element-changed:
   * @element: the element
   * @pspec: the property that changed
   *
   * Emitted when a property of an element in the document changes.
   */
  signals[ELEMENT_CHANGED] =
    g_signal_new ("element-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PARCOURS_TYPE_ELEMENT, G_TYPE_PARAM);
}

static void
parcours_document_init (ParcoursDocument *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->kind = PARCOURS_MAP_KIND_CURRENT_STATE;
  self->elements_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    self->collections[c] = _parcours_element_list_new (collection_item_type (c));
}

ParcoursDocument *
parcours_document_new (void)
{
  return g_object_new (PARCOURS_TYPE_DOCUMENT, NULL);
}

const char *
parcours_document_get_title (ParcoursDocument *self)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
parcours_document_set_title (ParcoursDocument *self,
                             const char       *title)
{
  g_return_if_fail (PARCOURS_IS_DOCUMENT (self));

  if (parcours_set_str (&self->title, title ? title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
parcours_document_get_description (ParcoursDocument *self)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  return self->description;
}

void
parcours_document_set_description (ParcoursDocument *self,
                                   const char       *description)
{
  g_return_if_fail (PARCOURS_IS_DOCUMENT (self));

  if (parcours_set_str (&self->description, description ? description : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

ParcoursMapKind
parcours_document_get_kind (ParcoursDocument *self)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), PARCOURS_MAP_KIND_CURRENT_STATE);

  return self->kind;
}

void
parcours_document_set_kind (ParcoursDocument *self,
                            ParcoursMapKind   kind)
{
  g_return_if_fail (PARCOURS_IS_DOCUMENT (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char * const *
parcours_document_get_goals (ParcoursDocument *self)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  return (const char * const *) self->goals;
}

void
parcours_document_set_goals (ParcoursDocument   *self,
                             const char * const *goals)
{
  g_return_if_fail (PARCOURS_IS_DOCUMENT (self));

  if (parcours_set_strv (&self->goals, goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOALS]);
}

const char *
parcours_document_get_unknown_json (ParcoursDocument *self)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  return self->unknown_json;
}

void
parcours_document_set_unknown_json (ParcoursDocument *self,
                                    const char       *json)
{
  g_return_if_fail (PARCOURS_IS_DOCUMENT (self));

  g_free (self->unknown_json);
  self->unknown_json = g_strdup (json);
}

GListModel *
parcours_document_get_collection (ParcoursDocument   *self,
                                  ParcoursCollection  collection)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  return G_LIST_MODEL (self->collections[collection]);
}

GListModel *
parcours_document_get_personas (ParcoursDocument *self)
{
  return parcours_document_get_collection (self, PARCOURS_COLLECTION_PERSONAS);
}

GListModel *
parcours_document_get_stages (ParcoursDocument *self)
{
  return parcours_document_get_collection (self, PARCOURS_COLLECTION_STAGES);
}

GListModel *
parcours_document_get_lanes (ParcoursDocument *self)
{
  return parcours_document_get_collection (self, PARCOURS_COLLECTION_LANES);
}

GListModel *
parcours_document_get_cards (ParcoursDocument *self)
{
  return parcours_document_get_collection (self, PARCOURS_COLLECTION_CARDS);
}

GListModel *
parcours_document_get_emotion_points (ParcoursDocument *self)
{
  return parcours_document_get_collection (self, PARCOURS_COLLECTION_EMOTION_POINTS);
}

/**
 * parcours_document_lookup:
 * @self: a #ParcoursDocument
 * @id: an element id
 *
 * Returns: (transfer none) (nullable): the element with that id
 */
ParcoursElement *
parcours_document_lookup (ParcoursDocument *self,
                          const char       *id)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->elements_by_id, id);
}

static gpointer
lookup_typed (ParcoursDocument *self,
              const char       *id,
              GType             type)
{
  ParcoursElement *element = parcours_document_lookup (self, id);

  if (element != NULL && G_TYPE_CHECK_INSTANCE_TYPE (element, type))
    return element;

  return NULL;
}

ParcoursPersona *
parcours_document_lookup_persona (ParcoursDocument *self,
                                  const char       *id)
{
  return lookup_typed (self, id, PARCOURS_TYPE_PERSONA);
}

ParcoursStage *
parcours_document_lookup_stage (ParcoursDocument *self,
                                const char       *id)
{
  return lookup_typed (self, id, PARCOURS_TYPE_STAGE);
}

ParcoursLane *
parcours_document_lookup_lane (ParcoursDocument *self,
                               const char       *id)
{
  return lookup_typed (self, id, PARCOURS_TYPE_LANE);
}

ParcoursCard *
parcours_document_lookup_card (ParcoursDocument *self,
                               const char       *id)
{
  return lookup_typed (self, id, PARCOURS_TYPE_CARD);
}

/**
 * parcours_document_find_position:
 * @self: a #ParcoursDocument
 * @element: an element of @self
 * @position: (out): its position in its collection
 *
 * Returns: %TRUE if @element is in the document
 */
gboolean
parcours_document_find_position (ParcoursDocument *self,
                                 ParcoursElement  *element,
                                 guint            *position)
{
  ParcoursCollection collection;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), FALSE);

  if (g_hash_table_lookup (self->elements_by_id,
                           parcours_element_get_id (element)) != element)
    return FALSE;

  collection = parcours_collection_for_type (G_OBJECT_TYPE (element));
  return _parcours_element_list_find (self->collections[collection], element, position);
}

/**
 * parcours_document_get_cell_cards:
 * @self: a #ParcoursDocument
 * @lane_id: a lane id
 * @stage_id: a stage id
 *
 * Returns: (transfer container) (element-type ParcoursCard): the cards
 *   of the cell, in order
 */
GPtrArray *
parcours_document_get_cell_cards (ParcoursDocument *self,
                                  const char       *lane_id,
                                  const char       *stage_id)
{
  GListModel *cards;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  cards = G_LIST_MODEL (self->collections[PARCOURS_COLLECTION_CARDS]);
  n = g_list_model_get_n_items (cards);

  for (guint i = 0; i < n; i++)
    {
      ParcoursCard *card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (parcours_card_get_lane_id (card), lane_id) == 0 &&
          g_strcmp0 (parcours_card_get_stage_id (card), stage_id) == 0)
        g_ptr_array_add (result, card);
      else
        g_object_unref (card);
    }

  return result;
}

static gboolean
element_refers_to (ParcoursElement *element,
                   const char      *id)
{
  if (PARCOURS_IS_CARD (element))
    return g_strcmp0 (parcours_card_get_lane_id (PARCOURS_CARD (element)), id) == 0 ||
           g_strcmp0 (parcours_card_get_stage_id (PARCOURS_CARD (element)), id) == 0;

  if (PARCOURS_IS_EMOTION_POINT (element))
    {
      ParcoursEmotionPoint *point = PARCOURS_EMOTION_POINT (element);

      return g_strcmp0 (parcours_emotion_point_get_lane_id (point), id) == 0 ||
             g_strcmp0 (parcours_emotion_point_get_stage_id (point), id) == 0;
    }

  return FALSE;
}

/**
 * parcours_document_get_dependents:
 * @self: a #ParcoursDocument
 * @element: a stage or a lane
 *
 * The cards and emotion points that sit in @element and so go with it
 * when it is removed.
 *
 * Returns: (transfer container) (element-type ParcoursElement): cards
 *   first, then emotion points, each in document order
 */
GPtrArray *
parcours_document_get_dependents (ParcoursDocument *self,
                                  ParcoursElement  *element)
{
  static const ParcoursCollection dependent_collections[] = {
    PARCOURS_COLLECTION_CARDS,
    PARCOURS_COLLECTION_EMOTION_POINTS,
  };
  GPtrArray *result;
  const char *id;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);

  if (!PARCOURS_IS_STAGE (element) && !PARCOURS_IS_LANE (element))
    return result;

  id = parcours_element_get_id (element);

  for (guint c = 0; c < G_N_ELEMENTS (dependent_collections); c++)
    {
      GListModel *model = G_LIST_MODEL (self->collections[dependent_collections[c]]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          ParcoursElement *dependent = g_list_model_get_item (model, i);

          if (element_refers_to (dependent, id))
            g_ptr_array_add (result, dependent);
          else
            g_object_unref (dependent);
        }
    }

  return result;
}

/**
 * parcours_document_make_id:
 * @self: a #ParcoursDocument
 * @element_type: a #ParcoursElement subtype
 *
 * Returns: (transfer full): a fresh id no element of @self has
 */
char *
parcours_document_make_id (ParcoursDocument *self,
                           GType             element_type)
{
  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);

  for (;;)
    {
      g_autofree char *id = parcours_element_generate_id (element_type);

      if (!g_hash_table_contains (self->elements_by_id, id))
        return g_steal_pointer (&id);
    }
}

ParcoursCollection
parcours_collection_for_type (GType element_type)
{
  for (guint c = 0; c < PARCOURS_N_COLLECTIONS; c++)
    if (g_type_is_a (element_type, collection_item_type (c)))
      return c;

  g_return_val_if_reached (PARCOURS_COLLECTION_CARDS);
}

/**
 * parcours_collection_get_name:
 * @collection: a #ParcoursCollection
 *
 * Returns: the collection's member name in the file format
 */
const char *
parcours_collection_get_name (ParcoursCollection collection)
{
  static const char * const names[PARCOURS_N_COLLECTIONS] = {
    [PARCOURS_COLLECTION_PERSONAS] = "personas",
    [PARCOURS_COLLECTION_STAGES] = "stages",
    [PARCOURS_COLLECTION_LANES] = "lanes",
    [PARCOURS_COLLECTION_CARDS] = "cards",
    [PARCOURS_COLLECTION_EMOTION_POINTS] = "emotion-points",
  };

  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  return names[collection];
}

/* Adds @element to the index and to its list, without a signal;
 * %FALSE when another element has its id. */
static gboolean
add_element (ParcoursDocument   *self,
             ParcoursElement    *element,
             guint              *position,
             ParcoursCollection *collection)
{
  const char *id = parcours_element_get_id (element);

  if (g_hash_table_contains (self->elements_by_id, id))
    return FALSE;

  *collection = parcours_collection_for_type (G_OBJECT_TYPE (element));
  *position = MIN (*position, _parcours_element_list_get_length (self->collections[*collection]));

  g_hash_table_insert (self->elements_by_id, (gpointer) id, element);
  _parcours_element_set_document (element, self);
  _parcours_element_list_insert (self->collections[*collection], *position, element);

  return TRUE;
}

/**
 * _parcours_document_insert:
 * @self: a #ParcoursDocument
 * @element: an element that is in no document
 * @position: where in its collection, or G_MAXUINT to append
 * @error: return location for a #GError
 *
 * Fails, leaving @self unchanged, when another element has the same id.
 */
gboolean
_parcours_document_insert (ParcoursDocument  *self,
                           ParcoursElement   *element,
                           guint              position,
                           GError           **error)
{
  ParcoursCollection collection;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), FALSE);
  g_return_val_if_fail (_parcours_element_get_document (element) == NULL, FALSE);

  if (!add_element (self, element, &position, &collection))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "duplicate id \"%s\"", parcours_element_get_id (element));
      return FALSE;
    }

  collection_items_changed (self, collection, position, 0, 1);
  return TRUE;
}

/**
 * _parcours_document_append_unobserved:
 * @self: a #ParcoursDocument that a reader is building, that nothing
 *   observes yet
 * @element: an element that is in no document
 *
 * Appends @element to its collection as _parcours_document_insert()
 * does, without "changed" nor items-changed: thousands of emissions
 * that nobody hears would cost a large map's reading a tenth.
 *
 * Returns: %FALSE, leaving @self unchanged, when another element has
 *   the same id
 */
gboolean
_parcours_document_append_unobserved (ParcoursDocument *self,
                                      ParcoursElement  *element)
{
  ParcoursCollection collection;
  guint position = G_MAXUINT;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PARCOURS_IS_ELEMENT (element), FALSE);
  g_return_val_if_fail (_parcours_element_get_document (element) == NULL, FALSE);

  return add_element (self, element, &position, &collection);
}

/**
 * _parcours_document_remove:
 * @self: a #ParcoursDocument
 * @collection: which list
 * @position: the position of the element to remove
 *
 * Returns: (transfer full): the removed element
 */
ParcoursElement *
_parcours_document_remove (ParcoursDocument   *self,
                           ParcoursCollection  collection,
                           guint               position)
{
  ParcoursElement *element;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (collection < PARCOURS_N_COLLECTIONS, NULL);

  g_return_val_if_fail (position < _parcours_element_list_get_length (self->collections[collection]), NULL);

  element = _parcours_element_list_steal (self->collections[collection], position);
  _parcours_element_set_document (element, NULL);
  g_hash_table_remove (self->elements_by_id, parcours_element_get_id (element));
  collection_items_changed (self, collection, position, 1, 0);

  return element;
}

void
_parcours_document_move (ParcoursDocument   *self,
                         ParcoursCollection  collection,
                         guint               from_position,
                         guint               to_position)
{
  g_autoptr(ParcoursElement) element = NULL;
  ParcoursElementList *list;

  g_return_if_fail (PARCOURS_IS_DOCUMENT (self));
  g_return_if_fail (collection < PARCOURS_N_COLLECTIONS);

  list = self->collections[collection];
  g_return_if_fail (from_position < _parcours_element_list_get_length (list));
  g_return_if_fail (to_position < _parcours_element_list_get_length (list));

  if (from_position == to_position)
    return;

  /* A removal then an insertion, as views have always seen a move. */
  element = _parcours_element_list_steal (list, from_position);
  collection_items_changed (self, collection, from_position, 1, 0);
  _parcours_element_list_insert (list, to_position, element);
  collection_items_changed (self, collection, to_position, 0, 1);
}

void
_parcours_document_element_changed (ParcoursDocument *self,
                                    ParcoursElement  *element,
                                    GParamSpec       *pspec)
{
  g_signal_emit (self, signals[ELEMENT_CHANGED], 0, element, pspec);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * parcours_document_count_votes:
 * @self: a #ParcoursDocument
 *
 * Returns: the dot votes of every card of the map together
 */
guint
parcours_document_count_votes (ParcoursDocument *self)
{
  GListModel *cards;
  guint n_cards;
  guint total = 0;

  g_return_val_if_fail (PARCOURS_IS_DOCUMENT (self), 0);

  cards = parcours_document_get_cards (self);
  n_cards = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i);

      total += parcours_card_get_votes (card);
    }

  return total;
}
