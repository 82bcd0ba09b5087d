#include "diff/rename.h"
#include "emit/quote.h"
#include "kinds/kinds.h"
#include "kinds/index.h"
#include "kinds/column.h"
#include "util/sqlscan.h"
#include "util/words.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* --- Reading --rename ---------------------------------------------------- */

/* The '=' between OLD and NEW: the first one outside double quotes. */
static const char *find_equals(const char *arg)
{
    bool quoted = false;
    for (const char *p = arg; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == '=' && !quoted)
            return p;
    }
    return NULL;
}

bool rename_parse(pa_rename_list *list, const char *arg, strbuf *err)
{
    const char *eq = find_equals(arg);
    char *parts[4] = {NULL, NULL, NULL, NULL};
    size_t n = 0;
    const char *p = arg;
    bool ok = eq != NULL;
    while (ok && p < eq && n < 3) {
        parts[n] = sql_name_part(&p, eq);
        ok = parts[n++] != NULL && (p == eq || *p++ == '.');
    }
    ok = ok && p == eq && (n == 2 || n == 3);
    const char *new_end = eq ? eq + strlen(eq) : NULL;
    const char *q = eq ? eq + 1 : NULL;
    if (ok)
        ok = (parts[3] = sql_name_part(&q, new_end)) != NULL && q == new_end;
    if (!ok) {
        sb_addf(err, "--rename %s: expected schema.table=new_name, schema.index=new_name, "
                "schema.table.column=new_name or schema.table.constraint=new_name", arg);
        for (size_t i = 0; i < 4; i++)
            free(parts[i]);
        return false;
    }
    list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->alloc);
    list->items[list->count++] = (pa_rename){n == 3 ? RENAME_TABLE_PART : RENAME_RELATION,
                                             parts[0], parts[1], n == 3 ? parts[2] : NULL,
                                             parts[3], NULL};
    return true;
}

void rename_list_free(pa_rename_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        pa_rename *r = &list->items[i];
        free(r->schema);
        free(r->table);
        free(r->name);
        free(r->new_name);
        free(r->evidence);
    }
    free(list->items);
    memset(list, 0, sizeof(*list));
}

void rename_old_name(strbuf *sb, const pa_rename *r)
{
    sql_qualified(sb, r->schema, r->table);
    if (r->name) {
        sb_addc(sb, '.');
        sql_ident(sb, r->name);
    }
}

void rename_text(strbuf *sb, const pa_rename *r)
{
    rename_old_name(sb, r);
    sb_adds(sb, " -> ");
    sql_ident(sb, r->new_name);
}

void rename_statement(strbuf *sb, const pa_rename *r)
{
    sb_adds(sb, r->kind == RENAME_INDEX ? "ALTER INDEX " : "ALTER TABLE ");
    sql_qualified(sb, r->schema, r->table);
    if (r->name) {
        sb_adds(sb, r->kind == RENAME_CONSTRAINT ? " RENAME CONSTRAINT " : " RENAME COLUMN ");
        sql_ident(sb, r->name);
        sb_adds(sb, " TO ");
    } else {
        sb_adds(sb, " RENAME TO ");
    }
    sql_ident(sb, r->new_name);
}

const char *rename_kind_name(const pa_rename *r)
{
    switch (r->kind) {
    case RENAME_RELATION:
    case RENAME_TABLE: return "table";
    case RENAME_TABLE_PART:
    case RENAME_COLUMN: return "column";
    case RENAME_CONSTRAINT: return "constraint";
    case RENAME_INDEX: return "index";
    }
    return "table";
}

bool rename_keeps_data(const pa_rename *r)
{
    return r->kind != RENAME_CONSTRAINT && r->kind != RENAME_INDEX;
}

/* --- Identifiers in SQL text --------------------------------------------- */

static bool ident_start(unsigned char c)
{
    return isalpha(c) || c == '_' || c >= 0x80;
}

static bool ident_char(unsigned char c)
{
    return ident_start(c) || isdigit(c) || c == '$';
}

