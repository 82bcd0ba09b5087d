/* Table columns: type (with a USING cast where no assignment cast exists),
 * collation, NOT NULL and generated expressions; inherited ones too. Defaults and identity
 * are sub-objects of their own (column_default.c, identity.c). A foreign
 * table's columns have no rows here: a new type is no conversion, and
 * dropping one loses nothing (their OPTIONS: column_fdw_options.c). */
#include "kinds/kinds.h"
#include "util/sqlscan.h"
#include "kinds/column.h"
#include "util/words.h"
#include "util/xalloc.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <stdlib.h>
#include <string.h>

#define PA_SQL_STORAGE(col) \
    "CASE " col " WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL'" \
    " WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END"

/* Columns of child tables that are both their own and inherited (merged),
 * by parent and name: the parent's column comes after them (ADD COLUMN
 * on the parent merges into them; DROP COLUMN on the child is refused
 * while the parent has it). One hashed join, not a probe per column. */
#define MERGED_CHILD_COLUMNS \
    "SELECT i.inhparent, ca.attname, string_agg(" \
    PA_SQL_ADDRESS("pg_class", "ca.attrelid", "ca.attnum") ", ' ') AS addresses" \
    " FROM pg_inherits i JOIN pg_attribute ca ON ca.attrelid = i.inhrelid" \
    " WHERE ca.attislocal AND ca.attinhcount > 0 AND NOT ca.attisdropped" \
    " GROUP BY i.inhparent, ca.attname"

static const char column_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "a.attrelid", "a.attnum") " AS address,"
    " CASE WHEN a.attgenerated <> '' THEN"
    "   " PA_SQL_ADDRESS("pg_attrdef", "ad.oid", "0") " END AS aliases,"
    " mc.addresses AS deps, a.attnum AS ordinal,"
    " format_type(a.atttypid, a.atttypmod) AS type,"
    " CASE WHEN a.attcollation <> t.typcollation"
    "   THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
    " END AS collation,"
    " {{notnull}} AS notnull, {{notnull_name}} AS notnull_name,"
    " CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid)"
    " END AS generated,"
    " CASE WHEN a.attgenerated = 'v' THEN 'VIRTUAL' END AS virtual,"
    " CASE WHEN a.attstorage <> t.typstorage THEN " PA_SQL_STORAGE("a.attstorage")
    " END AS storage, " PA_SQL_STORAGE("t.typstorage") " AS type_storage,"
    " CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END"
    "   AS compression,"
    /* -1 is the default up to 16, NULL from 17 */
    " NULLIF(a.attstattarget, -1)::text AS statistics,"
    " array_to_string(a.attoptions, ', ') AS options,"
    " CASE WHEN c.relispartition OR NOT a.attislocal THEN 'inherited' END"
    "   AS inherited,"
    " CASE WHEN a.attislocal AND a.attinhcount > 0 AND NOT c.relispartition"
    "   THEN 'merged' END AS merged,"
    " cm.description AS comment"
    " FROM pg_attribute a"
    " JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
    " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
    " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
    "{{notnull_join}}"
    PA_SQL_COMMENT_JOIN("pg_class", "a.attrelid", "a.attnum")
    " LEFT JOIN (" MERGED_CHILD_COLUMNS ") mc"
    "   ON mc.inhparent = a.attrelid AND mc.attname = a.attname"
    " WHERE a.attnum > 0 AND NOT a.attisdropped"
    " AND " PA_SQL_USER_TABLE_OR_FOREIGN("c", "n");

/* From PostgreSQL 18 a NOT NULL is a constraint with a name, which may be
 * NOT VALID or NO INHERIT. notnull says "NOT NULL" as before when it has
 * the name the server would give it and neither, so that it compares
 * equal across majors; otherwise "CONSTRAINT name NOT NULL [NO INHERIT]
 * [NOT VALID]". */
