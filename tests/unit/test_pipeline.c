/* Batches in libpq's pipeline mode (src/source/pipeline.c), against a real
 * server: the one PGHOST/PGPORT name (the cli suite runs this inside its
 * throwaway cluster). Without one the cases are skipped.
 *
 * Each case runs under an alarm: a batch that never ends is the defect
 * guarded against (a pgalign -j 3 whose server went away was found
 * spinning in pipeline_end for 99 minutes), and SIGALRM fails it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "source/pipeline.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { CASE_SECONDS = 20 };

static PGconn *connect_or_skip(void)
{
    if (!getenv("PGHOST") || !getenv("PGPORT"))
        skip();
    PGconn *conn = PQconnectdb("dbname=postgres");
    if (PQstatus(conn) != CONNECTION_OK) {
        print_error("cannot connect: %s", PQerrorMessage(conn));
        PQfinish(conn);
        fail();
    }
    alarm(CASE_SECONDS);
    return conn;
}

static void done(PGconn *conn)
{
    alarm(0);
    PQfinish(conn);
}

/* The connection takes plain statements again. */
static void assert_usable(PGconn *conn)
{
    PGresult *res = PQexec(conn, "select 41 + 1");
    assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
    assert_string_equal(PQgetvalue(res, 0, 0), "42");
    PQclear(res);
}

static void test_results_come_back_in_order(void **state)
{
    (void)state;
    PGconn *conn = connect_or_skip();
    const char *sql[] = {"select 1", "select 2", "select 3"};
    pa_pipeline p;
    strbuf err = STRBUF_INIT;
    assert_true(pipeline_send(&p, conn, sql, 3, &err));
    for (int i = 1; i <= 3; i++) {
        PGresult *res = pipeline_next(&p);
        assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
        assert_int_equal(atoi(PQgetvalue(res, 0, 0)), i);
        PQclear(res);
    }
    pipeline_end(&p);
    assert_usable(conn);
    sb_release(&err);
    done(conn);
}

/* A failed statement skips the rest up to the sync point; ending the
 * batch reads what is left and leaves the connection usable. */
static void test_end_after_a_failure_reads_the_rest(void **state)
{
    (void)state;
    PGconn *conn = connect_or_skip();
    pa_pipeline p;
    strbuf err = STRBUF_INIT;
    pipeline_start(&p, conn);
    pipeline_add(&p, "select 1/0");
    pipeline_add(&p, "select 1");
    pipeline_sync(&p);
    pipeline_add(&p, "select 2");
    assert_true(pipeline_flush(&p, &err));
    PGresult *res = pipeline_next(&p);
    assert_int_equal(PQresultStatus(res), PGRES_FATAL_ERROR);
    PQclear(res);
    pipeline_end(&p);
    assert_usable(conn);
    sb_release(&err);
    done(conn);
}

/* Sync points counted that libpq will never answer (their batch did not
 * go out, or was read by someone else): libpq then returns NULL at once,
 * for ever, and waiting for the count spins. Ending the batch must stop
 * when libpq holds nothing more. */
static void test_end_stops_when_libpq_holds_nothing_more(void **state)
{
    (void)state;
    PGconn *conn = connect_or_skip();
    const char *sql[] = {"select 1"};
    pa_pipeline p;
    strbuf err = STRBUF_INIT;
    assert_true(pipeline_send(&p, conn, sql, 1, &err));
    assert_int_equal(p.syncs, 1);
    /* Everything read behind the batch's back, the sync point too. */
    PGresult *res;
    int syncs = 0;
    for (int nulls = 0; nulls < 2 && syncs < 1;) {
        res = PQgetResult(conn);
        nulls = res ? 0 : nulls + 1;
        syncs += res && PQresultStatus(res) == PGRES_PIPELINE_SYNC;
        PQclear(res);
    }
    assert_int_equal(syncs, 1);
    pipeline_end(&p);       /* p.syncs is still 1 */
    assert_usable(conn);
    sb_release(&err);
    done(conn);
}

/* The server ends the session while a batch is on its way: the batch
 * fails or its results say so, and ending it returns. */
static void test_server_gone_mid_batch_ends(void **state)
{
    (void)state;
    PGconn *conn = connect_or_skip();
    PGconn *killer = PQconnectdb("dbname=postgres");
    assert_int_equal(PQstatus(killer), CONNECTION_OK);
    char kill_sql[128];
    snprintf(kill_sql, sizeof kill_sql,
             "select pg_terminate_backend(%d, 10000)", PQbackendPID(conn));
    PGresult *res = PQexec(killer, kill_sql);
    assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
    PQclear(res);
    PQfinish(killer);

    /* Larger than the socket's buffers, so that sending itself fails. */
    enum { N = 2000 };
    static char big[N][128];
    const char *sql[N];
    for (int i = 0; i < N; i++) {
        snprintf(big[i], sizeof big[i], "select %d, repeat('x', 100)", i);
        sql[i] = big[i];
    }
    pa_pipeline p;
    strbuf err = STRBUF_INIT;
    if (pipeline_send(&p, conn, sql, N, &err)) {
        res = pipeline_next(&p);
        assert_true(res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK);
        PQclear(res);
        pipeline_end(&p);
    } else {
        assert_true(strlen(sb_str(&err)) > strlen("cannot send the statements: "));
    }
    sb_release(&err);
    done(conn);
}

int main(void)
{
    signal(SIGALRM, SIG_DFL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_results_come_back_in_order),
        cmocka_unit_test(test_end_after_a_failure_reads_the_rest),
        cmocka_unit_test(test_end_stops_when_libpq_holds_nothing_more),
        cmocka_unit_test(test_server_gone_mid_batch_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
