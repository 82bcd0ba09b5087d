/* Rehearsing a plan on a copy of FROM's schema (rehearse.c). */
#ifndef PA_APPLY_REHEARSE_H
#define PA_APPLY_REHEARSE_H

#include "diff/diff.h"
#include "inspect/inspect.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <stdbool.h>

typedef struct rehearse_options {
    const pa_filter *filter;            /* how the plan was made */
    const char *const *ignored_attrs;
    /* How the plan's diff compared (--create-extensions-only...), for the
     * result compared with TARGET's model; NULL: ignored_attrs and the
     * filter's privileges. */
    const pa_diff_options *dopt;
    /* What the result must be, the best that is known: TARGET's model as
     * the plan compared it, with the source it came from (to build a copy
     * on the cluster's server when another major printed it); else its
     * fingerprint (a plan file's) and the major that printed it (0: not
     * known). Neither: the result is not compared. */
    const pa_model *target;
    const char *target_source;
    const char *target_fingerprint;
    int target_major;
    /* --additive: what the plan holds back, which may still differ from
     * TARGET's model afterwards (plan/expand.h); else NULL. */
    const struct pa_deferred_list *held;
    bool verbose;
    /* Lines for the caller to print: what the rehearsal could not compare,
     * and the cluster's warnings. NULL: none are wanted. */
    strbuf *warnings;
} rehearse_options;

/* Run p on a copy of the schema of the database at from; true when every
 * statement ran and the result is TARGET's, compared as one server prints
 * both. When it is not, err says what would still change. */
bool rehearse(const char *from, const pa_plan *p, const rehearse_options *o, strbuf *err);

#endif
