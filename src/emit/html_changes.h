/* The body of an HTML review (--format html): the filter by kind and
 * hazard, then each change a reviewer reads on its own, grouped by schema
 * and then kind, as an <article> with its definitions in FROM and TARGET
 * side by side and the plan's statements for it. */
#ifndef PA_EMIT_HTML_CHANGES_H
#define PA_EMIT_HTML_CHANGES_H

#include "diff/diff.h"
#include "plan/plan.h"
#include "util/strbuf.h"

/* Each article's id is "change-N", N its index in d; its data-kind,
 * data-action and data-hazards (names, space-separated) are what the
 * filter reads. */
void html_changes(strbuf *out, const pa_diff *d, const pa_plan *p);

/* The hazards of a plan's statement as badges. */
void html_hazard_badges(strbuf *out, unsigned hazards);

#endif
