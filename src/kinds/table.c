/* Tables, partitioned tables and partitions. Columns are created inside
 * CREATE TABLE and go away with DROP TABLE; constraints and indexes follow
 * as statements of their own, like pg_dump does, so foreign keys can wait
 * for the tables they reference. Being a partition (partition.c) or
 * inheriting (inherit.c) are sub-objects, written into CREATE TABLE when
 * the table is new. Row level security is enabled and forced here. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "kinds/table.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char table_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " AS address,"
    " " PA_SQL_ROWTYPE_ALIASES("c") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED' ELSE 'LOGGED' END"
    "   AS persistence,"
    " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END"
    "   AS partition_key,"
    " CASE WHEN c.relrowsecurity THEN 'ENABLE' END AS row_security,"
    " CASE WHEN c.relforcerowsecurity THEN 'FORCE' END AS force_row_security,"
    /* The table's storage parameters, then its TOAST table's as toast.* */
    " NULLIF(array_to_string(array_cat(c.reloptions,"
    "   ARRAY(SELECT 'toast.' || o FROM unnest(tc.reloptions) o)), ', '), '')"
    "   AS options,"
    " CASE WHEN am.amname <> 'heap' THEN am.amname END AS access_method,"
    /* USING INDEX is the index's (index.c): it must exist first. */
    " CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING' END"
    "   AS replica_identity,"
    " cm.description AS comment"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid"
    " LEFT JOIN pg_am am ON am.oid = c.relam"
    PA_SQL_COMMENT_JOIN("pg_class", "c.oid", "0")
    " WHERE " PA_SQL_USER_TABLE("c", "n");

enum { TABLE_PERSISTENCE, TABLE_PARTITION_KEY, TABLE_ROW_SECURITY, TABLE_FORCE_ROW_SECURITY,
       TABLE_OPTIONS, TABLE_ACCESS_METHOD, TABLE_REPLICA_IDENTITY, TABLE_COMMENT,
       TABLE_NATTRS };
static const pa_attr_rule table_attrs[] = {
    [TABLE_PERSISTENCE] = {"persistence", ATTR_ALTER, NONEMPTY},
    [TABLE_PARTITION_KEY] = {"partition_key", ATTR_REPLACE, OPTIONAL},
    [TABLE_ROW_SECURITY] = {"row_security", ATTR_ALTER, OPTIONAL},
    [TABLE_FORCE_ROW_SECURITY] = {"force_row_security", ATTR_ALTER, OPTIONAL},
    [TABLE_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [TABLE_ACCESS_METHOD] = {"access_method", ATTR_ALTER, OPTIONAL},
    [TABLE_REPLICA_IDENTITY] = {"replica_identity", ATTR_ALTER, OPTIONAL},
    [TABLE_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(table_attrs, TABLE_NATTRS);

static void table_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TABLE ");
    kind_qualified(sb, o);
}

void table_columns_clause(strbuf *sb, const pa_object *to)
{
    const char *sep = "\n    ";
    sb_adds(sb, " (");
    for (const pa_object *c = model_child_of_kind(to, &kind_column); c;
         c = model_next_of_kind(c)) {
        if (column_is_inherited(c))
            continue;
        sb_adds(sb, sep);
        column_definition(sb, c);
        sep = ",\n    ";
    }
    sb_adds(sb, strcmp(sep, "\n    ") == 0 ? ")" : "\n)");
}

void table_inherits_clause(strbuf *sb, const pa_object *to)
{
    const char *sep = "\nINHERITS (";
    for (const pa_object *c = model_child_of_kind(to, &kind_inherit); c;
         c = model_next_of_kind(c)) {
        sb_adds(sb, sep);
        sb_adds(sb, c->name);
        sep = ", ";
    }
    if (strcmp(sep, ", ") == 0)
        sb_addc(sb, ')');
}

void table_columns_after_create(pa_plan *p, const pa_object *to)
{
    for (const pa_object *c = model_child_of_kind(to, &kind_column); c;
         c = model_next_of_kind(c)) {
        if (!column_is_inherited(c))
            column_after_create(p, c);
    }
}

static void set_row_security(pa_plan *p, const pa_object *to, const char *what)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "ALTER TABLE ");
    kind_qualified(sb, to);
    sb_addf(sb, " %s ROW LEVEL SECURITY", what);
}

/* Supabase Realtime wants REPLICA IDENTITY FULL to send old rows. */
static void set_replica_identity(pa_plan *p, const pa_object *to)
{
    const char *ri = to->values[TABLE_REPLICA_IDENTITY];
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "ALTER TABLE ");
    kind_qualified(sb, to);
    sb_addf(sb, " REPLICA IDENTITY %s", ri ? ri : "DEFAULT");
}

