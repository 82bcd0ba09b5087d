/* pgalign [diff] FROM TARGET: print the SQL that makes FROM like TARGET. */
#include "cmd/cmd.h"
#include "inspect/data.h"
#include "cmd/patterns.h"
#include "apply/copy.h"
#include "diff/diff.h"
#include "inspect/inspect.h"
#include "emit/html.h"
#include "emit/markdown.h"
#include "emit/plan_json.h"
#include "emit/sql.h"
#include "emit/summary.h"
#include "plan/compat.h"
#include "kinds/census.h"
#include "kinds/kinds.h"
#include "plan/plan.h"
#include "source/tempcluster.h"
#include "util/words.h"
#include "util/xalloc.h"
#include "emit/quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Definitions are printed by each side's server; across majors the same
 * object can read differently, which cmd_plan takes care of. */
static void report_versions(const pa_options *opt, const pa_model *from, const pa_model *to)
{
    if (!opt->verbose || opt->quiet)
        return;
    const pa_model *side[2] = {from, to};
    for (int i = 0; i < 2; i++) {
        int v = side[i]->server_version;
        if (v)
            fprintf(stderr, "pgalign: %s: PostgreSQL %d.%d\n", i ? "TARGET" : "FROM",
                    v / 10000, v % 10000);
    }
}

/* Without --with-privileges pgalign does not know the grants of what it
 * drops and creates again (a view rebuilt around a column change): say so
 * rather than let an application lose access unnoticed. */
static void warn_lost_grants(const pa_options *opt, const pa_diff *d)
{
    if (opt->filter.privileges || opt->quiet)
        return;
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        n += c->type == CHANGE_REPLACE && diff_kind_has_privileges(c->from->kind);
    }
    if (n)
        fprintf(stderr, "pgalign: warning: the plan drops and creates again %zu "
                "object%s; their grants are restored only with --with-privileges\n",
                n, n == 1 ? "" : "s");
}

/* FROM and TARGET on different majors render the same object differently
 * (from 16 a view's columns print unqualified, ...). Compare FROM with a
 * copy of TARGET built by a server of FROM's major instead (the plan is
 * then in FROM's words), when server programs of that major are here;
 * else see cmd_compare_alike. */
static bool render_target_like_from(const pa_options *opt, const pa_run *run,
                                    pa_model *copy)
{
    int major = run->from.server_version / 10000;
    strbuf err = STRBUF_INIT, warnings = STRBUF_INIT;
    bool ok = copy_inspect(opt->target, run->from.server_version, &opt->filter,
                           "pgalign_target_copy", opt->verbose && !opt->quiet,
                           opt->quiet ? NULL : &warnings, copy, &err);
    cmd_print_warnings(&warnings);
    sb_release(&warnings);
    /* The copy holds only the modeled schema: the census stays TARGET's. */
    if (ok)
        census_copy(&copy->census, &copy->arena, &run->to.census);
    if (ok && opt->verbose && !opt->quiet)
        fprintf(stderr, "pgalign: TARGET compared as PostgreSQL %d renders it\n", major);
    if (!ok) {
        model_free(copy);
        if (!opt->quiet)
            fprintf(stderr, "pgalign: warning: cannot build TARGET with PostgreSQL %d "
                    "to compare it as FROM's server renders it (%s); definitions that "
                    "differ in form only will show as changes\n", major, sb_str(&err));
    }
    sb_release(&err);
    return ok;
}

/* The diff again, of FROM and TARGET as one server prints both. */
static bool print_alike(const pa_options *opt, pa_run *run, pa_diff_options *dopt,
                        strbuf *err)
{
    pa_model copy;
    if (tempcluster_has_major(run->from.server_version)) {
        if (!render_target_like_from(opt, run, &copy))
            return true;    /* warned */
        model_free(&run->to);
        run->to = copy;
    } else if (cmd_compare_alike(opt, "plan", &run->from, &run->to, &run->diff, dopt,
                                 &run->form_only, err)) {
        dopt->form_only = &run->form_only;
    } else {
        return false;
    }
    diff_free(&run->diff);
    diff_compute(&run->diff, &run->from, &run->to, dopt);
    return true;
}

