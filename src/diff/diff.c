#include "diff/diff.h"
#include "kinds/kinds.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool ignored(const pa_diff_options *opt, const pa_kind *kind, const char *attr)
{
    for (const char *const *p = opt ? opt->ignored_attrs : NULL; p && *p; p++) {
        size_t n = strlen(kind->name);
        if (strncmp(*p, kind->name, n) == 0 && (*p)[n] == '.' && strcmp(*p + n + 1, attr) == 0)
            return true;
    }
    return false;
}

static void compare(pa_change *c, const pa_diff_options *opt)
{
    const pa_kind *kind = c->from->kind;
    bool any = false, replace = false;
    c->changed = NULL;      /* until something is: most objects are the same */
    for (size_t i = 0; i < kind->nattrs; i++) {
        bool unknown = kind->attrs[i].presence == UNKNOWN_IF_NULL &&
                       (!c->from->values[i] || !c->to->values[i]);
        if (kind->attrs[i].on_change == ATTR_INFO || unknown ||
            same_string(c->from->values[i], c->to->values[i]) ||
            ignored(opt, kind, kind->attrs[i].name))
            continue;
        if (!c->changed)
            c->changed = xcalloc(kind->nattrs, sizeof(bool));
        c->changed[i] = true;
        any = true;
        replace |= kind->attrs[i].on_change == ATTR_REPLACE;
    }
    if (any && kind->needs_replace && kind->needs_replace(c->from, c->to))
        replace = true;
    c->type = replace ? CHANGE_REPLACE : any ? CHANGE_ALTER : CHANGE_SAME;
}

/* Changes in model_sort's order of their objects. */
static int compare_changes(const void *a, const void *b)
{
    const pa_change *x = a, *y = b;
    return model_compare(x->from ? x->from : x->to, y->from ? y->from : y->to);
}

static void add_change(pa_diff *d, const pa_object *from,
                       const pa_object *to, const pa_diff_options *opt)
{
    d->changes = xgrow(d->changes, sizeof(*d->changes), d->count + 1, &d->alloc);
    pa_change *c = &d->changes[d->count++];
    memset(c, 0, sizeof(*c));
    c->from = from;
    c->to = to;
    if (from && to)
        compare(c, opt);
    else
        c->type = from ? CHANGE_DROP : CHANGE_ADD;
    if (from && to && opt && opt->form_only && hashmap_get(opt->form_only, to->key)) {
        free(c->changed);   /* printed differently, the same */
        c->changed = NULL;
        c->type = CHANGE_SAME;
    }
    const pa_object *o = from ? from : to;
    if (o->kind->is_implied &&
        ((from && o->kind->is_implied(from)) || (to && o->kind->is_implied(to))))
        c->type = CHANGE_SAME;
    if (opt && opt->create_extensions_only &&
        !(c->type == CHANGE_ADD && c->to->kind == &kind_extension))
        c->type = CHANGE_SAME;
}

static bool alters_with_rebuild(const pa_change *c)
{
    const pa_kind *kind = c->from->kind;
    for (size_t i = 0; i < kind->nattrs; i++) {
        if (c->changed[i] && kind->attrs[i].on_change == ATTR_ALTER_REBUILDS)
            return true;
    }
    return false;
}

/* Whether o may be dropped and created again because something it depends
 * on is replaced (or, when altered, is changed in a way the server does
 * not carry over to o by itself). */
static bool rebuildable(const pa_object *o, bool altered)
{
    if (altered && o->kind->adapted_by_server)
        return false;
    return !o->kind->holds_data || (o->kind->is_derived && o->kind->is_derived(o));
}

/* The change of a FROM object, for this file to change: diff_find's
 * result is the callers' to read. */
static pa_change *change_of(pa_diff *d, const pa_object *o)
{
    size_t i = (size_t)hashmap_get(&d->by_key, o->key);
    return &d->changes[i - 1];
}

/* What cascade_rebuilds knows of each FROM object, by its position. */
typedef struct cascade {
    pa_diff *d;
    size_t *count;          /* count[i]: how many objects depend on i */
    size_t **dependents;    /* their positions */
    bool *altered;          /* altered in a way its dependents must follow */
    size_t *work;           /* positions whose dependents are still to visit */
    size_t nwork;
} cascade;

/* The one place a change becomes a rebuild: the object is dropped and
 * created again, so it is no longer "altered" (what depends on it is
 * dropped with it, whether or not the server would adapt it to an ALTER),
 * and its own dependents are visited in turn. */
static void promote_to_rebuild(cascade *cs, size_t i)
{
    pa_change *c = change_of(cs->d, cs->d->from->objects[i]);
    c->type = CHANGE_REPLACE;
    c->rebuild = true;
    cs->altered[i] = false;
    cs->work[cs->nwork++] = i;
}

static void cascade_init(cascade *cs, pa_diff *d)
{
    size_t n = d->from->count;
    cs->d = d;
    cs->count = xcalloc(n + 1, sizeof(size_t));
    cs->dependents = xcalloc(n + 1, sizeof(size_t *));
    cs->altered = xcalloc(n + 1, sizeof(bool));
    cs->work = xmalloc(sizeof(size_t) * (n + 1));
    cs->nwork = 0;
    for (size_t i = 0; i < n; i++)
        d->from->objects[i]->position = (unsigned)i;
    for (size_t i = 0; i < n; i++) {
        const pa_object *o = d->from->objects[i];
        for (size_t j = 0; j < o->ndeps; j++)
            cs->count[o->deps[j]->position]++;
    }
    size_t *filled = xcalloc(n + 1, sizeof(size_t));
    for (size_t i = 0; i < n; i++)
        cs->dependents[i] = xmalloc(sizeof(size_t) * (cs->count[i] + 1));
    for (size_t i = 0; i < n; i++) {
        const pa_object *o = d->from->objects[i];
        for (size_t j = 0; j < o->ndeps; j++) {
            size_t k = o->deps[j]->position;
            cs->dependents[k][filled[k]++] = i;
        }
    }
    free(filled);
}

