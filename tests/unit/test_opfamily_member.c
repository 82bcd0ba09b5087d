/* The member lines of operator families and classes: read whole where a
 * quoted name holds a newline or a parenthesis, turned into the ADD and
 * DROP clauses, and refused where they do not read as members. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kinds/opfamily_member.h"

#include <stdlib.h>
#include <string.h>

static const char members[] =
    "OPERATOR 1 (integer, \"odd\ntype)\") public.<<<(integer,\"odd\ntype)\")\n"
    "OPERATOR 15 (box, point) <->(box,point) FOR ORDER BY pg_catalog.float_ops\n"
    "FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint)";

static char *clause(const opf_member *m, bool add)
{
    strbuf sb = STRBUF_INIT;
    if (add)
        opf_add_clause(&sb, m);
    else
        opf_drop_clause(&sb, m);
    return sb.buf;
}

static void expect_clauses(const opf_member *m, const char *add, const char *drop)
{
    char *a = clause(m, true), *d = clause(m, false);
    assert_string_equal(a, add);
    assert_string_equal(d, drop);
    free(a);
    free(d);
}

static void test_lines(void **state)
{
    (void)state;
    const char *s = members;
    opf_member m;
    assert_true(opf_next_member(&s, &m));
    expect_clauses(&m, "OPERATOR 1 public.<<<(integer,\"odd\ntype)\")",
                   "OPERATOR 1 (integer, \"odd\ntype)\")");
    assert_true(opf_next_member(&s, &m));
    expect_clauses(&m, "OPERATOR 15 <->(box,point) FOR ORDER BY pg_catalog.float_ops",
                   "OPERATOR 15 (box, point)");
    assert_true(opf_next_member(&s, &m));
    expect_clauses(&m, "FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint)",
                   "FUNCTION 1 (integer, bigint)");
    assert_false(opf_next_member(&s, &m));
    assert_true(*s == '\0');
}

static void test_lookup(void **state)
{
    (void)state;
    const char *s = "FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint)";
    opf_member m;
    assert_true(opf_next_member(&s, &m));
    assert_true(opf_has_member(members, &m));
    s = "FUNCTION 1 (integer, bigint) public.cmp(integer,bigint)";
    assert_true(opf_next_member(&s, &m));
    assert_false(opf_has_member(members, &m));
    assert_false(opf_has_member(NULL, &m));
}

static void test_validity(void **state)
{
    (void)state;
    strbuf err = STRBUF_INIT;
    assert_true(opf_members_valid(members, &err));
    assert_true(opf_members_valid(NULL, &err));
    const char *bad[] = {
        "OPERATOR 1 <(integer,integer)",            /* no key */
        "OPERATOR x (integer, integer) <(integer,integer)",
        "STORAGE 1 (integer, integer) box",
        "FUNCTION 1 (integer, integer)",            /* nothing after the key */
        "FUNCTION 1 (integer, \"open) f(integer)",  /* a quote never closed */
        "FUNCTION 1 (integer, integer) f()\nDROP TABLE t",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_false(opf_members_valid(bad[i], &err));
        assert_non_null(strstr(err.buf, "members are not lines"));
        sb_release(&err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_validity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
