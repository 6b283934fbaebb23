/* parcours-test-utils.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <cairo.h>

#include "parcours-display-list.h"
#include "parcours-document.h"
#include "parcours-format.h"
#include "parcours-history.h"
#include "parcours-interaction.h"
#include "parcours-layout.h"
#include "parcours-selection.h"

G_BEGIN_DECLS

/* Realistic maps for tests: what a workshop produces. */
ParcoursDocument *parcours_test_make_grocery_map     (void);
ParcoursDocument *parcours_test_make_day_in_life_map (void);
ParcoursDocument *parcours_test_make_hostile_map     (void);
ParcoursDocument *parcours_test_make_canvas_map      (void);
ParcoursDocument *parcours_test_make_generated_map   (guint n_stages,
                                                      guint n_lanes,
                                                      guint n_cards,
                                                      guint n_points,
                                                      guint seed);
ParcoursDocument *parcours_test_make_rich_map        (guint seed);

/* Every text a reader of the map must find in an export. */
GPtrArray        *parcours_test_collect_texts        (ParcoursDocument *document);

/* Runs @program (PARCOURS_BIN when NULL) with @args, NULL-terminated and
 * without argv[0], as a user would: no display, a UTF-8 locale and the
 * interface language @language ("fr", "ru"; NULL for English). @out and
 * @err may be NULL. Returns the exit status; a crash fails the test. */
int               parcours_test_run                  (const char         *program,
                                                      const char         *language,
                                                      const char * const *args,
                                                      char              **out,
                                                      char              **err);

void              parcours_test_add                  (ParcoursDocument *document,
                                                      gpointer          element);
void              parcours_test_wait_ms              (guint             ms);

/* The native format */

#define PARCOURS_TEST_PNG_PHOTO_SIZE 16
#define PARCOURS_TEST_JPEG_PHOTO_SIZE 10
extern const guint8 parcours_test_png_photo[PARCOURS_TEST_PNG_PHOTO_SIZE];
extern const guint8 parcours_test_jpeg_photo[PARCOURS_TEST_JPEG_PHOTO_SIZE];

ParcoursDocument *parcours_test_load_text            (const char        *text,
                                                      GError           **error);
ParcoursDocument *parcours_test_load_text_ok         (const char        *text);
char             *parcours_test_save_text            (ParcoursDocument  *document);
void              parcours_test_assert_load_error    (const char          *text,
                                                      ParcoursFormatError  code,
                                                      const char          *message);

/* The lists of a small valid map; each error test replaces one to break it. */
#define MAP_PERSONAS "{\"id\": \"p1\", \"name\": \"Ada\"}"
#define MAP_STAGES "{\"id\": \"s1\", \"name\": \"Discover\"}, {\"id\": \"s2\", \"name\": \"Buy\"}"
#define MAP_LANES "{\"id\": \"l1\", \"kind\": \"actions\"}, " \
                  "{\"id\": \"l2\", \"kind\": \"emotions\", \"persona\": \"p1\"}"
#define MAP_CARDS "{\"id\": \"c1\", \"lane\": \"l1\", \"stage\": \"s1\", \"text\": \"Search\"}"
#define MAP_POINTS "{\"id\": \"e1\", \"lane\": \"l2\", \"stage\": \"s1\", \"value\": 0.5}"

char             *parcours_test_make_map             (const char *personas,
                                                      const char *stages,
                                                      const char *lanes,
                                                      const char *cards,
                                                      const char *points);
void              parcours_test_assert_map_error     (const char          *personas,
                                                      const char          *stages,
                                                      const char          *lanes,
                                                      const char          *cards,
                                                      const char          *points,
                                                      ParcoursFormatError  code,
                                                      const char          *message);
void              parcours_test_assert_card_error    (const char          *card,
                                                      ParcoursFormatError  code,
                                                      const char          *message);

/* A file that must fail to load: the whole @text, or when it is NULL the
 * small map with the lists given here (NULL for MAP_PERSONAS and so on,
 * "" for none). */
