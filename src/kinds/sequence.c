/* Sequences, and who owns them (OWNED BY). Ownership is its own object:
 * a serial column's default needs the sequence before the table, while
 * OWNED BY needs the table before the sequence. Identity sequences belong
 * to their column and are handled there. */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char sequence_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " format_type(s.seqtypid, NULL) AS data_type,"
    " s.seqstart::text AS start, s.seqincrement::text AS increment,"
    " s.seqmin::text AS minvalue, s.seqmax::text AS maxvalue,"
    " s.seqcache::text AS cache,"
    " CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END AS cycle,"
    " CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED' ELSE 'LOGGED' END"
    "   AS persistence,"
    " cm.description AS comment"
    " FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    PA_SQL_COMMENT_JOIN("pg_class", "c.oid", "0")
    " WHERE c.relkind = 'S' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid ="
    "   'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')";

enum { SEQ_TYPE, SEQ_START, SEQ_INCREMENT, SEQ_MIN, SEQ_MAX, SEQ_CACHE, SEQ_CYCLE,
       SEQ_PERSISTENCE, SEQ_COMMENT, SEQ_NATTRS };
static const pa_attr_rule sequence_attrs[] = {
    [SEQ_TYPE] = {"data_type", ATTR_ALTER, NONEMPTY},
    [SEQ_START] = {"start", ATTR_ALTER, NONEMPTY},
    [SEQ_INCREMENT] = {"increment", ATTR_ALTER, NONEMPTY},
    [SEQ_MIN] = {"minvalue", ATTR_ALTER, NONEMPTY},
    [SEQ_MAX] = {"maxvalue", ATTR_ALTER, NONEMPTY},
    [SEQ_CACHE] = {"cache", ATTR_ALTER, NONEMPTY},
    [SEQ_CYCLE] = {"cycle", ATTR_ALTER, NONEMPTY},
    [SEQ_PERSISTENCE] = {"persistence", ATTR_ALTER, NONEMPTY},
    [SEQ_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(sequence_attrs, SEQ_NATTRS);

static const char *const sequence_clauses[] = {
    [SEQ_TYPE] = "AS %s",
    [SEQ_START] = "START WITH %s",
    [SEQ_INCREMENT] = "INCREMENT BY %s",
    [SEQ_MIN] = "MINVALUE %s",
    [SEQ_MAX] = "MAXVALUE %s",
    [SEQ_CACHE] = "CACHE %s",
    [SEQ_CYCLE] = "%s",
};

static void sequence_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "SEQUENCE ");
    kind_qualified(sb, o);
}

/* All options go into one statement: AS smallint and a smaller MAXVALUE
 * must change together or the intermediate state is invalid. */
static void add_options(strbuf *sb, const pa_object *o, const bool *changed)
{
    for (int i = SEQ_TYPE; i <= SEQ_CYCLE; i++) {
        if (changed && !changed[i])
            continue;
        sb_addc(sb, ' ');
        sb_addf(sb, sequence_clauses[i], o->values[i] ? o->values[i] : "");
    }
}

static void sequence_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    if (to->values[SEQ_PERSISTENCE] &&
        to->values[SEQ_PERSISTENCE][0] == 'U')
        sb_adds(sb, "UNLOGGED ");
    sb_adds(sb, "SEQUENCE ");
    kind_qualified(sb, to);
    add_options(sb, to, NULL);
}

static void sequence_alter(pa_plan *p, const pa_object *from,
                           const pa_object *to, const bool *changed)
{
    (void)from;
    bool any = false;
    for (int i = SEQ_TYPE; i <= SEQ_CYCLE; i++)
        any |= changed[i];
    if (any) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "ALTER SEQUENCE ");
        kind_qualified(sb, to);
        add_options(sb, to, changed);
    }
    if (changed[SEQ_PERSISTENCE]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "ALTER SEQUENCE ");
        kind_qualified(sb, to);
        sb_addf(sb, " SET %s", to->values[SEQ_PERSISTENCE]);
    }
}

static const pa_feature sequence_features[] = {
    {SEQ_PERSISTENCE, "UNLOGGED", 150000, "unlogged sequences", FEATURE_USED},
    {.what = NULL},
};

const pa_kind kind_sequence = {
    .name = "sequence",
    .rank = 40,
    .query = sequence_query,
    .cost = 18,
    .features = sequence_features,
    .attrs = KIND_ATTRS(sequence_attrs),
    .schema_filtered = true,
    .ignore_auto_deps = true,
    .holds_data = true,
    .target = sequence_target,
    .create = sequence_create,
    .alter = sequence_alter,
};

/* ---- OWNED BY ---- */

static const char sequence_owner_query[] =
    "SELECT n.nspname AS schema, c.relname AS name, NULL::text AS tbl,"
    " NULL::text AS address, NULL::text AS aliases,"
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " || ' ' ||"
    " " PA_SQL_ADDRESS("pg_class", "d.refobjid", "d.refobjsubid") " AS deps,"
    " NULL::int AS ordinal,"
    " quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' ||"
    "   quote_ident(a.attname) AS owned_by"
    " FROM pg_depend d"
    " JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S'"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_class t ON t.oid = d.refobjid"
    " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
    " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
    " WHERE d.classid = 'pg_class'::regclass"
    " AND d.refclassid = 'pg_class'::regclass"
    " AND d.deptype = 'a' AND d.refobjsubid > 0"
    " AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

static const pa_attr_rule sequence_owner_attrs[] = {
    {"owned_by", ATTR_ALTER, NONEMPTY},
};

static void sequence_owner_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "SEQUENCE ");
    kind_qualified(sb, o);
}

static void set_owner(pa_plan *p, const pa_object *o, const char *owner)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER SEQUENCE ");
    kind_qualified(sb, o);
    sb_addf(sb, " OWNED BY %s", owner);
}

static void sequence_owner_create(pa_plan *p, const pa_object *to)
{
    set_owner(p, to, to->values[0]);
}

/* Always released explicitly: dropping the owning column would otherwise
 * take the sequence with it behind the plan's back. */
static void sequence_owner_drop(pa_plan *p, const pa_object *from)
{
    set_owner(p, from, "NONE");
}

static void sequence_owner_alter(pa_plan *p, const pa_object *from,
                                 const pa_object *to, const bool *changed)
{
    (void)from;
    (void)changed;
    set_owner(p, to, to->values[0]);
}

const pa_kind kind_sequence_owner = {
    .name = "sequence_owner",
    .rank = 60,
    .query = sequence_owner_query,
    .attrs = KIND_ATTRS(sequence_owner_attrs),
    .schema_filtered = true,
    .target = sequence_owner_target,
    .create = sequence_owner_create,
    .drop = sequence_owner_drop,
    .alter = sequence_owner_alter,
};
