/* Transforms a user created (not an extension's, as hstore_plperl's):
 * for a type and a language, the functions that carry its values into
 * the language and back. Named "FOR type LANGUAGE lang", in no schema.
 * CREATE OR REPLACE TRANSFORM changes the functions in place; pg_depend
 * orders the type, the language and the functions before it. */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char transform_query[] =
    "SELECT NULL::text AS schema,"
    " 'FOR ' || format_type(t.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname)"
    "   AS name,"
    " NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_transform", "t.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " NULLIF(t.trffromsql, 0)::regprocedure::text AS from_sql,"
    " NULLIF(t.trftosql, 0)::regprocedure::text AS to_sql,"
    " cm.description AS comment"
    " FROM pg_transform t JOIN pg_language l ON l.oid = t.trflang"
    PA_SQL_COMMENT_JOIN("pg_transform", "t.oid", "0")
    " WHERE t.oid >= 16384"
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_transform", "t.oid");

enum { TRF_FROM_SQL, TRF_TO_SQL, TRF_COMMENT, TRF_NATTRS };
static const pa_attr_rule transform_attrs[] = {
    [TRF_FROM_SQL] = {"from_sql", ATTR_ALTER, OPTIONAL},
    [TRF_TO_SQL] = {"to_sql", ATTR_ALTER, OPTIONAL},
    [TRF_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(transform_attrs, TRF_NATTRS);

/* The name is the SQL already: as the query built it. */
static void transform_target(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "TRANSFORM %s", o->name);
}

/* The functions as regprocedure writes them, with their argument. */
static void define(pa_plan *p, const pa_object *o, const char *verb)
{
    const char *const *v = o->values;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_addf(sb, "%s ", verb);
    transform_target(sb, o);
    sb_adds(sb, " (");
    if (v[TRF_FROM_SQL])
        sb_addf(sb, "FROM SQL WITH FUNCTION %s", v[TRF_FROM_SQL]);
    if (v[TRF_TO_SQL])
        sb_addf(sb, "%sTO SQL WITH FUNCTION %s", v[TRF_FROM_SQL] ? ", " : "", v[TRF_TO_SQL]);
    sb_adds(sb, ")");
}

static void transform_create(pa_plan *p, const pa_object *to)
{
    define(p, to, "CREATE");
}

static void transform_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                            const bool *changed)
{
    (void)from;
    if (changed[TRF_FROM_SQL] || changed[TRF_TO_SQL])
        define(p, to, "CREATE OR REPLACE");
}

/* The name comes from a snapshot too: it must read as a transform's. */
static bool transform_validate(const pa_object *o, strbuf *err)
{
    if (strncmp(o->name, "FOR ", 4) != 0 || !strstr(o->name, " LANGUAGE ")) {
        sb_addf(err, "not a transform's type and language: %s", o->name);
        return false;
    }
    if (!o->values[TRF_FROM_SQL] && !o->values[TRF_TO_SQL]) {
        sb_addf(err, "transform %s has neither function", o->name);
        return false;
    }
    return true;
}

const pa_kind kind_transform = {
    .name = "transform",
    .rank = 49,
    .snapshot_since = 4,
    .census_what = "transform",
    .query = transform_query,
    .attrs = KIND_ATTRS(transform_attrs),
    .target = transform_target,
    .create = transform_create,
    .alter = transform_alter,
    .validate = transform_validate,
};
