/* Preflight checks of a plan against FROM's rows (preflight.c). */
#ifndef PA_APPLY_PREFLIGHT_H
#define PA_APPLY_PREFLIGHT_H

#include "diff/rename.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct preflight_result {
    size_t checked;     /* statements with a check */
    size_t failures;    /* checks that found rows that would fail */
    size_t unchecked;   /* checks that could not run */
} preflight_result;

/* Run every statement's check on conn (read only), reading tables and
 * columns that renames (the plan's, or NULL) rename under FROM's names.
 * One "preflight: ..." line per failure or check that could not run goes
 * to report; what the destructive statements lose goes to losses (to
 * report when NULL). False only when the checks could not be run at all
 * (err says why). */
bool preflight_run(PGconn *conn, const pa_plan *p, const pa_rename_list *renames,
                   strbuf *report, pa_loss_list *losses, preflight_result *result,
                   strbuf *err);

#endif
