/* pgalign -j: how the catalog queries are shared out over the connections
 * (inspect/jobs.c). The connections themselves are tested against a real
 * server (tests/cli, tests/roundtrip). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "inspect/jobs.h"
#include "kinds/kind.h"

#include <stdlib.h>

/* The costs of a big catalog's queries, as the kinds declare them. */
static const pa_jobs_query catalog[] = {
    {"schema", 0, "schema"},      {"table", 31, "table"},
    {"column", 136, "column"},    {"default", 79, "default"},
    {"identity", 55, "identity"}, {"constraint", 215, "constraint"},
    {"index", 118, "index"},      {"view", 0, "view"},
    {"pg_depend", 60, "pg_depend"},
};
enum { NCATALOG = sizeof(catalog) / sizeof(catalog[0]) };

static unsigned long load_of(const int *owner, int connection)
{
    unsigned long load = 0;
    for (size_t i = 0; i < NCATALOG; i++)
        load += owner[i] == connection ? catalog[i].cost : 0;
    return load;
}

/* One connection runs everything. */
static void test_one_connection_runs_all(void **state)
{
    (void)state;
    int owner[NCATALOG];
    jobs_share_out(catalog, NCATALOG, 1, owner);
    for (size_t i = 0; i < NCATALOG; i++)
        assert_int_equal(owner[i], 0);
}

/* The small queries stay on main, which starts first; the costliest goes
 * to main too (a tie: nothing is assigned yet). */
static void test_small_queries_stay_on_main(void **state)
{
    (void)state;
    int owner[NCATALOG];
    jobs_share_out(catalog, NCATALOG, 3, owner);
    assert_int_equal(owner[0], 0);
    assert_int_equal(owner[7], 0);
    assert_int_equal(owner[5], 0);   /* constraint, the costliest */
    assert_int_equal(owner[2], 1);   /* column, the next */
    assert_int_equal(owner[6], 2);   /* index */
}

/* Longest first onto the least loaded: on three connections no share is
 * more than the costliest query plus a third of the rest. */
static void test_shares_are_balanced(void **state)
{
    (void)state;
    int owner[NCATALOG];
    unsigned long total = 0;
    for (size_t i = 0; i < NCATALOG; i++)
        total += catalog[i].cost;
    for (int n = 2; n <= 4; n++) {
        jobs_share_out(catalog, NCATALOG, n, owner);
        unsigned long sum = 0;
        for (int c = 0; c < n; c++) {
            unsigned long load = load_of(owner, c);
            assert_true(load > 0);
            assert_true(load <= 215 + (total - 215) / (unsigned long)n);
            sum += load;
        }
        assert_int_equal(sum, total);
    }
}

/* More connections than costly queries: the extra ones get nothing (and
 * are not opened). */
static void test_extra_connections_get_nothing(void **state)
{
    (void)state;
    int owner[NCATALOG];
    jobs_share_out(catalog, NCATALOG, 16, owner);
    int used[16] = {0};
    for (size_t i = 0; i < NCATALOG; i++) {
        assert_true(owner[i] >= 0 && owner[i] < 16);
        used[owner[i]]++;
    }
    for (int c = 7; c < 16; c++)
        assert_int_equal(used[c], 0);
}

/* The kinds' costs: the heavy queries of a big catalog say theirs. */
static void test_heavy_kinds_have_a_cost(void **state)
{
    (void)state;
    const char *heavy[] = {"table", "column", "default", "identity", "constraint",
                           "index"};
    for (size_t i = 0; i < sizeof(heavy) / sizeof(heavy[0]); i++) {
        const pa_kind *k = kind_by_name(heavy[i]);
        assert_non_null(k);
        assert_true(k->cost > 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_connection_runs_all),
        cmocka_unit_test(test_small_queries_stay_on_main),
        cmocka_unit_test(test_shares_are_balanced),
        cmocka_unit_test(test_extra_connections_get_nothing),
        cmocka_unit_test(test_heavy_kinds_have_a_cost),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
