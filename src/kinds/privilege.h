/* What other code reads and writes of a grant (relation, column, routine,
 * type and schema privileges) and of a default privilege. */
#ifndef PA_KINDS_PRIVILEGE_H
#define PA_KINDS_PRIVILEGE_H

#include "kinds/kind.h"
#include "model/model.h"

/* NULL for an object that is not a grant or default privilege. */
const char *privilege_grantee(const pa_object *o);
const char *privilege_privileges(const pa_object *o);   /* "INSERT, SELECT*" */
const char *privilege_grantors(const pa_object *o);     /* roles, ", " list */
/* The role whose new objects get a default privilege; NULL for a grant. */
const char *privilege_role(const pa_object *o);
/* A grant made up from a default privilege: object is what GRANT ... ON
 * names ("TABLE public.t"). */
void privilege_set(pa_model *m, pa_object *grant, const char *object,
                   const char *grantee, const char *privileges);
/* Where a kind's query rows hold the grantee and the role, for the filter
 * to read before an object is made: -1 where the kind has none. */
int privilege_grantee_attr(const pa_kind *kind);
int privilege_role_attr(const pa_kind *kind);

#endif
