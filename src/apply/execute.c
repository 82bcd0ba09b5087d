/* Running a plan on FROM: one transaction, with SET LOCAL lock_timeout and
 * statement_timeout so that a plan never queues behind long locks or runs
 * away. On the first error everything is rolled back and the failing
 * statement, the server's message and the position are reported. A dry
 * run always rolls back. Under --online, statements that cannot run in a
 * transaction block (CREATE INDEX CONCURRENTLY) or should run on their own
 * (VALIDATE CONSTRAINT) split the plan into phases, each committed before
 * the next; a re-planned run continues where a failed one stopped.
 * Ctrl-C cancels the running statement; its transaction is rolled back. */
#include "apply/execute.h"
#include "apply/lockwatch.h"
#include "emit/quote.h"
#include "source/conn.h"
#include "source/pipeline.h"
#include "util/progress.h"
#include "source/signals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cancel_statement(void *arg)
{
    PGcancel *cancel = arg;
    char buf[256];
    PQcancel(cancel, buf, sizeof(buf));
    fprintf(stderr, "pgalign: cancelling; the transaction is rolled back and "
                    "FROM is left as it was\n");
}

/* SET [LOCAL] name = value, for the timeouts. */
static void set_sql(strbuf *sb, const char *scope, const char *name, const char *value)
{
    sb_addf(sb, "SET %s%s = ", scope, name);
    sql_literal(sb, value);
}

/* The line of position pos (1-based, in characters) of text. */
static long line_of(const char *text, long pos)
{
    long line = 1;
    for (long i = 0; text[i] && i < pos - 1; i++)
        line += text[i] == '\n';
    return line;
}

/* A lock not granted within lock_timeout (SQLSTATE 55P03): what to do. */
static void lock_hint(strbuf *err, const PGresult *res, const char *lock_timeout)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (!state || strcmp(state, "55P03") != 0)
        return;
    sb_addf(err, "  another session held a lock the statement needs for longer than the "
            "lock timeout (%s): run again when it is done (pg_stat_activity shows it), "
            "or wait longer with --lock-timeout\n", lock_timeout ? lock_timeout : "5s");
}

static void report_failure(PGresult *res, const char *sql, const char *where,
                           size_t committed, const char *lock_timeout, strbuf *err)
{
    const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
    const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
    const char *pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
    if (committed == 0)
        sb_addf(err, "%s failed; nothing was changed (rolled back).\n", where);
    else
        sb_addf(err, "%s failed; the %zu statement%s before it stay committed: "
                "plan and apply again to continue from here.\n", where, committed,
                committed == 1 ? "" : "s");
    sb_addf(err, "  statement: %s\n", sql);
    sb_addf(err, "  ERROR: %s\n", msg ? msg : PQresultErrorMessage(res));
    if (detail)
        sb_addf(err, "  DETAIL: %s\n", detail);
    if (hint)
        sb_addf(err, "  HINT: %s\n", hint);
    if (pos)
        sb_addf(err, "  at character %s (line %ld)\n", pos,
                line_of(sql, strtol(pos, NULL, 10)));
    lock_hint(err, res, lock_timeout);
}

typedef struct runner {
    PGconn *conn;
    lockwatch *watch;       /* says what a waiting statement waits for */
    const pa_plan *plan;
    const apply_options *o;
    strbuf *err;
    bool writable_known;    /* FROM was found writable */
    size_t committed;       /* statements committed so far */
} runner;

/* Whether statement i succeeded (its result res, cleared here); the first
 * failure is reported. */
static bool statement_done(runner *r, size_t i, PGresult *res)
{
    const char *sql = sb_str(&r->plan->stmts[i]->sql);
    char where[96];
    snprintf(where, sizeof(where), "statement %zu of %zu", i + 1, r->plan->nstmts);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
              PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!res)
        conn_error(r->err, r->conn);
    else if (!ok)
        report_failure(res, sql, where, r->committed, r->o->lock_timeout, r->err);
    else if (r->o->verbose)
        fprintf(stderr, "pgalign: ok   %s\n", where);
    PQclear(res);
    return ok;
}

/* A setting or transaction command of the batch: false, with the server's
 * message, when it failed. */
static bool command_done(runner *r, PGresult *res)
{
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        conn_result_error(r->err, r->conn, res);
        sb_addc(r->err, '\n');
    }
    PQclear(res);
    return ok;
}

/* A standby, or a database set to default_transaction_read_only, would
 * fail at the first statement: say what it is instead. */
static const char read_only_query[] =
    "SELECT pg_catalog.pg_is_in_recovery(),"
    " pg_catalog.current_setting('default_transaction_read_only') = 'on'";

static bool writable_result(runner *r, PGresult *res)
{
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
    if (!ok) {
        command_done(r, res);
        return false;
    }
    bool standby = PQgetvalue(res, 0, 0)[0] == 't';
    if (standby || PQgetvalue(res, 0, 1)[0] == 't') {
        sb_adds(r->err, standby
                            ? "FROM is a read-only server (a standby, in recovery): nothing "
                              "was changed; apply the plan on the primary\n"
                            : "FROM is a read-only server (default_transaction_read_only is "
                              "on): nothing was changed\n");
        ok = false;
    }
    PQclear(res);
    r->writable_known = ok;
    return ok;
}

static void rollback(PGconn *conn)
{
    PGresult *res = PQexec(conn, "ROLLBACK");
    PQclear(res);
}

