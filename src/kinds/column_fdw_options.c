/* The OPTIONS of a foreign table's column (column_name 'x'), a
 * sub-object of the column: one for every column of a foreign table, ''
 * where it has none, so that adding and removing options is an ALTER.
 * Apart from the column because a partition's and a child's inherited
 * columns are their parent's, yet their options are their own: a new
 * foreign partition gets them after its CREATE ... PARTITION OF, which
 * cannot say them. Secrets as for servers (kinds/fdw_options.h). */
#include "kinds/kinds.h"
#include "kinds/fdw_options.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char column_fdw_options_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " NULL::text AS address, NULL::text AS aliases, NULL::text AS deps,"
    " a.attnum AS ordinal,"
    " coalesce(" PA_SQL_FDW_OPTIONS("a.attfdwoptions") ", '') AS options"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind = 'f' AND a.attnum > 0 AND NOT a.attisdropped"
    " AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { CFO_OPTIONS, CFO_NATTRS };
static const pa_attr_rule column_fdw_options_attrs[] = {
    [CFO_OPTIONS] = {"options", ATTR_ALTER, REQUIRED},
};
KIND_ATTRS_IN_STEP(column_fdw_options_attrs, CFO_NATTRS);

static void column_fdw_options_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "COLUMN ");
    kind_column_name(sb, o);
}

/* ALTER FOREIGN TABLE t ALTER COLUMN c OPTIONS (...) from old to new. */
static void change_options(pa_plan *p, const pa_object *o, const char *old, const char *new)
{
    strbuf head = STRBUF_INIT;
    sb_adds(&head, "ALTER FOREIGN TABLE ");
    kind_table_name(&head, o);
    sb_adds(&head, " ALTER COLUMN ");
    sql_ident(&head, o->name);
    fdw_options_alter(p, head.buf, old, new);
    sb_release(&head);
}

static void column_fdw_options_create(pa_plan *p, const pa_object *to)
{
    change_options(p, to, NULL, to->values[CFO_OPTIONS]);
}

/* Only with its column or table, which takes the options along. */
static void column_fdw_options_drop(pa_plan *p, const pa_object *from)
{
    (void)p;
    (void)from;
}

static void column_fdw_options_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                                     const bool *changed)
{
    (void)changed;
    change_options(p, to, from->values[CFO_OPTIONS], to->values[CFO_OPTIONS]);
}

const pa_kind kind_column_fdw_options = {
    .name = "column_fdw_options",
    .rank = 59,
    .snapshot_since = 3,
    .census_what = "foreign table column option",
    .query = column_fdw_options_query,
    .attrs = KIND_ATTRS(column_fdw_options_attrs),
    .parents = KIND_PARENTS(&kind_column),
    .table_in_key = true,
    .parent_is_namesake = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = column_fdw_options_target,
    .create = column_fdw_options_create,
    .drop = column_fdw_options_drop,
    .alter = column_fdw_options_alter,
};
