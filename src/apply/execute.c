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
#include "emit/quote.h"
#include "source/conn.h"
#include "source/tempcluster.h"

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

static bool begin(PGconn *conn, const apply_options *o, strbuf *err)
{
    strbuf sql = STRBUF_INIT;
    sb_adds(&sql, "BEGIN; SET LOCAL lock_timeout = ");
    sql_literal(&sql, o->lock_timeout ? o->lock_timeout : "5s");
    sb_adds(&sql, "; SET LOCAL statement_timeout = ");
    sql_literal(&sql, o->statement_timeout ? o->statement_timeout : "0");
    bool ok = conn_command(conn, sql.buf, err);
    sb_release(&sql);
    return ok;
}

/* The line of position pos (1-based, in characters) of text. */
static long line_of(const char *text, long pos)
{
    long line = 1;
    for (long i = 0; text[i] && i < pos - 1; i++)
        line += text[i] == '\n';
    return line;
}

static void report_failure(PGresult *res, const char *sql, const char *where,
                           size_t committed, strbuf *err)
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
}

typedef struct runner {
    PGconn *conn;
    const pa_plan *plan;
    const apply_options *o;
    strbuf *err;
    bool in_transaction;
    size_t pending;     /* statements run in the open transaction */
    size_t committed;   /* statements committed so far */
} runner;

static bool run_one(runner *r, size_t i)
{
    const char *sql = sb_str(&r->plan->stmts[i].sql);
    char where[96];
    snprintf(where, sizeof(where), "statement %zu of %zu", i + 1, r->plan->nstmts);
    PGresult *res = PQexec(r->conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
              PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok)
        report_failure(res, sql, where, r->committed, r->err);
    else if (r->o->verbose)
        fprintf(stderr, "pgalign: ok   %s\n", where);
    PQclear(res);
    return ok;
}

static void rollback(PGconn *conn)
{
    PGresult *res = PQexec(conn, "ROLLBACK");
    PQclear(res);
}

/* End the open transaction: COMMIT, or ROLLBACK for a dry run. */
static bool finish(runner *r)
{
    if (!r->in_transaction)
        return true;
    r->in_transaction = false;
    if (r->o->dry_run) {
        rollback(r->conn);
        return true;
    }
    if (!conn_command(r->conn, "COMMIT", r->err))
        return false;
    r->committed += r->pending;
    r->pending = 0;
    return true;
}

/* CREATE INDEX CONCURRENTLY and the like: no transaction block, so the
 * timeouts are set for the session around it. */
static bool run_outside_transaction(runner *r, size_t i)
{
    if (r->o->dry_run) {
        fprintf(stderr, "pgalign: dry run: not run (cannot run in a transaction): "
                        "%s\n", sb_str(&r->plan->stmts[i].sql));
        return true;
    }
    strbuf set = STRBUF_INIT;
    sb_adds(&set, "SET lock_timeout = ");
    sql_literal(&set, r->o->lock_timeout ? r->o->lock_timeout : "5s");
    sb_adds(&set, "; SET statement_timeout = ");
    sql_literal(&set, r->o->statement_timeout ? r->o->statement_timeout : "0");
    bool ok = conn_command(r->conn, set.buf, r->err) && run_one(r, i);
    sb_release(&set);
    strbuf ignored = STRBUF_INIT;
    conn_command(r->conn, "RESET lock_timeout; RESET statement_timeout", &ignored);
    sb_release(&ignored);
    if (ok)
        r->committed++;
    return ok;
}

/* Statements run in order. Consecutive ordinary ones share one
 * transaction; a standalone one (--online) ends it and runs on its own. */
static bool run_all(runner *r)
{
    const pa_plan *p = r->plan;
    for (size_t i = 0; i < p->nstmts; i++) {
        const pa_stmt *s = &p->stmts[i];
        bool alone = s->standalone || (s->hazards & HAZ_NO_TRANSACTION);
        if (alone && !finish(r))
            return false;
        if (s->hazards & HAZ_NO_TRANSACTION) {
            if (!run_outside_transaction(r, i))
                return false;
            continue;
        }
        if (!r->in_transaction) {
            if (!begin(r->conn, r->o, r->err))
                return false;
            r->in_transaction = true;
        }
        if (!run_one(r, i)) {
            rollback(r->conn);
            r->in_transaction = false;
            return false;
        }
        r->pending++;
        if (alone && !finish(r))
            return false;
    }
    return finish(r);
}

/* A standby, or a database set to default_transaction_read_only, would
 * fail at the first statement: say what it is before trying. */
static const char read_only_query[] =
    "SELECT pg_catalog.pg_is_in_recovery(),"
    " pg_catalog.current_setting('default_transaction_read_only') = 'on'";

static bool writable(PGconn *conn, strbuf *err)
{
    PGresult *res = PQexec(conn, read_only_query);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok) {
        conn_error(err, conn);
    } else if (PQgetvalue(res, 0, 0)[0] == 't' || PQgetvalue(res, 0, 1)[0] == 't') {
        sb_adds(err, PQgetvalue(res, 0, 0)[0] == 't'
                         ? "FROM is a read-only server (a standby, in recovery): nothing "
                           "was changed; apply the plan on the primary"
                         : "FROM is a read-only server (default_transaction_read_only is "
                           "on): nothing was changed");
        ok = false;
    }
    PQclear(res);
    return ok;
}

bool apply_plan(PGconn *conn, const pa_plan *p, const apply_options *o,
                strbuf *err)
{
    if (!writable(conn, err))
        return false;
    PGcancel *cancel = PQgetCancel(conn);
    if (cancel)
        tempcluster_on_interrupt(cancel_statement, cancel);
    runner r = {conn, p, o, err, false, 0, 0};
    bool ok = run_all(&r);
    tempcluster_on_interrupt(NULL, NULL);
    if (cancel)
        PQfreeCancel(cancel);
    return ok;
}
