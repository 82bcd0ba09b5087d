/* User mappings: a role's (or PUBLIC's) options for a foreign server,
 * named by the role within the server. FOR CURRENT_USER is stored as the
 * role it was. Options change by name with ALTER USER MAPPING; secrets
 * as for servers (kinds/fdw_options.h).
 *
 * pg_user_mapping is the superuser's; its view shows a mapping's options
 * only to whom may use it. Options hidden from the role inspecting are
 * unknown (NULL, where none is ''): not compared, and named by the census
 * ("user mapping options"), so that no verdict passes over them. */
#include "kinds/kinds.h"
#include "kinds/fdw_options.h"
#include "kinds/user_mapping.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char user_mapping_query[] =
    "SELECT NULL::text AS schema,"
    " CASE WHEN u.umuser = 0 THEN 'PUBLIC' ELSE u.usename::text END AS name,"
    " u.srvname::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_user_mapping", "u.umid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE WHEN u.umoptions IS NOT NULL OR " PA_SQL_USER_MAPPING_OPTIONS_READABLE
    " THEN coalesce(" PA_SQL_FDW_OPTIONS("u.umoptions") ", '') END AS options"
    " FROM pg_user_mappings u JOIN pg_foreign_server s ON s.oid = u.srvid"
    " WHERE " PA_SQL_NOT_EXTENSION_MEMBER("pg_user_mapping", "u.umid")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_foreign_server", "s.oid");

enum { UM_OPTIONS, UM_NATTRS };
static const pa_attr_rule user_mapping_attrs[] = {
    [UM_OPTIONS] = {"options", ATTR_ALTER, UNKNOWN_IF_NULL},
};
KIND_ATTRS_IN_STEP(user_mapping_attrs, UM_NATTRS);

static bool for_public(const pa_object *o)
{
    return strcmp(o->name, "PUBLIC") == 0;
}

const char *user_mapping_role(const pa_object *o)
{
    return o->kind == &kind_user_mapping && !for_public(o) ? o->name : NULL;
}

static void user_mapping_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "USER MAPPING FOR ");
    if (for_public(o))
        sb_adds(sb, "PUBLIC");
    else
        sql_ident(sb, o->name);
    sb_adds(sb, " SERVER ");
    sql_ident(sb, o->table);
}

static void alter_head(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "ALTER ");
    user_mapping_target(sb, o);
}

/* Options TARGET's inspecting role could not read are left to the user. */
static void note_hidden(pa_plan *p, const char *head)
{
    plan_note(p, "set the options of this user mapping by hand (the role that inspected "
              "TARGET may not read them): %s OPTIONS (ADD ...)", head);
}

static void user_mapping_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql, head = STRBUF_INIT;
    alter_head(&head, to);
    sb_adds(sb, "CREATE ");
    user_mapping_target(sb, to);
    if (to->values[UM_OPTIONS])
        fdw_options_create(p, sb, head.buf, to->values[UM_OPTIONS]);
    else
        note_hidden(p, head.buf);
    sb_release(&head);
}

/* Only when both sides' options are known (the diff compares them only
 * then). */
static void user_mapping_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                               const bool *changed)
{
    if (!changed[UM_OPTIONS])
        return;
    strbuf head = STRBUF_INIT;
    alter_head(&head, to);
    fdw_options_alter(p, head.buf, from->values[UM_OPTIONS], to->values[UM_OPTIONS]);
    sb_release(&head);
}

const pa_kind kind_user_mapping = {
    .name = "user_mapping",
    .rank = 54,
    .snapshot_since = 3,
    .census_what = "user mapping",
    .query = user_mapping_query,
    .attrs = KIND_ATTRS(user_mapping_attrs),
    .parents = KIND_PARENTS(&kind_foreign_server),
    .parent_outside_schema = true,
    .table_in_key = true,
    .target = user_mapping_target,
    .create = user_mapping_create,
    .alter = user_mapping_alter,
};
