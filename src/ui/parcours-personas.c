/* parcours-personas.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-image.h"
#include "parcours-personas.h"
#include "parcours-style.h"
#include "parcours-ui-private.h"

/* The personas page of the side panel: the list of the map's personas,
 * and below it the one chosen, to edit — name, role, photo, colour,
 * goals, needs and frustrations, and its emotion curve. Every edit is a
 * command of the history; typing in one field is one step until the
 * field loses the focus. The page follows the document's signals, so an
 * undo shows at once. */

struct _ParcoursPersonas
{
  AdwBin               parent_instance;

  ParcoursHistory     *history;
  ParcoursDocument    *document;
  ParcoursPersona     *current;

  GtkListBox          *list;
  AdwPreferencesGroup *persona_group;
  AdwPreferencesGroup *goals_group;
  AdwPreferencesGroup *needs_group;
  AdwPreferencesGroup *frustrations_group;
  GtkWidget           *add_button;
  GtkWidget           *move_up_button;
  GtkWidget           *move_down_button;
  GtkWidget           *remove_button;
  AdwAvatar           *avatar;
  GtkWidget           *choose_photo_button;
  GtkWidget           *remove_photo_button;
  GtkEditable         *name_entry;
  GtkEditable         *role_entry;
  GtkColorButton      *color_button;
  AdwActionRow        *curve_row;
  GtkWidget           *add_curve_button;
  GtkTextView         *goals_view;
  GtkTextView         *needs_view;
  GtkTextView         *frustrations_view;

  GtkFileChooserNative *chooser;
  /* Decoded photos by the bytes they come from (kept referenced, so an
   * address is not reused): a refresh at each key typed decodes none. */
  GHashTable          *photos;
  ParcoursStyle       *style;

  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (ParcoursPersonas, parcours_personas, ADW_TYPE_BIN)

#define PERSONA_KEY "parcours-persona"
#define PROPERTY_KEY "parcours-persona-property"

/* The most pixels a chosen image may have: a photo from a good camera,
 * not a file that announces gigapixels to exhaust the memory. */
#define MAX_SOURCE_PIXELS (64 * 1024 * 1024)
/* Files larger than this are not read at all. */
#define MAX_SOURCE_FILE_SIZE (64 * 1024 * 1024)

static const char *
display_name (ParcoursPersona *persona)
{
  const char *name = parcours_persona_get_name (persona);

  return name != NULL && name[0] != '\0' ? name : _("Unnamed persona");
}

#define MAX_CACHED_PHOTOS 64

static GdkPaintable *
photo_paintable (ParcoursPersonas *self,
                 ParcoursPersona  *persona)
{
  GBytes *photo = parcours_persona_get_photo (persona);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GdkPaintable *paintable;

  if (photo == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (self->photos, photo, NULL, (gpointer *) &paintable))
    return paintable ? g_object_ref (paintable) : NULL;

  if (g_hash_table_size (self->photos) >= MAX_CACHED_PHOTOS)
    g_hash_table_remove_all (self->photos);

  pixbuf = parcours_image_decode (photo, 128, NULL);
  paintable = pixbuf ? GDK_PAINTABLE (gdk_texture_new_for_pixbuf (pixbuf)) : NULL;
  g_hash_table_insert (self->photos, g_bytes_ref (photo), paintable);

  return paintable ? g_object_ref (paintable) : NULL;
}

static void
clear_paintable (gpointer paintable)
{
  g_clear_object (&paintable);
}

/* The lane that shows @persona's emotion curve, if any. */
static ParcoursLane *
find_curve_lane (ParcoursDocument *document,
                 ParcoursPersona  *persona)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  const char *id = parcours_element_get_id (PARCOURS_ELEMENT (persona));

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i);

      if (parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS &&
          g_strcmp0 (parcours_lane_get_persona_id (lane), id) == 0)
        return lane;
    }

  return NULL;
}

/* The persona the page edits: the one chosen, while it is in the map (a
 * move takes it out and back for a moment, an undo may bring it back),
 * else the first. */
