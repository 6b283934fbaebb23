/* test-model.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "parcours-color.h"
#include "parcours-document-private.h"

typedef struct
{
  guint count;
} NotifyCounter;

static void
count_notify_cb (GObject       *object,
                 GParamSpec    *pspec,
                 NotifyCounter *counter)
{
  counter->count++;
}

static void
count_signal_cb (gpointer       instance,
                 NotifyCounter *counter)
{
  counter->count++;
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChangedRecord;

static void
record_items_changed_cb (GListModel         *model,
                         guint               position,
                         guint               removed,
                         guint               added,
                         ItemsChangedRecord *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
insert_or_fail (ParcoursDocument *document,
                gpointer          element)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_parcours_document_insert (document, element, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_object_unref (element);
}

/* A map with two stages, two lanes (one of them emotions), three cards in
 * cell (touchpoints, aware) and one in (touchpoints, buy). */
static ParcoursDocument *
make_small_map (void)
{
  ParcoursDocument *document = parcours_document_new ();

  parcours_document_set_title (document, "Online grocery");
  insert_or_fail (document, parcours_persona_new ("anna", "Anna"));
  insert_or_fail (document, parcours_stage_new ("aware", "Awareness"));
  insert_or_fail (document, parcours_stage_new ("buy", "Purchase"));
  insert_or_fail (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  insert_or_fail (document, parcours_lane_new ("feel", PARCOURS_LANE_KIND_EMOTIONS, "Emotions"));
  insert_or_fail (document, parcours_card_new ("c1", "touch", "aware", "Sees an ad"));
  insert_or_fail (document, parcours_card_new ("c2", "touch", "buy", "Pays"));
  insert_or_fail (document, parcours_card_new ("c3", "touch", "aware", "Reads reviews"));
  insert_or_fail (document, parcours_card_new ("c4", "touch", "aware", "Asks a friend"));
  insert_or_fail (document, parcours_emotion_point_new ("e1", "feel", "aware", 0.5, 0.5));
  insert_or_fail (document, parcours_emotion_point_new ("e2", "feel", "buy", 0.2, -1.0));

  return document;
}

static void
test_element_ids (void)
{
  g_autoptr(ParcoursCard) card = parcours_card_new (NULL, "l", "s", "text");
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("stage-given", "Stage");
  g_autoptr(ParcoursDocument) document = make_small_map ();
  g_autofree char *fresh = NULL;

  g_assert_true (g_str_has_prefix (parcours_element_get_id (PARCOURS_ELEMENT (card)), "card-"));
  g_assert_cmpint (strlen (parcours_element_get_id (PARCOURS_ELEMENT (card))), ==, strlen ("card-") + 8);
  g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (stage)), ==, "stage-given");

  fresh = parcours_document_make_id (document, PARCOURS_TYPE_LANE);
  g_assert_true (g_str_has_prefix (fresh, "lane-"));
  g_assert_null (parcours_document_lookup (document, fresh));
}

static void
test_stage_properties (void)
{
  g_autoptr(ParcoursStage) stage = parcours_stage_new (NULL, "Awareness");
  NotifyCounter name_count = { 0 }, width_count = { 0 }, color_count = { 0 };

  g_signal_connect (stage, "notify::name", G_CALLBACK (count_notify_cb), &name_count);
  g_signal_connect (stage, "notify::width", G_CALLBACK (count_notify_cb), &width_count);
  g_signal_connect (stage, "notify::color", G_CALLBACK (count_notify_cb), &color_count);

  parcours_stage_set_name (stage, "Awareness");
  g_assert_cmpuint (name_count.count, ==, 0);
  parcours_stage_set_name (stage, "Découverte");
  g_assert_cmpuint (name_count.count, ==, 1);
  g_object_set (stage, "name", "Découverte", NULL);
  g_assert_cmpuint (name_count.count, ==, 1);
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "Découverte");

  parcours_stage_set_name (stage, NULL);
  g_assert_cmpstr (parcours_stage_get_name (stage), ==, "");
  g_assert_cmpuint (name_count.count, ==, 2);

  parcours_stage_set_width (stage, 1.0);
  g_assert_cmpuint (width_count.count, ==, 0);
  parcours_stage_set_width (stage, 100.0);
  g_assert_cmpfloat (parcours_stage_get_width (stage), ==, PARCOURS_STAGE_MAX_WIDTH);
  g_assert_cmpuint (width_count.count, ==, 1);
  parcours_stage_set_width (stage, 200.0);
  g_assert_cmpuint (width_count.count, ==, 1);

  g_assert_null (parcours_stage_get_color (stage));
  parcours_stage_set_color (stage, "#3584e4");
  parcours_stage_set_color (stage, "#3584e4");
  g_assert_cmpuint (color_count.count, ==, 1);
  parcours_stage_set_color (stage, NULL);
  g_assert_cmpuint (color_count.count, ==, 2);
}

