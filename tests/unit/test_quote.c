/* Quoting of identifiers and literals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "emit/quote.h"

#include <stdio.h>

static char *ident(const char *name)
{
    static strbuf sb = STRBUF_INIT;
    sb_reset(&sb);
    sql_ident(&sb, name);
    return sb.buf;
}

static char *literal(const char *value)
{
    static strbuf sb = STRBUF_INIT;
    sb_reset(&sb);
    sql_literal(&sb, value);
    return sb.buf;
}

static void test_plain_identifiers_stay_bare(void **state)
{
    (void)state;
    assert_string_equal(ident("orders"), "orders");
    assert_string_equal(ident("_x1"), "_x1");
    assert_string_equal(ident("customer_id"), "customer_id");
    /* Unreserved keywords need no quotes, as in pg_dump. */
    assert_string_equal(ident("name"), "name");
    assert_string_equal(ident("text"), "text");
    assert_string_equal(ident("action"), "action");
}

static void test_identifiers_that_need_quotes(void **state)
{
    (void)state;
    assert_string_equal(ident("Orders"), "\"Orders\"");
    assert_string_equal(ident("two words"), "\"two words\"");
    assert_string_equal(ident("1st"), "\"1st\"");
    assert_string_equal(ident("a-b"), "\"a-b\"");
    assert_string_equal(ident(""), "\"\"");
    assert_string_equal(ident("it\"s"), "\"it\"\"s\"");
    assert_string_equal(ident("\"\""), "\"\"\"\"\"\"");
    assert_string_equal(ident("ünï"), "\"ünï\"");
    assert_string_equal(ident("a.b"), "\"a.b\"");
}

static void test_reserved_words_are_quoted(void **state)
{
    (void)state;
    static const char *const words[] = {"select", "table", "user", "order",
                                        "from", "check", "group", "all",
                                        "xmltable", "analyse", "between"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        char expected[64];
        snprintf(expected, sizeof(expected), "\"%s\"", words[i]);
        assert_string_equal(ident(words[i]), expected);
    }
}

static void test_qualified_names(void **state)
{
    (void)state;
    strbuf sb = STRBUF_INIT;
    sql_qualified(&sb, "public", "t");
    assert_string_equal(sb.buf, "public.t");
    sb_reset(&sb);
    sql_qualified(&sb, "My Schema", "select");
    assert_string_equal(sb.buf, "\"My Schema\".\"select\"");
    sb_reset(&sb);
    sql_qualified(&sb, NULL, "t");
    assert_string_equal(sb.buf, "t");
    sb_release(&sb);
}

static void test_literals(void **state)
{
    (void)state;
    assert_string_equal(literal("plain"), "'plain'");
    assert_string_equal(literal(""), "''");
    assert_string_equal(literal("it's"), "'it''s'");
    assert_string_equal(literal("back\\slash"), "E'back\\\\slash'");
    assert_string_equal(literal("'\\'"), "E'''\\\\'''");
    strbuf sb = STRBUF_INIT;
    sql_literal_or_null(&sb, NULL);
    assert_string_equal(sb.buf, "NULL");
    sb_release(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_identifiers_stay_bare),
        cmocka_unit_test(test_identifiers_that_need_quotes),
        cmocka_unit_test(test_reserved_words_are_quoted),
        cmocka_unit_test(test_qualified_names),
        cmocka_unit_test(test_literals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
