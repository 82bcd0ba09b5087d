#include "source/pipeline.h"
#include "source/conn.h"

#include <poll.h>

/* In non-blocking mode, so that a batch larger than the socket's buffers
 * cannot deadlock with a server that is already writing results: while
 * the batch is still going out, what comes in is read. */
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

bool pipeline_send(PGconn *conn, const char *const *sql, size_t n, strbuf *err)
{
    bool ok = PQsetnonblocking(conn, 1) == 0 && PQenterPipelineMode(conn) == 1;
    for (size_t i = 0; ok && i < n; i++)
        ok = PQsendQueryParams(conn, sql[i], 0, NULL, NULL, NULL, NULL, 0) == 1;
    ok = ok && PQpipelineSync(conn) == 1 && flush_all(conn);
    PQsetnonblocking(conn, 0);
    if (!ok) {
        sb_adds(err, "cannot send the catalog queries: ");
        conn_error(err, conn);
        PQexitPipelineMode(conn);
    }
    return ok;
}

PGresult *pipeline_next(PGconn *conn)
{
    PGresult *res = PQgetResult(conn);
    /* Each statement's results end with a NULL. */
    PGresult *end = res ? PQgetResult(conn) : NULL;
    PQclear(end);
    return res;
}

void pipeline_end(PGconn *conn)
{
    int idle = 0;
    while (idle < 2 && PQstatus(conn) == CONNECTION_OK) {
        PGresult *res = PQgetResult(conn);
        ExecStatusType st = res ? PQresultStatus(res) : PGRES_EMPTY_QUERY;
        idle = res ? 0 : idle + 1;
        PQclear(res);
        if (st == PGRES_PIPELINE_SYNC)
            break;
    }
    PQexitPipelineMode(conn);
}