static const pa_sql_variant column_variants[] = {
    {"notnull_join", 180000,
     " LEFT JOIN pg_constraint nn ON nn.conrelid = a.attrelid AND nn.contype = 'n'"
     " AND nn.conkey[1] = a.attnum"},
    {"notnull_join", 0, ""},
    {"notnull", 180000,
     "CASE WHEN nn.oid IS NOT NULL THEN"
     " CASE WHEN nn.conname = c.relname || '_' || a.attname || '_not_null'"
     "   OR (length(c.relname || a.attname) > 52 AND nn.conname LIKE '%\\_not\\_null')"
     "   THEN '' ELSE 'CONSTRAINT ' || quote_ident(nn.conname) || ' ' END || 'NOT NULL'"
     " || CASE WHEN nn.connoinherit THEN ' NO INHERIT' ELSE '' END"
     " || CASE WHEN nn.convalidated THEN '' ELSE ' NOT VALID' END END"},
    {"notnull", 0, "CASE WHEN a.attnotnull THEN 'NOT NULL' END"},
    {"notnull_name", 180000, "nn.conname"},
    {"notnull_name", 0, "NULL::text"},
    {NULL, 0, NULL},
};

enum { COL_TYPE, COL_COLLATION, COL_NOTNULL, COL_NOTNULL_NAME, COL_GENERATED, COL_VIRTUAL,
       COL_STORAGE, COL_COMPRESSION, COL_STATISTICS, COL_OPTIONS, COL_INHERITED, COL_MERGED,
       COL_TYPE_STORAGE, COL_COMMENT, COL_NATTRS };
static const pa_attr_rule column_attrs[] = {
    [COL_TYPE] = {"type", ATTR_ALTER_REBUILDS, NONEMPTY},
    [COL_COLLATION] = {"collation", ATTR_ALTER_REBUILDS, OPTIONAL},
    [COL_NOTNULL] = {"notnull", ATTR_ALTER, OPTIONAL},
    [COL_NOTNULL_NAME] = {"notnull_name", ATTR_INFO, OPTIONAL},
    [COL_GENERATED] = {"generated", ATTR_ALTER, OPTIONAL},
    [COL_VIRTUAL] = {"virtual", ATTR_ALTER, OPTIONAL},
    [COL_STORAGE] = {"storage", ATTR_ALTER, OPTIONAL},
    [COL_COMPRESSION] = {"compression", ATTR_ALTER, OPTIONAL},
    [COL_STATISTICS] = {"statistics", ATTR_ALTER, OPTIONAL},
    [COL_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [COL_INHERITED] = {"inherited", ATTR_INFO, OPTIONAL},
    [COL_MERGED] = {"merged", ATTR_INFO, OPTIONAL},
    [COL_TYPE_STORAGE] = {"type_storage", ATTR_INFO, NONEMPTY},
    [COL_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(column_attrs, COL_NATTRS);

static const pa_feature column_features[] = {
    {COL_VIRTUAL, NULL, 180000, "a virtual generated column", FEATURE_USED},
    {COL_NOTNULL, "CONSTRAINT ", 180000, "a named NOT NULL constraint", FEATURE_USED},
    {COL_NOTNULL, "NO INHERIT", 180000, "a NOT NULL constraint NO INHERIT", FEATURE_USED},
    {COL_NOTNULL, "NOT VALID", 180000, "a NOT NULL constraint NOT VALID", FEATURE_USED},
    {.what = NULL},
};

void column_definition(strbuf *sb, const pa_object *col)
{
    const char *const *v = col->values;
    sql_ident(sb, col->name);
    sb_addf(sb, " %s", v[COL_TYPE]);
    if (v[COL_COMPRESSION])
        sb_addf(sb, " COMPRESSION %s", v[COL_COMPRESSION]);
    if (v[COL_COLLATION])
        sb_addf(sb, " COLLATE %s", v[COL_COLLATION]);
    if (v[COL_GENERATED])
        sb_addf(sb, " GENERATED ALWAYS AS (%s) %s", v[COL_GENERATED],
                v[COL_VIRTUAL] ? "VIRTUAL" : "STORED");
    const pa_object *dflt = model_child_of_kind(col, &kind_column_default);
    if (dflt)
        sb_addf(sb, " DEFAULT %s", dflt->values[0]);
    if (v[COL_NOTNULL] && !strstr(v[COL_NOTNULL], "NOT VALID"))
        sb_addf(sb, " %s", v[COL_NOTNULL]);
    const pa_object *identity = model_child_of_kind(col, &kind_identity);
    if (identity)
        identity_clause(sb, identity);
}

static void column_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "COLUMN ");
    kind_column_name(sb, o);
}

/* A foreign table's column: its values are another server's. */
static bool on_foreign_table(const pa_object *col)
{
    return col->parent && col->parent->kind->rows_elsewhere;
}

/* A stored generated column, an identity column and one whose default is
 * volatile are computed for every row: a rewrite (a constant or stable
 * default is stored once, a virtual column computed when read). A NOT
 * NULL column without a default cannot be added to a table that has
 * rows. */
static void column_create(pa_plan *p, const pa_object *to)
{
    const pa_object *dflt = model_child_of_kind(to, &kind_column_default);
    bool identity = model_child_of_kind(to, &kind_identity) != NULL;
    bool computed = to->values[COL_GENERATED] || identity;
    bool rewrites = !on_foreign_table(to) &&
                    ((to->values[COL_GENERATED] && !to->values[COL_VIRTUAL]) || identity ||
                     (dflt && column_default_is_volatile(dflt)));
    pa_stmt *add = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE | (rewrites ? HAZ_TABLE_REWRITE : 0));
    strbuf *sb = &add->sql;
    kind_alter_table(sb, to);
    sb_adds(sb, " ADD COLUMN ");
    column_definition(sb, to);
    /* Before column_after_create's statements: the check is the ADD's. */
    if (to->values[COL_NOTNULL] && !computed && !dflt)
        plan_check(add, CHECK_EMPTY_TABLE, to, to->name, NULL, NULL);
    column_after_create(p, to);
}