static ParcoursPersona *
current_persona (ParcoursPersonas *self)
{
  GListModel *personas;
  g_autoptr(ParcoursPersona) first = NULL;

  if (self->document == NULL)
    return NULL;

  if (self->current != NULL &&
      parcours_document_find_position (self->document, PARCOURS_ELEMENT (self->current), NULL))
    return self->current;

  personas = parcours_document_get_personas (self->document);
  if (g_list_model_get_n_items (personas) == 0)
    return NULL;

  /* The document keeps it alive. */
  first = g_list_model_get_item (personas, 0);
  return first;
}

/* The list ------------------------------------------------------------ */

static void
update_list_row (ParcoursPersonas *self,
                 AdwActionRow     *row)
{
  ParcoursPersona *persona = g_object_get_data (G_OBJECT (row), PERSONA_KEY);
  AdwAvatar *avatar = ADW_AVATAR (g_object_get_data (G_OBJECT (row), "avatar"));
  g_autoptr(GdkPaintable) paintable = photo_paintable (self, persona);
  const char *role = parcours_persona_get_role (persona);
  g_autofree char *description = NULL;

  if (role != NULL && role[0] != '\0')
    /* Translators: how a screen reader names a persona of the list: its name, then its role */
    description = g_strdup_printf (_("Persona “%s”, %s"), display_name (persona), role);
  else
    /* Translators: how a screen reader names a persona of the list */
    description = g_strdup_printf (_("Persona “%s”"), display_name (persona));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display_name (persona));
  adw_action_row_set_subtitle (row, role ? role : "");
  adw_avatar_set_text (avatar, parcours_persona_get_name (persona));
  adw_avatar_set_custom_image (avatar, paintable);
}

static GtkWidget *
new_list_row (ParcoursPersonas *self,
              ParcoursPersona  *persona)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);

  gtk_widget_set_margin_top (avatar, 6);
  gtk_widget_set_margin_bottom (avatar, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), PERSONA_KEY, g_object_ref (persona), g_object_unref);
  g_object_set_data (G_OBJECT (row), "avatar", avatar);
  update_list_row (self, ADW_ACTION_ROW (row));

  return row;
}

/* Keeps the rows while the personas keep their order, so the keyboard
 * focus stays where it is; else makes them again. */
static void
sync_list (ParcoursPersonas *self)
{
  GListModel *personas = self->document ? parcours_document_get_personas (self->document) : NULL;
  guint n = personas ? g_list_model_get_n_items (personas) : 0;
  gboolean same = TRUE;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(ParcoursPersona) persona = NULL;

      if (!ADW_IS_ACTION_ROW (child))
        continue;
      persona = i < n ? g_list_model_get_item (personas, i) : NULL;
      if (persona == NULL || g_object_get_data (G_OBJECT (child), PERSONA_KEY) != persona)
        same = FALSE;
      i++;
    }
  same = same && i == n;

  if (!same)
    {
      _parcours_ui_list_box_remove_all (self->list);
      for (i = 0; i < n; i++)
        {
          g_autoptr(ParcoursPersona) persona = g_list_model_get_item (personas, i);

          gtk_list_box_append (self->list, new_list_row (self, persona));
        }
    }
  else
    {
      for (i = 0; i < n; i++)
        update_list_row (self, ADW_ACTION_ROW (gtk_list_box_get_row_at_index (self->list, i)));
    }

  gtk_list_box_unselect_all (self->list);
  for (i = 0; current_persona (self) != NULL && i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (g_object_get_data (G_OBJECT (row), PERSONA_KEY) == current_persona (self))
        gtk_list_box_select_row (self->list, row);
    }
}

/* The chosen persona ---------------------------------------------------- */

