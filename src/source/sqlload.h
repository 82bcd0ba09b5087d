/* SQL sources: a .sql file, or a directory of them run in name order (a
 * Supabase migrations directory), loaded as psql would (sqlrun.h; psql
 * itself for its meta-commands) into a new database of
 * the temporary cluster, which must be running. Under a profile the
 * database first gets the platform's stand-in (what a new project has),
 * the files' functions are not checked against what exists (as pg_dump's
 * files do), and an extension the server lacks is recorded instead of
 * created (extskip.h). */
#ifndef PA_SQLLOAD_H
#define PA_SQLLOAD_H

#include "source/extskip.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Load path into a new database dbname; profile: "supabase" or NULL.
 * Appends the conninfo to reach it to conninfo and the extensions left
 * out to recorded; *conn is the connection the files were loaded on, in
 * a new session's state, or NULL when psql loaded them all (the caller
 * finishes it). On failure, err says which file and line failed. */
bool sql_source_load(const char *dbname, const char *path, const char *profile,
                     pa_ext_list *recorded, strbuf *conninfo, PGconn **conn, strbuf *err);

/* Give the database behind conninfo the profile's stand-in, recording
 * into recorded the extensions the server lacks. */
bool sql_load_standin(const char *conninfo, const char *profile,
                      pa_ext_list *recorded, strbuf *err);

#endif
