/* parcours-types.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names of Parcours's object types, so that a header can take or
 * return one without including the subsystem that defines it (which a
 * lower layer could not do anyway). A file that calls into a type
 * includes its own header. C11 allows each typedef to be repeated by the
 * G_DECLARE_FINAL_TYPE of that header. */

/* model */
typedef struct _ParcoursCard            ParcoursCard;
typedef struct _ParcoursDocument        ParcoursDocument;
typedef struct _ParcoursElement         ParcoursElement;
typedef struct _ParcoursEmotionPoint    ParcoursEmotionPoint;
typedef struct _ParcoursLane            ParcoursLane;
typedef struct _ParcoursPersona         ParcoursPersona;
typedef struct _ParcoursStage           ParcoursStage;

/* history */
typedef struct _ParcoursCommand         ParcoursCommand;
typedef struct _ParcoursHistory         ParcoursHistory;

/* render and export */
typedef struct _ParcoursDisplayList     ParcoursDisplayList;
typedef struct _ParcoursLayout          ParcoursLayout;
typedef struct _ParcoursPagination      ParcoursPagination;
typedef struct _ParcoursStyle           ParcoursStyle;
typedef struct _ParcoursTextMeasurer    ParcoursTextMeasurer;

/* canvas */
typedef struct _ParcoursCanvas          ParcoursCanvas;
typedef struct _ParcoursInteraction     ParcoursInteraction;
typedef struct _ParcoursPalette         ParcoursPalette;
typedef struct _ParcoursSelection       ParcoursSelection;
typedef struct _ParcoursViewport        ParcoursViewport;

/* ui */
typedef struct _ParcoursApplication     ParcoursApplication;
typedef struct _ParcoursDraft           ParcoursDraft;
typedef struct _ParcoursInspector       ParcoursInspector;
typedef struct _ParcoursOutline         ParcoursOutline;
typedef struct _ParcoursOutlineNode     ParcoursOutlineNode;
typedef struct _ParcoursTemplateDialog  ParcoursTemplateDialog;
typedef struct _ParcoursWindow          ParcoursWindow;

G_END_DECLS
