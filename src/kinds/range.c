/* Range types. The definition (subtype, operator class, collation,
 * canonical and difference functions, multirange name) is rendered by the
 * query; PostgreSQL cannot alter any of it, so a change is drop and
 * create. */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char range_query[] =
    "SELECT n.nspname AS schema, t.typname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_type", "t.oid", "0") " AS address,"
    " " PA_SQL_ADDRESS("pg_type", "t.typarray", "0") " || ' ' ||"
    " " PA_SQL_ADDRESS("pg_type", "r.rngmultitypid", "0") " || ' ' ||"
    " " PA_SQL_ADDRESS("pg_type", "mt.typarray", "0") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " 'SUBTYPE = ' || format_type(r.rngsubtype, NULL) ||"
    " CASE WHEN NOT opc.opcdefault THEN ', SUBTYPE_OPCLASS = ' ||"
    "   quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname) ELSE '' END ||"
    " CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation"
    "   THEN ', COLLATION = ' || quote_ident(cn.nspname) || '.' ||"
    "   quote_ident(co.collname) ELSE '' END ||"
    " CASE WHEN r.rngcanonical <> 0"
    "   THEN ', CANONICAL = ' || r.rngcanonical::regproc ELSE '' END ||"
    " CASE WHEN r.rngsubdiff <> 0"
    "   THEN ', SUBTYPE_DIFF = ' || r.rngsubdiff::regproc ELSE '' END ||"
    " ', MULTIRANGE_TYPE_NAME = ' || quote_ident(mn.nspname) || '.' ||"
    "   quote_ident(mt.typname) AS definition,"
    " cm.description AS comment"
    " FROM pg_range r"
    " JOIN pg_type t ON t.oid = r.rngtypid"
    " JOIN pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_type st ON st.oid = r.rngsubtype"
    " JOIN pg_opclass opc ON opc.oid = r.rngsubopc"
    " JOIN pg_namespace opn ON opn.oid = opc.opcnamespace"
    " JOIN pg_type mt ON mt.oid = r.rngmultitypid"
    " JOIN pg_namespace mn ON mn.oid = mt.typnamespace"
    " LEFT JOIN pg_collation co ON co.oid = r.rngcollation"
    " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
    PA_SQL_COMMENT_JOIN("pg_type", "t.oid", "0")
    " WHERE " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

enum { RANGE_DEFINITION, RANGE_COMMENT, RANGE_NATTRS };
static const pa_attr_rule range_attrs[] = {
    [RANGE_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [RANGE_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(range_attrs, RANGE_NATTRS);

static void range_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TYPE ");
    kind_qualified(sb, o);
}

static void range_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE TYPE ");
    kind_qualified(sb, to);
    sb_addf(sb, " AS RANGE (%s)", to->values[RANGE_DEFINITION]);
}

const pa_kind kind_range = {
    .name = "range",
    .rank = 36,
    .query = range_query,
    .attrs = KIND_ATTRS(range_attrs),
    .schema_filtered = true,
    .target = range_target,
    .create = range_create,
};
