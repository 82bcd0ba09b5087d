/* Inspection: read a source's schema into the model with a fixed number of
 * bulk catalog queries (one per kind, one for pg_depend), inside one
 * REPEATABLE READ READ ONLY transaction. Two sources run concurrently. */
#ifndef PA_INSPECT_H
#define PA_INSPECT_H

#include "model/filter.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <libpq-fe.h>

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_inspect_options {
    const struct pa_filter *filter;
    bool verbose;           /* report each query's time on stderr */
    /* Where warnings go, a line each ("pgalign: warning: ..."), for the
     * caller to print when inspection is over; NULL: none are wanted. */
    strbuf *warnings;
    /* -j: connections per live database, sharing one snapshot (1 or 0:
     * one connection); see inspect/jobs.h. */
    int jobs;
    /* Extensions to take as there although the source lacks them: those
     * a copy in the temporary cluster could not create (apply/copy.c). */
    const struct pa_ext_list *assumed;
    /* The database of the temporary cluster a SQL source is loaded into;
     * NULL: one of its own (inspect_pair gives each side its own). */
    const char *sql_database;
} pa_inspect_options;

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
