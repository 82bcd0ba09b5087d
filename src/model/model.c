#include "model/model.h"
#include "model/casts.h"
#include "model/expression.h"
#include "model/kind.h"
#include "emit/quote.h"
#include "util/strbuf.h"
#include "util/words.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void model_init(pa_model *m)
{
    memset(m, 0, sizeof(*m));
    arena_init(&m->arena);
    hashmap_init(&m->by_key);
    hashmap_init(&m->by_address);
    hashmap_init(&m->left_out);
    arena_init(&m->addresses);
}

void model_free(pa_model *m)
{
    free(m->objects);
    hashmap_free(&m->by_key);
    hashmap_free(&m->by_address);
    hashmap_free(&m->left_out);
    free(m->crossings);
    arena_free(&m->addresses);
    cast_index_free(m->casts);
    census_free(&m->census);
    arena_free(&m->arena);
    memset(m, 0, sizeof(*m));
}

/* Keys always quote every part, so a dot or quote inside a name can never
 * make two different objects share a key. */
static void add_key_part(strbuf *sb, const char *part)
{
    sb_addc(sb, '"');
    for (const char *p = part; *p; p++) {
        if (*p == '"')
            sb_addc(sb, '"');
        sb_addc(sb, *p);
    }
    sb_addc(sb, '"');
}

static void build_key(strbuf *sb, const pa_kind *kind, const char *schema,
                      const char *table, const char *name)
{
    sb_adds(sb, kind->name);
    sb_addc(sb, ':');
    if (schema) {
        add_key_part(sb, schema);
        sb_addc(sb, '.');
    }
    if (table && kind->table_in_key) {
        add_key_part(sb, table);
        sb_addc(sb, '.');
    }
    add_key_part(sb, name);
}

char *model_make_key(arena *a, const pa_kind *kind, const char *schema,
                     const char *table, const char *name)
{
    strbuf sb = STRBUF_INIT;
    build_key(&sb, kind, schema, table, name);
    char *key = arena_strdup(a, sb.buf);
    sb_release(&sb);
    return key;
}

pa_object *model_lookup(const pa_model *m, const pa_kind *kind, const char *schema,
                        const char *table, const char *name)
{
    strbuf sb = STRBUF_INIT;
    build_key(&sb, kind, schema, table, name);
    pa_object *o = model_find(m, sb.buf);
    sb_release(&sb);
    return o;
}

/* The previous object's copy of s when it has the same string among its
 * names: rows come grouped by table, so a table's columns and
 * constraints share one copy of its schema and table names. */
static const char *shared_copy(pa_model *m, const char *s)
{
    if (!s)
        return NULL;
    if (m->count > 0) {
        const pa_object *prev = m->objects[m->count - 1];
        const char *const have[] = {prev->schema, prev->table, prev->name};
        for (size_t i = 0; i < 3; i++) {
            if (have[i] && strcmp(have[i], s) == 0)
                return have[i];
        }
    }
    return arena_strdup(&m->arena, s);
}

pa_object *model_add(pa_model *m, const pa_kind *kind, const char *schema,
                     const char *table, const char *name)
{
    strbuf sb = STRBUF_INIT;
    build_key(&sb, kind, schema, table, name);
    bool exists = hashmap_get(&m->by_key, sb.buf) != NULL;
    char *key = exists ? NULL : arena_strdup(&m->arena, sb.buf);
    sb_release(&sb);
    if (exists)
        return NULL;
    cast_index_free(m->casts);
    m->casts = NULL;
    pa_object *o = arena_alloc(&m->arena, sizeof(*o));
    memset(o, 0, sizeof(*o));
    o->kind = kind;
    o->key = key;
    o->schema = shared_copy(m, schema);
    o->table = shared_copy(m, table);
    o->name = shared_copy(m, name);
    size_t nvalues = kind->nattrs ? kind->nattrs : 1;
    o->values = arena_alloc(&m->arena, sizeof(char *) * nvalues);
    memset(o->values, 0, sizeof(char *) * nvalues);
    m->objects = xgrow(m->objects, sizeof(*m->objects), m->count + 1, &m->alloc);
    m->objects[m->count++] = o;
    hashmap_put(&m->by_key, key, o);
    return o;
}

void model_reserve(pa_model *m, size_t n)
{
    hashmap_reserve(&m->by_key, n);
    hashmap_reserve(&m->by_address, n);
}

