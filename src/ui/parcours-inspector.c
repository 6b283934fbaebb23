/* parcours-inspector.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-inspector.h"
#include "parcours-style.h"
#include "parcours-ui-private.h"
#include "parcours-votes-group.h"

/* The property panels of the side panel: the map when nothing is
 * selected, else the selected stage, lane, emotion point or cards.
 * Several cards edit their shared properties together; a value they do
 * not share says so. Every edit is a command of the history: typing in
 * one field merges into one step until the field loses the focus. The
 * panels follow the document's signals, so an undo shows at once.
 *
 * Each field is a row bound to a property by the table below; one pair
 * of functions reads and writes every kind of field. The map's page,
 * the one a window starts with, is in the template; the others are
 * built from parcours-inspector-pages.ui the first time they show, so
 * that a start does not wait for the widgets of pages it does not show. */

typedef enum
{
  FIELD_TEXT,     /* AdwEntryRow, a string property */
  FIELD_ENUM,     /* AdwComboRow, an enum property with values 0…n-1 */
  FIELD_BOOLEAN,  /* GtkSwitch, a boolean property */
  FIELD_LEVEL,    /* AdwComboRow of the five emotion levels, "value" */
  FIELD_LIST,     /* GtkTextView, a list of strings, one a line */
  FIELD_COLOR,    /* GtkColorButton in a row, and a "_reset" button beside */
  FIELD_WIDTH,    /* GtkSpinButton, a double property */
  FIELD_PERSONA,  /* AdwComboRow of "None" and the map's personas, an id */
} FieldKind;

typedef struct
{
  const char *page;
  const char *property;
  FieldKind   kind;
  const char *widget;
} FieldInfo;

static const FieldInfo fields[] = {
  { "map", "title", FIELD_TEXT, "map_title" },
  { "map", "kind", FIELD_ENUM, "map_kind" },
  { "map", "description", FIELD_TEXT, "map_description" },
  { "map", "goals", FIELD_LIST, "map_goals" },
  { "stage", "name", FIELD_TEXT, "stage_name" },
  { "stage", "description", FIELD_TEXT, "stage_description" },
  { "stage", "color", FIELD_COLOR, "stage_color" },
  { "stage", "width", FIELD_WIDTH, "stage_width" },
  { "lane", "name", FIELD_TEXT, "lane_name" },
  { "lane", "kind", FIELD_ENUM, "lane_kind" },
  { "lane", "persona-id", FIELD_PERSONA, "lane_persona" },
  { "card", "text", FIELD_TEXT, "card_text" },
  { "card", "details", FIELD_TEXT, "card_details" },
  { "card", "channel", FIELD_ENUM, "card_channel" },
  { "card", "sentiment", FIELD_ENUM, "card_sentiment" },
  { "card", "color", FIELD_COLOR, "card_color" },
  { "card", "key-moment", FIELD_BOOLEAN, "card_key_moment" },
  { "card", "kpi", FIELD_TEXT, "card_kpi" },
  { "point", "value", FIELD_LEVEL, "point_level" },
  { "point", "label", FIELD_TEXT, "point_label" },
};

struct _ParcoursInspector
{
  AdwBin              parent_instance;

  ParcoursHistory    *history;
  ParcoursDocument   *document;
  ParcoursSelection  *selection;

  /* What the visible page edits: the document or elements of one kind */
  GPtrArray          *targets;
  const char         *page;

  GtkStack           *stack;
  AdwPreferencesGroup *card_group;
  ParcoursVotesGroup *map_votes;
  ParcoursVotesGroup *card_votes;
  GtkWidget          *widgets[G_N_ELEMENTS (fields)];
  GtkWidget          *resets[G_N_ELEMENTS (fields)];
  ParcoursStyle      *style;

  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursInspector, parcours_inspector, ADW_TYPE_BIN)

#define FIELD_INDEX_KEY "parcours-inspector-field"

#define PAGES_RESOURCE "/io/github/parcours/Parcours/parcours-inspector-pages.ui"

static void setup_field (ParcoursInspector *self,
                         GtkBuilder        *builder,
                         guint              i);

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

