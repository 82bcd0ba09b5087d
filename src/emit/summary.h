/* A short account of a diff: what is created, altered and dropped per
 * kind, and which statements are destructive. Text for people, JSON for
 * programs. */
#ifndef PA_EMIT_SUMMARY_H
#define PA_EMIT_SUMMARY_H

#include "diff/census.h"
#include "diff/diff.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <jansson.h>

/* Changes per kind, in the registry's order (pa_kinds): a replacement
 * counts as altered. counts has room for pa_nkinds. */
typedef struct kind_counts {
    size_t created, altered, dropped;
} kind_counts;
void summary_count_changes(const pa_diff *d, kind_counts *counts);
/* A table of those counts, for the review formats: for each kind with a
 * change, in that order, row writes its row to out (first is true for the
 * first, which writes the table's head before it). Returns how many rows
 * there were (the caller closes a table that has any). */
typedef void (*kind_row_fn)(strbuf *out, const pa_kind *kind, const kind_counts *c,
                            bool first);
size_t summary_kind_rows(strbuf *out, const pa_diff *d, kind_row_fn row);

/* census: what was not compared (diff/census.h), or NULL. losses: what
 * the preflight counted the destructive statements lose, or NULL when it
 * did not run. unsafe: --unsafe was given (the destructive
 * statements are allowed, not asked for). colour: ANSI colours (only
 * when writing to a terminal). detail (-v): also each altered or replaced
 * object's definitions, as a diff (emit/changes.h). */
void emit_summary_text(strbuf *out, const pa_diff *d, const pa_plan *p,
                       const pa_census_diff *census, const pa_loss_list *losses,
                       bool unsafe, bool colour, bool detail);
void emit_summary_json(strbuf *out, const pa_diff *d, const pa_plan *p,
                       const pa_census_diff *census, const pa_loss_list *losses);
/* The census as a JSON array of {kind, name, where} (also in JSON plans). */
json_t *census_json(const pa_census_diff *census);

#endif
