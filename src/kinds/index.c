/* Indexes that are not the backing index of a constraint. The definition
 * is pg_get_indexdef's text; any change means drop and create. */
#include "kinds/kinds.h"
#include "kinds/table.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <stdlib.h>
#include <string.h>

/* Statistics targets of index columns (only an expression's may have
 * one), "2 100, 3 50". -1 is the default up to PostgreSQL 16, NULL from
 * 17. Read by index (a few rows each): a join over all of pg_attribute
 * cost more than the index query's other work at 5,000 tables. */
#define INDEX_COLUMN_TARGETS \
    "SELECT string_agg(a.attnum || ' ' || a.attstattarget, ', '" \
    " ORDER BY a.attnum) FROM pg_attribute a" \
    " WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0"

/* The column list of a plain index as pg_get_indexdef prints it, or
 * NULL: each column a table column named once, with its type's default
 * operator class (for exactly that type, not a domain's or through a
 * binary-compatible type), the column's collation, ascending and NULLS
 * LAST (indoption 0). p counts from 0, as indclass, indcollation and
 * indoption do; they have an entry for each key column, INCLUDE ones
 * (p >= indnkeyatts) have none. */
#define INDEX_PLAIN_COLUMNS \
    "SELECT CASE WHEN count(*) = i.indnatts AND bool_and(a.p >= i.indnkeyatts OR" \
    "   (i.indoption[a.p] = 0 AND i.indcollation[a.p] IN (0, a.attcollation)" \
    "   AND (i.indclass[a.p], a.atttypid) IN (SELECT opc.oid, opc.opcintype" \
    "     FROM pg_opclass opc JOIN pg_type t ON t.oid = opc.opcintype" \
    "     WHERE opc.opcdefault AND t.typtype <> 'd')))" \
    " THEN string_agg(CASE WHEN a.p = i.indnkeyatts THEN ') INCLUDE ('" \
    "   WHEN a.p > 0 THEN ', ' ELSE '' END || quote_ident(a.attname), ''" \
    "   ORDER BY a.p) END" \
    " FROM (SELECT a.attname, a.attcollation, a.atttypid," \
    "   array_position(i.indkey::int2[], a.attnum) - array_lower(i.indkey::int2[], 1) AS p" \
    "   FROM pg_attribute a WHERE a.attrelid = i.indrelid" \
    "   AND a.attnum = ANY (i.indkey::int2[])) a"

/* The definition: a plain index's (plain columns, no expression,
 * predicate, storage parameters or operator class options) is put
 * together here as pg_get_indexdef would print it, which in a new session
 * looks up the table, each column and the default operator class one
 * catalog read at a time: a third of a big catalog's index query. The
 * roundtrip suite checks that the two texts agree on every fixture. ON
 * ONLY (a partitioned table's index) is left out: CREATE INDEX on a
 * partitioned table makes its partitions' indexes too. */
#define INDEX_DEFINITION_SQL \
    "COALESCE(CASE WHEN i.indexprs IS NULL AND i.indpred IS NULL" \
    "   AND ic.reloptions IS NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute ia" \
    "     WHERE ia.attrelid = i.indexrelid AND ia.attoptions IS NOT NULL)" \
    " THEN 'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END ||" \
    "   'INDEX ' || quote_ident(ic.relname) || ' ON ' || quote_ident(n.nspname) ||" \
    "   '.' || quote_ident(c.relname) || ' USING ' ||" \
    "   (SELECT quote_ident(am.amname) FROM pg_am am WHERE am.oid = ic.relam) ||" \
    "   ' (' || (" INDEX_PLAIN_COLUMNS ") || ')' || {{nulls_not_distinct}} END," \
    " regexp_replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON '))"

static const pa_sql_variant index_variants[] = {
    {"nulls_not_distinct", 150000,
     "CASE WHEN i.indnullsnotdistinct THEN ' NULLS NOT DISTINCT' ELSE '' END"},
    {"nulls_not_distinct", 0, "''"},
    {NULL, 0, NULL},
};