static void
test_card_properties (void)
{
  g_autoptr(ParcoursCard) card = parcours_card_new ("c", "lane", "stage", "Visits the shop");
  NotifyCounter any_count = { 0 };
  ParcoursChannel channel;

  g_signal_connect (card, "notify", G_CALLBACK (count_notify_cb), &any_count);

  parcours_card_set_channel (card, PARCOURS_CHANNEL_PHYSICAL_STORE);
  parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEGATIVE);
  parcours_card_set_key_moment (card, TRUE);
  parcours_card_set_key_moment (card, 2);
  parcours_card_set_kpi (card, "NPS 42");
  parcours_card_set_details (card, "Queue at the till");
  g_assert_cmpuint (any_count.count, ==, 5);

  g_object_get (card, "channel", &channel, NULL);
  g_assert_cmpint (channel, ==, PARCOURS_CHANNEL_PHYSICAL_STORE);
  g_assert_cmpint (parcours_card_get_sentiment (card), ==, PARCOURS_SENTIMENT_NEGATIVE);
  g_assert_true (parcours_card_get_key_moment (card));
  g_assert_cmpstr (parcours_card_get_kpi (card), ==, "NPS 42");
  g_assert_cmpstr (parcours_card_get_lane_id (card), ==, "lane");
  g_assert_cmpstr (parcours_card_get_stage_id (card), ==, "stage");
}

static void
test_persona_properties (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 };
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a' };
  static const char * const goals[] = { "Save time", "Eat well", NULL };
  g_autoptr(ParcoursPersona) persona = parcours_persona_new (NULL, "Anna");
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) gif_bytes = g_bytes_new_static (gif, sizeof gif);
  NotifyCounter goals_count = { 0 };
  const char *mime_type = NULL;

  g_signal_connect (persona, "notify::goals", G_CALLBACK (count_notify_cb), &goals_count);

  parcours_persona_set_goals (persona, goals);
  parcours_persona_set_goals (persona, goals);
  g_assert_cmpuint (goals_count.count, ==, 1);
  g_assert_cmpstrv (parcours_persona_get_goals (persona), goals);
  parcours_persona_set_goals (persona, NULL);
  g_assert_cmpuint (goals_count.count, ==, 2);

  g_assert_true (parcours_persona_photo_is_supported (png_bytes, &mime_type));
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_false (parcours_persona_photo_is_supported (gif_bytes, &mime_type));

  parcours_persona_set_photo (persona, png_bytes);
  g_assert_cmpstr (parcours_persona_get_photo_mime_type (persona), ==, "image/png");
  g_assert_true (g_bytes_equal (parcours_persona_get_photo (persona), png_bytes));
}

