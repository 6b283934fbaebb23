/* parcours-canvas-menu.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "parcours-canvas-private.h"
#include "parcours-interaction-private.h"

/* The canvas's context menus: on a card (or the selected cards), a stage
 * or lane header, an emotion point, empty space. Each is a GMenuModel
 * of canvas.* actions installed on the widget class, so every entry is
 * also an action with a key; the commands behind them are the
 * interaction's. A menu opens on a right-click, a long press (touch),
 * Shift+F10 and the Menu key (on the keyboard focus). */

static const char * const card_colors[][2] = {
  { NC_("card color", "Yellow"), "#f9f06b" },
  { NC_("card color", "Orange"), "#ffbe6f" },
  { NC_("card color", "Red"), "#f66151" },
  { NC_("card color", "Purple"), "#dc8add" },
  { NC_("card color", "Blue"), "#99c1f1" },
  { NC_("card color", "Green"), "#8ff0a4" },
};

static const char *
nick (GType enum_type,
      int   value)
{
  return parcours_enum_to_nick (enum_type, value);
}

static void
append (GMenu      *menu,
        const char *label,
        const char *action,
        GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static GMenu *
channel_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (int c = PARCOURS_CHANNEL_NONE; c <= PARCOURS_CHANNEL_OTHER; c++)
    append (menu, parcours_channel_get_label (c), "canvas.set-channel",
            g_variant_new_string (nick (PARCOURS_TYPE_CHANNEL, c)));
  return menu;
}

static GMenu *
sentiment_menu (void)
{
  static const ParcoursSentiment order[] = {
    PARCOURS_SENTIMENT_POSITIVE, PARCOURS_SENTIMENT_NEUTRAL, PARCOURS_SENTIMENT_NEGATIVE,
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    append (menu, parcours_sentiment_get_label (order[i]), "canvas.set-sentiment",
            g_variant_new_string (nick (PARCOURS_TYPE_SENTIMENT, order[i])));
  return menu;
}

static GMenu *
color_menu (void)
{
  GMenu *menu = g_menu_new ();

  append (menu, C_("card color", "Default"), "canvas.set-color", g_variant_new_string (""));
  for (guint i = 0; i < G_N_ELEMENTS (card_colors); i++)
    append (menu, g_dpgettext2 (GETTEXT_PACKAGE, "card color", card_colors[i][0]), "canvas.set-color",
            g_variant_new_string (card_colors[i][1]));
  return menu;
}

/* Every lane kind, for "add lane" (@action with "(sb)") or "change kind"
 * ("s", card lanes only). */
static GMenu *
lane_kind_menu (const char *action,
                gboolean    after,
                gboolean    card_kinds_only)
{
  GMenu *menu = g_menu_new ();

  for (int k = PARCOURS_LANE_KIND_TOUCHPOINTS; k <= PARCOURS_LANE_KIND_NOTES; k++)
    {
      const char *kind_nick = nick (PARCOURS_TYPE_LANE_KIND, k);

      if (card_kinds_only && k == PARCOURS_LANE_KIND_EMOTIONS)
        continue;
      append (menu, parcours_lane_kind_get_label (k), action,
              card_kinds_only ? g_variant_new_string (kind_nick) : g_variant_new ("(sb)", kind_nick, after));
    }
  return menu;
}

static void
append_submenu (GMenu      *section,
                const char *label,
                GMenu      *submenu)
{
  g_menu_append_submenu (section, label, G_MENU_MODEL (submenu));
  g_object_unref (submenu);
}

static void
append_section (GMenu *menu,
                GMenu *section)
{
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
}

static GMenu *
card_menu (ParcoursCanvas *self)
{
  g_autoptr(GPtrArray) targets = parcours_interaction_get_card_targets (self->interaction, self->menu_target);
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  if (targets->len == 1)
    append (section, _("_Edit"), "canvas.edit", NULL);
  append (section, _("_Duplicate"), "canvas.duplicate", NULL);
  append (section, _("Cu_t"), "canvas.cut", NULL);
  append (section, _("_Copy"), "canvas.copy", NULL);
  append (section, _("_Paste"), "canvas.paste", NULL);
  append_section (menu, section);

  section = g_menu_new ();
  append_submenu (section, _("C_hannel"), channel_menu ());
  append_submenu (section, _("_Sentiment"), sentiment_menu ());
  append_submenu (section, _("C_olor"), color_menu ());
  append (section, parcours_card_get_key_moment (PARCOURS_CARD (self->menu_target))
                     ? _("Unmark as _Key Moment") : _("Mark as _Key Moment"),
          "canvas.toggle-key-moment", NULL);
  append_section (menu, section);

  section = g_menu_new ();
  append (section, targets->len == 1 ? _("De_lete Card") : _("De_lete Cards"), "canvas.delete", NULL);
  append_section (menu, section);
  return menu;
}

static GMenu *
stage_menu (ParcoursCanvas *self)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  append (section, _("_Rename"), "canvas.edit", NULL);
  append_section (menu, section);

  section = g_menu_new ();
  append (section, _("Insert Stage _Before"), "canvas.insert-stage", g_variant_new_boolean (FALSE));
  append (section, _("Insert Stage _After"), "canvas.insert-stage", g_variant_new_boolean (TRUE));
  append_section (menu, section);

  section = g_menu_new ();
  append (section, _("De_lete Stage"), "canvas.delete", NULL);
  append_section (menu, section);
  return menu;
}

