/* pgalign apply FROM PLAN: run a plan made by `pgalign diff` on FROM, in
 * one guarded transaction, and confirm the result. A .json plan carries
 * FROM's fingerprint at planning time (a stale plan is refused unless
 * --force), its preflight checks (run first unless --no-preflight) and
 * TARGET's fingerprint (checked after the commit). A .sql plan carries
 * none of that; its statements run in one transaction all the same. */
#include "cmd/cmd.h"
#include "cmd/plan_file.h"

#include <stdio.h>
#include <string.h>

/* FROM's fingerprint now, inspected the way the plan was made. */
static bool fingerprint_now(const pa_options *opt, const pa_plan_file *pf, PGconn *conn,
                            char fp[MODEL_FINGERPRINT_LEN])
{
    strbuf err = STRBUF_INIT, warnings = STRBUF_INIT;
    pa_inspect_options iopt = {.filter = &pf->filter,
                               .verbose = opt->verbose && !opt->quiet,
                               .warnings = opt->quiet ? NULL : &warnings, .jobs = opt->jobs};
    bool ok = inspect_connection_fingerprint(conn, &iopt, "FROM",
                                             cmd_ignored_attrs(pf->ignore_extension_versions),
                                             fp, &err);
    cmd_print_warnings(&warnings);
    sb_release(&warnings);
    if (!ok)
        fprintf(stderr, "pgalign: %s\n", sb_str(&err));
    sb_release(&err);
    return ok;
}

typedef enum plan_state { PLAN_FRESH, PLAN_APPLIED, PLAN_STALE } plan_state;

/* Whether FROM's server prints definitions as the one that printed the
 * plan's TARGET: its fingerprint means nothing to FROM's otherwise. */
static bool target_printed_alike(const pa_plan_file *pf, PGconn *conn)
{
    return !pf->target_major || pf->target_major == PQserverVersion(conn) / 10000;
}

/* Whether FROM is still what the plan was made for; or the plan's target
 * already (applied before: nothing to do); or neither. */
static plan_state check_not_stale(const pa_options *opt, const pa_plan_file *pf,
                                  PGconn *conn)
{
    char fp[MODEL_FINGERPRINT_LEN];
    if (!fingerprint_now(opt, pf, conn, fp))
        return PLAN_STALE;
    if (strcmp(fp, pf->from_fingerprint) == 0)
        return PLAN_FRESH;
    if (target_printed_alike(pf, conn) && strcmp(fp, pf->target_fingerprint) == 0) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: FROM already matches the plan's target (fingerprint "
                    "%s): the plan was applied; nothing to do\n", fp);
        return PLAN_APPLIED;
    }
    /* --force is for a FROM whose change the user knows of; it is not
     * suggested, since a plan for another schema most likely fails. */
    if (target_printed_alike(pf, conn))
        fprintf(stderr, "pgalign: FROM matches neither the schema the plan was made for "
                "(fingerprint %s) nor its target (%s), but %s%s\n", pf->from_fingerprint,
                pf->target_fingerprint, fp,
                opt->force ? "; applying anyway (--force)"
                           : ";\nnothing was changed: make the plan again against FROM as it is now");
    else
        fprintf(stderr, "pgalign: FROM is not the schema the plan was made for (fingerprint "
                "%s, now %s), and its target was printed by PostgreSQL %d: pgalign check "
                "FROM TARGET says whether the plan was applied%s\n", pf->from_fingerprint,
                fp, pf->target_major,
                opt->force ? "; applying anyway (--force)" : "; nothing was changed");
    return opt->force ? PLAN_FRESH : PLAN_STALE;
}

static bool verify(const pa_options *opt, const pa_plan_file *pf, PGconn *conn)
{
    char fp[MODEL_FINGERPRINT_LEN];
    if (!target_printed_alike(pf, conn)) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: applied; not compared with the plan's target, whose "
                    "definitions PostgreSQL %d printed (FROM runs %d): pgalign check FROM "
                    "TARGET compares them as one server prints both\n", pf->target_major,
                    PQserverVersion(conn) / 10000);
        return true;
    }
    if (!fingerprint_now(opt, pf, conn, fp))
        return false;
    if (strcmp(fp, pf->target_fingerprint) != 0) {
        fprintf(stderr, "pgalign: the plan was applied, but FROM does not match "
                "the plan's target (fingerprint %s, expected %s); run pgalign diff "
                "against TARGET to see what differs\n", fp, pf->target_fingerprint);
        return false;
    }
    if (!opt->quiet)
        fprintf(stderr, "pgalign: verified: FROM now matches the plan's target\n");
    return true;
}

/* The plan's statements, then (for a .json plan) the verification. */
static int run_plan(const pa_options *opt, const pa_plan_file *pf, PGconn *conn)
{
    if (!cmd_apply_plan(opt, conn, &pf->plan))
        return EXIT_ERROR;
    if (opt->dry_run) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: dry run: every statement ran; rolled back, "
                            "FROM is unchanged\n");
        if (!opt->unsafe && plan_count_hazard(&pf->plan, HAZ_DATA_LOSS) > 0 && !opt->quiet)
            cmd_report_unsafe(&pf->plan, UNSAFE_DRY_RUN);
        return EXIT_SAME;
    }
    if (!opt->quiet)
        fprintf(stderr, "pgalign: applied and committed\n");
    return !pf->is_json || verify(opt, pf, conn) ? EXIT_SAME : EXIT_ERROR;
}

