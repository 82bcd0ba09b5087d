#include "apply/tableview.h"
#include "emit/quote.h"
#include "util/sqlscan.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* schema and table of a "schema"."table"; false (nothing to free) if the
 * text is not two names. */
static bool split_name(const char *qualified, char **schema, char **table)
{
    const char *p = qualified, *end = qualified + strlen(qualified);
    *schema = sql_name_part(&p, end);
    *table = *schema && p < end && *p == '.' ? (p++, sql_name_part(&p, end)) : NULL;
    if (*table && p == end)
        return true;
    free(*schema);
    free(*table);
    *schema = *table = NULL;
    return false;
}

static bool is_table_rename(const pa_rename *r)
{
    return r->kind == RENAME_TABLE || r->kind == RENAME_RELATION;
}

static bool is_column_rename(const pa_rename *r)
{
    return r->kind == RENAME_COLUMN || r->kind == RENAME_TABLE_PART;
}

/* FROM's name of schema.table (the plan's name): its old one if renamed. */
static const char *old_table(const pa_rename_list *renames, const char *schema,
                             const char *table)
{
    for (size_t i = 0; renames && i < renames->count; i++) {
        const pa_rename *r = &renames->items[i];
        if (is_table_rename(r) && strcmp(r->schema, schema) == 0 &&
            strcmp(r->new_name, table) == 0)
            return r->table;
    }
    return table;
}

char *tableview_from_name(const pa_rename_list *renames, const char *table)
{
    char *schema, *name;
    if (!split_name(table, &schema, &name))
        return xstrdup(table);
    strbuf sb = STRBUF_INIT;
    sql_ident_quoted(&sb, schema);
    sb_addc(&sb, '.');
    sql_ident_quoted(&sb, old_table(renames, schema, name));
    free(schema);
    free(name);
    return sb_detach(&sb);
}

/* The column renames of a table, named either way (a column rename names
 * the table as the plan's statement does). */
static bool renames_column_of(const pa_rename *r, const char *schema, const char *old,
                              const char *new)
{
    return is_column_rename(r) && strcmp(r->schema, schema) == 0 &&
           (strcmp(r->table, old) == 0 || strcmp(r->table, new) == 0);
}

char *tableview_source(const pa_rename_list *renames, const char *table)
{
    char *from = tableview_from_name(renames, table);
    char *schema, *name;
    if (!split_name(table, &schema, &name))
        return from;
    const char *old = old_table(renames, schema, name);
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; renames && i < renames->count; i++) {
        const pa_rename *r = &renames->items[i];
        if (!renames_column_of(r, schema, old, name))
            continue;
        sb_adds(&sb, sb.len ? ", " : "(SELECT *, ");
        sql_ident_quoted(&sb, r->name);
        sb_adds(&sb, " AS ");
        sql_ident_quoted(&sb, r->new_name);
    }
    free(schema);
    free(name);
    if (sb.len == 0)
        return from;
    sb_addf(&sb, " FROM %s)", from);
    free(from);
    return sb_detach(&sb);
}

/* Whether sql names the identifier name (outside literals and comments). */
static bool mentions(const char *sql, const char *name)
{
    strbuf out = STRBUF_INIT;
    rename_identifier(&out, sql, name, "pgalign_mentioned");
    bool found = strcmp(sb_str(&out), sql) != 0;
    sb_release(&out);
    return found;
}

/* One name at *s (quoted, or bare up to what cannot be in a bare name),
 * as sql_name_part reads it; NULL when none is there. */
static char *name_at(const char **s, const char *end)
{
    const char *stop = sql_skip_name(*s);
    return stop > *s && stop <= end ? sql_name_part(s, stop) : NULL;
}

/* The column that stmt adds to schema.table ("ALTER TABLE s.t ADD COLUMN
 * c ...", as plans write it), or NULL. Caller frees. */
static char *added_column(const char *stmt, const char *schema, const char *table)
{
    const char *end = stmt + strlen(stmt), *s = sql_keyword(stmt, end, "ALTER");
    s = s ? sql_keyword(sql_skip_blank(s), end, "TABLE") : NULL;
    if (!s)
        return NULL;
    s = sql_skip_blank(s);
    char *sch = name_at(&s, end);
    char *tbl = sch && *s == '.' ? (s++, name_at(&s, end)) : NULL;
    bool same = tbl && strcmp(sch, schema) == 0 && strcmp(tbl, table) == 0;
    free(sch);
    free(tbl);
    s = same ? sql_keyword(sql_skip_blank(s), end, "ADD") : NULL;
    s = s ? sql_keyword(sql_skip_blank(s), end, "COLUMN") : NULL;
    if (!s)
        return NULL;
    s = sql_skip_blank(s);
    return name_at(&s, end);
}

bool tableview_reads_added_column(const pa_plan *p, size_t before, const char *table,
                                  const char *sql)
{
    char *schema, *name;
    if (!split_name(table, &schema, &name))
        return false;
    bool found = false;
    for (size_t i = 0; !found && i < before && i < p->nstmts; i++) {
        char *column = added_column(sb_str(&p->stmts[i]->sql), schema, name);
        found = column && mentions(sql, column);
        free(column);
    }
    free(schema);
    free(name);
    return found;
}