static GMenu *
lane_menu (ParcoursCanvas *self)
{
  ParcoursLane *lane = PARCOURS_LANE (self->menu_target);
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  append (section, _("_Rename"), "canvas.edit", NULL);
  if (parcours_lane_get_kind (lane) != PARCOURS_LANE_KIND_EMOTIONS)
    append_submenu (section, _("_Kind"), lane_kind_menu ("canvas.set-lane-kind", FALSE, TRUE));
  append_section (menu, section);

  section = g_menu_new ();
  append_submenu (section, _("Insert Lane _Above"), lane_kind_menu ("canvas.insert-lane", FALSE, FALSE));
  append_submenu (section, _("Insert Lane _Below"), lane_kind_menu ("canvas.insert-lane", TRUE, FALSE));
  append_section (menu, section);

  section = g_menu_new ();
  append (section, _("De_lete Lane"), "canvas.delete", NULL);
  append_section (menu, section);
  return menu;
}

static GMenu *
point_menu (ParcoursCanvas *self)
{
  static const int levels[] = { 2, 1, 0, -1, -2 };
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GMenu *level_menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    append (level_menu, parcours_emotion_level_get_label (levels[i]), "canvas.set-level",
            g_variant_new_int32 (levels[i]));
  append_submenu (section, _("_Level"), level_menu);
  append (section, _("Edit _Label…"), "canvas.edit-label", NULL);
  append_section (menu, section);

  section = g_menu_new ();
  append (section, _("De_lete Point"), "canvas.delete", NULL);
  append_section (menu, section);
  return menu;
}

static GMenu *
empty_menu (ParcoursCanvas *self)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  guint lane, stage;

  if (parcours_layout_get_cell_at (self->layout, self->menu_x, self->menu_y, &lane, &stage) &&
      !parcours_layout_get_lane (self->layout, lane)->is_emotion)
    append (section, _("_Add Card Here"), "canvas.add-card", NULL);
  append (section, _("_Paste"), "canvas.paste", NULL);
  append_section (menu, section);

  section = g_menu_new ();
  append (section, _("Add _Stage"), "canvas.insert-stage", g_variant_new_boolean (TRUE));
  append_submenu (section, _("Add _Lane"), lane_kind_menu ("canvas.insert-lane", TRUE, FALSE));
  append_section (menu, section);
  return menu;
}

static gboolean
forget_target_cb (gpointer data)
{
  ParcoursCanvas *self = data;

  if (self->menu != NULL && !gtk_widget_get_visible (self->menu))
    {
      g_clear_object (&self->menu_target);
      self->menu_in_use = FALSE;
    }
  return G_SOURCE_REMOVE;
}

