/* Operator families a user created (not an extension's): named "name
 * USING method". Their own members (opfamily_member.h: what ALTER
 * OPERATOR FAMILY … ADD put there, and what the access method moved
 * there from a class) are added and dropped one by one; the classes in
 * a family are operator_class.c's. */
#include "kinds/kinds.h"
#include "kinds/opfamily_member.h"
#include "plan/stmt.h"

#include <string.h>

static const char operator_family_query[] =
    "SELECT n.nspname AS schema, f.opfname || ' USING ' || am.amname AS name,"
    " NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_opfamily", "f.oid", "0") " AS address,"
    OPF_MEMBER_ALIASES("pg_opfamily", "f.oid")
    " NULL::text AS deps, NULL::int AS ordinal,"
    " f.opfname AS family, am.amname AS method,"
    OPF_MEMBERS("pg_opfamily", "f.oid")
    " cm.description AS comment"
    " FROM pg_opfamily f JOIN pg_namespace n ON n.oid = f.opfnamespace"
    " JOIN pg_am am ON am.oid = f.opfmethod"
    PA_SQL_COMMENT_JOIN("pg_opfamily", "f.oid", "0")
    " WHERE f.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_opfamily", "f.oid");

enum { OPF_FAMILY, OPF_METHOD, OPF_MEMBERS_ATTR, OPF_COMMENT, OPF_NATTRS };
static const pa_attr_rule operator_family_attrs[] = {
    [OPF_FAMILY] = {"family", ATTR_INFO, NONEMPTY},
    [OPF_METHOD] = {"method", ATTR_INFO, NONEMPTY},
    [OPF_MEMBERS_ATTR] = {"members", ATTR_ALTER, OPTIONAL},
    [OPF_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(operator_family_attrs, OPF_NATTRS);

static void operator_family_target(strbuf *sb, const pa_object *o)
{
    opf_target(sb, "OPERATOR FAMILY", o->schema, o->values[OPF_FAMILY], o->values[OPF_METHOD]);
}

/* One ALTER OPERATOR FAMILY … ADD (or DROP) for the members of list
 * that the other list lacks. */
static void add_or_drop(pa_plan *p, const pa_object *o, const char *list,
                        const char *other, bool add)
{
    strbuf *sb = NULL;
    opf_member m;
    for (const char *s = list; opf_next_member(&s, &m);) {
        if (opf_has_member(other, &m))
            continue;
        if (!sb) {
            sb = &plan_stmt(p, 0)->sql;
            sb_adds(sb, "ALTER ");
            operator_family_target(sb, o);
            sb_adds(sb, add ? " ADD\n    " : " DROP\n    ");
        } else {
            sb_adds(sb, ",\n    ");
        }
        if (add)
            opf_add_clause(sb, &m);
        else
            opf_drop_clause(sb, &m);
    }
}

static void operator_family_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    operator_family_target(sb, to);
    add_or_drop(p, to, to->values[OPF_MEMBERS_ATTR], NULL, true);
}

/* A member whose definition changed under the same key is dropped and
 * added again: ADD does not replace. */
static void operator_family_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                                  const bool *changed)
{
    if (!changed[OPF_MEMBERS_ATTR])
        return;
    const char *old = from->values[OPF_MEMBERS_ATTR], *new = to->values[OPF_MEMBERS_ATTR];
    add_or_drop(p, to, old, new, false);
    add_or_drop(p, to, new, old, true);
}

/* The members come from a snapshot too: lines the plan can take apart. */
static bool operator_family_validate(const pa_object *o, strbuf *err)
{
    return opf_members_valid(o->values[OPF_MEMBERS_ATTR], err);
}

const pa_kind kind_operator_family = {
    .name = "operator_family",
    .signature = " USING ",
    .rank = 48,
    .snapshot_since = 4,
    .census_what = "operator family",
    .query = operator_family_query,
    .attrs = KIND_ATTRS(operator_family_attrs),
    .schema_filtered = true,
    .alter_remakes_deps = true,
    .target = operator_family_target,
    .create = operator_family_create,
    .alter = operator_family_alter,
    .validate = operator_family_validate,
};
