/* Stand-ins for extensions that define types, on a server that lacks
 * them: when a SQL source's CREATE EXTENSION was taken out (extskip.h),
 * the types, functions, operators and index methods its files use are
 * made by pgalign's own SQL (source/standin_<name>.sql, one a extension),
 * so that the rest loads: columns of those types, indexes of those
 * methods, functions that take them. They are marked as the extension's
 * (pg_depend), so they are left out of the model as an extension's own
 * objects are; the plan still says CREATE EXTENSION. Only in the
 * temporary cluster. Where the extension is installed, it is used. */
#ifndef PA_EXTSTANDIN_H
#define PA_EXTSTANDIN_H

#include "source/extskip.h"
#include "util/strbuf.h"

#include <libpq-fe.h>
#include <stdbool.h>

/* Whether an extension of recorded has a stand-in. */
bool extstandin_any(const pa_ext_list *recorded);

/* Before a file runs: the stand-in of each extension recorded (not
 * created) that has one and that conn's database lacks, in the schema
 * its CREATE EXTENSION named (else the first of the search_path). False,
 * with the reason in err. */
bool extstandin_prepare(PGconn *conn, const pa_ext_list *recorded, strbuf *err);

/* Rewrite text for the stand-ins of recorded: the options of a CREATE
 * INDEX of a method a stand-in makes (hnsw's m, ivfflat's lists), which
 * the method it borrows refuses, are taken out and set on the index after
 * it (pg_class.reloptions, as the real method would have them). Lines
 * keep their numbers. Whether anything changed. */
bool extstandin_rewrite(strbuf *text, const pa_ext_list *recorded);

/* The same for one statement of a plan (a copy built on the temporary
 * cluster): stmt loses the options, and after gets the statement that
 * sets them, to run next. Whether stmt needs it. */
bool extstandin_split(strbuf *stmt, strbuf *after, const pa_ext_list *recorded);

#endif
