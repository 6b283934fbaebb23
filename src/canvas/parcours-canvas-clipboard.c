/* parcours-canvas-clipboard.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "parcours-canvas-private.h"
#include "parcours-clipboard.h"
#include "parcours-interaction-private.h"

/* Ctrl+C, Ctrl+X and Ctrl+V on the canvas. Copied cards go on the
 * clipboard twice: in Parcours's own MIME type with all their properties
 * (for another map or window) and as plain text, one line per card (for
 * other programs). A paste prefers the former, else reads text, one card
 * per line, and puts the cards in the focused cell as one undo step. What
 * cannot be pasted says why in a toast; a very large paste asks first. */

/* The clipboard's contents are read in the background; the paste may
 * land after the canvas changed, so it holds what it needs. */
typedef struct
{
  ParcoursCanvas *canvas;
  GInputStream *stream;
  guint8 *buffer;
  gsize length;
} PasteRead;

static void
paste_read_free (PasteRead *read)
{
  g_clear_object (&read->canvas);
  g_clear_object (&read->stream);
  g_free (read->buffer);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteRead, paste_read_free)

static void
cannot_paste (ParcoursCanvas *self,
              const GError   *error)
{
  const char *title;

  if (g_error_matches (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE))
    title = _("The clipboard holds too much to paste");
  else if (g_error_matches (error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_EMPTY))
    title = _("The clipboard holds no cards or text to paste");
  else
    title = _("The clipboard’s contents cannot be pasted as cards");

  if (error != NULL)
    g_debug ("Paste refused: %s", error->message);
  _parcours_canvas_toast (self, title, FALSE);
}

static void
paste_now (ParcoursCanvas *self,
           GPtrArray      *cards)
{
  guint lane, stage, index;

  if (self->interaction == NULL)
    return;

  _parcours_canvas_ensure_layout (self);
  if (self->has_paste_cell && self->paste_lane < parcours_layout_get_n_lanes (self->layout) &&
      self->paste_stage < parcours_layout_get_n_stages (self->layout))
    {
      lane = self->paste_lane;
      stage = self->paste_stage;
      index = self->paste_index;
    }
  else if (!parcours_interaction_get_target_cell (self->interaction, &lane, &stage, &index))
    {
      _parcours_canvas_toast (self, _("This map has no lane for cards to paste into"), FALSE);
      return;
    }

  if (parcours_interaction_paste_cards (self->interaction, cards, lane, stage, index) > 0)
    {
      _parcours_canvas_ensure_layout (self);
      parcours_canvas_reveal (self, parcours_selection_get_focus (self->selection));
    }
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ParcoursCanvas   *self)
{
  if (g_str_equal (response, "paste"))
    paste_now (self, g_object_get_data (G_OBJECT (dialog), "cards"));
}

/* Thousands of cards are more likely a mistake than a plan: ask. */
static void
paste_cards (ParcoursCanvas *self,
             GPtrArray      *cards)
{
  GtkWidget *dialog;

  if (cards->len <= PARCOURS_CLIPBOARD_CONFIRM_CARDS)
    {
      paste_now (self, cards);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     g_dngettext (GETTEXT_PACKAGE, "Paste %u Card?", "Paste %u Cards?", cards->len),
                                     cards->len);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("That is a great many cards for one cell. Undo takes them all away again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "paste", _("_Paste"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "paste", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cards", g_ptr_array_ref (cards), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_all_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PasteRead) read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  gsize n_read = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &n_read, &error))
    {
      cannot_paste (read->canvas, error);
      return;
    }

  /* One byte more than the limit was asked for: if it came, too much. */
  if (n_read > PARCOURS_CLIPBOARD_MAX_BYTES)
    {
      g_set_error_literal (&error, PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_TOO_LARGE, "too large");
      cannot_paste (read->canvas, error);
      return;
    }

  bytes = g_bytes_new (read->buffer, n_read);
  cards = parcours_clipboard_decode (bytes, &error);
  if (cards == NULL)
    {
      cannot_paste (read->canvas, error);
      return;
    }

  paste_cards (read->canvas, cards);
}

