/* The census compared: a definition the server printed is compared only
 * between servers of one major; between two it is named, not compared.
 * (No census kind prints definitions since view column defaults became a
 * kind of their own: this keeps the rule for one that does.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diff/census.h"

static void side(pa_model *m, int server_version, const char *digest, bool printed)
{
    model_init(m);
    m->census.known = true;
    m->census.server_version = server_version;
    census_add(&m->census, &m->arena, "rule", "public", "public.r on public.t", digest,
               printed);
}

static census_state compared(int from_version, const char *from_digest, int to_version,
                             const char *to_digest, bool printed)
{
    pa_model from, to;
    pa_census_diff d;
    side(&from, from_version, from_digest, printed);
    side(&to, to_version, to_digest, printed);
    census_compare(&d, &from, &to);
    assert_int_equal(d.count, 1);
    census_state state = d.items[0].state;
    census_diff_free(&d);
    model_free(&from);
    model_free(&to);
    return state;
}

static void test_printed_one_major(void **state)
{
    (void)state;
    assert_int_equal(compared(150004, "aa", 150010, "aa", true), CENSUS_SAME);
    assert_int_equal(compared(150004, "aa", 150010, "bb", true), CENSUS_DIFFER);
}

static void test_printed_two_majors(void **state)
{
    (void)state;
    assert_int_equal(compared(150004, "aa", 170002, "aa", true), CENSUS_BOTH_UNCOMPARED);
    assert_int_equal(compared(150004, "aa", 170002, "bb", true), CENSUS_BOTH_UNCOMPARED);
}

static void test_digest_two_majors(void **state)
{
    (void)state;
    assert_int_equal(compared(150004, "aa", 170002, "aa", false), CENSUS_SAME);
    assert_int_equal(compared(150004, "aa", 170002, "bb", false), CENSUS_DIFFER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_printed_one_major),
        cmocka_unit_test(test_printed_two_majors),
        cmocka_unit_test(test_digest_two_majors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
