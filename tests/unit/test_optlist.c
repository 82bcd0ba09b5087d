/* Foreign data's option lists as the queries write them: reading them,
 * and leaving their secrets out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/optlist.h"

#include <string.h>

static void assert_item(const optlist_item *item, const char *name, const char *value)
{
    assert_int_equal(item->name_len, strlen(name));
    assert_memory_equal(item->name, name, item->name_len);
    assert_int_equal(item->value_len, strlen(value));
    assert_memory_equal(item->value, value, item->value_len);
}

/* Quoted names, doubled quotes, E'' with backslashes, NULL, a secret. */
static void test_items_are_read_whole(void **state)
{
    (void)state;
    const char *list = "\"Mixed, Case\" 'a, b', note 'it''s', password <secret:9f86d0>, "
                       "path E'C:\\\\dir', x NULL";
    optlist_item item;
    const char *s = list;
    assert_true(optlist_next(&s, &item));
    assert_item(&item, "\"Mixed, Case\"", "'a, b'");
    assert_true(optlist_next(&s, &item));
    assert_item(&item, "note", "'it''s'");
    assert_false(optlist_is_secret(&item));
    assert_true(optlist_next(&s, &item));
    assert_item(&item, "password", "<secret:9f86d0>");
    assert_true(optlist_is_secret(&item));
    assert_true(optlist_next(&s, &item));
    assert_item(&item, "path", "E'C:\\\\dir'");
    assert_true(optlist_next(&s, &item));
    assert_item(&item, "x", "NULL");
    assert_false(optlist_next(&s, &item));
    assert_string_equal(s, "");
}

static void test_damaged_lists_stop(void **state)
{
    (void)state;
    const char *bad[] = {"a", "a 'unclosed", "a 'x' b 'y'", "a b", "\"q 'x'"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const char *s = bad[i];
        optlist_item item;
        while (optlist_next(&s, &item))
            ;
        assert_true(*s != '\0');
    }
}

static void test_find_by_name(void **state)
{
    (void)state;
    optlist_item want = {"port", 4, NULL, 0}, found;
    assert_true(optlist_find("host 'h', port '5432'", &want, &found));
    assert_item(&found, "port", "'5432'");
    want.name = "por";
    want.name_len = 3;
    assert_false(optlist_find("host 'h', port '5432'", &want, &found));
}

/* A plan never sets secrets: what it made compares without them. */
static void test_secrets_left_out(void **state)
{
    (void)state;
    strbuf out = STRBUF_INIT;
    assert_true(optlist_without_secrets("api_key <secret:ab12>, host 'h', token <secret:cd>",
                                        &out));
    assert_string_equal(sb_str(&out), "host 'h'");
    sb_reset(&out);
    assert_true(optlist_without_secrets("api_key <secret:ab12>", &out));
    assert_string_equal(sb_str(&out), "");
    sb_reset(&out);
    assert_false(optlist_without_secrets("host 'h'", &out));
    assert_false(optlist_without_secrets(NULL, &out));
    /* Not an option list (a function body that names the marker). */
    assert_false(optlist_without_secrets("SELECT '<secret:x>'", &out));
    assert_int_equal(out.len, 0);
    sb_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_are_read_whole),
        cmocka_unit_test(test_damaged_lists_stop),
        cmocka_unit_test(test_find_by_name),
        cmocka_unit_test(test_secrets_left_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