/* The column of the same name of each table that inherits col's table
 * in FROM (not partitions), through fn. */
static void for_child_columns(const pa_plan *p, const pa_object *col,
                              void (*fn)(pa_plan *p, const pa_object *child_col, void *arg),
                              void *arg)
{
    extern const pa_kind kind_inherit;
    strbuf parent = STRBUF_INIT;
    sql_qualified(&parent, col->schema, col->table);
    for (size_t i = 0; i < plan_from(p)->count; i++) {
        const pa_object *inh = plan_from(p)->objects[i];
        if (inh->kind != &kind_inherit || strcmp(inh->name, parent.buf) != 0)
            continue;
        const pa_object *child = model_lookup(plan_from(p), col->kind, inh->schema, inh->table,
                                              col->name);
        if (child)
            fn((pa_plan *)p, child, arg);
    }
    sb_release(&parent);
}

/* A child's column that only the parent's column gave it, and that TARGET
 * has as the child's own: it must outlive the parent's DROP COLUMN. */
static bool kept_as_own(const pa_plan *p, const pa_object *child_col)
{
    const pa_object *to = model_lookup(plan_to(p), child_col->kind, child_col->schema,
                                       child_col->table, child_col->name);
    return column_is_inherited(child_col) && to && !column_is_inherited(to);
}

static void note_kept(pa_plan *p, const pa_object *child_col, void *arg)
{
    *(bool *)arg |= kept_as_own(p, child_col);
}

/* After ALTER TABLE ONLY parent DROP COLUMN, every child keeps the column
 * as its own: those TARGET does not keep lose it here. */
static void drop_unkept(pa_plan *p, const pa_object *child_col, void *arg)
{
    (void)arg;
    const pa_object *to = model_lookup(plan_to(p), child_col->kind, child_col->schema,
                                       child_col->table, child_col->name);
    if (!column_is_inherited(child_col) || to)
        return;
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    kind_alter_table(sb, child_col);
    sb_adds(sb, " DROP COLUMN ");
    sql_ident(sb, child_col->name);
}

/* A parent's column whose child keeps it as its own (TARGET has it in the
 * child, no longer inherited) is dropped from the parent ONLY: the child's
 * column and its data stay. */
static void column_drop(pa_plan *p, const pa_object *from)
{
    bool kept = false;
    for_child_columns(p, from, note_kept, &kept);
    pa_stmt *drop = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE);
    strbuf *sb = &drop->sql;
    sb_adds(sb, kept ? "ALTER TABLE ONLY " : "ALTER TABLE ");
    kind_table_name(sb, from);
    sb_adds(sb, " DROP COLUMN ");
    sql_ident(sb, from->name);
    plan_check(drop, CHECK_LOSS_VALUES, from, from->name, NULL, NULL);
    if (kept)
        for_child_columns(p, from, drop_unkept, NULL);
}

