/* Rehearsal: before a plan touches FROM, build a copy of FROM's schema in
 * a temporary cluster of FROM's major, run the plan there, and check that
 * the result is TARGET's schema. A plan that fails here never reaches
 * FROM; the report names the statement and the server's reason.
 *
 * The copy is pgalign's own: FROM inspected in full (every schema, grants
 * when they are compared) and built by the plan from EMPTY, with FROM's
 * roles. It needs no pg_dump (which refuses a newer server than itself),
 * and it rehearses pgalign's own DDL too. */
#include "apply/rehearse.h"
#include "apply/execute.h"
#include "diff/diff.h"
#include "emit/quote.h"
#include "inspect/inspect.h"
#include "source/conn.h"
#include "source/tempcluster.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

/* Roles other than the predefined ones: grants and policies name them. */
static const char roles_query[] =
    "SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' ORDER BY 1";
static const char role_exists_query[] =
    "SELECT 1 FROM pg_roles WHERE rolname = $1";

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

static bool create_role(PGconn *copy, const char *name, strbuf *err)
{
    const char *params[] = {name};
    PGresult *res = PQexecParams(copy, role_exists_query, 1, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    bool exists = ok && PQntuples(res) > 0;
    PQclear(res);
    if (!ok || exists) {
        if (!ok)
            conn_error(err, copy);
        return ok;
    }
    strbuf sql = STRBUF_INIT;
    sb_adds(&sql, "CREATE ROLE ");
    sql_ident(&sql, name);
    ok = conn_command(copy, sql.buf, err);
    sb_release(&sql);
    return ok;
}

/* FROM's roles, by name only (no passwords, no attributes). */
static bool copy_roles(const char *from, PGconn *copy, strbuf *err)
{
    PGconn *conn = conn_open(from, err);
    if (!conn)
        return false;
    PGresult *res = PQexec(conn, roles_query);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok)
        conn_error(err, conn);
    for (int i = 0; ok && i < PQntuples(res); i++)
        ok = create_role(copy, PQgetvalue(res, i, 0), err);
    PQclear(res);
    PQfinish(conn);
    return ok;
}

/* Build FROM's schema in copy: the plan from EMPTY to FROM in full. */
static bool build_copy(const char *from, PGconn *copy, const rehearse_options *o,
                       strbuf *err)
{
    pa_filter all = {0};
    all.privileges = o->filter->privileges;
    pa_inspect_options iopt = {&all, false};
    pa_model empty, full;
    bool ok = inspect_source("EMPTY", &iopt, "EMPTY", &empty, err) &&
              inspect_source(from, &iopt, "FROM", &full, err);
    if (ok) {
        pa_diff_options dopt = {.privileges = all.privileges, .creating_role = full.role};
        pa_diff d;
        pa_plan p;
        diff_compute(&d, &empty, &full, &dopt);
        plan_build(&p, &d, false);
        apply_options aopt = {NULL, NULL, false, false};
        ok = apply_plan(copy, &p, &aopt, err);
        plan_free(&p);
        diff_free(&d);
    }
    model_free(&empty);
    model_free(&full);
    return ok;
}

static bool start_for(const char *from, const rehearse_options *o, strbuf *err)
{
    PGconn *conn = conn_open(from, err);
    bool ok = conn && tempcluster_start(PQserverVersion(conn), o->verbose, err);
    if (conn)
        PQfinish(conn);
    return ok;
}

bool rehearse(const char *from, const pa_plan *p, const rehearse_options *o, strbuf *err)
{
    double start = now_seconds();
    strbuf ci = STRBUF_INIT, why = STRBUF_INIT;
    PGconn *copy = NULL;
    bool ok = start_for(from, o, &why) &&
              tempcluster_create_database("pgalign_rehearsal", &ci, &why) &&
              (copy = conn_open(ci.buf, &why)) != NULL &&
              copy_roles(from, copy, &why) && build_copy(from, copy, o, &why);
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
