#include "source/extstandin.h"
#include "emit/quote.h"
#include "source/conn.h"
#include "util/sqlscan.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The stand-ins, built in (source/standin_*.sql). */
extern const char *const standin_vector_sql[];

typedef struct standin {
    const char *extension;
    const char *const *sql;
    /* The index methods it makes, NULL-terminated: the first tells
     * whether a database has the stand-in (or the extension) already. */
    const char *const *methods;
} standin;

static const char *const vector_methods[] = {"hnsw", "ivfflat", NULL};
static const standin standins[] = {
    {"vector", standin_vector_sql, vector_methods},
};
enum { NSTANDINS = sizeof(standins) / sizeof(standins[0]) };

static const char has_method_sql[] = "SELECT 1 FROM pg_catalog.pg_am WHERE amname = $1";

/* What the stand-in's transaction made, marked as an extension's members
 * (deptype 'e', of no extension row: there is no control file to make
 * one from), so that the inspection leaves it out as it leaves out an
 * extension's own objects. */
static const char mark_members_sql[] =
    "INSERT INTO pg_catalog.pg_depend"
    " (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)"
    " SELECT m.classid, m.oid, 0, 'pg_catalog.pg_extension'::regclass, 0, 0, 'e' FROM ("
    "  SELECT 'pg_catalog.pg_type'::regclass AS classid, oid, xmin FROM pg_catalog.pg_type"
    "  UNION ALL SELECT 'pg_catalog.pg_proc'::regclass, oid, xmin FROM pg_catalog.pg_proc"
    "  UNION ALL SELECT 'pg_catalog.pg_operator'::regclass, oid, xmin"
    "   FROM pg_catalog.pg_operator"
    "  UNION ALL SELECT 'pg_catalog.pg_opclass'::regclass, oid, xmin FROM pg_catalog.pg_opclass"
    "  UNION ALL SELECT 'pg_catalog.pg_opfamily'::regclass, oid, xmin"
    "   FROM pg_catalog.pg_opfamily"
    "  UNION ALL SELECT 'pg_catalog.pg_am'::regclass, oid, xmin FROM pg_catalog.pg_am"
    "  UNION ALL SELECT 'pg_catalog.pg_cast'::regclass, oid, xmin FROM pg_catalog.pg_cast"
    " ) m WHERE m.xmin = pg_catalog.pg_current_xact_id()::xid";

/* The options of the index just made by method (the newest index of it:
 * the temporary cluster's oids only grow). */
static const char set_options_sql[] =
    " UPDATE pg_catalog.pg_class SET reloptions = %s WHERE oid = (SELECT max(c.oid)"
    " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_am a ON a.oid = c.relam"
    " WHERE c.relkind = 'i' AND a.amname = %s);";

static const pa_recorded_ext *find_recorded(const pa_ext_list *recorded, const char *name)
{
    for (size_t i = 0; recorded && i < recorded->count; i++) {
        if (strcmp(recorded->items[i].name, name) == 0)
            return &recorded->items[i];
    }
    return NULL;
}

static bool has_method(PGconn *conn, const char *method, bool *has, strbuf *err)
{
    const char *params[1] = {method};
    PGresult *res = PQexecParams(conn, has_method_sql, 1, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (ok)
        *has = PQntuples(res) > 0;
    else
        conn_result_error(err, conn, res);
    PQclear(res);
    return ok;
}

/* The stand-in s of extension e, in one transaction with its marks. */
static bool make_standin(PGconn *conn, const standin *s, const pa_recorded_ext *e,
                         strbuf *err)
{
    bool there = false;
    if (!has_method(conn, s->methods[0], &there, err))
        return false;
    if (there)
        return true;
    strbuf sql = STRBUF_INIT;
    sb_adds(&sql, "BEGIN;");
    if (e->schema) {
        sb_adds(&sql, " SET LOCAL search_path = ");
        sql_ident(&sql, e->schema);
        sb_addc(&sql, ';');
    }
    sb_addc(&sql, '\n');
    for (const char *const *line = s->sql; *line; line++)
        sb_adds(&sql, *line);
    sb_addf(&sql, ";\n%s; COMMIT", mark_members_sql);
    PGresult *res = PQexec(conn, sql.buf);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        sb_addf(err, "the stand-in for extension %s (not installed here) does not load%s%s: ",
                s->extension, e->schema ? " in schema " : "", e->schema ? e->schema : "");
        conn_result_error(err, conn, res);
        PQclear(PQexec(conn, "ROLLBACK"));
    }
    PQclear(res);
    sb_release(&sql);
    return ok;
}

