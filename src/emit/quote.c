#include "emit/quote.h"

#include <stdlib.h>
#include <string.h>

/* Keywords that are not UNRESERVED in any of PostgreSQL 14 to 18
 * (pg_get_keywords() with catcode <> 'U': the words of 15, and
 * system_user and the SQL/JSON words of 16 and 17), sorted for bsearch.
 * Such words are quoted as identifiers: a plan must read the same on every
 * major (quoting a word a server does not reserve is harmless). */
static const char *const reserved_keywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc",
    "asymmetric", "authorization", "between", "bigint", "binary", "bit",
    "boolean", "both", "case", "cast", "char", "character", "check",
    "coalesce", "collate", "collation", "column", "concurrently",
    "constraint", "create", "cross", "current_catalog", "current_date",
    "current_role", "current_schema", "current_time", "current_timestamp",
    "current_user", "dec", "decimal", "default", "deferrable", "desc",
    "distinct", "do", "else", "end", "except", "exists", "extract", "false",
    "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
    "greatest", "group", "grouping", "having", "ilike", "in", "initially",
    "inner", "inout", "int", "integer", "intersect", "interval", "into",
    "is", "isnull", "join", "json", "json_array", "json_arrayagg",
    "json_exists", "json_object", "json_objectagg", "json_query",
    "json_scalar", "json_serialize", "json_table", "json_value", "lateral",
    "leading", "least", "left", "like", "limit", "localtime",
    "localtimestamp", "merge_action", "national", "natural", "nchar",
    "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
    "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
    "overlay", "placing", "position", "precision", "primary", "real",
    "references", "returning", "right", "row", "select", "session_user",
    "setof", "similar", "smallint", "some", "substring", "symmetric",
    "system_user", "table", "tablesample", "then", "time", "timestamp",
    "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
    "using", "values", "varchar", "variadic", "verbose", "when", "where",
    "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
    "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
    "xmlroot", "xmlserialize", "xmltable",
};

static int compare_keyword(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static bool is_reserved_keyword(const char *name)
{
    return bsearch(name, reserved_keywords,
                   sizeof(reserved_keywords) / sizeof(reserved_keywords[0]),
                   sizeof(reserved_keywords[0]), compare_keyword) != NULL;
}

bool sql_ident_needs_quotes(const char *name)
{
    if (!name[0])
        return true;
    if (!((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_'))
        return true;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return true;
    }
    return is_reserved_keyword(name);
}

void sql_ident(strbuf *sb, const char *name)
{
    if (!sql_ident_needs_quotes(name)) {
        sb_adds(sb, name);
        return;
    }
    sql_ident_quoted(sb, name);
}

void sql_ident_quoted(strbuf *sb, const char *name)
{
    sb_addc(sb, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"')
            sb_addc(sb, '"');
        sb_addc(sb, *p);
    }
    sb_addc(sb, '"');
}

void sql_qualified(strbuf *sb, const char *schema, const char *name)
{
    if (schema) {
        sql_ident(sb, schema);
        sb_addc(sb, '.');
    }
    sql_ident(sb, name);
}

/* Backslashes make the literal an E'' string, so it reads the same whether
 * or not standard_conforming_strings is on (as pg_dump does). */
void sql_literal(strbuf *sb, const char *value)
{
    bool escape = strchr(value, '\\') != NULL;
    if (escape)
        sb_addc(sb, 'E');
    sb_addc(sb, '\'');
    for (const char *p = value; *p; p++) {
        if (*p == '\'' || (escape && *p == '\\'))
            sb_addc(sb, *p);
        sb_addc(sb, *p);
    }
    sb_addc(sb, '\'');
}

void sql_literal_or_null(strbuf *sb, const char *value)
{
    if (value)
        sql_literal(sb, value);
    else
        sb_adds(sb, "NULL");
}
