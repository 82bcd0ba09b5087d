/* A batch of statements sent at once with libpq's pipeline mode and one
 * sync: over a network the whole batch costs one round trip, however many
 * statements it holds (pipeline.c). */
#ifndef PA_PIPELINE_H
#define PA_PIPELINE_H

#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

/* Send the n statements (each a single statement, no parameters) and a
 * sync, and flush them all without waiting for results. On failure the
 * reason is in err and the connection is left out of pipeline mode. */
bool pipeline_send(PGconn *conn, const char *const *sql, size_t n, strbuf *err);

/* The result of the next statement of the batch (the caller clears it),
 * or NULL when the connection broke. */
PGresult *pipeline_next(PGconn *conn);

/* Read what is left of the batch, up to its sync, and leave pipeline
 * mode; after a failed statement the rest come back aborted. */
void pipeline_end(PGconn *conn);

#endif
