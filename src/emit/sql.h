/* Writing a plan as SQL: one statement per paragraph, in plan order. */
#ifndef PA_EMIT_SQL_H
#define PA_EMIT_SQL_H

#include "plan/plan.h"
#include "util/strbuf.h"

void emit_sql(strbuf *out, const pa_plan *p);
/* One statement as emit_sql writes it, without the blank line before. */
void emit_sql_statement(strbuf *out, const pa_stmt *s);

/* What a diff that should have been empty still finds, to end a message
 * that says what differs: the first few statements a plan of it would run
 * (and how many more), or the objects that differ when it would run none. */
void emit_remaining_difference(strbuf *out, const pa_diff *d);

/* The comment above a statement that must run on its own (--online):
 * pgalign apply reads it back. */
#define SQL_STANDALONE_COMMENT "-- runs on its own, after what comes before it is committed"

#endif
