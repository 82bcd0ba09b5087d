/* Functions and procedures, in every language. Overloads are told apart
 * by their identity arguments, which are part of the name in the key. The
 * whole definition comes from pg_get_functiondef (body, language,
 * volatility, SECURITY DEFINER, SET options...), so any change is a
 * CREATE OR REPLACE, unless the server forbids that: a different return
 * type, parameter names, defaults or kind need drop and create, with
 * everything that depends on the function rebuilt around it. */
#include "kinds/kinds.h"
#include "kinds/routine.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char function_query[] =
    PA_SQL_ROUTINE_IDENTITY
    " CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS prokind,"
    " pg_get_function_arguments(p.oid) AS arguments,"
    " pg_get_function_result(p.oid) AS result,"
    " rtrim(pg_get_functiondef(p.oid), E'\\n') AS definition,"
    " cm.description AS comment"
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    PA_SQL_COMMENT_JOIN("pg_proc", "p.oid", "0")
    " WHERE p.prokind IN ('f', 'p') AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_proc", "p.oid")
    /* Not the constructors that come with a range type. */
    " AND NOT EXISTS (SELECT 1 FROM pg_depend i"
    "   WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid"
    "   AND i.deptype = 'i')";

enum { FN_PROKIND = ROUTINE_IDENTITY_ARGS + 1, FN_ARGUMENTS, FN_RESULT, FN_DEFINITION,
       FN_COMMENT, FN_NATTRS };
static const pa_attr_rule function_attrs[] = {
    ROUTINE_SHARED_RULES,
    [FN_PROKIND] = {"prokind", ATTR_REPLACE, NONEMPTY},
    [FN_ARGUMENTS] = {"arguments", ATTR_REPLACE, REQUIRED},
    [FN_RESULT] = {"result", ATTR_REPLACE, OPTIONAL},
    [FN_DEFINITION] = {"definition", ATTR_ALTER, NONEMPTY},
    [FN_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(function_attrs, FN_NATTRS);

static void function_target(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "%s ", o->values[FN_PROKIND]);
    sql_qualified(sb, o->schema, o->values[ROUTINE_PRONAME]);
    sb_addf(sb, "(%s)", o->values[ROUTINE_IDENTITY_ARGS]);
}

/* pg_get_functiondef writes CREATE OR REPLACE: right for both. */
static void function_create(pa_plan *p, const pa_object *to)
{
    sb_adds(&plan_stmt(p, 0)->sql, to->values[FN_DEFINITION]);
}

static void function_alter(pa_plan *p, const pa_object *from,
                           const pa_object *to, const bool *changed)
{
    (void)from;
    if (changed[FN_DEFINITION])
        function_create(p, to);
}

static bool is_routine(const pa_object *o)
{
    return o->kind == &kind_function || o->kind == &kind_aggregate;
}

const char *routine_proname(const pa_object *o)
{
    return is_routine(o) ? o->values[ROUTINE_PRONAME] : NULL;
}

const char *routine_identity_arguments(const pa_object *o)
{
    return is_routine(o) ? o->values[ROUTINE_IDENTITY_ARGS] : NULL;
}

const pa_kind kind_function = {
    .name = "function",
    .signature = "(",
    .rank = 45,
    .query = function_query,
    .attrs = KIND_ATTRS(function_attrs),
    .schema_filtered = true,
    /* Bodies may use tables created later in the plan, as in pg_dump. */
    .preamble = "SET check_function_bodies = false",
    .target = function_target,
    .create = function_create,
    .alter = function_alter,
};
