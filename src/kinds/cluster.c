/* CLUSTER ON: the index a table (or materialized view) is clustered on,
 * which CLUSTER without an index name uses. One sub-object per table,
 * named by the index; it depends on the index, so an index built again
 * is marked again. pg_dump prints it as ALTER TABLE ... CLUSTER ON. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char cluster_query[] =
    "SELECT n.nspname AS schema, ic.relname AS name, c.relname AS tbl,"
    " NULL::text AS address, NULL::text AS aliases,"
    " " PA_SQL_ADDRESS("pg_class", "i.indexrelid", "0") " AS deps,"
    " NULL::int AS ordinal"
    " FROM pg_index i"
    " JOIN pg_class ic ON ic.oid = i.indexrelid"
    " JOIN pg_class c ON c.oid = i.indrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE i.indisclustered AND (" PA_SQL_USER_TABLE("c", "n")
    " OR (c.relkind = 'm' AND " PA_SQL_USER_SCHEMA("n") "))";

static void alter_relation(strbuf *sb, const pa_object *o)
{
    bool matview = o->parent && o->parent->kind == &kind_matview;
    sb_adds(sb, matview ? "ALTER MATERIALIZED VIEW " : "ALTER TABLE ");
    kind_table_name(sb, o);
}

static void cluster_target(strbuf *sb, const pa_object *o)
{
    alter_relation(sb, o);
}

static void cluster_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    alter_relation(sb, to);
    sb_adds(sb, " CLUSTER ON ");
    sql_ident(sb, to->name);
}

static void cluster_drop(pa_plan *p, const pa_object *from)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    alter_relation(sb, from);
    sb_adds(sb, " SET WITHOUT CLUSTER");
}

const pa_kind kind_cluster = {
    .name = "cluster",
    .rank = 81,
    .query = cluster_query,
    .parents = KIND_PARENTS(&kind_table, &kind_matview),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = cluster_target,
    .create = cluster_create,
    .drop = cluster_drop,
};
