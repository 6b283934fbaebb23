/* test-shortcuts-window.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "parcours-outline-node.h"
#include "parcours-test-ui.h"
#include "parcours-test-utils.h"
#include "parcours-window-private.h"

/* The shortcuts window (Ctrl+?) lists the keys of the outline, read
 * from what the outline really binds: every key of ParcoursOutline's
 * class shortcuts and of its rows' expanders is in the "Outline" group,
 * and the group lists nothing they do not bind. Opened in a real window
 * with xdotool, as a person opens it; and Shift+F10 on a row opens the
 * row's menu that the group promises. */

static GtkApplication *application;
static gboolean have_display;

typedef struct
{
  ParcoursWindow *window;
} Fixture;

typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;
} Key;

#define REQUIRE_DISPLAY() \
  G_STMT_START { if (!have_display) { g_test_skip ("no display or xdotool"); return; } } G_STMT_END

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParcoursDocument) document = parcours_document_new ();

  if (!have_display)
    return;

  parcours_document_set_title (document, "Shortcuts");
  parcours_test_add (document, parcours_stage_new ("s1", "Discover"));
  parcours_test_add (document, parcours_lane_new ("touch", PARCOURS_LANE_KIND_TOUCHPOINTS, "Touchpoints"));
  parcours_test_add (document, parcours_card_new ("c1", "touch", "s1", "Sees a poster"));

  fixture->window = parcours_test_ui_open_window (application, document, 1200, 800);
  adw_flap_set_reveal_flap (fixture->window->flap, TRUE);
  adw_view_stack_set_visible_child_name (fixture->window->side_stack, "outline");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  parcours_test_ui_close_window (&fixture->window);
}

/* A key of the keypad is the key of the main block it stands for: the
 * shortcuts window shows one of them. */
static guint
main_block_keyval (guint keyval)
{
  static const guint keypad[][2] = {
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down },
    { GDK_KEY_KP_Left, GDK_KEY_Left }, { GDK_KEY_KP_Right, GDK_KEY_Right },
    { GDK_KEY_KP_Delete, GDK_KEY_Delete }, { GDK_KEY_KP_Insert, GDK_KEY_Insert },
    { GDK_KEY_KP_Add, GDK_KEY_plus }, { GDK_KEY_KP_Subtract, GDK_KEY_minus },
    { GDK_KEY_KP_Multiply, GDK_KEY_asterisk }, { GDK_KEY_KP_Divide, GDK_KEY_slash },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keypad); i++)
    if (keypad[i][0] == keyval)
      return keypad[i][1];

  return keyval;
}

static gboolean
has_key (GArray *keys,
         Key     key)
{
  for (guint i = 0; i < keys->len; i++)
    {
      Key *other = &g_array_index (keys, Key, i);

      if (other->keyval == key.keyval && other->modifiers == key.modifiers)
        return TRUE;
    }

  return FALSE;
}

static void
add_key (GArray          *keys,
         guint            keyval,
         GdkModifierType  modifiers)
{
  Key key = { main_block_keyval (gdk_keyval_to_lower (keyval)), modifiers & gtk_accelerator_get_default_mod_mask () };

  if (!has_key (keys, key))
    g_array_append_val (keys, key);
}

/* The keys @widget's own shortcut controllers bind to actions whose name
 * starts with @prefix (NULL: any action). */
static void
collect_bound_keys (GtkWidget  *widget,
                    const char *prefix,
                    GArray     *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          if (prefix != NULL &&
              (!GTK_IS_NAMED_ACTION (action) ||
               !g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), prefix)))
            continue;

          add_key (keys, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                   gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
        }
    }
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *group_title = NULL;

      g_object_get (widget, "title", &group_title, NULL);
      if (g_strcmp0 (group_title, title) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every key the group's rows show, and each row's title. */
static void
collect_listed_keys (GtkWidget *group,
                     GArray    *keys,
                     GPtrArray *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (group); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) accelerators = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
        continue;

      g_object_get (child, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (accelerator);
      accelerators = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accelerators[i] != NULL; i++)
        {
          guint keyval = 0;
          GdkModifierType modifiers = 0;

          g_assert_true (gtk_accelerator_parse (accelerators[i], &keyval, &modifiers));
          add_key (keys, keyval, modifiers);
        }
      g_ptr_array_add (titles, g_steal_pointer (&title));
    }
}

