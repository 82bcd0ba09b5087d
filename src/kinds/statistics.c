/* Extended statistics (CREATE STATISTICS): the kinds, columns and
 * expressions are pg_get_statisticsobjdef's text, and any change to it is
 * drop and create; the statistics target changes with ALTER STATISTICS.
 * Named in their own schema, which may not be their table's: not a
 * sub-object of the table, so a table the plan drops has its statistics
 * dropped first. A column type change drops and creates them around it:
 * the server rebuilds them itself, but without their target. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char statistics_query[] =
    "SELECT n.nspname AS schema, s.stxname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_statistic_ext", "s.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " pg_get_statisticsobjdef(s.oid) AS definition,"
    " {{target}} AS target,"
    " cm.description AS comment"
    " FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace"
    PA_SQL_COMMENT_JOIN("pg_statistic_ext", "s.oid", "0")
    " WHERE " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_statistic_ext", "s.oid");

/* The default target is NULL from PostgreSQL 17, -1 before. */
static const pa_sql_variant statistics_variants[] = {
    {"target", 170000, "s.stxstattarget::text"},
    {"target", 0, "CASE WHEN s.stxstattarget >= 0 THEN s.stxstattarget::text END"},
    {NULL, 0, NULL},
};

enum { STX_DEFINITION, STX_TARGET, STX_COMMENT, STX_NATTRS };
static const pa_attr_rule statistics_attrs[] = {
    [STX_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [STX_TARGET] = {"target", ATTR_ALTER, OPTIONAL},
    [STX_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(statistics_attrs, STX_NATTRS);

static void statistics_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "STATISTICS ");
    kind_qualified(sb, o);
}

/* -1 is the default on every major (17 also takes DEFAULT). */
static void set_target(pa_plan *p, const pa_object *o)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER ");
    statistics_target(sb, o);
    sb_addf(sb, " SET STATISTICS %s", o->values[STX_TARGET] ? o->values[STX_TARGET] : "-1");
}

static void statistics_create(pa_plan *p, const pa_object *to)
{
    sb_adds(&plan_stmt(p, 0)->sql, to->values[STX_DEFINITION]);
    if (to->values[STX_TARGET])
        set_target(p, to);
}

static void statistics_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                             const bool *changed)
{
    (void)from;
    if (changed[STX_TARGET])
        set_target(p, to);
}

static bool statistics_validate(const pa_object *o, strbuf *err)
{
    if (strncmp(o->values[STX_DEFINITION], "CREATE STATISTICS ", 18) != 0) {
        sb_addf(err, "definition does not start with CREATE STATISTICS: %s",
                o->values[STX_DEFINITION]);
        return false;
    }
    return true;
}

const pa_kind kind_statistics = {
    .name = "statistics",
    .rank = 82,
    .snapshot_since = 4,
    .census_what = "statistics",
    .query = statistics_query,
    .variants = statistics_variants,
    .attrs = KIND_ATTRS(statistics_attrs),
    .canonical_attrs = KIND_ATTR_LIST(STX_DEFINITION),
    .schema_filtered = true,
    .target = statistics_target,
    .create = statistics_create,
    .alter = statistics_alter,
    .validate = statistics_validate,
};
