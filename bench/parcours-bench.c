/* parcours-bench.c — performance figures for Parcours
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints one figure per line as `NAME VALUE UNIT`. Every map is generated
 * here (100 stages × 10 lanes, 5 000 cards, 500 emotion points), so the
 * figures are comparable from run to run. Each timing is the median of
 * several runs. Targets on a 2-core machine are in the README.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <string.h>

#include <gtk/gtk.h>

#include "parcours-canvas.h"
#include "parcours-document-private.h"
#include "parcours-export.h"
#include "parcours-format.h"
#include "parcours-history.h"
#include "parcours-layout.h"
#include "parcours-mermaid.h"

#define N_STAGES 100
#define N_LANES 10
#define N_CARDS 5000
#define N_POINTS 500
#define N_RUNS 7

static const char * const words[] = {
  "customer", "opens", "the", "app", "compares", "prices", "asks", "a", "friend",
  "waits", "for", "delivery", "support", "call", "checkout", "coupon", "newsletter",
  "review", "store", "queue", "frustrated", "delighted", "confused", "returns",
};

static char *
make_sentence (GRand *rand,
               guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (text, FALSE);
}

static ParcoursDocument *
generate_map (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5000);
  ParcoursDocument *document = parcours_document_new ();
  char id[32];

  parcours_document_set_title (document, "Benchmark journey");

  for (guint s = 0; s < N_STAGES; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);
      g_autoptr(ParcoursStage) stage = NULL;

      g_snprintf (id, sizeof id, "stage-%u", s);
      stage = parcours_stage_new (id, name);
      _parcours_document_insert (document, PARCOURS_ELEMENT (stage), G_MAXUINT, NULL);
    }

  for (guint l = 0; l < N_LANES; l++)
    {
      ParcoursLaneKind kind = l == N_LANES - 1 ? PARCOURS_LANE_KIND_EMOTIONS : l % PARCOURS_LANE_KIND_EMOTIONS;
      g_autofree char *name = g_strdup_printf ("Lane %u", l + 1);
      g_autoptr(ParcoursLane) lane = NULL;

      g_snprintf (id, sizeof id, "lane-%u", l);
      lane = parcours_lane_new (id, kind, name);
      _parcours_document_insert (document, PARCOURS_ELEMENT (lane), G_MAXUINT, NULL);
    }

  for (guint c = 0; c < N_CARDS; c++)
    {
      g_autofree char *text = make_sentence (rand, g_rand_int_range (rand, 2, 12));
      char lane_id[32], stage_id[32];
      g_autoptr(ParcoursCard) card = NULL;

      g_snprintf (id, sizeof id, "card-%u", c);
      g_snprintf (lane_id, sizeof lane_id, "lane-%u", g_rand_int_range (rand, 0, N_LANES - 1));
      g_snprintf (stage_id, sizeof stage_id, "stage-%u", g_rand_int_range (rand, 0, N_STAGES));
      card = parcours_card_new (id, lane_id, stage_id, text);
      parcours_card_set_channel (card, g_rand_int_range (rand, 0, PARCOURS_CHANNEL_OTHER + 1));
      parcours_card_set_sentiment (card, g_rand_int_range (rand, 0, 3));
      if (c % 7 == 0)
        {
          g_autofree char *details = make_sentence (rand, 20);
          parcours_card_set_details (card, details);
        }
      _parcours_document_insert (document, PARCOURS_ELEMENT (card), G_MAXUINT, NULL);
    }

  for (guint p = 0; p < N_POINTS; p++)
    {
      char lane_id[32], stage_id[32];
      g_autoptr(ParcoursEmotionPoint) point = NULL;

      g_snprintf (id, sizeof id, "emotion-%u", p);
      g_snprintf (lane_id, sizeof lane_id, "lane-%u", N_LANES - 1);
      g_snprintf (stage_id, sizeof stage_id, "stage-%u", p % N_STAGES);
      point = parcours_emotion_point_new (id, lane_id, stage_id,
                                          (p / N_STAGES + 0.5) / (N_POINTS / N_STAGES),
                                          g_rand_double_range (rand, -1.0, 1.0));
      _parcours_document_insert (document, PARCOURS_ELEMENT (point), G_MAXUINT, NULL);
    }

  return document;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* Wall-clock time; with PARCOURS_BENCH_CLOCK=cpu, the CPU time of this
 * thread, which other processes on a busy machine disturb far less. */