static bool same_major(const pa_model *a, const pa_model *b)
{
    return !a->server_version || !b->server_version ||
           a->server_version / 10000 == b->server_version / 10000;
}

static void add_rename(pa_rename_list *list, const pa_rename *r)
{
    list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->alloc);
    list->items[list->count++] = (pa_rename){
        r->kind, xstrdup(r->schema), xstrdup(r->table), r->name ? xstrdup(r->name) : NULL,
        xstrdup(r->new_name), r->evidence ? xstrdup(r->evidence) : NULL};
}

static bool listed(const pa_rename_list *list, const pa_rename *r)
{
    for (size_t i = 0; i < list->count; i++) {
        const pa_rename *l = &list->items[i];
        if (l->kind == r->kind && strcmp(l->schema, r->schema) == 0 &&
            strcmp(l->table, r->table) == 0 && same_string(l->name, r->name) &&
            strcmp(l->new_name, r->new_name) == 0)
            return true;
    }
    return false;
}

static const char *what_rename_keeps(const pa_rename *r)
{
    return rename_keeps_data(r) ? "keeping its data" : "instead of building it again";
}

/* sync on a terminal: whether the user takes this rename. */
static bool ask_rename(const pa_rename *r)
{
    strbuf old = STRBUF_INIT;
    rename_old_name(&old, r);
    fprintf(stderr, "Rename %s %s to %s (%s), %s? [y/N] ", rename_kind_name(r), sb_str(&old),
            r->new_name, r->evidence, what_rename_keeps(r));
    sb_release(&old);
    char answer[16] = "";
    return fgets(answer, sizeof(answer), stdin) &&
           (strcmp(answer, "y\n") == 0 || strcmp(answer, "yes\n") == 0);
}

static void hint_rename(const pa_rename *r)
{
    strbuf old = STRBUF_INIT, arg = STRBUF_INIT;
    rename_old_name(&old, r);
    sb_addf(&arg, "%s=", sb_str(&old));
    sql_ident(&arg, r->new_name);
    fprintf(stderr, "pgalign: possible rename: %s -> %s (%s); pass --rename %s to %s\n",
            sb_str(&old), r->new_name, r->evidence, sb_str(&arg),
            rename_keeps_data(r) ? "keep the data" : "rename it instead of building it again");
    sb_release(&old);
    sb_release(&arg);
}

/* Whether r is a constraint or index of a table the plan renames, with
 * the definition TARGET gives it under its new name: it follows the
 * table (ALTER TABLE RENAME keeps the old names, and dropping and
 * building it again would only cost time and a destructive drop). */
static bool follows_table_rename(const pa_run *run, const pa_rename *r)
{
    const char *table = r->table;
    if (r->kind == RENAME_INDEX) {
        const pa_object *index = model_lookup(&run->from, &kind_index, r->schema,
                                              NULL, r->table);
        table = index ? index->table : NULL;
    } else if (r->kind != RENAME_CONSTRAINT) {
        return false;
    }
    for (size_t i = 0; table && i < run->renames.count; i++) {
        const pa_rename *t = &run->renames.items[i];
        if (t->kind == RENAME_TABLE && strcmp(t->schema, r->schema) == 0 &&
            strcmp(t->new_name, table) == 0)
            return true;
    }
    return false;
}

/* One round of likely renames: the ones taken (--detect-renames, those
 * that follow a renamed table, or the user says so) are applied to FROM's
 * model; the others are named on stderr once (declined keeps them). */
static bool take_detected_round(const pa_options *opt, pa_run *run, pa_rename_list *declined,
                                size_t *taken_count, strbuf *err)
{
    pa_rename_list found = {0}, taken = {0};
    rename_detect(&run->diff, &found);
    for (size_t i = 0; i < found.count; i++) {
        const pa_rename *r = &found.items[i];
        if (listed(declined, r))
            continue;
        if (opt->detect_renames || follows_table_rename(run, r) ||
            (opt->ask_renames && ask_rename(r))) {
            add_rename(&taken, r);
            continue;
        }
        if (!opt->quiet)
            hint_rename(r);
        add_rename(declined, r);
    }
    bool ok = rename_apply(&run->from, &run->to, &taken, err);
    for (size_t i = 0; ok && i < taken.count; i++)
        add_rename(&run->renames, &taken.items[i]);
    *taken_count = taken.count;
    rename_list_free(&found);
    rename_list_free(&taken);
    return ok;
}

