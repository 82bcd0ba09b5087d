/* One database inspected over several connections at once (pgalign -j):
 * the main connection's transaction exports its snapshot, the others
 * import it, as pg_dump -j does, so that all of them read one state of the
 * catalog; the catalog queries are shared out by their cost, and the
 * server runs them in parallel. Each connection's results are read by a
 * thread of its own as they come (a server whose results nobody reads
 * stops working), and are handed out in the queries' order.
 *
 * A connection that cannot be opened or cannot import the snapshot
 * (max_connections reached, a pooler that sends it elsewhere) is no
 * error: its queries then run on the main connection, in the same
 * transaction. */
#ifndef PA_JOBS_H
#define PA_JOBS_H

#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pa_jobs pa_jobs;

typedef struct pa_jobs_query {
    const char *sql;
    unsigned cost;      /* its share of the work, in any unit; 0: small */
    const char *what;   /* for messages: "column" */
} pa_jobs_query;

/* Which of nconnections runs each query (owner[i], 0 for main): the
 * costliest first, each to the connection with the least work so far
 * (main on a tie). The small ones (cost 0) stay on main, which starts
 * first: the others start once they are connected and main's snapshot is
 * known. */
void jobs_share_out(const pa_jobs_query *queries, size_t n, int nconnections, int *owner);

/* Start queries[0..n) on main (open, idle, not in pipeline mode) and up
 * to njobs - 1 more connections like it. setup[0] opens the transaction
 * (BEGIN ... REPEATABLE READ), setup[1..nsetup) are run right after it on
 * each connection. The arrays must outlive jobs_finish. A line goes to
 * warnings (unless NULL) when a connection cannot help. NULL (err set)
 * when it cannot start; nothing was sent then. */
pa_jobs *jobs_start(PGconn *main, int njobs, const char *const *setup, size_t nsetup,
                    const pa_jobs_query *queries, size_t n, const char *label,
                    strbuf *warnings, strbuf *err);

/* The result of query i, waited for; the caller clears it. NULL (err
 * set) when it or its connection failed. seconds: how long it ran (from
 * the result before it on its connection); connection: 1 for main, 2...
 * for the others. Each i is taken once, in any order. */
PGresult *jobs_take(pa_jobs *j, size_t i, double *seconds, int *connection, strbuf *err);

/* Stop and close the other connections (cancelling what still runs when
 * ok is false), end main's transaction (COMMIT when ok, else ROLLBACK)
 * and free j. False, with err set, when the COMMIT fails. */
bool jobs_finish(pa_jobs *j, bool ok, strbuf *err);

#endif