static double
now_ms (void)
{
  static int use_cpu = -1;
  struct timespec ts;

  if (use_cpu < 0)
    use_cpu = g_strcmp0 (g_getenv ("PARCOURS_BENCH_CLOCK"), "cpu") == 0;

  if (!use_cpu)
    return g_get_monotonic_time () / 1000.0;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Peak resident set size of this process, from /proc. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static void
bench_load_save (ParcoursDocument *document)
{
  g_autoptr(GBytes) bytes = parcours_format_save_bytes (document);
  double load[N_RUNS], save[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ParcoursDocument) loaded = NULL;
      g_autoptr(GBytes) saved = NULL;
      double start = now_ms ();

      loaded = parcours_format_load_bytes (bytes, &error);
      load[run] = now_ms () - start;
      if (loaded == NULL)
        g_error ("generated map does not load: %s", error->message);

      start = now_ms ();
      saved = parcours_format_save_bytes (loaded);
      save[run] = now_ms () - start;
      g_assert (g_bytes_equal (saved, bytes));
    }

  printf ("load_5000_ms %.1f ms\n", median (load, N_RUNS));
  printf ("save_5000_ms %.1f ms\n", median (save, N_RUNS));
  printf ("file_5000_kb %.0f KiB\n", g_bytes_get_size (bytes) / 1024.0);
}

/* 10 000 distinct edits, then 10 000 undos and 10 000 redos; the figure
 * is the time of the undos and redos. */
static void
bench_undo_redo (ParcoursDocument *document)
{
  GListModel *cards = parcours_document_get_cards (document);
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  double times[N_RUNS];

  parcours_history_set_max_steps (history, 10000);

  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (cards, i % N_CARDS);
      char text[32];

      g_snprintf (text, sizeof text, "edit %u", i);
      parcours_history_set (history, card, NULL, "text", text, NULL);
      parcours_history_seal (history);
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = now_ms ();
      guint steps = 0;

      while (parcours_history_undo (history))
        steps++;
      while (parcours_history_redo (history))
        steps++;

      times[run] = now_ms () - start;
      g_assert (steps == 20000);
    }

  printf ("undo_redo_10000_ms %.1f ms\n", median (times, N_RUNS));
}

/* A full layout with nothing measured yet (opening a map), and a layout
 * after one card changed (what every edit costs). */
static void
bench_layout (ParcoursDocument *document)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  g_autoptr(ParcoursCard) card = g_list_model_get_item (parcours_document_get_cards (document), 42);
  g_autoptr(ParcoursLayout) warm = parcours_layout_new (style);
  double cold[N_RUNS], relayout[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
      double start = now_ms ();

      parcours_layout_update (layout, document);
      cold[run] = now_ms () - start;
    }

  parcours_layout_update (warm, document);
  for (guint run = 0; run < N_RUNS; run++)
    {
      char text[64];
      double start;

      g_snprintf (text, sizeof text, "edited card, run %u", run);
      parcours_card_set_text (card, text);
      start = now_ms ();
      parcours_layout_update (warm, document);
      relayout[run] = now_ms () - start;
    }

  printf ("layout_5000_ms %.1f ms\n", median (cold, N_RUNS));
  printf ("relayout_5000_ms %.1f ms\n", median (relayout, N_RUNS));
}

static void
bench_export (ParcoursDocument     *document,
              ParcoursExportFormat  format,
              const char           *name)
{
  ParcoursExportOptions options;
  double times[3];

  parcours_export_options_init (&options);

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double start = now_ms ();

      bytes = parcours_export_to_bytes (document, format, &options, &error);
      times[run] = now_ms () - start;
      if (bytes == NULL)
        g_error ("%s: %s", name, error->message);
    }

  printf ("%s %.1f ms\n", name, median (times, G_N_ELEMENTS (times)));
}

#define VIEW_WIDTH 1920
#define VIEW_HEIGHT 1080
#define N_FRAMES 61

/* One frame as GTK draws it: the canvas's snapshot, then the cairo GSK
 * renderer rendering it offscreen, so figures repeat on any machine. */
static double
render_frame (ParcoursCanvas *canvas,
              GskRenderer    *renderer)
{
  double start = now_ms ();
  GskRenderNode *node = parcours_canvas_render_map (canvas);
  GdkTexture *texture = gsk_renderer_render_texture (renderer, node,
                                                     &GRAPHENE_RECT_INIT (0, 0, VIEW_WIDTH, VIEW_HEIGHT));
  double elapsed = now_ms () - start;

  g_object_unref (texture);
  gsk_render_node_unref (node);
  return elapsed;
}

