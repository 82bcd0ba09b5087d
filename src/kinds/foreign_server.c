/* Foreign servers: the wrapper they use and their TYPE are fixed at
 * CREATE SERVER (a change is drop and create, with the user mappings and
 * foreign tables that use the server rebuilt around it); VERSION and
 * OPTIONS change with ALTER SERVER. Secret options: kinds/fdw_options.h. */
#include "kinds/kind.h"
#include "kinds/fdw_options.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char foreign_server_query[] =
    "SELECT NULL::text AS schema, s.srvname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_foreign_server", "s.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " quote_ident(w.fdwname) AS wrapper, s.srvtype AS type, s.srvversion AS version,"
    " " PA_SQL_FDW_OPTIONS("s.srvoptions") " AS options,"
    " cm.description AS comment"
    " FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw"
    PA_SQL_COMMENT_JOIN("pg_foreign_server", "s.oid", "0")
    " WHERE " PA_SQL_NOT_EXTENSION_MEMBER("pg_foreign_server", "s.oid");

enum { SRV_WRAPPER, SRV_TYPE, SRV_VERSION, SRV_OPTIONS, SRV_COMMENT, SRV_NATTRS };
static const pa_attr_rule foreign_server_attrs[] = {
    [SRV_WRAPPER] = {"wrapper", ATTR_REPLACE, NONEMPTY},
    [SRV_TYPE] = {"type", ATTR_REPLACE, OPTIONAL},
    [SRV_VERSION] = {"version", ATTR_ALTER, OPTIONAL},
    [SRV_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [SRV_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(foreign_server_attrs, SRV_NATTRS);

static void foreign_server_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "SERVER ");
    sql_ident(sb, o->name);
}

static void alter_head(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "ALTER ");
    foreign_server_target(sb, o);
}

static void foreign_server_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql, head = STRBUF_INIT;
    alter_head(&head, to);
    sb_adds(sb, "CREATE ");
    foreign_server_target(sb, to);
    if (to->values[SRV_TYPE]) {
        sb_adds(sb, " TYPE ");
        sql_literal(sb, to->values[SRV_TYPE]);
    }
    if (to->values[SRV_VERSION]) {
        sb_adds(sb, " VERSION ");
        sql_literal(sb, to->values[SRV_VERSION]);
    }
    sb_addf(sb, " FOREIGN DATA WRAPPER %s", to->values[SRV_WRAPPER]);
    fdw_options_create(p, sb, head.buf, to->values[SRV_OPTIONS]);
    sb_release(&head);
}

static void foreign_server_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                                 const bool *changed)
{
    strbuf head = STRBUF_INIT;
    alter_head(&head, to);
    if (changed[SRV_VERSION]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_addf(sb, "%s VERSION ", head.buf);
        sql_literal_or_null(sb, to->values[SRV_VERSION]);
    }
    if (changed[SRV_OPTIONS])
        fdw_options_alter(p, head.buf, from->values[SRV_OPTIONS], to->values[SRV_OPTIONS]);
    sb_release(&head);
}

const pa_kind kind_foreign_server = {
    .name = "foreign_server",
    .rank = 49,
    .snapshot_since = 2,
    .census_what = "server",
    .query = foreign_server_query,
    .attrs = KIND_ATTRS(foreign_server_attrs),
    .target = foreign_server_target,
    .create = foreign_server_create,
    .alter = foreign_server_alter,
};
