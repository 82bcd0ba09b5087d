/* The plan: ordered statements that turn FROM into TARGET, each with the
 * hazards it carries. Built from a diff by plan_build(). */
#ifndef PA_PLAN_H
#define PA_PLAN_H

#include "diff/diff.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    HAZ_DATA_LOSS = 1u << 0,   /* destructive: needs --unsafe */
};

typedef struct pa_stmt {
    strbuf sql;
    unsigned hazards;
} pa_stmt;

struct pa_plan {
    const pa_model *from;
    const pa_model *to;
    const pa_diff *diff;
    pa_stmt *stmts;
    size_t nstmts;
    size_t alloc;
    size_t cycles_broken;
    strbuf warnings;        /* one "pgalign: warning: ..." line each */
    unsigned op_hazards;    /* ORed into statements of the op being emitted */
};

typedef struct pa_plan pa_plan;

/* Order the diff's operations and render their statements. */
void plan_build(pa_plan *p, const pa_diff *d);
void plan_free(pa_plan *p);

/* For the kinds: start a new statement and return its text buffer. */
strbuf *plan_stmt(pa_plan *p, unsigned hazards);
/* Tell the user about something the plan cannot do. */
void plan_warn(pa_plan *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The statements that drop or create (with comment) one object, for kinds
 * that must move other objects out of the way themselves. */
void plan_drop_object(pa_plan *p, const pa_object *from);
void plan_create_object(pa_plan *p, const pa_object *to);
/* COMMENT ON the object with its comment, when it has one. */
void plan_comment(pa_plan *p, const pa_object *o);
/* Whether the source object will be dropped (removed or replaced). */
bool plan_drops(const pa_plan *p, const pa_object *from);
size_t plan_count_hazard(const pa_plan *p, unsigned hazard);

#endif
