/* Rehearsal: before a plan touches FROM, build a copy of FROM's schema in
 * a temporary cluster of FROM's major, run the plan there, and check that
 * the result is TARGET's schema. A plan that fails here never reaches
 * FROM; the report names the statement and the server's reason.
 *
 * The copy is pgalign's own (copy.c), so it needs no pg_dump and it
 * rehearses pgalign's DDL too. */
#include "apply/rehearse.h"
#include "apply/copy.h"
#include "apply/execute.h"
#include "inspect/inspect.h"
#include "source/conn.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

static bool matches_target(const char *conninfo, const rehearse_options *o,
                           const pa_ext_list *skipped, strbuf *err)
{
    pa_inspect_options iopt = {.filter = o->filter, .assumed = skipped};
    char fp[MODEL_FINGERPRINT_LEN];
    bool ok = inspect_fingerprint(conninfo, &iopt, "rehearsal", o->ignored_attrs, fp, err);
    if (ok && o->target_fingerprint) {
        ok = strcmp(fp, o->target_fingerprint) == 0;
        if (!ok)
            sb_adds(err, "after the plan, the copy of FROM's schema still differs "
                         "from TARGET; run pgalign diff to see what differs");
    }
    return ok;
}

/* The plan's statements, to run on the copy (which takes some out). */
static void copy_plan(const pa_plan *p, pa_plan *q)
{
    memset(q, 0, sizeof(*q));
    for (size_t i = 0; i < p->nstmts; i++) {
        strbuf *sb = plan_stmt(q, p->stmts[i].hazards);
        sb_add(sb, p->stmts[i].sql.buf, p->stmts[i].sql.len);
        q->stmts[q->nstmts - 1].standalone = p->stmts[i].standalone;
    }
}

bool rehearse(const char *from, const pa_plan *p, const rehearse_options *o, strbuf *err)
{
    double start = now_seconds();
    strbuf ci = STRBUF_INIT, why = STRBUF_INIT;
    PGconn *copy = NULL;
    /* Extensions this machine lacks are neither in the copy nor created
     * by the plan there; the comparison takes them as there. */
    pa_ext_list skipped = {0};
    pa_plan q;
    copy_plan(p, &q);
    bool ok = copy_schema(from, 0, o->filter, "pgalign_rehearsal", o->verbose, &skipped,
                          &ci, &why) &&
              (copy = conn_open(ci.buf, &why)) != NULL;
    if (!ok) {
        sb_addf(err, "cannot rehearse the plan: cannot copy FROM's schema: %s "
                     "(--no-rehearse skips the rehearsal)", sb_str(&why));
    } else {
        apply_options aopt = {NULL, NULL, false, false};
        ok = copy_skip_missing_extensions(copy, &q, &skipped, &why) &&
             apply_plan(copy, &q, &aopt, &why) && matches_target(ci.buf, o, &skipped, &why);
        if (!ok)
            sb_addf(err, "rehearsal on a copy of FROM's schema: %s", sb_str(&why));
    }
    if (copy)
        PQfinish(copy);
    plan_free(&q);
    extskip_free(&skipped);
    if (ok && o->verbose)
        fprintf(stderr, "pgalign: rehearsal: the plan ran on a copy of FROM's schema "
                "and gave TARGET's (%.1f s)\n", now_seconds() - start);
    sb_release(&ci);
    sb_release(&why);
    return ok;
}