pa_object *model_find(const pa_model *m, const char *key)
{
    return hashmap_get(&m->by_key, key);
}

/* A copy of value, or the previous object's when it has the same value:
 * rows of a kind come one after another, and most of their attributes
 * (a column's storage, NOT NULL, type) repeat. */
static const char *shared_value(pa_model *m, const pa_object *o, size_t attr,
                                const char *value)
{
    if (value && m->count > 1 && m->objects[m->count - 1] == o) {
        const pa_object *prev = m->objects[m->count - 2];
        if (prev->kind == o->kind && prev->values[attr] &&
            strcmp(prev->values[attr], value) == 0)
            return prev->values[attr];
    }
    return arena_strdup(&m->arena, value);
}

void model_set(pa_model *m, pa_object *o, size_t attr, const char *value)
{
    char *canonical = kind_attr_listed(o->kind->canonical_attrs, attr)
                          ? expression_canonical(value) : NULL;
    o->values[attr] = shared_value(m, o, attr, canonical ? canonical : value);
    cast_index_free(m->casts);
    m->casts = NULL;
    free(canonical);
}

void model_add_address(pa_model *m, pa_object *o, const char *address)
{
    hashmap_put(&m->by_address, arena_strdup(&m->addresses, address), o);
}

pa_object *model_find_address(const pa_model *m, const char *address)
{
    return hashmap_get(&m->by_address, address);
}

void model_add_dep(pa_model *m, pa_object *o, pa_object *dep)
{
    if (dep == o)
        return;
    for (size_t i = 0; i < o->ndeps; i++) {
        if (o->deps[i] == dep)
            return;
    }
    if (o->ndeps == o->deps_alloc) {
        /* Most objects have one or two (their table, a type): xgrow's
         * first eight took a tenth of a big model. In the model's arena,
         * as a malloc'd block each cost 16 bytes more (5 MB at 10,000
         * tables); an outgrown array stays there, unused. */
        o->deps_alloc = o->deps_alloc ? o->deps_alloc * 2 : 2;
        pa_object **deps = arena_alloc(&m->arena, o->deps_alloc * sizeof(*deps));
        if (o->ndeps)
            memcpy(deps, o->deps, o->ndeps * sizeof(*deps));
        o->deps = deps;
    }
    o->deps[o->ndeps++] = dep;
}

/* The next "classid/objid/subid" of a space-separated list, into buf. */
static bool next_address(const char **list, char buf[64])
{
    const char *w;
    size_t n;
    while ((w = word_next(list, &n)) != NULL) {
        if (n < 64) {
            memcpy(buf, w, n);
            buf[n] = '\0';
            return true;
        }
    }
    return false;
}

void model_add_addresses(pa_model *m, pa_object *o, const char *list)
{
    char address[64];
    while (next_address(&list, address))
        model_add_address(m, o, address);
}

void model_set_pending_deps(pa_model *m, pa_object *o, const char *list)
{
    o->pending_deps = arena_strdup(&m->addresses, list);
}

void model_forget_addresses(pa_model *m)
{
    for (size_t i = 0; i < m->count; i++)
        m->objects[i]->pending_deps = NULL;
    hashmap_free(&m->by_address);
    arena_free(&m->addresses);
    arena_init(&m->addresses);
}

static void resolve_pending_deps(pa_model *m, pa_object *o)
{
    const char *list = o->pending_deps;
    char address[64];
    while (next_address(&list, address)) {
        pa_object *dep = model_find_address(m, address);
        if (dep)
            model_add_dep(m, o, dep);
    }
    o->pending_deps = NULL;
}