/* Likely renames the diff shows as drop + add. Taking one can show the
 * next (a renamed table's constraints and indexes are then on the same
 * table), so the diff is made again and looked at again, a few times. */
static bool take_detected_renames(const pa_options *opt, pa_run *run,
                                  const pa_diff_options *dopt, strbuf *err)
{
    pa_rename_list declined = {0};
    size_t taken = 1;
    bool ok = true;
    for (int round = 0; ok && taken && round < 4; round++) {
        ok = take_detected_round(opt, run, &declined, &taken, err);
        if (ok && taken) {
            diff_free(&run->diff);
            diff_compute(&run->diff, &run->from, &run->to, dopt);
        }
    }
    rename_list_free(&declined);
    return ok;
}

static void plan_failed(pa_run *run, strbuf *err)
{
    fprintf(stderr, "pgalign: %s\n", sb_str(err));
    sb_release(err);
    diff_free(&run->diff);
    rename_list_free(&run->renames);
    hashmap_free(&run->form_only);
    model_free(&run->from);
    model_free(&run->to);
    free(run->uncompared_kinds);
    run->uncompared_kinds = NULL;
}

static void say_predated(const pa_options *opt, const char *census_what, const char *side,
                         int version)
{
    if (opt->quiet && !opt->strict)
        return;
    strbuf what = STRBUF_INIT;
    word_plural(&what, census_what);
    fprintf(stderr, "pgalign: not compared: %s (%s is a snapshot of format version %d, "
            "which predates them; take it again with this pgalign)\n", what.buf, side, version);
    sb_release(&what);
}

/* The same for census kinds a snapshot of an older format did not record
 * (base types): their entries would be one side's only. */
static void forget_census_kinds_snapshots_predate(const pa_options *opt, pa_run *run,
                                                  const pa_model *const *sides,
                                                  const char *const *names)
{
    for (const census_kind_since *c = census_kinds_since; c->what; c++) {
        for (int s = 0; s < 2; s++) {
            int version = sides[s]->snapshot_version;
            if (!version || c->snapshot_since <= version)
                continue;
            run->census_kinds_predated = true;
            census_forget(&run->from.census, c->what);
            census_forget(&run->to.census, c->what);
            say_predated(opt, c->what, names[s], version);
            break;
        }
    }
}

/* A snapshot of an older format says nothing of the kinds pgalign began
 * to compare since: they are not compared (nor their census entries, on
 * either side), and that is said. */
static void forget_kinds_snapshots_predate(const pa_options *opt, pa_run *run)
{
    const pa_model *const sides[2] = {&run->from, &run->to};
    const char *const names[2] = {"FROM", "TARGET"};
    size_t n = 0;
    run->uncompared_kinds = xcalloc(pa_nkinds + 1, sizeof(*run->uncompared_kinds));
    for (size_t k = 0; k < pa_nkinds; k++) {
        const pa_kind *kind = pa_kinds[k];
        for (int s = 0; s < 2; s++) {
            int version = sides[s]->snapshot_version;
            if (!version || kind->snapshot_since <= version)
                continue;
            run->uncompared_kinds[n++] = kind;
            census_forget(&run->from.census, kind->census_what);
            census_forget(&run->to.census, kind->census_what);
            say_predated(opt, kind->census_what, names[s], version);
            break;
        }
    }
    forget_census_kinds_snapshots_predate(opt, run, sides, names);
}

/* --additive: what waits for the contract step, on stderr. */
static void report_held(const pa_options *opt, const pa_deferred_list *held)
{
    strbuf lines = STRBUF_INIT;
    size_t shown = deferred_lines(&lines, held);
    if (!opt->quiet && shown)
        fprintf(stderr, "pgalign: --additive holds back %zu change%s for the contract step "
                "(a plain plan, with --unsafe, once no running code needs %s):\n%s",
                shown, shown == 1 ? "" : "s", shown == 1 ? "it" : "them", sb_str(&lines));
    sb_release(&lines);
}

