/* Renames: a table or column that TARGET has under a new name is renamed
 * in place (ALTER ... RENAME), keeping its rows, instead of dropped and
 * added. The user names them (--rename public.t.name=full_name), or takes
 * the ones the evidence supports (--detect-renames); without either, the
 * diff keeps migra's drop + add and only says what looks like a rename.
 *
 * A rename is applied to FROM's model before the diff: the object and its
 * sub-objects get the new name, and the definitions of what depends on it
 * (indexes, constraints, views, policies...) name it as the server will
 * after the RENAME, which adapts them itself. */
#ifndef PA_RENAME_H
#define PA_RENAME_H

#include "diff/diff.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pa_rename {
    char *schema;
    char *table;        /* the table, or the column's table (old name) */
    char *column;       /* NULL when the table is renamed */
    char *new_name;
    char *evidence;     /* why it looks like a rename (detected ones), or NULL */
} pa_rename;

struct pa_rename_list {
    pa_rename *items;
    size_t count;
    size_t alloc;
};
typedef struct pa_rename_list pa_rename_list;

/* "schema.table=new" or "schema.table.column=new"; parts as in SQL
 * (unquoted ones folded to lower case, "Quoted" ones kept). */
bool rename_parse(pa_rename_list *list, const char *arg, strbuf *err);
void rename_list_free(pa_rename_list *list);

/* Apply each rename to from (checked against from and to: the old name in
 * FROM only, the new one in TARGET only); false with the reason in err. */
bool rename_apply(pa_model *from, const pa_model *to, const pa_rename_list *list,
                  strbuf *err);

/* Likely renames among d's drops and adds: a column dropped and one added
 * in the same table with the same type (and position, or the only pair);
 * a table dropped and one added in the same schema with the same columns. */
void rename_detect(const pa_diff *d, pa_rename_list *out);

/* "public.t.name" / "public.t" (quoted where needed), and the statement. */
void rename_old_name(strbuf *sb, const pa_rename *r);
void rename_statement(strbuf *sb, const pa_rename *r);

/* text with every identifier equal to old (outside literals and comments)
 * written as new, quoted as needed. */
void rename_identifier(strbuf *out, const char *text, const char *old, const char *new);

#endif
