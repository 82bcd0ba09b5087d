/* Event triggers: database-wide, outside schemas. The definition (event,
 * tags, function) is rendered by the query; a change is a drop and
 * create, a changed enabled state an ALTER. */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char event_trigger_query[] =
    "SELECT NULL::text AS schema, et.evtname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_event_trigger", "et.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " 'CREATE EVENT TRIGGER ' || quote_ident(et.evtname) ||"
    " ' ON ' || quote_ident(et.evtevent) ||"
    " CASE WHEN et.evttags IS NOT NULL THEN"
    "   E'\\n WHEN TAG IN (' || (SELECT string_agg(quote_literal(tag), ', ')"
    "     FROM unnest(et.evttags) tag) || ')' ELSE '' END ||"
    " E'\\n EXECUTE FUNCTION ' || et.evtfoid::regproc || '()' AS definition,"
    " CASE et.evtenabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA'"
    "   WHEN 'A' THEN 'ENABLE ALWAYS' END AS state,"
    " cm.description AS comment"
    " FROM pg_event_trigger et"
    PA_SQL_COMMENT_JOIN("pg_event_trigger", "et.oid", "0")
    " WHERE " PA_SQL_NOT_EXTENSION_MEMBER("pg_event_trigger", "et.oid");

enum { EVT_DEFINITION, EVT_STATE, EVT_COMMENT, EVT_NATTRS };
static const pa_attr_rule event_trigger_attrs[] = {
    [EVT_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [EVT_STATE] = {"state", ATTR_ALTER, OPTIONAL},
    [EVT_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(event_trigger_attrs, EVT_NATTRS);

static void event_trigger_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "EVENT TRIGGER ");
    sql_ident(sb, o->name);
}

static void set_state(pa_plan *p, const pa_object *o)
{
    const char *state = o->values[EVT_STATE];
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER ");
    event_trigger_target(sb, o);
    sb_addf(sb, " %s", state ? state : "ENABLE");
}

static void event_trigger_create(pa_plan *p, const pa_object *to)
{
    sb_adds(&plan_stmt(p, 0)->sql, to->values[EVT_DEFINITION]);
    if (to->values[EVT_STATE])
        set_state(p, to);
}

static void event_trigger_alter(pa_plan *p, const pa_object *from,
                                const pa_object *to, const bool *changed)
{
    (void)from;
    if (changed[EVT_STATE])
        set_state(p, to);
}

const pa_kind kind_event_trigger = {
    .name = "event_trigger",
    .rank = 110,
    .query = event_trigger_query,
    .attrs = KIND_ATTRS(event_trigger_attrs),
    .target = event_trigger_target,
    .create = event_trigger_create,
    .alter = event_trigger_alter,
};
