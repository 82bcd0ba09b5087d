/* SQL quoting: the one place identifiers and literals are made safe.
 * Rules follow pg_dump's fmtId: an identifier stays bare only when it is
 * lower-case ASCII letters, digits and underscores, does not start with a
 * digit, and is not a keyword PostgreSQL reserves in any way. */
#ifndef PA_QUOTE_H
#define PA_QUOTE_H

#include "util/strbuf.h"

#include <stdbool.h>

bool sql_ident_needs_quotes(const char *name);
void sql_ident(strbuf *sb, const char *name);
void sql_qualified(strbuf *sb, const char *schema, const char *name);
/* Always in double quotes: "public"."orders", for messages that must be
 * unambiguous (and are valid SQL too). */
void sql_ident_quoted(strbuf *sb, const char *name);
void sql_literal(strbuf *sb, const char *value);
/* Literal, or the word NULL when value is NULL. */
void sql_literal_or_null(strbuf *sb, const char *value);

#endif
