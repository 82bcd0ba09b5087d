#include "source/pipeline.h"
#include "source/conn.h"

#include <poll.h>

void pipeline_start(pa_pipeline *p, PGconn *conn)
{
    p->conn = conn;
    p->syncs = 0;
    /* Non-blocking while queueing and sending (see flush_all). */
    p->ok = PQsetnonblocking(conn, 1) == 0 && PQenterPipelineMode(conn) == 1;
}

void pipeline_add(pa_pipeline *p, const char *sql)
{
    p->ok = p->ok && PQsendQueryParams(p->conn, sql, 0, NULL, NULL, NULL, NULL, 0) == 1;
}

void pipeline_sync(pa_pipeline *p)
{
    p->ok = p->ok && PQpipelineSync(p->conn) == 1;
    p->syncs += p->ok;
}

/* A batch larger than the socket's buffers must not deadlock with a
 * server that is already writing results: while the batch is still going
 * out, what comes in is read. */
static bool flush_all(PGconn *conn)
{
    int pending;
    while ((pending = PQflush(conn)) == 1) {
        struct pollfd fd = {PQsocket(conn), POLLIN | POLLOUT, 0};
        if (poll(&fd, 1, -1) < 0)
            return false;
        if ((fd.revents & POLLIN) && !PQconsumeInput(conn))
            return false;
    }
    return pending == 0;
}

bool pipeline_flush(pa_pipeline *p, strbuf *err)
{
    pipeline_sync(p);
    bool ok = p->ok && flush_all(p->conn);
    PQsetnonblocking(p->conn, 0);
    if (!ok) {
        sb_adds(err, "cannot send the statements: ");
        conn_error(err, p->conn);
        p->syncs = 0;       /* they did not all go out: none to wait for */
        pipeline_end(p);
    }
    return ok;
}

bool pipeline_send(pa_pipeline *p, PGconn *conn, const char *const *sql, size_t n,
                   strbuf *err)
{
    pipeline_start(p, conn);
    for (size_t i = 0; i < n; i++)
        pipeline_add(p, sql[i]);
    return pipeline_flush(p, err);
}

PGresult *pipeline_next(pa_pipeline *p)
{
    PGresult *res;
    while ((res = PQgetResult(p->conn)) && PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
        p->syncs--;
        PQclear(res);
    }
    /* Each statement's results end with a NULL. */
    PGresult *end = res ? PQgetResult(p->conn) : NULL;
    PQclear(end);
    return res;
}

void pipeline_end(pa_pipeline *p)
{
    /* Each statement's results end with one NULL: two in a row mean that
     * libpq holds nothing more (a batch that never went out, the server
     * gone), where waiting for the syncs left would spin for ever. */
    int nulls = 0;
    while (p->syncs > 0 && PQstatus(p->conn) == CONNECTION_OK && nulls < 2) {
        PGresult *res = PQgetResult(p->conn);
        nulls = res ? 0 : nulls + 1;
        if (res && PQresultStatus(res) == PGRES_PIPELINE_SYNC)
            p->syncs--;
        PQclear(res);
    }
    PQexitPipelineMode(p->conn);
    PQsetnonblocking(p->conn, 0);
}
