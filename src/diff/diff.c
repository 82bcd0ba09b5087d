#include "diff/diff.h"
#include "kinds/kinds.h"
#include "util/optlist.h"
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

/* Whether two values are the same, for this diff. */
static bool same_value(const pa_diff *d, const char *a, const char *b)
{
    if (same_string(a, b))
        return true;
    if (!d->secrets_unset)
        return false;
    strbuf x = STRBUF_INIT, y = STRBUF_INIT;
    bool stripped_a = optlist_without_secrets(a, &x), stripped_b = optlist_without_secrets(b, &y);
    bool same = (stripped_a || stripped_b) &&
                same_string(stripped_a ? sb_str(&x) : a, stripped_b ? sb_str(&y) : b);
    sb_release(&x);
    sb_release(&y);
    return same;
}

static void compare(const pa_diff *d, pa_change *c, const pa_diff_options *opt)
{
    const pa_kind *kind = c->from->kind;
    bool any = false, replace = false;
    c->changed = NULL;      /* until something is: most objects are the same */
    for (size_t i = 0; i < kind->nattrs; i++) {
        bool unknown = kind->attrs[i].presence == UNKNOWN_IF_NULL &&
                       (!c->from->values[i] || !c->to->values[i]);
        if (kind->attrs[i].on_change == ATTR_INFO || unknown ||
            same_value(d, c->from->values[i], c->to->values[i]) ||
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
        compare(d, c, opt);
    else
        c->type = from ? CHANGE_DROP : CHANGE_ADD;
    if (from && to && opt && opt->form_only && hashmap_get(opt->form_only, to->key)) {
        free(c->changed);   /* printed differently, the same */
        c->changed = NULL;
        c->type = CHANGE_SAME;
    }
    const pa_object *o = from ? from : to;
    bool left_out = o->kind->made_by_hand && d->secrets_unset;
    for (const pa_kind *const *k = opt ? opt->uncompared_kinds : NULL; k && *k; k++)
        left_out |= o->kind == *k;
    left_out |= opt && opt->held && hashmap_get(opt->held, o->key);
    if (opt && opt->create_extensions_only)
        left_out |= !(c->type == CHANGE_ADD && c->to->kind == &kind_extension);
    if (left_out) {
        c->type = CHANGE_SAME;
    } else if (o->kind->is_implied &&
               ((from && o->kind->is_implied(from)) || (to && o->kind->is_implied(to)))) {
        c->implied = true;
        c->type = CHANGE_SAME;
    }
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

/* What a change asks of the objects that depend on it in FROM. */
static pa_followers followers_of(const pa_diff *d, const pa_change *c)
{
    if (c->type == CHANGE_REPLACE || c->type == CHANGE_DROP)
        return FOLLOWERS_REBUILT;
    if (c->implied && c->changed && alters_with_rebuild(c))
        return FOLLOWERS_UNADAPTED_REBUILT;
    if (c->type != CHANGE_ALTER)
        return FOLLOWERS_KEPT;
    if (alters_with_rebuild(c))
        return FOLLOWERS_UNADAPTED_REBUILT;
    if (c->from->kind->alter_rebuilds && c->from->kind->alter_rebuilds(d->to, c->from, c->to))
        return FOLLOWERS_REBUILT;
    return FOLLOWERS_KEPT;
}

/* The one place a change becomes a rebuild: the object is dropped and
 * created again because of dep, so what depends on it is dropped with it
 * in turn, whether or not the server would adapt it to an ALTER. */
static void promote_to_rebuild(pa_change *c, const pa_object *dep)
{
    c->type = CHANGE_REPLACE;
    c->rebuild = true;
    c->rebuilt_for = dep;
    c->followers = FOLLOWERS_REBUILT;
}

/* Whether the change of o (the same, or altered) must become a rebuild
 * for one of its dependencies; that one in *why. */
static bool must_follow(pa_diff *d, const pa_change *c, const pa_object **why)
{
    const pa_object *o = c->from;
    for (unsigned j = 0; j < o->ndeps; j++) {
        const pa_change *dc = change_of(d, o->deps[j]);
        if (dc->type == CHANGE_DROP && c->type == CHANGE_ALTER && o->kind->alter_remakes_deps)
            continue;
        if (dc->followers != FOLLOWERS_KEPT &&
            rebuildable(o, dc->followers == FOLLOWERS_UNADAPTED_REBUILT)) {
            *why = o->deps[j];
            return true;
        }
    }
    return false;
}

/* Whether c is a column that stays while its type is swapped for a new
 * one of the same name (kind_swap_type retypes it in place): what uses
 * it and does not adapt itself (a rule's WHERE) must be rebuilt around
 * that, as around a type change of the column's own. */
static bool retyped_by_swap(pa_diff *d, const pa_change *c)
{
    const pa_object *o = c->from;
    if (!o || o->kind != &kind_column || (c->type != CHANGE_SAME && c->type != CHANGE_ALTER))
        return false;
    for (unsigned j = 0; j < o->ndeps; j++) {
        const pa_change *dc = change_of(d, o->deps[j]);
        if (dc->type == CHANGE_ALTER && dc->from->kind->rebuild_is_new_object &&
            dc->followers == FOLLOWERS_REBUILT)
            return true;
    }
    return false;
}

/* Everything in FROM that depends on a replaced object must be dropped
 * before it and created after it, even if it did not change itself; so
 * must what depends on an object altered in a way that needs it, and what
 * outlives an object that is dropped (a foreign key whose unique index
 * becomes a unique constraint of the same name: same definition, but it
 * must let go of the index before the index can go). A pass promotes what
 * the changes so far ask for; passes repeat until one promotes nothing
 * (a view on a view on a replaced table takes three). */
static void cascade_rebuilds(pa_diff *d)
{
    bool promoted = false;
    for (size_t i = 0; i < d->count; i++) {
        pa_change *c = &d->changes[i];
        c->followers = c->from ? followers_of(d, c) : FOLLOWERS_KEPT;
        promoted |= c->followers != FOLLOWERS_KEPT;
    }
    for (size_t i = 0; i < d->count; i++) {
        pa_change *c = &d->changes[i];
        if (c->followers == FOLLOWERS_KEPT && retyped_by_swap(d, c)) {
            c->followers = FOLLOWERS_UNADAPTED_REBUILT;
            promoted = true;
        }
    }
    while (promoted) {
        promoted = false;
        for (size_t i = 0; i < d->count; i++) {
            pa_change *c = &d->changes[i];
            const pa_object *why;
            /* Both sides: a one-sided change left as the same (an implied
             * column of a partition only FROM has) has nothing to make. */
            if (c->from && c->to && (c->type == CHANGE_SAME || c->type == CHANGE_ALTER) &&
                must_follow(d, c, &why)) {
                promote_to_rebuild(c, why);
                promoted = true;
            }
        }
    }
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
    c->rebuilt_for = NULL;
    compare(d, c, NULL);
}

void diff_compute(pa_diff *d, const pa_model *from, const pa_model *to,
                  const pa_diff_options *opt)
{
    memset(d, 0, sizeof(*d));
    d->from = from;
    d->to = to;
    d->secrets_unset = (opt && opt->secrets_unset) || from->secrets_unset || to->secrets_unset;
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

const char *diff_action_name(const pa_change *c)
{
    switch (c->type) {
    case CHANGE_ADD:
        return "create";
    case CHANGE_DROP:
        return "drop";
    case CHANGE_REPLACE:
        return c->rebuild ? "rebuild" : "replace";
    default:
        return "alter";
    }
}

size_t diff_count(const pa_diff *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += d->changes[i].type != CHANGE_SAME;
    return n;
}
