/* parcours-window-present.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-window-private.h"

/* Presentation mode and the workshop timer: view state of the window,
 * never in the document. Presenting (F5), the window goes full screen
 * with nothing but the map, which the canvas zooms stage by stage; keys,
 * clicks and a presenter's remote step through the stages on a surface
 * laid over the map, so nothing can be edited by mistake. Leaving puts
 * back exactly what was there: the window's size, the panels, the zoom,
 * the scroll position, the selection and the focus. The timer counts a
 * workshop round down in a pill over a corner of the map, presenting or
 * not. */

#define RESOURCE_PATH "/io/github/parcours/Parcours/"

/* How long the pill flashes when time is up. */
#define TIMER_FLASH_MSEC 3600
/* Leaving presentation waits this long at most for the window to come
 * back to its size before the view is put back as it was. */
#define RESTORE_TIMEOUT_USEC (2 * G_USEC_PER_SEC)
/* How long the stage's name stays after a step. */
#define INDICATOR_MSEC 4000

struct _ParcoursWindowPresent
{
  /* What presenting changed, to put back as it was. */
  gboolean saved;
  gpointer history;             /* only compared: the map it was for */
  gboolean fullscreen;
  gboolean side_panel;
  gboolean palette;
  int canvas_width;
  int canvas_height;
  double zoom;
  double x;
  double y;
  GPtrArray *selection;         /* ParcoursElement, owned */
  ParcoursElement *focus;       /* owned */
  GtkWidget *focus_widget;      /* weak */

  guint restore_tick;
  gint64 restore_deadline;

  guint indicator_source;       /* fades the stage indicator */

  int custom_minutes;
};

static ParcoursPresentation *
presentation (ParcoursWindow *self)
{
  return parcours_canvas_get_presentation (self->canvas);
}

static gboolean
presenting (ParcoursWindow *self)
{
  return parcours_presentation_get_active (presentation (self));
}

static gboolean
fade_indicator_cb (gpointer user_data)
{
  ParcoursWindow *self = user_data;

  self->present->indicator_source = 0;
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_indicator), "faded");

  return G_SOURCE_REMOVE;
}

/* "Stage 2 of 5 — Consideration", small in a bottom corner of the
 * screen for a moment after each step. */
static void
update_stage_indicator (ParcoursWindow *self)
{
  ParcoursPresentation *p = presentation (self);
  int stage = parcours_presentation_get_stage (p);
  guint n_stages = parcours_presentation_get_n_stages (p);
  ParcoursLayout *layout = parcours_canvas_get_layout (self->canvas);
  g_autofree char *text = NULL;

  if (stage < 0 || (guint) stage >= parcours_layout_get_n_stages (layout))
    {
      text = g_strdup (_("Overview"));
    }
  else
    {
      const char *name = parcours_stage_get_name (parcours_layout_get_stage (layout, stage)->stage);

      if (name != NULL && name[0] != '\0')
        /* Translators: the stage shown while presenting, e.g. "Stage 2 of 5 — Consideration" */
        text = g_strdup_printf (_("Stage %d of %u — %s"), stage + 1, n_stages, name);
      else
        /* Translators: the stage shown while presenting, e.g. "Stage 2 of 5" */
        text = g_strdup_printf (_("Stage %d of %u"), stage + 1, n_stages);
    }

  gtk_label_set_label (self->stage_indicator, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->stage_indicator), "faded");
  g_clear_handle_id (&self->present->indicator_source, g_source_remove);
  self->present->indicator_source = g_timeout_add (INDICATOR_MSEC, fade_indicator_cb, self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presentation_surface),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
clear_saved (struct _ParcoursWindowPresent *present)
{
  present->saved = FALSE;
  g_clear_pointer (&present->selection, g_ptr_array_unref);
  g_clear_object (&present->focus);
  g_clear_weak_pointer (&present->focus_widget);
}