static const char *
page_for_element (ParcoursElement *element)
{
  if (PARCOURS_IS_CARD (element))
    return "card";
  if (PARCOURS_IS_STAGE (element))
    return "stage";
  if (PARCOURS_IS_LANE (element))
    return "lane";
  if (PARCOURS_IS_EMOTION_POINT (element))
    return "point";

  return NULL;
}

/* Which page shows, and what it edits: several elements only if they
 * are all cards. */
static void
choose_targets (ParcoursInspector *self)
{
  guint n = self->selection ? parcours_selection_get_n_items (self->selection) : 0;

  g_ptr_array_set_size (self->targets, 0);
  self->page = "map";

  if (self->document == NULL)
    return;

  if (n == 0)
    {
      g_ptr_array_add (self->targets, g_object_ref (self->document));
      return;
    }

  self->page = page_for_element (parcours_selection_get_item (self->selection, 0));

  for (guint i = 0; i < n; i++)
    {
      ParcoursElement *element = parcours_selection_get_item (self->selection, i);

      if (g_strcmp0 (page_for_element (element), self->page) != 0 ||
          (n > 1 && !PARCOURS_IS_CARD (element)))
        {
          g_ptr_array_set_size (self->targets, 0);
          self->page = "mixed";
          return;
        }
      g_ptr_array_add (self->targets, g_object_ref (element));
    }
}

static int
read_level (GObject *object)
{
  return parcours_emotion_point_get_level (PARCOURS_EMOTION_POINT (object));
}

/* The value of field @i in every target, or FALSE if they differ. */
static gboolean
read_shared (ParcoursInspector *self,
             guint              i,
             GValue            *value)
{
  const FieldInfo *info = &fields[i];

  for (guint t = 0; t < self->targets->len; t++)
    {
      GObject *target = g_ptr_array_index (self->targets, t);
      g_auto(GValue) other = G_VALUE_INIT;

      if (info->kind == FIELD_LEVEL)
        {
          g_value_init (&other, G_TYPE_INT);
          g_value_set_int (&other, read_level (target));
        }
      else
        {
          g_object_get_property (target, info->property, &other);
        }

      if (t == 0)
        {
          g_value_init (value, G_VALUE_TYPE (&other));
          g_value_copy (&other, value);
          continue;
        }

      if ((G_VALUE_HOLDS_STRING (value) && g_strcmp0 (g_value_get_string (value), g_value_get_string (&other)) != 0) ||
          (G_VALUE_HOLDS_ENUM (value) && g_value_get_enum (value) != g_value_get_enum (&other)) ||
          (G_VALUE_HOLDS_BOOLEAN (value) && g_value_get_boolean (value) != g_value_get_boolean (&other)) ||
          (G_VALUE_HOLDS_INT (value) && g_value_get_int (value) != g_value_get_int (&other)) ||
          (G_VALUE_HOLDS_DOUBLE (value) && g_value_get_double (value) != g_value_get_double (&other)) ||
          (G_VALUE_HOLDS (value, G_TYPE_STRV) && !strv_equal (g_value_get_boxed (value), g_value_get_boxed (&other))))
        return FALSE;
    }

  return self->targets->len > 0;
}

/* The colour a field shows when the element has none of its own: the
 * one the map paints it in. */
static ParcoursRgba
default_color (ParcoursInspector *self,
               GObject           *target)
{
  guint position = 0;

  if (PARCOURS_IS_STAGE (target))
    {
      parcours_document_find_position (self->document, PARCOURS_ELEMENT (target), &position);
      return parcours_style_stage_color (self->style, NULL, position);
    }

  if (PARCOURS_IS_CARD (target))
    {
      ParcoursLane *lane = parcours_document_lookup_lane (self->document,
                                                          parcours_card_get_lane_id (PARCOURS_CARD (target)));

      return self->style->lane_tints[lane ? parcours_lane_get_kind (lane) : PARCOURS_LANE_KIND_NOTES];
    }

  return self->style->surface;
}

