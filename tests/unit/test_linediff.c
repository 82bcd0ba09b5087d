/* Unified diffs of definitions, as diff -u prints them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/linediff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *udiff(const char *a, const char *b)
{
    strbuf sb = STRBUF_INIT;
    linediff_unified(&sb, a, b);
    return sb_detach(&sb);
}

static void expect_diff(const char *a, const char *b, const char *want)
{
    char *got = udiff(a, b);
    assert_string_equal(got ? got : "", want);
    free(got);
}

static void test_equal_and_empty(void **state)
{
    (void)state;
    expect_diff("a\nb\n", "a\nb\n", "");
    expect_diff("a\nb", "a\nb\n", "");     /* a final break is no line */
    expect_diff("", "x\n", "@@ -0,0 +1 @@\n+x\n");
    expect_diff("x\n", NULL, "@@ -1 +0,0 @@\n-x\n");
}

static void test_one_change_with_context(void **state)
{
    (void)state;
    expect_diff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n",
                "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

/* Changes six lines apart share a hunk; seven apart, two hunks (as diff
 * -u with three lines of context). */
static void test_hunks(void **state)
{
    (void)state;
    expect_diff("a\n1\n2\n3\n4\n5\n6\nb\n", "A\n1\n2\n3\n4\n5\n6\nB\n",
                "@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n");
    expect_diff("a\n1\n2\n3\n4\n5\n6\n7\nb\n", "A\n1\n2\n3\n4\n5\n6\n7\nB\n",
                "@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n"
                "@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n");
}

static void test_insert_and_delete(void **state)
{
    (void)state;
    expect_diff("SELECT id\nFROM t\n", "SELECT id,\n  name\nFROM t\nWHERE ok\n",
                "@@ -1,2 +1,4 @@\n-SELECT id\n+SELECT id,\n+  name\n FROM t\n+WHERE ok\n");
}

/* linediff_each: every line, in order, marked as the script has it. */
static void add_marked(void *ctx, char type, const char *text, size_t len)
{
    strbuf *sb = ctx;
    sb_addc(sb, type);
    sb_add(sb, text, len);
    sb_addc(sb, '|');
}

static void expect_each(const char *a, const char *b, const char *want)
{
    strbuf sb = STRBUF_INIT;
    linediff_each(a, b, add_marked, &sb);
    assert_string_equal(sb_str(&sb), want);
    sb_release(&sb);
}

static void test_each_line(void **state)
{
    (void)state;
    expect_each("a\nb\nc\n", "a\nB\nc\nd", " a|-b|+B| c|+d|");
    expect_each(NULL, "x\ny\n", "+x|+y|");
    expect_each("x\n", "", "-x|");
    expect_each("", NULL, "");
    /* every line of a long text, not only the hunks' context */
    expect_each("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\n5\n6\n7\n8\nnine\n",
                " 1| 2| 3| 4| 5| 6| 7| 8|-9|+nine|");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal_and_empty),
        cmocka_unit_test(test_one_change_with_context),
        cmocka_unit_test(test_hunks),
        cmocka_unit_test(test_insert_and_delete),
        cmocka_unit_test(test_each_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
