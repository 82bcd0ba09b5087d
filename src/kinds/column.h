/* Pieces of CREATE TABLE the table's sub-objects write: column
 * definitions (shared with ADD COLUMN), identity, partition bounds. */
#ifndef PA_KINDS_COLUMN_H
#define PA_KINDS_COLUMN_H

#include "kinds/kind.h"
#include "model/model.h"
#include "plan/stmt.h"
#include "util/strbuf.h"

void column_definition(strbuf *sb, const pa_object *col);
/* "ALTER TABLE t ALTER COLUMN c " + action, as a new statement. */
pa_stmt *alter_column(pa_plan *p, const pa_object *col, unsigned hazards,
                      const char *action);
/* " GENERATED ... AS IDENTITY (...)" for a column definition. */
void identity_clause(strbuf *sb, const pa_object *identity);

/* "name type [COLLATE c]" for an attribute of a composite type. */
void type_attribute_definition(strbuf *sb, const pa_object *attribute);
/* What a column definition cannot say (SET STORAGE, a NOT VALID NOT
 * NULL), after creating the column. */
void column_after_create(pa_plan *p, const pa_object *col);
/* Whether a column's default calls a volatile function (see
 * column_default.c): adding the column then rewrites the table. */
bool column_default_is_volatile(const pa_object *dflt);
/* A column's type and collation as CREATE TABLE writes them; NULL for
 * an object that is not a column. */
const char *column_type(const pa_object *o);
const char *column_collation(const pa_object *o);
/* Its NOT NULL ("NOT NULL", "CONSTRAINT c NOT NULL") and the name of
 * that constraint where the server gives one (PostgreSQL 18). */
const char *column_not_null(const pa_object *col);
const char *column_not_null_name(const pa_object *col);
void column_set_not_null(pa_model *m, pa_object *col, const char *not_null);
/* Whether the column comes from a parent table (see column.c). */
bool column_is_inherited(const pa_object *col);
/* " PARTITION OF parent FOR VALUES ..." for CREATE TABLE. */
void partition_of_clause(strbuf *sb, const pa_object *partition);

#endif