pa_stmt *alter_column(pa_plan *p, const pa_object *col, unsigned hazards,
                      const char *action)
{
    pa_stmt *stmt = plan_stmt(p, hazards | HAZ_ACCESS_EXCLUSIVE);
    strbuf *sb = &stmt->sql;
    kind_alter_table(sb, col);
    sb_adds(sb, " ALTER COLUMN ");
    sql_ident(sb, col->name);
    sb_addc(sb, ' ');
    sb_adds(sb, action);
    return stmt;
}

/* A column type as format_type prints it, taken apart: its name without
 * the modifier ("character varying" for "character varying(20)",
 * "timestamp without time zone" for "timestamp(3) without time zone") and
 * whether it is an array. Quoted names are kept whole. */
typedef struct type_shape {
    strbuf base;
    bool array;
} type_shape;

static void type_shape_of(type_shape *t, const char *type)
{
    size_t n = strlen(type);
    t->array = n > 2 && strcmp(type + n - 2, "[]") == 0;
    while (n > 2 && strncmp(type + n - 2, "[]", 2) == 0 && type[n - 3] != '"')
        n -= 2;
    sb_init(&t->base);
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (type[i] == '"')
            quoted = !quoted;
        if (!quoted && type[i] == '(') {
            while (i < n && type[i] != ')')
                i++;
            continue;
        }
        sb_addc(&t->base, type[i]);
    }
}

static const char *const string_types[] = {
    "text", "character", "character varying", "name", NULL,
};

/* Types grouped by what converts among them without an explicit cast
 * (arrays of them too, element by element); 0 for none of them. */
static int type_family(const type_shape *t)
{
    static const char *const numbers[] = {"smallint", "integer", "bigint",
                                          "numeric", "real",
                                          "double precision", NULL};
    static const char *const times[] = {"timestamp without time zone",
                                        "timestamp with time zone", "date", NULL};
    const char *const *families[] = {string_types, numbers, times};
    for (int f = 0; f < 3; f++) {
        if (string_in_list(sb_str(&t->base), families[f]))
            return f + 1;
    }
    return 0;
}

/* Whether ALTER COLUMN TYPE can convert without USING: both in one family
 * and both arrays or neither. */
static bool converts_by_itself(const type_shape *a, const type_shape *b)
{
    int family = type_family(a);
    return family != 0 && family == type_family(b) && a->array == b->array;
}

/* Whether any cast leads from one type to the other. Every type converts
 * to and from a string type through its text form; an array and a
 * value that is not a string have no cast between them at all. Between
 * other types the server's own casts decide (the preflight tries them). */
static bool cast_exists(const type_shape *from, const type_shape *to)
{
    if ((!from->array && string_in_list(sb_str(&from->base), string_types)) ||
        (!to->array && string_in_list(sb_str(&to->base), string_types)))
        return true;
    return from->array == to->array;
}

/* test on the shapes of two type spellings. */
static bool types_are(const char *from, const char *to,
                      bool (*test)(const type_shape *, const type_shape *))
{
    type_shape a, b;
    type_shape_of(&a, from);
    type_shape_of(&b, to);
    bool yes = test(&a, &b);
    sb_release(&a.base);
    sb_release(&b.base);
    return yes;
}

static long type_modifier(const char *type, const char *base)
{
    size_t n = strlen(base);
    if (strncmp(type, base, n) != 0)
        return -2;
    if (type[n] == '\0')
        return -1;          /* unconstrained */
    if (type[n] != '(')
        return -2;
    return strtol(type + n + 1, NULL, 10);
}

/* A conversion that keeps every value: widening, or to an unbounded type;
 * for arrays, of their elements. */
