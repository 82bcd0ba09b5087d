/* Stand-ins for Supabase Wrappers on a server that lacks the wrappers
 * extension, under --profile supabase: the handler and validator
 * functions a CREATE FOREIGN DATA WRAPPER names, so that the wrapper, its
 * servers and foreign tables load from SQL sources and are compared, and
 * build in a copy of production (a rehearsal). */
#ifndef PA_FDWSTANDIN_H
#define PA_FDWSTANDIN_H

#include "source/extskip.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Whether text has a CREATE FOREIGN DATA WRAPPER statement. */
bool fdwstandin_needed(const char *text);

/* Before text runs: each HANDLER and VALIDATOR function its CREATE
 * FOREIGN DATA WRAPPER statements name that conn cannot find is made
 * where the name says, or unqualified in the schema of the wrappers
 * extension that recorded says the files created (left to the server to
 * report where there is none). Only in a schema the profile manages (as
 * Supabase's extensions schema is): there it is left out of the model, as
 * the extension's own functions are of production's, and out of a copy
 * of production. The handler is postgres_fdw's (a handler must be C); the
 * validator accepts any option. False, with the reason in err, when one
 * cannot be made. */
bool fdwstandin_prepare(PGconn *conn, const char *text, const pa_ext_list *recorded,
                        const char *const *managed_schemas, strbuf *err);

#endif