static void
show_text (GtkEditable *editable,
           const char  *text)
{
  /* Leave the cursor alone when the text is what was typed. */
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
show_current (ParcoursPersonas *self)
{
  ParcoursPersona *persona = current_persona (self);
  gboolean visible = persona != NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  ParcoursLane *lane;
  GListModel *personas;
  guint position = 0;
  guint n;

  gtk_widget_set_visible (GTK_WIDGET (self->persona_group), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->goals_group), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->needs_group), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->frustrations_group), visible);
  if (!visible)
    return;

  personas = parcours_document_get_personas (self->document);
  n = g_list_model_get_n_items (personas);
  parcours_document_find_position (self->document, PARCOURS_ELEMENT (persona), &position);
  gtk_widget_set_sensitive (self->move_up_button, position > 0);
  gtk_widget_set_sensitive (self->move_down_button, position + 1 < n);

  adw_preferences_group_set_title (self->persona_group, display_name (persona));
  show_text (self->name_entry, parcours_persona_get_name (persona));
  show_text (self->role_entry, parcours_persona_get_role (persona));

  paintable = photo_paintable (self, persona);
  adw_avatar_set_text (self->avatar, parcours_persona_get_name (persona));
  adw_avatar_set_custom_image (self->avatar, paintable);
  gtk_widget_set_sensitive (self->remove_photo_button, parcours_persona_get_photo (persona) != NULL);

  {
    ParcoursRgba shown = parcours_style_curve_color (self->style, parcours_persona_get_color (persona), position);
    GdkRGBA rgba = { shown.red, shown.green, shown.blue, 1 };

    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  }

  _parcours_ui_text_view_show_list (self->goals_view, parcours_persona_get_goals (persona));
  _parcours_ui_text_view_show_list (self->needs_view, parcours_persona_get_needs (persona));
  _parcours_ui_text_view_show_list (self->frustrations_view, parcours_persona_get_frustrations (persona));

  lane = find_curve_lane (self->document, persona);
  if (lane != NULL)
    {
      /* Translators: the lane that shows a persona's emotion curve */
      g_autofree char *subtitle = g_strdup_printf (_("In the lane “%s”"), parcours_lane_get_name (lane));

      adw_action_row_set_subtitle (self->curve_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->curve_row, _("None"));
    }
  gtk_widget_set_visible (self->add_curve_button, lane == NULL);
}

static void
refresh (ParcoursPersonas *self)
{
  self->updating = TRUE;

  gtk_widget_set_sensitive (self->add_button, self->history != NULL);
  sync_list (self);
  show_current (self);

  self->updating = FALSE;
}

/* Edits ----------------------------------------------------------------- */

static void
set_property (ParcoursPersonas *self,
              const char       *property,
              const GValue     *value)
{
  if (self->updating || self->history == NULL || current_persona (self) == NULL)
    return;

  parcours_history_set_value (self->history, current_persona (self), property, value, NULL);
}

static void
entry_changed_cb (GtkEditable      *editable,
                  ParcoursPersonas *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (editable));
  set_property (self, g_object_get_data (G_OBJECT (editable), PROPERTY_KEY), &value);
}

static void
list_changed_cb (GtkTextBuffer    *buffer,
                 ParcoursPersonas *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "view");
  const char *property = g_object_get_data (G_OBJECT (view), PROPERTY_KEY);
  g_auto(GStrv) items = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;

  if (self->updating || current_persona (self) == NULL)
    return;

  items = _parcours_ui_text_view_read_list (view);
  g_object_get_property (G_OBJECT (current_persona (self)), property, &current);
  /* A blank line typed is no change of the list. */
  if (g_strv_equal ((const char * const *) items,
                    g_value_get_boxed (&current) ? g_value_get_boxed (&current)
                                                 : (const char * const []) { NULL }))
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, items);
  set_property (self, property, &value);
}

static void
color_set_cb (GtkColorButton   *button,
              ParcoursPersonas *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = _parcours_ui_color_from_rgba (&rgba);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, color);
  set_property (self, "color", &value);
  if (self->history != NULL)
    parcours_history_seal (self->history);
}

