/* What other code reads and writes of an index and of a constraint. */
#ifndef PA_KINDS_INDEX_H
#define PA_KINDS_INDEX_H

#include "model/model.h"

/* "CREATE [UNIQUE ]INDEX name ON ..." as pg_get_indexdef prints it; NULL
 * for an object that is not an index. */
const char *index_definition(const pa_object *o);
/* After a rename: the definition that says the new name. */
void index_set_definition(pa_model *m, pa_object *index, const char *definition);
/* "PRIMARY KEY (id)", "CHECK (...)": pg_get_constraintdef's words; NULL
 * for an object that is not a table's constraint. */
const char *constraint_definition(const pa_object *o);

#endif