static void
show_color (ParcoursInspector *self,
            guint              i,
            gboolean           shared,
            const char        *color)
{
  GtkWidget *widget = self->widgets[i];
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  gboolean any_color = FALSE;
  GdkRGBA rgba;

  if (color != NULL)
    {
      _parcours_ui_rgba_from_color (color, &rgba);
    }
  else
    {
      ParcoursRgba shown = default_color (self, g_ptr_array_index (self->targets, 0));

      rgba = (GdkRGBA) { shown.red, shown.green, shown.blue, 1 };
    }
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (widget), &rgba);

  for (guint t = 0; t < self->targets->len; t++)
    {
      g_autofree char *own = NULL;

      g_object_get (g_ptr_array_index (self->targets, t), fields[i].property, &own, NULL);
      any_color |= own != NULL;
    }
  gtk_widget_set_sensitive (self->resets[i], any_color);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               !shared ? _("Several values") : color == NULL ? C_("color", "Default") : NULL);
}

/* "None", then every persona of the map, by name. */
static void
show_persona (ParcoursInspector *self,
              guint              i,
              const char        *persona_id)
{
  AdwComboRow *row = ADW_COMBO_ROW (self->widgets[i]);
  GListModel *personas = parcours_document_get_personas (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *shown = adw_combo_row_get_model (row);
  guint selected = 0;
  gboolean same = shown != NULL;
  ParcoursLane *lane = PARCOURS_LANE (g_ptr_array_index (self->targets, 0));

  /* Translators: an emotion lane that follows no persona */
  gtk_string_list_append (names, _("None"));
  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    {
      g_autoptr(ParcoursPersona) persona = g_list_model_get_item (personas, p);
      const char *name = parcours_persona_get_name (persona);

      gtk_string_list_append (names, name != NULL && name[0] != '\0' ? name : _("Unnamed persona"));
      if (g_strcmp0 (parcours_element_get_id (PARCOURS_ELEMENT (persona)), persona_id) == 0)
        selected = p + 1;
    }

  /* A new model only when the names changed: it resets the popover. */
  same = same && g_list_model_get_n_items (shown) == g_list_model_get_n_items (G_LIST_MODEL (names));
  for (guint n = 0; same && n < g_list_model_get_n_items (shown); n++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (shown), n),
                      gtk_string_list_get_string (names, n)) == 0;
  if (!same)
    adw_combo_row_set_model (row, G_LIST_MODEL (names));

  adw_combo_row_set_selected (row, selected);
  /* Only an emotion lane shows a persona's curve. */
  gtk_widget_set_visible (GTK_WIDGET (row), parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS);
}

static void
show_field (ParcoursInspector *self,
            guint              i)
{
  const FieldInfo *info = &fields[i];
  GtkWidget *widget = self->widgets[i];
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean shared = read_shared (self, i, &value);
  gboolean several = self->targets->len > 1;

  switch (info->kind)
    {
    case FIELD_TEXT:
      {
        const char *text = shared ? g_value_get_string (&value) : "";

        /* Leave the cursor alone when the text is what was typed. */
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text ? text : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
        /* Texts of several cards are edited on each card. */
        gtk_widget_set_sensitive (widget, !several);
        break;
      }

    case FIELD_ENUM:
    case FIELD_LEVEL:
      {
        int selected = 0;

        if (shared)
          selected = info->kind == FIELD_LEVEL ? g_value_get_int (&value) - PARCOURS_EMOTION_MIN_LEVEL
                                               : g_value_get_enum (&value);
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), shared ? (guint) selected : GTK_INVALID_LIST_POSITION);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), shared ? NULL : _("Several values"));
        break;
      }

    case FIELD_LIST:
      _parcours_ui_text_view_show_list (GTK_TEXT_VIEW (widget), shared ? g_value_get_boxed (&value) : NULL);
      break;

    case FIELD_COLOR:
      show_color (self, i, shared, shared ? g_value_get_string (&value) : NULL);
      break;

    case FIELD_WIDTH:
      if (shared && gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)) != g_value_get_double (&value))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_value_get_double (&value));
      break;

    case FIELD_PERSONA:
      show_persona (self, i, shared ? g_value_get_string (&value) : NULL);
      break;

    case FIELD_BOOLEAN:
      {
        GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

        gtk_switch_set_active (GTK_SWITCH (widget), shared && g_value_get_boolean (&value));
        if (row != NULL)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shared ? NULL : _("Several values"));
        break;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Builds @page ("stage", "card"…) from its file unless it was built:
 * its fields, and for the cards' page its votes. */
