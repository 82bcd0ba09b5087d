/* Text search dictionaries: a template and its options. The template is
 * fixed (a change is drop and create, with the configurations that use the
 * dictionary rebuilt around it); the options change with ALTER TEXT SEARCH
 * DICTIONARY. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"
#include "util/sqlscan.h"

#include <string.h>

/* The options as the server keeps them (pg_dump prints them so too):
 *     language = 'english', stopwords = 'english', accept = 0
 * in the order they were given; NULL when there are none. */
static const char ts_dictionary_query[] =
    "SELECT n.nspname AS schema, d.dictname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_ts_dict", "d.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " " PA_SQL_QUALIFIED("tn.nspname", "t.tmplname") " AS template,"
    " d.dictinitoption AS options,"
    " cm.description AS comment"
    " FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace"
    " JOIN pg_ts_template t ON t.oid = d.dicttemplate"
    " JOIN pg_namespace tn ON tn.oid = t.tmplnamespace"
    PA_SQL_COMMENT_JOIN("pg_ts_dict", "d.oid", "0")
    " WHERE d.oid >= 16384 AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_ts_dict", "d.oid");

enum { DICT_TEMPLATE, DICT_OPTIONS, DICT_COMMENT, DICT_NATTRS };
static const pa_attr_rule ts_dictionary_attrs[] = {
    [DICT_TEMPLATE] = {"template", ATTR_REPLACE, NONEMPTY},
    [DICT_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [DICT_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(ts_dictionary_attrs, DICT_NATTRS);

/* The name of the option at *s into name (name_len bytes), and *s past
 * the option and its ", ". A value is a number or a '...' or E'...'
 * literal. False at the end, or where the text is not such a list. */
static bool next_option(const char **s, const char **name, size_t *name_len)
{
    const char *at = *s;
    if (!at || !*at)
        return false;
    const char *end = sql_skip_name(at);
    if (end == at || strncmp(end, " = ", 3) != 0)
        return false;
    *name = at;
    *name_len = (size_t)(end - at);
    const char *value = end + 3;
    if (*value == '\'')
        end = sql_skip_quoted(value, false);
    else if (*value == 'E' && value[1] == '\'')
        end = sql_skip_quoted(value + 1, true);
    else
        end = value + strcspn(value, ",");
    if (end == value || (*end && strncmp(end, ", ", 2) != 0))
        return false;
    *s = *end ? end + 2 : end;
    return true;
}

static bool has_option(const char *list, const char *name, size_t name_len)
{
    const char *other;
    size_t other_len;
    for (const char *s = list; next_option(&s, &other, &other_len);) {
        if (other_len == name_len && strncmp(other, name, name_len) == 0)
            return true;
    }
    return false;
}

static void ts_dictionary_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "TEXT SEARCH DICTIONARY ");
    kind_qualified(sb, o);
}

static void ts_dictionary_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    ts_dictionary_target(sb, to);
    sb_addf(sb, " (TEMPLATE = %s", to->values[DICT_TEMPLATE]);
    if (to->values[DICT_OPTIONS])
        sb_addf(sb, ", %s", to->values[DICT_OPTIONS]);
    sb_addc(sb, ')');
}

/* One ALTER: an option named without a value is removed, one with a value
 * is removed and added at the end. So the old options TARGET lacks are
 * named, then all of TARGET's are given in its order, which leaves the
 * list as TARGET has it (order and all). */
static void ts_dictionary_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                                const bool *changed)
{
    if (!changed[DICT_OPTIONS])
        return;
    const char *old = from->values[DICT_OPTIONS], *new = to->values[DICT_OPTIONS];
    strbuf list = STRBUF_INIT;
    const char *name;
    size_t name_len;
    for (const char *s = old; next_option(&s, &name, &name_len);) {
        if (!has_option(new, name, name_len))
            sb_addf(&list, "%s%.*s", list.len ? ", " : "", (int)name_len, name);
    }
    if (new)
        sb_addf(&list, "%s%s", list.len ? ", " : "", new);
    if (list.len) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "ALTER ");
        ts_dictionary_target(sb, to);
        sb_addf(sb, " (%s)", list.buf);
    }
    sb_release(&list);
}

/* The options must read as a list: ALTER names the ones to remove. */
static bool ts_dictionary_validate(const pa_object *o, strbuf *err)
{
    const char *s = o->values[DICT_OPTIONS], *name;
    size_t name_len;
    while (next_option(&s, &name, &name_len))
        ;
    if (s && *s) {
        sb_addf(err, "options are not a list of name = value: %s", o->values[DICT_OPTIONS]);
        return false;
    }
    return true;
}

const pa_kind kind_ts_dictionary = {
    .name = "text_search_dictionary",
    .rank = 43,
    .snapshot_since = 4,
    .census_what = "text search dictionary",
    .query = ts_dictionary_query,
    .attrs = KIND_ATTRS(ts_dictionary_attrs),
    .schema_filtered = true,
    .target = ts_dictionary_target,
    .create = ts_dictionary_create,
    .alter = ts_dictionary_alter,
    .validate = ts_dictionary_validate,
};
