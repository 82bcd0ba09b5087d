#include "inspect/data.h"
#include "emit/quote.h"
#include "kinds/data_row.h"
#include "kinds/kinds.h"
#include "source/conn.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Each value is read as its type's text (the output function), which the
 * input function reads back as the same value. These settings make that
 * text exact and the same on every server: reg* values qualified,
 * timestamps with a time zone in UTC, floats to the last digit, bytea in
 * hex. Rows a policy would hide must not read as missing: with
 * row_security off the query fails instead, as pg_dump's does. */
static const char settings_sql[] =
    "SET LOCAL search_path = pg_catalog;"
    " SET LOCAL statement_timeout = 0;"
    " SET LOCAL row_security = off;"
    " SET LOCAL DateStyle = 'ISO, YMD';"
    " SET LOCAL IntervalStyle = postgres;"
    " SET LOCAL TimeZone = 'UTC';"
    " SET LOCAL extra_float_digits = 1;"
    " SET LOCAL bytea_output = hex";

/* The column names of constraint k's attribute numbers (conkey or
 * confkey) of relation rel, in the constraint's order, as a JSON array. */
#define CONSTRAINT_COLUMNS(nums, rel) \
    "(SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(" nums ") WITH ORDINALITY" \
    " AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = " rel " AND a.attnum = k.attnum)"

/* For each name given ($1, in order): the relation, if this database has
 * it; its primary key's columns; its columns but the generated ones,
 * each with whether it is GENERATED ALWAYS AS IDENTITY and whether a
 * sequence fills it (identity, serial); its foreign keys. */
static const char tables_query[] =
    "SELECT c.oid::text, n.nspname, c.relname, c.relkind::text,"
    " (SELECT " CONSTRAINT_COLUMNS("p.conkey", "p.conrelid") " FROM pg_constraint p"
    "   WHERE p.conrelid = c.oid AND p.contype = 'p')::text,"
    " (SELECT json_agg(json_build_array(a.attname, a.attidentity = 'a',"
    "   pg_get_serial_sequence(" PA_SQL_QUALIFIED("n.nspname", "c.relname") ","
    "   a.attname) IS NOT NULL) ORDER BY a.attnum)"
    "   FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
    "   AND NOT a.attisdropped AND a.attgenerated = '')::text,"
    " (SELECT json_agg(json_build_object('ref', f.confrelid::text,"
    "   'columns', " CONSTRAINT_COLUMNS("f.conkey", "f.conrelid") ","
    "   'refcolumns', " CONSTRAINT_COLUMNS("f.confkey", "f.confrelid") "))"
    "   FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f')::text"
    " FROM unnest($1::text[]) WITH ORDINALITY AS d(name, n)"
    " LEFT JOIN pg_class c ON c.oid = to_regclass(d.name)"
    " LEFT JOIN pg_namespace n ON n.oid = c.relnamespace"
    " ORDER BY d.n";
enum { T_OID, T_SCHEMA, T_NAME, T_RELKIND, T_KEY, T_COLUMNS, T_FKS };

/* jsonb_build_object takes at most 100 arguments: a row is built of
 * objects of this many columns, joined with ||. */
enum { COLUMNS_PER_OBJECT = 40 };

typedef struct data_table {
    const char *given;
    bool present;
    char *oid, *schema, *name, *relkind;
    char *key_text;         /* ["id"] */
    char *always_text;      /* ["id"], or NULL */
    char *order_text;       /* ["id", "name"] */
    char *sequence_text;    /* ["id"], or NULL */
    json_t *key, *columns, *fks;
    size_t nrows, alloc;
    pa_object **rows;
    json_t **values;
} data_table;

static bool run(PGconn *conn, const char *sql, strbuf *err)
{
    PGresult *res = PQexec(conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        sb_adds(err, "reading the --data tables failed: ");
        conn_result_error(err, conn, res);
    }
    PQclear(res);
    return ok;
}

static char *dup_field(const PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? NULL : xstrdup(PQgetvalue(res, row, col));
}

/* The names given, as a text[] literal. */
static void names_array(strbuf *out, const pa_filter *f)
{
    sb_addc(out, '{');
    for (size_t i = 0; i < f->ndata; i++) {
        strbuf name = STRBUF_INIT;
        filter_data_table_name(&name, f->data[i]);
        sb_adds(out, i ? ",\"" : "\"");
        for (const char *p = name.buf; *p; p++) {
            if (*p == '"' || *p == '\\')
                sb_addc(out, '\\');
            sb_addc(out, *p);
        }
        sb_addc(out, '"');
        sb_release(&name);
    }
    sb_addc(out, '}');
}