static bool type_change_keeps_data(const char *from, const char *to)
{
    size_t nf = strlen(from), nt = strlen(to);
    if (nf > 2 && nt > 2 && strcmp(from + nf - 2, "[]") == 0 && strcmp(to + nt - 2, "[]") == 0) {
        char *f = xstrndup(from, nf - 2), *t = xstrndup(to, nt - 2);
        bool keeps = type_change_keeps_data(f, t);
        free(f);
        free(t);
        return keeps;
    }
    static const char *const widening[][2] = {
        {"smallint", "integer"}, {"smallint", "bigint"},
        {"integer", "bigint"}, {"real", "double precision"},
        {"smallint", "numeric"}, {"integer", "numeric"}, {"bigint", "numeric"},
        {"timestamp without time zone", "timestamp with time zone"},
        {"character varying", "text"}, {"character", "text"},
    };
    if (strcmp(to, "text") == 0)
        return true;
    for (size_t i = 0; i < sizeof(widening) / sizeof(widening[0]); i++) {
        size_t n = strlen(widening[i][0]);
        if (strncmp(from, widening[i][0], n) == 0 &&
            (from[n] == '\0' || from[n] == '(') &&
            strcmp(to, widening[i][1]) == 0)
            return true;
    }
    static const char *const bounded[] = {"character varying", "numeric"};
    for (size_t i = 0; i < 2; i++) {
        long a = type_modifier(from, bounded[i]);
        long b = type_modifier(to, bounded[i]);
        if (a >= -1 && b == -1)
            return true;
        if (a >= 0 && b >= a && i == 0)
            return true;
    }
    /* numeric(p,s) to numeric(p2,s2): no value is rounded or too large
     * when neither the scale nor the digits before the point shrink. */
    long p1 = type_modifier(from, "numeric"), p2 = type_modifier(to, "numeric");
    if (p1 >= 0 && p2 >= 0) {
        const char *c1 = strchr(from, ','), *c2 = strchr(to, ',');
        long s1 = c1 ? strtol(c1 + 1, NULL, 10) : 0, s2 = c2 ? strtol(c2 + 1, NULL, 10) : 0;
        return s2 >= s1 && p2 - s2 >= p1 - s1;
    }
    return false;
}

/* Whether the server must rewrite the table: not for conversions that
 * keep the stored bytes (a longer varchar, varchar to text, more numeric
 * digits) or a new collation alone. */
static bool type_change_rewrites(const char *from, const char *to)
{
    if (strcmp(from, to) == 0)
        return false;
    bool from_varchar = strncmp(from, "character varying", 17) == 0;
    long a = type_modifier(from, "character varying");
    long b = type_modifier(to, "character varying");
    if ((from_varchar || strcmp(from, "text") == 0) &&
        (strcmp(to, "text") == 0 || b == -1))
        return false;
    if (a >= 0 && b >= a)
        return false;
    long p1 = type_modifier(from, "numeric"), p2 = type_modifier(to, "numeric");
    if (p1 >= -1 && p2 == -1)
        return false;
    const char *c1 = strchr(from, ','), *c2 = strchr(to, ',');
    return !(p1 >= 0 && p2 >= p1 && c1 && c2 && strcmp(c1, c2) == 0);
}

/* Whether type (schema.name as format_type writes it), or an array of
 * it, is one of m's enums. */
static bool is_enum_type(const pa_model *m, const char *type)
{
    const char *p = type, *end = type + strcspn(type, "[");
    char *schema = sql_name_part(&p, end);
    char *name = NULL;
    if (schema && p < end && *p == '.') {
        p++;
        name = sql_name_part(&p, end);
    }
    bool found = name && p == end &&
                 model_lookup(m, &kind_enum, schema, NULL, name) != NULL;
    free(schema);
    free(name);
    return found;
}

/* The cast from old_type to new_type, as it follows "col::": enums have
 * no casts among each other, only the I/O conversion through text. */
static void add_cast(strbuf *sb, const pa_plan *p, const char *old_type,
                     const char *new_type)
{
    if (is_enum_type(plan_from(p), old_type) && is_enum_type(plan_to(p), new_type))
        sb_adds(sb, strchr(old_type, '[') ? "text[]::" : "text::");
    sb_adds(sb, new_type);
}

/* A foreign table's column only changes what it is read as: no USING
 * (the server refuses one), no rows converted. */
static void retype_foreign(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &alter_column(p, to, 0, "TYPE ")->sql;
    sb_adds(sb, to->values[COL_TYPE]);
    if (to->values[COL_COLLATION])
        sb_addf(sb, " COLLATE %s", to->values[COL_COLLATION]);
}