static void table_create(pa_plan *p, const pa_object *to)
{
    const char *const *v = to->values;
    const pa_object *partition = model_child_of_kind(to, &kind_partition);
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    if (strcmp(v[TABLE_PERSISTENCE], "UNLOGGED") == 0)
        sb_adds(sb, "UNLOGGED ");
    sb_adds(sb, "TABLE ");
    kind_qualified(sb, to);
    if (partition) {
        partition_of_clause(sb, partition);
    } else {
        table_columns_clause(sb, to);
        table_inherits_clause(sb, to);
    }
    if (v[TABLE_PARTITION_KEY])
        sb_addf(sb, "\nPARTITION BY %s", v[TABLE_PARTITION_KEY]);
    if (v[TABLE_ACCESS_METHOD]) {
        sb_adds(sb, "\nUSING ");
        sql_ident(sb, v[TABLE_ACCESS_METHOD]);
    }
    if (v[TABLE_OPTIONS])
        sb_addf(sb, "\nWITH (%s)", v[TABLE_OPTIONS]);
    if (!partition)
        table_columns_after_create(p, to);
    if (v[TABLE_REPLICA_IDENTITY])
        set_replica_identity(p, to);
    if (v[TABLE_ROW_SECURITY])
        set_row_security(p, to, "ENABLE");
    if (v[TABLE_FORCE_ROW_SECURITY])
        set_row_security(p, to, "FORCE");
}

/* A new access method rewrites the table (PostgreSQL 15 and later). */
static void set_access_method(pa_plan *p, const pa_object *to)
{
    const char *method = to->values[TABLE_ACCESS_METHOD];
    strbuf *sb = &plan_stmt(p, HAZ_TABLE_REWRITE | HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "ALTER TABLE ");
    kind_qualified(sb, to);
    sb_adds(sb, " SET ACCESS METHOD ");
    sql_ident(sb, method ? method : "heap");
}

static void table_drop(pa_plan *p, const pa_object *from)
{
    pa_stmt *drop = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE);
    sb_adds(&drop->sql, "DROP ");
    table_target(&drop->sql, from);
    plan_check(drop, CHECK_LOSS_ROWS, from, NULL, NULL, NULL);
}

static void table_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                        const bool *changed)
{
    const char *const *v = to->values;
    if (changed[TABLE_PERSISTENCE]) {
        strbuf *sb = &plan_stmt(p, HAZ_TABLE_REWRITE | HAZ_ACCESS_EXCLUSIVE)->sql;
        sb_adds(sb, "ALTER TABLE ");
        kind_qualified(sb, to);
        sb_addf(sb, " SET %s", v[TABLE_PERSISTENCE]);
    }
    if (changed[TABLE_ROW_SECURITY])
        set_row_security(p, to, v[TABLE_ROW_SECURITY] ? "ENABLE" : "DISABLE");
    if (changed[TABLE_FORCE_ROW_SECURITY])
        set_row_security(p, to, v[TABLE_FORCE_ROW_SECURITY] ? "FORCE" : "NO FORCE");
    if (changed[TABLE_OPTIONS])
        kind_alter_options(p, "ALTER TABLE", to, from->values[TABLE_OPTIONS],
                           v[TABLE_OPTIONS]);
    if (changed[TABLE_ACCESS_METHOD])
        set_access_method(p, to);
    if (changed[TABLE_REPLICA_IDENTITY])
        set_replica_identity(p, to);
}

/* Only a new partition key replaces a table, and that loses its rows. */
static bool table_replace_loses_data(const pa_object *from, const pa_object *to)
{
    (void)from;
    (void)to;
    return true;
}

/* CREATE TABLE ... USING works on every supported server; changing it
 * in place does not. */
static const pa_feature table_features[] = {
    {TABLE_ACCESS_METHOD, NULL, 150000, "a new access method for an existing table", FEATURE_CHANGED},
    {.what = NULL},
};

const char *table_partition_key(const pa_object *o)
{
    return o->kind == &kind_table ? o->values[TABLE_PARTITION_KEY] : NULL;
}

const char *table_replica_identity(const pa_object *o)
{
    return o->kind == &kind_table ? o->values[TABLE_REPLICA_IDENTITY] : NULL;
}

const pa_kind kind_table = {
    .name = "table",
    .rank = 50,
    .query = table_query,
    .cost = 31,
    .features = table_features,
    .attrs = KIND_ATTRS(table_attrs),
    .schema_filtered = true,
    .holds_data = true,
    .lock_on_drop = true,
    .target = table_target,
    .drop = table_drop,
    .create = table_create,
    .alter = table_alter,
    .replace_loses_data = table_replace_loses_data,
};