static void
read_mime_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PasteRead) read = user_data;
  g_autoptr(GError) error = NULL;
  PasteRead *pending;

  read->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (read->stream == NULL)
    {
      cannot_paste (read->canvas, error);
      return;
    }

  pending = g_steal_pointer (&read);
  pending->length = PARCOURS_CLIPBOARD_MAX_BYTES + 1;
  pending->buffer = g_malloc (pending->length);
  g_input_stream_read_all_async (pending->stream, pending->buffer, pending->length, G_PRIORITY_DEFAULT, NULL,
                                 read_all_cb, pending);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ParcoursCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(GPtrArray) cards = NULL;

  if (text == NULL)
    {
      cannot_paste (self, error);
      return;
    }

  cards = parcours_clipboard_decode_text (text, -1, &error);
  if (cards == NULL)
    {
      cannot_paste (self, error);
      return;
    }

  paste_cards (self, cards);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *mime_types[] = { PARCOURS_CLIPBOARD_MIME_TYPE, NULL };

  if (self->interaction == NULL)
    return;

  parcours_canvas_commit_edit (self);
  _parcours_canvas_ensure_layout (self);

  /* From the menu of an empty place in a cell: into that cell, there. */
  self->has_paste_cell = self->menu_in_use && self->menu_target == NULL &&
                         parcours_layout_get_cell_at (self->layout, self->menu_x, self->menu_y,
                                                      &self->paste_lane, &self->paste_stage) &&
                         !parcours_layout_get_lane (self->layout, self->paste_lane)->is_emotion &&
                         !parcours_layout_get_lane (self->layout, self->paste_lane)->collapsed;
  if (self->has_paste_cell)
    self->paste_index = _parcours_interaction_drop_index_at (self->interaction, self->paste_lane,
                                                             self->paste_stage, self->menu_y, NULL);
  if (gdk_content_formats_contain_mime_type (formats, PARCOURS_CLIPBOARD_MIME_TYPE))
    {
      PasteRead *read = g_new0 (PasteRead, 1);

      read->canvas = g_object_ref (self);
      gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, read_mime_cb, read);
    }
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING) ||
           gdk_content_formats_contain_mime_type (formats, "text/plain") ||
           gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"))
    gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, g_object_ref (self));
  else
    {
      g_autoptr(GError) error = g_error_new_literal (PARCOURS_CLIPBOARD_ERROR, PARCOURS_CLIPBOARD_ERROR_EMPTY,
                                                     "no known format");
      cannot_paste (self, error);
    }
}

/* The cards a copy takes: the selected ones, else the menu's or the
 * focused card. */
static GPtrArray *
cards_to_copy (ParcoursCanvas *self)
{
  ParcoursElement *target = self->menu_target != NULL ? self->menu_target
                                                      : parcours_selection_get_focus (self->selection);
  g_autoptr(GPtrArray) targets = parcours_interaction_get_card_targets (self->interaction, target);

  if (targets->len == 0)
    {
      GListModel *cards = parcours_document_get_cards (self->document);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(ParcoursElement) card = g_list_model_get_item (cards, i);

          if (parcours_selection_contains (self->selection, card))
            g_ptr_array_add (targets, g_object_ref (card));
        }
    }

  return g_steal_pointer (&targets);
}

static gboolean
copy (ParcoursCanvas *self)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];

  if (self->interaction == NULL)
    return FALSE;

  parcours_canvas_commit_edit (self);
  cards = cards_to_copy (self);
  if (cards->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  bytes = parcours_clipboard_encode (cards);
  text = parcours_clipboard_encode_text (cards);
  providers[0] = gdk_content_provider_new_for_bytes (PARCOURS_CLIPBOARD_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy (PARCOURS_CANVAS (widget));
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ParcoursCanvas *self = PARCOURS_CANVAS (widget);
  g_autoptr(GPtrArray) cards = NULL;

  if (!copy (self))
    return;

  /* What was copied goes, in one step "Cut Cards". */
  cards = cards_to_copy (self);
  parcours_history_begin_group (self->history, cards->len == 1 ? _("Cut Card") : _("Cut Cards"));
  for (guint i = 0; i < cards->len; i++)
    parcours_history_remove (self->history, g_ptr_array_index (cards, i), NULL);
  parcours_history_end_group (self->history);
  parcours_selection_prune (self->selection, self->document);
}

void
_parcours_canvas_class_init_clipboard (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);

  /* Menus show the last shortcut bound to an action: Ctrl+C, not Copy. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Copy, 0, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Cut, 0, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Paste, 0, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
}