static void alter_type(pa_plan *p, const pa_object *from, const pa_object *to)
{
    const char *old_type = from->values[COL_TYPE];
    const char *new_type = to->values[COL_TYPE];
    unsigned hazards = 0;
    if (on_foreign_table(to)) {
        retype_foreign(p, to);
        return;
    }
    if (strcmp(old_type, new_type) != 0 &&
        !type_change_keeps_data(old_type, new_type))
        hazards |= HAZ_DATA_LOSS;
    if (type_change_rewrites(old_type, new_type))
        hazards |= HAZ_TABLE_REWRITE;
    pa_stmt *stmt = alter_column(p, to, hazards, "TYPE ");
    strbuf *sb = &stmt->sql;
    strbuf cast = STRBUF_INIT;
    add_cast(&cast, p, old_type, new_type);
    if (strcmp(old_type, new_type) != 0)
        plan_check(stmt, CHECK_CAST, to, to->name,
                   hazards & HAZ_DATA_LOSS ? old_type : NULL, cast.buf);
    sb_adds(sb, new_type);
    if (to->values[COL_COLLATION])
        sb_addf(sb, " COLLATE %s", to->values[COL_COLLATION]);
    if (strcmp(old_type, new_type) != 0 &&
        !types_are(old_type, new_type, converts_by_itself)) {
        sb_adds(sb, " USING ");
        sql_ident(sb, to->name);
        sb_addf(sb, "::%s", cast.buf);
    }
    sb_release(&cast);
}

/* --online SET NOT NULL: a CHECK (col IS NOT NULL) added NOT VALID and
 * validated on its own lets SET NOT NULL skip its scan under the lock;
 * then the helper constraint goes. */
static void set_not_null_online(pa_plan *p, const pa_object *to)
{
    char name[40];
    kind_helper_name(name, sizeof(name), "pgalign_not_null", to);
    strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
    kind_alter_table(sb, to);
    sb_addf(sb, " ADD CONSTRAINT %s CHECK (", name);
    sql_ident(sb, to->name);
    sb_adds(sb, " IS NOT NULL) NOT VALID");
    pa_stmt *validate = plan_stmt(p, HAZ_VALIDATES_ROWS);
    kind_alter_table(&validate->sql, to);
    sb_addf(&validate->sql, " VALIDATE CONSTRAINT %s", name);
    plan_standalone(validate);
    plan_check(validate, CHECK_NOT_NULL, to, to->name, NULL, NULL);
    plan_standalone(alter_column(p, to, 0, "SET NOT NULL"));
    pa_stmt *drop = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE);
    kind_alter_table(&drop->sql, to);
    sb_addf(&drop->sql, " DROP CONSTRAINT %s", name);
    plan_standalone(drop);
}

static bool is_plain_not_null(const char *notnull)
{
    return notnull && strcmp(notnull, "NOT NULL") == 0;
}

/* Whether a is b, NOT VALID. */
static bool same_but_validity(const char *a, const char *b)
{
    size_t lb = strlen(b);
    return strncmp(a, b, lb) == 0 && strcmp(a + lb, " NOT VALID") == 0;
}

/* A NOT NULL constraint of PostgreSQL 18 that a column definition cannot
 * say (NOT VALID): ALTER TABLE ADD CONSTRAINT after the column exists. */
static void add_not_null_constraint(pa_plan *p, const pa_object *col)
{
    const char *nn = col->values[COL_NOTNULL];
    bool not_valid = strstr(nn, " NOT VALID") != NULL;
    pa_stmt *add = plan_stmt(p, HAZ_ACCESS_EXCLUSIVE | (not_valid ? 0 : HAZ_VALIDATES_ROWS));
    strbuf *sb = &add->sql;
    kind_alter_table(sb, col);
    sb_adds(sb, " ADD ");
    if (col->values[COL_NOTNULL_NAME]) {
        sb_adds(sb, "CONSTRAINT ");
        sql_ident(sb, col->values[COL_NOTNULL_NAME]);
        sb_addc(sb, ' ');
    }
    sb_adds(sb, "NOT NULL ");
    sql_ident(sb, col->name);
    if (strstr(nn, " NO INHERIT"))
        sb_adds(sb, " NO INHERIT");
    if (not_valid)
        sb_adds(sb, " NOT VALID");
    else
        plan_check(add, CHECK_NOT_NULL, col, col->name, NULL, NULL);
}

/* A NOT NULL constraint's text without its "CONSTRAINT name " (as notnull
 * says it when the name is not the server's default). */
