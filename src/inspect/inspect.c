#include "inspect/inspect.h"
#include "inspect/data.h"
#include "inspect/jobs.h"
#include "kinds/census.h"
#include "kinds/kinds.h"
#include "kinds/extension.h"
#include "kinds/privilege.h"
#include "source/conn.h"
#include "source/pipeline.h"
#include "util/xalloc.h"
#include "util/progress.h"
#include "source/snapshot.h"
#include "source/sqlload.h"
#include "source/tempcluster.h"
#include "util/clock.h"

#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char begin_snapshot_sql[] =
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
/* Rendered definitions then come out schema-qualified. SET LOCAL keeps
 * it inside the transaction, which transaction-mode poolers allow. */
static const char search_path_sql[] = "SET LOCAL search_path = pg_catalog";
/* A statement_timeout set for the database or role protects production
 * from slow queries; the catalog reads are not those, and a diff cut off
 * halfway helps nobody (pg_dump does the same). */
static const char no_timeout_sql[] = "SET LOCAL statement_timeout = 0";
/* Parallel workers start as new backends with empty catalog caches and
 * fill them again: on a big catalog that made the column query take twice
 * as long, and both sides' servers share the machine with pgalign. */
static const char no_parallel_sql[] = "SET LOCAL max_parallel_workers_per_gather = 0";
/* A big catalog's queries cost more than jit_above_cost (the index query
 * at about 5,000 tables): compiling them took longer than running them
 * (+65 ms of 140 for the index query at 5,000 tables). */
static const char no_jit_sql[] = "SET LOCAL jit = off";
/* The inspection's transaction: BEGIN, then what it sets. */
static const char *const transaction_sql[] = {
    begin_snapshot_sql, no_timeout_sql, search_path_sql, no_parallel_sql, no_jit_sql,
};
enum { NTRANSACTION = sizeof(transaction_sql) / sizeof(transaction_sql[0]) };
static const char end_snapshot_sql[] = "COMMIT";

/* Normal and automatic dependencies between user objects (oids from
 * FirstNormalObjectId on); references to the public schema count too. */
static const char depend_query[] =
    "SELECT d.classid::oid || '/' || d.objid || '/' || d.objsubid,"
    " d.refclassid::oid || '/' || d.refobjid || '/' || d.refobjsubid,"
    " d.deptype"
    " FROM pg_depend d"
    " WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384"
    " AND (d.refobjid >= 16384 OR d.refclassid = 'pg_namespace'::regclass)";
/* Its cost, as a kind's (kind.h). */
enum { DEPEND_COST = 60 };

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

source_type source_classify(const char *source)
{
    struct stat st;
    if (strcmp(source, "EMPTY") == 0)
        return SOURCE_EMPTY;
    if (strncmp(source, "postgres://", 11) == 0 || strncmp(source, "postgresql://", 13) == 0 ||
        strchr(source, '='))
        return SOURCE_CONNINFO;
    if (has_suffix(source, ".json"))
        return SOURCE_SNAPSHOT;
    if (has_suffix(source, ".sql") || (stat(source, &st) == 0 && S_ISDIR(st.st_mode)))
        return SOURCE_SQL;
    /* A path (with a slash) to a file of another kind; a plain word stays
     * a connection string, whatever files the current directory has. */
    if (strchr(source, '/') && stat(source, &st) == 0)
        return SOURCE_OTHER_FILE;
    return SOURCE_CONNINFO;
}

static const char *field(PGresult *res, int row, int col)
{
    if (col < 0 || PQgetisnull(res, row, col))
        return NULL;
    return PQgetvalue(res, row, col);
}

typedef struct inspect_ctx {
    PGconn *conn;
    const pa_inspect_options *opt;
    const char *label;
    const pa_ext_list *recorded;    /* extensions a SQL source could not create */
    /* Where the results come from: one batch on conn, or (-j) jobs. */
    pa_pipeline batch;
    pa_jobs *jobs;
} inspect_ctx;

/* Two catalog rows with one identity would make one object hide another
 * (a plan that misses it): a warning, and the tests fail on it. */
static void warn_duplicate(const inspect_ctx *ctx, const pa_kind *k, const char *schema,
                           const char *table, const char *name)
{
    if (!ctx->opt->warnings)
        return;
    sb_addf(ctx->opt->warnings, "pgalign: warning: %s: duplicate identity %s %s%s%s%s%s; "
            "the first is kept\n", ctx->label, k->name, schema ? schema : "", schema ? "." : "",
            table && k->table_in_key ? table : "", table && k->table_in_key ? "." : "", name);
}

