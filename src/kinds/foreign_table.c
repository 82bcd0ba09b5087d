/* Foreign tables: a table whose rows another server holds, through a
 * foreign server. Its columns, defaults, NOT NULL and CHECK constraints,
 * partition bound and inheritance are the sub-objects plain tables have
 * (column.c, constraint.c...), written into CREATE FOREIGN TABLE when it
 * is new; its OPTIONS change by name with ALTER FOREIGN TABLE (secrets as
 * for servers, kinds/fdw_options.h). No ALTER sets another server: a new
 * one is drop and create, which loses no rows (there are none here), as
 * does rebuilding it around what it depends on. Nor does pgalign read its
 * rows: the preflight would query the remote server. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "kinds/fdw_options.h"
#include "kinds/table.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char foreign_table_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " AS address,"
    " " PA_SQL_ROWTYPE_ALIASES("c") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " s.srvname::text AS server,"
    " " PA_SQL_FDW_OPTIONS("ft.ftoptions") " AS options,"
    " cm.description AS comment"
    " FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_foreign_server s ON s.oid = ft.ftserver"
    PA_SQL_COMMENT_JOIN("pg_class", "c.oid", "0")
    " WHERE " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { FT_SERVER, FT_OPTIONS, FT_COMMENT, FT_NATTRS };
static const pa_attr_rule foreign_table_attrs[] = {
    [FT_SERVER] = {"server", ATTR_REPLACE, NONEMPTY},
    [FT_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [FT_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(foreign_table_attrs, FT_NATTRS);

static void foreign_table_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "FOREIGN TABLE ");
    kind_qualified(sb, o);
}

static void alter_head(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "ALTER ");
    foreign_table_target(sb, o);
}

static void foreign_table_create(pa_plan *p, const pa_object *to)
{
    const pa_object *partition = model_child_of_kind(to, &kind_partition);
    strbuf *sb = &plan_stmt(p, 0)->sql, head = STRBUF_INIT;
    sb_adds(sb, "CREATE ");
    foreign_table_target(sb, to);
    if (partition) {
        partition_of_clause(sb, partition);
    } else {
        table_columns_clause(sb, to);
        table_inherits_clause(sb, to);
    }
    sb_adds(sb, "\nSERVER ");
    sql_ident(sb, to->values[FT_SERVER]);
    alter_head(&head, to);
    fdw_options_create(p, sb, head.buf, to->values[FT_OPTIONS]);
    sb_release(&head);
    if (!partition)
        table_columns_after_create(p, to);
}

static void foreign_table_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                                const bool *changed)
{
    if (!changed[FT_OPTIONS])
        return;
    strbuf head = STRBUF_INIT;
    alter_head(&head, to);
    fdw_options_alter(p, head.buf, from->values[FT_OPTIONS], to->values[FT_OPTIONS]);
    sb_release(&head);
}

const pa_kind kind_foreign_table = {
    .name = "foreign_table",
    .rank = 51,
    .snapshot_since = 3,
    .census_what = "foreign table",
    .query = foreign_table_query,
    .attrs = KIND_ATTRS(foreign_table_attrs),
    .schema_filtered = true,
    .rows_elsewhere = true,     /* so holds no data: rebuilt at will */
    .lock_on_drop = true,
    .target = foreign_table_target,
    .create = foreign_table_create,
    .alter = foreign_table_alter,
};
