/* Stand-ins for Supabase Wrappers on a server that lacks the wrappers
 * extension, for SQL sources under --profile supabase: the handler and
 * validator functions a file's CREATE FOREIGN DATA WRAPPER names, so that
 * the wrapper, its servers and foreign tables load and are compared. */
#ifndef PA_FDWSTANDIN_H
#define PA_FDWSTANDIN_H

#include "source/extskip.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Whether the files created the wrappers extension the server lacks. */
bool fdwstandin_wanted(const pa_ext_list *recorded);

/* Before text runs: each HANDLER and VALIDATOR function its CREATE
 * FOREIGN DATA WRAPPER statements name that conn cannot find is made in
 * the wrappers extension's schema, which must be one the profile manages
 * (as Supabase's extensions schema is): there it is left out of the
 * model, as the extension's own functions are of production's. The
 * handler is postgres_fdw's (a handler must be C); the validator accepts
 * any option. False, with the reason in err, when one cannot be made. */
bool fdwstandin_prepare(PGconn *conn, const char *text, const pa_ext_list *recorded,
                        const char *const *managed_schemas, strbuf *err);

#endif
