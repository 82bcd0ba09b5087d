#include "inspect/jobs.h"
#include "source/conn.h"
#include "source/pipeline.h"
#include "util/clock.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Main's transaction exports its snapshot; the others import it before
 * any query of theirs (else they would have taken one of their own). */
static const char export_snapshot_sql[] = "SELECT pg_export_snapshot()";
static const char import_snapshot_sql[] = "SET TRANSACTION SNAPSHOT %s";
static const char commit_sql[] = "COMMIT";
static const char rollback_sql[] = "ROLLBACK";

typedef enum fetch_state {
    FETCH_STARTING,     /* connecting, waiting for the snapshot, sending */
    FETCH_RUNNING,      /* in the shared snapshot: results come */
    FETCH_DONE,         /* every result read; main's transaction still open */
    FETCH_UNUSED,       /* cannot help (err says why): main runs its queries */
    FETCH_FAILED,       /* lost on the way (err says why) */
} fetch_state;

typedef struct fetcher {
    pa_jobs *jobs;
    int number;             /* 1 for the main connection */
    PGconn *conn;
    PGcancel *cancel;       /* to stop its query when the inspection fails */
    size_t *queries;        /* its queries, in order */
    size_t nqueries;
    fetch_state state;      /* under jobs->lock */
    strbuf err;             /* written by its thread before state ends it */
    bool started;           /* its thread was started */
    pthread_t thread;
} fetcher;

struct pa_jobs {
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a result arrived, a state or the snapshot changed */
    const char *const *setup;
    size_t nsetup;
    const pa_jobs_query *queries;
    size_t n;
    PGresult **results;     /* by query; taken by jobs_take */
    bool *arrived;
    double *seconds;
    int *owner;             /* index into fetchers */
    char *snapshot;         /* main's exported snapshot, once it is known */
    bool stop;              /* jobs_finish: no more helpers start */
    PQconninfoOption *conninfo;  /* main's, for the other connections */
    fetcher *fetchers;      /* [0] is main */
    int nfetchers;
    const char *label;
    strbuf *warnings;       /* the caller's; NULL: none wanted */
};

static void set_state(fetcher *f, fetch_state state)
{
    pthread_mutex_lock(&f->jobs->lock);
    f->state = state;
    pthread_cond_broadcast(&f->jobs->changed);
    pthread_mutex_unlock(&f->jobs->lock);
}

static bool ended(const fetcher *f)
{
    return f->state == FETCH_UNUSED || f->state == FETCH_FAILED;
}

/* The next result of the batch must be a command's; false (err set) if not. */
static bool command_ok(pa_pipeline *batch, const char *what, strbuf *err)
{
    PGresult *res = pipeline_next(batch);
    bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        sb_addf(err, "%s failed: ", what);
        conn_result_error(err, batch->conn, res);
    }
    PQclear(res);
    return ok;
}

/* Read the results of queries[0..n) from batch as they come. A broken
 * connection leaves the rest not arrived (false, err set): main may
 * still run them. */
static bool receive(fetcher *f, pa_pipeline *batch, const size_t *queries, size_t n)
{
    pa_jobs *j = f->jobs;
    double clock = now_seconds();
    for (size_t i = 0; i < n; i++) {
        PGresult *res = pipeline_next(batch);
        if (!res) {
            sb_adds(&f->err, "connection lost: ");
            conn_error(&f->err, f->conn);
            return false;
        }
        double now = now_seconds();
        pthread_mutex_lock(&j->lock);
        j->results[queries[i]] = res;
        j->arrived[queries[i]] = true;
        j->seconds[queries[i]] = now - clock;
        pthread_cond_broadcast(&j->changed);
        pthread_mutex_unlock(&j->lock);
        clock = now;
    }
    return true;
}

static void publish_snapshot(pa_jobs *j, const char *id)
{
    pthread_mutex_lock(&j->lock);
    j->snapshot = xstrdup(id);
    pthread_cond_broadcast(&j->changed);
    pthread_mutex_unlock(&j->lock);
}

/* Main: the transaction, its export, its share of the queries; the
 * transaction stays open for the others and for jobs_finish. */
