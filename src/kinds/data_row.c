/* Rows of reference tables (--data): plans, countries, feature flags,
 * whose rows production needs as much as its DDL. A row is an object of
 * its table, named by its primary key's values; its one compared
 * attribute holds every column's value as text. A row only TARGET has is
 * an INSERT, a changed one an UPDATE of the columns that differ, one only
 * FROM has a DELETE (data loss: --unsafe).
 *
 * The rows are read by inspect/data.c, not by a catalog query of the
 * kind's own: which tables, and their columns, are known only once the
 * catalogs are read. Values are the server's text form of each column
 * (its output function), written back as untyped literals: the column's
 * input function makes the same value again, whatever its type (arrays,
 * jsonb, bytea, ranges, domains...). */
#include "kinds/data_row.h"
#include "kinds/kinds.h"
#include "emit/quote.h"
#include "plan/stmt.h"

#include <jansson.h>
#include <string.h>

static const pa_attr_rule row_attrs[] = {
    /* {"column": "text" or null, ...}, as jsonb prints it: the same
     * text whatever order the table's columns have. Generated columns
     * are left out; the server makes them. */
    [ROW_VALUES] = {"values", ATTR_ALTER, NONEMPTY},
    /* ["id"]: the primary key's columns, in its order. */
    [ROW_KEY_COLUMNS] = {"key_columns", ATTR_INFO, NONEMPTY},
    /* ["id"]: its GENERATED ALWAYS AS IDENTITY columns, if any. */
    [ROW_ALWAYS_IDENTITY] = {"always_identity", ATTR_INFO, OPTIONAL},
    /* ["id", "name"]: the columns in the table's order, for statements
     * that read as the table does (not compared: column order is not). */
    [ROW_COLUMN_ORDER] = {"column_order", ATTR_INFO, OPTIONAL},
    /* ["id"]: the columns a sequence fills (identity, serial), if any. */
    [ROW_SEQUENCE_COLUMNS] = {"sequence_columns", ATTR_INFO, OPTIONAL},
};
KIND_ATTRS_IN_STEP(row_attrs, ROW_NATTRS);

static json_t *parse(const char *text)
{
    return text ? json_loads(text, JSON_REJECT_DUPLICATES, NULL) : NULL;
}

static bool listed(const json_t *names, const char *name)
{
    size_t i;
    json_t *n;
    json_array_foreach(names, i, n) {
        if (json_is_string(n) && strcmp(json_string_value(n), name) == 0)
            return true;
    }
    return false;
}

static void row_target(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "ROW (%s) OF ", o->name);
    kind_table_name(sb, o);
}

/* key = value AND ...: the row o names. */
static void add_key_condition(strbuf *sb, const pa_object *o, const json_t *values)
{
    json_t *keys = parse(o->values[ROW_KEY_COLUMNS]);
    const char *sep = "";
    size_t i;
    json_t *k;
    json_array_foreach(keys, i, k) {
        const char *name = json_string_value(k);
        sb_adds(sb, sep);
        sql_ident(sb, name);
        sb_adds(sb, " = ");
        sql_literal_or_null(sb, json_string_value(json_object_get(values, name)));
        sep = " AND ";
    }
    json_decref(keys);
}

/* o's values in the table's column order: a new object, for
 * json_object_foreach. */
static json_t *ordered_values(const pa_object *o)
{
    json_t *values = parse(o->values[ROW_VALUES]);
    json_t *order = parse(o->values[ROW_COLUMN_ORDER]);
    json_t *ordered = json_object(), *c, *v;
    size_t i;
    const char *name;
    json_array_foreach(order, i, c) {
        const char *column = json_string_value(c);
        if (column && (v = json_object_get(values, column)))
            json_object_set(ordered, column, v);
    }
    json_object_foreach(values, name, v) {
        if (!json_object_get(ordered, name))
            json_object_set(ordered, name, v);
    }
    json_decref(order);
    json_decref(values);
    return ordered;
}

