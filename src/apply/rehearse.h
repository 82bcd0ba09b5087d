/* Rehearsing a plan on a copy of FROM's schema (rehearse.c). */
#ifndef PA_APPLY_REHEARSE_H
#define PA_APPLY_REHEARSE_H

#include "inspect/inspect.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <stdbool.h>

typedef struct rehearse_options {
    const pa_filter *filter;            /* how the plan was made */
    const char *const *ignored_attrs;
    const char *target_fingerprint;     /* NULL: do not compare */
    bool verbose;
} rehearse_options;

/* Run p on a copy of the schema of the database at from; true when every
 * statement ran and the result has TARGET's fingerprint. */
bool rehearse(const char *from, const pa_plan *p, const rehearse_options *o, strbuf *err);

#endif
