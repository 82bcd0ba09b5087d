#include "model/census.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void census_add(pa_census *c, arena *a, const char *what, const char *schema,
                const char *label, const char *digest, bool printed)
{
    c->items = xgrow(c->items, sizeof(*c->items), c->count + 1, &c->alloc);
    c->items[c->count++] = (pa_census_entry){
        .what = arena_strdup(a, what),
        .schema = arena_strdup(a, schema),
        .label = arena_strdup(a, label),
        .digest = arena_strdup(a, digest),
        .printed = printed,
    };
}

void census_copy(pa_census *dst, arena *a, const pa_census *src)
{
    census_free(dst);
    for (size_t i = 0; i < src->count; i++) {
        const pa_census_entry *e = &src->items[i];
        census_add(dst, a, e->what, e->schema, e->label, e->digest, e->printed);
    }
    dst->known = src->known;
    dst->server_version = src->server_version;
}

int census_entry_compare(const pa_census_entry *a, const pa_census_entry *b)
{
    int c = strcmp(a->what, b->what);
    return c ? c : strcmp(a->label, b->label);
}

static int compare_entries(const void *a, const void *b)
{
    return census_entry_compare(a, b);
}

void census_sort(pa_census *c)
{
    if (c->count > 1)
        qsort(c->items, c->count, sizeof(*c->items), compare_entries);
}

void census_free(pa_census *c)
{
    free(c->items);
    memset(c, 0, sizeof(*c));
}

void census_forget(pa_census *c, const char *what)
{
    size_t kept = 0;
    for (size_t i = 0; i < c->count; i++) {
        if (strcmp(c->items[i].what, what) != 0)
            c->items[kept++] = c->items[i];
    }
    c->count = kept;
}

bool census_entry_hidden(const pa_census_entry *e)
{
    return strcmp(e->digest, CENSUS_DIGEST_HIDDEN) == 0;
}
