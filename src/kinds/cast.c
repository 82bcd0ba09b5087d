/* Casts a user created (not an extension's): outside schemas, named by
 * their source and target types, "(public.mood AS text)". How the cast
 * converts (a function, binary coercion, the types' I/O) and in which
 * contexts it applies cannot be altered: a change is drop and create.
 * pg_depend orders the function and the types before the cast. */
#include "kinds/kinds.h"
#include "plan/stmt.h"

#include <string.h>

/* The types as format_type prints them (qualified outside pg_catalog, the
 * inspection's search_path); the function with its argument types. Not
 * the casts a type made itself (a range's to its multirange, 14+): those
 * are internal to it, as pg_depend says; casts are few. */
static const char cast_query[] =
    "SELECT NULL::text AS schema,"
    " format('(%s AS %s)', c.castsource::regtype, c.casttarget::regtype) AS name,"
    " NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_cast", "c.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE c.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || c.castfunc::regprocedure"
    "   WHEN 'b' THEN 'WITHOUT FUNCTION' ELSE 'WITH INOUT' END AS method,"
    " CASE c.castcontext WHEN 'a' THEN 'AS ASSIGNMENT' WHEN 'i' THEN 'AS IMPLICIT' END"
    "   AS context,"
    " cm.description AS comment"
    " FROM pg_cast c"
    PA_SQL_COMMENT_JOIN("pg_cast", "c.oid", "0")
    " WHERE c.oid >= 16384"
    " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_cast'::regclass"
    "   AND d.objid = c.oid AND d.deptype = 'i')"
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_cast", "c.oid");

enum { CAST_METHOD, CAST_CONTEXT, CAST_COMMENT, CAST_NATTRS };
static const pa_attr_rule cast_attrs[] = {
    [CAST_METHOD] = {"method", ATTR_REPLACE, NONEMPTY},
    [CAST_CONTEXT] = {"context", ATTR_REPLACE, OPTIONAL},
    [CAST_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(cast_attrs, CAST_NATTRS);

/* The name is the SQL of the two types already: as the query built it. */
static void cast_target(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "CAST %s", o->name);
}

static void cast_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    cast_target(sb, to);
    sb_addf(sb, " %s", to->values[CAST_METHOD]);
    if (to->values[CAST_CONTEXT])
        sb_addf(sb, " %s", to->values[CAST_CONTEXT]);
}

/* The name comes from a snapshot too: it must read as the two types. */
static bool cast_validate(const pa_object *o, strbuf *err)
{
    size_t n = strlen(o->name);
    if (n < 8 || o->name[0] != '(' || o->name[n - 1] != ')' || !strstr(o->name, " AS ")) {
        sb_addf(err, "not a cast's types: %s", o->name);
        return false;
    }
    return true;
}

const pa_kind kind_cast = {
    .name = "cast",
    .rank = 47,
    .snapshot_since = 4,
    .census_what = "cast",
    .query = cast_query,
    .attrs = KIND_ATTRS(cast_attrs),
    .target = cast_target,
    .create = cast_create,
    .validate = cast_validate,
};