static const char index_query[] =
    "SELECT n.nspname AS schema, ic.relname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "i.indexrelid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " " INDEX_DEFINITION_SQL " AS definition,"
    " CASE WHEN NOT i.indisvalid THEN 'INVALID' END AS invalid,"
    " CASE WHEN i.indisreplident THEN 'REPLICA IDENTITY' END AS replica_identity,"
    " (" INDEX_COLUMN_TARGETS ") AS statistics,"
    " cm.description AS comment"
    " FROM pg_index i"
    " JOIN pg_class ic ON ic.oid = i.indexrelid"
    " JOIN pg_class c ON c.oid = i.indrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_class", "i.indexrelid", "0")
    " WHERE (" PA_SQL_USER_TABLE("c", "n") " OR (c.relkind = 'm' AND "
    PA_SQL_USER_SCHEMA("n") "))"
    /* Indexes of constraints come with them. As NOT IN (one scan, hashed;
     * never NULL) rather than NOT EXISTS, which became an index probe per
     * row: 150 -> 110 ms at 5,000 tables, 750-860 -> 450-480 ms at
     * 20,000, where the catalog outgrows shared_buffers. */
    " AND i.indexrelid NOT IN (SELECT co.conindid FROM pg_constraint co"
    "   WHERE co.contype IN ('p', 'u', 'x'))"
    /* Indexes of partitions made for a partitioned table's index. */
    " AND i.indexrelid NOT IN (SELECT ih.inhrelid FROM pg_inherits ih)";

enum { INDEX_DEFINITION, INDEX_INVALID, INDEX_REPLICA_IDENTITY, INDEX_STATISTICS,
       INDEX_COMMENT, INDEX_NATTRS };
static const pa_attr_rule index_attrs[] = {
    [INDEX_DEFINITION] = {"definition", ATTR_REPLACE, NONEMPTY},
    /* A CONCURRENTLY build that failed leaves an invalid index: built again. */
    [INDEX_INVALID] = {"invalid", ATTR_REPLACE, OPTIONAL},
    [INDEX_REPLICA_IDENTITY] = {"replica_identity", ATTR_ALTER, OPTIONAL},
    [INDEX_STATISTICS] = {"statistics", ATTR_ALTER, OPTIONAL},
    [INDEX_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(index_attrs, INDEX_NATTRS);

/* REPLICA IDENTITY USING INDEX; back to DEFAULT when the table does not
 * get FULL or NOTHING instead (table.c). */
static void set_replica_identity(pa_plan *p, const pa_object *o, bool on)
{
    if (!on && o->parent && table_replica_identity(o->parent))
        return;
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    kind_alter_table(sb, o);
    sb_adds(sb, " REPLICA IDENTITY ");
    if (on) {
        sb_adds(sb, "USING INDEX ");
        sql_ident(sb, o->name);
    } else {
        sb_adds(sb, "DEFAULT");
    }
}

/* Statistics targets of index columns, "2 100, 3 50", as pairs; an index
 * has at most 32 columns. */
typedef struct column_target {
    long column, target;
} column_target;

static size_t parse_targets(const char *list, column_target *out, size_t max)
{
    size_t n = 0;
    for (const char *s = list; s && *s && n < max; n++) {
        char *end;
        out[n].column = strtol(s, &end, 10);
        out[n].target = strtol(end, &end, 10);
        s = end + strspn(end, ", ");
    }
    return n;
}

static long target_of(const column_target *t, size_t n, long column)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i].column == column)
            return t[i].target;
    }
    return -1;
}

static void set_column_statistics(pa_plan *p, const pa_object *o, long column,
                                  long target)
{
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    sb_adds(sb, "ALTER INDEX ");
    kind_qualified(sb, o);
    sb_addf(sb, " ALTER COLUMN %ld SET STATISTICS %ld", column, target);
}

/* Each column whose target differs; -1 is the default. */
static void set_statistics(pa_plan *p, const pa_object *o, const char *old,
                           const char *new)
{
    column_target before[32], after[32];
    size_t nb = parse_targets(old, before, 32), na = parse_targets(new, after, 32);
    for (size_t i = 0; i < nb; i++) {
        if (target_of(after, na, before[i].column) < 0)
            set_column_statistics(p, o, before[i].column, -1);
    }
    for (size_t i = 0; i < na; i++) {
        if (target_of(before, nb, after[i].column) != after[i].target)
            set_column_statistics(p, o, after[i].column, after[i].target);
    }
}

