/* A copy of a source's schema in the temporary cluster, built by
 * pgalign's own plan from EMPTY (copy.c). The rehearsal runs a plan on a
 * copy of FROM; a pair of different majors compares FROM with a copy of
 * TARGET made by FROM's major, so that both are rendered alike. */
#ifndef PA_APPLY_COPY_H
#define PA_APPLY_COPY_H

#include "util/strbuf.h"

#include <stdbool.h>

/* Start the cluster with server programs of server_version's major (0:
 * the source's own) if it is not running, inspect source in full (every schema; grants when
 * privileges), create database dbname with the roles the schema names,
 * and build the schema there. Appends dbname's conninfo to conninfo. */
bool copy_schema(const char *source, int server_version, bool privileges,
                 const char *dbname, bool verbose, strbuf *conninfo, strbuf *err);

#endif
