/* Running a plan on FROM: one transaction, with SET LOCAL lock_timeout and
 * statement_timeout so that a plan never queues behind long locks or runs
 * away. On the first error everything is rolled back and the failing
 * statement, the server's message and the position are reported. A dry
 * run always rolls back. Statements that cannot run in a transaction
 * block (CREATE INDEX CONCURRENTLY) follow, one by one, after the commit.
 * Ctrl-C cancels the running statement; the transaction is rolled back. */
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
                           strbuf *err)
{
    const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
    const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
    const char *pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
    sb_addf(err, "%s failed; nothing was changed (rolled back).\n", where);
    sb_addf(err, "  statement: %s\n", sql);
    sb_addf(err, "  ERROR: %s\n", msg ? msg : PQresultErrorMessage(res));
    if (detail)
        sb_addf(err, "  DETAIL: %s\n", detail);
    if (hint)
        sb_addf(err, "  HINT: %s\n", hint);
    if (pos)
        sb_addf(err, "  at character %s (line %ld)\n", pos,
                line_of(sql ? sql : "", strtol(pos, NULL, 10)));
}

static bool run_one(PGconn *conn, const char *sql, const char *where, strbuf *err)
{
    PGresult *res = PQexec(conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
              PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok)
        report_failure(res, sql, where, err);
    PQclear(res);
    return ok;
}

static void rollback(PGconn *conn)
{
    PGresult *res = PQexec(conn, "ROLLBACK");
    PQclear(res);
}

/* The transaction phase: every statement that may run in one. */
static bool run_transaction(PGconn *conn, const pa_plan *p,
                            const apply_options *o, strbuf *err)
{
    if (!begin(conn, o, err))
        return false;
    bool ok = true;
    for (size_t i = 0; i < p->nstmts && ok; i++) {
        if (p->stmts[i].hazards & HAZ_NO_TRANSACTION)
            continue;
        char where[64];
        snprintf(where, sizeof(where), "statement %zu of %zu", i + 1, p->nstmts);
        ok = run_one(conn, sb_str(&p->stmts[i].sql), where, err);
        if (ok && o->verbose)
            fprintf(stderr, "pgalign: ok   %s\n", where);
    }
    if (!ok || o->dry_run) {
        rollback(conn);
        return ok;
    }
    return conn_command(conn, "COMMIT", err);
}

/* After the commit: statements that cannot run in a transaction block,
 * each on its own; a failure stops here and says what has been done. */
static bool run_outside(PGconn *conn, const pa_plan *p, const apply_options *o,
                        strbuf *err)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        if (!(p->stmts[i].hazards & HAZ_NO_TRANSACTION))
            continue;
        if (o->dry_run) {
            fprintf(stderr, "pgalign: dry run: not run (cannot run in a "
                            "transaction): %s\n", sb_str(&p->stmts[i].sql));
            continue;
        }
        char where[96];
        snprintf(where, sizeof(where), "statement %zu of %zu (outside the transaction)",
                 i + 1, p->nstmts);
        PGresult *res = PQexec(conn, sb_str(&p->stmts[i].sql));
        bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        if (!ok) {
            report_failure(res, sb_str(&p->stmts[i].sql), where, err);
            sb_addf(err, "  the transaction before it was committed; running the "
                         "plan again continues from here\n");
        }
        PQclear(res);
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
        tempcluster_on_interrupt(cancel_statement, cancel);
    bool ok = run_transaction(conn, p, o, err) && run_outside(conn, p, o, err);
    tempcluster_on_interrupt(NULL, NULL);
    if (cancel)
        PQfreeCancel(cancel);
    return ok;
}
