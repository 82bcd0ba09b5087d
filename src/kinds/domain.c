/* Domains: base type, collation, default and NOT NULL. The default and
 * NOT NULL change with ALTER DOMAIN. A different base type or collation
 * cannot be altered: the domain is swapped for a new one, and the columns
 * that use it converted (type_swap.c), with what else uses it rebuilt.
 * Named CHECK constraints are sub-objects of their own
 * (domain_constraint.c). */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char domain_query[] =
    "SELECT n.nspname AS schema, t.typname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_type", "t.oid", "0") " AS address,"
    " " PA_SQL_ADDRESS("pg_type", "t.typarray", "0") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " format_type(t.typbasetype, t.typtypmod) AS base_type,"
    " CASE WHEN t.typcollation <> bt.typcollation"
    "   THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
    " END AS collation,"
    " pg_get_expr(t.typdefaultbin, 0) AS \"default\","
    " CASE WHEN t.typnotnull THEN 'NOT NULL' END AS notnull,"
    " cm.description AS comment"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_type bt ON bt.oid = t.typbasetype"
    " LEFT JOIN pg_collation co ON co.oid = t.typcollation"
    " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
    PA_SQL_COMMENT_JOIN("pg_type", "t.oid", "0")
    " WHERE t.typtype = 'd' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

enum { DOM_BASE_TYPE, DOM_COLLATION, DOM_DEFAULT, DOM_NOTNULL, DOM_COMMENT, DOM_NATTRS };
static const pa_attr_rule domain_attrs[] = {
    [DOM_BASE_TYPE] = {"base_type", ATTR_ALTER, NONEMPTY},
    [DOM_COLLATION] = {"collation", ATTR_ALTER, OPTIONAL},
    [DOM_DEFAULT] = {"default", ATTR_ALTER, OPTIONAL},
    [DOM_NOTNULL] = {"notnull", ATTR_ALTER, OPTIONAL},
    [DOM_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(domain_attrs, DOM_NATTRS);

static void domain_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "DOMAIN ");
    kind_qualified(sb, o);
}

static void domain_create(pa_plan *p, const pa_object *to)
{
    const char *const *v = to->values;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE DOMAIN ");
    kind_qualified(sb, to);
    sb_addf(sb, " AS %s", v[DOM_BASE_TYPE]);
    if (v[DOM_COLLATION])
        sb_addf(sb, " COLLATE %s", v[DOM_COLLATION]);
    if (v[DOM_DEFAULT])
        sb_addf(sb, " DEFAULT %s", v[DOM_DEFAULT]);
    if (v[DOM_NOTNULL])
        sb_adds(sb, " NOT NULL");
}

static strbuf *alter_domain(pa_plan *p, const pa_object *o, unsigned hazards,
                           const char *action)
{
    strbuf *sb = &plan_stmt(p, hazards)->sql;
    sb_adds(sb, "ALTER DOMAIN ");
    kind_qualified(sb, o);
    sb_addf(sb, " %s", action);
    return sb;
}

static void domain_alter(pa_plan *p, const pa_object *from,
                         const pa_object *to, const bool *changed)
{
    const char *const *v = to->values;
    if (changed[DOM_BASE_TYPE] || changed[DOM_COLLATION]) {
        kind_swap_type(p, from, to, "DOMAIN", v[DOM_BASE_TYPE], 0);
        return;
    }
    if (changed[DOM_DEFAULT] && v[DOM_DEFAULT])
        sb_addf(alter_domain(p, to, 0, "SET DEFAULT"), " %s", v[DOM_DEFAULT]);
    else if (changed[DOM_DEFAULT])
        alter_domain(p, to, 0, "DROP DEFAULT");
    if (changed[DOM_NOTNULL])
        alter_domain(p, to, v[DOM_NOTNULL] ? HAZ_VALIDATES_ROWS : 0,
                     v[DOM_NOTNULL] ? "SET NOT NULL" : "DROP NOT NULL");
}

static bool domain_alter_rebuilds(const pa_model *to_model, const pa_object *from,
                                  const pa_object *to)
{
    (void)to_model;
    return !same_string(from->values[DOM_BASE_TYPE], to->values[DOM_BASE_TYPE]) ||
           !same_string(from->values[DOM_COLLATION], to->values[DOM_COLLATION]);
}

const pa_kind kind_domain = {
    .name = "domain",
    .rank = 32,
    .query = domain_query,
    .attrs = KIND_ATTRS(domain_attrs),
    .canonical_attrs = KIND_ATTR_LIST(DOM_DEFAULT),
    .schema_filtered = true,
    .target = domain_target,
    .create = domain_create,
    .alter = domain_alter,
    .alter_rebuilds = domain_alter_rebuilds,
    .rebuild_is_new_object = true,
};
