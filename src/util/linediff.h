/* A unified diff of two texts, line by line, as diff -u prints one (with
 * three lines of context), for showing a reviewer what changed in an
 * object's definition. */
#ifndef PA_UTIL_LINEDIFF_H
#define PA_UTIL_LINEDIFF_H

#include "util/strbuf.h"

/* Append the hunks ("@@ -1,3 +1,4 @@" and their lines) that turn before
 * into after; nothing when they are equal. Texts too long to compare line
 * by line at a reasonable cost are shown as all lines removed, then all
 * added. */
void linediff_unified(strbuf *out, const char *before, const char *after);

/* Every line of the two texts in the diff's order, for a side-by-side
 * view: type is ' ' (in both), '-' (before only) or '+' (after only);
 * text is not NUL-terminated (len bytes, no line break). */
typedef void linediff_fn(void *ctx, char type, const char *text, size_t len);
void linediff_each(const char *before, const char *after, linediff_fn *fn, void *ctx);

#endif
