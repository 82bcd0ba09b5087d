/* Access methods made with CREATE ACCESS METHOD (not an extension's, which
 * come with it): a table or index method and its handler function. Nothing
 * about one can be altered, so a change is drop and create; tables and
 * indexes that use it depend on it. Global: no schema. */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char access_method_query[] =
    "SELECT NULL::text AS schema, am.amname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_am", "am.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE am.amtype WHEN 't' THEN 'TABLE' ELSE 'INDEX' END AS type,"
    " am.amhandler::regproc::text AS handler,"
    " cm.description AS comment"
    " FROM pg_am am"
    PA_SQL_COMMENT_JOIN("pg_am", "am.oid", "0")
    " WHERE am.oid >= 16384"
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_am", "am.oid");

enum { AM_TYPE, AM_HANDLER, AM_COMMENT, AM_NATTRS };
static const pa_attr_rule access_method_attrs[] = {
    [AM_TYPE] = {"type", ATTR_REPLACE, NONEMPTY},
    [AM_HANDLER] = {"handler", ATTR_REPLACE, NONEMPTY},
    [AM_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(access_method_attrs, AM_NATTRS);

static void access_method_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "ACCESS METHOD ");
    sql_ident(sb, o->name);
}

static void access_method_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ACCESS METHOD ");
    sql_ident(sb, to->name);
    sb_addf(sb, " TYPE %s HANDLER %s", to->values[AM_TYPE], to->values[AM_HANDLER]);
}

const pa_kind kind_access_method = {
    .name = "access_method",
    .rank = 47,
    .query = access_method_query,
    .attrs = KIND_ATTRS(access_method_attrs),
    .target = access_method_target,
    .create = access_method_create,
};
