/* Connections to live databases. Everything libpq understands works: URIs,
 * key=value strings, PG* environment variables, .pgpass, service files. */
#ifndef PA_CONN_H
#define PA_CONN_H

#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Connect; on failure returns NULL with a one-line reason in err. */
PGconn *conn_open(const char *conninfo, strbuf *err);
/* Another connection like an open one, whose PQconninfo() opts are:
 * the same server, database and settings (pgalign -j). On failure returns
 * NULL with a one-line reason in err. */
PGconn *conn_open_like(const PQconninfoOption *opts, strbuf *err);
/* A description of conninfo safe to print: never includes a password. */
void conn_describe(strbuf *sb, const char *conninfo);
/* The first line of libpq's last error message for conn. */
void conn_error(strbuf *sb, PGconn *conn);
/* The first line of res's error message, or of conn's when res has none
 * (NULL: the connection broke). */
void conn_result_error(strbuf *sb, PGconn *conn, const PGresult *res);
/* Keep the server's notices to itself (they print on stderr by default);
 * returns true, to be used in a chain of steps. */
bool conn_quiet(PGconn *conn);
/* Run a command that returns no rows; false with err set on failure. */
bool conn_command(PGconn *conn, const char *sql, strbuf *err);

#endif
