/* Composite types (CREATE TYPE ... AS (...)). Their attributes are
 * sub-objects (type_attribute.c), written into CREATE TYPE when the type
 * is new and added, dropped or altered one by one otherwise. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char composite_query[] =
    "SELECT n.nspname AS schema, t.typname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_type", "t.oid", "0") " AS address,"
    " " PA_SQL_ADDRESS("pg_type", "t.typarray", "0") " || ' ' ||"
    " " PA_SQL_ADDRESS("pg_class", "t.typrelid", "0") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " cm.description AS comment"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_class c ON c.oid = t.typrelid"
    PA_SQL_COMMENT_JOIN("pg_type", "t.oid", "0")
    " WHERE t.typtype = 'c' AND c.relkind = 'c' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

enum { COMPOSITE_COMMENT, COMPOSITE_NATTRS };
static const pa_attr_rule composite_attrs[] = {
    [COMPOSITE_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(composite_attrs, COMPOSITE_NATTRS);

static void composite_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TYPE ");
    kind_qualified(sb, o);
}

static void composite_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE TYPE ");
    kind_qualified(sb, to);
    sb_adds(sb, " AS (");
    const char *sep = "\n    ";
    for (const pa_object *a = model_child_of_kind(to, &kind_type_attribute); a;
         a = model_next_of_kind(a)) {
        sb_adds(sb, sep);
        type_attribute_definition(sb, a);
        sep = ",\n    ";
    }
    sb_adds(sb, strcmp(sep, "\n    ") == 0 ? ")" : "\n)");
}

const pa_kind kind_composite = {
    .name = "composite",
    .rank = 34,
    .query = composite_query,
    .attrs = KIND_ATTRS(composite_attrs),
    .schema_filtered = true,
    .target = composite_target,
    .create = composite_create,
};
