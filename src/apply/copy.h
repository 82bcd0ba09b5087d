/* A copy of a source's schema in the temporary cluster, built by
 * pgalign's own plan from EMPTY (copy.c). The rehearsal runs a plan on a
 * copy of FROM; a pair of different majors compares FROM with a copy of
 * TARGET made by FROM's major, so that both are rendered alike. */
#ifndef PA_APPLY_COPY_H
#define PA_APPLY_COPY_H

#include "inspect/inspect.h"
#include "plan/plan.h"
#include "source/extskip.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Start the cluster with server programs of server_version's major (0:
 * the source's own) if it is not running, inspect source in full (every
 * schema but those filter's profile manages; grants when filter says
 * so), create database dbname with the roles the schema names (and,
 * under a profile, the platform's stand-in), and build the schema there.
 * Extensions the cluster cannot create are left out and added to skipped.
 * Appends dbname's conninfo to conninfo. A line goes to warnings (unless
 * NULL) when the cluster runs another major than server_version's. */
bool copy_schema(const char *source, int server_version, const pa_filter *filter,
                 const char *dbname, bool verbose, strbuf *warnings, pa_ext_list *skipped,
                 strbuf *conninfo, strbuf *err);

/* copy_schema, then the copy inspected with filter into copy (initialized
 * here; the extensions the cluster could not create taken as there). */
bool copy_inspect(const char *source, int server_version, const pa_filter *filter,
                  const char *dbname, bool verbose, strbuf *warnings, pa_model *copy,
                  strbuf *err);

/* Take out of p the statements about extensions that the server behind
 * conn cannot create (as from a SQL source's files, source/extskip.h),
 * adding them to skipped; under a profile, stand in for the functions of
 * Supabase Wrappers its wrappers name (source/fdwstandin.h). */
bool copy_skip_missing_extensions(PGconn *conn, pa_plan *p, const pa_filter *filter,
                                  pa_ext_list *skipped, strbuf *err);

#endif