static void
menu_closed_cb (ParcoursCanvas *self,
                GtkPopover     *popover)
{
  /* The target stays until the entry's action has run, which may be
   * after the popover closed; then keys act on the focus again. */
  g_idle_add_full (G_PRIORITY_LOW, forget_target_cb, g_object_ref (self), g_object_unref);
  /* An entry that opened the editor (rename, add card) keeps it focused. */
  if (self->editor == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A right-click or a long press: the menu of what is under it, which
 * the selection follows. */
static void
context_at (ParcoursCanvas *self,
            double          x,
            double          y)
{
  ParcoursElement *target;
  double lx, ly;

  if (self->interaction == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  parcours_canvas_commit_edit (self);
  _parcours_canvas_ensure_layout (self);
  self->pointer_pressed = FALSE;
  parcours_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  target = parcours_interaction_context (self->interaction, lx, ly);
  _parcours_canvas_open_menu (self, target, lx, ly);
}

static void
secondary_pressed_cb (ParcoursCanvas  *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  context_at (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The "+" below the last lane: the kinds of lane to add there. */
static void
primary_pressed_cb (ParcoursCanvas  *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  g_autoptr(GMenu) menu = NULL;
  GMenu *section;
  double lx, ly;

  if (self->interaction == NULL)
    return;

  _parcours_canvas_ensure_layout (self);
  parcours_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  if (!_parcours_interaction_on_add_lane_button (self->interaction, lx, ly))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  parcours_interaction_cancel (self->interaction);
  self->pointer_pressed = FALSE;

  g_set_object (&self->menu_target, NULL);
  self->menu_x = lx;
  self->menu_y = ly;
  self->menu_in_use = TRUE;
  menu = g_menu_new ();
  section = lane_kind_menu ("canvas.insert-lane", TRUE, FALSE);
  g_menu_append_section (menu, _("Add Lane"), G_MENU_MODEL (section));
  g_object_unref (section);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
long_pressed_cb (ParcoursCanvas      *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  context_at (self, x, y);
}

void
_parcours_canvas_init_menu (ParcoursCanvas *self)
{
  GtkGesture *gesture;

  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  g_signal_connect_object (self->menu, "closed", G_CALLBACK (menu_closed_cb), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (primary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* On a touch screen a long press is the right-click. */
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

void
_parcours_canvas_dispose_menu (ParcoursCanvas *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->menu_target);
}

/**
 * _parcours_canvas_open_menu:
 * @target: (nullable): a card, stage, lane or emotion point; %NULL for
 *   empty space
 * @layout_x: where, in layout coordinates
 * @layout_y: where, in layout coordinates
 *
 * Opens the context menu of @target at that place.
 */
void
_parcours_canvas_open_menu (ParcoursCanvas  *self,
                            ParcoursElement *target,
                            double           layout_x,
                            double           layout_y)
{
  g_autoptr(GMenu) menu = NULL;
  double wx, wy;

  if (self->interaction == NULL)
    return;

  parcours_canvas_commit_edit (self);
  _parcours_canvas_ensure_layout (self);
  if (target != NULL && !PARCOURS_IS_CARD (target) && !PARCOURS_IS_STAGE (target) &&
      !PARCOURS_IS_LANE (target) && !PARCOURS_IS_EMOTION_POINT (target))
    target = NULL;

  g_set_object (&self->menu_target, target);
  self->menu_x = layout_x;
  self->menu_y = layout_y;
  self->menu_in_use = TRUE;

  if (PARCOURS_IS_CARD (target))
    menu = card_menu (self);
  else if (PARCOURS_IS_STAGE (target))
    menu = stage_menu (self);
  else if (PARCOURS_IS_LANE (target))
    menu = lane_menu (self);
  else if (PARCOURS_IS_EMOTION_POINT (target))
    menu = point_menu (self);
  else
    menu = empty_menu (self);

  parcours_viewport_to_widget (self->viewport, layout_x, layout_y, &wx, &wy);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
toast_undo_cb (ParcoursCanvas *self,
               AdwToast       *toast)
{
  parcours_canvas_undo (self);
}

/* A toast in the window's overlay (any AdwToastOverlay around the
 * canvas), with an Undo button when asked. */
void
_parcours_canvas_toast (ParcoursCanvas *self,
                        const char     *title,
                        gboolean        offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* A toast's title is markup. */
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self, G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Removes a stage or lane; a toast says what went, with Undo when it
 * held cards. */
void
_parcours_canvas_remove_header (ParcoursCanvas  *self,
                                ParcoursElement *header)
{
  g_autofree char *title = NULL;
  guint n_cards;

  if (!parcours_interaction_remove_header (self->interaction, header, &n_cards))
    return;

  if (n_cards == 0)
    return;

  if (PARCOURS_IS_STAGE (header))
    /* Translators: in a toast, after a stage was deleted with its cards */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stage “%s” deleted with %u card",
                                          "Stage “%s” deleted with %u cards", n_cards),
                             parcours_stage_get_name (PARCOURS_STAGE (header)), n_cards);
  else
    /* Translators: in a toast, after a lane was deleted with its cards */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Lane “%s” deleted with %u card",
                                          "Lane “%s” deleted with %u cards", n_cards),
                             parcours_lane_get_name (PARCOURS_LANE (header)), n_cards);
  _parcours_canvas_toast (self, title, TRUE);
}

/* What an action acts on: the menu's target while a menu is in use,
 * else the keyboard focus. */
static ParcoursElement *
action_target (ParcoursCanvas *self)
{
  /* Closed before the action runs, so that the focus the menu gives
   * back lands before an editor the action may open takes it. */
  if (self->menu != NULL && gtk_widget_get_visible (self->menu))
    gtk_popover_popdown (GTK_POPOVER (self->menu));

  if (self->menu_target != NULL)
    return self->menu_target;
  return parcours_selection_get_focus (self->selection);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);

  if (target != NULL)
    parcours_canvas_edit (self, target);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);

  if (PARCOURS_IS_STAGE (target) || PARCOURS_IS_LANE (target))
    {
      _parcours_canvas_remove_header (self, target);
      return;
    }
  if (target == NULL)
    return;

  if (!parcours_selection_contains (self->selection, target))
    parcours_selection_select (self->selection, target, PARCOURS_SELECT_REPLACE);
  parcours_selection_set_focus (self->selection, target);
  parcours_interaction_delete_selection (self->interaction);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  g_autoptr(GPtrArray) copies = NULL;

  if (self->interaction == NULL)
    return;
  copies = parcours_interaction_duplicate_cards (self->interaction, action_target (self));
  if (copies->len == 0)
    gtk_widget_error_bell (widget);
}

static void
set_enum_on_cards (ParcoursCanvas *self,
                   GType           enum_type,
                   const char     *property_name,
                   const char     *label,
                   GVariant       *parameter)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int v;

  if (!parcours_enum_from_nick (enum_type, g_variant_get_string (parameter, NULL), &v))
    return;

  g_value_init (&value, enum_type);
  g_value_set_enum (&value, v);
  parcours_interaction_set_cards (self->interaction, action_target (self), label, property_name, &value);
}

static void
set_channel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_enum_on_cards (PARCOURS_CANVAS (widget), PARCOURS_TYPE_CHANNEL, "channel", _("Change Channel"), parameter);
}

static void
set_sentiment_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_enum_on_cards (PARCOURS_CANVAS (widget), PARCOURS_TYPE_SENTIMENT, "sentiment", _("Change Sentiment"),
                     parameter);
}

static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  const char *color = g_variant_get_string (parameter, NULL);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, color[0] != '\0' ? color : NULL);
  parcours_interaction_set_cards (self->interaction, action_target (self), _("Change Color"), "color", &value);
}

