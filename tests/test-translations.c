/* test-translations.c
 *
 * Copyright 2026 The Parcours authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

/* Every string a user can see is translated in every language of
 * po/LINGUAS. The strings are extracted afresh from po/POTFILES.in, as
 * `ninja parcours-pot` would, so a string added to the code and not to
 * fr.po or ru.po fails this test, which names it, the language and where
 * the string comes from. The fix is `ninja -C _build parcours-update-po`,
 * then translating what is new. */

/* The keywords of meson's "glib" gettext preset, and the project's own
 * ones that po/meson.build adds to it. */
static const char * const xgettext_args[] = {
  "--from-code=UTF-8", "--add-comments",
  "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
  "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
  "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
  "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
  "--flag=g_set_error:4:c-format", "--flag=g_print:1:c-format",
  /* PARCOURS_ADD_LOSS (warnings, n, singular, plural) calls ngettext. */
  "--keyword=PARCOURS_ADD_LOSS:3,4",
  "--flag=PARCOURS_ADD_LOSS:3:c-format", "--flag=PARCOURS_ADD_LOSS:4:c-format",
  NULL
};

typedef struct
{
  char      *context;
  char      *msgid;
  char      *msgid_plural;
  GPtrArray *msgstr;       /* msgstr, or msgstr[0], msgstr[1], … */
  char      *references;   /* "src/ui/parcours-window.c:120 …" */
  gboolean   fuzzy;
  gboolean   obsolete;
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  g_free (entry->context);
  g_free (entry->msgid);
  g_free (entry->msgid_plural);
  g_ptr_array_unref (entry->msgstr);
  g_free (entry->references);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoEntry, po_entry_free)

static char *
po_entry_key (const PoEntry *entry)
{
  return g_strconcat (entry->context ? entry->context : "", "\004", entry->msgid, NULL);
}

/* "…" with C escapes, as msgcat writes it. */
static char *
unquote (const char *text)
{
  const char *start = strchr (text, '"');
  const char *end = strrchr (text, '"');
  g_autofree char *inner = NULL;

  g_assert_nonnull (start);
  g_assert_true (end > start);
  inner = g_strndup (start + 1, end - start - 1);

  return g_strcompress (inner);
}

/* A small reader of the .po format: enough for files written by the
 * gettext tools (no "previous msgid" needed). */
static GHashTable *
po_read (const char *path)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) po_entry_free);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(PoEntry) entry = NULL;
  char **target = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *value = NULL;

      if (line[0] == '\0')
        {
          if (entry != NULL && entry->msgid != NULL && !entry->obsolete)
            {
              char *key = po_entry_key (entry);
              g_hash_table_replace (entries, key, g_steal_pointer (&entry));
            }
          g_clear_pointer (&entry, po_entry_free);
          target = NULL;
          continue;
        }

      if (entry == NULL)
        {
          entry = g_new0 (PoEntry, 1);
          entry->msgstr = g_ptr_array_new_with_free_func (g_free);
          entry->references = g_strdup ("");
        }

      if (g_str_has_prefix (line, "#~"))
        entry->obsolete = TRUE;
      else if (g_str_has_prefix (line, "#,"))
        entry->fuzzy |= strstr (line, "fuzzy") != NULL;
      else if (g_str_has_prefix (line, "#:"))
        {
          g_autofree char *more = g_strstrip (g_strdup (line + 2));
          char *references = g_strconcat (entry->references, entry->references[0] ? " " : "",
                                          more, NULL);
          g_free (entry->references);
          entry->references = references;
        }
      else if (line[0] == '#')
        continue;
      else if (line[0] == '"')
        {
          g_autofree char *more = unquote (line);
          char *joined;

          g_assert_nonnull (target);
          joined = g_strconcat (*target, more, NULL);
          g_free (*target);
          *target = joined;
        }
      else if (g_str_has_prefix (line, "msgctxt "))
        target = &entry->context, *target = unquote (line);
      else if (g_str_has_prefix (line, "msgid_plural "))
        target = &entry->msgid_plural, *target = unquote (line);
      else if (g_str_has_prefix (line, "msgid "))
        target = &entry->msgid, *target = unquote (line);
      else if (g_str_has_prefix (line, "msgstr"))
        {
          g_ptr_array_add (entry->msgstr, unquote (line));
          target = (char **) &entry->msgstr->pdata[entry->msgstr->len - 1];
        }
      else
        g_error ("%s:%u: cannot read “%s”", path, i + 1, line);
    }

  if (entry != NULL && entry->msgid != NULL && !entry->obsolete)
    {
      char *key = po_entry_key (entry);
      g_hash_table_replace (entries, key, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&entries);
}

