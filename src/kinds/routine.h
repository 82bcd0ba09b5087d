/* What other code reads of a function, procedure or aggregate. */
#ifndef PA_KINDS_ROUTINE_H
#define PA_KINDS_ROUTINE_H

#include "model/model.h"

/* Its name without arguments, and its identity arguments ("a integer,
 * b text"); NULL for an object that is not a routine. */
const char *routine_proname(const pa_object *o);
const char *routine_identity_arguments(const pa_object *o);

/* Functions' and aggregates' attributes start with these two, the
 * columns PA_SQL_ROUTINE_IDENTITY gives (kind.h). */
enum { ROUTINE_PRONAME, ROUTINE_IDENTITY_ARGS };
#define ROUTINE_SHARED_RULES \
    [ROUTINE_PRONAME] = {"proname", ATTR_INFO, NONEMPTY}, \
    [ROUTINE_IDENTITY_ARGS] = {"identity_arguments", ATTR_INFO, REQUIRED}

#endif