/* Before presenting: what to put back afterwards. */
static void
save_view (ParcoursWindow *self)
{
  struct _ParcoursWindowPresent *present = self->present;
  ParcoursViewport *viewport = parcours_canvas_get_viewport (self->canvas);
  ParcoursSelection *selection = parcours_canvas_get_selection (self->canvas);
  ParcoursElement *focus;

  /* Presented again before the last presentation's view was back: that
   * view is still the one to come back to. */
  if (present->restore_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), present->restore_tick);
      present->restore_tick = 0;
      if (present->saved && present->history == self->history)
        return;
    }
  clear_saved (present);

  present->saved = TRUE;
  present->history = self->history;
  present->fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  present->side_panel = adw_flap_get_reveal_flap (self->flap);
  present->palette = gtk_toggle_button_get_active (self->palette_button);
  present->canvas_width = gtk_widget_get_width (GTK_WIDGET (self->canvas));
  present->canvas_height = gtk_widget_get_height (GTK_WIDGET (self->canvas));
  present->zoom = parcours_viewport_get_zoom (viewport);
  present->x = parcours_viewport_get_x (viewport);
  present->y = parcours_viewport_get_y (viewport);

  present->selection = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < parcours_selection_get_n_items (selection); i++)
    g_ptr_array_add (present->selection, g_object_ref (parcours_selection_get_item (selection, i)));
  focus = parcours_selection_get_focus (selection);
  present->focus = focus != NULL ? g_object_ref (focus) : NULL;
  g_set_weak_pointer (&present->focus_widget, gtk_root_get_focus (GTK_ROOT (self)));
}

static void
apply_saved_view (ParcoursWindow *self)
{
  struct _ParcoursWindowPresent *present = self->present;
  ParcoursViewport *viewport = parcours_canvas_get_viewport (self->canvas);
  ParcoursSelection *selection = parcours_canvas_get_selection (self->canvas);

  if (present->history != self->history)
    return;

  parcours_viewport_set_zoom (viewport, present->zoom);
  parcours_viewport_set_origin (viewport, present->x, present->y);
  parcours_selection_select_all (selection, present->selection, PARCOURS_SELECT_REPLACE);
  parcours_selection_set_focus (selection, present->focus);
  parcours_selection_prune (selection, self->document);
}

/* The window comes back to its size over a few frames (the panels slide
 * in, the window manager leaves full screen): the view is put back once
 * the map has its old size again, so that its edges clamp the same. */
static gboolean
restore_view_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  ParcoursWindow *self = user_data;
  struct _ParcoursWindowPresent *present = self->present;
  gboolean same_size = gtk_widget_get_width (widget) == present->canvas_width &&
                       gtk_widget_get_height (widget) == present->canvas_height;

  if (!same_size && g_get_monotonic_time () < present->restore_deadline)
    return G_SOURCE_CONTINUE;

  apply_saved_view (self);
  present->restore_tick = 0;
  clear_saved (present);

  return G_SOURCE_REMOVE;
}