static void
test_persona_photo_bounds (void)
{
  /* PNG signature, IHDR length and type, then width and height. */
  guint8 png[26] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  /* SOI, an APP0 of 4 bytes, then SOF0: length, precision, height, width. */
  guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00,
                    0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x00 };

  png[18] = 0x01, png[19] = 0x00;   /* width 256 */
  png[22] = 0x01, png[23] = 0x00;   /* height 256 */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (png, sizeof png);
    g_assert_true (parcours_persona_photo_is_supported (bytes, NULL));
  }

  png[16] = 0x00, png[17] = 0x01, png[18] = 0x86, png[19] = 0xa0;   /* width 100000 */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (png, sizeof png);
    g_assert_false (parcours_persona_photo_is_supported (bytes, NULL));
  }

  png[16] = 0x00, png[17] = 0x00, png[18] = 0x1f, png[19] = 0x40;   /* 8000 × 8000: too many pixels */
  png[20] = 0x00, png[21] = 0x00, png[22] = 0x1f, png[23] = 0x40;
  {
    g_autoptr(GBytes) bytes = g_bytes_new (png, sizeof png);
    g_assert_false (parcours_persona_photo_is_supported (bytes, NULL));
  }

  jpeg[13] = 0x02, jpeg[14] = 0x00, jpeg[15] = 0x02, jpeg[16] = 0x00;   /* 512 × 512 */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (jpeg, sizeof jpeg);
    g_assert_true (parcours_persona_photo_is_supported (bytes, NULL));
  }

  jpeg[13] = 0xff, jpeg[14] = 0xff, jpeg[15] = 0xff, jpeg[16] = 0xff;   /* 65535 × 65535 */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (jpeg, sizeof jpeg);
    g_assert_false (parcours_persona_photo_is_supported (bytes, NULL));
  }
}

static void
test_emotion_levels (void)
{
  g_autoptr(ParcoursEmotionPoint) point = parcours_emotion_point_new (NULL, "l", "s", 2.0, -3.0);

  /* Out-of-range values are clamped, never stored. */
  g_assert_cmpfloat (parcours_emotion_point_get_offset (point), ==, 1.0);
  g_assert_cmpfloat (parcours_emotion_point_get_value (point), ==, -1.0);
  g_assert_cmpint (parcours_emotion_point_get_level (point), ==, -2);

  parcours_emotion_point_set_value (point, 0.1);
  g_assert_cmpint (parcours_emotion_point_get_level (point), ==, 0);
  parcours_emotion_point_set_value (point, 0.3);
  g_assert_cmpint (parcours_emotion_point_get_level (point), ==, 1);
  parcours_emotion_point_set_value (point, 1.0);
  g_assert_cmpint (parcours_emotion_point_get_level (point), ==, 2);

  for (int level = -2; level <= 2; level++)
    {
      parcours_emotion_point_set_value (point, parcours_emotion_level_to_value (level));
      g_assert_cmpint (parcours_emotion_point_get_level (point), ==, level);
    }
}

static void
test_document_properties (void)
{
  static const char * const goals[] = { "Find the drop-off", NULL };
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  NotifyCounter title_count = { 0 }, kind_count = { 0 }, goals_count = { 0 };

  g_signal_connect (document, "notify::title", G_CALLBACK (count_notify_cb), &title_count);
  g_signal_connect (document, "notify::kind", G_CALLBACK (count_notify_cb), &kind_count);
  g_signal_connect (document, "notify::goals", G_CALLBACK (count_notify_cb), &goals_count);

  g_assert_cmpstr (parcours_document_get_title (document), ==, "");
  parcours_document_set_title (document, "Путь клиента");
  parcours_document_set_title (document, "Путь клиента");
  g_assert_cmpuint (title_count.count, ==, 1);

  g_assert_cmpint (parcours_document_get_kind (document), ==, PARCOURS_MAP_KIND_CURRENT_STATE);
  parcours_document_set_kind (document, PARCOURS_MAP_KIND_DAY_IN_THE_LIFE);
  parcours_document_set_kind (document, PARCOURS_MAP_KIND_DAY_IN_THE_LIFE);
  g_assert_cmpuint (kind_count.count, ==, 1);

  parcours_document_set_goals (document, goals);
  parcours_document_set_goals (document, goals);
  g_assert_cmpuint (goals_count.count, ==, 1);
}