bool cmd_plan(const pa_options *opt, pa_run *run)
{
    strbuf err = STRBUF_INIT, warnings = STRBUF_INIT;
    pa_inspect_options iopt = {.filter = &opt->filter,
                               .verbose = opt->verbose && !opt->quiet,
                               .warnings = opt->quiet ? NULL : &warnings, .jobs = opt->jobs};
    memset(run, 0, sizeof(*run));
    hashmap_init(&run->form_only);
    bool inspected = inspect_pair(opt->from, opt->target, &iopt, &run->from, &run->to, &err) &&
                     data_tables_found(&opt->filter, &run->from, &run->to, &err);
    cmd_print_warnings(&warnings);
    sb_release(&warnings);
    if (!inspected) {
        fprintf(stderr, "pgalign: %s\n", sb_str(&err));
        sb_release(&err);
        hashmap_free(&run->form_only);
        model_free(&run->from);
        model_free(&run->to);
        return false;
    }
    sb_release(&err);

    if (!opt->quiet) {
        patterns_report(&opt->filter, &run->from, &run->to, &err);
        fputs(sb_str(&err), stderr);
        sb_reset(&err);
    }
    report_versions(opt, &run->from, &run->to);
    compat_adapt(&run->to, run->from.server_version, &err);
    if (!opt->quiet)
        fputs(sb_str(&err), stderr);
    sb_reset(&err);
    /* FROM as it is: what apply checks it against. */
    model_fingerprint(&run->from, cmd_ignored_attrs(opt->ignore_extension_versions),
                      run->from_fingerprint);
    for (size_t i = 0; i < opt->renames.count; i++)
        add_rename(&run->renames, &opt->renames.items[i]);
    if (!rename_apply(&run->from, &run->to, &run->renames, &err)) {
        plan_failed(run, &err);
        return false;
    }
    forget_kinds_snapshots_predate(opt, run);
    run->dopt = (pa_diff_options){
        .uncompared_kinds = run->uncompared_kinds,
        .ignored_attrs = cmd_ignored_attrs(opt->ignore_extension_versions),
        .create_extensions_only = opt->create_extensions_only,
        .privileges = opt->filter.privileges,
        /* EMPTY has no role: a database built from it is most likely
         * built by the role TARGET was inspected as. */
        .creating_role = run->from.role ? run->from.role : run->to.role,
    };
    diff_compute(&run->diff, &run->from, &run->to, &run->dopt);
    if (!compat_check(&run->diff, run->from.server_version, &err)) {
        plan_failed(run, &err);
        return false;
    }
    if (diff_count(&run->diff) > 0 && !same_major(&run->from, &run->to) &&
        !print_alike(opt, run, &run->dopt, &err)) {
        plan_failed(run, &err);
        return false;
    }
    if (!take_detected_renames(opt, run, &run->dopt, &err)) {
        plan_failed(run, &err);
        return false;
    }
    sb_release(&err);
    run->diff.renames = &run->renames;
    if (opt->additive)
        plan_build_additive(&run->plan, &run->diff, &run->dopt, opt->online, &run->deferred);
    else
        plan_build(&run->plan, &run->diff, opt->online);
    if (!opt->quiet)
        fputs(sb_str(&run->plan.warnings), stderr);
    warn_lost_grants(opt, &run->diff);
    report_held(opt, &run->deferred);
    census_compare(&run->census, &run->from, &run->to);
    return true;
}

void cmd_plan_free(pa_run *run)
{
    free(run->uncompared_kinds);
    deferred_list_free(&run->deferred);
    census_diff_free(&run->census);
    plan_free(&run->plan);
    diff_free(&run->diff);
    rename_list_free(&run->renames);
    hashmap_free(&run->form_only);
    model_free(&run->from);
    model_free(&run->to);
}

/* The plan in the --format asked for: sql (default), json, summary,
 * markdown or html. */
