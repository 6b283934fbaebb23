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

/* A window under X (Xvfb in `build-aux/dev test`), driven as a hand
 * would: xdotool with NULL-terminated arguments (a failure fails the
 * test), the pointer moved to a point of a widget, a screenshot of the
 * whole screen for a person to look at (never a pass or fail). */
void              parcours_test_xdotool              (const char       *first,
                                                      ...) G_GNUC_NULL_TERMINATED;
void              parcours_test_pointer_to_widget    (GtkWidget        *widget,
                                                      double            x,
                                                      double            y);
void              parcours_test_screenshot           (const char       *file);


/* Windows (tests with a display) */
#include <adwaita.h>
#include "parcours-window.h"

/* Loads @file into @window as Open does, waiting for the result. */
gboolean          parcours_test_load_into_window     (ParcoursWindow   *window,
                                                      GFile            *file,
                                                      GError          **error);
/* The message dialog shown over @window, if any. */
AdwMessageDialog *parcours_test_find_message_dialog  (GtkWindow        *window);
/* Whether @window is still open (not closed or destroyed). */
gboolean          parcours_test_window_is_open       (GtkWindow        *window);
/* Saves @document to @name in @dir; returns the file. */
GFile            *parcours_test_save_map             (ParcoursDocument *document,
                                                      const char       *dir,
                                                      const char       *name);
/* The titles of the rows of @dialog's extra list, joined by " | " */
char             *parcours_test_dup_dialog_list      (AdwMessageDialog *dialog);
/* Removes @dir and the files in it. */
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

G_END_DECLS
