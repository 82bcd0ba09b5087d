/* JSON output as pgalign writes it everywhere: keys sorted, one-space
 * indents, a trailing newline, so the same data gives the same bytes. */
#ifndef PA_EMIT_JSON_H
#define PA_EMIT_JSON_H

#include "util/strbuf.h"

#include <jansson.h>

/* Append root as text and release it. */
void emit_json(strbuf *out, json_t *root);

#endif