static bool load_rows(const inspect_ctx *ctx, const pa_kind *k, PGresult *res,
                      const pa_filter *f, pa_model *m, strbuf *err)
{
    int c_other = k->filter_schema_attr ? *k->filter_schema_attr : -1;
    int c_grantee = privilege_grantee_attr(k), c_role = privilege_role_attr(k);
    int c_schema = PQfnumber(res, "schema"), c_name = PQfnumber(res, "name");
    int c_tbl = PQfnumber(res, "tbl"), c_address = PQfnumber(res, "address");
    int c_aliases = PQfnumber(res, "aliases"), c_deps = PQfnumber(res, "deps");
    int c_ordinal = PQfnumber(res, "ordinal");
    int *c_attr = xcalloc(k->nattrs + 1, sizeof(int));
    bool ok = c_name >= 0 && c_schema >= 0;
    for (size_t i = 0; ok && i < k->nattrs; i++) {
        char quoted[80];
        /* PQfnumber folds unquoted names to lower case, as SQL does. */
        snprintf(quoted, sizeof(quoted), "\"%s\"", k->attrs[i].name);
        c_attr[i] = PQfnumber(res, quoted);
        ok = c_attr[i] >= 0;
    }
    if (!ok) {
        sb_addf(err, "internal error: the %s query lacks a column", k->name);
        free(c_attr);
        return false;
    }
    model_reserve(m, (size_t)PQntuples(res));
    for (int r = 0; r < PQntuples(res); r++) {
        const char *schema = field(res, r, c_schema);
        const char *name = field(res, r, c_name);
        if (!filter_accepts_object(f, k, schema, name,
                                   c_other >= 0 ? field(res, r, c_attr[c_other]) : NULL,
                                   c_grantee >= 0 ? field(res, r, c_attr[c_grantee]) : NULL,
                                   c_role >= 0 ? field(res, r, c_attr[c_role]) : NULL))
            continue;
        pa_object *o = model_add(m, k, schema, field(res, r, c_tbl), name);
        if (!o) {
            warn_duplicate(ctx, k, schema, field(res, r, c_tbl), name);
            continue;
        }
        const char *ordinal = field(res, r, c_ordinal);
        o->ordinal = ordinal ? atoi(ordinal) : 0;
        for (size_t i = 0; i < k->nattrs; i++)
            model_set(m, o, i, field(res, r, c_attr[i]));
        /* pg_get_*def() gives NULL for an object dropped while the
         * catalogs were read: never taken for a definition. */
        strbuf why = STRBUF_INIT;
        if (!kind_check_shape(o, &why)) {
            sb_addf(err, "%s: %s (was it dropped while pgalign read the catalogs? "
                    "try again)", o->key, sb_str(&why));
            sb_release(&why);
            free(c_attr);
            return false;
        }
        model_add_addresses(m, o, field(res, r, c_address));
        model_add_addresses(m, o, field(res, r, c_aliases));
        model_set_pending_deps(m, o, field(res, r, c_deps));
    }
    free(c_attr);
    return true;
}

/* A column address not in the model may still be a table's ("1259/t/3"
 * for a column we do not track): fall back to the whole object. */
static pa_object *find_address(const pa_model *m, const char *address)
{
    pa_object *o = model_find_address(m, address);
    if (o)
        return o;
    char whole[64];
    const char *slash = strrchr(address, '/');
    size_t n = slash ? (size_t)(slash - address) : 0;
    if (!slash || strcmp(slash, "/0") == 0 || n + 3 > sizeof(whole))
        return NULL;
    memcpy(whole, address, n);
    memcpy(whole + n, "/0", 3);
    return model_find_address(m, whole);
}

/* The census rows (kinds/census.h) that the filter keeps. */
static void load_census(PGresult *res, const pa_filter *f, pa_model *m)
{
    for (int r = 0; r < PQntuples(res); r++) {
        const char *schema = field(res, r, 1);
        if (!filter_accepts(f, schema))
            continue;
        census_add(&m->census, &m->arena, PQgetvalue(res, r, 0), schema,
                   PQgetvalue(res, r, 2), PQgetvalue(res, r, 3),
                   PQgetvalue(res, r, 4)[0] == 't');
    }
    census_sort(&m->census);
    m->census.known = true;
    m->census.server_version = m->server_version;
}

