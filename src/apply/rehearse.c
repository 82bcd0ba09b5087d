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

static bool matches_target(const char *conninfo, const rehearse_options *o, strbuf *err)
{
    pa_inspect_options iopt = {o->filter, false};
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

bool rehearse(const char *from, const pa_plan *p, const rehearse_options *o, strbuf *err)
{
    double start = now_seconds();
    strbuf ci = STRBUF_INIT, why = STRBUF_INIT;
    PGconn *copy = NULL;
    bool ok = copy_schema(from, 0, o->filter->privileges, "pgalign_rehearsal", o->verbose,
                          &ci, &why) &&
              (copy = conn_open(ci.buf, &why)) != NULL;
    if (!ok) {
        sb_addf(err, "cannot rehearse the plan: cannot copy FROM's schema: %s "
                     "(--no-rehearse skips the rehearsal)", sb_str(&why));
    } else {
        apply_options aopt = {NULL, NULL, false, false};
        ok = apply_plan(copy, p, &aopt, &why) && matches_target(ci.buf, o, &why);
        if (!ok)
            sb_addf(err, "rehearsal on a copy of FROM's schema: %s", sb_str(&why));
    }
    if (copy)
        PQfinish(copy);
    if (ok && o->verbose)
        fprintf(stderr, "pgalign: rehearsal: the plan ran on a copy of FROM's schema "
                "and gave TARGET's (%.1f s)\n", now_seconds() - start);
    sb_release(&ci);
    sb_release(&why);
    return ok;
}
