/* CHECK constraints of domains. A changed expression is a drop and add
 * (the add checks every stored value); NOT VALID is kept apart so that
 * validating one is an ALTER DOMAIN ... VALIDATE CONSTRAINT. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char domain_constraint_query[] =
    "SELECT n.nspname AS schema, co.conname AS name, t.typname AS tbl,"
    " " PA_SQL_ADDRESS("pg_constraint", "co.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " regexp_replace(pg_get_constraintdef(co.oid), ' NOT VALID$', '')"
    "   AS definition,"
    " CASE WHEN co.convalidated THEN NULL ELSE 'NOT VALID' END AS not_valid,"
    " cm.description AS comment"
    " FROM pg_constraint co"
    " JOIN pg_type t ON t.oid = co.contypid"
    " JOIN pg_namespace n ON n.oid = t.typnamespace"
    PA_SQL_COMMENT_JOIN("pg_constraint", "co.oid", "0")
    " WHERE co.contype = 'c' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

enum { DCON_DEFINITION, DCON_NOT_VALID, DCON_COMMENT, DCON_NATTRS };
static const pa_attr_rule domain_constraint_attrs[] = {
    [DCON_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [DCON_NOT_VALID] = {"not_valid", ATTR_ALTER, OPTIONAL},
    [DCON_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(domain_constraint_attrs, DCON_NATTRS);

static void domain_constraint_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "CONSTRAINT ");
    sql_ident(sb, o->name);
    sb_adds(sb, " ON DOMAIN ");
    kind_table_name(sb, o);
}

static strbuf *alter_domain(pa_plan *p, const pa_object *o, unsigned hazards,
                           const char *action)
{
    strbuf *sb = &plan_stmt(p, hazards)->sql;
    sb_adds(sb, "ALTER DOMAIN ");
    kind_table_name(sb, o);
    sb_addf(sb, " %s ", action);
    sql_ident(sb, o->name);
    return sb;
}

static void domain_constraint_create(pa_plan *p, const pa_object *to)
{
    bool validates = !to->values[DCON_NOT_VALID];
    strbuf *sb = alter_domain(p, to, validates ? HAZ_VALIDATES_ROWS : 0,
                              "ADD CONSTRAINT");
    sb_addf(sb, " %s", to->values[DCON_DEFINITION]);
    if (!validates)
        sb_adds(sb, " NOT VALID");
}

static void domain_constraint_drop(pa_plan *p, const pa_object *from)
{
    alter_domain(p, from, 0, "DROP CONSTRAINT");
}

static void domain_constraint_alter(pa_plan *p, const pa_object *from,
                                    const pa_object *to, const bool *changed)
{
    (void)from;
    if (changed[DCON_NOT_VALID])
        alter_domain(p, to, HAZ_VALIDATES_ROWS, "VALIDATE CONSTRAINT");
}

/* Making a valid constraint NOT VALID again means adding it anew. */
static bool domain_constraint_needs_replace(const pa_object *from,
                                            const pa_object *to)
{
    return !from->values[DCON_NOT_VALID] && to->values[DCON_NOT_VALID];
}

const pa_kind kind_domain_constraint = {
    .name = "domain_constraint",
    .rank = 33,
    .query = domain_constraint_query,
    .attrs = KIND_ATTRS(domain_constraint_attrs),
    .canonical_attrs = KIND_ATTR_LIST(DCON_DEFINITION),
    .parents = KIND_PARENTS(&kind_domain),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = domain_constraint_target,
    .create = domain_constraint_create,
    .drop = domain_constraint_drop,
    .alter = domain_constraint_alter,
    .needs_replace = domain_constraint_needs_replace,
};