bool extstandin_any(const pa_ext_list *recorded)
{
    for (size_t i = 0; i < NSTANDINS; i++) {
        if (find_recorded(recorded, standins[i].extension))
            return true;
    }
    return false;
}

bool extstandin_prepare(PGconn *conn, const pa_ext_list *recorded, strbuf *err)
{
    for (size_t i = 0; i < NSTANDINS; i++) {
        const pa_recorded_ext *e = find_recorded(recorded, standins[i].extension);
        if (e && !make_standin(conn, &standins[i], e, err))
            return false;
    }
    return true;
}

/* ---- index options ---- */

/* The next token of [s, end): past blanks and comments, a literal, a
 * "quoted name", a word or one character; NULL at the end. *next is
 * where the one after starts. */
static const char *token(const char *text, const char *s, const char *end, const char **next)
{
    s = sql_skip_blank(s);
    if (s >= end)
        return NULL;
    const char *past = sql_skip_literal(text, s);
    if (past == s && *s == '"')
        past = sql_skip_quoted(s, false);
    else if (past == s && (isalnum((unsigned char)*s) || *s == '_'))
        past = sql_skip_name(s);
    if (past == s)
        past = s + 1;
    *next = past < end ? past : end;
    return s;
}

static bool is_word(const char *t, const char *next, const char *word)
{
    size_t n = strlen(word);
    return t && (size_t)(next - t) == n && strncasecmp(t, word, n) == 0;
}

/* Past the parenthesized group that opens at s (quotes respected). */
static const char *past_group(const char *text, const char *s, const char *end)
{
    int depth = 0;
    const char *next = s;
    for (const char *t = s; (t = token(text, t, end, &next)) != NULL; t = next) {
        if (*t == '(')
            depth++;
        else if (*t == ')' && --depth == 0)
            return next;
    }
    return NULL;
}

/* The WITH (...) of a CREATE [UNIQUE] INDEX ... USING method (...) in
 * [s, end), for a method of methods: its bounds, and the method. */
static bool index_with(const char *text, const char *s, const char *end,
                       const char *const *methods, const char **with, const char **with_end,
                       const char **method)
{
    const char *next = s, *t = token(text, s, end, &next);
    if (!is_word(t, next, "create"))
        return false;
    t = token(text, next, end, &next);
    if (is_word(t, next, "unique"))
        t = token(text, next, end, &next);
    if (!is_word(t, next, "index"))
        return false;
    while ((t = token(text, next, end, &next)) != NULL && !is_word(t, next, "using"))
        continue;
    t = t ? token(text, next, end, &next) : NULL;
    *method = NULL;
    for (const char *const *m = methods; t && *m && !*method; m++) {
        if (is_word(t, next, *m))
            *method = *m;
    }
    t = *method ? token(text, next, end, &next) : NULL;
    const char *after = t && *t == '(' ? past_group(text, t, end) : NULL;
    for (next = after; after && (t = token(text, next, end, &next)) != NULL;) {
        if (*t == '(') {
            next = past_group(text, t, end);
            if (!next)
                return false;
        } else if (is_word(t, next, "with")) {
            const char *open = token(text, next, end, &next);
            *with = t;
            *with_end = open && *open == '(' ? past_group(text, open, end) : NULL;
            return *with_end != NULL;
        }
    }
    return false;
}

/* A name or value of an option, as the server reads it: 'quoted' or
 * "quoted" without its quotes (a doubled quote one), else as written
 * (a name folded to lower case). */
static void add_option_word(strbuf *out, const char *t, const char *next)
{
    if (*t == '\'' || *t == '"') {
        for (const char *c = t + 1; c < next - 1; c++) {
            sb_addc(out, *c);
            if (*c == *t)
                c++;
        }
        return;
    }
    for (const char *c = t; c < next; c++)
        sb_addc(out, (char)tolower((unsigned char)*c));
}

