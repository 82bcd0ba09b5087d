/* Triggers on tables and views, constraint triggers included, with their
 * WHEN clauses and their enabled state (ENABLE/DISABLE/REPLICA/ALWAYS).
 * A trigger whose function is in a schema pgalign compares is kept even
 * when its table is not (a user's trigger on Supabase's auth.users).
 * A changed definition is a drop and create; a changed state is an ALTER.
 * Triggers cloned onto partitions come with the parent's trigger and are
 * not listed. A trigger whose function only changes its body stays. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char trigger_query[] =
    "SELECT n.nspname AS schema, t.tgname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_trigger", "t.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " pg_get_triggerdef(t.oid) AS definition,"
    " CASE t.tgenabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA'"
    "   WHEN 'A' THEN 'ENABLE ALWAYS' END AS state,"
    " fn.nspname AS function_schema,"
    " cm.description AS comment"
    " FROM pg_trigger t"
    " JOIN pg_proc p ON p.oid = t.tgfoid"
    " JOIN pg_namespace fn ON fn.oid = p.pronamespace"
    " JOIN pg_class c ON c.oid = t.tgrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_trigger", "t.oid", "0")
    " WHERE NOT t.tgisinternal AND t.tgparentid = 0"
    " AND c.relkind IN ('r', 'p', 'v', 'f') AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_trigger", "t.oid");

enum { TRG_DEFINITION, TRG_STATE, TRG_FUNCTION_SCHEMA, TRG_COMMENT, TRG_NATTRS };
static const pa_attr_rule trigger_attrs[] = {
    [TRG_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [TRG_STATE] = {"state", ATTR_ALTER, OPTIONAL},
    [TRG_FUNCTION_SCHEMA] = {"function_schema", ATTR_INFO, NONEMPTY},
    [TRG_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(trigger_attrs, TRG_NATTRS);

static void trigger_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TRIGGER ");
    sql_ident(sb, o->name);
    sb_adds(sb, " ON ");
    kind_table_name(sb, o);
}

static void set_state(pa_plan *p, const pa_object *o)
{
    kind_set_enabled(p, o, "TRIGGER", o->values[TRG_STATE]);
}

static void trigger_create(pa_plan *p, const pa_object *to)
{
    sb_adds(&plan_stmt(p, 0)->sql, to->values[TRG_DEFINITION]);
    if (to->values[TRG_STATE])
        set_state(p, to);
}

static void trigger_alter(pa_plan *p, const pa_object *from,
                          const pa_object *to, const bool *changed)
{
    (void)from;
    if (changed[TRG_STATE])
        set_state(p, to);
}

const pa_kind kind_trigger = {
    .name = "trigger",
    .rank = 100,
    .query = trigger_query,
    .attrs = KIND_ATTRS(trigger_attrs),
    .canonical_attrs = KIND_ATTR_LIST(TRG_DEFINITION),
    .parents = KIND_PARENTS(&kind_table, &kind_view, &kind_foreign_table),
    .table_in_key = true,
    .schema_filtered = true,
    .filter_schema_attr = KIND_ATTR(TRG_FUNCTION_SCHEMA),
    .absorbed_on_parent_drop = true,
    .lock_on_drop = true,
    .target = trigger_target,
    .create = trigger_create,
    .alter = trigger_alter,
};
