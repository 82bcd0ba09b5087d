/* pgalign sync FROM TARGET: diff, preflight, show the summary, ask (on a
 * terminal; --yes in CI), apply in one guarded transaction, and confirm
 * that FROM is now in sync with TARGET. --dry-run runs every statement
 * against FROM's real rows and always rolls back. */
#include "cmd/cmd.h"
#include "emit/sql.h"
#include "emit/summary.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The question, with the facts to answer it: which database, how many
 * statements and how many destructive, what was checked. */
static void ask(const pa_options *opt, PGconn *conn, const pa_plan *p)
{
    const char *host = PQhost(conn), *port = PQport(conn);
    size_t lossy = plan_count_hazard(p, HAZ_DATA_LOSS);
    fprintf(stderr, "\nFROM: database %s on %s%s%s, as %s\n", PQdb(conn),
            host && *host ? host : "the local socket", port && *port ? ":" : "",
            port ? port : "", PQuser(conn));
    fprintf(stderr, "preflight: %s; rehearsal on a copy: %s\n",
            opt->no_preflight ? "skipped (--no-preflight)" : "passed",
            opt->no_rehearse ? "skipped (--no-rehearse)" : "passed");
    fprintf(stderr, "Apply these %zu statement%s", p->nstmts, p->nstmts == 1 ? "" : "s");
    if (lossy)
        fprintf(stderr, " (%zu destructive)", lossy);
    fprintf(stderr, " to FROM? [y/N/s: show them] ");
}

/* y applies; s shows the statements and asks again; anything else, or
 * no terminal without --yes, does not. */
static bool confirmed(const pa_options *opt, PGconn *conn, const pa_plan *p)
{
    if (opt->yes || opt->dry_run)
        return true;
    if (!isatty(STDIN_FILENO)) {
        fprintf(stderr, "pgalign: not asking without a terminal: pass --yes to "
                        "apply, or --dry-run to try; nothing was changed\n");
        return false;
    }
    char answer[16] = "";
    for (;;) {
        ask(opt, conn, p);
        if (!fgets(answer, sizeof(answer), stdin) || (strcmp(answer, "s\n") != 0 &&
                                                      strcmp(answer, "show\n") != 0))
            break;
        strbuf sql = STRBUF_INIT;
        emit_sql(&sql, p);
        fprintf(stderr, "\n%s", sb_str(&sql));
        sb_release(&sql);
    }
    if (strcmp(answer, "y\n") != 0 && strcmp(answer, "yes\n") != 0) {
        fprintf(stderr, "pgalign: not applied; nothing was changed\n");
        return false;
    }
    return true;
}

/* FROM, inspected again after the plan, diffed with TARGET as planned:
 * like with like where two majors printed them (alike.c). */
static bool diff_again(const pa_options *opt, const pa_run *run, PGconn *conn, pa_model *after,
                       pa_diff *d, hashmap *form_only, strbuf *err)
{
    strbuf warnings = STRBUF_INIT;
    pa_inspect_options iopt = {.filter = &opt->filter, .verbose = false,
                               .warnings = opt->quiet ? NULL : &warnings, .jobs = opt->jobs};
    pa_diff_options dopt = run->dopt;
    dopt.form_only = NULL;      /* FROM's text is new: compared afresh */
    dopt.secrets_unset = true;  /* the plan never sets them (its notes say so) */
    bool inspected = inspect_connection(conn, &iopt, "FROM", after, err);
    cmd_print_warnings(&warnings);
    sb_release(&warnings);
    if (!inspected)
        return false;
    diff_compute(d, after, &run->to, &dopt);
    expand_forget_held(d, &run->deferred);
    if (diff_count(d) == 0 || !run->to.server_version ||
        after->server_version / 10000 == run->to.server_version / 10000)
        return true;
    if (!cmd_compare_alike(opt, "verify", after, &run->to, d, &dopt, form_only, err))
        return false;
    dopt.form_only = form_only;
    diff_free(d);
    diff_compute(d, after, &run->to, &dopt);
    expand_forget_held(d, &run->deferred);
    return true;
}

/* Verification: how many statements a plan of FROM as it is now would
 * still run (shown when some). */
static bool verify(const pa_options *opt, const pa_run *run, PGconn *conn)
{
    strbuf err = STRBUF_INIT;
    pa_model after;
    pa_diff d;
    hashmap form_only;
    hashmap_init(&form_only);
    memset(&after, 0, sizeof(after));   /* inspect_connection initializes it */
    memset(&d, 0, sizeof(d));
    bool ok = diff_again(opt, run, conn, &after, &d, &form_only, &err);
    if (!ok) {
        fprintf(stderr, "pgalign: applied, but cannot compare FROM with TARGET again: %s\n",
                sb_str(&err));
    } else {
        ok = diff_count(&d) == 0;
        if (!ok) {
            sb_reset(&err);
            emit_remaining_difference(&err, &d);
            fprintf(stderr, "pgalign: applied, but FROM still differs from TARGET%s\n",
                    sb_str(&err));
        } else if (!opt->quiet && run->census.ndiffer)
            fprintf(stderr, "pgalign: verified: FROM's compared schema is now TARGET's; "
                    "%zu object%s pgalign cannot plan still differ (named above)\n",
                    run->census.ndiffer, run->census.ndiffer == 1 ? "" : "s");
        else if (!opt->quiet && run->deferred.count)
            fprintf(stderr, "pgalign: verified: FROM now differs from TARGET only in what "
                    "--additive held back\n");
        else if (!opt->quiet)
            fprintf(stderr, "pgalign: verified: FROM is now in sync with TARGET\n");
    }
    diff_free(&d);
    hashmap_free(&form_only);
    model_free(&after);
    sb_release(&err);
    return ok;
}

