/* Rules of tables and views other than a view's own _RETURN rule (which
 * is the view): CREATE RULE as pg_get_ruledef prints it, with its event,
 * WHERE, INSTEAD or ALSO and its actions (NOTHING, or several). A changed
 * definition is drop and create; a changed enabled state is an ALTER
 * TABLE (a view's rules cannot be disabled). A rule that uses a column
 * blocks that column's type change: it is rebuilt around it. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char rule_query[] =
    "SELECT n.nspname AS schema, r.rulename AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_rewrite", "r.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " rtrim(pg_get_ruledef(r.oid), ';') AS definition,"
    " CASE r.ev_enabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA'"
    "   WHEN 'A' THEN 'ENABLE ALWAYS' END AS state,"
    " cm.description AS comment"
    " FROM pg_rewrite r"
    " JOIN pg_class c ON c.oid = r.ev_class"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_rewrite", "r.oid", "0")
    " WHERE r.rulename <> '_RETURN' AND c.relkind IN ('r', 'p', 'v')"
    " AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { RULE_DEFINITION, RULE_STATE, RULE_COMMENT, RULE_NATTRS };
static const pa_attr_rule rule_attrs[] = {
    [RULE_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [RULE_STATE] = {"state", ATTR_ALTER, OPTIONAL},
    [RULE_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(rule_attrs, RULE_NATTRS);

static void rule_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "RULE ");
    sql_ident(sb, o->name);
    sb_adds(sb, " ON ");
    kind_table_name(sb, o);
}

static void set_state(pa_plan *p, const pa_object *o)
{
    kind_set_enabled(p, o, "RULE", o->values[RULE_STATE]);
}

static void rule_create(pa_plan *p, const pa_object *to)
{
    sb_adds(&plan_stmt(p, 0)->sql, to->values[RULE_DEFINITION]);
    if (to->values[RULE_STATE])
        set_state(p, to);
}

static void rule_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                       const bool *changed)
{
    (void)from;
    if (changed[RULE_STATE])
        set_state(p, to);
}

static bool rule_validate(const pa_object *o, strbuf *err)
{
    if (strncmp(o->values[RULE_DEFINITION], "CREATE RULE ", 12) != 0) {
        sb_addf(err, "definition does not start with CREATE RULE: %s",
                o->values[RULE_DEFINITION]);
        return false;
    }
    return true;
}

const pa_kind kind_rule = {
    .name = "rule",
    .rank = 101,
    .snapshot_since = 4,
    .census_what = "rule",
    .query = rule_query,
    .attrs = KIND_ATTRS(rule_attrs),
    .canonical_attrs = KIND_ATTR_LIST(RULE_DEFINITION),
    .parents = KIND_PARENTS(&kind_table, &kind_view),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .lock_on_drop = true,
    .target = rule_target,
    .create = rule_create,
    .alter = rule_alter,
    .validate = rule_validate,
};