/* A card in the middle of the first screen, in layout units. */
static const ParcoursCardBox *
card_near (ParcoursLayout *layout,
           double          x,
           double          y)
{
  const ParcoursCardBox *best = NULL;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < parcours_layout_get_n_cards (layout); i++)
    {
      const ParcoursCardBox *box = parcours_layout_get_card (layout, i);
      double d = fabs (box->rect.x - x) + fabs (box->rect.y - y);

      if (d < best_distance)
        {
          best = box;
          best_distance = d;
        }
    }

  return best;
}

static void
bench_canvas (ParcoursDocument *document)
{
  g_autoptr(ParcoursHistory) history = parcours_history_new (document);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (50);
  ParcoursCanvas *canvas;
  ParcoursViewport *viewport;
  ParcoursInteraction *interaction;
  ParcoursLayout *layout;
  const ParcoursCardBox *card;
  double frames[N_FRAMES], hits[N_RUNS], edits[N_RUNS];
  double x, y;

  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("cairo renderer: %s", error->message);

  canvas = g_object_ref_sink (PARCOURS_CANVAS (parcours_canvas_new ()));
  parcours_canvas_set_history (canvas, history);
  viewport = parcours_canvas_get_viewport (canvas);
  interaction = parcours_canvas_get_interaction (canvas);
  parcours_viewport_set_text_scale (viewport, 1.0);
  parcours_viewport_set_view_size (viewport, VIEW_WIDTH, VIEW_HEIGHT);
  layout = parcours_canvas_get_layout (canvas);

  /* Dragging a card across the screen at 100 %: the first frame records
   * every visible node, the others re-use them. */
  parcours_viewport_set_origin (viewport, 600, 500);
  render_frame (canvas, renderer);
  card = card_near (layout, 600 + VIEW_WIDTH / 3.0, 500 + VIEW_HEIGHT / 3.0);
  x = card->rect.x + card->rect.width / 2;
  y = card->rect.y + card->rect.height / 2;
  parcours_interaction_press (interaction, x, y, 1, 0);
  for (guint f = 0; f < N_FRAMES; f++)
    {
      parcours_interaction_motion (interaction, x + 20 * f, y + 7 * f, 0);
      frames[f] = render_frame (canvas, renderer);
    }
  parcours_interaction_release (interaction, x + 20 * N_FRAMES, y + 7 * N_FRAMES, 0);
  printf ("frame_drag_5000_ms %.2f ms\n", median (frames, N_FRAMES));

  /* An edit committed, then the next frame: relayout, repaint, the
   * changed card recorded again. */
  render_frame (canvas, renderer);
  for (guint run = 0; run < N_RUNS; run++)
    {
      ParcoursCard *edited = card_near (layout, 600 + VIEW_WIDTH / 2.0, 500 + VIEW_HEIGHT / 2.0)->card;
      char text[64];
      double start;

      g_snprintf (text, sizeof text, "Edited in place, run %u", run);
      start = now_ms ();
      parcours_history_set (history, edited, NULL, "text", text, NULL);
      parcours_history_seal (history);
      if (g_getenv ("PARCOURS_BENCH_DETAIL"))
        {
          double t0 = now_ms ();
          parcours_canvas_get_layout (canvas);
          printf ("# relayout+repaint+runs %.2f ms", now_ms () - t0);
        }
      edits[run] = now_ms () - start + render_frame (canvas, renderer);
      if (g_getenv ("PARCOURS_BENCH_DETAIL"))
        printf (", all %.2f ms\n", edits[run]);
    }
  printf ("edit_to_frame_5000_ms %.2f ms\n", median (edits, N_RUNS));

  /* PARCOURS_BENCH_PROFILE=edit: many relayouts, for a profiler. */
  if (g_strcmp0 (g_getenv ("PARCOURS_BENCH_PROFILE"), "edit") == 0)
    for (guint run = 0; run < 200; run++)
      {
        ParcoursCard *edited = card_near (layout, 600 + VIEW_WIDTH / 2.0, 500 + VIEW_HEIGHT / 2.0)->card;
        char text[64];

        g_snprintf (text, sizeof text, "Edited in place, run %u", run % 2);
        parcours_history_set (history, edited, NULL, "text", text, NULL);
        parcours_history_seal (history);
        parcours_canvas_get_layout (canvas);
      }

  /* The whole map on screen (zoom to fit stops at 10 %). */
  parcours_viewport_zoom_to_fit (viewport);
  render_frame (canvas, renderer);
  for (guint f = 0; f < N_FRAMES; f++)
    {
      parcours_viewport_set_origin (viewport, f % 2, 0);
      frames[f] = render_frame (canvas, renderer);
    }
  printf ("frame_zoomed_out_5000_ms %.2f ms\n", median (frames, N_FRAMES));

  /* Hit tests anywhere on the map, as motion events make them. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = now_ms ();
      guint found = 0;

      for (guint i = 0; i < 100000; i++)
        found += parcours_layout_hit_test (layout,
                                           g_rand_double_range (rand, 0, parcours_layout_get_width (layout)),
                                           g_rand_double_range (rand, 0, parcours_layout_get_height (layout))) != NULL;
      hits[run] = (now_ms () - start) * 1000 / 100000;
      g_assert (found > 0);
    }
  printf ("hit_test_5000_us %.3f us\n", median (hits, N_RUNS));

  gsk_renderer_unrealize (renderer);
  g_object_unref (canvas);
}

/* A curve-heavy journey as a Mermaid file holds it: 5 000 tasks in 100
 * sections, each scored by 2 actors, so 10 000 labelled emotion points
 * on two curves (bench/whole-process writes the same kind of file). */
#define N_TASKS 5000
#define N_SECTIONS 100

static ParcoursDocument *
generate_points_map (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GString) text = g_string_new ("journey\n  title Curve-heavy journey\n");
  g_autoptr(GError) error = NULL;
  ParcoursDocument *document;

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      g_string_append_printf (text, "  section Section %u\n", s + 1);
      for (guint t = 0; t < N_TASKS / N_SECTIONS; t++)
        {
          g_autofree char *name = make_sentence (rand, g_rand_int_range (rand, 2, 6));

          g_string_append_printf (text, "    %s %u: %d: Customer, Agent\n",
                                  name, s * (N_TASKS / N_SECTIONS) + t + 1, g_rand_int_range (rand, 1, 6));
        }
    }

  document = parcours_mermaid_import (text->str, text->len, &error);
  if (document == NULL)
    g_error ("generated journey does not import: %s", error->message);
  return document;
}

