/* Taking out the statements of extensions a server lacks
 * (src/source/extskip.c), reading psql files (src/util/sqlscan.c) and
 * which of them need psql itself (src/source/sqlrun.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "source/extskip.h"
#include "source/sqlrun.h"
#include "util/sqlscan.h"
#include "util/xalloc.h"

#include <string.h>

/* Here only pgcrypto and "uuid-ossp" are installed. */
static bool installed(const char *name, void *arg)
{
    (void)arg;
    return strcmp(name, "pgcrypto") == 0 || strcmp(name, "uuid-ossp") == 0;
}

static char *rewrite(const char *sql, pa_ext_list *list, bool *changed)
{
    char *text = xstrdup(sql);
    *changed = extskip_rewrite(text, installed, NULL, false, list);
    return text;
}

static void test_missing_extension_blanked_and_recorded(void **state)
{
    (void)state;
    pa_ext_list list = {0};
    bool changed;
    const char *sql =
        "SET check_function_bodies = false;\n"
        "CREATE EXTENSION IF NOT EXISTS \"pgsodium\" WITH SCHEMA \"pgsodium\";\n"
        "create extension pg_net schema extensions version '0.14';\n"
        "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;\n";
    char *text = rewrite(sql, &list, &changed);
    assert_true(changed);
    /* Same length and lines: the server's line numbers still hold. */
    assert_int_equal(strlen(text), strlen(sql));
    assert_non_null(strstr(text, "SET check_function_bodies = false;\n"));
    assert_null(strstr(text, "pgsodium"));
    assert_null(strstr(text, "pg_net"));
    assert_non_null(strstr(text, "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;"));
    int lines = 0;
    for (const char *c = text; *c; c++)
        lines += *c == '\n';
    assert_int_equal(lines, 4);
    assert_int_equal(list.count, 2);
    assert_string_equal(list.items[0].name, "pgsodium");
    assert_string_equal(list.items[0].schema, "pgsodium");
    assert_null(list.items[0].version);
    assert_string_equal(list.items[1].name, "pg_net");
    assert_string_equal(list.items[1].schema, "extensions");
    assert_string_equal(list.items[1].version, "0.14");
    char *names = extskip_describe(&list, false);
    assert_string_equal(names, "pgsodium (schema pgsodium), pg_net 0.14 (schema extensions)");
    free(names);
    free(text);
    extskip_free(&list);
}

static void test_comment_alter_and_drop_follow(void **state)
{
    (void)state;
    pa_ext_list list = {0};
    bool changed;
    char *text = rewrite("create extension pgjwt;\n"
                         "COMMENT ON EXTENSION pgjwt IS 'JSON Web Tokens';\n"
                         "ALTER EXTENSION pgjwt UPDATE;\n"
                         "DROP EXTENSION IF EXISTS pgjwt;\n"
                         "COMMENT ON EXTENSION pgcrypto IS 'kept';\n", &list, &changed);
    assert_true(changed);
    assert_null(strstr(text, "pgjwt"));
    assert_non_null(strstr(text, "COMMENT ON EXTENSION pgcrypto IS 'kept';"));
    assert_int_equal(list.count, 0);    /* dropped again */
    free(text);
    extskip_free(&list);
}

static void test_only_statements_not_text_inside_them(void **state)
{
    (void)state;
    pa_ext_list list = {0};
    bool changed;
    const char *sql =
        "-- create extension pg_cron;\n"
        "DO $$ BEGIN CREATE EXTENSION pg_cron; END $$;\n"
        "SELECT 'create extension pg_cron;';\n"
        "CREATE TABLE extension (id int);\n";
    char *text = rewrite(sql, &list, &changed);
    assert_false(changed);
    assert_string_equal(text, sql);
    assert_int_equal(list.count, 0);
    free(text);
    extskip_free(&list);
}

static void test_psql_meta_commands_are_pieces_of_their_own(void **state)
{
    (void)state;
    const char *sql = "\\restrict abc\nSELECT 1;\n  \\unrestrict abc\n";
    sql_piece piece;
    const char *s = sql_next_piece(sql, true, &piece);
    assert_true(piece.meta);
    assert_int_equal(piece.end - piece.start, strlen("\\restrict abc"));
    s = sql_next_piece(s, true, &piece);
    assert_false(piece.meta);
    assert_int_equal(*piece.end, ';');
    s = sql_next_piece(s, true, &piece);
    assert_true(piece.meta);
    assert_memory_equal(piece.start, "\\unrestrict abc", 15);
    s = sql_next_piece(s, true, &piece);
    assert_false(piece.meta);     /* the last newline */
    assert_null(sql_next_piece(s, true, &piece));
    /* Without psql_meta a backslash is text like any other. */
    sql_next_piece(sql, false, &piece);
    assert_false(piece.meta);
    assert_int_equal(*piece.end, ';');
}

/* One name: bare up to what cannot be in one, quoted up to its closing
 * quote (a doubled one stands for a quote); none when the quote is not
 * closed. */
static void test_skip_name(void **state)
{
    (void)state;
    const char *bare = "caf\xc3\xa9_1$ x", *quoted = "\"a \"\" b\".c", *open = "\"a\"\" b";
    const char *dot = ".x";
    assert_ptr_equal(sql_skip_name(bare), bare + strlen("caf\xc3\xa9_1$"));
    assert_ptr_equal(sql_skip_name(quoted), quoted + strlen("\"a \"\" b\""));
    assert_ptr_equal(sql_skip_name(open), open);
    assert_ptr_equal(sql_skip_name(dot), dot);
    const char *s = quoted;
    char *name = sql_name_part(&s, sql_skip_name(quoted));
    assert_string_equal(name, "a \" b");
    free(name);
}

static void test_files_needing_psql(void **state)
{
    (void)state;
    /* pg_dump's guards are no reason; other meta-commands and COPY are. */
    assert_false(sqlrun_needs_psql("\\restrict abc\nSET x = 1;\n\\unrestrict abc\n"));
    assert_false(sqlrun_needs_psql("create table copy_log (id int); select 'COPY t FROM stdin';"));
    assert_false(sqlrun_needs_psql("create function f() returns int language sql\n"
                                   "as $$ copy t to stdout $$; -- copy\n"));
    assert_true(sqlrun_needs_psql("select 1;\n\\set ON_ERROR_STOP 1\n"));
    assert_true(sqlrun_needs_psql("  \\i other.sql\n"));
    assert_true(sqlrun_needs_psql("create table t (id int);\n-- data\nCOPY t (id) FROM stdin;\n1\n\\.\n"));
    assert_true(sqlrun_needs_psql("/* c */ copy t to stdout"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_extension_blanked_and_recorded),
        cmocka_unit_test(test_comment_alter_and_drop_follow),
        cmocka_unit_test(test_only_statements_not_text_inside_them),
        cmocka_unit_test(test_psql_meta_commands_are_pieces_of_their_own),
        cmocka_unit_test(test_skip_name),
        cmocka_unit_test(test_files_needing_psql),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
