/* --format markdown: a pull-request comment for a plan. A headline, the
 * changes per kind, hazards, what the destructive statements lose, the
 * renames, what is held back or left to be done by hand or not compared,
 * each changed object's definitions as a diff inside <details>, and the
 * plan; cut to the 64 KB a comment holds, saying what was left out. */
#ifndef PA_EMIT_MARKDOWN_H
#define PA_EMIT_MARKDOWN_H

#include "diff/census.h"
#include "diff/diff.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <stdbool.h>

/* What a GitHub comment holds, in characters (bytes are never fewer). */
#define MARKDOWN_LIMIT 65536

/* The comment's first line, which a reader does not see: CI finds by it
 * the comment pgalign left before, to update it rather than add one. */
#define MARKDOWN_MARKER "<!-- pgalign -->"

/* As emit_summary_text takes them; limit is MARKDOWN_LIMIT but for tests. */
void emit_markdown(strbuf *out, const pa_diff *d, const pa_plan *p,
                   const pa_census_diff *census, const pa_loss_list *losses, bool unsafe,
                   size_t limit);

#endif
