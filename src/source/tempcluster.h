/* An ephemeral PostgreSQL cluster that pgalign starts itself, for SQL-file
 * sources: initdb in a private temp dir, the server on a unix socket only
 * (no TCP), fsync off. It is removed on exit, on error and on SIGINT,
 * SIGTERM or SIGHUP; the server also dies with pgalign (guardian.h).
 * One cluster per process serves every SQL source. */
#ifndef PA_TEMPCLUSTER_H
#define PA_TEMPCLUSTER_H

#include "util/strbuf.h"

#include <stdbool.h>

/* Where the server programs are found: pgbin.h (pgbin_configure). The
 * cluster is removed on a signal: signals.h (signals_init). */

/* Start the cluster if it is not running, with server programs of the
 * major of server_version (PQserverVersion; 0: any) when they can be
 * found (if not, a line in warnings, unless NULL). verbose reports the
 * time. */
bool tempcluster_start(int server_version, bool verbose, strbuf *warnings, strbuf *err);

/* Whether the cluster runs, or would run, server programs of the major
 * of server_version (PQserverVersion). */
bool tempcluster_has_major(int server_version);

/* The major of the running cluster; 0 when none runs. */
int tempcluster_major(void);

/* The databases of a diff's two SQL sources, made with the cluster:
 * tempcluster_create_database hands each out once without a CREATE. */
#define TEMPCLUSTER_FROM_DATABASE "pgalign_from"
#define TEMPCLUSTER_TARGET_DATABASE "pgalign_target"

/* Append a database name no one has taken in the cluster to name. */
void tempcluster_new_database_name(strbuf *name);

/* Create an empty database in the cluster, which must be running, and
 * append the conninfo to reach it to conninfo. */
bool tempcluster_create_database(const char *dbname, strbuf *conninfo, strbuf *err);

/* Append the path of a file called name in the cluster's private
 * directory (removed with it) to sb. */
void tempcluster_path(strbuf *sb, const char *name);

/* Run a SQL file with psql (stopping at the first error), its output and
 * errors into the file log. */
bool tempcluster_psql(const char *conninfo, const char *file, const char *log);

/* Stop the server and remove the directory (safe to call more than once). */
void tempcluster_stop(void);

#endif
