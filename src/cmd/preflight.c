/* The preflight step shared by diff --preflight, apply and sync. */
#include "cmd/cmd.h"
#include "apply/preflight.h"
#include "source/conn.h"

#include <stdio.h>

bool cmd_preflight(const pa_options *opt, const char *conninfo, const pa_plan *p)
{
    strbuf err = STRBUF_INIT, report = STRBUF_INIT;
    PGconn *conn = conn_open(conninfo, &err);
    preflight_result r;
    bool ran = conn && preflight_run(conn, p, &report, &r, &err);
    if (conn)
        PQfinish(conn);
    if (!ran) {
        fprintf(stderr, "pgalign: preflight: %s\n", sb_str(&err));
    } else {
        fputs(sb_str(&report), stderr);
        if (r.failures)
            fprintf(stderr, "pgalign: preflight: %zu check%s of %zu found rows that "
                    "would make the plan fail; nothing was changed\n", r.failures,
                    r.failures == 1 ? "" : "s", r.checked);
        else if (opt->verbose)
            fprintf(stderr, "pgalign: preflight: %zu check%s passed\n", r.checked,
                    r.checked == 1 ? "" : "s");
    }
    sb_release(&err);
    sb_release(&report);
    return ran && r.failures == 0;
}