/* Typing in a field is one step; leaving it ends the step. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                ParcoursPersonas        *self)
{
  if (self->history != NULL)
    parcours_history_seal (self->history);
}

static void
row_selected_cb (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 ParcoursPersonas *self)
{
  if (self->updating || row == NULL)
    return;

  parcours_personas_set_current (self, g_object_get_data (G_OBJECT (row), PERSONA_KEY));
}

static void
show_error (ParcoursPersonas *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_message ("%s", message);
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
chooser_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     ParcoursPersonas *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);

  if (file != NULL && !parcours_personas_load_photo (self, file, &error))
    show_error (self, error->message);
}

static void
choose_photo_clicked_cb (ParcoursPersonas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (current_persona (self) == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Photo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
add_clicked_cb (ParcoursPersonas *self)
{
  if (parcours_personas_add (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
remove_clicked_cb (ParcoursPersonas *self)
{
  parcours_personas_remove_current (self);
}

static void
move_up_clicked_cb (ParcoursPersonas *self)
{
  parcours_personas_move_current (self, -1);
}

static void
move_down_clicked_cb (ParcoursPersonas *self)
{
  parcours_personas_move_current (self, 1);
}

static void
add_curve_clicked_cb (ParcoursPersonas *self)
{
  parcours_personas_add_curve (self);
}

static void
remove_photo_clicked_cb (ParcoursPersonas *self)
{
  parcours_personas_remove_photo (self);
}

static void
document_changed_cb (ParcoursPersonas *self,
                     ParcoursDocument *document)
{
  refresh (self);
}

/* Set-up ------------------------------------------------------------------ */

static void
add_focus_seal (ParcoursPersonas *self,
                GtkWidget        *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
}

static void
setup_entry (ParcoursPersonas *self,
             GtkEditable      *entry,
             const char       *property)
{
  g_object_set_data (G_OBJECT (entry), PROPERTY_KEY, (gpointer) property);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  add_focus_seal (self, GTK_WIDGET (entry));
}

static void
setup_list (ParcoursPersonas *self,
            GtkTextView      *view,
            const char       *property,
            const char       *label)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_object_set_data (G_OBJECT (view), PROPERTY_KEY, (gpointer) property);
  g_object_set_data (G_OBJECT (buffer), "view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (list_changed_cb), self);
  add_focus_seal (self, GTK_WIDGET (view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("One a line"),
                                  -1);
}

/* The page asks for a sidebar's width, as the inspector does, not for
 * the widest row it holds. */
#define NATURAL_WIDTH 340

static void
parcours_personas_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GTK_WIDGET_CLASS (parcours_personas_parent_class)->measure (widget, orientation, for_size,
                                                              minimum, natural,
                                                              minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
parcours_personas_dispose (GObject *object)
{
  ParcoursPersonas *self = PARCOURS_PERSONAS (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  parcours_personas_set_history (self, NULL);
  g_clear_object (&self->current);
  g_clear_pointer (&self->photos, g_hash_table_unref);
  g_clear_pointer (&self->style, parcours_style_unref);

  G_OBJECT_CLASS (parcours_personas_parent_class)->dispose (object);
}

static void
parcours_personas_class_init (ParcoursPersonasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_personas_dispose;

  widget_class->measure = parcours_personas_measure;

  _parcours_ui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parcours/Parcours/parcours-personas.ui");
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, list);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, persona_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, goals_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, needs_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, frustrations_group);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, add_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, remove_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, avatar);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, choose_photo_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, remove_photo_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, name_entry);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, role_entry);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, color_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, curve_row);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, add_curve_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, goals_view);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, needs_view);
  gtk_widget_class_bind_template_child (widget_class, ParcoursPersonas, frustrations_view);
  gtk_widget_class_set_css_name (widget_class, "personas");
}