static void
bench_points_layout (ParcoursDocument *document)
{
  g_autoptr(ParcoursStyle) style = parcours_style_new (PARCOURS_THEME_PRINT);
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(ParcoursLayout) layout = parcours_layout_new (style);
      double start = now_ms ();

      parcours_layout_update (layout, document);
      times[run] = now_ms () - start;
    }
  printf ("layout_points_10000_ms %.1f ms\n", median (times, N_RUNS));
}

static void
bench_points (void)
{
  g_autoptr(ParcoursDocument) document = generate_points_map ();

  bench_points_layout (document);
  bench_export (document, PARCOURS_EXPORT_FORMAT_SVG, "export_svg_points_10000_ms");
  bench_export (document, PARCOURS_EXPORT_FORMAT_PDF, "export_pdf_points_10000_ms");
  bench_export (document, PARCOURS_EXPORT_FORMAT_PNG, "export_png_points_10000_ms");
}

/* One card holding a single word of 1 MiB (the format's limit for a
 * string), pseudo-random so that no piece of it repeats: breaking it must
 * be linear. Exported to SVG and PDF; the page is far too tall for PNG. */
static ParcoursDocument *
generate_long_word_map (void)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  g_autoptr(GRand) rand = g_rand_new_with_seed (1024);
  g_autofree char *word = g_malloc (PARCOURS_FORMAT_MAX_STRING_SIZE + 1);
  ParcoursDocument *document = parcours_document_new ();
  g_autoptr(ParcoursStage) stage = parcours_stage_new ("stage", "Stage");
  g_autoptr(ParcoursLane) lane = parcours_lane_new ("lane", PARCOURS_LANE_KIND_TOUCHPOINTS, "Lane");
  g_autoptr(ParcoursCard) card = NULL;

  for (guint i = 0; i < PARCOURS_FORMAT_MAX_STRING_SIZE; i++)
    word[i] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
  word[PARCOURS_FORMAT_MAX_STRING_SIZE] = '\0';
  card = parcours_card_new ("card", "lane", "stage", word);

  _parcours_document_insert (document, PARCOURS_ELEMENT (stage), G_MAXUINT, NULL);
  _parcours_document_insert (document, PARCOURS_ELEMENT (lane), G_MAXUINT, NULL);
  _parcours_document_insert (document, PARCOURS_ELEMENT (card), G_MAXUINT, NULL);

  return document;
}