static void
test_document_lists (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(ParcoursStage) removed = NULL;
  GListModel *stages = parcours_document_get_stages (document);
  ItemsChangedRecord record = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ParcoursStage) twin = NULL;

  g_assert_true (g_list_model_get_item_type (stages) == PARCOURS_TYPE_STAGE);
  g_signal_connect (stages, "items-changed", G_CALLBACK (record_items_changed_cb), &record);

  insert_or_fail (document, parcours_stage_new ("a", "A"));
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);

  insert_or_fail (document, parcours_stage_new ("b", "B"));
  g_assert_cmpuint (record.position, ==, 1);

  g_assert_true (_parcours_document_insert (document, PARCOURS_ELEMENT (parcours_stage_new ("c", "C")), 0, NULL));
  g_object_unref (g_list_model_get_item (stages, 0)); /* balance the new above */
  g_assert_cmpuint (record.calls, ==, 3);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3);

  /* Ids are unique across the whole document, whatever the kind. */
  twin = parcours_stage_new ("a", "Twin");
  g_assert_false (_parcours_document_insert (document, PARCOURS_ELEMENT (twin), G_MAXUINT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (record.calls, ==, 3);

  _parcours_document_move (document, PARCOURS_COLLECTION_STAGES, 0, 2);
  {
    g_autoptr(ParcoursStage) last = g_list_model_get_item (stages, 2);
    g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (last)), ==, "c");
  }

  record.calls = 0;
  removed = PARCOURS_STAGE (_parcours_document_remove (document, PARCOURS_COLLECTION_STAGES, 0));
  g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (removed)), ==, "a");
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_null (parcours_document_lookup (document, "a"));
}

static void
test_document_lookups (void)
{
  g_autoptr(ParcoursDocument) document = make_small_map ();
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  guint position;

  g_assert_nonnull (parcours_document_lookup_stage (document, "aware"));
  g_assert_null (parcours_document_lookup_lane (document, "aware"));
  g_assert_nonnull (parcours_document_lookup_lane (document, "touch"));
  g_assert_nonnull (parcours_document_lookup_card (document, "c2"));
  g_assert_nonnull (parcours_document_lookup_persona (document, "anna"));
  g_assert_null (parcours_document_lookup (document, "nothing"));
  g_assert_null (parcours_document_lookup (document, NULL));

  g_assert_true (parcours_document_find_position (document, parcours_document_lookup (document, "c3"), &position));
  g_assert_cmpuint (position, ==, 2);

  cell = parcours_document_get_cell_cards (document, "touch", "aware");
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_cmpstr (parcours_card_get_text (cell->pdata[0]), ==, "Sees an ad");
  g_assert_cmpstr (parcours_card_get_text (cell->pdata[1]), ==, "Reads reviews");
  g_assert_cmpstr (parcours_card_get_text (cell->pdata[2]), ==, "Asks a friend");

  empty = parcours_document_get_cell_cards (document, "feel", "buy");
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_document_dependents (void)
{
  g_autoptr(ParcoursDocument) document = make_small_map ();
  g_autoptr(GPtrArray) of_aware = NULL;
  g_autoptr(GPtrArray) of_feel = NULL;
  g_autoptr(GPtrArray) of_persona = NULL;

  of_aware = parcours_document_get_dependents (document, parcours_document_lookup (document, "aware"));
  g_assert_cmpuint (of_aware->len, ==, 4);
  g_assert_cmpstr (parcours_element_get_id (of_aware->pdata[0]), ==, "c1");
  g_assert_cmpstr (parcours_element_get_id (of_aware->pdata[3]), ==, "e1");

  of_feel = parcours_document_get_dependents (document, parcours_document_lookup (document, "feel"));
  g_assert_cmpuint (of_feel->len, ==, 2);

  of_persona = parcours_document_get_dependents (document, parcours_document_lookup (document, "anna"));
  g_assert_cmpuint (of_persona->len, ==, 0);
}

static void
test_document_signals (void)
{
  g_autoptr(ParcoursDocument) document = make_small_map ();
  NotifyCounter changed = { 0 };
  ParcoursCard *card = parcours_document_lookup_card (document, "c1");
  g_autoptr(ParcoursElement) removed = NULL;

  g_signal_connect (document, "changed", G_CALLBACK (count_signal_cb), &changed);

  parcours_card_set_text (card, "Sees a poster");
  g_assert_cmpuint (changed.count, ==, 1);
  parcours_card_set_text (card, "Sees a poster");
  g_assert_cmpuint (changed.count, ==, 1);

  parcours_document_set_title (document, "Renamed");
  g_assert_cmpuint (changed.count, ==, 2);

  /* A removed element no longer reports to the document. */
  g_object_ref (card);
  removed = _parcours_document_remove (document, PARCOURS_COLLECTION_CARDS, 0);
  g_assert_cmpuint (changed.count, ==, 3);
  parcours_card_set_text (card, "Detached");
  g_assert_cmpuint (changed.count, ==, 3);
  g_object_unref (card);
}

/* What a signal handler saw, in order, as one letter each: C for the
 * document's "changed", E for its "element-changed", I for a list's
 * items-changed, N for an element's own ::notify. */
static void
log_changed_cb (ParcoursDocument *document,
                GString          *log)
{
  g_string_append_c (log, 'C');
}

static void
log_element_changed_cb (ParcoursDocument *document,
                        ParcoursElement  *element,
                        GParamSpec       *pspec,
                        GString          *log)
{
  g_string_append_printf (log, "E(%s.%s)", parcours_element_get_id (element), pspec->name);
}

static void
log_items_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GString    *log)
{
  g_string_append_printf (log, "I(%u,%u,%u)", position, removed, added);
}

