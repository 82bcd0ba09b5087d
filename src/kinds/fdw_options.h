/* The OPTIONS of foreign data: of wrappers, servers, user mappings,
 * foreign tables and their columns. A kind's query writes them as the
 * SQL of an option list, sorted by name:
 *     dbname 'app', host 'db.internal', port '5432'
 * except that the value of a secret (an option whose name holds password,
 * secret, token or key) is never read: the server writes a digest of it,
 *     password <secret:9f86d0...>
 * which compares as the value would and is never put in a plan. Creating
 * or changing one is a note to the user, with the statement to run by
 * hand (a placeholder for the value). */
#ifndef PA_KINDS_FDW_OPTIONS_H
#define PA_KINDS_FDW_OPTIONS_H

#include "plan/stmt.h"
#include "util/strbuf.h"

/* The option list (util/optlist.h) of a text[] of "name=value"
 * (pg_foreign_server's srvoptions...), or NULL when it has none. The
 * secret's marker is OPTLIST_SECRET_PREFIX. */
#define PA_SQL_FDW_OPTIONS(array) \
    "(SELECT string_agg(quote_ident(o.option_name) || ' ' || CASE" \
    "   WHEN o.option_name ~* '(password|secret|token|key)' THEN '<secret:' ||" \
    "     encode(sha256(convert_to(coalesce(o.option_value, ''), 'UTF8')), 'hex') || '>'" \
    "   ELSE quote_nullable(o.option_value) END, ', ' ORDER BY o.option_name)" \
    " FROM pg_options_to_table(" array ") o)"

/* " OPTIONS (...)" for a CREATE, appended to sb, without secrets (nothing
 * when there is nothing else). For each secret a note for the user:
 * "head OPTIONS (ADD name '<name>')" (head: "ALTER SERVER s"). */
void fdw_options_create(pa_plan *p, strbuf *sb, const char *head, const char *options);

/* "head OPTIONS (ADD ..., SET ..., DROP ...)" turning old options into
 * new ones, as a statement of p when anything but secrets changes; a note
 * for each secret added (ADD) or changed (SET). */
void fdw_options_alter(pa_plan *p, const char *head, const char *old, const char *new);

#endif
