/* Splitting a SQL plan into statements (split.c). */
#ifndef PA_APPLY_SPLIT_H
#define PA_APPLY_SPLIT_H

#include "plan/plan.h"

/* Append each statement of script to p, with the hazards its
 * "-- hazards:" comment names. */
void sql_split(const char *script, pa_plan *p);

#endif
