/* The generic object model. Every schema object, whatever its kind, is
 * (kind, identity key, attribute values, dependencies). The diff and the
 * planner work only on this; what is special about a kind lives in its
 * pa_kind table (src/kinds/). */
#ifndef PA_MODEL_H
#define PA_MODEL_H

#include "model/census.h"
#include "util/arena.h"
#include "util/hashmap.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_kind pa_kind;
typedef struct pa_object pa_object;
typedef struct pa_cast_index pa_cast_index;

/* A --data table whose rows a model holds: its name as --data gives it
 * (filter_data_table_name), and the table it names, if the side has it. */
typedef struct pa_data_table {
    const char *given;
    const char *schema;     /* NULL where the side lacks the table */
    const char *name;
} pa_data_table;

/* A dependency between an object the patterns kept and one they left
 * out, either way round (model/prune.c). */
typedef struct pa_crossing {
    const pa_object *object;
    const pa_object *dep;
} pa_crossing;

/* A big catalog has hundreds of thousands of these: the counts are ints
 * (ordinals are column numbers and small ranks). */
struct pa_object {
    const pa_kind *kind;
    const char *key;        /* unique in a model, e.g. table:public.orders */
    const char *schema;     /* NULL for kinds outside schemas */
    const char *name;
    const char *table;      /* the owning table's name, for sub-objects */
    const char **values;    /* one per kind->attrs entry; NULL = unset */
    pa_object *parent;      /* owning table for columns, constraints... */
    pa_object *first_child;
    pa_object *next_sibling;
    pa_object **deps;       /* objects this one depends on */
    const char *pending_deps; /* addresses from the query, until resolved */
    int ordinal;            /* order among siblings (column number) */
    unsigned ndeps;
    unsigned deps_alloc;
};

typedef struct pa_model {
    arena arena;
    pa_object **objects;
    size_t count;
    size_t alloc;
    hashmap by_key;
    hashmap by_address;     /* "classid/objid/subid" -> object */
    arena addresses;        /* their strings, and the pending deps */
    int server_version;     /* PQserverVersion; 0 for EMPTY */
    const char *role;       /* the role inspected as; NULL if unknown */
    pa_cast_index *casts;   /* model_cast_uses' index, built on first use */
    pa_census census;       /* what the model does not hold (census.h) */
    /* The --data tables whose rows were read (none for EMPTY). */
    pa_data_table *data_tables;
    size_t ndata_tables;
    /* The format version of the snapshot it was read from; 0 when it was
     * not: kinds a snapshot predates are not compared (kind.h). */
    int snapshot_version;
    /* Built by a plan (a copy on the temporary cluster), which never sets
     * secrets (util/optlist.h): their values are not compared with it. */
    bool secrets_unset;
    /* What --exclude and --include left out after loading, by key; the
     * dependencies across that line; and how many objects (and census
     * entries) each of the filter's patterns named itself. Empty without
     * patterns (filter_prune). */
    hashmap left_out;
    pa_crossing *crossings;
    size_t ncrossings, crossings_alloc;
    unsigned *pattern_hits;
} pa_model;

void model_init(pa_model *m);
void model_free(pa_model *m);

/* Create an object with room for kind->nattrs values. Its key is built
 * from kind, schema, table (for kinds that have one) and name. Returns NULL
 * when the key exists already. */
pa_object *model_add(pa_model *m, const pa_kind *kind, const char *schema,
                     const char *table, const char *name);
pa_object *model_find(const pa_model *m, const char *key);
/* Room for n more objects (with an address each) at once. */
void model_reserve(pa_model *m, size_t n);
/* model_find by identity, as model_add takes it. */
pa_object *model_lookup(const pa_model *m, const pa_kind *kind, const char *schema,
                        const char *table, const char *name);
void model_set(pa_model *m, pa_object *o, size_t attr, const char *value);

/* Catalog addresses, for resolving pg_depend rows to objects. */
void model_add_address(pa_model *m, pa_object *o, const char *address);
pa_object *model_find_address(const pa_model *m, const char *address);
/* Each address of a space-separated list. */
void model_add_addresses(pa_model *m, pa_object *o, const char *list);
/* Dependencies from the query, resolved by model_link (list copied). */
void model_set_pending_deps(pa_model *m, pa_object *o, const char *list);
/* Drop the addresses once the dependencies are resolved (after model_link
 * and the pg_depend rows): a fifth of a big model's memory. */
void model_forget_addresses(pa_model *m);
/* o must be one of m's objects: its list of dependencies is in m's arena. */
void model_add_dep(pa_model *m, pa_object *o, pa_object *dep);

/* Link sub-objects to their parents and resolve pending deps; call after
 * loading (again after adding objects). Children are ordered by ordinal, then name. */
void model_link(pa_model *m);

/* o's children of one kind, in order. A parent has children of several
 * kinds (a composite type: attributes and grants), so a loop over the
 * children of one kind must never walk first_child by itself:
 *   for (c = model_child_of_kind(o, &kind_column); c; c = model_next_of_kind(c)) */
const pa_object *model_child_of_kind(const pa_object *o, const pa_kind *kind);
const pa_object *model_next_of_kind(const pa_object *c);

/* Sort objects by kind rank and key, for deterministic iteration. */
void model_sort(pa_model *m);
/* That order: negative, 0 or positive as for strcmp. */
int model_compare(const pa_object *a, const pa_object *b);
/* m's objects in that order: m->objects itself when they are (as
 * inspection leaves them), else a sorted copy for the caller to free. */
pa_object **model_sorted_objects(const pa_model *m);

/* What the diff compares, hashed into 16 hex digits (fingerprint.c);
 * ignored_attrs as in pa_diff_options. */
#define MODEL_FINGERPRINT_LEN 17
void model_fingerprint(const pa_model *m, const char *const *ignored_attrs,
                       char out[MODEL_FINGERPRINT_LEN]);
/* The same over objects of either model, in model_compare's order: what a
 * database will be that takes part of a plan (plan/expand.h). */
void fingerprint_objects(const pa_object *const *objects, size_t n,
                         const char *const *ignored_attrs, char out[MODEL_FINGERPRINT_LEN]);

/* The --data table of m given as name (filter_data_table_name), or NULL
 * when m's rows were not read for it. */
const pa_data_table *model_data_table(const pa_model *m, const char *given);

/* Build the identity key into buf ("kind:" + quoted qualified name). */
char *model_make_key(arena *a, const pa_kind *kind, const char *schema,
                     const char *table, const char *name);

#endif
