/* --format html: a review page for a plan, one self-contained file (its
 * style and script inline; nothing loaded from anywhere). The verdict,
 * the changes per kind, hazards, losses, renames and what is held back
 * or not compared at the top; a picture of the changed tables and their
 * foreign-key neighbours; each changed object grouped by schema and kind,
 * its definitions in FROM and TARGET side by side with the plan's
 * statements for it beside them, filtered by kind and hazard; the plan. */
#ifndef PA_EMIT_HTML_H
#define PA_EMIT_HTML_H

#include "diff/census.h"
#include "diff/diff.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <stdbool.h>

/* As emit_summary_text takes them. */
void emit_html(strbuf *out, const pa_diff *d, const pa_plan *p, const pa_census_diff *census,
               const pa_loss_list *losses, bool unsafe);

#endif
