/* Column definitions, shared by CREATE TABLE and ADD COLUMN. */
#ifndef PA_KINDS_COLUMN_H
#define PA_KINDS_COLUMN_H

#include "model/model.h"
#include "util/strbuf.h"

void column_definition(strbuf *sb, const pa_object *col);

#endif