static void load_depends(PGresult *res, pa_model *m)
{
    for (int r = 0; r < PQntuples(res); r++) {
        pa_object *o = find_address(m, PQgetvalue(res, r, 0));
        pa_object *ref = find_address(m, PQgetvalue(res, r, 1));
        if (!o || !ref || o == ref)
            continue;
        if (o->kind->ignore_auto_deps && PQgetvalue(res, r, 2)[0] == 'a')
            continue;
        model_add_dep(m, o, ref);
    }
}

/* The extensions a SQL source recorded but could not create are in its
 * model all the same, schema and version unknown where it did not say. */
static void add_recorded(pa_model *m, const pa_ext_list *recorded, const pa_filter *f)
{
    const pa_kind *k = &kind_extension;
    for (size_t i = 0; recorded && i < recorded->count; i++) {
        const pa_recorded_ext *e = &recorded->items[i];
        if (model_find(m, model_make_key(&m->arena, k, NULL, NULL, e->name)) ||
            !filter_accepts_object(f, k, NULL, e->name, NULL, NULL, NULL))
            continue;
        pa_object *o = model_add(m, k, NULL, NULL, e->name);
        if (e->schema)
            extension_set_schema(m, o, e->schema);
        if (e->version)
            extension_set_version(m, o, e->version);
    }
}

/* Say which extensions a SQL source left out (those of the user's files;
 * the stand-in's only with -v). */
static void warn_recorded(const pa_ext_list *recorded, const pa_inspect_options *opt,
                          const char *label)
{
    for (int platform = 0; platform < 2; platform++) {
        char *names = extskip_describe(recorded, platform);
        if (*names && opt->warnings && (!platform || opt->verbose))
            sb_addf(opt->warnings, "pgalign: %s%s: not installed here, so recorded "
                    "but not created: %s\n", platform ? "" : "warning: ", label, names);
        free(names);
    }
}

/* res if it has the status wanted; else NULL (res cleared, err set). */
static PGresult *checked(const inspect_ctx *ctx, PGresult *res, const char *what,
                         ExecStatusType wanted, strbuf *err)
{
    if (res && PQresultStatus(res) == wanted)
        return res;
    sb_addf(err, "catalog query failed (%s): ", what);
    conn_result_error(err, ctx->conn, res);
    PQclear(res);
    return NULL;
}

/* -v: a query's rows and time; connection is 0 without -j. */
static void say_query(const inspect_ctx *ctx, const char *what, const PGresult *res,
                      double seconds, int connection)
{
    if (!ctx->opt->verbose)
        return;
    fprintf(stderr, "pgalign: %s: %s query: %d rows in %.3f s", ctx->label, what,
            res ? PQntuples(res) : 0, seconds);
    if (connection)
        fprintf(stderr, " (connection %d)", connection);
    fputc('\n', stderr);
}

/* The next result of the batch, which must have the status wanted. */
static PGresult *next_result(inspect_ctx *ctx, const char *what, ExecStatusType wanted,
                             double *clock, strbuf *err)
{
    PGresult *res = pipeline_next(&ctx->batch);
    double now = now_seconds();
    if (wanted == PGRES_TUPLES_OK)
        say_query(ctx, what, res, now - *clock, 0);
    *clock = now;
    return checked(ctx, res, what, wanted, err);
}

static bool command_done(inspect_ctx *ctx, const char *what, double *clock, strbuf *err)
{
    PGresult *res = next_result(ctx, what, PGRES_COMMAND_OK, clock, err);
    PQclear(res);
    return res != NULL;
}

/* Send the queries: with -j, over several connections (jobs.h), unless
 * the connection is in a transaction of its own (what it did there, only
 * it sees); else as one batch (pipeline.h) with the transaction around
 * them. */
