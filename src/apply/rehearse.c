/* Rehearsal: before a plan touches FROM, build a copy of FROM's schema in
 * a temporary cluster of FROM's major, run the plan there, and check that
 * the result is TARGET's schema. A plan that fails here never reaches
 * FROM; the report names the statement and the server's reason.
 *
 * The copy is pgalign's own (copy.c), so it needs no pg_dump and it
 * rehearses pgalign's DDL too. Its definitions are printed by the
 * cluster's server, which may be of another major than TARGET's (only
 * PostgreSQL 15's programs here, production on 17): the result is then
 * compared with a copy of TARGET built on the same server, never with
 * definitions another major printed. */
#include "apply/rehearse.h"
#include "apply/copy.h"
#include "apply/execute.h"
#include "diff/diff.h"
#include "emit/sql.h"
#include "plan/expand.h"
#include "inspect/inspect.h"
#include "source/conn.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

static bool same_schema(const pa_model *got, const pa_model *want, const rehearse_options *o,
                        strbuf *err)
{
    pa_diff_options dopt = {.ignored_attrs = o->ignored_attrs,
                            .privileges = o->filter->privileges};
    if (o->dopt) {
        dopt = *o->dopt;
        dopt.form_only = NULL;      /* one server printed both */
    }
    dopt.secrets_unset = true;      /* the plan never sets them */
    pa_diff d;
    diff_compute(&d, got, want, &dopt);
    if (o->held)
        expand_forget_held(&d, o->held);
    bool same = diff_count(&d) == 0;
    if (!same) {
        sb_adds(err, "after the plan, the copy of FROM's schema still differs from TARGET");
        emit_remaining_difference(err, &d);
    }
    diff_free(&d);
    return same;
}

/* TARGET built on the cluster's server as well, when another major
 * printed its model: into *copy, which the caller frees. */
static bool target_alike(const rehearse_options *o, int version, pa_model *copy, strbuf *err)
{
    strbuf why = STRBUF_INIT;
    bool ok = o->target_source &&
              copy_inspect(o->target_source, version, o->filter, "pgalign_rehearsal_target",
                           o->verbose, o->warnings, copy, &why);
    if (!ok)
        sb_addf(err, "cannot build TARGET on the temporary cluster's PostgreSQL %d to "
                "compare the result with it as one server prints both (%s); server "
                "programs of PostgreSQL %d (--pg-bindir, PGALIGN_PG_BINDIRS) avoid that",
                version / 10000, o->target_source ? sb_str(&why) : "no source",
                o->target->server_version / 10000);
    else if (o->verbose)
        fprintf(stderr, "pgalign: rehearsal: TARGET built on PostgreSQL %d too, to compare "
                "it as one server prints both\n", version / 10000);
    sb_release(&why);
    return ok;
}

static bool matches_target_model(const char *conninfo, int version, const rehearse_options *o,
                                 const pa_ext_list *skipped, strbuf *err)
{
    pa_inspect_options iopt = {.filter = o->filter, .warnings = NULL, .assumed = skipped};
    pa_model got, copy;
    model_init(&copy);
    bool ok = inspect_source(conninfo, &iopt, "rehearsal", &got, err);
    const pa_model *want = o->target;
    if (ok && want->server_version / 10000 != version / 10000) {
        ok = target_alike(o, version, &copy, err);
        want = &copy;
    }
    ok = ok && same_schema(&got, want, o, err);
    model_free(&got);
    model_free(&copy);
    return ok;
}

/* A plan file's TARGET is known by its fingerprint only: compared when
 * the same major printed both. */
static bool matches_target_fingerprint(const char *conninfo, int version,
                                       const rehearse_options *o, const pa_ext_list *skipped,
                                       strbuf *err)
{
    if (o->target_major && o->target_major != version / 10000) {
        if (o->warnings)
            sb_addf(o->warnings, "pgalign: rehearsal: every statement ran; the result is "
                    "not compared with the plan's TARGET, whose definitions PostgreSQL %d "
                    "printed (the temporary cluster runs %d)\n", o->target_major,
                    version / 10000);
        return true;
    }
    pa_inspect_options iopt = {.filter = o->filter, .warnings = NULL, .assumed = skipped};
    char fp[MODEL_FINGERPRINT_LEN];
    bool ok = inspect_fingerprint(conninfo, &iopt, "rehearsal", o->ignored_attrs, fp, err);
    if (ok && strcmp(fp, o->target_fingerprint) != 0) {
        sb_adds(err, "after the plan, the copy of FROM's schema still differs "
                     "from TARGET; run pgalign diff to see what differs");
        ok = false;
    }
    return ok;
}

static bool matches_target(const char *conninfo, int version, const rehearse_options *o,
                           const pa_ext_list *skipped, strbuf *err)
{
    if (o->target)
        return matches_target_model(conninfo, version, o, skipped, err);
    if (o->target_fingerprint)
        return matches_target_fingerprint(conninfo, version, o, skipped, err);
    return true;
}

/* The plan's statements, to run on the copy (which takes some out). */
static void copy_plan(const pa_plan *p, pa_plan *q)
{
    memset(q, 0, sizeof(*q));
    for (size_t i = 0; i < p->nstmts; i++) {
        pa_stmt *s = plan_stmt(q, p->stmts[i]->hazards);
        sb_add(&s->sql, p->stmts[i]->sql.buf, p->stmts[i]->sql.len);
        s->standalone = p->stmts[i]->standalone;
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
    bool ok = copy_schema(from, 0, o->filter, "pgalign_rehearsal", o->verbose, o->warnings,
                          &skipped, &ci, &why) &&
              (copy = conn_open(ci.buf, &why)) != NULL;
    if (!ok) {
        sb_addf(err, "cannot rehearse the plan: cannot copy FROM's schema: %s "
                     "(--no-rehearse skips the rehearsal)", sb_str(&why));
    } else {
        apply_options aopt = {NULL, NULL, false, false};
        ok = copy_skip_missing_extensions(copy, &q, o->filter, &skipped, &why) &&
             apply_plan(copy, &q, &aopt, &why) &&
             matches_target(ci.buf, PQserverVersion(copy), o, &skipped, &why);
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
