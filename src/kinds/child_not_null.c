/* NOT NULL that a partition or an inheriting table sets itself on a
 * column it inherits, where no parent's column is NOT NULL: the column
 * comes with the parent's (column.c leaves it to the parent), so without
 * this kind CREATE TABLE ... PARTITION OF would lose it. An object is
 * there or not: SET NOT NULL or DROP NOT NULL on the child. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char child_not_null_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " NULL::text AS address, NULL::text AS aliases,"
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " AS deps, a.attnum AS ordinal"
    " FROM pg_attribute a"
    " JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull"
    " AND (c.relispartition OR NOT a.attislocal)"
    " AND " PA_SQL_USER_TABLE_OR_FOREIGN("c", "n")
    " AND NOT EXISTS (SELECT FROM pg_inherits i JOIN pg_attribute pa"
    "   ON pa.attrelid = i.inhparent AND pa.attname = a.attname"
    "   WHERE i.inhrelid = c.oid AND pa.attnotnull)";

static void child_not_null_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "COLUMN ");
    kind_column_name(sb, o);
}

static pa_stmt *set_not_null(pa_plan *p, const pa_object *o, const char *action)
{
    pa_stmt *stmt = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE);
    strbuf *sb = &stmt->sql;
    kind_alter_table(sb, o);
    sb_adds(sb, " ALTER COLUMN ");
    sql_ident(sb, o->name);
    sb_addf(sb, " %s NOT NULL", action);
    return stmt;
}

static void child_not_null_create(pa_plan *p, const pa_object *to)
{
    plan_check(set_not_null(p, to, "SET"), CHECK_NOT_NULL, to, to->name, NULL, NULL);
}

static void child_not_null_drop(pa_plan *p, const pa_object *from)
{
    set_not_null(p, from, "DROP");
}

const pa_kind kind_child_not_null = {
    .name = "child_not_null",
    .rank = 58,
    .query = child_not_null_query,
    .parents = KIND_PARENTS(&kind_column),
    .table_in_key = true,
    .parent_is_namesake = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = child_not_null_target,
    .create = child_not_null_create,
    .drop = child_not_null_drop,
};