static const char *without_constraint_name(const char *nn)
{
    static const char prefix[] = "CONSTRAINT ";
    if (strncmp(nn, prefix, strlen(prefix)) != 0)
        return nn;
    const char *name = nn + strlen(prefix), *p = sql_skip_name(name);
    return p > name && *p == ' ' ? p + 1 : nn;
}

/* The same NOT NULL constraint under another name (PostgreSQL 18): its
 * table was renamed, and the default name of the new table differs. */
static bool renamed_not_null(const pa_object *from, const pa_object *to)
{
    const char *f = from->values[COL_NOTNULL], *t = to->values[COL_NOTNULL];
    const char *fn = from->values[COL_NOTNULL_NAME], *tn = to->values[COL_NOTNULL_NAME];
    return f && t && fn && tn && strcmp(fn, tn) != 0 &&
           strcmp(without_constraint_name(f), without_constraint_name(t)) == 0;
}

static void alter_not_null(pa_plan *p, const pa_object *from, const pa_object *to)
{
    const char *f = from->values[COL_NOTNULL], *t = to->values[COL_NOTNULL];
    if (renamed_not_null(from, to)) {
        strbuf *sb = &plan_stmt(p, HAZ_ACCESS_EXCLUSIVE)->sql;
        kind_alter_table(sb, to);
        sb_adds(sb, " RENAME CONSTRAINT ");
        sql_ident(sb, from->values[COL_NOTNULL_NAME]);
        sb_adds(sb, " TO ");
        sql_ident(sb, to->values[COL_NOTNULL_NAME]);
        return;
    }
    if (f && t && same_but_validity(f, t) && from->values[COL_NOTNULL_NAME]) {
        pa_stmt *validate = plan_stmt(p, HAZ_VALIDATES_ROWS);
        kind_alter_table(&validate->sql, to);
        sb_adds(&validate->sql, " VALIDATE CONSTRAINT ");
        sql_ident(&validate->sql, from->values[COL_NOTNULL_NAME]);
        plan_check(validate, CHECK_NOT_NULL, to, to->name, NULL, NULL);
        return;
    }
    if (f)
        alter_column(p, to, 0, "DROP NOT NULL");
    if (t && is_plain_not_null(t) && plan_online(p)) {
        set_not_null_online(p, to);
    } else if (t && is_plain_not_null(t)) {
        plan_check(alter_column(p, to, HAZ_VALIDATES_ROWS, "SET NOT NULL"), CHECK_NOT_NULL,
                   to, to->name, NULL, NULL);
    } else if (t) {
        add_not_null_constraint(p, to);
    }
}

/* The planner's sample size for the column (the default: -1). */
static void set_statistics(pa_plan *p, const pa_object *col)
{
    const char *target = col->values[COL_STATISTICS];
    sb_adds(&alter_column(p, col, 0, "SET STATISTICS ")->sql, target ? target : "-1");
}

static void column_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                         const bool *changed)
{
    const char *const *f = from->values;
    const char *const *t = to->values;
    /* A merged column has its parent's type and collation, and the
     * parent's ALTER COLUMN TYPE changes it too (it refuses to run on
     * the child). */
    bool retype = (changed[COL_TYPE] || changed[COL_COLLATION]) &&
                  !(f[COL_MERGED] && t[COL_MERGED]);

    if (changed[COL_GENERATED] && f[COL_GENERATED] && !t[COL_GENERATED])
        alter_column(p, to, 0, "DROP EXPRESSION");
    if (retype)
        alter_type(p, from, to);
    if (changed[COL_STORAGE])
        sb_adds(&alter_column(p, to, 0, "SET STORAGE ")->sql,
                t[COL_STORAGE] ? t[COL_STORAGE] : t[COL_TYPE_STORAGE]);
    if (changed[COL_COMPRESSION])
        sb_adds(&alter_column(p, to, 0, "SET COMPRESSION ")->sql,
                t[COL_COMPRESSION] ? t[COL_COMPRESSION] : "default");
    if (changed[COL_NOTNULL])
        alter_not_null(p, from, to);
    if (changed[COL_STATISTICS])
        set_statistics(p, to);
    if (changed[COL_OPTIONS])
        kind_alter_column_options(p, to, f[COL_OPTIONS], t[COL_OPTIONS]);
}