static void *run_main(void *arg)
{
    fetcher *f = arg;
    pa_jobs *j = f->jobs;
    size_t nsql = j->nsetup + 1 + f->nqueries;
    const char **sql = xcalloc(nsql, sizeof(*sql));
    for (size_t i = 0; i < j->nsetup; i++)
        sql[i] = j->setup[i];
    sql[j->nsetup] = export_snapshot_sql;
    for (size_t i = 0; i < f->nqueries; i++)
        sql[j->nsetup + 1 + i] = j->queries[f->queries[i]].sql;
    pa_pipeline batch;
    bool ok = pipeline_send(&batch, f->conn, sql, nsql, &f->err);
    free(sql);
    if (!ok) {
        set_state(f, FETCH_FAILED);
        return NULL;
    }
    for (size_t i = 0; ok && i < j->nsetup; i++)
        ok = command_ok(&batch, j->setup[i], &f->err);
    PGresult *res = ok ? pipeline_next(&batch) : NULL;
    ok = ok && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
    if (ok)
        publish_snapshot(j, PQgetvalue(res, 0, 0));
    else if (!f->err.len) {     /* the export failed, not what came before */
        sb_adds(&f->err, "cannot export the snapshot: ");
        conn_result_error(&f->err, f->conn, res);
    }
    PQclear(res);
    ok = ok && receive(f, &batch, f->queries, f->nqueries);
    pipeline_end(&batch);
    set_state(f, ok ? FETCH_DONE : FETCH_FAILED);
    return NULL;
}

/* Wait for main's snapshot; NULL when there will be none. */
static char *wait_for_snapshot(pa_jobs *j)
{
    pthread_mutex_lock(&j->lock);
    while (!j->snapshot && !j->stop && !ended(&j->fetchers[0]))
        pthread_cond_wait(&j->changed, &j->lock);
    char *id = j->snapshot && !j->stop ? xstrdup(j->snapshot) : NULL;
    pthread_mutex_unlock(&j->lock);
    return id;
}

/* BEGIN, import, the settings, its queries, COMMIT; false (err set) when
 * it cannot join main's snapshot. */
static bool helper_send(fetcher *f, pa_pipeline *batch, const char *snapshot)
{
    pa_jobs *j = f->jobs;
    char *literal = PQescapeLiteral(f->conn, snapshot, strlen(snapshot));
    if (!literal) {
        conn_error(&f->err, f->conn);
        return false;
    }
    strbuf import = STRBUF_INIT;
    sb_addf(&import, import_snapshot_sql, literal);
    PQfreemem(literal);
    size_t nsql = j->nsetup + f->nqueries + 2;
    const char **sql = xcalloc(nsql, sizeof(*sql));
    size_t n = 0;
    sql[n++] = j->setup[0];
    sql[n++] = import.buf;
    for (size_t i = 1; i < j->nsetup; i++)
        sql[n++] = j->setup[i];
    for (size_t i = 0; i < f->nqueries; i++)
        sql[n++] = j->queries[f->queries[i]].sql;
    sql[n++] = commit_sql;
    bool ok = pipeline_send(batch, f->conn, sql, n, &f->err);
    free(sql);
    ok = ok && command_ok(batch, "BEGIN", &f->err) &&
         command_ok(batch, "SET TRANSACTION SNAPSHOT", &f->err);
    for (size_t i = 1; ok && i < j->nsetup; i++)
        ok = command_ok(batch, j->setup[i], &f->err);
    sb_release(&import);
    return ok;
}

/* Another connection: opened here, so that it connects while main's
 * batch runs, then in main's snapshot. */
