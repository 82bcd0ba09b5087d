/* The kinds pgalign knows (registry.c), and what their files share: the
 * SQL fragments of their catalog queries and helpers for their DDL. What a
 * kind is, the table the generic model, diff and planner are driven by,
 * is model/kind.h. */
#ifndef PA_KIND_H
#define PA_KIND_H

#include "model/kind.h"
#include "model/model.h"
#include "util/strbuf.h"

#include <stdbool.h>

extern const pa_kind *const pa_kinds[];
extern const size_t pa_nkinds;

const pa_kind *kind_by_name(const char *name);
/* The kind's query for a server version, its {{name}}s filled in from
 * its variants. False (with the reason in err) for an unknown name. */
bool kind_query_text(const pa_kind *kind, int server_version, strbuf *out,
                     strbuf *err);
int kind_attr_index(const pa_kind *kind, const char *attr_name);
/* The kind's ATTR_COMMENT attribute, or -1 where it has none. */
int kind_comment_attr(const pa_kind *kind);
/* Whether o's values have the presence its kind's rules say, and the
 * shape its kind's validate wants; if not, err says what is wrong. The
 * same check for live rows, SQL sources and snapshots. */
bool kind_check_shape(const pa_object *o, strbuf *err);

/* Shared DDL helpers for the kind files. */
void kind_qualified(strbuf *sb, const pa_object *o);   /* schema.name */
void kind_table_name(strbuf *sb, const pa_object *o);       /* schema.tbl */
void kind_column_name(strbuf *sb, const pa_object *o);      /* schema.tbl.name */
void kind_alter_table(strbuf *sb, const pa_object *o); /* ALTER TABLE schema.tbl */
/* ALTER TABLE schema.tbl <state> <noun> name, for a trigger or rule o;
 * state is DISABLE, ENABLE REPLICA or ENABLE ALWAYS, NULL for ENABLE. */
void kind_set_enabled(pa_plan *p, const pa_object *o, const char *noun, const char *state);
/* Change reloptions ("a=1, b=2") from old to new: RESET the old names,
 * SET the new ones. alter is "ALTER VIEW" or the like. */
void kind_alter_options(pa_plan *p, const char *alter, const pa_object *o,
                        const char *old, const char *new);
/* The same for a column's options (n_distinct): ALTER TABLE ... ALTER
 * COLUMN c RESET/SET (...). */
void kind_alter_column_options(pa_plan *p, const pa_object *col, const char *old,
                               const char *new);

/* A name for a helper object of the plan (an old type being swapped out,
 * a temporary constraint): prefix_<hash of o's key>, so the same plan
 * always gives the same bytes. */
void kind_helper_name(char *out, size_t n, const char *prefix, const pa_object *o);

/* Replace a type that columns use by a new one of the same name: rename
 * the old one, create the new one, convert each column of FROM of the
 * type (or an array of it) with USING col::via::type, drop the old one.
 * keyword is what ALTER and DROP call it (TYPE, DOMAIN). What else uses
 * the type must be rebuilt around this (the kind's alter_rebuilds). */
void kind_swap_type(pa_plan *p, const pa_object *from, const pa_object *to,
                    const char *keyword, const char *via, unsigned hazards);

/* SQL fragments the kinds' queries share. */
#define PA_SQL_USER_SCHEMA(nsp) \
    "(" nsp ".nspname NOT IN ('pg_catalog', 'information_schema')" \
    " AND " nsp ".nspname !~ '^pg_(toast|temp_|toast_temp_)')"
/* Not a member of an extension. The members are found from the extension
 * side (the index on pg_depend's referenced object: a few rows), once per
 * query; NOT EXISTS from the object side became one index probe of
 * pg_depend per row, most of some queries' time at 10,000 tables.
 * oidexpr is never NULL. */
#define PA_SQL_NOT_EXTENSION_MEMBER(classname, oidexpr) \
    oidexpr " NOT IN (SELECT e.objid FROM pg_depend e" \
    " WHERE e.refclassid = 'pg_extension'::regclass AND e.deptype = 'e'" \
    " AND e.classid = '" classname "'::regclass)"
/* A procedural language a user created: not built in (internal, c, sql);
 * not an extension's is for the query to say. */
#define PA_SQL_USER_LANGUAGE(lan) \
    lan ".oid >= 16384 AND " lan ".lanispl"
/* A user table: plain, partitioned, or a partition. */
#define PA_SQL_USER_TABLE(rel, nsp) \
    rel ".relkind IN ('r', 'p')" \
    " AND " PA_SQL_USER_SCHEMA(nsp) \
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", rel ".oid")
/* A user table as above, or a foreign table: what columns, defaults,
 * constraints, partition bounds and inheritance belong to. */
#define PA_SQL_USER_TABLE_OR_FOREIGN(rel, nsp) \
    rel ".relkind IN ('r', 'p', 'f')" \
    " AND " PA_SQL_USER_SCHEMA(nsp) \
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", rel ".oid")
/* A column the table defines itself: not one a partition has from its
 * parent, nor one only inherited (those come with the parent's). */
#define PA_SQL_OWN_COLUMN(rel, att) \
    "NOT " rel ".relispartition AND " att ".attislocal"
/* The object's comment as column cm.description. A join, not
 * obj_description(): that is a SQL function run once per row. */
#define PA_SQL_COMMENT_JOIN(classname, oidexpr, subexpr) \
    " LEFT JOIN pg_description cm ON cm.objoid = " oidexpr \
    " AND cm.classoid = '" classname "'::regclass AND cm.objsubid = " subexpr
/* schema.name, each quoted as needed. */
#define PA_SQL_QUALIFIED(nspname, name) \
    "quote_ident(" nspname ") || '.' || quote_ident(" name ")"
#define PA_SQL_ADDRESS(classname, oidexpr, subexpr) \
    "('" classname "'::regclass::oid || '/' || " oidexpr " || '/' || " subexpr ")"

/* The identity columns of a routine p in namespace n: overloads are told
 * apart by their identity arguments, part of the name. */
#define PA_SQL_ROUTINE_NAME \
    "p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'"
#define PA_SQL_ROUTINE_IDENTITY \
    "SELECT n.nspname AS schema, " PA_SQL_ROUTINE_NAME " AS name, NULL::text AS tbl," \
    " " PA_SQL_ADDRESS("pg_proc", "p.oid", "0") " AS address," \
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal," \
    " p.proname AS proname," \
    " pg_get_function_identity_arguments(p.oid) AS identity_arguments,"

/* The row type of a relation and its array type, as aliases of the
 * relation: functions and columns that use them depend on those. */
#define PA_SQL_ROWTYPE_ALIASES(rel) \
    "(SELECT " PA_SQL_ADDRESS("pg_type", "rt.oid", "0") " || ' ' || " \
    PA_SQL_ADDRESS("pg_type", "rt.typarray", "0") \
    " FROM pg_type rt WHERE rt.oid = " rel ".reltype)"

/* The identity and definition of a view or materialized view c with its
 * _RETURN rule r: the rule and the row types are aliases of the view. */
#define PA_SQL_VIEW_IDENTITY \
    "SELECT n.nspname AS schema, c.relname AS name, NULL::text AS tbl," \
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "0") " AS address," \
    " " PA_SQL_ADDRESS("pg_rewrite", "r.oid", "0") " || ' ' ||" \
    " " PA_SQL_ROWTYPE_ALIASES("c") " AS aliases," \
    " NULL::text AS deps, NULL::int AS ordinal," \
    " rtrim(pg_get_viewdef(c.oid), ';') AS definition,"

#endif