static void
log_notify_cb (GObject    *object,
               GParamSpec *pspec,
               GString    *log)
{
  g_string_append_printf (log, "N(%s)", pspec->name);
}

/* Views see a change in this order: the document's element-changed and
 * changed before the element's ::notify, and changed before a list's
 * items-changed; a move is a removal then an insertion. */
static void
test_document_signal_order (void)
{
  g_autoptr(ParcoursDocument) document = make_small_map ();
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *cards = parcours_document_get_cards (document);
  ParcoursCard *card = parcours_document_lookup_card (document, "c2");
  g_autoptr(ParcoursCard) waits = parcours_card_new ("c5", "touch", "buy", "Waits");
  g_autoptr(GError) error = NULL;

  g_signal_connect (document, "changed", G_CALLBACK (log_changed_cb), log);
  g_signal_connect (document, "element-changed", G_CALLBACK (log_element_changed_cb), log);
  g_signal_connect (cards, "items-changed", G_CALLBACK (log_items_changed_cb), log);
  g_signal_connect (card, "notify", G_CALLBACK (log_notify_cb), log);

  parcours_card_set_votes (card, 3);
  g_assert_cmpstr (log->str, ==, "E(c2.votes)CN(votes)");

  g_string_truncate (log, 0);
  g_assert_true (_parcours_document_insert (document, PARCOURS_ELEMENT (waits), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "CI(1,0,1)");
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 5);

  g_string_truncate (log, 0);
  _parcours_document_move (document, PARCOURS_COLLECTION_CARDS, 0, 3);
  g_assert_cmpstr (log->str, ==, "CI(0,1,0)CI(3,0,1)");
  g_assert_true (g_list_model_get_item_type (cards) == PARCOURS_TYPE_CARD);
  g_assert_null (g_list_model_get_item (cards, 5));
  {
    g_autoptr(ParcoursCard) last = g_list_model_get_item (cards, 3);

    g_assert_cmpstr (parcours_element_get_id (PARCOURS_ELEMENT (last)), ==, "c1");
  }

  g_string_truncate (log, 0);
  {
    g_autoptr(ParcoursElement) removed = _parcours_document_remove (document, PARCOURS_COLLECTION_CARDS, 3);

    g_assert_cmpstr (log->str, ==, "CI(3,1,0)");
    g_assert_cmpstr (parcours_element_get_id (removed), ==, "c1");
  }

  /* Another element of the same collection still reports. */
  g_string_truncate (log, 0);
  parcours_card_set_text (waits, "Waits long");
  g_assert_cmpstr (log->str, ==, "E(c5.text)C");
}

/* Appending unobserved, as a reader does, emits nothing, and the
 * elements report their changes once they are in. */