static bool feed_open(inspect_ctx *ctx, const pa_jobs_query *queries, size_t n,
                      double *clock, strbuf *err)
{
    if (ctx->opt->jobs > 1 && PQtransactionStatus(ctx->conn) == PQTRANS_IDLE) {
        ctx->jobs = jobs_start(ctx->conn, ctx->opt->jobs, transaction_sql, NTRANSACTION,
                               queries, n, ctx->label, ctx->opt->warnings, err);
        return ctx->jobs != NULL;
    }
    const char **sql = xcalloc(NTRANSACTION + n + 1, sizeof(*sql));
    size_t nsql = 0;
    for (size_t i = 0; i < NTRANSACTION; i++)
        sql[nsql++] = transaction_sql[i];
    for (size_t i = 0; i < n; i++)
        sql[nsql++] = queries[i].sql;
    sql[nsql++] = end_snapshot_sql;
    bool ok = pipeline_send(&ctx->batch, ctx->conn, sql, nsql, err);
    free(sql);
    *clock = now_seconds();
    for (size_t i = 0; ok && i < NTRANSACTION; i++)
        ok = command_done(ctx, i ? "SET" : "BEGIN", clock, err);
    if (!ok && PQpipelineStatus(ctx->conn) != PQ_PIPELINE_OFF)
        pipeline_end(&ctx->batch);
    return ok;
}

/* The result of query i (what), in order. */
static PGresult *feed_next(inspect_ctx *ctx, size_t i, const char *what, double *clock,
                           strbuf *err)
{
    if (!ctx->jobs)
        return next_result(ctx, what, PGRES_TUPLES_OK, clock, err);
    double seconds = 0;
    int connection = 0;
    strbuf why = STRBUF_INIT;
    PGresult *res = jobs_take(ctx->jobs, i, &seconds, &connection, &why);
    if (res)
        say_query(ctx, what, res, seconds, connection);
    else
        sb_addf(err, "catalog query failed (%s): %s", what, sb_str(&why));
    sb_release(&why);
    return res ? checked(ctx, res, what, PGRES_TUPLES_OK, err) : NULL;
}

/* End the transaction (COMMIT when ok) and the batch or jobs. */
static bool feed_close(inspect_ctx *ctx, bool ok, double *clock, strbuf *err)
{
    if (ctx->jobs) {
        strbuf why = STRBUF_INIT;
        bool done = jobs_finish(ctx->jobs, ok, &why);
        if (ok && !done)
            sb_addf(err, "catalog query failed (COMMIT): %s", sb_str(&why));
        sb_release(&why);
        ctx->jobs = NULL;
        return done;
    }
    ok = ok && command_done(ctx, "COMMIT", clock, err);
    pipeline_end(&ctx->batch);
    return ok;
}

/* Which of the relations the accepted kinds require exist (present[i]
 * for kinds[i]; true for a kind that requires none): one question before
 * the batch, asked only when some kind requires one (a profile's). */
static bool relations_present(PGconn *conn, const pa_kind *const *kinds, size_t n,
                              bool *present, strbuf *err)
{
    strbuf sql = STRBUF_INIT;
    const char **params = xcalloc(n + 1, sizeof(*params));
    int nparams = 0;
    for (size_t i = 0; i < n; i++) {
        present[i] = true;
        if (kinds[i]->requires_relation) {
            params[nparams++] = kinds[i]->requires_relation;
            sb_addf(&sql, "%sto_regclass($%d) IS NOT NULL", nparams == 1 ? "SELECT " : ", ",
                    nparams);
        }
    }
    bool ok = true;
    if (nparams) {
        PGresult *res = PQexecParams(conn, sql.buf, nparams, NULL, params, NULL, NULL, 0);
        ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
        for (size_t i = 0, col = 0; ok && i < n; i++) {
            if (kinds[i]->requires_relation)
                present[i] = strcmp(PQgetvalue(res, 0, (int)col++), "t") == 0;
        }
        if (!ok)
            conn_result_error(err, conn, res);
        PQclear(res);
    }
    free(params);
    sb_release(&sql);
    return ok;
}

/* The whole inspection is one batch (pipeline.c): the transaction, every
 * kind's query, pg_depend and the commit cost one round trip together
 * (with a profile whose kinds read a platform's relations, one more
 * before it); with -j, one batch on each connection (jobs.c). */
