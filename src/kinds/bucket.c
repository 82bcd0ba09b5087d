/* Supabase Storage buckets (under --profile supabase): rows of
 * storage.buckets, by id, that a project needs as much as its DDL. A new
 * bucket is an INSERT, a changed one an UPDATE; one only FROM has is
 * deleted (with --unsafe) only while it holds no objects: else the plan
 * leaves it, and says so. storage.objects' rows are never touched.
 *
 * The platform's storage schema grows columns over the years: each is
 * read from the row as JSON, so that a missing column reads as unknown
 * (NULL: not compared) and a column without a value as '' (none). */
#include "kinds/kinds.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <stdlib.h>
#include <string.h>

/* A column of b as text: NULL where the table has no such column, ''
 * where the row has no value. */
#define BUCKET_FIELD(key) \
    "CASE WHEN to_jsonb(b) ? '" key "' THEN coalesce(to_jsonb(b)->>'" key "', '') END"

/* Objects are counted up to a bound: a bucket with millions of them is
 * not read through to say so. */
#define OBJECTS_COUNTED 100000
#define STR(x) #x
#define XSTR(x) STR(x)

static const char bucket_query[] =
    "SELECT NULL::text AS schema, b.id::text AS name, NULL::text AS tbl,"
    " NULL::text AS address, NULL::text AS aliases, NULL::text AS deps,"
    " NULL::int AS ordinal,"
    " b.name::text AS bucket_name,"
    " " BUCKET_FIELD("public") " AS public,"
    " " BUCKET_FIELD("file_size_limit") " AS file_size_limit,"
    " CASE WHEN to_jsonb(b) ? 'allowed_mime_types' THEN coalesce((SELECT"
    "   array_agg(t.e ORDER BY t.n)::text FROM jsonb_array_elements_text("
    "   CASE jsonb_typeof(to_jsonb(b)->'allowed_mime_types') WHEN 'array'"
    "   THEN to_jsonb(b)->'allowed_mime_types' END) WITH ORDINALITY AS t(e, n)), '')"
    " END AS allowed_mime_types,"
    " " BUCKET_FIELD("type") " AS type,"
    " (SELECT count(*) FROM (SELECT FROM storage.objects o WHERE o.bucket_id = b.id"
    "   LIMIT " XSTR(OBJECTS_COUNTED) " + 1) x)::text AS objects"
    " FROM storage.buckets b";

enum { BKT_NAME, BKT_PUBLIC, BKT_SIZE_LIMIT, BKT_MIME_TYPES, BKT_TYPE, BKT_OBJECTS,
       BKT_NATTRS };
static const pa_attr_rule bucket_attrs[] = {
    [BKT_NAME] = {"bucket_name", ATTR_ALTER, NONEMPTY},
    [BKT_PUBLIC] = {"public", ATTR_ALTER, UNKNOWN_IF_NULL},
    [BKT_SIZE_LIMIT] = {"file_size_limit", ATTR_ALTER, UNKNOWN_IF_NULL},
    [BKT_MIME_TYPES] = {"allowed_mime_types", ATTR_ALTER, UNKNOWN_IF_NULL},
    [BKT_TYPE] = {"type", ATTR_ALTER, UNKNOWN_IF_NULL},
    [BKT_OBJECTS] = {"objects", ATTR_INFO, OPTIONAL},
};
KIND_ATTRS_IN_STEP(bucket_attrs, BKT_NATTRS);

static const char *const bucket_columns[BKT_NATTRS] = {
    [BKT_NAME] = "name", [BKT_PUBLIC] = "public", [BKT_SIZE_LIMIT] = "file_size_limit",
    [BKT_MIME_TYPES] = "allowed_mime_types", [BKT_TYPE] = "type",
};

static void bucket_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "storage.buckets ");
    sql_literal(sb, o->name);
}

static bool all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* A column's value as SQL: NULL for none; a boolean or a number as it
 * is, the rest quoted (the allowed types as an array). */
static void value(strbuf *sb, const pa_object *o, int attr)
{
    const char *v = o->values[attr];
    if (!*v)
        sb_adds(sb, "NULL");
    else if ((attr == BKT_PUBLIC && (strcmp(v, "true") == 0 || strcmp(v, "false") == 0)) ||
             (attr == BKT_SIZE_LIMIT && all_digits(v)))
        sb_adds(sb, v);
    else {
        sql_literal(sb, v);
        if (attr == BKT_MIME_TYPES)
            sb_adds(sb, "::text[]");
    }
}

/* The columns a new bucket sets: its id, name and whether it is public,
 * and the others that have a value other than the platform's default
 * (which an older platform, lacking the column, has anyway). */
static bool inserted(const pa_object *o, int attr)
{
    const char *v = o->values[attr];
    if (attr == BKT_NAME)
        return true;
    if (!v || !*v)
        return false;
    return attr != BKT_TYPE || strcmp(v, "STANDARD") != 0;
}

static void bucket_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql, values = STRBUF_INIT;
    sb_adds(sb, "INSERT INTO storage.buckets (id");
    sql_literal(&values, to->name);
    for (int a = 0; a < BKT_OBJECTS; a++) {
        if (!inserted(to, a))
            continue;
        sb_addf(sb, ", %s", bucket_columns[a]);
        sb_adds(&values, ", ");
        value(&values, to, a);
    }
    sb_addf(sb, ") VALUES (%s)", values.buf);
    sb_release(&values);
}

static void bucket_drop(pa_plan *p, const pa_object *from)
{
    const char *objects = from->values[BKT_OBJECTS];
    long n = objects ? strtol(objects, NULL, 10) : 0;
    if (n > 0) {
        plan_note(p, "bucket %s holds %s%ld object%s: not deleted (empty it first, "
                  "then run the plan again)", from->name, n > OBJECTS_COUNTED ? "more than " : "",
                  n > OBJECTS_COUNTED ? (long)OBJECTS_COUNTED : n, n == 1 ? "" : "s");
        return;
    }
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "DELETE FROM storage.buckets WHERE id = ");
    sql_literal(sb, from->name);
}

static void bucket_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                         const bool *changed)
{
    (void)from;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    const char *sep = "UPDATE storage.buckets SET ";
    for (int a = 0; a < BKT_OBJECTS; a++) {
        if (!changed[a])
            continue;
        sb_addf(sb, "%s%s = ", sep, bucket_columns[a]);
        value(sb, to, a);
        sep = ", ";
    }
    sb_adds(sb, " WHERE id = ");
    sql_literal(sb, to->name);
}

const pa_kind kind_bucket = {
    .name = "bucket",
    .rank = 140,
    .snapshot_since = 3,
    .census_what = "storage bucket",
    .query = bucket_query,
    .profile = "supabase",
    .requires_relation = "storage.buckets",
    .attrs = KIND_ATTRS(bucket_attrs),
    .target = bucket_target,
    .create = bucket_create,
    .drop = bucket_drop,
    .alter = bucket_alter,
};