void rename_identifier(strbuf *out, const char *text, const char *old, const char *new)
{
    strbuf name = STRBUF_INIT;
    const char *s = text;
    while (*s) {
        const char *past = sql_skip_literal(text, s);
        if (past != s) {
            sb_add(out, s, (size_t)(past - s));
            s = past;
            continue;
        }
        const char *begin = s;
        sb_reset(&name);
        if (*s == '"') {
            for (s++; *s; s++) {
                if (*s == '"' && s[1] == '"')
                    sb_addc(&name, *s++);
                else if (*s == '"')
                    break;
                else
                    sb_addc(&name, *s);
            }
            s += *s == '"';
        } else if (ident_start((unsigned char)*s) &&
                   (s == text || !ident_char((unsigned char)s[-1]))) {
            while (ident_char((unsigned char)*s))
                sb_addc(&name, *s++);
        } else {
            sb_addc(out, *s++);
            continue;
        }
        if (strcmp(sb_str(&name), old) == 0)
            sql_ident(out, new);
        else
            sb_add(out, begin, (size_t)(s - begin));
    }
    sb_release(&name);
}

/* --- Applying a rename to FROM's model ----------------------------------- */

static bool has_ancestor(const pa_object *o, const pa_object *ancestor)
{
    for (; o; o = o->parent) {
        if (o == ancestor)
            return true;
    }
    return false;
}

/* Whether o uses target (or, for a table, anything of it). */
static bool depends_on(const pa_object *o, const pa_object *target)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        if (has_ancestor(o->deps[i], target))
            return true;
    }
    return false;
}

/* Attributes that name other objects as SQL text: the expressions the
 * server prints (and adapts to a RENAME), and what a grant is on. */
static bool names_objects(const pa_kind *kind, size_t attr)
{
    return kind_attr_listed(kind->canonical_attrs, attr) ||
           kind_attr_listed(kind->naming_attrs, attr);
}

static void rename_in_definitions(pa_model *m, pa_object *o, const char *old,
                                  const char *new)
{
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < o->kind->nattrs; i++) {
        if (!o->values[i] || !names_objects(o->kind, i))
            continue;
        sb_reset(&sb);
        rename_identifier(&sb, o->values[i], old, new);
        if (strcmp(sb_str(&sb), o->values[i]) != 0)
            model_set(m, o, i, sb_str(&sb));
    }
    sb_release(&sb);
}

/* A grant on a column is named "column grantee". */
static void rename_column_grant(pa_model *m, pa_object *o, const char *old, const char *new)
{
    strbuf prefix = STRBUF_INIT, name = STRBUF_INIT;
    sql_ident(&prefix, old);
    sb_addc(&prefix, ' ');
    if (strncmp(o->name, prefix.buf, prefix.len) == 0) {
        sql_ident(&name, new);
        sb_addf(&name, " %s", o->name + prefix.len);
        o->name = arena_strdup(&m->arena, name.buf);
    }
    sb_release(&prefix);
    sb_release(&name);
}

static void rekey(pa_model *m, pa_object *o)
{
    o->key = model_make_key(&m->arena, o->kind, o->schema, o->table, o->name);
}

static void rename_column(pa_model *m, pa_object *col, const char *new)
{
    const char *old = col->name;
    for (size_t i = 0; i < m->count; i++) {
        pa_object *o = m->objects[i];
        if (o == col || !depends_on(o, col))
            continue;
        rename_in_definitions(m, o, old, new);
        if (o->kind == &kind_column_privilege)
            rename_column_grant(m, o, old, new);
        if (o->parent == col && o->kind->parent_is_namesake && strcmp(o->name, old) == 0)
            o->name = arena_strdup(&m->arena, new);
        rekey(m, o);
    }
    col->name = arena_strdup(&m->arena, new);
    rekey(m, col);
}

/* A NOT NULL constraint keeps its name when its table is renamed (from
 * PostgreSQL 18 it has one): a column whose notnull said the default
 * name of the old table says that name now, as the server will. */
static void keep_not_null_name(pa_model *m, pa_object *col)
{
    const char *not_null = column_not_null(col), *name = column_not_null_name(col);
    if (!not_null || !name || strncmp(not_null, "CONSTRAINT ", 11) == 0)
        return;
    strbuf sb = STRBUF_INIT;
    sb_adds(&sb, "CONSTRAINT ");
    sql_ident(&sb, name);
    sb_addf(&sb, " %s", not_null);
    column_set_not_null(m, col, sb_str(&sb));
    sb_release(&sb);
}

