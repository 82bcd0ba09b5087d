/* --additive: the expand step of an expand/contract deploy. Of a diff it
 * plans only the changes that add or widen and lose nothing; the others
 * are held back for the contract step (a later plain plan, with --unsafe)
 * and listed, so that no running code loses what it still uses. */
#ifndef PA_PLAN_EXPAND_H
#define PA_PLAN_EXPAND_H

#include "diff/diff.h"
#include "plan/plan.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* A change held back, as the diff had it, and why. */
typedef struct pa_deferred {
    pa_change change;
    const char *why;        /* "drops", "data-loss", "validates-existing-rows",
                             * "revokes privileges", "needs", "waits for the
                             * drop of" */
    /* For the last two: the held-back object it needs, or whose drop must
     * come before it (a view its change would rebuild). */
    const pa_object *needs;
} pa_deferred;

typedef struct pa_deferred_list {
    pa_deferred *items;
    size_t count, alloc;
} pa_deferred_list;

/* Plan the additive part of d into p (initialized here): d is made again
 * with dopt, the changes held back taken as the same (pa_diff_options),
 * and they are listed in out, in the order of their objects.
 * Held back are drops, changes with a statement that may lose data or
 * fail on FROM's rows (a new constraint or NOT NULL on a table FROM has),
 * revoked privileges, and whatever needs a change held back (a view over
 * a column whose narrowing waits). */
void plan_build_additive(pa_plan *p, pa_diff *d, const pa_diff_options *dopt, bool online,
                         pa_deferred_list *out);
void deferred_list_free(pa_deferred_list *l);

/* What FROM will be once the additive plan is applied: TARGET's objects
 * but for those of the changes held back, which stay as FROM has them;
 * fingerprinted as model_fingerprint does. */
void expand_fingerprint(const pa_diff *d, const pa_deferred_list *held,
                        const char *const *ignored_attrs, char out[MODEL_FINGERPRINT_LEN]);

/* A diff made again once the additive plan ran (the rehearsal's, sync's
 * verification): its changes to what was held back, and rebuilds for
 * them, become CHANGE_SAME, for the rest is what should not differ. */
void expand_forget_held(pa_diff *again, const pa_deferred_list *held);

/* "drop table public.gone: drops" and the like, for messages. */
void deferred_text(strbuf *sb, const pa_deferred *item);
/* The object a held-back change is about (its action is
 * diff_action_name(&item->change)). */
const pa_object *deferred_object(const pa_deferred *item);
/* Whether item i is told: not a drop inside an object dropped too (a
 * dropped table's columns go with it). */
bool deferred_shown(const pa_deferred_list *held, size_t i);
/* As JSON: [{kind, name, action, why, needs}], those told. */
json_t *deferred_json(const pa_deferred_list *held);
/* The lines of what is told ("  drop table:...: drops"); how many. */
size_t deferred_lines(strbuf *out, const pa_deferred_list *held);
/* A summary's paragraph: what is held back, a line each; nothing when
 * held is NULL or empty. */
void deferred_summary(strbuf *out, const pa_deferred_list *held);

#endif
