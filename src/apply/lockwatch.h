/* While a plan's statement waits for a lock, say so on the progress line:
 * "applying statement 12 of 40 (waiting 3 s: lock on public.todos)". A
 * thread looks, on a second connection opened only once a statement has
 * run past the progress delay, at what the applying backend waits for
 * (pg_locks: the lock not granted and since when). Only when progress
 * shows (a terminal); else every call is a no-op. */
#ifndef PA_APPLY_LOCKWATCH_H
#define PA_APPLY_LOCKWATCH_H

#include <libpq-fe.h>
#include <stddef.h>

typedef struct lockwatch lockwatch;

/* NULL (and nothing to do) when progress does not show. */
lockwatch *lockwatch_start(PGconn *conn);
/* Statement i of n runs now and may wait; i == n: none runs. */
void lockwatch_statement(lockwatch *w, size_t i, size_t n);
void lockwatch_stop(lockwatch *w);

#endif