/* Whether a label under @widget shows @text anywhere in it. */
static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;

  return FALSE;
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static void
test_outline_keys_listed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) bound = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GArray) expander_keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *expander;
  GtkWidget *group;
  GtkWindow *shortcuts = NULL;

  REQUIRE_DISPLAY ();

  collect_bound_keys (GTK_WIDGET (fixture->window->outline), "outline.", bound);
  /* Renaming, deleting, moving, adding and the menu at the least */
  g_assert_cmpuint (bound->len, >=, 9);
  parcours_test_wait_ms (200);
  expander = find_type (GTK_WIDGET (fixture->window->outline), GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (expander);
  collect_bound_keys (expander, "listitem.", expander_keys);
  g_assert_cmpuint (expander_keys->len, >, 0);

  /* Ctrl+? as a person types it */
  parcours_test_ui_key ("ctrl+question");
  for (guint i = 0; i < 40 && shortcuts == NULL; i++)
    {
      parcours_test_wait_ms (50);
      shortcuts = find_shortcuts_window ();
    }
  g_assert_nonnull (shortcuts);
  gtk_window_set_default_size (shortcuts, 1200, 800);
  parcours_test_wait_ms (300);

  group = find_group (GTK_WIDGET (shortcuts), "Outline");
  g_assert_nonnull (group);
  collect_listed_keys (group, listed, titles);
  g_assert_cmpuint (titles->len, >=, 8);

  /* Every key the outline binds is there ... */
  for (guint i = 0; i < bound->len; i++)
    {
      Key key = g_array_index (bound, Key, i);
      g_autofree char *name = gtk_accelerator_name (key.keyval, key.modifiers);

      if (!has_key (listed, key))
        g_error ("the outline binds %s, which the shortcuts window does not list", name);
    }
  /* ... and every key listed is bound, by the outline or its rows. */
  for (guint i = 0; i < listed->len; i++)
    {
      Key key = g_array_index (listed, Key, i);
      g_autofree char *name = gtk_accelerator_name (key.keyval, key.modifiers);

      if (!has_key (bound, key) && !has_key (expander_keys, key))
        g_error ("the shortcuts window lists %s, which the outline does not bind", name);
    }

  /* Shown: the page that holds the group, for a person to look at */
  {
    GtkWidget *stack = gtk_widget_get_ancestor (group, GTK_TYPE_STACK);
    GtkWidget *page = group;

    while (stack != NULL && gtk_widget_get_parent (page) != stack)
      page = gtk_widget_get_parent (page);
    if (stack != NULL)
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
    parcours_test_wait_ms (400);
    g_assert_true (gtk_widget_get_mapped (group));
    parcours_test_ui_screenshot ("shortcuts-outline");
  }

  gtk_window_close (shortcuts);
  parcours_test_wait_ms (100);
}

/* The menu the group promises: Shift+F10 on a row, as a right click. */
static void
test_row_menu_key (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *rows;
  GtkWidget *list_view;
  GtkWidget *row = NULL;
  GtkWidget *popover;

  REQUIRE_DISPLAY ();

  rows = parcours_outline_get_model (fixture->window->outline);

  list_view = find_type (GTK_WIDGET (fixture->window->outline), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  gtk_widget_activate_action (list_view, "list.select-item", "(ubb)", 0, FALSE, FALSE);
  parcours_test_wait_ms (100);
  row = find_type (list_view, GTK_TYPE_TREE_EXPANDER);
  while (row != NULL && !gtk_widget_get_focusable (row))
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  parcours_test_wait_ms (100);

  parcours_test_ui_key ("shift+F10");
  parcours_test_wait_ms (300);
  popover = find_type (GTK_WIDGET (fixture->window->outline), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_nonnull (parcours_test_ui_find_label (popover, "Rename"));
  /* Its items show the keys of the main block, as the shortcuts window */
  g_assert_nonnull (parcours_test_ui_find_label (popover, "F2"));
  g_assert_false (has_label_with (popover, "KP"));
  parcours_test_ui_screenshot ("outline-row-menu");

  parcours_test_ui_key ("Escape");
  parcours_test_wait_ms (200);
  g_assert_false (gtk_widget_get_mapped (popover));

  /* The Menu key does the same. */
  parcours_test_ui_key ("Menu");
  parcours_test_wait_ms (300);
  popover = find_type (GTK_WIDGET (fixture->window->outline), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  parcours_test_ui_key ("Escape");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  have_display = parcours_test_ui_init ();
  if (have_display)
    application = parcours_test_ui_new_application (G_APPLICATION_DEFAULT_FLAGS);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/shortcuts-window/outline-keys-listed", test_outline_keys_listed);
  ADD ("/shortcuts-window/outline-row-menu-key", test_row_menu_key);
#undef ADD

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
