/* The census: the user objects of kinds pgalign does not model
 * (subscriptions, security labels...), which a model carries beside its objects so
 * that a verdict can name them. Each is known by its kind word and a
 * label that identifies it within that kind, with a digest of its
 * definition that the server computed (secrets in options are hashed
 * there and never leave it). */
#ifndef PA_CENSUS_H
#define PA_CENSUS_H

#include "util/arena.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_census_entry {
    const char *what;       /* "subscription", "security label"... */
    const char *schema;     /* for --schema and the profile; NULL if none */
    const char *label;      /* "public.r on public.t": unique within what */
    /* Of the definition, 16 hex digits; CENSUS_DIGEST_HIDDEN where the
     * role inspecting may not read it (a user mapping's options). */
    const char *digest;
    /* The definition hashed includes text the server printed (an
     * expression): digests by servers of two majors are not comparable. */
    bool printed;
} pa_census_entry;

#define CENSUS_DIGEST_HIDDEN "hidden"

typedef struct pa_census {
    pa_census_entry *items;
    size_t count, alloc;
    /* Whether the source said what it holds: false for a snapshot of a
     * pgalign that wrote none. */
    bool known;
    /* The server that printed the definitions hashed (PQserverVersion):
     * its own, also when the model it goes with was rebuilt elsewhere. */
    int server_version;
} pa_census;

/* Add an entry, its strings copied into a (the model's arena). */
void census_add(pa_census *c, arena *a, const char *what, const char *schema,
                const char *label, const char *digest, bool printed);
/* Make dst (emptied first) a copy of src, its strings in a. */
void census_copy(pa_census *dst, arena *a, const pa_census *src);
/* By what, then label: the order of reports, and of the merge that
 * matches two sides (negative, 0 or positive, as strcmp). */
int census_entry_compare(const pa_census_entry *a, const pa_census_entry *b);
/* Sort by what, then label (the order of reports). */
void census_sort(pa_census *c);
void census_free(pa_census *c);
/* Whether the role inspecting could not read e's definition. */
bool census_entry_hidden(const pa_census_entry *e);
/* Forget the entries of one kind word ("foreign data wrapper"). */
void census_forget(pa_census *c, const char *what);

#endif
