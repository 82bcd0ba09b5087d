/* Writing a plan as SQL: one statement per paragraph, in plan order. */
#ifndef PA_EMIT_SQL_H
#define PA_EMIT_SQL_H

#include "plan/plan.h"
#include "util/strbuf.h"

void emit_sql(strbuf *out, const pa_plan *p);

#endif