/* Whether t is a table whose rows can be compared; if not, err says why. */
static bool comparable(const data_table *t, strbuf *err)
{
    if (strcmp(t->relkind, "r") != 0 && strcmp(t->relkind, "p") != 0) {
        sb_addf(err, "--data %s: %s.%s is not a table (views and foreign tables have no "
                "rows of their own to compare)", t->given, t->schema, t->name);
        return false;
    }
    if (!t->key) {
        sb_addf(err, "--data %s: the table has no primary key, by which rows are matched",
                t->given);
        return false;
    }
    return true;
}

/* The names of the columns whose flag (1: GENERATED ALWAYS AS IDENTITY,
 * 2: filled by a sequence) is true, as a JSON array, or NULL. */
static char *flagged_columns(const json_t *columns, size_t flag)
{
    json_t *names = json_array();
    size_t i;
    json_t *c;
    json_array_foreach(columns, i, c) {
        if (json_is_true(json_array_get(c, flag)))
            json_array_append(names, json_array_get(c, 0));
    }
    char *text = json_array_size(names) ? json_dumps(names, JSON_COMPACT) : NULL;
    json_decref(names);
    return text;
}

/* The names of columns, as a JSON array. */
static char *column_names(const json_t *columns)
{
    json_t *names = json_array();
    size_t i;
    json_t *c;
    json_array_foreach(columns, i, c)
        json_array_append(names, json_array_get(c, 0));
    char *text = json_dumps(names, JSON_COMPACT);
    json_decref(names);
    return text;
}

static bool read_tables(PGconn *conn, const pa_filter *f, data_table *tables, strbuf *err)
{
    strbuf names = STRBUF_INIT;
    names_array(&names, f);
    const char *params[1] = {names.buf};
    PGresult *res = PQexecParams(conn, tables_query, 1, NULL, params, NULL, NULL, 0);
    sb_release(&names);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK && (size_t)PQntuples(res) == f->ndata;
    if (!ok) {
        sb_adds(err, "reading the --data tables failed: ");
        conn_result_error(err, conn, res);
    }
    for (int r = 0; ok && r < PQntuples(res); r++) {
        data_table *t = &tables[r];
        t->given = f->data[r];
        t->present = !PQgetisnull(res, r, T_OID);
        if (!t->present)
            continue;
        t->oid = dup_field(res, r, T_OID);
        t->schema = dup_field(res, r, T_SCHEMA);
        t->name = dup_field(res, r, T_NAME);
        t->relkind = dup_field(res, r, T_RELKIND);
        t->key_text = dup_field(res, r, T_KEY);
        t->key = t->key_text ? json_loads(t->key_text, 0, NULL) : NULL;
        t->columns = json_loads(PQgetisnull(res, r, T_COLUMNS) ? "[]"
                                : PQgetvalue(res, r, T_COLUMNS), 0, NULL);
        t->fks = json_loads(PQgetisnull(res, r, T_FKS) ? "[]" : PQgetvalue(res, r, T_FKS),
                            0, NULL);
        t->always_text = flagged_columns(t->columns, 1);
        t->sequence_text = flagged_columns(t->columns, 2);
        t->order_text = column_names(t->columns);
        ok = comparable(t, err);
    }
    PQclear(res);
    return ok;
}

/* One branch of the rows query: t's rows, each as {column: text}. A
 * partitioned table's rows are its partitions'; an inheritance parent's
 * are its own (ONLY), as pg_dump reads them. */
static void add_rows_select(strbuf *sql, size_t index, const data_table *t, long limit)
{
    sb_addf(sql, "%s(SELECT %zu AS t, (", sql->len ? " UNION ALL " : "", index);
    size_t i;
    json_t *c;
    json_array_foreach(t->columns, i, c) {
        const char *name = json_string_value(json_array_get(c, 0));
        if (i % COLUMNS_PER_OBJECT == 0)
            sb_adds(sql, i ? ") || jsonb_build_object(" : "jsonb_build_object(");
        else
            sb_adds(sql, ", ");
        sql_literal(sql, name);
        sb_adds(sql, ", r.");
        sql_ident(sql, name);
        sb_adds(sql, "::text");
    }
    sb_adds(sql, json_array_size(t->columns) ? ")" : "'{}'::jsonb");
    sb_addf(sql, ")::text AS v FROM %s", strcmp(t->relkind, "r") == 0 ? "ONLY " : "");
    sql_qualified(sql, t->schema, t->name);
    sb_addf(sql, " r LIMIT %ld)", limit + 1);
}