/* The options of "(m = 16, ef_construction = 64)" as reloptions holds
 * them: ARRAY['m=16', 'ef_construction=64']::text[]. */
static void options_array(strbuf *out, const char *text, const char *open, const char *close)
{
    sb_adds(out, "ARRAY[");
    const char *s = open + 1, *stop = close - 1, *next;
    bool first = true;
    const char *t;
    while ((t = token(text, s, stop, &next)) != NULL) {
        strbuf option = STRBUF_INIT;
        add_option_word(&option, t, next);
        t = token(text, next, stop, &next);
        if (t && *t == '=') {
            const char *v = token(text, next, stop, &next);
            if (v) {
                sb_addc(&option, '=');
                add_option_word(&option, v, next);
            }
            t = token(text, next, stop, &next);
        }
        sb_adds(out, first ? "" : ", ");
        sql_literal(out, option.buf);
        sb_release(&option);
        first = false;
        s = t && *t == ',' ? next : stop;
    }
    sb_adds(out, "]::text[]");
}

/* The index methods the stand-ins of recorded make, NULL-terminated;
 * false when there are none. */
enum { MAX_METHODS = 8 };
static bool standin_methods(const pa_ext_list *recorded, const char **methods)
{
    size_t n = 0;
    for (size_t i = 0; i < NSTANDINS; i++) {
        if (!find_recorded(recorded, standins[i].extension))
            continue;
        for (const char *const *m = standins[i].methods; *m && n + 1 < MAX_METHODS; m++)
            methods[n++] = *m;
    }
    methods[n] = NULL;
    return n > 0;
}

/* Into out: the statement [start, end) of text, with its WITH (...) of
 * an index method of methods blanked; into after, the statement that sets
 * those options on the index. False (nothing written) when it has none. */
static bool split_options(const char *text, const char *start, const char *end,
                          const char *const *methods, strbuf *out, strbuf *after)
{
    const char *with, *with_end, *method;
    if (!index_with(text, start, end, methods, &with, &with_end, &method))
        return false;
    sb_add(out, start, (size_t)(with - start));
    for (const char *c = with; c < with_end; c++)
        sb_addc(out, *c == '\n' ? '\n' : ' ');
    sb_add(out, with_end, (size_t)(end - with_end));
    strbuf options = STRBUF_INIT, name = STRBUF_INIT;
    options_array(&options, text, strchr(with, '('), with_end);
    sql_literal(&name, method);
    sb_addf(after, set_options_sql, options.buf, name.buf);
    sb_release(&options);
    sb_release(&name);
    return true;
}

bool extstandin_rewrite(strbuf *text, const pa_ext_list *recorded)
{
    const char *methods[MAX_METHODS];
    if (!standin_methods(recorded, methods) || !text->len)
        return false;
    strbuf out = STRBUF_INIT, after = STRBUF_INIT;
    const char *copied = text->buf;
    sql_piece piece;
    bool changed = false;
    for (const char *s = text->buf; (s = sql_next_piece(s, true, &piece)) != NULL;) {
        const char *with, *with_end, *method;
        if (piece.meta || !index_with(text->buf, piece.start, piece.end, methods, &with,
                                      &with_end, &method))
            continue;
        sb_reset(&after);
        sb_add(&out, copied, (size_t)(piece.start - copied));
        split_options(text->buf, piece.start, piece.end, methods, &out, &after);
        /* After the statement's semicolon, on its line. */
        bool terminated = *piece.end == ';';
        sb_addf(&out, ";%s", after.buf);
        copied = piece.end + (terminated ? 1 : 0);
        changed = true;
    }
    if (changed) {
        sb_adds(&out, copied);
        sb_release(text);
        *text = out;
    } else {
        sb_release(&out);
    }
    sb_release(&after);
    return changed;
}

bool extstandin_split(strbuf *stmt, strbuf *after, const pa_ext_list *recorded)
{
    const char *methods[MAX_METHODS];
    if (!standin_methods(recorded, methods) || !stmt->len)
        return false;
    strbuf out = STRBUF_INIT;
    bool split = split_options(stmt->buf, stmt->buf, stmt->buf + stmt->len, methods, &out,
                               after);
    if (split) {
        sb_release(stmt);
        *stmt = out;
    } else {
        sb_release(&out);
    }
    return split;
}
