/* The plan: ordered statements that turn FROM into TARGET, each with the
 * hazards it carries. Built from a diff by plan_build(). */
#ifndef PA_PLAN_H
#define PA_PLAN_H

#include "diff/diff.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* What a statement risks, shown above it and in JSON plans. */
enum {
    HAZ_DATA_LOSS = 1u << 0,        /* destructive: needs --unsafe */
    HAZ_TABLE_REWRITE = 1u << 1,    /* rewrites every row of a table */
    HAZ_ACCESS_EXCLUSIVE = 1u << 2, /* blocks reads and writes while it runs */
    HAZ_VALIDATES_ROWS = 1u << 3,   /* scans rows; fails if one violates it */
    HAZ_INDEX_BUILD = 1u << 4,      /* builds an index (blocks writes) */
    HAZ_NO_TRANSACTION = 1u << 5,   /* cannot run in a transaction block */
};
#define PA_NHAZARDS 6
/* "data-loss" for HAZ_DATA_LOSS, and so on; index is the bit number. */
extern const char *const pa_hazard_names[PA_NHAZARDS];

/* What preflight must check on FROM's rows before the statement runs. */
typedef enum check_type {
    CHECK_NONE,
    CHECK_NOT_NULL,     /* column: rows where it is NULL */
    CHECK_EMPTY_TABLE,  /* a NOT NULL column without default: any row */
    CHECK_CONSTRAINT,   /* definition: CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY */
    CHECK_UNIQUE_INDEX, /* definition: CREATE UNIQUE INDEX ... */
    CHECK_CAST,         /* column to definition (a type, or a cast chain
                         * "text::type"): values that fail; with name (the
                         * old type) for a lossy change, also the values
                         * the conversion alters */
    /* What a destructive statement loses: counted and shown, never a
     * failure. */
    CHECK_LOSS_ROWS,    /* the table's rows (DROP TABLE) */
    CHECK_LOSS_VALUES,  /* the column's non-null values (DROP COLUMN) */
} check_type;
#define CHECK_LAST CHECK_LOSS_VALUES

typedef struct pa_check {
    check_type type;
    char *table;        /* "schema"."table", always quoted */
    char *column;       /* "column", for NOT NULL, empty table and casts */
    char *name;         /* constraint or index name, unquoted */
    char *definition;
} pa_check;

typedef struct pa_stmt {
    strbuf sql;
    unsigned hazards;
    pa_check check;
    /* Runs on its own, after what comes before it is committed (--online:
     * CONCURRENTLY, or a long VALIDATE that should hold no other lock). */
    bool standalone;
} pa_stmt;

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
    pa_stmt *stmts;
    size_t nstmts;
    size_t alloc;
    size_t cycles_broken;
    strbuf warnings;        /* one "pgalign: warning: ..." line each */
    unsigned op_hazards;    /* ORed into statements of the op being emitted */
    bool online;            /* --online: build and validate without long locks */
};

typedef struct pa_plan pa_plan;

/* Order the diff's operations and render their statements. */
void plan_build(pa_plan *p, const pa_diff *d, bool online);
void plan_free(pa_plan *p);
/* Free what one statement holds (taking it out of a plan). */
void plan_stmt_release(pa_stmt *s);

/* For the kinds: start a new statement and return its text buffer. */
strbuf *plan_stmt(pa_plan *p, unsigned hazards);
/* Attach a preflight check to the statement just started; o names the
 * table (schema and table, or schema and name for tables); column is a
 * plain name (quoted here). */
void plan_check(pa_plan *p, check_type type, const pa_object *o,
                const char *column, const char *name, const char *definition);
/* Mark the statement just started as standalone (see pa_stmt). */
void plan_standalone(pa_plan *p);
/* Append the names of hazards ("data-loss, table-rewrite"). */
void plan_hazard_list(strbuf *sb, unsigned hazards);
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
