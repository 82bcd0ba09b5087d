/* --exclude, --include and --exclude-from: reading the patterns into the
 * filter (model/pattern.h), and saying what they did once both sides are
 * loaded. */
#ifndef PA_CMD_PATTERNS_H
#define PA_CMD_PATTERNS_H

#include "model/filter.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>

/* Add one pattern; false with the reason in err (a kind pgalign does not
 * know, a malformed name). */
bool patterns_add(pa_filter *f, const char *text, bool include, strbuf *err);
/* --exclude-from: one pattern a line; blank lines and lines whose first
 * character other than a space is # are skipped. */
bool patterns_add_file(pa_filter *f, const char *path, strbuf *err);
void patterns_free(pa_filter *f);

/* Warnings, a line each: a pattern that named nothing on either side, and
 * what TARGET keeps that needs an object the patterns leave out and FROM
 * lacks (the plan cannot create it). */
void patterns_report(const pa_filter *f, const pa_model *from, const pa_model *to,
                     strbuf *warnings);

#endif