/* A plan with destructive statements (marked data-loss) runs only with
 * --unsafe, as diff prints its SQL only with it; a dry run (rolled back)
 * runs it all the same and says so. */
static bool destructive_allowed(const pa_options *opt, const pa_plan *plan)
{
    if (opt->unsafe || opt->dry_run || plan_count_hazard(plan, HAZ_DATA_LOSS) == 0)
        return true;
    cmd_report_unsafe(plan, UNSAFE_NOT_APPLIED);
    return false;
}

/* --strict: a plan whose diff left objects uncompared is refused, and so
 * is a plan that does not say (a .sql plan, a JSON plan of an older
 * pgalign). */
static bool strict_ok(const pa_options *opt, const pa_plan_file *pf)
{
    if (!opt->strict)
        return true;
    if (!pf->has_not_compared) {
        fprintf(stderr, "pgalign: --strict: the plan does not record what its diff did "
                "not compare (a .sql plan never does): make it again with pgalign diff "
                "--format json; nothing was done\n");
        return false;
    }
    strbuf name = STRBUF_INIT;
    for (size_t i = 0; i < pf->nnot_compared; i++) {
        sb_reset(&name);
        sb_add_printable(&name, pf->not_compared[i]);     /* the file's, from anywhere */
        fprintf(stderr, "pgalign: not compared: %s\n", sb_str(&name));
    }
    sb_release(&name);
    return cmd_strict_ok(opt, pf->nnot_compared);
}

/* A plan file's TARGET is known by its fingerprint (a JSON plan's) only. */
static bool rehearsed(const pa_options *opt, const pa_plan_file *pf)
{
    rehearse_options ro = {
        .filter = &pf->filter,
        .ignored_attrs = cmd_ignored_attrs(pf->ignore_extension_versions),
        .target_fingerprint = pf->is_json ? pf->target_fingerprint : NULL,
        .target_major = pf->target_major,
    };
    return cmd_rehearse(opt, &pf->plan, &ro);
}

/* What the plan leaves to be done by hand, before it runs. */
static void print_notes(const pa_plan *p)
{
    for (size_t i = 0; i < p->nnotes; i++)
        fprintf(stderr, "pgalign: warning: %s\n", p->notes[i]);
}

/* One connection to FROM serves every step: the staleness check, the
 * preflight, the statements and the verification (each one batch). */
static int apply_loaded(const pa_options *opt, const pa_plan_file *pf)
{
    if (!strict_ok(opt, pf))
        return EXIT_ERROR;
    if (!pf->is_json && !opt->quiet)
        fprintf(stderr, "pgalign: note: a .sql plan has no fingerprint and no "
                "preflight checks; with a .json plan (pgalign diff --format json) "
                "apply also refuses a stale plan, checks rows first and verifies "
                "the result\n");
    if (!opt->quiet)
        print_notes(&pf->plan);
    if (pf->plan.nstmts == 0) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: the plan is empty: nothing to do\n");
        return EXIT_SAME;
    }
    /* A .sql plan cannot tell whether it was applied: refused at once. */
    if (!pf->is_json && !destructive_allowed(opt, &pf->plan))
        return EXIT_UNSAFE;
    PGconn *conn = cmd_connect_from(opt);
    if (!conn)
        return EXIT_ERROR;
    int rc = EXIT_ERROR;
    plan_state state = pf->is_json ? check_not_stale(opt, pf, conn) : PLAN_FRESH;
    if (state == PLAN_APPLIED)
        rc = EXIT_SAME;
    else if (state == PLAN_FRESH && !destructive_allowed(opt, &pf->plan))
        rc = EXIT_UNSAFE;
    else if (state == PLAN_FRESH && (!opt->rehearse || rehearsed(opt, pf)) &&
             (!pf->is_json || opt->no_preflight ||
              cmd_preflight(opt, conn, NULL, &pf->plan, &pf->renames, NULL, false)))
        rc = run_plan(opt, pf, conn);
    PQfinish(conn);
    return rc;
}

int cmd_apply(const pa_options *opt)
{
    if (source_classify(opt->from) != SOURCE_CONNINFO) {
        fprintf(stderr, "pgalign: apply needs a database to change: FROM must be "
                        "a connection URI or conninfo string\n");
        return EXIT_ERROR;
    }
    pa_plan_file pf;
    strbuf err = STRBUF_INIT;
    int rc;
    if (!plan_file_load(opt->target, &pf, &err)) {
        fprintf(stderr, "pgalign: %s\n", sb_str(&err));
        rc = EXIT_ERROR;
    } else {
        rc = apply_loaded(opt, &pf);
    }
    plan_file_free(&pf);
    sb_release(&err);
    return rc;
}
