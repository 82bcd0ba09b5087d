/* Extensions a SQL source creates that the local server does not have
 * (Supabase's pg_graphql, pgsodium, supabase_vault...): under a profile,
 * their statements are taken out of the file and the extensions recorded,
 * so that the rest loads and the model still has them. */
#ifndef PA_EXTSKIP_H
#define PA_EXTSKIP_H

#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pa_recorded_ext {
    char *name;
    char *schema;       /* WITH SCHEMA, or NULL when not given */
    char *version;      /* VERSION, or NULL when not given */
    bool platform;      /* from the profile's stand-in, not the user's files */
} pa_recorded_ext;

typedef struct pa_ext_list {
    pa_recorded_ext *items;
    size_t count, alloc;
} pa_ext_list;

/* Whether the local server can create the extension called name. */
typedef bool (*ext_available_fn)(const char *name, void *arg);

/* The extensions a server can create (pg_available_extensions). */
typedef struct pa_ext_names {
    char **names;
    size_t count;
} pa_ext_names;

bool extskip_read_available(PGconn *conn, pa_ext_names *out, strbuf *err);
/* An ext_available_fn over a pa_ext_names. */
bool extskip_available(const char *name, void *names);
void extskip_free_names(pa_ext_names *names);

/* Blank out in text (spaces; lines and columns stay where they were, so
 * the server's error positions still hold) each CREATE, ALTER, COMMENT ON
 * and DROP EXTENSION statement about an extension that is not available,
 * and record the created ones in list (a DROP forgets one). Returns
 * whether anything was blanked. */
bool extskip_rewrite(char *text, ext_available_fn available, void *arg,
                     bool platform, pa_ext_list *list);

/* The names of list's entries (those with platform = platform), as
 * "a (schema s), b" for a message; "" if none. Caller frees. */
char *extskip_describe(const pa_ext_list *list, bool platform);

void extskip_free(pa_ext_list *list);

#endif
