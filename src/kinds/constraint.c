/* Table constraints: primary key, unique, check, foreign key, exclusion.
 * The definition is rendered by pg_get_constraintdef; a changed definition
 * means drop and add again. NOT VALID is kept apart so that validating a
 * constraint is an ALTER, not a rebuild. */
#include "kinds/kinds.h"
#include "kinds/table.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char constraint_query[] =
    "SELECT n.nspname AS schema, co.conname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_constraint", "co.oid", "0") " AS address,"
    " CASE WHEN co.contype IN ('p', 'u', 'x') THEN"
    "   " PA_SQL_ADDRESS("pg_class", "co.conindid", "0") " END AS aliases,"
    " NULL::text AS deps,"
    " CASE co.contype WHEN 'p' THEN 1 WHEN 'u' THEN 2 WHEN 'x' THEN 3"
    "   WHEN 'c' THEN 4 ELSE 5 END AS ordinal,"
    " regexp_replace(pg_get_constraintdef(co.oid), ' NOT VALID$', '')"
    "   AS definition,"
    " CASE WHEN co.convalidated THEN NULL ELSE 'NOT VALID' END AS not_valid,"
    " cm.description AS comment"
    " FROM pg_constraint co"
    " JOIN pg_class c ON c.oid = co.conrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_constraint", "co.oid", "0")
    " WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')"
    " AND co.conislocal AND " PA_SQL_USER_TABLE_OR_FOREIGN("c", "n");

