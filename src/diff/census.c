#include "diff/census.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static void add_item(pa_census_diff *d, const pa_census_entry *e, census_state state,
                     bool in_from)
{
    d->items = xgrow(d->items, sizeof(*d->items), d->count + 1, &d->alloc);
    d->items[d->count++] = (pa_census_item){e, state, in_from, false};
    if (census_item_differs(&d->items[d->count - 1]))
        d->ndiffer++;
}

/* One side has it: a difference, unless it is only that side's role
 * that may not read it (the object itself is compared as a model's). */
static void add_one_side(pa_census_diff *d, const pa_census_entry *e, bool in_from)
{
    census_state state = in_from ? CENSUS_FROM_ONLY : CENSUS_TARGET_ONLY;
    add_item(d, e, census_entry_hidden(e) ? CENSUS_HIDDEN : state, in_from);
}

/* Both sides have it: the same, different, or not to be told. */
static census_state compare_pair(const pa_census_diff *d, const pa_census_entry *from,
                                 const pa_census_entry *to)
{
    if (census_entry_hidden(from) || census_entry_hidden(to))
        return CENSUS_HIDDEN;
    if ((from->printed || to->printed) && d->from_major != d->to_major)
        return CENSUS_BOTH_UNCOMPARED;
    return strcmp(from->digest, to->digest) == 0 ? CENSUS_SAME : CENSUS_DIFFER;
}

/* One side's entries alone: where the other side's census is unknown. */
static void add_unmatched(pa_census_diff *d, const pa_census *c, bool in_from)
{
    for (size_t i = 0; i < c->count; i++)
        add_item(d, &c->items[i], CENSUS_OTHER_UNKNOWN, in_from);
}

/* Both lists are sorted (census_sort): one merge. */
void census_compare(pa_census_diff *d, const pa_model *from, const pa_model *to)
{
    memset(d, 0, sizeof(*d));
    const pa_census *a = &from->census, *b = &to->census;
    d->from_major = a->server_version / 10000;
    d->to_major = b->server_version / 10000;
    if (!a->known || !b->known) {
        d->unknown = !a->known ? "FROM" : "TARGET";
        if (a->known || b->known)
            add_unmatched(d, a->known ? a : b, a->known);
        return;
    }
    size_t i = 0, j = 0;
    while (i < a->count || j < b->count) {
        int c = i == a->count ? 1 : j == b->count ? -1
                : census_entry_compare(&a->items[i], &b->items[j]);
        if (c < 0)
            add_one_side(d, &a->items[i++], true);
        else if (c > 0)
            add_one_side(d, &b->items[j++], false);
        else {
            census_state state = compare_pair(d, &a->items[i], &b->items[j]);
            bool in_from = state != CENSUS_HIDDEN || census_entry_hidden(&a->items[i]);
            add_item(d, &b->items[j], state, in_from);
            d->items[d->count - 1].both = census_entry_hidden(&a->items[i]) &&
                                          census_entry_hidden(&b->items[j]);
            i++, j++;
        }
    }
}

void census_diff_free(pa_census_diff *d)
{
    free(d->items);
    memset(d, 0, sizeof(*d));
}

bool census_item_differs(const pa_census_item *it)
{
    return it->state == CENSUS_FROM_ONLY || it->state == CENSUS_TARGET_ONLY ||
           it->state == CENSUS_DIFFER;
}

const char *census_where(const pa_census_item *it)
{
    switch (it->state) {
    case CENSUS_FROM_ONLY: return "FROM only";
    case CENSUS_TARGET_ONLY: return "TARGET only";
    case CENSUS_SAME: return "both sides, same";
    case CENSUS_DIFFER: return "both sides, differ";
    case CENSUS_BOTH_UNCOMPARED: return "both sides";
    case CENSUS_OTHER_UNKNOWN: return it->in_from ? "FROM" : "TARGET";
    case CENSUS_HIDDEN: return it->both ? "both sides" : it->in_from ? "FROM" : "TARGET";
    }
    return "";
}

void census_describe(strbuf *sb, const pa_census_diff *d, const pa_census_item *it)
{
    sb_addf(sb, "%s ", it->entry->what);
    /* A name may hold a line break, and the description goes into a
     * plan's comment. */
    sb_add_printable(sb, it->entry->label);
    sb_addf(sb, " (%s", census_where(it));
    if (it->state == CENSUS_BOTH_UNCOMPARED)
        sb_addf(sb, "; definitions printed by PostgreSQL %d and %d, not compared",
                d->from_major, d->to_major);
    else if (it->state == CENSUS_OTHER_UNKNOWN)
        sb_addf(sb, "; %s is a snapshot that does not record such objects",
                it->in_from ? "TARGET" : "FROM");
    else if (it->state == CENSUS_HIDDEN)
        sb_adds(sb, "; the role inspecting may not read them");
    sb_addc(sb, ')');
}
