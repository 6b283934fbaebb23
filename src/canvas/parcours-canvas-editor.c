/* parcours-canvas-editor.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-canvas-private.h"

/* Typing in place: a text view laid over the text of a card, stage or
 * lane header, at the current zoom, in the same font and wrap width.
 * Every change goes to the interaction, which puts it in the model, so
 * the card grows as the text does and the editor follows it. Enter ends
 * the card and starts the next one (a line break with Shift), Escape or
 * leaving ends editing. */

static ParcoursFontRole
font_role (ParcoursElement *element)
{
  if (PARCOURS_IS_STAGE (element))
    return PARCOURS_FONT_STAGE_NAME;
  if (PARCOURS_IS_LANE (element))
    return PARCOURS_FONT_LANE_NAME;
  return PARCOURS_FONT_CARD_TEXT;
}

static const char *
element_text (ParcoursElement *element)
{
  if (PARCOURS_IS_CARD (element))
    return parcours_card_get_text (PARCOURS_CARD (element));
  if (PARCOURS_IS_STAGE (element))
    return parcours_stage_get_name (PARCOURS_STAGE (element));
  if (PARCOURS_IS_LANE (element))
    return parcours_lane_get_name (PARCOURS_LANE (element));
  return "";
}

/* Where the element's text is, in layout units. */
static gboolean
text_rect (ParcoursCanvas  *self,
           ParcoursElement *element,
           ParcoursRect    *rect)
{
  int index = parcours_layout_find (self->layout, element);
  double pad = self->style->cell_padding;

  if (index < 0)
    return FALSE;

  if (PARCOURS_IS_CARD (element))
    {
      const ParcoursCardBox *box = parcours_layout_get_card (self->layout, index);

      *rect = box->text_rect;
      rect->width = box->text->wrap_width > 0 ? box->text->wrap_width : box->text_rect.width;
      rect->height = MAX (box->text->height, self->style->fonts[PARCOURS_FONT_CARD_TEXT].size * 1.3);
    }
  else if (PARCOURS_IS_STAGE (element))
    {
      const ParcoursStageBox *box = parcours_layout_get_stage (self->layout, index);

      *rect = (ParcoursRect) { box->header.x + pad, box->header.y + pad + 10,
                               box->header.width - 2 * pad, MAX (box->name->height, 20) };
    }
  else
    {
      const ParcoursLaneBox *box = parcours_layout_get_lane (self->layout, index);

      *rect = (ParcoursRect) { box->header.x + pad, box->header.y + pad,
                               box->header.width - 2 * pad, MAX (box->name->height, 18) };
    }

  return TRUE;
}

/* The editor's font follows the map's, at the zoom of the moment. */
static void
update_editor_css (ParcoursCanvas  *self,
                   ParcoursElement *element)
{
  const ParcoursFont *font = &self->style->fonts[font_role (element)];
  double scale = parcours_viewport_get_scale (self->viewport);
  g_autofree char *css = NULL;
  g_autofree char *color = parcours_rgba_to_hex (self->style->text);
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (size, sizeof size, "%.2f", font->size * scale);
  css = g_strdup_printf ("textview.parcours-in-place, textview.parcours-in-place > text {"
                         " background: transparent; color: %s; caret-color: %s;"
                         " font-family: \"%s\", sans-serif; font-size: %spx; font-weight: %d;"
                         " font-style: %s; padding: 0; }",
                         color, color, self->style->font_family, size, font->weight,
                         font->italic ? "italic" : "normal");

  if (self->editor_css == NULL)
    {
      self->editor_css = gtk_css_provider_new ();
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->editor_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
G_GNUC_END_IGNORE_DEPRECATIONS
    }
  gtk_css_provider_load_from_data (self->editor_css, css, -1);
}