static void
ensure_page (ParcoursInspector *self,
             const char        *page)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[2];

  if (gtk_stack_get_child_by_name (self->stack, page) != NULL)
    return;

  id = g_strconcat (page, "_page", NULL);
  ids[0] = id;
  ids[1] = NULL;
  builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (builder, PAGES_RESOURCE, ids, &error))
    g_error ("%s: %s", PAGES_RESOURCE, error->message);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].page, page))
      setup_field (self, builder, i);

  if (g_str_equal (page, "card"))
    {
      self->card_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "card_group"));
      self->card_votes = PARCOURS_VOTES_GROUP (gtk_builder_get_object (builder, "card_votes"));
      parcours_votes_group_set_history (self->card_votes, self->history);
      parcours_votes_group_set_selection (self->card_votes, self->selection);
    }

  gtk_stack_add_named (self->stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), page);
}

static void
parcours_inspector_refresh (ParcoursInspector *self)
{
  self->updating = TRUE;

  choose_targets (self);
  ensure_page (self, self->page);
  gtk_stack_set_visible_child_name (self->stack, self->page);

  if (g_str_equal (self->page, "card"))
    {
      g_autofree char *title = NULL;

      if (self->targets->len > 1)
        /* Translators: the heading of the inspector for several cards */
        title = g_strdup_printf (ngettext ("%u Card", "%u Cards", self->targets->len),
                                 self->targets->len);
      adw_preferences_group_set_title (self->card_group, title ? title : _("Card"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].page, self->page))
      show_field (self, i);

  self->updating = FALSE;
}

/* Field @i as a value of its property. */
static void
read_field (ParcoursInspector *self,
            guint              i,
            GValue            *value)
{
  const FieldInfo *info = &fields[i];
  GtkWidget *widget = self->widgets[i];
  GObject *target = g_ptr_array_index (self->targets, 0);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), info->property);

  g_value_init (value, pspec->value_type);

  switch (info->kind)
    {
    case FIELD_TEXT:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (widget)));
      break;

    case FIELD_ENUM:
      g_value_set_enum (value, adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
      break;

    case FIELD_BOOLEAN:
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (widget)));
      break;

    case FIELD_LIST:
      {
        g_auto(GStrv) items = _parcours_ui_text_view_read_list (GTK_TEXT_VIEW (widget));

        g_value_set_boxed (value, items);
        break;
      }

    case FIELD_COLOR:
      {
        GdkRGBA rgba;
        g_autofree char *color = NULL;

        gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (widget), &rgba);
        color = _parcours_ui_color_from_rgba (&rgba);
        g_value_set_string (value, color);
        break;
      }

    case FIELD_WIDTH:
      g_value_set_double (value, gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)));
      break;

    case FIELD_PERSONA:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
        g_autoptr(ParcoursPersona) persona = NULL;

        if (selected > 0)
          persona = g_list_model_get_item (parcours_document_get_personas (self->document), selected - 1);
        g_value_set_string (value, persona ? parcours_element_get_id (PARCOURS_ELEMENT (persona)) : NULL);
        break;
      }

    case FIELD_LEVEL:
      g_value_set_double (value,
                          parcours_emotion_level_to_value ((int) adw_combo_row_get_selected (ADW_COMBO_ROW (widget)) +
                                                           PARCOURS_EMOTION_MIN_LEVEL));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void apply_value (ParcoursInspector *self,
                         guint              i,
                         const GValue      *value);

static void
field_changed (ParcoursInspector *self,
               GtkWidget         *widget)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), FIELD_INDEX_KEY));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->history == NULL || self->targets->len == 0)
    return;
  if (!g_str_equal (fields[i].page, self->page))
    return;
  /* A combo showing several values has nothing selected. */
  if (ADW_IS_COMBO_ROW (widget) &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (widget)) == GTK_INVALID_LIST_POSITION)
    return;

  read_field (self, i, &value);
  apply_value (self, i, &value);
}

