/* What other kinds read of a table. */
#ifndef PA_KINDS_TABLE_H
#define PA_KINDS_TABLE_H

#include "model/model.h"

/* "RANGE (a)" for a partitioned table; NULL for any other table or
 * object. */
const char *table_partition_key(const pa_object *o);
/* "FULL" or "NOTHING" when the table says so itself; NULL for DEFAULT,
 * an index (index.c) or an object that is not a table. */
const char *table_replica_identity(const pa_object *o);

#endif
