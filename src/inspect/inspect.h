/* Inspection: read a source's schema into the model with a fixed number of
 * bulk catalog queries (one per kind, one for pg_depend), inside one
 * REPEATABLE READ READ ONLY transaction. Two sources run concurrently. */
#ifndef PA_INSPECT_H
#define PA_INSPECT_H

#include "model/model.h"
#include "util/strbuf.h"

#include <libpq-fe.h>

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_inspect_options {
    const struct pa_filter *filter;
    bool verbose;           /* report each query's time on stderr */
    bool quiet;             /* no warnings */
    /* -j: connections per live database, sharing one snapshot (1 or 0:
     * one connection); see inspect/jobs.h. */
    int jobs;
    /* Extensions to take as there although the source lacks them: those
     * a copy in the temporary cluster could not create (apply/copy.c). */
    const struct pa_ext_list *assumed;
} pa_inspect_options;

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
} pa_filter;

bool filter_accepts(const pa_filter *f, const char *schema);
/* Whether an object is read: its schema (or, for a kind with
 * filter_schema_attr, that schema) is accepted, and its grantee and role
 * (NULL when the kind has none) are not managed. */
bool filter_accepts_object(const pa_filter *f, const pa_kind *k, const char *schema,
                           const char *name, const char *other_schema,
                           const char *grantee, const char *role);
/* Set the lists of a named profile ("supabase"); false if unknown. */
bool filter_set_profile(pa_filter *f, const char *profile);
/* Whether objects of this kind are read at all. */
bool filter_accepts_kind(const pa_filter *f, const pa_kind *kind);

typedef enum source_type {
    SOURCE_EMPTY,       /* the word EMPTY: a database as CREATE DATABASE makes it */
    SOURCE_CONNINFO,    /* a libpq URI or conninfo string */
    SOURCE_SQL,         /* a .sql file or a directory of them */
    SOURCE_SNAPSHOT,    /* a .json snapshot */
    SOURCE_OTHER_FILE,  /* a file that is none of these: refused */
} source_type;

source_type source_classify(const char *source);

/* Inspect one source into m (initialized here). On failure returns false
 * with a one-line reason in err. */
bool inspect_source(const char *source, const pa_inspect_options *opt,
                    const char *label, pa_model *m, strbuf *err);

/* Inspect a source and return its fingerprint (model_fingerprint). */
bool inspect_fingerprint(const char *source, const pa_inspect_options *opt,
                         const char *label, const char *const *ignored_attrs,
                         char fp[MODEL_FINGERPRINT_LEN], strbuf *err);

/* The same for the database of an open connection, which is left open
 * (apply inspects, checks, changes and verifies on one connection). */
bool inspect_connection(PGconn *conn, const pa_inspect_options *opt, const char *label,
                        pa_model *m, strbuf *err);
bool inspect_connection_fingerprint(PGconn *conn, const pa_inspect_options *opt,
                                    const char *label, const char *const *ignored_attrs,
                                    char fp[MODEL_FINGERPRINT_LEN], strbuf *err);

/* Inspect two sources at once, each on its own thread and connection. */
bool inspect_pair(const char *from, const char *to, const pa_inspect_options *opt,
                  pa_model *mfrom, pa_model *mto, strbuf *err);

#endif
