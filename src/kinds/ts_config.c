/* Text search configurations: a parser, and for each of its token types
 * the dictionaries to try in turn. The parser is fixed (a change is drop
 * and create, with the columns and indexes that use the configuration
 * rebuilt around it); mappings are added, changed and dropped one token
 * type at a time with ALTER TEXT SEARCH CONFIGURATION. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"
#include "util/sqlscan.h"

#include <string.h>

/* The mappings, one a line in the order of the token types:
 *     asciiword WITH public.english_syn, english_stem
 * token types by the parser's alias for them (pg_dump's way), the
 * dictionaries as regdictionary (bare in pg_catalog). The configuration
 * depends on its dictionaries in pg_depend. */
static const char ts_config_query[] =
    "SELECT n.nspname AS schema, c.cfgname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_ts_config", "c.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " " PA_SQL_QUALIFIED("pn.nspname", "p.prsname") " AS parser,"
    " (SELECT string_agg(quote_ident(t.alias) || ' WITH ' || m.dicts, E'\\n'"
    "   ORDER BY m.maptokentype)"
    "  FROM (SELECT mm.maptokentype, string_agg(mm.mapdict::regdictionary::text, ', '"
    "    ORDER BY mm.mapseqno) AS dicts"
    "   FROM pg_ts_config_map mm WHERE mm.mapcfg = c.oid GROUP BY mm.maptokentype) m"
    "  JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype) AS mappings,"
    " cm.description AS comment"
    " FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace"
    " JOIN pg_ts_parser p ON p.oid = c.cfgparser"
    " JOIN pg_namespace pn ON pn.oid = p.prsnamespace"
    PA_SQL_COMMENT_JOIN("pg_ts_config", "c.oid", "0")
    " WHERE c.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_ts_config", "c.oid");

enum { CFG_PARSER, CFG_MAPPINGS, CFG_COMMENT, CFG_NATTRS };
static const pa_attr_rule ts_config_attrs[] = {
    [CFG_PARSER] = {"parser", ATTR_REPLACE, NONEMPTY},
    [CFG_MAPPINGS] = {"mappings", ATTR_ALTER, OPTIONAL},
    [CFG_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(ts_config_attrs, CFG_NATTRS);

typedef struct ts_mapping {
    const char *token;
    size_t token_len;
    const char *dicts;
    size_t dicts_len;
} ts_mapping;

/* Past one dictionary name (schema.name or name) at s; s if none. */
static const char *skip_dictionary(const char *s)
{
    const char *end = sql_skip_name(s);
    if (end != s && *end == '.') {
        const char *name_end = sql_skip_name(end + 1);
        end = name_end == end + 1 ? s : name_end;
    }
    return end;
}

/* The mapping at *s into m, and *s past it and its newline. False at the
 * end, or where the text is not written as above. Names are read as SQL
 * (a quoted one may hold a newline). */
static bool next_mapping(const char **s, ts_mapping *m)
{
    const char *at = *s;
    if (!at || !*at)
        return false;
    const char *end = sql_skip_name(at);
    if (end == at || strncmp(end, " WITH ", 6) != 0)
        return false;
    m->token = at;
    m->token_len = (size_t)(end - at);
    m->dicts = end + 6;
    for (at = m->dicts;; at += 2) {
        end = skip_dictionary(at);
        if (end == at)
            return false;
        at = end;
        if (strncmp(at, ", ", 2) != 0)
            break;
    }
    if (*at && *at != '\n')
        return false;
    m->dicts_len = (size_t)(at - m->dicts);
    *s = *at ? at + 1 : at;
    return true;
}

static bool find_mapping(const char *list, const ts_mapping *m, ts_mapping *found)
{
    for (const char *s = list; next_mapping(&s, found);) {
        if (found->token_len == m->token_len &&
            strncmp(found->token, m->token, m->token_len) == 0)
            return true;
    }
    return false;
}

static void ts_config_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TEXT SEARCH CONFIGURATION ");
    kind_qualified(sb, o);
}

/* ALTER TEXT SEARCH CONFIGURATION c <action> MAPPING FOR token [WITH ...] */
static void mapping_stmt(pa_plan *p, const pa_object *o, const char *action,
                         const ts_mapping *m, bool with_dicts)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER ");
    ts_config_target(sb, o);
    sb_addf(sb, " %s MAPPING FOR %.*s", action, (int)m->token_len, m->token);
    if (with_dicts)
        sb_addf(sb, " WITH %.*s", (int)m->dicts_len, m->dicts);
}

static void ts_config_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    ts_config_target(sb, to);
    sb_addf(sb, " (PARSER = %s)", to->values[CFG_PARSER]);
    ts_mapping m;
    for (const char *s = to->values[CFG_MAPPINGS]; next_mapping(&s, &m);)
        mapping_stmt(p, to, "ADD", &m, true);
}

static void ts_config_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                            const bool *changed)
{
    if (!changed[CFG_MAPPINGS])
        return;
    const char *old = from->values[CFG_MAPPINGS], *new = to->values[CFG_MAPPINGS];
    ts_mapping m, was;
    for (const char *s = old; next_mapping(&s, &m);) {
        if (!find_mapping(new, &m, &was))
            mapping_stmt(p, to, "DROP", &m, false);
    }
    for (const char *s = new; next_mapping(&s, &m);) {
        if (!find_mapping(old, &m, &was))
            mapping_stmt(p, to, "ADD", &m, true);
        else if (was.dicts_len != m.dicts_len || strncmp(was.dicts, m.dicts, m.dicts_len) != 0)
            mapping_stmt(p, to, "ALTER", &m, true);
    }
}

/* The mappings must read as above: the plan takes them apart. */
static bool ts_config_validate(const pa_object *o, strbuf *err)
{
    const char *s = o->values[CFG_MAPPINGS];
    ts_mapping m;
    while (next_mapping(&s, &m))
        ;
    if (s && *s) {
        sb_addf(err, "mappings are not lines of \"token WITH dictionaries\": %s",
                o->values[CFG_MAPPINGS]);
        return false;
    }
    return true;
}

const pa_kind kind_ts_config = {
    .name = "text_search_configuration",
    .rank = 44,
    .snapshot_since = 4,
    .census_what = "text search configuration",
    .query = ts_config_query,
    .attrs = KIND_ATTRS(ts_config_attrs),
    .schema_filtered = true,
    .alter_remakes_deps = true,
    .target = ts_config_target,
    .create = ts_config_create,
    .alter = ts_config_alter,
    .validate = ts_config_validate,
};
