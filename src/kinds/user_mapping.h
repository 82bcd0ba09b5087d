/* What other code reads of a user mapping, and the condition its options
 * are readable under. */
#ifndef PA_KINDS_USER_MAPPING_H
#define PA_KINDS_USER_MAPPING_H

#include "model/model.h"

/* The role a user mapping is for; NULL for a mapping for PUBLIC and for
 * an object that is not a user mapping. */
const char *user_mapping_role(const pa_object *o);

/* Whether the role inspecting may read the options of the mapping u of
 * pg_user_mappings on server s (pg_foreign_server): the view's own
 * condition, with pg_roles for the superuser's flag (pg_authid is the
 * superuser's). Where it may not, the view gives NULL, as for a mapping
 * without options: this tells the two apart. */
#define PA_SQL_USER_MAPPING_OPTIONS_READABLE \
    "((u.umuser <> 0 AND u.usename = current_user" \
    "  AND (pg_has_role(s.srvowner, 'USAGE') OR has_server_privilege(s.oid, 'USAGE')))" \
    " OR (u.umuser = 0 AND pg_has_role(s.srvowner, 'USAGE'))" \
    " OR coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), false))"

#endif
