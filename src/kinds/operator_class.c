/* Operator classes a user created (not an extension's): named "name
 * USING method", for a type, in a family, with the members that are the
 * class's own (opfamily_member.h). Nothing of a class can be altered but
 * its name: a change is drop and create, with the indexes that use it
 * rebuilt around it. The family is always named: CREATE OPERATOR CLASS
 * without FAMILY makes one of its own name, which is operator_family.c's
 * to create (pg_depend orders it first). */
#include "kinds/kinds.h"
#include "kinds/opfamily_member.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char operator_class_query[] =
    "SELECT n.nspname AS schema, c.opcname || ' USING ' || am.amname AS name,"
    " NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_opclass", "c.oid", "0") " AS address,"
    OPF_MEMBER_ALIASES("pg_opclass", "c.oid")
    " NULL::text AS deps, NULL::int AS ordinal,"
    " c.opcname AS class, am.amname AS method,"
    " format_type(c.opcintype, NULL) AS type,"
    " CASE WHEN c.opcdefault THEN 'DEFAULT' END AS is_default,"
    " " PA_SQL_QUALIFIED("fn.nspname", "f.opfname") " AS family,"
    " CASE WHEN c.opckeytype <> 0 THEN format_type(c.opckeytype, NULL) END AS storage,"
    OPF_MEMBERS("pg_opclass", "c.oid")
    " cm.description AS comment"
    " FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace"
    " JOIN pg_am am ON am.oid = c.opcmethod"
    " JOIN pg_opfamily f ON f.oid = c.opcfamily"
    " JOIN pg_namespace fn ON fn.oid = f.opfnamespace"
    PA_SQL_COMMENT_JOIN("pg_opclass", "c.oid", "0")
    " WHERE c.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_opclass", "c.oid");

enum { OPC_CLASS, OPC_METHOD, OPC_TYPE, OPC_DEFAULT, OPC_FAMILY, OPC_STORAGE, OPC_MEMBERS,
       OPC_COMMENT, OPC_NATTRS };
static const pa_attr_rule operator_class_attrs[] = {
    [OPC_CLASS] = {"class", ATTR_INFO, NONEMPTY},
    [OPC_METHOD] = {"method", ATTR_INFO, NONEMPTY},
    [OPC_TYPE] = {"type", ATTR_REPLACE, NONEMPTY},
    [OPC_DEFAULT] = {"is_default", ATTR_REPLACE, OPTIONAL},
    [OPC_FAMILY] = {"family", ATTR_REPLACE, NONEMPTY},
    [OPC_STORAGE] = {"storage", ATTR_REPLACE, OPTIONAL},
    [OPC_MEMBERS] = {"members", ATTR_REPLACE, OPTIONAL},
    [OPC_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(operator_class_attrs, OPC_NATTRS);

static void operator_class_target(strbuf *sb, const pa_object *o)
{
    opf_target(sb, "OPERATOR CLASS", o->schema, o->values[OPC_CLASS], o->values[OPC_METHOD]);
}

/* As pg_dump writes it: where the class has no member of its own (an
 * access method may move them all to the family), STORAGE stands in for
 * them, as AS needs one item (a storage type equal to the class's type
 * means none). */
static void operator_class_create(pa_plan *p, const pa_object *to)
{
    const char *const *v = to->values;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_addf(sb, "CREATE OPERATOR CLASS ");
    sql_ident(sb, to->schema);
    sb_addc(sb, '.');
    sql_ident(sb, v[OPC_CLASS]);
    sb_addf(sb, "%s FOR TYPE %s USING ", v[OPC_DEFAULT] ? " DEFAULT" : "", v[OPC_TYPE]);
    sql_ident(sb, v[OPC_METHOD]);
    sb_addf(sb, " FAMILY %s AS", v[OPC_FAMILY]);
    const char *sep = "\n    ";
    opf_member m;
    for (const char *s = v[OPC_MEMBERS]; opf_next_member(&s, &m); sep = ",\n    ") {
        sb_adds(sb, sep);
        opf_add_clause(sb, &m);
    }
    if (v[OPC_STORAGE] || !v[OPC_MEMBERS])
        sb_addf(sb, "%sSTORAGE %s", sep, v[OPC_STORAGE] ? v[OPC_STORAGE] : v[OPC_TYPE]);
}

static bool operator_class_validate(const pa_object *o, strbuf *err)
{
    const char *is_default = o->values[OPC_DEFAULT];
    if (is_default && strcmp(is_default, "DEFAULT") != 0) {
        sb_addf(err, "is_default is neither DEFAULT nor null: %s", is_default);
        return false;
    }
    return opf_members_valid(o->values[OPC_MEMBERS], err);
}

const pa_kind kind_operator_class = {
    .name = "operator_class",
    .signature = " USING ",
    .rank = 49,
    .snapshot_since = 4,
    .census_what = "operator class",
    .query = operator_class_query,
    .attrs = KIND_ATTRS(operator_class_attrs),
    .schema_filtered = true,
    .target = operator_class_target,
    .create = operator_class_create,
    .validate = operator_class_validate,
};
