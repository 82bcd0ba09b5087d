/* Aggregates, told apart by identity arguments like functions. The
 * definition is rendered by the query from pg_aggregate; a change is drop
 * and create, with what uses the aggregate rebuilt around it. */
#include "kinds/kind.h"
#include "kinds/routine.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#define AGG_FN(col, label) \
    " CASE WHEN a." col " <> 0 THEN ', " label " = ' || a." col "::regproc" \
    " ELSE '' END ||"
#define AGG_MODIFY(col, fn, label) \
    " CASE WHEN a." fn " = 0 THEN '' WHEN a." col " = 'r' THEN ''" \
    " ELSE ', " label " = ' || CASE a." col " WHEN 's' THEN 'SHAREABLE'" \
    " ELSE 'READ_WRITE' END END ||"

static const char aggregate_query[] =
    PA_SQL_ROUTINE_IDENTITY
    " pg_get_function_arguments(p.oid) AS arguments,"
    " 'SFUNC = ' || a.aggtransfn::regproc ||"
    " ', STYPE = ' || format_type(a.aggtranstype, NULL) ||"
    " CASE WHEN a.aggtransspace <> 0"
    "   THEN ', SSPACE = ' || a.aggtransspace ELSE '' END ||"
    AGG_FN("aggfinalfn", "FINALFUNC")
    " CASE WHEN a.aggfinalextra THEN ', FINALFUNC_EXTRA' ELSE '' END ||"
    AGG_MODIFY("aggfinalmodify", "aggfinalfn", "FINALFUNC_MODIFY")
    AGG_FN("aggcombinefn", "COMBINEFUNC")
    AGG_FN("aggserialfn", "SERIALFUNC")
    AGG_FN("aggdeserialfn", "DESERIALFUNC")
    " CASE WHEN a.agginitval IS NOT NULL"
    "   THEN ', INITCOND = ' || quote_literal(a.agginitval) ELSE '' END ||"
    AGG_FN("aggmtransfn", "MSFUNC")
    AGG_FN("aggminvtransfn", "MINVFUNC")
    " CASE WHEN a.aggmtranstype <> 0"
    "   THEN ', MSTYPE = ' || format_type(a.aggmtranstype, NULL) ELSE '' END ||"
    " CASE WHEN a.aggmtransspace <> 0"
    "   THEN ', MSSPACE = ' || a.aggmtransspace ELSE '' END ||"
    AGG_FN("aggmfinalfn", "MFINALFUNC")
    " CASE WHEN a.aggmfinalextra THEN ', MFINALFUNC_EXTRA' ELSE '' END ||"
    AGG_MODIFY("aggmfinalmodify", "aggmfinalfn", "MFINALFUNC_MODIFY")
    " CASE WHEN a.aggminitval IS NOT NULL"
    "   THEN ', MINITCOND = ' || quote_literal(a.aggminitval) ELSE '' END ||"
    " CASE WHEN a.aggsortop <> 0 THEN ', SORTOP = OPERATOR(' ||"
    "   (SELECT quote_ident(on2.nspname) || '.' || o.oprname"
    "      FROM pg_operator o JOIN pg_namespace on2 ON on2.oid = o.oprnamespace"
    "     WHERE o.oid = a.aggsortop) || ')' ELSE '' END ||"
    " CASE p.proparallel WHEN 's' THEN ', PARALLEL = SAFE'"
    "   WHEN 'r' THEN ', PARALLEL = RESTRICTED' ELSE '' END ||"
    " CASE WHEN a.aggkind = 'h' THEN ', HYPOTHETICAL' ELSE '' END"
    "   AS definition,"
    " cm.description AS comment"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    " JOIN pg_aggregate a ON a.aggfnoid = p.oid"
    PA_SQL_COMMENT_JOIN("pg_proc", "p.oid", "0")
    " WHERE p.prokind = 'a' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_proc", "p.oid");

enum { AGG_ARGUMENTS = ROUTINE_IDENTITY_ARGS + 1, AGG_DEFINITION, AGG_COMMENT, AGG_NATTRS };
static const pa_attr_rule aggregate_attrs[] = {
    ROUTINE_SHARED_RULES,
    [AGG_ARGUMENTS] = {"arguments", ATTR_REPLACE, REQUIRED},
    [AGG_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [AGG_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(aggregate_attrs, AGG_NATTRS);

static void aggregate_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "AGGREGATE ");
    sql_qualified(sb, o->schema, o->values[ROUTINE_PRONAME]);
    sb_addf(sb, "(%s)", o->values[ROUTINE_IDENTITY_ARGS]);
}

static void aggregate_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE AGGREGATE ");
    sql_qualified(sb, to->schema, to->values[ROUTINE_PRONAME]);
    sb_addf(sb, "(%s) (\n    %s\n)", to->values[AGG_ARGUMENTS],
            to->values[AGG_DEFINITION]);
}

const pa_kind kind_aggregate = {
    .name = "aggregate",
    .signature = "(",
    .rank = 46,
    .query = aggregate_query,
    .attrs = KIND_ATTRS(aggregate_attrs),
    .schema_filtered = true,
    .target = aggregate_target,
    .create = aggregate_create,
};
