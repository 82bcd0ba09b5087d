/* Table inheritance: one sub-object per parent of a table, named by the
 * parent. New tables get INHERITS (...) in CREATE TABLE; existing ones
 * INHERIT or NO INHERIT. Inherited columns and constraints belong to the
 * parent and are not listed for the child (column.c, constraint.c). */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char inherit_query[] =
    "SELECT n.nspname AS schema,"
    " quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) AS name,"
    " c.relname AS tbl, NULL::text AS address, NULL::text AS aliases,"
    " " PA_SQL_ADDRESS("pg_class", "i.inhparent", "0") " AS deps,"
    " i.inhseqno AS ordinal"
    " FROM pg_inherits i"
    " JOIN pg_class c ON c.oid = i.inhrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_class pc ON pc.oid = i.inhparent"
    " JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
    " WHERE NOT c.relispartition AND " PA_SQL_USER_TABLE_OR_FOREIGN("c", "n");

static void inherit_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TABLE ");
    kind_table_name(sb, o);
}

static void set_inherit(pa_plan *p, const pa_object *o, const char *how)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    kind_alter_table(sb, o);
    sb_addf(sb, " %s %s", how, o->name);
}

static void inherit_create(pa_plan *p, const pa_object *to)
{
    set_inherit(p, to, "INHERIT");
}

static void inherit_drop(pa_plan *p, const pa_object *from)
{
    set_inherit(p, from, "NO INHERIT");
}

const pa_kind kind_inherit = {
    .name = "inherit",
    .rank = 53,
    .query = inherit_query,
    .parents = KIND_PARENTS(&kind_table, &kind_foreign_table),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .target = inherit_target,
    .create = inherit_create,
    .drop = inherit_drop,
};