/* Preflight, apply and verification share one connection to FROM. */
static int apply_planned(const pa_options *opt, const pa_run *run, PGconn *conn)
{
    const pa_plan *plan = &run->plan;
    if (!cmd_apply_plan(opt, conn, plan))
        return EXIT_ERROR;
    if (opt->dry_run) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: dry run: %s%zu statement%s ran against FROM; "
                    "rolled back, nothing was changed\n", plan->nstmts == 1 ? "" : "all ",
                    plan->nstmts, plan->nstmts == 1 ? "" : "s");
        return EXIT_SAME;
    }
    return verify(opt, run, conn) ? EXIT_SAME : EXIT_ERROR;
}

static void show_summary(const pa_options *opt, const pa_run *run, const pa_loss_list *losses)
{
    if (opt->quiet)
        return;
    strbuf summary = STRBUF_INIT;
    emit_summary_text(&summary, &run->diff, &run->plan, NULL, losses, opt->unsafe,
                      cmd_colour(opt, STDERR_FILENO), false);
    fputs(sb_str(&summary), stderr);
    sb_release(&summary);
}

/* The plan on a copy of FROM's schema first, unless --no-rehearse. */
static bool rehearsed(const pa_options *opt, const pa_run *run)
{
    if (opt->no_rehearse)
        return true;
    rehearse_options ro = {.filter = &opt->filter,
                           .ignored_attrs = cmd_ignored_attrs(opt->ignore_extension_versions),
                           .dopt = &run->dopt, .target = &run->to,
                           .target_source = opt->target,
                           .held = opt->additive ? &run->deferred : NULL};
    return cmd_rehearse(opt, &run->plan, &ro);
}

static int sync_planned(const pa_options *opt, const pa_run *run)
{
    const pa_plan *plan = &run->plan;
    if (plan->nstmts == 0 && plan->nnotes) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: nothing to apply: what differs must be done by hand "
                    "(said above)\n");
        return EXIT_DIFFERENT;
    }
    if (plan->nstmts == 0 && run->census.ndiffer) {
        if (!opt->quiet)
            fprintf(stderr, "pgalign: nothing to apply: the compared schema is in sync, "
                    "but %zu object%s pgalign cannot plan differ (named above)\n",
                    run->census.ndiffer, run->census.ndiffer == 1 ? "" : "s");
        return EXIT_DIFFERENT;
    }
    if (plan->nstmts == 0) {
        if (!opt->quiet)
            fprintf(stderr, run->deferred.count
                                ? "pgalign: nothing to add: what differs is held back for "
                                  "the contract step (said above)\n"
                                : "pgalign: in sync: nothing to do\n");
        return EXIT_SAME;
    }
    bool destructive = !opt->unsafe && plan_count_hazard(plan, HAZ_DATA_LOSS) > 0;
    /* A dry run always rolls back: it runs a destructive plan too, to
     * show that it would apply, and says what a real run needs. */
    if (destructive && !opt->dry_run) {
        cmd_report_unsafe(plan, UNSAFE_NOT_APPLIED);
        if (!opt->no_preflight)     /* what the destructive statements would lose */
            cmd_preflight(opt, NULL, opt->from, plan, &run->renames, NULL, false);
        return EXIT_UNSAFE;
    }
    PGconn *conn = cmd_connect_from(opt);
    if (!conn)
        return EXIT_ERROR;
    /* The preflight first, so the summary says what the plan loses. */
    pa_loss_list losses = {0};
    int rc = EXIT_ERROR;
    if (opt->no_preflight || cmd_preflight(opt, conn, NULL, plan, &run->renames,
                                            opt->quiet ? NULL : &losses, false)) {
        show_summary(opt, run, opt->no_preflight ? NULL : &losses);
        if (rehearsed(opt, run) && confirmed(opt, conn, plan))
            rc = apply_planned(opt, run, conn);
        /* Only a dry run that ran them has run them "because of it". */
        if (destructive && rc == EXIT_SAME && !opt->quiet)
            cmd_report_unsafe(plan, UNSAFE_DRY_RUN);
    }
    loss_list_free(&losses);
    PQfinish(conn);
    return rc;
}

int cmd_sync(const pa_options *opt)
{
    if (source_classify(opt->from) != SOURCE_CONNINFO) {
        fprintf(stderr, "pgalign: sync needs a database to change: FROM must be "
                        "a connection URI or conninfo string\n");
        return EXIT_ERROR;
    }
    /* On a terminal each likely rename is a question (--detect-renames
     * takes them all, --yes none but those given with --rename). */
    pa_options asking = *opt;
    asking.ask_renames = !opt->yes && !opt->detect_renames && isatty(STDIN_FILENO) &&
                         isatty(STDERR_FILENO);
    pa_run run;
    if (!cmd_plan(&asking, &run))
        return EXIT_ERROR;
    cmd_report_census(opt, &run, false);
    int rc = cmd_strict_run_ok(opt, &run) ? sync_planned(opt, &run) : EXIT_ERROR;
    cmd_plan_free(&run);
    return rc;
}