static void
parcours_personas_init (ParcoursPersonas *self)
{
  self->photos = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref, clear_paintable);
  /* The colour shown for a persona without one of its own */
  self->style = parcours_style_new (PARCOURS_THEME_LIGHT);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_signal_connect_swapped (self->move_up_button, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  g_signal_connect_swapped (self->move_down_button, "clicked", G_CALLBACK (move_down_clicked_cb), self);
  g_signal_connect_swapped (self->add_curve_button, "clicked", G_CALLBACK (add_curve_clicked_cb), self);
  g_signal_connect_swapped (self->choose_photo_button, "clicked", G_CALLBACK (choose_photo_clicked_cb), self);
  g_signal_connect_swapped (self->remove_photo_button, "clicked", G_CALLBACK (remove_photo_clicked_cb), self);
  g_signal_connect (self->color_button, "color-set", G_CALLBACK (color_set_cb), self);

  setup_entry (self, self->name_entry, "name");
  setup_entry (self, self->role_entry, "role");
  setup_list (self, self->goals_view, "goals", _("Goals"));
  setup_list (self, self->needs_view, "needs", _("Needs"));
  setup_list (self, self->frustrations_view, "frustrations", _("Frustrations"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Personas"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_photo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose Photo…"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_photo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Photo"),
                                  -1);

  refresh (self);
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
parcours_personas_new (void)
{
  return g_object_new (PARCOURS_TYPE_PERSONAS, NULL);
}

void
parcours_personas_set_history (ParcoursPersonas *self,
                               ParcoursHistory  *history)
{
  ParcoursDocument *document;

  g_return_if_fail (PARCOURS_IS_PERSONAS (self));
  g_return_if_fail (!history || PARCOURS_IS_HISTORY (history));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  document = history ? parcours_history_get_document (history) : NULL;
  if (document != self->document)
    g_clear_object (&self->current);

  g_set_object (&self->history, history);
  g_set_object (&self->document, document);

  if (self->document != NULL)
    g_signal_connect_object (self->document, "changed",
                             G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

/**
 * parcours_personas_get_current:
 *
 * Returns: (transfer none) (nullable): the persona the page edits
 */
ParcoursPersona *
parcours_personas_get_current (ParcoursPersonas *self)
{
  g_return_val_if_fail (PARCOURS_IS_PERSONAS (self), NULL);

  return current_persona (self);
}

void
parcours_personas_set_current (ParcoursPersonas *self,
                               ParcoursPersona  *persona)
{
  g_return_if_fail (PARCOURS_IS_PERSONAS (self));
  g_return_if_fail (!persona || PARCOURS_IS_PERSONA (persona));

  if (self->current == persona)
    return;

  if (self->history != NULL)
    parcours_history_seal (self->history);
  g_set_object (&self->current, persona);
  refresh (self);
}

/**
 * parcours_personas_add:
 *
 * Adds a persona at the end, one undo step, and edits it.
 *
 * Returns: (transfer none) (nullable): the new persona
 */
ParcoursPersona *
parcours_personas_add (ParcoursPersonas *self)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(ParcoursPersona) persona = NULL;
  guint n;

  g_return_val_if_fail (PARCOURS_IS_PERSONAS (self), NULL);

  if (self->history == NULL)
    return NULL;

  n = g_list_model_get_n_items (parcours_document_get_personas (self->document));
  id = parcours_document_make_id (self->document, PARCOURS_TYPE_PERSONA);
  /* Translators: the name of a persona made for a new emotion lane; %u counts them */
  name = g_strdup_printf (_("Persona %u"), n + 1);
  persona = parcours_persona_new (id, name);

  parcours_history_seal (self->history);
  if (!parcours_history_insert (self->history, PARCOURS_ELEMENT (persona), n, NULL))
    return NULL;

  parcours_personas_set_current (self, persona);
  return persona;
}

/**
 * parcours_personas_remove_current:
 *
 * Deletes the persona the page edits with its emotion lanes and their
 * points: one undo step.
 */
void
parcours_personas_remove_current (ParcoursPersonas *self)
{
  g_autoptr(ParcoursPersona) persona = NULL;
  ParcoursLane *lane;

  g_return_if_fail (PARCOURS_IS_PERSONAS (self));

  if (self->history == NULL || current_persona (self) == NULL)
    return;

  persona = g_object_ref (current_persona (self));
  parcours_history_seal (self->history);
  parcours_history_begin_group (self->history, _("Delete Persona"));
  while ((lane = find_curve_lane (self->document, persona)) != NULL)
    parcours_history_remove (self->history, PARCOURS_ELEMENT (lane), NULL);
  parcours_history_remove (self->history, PARCOURS_ELEMENT (persona), NULL);
  parcours_history_end_group (self->history);
}

/* Moves the persona the page edits @delta places: "Reorder Personas". */
void
parcours_personas_move_current (ParcoursPersonas *self,
                                int               delta)
{
  guint position = 0;
  guint n;
  gint64 to;

  g_return_if_fail (PARCOURS_IS_PERSONAS (self));

  if (self->history == NULL || current_persona (self) == NULL ||
      !parcours_document_find_position (self->document, PARCOURS_ELEMENT (current_persona (self)), &position))
    return;

  n = g_list_model_get_n_items (parcours_document_get_personas (self->document));
  to = CLAMP ((gint64) position + delta, 0, (gint64) n - 1);
  if (to == position)
    return;

  parcours_history_seal (self->history);
  parcours_history_move (self->history, PARCOURS_ELEMENT (current_persona (self)), (guint) to, NULL);
}

/* Where a new emotion lane goes: after the last emotion lane, else at
 * the end. */
static guint
curve_lane_position (ParcoursDocument *document)
{
  GListModel *lanes = parcours_document_get_lanes (document);
  guint n = g_list_model_get_n_items (lanes);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(ParcoursLane) lane = g_list_model_get_item (lanes, i - 1);

      if (parcours_lane_get_kind (lane) == PARCOURS_LANE_KIND_EMOTIONS)
        return i;
    }

  return n;
}

/**
 * parcours_personas_add_curve:
 *
 * Gives the persona the page edits an emotion lane, with a neutral point
 * in each stage to shape: one undo step.
 *
 * Returns: (transfer none) (nullable): the new lane
 */
ParcoursLane *
parcours_personas_add_curve (ParcoursPersonas *self)
{
  g_autofree char *id = NULL;
  g_autoptr(ParcoursLane) lane = NULL;
  GListModel *stages;

  g_return_val_if_fail (PARCOURS_IS_PERSONAS (self), NULL);

  if (self->history == NULL || current_persona (self) == NULL ||
      find_curve_lane (self->document, current_persona (self)) != NULL)
    return NULL;

  id = parcours_document_make_id (self->document, PARCOURS_TYPE_LANE);
  lane = parcours_lane_new (id, PARCOURS_LANE_KIND_EMOTIONS,
                            parcours_lane_kind_get_label (PARCOURS_LANE_KIND_EMOTIONS));
  parcours_lane_set_persona_id (lane, parcours_element_get_id (PARCOURS_ELEMENT (current_persona (self))));

  parcours_history_seal (self->history);
  parcours_history_begin_group (self->history, _("Add Emotion Curve"));
  if (!parcours_history_insert (self->history, PARCOURS_ELEMENT (lane),
                                curve_lane_position (self->document), NULL))
    {
      parcours_history_cancel_group (self->history);
      return NULL;
    }

  stages = parcours_document_get_stages (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(ParcoursStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *point_id = parcours_document_make_id (self->document, PARCOURS_TYPE_EMOTION_POINT);
      g_autoptr(ParcoursEmotionPoint) point =
        parcours_emotion_point_new (point_id, id, parcours_element_get_id (PARCOURS_ELEMENT (stage)), 0.5, 0);
      guint n_points = g_list_model_get_n_items (parcours_document_get_emotion_points (self->document));

      parcours_history_insert (self->history, PARCOURS_ELEMENT (point), n_points, NULL);
    }
  parcours_history_end_group (self->history);

  return lane;
}

/**
 * parcours_photo_from_bytes:
 * @bytes: an image file's contents, in any format gdk-pixbuf reads
 *
 * Makes a persona's photo of an image: scaled down to at most
 * %PARCOURS_PERSONAS_PHOTO_SIDE pixels a side, as JPEG (PNG when it has
 * transparency), within the bounds of parcours_persona_photo_is_supported().
 *
 * Returns: (transfer full) (nullable): the encoded photo, or %NULL with
 *   @error set
 */
GBytes *
parcours_photo_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0;
  gboolean saved;
  g_autoptr(GBytes) photo = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  pixbuf = parcours_image_decode_full (bytes, PARCOURS_PERSONAS_PHOTO_SIDE, MAX_SOURCE_PIXELS, error);
  if (pixbuf == NULL)
    return NULL;

  if (gdk_pixbuf_get_has_alpha (pixbuf))
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", error, NULL);
  else
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", error, "quality", "90", NULL);
  if (!saved)
    return NULL;

  photo = g_bytes_new_take (g_steal_pointer (&buffer), size);
  if (!parcours_persona_photo_is_supported (photo, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the image could not be made small enough"));
      return NULL;
    }

  return g_steal_pointer (&photo);
}

/**
 * parcours_personas_load_photo:
 * @file: an image file
 *
 * Makes @file the photo of the persona the page edits: one undo step
 * "Change Photo". An image that cannot be used changes nothing and
 * @error says why, naming the file.
 */
gboolean
parcours_personas_load_photo (ParcoursPersonas  *self,
                              GFile             *file,
                              GError           **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (PARCOURS_IS_PERSONAS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->history == NULL || current_persona (self) == NULL)
    return FALSE;

  name = _parcours_ui_dup_file_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MAX_SOURCE_FILE_SIZE)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the file is too large"));
  else if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &local_error);

  if (bytes != NULL)
    photo = parcours_photo_from_bytes (bytes, &local_error);

  if (photo == NULL)
    {
      /* Translators: the file name, then why it cannot be a photo */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” cannot be used as a photo: %s"),
                   name, local_error ? local_error->message : "");
      return FALSE;
    }

  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, photo);
  parcours_history_seal (self->history);
  parcours_history_set_value (self->history, current_persona (self), "photo", &value, _("Change Photo"));
  parcours_history_seal (self->history);

  return TRUE;
}