/* The row's name: its key's values as SQL literals, "'1'" or "'eu', '7'";
 * false when one is missing. */
static bool key_name(strbuf *out, const json_t *key, const json_t *values)
{
    size_t i;
    json_t *k;
    json_array_foreach(key, i, k) {
        const char *v = json_string_value(json_object_get(values, json_string_value(k)));
        if (!v)
            return false;
        if (i)
            sb_adds(out, ", ");
        sql_literal(out, v);
    }
    return true;
}

static bool add_row(pa_model *m, data_table *t, const char *text, strbuf *err)
{
    json_t *values = json_loads(text, 0, NULL);
    strbuf name = STRBUF_INIT;
    pa_object *o = NULL;
    if (!values || !key_name(&name, t->key, values))
        sb_addf(err, "--data %s: a row without its key's values", t->given);
    else if (!(o = model_add(m, &kind_data_row, t->schema, t->name, name.buf)))
        sb_addf(err, "--data %s: two rows whose key reads %s", t->given, name.buf);
    sb_release(&name);
    if (!o) {
        json_decref(values);
        return false;
    }
    model_set(m, o, ROW_VALUES, text);
    model_set(m, o, ROW_KEY_COLUMNS, t->key_text);
    model_set(m, o, ROW_ALWAYS_IDENTITY, t->always_text);
    model_set(m, o, ROW_COLUMN_ORDER, t->order_text);
    model_set(m, o, ROW_SEQUENCE_COLUMNS, t->sequence_text);
    if (t->nrows == t->alloc) {
        t->alloc = t->alloc ? 2 * t->alloc : 64;
        t->rows = xrealloc(t->rows, t->alloc * sizeof(*t->rows));
        t->values = xrealloc(t->values, t->alloc * sizeof(*t->values));
    }
    t->rows[t->nrows] = o;
    t->values[t->nrows++] = values;
    return true;
}

static bool read_rows(PGconn *conn, const pa_filter *f, data_table *tables, pa_model *m,
                      strbuf *err)
{
    strbuf sql = STRBUF_INIT;
    for (size_t i = 0; i < f->ndata; i++) {
        if (tables[i].present && filter_accepts(f, tables[i].schema))
            add_rows_select(&sql, i, &tables[i], f->data_limit);
    }
    if (!sql.len) {
        sb_release(&sql);
        return true;
    }
    PGresult *res = PQexec(conn, sql.buf);
    sb_release(&sql);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok) {
        sb_adds(err, "reading the --data rows failed: ");
        conn_result_error(err, conn, res);
        if (strstr(PQresultErrorMessage(res), "row-level security"))
            sb_adds(err, " (--data reads every row, as pg_dump does: the role must own the "
                         "table or have BYPASSRLS)");
    }
    for (int r = 0; ok && r < PQntuples(res); r++) {
        data_table *t = &tables[strtoul(PQgetvalue(res, r, 0), NULL, 10)];
        if (t->nrows == (size_t)f->data_limit) {
            sb_addf(err, "--data %s: more than %ld rows (--data-limit): too many to compare "
                    "row by row; raise the limit if this table is reference data", t->given,
                    f->data_limit);
            ok = false;
        } else {
            ok = add_row(m, t, PQgetvalue(res, r, 1), err);
        }
    }
    PQclear(res);
    return ok;
}

static const data_table *table_of_oid(const data_table *tables, size_t n, const char *oid)
{
    for (size_t i = 0; i < n; i++) {
        if (tables[i].present && strcmp(tables[i].oid, oid) == 0)
            return &tables[i];
    }
    return NULL;
}

/* The columns of fk, in the order of ref's key, when fk references ref's
 * whole primary key; else NULL. */
static json_t *fk_columns_in_key_order(const json_t *fk, const data_table *ref)
{
    const json_t *columns = json_object_get(fk, "columns");
    const json_t *refcolumns = json_object_get(fk, "refcolumns");
    if (json_array_size(refcolumns) != json_array_size(ref->key))
        return NULL;
    json_t *ordered = json_array();
    size_t i, j;
    json_t *k, *rc;
    json_array_foreach(ref->key, i, k) {
        json_array_foreach(refcolumns, j, rc) {
            if (json_equal(rc, k)) {
                json_array_append(ordered, json_array_get(columns, j));
                break;
            }
        }
    }
    if (json_array_size(ordered) != json_array_size(ref->key)) {
        json_decref(ordered);
        return NULL;
    }
    return ordered;
}

