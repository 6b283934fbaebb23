/* parcours-palette.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "parcours-painter.h"
#include "parcours-palette.h"

/* The palette: a narrow column of the cards a map is built from, a
 * touchpoint for each channel the model knows and a card of each other
 * kind, each with its icon and name. Drag an item onto the canvas (a
 * GtkDragSource; the canvas is the drop target and shows where the card
 * would land), or activate it with Enter or a click to make its card in
 * the canvas's focused cell. Either way the new card is then edited in
 * place. */

#define ITEM_PREFIX "parcours-palette-item "

struct _ParcoursPalette
{
  GtkWidget parent_instance;

  ParcoursCanvas *canvas;
  GtkWidget *scrolled;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (ParcoursPalette, parcours_palette, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  ParcoursLaneKind kind;
  const char *label;
  const char *icon;
} card_kinds[] = {
  { PARCOURS_LANE_KIND_ACTIONS, N_("Action"), "media-playback-start-symbolic" },
  { PARCOURS_LANE_KIND_THOUGHTS, N_("Thought"), "dialog-question-symbolic" },
  { PARCOURS_LANE_KIND_PAIN_POINTS, N_("Pain point"), "dialog-warning-symbolic" },
  { PARCOURS_LANE_KIND_OPPORTUNITIES, N_("Opportunity"), "emoji-objects-symbolic" },
  { PARCOURS_LANE_KIND_KPIS, N_("KPI"), "view-grid-symbolic" },
  { PARCOURS_LANE_KIND_NOTES, N_("Note"), "document-edit-symbolic" },
};

char *
parcours_palette_encode_item (ParcoursLaneKind kind,
                              ParcoursChannel  channel)
{
  return g_strconcat (ITEM_PREFIX, parcours_enum_to_nick (PARCOURS_TYPE_LANE_KIND, kind), " ",
                      parcours_enum_to_nick (PARCOURS_TYPE_CHANNEL, channel), NULL);
}

/* Anything else dropped on the canvas (text from elsewhere) is no item. */
gboolean
parcours_palette_decode_item (const char       *item,
                              ParcoursLaneKind *kind,
                              ParcoursChannel  *channel)
{
  g_auto(GStrv) parts = NULL;
  int k, c;

  if (item == NULL || !g_str_has_prefix (item, ITEM_PREFIX))
    return FALSE;

  parts = g_strsplit (item + strlen (ITEM_PREFIX), " ", -1);
  if (g_strv_length (parts) != 2 ||
      !parcours_enum_from_nick (PARCOURS_TYPE_LANE_KIND, parts[0], &k) ||
      !parcours_enum_from_nick (PARCOURS_TYPE_CHANNEL, parts[1], &c) ||
      k == PARCOURS_LANE_KIND_EMOTIONS)
    return FALSE;

  *kind = k;
  *channel = c;
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  const char *item = g_object_get_data (G_OBJECT (row), "palette-item");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "palette-icon");
  GdkPaintable *paintable = gtk_image_get_paintable (GTK_IMAGE (icon));

  if (paintable == NULL)
    {
      /* The themed icon, as the drag's picture. */
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (row));
      g_autoptr(GtkIconPaintable) themed = gtk_icon_theme_lookup_icon (theme, gtk_image_get_icon_name (GTK_IMAGE (icon)),
                                                                       NULL, 24, gtk_widget_get_scale_factor (row),
                                                                       gtk_widget_get_direction (row), 0);
      gtk_drag_source_set_icon (source, GDK_PAINTABLE (themed), 12, 12);
    }

  return gdk_content_provider_new_typed (G_TYPE_STRING, item);
}

static GtkWidget *
make_row (ParcoursPalette  *self,
          const char       *label,
          const char       *icon_name,
          ParcoursLaneKind  kind,
          ParcoursChannel   channel)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *name = gtk_label_new (label);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 7);
  gtk_widget_set_margin_bottom (box, 7);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Drag onto the map, or press Enter to add it to the focused cell"));

  g_object_set_data_full (G_OBJECT (row), "palette-item", parcours_palette_encode_item (kind, channel), g_free);
  g_object_set_data (G_OBJECT (row), "palette-icon", icon);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  return row;
}

static GtkWidget *
make_heading (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
row_activated_cb (ParcoursPalette *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  const char *item = g_object_get_data (G_OBJECT (row), "palette-item");
  ParcoursLaneKind kind;
  ParcoursChannel channel;

  if (self->canvas == NULL || !parcours_palette_decode_item (item, &kind, &channel))
    return;

  /* The card is typed on the canvas: the focus goes there. */
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  if (!parcours_canvas_add_from_palette (self->canvas, kind, channel, NAN, NAN))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
parcours_palette_dispose (GObject *object)
{
  ParcoursPalette *self = PARCOURS_PALETTE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (parcours_palette_parent_class)->dispose (object);
}

static void
parcours_palette_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParcoursPalette *self = PARCOURS_PALETTE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_palette_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ParcoursPalette *self = PARCOURS_PALETTE (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      parcours_palette_set_canvas (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
parcours_palette_class_init (ParcoursPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = parcours_palette_dispose;
  object_class->get_property = parcours_palette_get_property;
  object_class->set_property = parcours_palette_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         PARCOURS_TYPE_CANVAS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
parcours_palette_init (ParcoursPalette *self)
{
  static gsize icons_added;

  /* The map's channel icons, from the GResource, for GtkImage too. */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        "/io/github/parcours/Parcours/icons/map");
      g_once_init_leave (&icons_added, 1);
    }

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Card palette"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Card palette"), -1);

  gtk_list_box_append (self->list, make_heading (_("Touchpoints")));
  gtk_list_box_append (self->list, make_row (self, _("Touchpoint"), "mark-location-symbolic",
                                             PARCOURS_LANE_KIND_TOUCHPOINTS, PARCOURS_CHANNEL_NONE));
  for (int c = PARCOURS_CHANNEL_WEBSITE; c <= PARCOURS_CHANNEL_OTHER; c++)
    gtk_list_box_append (self->list, make_row (self, parcours_channel_get_label (c), parcours_channel_icon_name (c),
                                               PARCOURS_LANE_KIND_TOUCHPOINTS, c));

  gtk_list_box_append (self->list, make_heading (_("Cards")));
  for (guint i = 0; i < G_N_ELEMENTS (card_kinds); i++)
    gtk_list_box_append (self->list, make_row (self, _(card_kinds[i].label), card_kinds[i].icon,
                                               card_kinds[i].kind, PARCOURS_CHANNEL_NONE));
}

GtkWidget *
parcours_palette_new (void)
{
  return g_object_new (PARCOURS_TYPE_PALETTE, NULL);
}

ParcoursCanvas *
parcours_palette_get_canvas (ParcoursPalette *self)
{
  g_return_val_if_fail (PARCOURS_IS_PALETTE (self), NULL);

  return self->canvas;
}

/* The canvas an item activated from the keyboard adds its card to. */
void
parcours_palette_set_canvas (ParcoursPalette *self,
                             ParcoursCanvas  *canvas)
{
  g_return_if_fail (PARCOURS_IS_PALETTE (self));
  g_return_if_fail (!canvas || PARCOURS_IS_CANVAS (canvas));

  if (g_set_object (&self->canvas, canvas))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}
