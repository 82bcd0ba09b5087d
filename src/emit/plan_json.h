/* Plans as JSON (plan_json.c). */
#ifndef PA_EMIT_PLAN_JSON_H
#define PA_EMIT_PLAN_JSON_H

#include "plan/plan.h"
#include "util/strbuf.h"

#include <jansson.h>

/* options and not_compared (the census, summary.h's census_json) are
 * taken (released with the document). target_major: the major whose
 * server printed the definitions target_fingerprint hashes (0: none). */
void emit_plan_json(strbuf *out, const pa_plan *p, const char *from_fingerprint,
                    const char *target_fingerprint, int target_major, json_t *options,
                    json_t *not_compared);
/* "not-null", "constraint"...; NULL for CHECK_NONE. */
const char *plan_check_name(check_type type);

#endif