static void cascade_free(cascade *cs)
{
    for (size_t i = 0; i < cs->d->from->count; i++)
        free(cs->dependents[i]);
    free(cs->dependents);
    free(cs->count);
    free(cs->work);
    free(cs->altered);
}

/* Everything in FROM that depends on a replaced object must be dropped
 * before it and created after it, even if it did not change itself; so
 * must what depends on an object altered in a way that needs it, and what
 * outlives an object that is dropped (a foreign key whose unique index
 * becomes a unique constraint of the same name: same definition, but it
 * must let go of the index before the index can go). */
static void cascade_rebuilds(pa_diff *d)
{
    cascade cs;
    cascade_init(&cs, d);
    for (size_t i = 0; i < d->from->count; i++) {
        const pa_change *c = change_of(d, d->from->objects[i]);
        cs.altered[i] = c->type == CHANGE_ALTER && alters_with_rebuild(c);
        bool rebuilds_all = c->type == CHANGE_ALTER && c->from->kind->alter_rebuilds &&
                            c->from->kind->alter_rebuilds(d->to, c->from, c->to);
        if (c->type == CHANGE_REPLACE || c->type == CHANGE_DROP || cs.altered[i] ||
            rebuilds_all)
            cs.work[cs.nwork++] = i;
    }
    while (cs.nwork > 0) {
        size_t i = cs.work[--cs.nwork];
        for (size_t j = 0; j < cs.count[i]; j++) {
            size_t k = cs.dependents[i][j];
            const pa_object *dep = d->from->objects[k];
            const pa_change *c = change_of(d, dep);
            if (!rebuildable(dep, cs.altered[i]) ||
                (c->type != CHANGE_SAME && c->type != CHANGE_ALTER))
                continue;
            promote_to_rebuild(&cs, k);
        }
    }
    cascade_free(&cs);
}

static void index_changes(pa_diff *d, bool sorted)
{
    if (d->count > 0 && !sorted)
        qsort(d->changes, d->count, sizeof(*d->changes), compare_changes);
    hashmap_free(&d->by_key);
    hashmap_init(&d->by_key);
    hashmap_reserve(&d->by_key, d->count);
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        hashmap_put(&d->by_key, (c->from ? c->from : c->to)->key, (void *)(i + 1));
    }
}

static void rematch(pa_diff *d, const pa_object *from, const pa_object *to)
{
    size_t i = (size_t)hashmap_get(&d->by_key, from->key);
    if (!i) {
        add_change(d, from, to, NULL);
        return;
    }
    pa_change *c = &d->changes[i - 1];
    free(c->changed);
    c->changed = NULL;
    c->from = from;
    c->to = to;
    c->rebuild = false;
    compare(c, NULL);
}

void diff_compute(pa_diff *d, const pa_model *from, const pa_model *to,
                  const pa_diff_options *opt)
{
    memset(d, 0, sizeof(*d));
    d->from = from;
    d->to = to;
    model_init(&d->implied_from);
    model_init(&d->implied_to);
    hashmap_init(&d->by_key);
    pa_object **f = model_sorted_objects(from), **t = model_sorted_objects(to);
    size_t nf = from->count, nt = to->count, i = 0, j = 0;
    d->changes = xgrow(d->changes, sizeof(*d->changes), nf + nt, &d->alloc);
    /* Both in one order: a merge pairs them, and the changes come out in
     * that order too (compare_changes'), with no lookup or sort. */
    while (i < nf || j < nt) {
        int c = i == nf ? 1 : j == nt ? -1 : model_compare(f[i], t[j]);
        add_change(d, c <= 0 ? f[i] : NULL, c >= 0 ? t[j] : NULL, opt);
        i += c <= 0;
        j += c >= 0;
    }
    if (f != from->objects)
        free(f);
    if (t != to->objects)
        free(t);
    if (d->count > 0) {     /* what the estimate left over */
        d->changes = xrealloc(d->changes, d->count * sizeof(*d->changes));
        d->alloc = d->count;
    }
    index_changes(d, true);
    cascade_rebuilds(d);
    if (opt && opt->privileges && opt->creating_role && !opt->create_extensions_only) {
        diff_predict_default_privileges(d, opt->creating_role, rematch);
        index_changes(d, false);
    }
}

void diff_free(pa_diff *d)
{
    for (size_t i = 0; i < d->count; i++)
        free(d->changes[i].changed);
    free(d->changes);
    hashmap_free(&d->by_key);
    model_free(&d->implied_from);
    model_free(&d->implied_to);
    memset(d, 0, sizeof(*d));
}

const pa_change *diff_find(const pa_diff *d, const char *key)
{
    size_t i = (size_t)hashmap_get(&d->by_key, key);
    return i ? &d->changes[i - 1] : NULL;
}

size_t diff_count(const pa_diff *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += d->changes[i].type != CHANGE_SAME;
    return n;
}
