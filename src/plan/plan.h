/* The plan: ordered statements that turn FROM into TARGET, each with the
 * hazards it carries. Built from a diff by plan_build(). */
#ifndef PA_PLAN_H
#define PA_PLAN_H

#include "diff/diff.h"
#include "plan/stmt.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* What the preflight counted a destructive statement loses in FROM:
 * "DROP TABLE public.t loses" 5 "row"s. */
typedef struct pa_loss {
    size_t stmt;        /* index in the plan's statements */
    long long count;
    char *what;
    char *unit;
} pa_loss;

typedef struct pa_loss_list {
    pa_loss *items;
    size_t count;
    size_t alloc;
} pa_loss_list;

void loss_list_free(pa_loss_list *list);
/* "DROP TABLE public.t loses 5 rows" */
void loss_text(strbuf *sb, const pa_loss *loss);

struct pa_plan {
    const pa_model *from;
    const pa_model *to;
    const pa_diff *diff;
    pa_stmt **stmts;        /* each its own allocation: kinds hold them */
    size_t nstmts;
    size_t alloc;
    size_t cycles_broken;
    strbuf warnings;        /* one "pgalign: warning: ..." line each */
    char **notes;           /* plan_note's lines (plan_add_note) */
    size_t nnotes;
    size_t notes_alloc;
    unsigned op_hazards;    /* ORed into statements of the op being emitted */
    const pa_change *op_change; /* the change of the op being emitted */
    /* --additive: the changes it holds back (plan/expand.h); else NULL. */
    const struct pa_deferred_list *deferred;
    bool online;            /* --online: build and validate without long locks */
};

/* Order the diff's operations and render their statements. */
void plan_build(pa_plan *p, const pa_diff *d, bool online);
void plan_free(pa_plan *p);
/* Free a statement taken out of a plan. */
void plan_stmt_free(pa_stmt *s);

/* Keep a note of one line (plan_note's, or one a plan file holds). */
void plan_add_note(pa_plan *p, const char *line);
/* Append the names of hazards ("data-loss, table-rewrite"). */
void plan_hazard_list(strbuf *sb, unsigned hazards);
size_t plan_count_hazard(const pa_plan *p, unsigned hazard);

#endif
