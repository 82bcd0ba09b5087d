/* Attributes of composite types. ADD and DROP ATTRIBUTE work even while
 * a table stores the type (dropping loses that part of the values);
 * ALTER ATTRIBUTE ... SET DATA TYPE does not, which PostgreSQL reports. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char type_attribute_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, t.typname AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "a.attrelid", "a.attnum") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, a.attnum AS ordinal,"
    " format_type(a.atttypid, a.atttypmod) AS type,"
    " CASE WHEN a.attcollation <> at.typcollation"
    "   THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
    " END AS collation,"
    " cm.description AS comment"
    " FROM pg_attribute a"
    " JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'c'"
    " JOIN pg_type t ON t.oid = c.reltype"
    " JOIN pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_type at ON at.oid = a.atttypid"
    " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
    " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
    PA_SQL_COMMENT_JOIN("pg_class", "a.attrelid", "a.attnum")
    " WHERE a.attnum > 0 AND NOT a.attisdropped AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

enum { TA_TYPE, TA_COLLATION, TA_COMMENT, TA_NATTRS };
static const pa_attr_rule type_attribute_attrs[] = {
    [TA_TYPE] = {"type", ATTR_ALTER, NONEMPTY},
    [TA_COLLATION] = {"collation", ATTR_ALTER, OPTIONAL},
    [TA_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(type_attribute_attrs, TA_NATTRS);

static void type_attribute_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "COLUMN ");
    kind_column_name(sb, o);
}

void type_attribute_definition(strbuf *sb, const pa_object *a)
{
    sql_ident(sb, a->name);
    sb_addf(sb, " %s", a->values[TA_TYPE]);
    if (a->values[TA_COLLATION])
        sb_addf(sb, " COLLATE %s", a->values[TA_COLLATION]);
}

static strbuf *alter_type(pa_plan *p, const pa_object *o, const char *action)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER TYPE ");
    kind_table_name(sb, o);
    sb_addf(sb, " %s ", action);
    return sb;
}

static void type_attribute_create(pa_plan *p, const pa_object *to)
{
    type_attribute_definition(alter_type(p, to, "ADD ATTRIBUTE"), to);
}

static void type_attribute_drop(pa_plan *p, const pa_object *from)
{
    sql_ident(alter_type(p, from, "DROP ATTRIBUTE"), from->name);
}

static void type_attribute_alter(pa_plan *p, const pa_object *from,
                                 const pa_object *to, const bool *changed)
{
    (void)from;
    if (!changed[TA_TYPE] && !changed[TA_COLLATION])
        return;
    strbuf *sb = alter_type(p, to, "ALTER ATTRIBUTE");
    sql_ident(sb, to->name);
    sb_addf(sb, " SET DATA TYPE %s", to->values[TA_TYPE]);
    if (to->values[TA_COLLATION])
        sb_addf(sb, " COLLATE %s", to->values[TA_COLLATION]);
}

const pa_kind kind_type_attribute = {
    .name = "type_attribute",
    .rank = 35,
    .query = type_attribute_query,
    .attrs = KIND_ATTRS(type_attribute_attrs),
    .parents = KIND_PARENTS(&kind_composite),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .target = type_attribute_target,
    .create = type_attribute_create,
    .drop = type_attribute_drop,
    .alter = type_attribute_alter,
};