static void
enter_presentation (ParcoursWindow *self)
{
  struct _ParcoursWindowPresent *present = self->present;

  if (!present->saved)
    save_view (self);

  gtk_widget_set_visible (self->header_bar, FALSE);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_toggle_button_set_active (self->palette_button, FALSE);
  gtk_scrolled_window_set_policy (self->canvas_scroller, GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  /* Nothing reaches the map but the presentation's steps. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->canvas), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self->canvas), FALSE);
  gtk_widget_set_visible (self->presentation_surface, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_indicator), TRUE);
  gtk_widget_grab_focus (self->presentation_surface);
  update_stage_indicator (self);

  if (!present->fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));
}

static void
leave_presentation (ParcoursWindow *self)
{
  struct _ParcoursWindowPresent *present = self->present;

  gtk_widget_set_visible (self->presentation_surface, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_indicator), FALSE);
  g_clear_handle_id (&present->indicator_source, g_source_remove);
  gtk_widget_set_can_focus (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self->canvas), TRUE);
  gtk_scrolled_window_set_policy (self->canvas_scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_visible (self->header_bar, TRUE);

  if (!present->saved)
    return;

  adw_flap_set_reveal_flap (self->flap, present->side_panel);
  gtk_toggle_button_set_active (self->palette_button, present->palette);
  if (!present->fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));

  if (present->focus_widget != NULL && gtk_widget_get_root (present->focus_widget) == GTK_ROOT (self))
    gtk_widget_grab_focus (present->focus_widget);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  present->restore_deadline = g_get_monotonic_time () + RESTORE_TIMEOUT_USEC;
  if (present->restore_tick == 0)
    present->restore_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->canvas), restore_view_tick_cb,
                                                          self, NULL);
}

static void
presentation_active_cb (ParcoursWindow       *self,
                        GParamSpec           *pspec,
                        ParcoursPresentation *presentation)
{
  if (self->present == NULL)
    return;

  if (parcours_presentation_get_active (presentation))
    enter_presentation (self);
  else
    leave_presentation (self);

  _parcours_window_update_actions (self);
}

static void
presentation_stage_cb (ParcoursWindow       *self,
                       GParamSpec           *pspec,
                       ParcoursPresentation *presentation)
{
  if (parcours_presentation_get_active (presentation))
    update_stage_indicator (self);
}

/* Presenting: the keys of a keyboard and of a presenter's remote (which
 * sends Page Up and Page Down, sometimes F5 and Escape). Space and Enter
 * stay with the focused widget: the timer's button. */
static gboolean
key_pressed_cb (ParcoursWindow        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  ParcoursPresentation *p = presentation (self);

  if (!parcours_presentation_get_active (p) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Page_Down:
      parcours_presentation_step (p, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Page_Up:
      parcours_presentation_step (p, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      parcours_presentation_show_overview (p);
      return GDK_EVENT_STOP;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      parcours_presentation_show_last (p);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      parcours_presentation_set_active (p, FALSE);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* A click (or a tap) goes to the next stage, a right click back. */
static void
surface_pressed_cb (ParcoursWindow *self,
                    int             n_press,
                    double          x,
                    double          y,
                    GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (button == GDK_BUTTON_SECONDARY)
    parcours_presentation_step (presentation (self), -1);
  else if (button == GDK_BUTTON_PRIMARY || button == 0)
    parcours_presentation_step (presentation (self), 1);
}

/* The wheel would scroll the map from under the presentation. */
static gboolean
surface_scroll_cb (ParcoursWindow           *self,
                   double                    dx,
                   double                    dy,
                   GtkEventControllerScroll *controller)
{
  return GDK_EVENT_STOP;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  if (!presenting (self))
    save_view (self);
  parcours_presentation_set_active (presentation (self), !presenting (self));
}

/* The workshop timer */

static void
update_timer (ParcoursWindow *self)
{
  ParcoursWorkshopTimer *timer = self->timer;
  guint seconds = parcours_workshop_timer_get_remaining_seconds (timer);
  gboolean paused = parcours_workshop_timer_get_paused (timer);
  g_autofree char *label = parcours_workshop_timer_format (seconds);
  g_autofree char *description = parcours_workshop_timer_describe (seconds, paused);

  gtk_label_set_label (self->timer_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_button), "paused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_button), "paused");

  gtk_widget_set_visible (GTK_WIDGET (self->timer_button),
                          parcours_workshop_timer_get_active (timer) || self->timer_flash_source != 0);
}

static void
end_flash (ParcoursWindow *self)
{
  g_clear_handle_id (&self->timer_flash_source, g_source_remove);
  gtk_widget_remove_css_class (GTK_WIDGET (self->timer_button), "finished");
}

static void
timer_changed_cb (ParcoursWindow        *self,
                  GParamSpec            *pspec,
                  ParcoursWorkshopTimer *timer)
{
  if (parcours_workshop_timer_get_active (timer))
    end_flash (self);
  update_timer (self);
  _parcours_window_update_present_actions (self);
}

static gboolean
flash_done_cb (gpointer user_data)
{
  ParcoursWindow *self = user_data;

  self->timer_flash_source = 0;
  end_flash (self);
  update_timer (self);

  return G_SOURCE_REMOVE;
}

/* Time is up: the pill flashes a moment, the bell rings, and a toast
 * says it, with one more minute a click away. */
static void
timer_finished_cb (ParcoursWindow        *self,
                   ParcoursWorkshopTimer *timer)
{
  AdwToast *toast;

  end_flash (self);
  gtk_widget_add_css_class (GTK_WIDGET (self->timer_button), "finished");
  self->timer_flash_source = g_timeout_add (TIMER_FLASH_MSEC, flash_done_cb, self);
  update_timer (self);
  gtk_widget_error_bell (GTK_WIDGET (self));

  toast = adw_toast_new (_("Time is up"));
  adw_toast_set_button_label (toast, _("One More _Minute"));
  adw_toast_set_action_name (toast, "win.timer-start");
  adw_toast_set_action_target_value (toast, g_variant_new_int32 (1));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
timer_start_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  int minutes = g_variant_get_int32 (parameter);

  if (minutes > 0)
    parcours_workshop_timer_start (self->timer, (guint) MIN (minutes, 24 * 60) * 60);
}

static void
custom_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ParcoursWindow   *self)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));

  if (!g_str_equal (response, "start"))
    return;

  self->present->custom_minutes = gtk_spin_button_get_value_as_int (spin);
  parcours_workshop_timer_start (self->timer, (guint) self->present->custom_minutes * 60);
}

static void
timer_custom_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *spin;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Workshop Timer"),
                                   _("How many minutes does the round last?"));
  spin = gtk_spin_button_new_with_range (1, 240, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), self->present->custom_minutes);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (custom_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
timer_add_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);
  int minutes = g_variant_get_int32 (parameter);

  if (minutes > 0)
    parcours_workshop_timer_add (self->timer, (guint) MIN (minutes, 24 * 60) * 60);
}

