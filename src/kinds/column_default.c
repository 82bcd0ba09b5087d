/* Column defaults, a sub-object of their column. Apart from the column so
 * that what a default uses (a function, a sequence) can be replaced or
 * dropped around it: DROP DEFAULT first, SET DEFAULT after, while the
 * column and its data stay. A new column gets its default inside its
 * definition. (Generated expressions stay with the column.) */
#include "kinds/kind.h"
#include "kinds/column.h"
#include "plan/plan.h"
#include "emit/quote.h"

/* pg_get_expr without the table: a default cannot name a column (the
 * generated expressions, which do, are the column's), and given the table
 * the server opens it, building its cache entry: most of the time of
 * this query on a big catalog. */
static const char default_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_attrdef", "ad.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, a.attnum AS ordinal,"
    " pg_get_expr(ad.adbin, 0) AS expression"
    " FROM pg_attrdef ad"
    " JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum"
    " JOIN pg_class c ON c.oid = ad.adrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE a.attgenerated = '' AND NOT a.attisdropped"
    " AND " PA_SQL_OWN_COLUMN("c", "a")
    " AND " PA_SQL_USER_TABLE("c", "n");

static const pa_attr_rule default_attrs[] = {
    {"expression", ATTR_ALTER, REQUIRED},
};
enum { DEF_EXPRESSION };

static void default_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "DEFAULT ON ");
    kind_column_name(sb, o);
}

static void default_create(pa_plan *p, const pa_object *to)
{
    sb_adds(alter_column(p, to, 0, "SET DEFAULT "), to->values[DEF_EXPRESSION]);
}

static void default_drop(pa_plan *p, const pa_object *from)
{
    alter_column(p, from, 0, "DROP DEFAULT");
}

static void default_alter(pa_plan *p, const pa_object *from,
                          const pa_object *to, const bool *changed)
{
    (void)from;
    if (changed[DEF_EXPRESSION])
        default_create(p, to);
}

const pa_kind kind_column_default = {
    .name = "default",
    .rank = 56,
    .query = default_query,
    .attrs = KIND_ATTRS(default_attrs),
    .parent_kind = "column",
    .table_in_key = true,
    .parent_is_namesake = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .target = default_target,
    .create = default_create,
    .drop = default_drop,
    .alter = default_alter,
};
