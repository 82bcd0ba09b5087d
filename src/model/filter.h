/* The filter: which objects a comparison reads (--schema,
 * --exclude-schema, --exclude, --include, --with-privileges, --profile).
 * Inspection, snapshots and plan files apply it alike (filter.c,
 * profile.c, prune.c). */
#ifndef PA_MODEL_FILTER_H
#define PA_MODEL_FILTER_H

#include "model/pattern.h"

#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

struct pa_kind;
struct pa_model;

typedef struct pa_filter {
    const char **include;   /* --schema: only these (if any) */
    size_t ninclude;
    const char **exclude;   /* --exclude-schema */
    size_t nexclude;
    bool privileges;        /* --with-privileges: also GRANTs */
    /* --profile: schemas a platform manages, skipped unless --schema names
     * them, and roles whose grants and default privileges are skipped. */
    const char *profile;    /* its name, or NULL */
    const char *const *managed_schemas;
    const char *const *managed_roles;
    const char *const *managed_extensions;  /* left out like the schemas */
    /* --exclude and --include, in the order given: applied to a model
     * once it is loaded and linked (filter_prune), for they name objects
     * of every kind and what lives in them. */
    pa_pattern *patterns;
    size_t npatterns;
    /* --data: tables whose rows are compared too (schema.table as given,
     * public. put before a bare name), and --data-limit, the most rows
     * one may have (inspect/data.h). */
    const char **data;
    size_t ndata;
    long data_limit;
} pa_filter;

bool filter_accepts(const pa_filter *f, const char *schema);
/* Whether an object is read: its schema (or, for a kind with
 * filter_schema_attr, that schema) is accepted, and its grantee and role
 * (NULL when the kind has none) are not managed. */
bool filter_accepts_object(const pa_filter *f, const struct pa_kind *k, const char *schema,
                           const char *name, const char *other_schema,
                           const char *grantee, const char *role);
/* A --data name as the queries and models take it: "public." put before
 * a name without a schema. */
void filter_data_table_name(strbuf *out, const char *given);

/* Set the lists of a named profile ("supabase"); false if unknown. */
bool filter_set_profile(pa_filter *f, const char *profile);
/* Whether objects of this kind are read at all. */
bool filter_accepts_kind(const pa_filter *f, const struct pa_kind *kind);

/* Leave out of a loaded, linked model what the patterns leave out: an
 * object is kept when an --include (if any) names it or what it lives in
 * (its table, its column, its schema), and no --exclude does. Its census
 * entries likewise. Records what was left out, the dependencies across,
 * and each pattern's hits (model.h). Nothing without patterns. */
void filter_prune(const pa_filter *f, struct pa_model *m);

#endif
