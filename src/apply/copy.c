/* Copying a schema by pgalign's own means: the source inspected in full,
 * then the plan from EMPTY to it run in a new database of the temporary
 * cluster. It needs no pg_dump (which refuses a server newer than itself)
 * and exercises pgalign's DDL. Roles are cluster-wide: those the schema
 * names (grantees, grantors, default-privilege, policy and user mapping
 * roles) are created first, by name only. */
#include "apply/copy.h"
#include "apply/execute.h"
#include "diff/diff.h"
#include "emit/quote.h"
#include "inspect/inspect.h"
#include "kinds/kinds.h"
#include "kinds/extension.h"
#include "kinds/policy.h"
#include "kinds/privilege.h"
#include "kinds/user_mapping.h"
#include "plan/compat.h"
#include "plan/plan.h"
#include "source/conn.h"
#include "source/extstandin.h"
#include "source/fdwstandin.h"
#include "source/sqlload.h"
#include "source/tempcluster.h"

#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char role_exists_query[] = "SELECT 1 FROM pg_roles WHERE rolname = $1";

static bool create_role(PGconn *conn, const char *name, strbuf *err)
{
    if (strcmp(name, "PUBLIC") == 0)
        return true;
    const char *params[] = {name};
    PGresult *res = PQexecParams(conn, role_exists_query, 1, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    bool exists = ok && PQntuples(res) > 0;
    PQclear(res);
    if (!ok) {
        conn_error(err, conn);
        return false;
    }
    if (exists)
        return true;
    strbuf sql = STRBUF_INIT;
    sb_adds(&sql, "CREATE ROLE ");
    sql_ident(&sql, name);
    ok = conn_command(conn, sql.buf, err);
    sb_release(&sql);
    return ok;
}

/* Each role of a list of quoted identifiers ("a, \"B c\"" or "a b"). */
static bool create_roles_in_list(PGconn *conn, const char *list, strbuf *err)
{
    strbuf name = STRBUF_INIT;
    bool ok = true;
    for (const char *c = list; ok && c && *c;) {
        c += strspn(c, ", ");
        if (!*c)
            break;
        sb_reset(&name);
        if (*c == '"') {
            for (c++; *c && !(c[0] == '"' && c[1] != '"'); c++) {
                if (*c == '"')
                    c++;    /* "" is one quote */
                sb_addc(&name, *c);
            }
            c += *c == '"';
        } else {
            size_t n = strcspn(c, ", ");
            sb_add(&name, c, n);
            c += n;
        }
        ok = create_role(conn, name.buf, err);
    }
    sb_release(&name);
    return ok;
}

static bool create_roles(PGconn *conn, const pa_model *m, strbuf *err)
{
    bool ok = true;
    for (size_t i = 0; ok && i < m->count; i++) {
        const pa_object *o = m->objects[i];
        const char *v;
        if ((v = privilege_grantee(o)) != NULL)
            ok = create_role(conn, v, err);
        if (ok && (v = privilege_role(o)) != NULL)
            ok = create_role(conn, v, err);
        if (ok && (v = privilege_grantors(o)) != NULL)
            ok = create_roles_in_list(conn, v, err);
        if (ok && (v = policy_roles(o)) != NULL)
            ok = create_roles_in_list(conn, v, err);
        if (ok && (v = user_mapping_role(o)) != NULL)
            ok = create_role(conn, v, err);
    }
    return ok;
}

/* Extension versions belong to the server's major (btree_gist is 1.7 on
 * 15, 1.8 on 18): a copy for another major takes that server's defaults. */
static void forget_extension_versions(pa_model *m)
{
    for (size_t i = 0; i < m->count; i++)
        extension_set_version(m, m->objects[i], NULL);
}

/* Each CREATE INDEX of a stand-in's method loses the options that
 * method refuses, and the statement that sets them comes after it. */
static void split_standin_options(pa_plan *p, const pa_ext_list *skipped)
{
    size_t n = p->nstmts;
    pa_stmt **stmts = xmalloc(sizeof(*stmts) * (n + 1));
    memcpy(stmts, p->stmts, sizeof(*stmts) * n);
    p->nstmts = 0;
    for (size_t i = 0; i < n; i++) {
        p->stmts = xgrow(p->stmts, sizeof(*p->stmts), p->nstmts + 1, &p->alloc);
        p->stmts[p->nstmts++] = stmts[i];
        strbuf after = STRBUF_INIT;
        if (extstandin_split(&stmts[i]->sql, &after, skipped))
            sb_adds(&plan_stmt(p, 0)->sql, after.buf);
        sb_release(&after);
    }
    free(stmts);
}

bool copy_skip_missing_extensions(PGconn *conn, pa_plan *p, const pa_filter *filter,
                                  pa_ext_list *skipped, strbuf *err)
{
    pa_ext_names available = {0};
    if (!extskip_read_available(conn, &available, err))
        return false;
    size_t kept = 0;
    for (size_t i = 0; i < p->nstmts; i++) {
        pa_stmt *s = p->stmts[i];
        if (extskip_rewrite(s->sql.buf, extskip_available, &available, false, skipped) &&
            strspn(s->sql.buf, " \t\r\n") == s->sql.len) {
            plan_stmt_free(s);
            continue;
        }
        p->stmts[kept++] = s;
    }
    p->nstmts = kept;
    extskip_free_names(&available);
    bool ok = true;
    for (size_t i = 0; ok && filter->profile && i < p->nstmts; i++) {
        if (fdwstandin_needed(p->stmts[i]->sql.buf))
            ok = fdwstandin_prepare(conn, p->stmts[i]->sql.buf, skipped,
                                    filter->managed_schemas, err);
    }
    /* The types and index methods of extensions with a stand-in. */
    if (ok && filter->profile && extstandin_any(skipped)) {
        ok = extstandin_prepare(conn, skipped, err);
        if (ok)
            split_standin_options(p, skipped);
    }
    return ok;
}

/* Build m in conn's new database: the plan from what it has (EMPTY, or
 * under a profile the platform's stand-in, at conninfo) to m. */
static bool build(PGconn *conn, const char *conninfo, const pa_model *m,
                  const pa_inspect_options *iopt, pa_ext_list *skipped, strbuf *err)
{
    pa_model empty;
    const char *base = iopt->filter->profile ? conninfo : "EMPTY";
    if (!inspect_source(base, iopt, "copy", &empty, err))
        return false;
    pa_diff_options dopt = {.privileges = iopt->filter->privileges,
                            .creating_role = PQuser(conn)};
    pa_diff d;
    pa_plan p;
    diff_compute(&d, &empty, m, &dopt);
    plan_build(&p, &d, false);
    apply_options aopt = {NULL, NULL, false, false};
    bool ok = copy_skip_missing_extensions(conn, &p, iopt->filter, skipped, err) &&
              apply_plan(conn, &p, &aopt, err);
    plan_free(&p);
    diff_free(&d);
    model_free(&empty);
    return ok;
}

bool copy_schema(const char *source, int server_version, const pa_filter *filter,
                 const char *dbname, bool verbose, strbuf *warnings, pa_ext_list *skipped,
                 strbuf *conninfo, strbuf *err)
{
    /* Every schema, as the copy must have what the plan refers to; but a
     * platform's own schemas come from its stand-in. */
    pa_filter all = {.privileges = filter->privileges, .profile = filter->profile,
                     .managed_schemas = filter->managed_schemas,
                     .managed_roles = filter->managed_roles,
                     .managed_extensions = filter->managed_extensions,
                     /* and the --data rows, which the plan's UPDATEs and
                      * DELETEs find, and its INSERTs' foreign keys name */
                     .data = filter->data, .ndata = filter->ndata,
                     .data_limit = filter->data_limit};
    pa_inspect_options iopt = {.filter = &all, .warnings = NULL};
    pa_model m;
    size_t before = conninfo->len;
    PGconn *conn = NULL;
    strbuf ignored = STRBUF_INIT;
    pa_ext_list platform = {0};
    bool ok = inspect_source(source, &iopt, "copy", &m, err);
    if (ok && server_version)
        compat_adapt(&m, server_version, &ignored);     /* warned about already */
    if (ok && server_version / 10000 != m.server_version / 10000)
        forget_extension_versions(&m);
    sb_release(&ignored);
    ok = ok && tempcluster_start(server_version ? server_version : m.server_version,
                                 verbose, warnings, err) &&
              tempcluster_create_database(dbname, conninfo, err) &&
              (!all.profile ||
               sql_load_standin(conninfo->buf + before, all.profile, &platform, err)) &&
              (conn = conn_open(conninfo->buf + before, err)) != NULL &&
              conn_quiet(conn) &&
              create_roles(conn, &m, err) &&
              build(conn, conninfo->buf + before, &m, &iopt, skipped, err);
    if (conn)
        PQfinish(conn);
    extskip_free(&platform);
    model_free(&m);
    return ok;
}

bool copy_inspect(const char *source, int server_version, const pa_filter *filter,
                  const char *dbname, bool verbose, strbuf *warnings, pa_model *copy,
                  strbuf *err)
{
    strbuf ci = STRBUF_INIT;
    pa_ext_list skipped = {0};
    pa_inspect_options iopt = {.filter = filter, .warnings = NULL, .assumed = &skipped};
    model_init(copy);
    bool ok = copy_schema(source, server_version, filter, dbname, verbose, warnings, &skipped,
                          &ci, err);
    if (ok) {
        model_free(copy);
        ok = inspect_source(ci.buf, &iopt, dbname, copy, err);
        copy->secrets_unset = true;     /* the plan that built it never sets them */
    }
    extskip_free(&skipped);
    sb_release(&ci);
    return ok;
}
