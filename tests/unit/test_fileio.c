/* What counts as text for a plan file: UTF-8 without NUL bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/fileio.h"

#include <string.h>

static bool text(const char *s, size_t n, size_t *bad)
{
    *bad = (size_t)-1;
    return text_is_utf8(s, n, bad);
}

static void test_utf8_text_passes(void **state)
{
    (void)state;
    size_t bad;
    const char *s = "CREATE TABLE \"caf\xc3\xa9\" (\xe2\x82\xac int, \xf0\x9f\x90\x98 text);\n";
    assert_true(text(s, strlen(s), &bad));
    assert_true(text("", 0, &bad));
}

static void test_bad_bytes_are_found(void **state)
{
    (void)state;
    size_t bad;
    assert_false(text("ab\0cd", 5, &bad));      /* NUL */
    assert_int_equal(bad, 2);
    assert_false(text("x\xff", 2, &bad));       /* never in UTF-8 */
    assert_int_equal(bad, 1);
    assert_false(text("\xc3", 1, &bad));        /* cut short */
    assert_int_equal(bad, 0);
    assert_false(text("\xc0\xaf", 2, &bad));    /* overlong */
    assert_false(text("\xed\xa0\x80", 3, &bad)); /* a surrogate */
    assert_false(text("\xf4\x90\x80\x80", 4, &bad)); /* past U+10FFFF */
    assert_false(text("a\xe2\x28\xa1", 4, &bad)); /* bad continuation */
    assert_int_equal(bad, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_text_passes),
        cmocka_unit_test(test_bad_bytes_are_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