static bool inspect_conn(inspect_ctx *ctx, pa_model *m, strbuf *err)
{
    PGconn *conn = ctx->conn;
    const pa_filter *f = ctx->opt->filter;
    m->server_version = PQserverVersion(conn);
    m->role = arena_strdup(&m->arena, PQparameterStatus(conn, "session_authorization"));

    const pa_kind **kinds = xcalloc(pa_nkinds, sizeof(*kinds));
    /* Each kind's query, then pg_depend's, then the census. */
    pa_jobs_query *queries = xcalloc(pa_nkinds + 2, sizeof(*queries));
    strbuf *texts = xcalloc(pa_nkinds, sizeof(*texts));
    strbuf census = STRBUF_INIT;
    bool *present = xcalloc(pa_nkinds, sizeof(*present));
    size_t nkinds = 0;
    for (size_t i = 0; i < pa_nkinds; i++) {
        const pa_kind *k = pa_kinds[i];
        /* Rows of --data tables are read after the catalogs (data.h). */
        if (k->query && filter_accepts_kind(f, k) && m->server_version >= k->since)
            kinds[nkinds++] = k;
    }
    bool ok = relations_present(conn, kinds, nkinds, present, err);
    size_t nqueried = 0;
    for (size_t i = 0; ok && i < nkinds; i++) {
        /* A kind the server lacks is absent from its model. */
        if (present[i])
            kinds[nqueried++] = kinds[i];
    }
    nkinds = nqueried;
    const char **relations = xcalloc(nkinds + 1, sizeof(*relations));
    size_t nrelations = 0;
    for (size_t i = 0; ok && i < nkinds; i++) {
        const pa_kind *k = kinds[i];
        ok = kind_query_text(k, m->server_version, &texts[i], err);
        queries[i] = (pa_jobs_query){texts[i].buf, k->cost, k->name};
        if (k->requires_relation)
            relations[nrelations++] = k->requires_relation;
    }
    if (ok) {
        census_query_text(m->server_version, relations, &census);
        queries[nkinds] = (pa_jobs_query){depend_query, DEPEND_COST, "pg_depend"};
        queries[nkinds + 1] = (pa_jobs_query){census.buf, CENSUS_COST, "census"};
    }
    double clock = 0;
    if (ok && feed_open(ctx, queries, nkinds + 2, &clock, err)) {
        for (size_t i = 0; ok && i < nkinds; i++) {
            progress_note("%s: %s (%zu of %zu)", ctx->label, kinds[i]->name, i + 1, nkinds);
            PGresult *res = feed_next(ctx, i, kinds[i]->name, &clock, err);
            ok = res && load_rows(ctx, kinds[i], res, f, m, err);
            PQclear(res);
        }
        PGresult *res = ok ? feed_next(ctx, nkinds, "pg_depend", &clock, err) : NULL;
        ok = res != NULL;
        if (ok) {
            add_recorded(m, ctx->recorded, f);
            add_recorded(m, ctx->opt->assumed, f);
            model_link(m);
            load_depends(res, m);
            model_forget_addresses(m);
        }
        PQclear(res);
        res = ok ? feed_next(ctx, nkinds + 1, "census", &clock, err) : NULL;
        ok = res != NULL;
        if (ok)
            load_census(res, f, m);
        PQclear(res);
        ok = feed_close(ctx, ok, &clock, err);
    } else {
        ok = false;
    }
    for (size_t i = 0; texts && i < pa_nkinds; i++)
        sb_release(&texts[i]);
    free(texts);
    sb_release(&census);
    free(queries);
    free(kinds);
    free(present);
    free(relations);
    return ok;
}

static void load_empty(pa_model *m, const pa_filter *f)
{
    const pa_kind *schema = &kind_schema;
    if (!filter_accepts(f, "public"))
        return;
    pa_object *o = model_add(m, schema, NULL, NULL, "public");
    int comment = kind_comment_attr(schema);
    if (comment >= 0)
        model_set(m, o, (size_t)comment, "standard public schema");
    const pa_kind *grant = &kind_schema_privilege;
    if (!filter_accepts_kind(f, grant))
        return;
    /* CREATE DATABASE gives public to pg_database_owner, with USAGE for all. */
    o = model_add(m, grant, "public", "public", "PUBLIC");
    privilege_set(m, o, "SCHEMA public", "PUBLIC", "USAGE");
}

/* Inspect the database of an open connection into m (initialized). */
static bool inspect_open(PGconn *conn, const pa_inspect_options *opt, const char *label,
                         const pa_ext_list *recorded, pa_model *m, strbuf *err)
{
    inspect_ctx ctx = {.conn = conn, .opt = opt, .label = label, .recorded = recorded};
    double start = now_seconds();
    progress_step("inspecting");
    bool ok = inspect_conn(&ctx, m, err) && inspect_data(conn, opt->filter, m, err);
    progress_end();
    if (opt->verbose)
        fprintf(stderr, "pgalign: %s: inspected %zu objects in %.3f s\n", label,
                m->count, now_seconds() - start);
    if (ok) {
        model_sort(m);
        filter_prune(opt->filter, m);
    }
    return ok;
}

