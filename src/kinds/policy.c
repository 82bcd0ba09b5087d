/* Row level security policies. Roles and the USING / WITH CHECK
 * expressions change with ALTER POLICY; a different command or
 * permissive/restrictive mode, or an expression that goes away (ALTER
 * POLICY cannot remove one), needs drop and create. Enabling and forcing
 * row level security are attributes of the table (table.c). */
#include "kinds/kinds.h"
#include "kinds/policy.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char policy_query[] =
    "SELECT n.nspname AS schema, pol.polname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_policy", "pol.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END"
    "   AS mode,"
    " CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'"
    "   WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END"
    "   AS command,"
    " (SELECT string_agg(CASE WHEN r.oid = 0 THEN 'PUBLIC'"
    "         ELSE quote_ident(a.rolname) END, ', '"
    "         ORDER BY r.oid <> 0, a.rolname)"
    "    FROM unnest(pol.polroles) r(oid)"
    "    LEFT JOIN pg_roles a ON a.oid = r.oid) AS roles,"
    " pg_get_expr(pol.polqual, pol.polrelid) AS using_expr,"
    " pg_get_expr(pol.polwithcheck, pol.polrelid) AS check_expr,"
    " cm.description AS comment"
    " FROM pg_policy pol"
    " JOIN pg_class c ON c.oid = pol.polrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_policy", "pol.oid", "0")
    " WHERE " PA_SQL_USER_SCHEMA("n");

enum { POL_MODE, POL_COMMAND, POL_ROLES, POL_USING, POL_CHECK, POL_COMMENT, POL_NATTRS };
static const pa_attr_rule policy_attrs[] = {
    [POL_MODE] = {"mode", ATTR_REPLACE, NONEMPTY},
    [POL_COMMAND] = {"command", ATTR_REPLACE, NONEMPTY},
    [POL_ROLES] = {"roles", ATTR_ALTER, NONEMPTY},
    [POL_USING] = {"using_expr", ATTR_ALTER, OPTIONAL},
    [POL_CHECK] = {"check_expr", ATTR_ALTER, OPTIONAL},
    [POL_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(policy_attrs, POL_NATTRS);

static void policy_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "POLICY ");
    sql_ident(sb, o->name);
    sb_adds(sb, " ON ");
    kind_table_name(sb, o);
}

static void add_expressions(strbuf *sb, const pa_object *o, const bool *changed)
{
    if (o->values[POL_USING] && (!changed || changed[POL_USING]))
        sb_addf(sb, "\n  USING (%s)", o->values[POL_USING]);
    if (o->values[POL_CHECK] && (!changed || changed[POL_CHECK]))
        sb_addf(sb, "\n  WITH CHECK (%s)", o->values[POL_CHECK]);
}

static void policy_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "CREATE ");
    policy_target(sb, to);
    sb_addf(sb, "\n  AS %s FOR %s TO %s", to->values[POL_MODE],
            to->values[POL_COMMAND], to->values[POL_ROLES]);
    add_expressions(sb, to, NULL);
}

static void policy_alter(pa_plan *p, const pa_object *from,
                         const pa_object *to, const bool *changed)
{
    (void)from;
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "ALTER ");
    policy_target(sb, to);
    if (changed[POL_ROLES])
        sb_addf(sb, "\n  TO %s", to->values[POL_ROLES]);
    add_expressions(sb, to, changed);
}

static bool removed(const pa_object *from, const pa_object *to, int attr)
{
    return from->values[attr] && !to->values[attr];
}

static bool policy_needs_replace(const pa_object *from, const pa_object *to)
{
    return removed(from, to, POL_USING) || removed(from, to, POL_CHECK);
}

const char *policy_roles(const pa_object *o)
{
    return o->kind == &kind_policy ? o->values[POL_ROLES] : NULL;
}

const pa_kind kind_policy = {
    .name = "policy",
    .rank = 105,
    .query = policy_query,
    .attrs = KIND_ATTRS(policy_attrs),
    .canonical_attrs = KIND_ATTR_LIST(POL_USING, POL_CHECK),
    .parents = KIND_PARENTS(&kind_table),
    .table_in_key = true,
    .schema_filtered = true,
    .kept_in_managed_schemas = true,
    .absorbed_on_parent_drop = true,
    .lock_on_drop = true,
    .target = policy_target,
    .create = policy_create,
    .alter = policy_alter,
    .needs_replace = policy_needs_replace,
};
