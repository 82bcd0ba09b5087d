/* Procedural languages a user created (not an extension's, as plpgsql
 * and the like are; nor the built-in internal, c and sql): TRUSTED, the
 * handler, inline handler and validator. CREATE OR REPLACE LANGUAGE
 * changes any of them in place, keeping the functions written in it;
 * pg_depend orders the handler functions before the language. */
#include "kinds/kinds.h"
#include "kinds/language.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char language_query[] =
    "SELECT NULL::text AS schema, l.lanname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_language", "l.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE WHEN l.lanpltrusted THEN 'TRUSTED' END AS trusted,"
    " l.lanplcallfoid::regproc::text AS handler,"
    " NULLIF(l.laninline, 0)::regproc::text AS inline,"
    " NULLIF(l.lanvalidator, 0)::regproc::text AS validator,"
    " cm.description AS comment"
    " FROM pg_language l"
    PA_SQL_COMMENT_JOIN("pg_language", "l.oid", "0")
    " WHERE " PA_SQL_USER_LANGUAGE("l")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_language", "l.oid");

enum { LANG_TRUSTED, LANG_HANDLER, LANG_INLINE, LANG_VALIDATOR, LANG_COMMENT, LANG_NATTRS };
static const pa_attr_rule language_attrs[] = {
    [LANG_TRUSTED] = {"trusted", ATTR_ALTER, OPTIONAL},
    [LANG_HANDLER] = {"handler", ATTR_ALTER, NONEMPTY},
    [LANG_INLINE] = {"inline", ATTR_ALTER, OPTIONAL},
    [LANG_VALIDATOR] = {"validator", ATTR_ALTER, OPTIONAL},
    [LANG_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(language_attrs, LANG_NATTRS);

bool language_is_trusted(const pa_object *o)
{
    return o->values[LANG_TRUSTED] != NULL;
}

static void language_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "LANGUAGE ");
    sql_ident(sb, o->name);
}

/* The functions as regproc writes them: qualified and quoted as needed. */
static void define(pa_plan *p, const pa_object *o, const char *verb)
{
    const char *const *v = o->values;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_addf(sb, "%s %s", verb, v[LANG_TRUSTED] ? "TRUSTED " : "");
    language_target(sb, o);
    sb_addf(sb, " HANDLER %s", v[LANG_HANDLER]);
    if (v[LANG_INLINE])
        sb_addf(sb, " INLINE %s", v[LANG_INLINE]);
    if (v[LANG_VALIDATOR])
        sb_addf(sb, " VALIDATOR %s", v[LANG_VALIDATOR]);
}

static void language_create(pa_plan *p, const pa_object *to)
{
    define(p, to, "CREATE");
}

/* Whatever changed, the whole definition again: what it leaves out it
 * removes (an inline handler, TRUSTED). */
static void language_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                           const bool *changed)
{
    (void)from;
    if (changed[LANG_TRUSTED] || changed[LANG_HANDLER] || changed[LANG_INLINE] ||
        changed[LANG_VALIDATOR])
        define(p, to, "CREATE OR REPLACE");
}

const pa_kind kind_language = {
    .name = "language",
    .rank = 44,
    .snapshot_since = 4,
    .census_what = "language",
    .query = language_query,
    .attrs = KIND_ATTRS(language_attrs),
    .target = language_target,
    .create = language_create,
    .alter = language_alter,
};
