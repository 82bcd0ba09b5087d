#include "emit/sql.h"

/* Like migra: statements separated by a blank line, each ending in ';'. */
void emit_sql(strbuf *out, const pa_plan *p)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        if (i > 0)
            sb_addc(out, '\n');
        sb_adds(out, sb_str(&p->stmts[i].sql));
        sb_adds(out, ";\n");
    }
}