static guint
po_n_plurals (GHashTable *entries)
{
  PoEntry *header = g_hash_table_lookup (entries, "\004");
  const char *nplurals;

  g_assert_nonnull (header);
  nplurals = strstr (g_ptr_array_index (header->msgstr, 0), "nplurals=");
  g_assert_nonnull (nplurals);

  return (guint) g_ascii_strtoull (nplurals + strlen ("nplurals="), NULL, 10);
}

static char *
top_srcdir (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", NULL);
}

static gboolean
run_tool (const char * const *argv,
          const char         *cwd,
          char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, err, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);

  return g_spawn_check_wait_status (status, NULL);
}

/* Extracts the template of every translatable string into @dir. */
static char *
extract_pot (const char *dir)
{
  g_autofree char *top = top_srcdir ();
  g_autofree char *pot = g_build_filename (dir, "parcours.pot", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "xgettext");
  g_ptr_array_add (argv, (gpointer) "--package-name=parcours");
  g_ptr_array_add (argv, (gpointer) "--files-from=po/POTFILES.in");
  g_ptr_array_add (argv, (gpointer) "--output");
  g_ptr_array_add (argv, pot);
  for (guint i = 0; xgettext_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) xgettext_args[i]);
  g_ptr_array_add (argv, NULL);

  if (!run_tool ((const char * const *) argv->pdata, top, &err))
    g_error ("xgettext failed: %s", err);

  return g_steal_pointer (&pot);
}

static GStrv
read_linguas (void)
{
  g_autofree char *top = top_srcdir ();
  g_autofree char *path = g_build_filename (top, "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && lines[i][0] != '#')
        g_strv_builder_add (languages, lines[i]);
    }

  return g_strv_builder_end (languages);
}

static void
describe (GString       *report,
          const char    *language,
          const char    *problem,
          const PoEntry *entry)
{
  g_string_append_printf (report, "\n  %s: %s: \"%s\"", language, problem, entry->msgid);
  if (entry->context != NULL)
    g_string_append_printf (report, " (context \"%s\")", entry->context);
  if (entry->references[0] != '\0')
    g_string_append_printf (report, " from %s", entry->references);
}

/* Adds to @report each string of @pot that @language lacks. */
static void
check_language (GHashTable *pot,
                const char *language,
                GString    *report)
{
  g_autofree char *top = top_srcdir ();
  g_autofree char *path = g_strdup_printf ("%s/po/%s.po", top, language);
  g_autoptr(GHashTable) po = po_read (path);
  guint n_plurals = po_n_plurals (po);
  GHashTableIter iter;
  PoEntry *wanted;

  g_hash_table_iter_init (&iter, pot);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &wanted))
    {
      g_autofree char *key = po_entry_key (wanted);
      PoEntry *entry;
      gboolean empty = FALSE;

      if (wanted->msgid[0] == '\0')
        continue;

      entry = g_hash_table_lookup (po, key);
      if (entry == NULL)
        {
          describe (report, language, "missing", wanted);
          continue;
        }

      for (guint i = 0; i < entry->msgstr->len; i++)
        empty |= ((char *) g_ptr_array_index (entry->msgstr, i))[0] == '\0';

      if (empty)
        describe (report, language, "untranslated", wanted);
      else if (entry->fuzzy)
        describe (report, language, "fuzzy", wanted);
      else if (wanted->msgid_plural != NULL && entry->msgstr->len != n_plurals)
        describe (report, language, "wrong number of plural forms", wanted);
    }
}

