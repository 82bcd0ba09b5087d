#include "apply/lockwatch.h"
#include "source/conn.h"
#include "util/clock.h"
#include "util/progress.h"
#include "util/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The lock the backend waits for, and for how long (waitstart: 14+). A
 * lock on no relation (another transaction's row, say) is named by what
 * it locks. */
static const char waiting_query[] =
    "SELECT coalesce(pg_catalog.quote_ident(n.nspname) || '.' ||"
    " pg_catalog.quote_ident(c.relname), 'a ' || l.locktype || ' of another session'),"
    " pg_catalog.round(extract(epoch FROM pg_catalog.now() - l.waitstart))"
    " FROM pg_catalog.pg_locks l"
    " LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation"
    " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE l.pid = $1 AND NOT l.granted ORDER BY l.waitstart LIMIT 1";

/* How often the thread looks, in seconds. */
#define LOOK_EVERY 0.5

struct lockwatch {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    size_t stmt, nstmts;        /* what runs; stmt == nstmts: nothing */
    double since;               /* when it began */
    PQconninfoOption *conninfo; /* to open the second connection */
    int pid;                    /* the applying backend */
    PGconn *conn;               /* the thread's, opened when first needed */
    bool no_conn;               /* it could not be opened: look no more */
};

/* What statement stmt waits for, on the progress line. */
static void look(lockwatch *w, size_t stmt, size_t n)
{
    if (!w->conn && !w->no_conn) {
        strbuf err = STRBUF_INIT;
        w->conn = conn_open_like(w->conninfo, &err);
        w->no_conn = w->conn == NULL;
        sb_release(&err);
    }
    if (!w->conn)
        return;
    char pid[16];
    snprintf(pid, sizeof(pid), "%d", w->pid);
    const char *params[1] = {pid};
    PGresult *res = PQexecParams(w->conn, waiting_query, 1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
        progress_note("statement %zu of %zu (waiting %s s: lock on %s)", stmt + 1, n,
                      PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 0));
    PQclear(res);
}

static void *watch(void *arg)
{
    lockwatch *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += (long)(LOOK_EVERY * 1e9);
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&w->wake, &w->lock, &until);
        size_t stmt = w->stmt, n = w->nstmts;
        bool due = !w->stop && stmt < n && now_seconds() - w->since >= progress_delay();
        if (!due)
            continue;
        /* The query runs without the lock: the applying thread goes on. */
        pthread_mutex_unlock(&w->lock);
        look(w, stmt, n);
        pthread_mutex_lock(&w->lock);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

lockwatch *lockwatch_start(PGconn *conn)
{
    if (!progress_enabled())
        return NULL;
    lockwatch *w = xcalloc(1, sizeof(*w));
    w->conninfo = PQconninfo(conn);
    w->pid = PQbackendPID(conn);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    if (!w->conninfo || pthread_create(&w->thread, NULL, watch, w) != 0) {
        PQconninfoFree(w->conninfo);
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->wake);
        free(w);
        return NULL;
    }
    return w;
}

void lockwatch_statement(lockwatch *w, size_t i, size_t n)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stmt = i;
    w->nstmts = n;
    w->since = now_seconds();
    pthread_mutex_unlock(&w->lock);
}

void lockwatch_stop(lockwatch *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    if (w->conn)
        PQfinish(w->conn);
    PQconninfoFree(w->conninfo);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->wake);
    free(w);
}
