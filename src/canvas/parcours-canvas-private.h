/* parcours-canvas-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-canvas.h"
#include "parcours-display-list.h"

G_BEGIN_DECLS

/* The primitives of one element (or one background primitive), with the
 * render node that draws them, cached across frames and relayouts while
 * they paint the same. */
typedef struct
{
  ParcoursElement *element;     /* NULL for the background */
  guint first;
  guint n;
  ParcoursRect bounds;
  double origin_x;              /* nodes are recorded relative to this */
  double origin_y;
  guint64 signature;            /* of what the primitives paint */
} ParcoursCanvasRun;

/* A square of the map at one device scale, drawn once into a texture. */
typedef struct
{
  cairo_surface_t *surface;
  GdkTexture *texture;          /* of the surface, made when a renderer wants one */
  ParcoursRect rect;            /* in layout units */
  guint64 last_used;
} ParcoursCanvasTile;

struct _ParcoursCanvas
{
  GtkWidget parent_instance;

  ParcoursHistory *history;
  ParcoursDocument *document;
  GSignalGroup *document_signals;

  ParcoursStyle *style;
  ParcoursLayout *layout;
  ParcoursDisplayList *list;
  GArray *runs;                 /* ParcoursCanvasRun, in painting order */
  GHashTable *element_runs;     /* element → index in runs + 1 */
  GHashTable *nodes;            /* guint64 key → GskRenderNode */

  /* The map at the current device scale in tiles, drawn from the nodes
   * with cairo; lifted elements (being
   * dragged or edited) are left out of them and drawn live on top. */
  GHashTable *tiles;            /* gint64 (row << 32 | column) → ParcoursCanvasTile */
  double tile_scale;
  double map_width;             /* of the display list the tiles show */
  double map_height;
  guint64 frame_counter;
  GPtrArray *lifted;            /* ParcoursElement, owned */
  guint layout_dirty : 1;
  /* What changed since the last layout: only the text, details, KPI or
   * colour of @edited_cards, unless @relayout_all. */
  guint relayout_all : 1;
  guint element_changing : 1;   /* an element-changed awaits its changed */
  GPtrArray *edited_cards;      /* ParcoursCard, owned */
  guint space_held : 1;
  guint panning : 1;
  guint voting : 1;             /* a dot-voting round: clicks vote */

  ParcoursViewport *viewport;
  ParcoursSelection *selection;
  ParcoursInteraction *interaction;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
  guint configuring_adjustments : 1;

  guint tick_id;

  /* While the zoom changes, tiles stay at the scale they were drawn at
   * (scaled on screen) and are drawn sharp again once it settles. */
  guint zoom_settle_id;
  guint zooming : 1;
  /* An animated zoom (keyboard, menu) towards a target. */
  double zoom_from;
  double zoom_to;
  gint64 zoom_start;
  guint zoom_animating : 1;
  double pointer_x;             /* widget coordinates of the last motion */
  double pointer_y;
  gboolean pointer_pressed;
  ParcoursModifiers pointer_modifiers;
  double zoom_gesture_start;

  /* Double presses, counted by hand: the drag gesture does not. */
  guint32 last_press_time;
  double last_press_x;
  double last_press_y;

  /* The context menu, and what and where it was opened on. */
  GtkWidget *menu;              /* GtkPopoverMenu */
  ParcoursElement *menu_target;
  double menu_x;                /* layout coordinates */
  double menu_y;
  gboolean menu_in_use;         /* from opening until its action ran */

  /* Where the paste in progress goes, when not the focused cell. */
  gboolean has_paste_cell;
  guint paste_lane;
  guint paste_stage;
  guint paste_index;

  GtkWidget *editor;            /* GtkTextView over the text being edited */
  GtkCssProvider *editor_css;
  gboolean updating_editor;

