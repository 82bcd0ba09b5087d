/* A view column's own default: what an INSERT or UPDATE through the view
 * (by a rule, or as an updatable view) gets where it names no value.
 * ALTER VIEW … ALTER COLUMN … SET / DROP DEFAULT. A view dropped and
 * created again loses it: it is a child of the view, set again after. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

/* Views are few: from each view's _RETURN rule, an index probe of
 * pg_attrdef (OFFSET 0 keeps the planner from a join); a scan of pg_class
 * or of every table's defaults cost more at 5,000 tables. pg_get_expr
 * without the view, as column_default.c: a default names no column. */
static const char view_default_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_attrdef", "v.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, a.attnum AS ordinal,"
    " pg_get_expr(v.adbin, 0) AS expression"
    " FROM (SELECT d.oid, d.adrelid, d.adnum, d.adbin FROM pg_rewrite r"
    "  CROSS JOIN LATERAL (SELECT * FROM pg_attrdef d WHERE d.adrelid = r.ev_class"
    "  OFFSET 0) d WHERE r.rulename = '_RETURN' OFFSET 0) v"
    " JOIN pg_class c ON c.oid = v.adrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_attribute a ON a.attrelid = v.adrelid AND a.attnum = v.adnum"
    " WHERE c.relkind = 'v' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { VDEF_EXPRESSION, VDEF_NATTRS };
static const pa_attr_rule view_default_attrs[] = {
    [VDEF_EXPRESSION] = {"expression", ATTR_ALTER, NONEMPTY},
};
KIND_ATTRS_IN_STEP(view_default_attrs, VDEF_NATTRS);

static void view_default_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "DEFAULT ON ");
    kind_column_name(sb, o);
}

/* ALTER VIEW takes the view's ACCESS EXCLUSIVE lock: queries of the view
 * wait for the plan's transaction. */
static strbuf *alter_view_column(pa_plan *p, const pa_object *o, const char *action)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "ALTER VIEW ");
    kind_table_name(sb, o);
    sb_adds(sb, " ALTER COLUMN ");
    sql_ident(sb, o->name);
    sb_adds(sb, action);
    return sb;
}

static void view_default_create(pa_plan *p, const pa_object *to)
{
    sb_adds(alter_view_column(p, to, " SET DEFAULT "), to->values[VDEF_EXPRESSION]);
}

static void view_default_drop(pa_plan *p, const pa_object *from)
{
    alter_view_column(p, from, " DROP DEFAULT");
}

static void view_default_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                               const bool *changed)
{
    (void)from;
    if (changed[VDEF_EXPRESSION])
        view_default_create(p, to);
}

const pa_kind kind_view_default = {
    .name = "view_default",
    .rank = 97,
    .snapshot_since = 4,
    .census_what = "view column default",
    .query = view_default_query,
    .attrs = KIND_ATTRS(view_default_attrs),
    .canonical_attrs = KIND_ATTR_LIST(VDEF_EXPRESSION),
    .parents = KIND_PARENTS(&kind_view),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = view_default_target,
    .create = view_default_create,
    .drop = view_default_drop,
    .alter = view_default_alter,
};