static void index_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                        const bool *changed)
{
    if (changed[INDEX_REPLICA_IDENTITY])
        set_replica_identity(p, to, to->values[INDEX_REPLICA_IDENTITY] != NULL);
    if (changed[INDEX_STATISTICS])
        set_statistics(p, to, from->values[INDEX_STATISTICS], to->values[INDEX_STATISTICS]);
}

static void index_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "INDEX ");
    kind_qualified(sb, o);
}

/* A partitioned table's index cannot be built or dropped CONCURRENTLY. */
static bool online_possible(const pa_plan *p, const pa_object *o)
{
    return plan_online(p) && !(o->parent && table_partition_key(o->parent));
}

/* Building an index blocks writes to the table; a unique one fails on
 * duplicates, which preflight counts first. --online builds it
 * CONCURRENTLY, outside a transaction; IF NOT EXISTS makes a re-run pass
 * over what a run before it built. */
static const char create_index[] = "CREATE INDEX ";
static const char create_unique_index[] = "CREATE UNIQUE INDEX ";

/* What follows "CREATE [UNIQUE ]INDEX " in def, or NULL. */
static const char *after_create_index(const char *def)
{
    size_t n = strlen(create_index), u = strlen(create_unique_index);
    if (strncmp(def, create_index, n) == 0)
        return def + n;
    if (strncmp(def, create_unique_index, u) == 0)
        return def + u;
    return NULL;
}

static bool index_validate(const pa_object *o, strbuf *err)
{
    if (after_create_index(o->values[INDEX_DEFINITION]))
        return true;
    sb_addf(err, "its definition does not start \"%s\" or \"%s\"", create_index,
            create_unique_index);
    return false;
}

static void index_create(pa_plan *p, const pa_object *to)
{
    const char *def = to->values[INDEX_DEFINITION];
    bool unique = strncmp(def, create_unique_index, strlen(create_unique_index)) == 0;
    bool online = online_possible(p, to);
    pa_stmt *create = plan_stmt(p, HAZ_INDEX_BUILD | (unique ? HAZ_VALIDATES_ROWS : 0) |
                                      (online ? HAZ_NO_TRANSACTION : 0));
    if (online) {
        sb_addf(&create->sql, "CREATE %sINDEX CONCURRENTLY IF NOT EXISTS %s",
                unique ? "UNIQUE " : "", after_create_index(def));
        plan_standalone(create);
    } else {
        sb_adds(&create->sql, def);
    }
    if (unique)
        plan_check(create, CHECK_UNIQUE_INDEX, to, NULL, to->name, def);
    if (to->values[INDEX_REPLICA_IDENTITY])
        set_replica_identity(p, to, true);
    if (to->values[INDEX_STATISTICS])
        set_statistics(p, to, NULL, to->values[INDEX_STATISTICS]);
}

static void index_drop(pa_plan *p, const pa_object *from)
{
    bool online = online_possible(p, from);
    pa_stmt *drop = plan_stmt(p, online ? HAZ_NO_TRANSACTION : HAZ_ACCESS_EXCLUSIVE);
    sb_adds(&drop->sql, online ? "DROP INDEX CONCURRENTLY IF EXISTS " : "DROP INDEX ");
    kind_qualified(&drop->sql, from);
    if (online)
        plan_standalone(drop);
}

static const pa_feature index_features[] = {
    {INDEX_DEFINITION, " NULLS NOT DISTINCT", 150000, "NULLS NOT DISTINCT", FEATURE_USED},
    {.what = NULL},
};

const char *index_definition(const pa_object *o)
{
    return o->kind == &kind_index ? o->values[INDEX_DEFINITION] : NULL;
}

void index_set_definition(pa_model *m, pa_object *index, const char *definition)
{
    if (index->kind == &kind_index)
        model_set(m, index, INDEX_DEFINITION, definition);
}

const pa_kind kind_index = {
    .name = "index",
    .rank = 80,
    .query = index_query,
    .cost = 118,
    .variants = index_variants,
    .features = index_features,
    .attrs = KIND_ATTRS(index_attrs),
    .canonical_attrs = KIND_ATTR_LIST(INDEX_DEFINITION),
    .parents = KIND_PARENTS(&kind_table, &kind_matview),
    .schema_filtered = true,
    .absorbed_on_parent_drop = true,
    .absorbed_on_column_drop = true,
    .adapted_by_server = true,
    .target = index_target,
    .create = index_create,
    .drop = index_drop,
    .alter = index_alter,
    .validate = index_validate,
};
