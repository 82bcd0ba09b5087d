/* Renames: a table or column that TARGET has under a new name is renamed
 * in place (ALTER ... RENAME), keeping its rows, instead of dropped and
 * added; a constraint or index, instead of built again. The user names them
 * (--rename public.t.name=full_name), or takes the ones the evidence
 * supports (--detect-renames); without either, the diff keeps migra's
 * drop + add and only says what looks like a rename.
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

typedef enum rename_kind {
    /* --rename s.x=new or s.t.x=new before it is looked up in FROM: a
     * table or index (relations share one namespace), a column or
     * constraint (a column wins; their names rarely meet). */
    RENAME_RELATION,
    RENAME_TABLE_PART,
    RENAME_TABLE,
    RENAME_COLUMN,
    RENAME_CONSTRAINT,
    RENAME_INDEX,
} rename_kind;

typedef struct pa_rename {
    rename_kind kind;
    char *schema;
    char *table;        /* the table, or the column's or constraint's table;
                         * the index itself for an index (old names) */
    char *name;         /* the column or constraint; NULL for a table or index */
    char *new_name;
    char *evidence;     /* why it looks like a rename (detected ones), or NULL */
} pa_rename;

struct pa_rename_list {
    pa_rename *items;
    size_t count;
    size_t alloc;
};
typedef struct pa_rename_list pa_rename_list;

/* "schema.table=new", "schema.index=new", "schema.table.column=new" or
 * "schema.table.constraint=new"; parts as in SQL (unquoted ones folded to
 * lower case, "Quoted" ones kept). */
bool rename_parse(pa_rename_list *list, const char *arg, strbuf *err);
void rename_list_free(pa_rename_list *list);

/* Apply each rename to from (checked against from and to: the old name in
 * FROM only, the new one in TARGET only; what the user named is resolved
 * to its kind); false with the reason in err. */
bool rename_apply(pa_model *from, const pa_model *to, pa_rename_list *list, strbuf *err);

/* Likely renames among d's drops and adds: a column dropped and one added
 * in the same table with the same type (and position, or the only pair);
 * a table dropped and one added in the same schema with the same columns;
 * a constraint or index dropped and one added on the same table with the
 * same definition. */
void rename_detect(const pa_diff *d, pa_rename_list *out);
/* Whether new is old (a constraint or index) under another name: on the
 * same table, with the same definition (an index's with the new name). */
bool rename_same_definition(const pa_object *old, const pa_object *new);

/* "public.t.name" / "public.t" (quoted where needed), the statement, and
 * what the rename is of ("table", "column", "constraint", "index"). */
void rename_old_name(strbuf *sb, const pa_rename *r);
/* "public.t.name -> new_name": the rename as a reviewer reads it. */
void rename_text(strbuf *sb, const pa_rename *r);
void rename_statement(strbuf *sb, const pa_rename *r);
const char *rename_kind_name(const pa_rename *r);
/* Whether it keeps rows (tables, columns) rather than a build (the rest). */
bool rename_keeps_data(const pa_rename *r);

/* text with every identifier equal to old (outside literals and comments)
 * written as new, quoted as needed. */
void rename_identifier(strbuf *out, const char *text, const char *old, const char *new);

#endif