static void
timer_pause_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  parcours_workshop_timer_set_paused (self->timer, g_str_equal (action_name, "win.timer-pause"));
}

static void
timer_stop_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ParcoursWindow *self = PARCOURS_WINDOW (widget);

  end_flash (self);
  parcours_workshop_timer_stop (self->timer);
  update_timer (self);
}

void
_parcours_window_update_present_actions (ParcoursWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean active, paused;

  if (self->timer == NULL)
    return;

  active = parcours_workshop_timer_get_active (self->timer);
  paused = parcours_workshop_timer_get_paused (self->timer);

  gtk_widget_action_set_enabled (widget, "win.present", self->has_map);
  gtk_widget_action_set_enabled (widget, "win.timer-start", self->has_map);
  gtk_widget_action_set_enabled (widget, "win.timer-custom", self->has_map);
  gtk_widget_action_set_enabled (widget, "win.timer-add", active);
  gtk_widget_action_set_enabled (widget, "win.timer-pause", active && !paused);
  gtk_widget_action_set_enabled (widget, "win.timer-resume", active && paused);
  gtk_widget_action_set_enabled (widget, "win.timer-stop", active);
}

static void
ensure_css (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "parcours-present.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
_parcours_window_class_present_init (ParcoursWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, canvas_scroller);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, presentation_surface);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, stage_indicator);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, ParcoursWindow, timer_label);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.timer-start", "i", timer_start_action);
  gtk_widget_class_install_action (widget_class, "win.timer-custom", NULL, timer_custom_action);
  gtk_widget_class_install_action (widget_class, "win.timer-add", "i", timer_add_action);
  gtk_widget_class_install_action (widget_class, "win.timer-pause", NULL, timer_pause_action);
  gtk_widget_class_install_action (widget_class, "win.timer-resume", NULL, timer_pause_action);
  gtk_widget_class_install_action (widget_class, "win.timer-stop", NULL, timer_stop_action);
}

void
_parcours_window_present_init (ParcoursWindow *self)
{
  ParcoursPresentation *p = presentation (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  ensure_css ();
  self->present = g_new0 (struct _ParcoursWindowPresent, 1);
  self->present->custom_minutes = 20;

  g_signal_connect_object (p, "notify::active", G_CALLBACK (presentation_active_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (p, "notify::stage", G_CALLBACK (presentation_stage_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (p, "notify::n-stages", G_CALLBACK (presentation_stage_cb), self, G_CONNECT_SWAPPED);

  /* Before the map or a focused button see them. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (surface_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->presentation_surface, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (surface_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->presentation_surface, controller);

  self->timer = parcours_workshop_timer_new ();
  g_signal_connect_object (self->timer, "notify", G_CALLBACK (timer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "finished", G_CALLBACK (timer_finished_cb), self, G_CONNECT_SWAPPED);
  update_timer (self);
}

void
_parcours_window_present_dispose (ParcoursWindow *self)
{
  if (self->present != NULL)
    {
      if (self->present->restore_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->present->restore_tick);
      clear_saved (self->present);
      g_clear_handle_id (&self->present->indicator_source, g_source_remove);
      g_clear_pointer (&self->present, g_free);
    }
  g_clear_handle_id (&self->timer_flash_source, g_source_remove);
  if (self->timer != NULL)
    {
      parcours_workshop_timer_stop (self->timer);
      g_signal_handlers_disconnect_by_data (self->timer, self);
    }
  g_clear_object (&self->timer);
}

/* Whether the view left by a presentation is still to be put back. */
gboolean
_parcours_window_is_restoring (ParcoursWindow *self)
{
  g_return_val_if_fail (PARCOURS_IS_WINDOW (self), FALSE);

  return self->present != NULL && self->present->restore_tick != 0;
}
