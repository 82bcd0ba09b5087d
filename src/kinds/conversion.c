/* Encoding conversions a user created (not an extension's): the two
 * encodings, the function and whether it is the default for the pair.
 * None of it can be altered: a change is drop and create, after the
 * function it uses (pg_depend). */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char conversion_query[] =
    "SELECT n.nspname AS schema, c.conname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_conversion", "c.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " pg_encoding_to_char(c.conforencoding) AS source_encoding,"
    " pg_encoding_to_char(c.contoencoding) AS target_encoding,"
    " c.conproc::regproc::text AS function,"
    " CASE WHEN c.condefault THEN 'DEFAULT' END AS is_default,"
    " cm.description AS comment"
    " FROM pg_conversion c JOIN pg_namespace n ON n.oid = c.connamespace"
    PA_SQL_COMMENT_JOIN("pg_conversion", "c.oid", "0")
    " WHERE c.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_conversion", "c.oid");

enum { CONV_SOURCE, CONV_TARGET, CONV_FUNCTION, CONV_DEFAULT, CONV_COMMENT, CONV_NATTRS };
static const pa_attr_rule conversion_attrs[] = {
    [CONV_SOURCE] = {"source_encoding", ATTR_REPLACE, NONEMPTY},
    [CONV_TARGET] = {"target_encoding", ATTR_REPLACE, NONEMPTY},
    [CONV_FUNCTION] = {"function", ATTR_REPLACE, NONEMPTY},
    [CONV_DEFAULT] = {"is_default", ATTR_REPLACE, OPTIONAL},
    [CONV_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(conversion_attrs, CONV_NATTRS);

static void conversion_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "CONVERSION ");
    kind_qualified(sb, o);
}

static void conversion_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, to->values[CONV_DEFAULT] ? "CREATE DEFAULT " : "CREATE ");
    conversion_target(sb, to);
    sb_adds(sb, " FOR ");
    sql_literal(sb, to->values[CONV_SOURCE]);
    sb_adds(sb, " TO ");
    sql_literal(sb, to->values[CONV_TARGET]);
    sb_addf(sb, " FROM %s", to->values[CONV_FUNCTION]);
}

const pa_kind kind_conversion = {
    .name = "conversion",
    .rank = 48,
    .snapshot_since = 4,
    .census_what = "conversion",
    .query = conversion_query,
    .attrs = KIND_ATTRS(conversion_attrs),
    .schema_filtered = true,
    .target = conversion_target,
    .create = conversion_create,
};
