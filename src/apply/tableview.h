/* A table as a plan's statement sees it, read in FROM as it is now: the
 * preflight counts rows before anything runs, so a check on a table or
 * column that the plan renames first must read FROM's old names, and a
 * check that reads a column the plan adds first cannot run at all. */
#ifndef PA_APPLY_TABLEVIEW_H
#define PA_APPLY_TABLEVIEW_H

#include "diff/rename.h"
#include "plan/plan.h"

#include <stdbool.h>
#include <stddef.h>

/* The table ("schema"."table", as checks name it) under FROM's name now:
 * the old name of one the plan renames. Caller frees. */
char *tableview_from_name(const pa_rename_list *renames, const char *table);

/* What to read the table as, in a FROM clause (an alias follows): FROM's
 * table, or a subquery that also gives each column the plan renames its
 * new name. Caller frees. */
char *tableview_source(const pa_rename_list *renames, const char *table);

/* Whether a statement of p before `before` adds a column to table that
 * sql names (outside literals): a count that reads it cannot run in
 * FROM. */
bool tableview_reads_added_column(const pa_plan *p, size_t before, const char *table,
                                  const char *sql);

#endif
