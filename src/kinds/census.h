/* The census query: one catalog query that lists the user objects of the
 * kinds pgalign does not model, as model/census.h keeps them. Each kind
 * is a part of it, with the first server version that has the kind. */
#ifndef PA_KINDS_CENSUS_H
#define PA_KINDS_CENSUS_H

#include "model/pattern.h"
#include "util/strbuf.h"

/* The query for a server version: its columns are what, schema, label,
 * digest and printed. relations (NULL-terminated, or NULL) are the
 * platform relations the inspection reads, which some parts need. Cost
 * as a kind's (kind.h). */
void census_query_text(int server_version, const char *const *relations, strbuf *out);
enum { CENSUS_COST = 10 };

/* Whether a pattern's kind is one of the census's ("base type"). */
bool census_kind_known(const pa_pattern *p);

/* Census kinds that snapshots of older formats do not record, with the
 * first format that does: {"base type", 4}. Ends with {NULL, 0}. */
typedef struct census_kind_since {
    const char *what;
    int snapshot_since;
} census_kind_since;
extern const census_kind_since census_kinds_since[];

#endif