static void *run_helper(void *arg)
{
    fetcher *f = arg;
    pa_jobs *j = f->jobs;
    PGconn *conn = conn_open_like(j->conninfo, &f->err);
    PGcancel *cancel = conn ? PQgetCancel(conn) : NULL;
    pthread_mutex_lock(&j->lock);
    f->conn = conn;
    f->cancel = cancel;
    pthread_mutex_unlock(&j->lock);
    char *snapshot = conn ? wait_for_snapshot(j) : NULL;
    pa_pipeline batch;
    bool joined = snapshot && helper_send(f, &batch, snapshot);
    free(snapshot);
    if (!joined) {
        if (conn && PQpipelineStatus(conn) != PQ_PIPELINE_OFF)
            pipeline_end(&batch);
        set_state(f, FETCH_UNUSED);
        return NULL;
    }
    set_state(f, FETCH_RUNNING);
    bool ok = receive(f, &batch, f->queries, f->nqueries) &&
              command_ok(&batch, commit_sql, &f->err);
    pipeline_end(&batch);
    set_state(f, ok ? FETCH_DONE : FETCH_FAILED);
    return NULL;
}

void jobs_share_out(const pa_jobs_query *queries, size_t n, int nconnections, int *owner)
{
    size_t *order = xcalloc(n, sizeof(*order));
    unsigned long *load = xcalloc((size_t)nconnections, sizeof(*load));
    for (size_t i = 0; i < n; i++) {
        size_t k = i;
        for (; k > 0 && queries[order[k - 1]].cost < queries[i].cost; k--)
            order[k] = order[k - 1];
        order[k] = i;
        owner[i] = 0;
    }
    for (size_t i = 0; i < n && queries[order[i]].cost; i++) {
        int least = 0;
        for (int c = 1; c < nconnections; c++) {
            if (load[c] < load[least])
                least = c;
        }
        owner[order[i]] = least;
        load[least] += queries[order[i]].cost;
    }
    free(load);
    free(order);
}

static void jobs_free(pa_jobs *j)
{
    for (size_t i = 0; i < j->n; i++)
        PQclear(j->results[i]);
    for (int c = 0; c < j->nfetchers; c++) {
        fetcher *f = &j->fetchers[c];
        if (c > 0 && f->conn)
            PQfinish(f->conn);
        if (f->cancel)
            PQfreeCancel(f->cancel);
        free(f->queries);
        sb_release(&f->err);
    }
    PQconninfoFree(j->conninfo);
    pthread_cond_destroy(&j->changed);
    pthread_mutex_destroy(&j->lock);
    free(j->fetchers);
    free(j->results);
    free(j->arrived);
    free(j->seconds);
    free(j->owner);
    free(j->snapshot);
    free(j);
}

pa_jobs *jobs_start(PGconn *main, int njobs, const char *const *setup, size_t nsetup,
                    const pa_jobs_query *queries, size_t n, const char *label,
                    strbuf *warnings, strbuf *err)
{
    pa_jobs *j = xcalloc(1, sizeof(*j));
    pthread_mutex_init(&j->lock, NULL);
    pthread_cond_init(&j->changed, NULL);
    j->setup = setup;
    j->nsetup = nsetup;
    j->queries = queries;
    j->n = n;
    j->label = label;
    j->warnings = warnings;
    j->results = xcalloc(n, sizeof(*j->results));
    j->arrived = xcalloc(n, sizeof(*j->arrived));
    j->seconds = xcalloc(n, sizeof(*j->seconds));
    j->owner = xcalloc(n, sizeof(*j->owner));
    j->conninfo = PQconninfo(main);
    j->nfetchers = njobs < 1 ? 1 : njobs;
    j->fetchers = xcalloc((size_t)j->nfetchers, sizeof(*j->fetchers));
    for (int c = 0; c < j->nfetchers; c++) {
        fetcher *f = &j->fetchers[c];
        f->jobs = j;
        f->number = c + 1;
        f->queries = xcalloc(n ? n : 1, sizeof(*f->queries));
        sb_init(&f->err);
    }
    fetcher *m = &j->fetchers[0];
    m->conn = main;
    m->cancel = PQgetCancel(main);
    jobs_share_out(queries, n, j->nfetchers, j->owner);
    for (size_t i = 0; i < n; i++) {
        fetcher *f = &j->fetchers[j->owner[i]];
        f->queries[f->nqueries++] = i;
    }
    m->started = j->conninfo && pthread_create(&m->thread, NULL, run_main, m) == 0;
    if (!m->started) {
        sb_adds(err, j->conninfo ? "cannot start a thread" : "out of memory");
        jobs_free(j);
        return NULL;
    }
    for (int c = 1; c < j->nfetchers; c++) {
        fetcher *f = &j->fetchers[c];
        f->started = f->nqueries && pthread_create(&f->thread, NULL, run_helper, f) == 0;
        if (!f->started)
            f->state = FETCH_UNUSED;
    }
    return j;
}

