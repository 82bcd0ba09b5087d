/* --exclude and --include: applied to a model once it is loaded and
 * linked, so that what lives in an object (a table's columns, a column's
 * default, the grants on a function) goes where the object goes, from
 * every source alike. */
#include "model/filter.h"
#include "model/kind.h"
#include "model/model.h"
#include "util/xalloc.h"

#include <string.h>

/* o's qualified name as patterns read it (pattern.h); base is set to its
 * name without the signature, if its kind's names carry one. */
static size_t object_path(const pa_object *o, const char *path[PATTERN_MAX_PARTS],
                          strbuf *base)
{
    size_t n = 0;
    if (o->schema)
        path[n++] = o->schema;
    if (o->table && o->kind->table_in_key)
        path[n++] = o->table;
    path[n++] = o->name;
    sb_reset(base);
    const char *mark = o->kind->signature ? strstr(o->name, o->kind->signature) : NULL;
    if (mark && mark > o->name)
        sb_add(base, o->name, (size_t)(mark - o->name));
    return n;
}

static bool names_itself(const pa_pattern *p, const pa_object *o, strbuf *base)
{
    const char *path[PATTERN_MAX_PARTS];
    size_t n = object_path(o, path, base);
    return pattern_names(p, o->kind->name, path, n, base->len ? base->buf : NULL);
}

/* Whether p names what o lives in: its parent (a column's table, a
 * default's column), theirs, or its schema. */
static bool names_holder(const pa_pattern *p, const pa_object *o, strbuf *base)
{
    for (const pa_object *c = o->parent; c; c = c->parent) {
        if (names_itself(p, c, base))
            return true;
    }
    return o->schema && pattern_names(p, "schema", &o->schema, 1, NULL);
}

/* The patterns' verdict on one object, given which patterns name it
 * itself (counted as their hits) and which name its holder. */
typedef struct verdict {
    bool any_include, included, excluded;
} verdict;

static void weigh(verdict *v, const pa_pattern *p, bool named)
{
    v->any_include |= p->include;
    if (named && p->include)
        v->included = true;
    else if (named)
        v->excluded = true;
}

static bool kept(const verdict *v)
{
    return (!v->any_include || v->included) && !v->excluded;
}

static bool keeps_object(const pa_filter *f, const pa_object *o, unsigned *hits,
                         strbuf *base)
{
    verdict v = {0};
    for (size_t i = 0; i < f->npatterns; i++) {
        const pa_pattern *p = &f->patterns[i];
        bool itself = names_itself(p, o, base);
        hits[i] += itself;
        weigh(&v, p, itself || names_holder(p, o, base));
    }
    return kept(&v);
}

/* A census label that is a qualified name as quote_ident prints it
 * ("public.\"My Type\"") is split into its parts, unquoted, in buf;
 * any other label (a security label's "provider on TABLE t") is one
 * part as it stands. */
static size_t label_path(const char *label, const char *path[PATTERN_MAX_PARTS],
                         strbuf *buf)
{
    size_t starts[PATTERN_MAX_PARTS], n = 1;
    bool quoted = false;
    sb_reset(buf);
    starts[0] = 0;
    for (const char *s = label; *s; s++) {
        if (*s == '"' && quoted && s[1] == '"') {
            sb_addc(buf, *++s);
        } else if (*s == '"') {
            quoted = !quoted;
        } else if (!quoted && *s == '.' && n < PATTERN_MAX_PARTS) {
            sb_addc(buf, '\0');
            starts[n++] = buf->len;
        } else if (quoted || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
                   *s == '_') {
            sb_addc(buf, *s);
        } else {
            path[0] = label;
            return 1;
        }
    }
    for (size_t i = 0; i < n; i++)
        path[i] = buf->buf + starts[i];
    return n;
}

static bool keeps_entry(const pa_filter *f, const pa_census_entry *e, unsigned *hits,
                        strbuf *buf)
{
    const char *path[PATTERN_MAX_PARTS];
    size_t n = label_path(e->label, path, buf);
    verdict v = {0};
    for (size_t i = 0; i < f->npatterns; i++) {
        const pa_pattern *p = &f->patterns[i];
        bool itself = pattern_names(p, e->what, path, n, NULL);
        hits[i] += itself;
        weigh(&v, p, itself || (e->schema && pattern_names(p, "schema", &e->schema, 1, NULL)));
    }
    return kept(&v);
}

static bool is_left_out(const pa_model *m, const pa_object *o)
{
    return hashmap_get(&m->left_out, o->key) != NULL;
}

static void add_crossing(pa_model *m, const pa_object *o, const pa_object *dep)
{
    m->crossings = xgrow(m->crossings, sizeof(*m->crossings), m->ncrossings + 1,
                         &m->crossings_alloc);
    m->crossings[m->ncrossings++] = (pa_crossing){o, dep};
}

/* A kept object lets go of what was left out (the planner never meets
 * it); both ways, the dependency is recorded as a crossing. */
static void cut_dependencies(pa_model *m, pa_object *o, bool left_out)
{
    unsigned n = 0;
    for (unsigned i = 0; i < o->ndeps; i++) {
        pa_object *d = o->deps[i];
        bool across = is_left_out(m, d) != left_out;
        if (across)
            add_crossing(m, o, d);
        if (left_out || !across)
            o->deps[n++] = d;
    }
    o->ndeps = n;
}

static void unlink_left_out_children(const pa_model *m, pa_object *o)
{
    pa_object **link = &o->first_child;
    while (*link) {
        if (is_left_out(m, *link))
            *link = (*link)->next_sibling;
        else
            link = &(*link)->next_sibling;
    }
}

static void prune_census(const pa_filter *f, pa_model *m, strbuf *buf)
{
    pa_census *c = &m->census;
    size_t n = 0;
    for (size_t i = 0; i < c->count; i++) {
        if (keeps_entry(f, &c->items[i], m->pattern_hits, buf))
            c->items[n++] = c->items[i];
    }
    c->count = n;
}

void filter_prune(const pa_filter *f, pa_model *m)
{
    if (!f || f->npatterns == 0)
        return;
    m->pattern_hits = arena_alloc(&m->arena, f->npatterns * sizeof(unsigned));
    memset(m->pattern_hits, 0, f->npatterns * sizeof(unsigned));
    strbuf buf = STRBUF_INIT;
    pa_object **gone = xmalloc(sizeof(*gone) * (m->count ? m->count : 1));
    size_t nkept = 0, ngone = 0;
    /* Decided before anything is unlinked: a child asks its parents. */
    for (size_t i = 0; i < m->count; i++) {
        pa_object *o = m->objects[i];
        if (keeps_object(f, o, m->pattern_hits, &buf))
            m->objects[nkept++] = o;
        else
            gone[ngone++] = o;
    }
    for (size_t i = 0; i < ngone; i++)
        hashmap_put(&m->left_out, gone[i]->key, gone[i]);
    m->count = nkept;
    hashmap_free(&m->by_key);
    hashmap_init(&m->by_key);
    hashmap_reserve(&m->by_key, nkept);
    for (size_t i = 0; i < nkept; i++) {
        pa_object *o = m->objects[i];
        hashmap_put(&m->by_key, o->key, o);
        unlink_left_out_children(m, o);
        cut_dependencies(m, o, false);
    }
    for (size_t i = 0; i < ngone; i++)
        cut_dependencies(m, gone[i], true);
    free(gone);
    prune_census(f, m, &buf);
    sb_release(&buf);
}
