/* Comments on the columns of views and materialized views (table columns
 * have theirs in column.c). Only commented columns are listed; the
 * column itself comes with its view's query. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char view_column_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " NULL::text AS address, NULL::text AS aliases, NULL::text AS deps,"
    " a.attnum AS ordinal, cm.description AS comment"
    " FROM pg_attribute a"
    " JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_description cm ON cm.objoid = a.attrelid"
    "   AND cm.classoid = 'pg_class'::regclass AND cm.objsubid = a.attnum"
    " WHERE c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped"
    " AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { VIEW_COLUMN_COMMENT, VIEW_COLUMN_NATTRS };
static const pa_attr_rule view_column_attrs[] = {
    [VIEW_COLUMN_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(view_column_attrs, VIEW_COLUMN_NATTRS);

static void view_column_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "COLUMN ");
    kind_column_name(sb, o);
}

/* The column exists with its view; only the comment is to set, and the
 * plan writes comments after each create. */
static void view_column_create(pa_plan *p, const pa_object *to)
{
    (void)p;
    (void)to;
}

static void view_column_drop(pa_plan *p, const pa_object *from)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "COMMENT ON ");
    view_column_target(sb, from);
    sb_adds(sb, " IS NULL");
}

const pa_kind kind_view_column = {
    .name = "view_column",
    .rank = 96,
    .query = view_column_query,
    .attrs = KIND_ATTRS(view_column_attrs),
    .parents = KIND_PARENTS(&kind_view, &kind_matview),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = view_column_target,
    .create = view_column_create,
    .drop = view_column_drop,
};