void
parcours_personas_remove_photo (ParcoursPersonas *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (PARCOURS_IS_PERSONAS (self));

  if (self->history == NULL || current_persona (self) == NULL || parcours_persona_get_photo (current_persona (self)) == NULL)
    return;

  g_value_init (&value, G_TYPE_BYTES);
  parcours_history_seal (self->history);
  parcours_history_set_value (self->history, current_persona (self), "photo", &value, _("Remove Photo"));
  parcours_history_seal (self->history);
}

/**
 * parcours_personas_get_field:
 * @property: "name", "role", "goals", "needs", "frustrations", "color",
 *   "photo" (the Choose Photo button), "remove-photo", "add", "remove",
 *   "add-curve", "move-up", "move-down" or "list"
 *
 * Returns: (transfer none) (nullable): the widget, for tests
 */
GtkWidget *
parcours_personas_get_field (ParcoursPersonas *self,
                             const char       *property)
{
  const struct { const char *name; gsize offset; } widgets[] = {
    { "name", G_STRUCT_OFFSET (ParcoursPersonas, name_entry) },
    { "role", G_STRUCT_OFFSET (ParcoursPersonas, role_entry) },
    { "goals", G_STRUCT_OFFSET (ParcoursPersonas, goals_view) },
    { "needs", G_STRUCT_OFFSET (ParcoursPersonas, needs_view) },
    { "frustrations", G_STRUCT_OFFSET (ParcoursPersonas, frustrations_view) },
    { "color", G_STRUCT_OFFSET (ParcoursPersonas, color_button) },
    { "photo", G_STRUCT_OFFSET (ParcoursPersonas, choose_photo_button) },
    { "remove-photo", G_STRUCT_OFFSET (ParcoursPersonas, remove_photo_button) },
    { "add", G_STRUCT_OFFSET (ParcoursPersonas, add_button) },
    { "remove", G_STRUCT_OFFSET (ParcoursPersonas, remove_button) },
    { "add-curve", G_STRUCT_OFFSET (ParcoursPersonas, add_curve_button) },
    { "move-up", G_STRUCT_OFFSET (ParcoursPersonas, move_up_button) },
    { "move-down", G_STRUCT_OFFSET (ParcoursPersonas, move_down_button) },
    { "list", G_STRUCT_OFFSET (ParcoursPersonas, list) },
  };

  g_return_val_if_fail (PARCOURS_IS_PERSONAS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, property))
      return G_STRUCT_MEMBER (GtkWidget *, self, widgets[i].offset);

  return NULL;
}
