/* The checks before a plan touches FROM, shared by the commands:
 * preflight (diff --preflight, apply, sync) and rehearsal (sync, apply
 * --rehearse). */
#include "cmd/cmd.h"
#include "apply/execute.h"
#include "apply/preflight.h"
#include "apply/rehearse.h"
#include "inspect/inspect.h"
#include "source/conn.h"

#include <stdio.h>

PGconn *cmd_connect_from(const pa_options *opt)
{
    strbuf err = STRBUF_INIT;
    PGconn *conn = conn_open(opt->from, &err);
    if (!conn)
        fprintf(stderr, "pgalign: %s\n", sb_str(&err));
    sb_release(&err);
    return conn;
}

bool cmd_apply_plan(const pa_options *opt, PGconn *conn, const pa_plan *p)
{
    strbuf err = STRBUF_INIT;
    apply_options aopt = {opt->lock_timeout, opt->statement_timeout, opt->dry_run,
                          opt->verbose && !opt->quiet};
    bool ok = apply_plan(conn, p, &aopt, &err);
    if (!ok)
        fprintf(stderr, "pgalign: %s", sb_str(&err));
    sb_release(&err);
    return ok;
}

bool cmd_preflight(const pa_options *opt, PGconn *conn, const char *conninfo,
                   const pa_plan *p, const pa_rename_list *renames, pa_loss_list *losses,
                   bool summary_follows)
{
    strbuf err = STRBUF_INIT, report = STRBUF_INIT;
    PGconn *own = conn ? NULL : conn_open(conninfo, &err);
    preflight_result r;
    bool ran = (conn || own) && preflight_run(conn ? conn : own, p, renames, &report, losses, &r,
                                                    &err);
    if (own)
        PQfinish(own);
    if (!ran) {
        fprintf(stderr, "pgalign: preflight: %s\n", sb_str(&err));
    } else {
        fputs(sb_str(&report), stderr);
        if (r.failures)
            fprintf(stderr, "pgalign: preflight: %zu check%s of %zu found rows that "
                    "would make the plan fail%s\n", r.failures,
                    r.failures == 1 ? "" : "s", r.checked,
                    opt->preflight ? "" : "; nothing was changed");    /* diff, check */
        else if (opt->verbose)
            fprintf(stderr, "pgalign: preflight: %zu check%s passed\n", r.checked,
                    r.checked == 1 ? "" : "s");
    }
    bool ok = ran && r.failures == 0;
    /* Where no summary follows a failure, what the statements lose goes here. */
    for (size_t i = 0; !ok && !summary_follows && losses && i < losses->count; i++) {
        sb_reset(&report);
        loss_text(&report, &losses->items[i]);
        fprintf(stderr, "preflight: %s\n", sb_str(&report));
    }
    sb_release(&err);
    sb_release(&report);
    return ok;
}

bool cmd_preflight_possible(const pa_options *opt)
{
    if (!opt->preflight || source_classify(opt->from) == SOURCE_CONNINFO)
        return true;
    fprintf(stderr, "pgalign: --preflight checks rows: FROM must be a database\n");
    return false;
}

bool cmd_rehearse(const pa_options *opt, const pa_plan *p, rehearse_options *ro)
{
    ro->verbose = opt->verbose && !opt->quiet;
    strbuf err = STRBUF_INIT, warnings = STRBUF_INIT;
    /* Even with -q: what the rehearsal could not compare is said. */
    ro->warnings = &warnings;
    bool ok = rehearse(opt->from, p, ro, &err);
    ro->warnings = NULL;
    cmd_print_warnings(&warnings);
    if (!ok)
        fprintf(stderr, "pgalign: %s\npgalign: nothing was changed\n", sb_str(&err));
    sb_release(&err);
    sb_release(&warnings);
    return ok;
}