static gboolean
has_translatable_strings (const char *path)
{
  static const char * const markers[] = {
    "_(\"", "N_(\"", "C_(\"", "NC_(\"", "ngettext (", "g_dngettext (", "g_dpgettext2 (",
    "translatable=\"yes\"", NULL
  };
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  for (guint i = 0; markers[i] != NULL; i++)
    if (strstr (contents, markers[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
find_sources (const char *top,
              const char *relative,
              GPtrArray  *found)
{
  g_autofree char *path = g_build_filename (top, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *child_path = g_build_filename (top, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        find_sources (top, child, found);
      else if ((g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".ui")) &&
               has_translatable_strings (child_path))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

/* A file whose strings xgettext never reads would pass the test below:
 * every source file with a marked string is listed in po/POTFILES.in. */
static void
test_potfiles (void)
{
  g_autofree char *top = top_srcdir ();
  g_autofree char *potfiles_path = g_build_filename (top, "po", "POTFILES.in", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) listed = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_true (g_file_get_contents (potfiles_path, &contents, NULL, NULL));
  listed = g_strsplit (contents, "\n", -1);
  find_sources (top, "src", found);
  g_assert_cmpuint (found->len, >, 10);

  for (guint i = 0; i < found->len; i++)
    if (!g_strv_contains ((const char * const *) listed, found->pdata[i]))
      g_string_append_printf (report, "\n  %s", (char *) found->pdata[i]);

  if (report->len > 0)
    {
      g_test_message ("These files have translatable strings but are not in po/POTFILES.in:%s",
                      report->str);
      g_test_fail ();
    }
}

static void
test_complete (void)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *dir = NULL;
  g_autofree char *pot_path = NULL;
  g_autoptr(GHashTable) pot = NULL;
  g_auto(GStrv) languages = read_linguas ();
  g_autoptr(GString) report = g_string_new (NULL);

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed");
      return;
    }

  dir = g_dir_make_tmp ("parcours-pot-XXXXXX", NULL);
  pot_path = extract_pot (dir);
  pot = po_read (pot_path);
  g_unlink (pot_path);
  g_rmdir (dir);

  /* A sanity check on the extraction itself. */
  g_assert_cmpuint (g_hash_table_size (pot), >, 500);
  g_assert_cmpuint (g_strv_length (languages), >=, 2);

  for (guint i = 0; languages[i] != NULL; i++)
    check_language (pot, languages[i], report);

  if (report->len > 0)
    {
      g_test_message ("Translations are incomplete (run `ninja -C _build parcours-update-po`, "
                      "then translate):%s", report->str);
      g_test_fail ();
    }
}

/* msgfmt --check: formats match their msgid (%s stays %s), plural forms
 * agree with the header, the header is complete. */
static void
test_well_formed (void)
{
  g_auto(GStrv) languages = read_linguas ();
  g_autofree char *top = top_srcdir ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("po/%s.po", languages[i]);
      const char *argv[] = { "msgfmt", "--check", "--output-file=/dev/null", path, NULL };
      g_autofree char *err = NULL;

      if (!run_tool (argv, top, &err))
        {
          g_test_message ("%s", err);
          g_test_fail ();
        }
    }
}

/* Russian has three plural forms (1 карта, 2 карты, 5 карт): each of
 * them must be written. */
static void
test_russian_plurals (void)
{
  g_autofree char *top = top_srcdir ();
  g_autofree char *path = g_build_filename (top, "po", "ru.po", NULL);
  g_autoptr(GHashTable) po = po_read (path);
  GHashTableIter iter;
  PoEntry *entry;
  guint n_plural_entries = 0;

  g_assert_cmpuint (po_n_plurals (po), ==, 3);

  g_hash_table_iter_init (&iter, po);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      if (entry->msgid_plural == NULL)
        continue;

      n_plural_entries++;
      g_assert_cmpuint (entry->msgstr->len, ==, 3);
      /* The three forms differ: "%u карточка", "%u карточки", "%u карточек". */
      g_assert_cmpstr (g_ptr_array_index (entry->msgstr, 0), !=, g_ptr_array_index (entry->msgstr, 2));
    }

  g_assert_cmpuint (n_plural_entries, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translations/potfiles", test_potfiles);
  g_test_add_func ("/translations/complete", test_complete);
  g_test_add_func ("/translations/well-formed", test_well_formed);
  g_test_add_func ("/translations/russian-plurals", test_russian_plurals);

  return g_test_run ();
}
