/* parcours-format-private.h
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "parcours-format.h"

G_BEGIN_DECLS

/* A parsed JSON value. Nodes live in their tree's memory and are never
 * freed one by one; strings are UTF-8 without NUL bytes. */
typedef enum
{
  PARCOURS_JSON_NULL,
  PARCOURS_JSON_BOOLEAN,
  PARCOURS_JSON_INTEGER,        /* no fraction nor exponent, fits in 64 bits */
  PARCOURS_JSON_DOUBLE,         /* may be infinite: 1e999 */
  PARCOURS_JSON_STRING,
  PARCOURS_JSON_ARRAY,
  PARCOURS_JSON_OBJECT,
} ParcoursJsonType;

typedef struct _ParcoursJsonNode ParcoursJsonNode;
typedef struct _ParcoursJsonTree ParcoursJsonTree;

struct _ParcoursJsonNode
{
  ParcoursJsonType type;
  guint n_children;             /* of an array or object */
  const char *name;             /* member name, inside an object */
  ParcoursJsonNode *next;       /* next element or member */
  union {
    gboolean boolean;
    gint64 integer;
    double number;
    struct {
      const char *str;
      gsize length;
    } string;
    ParcoursJsonNode *first_child;
  } value;
};

/* parcours-format-parser.c: strict JSON (RFC 8259) to a tree, with a
 * bounded depth and no recursion. Messages start with the line and
 * column of the problem. */
ParcoursJsonTree *_parcours_json_parse            (const char          *data,
                                                   gsize                length,
                                                   GError             **error);
ParcoursJsonNode *_parcours_json_tree_get_root    (ParcoursJsonTree    *tree);
void              _parcours_json_tree_free        (ParcoursJsonTree    *tree);
ParcoursJsonNode *_parcours_json_object_get       (ParcoursJsonNode    *object,
                                                   const char          *name);
char             *_parcours_format_shorten        (const char          *text);
void              _parcours_format_set_error_at   (GError             **error,
                                                   ParcoursFormatError  code,
                                                   const char          *data,
                                                   gsize                offset,
                                                   const char          *format,
                                                   ...) G_GNUC_PRINTF (5, 6);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParcoursJsonTree, _parcours_json_tree_free)

/* parcours-format-json.c: the JSON text both sides write. An indent of
 * -1 writes a node on one line, without spaces. */
void              _parcours_json_append_string    (GString             *out,
                                                   const char          *str);
gboolean          _parcours_json_append_double    (GString             *out,
                                                   double               value);
gboolean          _parcours_json_append_node      (GString             *out,
                                                   ParcoursJsonNode    *node,
                                                   int                  indent);
void              _parcours_json_append_indent    (GString             *out,
                                                   int                  indent);

/* parcours-format-members.c: what each element of the format holds,
 * described once for the reader, the writer and the keeping of members
 * this version does not know. */
typedef enum
{
  PARCOURS_MEMBER_TEXT,         /* a string of at most MAX_STRING_SIZE bytes; "" is not written */
  PARCOURS_MEMBER_TEXT_LIST,    /* an array of such strings; [] is not written */
  PARCOURS_MEMBER_COLOR,        /* "#rrggbb" or null; null is not written */
  PARCOURS_MEMBER_ENUM,         /* the nick of the property's enum value */
  PARCOURS_MEMBER_NUMBER,       /* a finite number from min to max */
  PARCOURS_MEMBER_COUNT,        /* a whole number from min to max, in a guint property */
  PARCOURS_MEMBER_BOOLEAN,      /* true or false; false is not written */
  PARCOURS_MEMBER_REFERENCE,    /* the id of an element of type target, or null; null is not written */
  PARCOURS_MEMBER_PHOTO,        /* a persona's photo, a data URI (see read_photo) */
} ParcoursMemberKind;

typedef enum
{
  PARCOURS_MEMBER_OPTIONAL = 0,
  PARCOURS_MEMBER_REQUIRED = 1 << 0,      /* an element without it is refused; always written */
  PARCOURS_MEMBER_ALWAYS_WRITTEN = 1 << 1, /* written even when it holds its default */
  PARCOURS_MEMBER_EMOTIONS_LANE = 1 << 2,  /* a reference to a lane of kind "emotions" */
} ParcoursMemberFlags;

/* A getter or a setter of the model, cast: the reader and the writer call
 * it through the type its member's kind gives (below), the object as
 * its first argument, as GLib calls callbacks and destroy notifies. */
typedef void (*ParcoursMemberFunc) (void);

typedef const char *         (*ParcoursGetString)  (gpointer object);
typedef void                 (*ParcoursSetString)  (gpointer object, const char *value);
typedef const char * const * (*ParcoursGetStrv)    (gpointer object);
typedef void                 (*ParcoursSetStrv)    (gpointer object, const char * const *value);
typedef int                  (*ParcoursGetEnum)    (gpointer object);
typedef void                 (*ParcoursSetEnum)    (gpointer object, int value);
typedef double               (*ParcoursGetNumber)  (gpointer object);
typedef void                 (*ParcoursSetNumber)  (gpointer object, double value);
typedef guint                (*ParcoursGetCount)   (gpointer object);
typedef void                 (*ParcoursSetCount)   (gpointer object, guint value);
typedef gboolean             (*ParcoursGetBoolean) (gpointer object);
typedef void                 (*ParcoursSetBoolean) (gpointer object, gboolean value);

typedef struct
{
  const char *name;             /* in the file */
  ParcoursMemberKind kind;
  ParcoursMemberFlags flags;
  double min;                   /* of a number */
  double max;
  double default_value;         /* of a number or enum: not written; a NaN is written as it */
  GType (*target_type) (void);  /* of a reference */
  GType (*enum_type) (void);    /* of an enum */
  ParcoursMemberFunc get;       /* the model's accessors; none for a photo */
  ParcoursMemberFunc set;
} ParcoursMember;

typedef struct
{
  ParcoursCollection collection;
  GType (*get_type) (void);
  guint max_items;
  const ParcoursMember *members;  /* after "id", in the order they are written */
  guint n_members;
} ParcoursElementFormat;

/* The document's own members, after "format" and "version" */
extern const ParcoursMember _parcours_format_document_members[];
extern const guint _parcours_format_n_document_members;
/* The collections, in the order they are read and written */
extern const ParcoursElementFormat _parcours_format_elements[PARCOURS_N_COLLECTIONS];

const ParcoursMember *_parcours_format_find_member  (const ParcoursMember *members,
                                                     guint                 n_members,
                                                     const char           *name);
gboolean          _parcours_format_is_known_top_level (const char         *name);

/* parcours-format-reader.c: a parsed tree to a validated document. */
ParcoursDocument *_parcours_format_read           (ParcoursJsonNode    *root,
                                                   GError             **error);
ParcoursDocument *_parcours_format_read_with_warnings (ParcoursJsonNode *root,
                                                   GPtrArray           *warnings,
                                                   GError             **error);

/* parcours-format-writer.c: a document to its canonical text. */
GString          *_parcours_format_write          (ParcoursDocument    *document);

G_END_DECLS