static void rename_table(pa_model *m, pa_object *table, const char *new)
{
    const char *old = table->name;
    for (size_t i = 0; i < m->count; i++) {
        pa_object *o = m->objects[i];
        if (o == table || !depends_on(o, table))
            continue;
        rename_in_definitions(m, o, old, new);
        if (o->parent == table && o->kind == &kind_column)
            keep_not_null_name(m, o);
        if (has_ancestor(o, table) && o->table && strcmp(o->table, old) == 0) {
            o->table = arena_strdup(&m->arena, new);
            if (o->kind->parent_is_namesake && strcmp(o->name, old) == 0)
                o->name = arena_strdup(&m->arena, new);
        }
        rekey(m, o);
    }
    table->name = arena_strdup(&m->arena, new);
    rekey(m, table);
}

/* CLUSTER ON names the index (a constraint's, for a key). */
static void rename_cluster_mark(pa_model *m, pa_object *index, const char *new)
{
    for (size_t i = 0; i < m->count; i++) {
        pa_object *o = m->objects[i];
        if (o->kind == &kind_cluster && strcmp(o->name, index->name) == 0 &&
            depends_on(o, index)) {
            o->name = arena_strdup(&m->arena, new);
            rekey(m, o);
        }
    }
}

/* An index's definition names it: CREATE [UNIQUE] INDEX name ON ...; the
 * definition under the new name in out, false if it does not name it. */
static bool index_definition_renamed(strbuf *out, const char *def, const char *old,
                                     const char *new)
{
    strbuf old_part = STRBUF_INIT;
    sb_adds(&old_part, "INDEX ");
    sql_ident(&old_part, old);
    sb_adds(&old_part, " ON ");
    const char *at = def ? strstr(def, sb_str(&old_part)) : NULL;
    if (at) {
        sb_add(out, def, (size_t)(at - def));
        sb_adds(out, "INDEX ");
        sql_ident(out, new);
        sb_adds(out, " ON ");
        sb_adds(out, at + old_part.len);
    }
    sb_release(&old_part);
    return at != NULL;
}

static void rename_index(pa_model *m, pa_object *index, const char *new)
{
    const char *definition = index_definition(index);
    strbuf sb = STRBUF_INIT;
    if (definition && index_definition_renamed(&sb, definition, index->name, new))
        index_set_definition(m, index, sb.buf);
    sb_release(&sb);
    rename_cluster_mark(m, index, new);
    index->name = arena_strdup(&m->arena, new);
    rekey(m, index);
}

/* Nothing names a constraint but CLUSTER ON (a key's index has its name). */
static void rename_constraint(pa_model *m, pa_object *con, const char *new)
{
    rename_cluster_mark(m, con, new);
    con->name = arena_strdup(&m->arena, new);
    rekey(m, con);
}

static const pa_kind *const kind_of_rename[] = {
    [RENAME_TABLE] = &kind_table, [RENAME_COLUMN] = &kind_column,
    [RENAME_CONSTRAINT] = &kind_constraint, [RENAME_INDEX] = &kind_index,
};

static pa_object *find_renamed(const pa_model *m, rename_kind kind, const pa_rename *r,
                               const char *name)
{
    const char *table = kind == RENAME_COLUMN || kind == RENAME_CONSTRAINT ? r->table : NULL;
    return model_lookup(m, kind_of_rename[kind], r->schema, table, name);
}

/* What the user named: a table before an index of the name, a column
 * before a constraint. */
static void resolve_kind(const pa_model *from, pa_rename *r)
{
    if (r->kind == RENAME_RELATION)
        r->kind = find_renamed(from, RENAME_TABLE, r, r->table) ? RENAME_TABLE
                  : find_renamed(from, RENAME_INDEX, r, r->table) ? RENAME_INDEX
                                                                   : RENAME_TABLE;
    else if (r->kind == RENAME_TABLE_PART)
        r->kind = find_renamed(from, RENAME_COLUMN, r, r->name) ? RENAME_COLUMN
                  : find_renamed(from, RENAME_CONSTRAINT, r, r->name) ? RENAME_CONSTRAINT
                                                                       : RENAME_COLUMN;
}

