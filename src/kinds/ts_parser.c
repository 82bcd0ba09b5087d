/* Text search parsers: the five functions (four, without a headline
 * function) that split a document into tokens. None of them can be
 * altered, so a change is drop and create, with the configurations that
 * use the parser rebuilt around it. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

/* The functions as regproc: bare in pg_catalog (inspection's search path),
 * qualified elsewhere. */
static const char ts_parser_query[] =
    "SELECT n.nspname AS schema, p.prsname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_ts_parser", "p.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " 'START = ' || p.prsstart::regproc || ', GETTOKEN = ' || p.prstoken::regproc ||"
    " ', END = ' || p.prsend::regproc || ', LEXTYPES = ' || p.prslextype::regproc ||"
    " CASE WHEN p.prsheadline = 0 THEN ''"
    "   ELSE ', HEADLINE = ' || p.prsheadline::regproc END AS definition,"
    " cm.description AS comment"
    " FROM pg_ts_parser p JOIN pg_namespace n ON n.oid = p.prsnamespace"
    PA_SQL_COMMENT_JOIN("pg_ts_parser", "p.oid", "0")
    " WHERE p.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_ts_parser", "p.oid");

enum { PRS_DEFINITION, PRS_COMMENT, PRS_NATTRS };
static const pa_attr_rule ts_parser_attrs[] = {
    [PRS_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [PRS_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(ts_parser_attrs, PRS_NATTRS);

static void ts_parser_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TEXT SEARCH PARSER ");
    kind_qualified(sb, o);
}

static void ts_parser_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    ts_parser_target(sb, to);
    sb_addf(sb, " (%s)", to->values[PRS_DEFINITION]);
}

const pa_kind kind_ts_parser = {
    .name = "text_search_parser",
    .rank = 41,
    .snapshot_since = 4,
    .census_what = "text search parser",
    .query = ts_parser_query,
    .attrs = KIND_ATTRS(ts_parser_attrs),
    .schema_filtered = true,
    .target = ts_parser_target,
    .create = ts_parser_create,
};