/* The statements [from, to) in one transaction, sent as one batch (one
 * round trip over a network): the writability check the first time, BEGIN
 * and the timeouts, and each statement with a sync point after it, so that
 * statement_timeout counts per statement. After a failure the rest fail
 * at once in the aborted transaction. The COMMIT (ROLLBACK for a dry run)
 * is sent only when every result is in and each one succeeded. */
static bool run_batch(runner *r, size_t from, size_t to)
{
    const apply_options *o = r->o;
    strbuf lock = STRBUF_INIT, limit = STRBUF_INIT;
    set_sql(&lock, "LOCAL ", "lock_timeout", o->lock_timeout ? o->lock_timeout : "5s");
    set_sql(&limit, "LOCAL ", "statement_timeout",
            o->statement_timeout ? o->statement_timeout : "0");
    bool check_writable = !r->writable_known;
    pa_pipeline batch;
    pipeline_start(&batch, r->conn);
    if (check_writable) {
        pipeline_add(&batch, read_only_query);
        pipeline_sync(&batch);
    }
    pipeline_add(&batch, "BEGIN");
    pipeline_add(&batch, lock.buf);
    pipeline_add(&batch, limit.buf);
    for (size_t i = from; i < to; i++) {
        pipeline_sync(&batch);
        pipeline_add(&batch, sb_str(&r->plan->stmts[i]->sql));
    }
    bool ok = pipeline_flush(&batch, r->err);
    bool sent = ok;
    ok = ok && (!check_writable || writable_result(r, pipeline_next(&batch)));
    for (int k = 0; ok && k < 3; k++)
        ok = command_done(r, pipeline_next(&batch));
    for (size_t i = from; ok && i < to; i++) {
        progress_note("statement %zu of %zu", i + 1, r->plan->nstmts);
        lockwatch_statement(r->watch, i, r->plan->nstmts);
        ok = statement_done(r, i, pipeline_next(&batch));
    }
    lockwatch_statement(r->watch, r->plan->nstmts, r->plan->nstmts);
    if (sent)
        pipeline_end(&batch);
    sb_release(&lock);
    sb_release(&limit);
    if (!ok) {
        rollback(r->conn);
        return false;
    }
    if (o->dry_run) {
        rollback(r->conn);
        return true;
    }
    if (!conn_command(r->conn, "COMMIT", r->err))
        return false;
    r->committed += to - from;
    return true;
}

/* CREATE INDEX CONCURRENTLY and the like: no transaction block, so the
 * timeouts are set for the session around it. */
static bool run_outside_transaction(runner *r, size_t i)
{
    if (r->o->dry_run) {
        fprintf(stderr, "pgalign: dry run: not run (cannot run in a transaction): "
                        "%s\n", sb_str(&r->plan->stmts[i]->sql));
        return true;
    }
    bool ok = r->writable_known || writable_result(r, PQexec(r->conn, read_only_query));
    strbuf set = STRBUF_INIT;
    set_sql(&set, "", "lock_timeout", r->o->lock_timeout ? r->o->lock_timeout : "5s");
    sb_adds(&set, "; ");
    set_sql(&set, "", "statement_timeout",
            r->o->statement_timeout ? r->o->statement_timeout : "0");
    lockwatch_statement(r->watch, i, r->plan->nstmts);
    ok = ok && conn_command(r->conn, set.buf, r->err) &&
         statement_done(r, i, PQexec(r->conn, sb_str(&r->plan->stmts[i]->sql)));
    lockwatch_statement(r->watch, r->plan->nstmts, r->plan->nstmts);
    sb_release(&set);
    strbuf ignored = STRBUF_INIT;
    conn_command(r->conn, "RESET lock_timeout; RESET statement_timeout", &ignored);
    sb_release(&ignored);
    if (ok)
        r->committed++;
    return ok;
}

/* Statements run in order. Consecutive ordinary ones share one
 * transaction (one batch); a standalone one (--online) runs in a
 * transaction of its own, one that cannot be in a transaction outside. */
static bool run_all(runner *r)
{
    const pa_plan *p = r->plan;
    size_t i = 0;
    while (i < p->nstmts) {
        const pa_stmt *s = p->stmts[i];
        bool ok;
        if (s->hazards & HAZ_NO_TRANSACTION) {
            ok = run_outside_transaction(r, i);
            i++;
        } else if (s->standalone) {
            ok = run_batch(r, i, i + 1);
            i++;
        } else {
            size_t end = i;
            while (end < p->nstmts && !p->stmts[end]->standalone &&
                   !(p->stmts[end]->hazards & HAZ_NO_TRANSACTION))
                end++;
            ok = run_batch(r, i, end);
            i = end;
        }
        if (!ok)
            return false;
    }
    return true;
}

bool apply_plan(PGconn *conn, const pa_plan *p, const apply_options *o,
                strbuf *err)
{
    PGcancel *cancel = PQgetCancel(conn);
    if (cancel)
        signals_on_interrupt(cancel_statement, cancel);
    runner r = {.conn = conn, .plan = p, .o = o, .err = err};
    progress_step("applying");
    r.watch = lockwatch_start(conn);
    bool ok = run_all(&r);
    lockwatch_stop(r.watch);
    progress_end();
    signals_on_interrupt(NULL, NULL);
    if (cancel)
        PQfreeCancel(cancel);
    if (!ok && (err->len == 0 || err->buf[err->len - 1] != '\n'))
        sb_addc(err, '\n');
    return ok;
}
