/* Being a partition: a sub-object of the partition's table holding its
 * parent and bound. A new partition is created with PARTITION OF (its
 * columns come from the parent); an existing table is attached or
 * detached; a changed bound or parent is a detach and attach, which keeps
 * the rows. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char partition_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, c.relname AS tbl,"
    " NULL::text AS address, NULL::text AS aliases,"
    " " PA_SQL_ADDRESS("pg_class", "i.inhparent", "0") " AS deps,"
    " NULL::int AS ordinal,"
    " quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) AS parent,"
    " pg_get_expr(c.relpartbound, c.oid) AS bound"
    " FROM pg_class c"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_inherits i ON i.inhrelid = c.oid"
    " JOIN pg_class pc ON pc.oid = i.inhparent"
    " JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
    " WHERE c.relispartition AND " PA_SQL_USER_TABLE_OR_FOREIGN("c", "n");

enum { PART_PARENT, PART_BOUND, PART_NATTRS };
static const pa_attr_rule partition_attrs[] = {
    [PART_PARENT] = {"parent", ATTR_REPLACE, NONEMPTY},
    [PART_BOUND] = {"bound", ATTR_REPLACE, NONEMPTY},
};
KIND_ATTRS_IN_STEP(partition_attrs, PART_NATTRS);

static void partition_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TABLE ");
    kind_qualified(sb, o);
}

void partition_of_clause(strbuf *sb, const pa_object *partition)
{
    sb_addf(sb, " PARTITION OF %s\n%s", partition->values[PART_PARENT],
            partition->values[PART_BOUND]);
}

static void partition_create(pa_plan *p, const pa_object *to)
{
    /* Rows are checked against the bound, under a lock on the partition. */
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE | HAZ_VALIDATES_ROWS)->sql;
    sb_addf(sb, "ALTER TABLE %s ATTACH PARTITION ", to->values[PART_PARENT]);
    kind_qualified(sb, to);
    sb_addf(sb, " %s", to->values[PART_BOUND]);
}

static void partition_drop(pa_plan *p, const pa_object *from)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_addf(sb, "ALTER TABLE %s DETACH PARTITION ", from->values[PART_PARENT]);
    kind_qualified(sb, from);
}

const pa_kind kind_partition = {
    .name = "partition",
    .rank = 52,
    .query = partition_query,
    .attrs = KIND_ATTRS(partition_attrs),
    .parents = KIND_PARENTS(&kind_table, &kind_foreign_table),
    .table_in_key = true,
    .parent_is_namesake = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .target = partition_target,
    .create = partition_create,
    .drop = partition_drop,
};
