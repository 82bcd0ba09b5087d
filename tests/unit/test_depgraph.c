/* Topological ordering with priorities and deliberate cycle breaking. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "plan/depgraph.h"

/* Lower node number = higher priority. */
static int by_number(const void *ctx, size_t x, size_t y)
{
    (void)ctx;
    return x < y ? -1 : x > y ? 1 : 0;
}

static size_t position(const size_t *order, size_t n, size_t node)
{
    for (size_t i = 0; i < n; i++) {
        if (order[i] == node)
            return i;
    }
    fail_msg("node %zu missing from order", node);
    return n;
}

static void test_no_edges_follows_priority(void **state)
{
    (void)state;
    depgraph g;
    depgraph_init(&g, 4);
    size_t order[4], released[4];
    assert_int_equal(depgraph_sort(&g, by_number, NULL, order, released), 0);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(order[i], i);
    depgraph_free(&g);
}

static void test_edges_override_priority(void **state)
{
    (void)state;
    depgraph g;
    depgraph_init(&g, 5);
    depgraph_edge(&g, 4, 0);    /* 4 before 0 */
    depgraph_edge(&g, 3, 4);    /* 3 before 4 */
    depgraph_edge(&g, 2, 1);
    depgraph_edge(&g, 2, 1);    /* duplicate edges are harmless */
    size_t order[5], released[5];
    assert_int_equal(depgraph_sort(&g, by_number, NULL, order, released), 0);
    assert_true(position(order, 5, 3) < position(order, 5, 4));
    assert_true(position(order, 5, 4) < position(order, 5, 0));
    assert_true(position(order, 5, 2) < position(order, 5, 1));
    /* Among the ready nodes the highest priority goes first. */
    assert_int_equal(order[0], 2);
    depgraph_free(&g);
}

static void test_cycle_is_broken_once_and_counted(void **state)
{
    (void)state;
    depgraph g;
    depgraph_init(&g, 4);
    depgraph_edge(&g, 1, 2);
    depgraph_edge(&g, 2, 1);    /* cycle between 1 and 2 */
    depgraph_edge(&g, 2, 3);
    size_t order[4];
    size_t released[4];
    assert_int_equal(depgraph_sort(&g, by_number, NULL, order, released), 1);
    assert_int_equal(released[0], 1);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 1); /* best node of the cycle released */
    assert_int_equal(order[2], 2);
    assert_int_equal(order[3], 3);
    depgraph_free(&g);
}

static void test_large_chain(void **state)
{
    (void)state;
    enum { N = 20000 };
    depgraph g;
    depgraph_init(&g, N);
    for (size_t i = 1; i < N; i++)
        depgraph_edge(&g, i, i - 1);   /* reverse of priority */
    size_t *order = test_malloc(sizeof(size_t) * N);
    size_t *released = test_malloc(sizeof(size_t) * N);
    assert_int_equal(depgraph_sort(&g, by_number, NULL, order, released), 0);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(order[i], N - 1 - i);
    test_free(order);
    test_free(released);
    depgraph_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_edges_follows_priority),
        cmocka_unit_test(test_edges_override_priority),
        cmocka_unit_test(test_cycle_is_broken_once_and_counted),
        cmocka_unit_test(test_large_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