static void
buffer_changed_cb (ParcoursCanvas *self,
                   GtkTextBuffer  *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating_editor || self->interaction == NULL ||
      parcours_interaction_get_editing (self->interaction) == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  parcours_interaction_update_edit (self->interaction, text);
}

static gboolean
editor_key_pressed_cb (ParcoursCanvas        *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  gboolean plain = !(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK));

  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && plain)
    {
      ParcoursElement *editing = parcours_interaction_get_editing (self->interaction);

      _parcours_canvas_end_editor (self, PARCOURS_IS_CARD (editing));
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape)
    {
      _parcours_canvas_end_editor (self, FALSE);
      return TRUE;
    }

  /* A line break only in cards; names are one line. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      !PARCOURS_IS_CARD (parcours_interaction_get_editing (self->interaction)))
    return TRUE;

  return FALSE;
}

static void
editor_focus_leave_cb (ParcoursCanvas     *self,
                       GtkEventController *controller)
{
  /* The editor may be ending already: leaving is how it lost focus. */
  if (self->editor != NULL && !self->updating_editor)
    _parcours_canvas_end_editor (self, FALSE);
}

void
_parcours_canvas_begin_editor (ParcoursCanvas  *self,
                               ParcoursElement *element)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;
  GtkTextIter end;

  if (self->interaction == NULL || !parcours_interaction_begin_edit (self->interaction, element))
    return;

  if (self->editor != NULL)
    {
      self->updating_editor = TRUE;
      g_clear_pointer (&self->editor, gtk_widget_unparent);
      self->updating_editor = FALSE;
    }

  _parcours_canvas_ensure_layout (self);
  parcours_canvas_reveal (self, element);
  update_editor_css (self, element);

  self->editor = gtk_text_view_new ();
  gtk_widget_add_css_class (self->editor, "parcours-in-place");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  PARCOURS_IS_CARD (element) ? _("Card text")
                                  : PARCOURS_IS_STAGE (element) ? _("Stage name") : _("Lane name"),
                                  -1);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  self->updating_editor = TRUE;
  gtk_text_buffer_set_text (buffer, element_text (element), -1);
  self->updating_editor = FALSE;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _parcours_canvas_end_editor:
 * @next_card: start the next card below (Enter)
 *
 * Closes the editor; what was typed is in the model already, as one step.
 */
void
_parcours_canvas_end_editor (ParcoursCanvas *self,
                             gboolean        next_card)
{
  gboolean had_focus;

  if (self->editor == NULL)
    return;

  /* The focus goes back to the canvas before the editor goes, so that
   * GTK does not move it later, away from the next card's editor. */
  had_focus = gtk_widget_is_focus (self->editor);
  self->updating_editor = TRUE;
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  self->updating_editor = FALSE;

  /* May ask for the next card's editor at once. */
  if (self->interaction != NULL)
    parcours_interaction_end_edit (self->interaction, next_card);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_parcours_canvas_allocate_editor (ParcoursCanvas *self)
{
  ParcoursElement *element;
  ParcoursRect rect;
  double scale, x, y;
  int min_height, nat_height, width;

  if (self->editor == NULL || self->interaction == NULL)
    return;

  element = parcours_interaction_get_editing (self->interaction);
  if (element == NULL || !text_rect (self, element, &rect))
    {
      gtk_widget_set_child_visible (self->editor, FALSE);
      return;
    }

  scale = parcours_viewport_get_scale (self->viewport);
  update_editor_css (self, element);
  parcours_viewport_to_widget (self->viewport, rect.x, rect.y, &x, &y);
  /* A little wider than the wrap width, so the caret fits at a line's
   * end without the text view wrapping differently from the card. */
  width = (int) ceil (rect.width * scale) + 2;
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, width, &min_height, &nat_height, NULL, NULL);
  gtk_widget_set_child_visible (self->editor, TRUE);
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) floor (x), (int) floor (y), width,
                                               MAX (nat_height, (int) ceil (rect.height * scale)) },
                            -1);
}