static int compare_children(const void *a, const void *b)
{
    const pa_object *x = *(pa_object *const *)a;
    const pa_object *y = *(pa_object *const *)b;
    if (x->ordinal != y->ordinal)
        return x->ordinal < y->ordinal ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* The first of the kind's parent kinds that has o's parent. */
static pa_object *find_parent(pa_model *m, const pa_object *o)
{
    for (const pa_kind *const *pk = o->kind->parents; *pk; pk++) {
        pa_object *parent =
            o->kind->parent_is_namesake ? model_lookup(m, *pk, o->schema, o->table, o->name)
            : o->kind->parent_outside_schema ? model_lookup(m, *pk, NULL, NULL, o->table)
                                             : model_lookup(m, *pk, o->schema, NULL, o->table);
        if (parent)
            return parent;
    }
    return NULL;
}

/* Whether o's parent is found by the same lookup as prev's. */
static bool same_parent_lookup(const pa_object *prev, const pa_object *o)
{
    return prev && prev->kind == o->kind && same_string(prev->schema, o->schema) &&
           same_string(prev->table, o->table) &&
           (!o->kind->parent_is_namesake || same_string(prev->name, o->name));
}

/* A parent's children in child order (ordinal, then key). */
static void sort_children(pa_object *parent, pa_object ***buf, size_t *alloc)
{
    size_t n = 0;
    for (pa_object *c = parent->first_child; c; c = c->next_sibling) {
        *buf = xgrow(*buf, sizeof(**buf), n + 1, alloc);
        (*buf)[n++] = c;
    }
    qsort(*buf, n, sizeof(**buf), compare_children);
    parent->first_child = NULL;
    for (size_t i = n; i-- > 0;) {
        (*buf)[i]->next_sibling = parent->first_child;
        parent->first_child = (*buf)[i];
    }
}

void model_link(pa_model *m)
{
    for (size_t i = 0; i < m->count; i++) {
        m->objects[i]->parent = NULL;
        m->objects[i]->first_child = NULL;
        m->objects[i]->next_sibling = NULL;
    }
    /* In load order, where a table's columns, constraints... come one
     * after another: one parent lookup per table, not per object (the
     * lookups were a fifth of loading a big catalog). */
    const pa_object *prev = NULL;
    pa_object *prev_parent = NULL;
    for (size_t i = 0; i < m->count; i++) {
        pa_object *o = m->objects[i];
        if (!o->kind->parents || !o->table)
            continue;
        pa_object *parent = same_parent_lookup(prev, o) ? prev_parent : find_parent(m, o);
        prev = o;
        prev_parent = parent;
        if (!parent)
            continue;
        o->parent = parent;
        o->next_sibling = parent->first_child;
        parent->first_child = o;
        model_add_dep(m, o, parent);
    }
    /* Then each parent's few children are sorted, not the whole model. */
    pa_object **buf = NULL;
    size_t alloc = 0;
    for (size_t i = 0; i < m->count; i++) {
        pa_object *o = m->objects[i];
        if (o->first_child && o->first_child->next_sibling)
            sort_children(o, &buf, &alloc);
    }
    free(buf);
    for (size_t i = 0; i < m->count; i++)
        resolve_pending_deps(m, m->objects[i]);
}

static const pa_object *first_of_kind(const pa_object *c, const pa_kind *kind)
{
    while (c && c->kind != kind)
        c = c->next_sibling;
    return c;
}

const pa_object *model_child_of_kind(const pa_object *o, const pa_kind *kind)
{
    return first_of_kind(o->first_child, kind);
}

const pa_object *model_next_of_kind(const pa_object *c)
{
    return first_of_kind(c->next_sibling, c->kind);
}

int model_compare(const pa_object *x, const pa_object *y)
{
    if (x->kind->rank != y->kind->rank)
        return x->kind->rank < y->kind->rank ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int compare_objects(const void *a, const void *b)
{
    return model_compare(*(pa_object *const *)a, *(pa_object *const *)b);
}

static bool is_sorted(const pa_model *m)
{
    for (size_t i = 1; i < m->count; i++) {
        if (model_compare(m->objects[i - 1], m->objects[i]) > 0)
            return false;
    }
    return true;
}

void model_sort(pa_model *m)
{
    if (m->count > 0)
        qsort(m->objects, m->count, sizeof(*m->objects), compare_objects);
}

pa_object **model_sorted_objects(const pa_model *m)
{
    if (is_sorted(m))
        return m->objects;
    pa_object **copy = xmalloc(sizeof(*copy) * (m->count ? m->count : 1));
    memcpy(copy, m->objects, sizeof(*copy) * m->count);
    qsort(copy, m->count, sizeof(*copy), compare_objects);
    return copy;
}

const pa_data_table *model_data_table(const pa_model *m, const char *given)
{
    for (size_t i = 0; i < m->ndata_tables; i++) {
        if (strcmp(m->data_tables[i].given, given) == 0)
            return &m->data_tables[i];
    }
    return NULL;
}
