/* Collations. Provider, locales and determinism cannot be altered, so a
 * change is a swap: the old one renamed, the new one created, the columns
 * that use it moved to the new one, the old one dropped (what else uses
 * it is rebuilt around). The collation version is the library's, not the
 * schema's, and is not compared. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char collation_query[] =
    "SELECT n.nspname AS schema, co.collname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_collation", "co.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE co.collprovider WHEN 'i' THEN"
    "   'provider = icu, locale = ' || quote_literal({{locale}}) || {{icu_rules}}"
    " WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal({{locale}})"
    " ELSE 'provider = libc, lc_collate = ' || quote_literal(co.collcollate) ||"
    "   ', lc_ctype = ' || quote_literal(co.collctype) END ||"
    " CASE WHEN co.collisdeterministic THEN ''"
    "   ELSE ', deterministic = false' END AS definition,"
    " cm.description AS comment"
    " FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace"
    PA_SQL_COMMENT_JOIN("pg_collation", "co.oid", "0")
    " WHERE co.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_collation", "co.oid");

/* Where the locale of an ICU (and, from 17, builtin) collation is. */
static const pa_sql_variant collation_variants[] = {
    {"locale", 170000, "co.colllocale"},
    {"locale", 150000, "co.colliculocale"},
    {"locale", 0, "co.collcollate"},
    {"icu_rules", 160000, "CASE WHEN co.collicurules IS NULL THEN ''"
                          " ELSE ', rules = ' || quote_literal(co.collicurules) END"},
    {"icu_rules", 0, "''"},
    {NULL, 0, NULL},
};

enum { COLL_DEFINITION, COLL_COMMENT, COLL_NATTRS };
static const pa_attr_rule collation_attrs[] = {
    [COLL_DEFINITION] = {"definition", ATTR_ALTER, NONEMPTY},
    [COLL_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(collation_attrs, COLL_NATTRS);

static const pa_feature collation_features[] = {
    {COLL_DEFINITION, "provider = builtin", 170000, "the builtin collation provider", FEATURE_USED},
    {COLL_DEFINITION, ", rules = ", 160000, "ICU collation rules", FEATURE_USED},
    {.what = NULL},
};

static void collation_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "COLLATION ");
    kind_qualified(sb, o);
}

static void collation_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE COLLATION ");
    kind_qualified(sb, to);
    sb_addf(sb, " (%s)", to->values[COLL_DEFINITION]);
}

/* A column of FROM that uses the collation: its "collation" is the
 * collation's qualified name. */
static bool column_uses(const pa_plan *p, const pa_object *col, const char *name)
{
    const char *coll = column_collation(col);
    return col->kind == &kind_column && coll && strcmp(coll, name) == 0 &&
           !plan_drops(p, col) && !column_is_inherited(col);
}

static void collation_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                            const bool *changed)
{
    if (!changed[COLL_DEFINITION])
        return;
    strbuf name = STRBUF_INIT;
    kind_qualified(&name, to);
    char old_name[40];
    kind_helper_name(old_name, sizeof(old_name), "pgalign_old", to);
    sb_addf(&plan_stmt(p, 0)->sql, "ALTER COLLATION %s RENAME TO %s", name.buf, old_name);
    collation_create(p, to);
    for (size_t i = 0; i < plan_from(p)->count; i++) {
        const pa_object *col = plan_from(p)->objects[i];
        if (!column_uses(p, col, name.buf))
            continue;
        strbuf *sb = &alter_column(p, col, 0, "TYPE")->sql;
        sb_addf(sb, " %s COLLATE %s", column_type(col), name.buf);
    }
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "DROP COLLATION ");
    sql_qualified(sb, from->schema, old_name);
    sb_release(&name);
}

static bool collation_alter_rebuilds(const pa_model *to_model, const pa_object *from,
                                     const pa_object *to)
{
    (void)to_model;
    return strcmp(from->values[COLL_DEFINITION], to->values[COLL_DEFINITION]) != 0;
}

const pa_kind kind_collation = {
    .name = "collation",
    .rank = 25,
    .query = collation_query,
    .variants = collation_variants,
    .features = collation_features,
    .attrs = KIND_ATTRS(collation_attrs),
    .schema_filtered = true,
    .target = collation_target,
    .create = collation_create,
    .alter = collation_alter,
    .alter_rebuilds = collation_alter_rebuilds,
};