typedef struct
{
  const char *text;
  const char *personas;
  const char *stages;
  const char *lanes;
  const char *cards;
  const char *points;
  ParcoursFormatError code;
  const char *message;
} ParcoursTestLoadError;

void              parcours_test_assert_load_errors   (const ParcoursTestLoadError *cases,
                                                      gsize                        n_cases);

/* Saves, loads and saves again: the same bytes twice and an equal
 * document. Returns the text. */
char             *parcours_test_assert_round_trip    (ParcoursDocument *document);
void              parcours_test_assert_documents_equal (ParcoursDocument *a,
                                                        ParcoursDocument *b);
/* Every property set to something other than its default, and its text. */
ParcoursDocument *parcours_test_make_full_map        (void);
extern const char parcours_test_full_map_text[];

char             *parcours_test_make_string          (gsize       length,
                                                      char        c);
char             *parcours_test_repeat               (const char *before,
                                                      const char *after,
                                                      guint       count);

/* Mermaid */

#define PARCOURS_TEST_ZWSP "\342\200\213"

/* The example of Mermaid's documentation. */
extern const char parcours_test_mermaid_working_day[];

char             *parcours_test_mermaid_plain        (ParcoursDocument    *document);
ParcoursDocument *parcours_test_mermaid_import       (const char          *text);
void              parcours_test_assert_mermaid_error (const char          *text,
                                                      gssize               length,
                                                      ParcoursFormatError  code,
                                                      const char          *message);
char             *parcours_test_mermaid_describe     (ParcoursDocument    *document);
char             *parcours_test_mermaid_round_trip   (ParcoursDocument    *document);
char             *parcours_test_read_fixture         (const char          *name);

gpointer          parcours_test_nth                  (GListModel          *model,
                                                      guint                position);
guint             parcours_test_count                (GListModel          *model);
ParcoursEmotionPoint *parcours_test_make_point       (const char          *lane_id,
                                                      const char          *stage_id,
                                                      double               offset,
                                                      double               value,
                                                      const char          *label);
ParcoursLane     *parcours_test_make_persona_lane    (const char          *id,
                                                      const char          *persona_id);

/* CSV */

#define CSV_HEADER PARCOURS_CSV_HEADER "\r\n"
#define CSV_CHANNEL_NICKS "website, mobile-app, email, phone, sms, chat, social-media, " \
                          "advertising, physical-store, word-of-mouth, event, other"
#define CSV_LANE_KIND_NICKS "touchpoints, actions, thoughts, emotions, pain-points, " \
                            "opportunities, channels, backstage, kpis, notes"

ParcoursEmotionPoint *parcours_test_csv_point        (const char          *id,
                                                      const char          *lane_id,
                                                      const char          *stage_id,
                                                      double               offset,
                                                      double               value,
                                                      const char          *label);
ParcoursCard     *parcours_test_csv_card             (const char          *id,
                                                      const char          *lane_id,
                                                      const char          *stage_id,
                                                      const char          *text,
                                                      ParcoursChannel      channel,
                                                      ParcoursSentiment    sentiment,
                                                      const char          *details);
ParcoursDocument *parcours_test_csv_import           (const char          *csv);
void              parcours_test_assert_csv_error_len (const char          *csv,
                                                      gsize                length,
                                                      int                  code,
                                                      const char          *message);
void              parcours_test_assert_csv_error     (const char          *csv,
                                                      int                  code,
                                                      const char          *message);
void              parcours_test_assert_csv_export    (ParcoursDocument    *document,
                                                      const char          *expected);
ParcoursDocument *parcours_test_csv_round_trip       (ParcoursDocument    *document);
void              parcours_test_assert_csv_stable    (const char          *csv);
/* Stages Discover, Buy and Empty and a few lanes, cards and points,
 * and their CSV */