/* A generated expression cannot be changed in place (before PostgreSQL
 * 17), nor can a plain column become generated, nor a stored one virtual;
 * a virtual one has no values to keep when it becomes plain. No ALTER
 * can give a column a type no cast leads to (integer[] to integer): it is
 * dropped and added again, which loses its values. */
static bool column_needs_replace(const pa_object *from, const pa_object *to)
{
    if (!on_foreign_table(to) &&
        !types_are(from->values[COL_TYPE], to->values[COL_TYPE], cast_exists))
        return true;
    if (from->values[COL_VIRTUAL] && !to->values[COL_GENERATED])
        return true;
    return to->values[COL_GENERATED] &&
           (!same_string(from->values[COL_GENERATED], to->values[COL_GENERATED]) ||
            !same_string(from->values[COL_VIRTUAL], to->values[COL_VIRTUAL]));
}

static bool column_is_derived(const pa_object *o)
{
    return o->values[COL_GENERATED] != NULL || on_foreign_table(o);
}

/* What a column definition cannot say: SET STORAGE (before PostgreSQL
 * 16), a NOT VALID NOT NULL constraint, the statistics target and
 * options. After CREATE TABLE or ADD COLUMN. */
void column_after_create(pa_plan *p, const pa_object *col)
{
    if (col->values[COL_STORAGE])
        sb_adds(&alter_column(p, col, 0, "SET STORAGE ")->sql, col->values[COL_STORAGE]);
    if (col->values[COL_STATISTICS])
        set_statistics(p, col);
    if (col->values[COL_OPTIONS])
        kind_alter_column_options(p, col, NULL, col->values[COL_OPTIONS]);
    if (col->values[COL_NOTNULL] && strstr(col->values[COL_NOTNULL], "NOT VALID"))
        add_not_null_constraint(p, col);
}

/* A partition's columns, and those a child table only inherits, come
 * from the parent: listed, so that a table can become a partition or a
 * child, but never given statements of their own. */
const char *column_type(const pa_object *o)
{
    return o->kind == &kind_column ? o->values[COL_TYPE] : NULL;
}

const char *column_collation(const pa_object *o)
{
    return o->kind == &kind_column ? o->values[COL_COLLATION] : NULL;
}

const char *column_not_null(const pa_object *col)
{
    return col->kind == &kind_column ? col->values[COL_NOTNULL] : NULL;
}

const char *column_not_null_name(const pa_object *col)
{
    return col->kind == &kind_column ? col->values[COL_NOTNULL_NAME] : NULL;
}

void column_set_not_null(pa_model *m, pa_object *col, const char *not_null)
{
    if (col->kind == &kind_column)
        model_set(m, col, COL_NOTNULL, not_null);
}

bool column_is_inherited(const pa_object *o)
{
    return o->values[COL_INHERITED] != NULL;
}

/* A column's dependency on another table's column (its merged children)
 * orders its own ADD and DROP COLUMN; created inside CREATE TABLE, the
 * table's INHERITS already orders the two tables. */
static bool column_dep_orders_own_statement(const pa_object *o, const pa_object *dep)
{
    return dep->kind == o->kind &&
           (strcmp(dep->schema, o->schema) != 0 || strcmp(dep->table, o->table) != 0);
}

/* A stored column's values are lost; a generated one's are derived,
 * unless it becomes a plain column (which starts empty). */
static bool column_replace_loses_data(const pa_object *from, const pa_object *to)
{
    if (on_foreign_table(from))
        return false;
    return from->values[COL_GENERATED] == NULL || to->values[COL_GENERATED] == NULL;
}

const pa_kind kind_column = {
    .name = "column",
    .rank = 55,
    .query = column_query,
    .cost = 136,
    .variants = column_variants,
    .features = column_features,
    .attrs = KIND_ATTRS(column_attrs),
    .canonical_attrs = KIND_ATTR_LIST(COL_GENERATED),
    .parents = KIND_PARENTS(&kind_table, &kind_foreign_table),
    .table_in_key = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .holds_data = true,
    .is_derived = column_is_derived,
    .is_implied = column_is_inherited,
    .dep_orders_own_statement = column_dep_orders_own_statement,
    .target = column_target,
    .create = column_create,
    .drop = column_drop,
    .alter = column_alter,
    .needs_replace = column_needs_replace,
    .replace_loses_data = column_replace_loses_data,
};