static void
bench_long_word (void)
{
  g_autoptr(ParcoursDocument) document = generate_long_word_map ();

  bench_export (document, PARCOURS_EXPORT_FORMAT_SVG, "export_svg_long_word_ms");
  bench_export (document, PARCOURS_EXPORT_FORMAT_PDF, "export_pdf_long_word_ms");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ParcoursDocument) document = NULL;

  /* `parcours-bench --long-word`: those figures alone, so that the peak
   * memory is theirs. */
  if (argc > 1 && g_str_equal (argv[1], "--long-word"))
    {
      bench_long_word ();
      printf ("rss_long_word_mb %.1f MB\n", peak_rss_mb ());
      return 0;
    }

  document = generate_map ();

  /* `parcours-bench --write-map FILE`: the generated map as a .parcours
   * file, for timing whole commands on it (bench/startup.sh and
   * bench/whole-process). */
  if (argc > 2 && g_str_equal (argv[1], "--write-map"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);
      g_autoptr(GError) error = NULL;

      if (!parcours_format_save_file (document, file, NULL, &error))
        g_error ("%s: %s", argv[2], error->message);
      return 0;
    }

  /* PARCOURS_BENCH=io: the load and save figures alone, for profiling. */
  if (g_strcmp0 (g_getenv ("PARCOURS_BENCH"), "io") == 0)
    {
      bench_load_save (document);
      return 0;
    }

  /* PARCOURS_BENCH=points: the curve-heavy figures alone. */
  if (g_strcmp0 (g_getenv ("PARCOURS_BENCH"), "points") == 0)
    {
      bench_points ();
      return 0;
    }

  /* PARCOURS_BENCH=layout: the layout figures alone. */
  if (g_strcmp0 (g_getenv ("PARCOURS_BENCH"), "layout") == 0)
    {
      g_autoptr(ParcoursDocument) points = generate_points_map ();

      bench_layout (document);
      bench_points_layout (points);
      return 0;
    }

  /* PARCOURS_BENCH=canvas: the canvas figures alone, for profiling. */
  if (g_strcmp0 (g_getenv ("PARCOURS_BENCH"), "canvas") == 0)
    {
      if (!gtk_init_check ())
        g_error ("the canvas figures need a display");
      bench_canvas (document);
      return 0;
    }

  bench_load_save (document);
  bench_undo_redo (document);
  /* Before the exports: they allocate far more than editing a map does. */
  printf ("rss_5000_mb %.1f MB\n", peak_rss_mb ());

  bench_layout (document);

  /* The canvas figures need GTK, so a display (Xvfb will do). */
  if (gtk_init_check ())
    bench_canvas (document);
  else
    printf ("# frame_*, hit_test and edit_to_frame need a display: skipped\n");

  bench_export (document, PARCOURS_EXPORT_FORMAT_SVG, "export_svg_5000_ms");
  bench_export (document, PARCOURS_EXPORT_FORMAT_PDF, "export_pdf_5000_ms");
  bench_export (document, PARCOURS_EXPORT_FORMAT_PNG, "export_png_5000_ms");
  bench_points ();

  /* The same cards as plain text boxes (no channel icon, no sentiment
   * face): the figure to set beside other tools' text-box exports. */
  for (guint c = 0; c < N_CARDS; c++)
    {
      g_autoptr(ParcoursCard) card = g_list_model_get_item (parcours_document_get_cards (document), c);

      parcours_card_set_channel (card, PARCOURS_CHANNEL_NONE);
      parcours_card_set_sentiment (card, PARCOURS_SENTIMENT_NEUTRAL);
      parcours_card_set_key_moment (card, FALSE);
    }
  bench_export (document, PARCOURS_EXPORT_FORMAT_PDF, "export_pdf_plain_5000_ms");
  bench_export (document, PARCOURS_EXPORT_FORMAT_SVG, "export_svg_plain_5000_ms");

  bench_long_word ();

  return 0;
}