  /* Presenting: the view moves smoothly to the stage shown (zoom and
   * centre), and a veil over the rest of the map follows it. */
  ParcoursPresentation *presentation;
  double frame_from[3];         /* zoom, centre x, centre y */
  double frame_to[3];
  ParcoursRect spotlight_from;
  ParcoursRect spotlight_to;
  ParcoursRect spotlight;       /* what the veil leaves out now */
  double veil_from;
  double veil_to;
  double veil;                  /* 0 (none) to 1 */
  gint64 frame_start;
  guint frame_animating : 1;
  gboolean snap_to_levels;      /* what a drag of a point does without Shift */
};

/* parcours-canvas.c */
char    *_parcours_canvas_describe_level    (ParcoursEmotionPoint *point);
void     _parcours_canvas_ensure_layout     (ParcoursCanvas *self);
void     _parcours_canvas_queue_relayout    (ParcoursCanvas *self);
void     _parcours_canvas_configure_adjustments (ParcoursCanvas *self);

/* parcours-canvas-render.c */
double   _parcours_canvas_tile_scale        (ParcoursCanvas *self,
                                             double          device_scale);
void     _parcours_canvas_init_render       (ParcoursCanvas *self);
void     _parcours_canvas_clear_render      (ParcoursCanvas *self);
void     _parcours_canvas_rebuild_runs      (ParcoursCanvas *self);
gboolean _parcours_canvas_repaint_cards     (ParcoursCanvas *self,
                                             GArray         *changed);
void     _parcours_canvas_snapshot_map      (ParcoursCanvas *self,
                                             GtkSnapshot    *snapshot,
                                             gboolean        decorations);

/* parcours-canvas-present.c */
void     _parcours_canvas_init_present      (ParcoursCanvas *self);
void     _parcours_canvas_reframe           (ParcoursCanvas *self,
                                             gboolean        animate);
gboolean _parcours_canvas_animate_frame     (ParcoursCanvas *self,
                                             gint64          now);
void     _parcours_canvas_snapshot_spotlight (ParcoursCanvas *self,
                                             GtkSnapshot    *snapshot,
                                             double          device_scale);
void     _parcours_canvas_ensure_tick       (ParcoursCanvas *self);

/* parcours-canvas-gestures.c */
void     _parcours_canvas_init_gestures     (ParcoursCanvas *self);
gboolean _parcours_canvas_autoscroll        (ParcoursCanvas *self);
ParcoursModifiers _parcours_canvas_modifiers (GdkModifierType state);

/* parcours-canvas-keyboard.c */
void     _parcours_canvas_class_init_keyboard (GtkWidgetClass *widget_class);

/* parcours-canvas-menu.c */
void     _parcours_canvas_class_init_menu   (GtkWidgetClass *widget_class);
void     _parcours_canvas_init_menu         (ParcoursCanvas *self);
void     _parcours_canvas_dispose_menu      (ParcoursCanvas *self);
void     _parcours_canvas_open_menu         (ParcoursCanvas  *self,
                                             ParcoursElement *target,
                                             double           layout_x,
                                             double           layout_y);
void     _parcours_canvas_remove_header (ParcoursCanvas  *self,
                                         ParcoursElement *header);
void     _parcours_canvas_toast             (ParcoursCanvas *self,
                                             const char     *title,
                                             gboolean        offer_undo);

/* parcours-canvas-touch.c */
void     _parcours_canvas_init_touch        (ParcoursCanvas *self);
gboolean _parcours_canvas_is_touch          (GtkGesture     *gesture);

/* parcours-canvas-drop.c */
void     _parcours_canvas_init_drop         (ParcoursCanvas *self);

/* parcours-canvas-clipboard.c */
void     _parcours_canvas_class_init_clipboard (GtkWidgetClass *widget_class);

/* parcours-canvas-voting.c */
void     _parcours_canvas_init_voting       (ParcoursCanvas *self);

/* parcours-canvas-editor.c */
void     _parcours_canvas_begin_editor      (ParcoursCanvas  *self,
                                             ParcoursElement *element);
void     _parcours_canvas_end_editor        (ParcoursCanvas  *self,
                                             gboolean         next_card);
void     _parcours_canvas_allocate_editor   (ParcoursCanvas  *self);

G_END_DECLS
