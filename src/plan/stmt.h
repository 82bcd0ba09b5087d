/* What a kind sees of the plan it adds to: statements it starts, the
 * check and marks on each, and the models on either side. The rest of
 * pa_plan (plan/plan.h) is the planner's, emitters' and apply's. */
#ifndef PA_PLAN_STMT_H
#define PA_PLAN_STMT_H

#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_plan pa_plan;
struct pa_change;

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
    /* A DELETE of the rows definition selects (a --data row): the rows of
     * other tables whose foreign keys it cascades to (counted, a loss),
     * and those still referencing it without (a failure). name lists the
     * tables, as SQL literals, whose rows the plan itself deletes or
     * changes first (the --data tables): theirs are left out. */
    CHECK_DELETE,
} check_type;
#define CHECK_LAST CHECK_DELETE

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
    /* The change of the diff it is part of (set by the planner); NULL for
     * what no one change asks (a rename, a session setting). */
    const struct pa_change *change;
} pa_stmt;

/* Start a new statement, with the hazards it carries, and return it: its
 * SQL is written into sql. It stays where it is as others are added. */
pa_stmt *plan_stmt(pa_plan *p, unsigned hazards);
/* Attach the preflight check of stmt (one a statement: a second is a bug
 * and aborts); o names the table (schema and table, or schema and name
 * for tables); column is a plain name (quoted here). None for a table
 * whose rows are elsewhere (a foreign table), whose statements then
 * neither validate nor rewrite rows either. */
void plan_check(pa_stmt *stmt, check_type type, const pa_object *o,
                const char *column, const char *name, const char *definition);
/* Mark stmt standalone (see pa_stmt). */
void plan_standalone(pa_stmt *stmt);
/* Tell the user about something the plan cannot do. */
void plan_warn(pa_plan *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Something the user must do by hand (set a secret): a comment at the end
 * of the plan, "notes" in a JSON plan, and a warning on stderr. One line,
 * without a newline. */
void plan_note(pa_plan *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The statements that drop or create (with comment) one object, for kinds
 * that must move other objects out of the way themselves. */
void plan_drop_object(pa_plan *p, const pa_object *from);
void plan_create_object(pa_plan *p, const pa_object *to);
/* COMMENT ON the object with its comment, when it has one. */
void plan_comment(pa_plan *p, const pa_object *o);
/* Whether the source object will be dropped (removed or replaced). */
bool plan_drops(const pa_plan *p, const pa_object *from);
/* The two sides, and whether the plan is --online (build and validate
 * without long locks). */
const pa_model *plan_from(const pa_plan *p);
const pa_model *plan_to(const pa_plan *p);
bool plan_online(const pa_plan *p);

#endif
