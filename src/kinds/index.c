/* Indexes that are not the backing index of a constraint. The definition
 * comes from pg_get_indexdef; any change means drop and create. */
#include "kinds/kind.h"
#include "plan/plan.h"
#include "emit/quote.h"

#include <string.h>

static const char index_query[] =
    "SELECT n.nspname AS schema, ic.relname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "i.indexrelid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " regexp_replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ')"
    "   AS definition,"
    " CASE WHEN NOT i.indisvalid THEN 'INVALID' END AS invalid,"
    " CASE WHEN i.indisreplident THEN 'REPLICA IDENTITY' END AS replica_identity,"
    " cm.description AS comment"
    " FROM pg_index i"
    " JOIN pg_class ic ON ic.oid = i.indexrelid"
    " JOIN pg_class c ON c.oid = i.indrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_class", "i.indexrelid", "0")
    " WHERE (" PA_SQL_USER_TABLE("c", "n") " OR (c.relkind = 'm' AND "
    PA_SQL_USER_SCHEMA("n") "))"
    " AND NOT EXISTS (SELECT 1 FROM pg_constraint co"
    "   WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid"
    "   AND co.contype IN ('p', 'u', 'x'))"
    /* Indexes of partitions made for a partitioned table's index. */
    " AND NOT EXISTS (SELECT 1 FROM pg_inherits ih"
    "   WHERE ih.inhrelid = i.indexrelid)";

static const pa_attr_rule index_attrs[] = {
    {"definition", ATTR_REPLACE, REQUIRED},
    /* A CONCURRENTLY build that failed leaves an invalid index: built again. */
    {"invalid", ATTR_REPLACE, OPTIONAL},
    {"replica_identity", ATTR_ALTER, OPTIONAL},
    {"comment", ATTR_COMMENT, OPTIONAL},
};
enum { INDEX_DEFINITION, INDEX_INVALID, INDEX_REPLICA_IDENTITY };

/* REPLICA IDENTITY USING INDEX; back to DEFAULT when the table does not
 * get FULL or NOTHING instead (table.c). */
static void set_replica_identity(pa_plan *p, const pa_object *o, bool on)
{
    if (!on && o->parent && obj_value(o->parent, "replica_identity"))
        return;
    strbuf *sb = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE);
    kind_alter_table(sb, o);
    sb_adds(sb, " REPLICA IDENTITY ");
    if (on) {
        sb_adds(sb, "USING INDEX ");
        sql_ident(sb, o->name);
    } else {
        sb_adds(sb, "DEFAULT");
    }
}

static void index_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                        const bool *changed)
{
    (void)from;
    if (changed[INDEX_REPLICA_IDENTITY])
        set_replica_identity(p, to, to->values[INDEX_REPLICA_IDENTITY] != NULL);
}

static void index_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "INDEX ");
    kind_qualified(sb, o);
}

/* A partitioned table's index cannot be built or dropped CONCURRENTLY. */
static bool online_possible(const pa_plan *p, const pa_object *o)
{
    return p->online && !(o->parent && obj_value(o->parent, "partition_key"));
}

/* Building an index blocks writes to the table; a unique one fails on
 * duplicates, which preflight counts first. --online builds it
 * CONCURRENTLY, outside a transaction; IF NOT EXISTS makes a re-run pass
 * over what a run before it built. */
static void index_create(pa_plan *p, const pa_object *to)
{
    const char *def = to->values[INDEX_DEFINITION];
    bool unique = strncmp(def, "CREATE UNIQUE ", 14) == 0;
    bool online = online_possible(p, to);
    strbuf *sb = plan_stmt(p, HAZ_INDEX_BUILD | (unique ? HAZ_VALIDATES_ROWS : 0) |
                              (online ? HAZ_NO_TRANSACTION : 0));
    if (online) {
        const char *rest = def + (unique ? 20 : 13);   /* after "CREATE [UNIQUE ]INDEX " */
        sb_addf(sb, "CREATE %sINDEX CONCURRENTLY IF NOT EXISTS %s",
                unique ? "UNIQUE " : "", rest);
        plan_standalone(p);
    } else {
        sb_adds(sb, def);
    }
    if (unique)
        plan_check(p, CHECK_UNIQUE_INDEX, to, NULL, to->name, def);
    if (to->values[INDEX_REPLICA_IDENTITY])
        set_replica_identity(p, to, true);
}

static void index_drop(pa_plan *p, const pa_object *from)
{
    bool online = online_possible(p, from);
    strbuf *sb = plan_stmt(p, online ? HAZ_NO_TRANSACTION : HAZ_ACCESS_EXCLUSIVE);
    sb_adds(sb, online ? "DROP INDEX CONCURRENTLY IF EXISTS " : "DROP INDEX ");
    kind_qualified(sb, from);
    if (online)
        plan_standalone(p);
}

static const pa_feature index_features[] = {
    {"definition", " NULLS NOT DISTINCT", 150000, "NULLS NOT DISTINCT", false},
    {NULL, NULL, 0, NULL, false},
};

const pa_kind kind_index = {
    .name = "index",
    .rank = 80,
    .query = index_query,
    .features = index_features,
    .attrs = KIND_ATTRS(index_attrs),
    .parent_kind = "table|matview",
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .adapted_by_server = true,
    .target = index_target,
    .create = index_create,
    .drop = index_drop,
    .alter = index_alter,
};