/* A SQL source into a database of the shared temporary cluster: the one
 * opt names, else one of its own. */
static bool load_sql_source(const char *source, const pa_inspect_options *opt,
                            pa_ext_list *recorded, strbuf *conninfo, PGconn **conn,
                            strbuf *err)
{
    strbuf dbname = STRBUF_INIT;
    if (opt->sql_database)
        sb_adds(&dbname, opt->sql_database);
    else
        tempcluster_new_database_name(&dbname);
    bool ok = tempcluster_start(0, opt->verbose, opt->warnings, err) &&
              sql_source_load(dbname.buf, source, opt->filter ? opt->filter->profile : NULL,
                              recorded, conninfo, conn, err);
    sb_release(&dbname);
    return ok;
}

/* Inspect a source; conn, when not NULL, is the source's connection,
 * opened already (and finished here). */
static bool inspect_with(const char *source, PGconn *conn, const pa_inspect_options *opt,
                         const char *label, pa_model *m, strbuf *err)
{
    strbuf conninfo = STRBUF_INIT;
    pa_ext_list recorded = {0};
    model_init(m);
    switch (conn ? SOURCE_CONNINFO : source_classify(source)) {
    case SOURCE_EMPTY:
        load_empty(m, opt->filter);
        m->census.known = true;
        model_link(m);
        model_sort(m);
        filter_prune(opt->filter, m);
        return true;
    case SOURCE_SNAPSHOT:
        model_free(m);
        if (!snapshot_load(source, opt->filter, m, err))
            return false;
        filter_prune(opt->filter, m);
        return true;
    case SOURCE_SQL:
        if (!load_sql_source(source, opt, &recorded, &conninfo, &conn, err)) {
            extskip_free(&recorded);
            sb_release(&conninfo);
            return false;
        }
        warn_recorded(&recorded, opt, label);
        break;
    case SOURCE_CONNINFO:
        sb_adds(&conninfo, source);
        break;
    case SOURCE_OTHER_FILE:
        sb_addf(err, "%s is a file, but not a source pgalign reads (a .sql file or a "
                "directory of them, a .json snapshot, a connection string or URI, or "
                "EMPTY)", source);
        return false;
    }
    if (!conn)
        conn = conn_open(conninfo.buf, err);
    sb_release(&conninfo);
    if (!conn)
        return false;
    bool ok = inspect_open(conn, opt, label, &recorded, m, err);
    extskip_free(&recorded);
    PQfinish(conn);
    return ok;
}

bool inspect_connection(PGconn *conn, const pa_inspect_options *opt, const char *label,
                        pa_model *m, strbuf *err)
{
    model_init(m);
    return inspect_open(conn, opt, label, NULL, m, err);
}

bool inspect_connection_fingerprint(PGconn *conn, const pa_inspect_options *opt,
                                    const char *label, const char *const *ignored_attrs,
                                    char fp[MODEL_FINGERPRINT_LEN], strbuf *err)
{
    pa_model m;
    bool ok = inspect_connection(conn, opt, label, &m, err);
    if (ok)
        model_fingerprint(&m, ignored_attrs, fp);
    model_free(&m);
    return ok;
}

bool inspect_source(const char *source, const pa_inspect_options *opt,
                    const char *label, pa_model *m, strbuf *err)
{
    return inspect_with(source, NULL, opt, label, m, err);
}

bool inspect_fingerprint(const char *source, const pa_inspect_options *opt,
                         const char *label, const char *const *ignored_attrs,
                         char fp[MODEL_FINGERPRINT_LEN], strbuf *err)
{
    pa_model m;
    bool ok = inspect_source(source, opt, label, &m, err);
    if (ok)
        model_fingerprint(&m, ignored_attrs, fp);
    model_free(&m);
    return ok;
}

typedef struct inspect_job {
    const char *source;
    const char *label;
    const pa_inspect_options *opt;
    pa_model *model;
    PGconn *conn;       /* opened before the threads start, or NULL */
    bool done;          /* inspected before the threads start */
    strbuf err;
    bool ok;
} inspect_job;