/* Sets field @i to @value on every target: one step. */
static void
apply_value (ParcoursInspector *self,
             guint              i,
             const GValue      *value)
{
  g_autoptr(GPtrArray) targets = NULL;

  /* Editing refreshes the panel through the document's signals: work on
   * a copy of the targets. */
  targets = g_ptr_array_copy (self->targets, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (targets, g_object_unref);

  if (targets->len > 1)
    parcours_history_begin_group (self->history, _("Edit Cards"));
  for (guint t = 0; t < targets->len; t++)
    parcours_history_set_value (self->history, g_ptr_array_index (targets, t),
                                fields[i].property, value, NULL);
  if (targets->len > 1)
    parcours_history_end_group (self->history);
}

static void
entry_changed_cb (GtkEditable       *editable,
                  ParcoursInspector *self)
{
  field_changed (self, GTK_WIDGET (editable));
}

static void
notify_value_cb (GObject           *object,
                 GParamSpec        *pspec,
                 ParcoursInspector *self)
{
  field_changed (self, GTK_WIDGET (object));
}

static void
buffer_changed_cb (GtkTextBuffer     *buffer,
                   ParcoursInspector *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "view");
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), FIELD_INDEX_KEY));
  g_auto(GStrv) items = NULL;
  g_auto(GValue) shown = G_VALUE_INIT;

  if (self->updating || self->targets->len == 0 || !g_str_equal (fields[i].page, self->page))
    return;

  /* A blank line typed is no change of the list. */
  items = _parcours_ui_text_view_read_list (GTK_TEXT_VIEW (view));
  if (read_shared (self, i, &shown) && strv_equal ((const char * const *) items, g_value_get_boxed (&shown)))
    return;

  field_changed (self, view);
}

/* A colour chosen is one step, as are the spin button's clicks. */
static void
color_set_cb (GtkColorButton    *button,
              ParcoursInspector *self)
{
  field_changed (self, GTK_WIDGET (button));
  if (self->history != NULL)
    parcours_history_seal (self->history);
}

static void
color_reset_cb (GtkButton         *button,
                ParcoursInspector *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), FIELD_INDEX_KEY));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->history == NULL || self->targets->len == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  parcours_history_seal (self->history);
  apply_value (self, i, &value);
  parcours_history_seal (self->history);
}

static void
spin_value_changed_cb (GtkSpinButton     *spin,
                       ParcoursInspector *self)
{
  field_changed (self, GTK_WIDGET (spin));
}

/* Typing in a field is one step; leaving it ends the step. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                ParcoursInspector       *self)
{
  if (self->history != NULL)
    parcours_history_seal (self->history);
}

static void
document_changed_cb (ParcoursInspector *self,
                     ParcoursDocument  *document)
{
  parcours_inspector_refresh (self);
}

static void
selection_changed_cb (ParcoursInspector *self,
                      ParcoursSelection *selection)
{
  if (self->history != NULL)
    parcours_history_seal (self->history);
  parcours_inspector_refresh (self);
}

static GListModel *
new_enum_model (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint v = 0; v < klass->n_values; v++)
    {
      const char *label = NULL;

      if (type == PARCOURS_TYPE_MAP_KIND)
        label = parcours_map_kind_get_label (v);
      else if (type == PARCOURS_TYPE_LANE_KIND)
        label = parcours_lane_kind_get_label (v);
      else if (type == PARCOURS_TYPE_CHANNEL)
        label = parcours_channel_get_label (v);
      else if (type == PARCOURS_TYPE_SENTIMENT)
        label = parcours_sentiment_get_label (v);
      gtk_string_list_append (list, label ? label : klass->values[v].value_nick);
    }

  return G_LIST_MODEL (list);
}

/* Texts and numbers are committed when the keyboard leaves them. */
static void
commit_on_focus_leave (ParcoursInspector *self,
                       GtkWidget         *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
}

/* The enumeration a drop-down field of @field's page chooses from. */
static GType
field_enum_type (const FieldInfo *field)
{
  if (g_str_equal (field->page, "map"))
    return PARCOURS_TYPE_MAP_KIND;
  if (g_str_equal (field->page, "lane"))
    return PARCOURS_TYPE_LANE_KIND;
  if (g_str_equal (field->property, "channel"))
    return PARCOURS_TYPE_CHANNEL;
  return PARCOURS_TYPE_SENTIMENT;
}

