#include "source/fdwstandin.h"
#include "source/conn.h"
#include "emit/quote.h"
#include "util/sqlscan.h"
#include "util/words.h"

#include <stdlib.h>
#include <string.h>

static const char wrappers_extension[] = "wrappers";

/* A handler must return fdw_handler, which only a C function can: the
 * one of postgres_fdw (in every PostgreSQL's contrib) stands in. Nothing
 * on the throwaway server ever calls it. */
static const char handler_sql[] =
    "CREATE FUNCTION %s() RETURNS fdw_handler LANGUAGE c STRICT"
    " AS '$libdir/postgres_fdw', 'postgres_fdw_handler'";
/* A validator's result is not read, but must not be NULL (as a SQL
 * function returning void would give). */
static const char validator_sql[] =
    "CREATE FUNCTION %s(text[], oid) RETURNS boolean LANGUAGE sql AS 'SELECT true'";
static const char exists_query[] = "SELECT to_regproc($1) IS NOT NULL";

static const pa_recorded_ext *wrappers(const pa_ext_list *recorded)
{
    for (size_t i = 0; recorded && i < recorded->count; i++) {
        if (strcmp(recorded->items[i].name, wrappers_extension) == 0)
            return &recorded->items[i];
    }
    return NULL;
}

static const char *skip(const char *s, const char *end)
{
    s = sql_skip_blank(s);
    return s < end ? s : end;
}

/* The keywords, one after another, at s; past them, or NULL. */
static const char *keywords(const char *s, const char *end, const char *const *words)
{
    for (; s && *words; words++)
        s = sql_keyword(skip(s, end), end, *words);
    return s;
}

/* The dotted function name at s ("h", extensions.h) as its schema (NULL
 * when not given) and name; past it, or NULL. */
static const char *function_name(const char *s, const char *end, char **schema, char **name)
{
    *schema = *name = NULL;
    s = skip(s, end);
    const char *e = sql_skip_name(s);
    char *first = e > s ? sql_name_part(&s, e) : NULL;
    if (!first)
        return NULL;
    if (s < end && *s == '.') {
        s++;
        e = sql_skip_name(s);
        *name = e > s ? sql_name_part(&s, e) : NULL;
        if (!*name) {
            free(first);
            return NULL;
        }
        *schema = first;
    } else {
        *name = first;
    }
    return s;
}

static bool exists(PGconn *conn, const char *qualified, bool *found, strbuf *err)
{
    const char *params[] = {qualified};
    PGresult *res = PQexecParams(conn, exists_query, 1, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
    if (ok)
        *found = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    else
        conn_result_error(err, conn, res);
    PQclear(res);
    return ok;
}

typedef struct standin_ctx {
    PGconn *conn;
    const char *schema;             /* the wrappers extension's, or NULL */
    const char *const *managed;
    strbuf *err;
} standin_ctx;

/* The function as written, unless conn finds it: made in the managed
 * schema it names, or unqualified in the extension's. A name in another
 * schema is the user's own function (and no extension's there when the
 * files did not create it): the server says if it is missing. */
static bool stand_in(const standin_ctx *c, const char *schema, const char *name,
                     const char *sql)
{
    const char *in = schema ? schema : c->schema;
    bool managed = in && string_in_list(in, c->managed);
    if (!in || (schema && !managed))
        return true;
    strbuf written = STRBUF_INIT, made = STRBUF_INIT, stmt = STRBUF_INIT;
    if (schema)
        sql_qualified(&written, schema, name);
    else
        sql_ident(&written, name);
    bool found = false;
    bool ok = exists(c->conn, written.buf, &found, c->err);
    if (ok && !found && !managed) {
        sb_addf(c->err, "%s: the wrappers extension is not here, and pgalign stands in for "
                "its functions only in a schema the profile manages (create it WITH "
                "SCHEMA extensions)", written.buf);
        ok = false;
    } else if (ok && !found) {
        sql_qualified(&made, in, name);
        sb_addf(&stmt, sql, made.buf);
        ok = conn_command(c->conn, stmt.buf, c->err);
        if (!ok)
            sb_addf(c->err, " (standing in for %s of the wrappers extension)", made.buf);
    }
    sb_release(&written);
    sb_release(&made);
    sb_release(&stmt);
    return ok;
}

/* Past CREATE FOREIGN DATA WRAPPER at s, or NULL. */
static const char *wrapper_head(const char *s, const char *end)
{
    static const char *const head[] = {"create", "foreign", "data", "wrapper", NULL};
    return keywords(s, end, head);
}

bool fdwstandin_needed(const char *text)
{
    sql_piece piece;
    for (const char *s = text; (s = sql_next_piece(s, true, &piece)) != NULL;) {
        if (!piece.meta && wrapper_head(piece.start, piece.end))
            return true;
    }
    return false;
}

/* CREATE FOREIGN DATA WRAPPER name [HANDLER h | NO HANDLER]
 * [VALIDATOR v | NO VALIDATOR] ...: a stand-in for h and v. */
static bool wrapper_statement(const standin_ctx *c, const char *s, const char *end)
{
    s = wrapper_head(s, end);
    if (!s)
        return true;
    s = skip(s, end);
    const char *e = sql_skip_name(s);
    if (e == s)
        return true;
    bool ok = true;
    for (s = e; ok && s < end;) {
        static const char *const no[] = {"no", NULL};
        const char *after;
        bool handler = (after = sql_keyword(skip(s, end), end, "handler")) != NULL;
        if (!after && (after = sql_keyword(skip(s, end), end, "validator")) == NULL) {
            if ((after = keywords(s, end, no)) == NULL)
                break;
            s = sql_skip_name(skip(after, end));    /* NO HANDLER, NO VALIDATOR */
            continue;
        }
        char *schema, *name;
        s = function_name(after, end, &schema, &name);
        if (!s)
            break;
        ok = stand_in(c, schema, name, handler ? handler_sql : validator_sql);
        free(schema);
        free(name);
    }
    return ok;
}

bool fdwstandin_prepare(PGconn *conn, const char *text, const pa_ext_list *recorded,
                        const char *const *managed_schemas, strbuf *err)
{
    const pa_recorded_ext *ext = wrappers(recorded);
    /* CREATE EXTENSION without a schema puts it in the first one of the
     * search path that exists: public. */
    const char *schema = !ext ? NULL : ext->schema ? ext->schema : "public";
    standin_ctx c = {conn, schema, managed_schemas, err};
    sql_piece piece;
    bool ok = true;
    for (const char *s = text; ok && (s = sql_next_piece(s, true, &piece)) != NULL;) {
        if (!piece.meta)
            ok = wrapper_statement(&c, piece.start, piece.end);
    }
    return ok;
}
