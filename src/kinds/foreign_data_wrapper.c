/* Foreign data wrappers that are not an extension's (those come with
 * CREATE EXTENSION postgres_fdw and the like): their handler, validator
 * and options, each changed by ALTER FOREIGN DATA WRAPPER. Servers that
 * use one depend on it through pg_depend, as it does on its functions. */
#include "kinds/kind.h"
#include "kinds/fdw_options.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char foreign_data_wrapper_query[] =
    "SELECT NULL::text AS schema, w.fdwname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_foreign_data_wrapper", "w.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::regproc::text END AS handler,"
    " CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::regproc::text END AS validator,"
    " " PA_SQL_FDW_OPTIONS("w.fdwoptions") " AS options,"
    " cm.description AS comment"
    " FROM pg_foreign_data_wrapper w"
    PA_SQL_COMMENT_JOIN("pg_foreign_data_wrapper", "w.oid", "0")
    " WHERE " PA_SQL_NOT_EXTENSION_MEMBER("pg_foreign_data_wrapper", "w.oid");

enum { FDW_HANDLER, FDW_VALIDATOR, FDW_OPTIONS, FDW_COMMENT, FDW_NATTRS };
static const pa_attr_rule foreign_data_wrapper_attrs[] = {
    [FDW_HANDLER] = {"handler", ATTR_ALTER, OPTIONAL},
    [FDW_VALIDATOR] = {"validator", ATTR_ALTER, OPTIONAL},
    [FDW_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [FDW_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(foreign_data_wrapper_attrs, FDW_NATTRS);

static void foreign_data_wrapper_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "FOREIGN DATA WRAPPER ");
    sql_ident(sb, o->name);
}

/* " HANDLER h" or " NO HANDLER" (the same for VALIDATOR); in a CREATE,
 * nothing for none. The query writes the function's name as regproc
 * does: qualified when it needs to be, quoted where it must be. */
static void function_clause(strbuf *sb, const char *keyword, const char *function,
                            bool in_create)
{
    if (function)
        sb_addf(sb, " %s %s", keyword, function);
    else if (!in_create)
        sb_addf(sb, " NO %s", keyword);
}

static void alter_head(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "ALTER ");
    foreign_data_wrapper_target(sb, o);
}

static void foreign_data_wrapper_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql, head = STRBUF_INIT;
    alter_head(&head, to);
    sb_adds(sb, "CREATE ");
    foreign_data_wrapper_target(sb, to);
    function_clause(sb, "HANDLER", to->values[FDW_HANDLER], true);
    function_clause(sb, "VALIDATOR", to->values[FDW_VALIDATOR], true);
    fdw_options_create(p, sb, head.buf, to->values[FDW_OPTIONS]);
    sb_release(&head);
}

static void foreign_data_wrapper_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                                       const bool *changed)
{
    strbuf head = STRBUF_INIT;
    alter_head(&head, to);
    if (changed[FDW_HANDLER] || changed[FDW_VALIDATOR]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, head.buf);
        if (changed[FDW_HANDLER])
            function_clause(sb, "HANDLER", to->values[FDW_HANDLER], false);
        if (changed[FDW_VALIDATOR])
            function_clause(sb, "VALIDATOR", to->values[FDW_VALIDATOR], false);
    }
    if (changed[FDW_OPTIONS])
        fdw_options_alter(p, head.buf, from->values[FDW_OPTIONS], to->values[FDW_OPTIONS]);
    sb_release(&head);
}

const pa_kind kind_foreign_data_wrapper = {
    .name = "foreign_data_wrapper",
    .rank = 48,
    .snapshot_since = 2,
    .census_what = "foreign data wrapper",
    .query = foreign_data_wrapper_query,
    .attrs = KIND_ATTRS(foreign_data_wrapper_attrs),
    .target = foreign_data_wrapper_target,
    .create = foreign_data_wrapper_create,
    .alter = foreign_data_wrapper_alter,
};
