/* Reading --rename, and renaming identifiers in SQL text (diff/rename.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diff/rename.h"

#include <stdlib.h>
#include <string.h>

static void expect_renamed(const char *text, const char *old, const char *new,
                           const char *want)
{
    strbuf sb = STRBUF_INIT;
    rename_identifier(&sb, text, old, new);
    assert_string_equal(sb.buf, want);
    sb_release(&sb);
}

static void test_identifiers_renamed(void **state)
{
    (void)state;
    expect_renamed("CHECK ((length(name) > 0))", "name", "full_name",
                   "CHECK ((length(full_name) > 0))");
    expect_renamed("CREATE INDEX i ON public.people USING btree (lower(name))", "people",
                   "Persons", "CREATE INDEX i ON public.\"Persons\" USING btree (lower(name))");
    expect_renamed("(\"My Col\" IS NOT NULL)", "My Col", "x", "(x IS NOT NULL)");
    expect_renamed("(name_2 = name)", "name", "n", "(name_2 = n)");
}

/* Not in literals, comments, or as part of another word. */
static void test_literals_untouched(void **state)
{
    (void)state;
    expect_renamed("(name <> 'name'::text)", "name", "n", "(n <> 'name'::text)");
    expect_renamed("(name <> E'it\\'s name')", "name", "n", "(n <> E'it\\'s name')");
    expect_renamed("$q$ name $q$ || name -- name\n", "name", "n", "$q$ name $q$ || n -- name\n");
    expect_renamed("/* name */ t.name", "name", "n", "/* name */ t.n");
    expect_renamed("tname + name$1", "name", "n", "tname + name$1");
}

static void test_parse(void **state)
{
    (void)state;
    pa_rename_list list = {0};
    strbuf err = STRBUF_INIT;
    assert_true(rename_parse(&list, "public.People.Name=Full_Name", &err));
    assert_true(rename_parse(&list, "\"My Schema\".\"a.b\"=\"New=Name\"", &err));
    assert_int_equal(list.count, 2);
    assert_string_equal(list.items[0].table, "people");
    assert_string_equal(list.items[0].name, "name");
    assert_int_equal(list.items[0].kind, RENAME_TABLE_PART);
    assert_string_equal(list.items[0].new_name, "full_name");
    assert_string_equal(list.items[1].schema, "My Schema");
    assert_string_equal(list.items[1].table, "a.b");
    assert_null(list.items[1].name);
    assert_int_equal(list.items[1].kind, RENAME_RELATION);
    assert_string_equal(list.items[1].new_name, "New=Name");
    const char *bad[] = {"public.t", "t=x", "a.b.c.d=x", "public.t=", "public.\"t=x",
                         "public..c=x", "public.t=a.b"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        sb_reset(&err);
        if (rename_parse(&list, bad[i], &err))
            fail_msg("'%s' was accepted", bad[i]);
        assert_non_null(strstr(err.buf, "expected schema.table=new_name"));
    }
    assert_int_equal(list.count, 2);
    rename_list_free(&list);
    sb_release(&err);
}

static void expect_statement(rename_kind kind, const char *name, const char *want)
{
    pa_rename r = {kind, "public", "My T", (char *)name, "new", NULL};
    strbuf sb = STRBUF_INIT;
    rename_statement(&sb, &r);
    assert_string_equal(sb.buf, want);
    sb_release(&sb);
}

/* Each kind's statement, and the index's with ALTER INDEX. */
static void test_statements(void **state)
{
    (void)state;
    expect_statement(RENAME_TABLE, NULL, "ALTER TABLE public.\"My T\" RENAME TO new");
    expect_statement(RENAME_COLUMN, "c", "ALTER TABLE public.\"My T\" RENAME COLUMN c TO new");
    expect_statement(RENAME_CONSTRAINT, "Key",
                     "ALTER TABLE public.\"My T\" RENAME CONSTRAINT \"Key\" TO new");
    expect_statement(RENAME_INDEX, NULL, "ALTER INDEX public.\"My T\" RENAME TO new");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identifiers_renamed),
        cmocka_unit_test(test_literals_untouched),
        cmocka_unit_test(test_statements),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
