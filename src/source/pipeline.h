/* Batches of statements sent at once with libpq's pipeline mode: over a
 * network a whole batch costs one round trip, however many statements it
 * holds (pipeline.c).
 *
 * A batch is started, filled with statements and sync points, and sent;
 * then each statement's result is read in order. After a failed statement
 * the server skips the rest up to the next sync point (they come back
 * PGRES_PIPELINE_ABORTED); a sync point after each statement lets the
 * later ones run (in a transaction block, they then fail as the block
 * is aborted). */
#ifndef PA_PIPELINE_H
#define PA_PIPELINE_H

#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pa_pipeline {
    PGconn *conn;
    int syncs;      /* sync points sent whose answer is not read yet */
    bool ok;        /* every statement was queued */
} pa_pipeline;

/* Enter pipeline mode on conn. */
void pipeline_start(pa_pipeline *p, PGconn *conn);
/* Queue a statement (one statement, no parameters). */
void pipeline_add(pa_pipeline *p, const char *sql);
/* Queue a sync point. */
void pipeline_sync(pa_pipeline *p);
/* Queue a final sync point and send everything without waiting for
 * results. On failure the reason is in err and pipeline mode is left. */
bool pipeline_flush(pa_pipeline *p, strbuf *err);

/* pipeline_start, n statements, pipeline_flush. */
bool pipeline_send(pa_pipeline *p, PGconn *conn, const char *const *sql, size_t n,
                   strbuf *err);

/* The result of the next statement of the batch (the caller clears it),
 * or NULL when the connection broke. */
PGresult *pipeline_next(pa_pipeline *p);

/* Read what is left of the batch and leave pipeline mode. */
void pipeline_end(pa_pipeline *p);

#endif