static void row_create(pa_plan *p, const pa_object *to)
{
    json_t *values = ordered_values(to);
    json_t *always = parse(to->values[ROW_ALWAYS_IDENTITY]);
    strbuf *sb = &plan_stmt(p, 0)->sql, list = STRBUF_INIT;
    bool overriding = false;
    const char *name, *sep = "";
    json_t *v;
    sb_adds(sb, "INSERT INTO ");
    kind_table_name(sb, to);
    sb_adds(sb, " (");
    json_object_foreach(values, name, v) {
        sb_adds(sb, sep);
        sql_ident(sb, name);
        sb_adds(&list, sep);
        sql_literal_or_null(&list, json_string_value(v));
        overriding = overriding || listed(always, name);
        sep = ", ";
    }
    /* The row's own identity value, as TARGET has it. */
    sb_addf(sb, ")%s VALUES (%s)", overriding ? " OVERRIDING SYSTEM VALUE" : "",
            sb_str(&list));
    sb_release(&list);
    json_decref(always);
    json_decref(values);
}

/* A line a column, in the table's order: "name: 'value'" or "name: NULL"
 * (a value's new lines indented). */
static void row_describe(strbuf *out, const pa_object *o)
{
    json_t *values = ordered_values(o);
    const char *name;
    json_t *v;
    json_object_foreach(values, name, v) {
        strbuf literal = STRBUF_INIT;
        sql_literal_or_null(&literal, json_string_value(v));
        sb_addf(out, "%s: ", name);
        for (const char *c = literal.buf; *c; c++) {
            sb_addc(out, *c);
            if (*c == '\n' && c[1])
                sb_adds(out, "  ");
        }
        sb_addc(out, '\n');
        sb_release(&literal);
    }
    json_decref(values);
}

/* The --data tables of m, each a SQL literal, ", " between. */
static void data_table_literals(strbuf *sb, const pa_model *m)
{
    for (size_t i = 0; i < m->ndata_tables; i++) {
        const pa_data_table *d = &m->data_tables[i];
        if (!d->schema)
            continue;
        strbuf name = STRBUF_INIT;
        sql_qualified(&name, d->schema, d->name);
        if (sb->len)
            sb_adds(sb, ", ");
        sql_literal(sb, name.buf);
        sb_release(&name);
    }
}

/* The preflight counts the rows of other tables the DELETE cascades to,
 * and those whose foreign keys would make it fail. */
static void row_drop(pa_plan *p, const pa_object *from)
{
    json_t *values = parse(from->values[ROW_VALUES]);
    strbuf condition = STRBUF_INIT, handled = STRBUF_INIT;
    add_key_condition(&condition, from, values);
    data_table_literals(&handled, plan_from(p));
    pa_stmt *stmt = plan_stmt(p, 0);
    sb_adds(&stmt->sql, "DELETE FROM ");
    kind_table_name(&stmt->sql, from);
    sb_addf(&stmt->sql, " WHERE %s", condition.buf);
    plan_check(stmt, CHECK_DELETE, from, NULL, handled.buf, condition.buf);
    sb_release(&condition);
    sb_release(&handled);
    json_decref(values);
}

/* SET each column of TARGET's row whose value FROM's lacks or has
 * otherwise. A column only FROM has is the schema's business (kept, or
 * dropped with --unsafe): a row that differs only there needs no UPDATE. */
static void row_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                      const bool *changed)
{
    (void)changed;
    json_t *old = parse(from->values[ROW_VALUES]), *new = ordered_values(to);
    json_t *always = parse(to->values[ROW_ALWAYS_IDENTITY]);
    strbuf set = STRBUF_INIT;
    const char *name;
    json_t *v;
    json_object_foreach(new, name, v) {
        json_t *was = json_object_get(old, name);
        if (was && json_equal(was, v))
            continue;
        if (listed(always, name)) {
            plan_warn(p, "%s: column %s is GENERATED ALWAYS AS IDENTITY: its value is "
                      "not updated (change it by hand)", to->key, name);
            continue;
        }
        sb_adds(&set, set.len ? ", " : " SET ");
        sql_ident(&set, name);
        sb_adds(&set, " = ");
        sql_literal_or_null(&set, json_string_value(v));
    }
    if (set.len) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "UPDATE ");
        kind_table_name(sb, to);
        sb_add(sb, set.buf, set.len);
        sb_adds(sb, " WHERE ");
        add_key_condition(sb, to, new);
    }
    sb_release(&set);
    json_decref(always);
    json_decref(old);
    json_decref(new);
}