/* Say why a connection did not help, once, if warnings are wanted. */
static void tell_unused(pa_jobs *j, fetcher *f)
{
    if (j->warnings && f->started && f->err.len)
        sb_addf(j->warnings, "pgalign: warning: %s: connection %d of %d cannot help (%s); "
                "its queries run on the first\n", j->label, f->number, j->nfetchers,
                sb_str(&f->err));
}

/* Run on main (done, its transaction open) the queries whose connection
 * ended before their results came. Called with the lock held. */
static void run_left_on_main(pa_jobs *j)
{
    fetcher *m = &j->fetchers[0];
    size_t *left = xcalloc(j->n, sizeof(*left));
    const char **sql = xcalloc(j->n + 1, sizeof(*sql));
    size_t nleft = 0;
    for (size_t i = 0; i < j->n; i++) {
        fetcher *f = &j->fetchers[j->owner[i]];
        if (!j->arrived[i] && f != m && ended(f)) {
            if (f->err.len)
                tell_unused(j, f);
            sb_release(&f->err);
            j->owner[i] = 0;
            sql[nleft] = j->queries[i].sql;
            left[nleft++] = i;
        }
    }
    m->state = FETCH_RUNNING;
    pthread_mutex_unlock(&j->lock);
    pa_pipeline batch;
    bool ok = pipeline_send(&batch, m->conn, sql, nleft, &m->err) &&
              receive(m, &batch, left, nleft);
    if (PQpipelineStatus(m->conn) != PQ_PIPELINE_OFF)
        pipeline_end(&batch);
    pthread_mutex_lock(&j->lock);
    m->state = ok ? FETCH_DONE : FETCH_FAILED;
    free(sql);
    free(left);
}

PGresult *jobs_take(pa_jobs *j, size_t i, double *seconds, int *connection, strbuf *err)
{
    fetcher *m = &j->fetchers[0];
    PGresult *res = NULL;
    pthread_mutex_lock(&j->lock);
    for (;;) {
        fetcher *f = &j->fetchers[j->owner[i]];
        if (j->arrived[i]) {
            res = j->results[i];
            j->results[i] = NULL;
            *seconds = j->seconds[i];
            *connection = f->number;
            break;
        }
        if (m->state == FETCH_FAILED || (f == m && m->state == FETCH_DONE)) {
            sb_addf(err, "%s", m->err.len ? sb_str(&m->err) : "no result");
            break;
        }
        if (ended(f) && m->state == FETCH_DONE)
            run_left_on_main(j);
        else
            pthread_cond_wait(&j->changed, &j->lock);
    }
    pthread_mutex_unlock(&j->lock);
    return res;
}

static bool end_transaction(PGconn *conn, bool ok, strbuf *err)
{
    if (PQtransactionStatus(conn) == PQTRANS_IDLE)
        return ok;
    strbuf ignored = STRBUF_INIT;
    bool done = conn_command(conn, ok ? commit_sql : rollback_sql, ok && err ? err : &ignored);
    sb_release(&ignored);
    return ok && done;
}

bool jobs_finish(pa_jobs *j, bool ok, strbuf *err)
{
    pthread_mutex_lock(&j->lock);
    j->stop = true;
    pthread_cond_broadcast(&j->changed);
    for (int c = 0; !ok && c < j->nfetchers; c++) {
        char ignored[256];
        if (j->fetchers[c].cancel && !ended(&j->fetchers[c]) &&
            j->fetchers[c].state != FETCH_DONE)
            PQcancel(j->fetchers[c].cancel, ignored, sizeof(ignored));
    }
    pthread_mutex_unlock(&j->lock);
    for (int c = 0; c < j->nfetchers; c++) {
        if (j->fetchers[c].started)
            pthread_join(j->fetchers[c].thread, NULL);
    }
    ok = end_transaction(j->fetchers[0].conn, ok, err);
    jobs_free(j);
    return ok;
}