static void
test_document_append_unobserved (void)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("s", "Stage");
  g_autoptr(ParcoursStage) twin = parcours_stage_new ("s", "Twin");
  guint position = G_MAXUINT;

  g_signal_connect (document, "changed", G_CALLBACK (log_changed_cb), log);
  g_signal_connect (parcours_document_get_stages (document), "items-changed",
                    G_CALLBACK (log_items_changed_cb), log);

  g_assert_true (_parcours_document_append_unobserved (document, PARCOURS_ELEMENT (stage)));
  g_assert_false (_parcours_document_append_unobserved (document, PARCOURS_ELEMENT (twin)));
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (parcours_document_get_stages (document)), ==, 1);
  g_assert_true (parcours_document_find_position (document, PARCOURS_ELEMENT (stage), &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (parcours_document_find_position (document, PARCOURS_ELEMENT (twin), &position));

  parcours_stage_set_width (stage, 2.0);
  g_assert_cmpstr (log->str, ==, "C");
}

/* An element a view still holds outlives its document, and can change. */
static void
test_document_outlived (void)
{
  ParcoursDocument *document = make_small_map ();
  g_autoptr(ParcoursCard) card = g_object_ref (parcours_document_lookup_card (document, "c1"));
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (card, "notify", G_CALLBACK (log_notify_cb), log);
  g_object_unref (document);

  parcours_card_set_text (card, "Still here");
  g_assert_cmpstr (log->str, ==, "N(text)");
}

static void
test_enum_nicks (void)
{
  int value = -1;

  g_assert_cmpstr (parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, PARCOURS_LANE_KIND_PAIN_POINTS), ==, "pain-points");
  g_assert_cmpstr (parcours_enum_to_nick (PARCOURS_TYPE_MAP_KIND, PARCOURS_MAP_KIND_DAY_IN_THE_LIFE), ==, "day-in-the-life");
  g_assert_cmpstr (parcours_enum_to_nick (PARCOURS_TYPE_CHANNEL, PARCOURS_CHANNEL_WORD_OF_MOUTH), ==, "word-of-mouth");
  g_assert_true (parcours_enum_from_nick (PARCOURS_TYPE_SENTIMENT, "negative", &value));
  g_assert_cmpint (value, ==, PARCOURS_SENTIMENT_NEGATIVE);
  g_assert_false (parcours_enum_from_nick (PARCOURS_TYPE_SENTIMENT, "furious", &value));
  g_assert_false (parcours_enum_from_nick (PARCOURS_TYPE_SENTIMENT, NULL, &value));
}

static void
test_colors (void)
{
  double r, g, b;

  g_assert_true (parcours_color_is_valid ("#3584e4"));
  g_assert_true (parcours_color_is_valid ("#FFFFFF"));
  g_assert_false (parcours_color_is_valid ("3584e4"));
  g_assert_false (parcours_color_is_valid ("#3584e"));
  g_assert_false (parcours_color_is_valid ("#3584e4ff"));
  g_assert_false (parcours_color_is_valid ("#35g4e4"));
  g_assert_false (parcours_color_is_valid (NULL));

  g_assert_true (parcours_color_parse ("#ff8000", &r, &g, &b));
  g_assert_cmpfloat (r, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (g, 128 / 255.0, 1e-9);
  g_assert_cmpfloat (b, ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/element/ids", test_element_ids);
  g_test_add_func ("/model/stage/properties", test_stage_properties);
  g_test_add_func ("/model/card/properties", test_card_properties);
  g_test_add_func ("/model/persona/properties", test_persona_properties);
  g_test_add_func ("/model/persona/photo-bounds", test_persona_photo_bounds);
  g_test_add_func ("/model/emotion-point/levels", test_emotion_levels);
  g_test_add_func ("/model/document/properties", test_document_properties);
  g_test_add_func ("/model/document/lists", test_document_lists);
  g_test_add_func ("/model/document/lookups", test_document_lookups);
  g_test_add_func ("/model/document/dependents", test_document_dependents);
  g_test_add_func ("/model/document/signals", test_document_signals);
  g_test_add_func ("/model/document/signal-order", test_document_signal_order);
  g_test_add_func ("/model/document/append-unobserved", test_document_append_unobserved);
  g_test_add_func ("/model/document/outlived", test_document_outlived);
  g_test_add_func ("/model/enums/nicks", test_enum_nicks);
  g_test_add_func ("/model/colors", test_colors);

  return g_test_run ();
}
