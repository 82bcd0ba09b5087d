/* A short account of a diff: what is created, altered and dropped per
 * kind, and which statements are destructive. Text for people, JSON for
 * programs. */
#ifndef PA_EMIT_SUMMARY_H
#define PA_EMIT_SUMMARY_H

#include "diff/diff.h"
#include "plan/plan.h"
#include "util/strbuf.h"

/* losses: what the preflight counted the destructive statements lose, or
 * NULL when it did not run. unsafe: --unsafe was given (the destructive
 * statements are allowed, not asked for). colour: ANSI colours (only
 * when writing to a terminal). */
void emit_summary_text(strbuf *out, const pa_diff *d, const pa_plan *p,
                       const pa_loss_list *losses, bool unsafe, bool colour);
void emit_summary_json(strbuf *out, const pa_diff *d, const pa_plan *p,
                       const pa_loss_list *losses);

#endif