static bool check_rename(const pa_model *from, const pa_model *to, pa_rename *r,
                         pa_object **old, strbuf *err)
{
    const char *unresolved = r->kind == RENAME_RELATION     ? "table or index"
                             : r->kind == RENAME_TABLE_PART ? "column or constraint"
                                                            : NULL;
    resolve_kind(from, r);
    const char *old_name = r->name ? r->name : r->table;
    const char *problem = NULL;
    *old = find_renamed(from, r->kind, r, old_name);
    const char *what = !*old && unresolved ? unresolved : rename_kind_name(r);
    if (!*old)
        problem = "FROM has no such %s";
    else if (!find_renamed(to, r->kind, r, r->new_name))
        problem = "TARGET has no %s of the new name";
    else if (find_renamed(to, r->kind, r, old_name))
        problem = "TARGET still has the %s: nothing to rename";
    else if (find_renamed(from, r->kind, r, r->new_name))
        problem = "FROM has a %s of the new name already";
    else if ((*old)->kind->is_implied && (*old)->kind->is_implied(*old))
        problem = "the %s is inherited: rename it in the parent table";
    if (!problem)
        return true;
    sb_adds(err, "--rename ");
    rename_old_name(err, r);
    sb_addc(err, '=');
    sql_ident(err, r->new_name);
    sb_adds(err, ": ");
    sb_addf(err, problem, what);
    return false;
}

/* Keys changed: index them again, link children again, keep the order. */
static void reindex(pa_model *m)
{
    hashmap_free(&m->by_key);
    hashmap_init(&m->by_key);
    for (size_t i = 0; i < m->count; i++)
        hashmap_put(&m->by_key, m->objects[i]->key, m->objects[i]);
    model_sort(m);
}

bool rename_apply(pa_model *from, const pa_model *to, pa_rename_list *list, strbuf *err)
{
    for (size_t i = 0; i < list->count; i++) {
        pa_rename *r = &list->items[i];
        pa_object *old = NULL;
        if (!check_rename(from, to, r, &old, err))
            return false;
        switch (r->kind) {
        case RENAME_COLUMN: rename_column(from, old, r->new_name); break;
        case RENAME_CONSTRAINT: rename_constraint(from, old, r->new_name); break;
        case RENAME_INDEX: rename_index(from, old, r->new_name); break;
        default: rename_table(from, old, r->new_name); break;
        }
        reindex(from);
    }
    return true;
}

/* --- Finding likely renames ---------------------------------------------- */

/* The column's place among its table's columns: 0 for the first. */
static long position_of(const pa_object *col)
{
    long n = 0;
    for (const pa_object *c = model_child_of_kind(col->parent, &kind_column); c && c != col;
         c = model_next_of_kind(c))
        n++;
    return n;
}

static bool same_column_type(const pa_object *a, const pa_object *b)
{
    return same_string(column_type(a), column_type(b)) &&
           same_string(column_collation(a), column_collation(b));
}

/* The same column names and types in the same order. */
static bool same_columns(const pa_object *a, const pa_object *b)
{
    const pa_object *x = model_child_of_kind(a, &kind_column);
    const pa_object *y = model_child_of_kind(b, &kind_column);
    if (!x)
        return false;
    for (; x && y; x = model_next_of_kind(x), y = model_next_of_kind(y)) {
        if (strcmp(x->name, y->name) != 0 || !same_column_type(x, y))
            return false;
    }
    return !x && !y;
}

static void add_detected(pa_rename_list *out, rename_kind kind, const pa_object *old,
                         const char *new_name, const char *evidence)
{
    out->items = xgrow(out->items, sizeof(*out->items), out->count + 1, &out->alloc);
    bool in_table = kind == RENAME_COLUMN || kind == RENAME_CONSTRAINT;
    out->items[out->count++] = (pa_rename){
        kind, xstrdup(old->schema), xstrdup(in_table ? old->table : old->name),
        in_table ? xstrdup(old->name) : NULL, xstrdup(new_name), xstrdup(evidence)};
}

/* The changes of one kind and type, as objects. */
static size_t collect(const pa_diff *d, const pa_kind *kind, change_type type,
                      const pa_object ***out)
{
    size_t n = 0, alloc = 0;
    *out = NULL;
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        const pa_object *o = type == CHANGE_DROP ? c->from : c->to;
        if (c->type != type || o->kind != kind)
            continue;
        *out = xgrow(*out, sizeof(**out), n + 1, &alloc);
        (*out)[n++] = o;
    }
    return n;
}

