#include "plan/expand.h"
#include "kinds/privilege.h"
#include "model/kind.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Held-back changes by the key of their object, while planning. */
typedef struct holding {
    const pa_diff *diff;
    pa_deferred_list *out;
    hashmap keys;
} holding;

const pa_object *deferred_object(const pa_deferred *item)
{
    return item->change.to ? item->change.to : item->change.from;
}

static bool is_held(const holding *h, const pa_object *o)
{
    return o && hashmap_get(&h->keys, o->key) != NULL;
}

/* The diff is made again without it: the copy keeps no list of changed
 * attributes, which that frees. */
static void hold(holding *h, const pa_change *c, const char *why, const pa_object *needs)
{
    const pa_object *o = c->to ? c->to : c->from;
    if (c->type == CHANGE_SAME || is_held(h, o))
        return;
    pa_deferred_list *l = h->out;
    l->items = xgrow(l->items, sizeof(*l->items), l->count + 1, &l->alloc);
    l->items[l->count] = (pa_deferred){*c, why, needs};
    l->items[l->count++].change.changed = NULL;
    hashmap_put(&h->keys, o->key, (void *)1);
}

/* Whether every item of list a (", "-separated: "INSERT, SELECT*") is one
 * of list b. */
static bool items_kept(const char *a, const char *b)
{
    size_t nb = b ? strlen(b) : 0;
    for (const char *s = a; s && *s;) {
        const char *end = strstr(s, ", ");
        size_t n = end ? (size_t)(end - s) : strlen(s);
        bool found = false;
        for (const char *t = b; t && !found && t < b + nb;) {
            const char *tend = strstr(t, ", ");
            size_t m = tend ? (size_t)(tend - t) : strlen(t);
            found = m == n && strncmp(s, t, n) == 0;
            t = tend ? tend + 2 : NULL;
        }
        if (!found)
            return false;
        s = end ? end + 2 : NULL;
    }
    return true;
}

/* Before any plan: what contracts by its nature. */
static void hold_contractions(holding *h)
{
    const pa_diff *d = h->diff;
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        if (c->type == CHANGE_DROP)
            hold(h, c, "drops", NULL);
        else if (c->type == CHANGE_ALTER && c->from->kind->is_privilege &&
                 !items_kept(privilege_privileges(c->from), privilege_privileges(c->to)))
            hold(h, c, "revokes privileges", NULL);
    }
}

/* The table (or other outermost object) a change's object lives in. */
static const pa_object *outermost(const pa_object *o)
{
    while (o->parent)
        o = o->parent;
    return o;
}

/* A statement that validates rows of a table the plan creates checks
 * none: the table is empty. */
static bool validates_rows_of_new_table(const pa_diff *d, const pa_change *c)
{
    const pa_object *o = c->to ? c->to : c->from;
    const pa_change *table = diff_find(d, outermost(o)->key);
    return table && table->type == CHANGE_ADD;
}

/* Whether a statement may fail on FROM's rows: it validates them, or the
 * preflight would look for rows it fails on (a NOT NULL column added
 * without a default fails on any row). */
static bool may_fail_on_rows(const pa_stmt *s)
{
    switch (s->check.type) {
    case CHECK_NOT_NULL:
    case CHECK_EMPTY_TABLE:
    case CHECK_CONSTRAINT:
    case CHECK_UNIQUE_INDEX:
    case CHECK_CAST:
        return true;
    default:
        return (s->hazards & HAZ_VALIDATES_ROWS) != 0;
    }
}

/* After a plan: changes with a statement that may lose data or fail. */
static void hold_hazardous(holding *h, const pa_plan *p)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        const pa_stmt *s = p->stmts[i];
        if (!s->change || s->change->type == CHANGE_SAME)
            continue;
        if (s->hazards & HAZ_DATA_LOSS)
            hold(h, s->change, "data-loss", NULL);
        else if (may_fail_on_rows(s) && !validates_rows_of_new_table(h->diff, s->change))
            hold(h, s->change, "validates-existing-rows", NULL);
    }
}

/* A kept change that drops and creates again what depends on it (a
 * column's type change, around a view) cannot go before a held drop of
 * one of those: the server would refuse it, and the rebuild would make
 * what is to be dropped. Such a change waits for the drop. */
static bool hold_rebuilders_of_held(holding *h)
{
    const pa_diff *d = h->diff;
    bool held = false;
    for (size_t i = 0; i < h->out->count; i++) {
        const pa_object *gone = h->out->items[i].change.from;
        if (h->out->items[i].change.type != CHANGE_DROP)
            continue;
        for (unsigned j = 0; j < gone->ndeps; j++) {
            const pa_change *c = diff_find(d, gone->deps[j]->key);
            if (c && c->type != CHANGE_SAME && c->followers != FOLLOWERS_KEPT &&
                !is_held(h, gone->deps[j])) {
                hold(h, c, "waits for the drop of", gone);
                held = true;
            }
        }
    }
    return held;
}

/* What needs a held-back change is held back too: an object TARGET has
 * that depends on one, and a change that would rebuild one that waits
 * to be dropped. */
static void hold_dependents(holding *h)
{
    const pa_diff *d = h->diff;
    bool again = true;
    while (again) {
        again = hold_rebuilders_of_held(h);
        for (size_t i = 0; i < d->count; i++) {
            const pa_change *c = &d->changes[i];
            if (c->type == CHANGE_SAME || is_held(h, c->to ? c->to : c->from))
                continue;
            const pa_object *needs = NULL;
            for (unsigned j = 0; !needs && c->to && j < c->to->ndeps; j++) {
                if (is_held(h, c->to->deps[j]))
                    needs = c->to->deps[j];
            }
            if (needs) {
                hold(h, c, "needs", needs);
                again = true;
            }
        }
    }
}

