/* Enum types. New labels are added in place (ADD VALUE BEFORE/AFTER); a
 * removed or reordered label needs the rename-create-swap-drop dance, which
 * rewrites every column of the type and loses rows that use a removed
 * label, so it is destructive. */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"
#include "model/casts.h"
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

enum { ENUM_LABELS, ENUM_COMMENT, ENUM_NATTRS };
static const pa_attr_rule enum_attrs[] = {
    [ENUM_LABELS] = {"labels", ATTR_ALTER, OPTIONAL},
    [ENUM_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(enum_attrs, ENUM_NATTRS);

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
    strbuf *sb = &plan_stmt(p, 0)->sql;
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
        strbuf *sb = &plan_stmt(p, 0)->sql;
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

/* A value added by ALTER TYPE ... ADD VALUE cannot be used before the
 * transaction commits. The server renders enum constants as 'label'::type
 * and arrays as '{a,label}'::type[], so an expression of TARGET (a default,
 * a check, an index predicate) that casts to the type and mentions a new
 * label may use it. Erring on the safe side costs only a rewrite. */
static bool new_label_used(const pa_model *m, const pa_object *to,
                           const label_list *old, const label_list *new)
{
    strbuf type = STRBUF_INIT;
    kind_qualified(&type, to);
    size_t n;
    const char *const *uses = model_cast_uses(m, type.buf, &n);
    sb_release(&type);
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < new->count; i++) {
            if (labels_find(old, new->items[i]) < 0 && strstr(uses[j], new->items[i]))
                return true;
        }
    }
    return false;
}

/* Whether the labels change in a way ADD VALUE cannot do: then the type
 * is swapped for a new one (rename, create, retype columns, drop). */
static bool needs_swap(const pa_model *to_model, const pa_object *from,
                       const pa_object *to)
{
    label_list old, new;
    labels_parse(from->values[ENUM_LABELS], &old);
    labels_parse(to->values[ENUM_LABELS], &new);
    bool swap = !labels_only_added(&old, &new) ||
                new_label_used(to_model, to, &old, &new);
    labels_free(&old);
    labels_free(&new);
    return swap;
}

/* What uses the type (defaults, checks, index predicates, functions,
 * views, and what uses those) would hold on to the old type: the plan
 * drops it before the swap and creates it again after. */
static bool enum_alter_rebuilds(const pa_model *to_model, const pa_object *from,
                                const pa_object *to)
{
    return needs_swap(to_model, from, to);
}

static void enum_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                       const bool *changed)
{
    if (!changed[ENUM_LABELS])
        return;
    label_list old, new;
    labels_parse(from->values[ENUM_LABELS], &old);
    labels_parse(to->values[ENUM_LABELS], &new);
    if (!needs_swap(plan_to(p), from, to)) {
        add_labels(p, to, &old, &new);
    } else {
        bool removed = false;
        for (size_t i = 0; i < old.count; i++)
            removed |= labels_find(&new, old.items[i]) < 0;
        kind_swap_type(p, from, to, "TYPE", "text", removed ? HAZ_DATA_LOSS : 0);
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
    .alter_rebuilds = enum_alter_rebuilds,
    .rebuild_is_new_object = true,
};
