/* What a publication holds: tables (with their column lists and row
 * filters) and, since PostgreSQL 15, whole schemas. Each member is a
 * sub-object of its publication but sits in the table's schema, so that
 * --schema and --exclude-schema apply to it. A changed column list or
 * filter is a drop and add. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char publication_table_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, p.pubname AS tbl,"
    " " PA_SQL_ADDRESS("pg_publication_rel", "pr.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " {{columns}} AS columns, {{row_filter}} AS row_filter"
    " FROM pg_publication_rel pr"
    " JOIN pg_publication p ON p.oid = pr.prpubid"
    " JOIN pg_class c ON c.oid = pr.prrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace";

/* Column lists and row filters came in PostgreSQL 15. */
static const pa_sql_variant publication_table_variants[] = {
    {"columns", 150000,
     "(SELECT '(' || string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) || ')'"
     " FROM pg_attribute a WHERE a.attrelid = pr.prrelid AND a.attnum = ANY(pr.prattrs))"},
    {"columns", 0, "NULL::text"},
    {"row_filter", 150000, "pg_get_expr(pr.prqual, pr.prrelid)"},
    {"row_filter", 0, "NULL::text"},
    {NULL, 0, NULL},
};

enum { PT_COLUMNS, PT_ROW_FILTER, PT_NATTRS };
static const pa_attr_rule publication_table_attrs[] = {
    [PT_COLUMNS] = {"columns", ATTR_REPLACE, OPTIONAL},
    [PT_ROW_FILTER] = {"row_filter", ATTR_REPLACE, OPTIONAL},
};
KIND_ATTRS_IN_STEP(publication_table_attrs, PT_NATTRS);

static const pa_feature publication_table_features[] = {
    {PT_COLUMNS, NULL, 150000, "publication column lists", FEATURE_USED},
    {PT_ROW_FILTER, NULL, 150000, "publication row filters", FEATURE_USED},
    {.what = NULL},
};

static void publication_table_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "PUBLICATION ");
    sql_ident(sb, o->table);
}

static strbuf *alter_publication(pa_plan *p, const pa_object *o,
                                 const char *action)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER ");
    publication_table_target(sb, o);
    sb_addf(sb, " %s ", action);
    return sb;
}

/* ONLY: without it a table's inheritance children are added (and dropped)
 * with it, and each is a member of its own in the catalog. */
static void publication_table_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = alter_publication(p, to, "ADD TABLE ONLY");
    kind_qualified(sb, to);
    if (to->values[PT_COLUMNS])
        sb_addf(sb, " %s", to->values[PT_COLUMNS]);
    if (to->values[PT_ROW_FILTER])
        sb_addf(sb, " WHERE (%s)", to->values[PT_ROW_FILTER]);
}

static void publication_table_drop(pa_plan *p, const pa_object *from)
{
    kind_qualified(alter_publication(p, from, "DROP TABLE ONLY"), from);
}

const pa_kind kind_publication_table = {
    .name = "publication_table",
    .rank = 121,
    .query = publication_table_query,
    .variants = publication_table_variants,
    .features = publication_table_features,
    .attrs = KIND_ATTRS(publication_table_attrs),
    .parents = KIND_PARENTS(&kind_publication),
    .parent_outside_schema = true,
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = publication_table_target,
    .create = publication_table_create,
    .drop = publication_table_drop,
};

static const char publication_schema_query[] =
    "SELECT n.nspname AS schema, n.nspname AS name, p.pubname AS tbl,"
    " " PA_SQL_ADDRESS("pg_publication_namespace", "pn.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal"
    " FROM pg_publication_namespace pn"
    " JOIN pg_publication p ON p.oid = pn.pnpubid"
    " JOIN pg_namespace n ON n.oid = pn.pnnspid";

static void publication_schema_create(pa_plan *p, const pa_object *to)
{
    sql_ident(alter_publication(p, to, "ADD TABLES IN SCHEMA"), to->name);
}

static void publication_schema_drop(pa_plan *p, const pa_object *from)
{
    sql_ident(alter_publication(p, from, "DROP TABLES IN SCHEMA"), from->name);
}

const pa_kind kind_publication_schema = {
    .name = "publication_schema",
    .rank = 122,
    .query = publication_schema_query,
    .since = 150000,    /* TABLES IN SCHEMA */
    .parents = KIND_PARENTS(&kind_publication),
    .parent_outside_schema = true,
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .target = publication_table_target,
    .create = publication_schema_create,
    .drop = publication_schema_drop,
};
