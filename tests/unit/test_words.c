/* Word lists and the plurals of census nouns in messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/words.h"

#include <stdio.h>

static char plural_buf[128];

static const char *plural(const char *noun)
{
    strbuf sb = STRBUF_INIT;
    word_plural(&sb, noun);
    snprintf(plural_buf, sizeof(plural_buf), "%s", sb.buf);
    sb_release(&sb);
    return plural_buf;
}

static void test_plurals(void **state)
{
    (void)state;
    assert_string_equal(plural("cast"), "casts");
    assert_string_equal(plural("user mapping"), "user mappings");
    assert_string_equal(plural("text search dictionary"), "text search dictionaries");
    assert_string_equal(plural("operator class"), "operator classes");
    assert_string_equal(plural("statistics"), "statistics");
}

static void test_word_lists(void **state)
{
    (void)state;
    assert_true(word_in_list("b", "a b c"));
    assert_false(word_in_list("b", "a bb c"));
    assert_false(word_in_list("a", NULL));
    const char *const list[] = {"cron.job", "vault.secrets", NULL};
    assert_true(string_in_list("vault.secrets", list));
    assert_false(string_in_list("vault", list));
    assert_false(string_in_list("cron.job", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plurals),
        cmocka_unit_test(test_word_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
