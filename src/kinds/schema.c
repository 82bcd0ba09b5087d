/* Schemas. */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char schema_query[] =
    "SELECT NULL::text AS schema, n.nspname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_namespace", "n.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " cm.description AS comment"
    " FROM pg_namespace n"
    PA_SQL_COMMENT_JOIN("pg_namespace", "n.oid", "0")
    " WHERE " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_namespace", "n.oid");

enum { SCHEMA_COMMENT, SCHEMA_NATTRS };
static const pa_attr_rule schema_attrs[] = {
    [SCHEMA_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(schema_attrs, SCHEMA_NATTRS);

static void schema_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "SCHEMA ");
    sql_ident(sb, o->name);
}

static void schema_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE SCHEMA ");
    sql_ident(sb, to->name);
}

const pa_kind kind_schema = {
    .name = "schema",
    .rank = 10,
    .query = schema_query,
    .attrs = KIND_ATTRS(schema_attrs),
    .schema_filtered = true,
    .target = schema_target,
    .create = schema_create,
};