/* The five emotion levels, in words. */
static GListModel *
new_level_model (void)
{
  GtkStringList *levels = gtk_string_list_new (NULL);

  for (int level = PARCOURS_EMOTION_MIN_LEVEL; level <= PARCOURS_EMOTION_MAX_LEVEL; level++)
    gtk_string_list_append (levels, parcours_emotion_level_get_label (level));

  return G_LIST_MODEL (levels);
}

/* The widget called @name in @builder, or in the template without one. */
static GtkWidget *
find_widget (ParcoursInspector *self,
             GtkBuilder        *builder,
             const char        *name)
{
  GObject *object;

  if (builder != NULL)
    object = gtk_builder_get_object (builder, name);
  else
    object = gtk_widget_get_template_child (GTK_WIDGET (self), PARCOURS_TYPE_INSPECTOR, name);

  g_assert (GTK_IS_WIDGET (object));
  return GTK_WIDGET (object);
}

/* A colour field's reset button, named after it. */
static void
setup_color_reset (ParcoursInspector *self,
                   GtkBuilder        *builder,
                   guint              i)
{
  g_autofree char *reset_name = g_strconcat (fields[i].widget, "_reset", NULL);

  self->resets[i] = find_widget (self, builder, reset_name);
  g_object_set_data (G_OBJECT (self->resets[i]), FIELD_INDEX_KEY, GUINT_TO_POINTER (i));
  g_signal_connect (self->resets[i], "clicked", G_CALLBACK (color_reset_cb), self);
}

/* Field @i of the template (@builder %NULL) or of a page just built. */
static void
setup_field (ParcoursInspector *self,
             GtkBuilder        *builder,
             guint              i)
{
  GtkWidget *widget = find_widget (self, builder, fields[i].widget);

  self->widgets[i] = widget;
  g_object_set_data (G_OBJECT (widget), FIELD_INDEX_KEY, GUINT_TO_POINTER (i));

  switch (fields[i].kind)
    {
    case FIELD_TEXT:
      g_signal_connect (widget, "changed", G_CALLBACK (entry_changed_cb), self);
      commit_on_focus_leave (self, widget);
      break;

    case FIELD_ENUM:
    case FIELD_LEVEL:
      {
        g_autoptr(GListModel) model = fields[i].kind == FIELD_ENUM
                                      ? new_enum_model (field_enum_type (&fields[i]))
                                      : new_level_model ();

        adw_combo_row_set_model (ADW_COMBO_ROW (widget), model);
        g_signal_connect (widget, "notify::selected", G_CALLBACK (notify_value_cb), self);
        break;
      }

    case FIELD_BOOLEAN:
      g_signal_connect (widget, "notify::active", G_CALLBACK (notify_value_cb), self);
      break;

    case FIELD_LIST:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

        g_object_set_data (G_OBJECT (buffer), "view", widget);
        g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
        commit_on_focus_leave (self, widget);
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Goals"),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("One a line"),
                                        -1);
        break;
      }

    case FIELD_COLOR:
      g_signal_connect (widget, "color-set", G_CALLBACK (color_set_cb), self);
      setup_color_reset (self, builder, i);
      break;

    case FIELD_WIDTH:
      g_signal_connect (widget, "value-changed", G_CALLBACK (spin_value_changed_cb), self);
      commit_on_focus_leave (self, widget);
      break;

    case FIELD_PERSONA:
      g_signal_connect (widget, "notify::selected", G_CALLBACK (notify_value_cb), self);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The panel asks for a sidebar's width, not for the widest row it holds. */
#define NATURAL_WIDTH 340

static void
parcours_inspector_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GTK_WIDGET_CLASS (parcours_inspector_parent_class)->measure (widget, orientation, for_size,
                                                               minimum, natural,
                                                               minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
parcours_inspector_dispose (GObject *object)
{
  ParcoursInspector *self = PARCOURS_INSPECTOR (object);

  parcours_inspector_set_selection (self, NULL);
  parcours_inspector_set_history (self, NULL);

  G_OBJECT_CLASS (parcours_inspector_parent_class)->dispose (object);
}

static void
parcours_inspector_finalize (GObject *object)
{
  ParcoursInspector *self = PARCOURS_INSPECTOR (object);

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->style, parcours_style_unref);

  G_OBJECT_CLASS (parcours_inspector_parent_class)->finalize (object);
}

