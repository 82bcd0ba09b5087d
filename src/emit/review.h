/* What the review formats (--format markdown and html) share: the
 * verdict in one line, which changes are shown on their own, and text
 * made safe inside HTML. */
#ifndef PA_EMIT_REVIEW_H
#define PA_EMIT_REVIEW_H

#include "diff/census.h"
#include "diff/diff.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <stdbool.h>

/* "in sync", "drift: 3 statements to apply, destructive (needs
 * --unsafe)"..., without a line break. */
void review_verdict(strbuf *out, const pa_plan *p, const pa_census_diff *census, bool unsafe);

/* A change a reviewer reads on its own: not one rebuilt only for a
 * dependency, nor the drop of what goes with its dropped parent (a
 * dropped table's columns): the parent's change says those. */
bool review_shows(const pa_diff *d, const pa_change *c);

/* text as HTML character data or an attribute value: &, <, >, " and '
 * as entities; the rest (UTF-8 included) as it is. */
void html_text(strbuf *out, const char *text);
/* The same for len bytes of text. */
void html_text_len(strbuf *out, const char *text, size_t len);

#endif