/* Each row depends on its table's columns (an INSERT comes after the
 * ADD COLUMN), and on the row each of its foreign keys names, where that
 * is a --data row too (the referenced row is inserted first, deleted
 * last). */
static void add_deps(pa_model *m, data_table *tables, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        data_table *t = &tables[i];
        size_t j;
        json_t *c, *fk;
        json_array_foreach(t->columns, j, c) {
            pa_object *col = model_lookup(m, &kind_column, t->schema, t->name,
                                          json_string_value(json_array_get(c, 0)));
            for (size_t r = 0; col && r < t->nrows; r++)
                model_add_dep(m, t->rows[r], col);
        }
        json_array_foreach(t->fks, j, fk) {
            const data_table *ref =
                table_of_oid(tables, n, json_string_value(json_object_get(fk, "ref")));
            json_t *columns = ref ? fk_columns_in_key_order(fk, ref) : NULL;
            for (size_t r = 0; columns && r < t->nrows; r++) {
                strbuf name = STRBUF_INIT;
                pa_object *row = key_name(&name, columns, t->values[r])
                    ? model_lookup(m, &kind_data_row, ref->schema, ref->name, name.buf)
                    : NULL;
                if (row)
                    model_add_dep(m, t->rows[r], row);
                sb_release(&name);
            }
            json_decref(columns);
        }
    }
}

static void free_tables(data_table *tables, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        data_table *t = &tables[i];
        for (size_t r = 0; r < t->nrows; r++)
            json_decref(t->values[r]);
        free(t->rows);
        free(t->values);
        json_decref(t->key);
        json_decref(t->columns);
        json_decref(t->fks);
        free(t->oid);
        free(t->schema);
        free(t->name);
        free(t->relkind);
        free(t->key_text);
        free(t->always_text);
        free(t->order_text);
        free(t->sequence_text);
    }
    free(tables);
}

bool inspect_data(PGconn *conn, const pa_filter *f, pa_model *m, strbuf *err)
{
    if (!f || !f->ndata)
        return true;
    /* Apply reads FROM inside its own transaction: a savepoint there,
     * rolled back after, takes the settings back with it. */
    bool own = PQtransactionStatus(conn) == PQTRANS_IDLE;
    data_table *tables = xcalloc(f->ndata, sizeof(*tables));
    bool ok = run(conn, own ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                            : "SAVEPOINT pgalign_data", err) &&
              run(conn, settings_sql, err) && read_tables(conn, f, tables, err) &&
              read_rows(conn, f, tables, m, err);
    strbuf ignored = STRBUF_INIT;
    ok = run(conn, own ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT pgalign_data;"
             " RELEASE SAVEPOINT pgalign_data", ok ? err : &ignored) && ok;
    sb_release(&ignored);
    if (ok) {
        m->data_tables = arena_alloc(&m->arena, f->ndata * sizeof(*m->data_tables));
        m->ndata_tables = f->ndata;
        for (size_t i = 0; i < f->ndata; i++) {
            strbuf given = STRBUF_INIT;
            filter_data_table_name(&given, f->data[i]);
            pa_data_table *d = &m->data_tables[i];
            d->given = arena_strdup(&m->arena, given.buf);
            d->schema = tables[i].present ? arena_strdup(&m->arena, tables[i].schema) : NULL;
            d->name = tables[i].present ? arena_strdup(&m->arena, tables[i].name) : NULL;
            sb_release(&given);
        }
        model_link(m);
        add_deps(m, tables, f->ndata);
    }
    free_tables(tables, f->ndata);
    return ok;
}

bool data_tables_found(const pa_filter *f, const pa_model *from, const pa_model *to,
                       strbuf *err)
{
    for (size_t i = 0; f && i < f->ndata; i++) {
        strbuf name = STRBUF_INIT;
        filter_data_table_name(&name, f->data[i]);
        const pa_data_table *a = model_data_table(from, name.buf);
        const pa_data_table *b = model_data_table(to, name.buf);
        bool found = (a && a->schema) || (b && b->schema);
        if (!found)
            sb_addf(err, "--data %s: no table %s in FROM or TARGET", f->data[i], name.buf);
        sb_release(&name);
        if (!found)
            return false;
    }
    return true;
}
