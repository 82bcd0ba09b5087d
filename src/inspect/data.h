/* The rows of the --data tables (kinds/data_row.c), read after the
 * catalogs: which columns to read, and how rows refer to one another, are
 * known only then. Two queries whatever the number of tables: one for
 * the tables' keys, columns and foreign keys, one for all their rows. */
#ifndef PA_INSPECT_DATA_H
#define PA_INSPECT_DATA_H

#include "model/filter.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* The default of --data-limit. */
#define DATA_LIMIT_DEFAULT 10000

/* Read the rows of f's --data tables that conn's database has into m,
 * which holds its catalog already (linked): one object a row, depending
 * on its table's columns and on the rows its foreign keys name. In a
 * transaction of its own, or in a savepoint of the caller's (apply), the
 * settings it needs undone after. False, with a one-line reason, for a
 * table without a primary key, one over f->data_limit rows, or an error. */
bool inspect_data(PGconn *conn, const pa_filter *f, pa_model *m, strbuf *err);

/* False, saying which, when a --data table is on neither side: a name
 * mistyped must not read as rows in sync. */
bool data_tables_found(const pa_filter *f, const pa_model *from, const pa_model *to,
                       strbuf *err);

#endif