/* The next value of the sequence behind column of table, moved past the
 * greatest key the plan inserted: the application's next INSERT would
 * take a key the plan gave a row. Only ever forward, for an ascending
 * sequence; one never used starts where it starts, if that is past. */
static void sequence_past_rows(pa_plan *p, const pa_object *row, const char *column)
{
    strbuf table = STRBUF_INIT, seq = STRBUF_INIT;
    kind_table_name(&table, row);
    sb_adds(&seq, "pg_get_serial_sequence(");
    sql_literal(&seq, table.buf);
    sb_adds(&seq, ", ");
    sql_literal(&seq, column);
    sb_adds(&seq, ")::regclass");
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_addf(sb, "SELECT setval(s.seq, m.top) FROM (SELECT %s AS seq) s"
            " JOIN pg_sequence q ON q.seqrelid = s.seq, (SELECT max(", seq.buf);
    sql_ident(sb, column);
    sb_addf(sb, ") AS top FROM %s) m WHERE q.seqincrement > 0"
            " AND m.top >= coalesce(pg_sequence_last_value(s.seq) + 1, q.seqstart)", table.buf);
    sb_release(&table);
    sb_release(&seq);
}

/* After the INSERTs: each table's sequences past its new rows, once. */
static void row_after_creates(pa_plan *p, const pa_object *const *created, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const pa_object *row = created[i];
        bool first = true;
        for (size_t j = 0; j < i && first; j++)
            first = strcmp(created[j]->schema, row->schema) != 0 ||
                    strcmp(created[j]->table, row->table) != 0;
        json_t *columns = first ? parse(row->values[ROW_SEQUENCE_COLUMNS]) : NULL;
        size_t k;
        json_t *c;
        json_array_foreach(columns, k, c)
            sequence_past_rows(p, row, json_string_value(c));
        json_decref(columns);
    }
}

/* values an object of strings and nulls, with each key column a string;
 * key_columns (and always_identity) arrays of strings. */
static bool row_validate(const pa_object *o, strbuf *err)
{
    json_t *values = parse(o->values[ROW_VALUES]), *keys = parse(o->values[ROW_KEY_COLUMNS]);
    json_t *always = parse(o->values[ROW_ALWAYS_IDENTITY]);
    bool ok = json_is_object(values) && json_is_array(keys) && json_array_size(keys) > 0 &&
              (!o->values[ROW_ALWAYS_IDENTITY] || json_is_array(always));
    const char *name;
    json_t *v;
    size_t i;
    json_object_foreach(ok ? values : NULL, name, v) {
        ok = ok && (json_is_string(v) || json_is_null(v));
    }
    json_array_foreach(ok ? keys : NULL, i, v) {
        ok = ok && json_is_string(v) &&
             json_is_string(json_object_get(values, json_string_value(v)));
    }
    if (!ok)
        sb_adds(err, "a row's values are not a JSON object of texts with its key's columns");
    json_decref(values);
    json_decref(keys);
    json_decref(always);
    return ok;
}

const pa_kind kind_data_row = {
    .name = "data_row",
    .rank = 150,
    .census_what = "data row",
    .attrs = KIND_ATTRS(row_attrs),
    .parents = KIND_PARENTS(&kind_table),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .absorbed_whatever_it_uses = true,
    .holds_data = true,
    .target = row_target,
    .create = row_create,
    .drop = row_drop,
    .alter = row_alter,
    .after_creates = row_after_creates,
    .describe = row_describe,
    .validate = row_validate,
};
