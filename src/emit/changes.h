/* For review: each changed object's definition in FROM and in TARGET,
 * the unified diff of the two, and the plan's statements for it, taken
 * from the two models (not by reading the databases again). JSON plans
 * carry them as "changes"; --format summary -v shows the diffs. */
#ifndef PA_EMIT_CHANGES_H
#define PA_EMIT_CHANGES_H

#include "model/model.h"
#include "plan/plan.h"
#include "util/strbuf.h"

#include <jansson.h>

/* An object as a reviewer reads it: one "attribute: value" line a
 * compared attribute that is set, a value of several lines indented under
 * it; secrets' digests left out. Nothing for NULL. */
void object_definition(strbuf *out, const pa_object *o);

/* [{kind, name, action, before, after, diff, statements}] for each
 * change of p's diff, in the diff's order. */
json_t *changes_json(const pa_plan *p);

/* The summary's paragraph: each object altered or replaced, with the
 * diff of its definitions indented under it. */
void changes_text(strbuf *out, const pa_plan *p);

#endif
