/* Materialized views. Their rows are derived, so a changed query means
 * drop and create (there is no CREATE OR REPLACE), and they are rebuilt
 * around a type change of a column they read, like views. Their indexes
 * are ordinary index objects (index.c). */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char matview_query[] =
    PA_SQL_VIEW_IDENTITY
    " array_to_string(c.reloptions, ', ') AS options,"
    " CASE WHEN c.relispopulated THEN 'WITH DATA' ELSE 'WITH NO DATA' END"
    "   AS populated,"
    " cm.description AS comment"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_rewrite r ON r.ev_class = c.oid AND r.rulename = '_RETURN'"
    PA_SQL_COMMENT_JOIN("pg_class", "c.oid", "0")
    " WHERE c.relkind = 'm' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { MV_DEFINITION, MV_OPTIONS, MV_POPULATED, MV_COMMENT, MV_NATTRS };
static const pa_attr_rule matview_attrs[] = {
    [MV_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [MV_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [MV_POPULATED] = {"populated", ATTR_INFO, NONEMPTY},  /* data, not schema: create only */
    [MV_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(matview_attrs, MV_NATTRS);

static void matview_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "MATERIALIZED VIEW ");
    kind_qualified(sb, o);
}

static void matview_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE MATERIALIZED VIEW ");
    kind_qualified(sb, to);
    if (to->values[MV_OPTIONS] && *to->values[MV_OPTIONS])
        sb_addf(sb, " WITH (%s)", to->values[MV_OPTIONS]);
    sb_addf(sb, " AS\n%s\n%s", to->values[MV_DEFINITION], to->values[MV_POPULATED]);
}

static void matview_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                          const bool *changed)
{
    if (changed[MV_OPTIONS])
        kind_alter_options(p, "ALTER MATERIALIZED VIEW", to, from->values[MV_OPTIONS],
                           to->values[MV_OPTIONS]);
}

const pa_kind kind_matview = {
    .name = "matview",
    .rank = 95,
    .query = matview_query,
    .attrs = KIND_ATTRS(matview_attrs),
    .canonical_attrs = KIND_ATTR_LIST(MV_DEFINITION),
    .schema_filtered = true,
    .lock_on_drop = true,
    .target = matview_target,
    .create = matview_create,
    .alter = matview_alter,
};
