/* Identity columns (GENERATED ... AS IDENTITY), a sub-object of their
 * column. Apart from the column, so that the plan can order them against
 * sequences: turning a serial column into an identity column must drop the
 * old sequence before the identity sequence takes its name, and the other
 * way round. */
#include "kinds/kinds.h"
#include "kinds/column.h"
#include "plan/stmt.h"
#include "emit/quote.h"
#include "util/words.h"

#include <string.h>

static const char identity_query[] =
    "SELECT n.nspname AS schema, a.attname AS name, c.relname AS tbl,"
    " " PA_SQL_ADDRESS("pg_class", "s.seqrelid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, a.attnum AS ordinal,"
    " CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END"
    "   AS generation,"
    " quote_ident(sn.nspname) AS sequence_schema,"
    " quote_ident(sc.relname) AS sequence_name,"
    " 'START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement ||"
    " ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax ||"
    " ' CACHE ' || s.seqcache ||"
    " CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END AS options"
    " FROM pg_attribute a"
    " JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass"
    "   AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum"
    "   AND d.classid = 'pg_class'::regclass AND d.deptype = 'i'"
    " JOIN pg_sequence s ON s.seqrelid = d.objid"
    " JOIN pg_class sc ON sc.oid = s.seqrelid"
    " JOIN pg_namespace sn ON sn.oid = sc.relnamespace"
    " WHERE a.attidentity <> '' AND a.attnum > 0 AND NOT a.attisdropped"
    " AND " PA_SQL_OWN_COLUMN("c", "a")
    " AND " PA_SQL_USER_TABLE("c", "n");

enum { ID_GENERATION, ID_SEQUENCE_SCHEMA, ID_SEQUENCE, ID_OPTIONS, ID_NATTRS };
static const pa_attr_rule identity_attrs[] = {
    [ID_GENERATION] = {"generation", ATTR_ALTER, NONEMPTY},
    [ID_SEQUENCE_SCHEMA] = {"sequence_schema", ATTR_ALTER, NONEMPTY},
    [ID_SEQUENCE] = {"sequence_name", ATTR_ALTER, NONEMPTY},
    [ID_OPTIONS] = {"options", ATTR_ALTER, REQUIRED},
};
KIND_ATTRS_IN_STEP(identity_attrs, ID_NATTRS);

/* The values come from quote_ident(), ready to use in SQL. */
static void sequence_name(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "%s.%s", o->values[ID_SEQUENCE_SCHEMA], o->values[ID_SEQUENCE]);
}

static void identity_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "SEQUENCE ");
    sequence_name(sb, o);
}

static void add_generated(strbuf *sb, const pa_object *o)
{
    sb_addf(sb, "GENERATED %s AS IDENTITY (SEQUENCE NAME ", o->values[ID_GENERATION]);
    sequence_name(sb, o);
    sb_addf(sb, " %s)", o->values[ID_OPTIONS]);
}

void identity_clause(strbuf *sb, const pa_object *identity)
{
    sb_addc(sb, ' ');
    add_generated(sb, identity);
}

static void identity_create(pa_plan *p, const pa_object *to)
{
    add_generated(&alter_column(p, to, 0, "ADD ")->sql, to);
}

static void identity_drop(pa_plan *p, const pa_object *from)
{
    alter_column(p, from, 0, "DROP IDENTITY");
}

/* "START WITH 1 INCREMENT BY 1 ... NO CYCLE" as ALTER COLUMN's
 * "SET START WITH 1 SET INCREMENT BY 1 ... SET NO CYCLE". */
static void set_options(strbuf *sb, const char *options)
{
    static const char *const starts[] = {"START", "INCREMENT", "MINVALUE",
                                         "MAXVALUE", "CACHE", "NO", "CYCLE"};
    bool after_no = false;
    const char *w;
    size_t n;
    while ((w = word_next(&options, &n)) != NULL) {
        bool starts_clause = false;
        for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
            starts_clause |= word_is(w, n, starts[i]);
        if (starts_clause && !after_no)
            sb_adds(sb, " SET");
        after_no = word_is(w, n, "NO");
        sb_addc(sb, ' ');
        sb_add(sb, w, n);
    }
}

static void identity_alter(pa_plan *p, const pa_object *from,
                           const pa_object *to, const bool *changed)
{
    if (changed[ID_GENERATION])
        sb_adds(&alter_column(p, to, 0, "SET GENERATED ")->sql, to->values[ID_GENERATION]);
    if (changed[ID_OPTIONS]) {
        strbuf *sb = &alter_column(p, to, 0, "")->sql;
        sb_trim_trailing(sb, " ");
        set_options(sb, to->values[ID_OPTIONS]);
    }
    if (changed[ID_SEQUENCE]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "ALTER SEQUENCE ");
        sequence_name(sb, from);
        sb_addf(sb, " RENAME TO %s", to->values[ID_SEQUENCE]);
    }
    if (changed[ID_SEQUENCE_SCHEMA]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_addf(sb, "ALTER SEQUENCE %s.%s SET SCHEMA %s",
                from->values[ID_SEQUENCE_SCHEMA], to->values[ID_SEQUENCE],
                to->values[ID_SEQUENCE_SCHEMA]);
    }
}

const pa_kind kind_identity = {
    .name = "identity",
    .rank = 57,
    .query = identity_query,
    .cost = 55,
    .attrs = KIND_ATTRS(identity_attrs),
    .parents = KIND_PARENTS(&kind_column),
    .table_in_key = true,
    .parent_is_namesake = true,
    .schema_filtered = true,
    .absorbed_on_parent_create = true,
    .absorbed_on_parent_drop = true,
    .target = identity_target,
    .create = identity_create,
    .drop = identity_drop,
    .alter = identity_alter,
};
