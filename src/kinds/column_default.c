/* Column defaults, a sub-object of their column. Apart from the column so
 * that what a default uses (a function, a sequence) can be replaced or
 * dropped around it: DROP DEFAULT first, SET DEFAULT after, while the
 * column and its data stay. A new column gets its default inside its
 * definition. (Generated expressions stay with the column.) */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

/* pg_get_expr without the table: a default cannot name a column (the
 * generated expressions, which do, are the column's), and given the table
 * the server opens it, building its cache entry: most of the time of
 * this query on a big catalog.
 * Every table's defaults, partitions' and inherited columns' too: each
 * can differ from its parent's. For those, the parent whose column it
 * inherits (the first) and that column's default: a new partition starts
 * with a copy of it. */
static const char default_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_attrdef", "ad.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, a.attnum AS ordinal,"
    " pg_get_expr(ad.adbin, 0) AS expression,"
    " par.nspname AS parent_schema, par.relname AS parent_table,"
    " par.expression AS parent_expression,"
    " CASE WHEN c.relhassubclass THEN 'ONLY' END AS only,"
    /* Whether it calls a volatile function (gen_random_uuid(), nextval):
     * ADD COLUMN with it computes it for every row, a rewrite. The
     * expression tree names each function it calls by oid. */
    " CASE WHEN EXISTS (SELECT 1"
    "   FROM regexp_matches(ad.adbin::text, ':(?:op)?funcid (\\d+)', 'g') AS f(m)"
    "   JOIN pg_proc p ON p.oid = f.m[1]::oid WHERE p.provolatile = 'v')"
    "   THEN 'volatile' END AS volatility"
    " FROM pg_attrdef ad"
    " JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum"
    " JOIN pg_class c ON c.oid = ad.adrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN LATERAL (SELECT pn.nspname, pc.relname,"
    "   pg_get_expr(pad.adbin, 0) AS expression"
    "   FROM pg_inherits i"
    "   JOIN pg_class pc ON pc.oid = i.inhparent"
    "   JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
    "   JOIN pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname"
    "   LEFT JOIN pg_attrdef pad ON pad.adrelid = pa.attrelid AND pad.adnum = pa.attnum"
    "   WHERE a.attinhcount > 0 AND i.inhrelid = c.oid"
    "   ORDER BY i.inhseqno LIMIT 1) par ON true"
    " WHERE a.attgenerated = '' AND NOT a.attisdropped"
    " AND " PA_SQL_USER_TABLE_OR_FOREIGN("c", "n");

enum { DEF_EXPRESSION, DEF_PARENT_SCHEMA, DEF_PARENT_TABLE, DEF_PARENT_EXPRESSION, DEF_ONLY,
       DEF_VOLATILITY, DEF_NATTRS };
static const pa_attr_rule default_attrs[] = {
    [DEF_EXPRESSION] = {"expression", ATTR_ALTER, NONEMPTY},
    [DEF_PARENT_SCHEMA] = {"parent_schema", ATTR_INFO, OPTIONAL},
    [DEF_PARENT_TABLE] = {"parent_table", ATTR_INFO, OPTIONAL},
    [DEF_PARENT_EXPRESSION] = {"parent_expression", ATTR_INFO, OPTIONAL},
    [DEF_ONLY] = {"only", ATTR_INFO, OPTIONAL},
    [DEF_VOLATILITY] = {"volatility", ATTR_INFO, OPTIONAL},
};
KIND_ATTRS_IN_STEP(default_attrs, DEF_NATTRS);

bool column_default_is_volatile(const pa_object *dflt)
{
    return dflt->values[DEF_VOLATILITY] != NULL;
}

static void default_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "DEFAULT ON ");
    kind_column_name(sb, o);
}

/* ONLY on a table with partitions or children: SET and DROP DEFAULT
 * would carry on to theirs, which are compared on their own. */
static strbuf *alter_default(pa_plan *p, const pa_object *o, bool only,
                             const char *action)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, only ? "ALTER TABLE ONLY " : "ALTER TABLE ");
    kind_table_name(sb, o);
    sb_adds(sb, " ALTER COLUMN ");
    sql_ident(sb, o->name);
    sb_adds(sb, action);
    return sb;
}

static void set_default(pa_plan *p, const pa_object *to, bool only)
{
    sb_adds(alter_default(p, to, only, " SET DEFAULT "), to->values[DEF_EXPRESSION]);
}

static void default_create(pa_plan *p, const pa_object *to)
{
    set_default(p, to, to->values[DEF_ONLY]);
}

static void default_drop(pa_plan *p, const pa_object *from)
{
    alter_default(p, from, from->values[DEF_ONLY], " DROP DEFAULT");
}

static void default_alter(pa_plan *p, const pa_object *from,
                          const pa_object *to, const bool *changed)
{
    if (changed[DEF_EXPRESSION])
        set_default(p, to, from->values[DEF_ONLY] || to->values[DEF_ONLY]);
}

/* A new partition (or child) gets its parent's default: nothing to do
 * when that is the one it should have. */
static const pa_object *default_copied_from(const pa_model *m, const pa_object *o)
{
    const char *const *v = o->values;
    if (!v[DEF_PARENT_TABLE] || !v[DEF_PARENT_EXPRESSION] ||
        strcmp(v[DEF_PARENT_EXPRESSION], v[DEF_EXPRESSION]) != 0)
        return NULL;
    return model_lookup(m, o->kind, v[DEF_PARENT_SCHEMA], v[DEF_PARENT_TABLE], o->name);
}

const pa_kind kind_column_default = {
    .name = "default",
    .rank = 56,
    .query = default_query,
    .cost = 79,
    .attrs = KIND_ATTRS(default_attrs),
    .canonical_attrs = KIND_ATTR_LIST(DEF_EXPRESSION),
    .parents = KIND_PARENTS(&kind_column),
    .table_in_key = true,
    .parent_is_namesake = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .target = default_target,
    .create = default_create,
    .drop = default_drop,
    .alter = default_alter,
    .copied_from = default_copied_from,
};