enum { CON_DEFINITION, CON_NOT_VALID, CON_COMMENT, CON_NATTRS };
static const pa_attr_rule constraint_attrs[] = {
    [CON_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    [CON_NOT_VALID] = {"not_valid", ATTR_ALTER, OPTIONAL},
    [CON_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(constraint_attrs, CON_NATTRS);

static void constraint_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "CONSTRAINT ");
    sql_ident(sb, o->name);
    sb_adds(sb, " ON ");
    kind_table_name(sb, o);
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A foreign key locks less (SHARE ROW EXCLUSIVE) than the others; keys
 * and exclusion constraints build an index; all but NOT VALID ones check
 * every row, which preflight does first. */
/* ALTER TABLE ... VALIDATE CONSTRAINT, with the check of its rows. */
static pa_stmt *validate_constraint(pa_plan *p, const pa_object *to)
{
    pa_stmt *validate = plan_stmt(p, HAZ_VALIDATES_ROWS);
    kind_alter_table(&validate->sql, to);
    sb_adds(&validate->sql, " VALIDATE CONSTRAINT ");
    sql_ident(&validate->sql, to->name);
    plan_check(validate, CHECK_CONSTRAINT, to, NULL, to->name, to->values[CON_DEFINITION]);
    return validate;
}

/* --online, CHECK and FOREIGN KEY: added NOT VALID (a short lock), then
 * validated on their own (rows are read without blocking writes). */
static void add_then_validate(pa_plan *p, const pa_object *to)
{
    const char *def = to->values[CON_DEFINITION];
    strbuf *sb = &plan_stmt(p, starts_with(def, "FOREIGN KEY") ? 0 : HAZ_ACCESS_EXCLUSIVE)->sql;
    kind_alter_table(sb, to);
    sb_adds(sb, " ADD CONSTRAINT ");
    sql_ident(sb, to->name);
    sb_addf(sb, " %s NOT VALID", def);
    plan_standalone(validate_constraint(p, to));
}

/* --online, UNIQUE and PRIMARY KEY on plain columns: the index is built
 * CONCURRENTLY first, then becomes the constraint. */
static bool add_using_index(pa_plan *p, const pa_object *to)
{
    const char *def = to->values[CON_DEFINITION];
    bool pk = starts_with(def, "PRIMARY KEY (");
    if ((!pk && !starts_with(def, "UNIQUE (")) || strchr(def, ')')[1] != '\0' ||
        (to->parent && table_partition_key(to->parent)))
        return false;   /* INCLUDE, DEFERRABLE, partitioned: the plain way */
    pa_stmt *build = plan_stmt(p, HAZ_INDEX_BUILD | HAZ_VALIDATES_ROWS | HAZ_NO_TRANSACTION);
    strbuf *sb = &build->sql;
    sb_adds(sb, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ");
    sql_ident(sb, to->name);
    sb_adds(sb, " ON ");
    kind_table_name(sb, to);
    sb_addf(sb, " USING btree %s", strchr(def, '('));
    plan_standalone(build);
    plan_check(build, CHECK_CONSTRAINT, to, NULL, to->name, def);
    pa_stmt *add = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE | (pk ? HAZ_VALIDATES_ROWS : 0));
    sb = &add->sql;
    kind_alter_table(sb, to);
    sb_adds(sb, " ADD CONSTRAINT ");
    sql_ident(sb, to->name);
    sb_addf(sb, " %s USING INDEX ", pk ? "PRIMARY KEY" : "UNIQUE");
    sql_ident(sb, to->name);
    plan_standalone(add);
    return true;
}

static void constraint_create(pa_plan *p, const pa_object *to)
{
    const char *def = to->values[CON_DEFINITION];
    bool validates = !to->values[CON_NOT_VALID];
    if (plan_online(p) && validates &&
        (starts_with(def, "CHECK ") || starts_with(def, "FOREIGN KEY"))) {
        add_then_validate(p, to);
        return;
    }
    if (plan_online(p) && validates && add_using_index(p, to))
        return;
    unsigned hazards = validates ? HAZ_VALIDATES_ROWS : 0;
    if (!starts_with(def, "FOREIGN KEY"))
        hazards |= HAZ_ACCESS_EXCLUSIVE;
    if (starts_with(def, "PRIMARY KEY") || starts_with(def, "UNIQUE") ||
        starts_with(def, "EXCLUDE"))
        hazards |= HAZ_INDEX_BUILD;
    pa_stmt *add = plan_stmt(p, hazards);
    strbuf *sb = &add->sql;
    kind_alter_table(sb, to);
    sb_adds(sb, " ADD CONSTRAINT ");
    sql_ident(sb, to->name);
    sb_addf(sb, " %s", def);
    if (!validates)
        sb_adds(sb, " NOT VALID");
    else
        plan_check(add, CHECK_CONSTRAINT, to, NULL, to->name, def);
}

static void constraint_drop(pa_plan *p, const pa_object *from)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    kind_alter_table(sb, from);
    sb_adds(sb, " DROP CONSTRAINT ");
    sql_ident(sb, from->name);
}

static void constraint_alter(pa_plan *p, const pa_object *from,
                             const pa_object *to, const bool *changed)
{
    (void)from;
    if (changed[CON_NOT_VALID])
        validate_constraint(p, to);
}

/* Validating is an ALTER; making a valid constraint NOT VALID again is
 * only possible by adding it anew. */
static bool constraint_needs_replace(const pa_object *from, const pa_object *to)
{
    return !from->values[CON_NOT_VALID] && to->values[CON_NOT_VALID];
}

static const pa_feature constraint_features[] = {
    {CON_DEFINITION, " NULLS NOT DISTINCT", 150000, "NULLS NOT DISTINCT", FEATURE_USED},
    {CON_DEFINITION, " SET NULL (", 150000, "ON DELETE SET NULL with columns", FEATURE_USED},
    {CON_DEFINITION, " SET DEFAULT (", 150000, "ON DELETE SET DEFAULT with columns", FEATURE_USED},
    {CON_DEFINITION, " WITHOUT OVERLAPS)", 180000, "a temporal key (WITHOUT OVERLAPS)", FEATURE_USED},
    {CON_DEFINITION, ", PERIOD ", 180000, "a temporal foreign key (PERIOD)", FEATURE_USED},
    {.what = NULL},
};

const char *constraint_definition(const pa_object *o)
{
    return o->kind == &kind_constraint ? o->values[CON_DEFINITION] : NULL;
}

const pa_kind kind_constraint = {
    .name = "constraint",
    .rank = 70,
    .query = constraint_query,
    .cost = 215,
    .features = constraint_features,
    .attrs = KIND_ATTRS(constraint_attrs),
    .canonical_attrs = KIND_ATTR_LIST(CON_DEFINITION),
    .parents = KIND_PARENTS(&kind_table, &kind_foreign_table),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .absorbed_on_column_drop = true,
    .adapted_by_server = true,
    .target = constraint_target,
    .create = constraint_create,
    .drop = constraint_drop,
    .alter = constraint_alter,
    .needs_replace = constraint_needs_replace,
};