ParcoursDocument *parcours_test_make_csv_map         (void);
#define CSV_MAP_TEXT \
  CSV_HEADER \
  "Discover,Ads,touchpoints,Sees an ad,social-media,positive,,Story\r\n" \
  "Discover,Ads,touchpoints,Likes it,,neutral,,\r\n" \
  "Discover,Feeling,emotions,Unsure,,,-1,\r\n" \
  "Discover,Feeling,emotions,Happy,,,2,\r\n" \
  "Discover,Thoughts,thoughts,Is it for me?,,neutral,,\r\n" \
  "Buy,Ads,touchpoints,Pays,website,negative,,\r\n" \
  "Buy,Feeling,emotions,,,,1,\r\n"

ParcoursStage    *parcours_test_stage_at             (ParcoursDocument    *document,
                                                      guint                position);
ParcoursLane     *parcours_test_lane_at              (ParcoursDocument    *document,
                                                      guint                position);
ParcoursCard     *parcours_test_card_at              (ParcoursDocument    *document,
                                                      guint                position);
ParcoursEmotionPoint *parcours_test_point_at         (ParcoursDocument    *document,
                                                      guint                position);
const char       *parcours_test_card_stage_name      (ParcoursDocument    *document,
                                                      ParcoursCard        *card);
ParcoursLane     *parcours_test_card_lane            (ParcoursDocument    *document,
                                                      ParcoursCard        *card);
void              parcours_test_assert_lane          (ParcoursDocument    *document,
                                                      guint                position,
                                                      const char          *name,
                                                      ParcoursLaneKind     kind);

/* Files */

/* The contents of @file, which must be there. */
char             *parcours_test_dup_contents         (GFile            *file);
/* The map in @file, read with the loader; an error fails the test. */
ParcoursDocument *parcours_test_load_file            (GFile            *file);
/* Removes @dir and the files and folders in it. */
void              parcours_test_remove_dir           (const char       *dir);

void              parcours_test_compare_images       (cairo_surface_t  *a,
                                                      cairo_surface_t  *b,
                                                      double           *mean,
                                                      double           *far_fraction);
/* Writes @bytes to a new temporary file ending in @suffix; returns its path. */
char             *parcours_test_write_temp           (GBytes           *bytes,
                                                      const char       *suffix);
/* A PNG file as an image surface. */
cairo_surface_t  *parcours_test_load_png             (const char       *path);
/* The display list of @document as exports paint it, in the print theme. */
ParcoursDisplayList *parcours_test_paint             (ParcoursDocument *document);

/* History */

/* A map with something to undo in every collection, and its history */
typedef struct
{
  ParcoursDocument *document;
  ParcoursHistory  *history;
} ParcoursTestHistory;

#define PARCOURS_TEST_HISTORY_ADD(path, func) \
  g_test_add ((path), ParcoursTestHistory, NULL, parcours_test_history_set_up, (func), \
              parcours_test_history_tear_down)

void              parcours_test_history_set_up       (ParcoursTestHistory *fixture,
                                                      gconstpointer        data);
void              parcours_test_history_tear_down    (ParcoursTestHistory *fixture,
                                                      gconstpointer        data);
gpointer          parcours_test_history_lookup       (ParcoursTestHistory *fixture,
                                                      const char          *id);
void              parcours_test_history_set_string   (ParcoursHistory     *history,
                                                      gpointer             object,
                                                      const char          *property_name,
                                                      const char          *string);
void              parcours_test_history_set_double   (ParcoursHistory     *history,
                                                      gpointer             object,
                                                      const char          *property_name,
                                                      double               number);
/* Every readable property of the document and of each element, in list
 * order: stricter than the file format, and independent of the writer. */
char             *parcours_test_dump_document        (ParcoursDocument    *document);
/* The elements themselves, to check that undo brings back the very same
 * objects and not copies. */
GPtrArray        *parcours_test_list_elements        (ParcoursDocument    *document);
void              parcours_test_assert_same_elements (GPtrArray           *expected,
                                                      GPtrArray           *actual);