static bool same_table(const pa_object *a, const pa_object *b)
{
    return strcmp(a->schema, b->schema) == 0 && strcmp(a->table, b->table) == 0;
}

static size_t count_in_table(const pa_object **list, size_t n, const pa_object *col)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += same_table(list[i], col);
    return count;
}

/* A dropped column matches the one added to the same table with the same
 * type at the same position; failing that, the one added when the table
 * loses and gains one column each, of the same type. */
static void detect_columns(const pa_diff *d, pa_rename_list *out)
{
    const pa_object **drops, **adds;
    size_t nd = collect(d, &kind_column, CHANGE_DROP, &drops);
    size_t na = collect(d, &kind_column, CHANGE_ADD, &adds);
    for (size_t i = 0; i < nd; i++) {
        const pa_object *old = drops[i], *match = NULL, *only = NULL;
        size_t at_position = 0;
        for (size_t j = 0; j < na; j++) {
            const pa_object *new = adds[j];
            if (!same_table(new, old) || !old->parent || !new->parent ||
                !same_column_type(old, new))
                continue;
            only = new;
            if (position_of(old) == position_of(new)) {
                match = new;
                at_position++;
            }
        }
        if (at_position == 1)
            add_detected(out, RENAME_COLUMN, old, match->name, "same type, same position");
        else if (at_position == 0 && only && count_in_table(drops, nd, old) == 1 &&
                 count_in_table(adds, na, old) == 1)
            add_detected(out, RENAME_COLUMN, old, only->name,
                         "same type, the only column dropped and added");
    }
    free(drops);
    free(adds);
}

static void detect_tables(const pa_diff *d, pa_rename_list *out)
{
    const pa_object **drops, **adds;
    size_t nd = collect(d, &kind_table, CHANGE_DROP, &drops);
    size_t na = collect(d, &kind_table, CHANGE_ADD, &adds);
    for (size_t i = 0; i < nd; i++) {
        const pa_object *match = NULL;
        size_t candidates = 0;
        for (size_t j = 0; j < na; j++) {
            if (strcmp(adds[j]->schema, drops[i]->schema) == 0 &&
                same_columns(drops[i], adds[j])) {
                match = adds[j];
                candidates++;
            }
        }
        if (candidates == 1)
            add_detected(out, RENAME_TABLE, drops[i], match->name, "same columns");
    }
    free(drops);
    free(adds);
}

bool rename_same_definition(const pa_object *old, const pa_object *new)
{
    bool constraint = old->kind == &kind_constraint;
    const char *a = constraint ? constraint_definition(old) : index_definition(old);
    const char *b = constraint ? constraint_definition(new) : index_definition(new);
    if (!a || !b || !same_table(old, new))
        return false;
    if (constraint)
        return strcmp(a, b) == 0;
    strbuf sb = STRBUF_INIT;
    bool same = index_definition_renamed(&sb, a, old->name, new->name) && strcmp(sb_str(&sb), b) == 0;
    sb_release(&sb);
    return same;
}

/* Only a pair that matches nothing else: two equal indexes renamed at once
 * are not told apart. */
static void detect_by_definition(const pa_diff *d, const pa_kind *kind, rename_kind rk,
                                 pa_rename_list *out)
{
    const pa_object **drops, **adds;
    size_t nd = collect(d, kind, CHANGE_DROP, &drops);
    size_t na = collect(d, kind, CHANGE_ADD, &adds);
    for (size_t i = 0; i < nd; i++) {
        const pa_object *match = NULL;
        size_t matches = 0, rivals = 0;
        for (size_t j = 0; j < na; j++) {
            if (rename_same_definition(drops[i], adds[j])) {
                match = adds[j];
                matches++;
            }
        }
        for (size_t k = 0; matches == 1 && k < nd; k++)
            rivals += rename_same_definition(drops[k], match);
        if (matches == 1 && rivals == 1)
            add_detected(out, rk, drops[i], match->name, "same definition");
    }
    free(drops);
    free(adds);
}

void rename_detect(const pa_diff *d, pa_rename_list *out)
{
    detect_tables(d, out);
    detect_columns(d, out);
    detect_by_definition(d, &kind_constraint, RENAME_CONSTRAINT, out);
    detect_by_definition(d, &kind_index, RENAME_INDEX, out);
}
