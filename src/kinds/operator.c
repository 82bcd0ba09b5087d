/* Operators a user created (not an extension's, nor a shell a COMMUTATOR
 * named before it existed): named by their symbol and operand types,
 * "===(integer, integer)" ("NONE" for a prefix operator's left). The
 * function, commutator, negator, HASHES and MERGES are drop and create
 * (ALTER OPERATOR sets the last four only from 17); the selectivity
 * estimators by ALTER OPERATOR … SET (RESTRICT, JOIN). */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

/* ", LABEL = OPERATOR(schema.symbol)" for the operator col names, or "". */
#define OPR_LINK(col, label) \
    " CASE WHEN o." col " <> 0 THEN ', " label " = OPERATOR(' ||" \
    "   (SELECT quote_ident(ln.nspname) || '.' || l.oprname" \
    "      FROM pg_operator l JOIN pg_namespace ln ON ln.oid = l.oprnamespace" \
    "     WHERE l.oid = o." col ") || ')' ELSE '' END ||"

static const char operator_query[] =
    "SELECT n.nspname AS schema,"
    " o.oprname || '(' || CASE WHEN o.oprleft = 0 THEN 'NONE'"
    "   ELSE format_type(o.oprleft, NULL) END"
    "   || ', ' || format_type(o.oprright, NULL) || ')' AS name,"
    " NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_operator", "o.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " o.oprname AS symbol,"
    " CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END AS left_type,"
    " format_type(o.oprright, NULL) AS right_type,"
    " 'FUNCTION = ' || o.oprcode::regproc ||"
    OPR_LINK("oprcom", "COMMUTATOR")
    OPR_LINK("oprnegate", "NEGATOR")
    " CASE WHEN o.oprcanhash THEN ', HASHES' ELSE '' END ||"
    " CASE WHEN o.oprcanmerge THEN ', MERGES' ELSE '' END AS definition,"
    " NULLIF(o.oprrest, 0)::regproc::text AS restrict,"
    " NULLIF(o.oprjoin, 0)::regproc::text AS join,"
    " cm.description AS comment"
    " FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace"
    PA_SQL_COMMENT_JOIN("pg_operator", "o.oid", "0")
    " WHERE o.oprcode <> 0 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_operator", "o.oid");

enum { OPR_SYMBOL, OPR_LEFT, OPR_RIGHT, OPR_DEFINITION, OPR_RESTRICT, OPR_JOIN, OPR_COMMENT,
       OPR_NATTRS };
static const pa_attr_rule operator_attrs[] = {
    [OPR_SYMBOL] = {"symbol", ATTR_INFO, NONEMPTY},
    [OPR_LEFT] = {"left_type", ATTR_INFO, NONEMPTY},
    [OPR_RIGHT] = {"right_type", ATTR_INFO, NONEMPTY},
    [OPR_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [OPR_RESTRICT] = {"restrict", ATTR_ALTER, OPTIONAL},
    [OPR_JOIN] = {"join", ATTR_ALTER, OPTIONAL},
    [OPR_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(operator_attrs, OPR_NATTRS);

/* schema.symbol: a symbol is never quoted (it is not an identifier). */
static void operator_name(strbuf *sb, const pa_object *o)
{
    sql_ident(sb, o->schema);
    sb_addf(sb, ".%s", o->values[OPR_SYMBOL]);
}

static void operator_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "OPERATOR ");
    operator_name(sb, o);
    sb_addf(sb, " (%s, %s)", o->values[OPR_LEFT], o->values[OPR_RIGHT]);
}

static void add_estimators(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "RESTRICT = %s, JOIN = %s",
            o->values[OPR_RESTRICT] ? o->values[OPR_RESTRICT] : "NONE",
            o->values[OPR_JOIN] ? o->values[OPR_JOIN] : "NONE");
}

static void operator_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE OPERATOR ");
    operator_name(sb, to);
    sb_adds(sb, " (\n    ");
    if (strcmp(to->values[OPR_LEFT], "NONE") != 0)
        sb_addf(sb, "LEFTARG = %s, ", to->values[OPR_LEFT]);
    sb_addf(sb, "RIGHTARG = %s,\n    %s", to->values[OPR_RIGHT], to->values[OPR_DEFINITION]);
    if (to->values[OPR_RESTRICT])
        sb_addf(sb, ",\n    RESTRICT = %s", to->values[OPR_RESTRICT]);
    if (to->values[OPR_JOIN])
        sb_addf(sb, ",\n    JOIN = %s", to->values[OPR_JOIN]);
    sb_adds(sb, "\n)");
}

static void operator_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                           const bool *changed)
{
    (void)from;
    if (!changed[OPR_RESTRICT] && !changed[OPR_JOIN])
        return;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER ");
    operator_target(sb, to);
    sb_adds(sb, " SET (");
    add_estimators(sb, to);
    sb_adds(sb, ")");
}

/* The symbol comes from a snapshot too, and is written unquoted: only
 * the characters an operator may have. */
static bool operator_validate(const pa_object *o, strbuf *err)
{
    const char *symbol = o->values[OPR_SYMBOL];
    if (strspn(symbol, "+-*/<>=~!@#%^&|`?") != strlen(symbol)) {
        sb_addf(err, "not an operator symbol: %s", symbol);
        return false;
    }
    return true;
}

const pa_kind kind_operator = {
    .name = "operator",
    .signature = "(",
    .rank = 46,
    .snapshot_since = 4,
    .census_what = "operator",
    .query = operator_query,
    .attrs = KIND_ATTRS(operator_attrs),
    .schema_filtered = true,
    .target = operator_target,
    .create = operator_create,
    .alter = operator_alter,
    .validate = operator_validate,
};
