/* The rename-create-convert-drop swap for types PostgreSQL cannot alter
 * in place while columns use them (enum labels removed or reordered, a
 * domain's base type or collation). */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <stdio.h>
#include <string.h>

/* "" when a column's rendered type is typname, "[]" for an array of it. */
static const char *column_uses_type(const char *coltype, const char *typname)
{
    size_t n = strlen(typname);
    if (strncmp(coltype, typname, n) != 0)
        return NULL;
    if (coltype[n] == '\0')
        return "";
    if (strcmp(coltype + n, "[]") == 0)
        return "[]";
    return NULL;
}

static void convert_column(pa_plan *p, const pa_object *col, const char *suffix,
                           const char *typname, const char *via, unsigned hazards)
{
    strbuf *sb = &alter_column(p, col, hazards | HAZ_TABLE_REWRITE, "TYPE")->sql;
    sb_addf(sb, " %s%s USING ", typname, suffix);
    sql_ident(sb, col->name);
    sb_addf(sb, "::%s%s::%s%s", via, suffix, typname, suffix);
}

void kind_swap_type(pa_plan *p, const pa_object *from, const pa_object *to,
                    const char *keyword, const char *via, unsigned hazards)
{
    strbuf typname = STRBUF_INIT;
    kind_qualified(&typname, to);
    char old_name[40];
    kind_helper_name(old_name, sizeof(old_name), "pgalign_old", to);

    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_addf(sb, "ALTER %s %s RENAME TO %s", keyword, typname.buf, old_name);
    plan_create_object(p, to);
    for (size_t i = 0; i < plan_from(p)->count; i++) {
        const pa_object *col = plan_from(p)->objects[i];
        const char *type = column_type(col);
        if (col->kind != &kind_column || !type || plan_drops(p, col) ||
            column_is_inherited(col))
            continue;
        const char *suffix = column_uses_type(type, typname.buf);
        if (suffix)
            convert_column(p, col, suffix, typname.buf, via, hazards);
    }
    sb = &plan_stmt(p, hazards)->sql;
    sb_addf(sb, "DROP %s ", keyword);
    sql_qualified(sb, from->schema, old_name);
    sb_release(&typname);
}
