/* Enum types. New labels are added in place (ADD VALUE BEFORE/AFTER); a
 * removed or reordered label needs the rename-create-swap-drop dance, which
 * rewrites every column of the type and loses rows that use a removed
 * label, so it is destructive. */
#include "kinds/kind.h"
#include "plan/plan.h"
#include "emit/quote.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>

static const char enum_query[] =
    "SELECT n.nspname AS schema, t.typname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_type", "t.oid", "0") " AS address,"
    " " PA_SQL_ADDRESS("pg_type", "t.typarray", "0") " AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " (SELECT string_agg(quote_literal(l.enumlabel), ', '"
    "         ORDER BY l.enumsortorder)"
    "    FROM pg_enum l WHERE l.enumtypid = t.oid) AS labels,"
    " cm.description AS comment"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    PA_SQL_COMMENT_JOIN("pg_type", "t.oid", "0")
    " WHERE t.typtype = 'e' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

static const pa_attr_rule enum_attrs[] = {
    {"labels", ATTR_ALTER, OPTIONAL},
    {"comment", ATTR_COMMENT, OPTIONAL},
};
enum { ENUM_LABELS };

typedef struct label_list {
    char **items;
    size_t count;
    size_t alloc;
} label_list;

static void labels_free(label_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
}

/* Parse "'a', E'b\\c', 'it''s'" as written by quote_literal(). */
static void labels_parse(const char *s, label_list *out)
{
    memset(out, 0, sizeof(*out));
    while (s && *s) {
        bool escaped = false;
        if (*s == 'E') {
            escaped = true;
            s++;
        }
        if (*s != '\'')
            break;
        s++;
        strbuf sb = STRBUF_INIT;
        sb_adds(&sb, "");
        while (*s) {
            if (*s == '\'' && s[1] == '\'') {
                sb_addc(&sb, '\'');
                s += 2;
            } else if (*s == '\'') {
                s++;
                break;
            } else if (escaped && *s == '\\' && s[1]) {
                sb_addc(&sb, s[1]);
                s += 2;
            } else {
                sb_addc(&sb, *s++);
            }
        }
        out->items = xgrow(out->items, sizeof(char *), out->count + 1, &out->alloc);
        out->items[out->count++] = sb_detach(&sb);
        s += strspn(s, ", ");
    }
}

static long labels_find(const label_list *l, const char *label)
{
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->items[i], label) == 0)
            return (long)i;
    }
    return -1;
}

/* True when every old label survives, in the same relative order. */
static bool labels_only_added(const label_list *old, const label_list *new)
{
    long last = -1;
    for (size_t i = 0; i < old->count; i++) {
        long at = labels_find(new, old->items[i]);
        if (at <= last)
            return false;
        last = at;
    }
    return true;
}

static void enum_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TYPE ");
    kind_qualified(sb, o);
}

static void enum_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = plan_stmt(p, 0);
    sb_adds(sb, "CREATE TYPE ");
    kind_qualified(sb, to);
    sb_addf(sb, " AS ENUM (%s)",
            to->values[ENUM_LABELS] ? to->values[ENUM_LABELS] : "");
}

static void add_labels(pa_plan *p, const pa_object *to, const label_list *old,
                       const label_list *new)
{
    for (size_t i = 0; i < new->count; i++) {
        if (labels_find(old, new->items[i]) >= 0)
            continue;
        strbuf *sb = plan_stmt(p, 0);
        sb_adds(sb, "ALTER TYPE ");
        kind_qualified(sb, to);
        sb_adds(sb, " ADD VALUE ");
        sql_literal(sb, new->items[i]);
        if (i > 0) {
            sb_adds(sb, " AFTER ");
            sql_literal(sb, new->items[i - 1]);
        } else if (old->count > 0) {
            sb_adds(sb, " BEFORE ");
            sql_literal(sb, old->items[0]);
        }
    }
}

/* Whether a column's rendered type is this enum or an array of it. */
static const char *column_uses_type(const char *coltype, const char *typname)
{
    size_t n = strlen(typname);
    if (strncmp(coltype, typname, n) != 0)
        return NULL;
    if (coltype[n] == '\0')
        return "";
    if (strcmp(coltype + n, "[]") == 0)
        return "[]";
    return NULL;
}

static void retype_column(pa_plan *p, const pa_object *col, const char *suffix,
                          const char *typname, unsigned hazards)
{
    const char *def = obj_value(col, "default");
    const pa_object *target = model_find(p->to, col->key);
    const char *new_def = target ? obj_value(target, "default") : def;
    strbuf *sb;
    if (def) {
        sb = plan_stmt(p, 0);
        kind_alter_table(sb, col);
        sb_adds(sb, " ALTER COLUMN ");
        sql_ident(sb, col->name);
        sb_adds(sb, " DROP DEFAULT");
    }
    sb = plan_stmt(p, hazards);
    kind_alter_table(sb, col);
    sb_adds(sb, " ALTER COLUMN ");
    sql_ident(sb, col->name);
    sb_addf(sb, " TYPE %s%s USING ", typname, suffix);
    sql_ident(sb, col->name);
    sb_addf(sb, "::text%s::%s%s", suffix, typname, suffix);
    if (def && new_def) {
        sb = plan_stmt(p, 0);
        kind_alter_table(sb, col);
        sb_adds(sb, " ALTER COLUMN ");
        sql_ident(sb, col->name);
        sb_addf(sb, " SET DEFAULT %s", new_def);
    }
}