static bool emit_plan(const pa_options *opt, const pa_run *run, const pa_loss_list *losses,
                      strbuf *out)
{
    const char *format = opt->format ? opt->format : "sql";
    if (strcmp(format, "sql") == 0) {
        cmd_census_comment(out, run);
        emit_sql(out, &run->plan);
    } else if (strcmp(format, "markdown") == 0) {
        emit_markdown(out, &run->diff, &run->plan, &run->census, losses, opt->unsafe,
                      MARKDOWN_LIMIT);
    } else if (strcmp(format, "html") == 0) {
        emit_html(out, &run->diff, &run->plan, &run->census, losses, opt->unsafe);
    } else if (strcmp(format, "summary") == 0) {
        emit_summary_text(out, &run->diff, &run->plan, &run->census, losses, opt->unsafe,
                          cmd_colour(opt, STDOUT_FILENO), opt->verbose);
    } else {
        /* An additive plan's target is FROM with it applied. */
        char to_fp[MODEL_FINGERPRINT_LEN];
        const char *const *ignored = cmd_ignored_attrs(opt->ignore_extension_versions);
        if (opt->additive)
            expand_fingerprint(&run->diff, &run->deferred, ignored, to_fp);
        else
            model_fingerprint(&run->to, ignored, to_fp);
        emit_plan_json(out, &run->plan, run->from_fingerprint, to_fp,
                       run->to.server_version / 10000, plan_options_json(opt),
                       census_json(&run->census));
    }
    return true;
}

/* A summary and a JSON plan are for review: written also when the plan
 * is destructive (exit 3 all the same; apply refuses such a plan without
 * --unsafe), and a JSON plan also when it is empty, so that apply can
 * read it. SQL is printed only when it may be run as it is. */
static bool for_review(const char *format)
{
    return strcmp(format, "sql") != 0;
}

int cmd_diff(const pa_options *opt)
{
    const char *format = opt->format ? opt->format : "sql";
    if (!cmd_preflight_possible(opt))
        return EXIT_ERROR;
    pa_run run;
    if (!cmd_plan(opt, &run))
        return EXIT_ERROR;
    cmd_report_census(opt, &run, false);
    if (!cmd_strict_run_ok(opt, &run)) {
        cmd_plan_free(&run);
        return EXIT_ERROR;
    }
    const pa_plan *plan = &run.plan;
    bool destructive = !opt->unsafe && plan_count_hazard(plan, HAZ_DATA_LOSS) > 0;
    /* A summary shows what the destructive statements lose. */
    pa_loss_list losses = {0};
    pa_loss_list *counted = strcmp(format, "summary") == 0 ? &losses : NULL;
    int rc;
    if (!cmd_run_differs(&run) && strcmp(format, "json") != 0) {
        rc = EXIT_SAME;
        if (opt->output && !cmd_write_output(opt, &(strbuf)STRBUF_INIT))
            rc = EXIT_ERROR;
    } else if (destructive && !for_review(format)) {
        cmd_report_unsafe(plan, UNSAFE_NOT_WRITTEN);
        if (opt->preflight)     /* what the destructive statements would lose */
            cmd_preflight(opt, NULL, opt->from, plan, &run.renames, NULL, false);
        rc = EXIT_UNSAFE;
    } else if (opt->preflight && plan->nstmts > 0 &&
               !cmd_preflight(opt, NULL, opt->from, plan, &run.renames, counted, false) && !destructive) {
        rc = EXIT_ERROR;
    } else {
        strbuf text = STRBUF_INIT;
        emit_plan(opt, &run, opt->preflight ? counted : NULL, &text);
        rc = !cmd_write_output(opt, &text) ? EXIT_ERROR
             : !cmd_run_differs(&run)     ? EXIT_SAME
             : destructive                ? EXIT_UNSAFE
                                          : EXIT_DIFFERENT;
        if (rc == EXIT_UNSAFE)
            cmd_report_unsafe(plan, UNSAFE_WRITTEN);
        sb_release(&text);
    }
    loss_list_free(&losses);
    cmd_plan_free(&run);
    return rc;
}
