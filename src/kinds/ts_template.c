/* Text search templates: the functions behind a kind of dictionary (an
 * optional INIT, and LEXIZE). Neither can be altered, so a change is drop
 * and create, with the dictionaries made from the template (and the
 * configurations that use those) rebuilt around it. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char ts_template_query[] =
    "SELECT n.nspname AS schema, t.tmplname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_ts_template", "t.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE WHEN t.tmplinit = 0 THEN '' ELSE 'INIT = ' || t.tmplinit::regproc || ', ' END ||"
    " 'LEXIZE = ' || t.tmpllexize::regproc AS definition,"
    " cm.description AS comment"
    " FROM pg_ts_template t JOIN pg_namespace n ON n.oid = t.tmplnamespace"
    PA_SQL_COMMENT_JOIN("pg_ts_template", "t.oid", "0")
    " WHERE t.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_ts_template", "t.oid");

enum { TMPL_DEFINITION, TMPL_COMMENT, TMPL_NATTRS };
static const pa_attr_rule ts_template_attrs[] = {
    [TMPL_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [TMPL_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(ts_template_attrs, TMPL_NATTRS);

static void ts_template_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TEXT SEARCH TEMPLATE ");
    kind_qualified(sb, o);
}

static void ts_template_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    ts_template_target(sb, to);
    sb_addf(sb, " (%s)", to->values[TMPL_DEFINITION]);
}

const pa_kind kind_ts_template = {
    .name = "text_search_template",
    .rank = 42,
    .snapshot_since = 4,
    .census_what = "text search template",
    .query = ts_template_query,
    .attrs = KIND_ATTRS(ts_template_attrs),
    .schema_filtered = true,
    .target = ts_template_target,
    .create = ts_template_create,
};
