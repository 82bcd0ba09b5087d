/* Running a plan on FROM (execute.c). */
#ifndef PA_APPLY_EXECUTE_H
#define PA_APPLY_EXECUTE_H

#include "plan/plan.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

typedef struct apply_options {
    const char *lock_timeout;       /* default 5s */
    const char *statement_timeout;  /* default 0: none */
    bool dry_run;                   /* roll back at the end, always */
    bool verbose;                   /* one line per statement run */
} apply_options;

/* Run p's statements in one transaction on conn, then those that cannot
 * run in one. On failure, false with the report in err; the transaction
 * is rolled back. */
bool apply_plan(PGconn *conn, const pa_plan *p, const apply_options *o,
                strbuf *err);

#endif
