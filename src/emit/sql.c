#include "emit/sql.h"

/* Like migra: statements separated by a blank line, each ending in ';'.
 * A statement with hazards has them in a comment line above it. */
void emit_sql(strbuf *out, const pa_plan *p)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        if (i > 0)
            sb_addc(out, '\n');
        if (p->stmts[i].hazards) {
            sb_adds(out, "-- hazards: ");
            plan_hazard_list(out, p->stmts[i].hazards);
            sb_addc(out, '\n');
        }
        if (p->stmts[i].standalone)
            sb_addf(out, "%s\n", SQL_STANDALONE_COMMENT);
        sb_adds(out, sb_str(&p->stmts[i].sql));
        sb_adds(out, ";\n");
    }
}
