/* Running a SQL file's statements over a connection one by one, as
 * psql -v ON_ERROR_STOP=1 -f runs plain SQL, without starting psql: a
 * process and a connection per file, and a second connection to inspect
 * the result, were a quarter of a diff of two small .sql files. Files
 * that need psql itself (sqlrun_needs_psql) still go to it. */
#ifndef PA_SQLRUN_H
#define PA_SQLRUN_H

#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Whether text needs psql: a meta-command (but pg_dump's \restrict and
 * \unrestrict, which only guard psql itself) or a COPY, whose data
 * psql streams. */
bool sqlrun_needs_psql(const char *text);

/* Run text's statements on conn in order, each a transaction of its own
 * unless the file says BEGIN, as psql does. The first failure stops it,
 * with "path:LINE: ERROR:  message" in err (LINE where the statement
 * ends, as psql counts). After the last one, what the file left open is
 * closed as at the end of psql's session (an open transaction rolled
 * back, settings and temporary tables gone: DISCARD ALL), so that the
 * next file, or an inspection, starts as a new session would. */
bool sqlrun_statements(PGconn *conn, const char *path, const char *text, strbuf *err);

#endif
