/* Tables. Columns are created inside CREATE TABLE and go away with DROP
 * TABLE; constraints and indexes follow as statements of their own, like
 * pg_dump does, so foreign keys can wait for the tables they reference. */
#include "kinds/kind.h"
#include "kinds/column.h"
#include "plan/plan.h"
#include "emit/quote.h"

#include <string.h>

static const char table_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " AS address,"
    " " PA_SQL_ROWTYPE_ALIASES("c") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED' ELSE 'LOGGED' END"
    "   AS persistence,"
    " cm.description AS comment"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_class", "c.oid", "0")
    " WHERE " PA_SQL_USER_TABLE("c", "n");

static const pa_attr_rule table_attrs[] = {
    {"persistence", ATTR_ALTER, REQUIRED},
    {"comment", ATTR_COMMENT, OPTIONAL},
};
enum { TABLE_PERSISTENCE };

static void table_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TABLE ");
    kind_qualified(sb, o);
}

static void table_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = plan_stmt(p, 0);
    sb_adds(sb, "CREATE ");
    if (strcmp(to->values[TABLE_PERSISTENCE], "UNLOGGED") == 0)
        sb_adds(sb, "UNLOGGED ");
    sb_adds(sb, "TABLE ");
    kind_qualified(sb, to);
    sb_adds(sb, " (");
    const char *sep = "\n    ";
    for (const pa_object *c = to->first_child; c; c = c->next_sibling) {
        if (strcmp(c->kind->name, "column") != 0)
            continue;
        sb_adds(sb, sep);
        column_definition(sb, c);
        sep = ",\n    ";
    }
    sb_adds(sb, strcmp(sep, "\n    ") == 0 ? ")" : "\n)");
}

static void table_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                        const bool *changed)
{
    (void)from;
    if (changed[TABLE_PERSISTENCE]) {
        strbuf *sb = plan_stmt(p, 0);
        sb_adds(sb, "ALTER TABLE ");
        kind_qualified(sb, to);
        sb_addf(sb, " SET %s", to->values[TABLE_PERSISTENCE]);
    }
}

const pa_kind kind_table = {
    .name = "table",
    .rank = 50,
    .query = table_query,
    .attrs = KIND_ATTRS(table_attrs),
    .schema_filtered = true,
    .holds_data = true,
    .target = table_target,
    .create = table_create,
    .alter = table_alter,
};
