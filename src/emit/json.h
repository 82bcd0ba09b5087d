/* JSON output as pgalign writes it everywhere: keys sorted, one-space
 * indents, a trailing newline, so the same data gives the same bytes. */
#ifndef PA_EMIT_JSON_H
#define PA_EMIT_JSON_H

#include "util/strbuf.h"

#include <jansson.h>

/* Append root as text and release it. */
void emit_json(strbuf *out, json_t *root);

/* The plan's renames: [{"old": "public.t.name", "new": "full_name",
 * "evidence": "same type, same position" or null}]. */
struct pa_rename_list;
json_t *json_renames(const struct pa_rename_list *renames);

#endif
