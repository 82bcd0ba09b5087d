#include "emit/sql.h"

/* What the user must do by hand, as comments after the statements. */
static void emit_notes(strbuf *out, const pa_plan *p)
{
    if (!p->nnotes)
        return;
    if (p->nstmts)
        sb_addc(out, '\n');
    sb_adds(out, "-- to do by hand:\n");
    for (size_t i = 0; i < p->nnotes; i++)
        sb_addf(out, "--   %s\n", p->notes[i]);
}

/* A statement with hazards has them in a comment line above it. */
void emit_sql_statement(strbuf *out, const pa_stmt *s)
{
    if (s->hazards) {
        sb_adds(out, "-- hazards: ");
        plan_hazard_list(out, s->hazards);
        sb_addc(out, '\n');
    }
    if (s->standalone)
        sb_addf(out, "%s\n", SQL_STANDALONE_COMMENT);
    sb_adds(out, sb_str(&s->sql));
    sb_adds(out, ";\n");
}

/* Like migra: statements separated by a blank line, each ending in ';'. */
void emit_sql(strbuf *out, const pa_plan *p)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        if (i > 0)
            sb_addc(out, '\n');
        emit_sql_statement(out, p->stmts[i]);
    }
    emit_notes(out, p);
}

/* How many statements of a remaining difference a message shows. */
enum { REMAINING_SHOWN = 20 };

void emit_remaining_difference(strbuf *out, const pa_diff *d)
{
    const size_t max = REMAINING_SHOWN;
    pa_plan q;
    plan_build(&q, d, false);
    if (q.nstmts == 0) {
        sb_adds(out, " in:");
        for (size_t i = 0; i < d->count; i++) {
            const pa_change *c = &d->changes[i];
            if (c->type != CHANGE_SAME)
                sb_addf(out, "\n  %s", (c->to ? c->to : c->from)->key);
        }
    } else {
        sb_addf(out, "; a diff of the two would still run %zu statement%s:", q.nstmts,
                q.nstmts == 1 ? "" : "s");
        pa_plan shown = q;
        shown.nstmts = q.nstmts < max ? q.nstmts : max;
        strbuf sql = STRBUF_INIT;
        emit_sql(&sql, &shown);
        sb_trim_trailing(&sql, "\n");
        sb_addf(out, "\n%s", sb_str(&sql));
        if (q.nstmts > shown.nstmts)
            sb_addf(out, "\n-- ... and %zu more", q.nstmts - shown.nstmts);
        sb_release(&sql);
    }
    plan_free(&q);
}