static void
parcours_inspector_class_init (ParcoursInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_inspector_dispose;
  object_class->finalize = parcours_inspector_finalize;

  widget_class->measure = parcours_inspector_measure;

  _parcours_ui_ensure_resources ();
  g_type_ensure (PARCOURS_TYPE_VOTES_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parcours/Parcours/parcours-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, ParcoursInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, ParcoursInspector, map_votes);
  /* The fields of the map's page are found by name, in init (the
   * template holds no colour field, whose reset button has a name too) */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].page, "map"))
      {
        g_assert (fields[i].kind != FIELD_COLOR);
        gtk_widget_class_bind_template_child_full (widget_class, fields[i].widget, FALSE, 0);
      }
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
parcours_inspector_init (ParcoursInspector *self)
{
  self->targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->page = "map";
  /* The colours shown for elements without one of their own */
  self->style = parcours_style_new (PARCOURS_THEME_LIGHT);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].page, "map"))
      setup_field (self, NULL, i);
}

GtkWidget *
parcours_inspector_new (void)
{
  return g_object_new (PARCOURS_TYPE_INSPECTOR, NULL);
}

void
parcours_inspector_set_history (ParcoursInspector *self,
                                ParcoursHistory   *history)
{
  ParcoursDocument *document;

  g_return_if_fail (PARCOURS_IS_INSPECTOR (self));
  g_return_if_fail (!history || PARCOURS_IS_HISTORY (history));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  document = history ? parcours_history_get_document (history) : NULL;

  g_set_object (&self->history, history);
  g_set_object (&self->document, document);

  if (self->document != NULL)
    g_signal_connect_object (self->document, "changed",
                             G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  parcours_votes_group_set_history (self->map_votes, history);
  if (self->card_votes != NULL)
    parcours_votes_group_set_history (self->card_votes, history);
  parcours_inspector_refresh (self);
}

void
parcours_inspector_set_selection (ParcoursInspector *self,
                                  ParcoursSelection *selection)
{
  g_return_if_fail (PARCOURS_IS_INSPECTOR (self));
  g_return_if_fail (!selection || PARCOURS_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);

  g_set_object (&self->selection, selection);

  if (self->selection != NULL)
    g_signal_connect_object (self->selection, "changed",
                             G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->card_votes != NULL)
    parcours_votes_group_set_selection (self->card_votes, selection);
  parcours_inspector_refresh (self);
}

/* The page shown: "map", "stage", "lane", "card", "point" or "mixed". */
const char *
parcours_inspector_get_page (ParcoursInspector *self)
{
  g_return_val_if_fail (PARCOURS_IS_INSPECTOR (self), NULL);

  return self->page;
}

/**
 * parcours_inspector_get_field:
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 *   on @page, for tests and for the window to focus; the page is built
 *   if it was not yet
 */
GtkWidget *
parcours_inspector_get_field (ParcoursInspector *self,
                              const char        *page,
                              const char        *property)
{
  g_return_val_if_fail (PARCOURS_IS_INSPECTOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].page, page) && g_str_equal (fields[i].property, property))
      {
        ensure_page (self, page);
        return self->widgets[i];
      }

  return NULL;
}

/**
 * parcours_inspector_get_votes_group:
 * @page: "map" or "card"
 *
 * Returns: (transfer none) (nullable): the votes of @page, built if it
 *   was not yet
 */
GtkWidget *
parcours_inspector_get_votes_group (ParcoursInspector *self,
                                    const char        *page)
{
  g_return_val_if_fail (PARCOURS_IS_INSPECTOR (self), NULL);

  if (g_strcmp0 (page, "map") == 0)
    return GTK_WIDGET (self->map_votes);
  if (g_strcmp0 (page, "card") != 0)
    return NULL;

  ensure_page (self, "card");
  return GTK_WIDGET (self->card_votes);
}