static void *inspect_thread(void *arg)
{
    inspect_job *job = arg;
    if (!job->done)
        job->ok = inspect_with(job->source, job->conn, job->opt, job->label,
                               job->model, &job->err);
    job->done = true;
    return NULL;
}

/* A SQL source is loaded by a server of the other side's major, so that
 * what it defines reads as that server would have it: connect to a live
 * other side (the connection is then used to inspect it), or read a
 * snapshot, first. 0 when the other side says nothing of a version. */
static int other_side_version(inspect_job *other)
{
    switch (source_classify(other->source)) {
    case SOURCE_CONNINFO:
        other->conn = conn_open(other->source, &other->err);
        if (!other->conn) {
            model_init(other->model);
            other->done = true;
        }
        return other->conn ? PQserverVersion(other->conn) : 0;
    case SOURCE_SNAPSHOT:
        inspect_thread(other);
        return other->ok ? other->model->server_version : 0;
    default:
        return 0;
    }
}

/* Start the shared cluster when a side is SQL, before the threads, so that
 * it starts once and the server is the child of the main thread
 * (PR_SET_PDEATHSIG). False when it cannot, or when the other side failed
 * already (its job says why). */
static bool start_cluster_for(inspect_job jobs[2], const pa_inspect_options *opt,
                              strbuf *err)
{
    bool sql0 = source_classify(jobs[0].source) == SOURCE_SQL;
    bool sql1 = source_classify(jobs[1].source) == SOURCE_SQL;
    if (!sql0 && !sql1)
        return true;
    inspect_job *other = sql0 && sql1 ? NULL : &jobs[sql0 ? 1 : 0];
    int version = other ? other_side_version(other) : 0;
    if (other && other->done && !other->ok)
        return false;
    return tempcluster_start(version, opt->verbose, opt->warnings, err);
}

/* Each side's warnings, FROM's first, to the caller's. */
static void pass_warnings(strbuf warned[2], strbuf *to)
{
    for (int i = 0; i < 2; i++) {
        if (to)
            sb_add(to, warned[i].buf, warned[i].len);
        sb_release(&warned[i]);
    }
}

/* The first failure, named by its side. */
static bool report_pair(inspect_job jobs[2], strbuf *err)
{
    bool ok = true;
    for (int i = 0; i < 2; i++) {
        if (!jobs[i].ok && ok) {
            sb_addf(err, "%s: %s", jobs[i].label, sb_str(&jobs[i].err));
            ok = false;
        }
        sb_release(&jobs[i].err);
    }
    return ok;
}

bool inspect_pair(const char *from, const char *to, const pa_inspect_options *opt,
                  pa_model *mfrom, pa_model *mto, strbuf *err)
{
    /* One database per side in the shared temporary cluster; warnings a
     * side of its own, told FROM's first. */
    pa_inspect_options from_opt = *opt, to_opt = *opt;
    strbuf warned[2] = {STRBUF_INIT, STRBUF_INIT};
    from_opt.sql_database = TEMPCLUSTER_FROM_DATABASE;
    to_opt.sql_database = TEMPCLUSTER_TARGET_DATABASE;
    from_opt.warnings = opt->warnings ? &warned[0] : NULL;
    to_opt.warnings = opt->warnings ? &warned[1] : NULL;
    inspect_job jobs[2] = {
        {from, "FROM", &from_opt, mfrom, NULL, false, STRBUF_INIT, false},
        {to, "TARGET", &to_opt, mto, NULL, false, STRBUF_INIT, false},
    };
    size_t before = err->len;
    if (!start_cluster_for(jobs, opt, err)) {
        bool cluster_failed = err->len > before;
        for (int i = 0; i < 2; i++) {
            if (jobs[i].conn)
                PQfinish(jobs[i].conn);
            if (!jobs[i].done)
                model_init(jobs[i].model);
            /* Only the side that failed (if any) is reported. */
            jobs[i].ok = cluster_failed || !jobs[i].done || jobs[i].ok;
        }
        report_pair(jobs, err);
        pass_warnings(warned, opt->warnings);
        return false;
    }
    pthread_t thread;
    bool threaded = pthread_create(&thread, NULL, inspect_thread, &jobs[1]) == 0;
    inspect_thread(&jobs[0]);
    if (threaded)
        pthread_join(thread, NULL);
    else
        inspect_thread(&jobs[1]);
    pass_warnings(warned, opt->warnings);
    return report_pair(jobs, err);
}