static void
toggle_key_moment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);

  parcours_interaction_toggle_key_moment (self->interaction, action_target (self));
}

static void
insert_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);

  parcours_interaction_insert_stage (self->interaction, PARCOURS_IS_STAGE (target) ? PARCOURS_STAGE (target) : NULL,
                                     g_variant_get_boolean (parameter));
}

static void
insert_lane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);
  const char *kind_nick;
  gboolean after;
  int kind;

  g_variant_get (parameter, "(&sb)", &kind_nick, &after);
  if (!parcours_enum_from_nick (PARCOURS_TYPE_LANE_KIND, kind_nick, &kind))
    return;

  parcours_interaction_insert_lane (self->interaction, PARCOURS_IS_LANE (target) ? PARCOURS_LANE (target) : NULL,
                                    after, kind);
}

static void
set_lane_kind_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);
  int kind;

  if (PARCOURS_IS_LANE (target) &&
      parcours_enum_from_nick (PARCOURS_TYPE_LANE_KIND, g_variant_get_string (parameter, NULL), &kind))
    parcours_interaction_set_lane_kind (self->interaction, PARCOURS_LANE (target), kind);
}

static void
set_level_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);

  if (PARCOURS_IS_EMOTION_POINT (target))
    parcours_interaction_set_point_level (self->interaction, PARCOURS_EMOTION_POINT (target),
                                          g_variant_get_int32 (parameter));
}