static void recreate_enum(pa_plan *p, const pa_object *from, const pa_object *to,
                          unsigned hazards)
{
    strbuf typname = STRBUF_INIT;
    kind_qualified(&typname, to);
    char old_name[32];
    unsigned h = 5381;
    for (const char *c = to->key; *c; c++)
        h = h * 33 + (unsigned char)*c;
    snprintf(old_name, sizeof(old_name), "pgalign_old_%08x", h);

    /* Checks and index predicates that compare with the type's constants
     * would compare new and old type after the swap: rebuild them. */
    const pa_object **rebuilt = xcalloc(p->from->count + 1, sizeof(*rebuilt));
    size_t nrebuilt = 0;
    for (size_t i = 0; i < p->from->count; i++) {
        const pa_object *o = p->from->objects[i];
        const pa_object *target = model_find(p->to, o->key);
        if (o->kind->holds_data || !target || plan_drops(p, o))
            continue;
        for (size_t j = 0; j < o->ndeps; j++) {
            if (o->deps[j] == from) {
                plan_drop_object(p, o);
                rebuilt[nrebuilt++] = target;
                break;
            }
        }
    }
    strbuf *sb = plan_stmt(p, 0);
    sb_adds(sb, "ALTER TYPE ");
    sb_adds(sb, typname.buf);
    sb_addf(sb, " RENAME TO %s", old_name);
    plan_create_object(p, to);
    for (size_t i = 0; i < p->from->count; i++) {
        const pa_object *col = p->from->objects[i];
        const char *type = obj_value(col, "type");
        if (strcmp(col->kind->name, "column") != 0 || !type || plan_drops(p, col))
            continue;
        const char *suffix = column_uses_type(type, typname.buf);
        if (suffix)
            retype_column(p, col, suffix, typname.buf, hazards);
    }
    for (size_t i = 0; i < nrebuilt; i++)
        plan_create_object(p, rebuilt[i]);
    free(rebuilt);
    sb = plan_stmt(p, hazards);
    sb_adds(sb, "DROP TYPE ");
    sql_qualified(sb, from->schema, old_name);
    sb_release(&typname);
}

/* A value added by ALTER TYPE ... ADD VALUE cannot be used before the
 * transaction commits. The server renders enum constants as 'label'::type
 * and arrays as '{a,label}'::type[], so an expression of TARGET (a default,
 * a check, an index predicate) that casts to the type and mentions a new
 * label may use it. Erring on the safe side costs only a rewrite. */
static bool new_label_used(const pa_plan *p, const pa_object *to,
                           const label_list *old, const label_list *new)
{
    strbuf cast = STRBUF_INIT;
    sb_adds(&cast, "::");
    kind_qualified(&cast, to);
    bool used = false;
    for (size_t j = 0; j < p->to->count && !used; j++) {
        const pa_object *o = p->to->objects[j];
        for (size_t a = 0; a < o->kind->nattrs && !used; a++) {
            const char *v = o->values[a];
            if (!v || o->kind->attrs[a].on_change == ATTR_COMMENT || !strstr(v, cast.buf))
                continue;
            for (size_t i = 0; i < new->count && !used; i++)
                used = labels_find(old, new->items[i]) < 0 && strstr(v, new->items[i]);
        }
    }
    sb_release(&cast);
    return used;
}

static void enum_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                       const bool *changed)
{
    if (!changed[ENUM_LABELS])
        return;
    label_list old, new;
    labels_parse(from->values[ENUM_LABELS], &old);
    labels_parse(to->values[ENUM_LABELS], &new);
    if (labels_only_added(&old, &new) && !new_label_used(p, to, &old, &new)) {
        add_labels(p, to, &old, &new);
    } else {
        bool removed = false;
        for (size_t i = 0; i < old.count; i++)
            removed |= labels_find(&new, old.items[i]) < 0;
        recreate_enum(p, from, to, removed ? HAZ_DATA_LOSS : 0);
    }
    labels_free(&old);
    labels_free(&new);
}

const pa_kind kind_enum = {
    .name = "enum",
    .rank = 30,
    .query = enum_query,
    .attrs = KIND_ATTRS(enum_attrs),
    .schema_filtered = true,
    .target = enum_target,
    .create = enum_create,
    .alter = enum_alter,
};
