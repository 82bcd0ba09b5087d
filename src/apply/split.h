/* Splitting a SQL plan into statements (split.c). */
#ifndef PA_APPLY_SPLIT_H
#define PA_APPLY_SPLIT_H

#include "plan/plan.h"

/* Append each statement of script to p, with the hazards its
 * "-- hazards:" comment names. */
void sql_split(const char *script, pa_plan *p);

/* The transaction control a statement is ("COMMIT", "BEGIN", ...), which
 * would end or nest the one transaction apply runs a plan in; NULL for
 * any other statement (SAVEPOINT and ROLLBACK TO stay inside it). */
const char *sql_transaction_control(const char *stmt);

#endif