/* The canvas without a window: the interaction state machine on the
 * canvas map (parcours_test_make_canvas_map ()), in layout coordinates */
typedef struct
{
  ParcoursDocument    *document;
  ParcoursHistory     *history;
  ParcoursSelection   *selection;
  ParcoursInteraction *interaction;
  ParcoursLayout      *layout;
  char                *original;     /* the map saved before the test */
} ParcoursTestCanvas;

/* g_test_init () in the C locale, and GTK when there is a display (no
 * GL: Mesa's driver, probed otherwise, leaks under LeakSanitizer from a
 * module it has unloaded, which no suppression can name). Returns
 * whether GTK is there. */
gboolean          parcours_test_canvas_init          (int                 *argc,
                                                      char              ***argv);
#define PARCOURS_TEST_CANVAS_ADD(path, func) \
  g_test_add ((path), ParcoursTestCanvas, NULL, parcours_test_canvas_set_up, (func), \
              parcours_test_canvas_tear_down)

void              parcours_test_canvas_set_up        (ParcoursTestCanvas  *fixture,
                                                      gconstpointer        data);
void              parcours_test_canvas_tear_down     (ParcoursTestCanvas  *fixture,
                                                      gconstpointer        data);
char             *parcours_test_canvas_save_string   (ParcoursDocument    *document);
void              parcours_test_canvas_relayout      (ParcoursTestCanvas  *fixture);
ParcoursElement  *parcours_test_canvas_lookup        (ParcoursTestCanvas  *fixture,
                                                      const char          *id);
/* A card's rectangle, a point's position, a stage's or lane's header */
ParcoursRect      parcours_test_canvas_rect_of       (ParcoursTestCanvas  *fixture,
                                                      const char          *id);
void              parcours_test_canvas_center_of     (ParcoursTestCanvas  *fixture,
                                                      const char          *id,
                                                      double              *x,
                                                      double              *y);
/* The ids of a cell's cards, top to bottom, as "t1 t2" */
char             *parcours_test_canvas_cell          (ParcoursTestCanvas  *fixture,
                                                      const char          *lane,
                                                      const char          *stage);
#define parcours_test_canvas_assert_cell(fixture, lane, stage, expected) \
  G_STMT_START { \
    g_autofree char *__ids = parcours_test_canvas_cell ((fixture), (lane), (stage)); \
    g_assert_cmpstr (__ids, ==, (expected)); \
  } G_STMT_END
/* The map saves to the very text it had before the test. */
void              parcours_test_canvas_assert_original (ParcoursTestCanvas *fixture);
/* Undoes everything, then asserts the original. */
void              parcours_test_canvas_undo_all      (ParcoursTestCanvas  *fixture);
void              parcours_test_canvas_drag          (ParcoursTestCanvas  *fixture,
                                                      double               x0,
                                                      double               y0,
                                                      double               x1,
                                                      double               y1,
                                                      ParcoursModifiers    modifiers);
void              parcours_test_canvas_click         (ParcoursTestCanvas  *fixture,
                                                      const char          *id,
                                                      ParcoursModifiers    modifiers);
gboolean          parcours_test_canvas_selected      (ParcoursTestCanvas  *fixture,
                                                      const char          *id);

/* The texts of a cell's cards, top to bottom, as "Pays | Leaves" */
char             *parcours_test_cell_texts           (ParcoursDocument    *document,
                                                      const char          *lane,
                                                      const char          *stage);
#define parcours_test_assert_cell_texts(document, lane, stage, expected) \
  G_STMT_START { \
    g_autofree char *__texts = parcours_test_cell_texts ((document), (lane), (stage)); \
    g_assert_cmpstr (__texts, ==, (expected)); \
  } G_STMT_END

G_END_DECLS

/* Windows and driving them under X: the UI half of the fixtures. */
#include "parcours-test-ui.h"