static void
label_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ParcoursCanvas   *self)
{
  ParcoursEmotionPoint *point = g_object_get_data (G_OBJECT (dialog), "point");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "apply") && self->interaction != NULL &&
      parcours_document_lookup (self->document, parcours_element_get_id (PARCOURS_ELEMENT (point))) != NULL)
    {
      const char *text = gtk_editable_get_text (entry);

      parcours_interaction_set_point_label (self->interaction, point, text[0] != '\0' ? text : NULL);
    }
}

/* An emotion point's label is a line under its face: a small dialog
 * with an entry, applied with Enter. */
static void
edit_label_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *target = action_target (self);
  GtkWidget *dialog, *entry;
  const char *label;

  if (!PARCOURS_IS_EMOTION_POINT (target))
    return;

  label = parcours_emotion_point_get_label (PARCOURS_EMOTION_POINT (target));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Emotion Point Label"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), label != NULL ? label : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  g_object_set_data_full (G_OBJECT (dialog), "point", g_object_ref (target), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (label_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  guint lane, stage;

  action_target (self);
  _parcours_canvas_ensure_layout (self);
  if (!parcours_layout_get_cell_at (self->layout, self->menu_x, self->menu_y, &lane, &stage) ||
      parcours_layout_get_lane (self->layout, lane)->is_emotion ||
      parcours_layout_get_lane (self->layout, lane)->collapsed)
    return;

  parcours_interaction_create_card (self->interaction, lane, stage,
                                    _parcours_interaction_drop_index_at (self->interaction, lane, stage,
                                                                         self->menu_y, NULL));
}

/* Where a menu opened from the keyboard points: the focused element. */
static void
focus_point (ParcoursCanvas  *self,
             ParcoursElement *focus,
             double          *x,
             double          *y)
{
  int index = focus != NULL ? parcours_layout_find (self->layout, focus) : -1;
  ParcoursRect r;

  if (index < 0)
    {
      parcours_viewport_to_layout (self->viewport, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                   gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, x, y);
      return;
    }

  if (PARCOURS_IS_EMOTION_POINT (focus))
    {
      *x = parcours_layout_get_point (self->layout, index)->x;
      *y = parcours_layout_get_point (self->layout, index)->y;
      return;
    }

  if (PARCOURS_IS_CARD (focus))
    r = parcours_layout_get_card (self->layout, index)->rect;
  else if (PARCOURS_IS_STAGE (focus))
    r = parcours_layout_get_stage (self->layout, index)->header;
  else
    r = parcours_layout_get_lane (self->layout, index)->header;
  *x = r.x + MIN (r.width / 2, 24);
  *y = r.y + r.height / 2;
}

/* Shift+F10 and the Menu key: the menu of the keyboard focus. */
static void
popup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  ParcoursElement *focus;
  double x, y;

  if (self->interaction == NULL)
    return;

  _parcours_canvas_ensure_layout (self);
  focus = parcours_selection_get_focus (self->selection);
  focus_point (self, focus, &x, &y);
  parcours_canvas_reveal (self, focus);
  _parcours_canvas_open_menu (self, focus, x, y);
}

void
_parcours_canvas_class_init_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-channel", "s", set_channel_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-sentiment", "s", set_sentiment_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-color", "s", set_color_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-key-moment", NULL, toggle_key_moment_action);
  gtk_widget_class_install_action (widget_class, "canvas.insert-stage", "b", insert_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.insert-lane", "(sb)", insert_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-lane-kind", "s", set_lane_kind_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-level", "i", set_level_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit-label", NULL, edit_label_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.popup-menu", NULL, popup_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.popup-menu", NULL);
}
