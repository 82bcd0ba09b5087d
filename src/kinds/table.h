/* What other kinds read of a table. */
#ifndef PA_KINDS_TABLE_H
#define PA_KINDS_TABLE_H

#include "model/model.h"
#include "plan/stmt.h"
#include "util/strbuf.h"

/* "RANGE (a)" for a partitioned table; NULL for any other table or
 * object. */
const char *table_partition_key(const pa_object *o);
/* "FULL" or "NOTHING" when the table says so itself; NULL for DEFAULT,
 * an index (index.c) or an object that is not a table. */
const char *table_replica_identity(const pa_object *o);

/* Pieces of CREATE [FOREIGN] TABLE for a new table (or foreign table)
 * to: " (columns)" of its own, "\nINHERITS (...)", and what the column
 * definitions cannot say, as statements after it. */
void table_columns_clause(strbuf *sb, const pa_object *to);
void table_inherits_clause(strbuf *sb, const pa_object *to);
void table_columns_after_create(pa_plan *p, const pa_object *to);

#endif
