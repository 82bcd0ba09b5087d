/* Option lists as pgalign's queries write foreign data's OPTIONS: the SQL
 * of the list, sorted by name,
 *     dbname 'app', host 'db.internal', password <secret:9f86d0...>
 * each name a quoted or bare identifier, each value a literal ('...' or
 * E'...'), NULL, or the digest of a secret, which the server computes so
 * that pgalign never reads the value (kinds/fdw_options.h). */
#ifndef PA_OPTLIST_H
#define PA_OPTLIST_H

#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

#define OPTLIST_SECRET_PREFIX "<secret:"

typedef struct optlist_item {
    const char *name;       /* its SQL text, name_len bytes */
    size_t name_len;
    const char *value;      /* its SQL text, value_len bytes */
    size_t value_len;
} optlist_item;

/* The item at *s into item, and *s past it and its ", ". False at the end
 * of the list, or where it is not written as above. */
bool optlist_next(const char **s, optlist_item *item);

/* Whether the item's value is a secret's digest. */
bool optlist_is_secret(const optlist_item *item);

/* The item of list with the same name as item, into found. */
bool optlist_find(const char *list, const optlist_item *item, optlist_item *found);

/* list without its secrets, into out; false (out untouched) when it has
 * none or is not an option list. */
bool optlist_without_secrets(const char *list, strbuf *out);

#endif