static int compare_deferred(const void *a, const void *b)
{
    return model_compare(deferred_object(a), deferred_object(b));
}

/* The diff again, taking what is held back as the same. */
static void rediff(pa_diff *d, const pa_diff_options *opt)
{
    const pa_model *from = d->from, *to = d->to;
    const struct pa_rename_list *renames = d->renames;
    diff_free(d);
    diff_compute(d, from, to, opt);
    d->renames = renames;
}

void plan_build_additive(pa_plan *p, pa_diff *d, const pa_diff_options *dopt, bool online,
                         pa_deferred_list *out)
{
    holding h = {.diff = d, .out = out};
    hashmap_init(&h.keys);
    memset(out, 0, sizeof(*out));
    pa_diff_options opt = dopt ? *dopt : (pa_diff_options){0};
    opt.held = &h.keys;
    hold_contractions(&h);
    /* Holding a change back changes what the others plan (a view that is
     * no longer rebuilt for a drop): diff and plan again until nothing
     * more is held. */
    for (;;) {
        rediff(d, &opt);
        size_t before = out->count;
        hold_dependents(&h);
        if (out->count > before)
            continue;
        plan_build(p, d, online);
        hold_hazardous(&h, p);
        hold_dependents(&h);
        if (out->count == before)
            break;
        plan_free(p);
    }
    hashmap_free(&h.keys);
    if (out->count > 1)
        qsort(out->items, out->count, sizeof(*out->items), compare_deferred);
    p->deferred = out;
}

bool deferred_shown(const pa_deferred_list *held, size_t i)
{
    const pa_deferred *item = &held->items[i];
    const pa_object *parent = deferred_object(item)->parent;
    for (size_t j = 0; parent && item->change.type == CHANGE_DROP && j < held->count; j++) {
        if (held->items[j].change.type == CHANGE_DROP && held->items[j].change.from == parent)
            return false;
    }
    return true;
}

json_t *deferred_json(const pa_deferred_list *held)
{
    json_t *a = json_array();
    for (size_t i = 0; held && i < held->count; i++) {
        const pa_deferred *item = &held->items[i];
        if (!deferred_shown(held, i))
            continue;
        const pa_object *o = deferred_object(item);
        json_t *j = json_pack("{s:s,s:s,s:s,s:s}", "kind", o->kind->name, "name", o->key,
                              "action", diff_action_name(&item->change), "why", item->why);
        json_object_set_new(j, "needs", item->needs ? json_string(item->needs->key)
                                                    : json_null());
        json_array_append_new(a, j);
    }
    return a;
}

size_t deferred_lines(strbuf *out, const pa_deferred_list *held)
{
    size_t shown = 0;
    for (size_t i = 0; held && i < held->count; i++) {
        if (!deferred_shown(held, i))
            continue;
        sb_adds(out, "  ");
        deferred_text(out, &held->items[i]);
        sb_addc(out, '\n');
        shown++;
    }
    return shown;
}

void deferred_summary(strbuf *out, const pa_deferred_list *held)
{
    strbuf lines = STRBUF_INIT;
    size_t shown = deferred_lines(&lines, held);
    if (shown)
        sb_addf(out, "\nheld back for the contract step (--additive): %zu change%s\n%s", shown,
                shown == 1 ? "" : "s", sb_str(&lines));
    sb_release(&lines);
}

void deferred_list_free(pa_deferred_list *l)
{
    free(l->items);
    memset(l, 0, sizeof(*l));
}

/* The keys of what is held back, into keys (initialized here). */
static void held_keys(const pa_deferred_list *held, hashmap *keys)
{
    hashmap_init(keys);
    for (size_t i = 0; held && i < held->count; i++)
        hashmap_put(keys, deferred_object(&held->items[i])->key, (void *)1);
}

static int compare_objects(const void *a, const void *b)
{
    return model_compare(*(const pa_object *const *)a, *(const pa_object *const *)b);
}

void expand_fingerprint(const pa_diff *d, const pa_deferred_list *held,
                        const char *const *ignored_attrs, char out[MODEL_FINGERPRINT_LEN])
{
    hashmap keys;
    held_keys(held, &keys);
    const pa_object **objs = xmalloc(sizeof(*objs) * (d->to->count + held->count + 1));
    size_t n = 0;
    for (size_t i = 0; i < d->to->count; i++) {
        if (!hashmap_get(&keys, d->to->objects[i]->key))
            objs[n++] = d->to->objects[i];
    }
    /* What is held back stays as FROM has it (a creation: not there). */
    for (size_t i = 0; i < held->count; i++) {
        if (held->items[i].change.from)
            objs[n++] = held->items[i].change.from;
    }
    qsort(objs, n, sizeof(*objs), compare_objects);
    fingerprint_objects(objs, n, ignored_attrs, out);
    free(objs);
    hashmap_free(&keys);
}

void expand_forget_held(pa_diff *again, const pa_deferred_list *held)
{
    hashmap keys;
    held_keys(held, &keys);
    for (size_t i = 0; i < again->count; i++) {
        pa_change *c = &again->changes[i];
        const pa_object *o = c->to ? c->to : c->from;
        if (hashmap_get(&keys, o->key) ||
            (c->rebuild && c->rebuilt_for && hashmap_get(&keys, c->rebuilt_for->key)))
            c->type = CHANGE_SAME;
    }
    hashmap_free(&keys);
}

void deferred_text(strbuf *sb, const pa_deferred *item)
{
    const pa_object *o = deferred_object(item);
    sb_addf(sb, "%s %s", diff_action_name(&item->change), o->key);
    if (item->needs)
        sb_addf(sb, ": %s %s, held back", item->why, item->needs->key);
    else
        sb_addf(sb, ": %s", item->why);
}
