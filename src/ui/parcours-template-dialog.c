/* parcours-template-dialog.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "parcours-template-dialog.h"
#include "parcours-templates.h"
#include "parcours-thumbnail.h"
#include "parcours-ui-private.h"

/* "New from Template": the templates as a gallery of cards, each with a
 * live thumbnail drawn by the shared renderer, its name and what it is
 * for. Choosing one emits ::template-chosen with its id; the dialog
 * closes and the application opens the map.
 *
 * Thumbnails are drawn one per idle callback, so the dialog shows at
 * once and its pictures fill in. */

/* The longest side of a thumbnail: three cards fit a 960-pixel window. */
#define THUMBNAIL_SIZE 260

struct _ParcoursTemplateDialog
{
  AdwWindow    parent_instance;

  GtkFlowBox  *flow_box;

  GPtrArray   *pending;        /* GtkPicture still without a thumbnail */
  guint        thumbnail_source;
};

G_DEFINE_FINAL_TYPE (ParcoursTemplateDialog, parcours_template_dialog, ADW_TYPE_WINDOW)

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) height * stride);

  /* GDK_MEMORY_DEFAULT is the layout of cairo's ARGB32 image surfaces. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

static gboolean
draw_next_thumbnail_cb (gpointer user_data)
{
  ParcoursTemplateDialog *self = user_data;
  g_autoptr(ParcoursDocument) document = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  ParcoursTheme theme;
  cairo_surface_t *surface;
  GtkPicture *picture;

  if (self->pending->len == 0)
    {
      self->thumbnail_source = 0;
      return G_SOURCE_REMOVE;
    }

  picture = g_ptr_array_steal_index (self->pending, 0);
  document = parcours_template_load (g_object_get_data (G_OBJECT (picture), "template-id"), NULL);

  if (document != NULL)
    {
      theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
              ? PARCOURS_THEME_DARK : PARCOURS_THEME_LIGHT;
      surface = parcours_thumbnail_render (document, THUMBNAIL_SIZE, theme);
      texture = texture_for_surface (surface);
      cairo_surface_destroy (surface);
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
    }

  g_object_unref (picture);

  return G_SOURCE_CONTINUE;
}

static void
template_clicked_cb (GtkButton              *button,
                     ParcoursTemplateDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "template-id");

  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* A card: the thumbnail, then the template's name and description. */
static GtkWidget *
create_template_button (ParcoursTemplateDialog *self,
                        const char             *id,
                        ParcoursDocument       *document)
{
  GtkWidget *button, *box, *picture, *title, *description;

  picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (picture, -1, 200);
  g_object_set_data_full (G_OBJECT (picture), "template-id", g_strdup (id), g_free);
  g_ptr_array_add (self->pending, g_object_ref (picture));

  title = gtk_label_new (parcours_document_get_title (document));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_widget_add_css_class (title, "heading");

  description = gtk_label_new (parcours_document_get_description (document));
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_lines (GTK_LABEL (description), 4);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_yalign (GTK_LABEL (description), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 30);
  gtk_widget_set_vexpand (description, TRUE);
  gtk_widget_add_css_class (description, "dim-label");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, parcours_document_get_title (document),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, parcours_document_get_description (document),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "template-id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (template_clicked_cb), self, G_CONNECT_DEFAULT);

  return button;
}

static void
parcours_template_dialog_fill (ParcoursTemplateDialog *self)
{
  const char * const *ids = parcours_templates_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(ParcoursDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = parcours_template_load (ids[i], &error);
      if (document == NULL)
        {
          /* The templates are built in; this is a bug, not bad input. */
          g_critical ("Template “%s” cannot be read: %s", ids[i], error->message);
          continue;
        }

      gtk_flow_box_append (self->flow_box, create_template_button (self, ids[i], document));
    }

  self->thumbnail_source = g_idle_add_full (G_PRIORITY_LOW, draw_next_thumbnail_cb, self, NULL);
}

static void
parcours_template_dialog_dispose (GObject *object)
{
  ParcoursTemplateDialog *self = PARCOURS_TEMPLATE_DIALOG (object);

  g_clear_handle_id (&self->thumbnail_source, g_source_remove);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARCOURS_TYPE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (parcours_template_dialog_parent_class)->dispose (object);
}

static void
parcours_template_dialog_finalize (GObject *object)
{
  ParcoursTemplateDialog *self = PARCOURS_TEMPLATE_DIALOG (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (parcours_template_dialog_parent_class)->finalize (object);
}

static void
parcours_template_dialog_class_init (ParcoursTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_template_dialog_dispose;
  object_class->finalize = parcours_template_dialog_finalize;

  /**
   * ParcoursTemplateDialog::template-chosen:
   * @id: the id of the template, for parcours_template_load()
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  _parcours_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parcours/Parcours/parcours-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParcoursTemplateDialog, flow_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
parcours_template_dialog_init (ParcoursTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  parcours_template_dialog_fill (self);
}

/**
 * parcours_template_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
ParcoursTemplateDialog *
parcours_template_dialog_new (GtkWindow *parent)
{
  return g_object_new (PARCOURS_TYPE_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       NULL);
}

/**
 * parcours_template_dialog_get_n_pending:
 *
 * How many thumbnails are still to be drawn.
 */
guint
parcours_template_dialog_get_n_pending (ParcoursTemplateDialog *self)
{
  g_return_val_if_fail (PARCOURS_IS_TEMPLATE_DIALOG (self), 0);

  return self->pending->len;
}
