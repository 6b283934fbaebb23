/* test-install.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "parcours-test-utils.h"

/* `meson install` into a DESTDIR puts a whole desktop application in
 * place: the programs, the launcher, the software-centre metadata, the
 * icons, the MIME type, the thumbnailer, the settings and the
 * translations, each valid where it lands. */

static char *destdir;

static char *
installed (const char *dir,
           const char *name)
{
  return g_build_filename (destdir, dir, name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static gboolean
run_tool (const char * const *argv,
          char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

static void
assert_installed (const char *dir,
                  const char *name)
{
  g_autofree char *path = installed (dir, name);

  g_test_message ("%s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_files (void)
{
  const char *bindir = g_getenv ("PARCOURS_INSTALL_BINDIR");
  const char *datadir = g_getenv ("PARCOURS_INSTALL_DATADIR");
  g_autofree char *icons = g_build_filename (datadir, "icons", "hicolor", NULL);
  g_autofree char *locale = g_build_filename (datadir, "locale", NULL);
  g_autofree char *program = installed (bindir, "parcours");

  assert_installed (bindir, "parcours");
  assert_installed (bindir, "parcours-thumbnailer");
  g_assert_true (g_file_test (program, G_FILE_TEST_IS_EXECUTABLE));

  assert_installed (datadir, "applications/" APP_ID ".desktop");
  assert_installed (datadir, "metainfo/" APP_ID ".metainfo.xml");
  assert_installed (icons, "scalable/apps/" APP_ID ".svg");
  assert_installed (icons, "symbolic/apps/" APP_ID "-symbolic.svg");
  assert_installed (icons, "scalable/mimetypes/application-x-parcours.svg");
  assert_installed (datadir, "mime/packages/" APP_ID ".xml");
  assert_installed (datadir, "thumbnailers/parcours.thumbnailer");
  assert_installed (datadir, "glib-2.0/schemas/" APP_ID ".gschema.xml");
  assert_installed (locale, "fr/LC_MESSAGES/parcours.mo");
  assert_installed (locale, "ru/LC_MESSAGES/parcours.mo");
}

static void
test_valid (void)
{
  const char *datadir = g_getenv ("PARCOURS_INSTALL_DATADIR");
  g_autofree char *desktop = installed (datadir, "applications/" APP_ID ".desktop");
  g_autofree char *metainfo = installed (datadir, "metainfo/" APP_ID ".metainfo.xml");
  g_autofree char *schemas = installed (datadir, "glib-2.0/schemas");
  g_autofree char *err = NULL;

  if (!have_program ("desktop-file-validate") ||
      !have_program ("appstreamcli"))
    {
      g_test_skip ("desktop-file-utils or appstream is not installed");
      return;
    }

  {
    const char *argv[] = { "desktop-file-validate", desktop, NULL };
    g_assert_true (run_tool (argv, NULL));
  }
  {
    const char *argv[] = { "appstreamcli", "validate", "--no-net", metainfo, NULL };
    g_assert_true (run_tool (argv, NULL));
  }
  {
    const char *argv[] = { "glib-compile-schemas", "--strict", "--dry-run", schemas, NULL };
    g_assert_true (run_tool (argv, &err));
  }
}

/* Once the MIME database knows the installed type, a map is
 * application/x-parcours by its name, and by its contents without one. */
static void
test_mime_type (void)
{
  const char *datadir = g_getenv ("PARCOURS_INSTALL_DATADIR");
  g_autofree char *share = g_build_filename (destdir, datadir, NULL);
  g_autofree char *mime = g_build_filename (share, "mime", NULL);
  g_autofree char *named = g_build_filename (destdir, "map.parcours", NULL);
  g_autofree char *unnamed = g_build_filename (destdir, "map", NULL);
  g_autofree char *data_dirs = g_strconcat (share, ":/usr/share", NULL);
  const char *update[] = { "update-mime-database", mime, NULL };
  const char *info[] = { "gio", "info", "--attributes=standard::content-type", named, unnamed, NULL };
  const char *map = "{\n  \"format\": \"parcours\",\n  \"version\": 1\n}\n";
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_DIRS", data_dirs, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *second;
  int status;

  if (!have_program ("update-mime-database") || !have_program ("gio"))
    {
      g_test_skip ("update-mime-database or gio is not installed");
      return;
    }

  g_assert_true (run_tool (update, NULL));
  g_assert_true (g_file_set_contents (named, map, -1, NULL));
  g_assert_true (g_file_set_contents (unnamed, map, -1, NULL));

  env = g_environ_setenv (env, "XDG_DATA_HOME", destdir, TRUE);
  g_spawn_sync (NULL, (char **) info, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* One "standard::content-type: …" line for each file. */
  second = strstr (out, "standard::content-type: application/x-parcours");
  g_assert_nonnull (second);
  g_assert_nonnull (strstr (second + 1, "standard::content-type: application/x-parcours"));
}

/* The .thumbnailer file names the program where it is installed. */
static void
test_thumbnailer_entry (void)
{
  const char *bindir = g_getenv ("PARCOURS_INSTALL_BINDIR");
  const char *datadir = g_getenv ("PARCOURS_INSTALL_DATADIR");
  g_autofree char *path = installed (datadir, "thumbnailers/parcours.thumbnailer");
  g_autofree char *expected = g_build_filename (bindir, "parcours-thumbnailer", NULL);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *try_exec = NULL;

  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL));
  try_exec = g_key_file_get_string (entry, "Thumbnailer Entry", "TryExec", NULL);
  g_assert_cmpstr (try_exec, ==, expected);
}

/* The installed program runs (from the DESTDIR, not its prefix). */
static void
test_runs (void)
{
  const char *bindir = g_getenv ("PARCOURS_INSTALL_BINDIR");
  g_autofree char *program = installed (bindir, "parcours");
  const char *version[] = { "--version", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (parcours_test_run (program, NULL, version, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "parcours " PACKAGE_VERSION "\n");
}

/* The Flatpak manifest cannot be built here (no runtimes): check what a
 * reader would, that it builds this app with the GNOME runtime of the
 * Debian 12 stack, and asks for nothing beyond a display and the GPU. */
static void
test_flatpak_manifest (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", APP_ID ".json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) finish_args = NULL;
  const char * const expected_args[] = {
    "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", NULL
  };
  JsonObject *manifest, *module;
  JsonArray *args, *modules, *sources;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  manifest = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime-version"), ==, "43");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "parcours");

  /* Files only through the portals: no --filesystem, no --device=all. */
  args = json_object_get_array_member (manifest, "finish-args");
  for (guint i = 0; i < json_array_get_length (args); i++)
    g_strv_builder_add (builder, json_array_get_string_element (args, i));
  finish_args = g_strv_builder_end (builder);
  g_assert_cmpstrv (finish_args, expected_args);

  modules = json_object_get_array_member (manifest, "modules");
  module = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  g_assert_cmpstr (json_object_get_string_member (module, "name"), ==, "parcours");
  g_assert_cmpstr (json_object_get_string_member (module, "buildsystem"), ==, "meson");
  sources = json_object_get_array_member (module, "sources");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0), "type"), ==, "dir");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0), "path"), ==, "..");
}

static void
skip_without_meson (void)
{
  g_test_skip ("meson is not in PATH");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *build_root = NULL;
  g_autofree char *err = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packaging/flatpak-manifest", test_flatpak_manifest);

  if (!have_program ("meson"))
    {
      g_test_add_func ("/install/files", skip_without_meson);
      return g_test_run ();
    }

  build_root = g_test_build_filename (G_TEST_BUILT, "..", NULL);
  destdir = g_dir_make_tmp ("parcours-install-XXXXXX", NULL);
  g_assert_nonnull (destdir);

  {
    const char *install[] = { "meson", "install", "--no-rebuild", "--quiet",
                              "-C", build_root, "--destdir", destdir, NULL };
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) install, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("meson install failed: %s", err);
  }

  g_test_add_func ("/install/files", test_files);
  g_test_add_func ("/install/valid", test_valid);
  g_test_add_func ("/install/thumbnailer-entry", test_thumbnailer_entry);
  g_test_add_func ("/install/mime-type", test_mime_type);
  g_test_add_func ("/install/runs", test_runs);

  status = g_test_run ();
  remove_tree (destdir);
  g_free (destdir);

  return status;
}
