/* The two sides' censuses compared (model/census.h): what pgalign did not
 * compare as a schema, matched by kind and label, and where it is. */
#ifndef PA_DIFF_CENSUS_H
#define PA_DIFF_CENSUS_H

#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum census_state {
    CENSUS_FROM_ONLY,
    CENSUS_TARGET_ONLY,
    CENSUS_SAME,
    CENSUS_DIFFER,
    /* Both have it, with definitions two majors printed: not comparable. */
    CENSUS_BOTH_UNCOMPARED,
    /* One side has it; the other does not say (an older snapshot). */
    CENSUS_OTHER_UNKNOWN,
    /* A side's role may not read it (model/census.h): on that side, or on
     * both (both set). */
    CENSUS_HIDDEN,
} census_state;

typedef struct pa_census_item {
    const pa_census_entry *entry;   /* TARGET's where it has it */
    census_state state;
    bool in_from;                   /* which side has it, for OTHER_UNKNOWN
                                       and HIDDEN */
    bool both;                      /* HIDDEN on both sides */
} pa_census_item;

typedef struct pa_census_diff {
    pa_census_item *items;          /* by kind, then label */
    size_t count, alloc;
    size_t ndiffer;                 /* FROM only, TARGET only or differ */
    const char *unknown;            /* "FROM" or "TARGET" when that side's
                                       census is unknown, else NULL */
    int from_major, to_major;       /* the servers', for the messages */
} pa_census_diff;

void census_compare(pa_census_diff *d, const pa_model *from, const pa_model *to);
void census_diff_free(pa_census_diff *d);

/* Whether the item is a real difference between the sides. */
bool census_item_differs(const pa_census_item *it);
/* "subscription s1 (TARGET only)". */
void census_describe(strbuf *sb, const pa_census_diff *d, const pa_census_item *it);
/* "TARGET only", "both sides, same"...: where the item is. */
const char *census_where(const pa_census_item *it);

#endif
