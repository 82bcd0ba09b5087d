/* What other code reads of a row level security policy. */
#ifndef PA_KINDS_POLICY_H
#define PA_KINDS_POLICY_H

#include "model/model.h"

/* The roles it applies to, a ", " list ("PUBLIC" for all); NULL for an
 * object that is not a policy. */
const char *policy_roles(const pa_object *o);

#endif
