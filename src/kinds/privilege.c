/* Privileges (with --with-privileges): GRANT and REVOKE on tables, views,
 * sequences, columns, routines, types, schemas, foreign data wrappers,
 * servers and languages, and ALTER DEFAULT PRIVILEGES. One object per
 * (object, grantee) holds the sorted list of privileges, "*" marking a
 * grant option. A privilege is compared by grantee, privilege and grant
 * option, never by grantor, so the same grant made by different roles is
 * the same grant.
 * The owner's own rights are left out (owners differ between
 * environments); an object that never had a GRANT is read as the built-in
 * default (acldefault), so that a REVOKE of a default (EXECUTE from
 * PUBLIC) is seen. */
#include "kinds/kinds.h"
#include "kinds/privilege.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

#define PRIV_GRANTEE \
    "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END"
/* The privileges, and the roles other than the owner that granted them
 * (a REVOKE must name them: it only takes back the revoker's grants). */
#define PRIV_LIST(owner) \
    " string_agg(DISTINCT a.privilege_type ||" \
    "   CASE WHEN a.is_grantable THEN '*' ELSE '' END, ', '" \
    "   ORDER BY a.privilege_type ||" \
    "   CASE WHEN a.is_grantable THEN '*' ELSE '' END) AS privileges," \
    " string_agg(DISTINCT quote_ident(pg_get_userbyid(a.grantor)), ' ')" \
    "   FILTER (WHERE a.grantor <> " owner ") AS grantors"
/* Identity columns for a grant on one object: schema, name, tbl. */
#define PRIV_IDENTITY(name, tbl) \
    "SELECT n.nspname AS schema, " name " AS name, " tbl " AS tbl," \
    " NULL::text AS address, NULL::text AS aliases,"
#define PRIV_INFO(object, column) \
    " NULL::int AS ordinal, NULL::text AS prefix, " object " AS object," \
    " " column " AS column_name, " PRIV_GRANTEE " AS grantee,"
#define PRIV_QUALIFIED(nsp, name) \
    "quote_ident(" nsp ".nspname) || '.' || quote_ident(" name ")"

static const char relation_privilege_query[] =
    PRIV_IDENTITY(PRIV_GRANTEE, "c.relname") " NULL::text AS deps,"
    PRIV_INFO("CASE WHEN c.relkind = 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END"
              " || " PRIV_QUALIFIED("n", "c.relname"), "NULL::text")
    PRIV_LIST("c.relowner")
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
    " aclexplode(coalesce(c.relacl, acldefault("
    "   CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\","
    "   c.relowner))) a"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
    " AND a.grantee <> c.relowner AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    " GROUP BY n.nspname, c.relname, c.relkind, a.grantee";

static const char column_privilege_query[] =
    PRIV_IDENTITY("quote_ident(att.attname) || ' ' || " PRIV_GRANTEE, "c.relname")
    " " PA_SQL_ADDRESS("pg_class", "c.oid", "att.attnum") " AS deps,"
    PRIV_INFO("'TABLE ' || " PRIV_QUALIFIED("n", "c.relname"),
              "quote_ident(att.attname)")
    PRIV_LIST("c.relowner")
    " FROM pg_attribute att"
    " JOIN pg_class c ON c.oid = att.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace,"
    " aclexplode(att.attacl) a"
    " WHERE att.attacl IS NOT NULL AND att.attnum > 0 AND NOT att.attisdropped"
    " AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    " GROUP BY n.nspname, c.oid, c.relname, att.attnum, att.attname, a.grantee";

static const char routine_privilege_query[] =
    PRIV_IDENTITY(PRIV_GRANTEE, PA_SQL_ROUTINE_NAME)
    " NULL::text AS deps,"
    PRIV_INFO("'ROUTINE ' || " PRIV_QUALIFIED("n", "p.proname") " || '(' ||"
              " pg_get_function_identity_arguments(p.oid) || ')'", "NULL::text")
    PRIV_LIST("p.proowner")
    " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,"
    " aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a"
    " WHERE a.grantee <> p.proowner AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_proc", "p.oid")
    " AND NOT EXISTS (SELECT 1 FROM pg_depend i"
    "   WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid"
    "   AND i.deptype = 'i')"
    " GROUP BY n.nspname, p.oid, p.proname, a.grantee";

static const char type_privilege_query[] =
    PRIV_IDENTITY(PRIV_GRANTEE, "t.typname") " NULL::text AS deps,"
    PRIV_INFO("'TYPE ' || " PRIV_QUALIFIED("n", "t.typname"), "NULL::text")
    PRIV_LIST("t.typowner")
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " LEFT JOIN pg_class c ON c.oid = t.typrelid,"
    " aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) a"
    " WHERE (t.typtype IN ('e', 'd', 'r') OR c.relkind = 'c')"
    " AND a.grantee <> t.typowner AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_type", "t.oid")
    " GROUP BY n.nspname, t.typname, a.grantee";

static const char schema_privilege_query[] =
    PRIV_IDENTITY(PRIV_GRANTEE, "n.nspname") " NULL::text AS deps,"
    PRIV_INFO("'SCHEMA ' || quote_ident(n.nspname)", "NULL::text")
    PRIV_LIST("n.nspowner")
    " FROM pg_namespace n,"
    " aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a"
    " WHERE a.grantee <> n.nspowner AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_namespace", "n.oid")
    " GROUP BY n.nspname, a.grantee";

/* Grants on foreign data wrappers, servers and languages (USAGE) that are
 * not an extension's: global objects, named by the table column as
 * schemas' grants are; filter picks among them. */
#define PRIV_GLOBAL_QUERY(keyword, catalog, alias, name, owner, acl, letter, filter) \
    "SELECT NULL::text AS schema, " PRIV_GRANTEE " AS name, " name "::text AS tbl," \
    " NULL::text AS address, NULL::text AS aliases, NULL::text AS deps," \
    PRIV_INFO("'" keyword " ' || quote_ident(" name ")", "NULL::text") \
    PRIV_LIST(owner) \
    " FROM " catalog " " alias "," \
    " aclexplode(coalesce(" acl ", acldefault('" letter "', " owner "))) a" \
    " WHERE a.grantee <> " owner " AND " filter \
    " AND " PA_SQL_NOT_EXTENSION_MEMBER(catalog, alias ".oid") \
    " GROUP BY " name ", a.grantee"

static const char fdw_privilege_query[] =
    PRIV_GLOBAL_QUERY("FOREIGN DATA WRAPPER", "pg_foreign_data_wrapper", "w", "w.fdwname",
                      "w.fdwowner", "w.fdwacl", "F", "true");
static const char server_privilege_query[] =
    PRIV_GLOBAL_QUERY("FOREIGN SERVER", "pg_foreign_server", "s", "s.srvname",
                      "s.srvowner", "s.srvacl", "S", "true");
/* The languages language.c compares (not the built-in internal, c, sql),
 * if trusted: only superusers use an untrusted one, and the server
 * refuses GRANT and REVOKE on it. */
static const char language_privilege_query[] =
    PRIV_GLOBAL_QUERY("LANGUAGE", "pg_language", "l", "l.lanname", "l.lanowner", "l.lanacl",
                      "l", PA_SQL_USER_LANGUAGE("l") " AND l.lanpltrusted");

/* ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s]: what new objects of
 * a type created by r get. tbl names the entry ("TABLES FOR r"). */
static const char default_privilege_query[] =
    "SELECT n.nspname AS schema, " PRIV_GRANTEE " AS name,"
    " ot.word || ' FOR ' || pg_get_userbyid(d.defaclrole) AS tbl,"
    " NULL::text AS address, NULL::text AS aliases,"
    " CASE WHEN n.oid IS NOT NULL THEN"
    "   " PA_SQL_ADDRESS("pg_namespace", "n.oid", "0") " END AS deps,"
    " NULL::int AS ordinal,"
    " 'FOR ROLE ' || quote_ident(pg_get_userbyid(d.defaclrole)) ||"
    " CASE WHEN n.oid IS NOT NULL THEN ' IN SCHEMA ' || quote_ident(n.nspname)"
    " ELSE '' END AS prefix,"
    " ot.word AS object, NULL::text AS column_name,"
    " " PRIV_GRANTEE " AS grantee, pg_get_userbyid(d.defaclrole) AS role,"
    PRIV_LIST("d.defaclrole")
    " FROM pg_default_acl d"
    " LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace"
    " JOIN (VALUES ('r', 'TABLES'), ('S', 'SEQUENCES'), ('f', 'FUNCTIONS'),"
    "   ('T', 'TYPES'), ('n', 'SCHEMAS')) ot(letter, word)"
    "   ON ot.letter = d.defaclobjtype::text,"
    " aclexplode(d.defaclacl) a"
    " WHERE a.grantee <> d.defaclrole"
    " GROUP BY n.oid, n.nspname, d.defaclrole, ot.word, a.grantee";

/* Grants and default privileges share their first attributes; a default
 * privilege has its role as well. */
enum { PRIV_PREFIX, PRIV_OBJECT, PRIV_COLUMN, PRIV_GRANTEE_NAME, PRIV_PRIVILEGES,
       PRIV_GRANTORS, PRIV_NATTRS,
       PRIV_ROLE = PRIV_NATTRS, PRIV_DEFAULT_NATTRS };
#define PRIV_SHARED_RULES \
    [PRIV_PREFIX] = {"prefix", ATTR_INFO, OPTIONAL}, \
    [PRIV_OBJECT] = {"object", ATTR_INFO, NONEMPTY}, \
    [PRIV_COLUMN] = {"column_name", ATTR_INFO, OPTIONAL}, \
    [PRIV_GRANTEE_NAME] = {"grantee", ATTR_INFO, NONEMPTY}, \
    [PRIV_PRIVILEGES] = {"privileges", ATTR_ALTER, NONEMPTY}, \
    [PRIV_GRANTORS] = {"grantors", ATTR_INFO, OPTIONAL}

static const pa_attr_rule privilege_attrs[] = {PRIV_SHARED_RULES};
KIND_ATTRS_IN_STEP(privilege_attrs, PRIV_NATTRS);

static const pa_attr_rule default_privilege_attrs[] = {
    PRIV_SHARED_RULES,
    [PRIV_ROLE] = {"role", ATTR_INFO, NONEMPTY},      /* whose new objects get them */
};
KIND_ATTRS_IN_STEP(default_privilege_attrs, PRIV_DEFAULT_NATTRS);

static void privilege_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, o->values[PRIV_OBJECT]);
}

/* Whether list ("INSERT, SELECT*") holds privilege priv; sets *grantable. */
static bool find_privilege(const char *list, const char *priv, size_t n,
                           bool *grantable)
{
    for (const char *s = list; s && *s;) {
        size_t len = strcspn(s, ",*");
        if (len == n && strncmp(s, priv, n) == 0) {
            *grantable = s[len] == '*';
            return true;
        }
        s += strcspn(s, ",");
        s += strspn(s, ", ");
    }
    return false;
}

enum { ADD_PLAIN, ADD_GRANTABLE, REMOVE_ALL, REMOVE_OPTION, NGROUPS };

/* Sort each privilege of from and to into what to grant and revoke. */
static void classify(const char *from, const char *to, strbuf groups[NGROUPS],
                     const char *column)
{
    const char *lists[2] = {to, from};
    for (int side = 0; side < 2; side++) {
        for (const char *s = lists[side]; s && *s;) {
            size_t n = strcspn(s, ",*");
            bool here = s[n] == '*', there_grantable = false;
            bool there = find_privilege(lists[1 - side], s, n, &there_grantable);
            int group = -1;
            if (side == 0 && (!there || (here && !there_grantable)))
                group = here ? ADD_GRANTABLE : ADD_PLAIN;
            else if (side == 1 && !there)
                group = REMOVE_ALL;
            else if (side == 1 && here && !there_grantable)
                group = REMOVE_OPTION;
            if (group >= 0) {
                if (groups[group].len)
                    sb_adds(&groups[group], ", ");
                sb_add(&groups[group], s, n);
                if (column)
                    sb_addf(&groups[group], " (%s)", column);
            }
            s += strcspn(s, ",");
            s += strspn(s, ", ");
        }
    }
}

static void grantee(strbuf *sb, const pa_object *o)
{
    const char *g = o->values[PRIV_GRANTEE_NAME];
    if (strcmp(g, "PUBLIC") == 0)
        sb_adds(sb, g);
    else
        sql_ident(sb, g);
}

static void acl_statement(pa_plan *p, const pa_object *o, int group,
                          const char *privileges, const char *grantor)
{
    static const char *const verbs[NGROUPS] = {
        "GRANT ", "GRANT ", "REVOKE ", "REVOKE GRANT OPTION FOR "};
    strbuf *sb = &plan_stmt(p, 0)->sql;
    /* As the grantor: GRANTED BY another role needs PostgreSQL 16. */
    if (grantor)
        sb_addf(sb, "SET ROLE %.*s;\n", (int)strcspn(grantor, " "), grantor);
    if (o->values[PRIV_PREFIX])
        sb_addf(sb, "ALTER DEFAULT PRIVILEGES %s ", o->values[PRIV_PREFIX]);
    sb_addf(sb, "%s%s ON %s %s ", verbs[group], privileges,
            o->values[PRIV_OBJECT], group < REMOVE_ALL ? "TO" : "FROM");
    grantee(sb, o);
    if (group == ADD_GRANTABLE)
        sb_adds(sb, " WITH GRANT OPTION");
    if (grantor)
        sb_adds(sb, ";\nRESET ROLE");
}

/* from_object: where the privileges being revoked come from (its
 * grantors), or NULL. */
static void change_privileges(pa_plan *p, const pa_object *o, const pa_object *from_object,
                              const char *from, const char *to)
{
    const char *grantors = from_object ? from_object->values[PRIV_GRANTORS] : NULL;
    strbuf groups[NGROUPS];
    for (int g = 0; g < NGROUPS; g++)
        sb_init(&groups[g]);
    classify(from, to, groups, o->values[PRIV_COLUMN]);
    static const int order[NGROUPS] = {REMOVE_ALL, REMOVE_OPTION, ADD_PLAIN,
                                       ADD_GRANTABLE};
    for (int i = 0; i < NGROUPS; i++) {
        int g = order[i];
        if (!groups[g].len)
            continue;
        acl_statement(p, o, g, groups[g].buf, NULL);
        /* Grants made by others stay unless revoked as by them. */
        for (const char *r = grantors; g >= REMOVE_ALL && r && *r;
             r += strcspn(r, " "), r += strspn(r, " "))
            acl_statement(p, o, g, groups[g].buf, r);
    }
    for (int g = 0; g < NGROUPS; g++)
        sb_release(&groups[g]);
}

static void privilege_create(pa_plan *p, const pa_object *to)
{
    change_privileges(p, to, NULL, NULL, to->values[PRIV_PRIVILEGES]);
}

static void privilege_drop(pa_plan *p, const pa_object *from)
{
    change_privileges(p, from, from, from->values[PRIV_PRIVILEGES], NULL);
}

static void privilege_alter(pa_plan *p, const pa_object *from,
                            const pa_object *to, const bool *changed)
{
    (void)changed;
    change_privileges(p, to, from, from->values[PRIV_PRIVILEGES],
                      to->values[PRIV_PRIVILEGES]);
}

/* GRANT ALL gives MAINTAIN from PostgreSQL 17; an older FROM has none. */
static const pa_feature privilege_features[] = {
    {PRIV_PRIVILEGES, "MAINTAIN", 170000, "MAINTAIN privilege", FEATURE_STRIPPED},
    {.what = NULL},
};

#define PRIVILEGE_KIND(kind_name, kind_rank, sql, attr_rules, parent_kinds) \
    .name = kind_name, .rank = kind_rank, .query = sql, \
    .features = privilege_features, \
    .attrs = KIND_ATTRS(attr_rules), .parents = parent_kinds, \
    .naming_attrs = KIND_ATTR_LIST(PRIV_OBJECT, PRIV_COLUMN), \
    .table_in_key = true, .is_privilege = true, \
    .absorbed_on_parent_drop = true, .target = privilege_target, \
    .create = privilege_create, .drop = privilege_drop, \
    .alter = privilege_alter

const pa_kind kind_relation_privilege = {
    PRIVILEGE_KIND("relation_privilege", 130, relation_privilege_query,
                   privilege_attrs,
                   KIND_PARENTS(&kind_table, &kind_view, &kind_matview, &kind_sequence,
                                &kind_foreign_table)),
    .schema_filtered = true,
};

const pa_kind kind_column_privilege = {
    PRIVILEGE_KIND("column_privilege", 131, column_privilege_query,
                   privilege_attrs,
                   KIND_PARENTS(&kind_table, &kind_view, &kind_matview, &kind_foreign_table)),
    .schema_filtered = true,
};

const pa_kind kind_routine_privilege = {
    PRIVILEGE_KIND("routine_privilege", 132, routine_privilege_query,
                   privilege_attrs, KIND_PARENTS(&kind_function, &kind_aggregate)),
    .schema_filtered = true,
};

const pa_kind kind_type_privilege = {
    PRIVILEGE_KIND("type_privilege", 133, type_privilege_query,
                   privilege_attrs,
                   KIND_PARENTS(&kind_enum, &kind_domain, &kind_composite, &kind_range)),
    .schema_filtered = true,
};

const pa_kind kind_schema_privilege = {
    PRIVILEGE_KIND("schema_privilege", 134, schema_privilege_query,
                   privilege_attrs, KIND_PARENTS(&kind_schema)),
    .parent_outside_schema = true,
    .schema_filtered = true,
};

const pa_kind kind_fdw_privilege = {
    PRIVILEGE_KIND("fdw_privilege", 135, fdw_privilege_query,
                   privilege_attrs, KIND_PARENTS(&kind_foreign_data_wrapper)),
    .parent_outside_schema = true,
    .snapshot_since = 3,
    .census_what = "foreign data wrapper grant",
};

const pa_kind kind_server_privilege = {
    PRIVILEGE_KIND("server_privilege", 136, server_privilege_query,
                   privilege_attrs, KIND_PARENTS(&kind_foreign_server)),
    .parent_outside_schema = true,
    .snapshot_since = 3,
    .census_what = "foreign server grant",
};

const pa_kind kind_language_privilege = {
    PRIVILEGE_KIND("language_privilege", 137, language_privilege_query,
                   privilege_attrs, KIND_PARENTS(&kind_language)),
    .parent_outside_schema = true,
    .snapshot_since = 4,
    .census_what = "language grant",
};

/* Global entries have no schema, so --schema does not filter these. They
 * rank first: objects the plan creates get TARGET's defaults. */
const pa_kind kind_default_privilege = {
    PRIVILEGE_KIND("default_privilege", 15, default_privilege_query,
                   default_privilege_attrs, NULL),
};

const char *privilege_grantee(const pa_object *o)
{
    return o->kind->is_privilege ? o->values[PRIV_GRANTEE_NAME] : NULL;
}

const char *privilege_privileges(const pa_object *o)
{
    return o->kind->is_privilege ? o->values[PRIV_PRIVILEGES] : NULL;
}

const char *privilege_grantors(const pa_object *o)
{
    return o->kind->is_privilege ? o->values[PRIV_GRANTORS] : NULL;
}

const char *privilege_role(const pa_object *o)
{
    return o->kind == &kind_default_privilege ? o->values[PRIV_ROLE] : NULL;
}

void privilege_set(pa_model *m, pa_object *grant, const char *object,
                   const char *grantee, const char *privileges)
{
    if (!grant->kind->is_privilege)
        return;
    model_set(m, grant, PRIV_OBJECT, object);
    model_set(m, grant, PRIV_GRANTEE_NAME, grantee);
    model_set(m, grant, PRIV_PRIVILEGES, privileges);
}

int privilege_grantee_attr(const pa_kind *kind)
{
    return kind->is_privilege ? PRIV_GRANTEE_NAME : -1;
}

int privilege_role_attr(const pa_kind *kind)
{
    return kind == &kind_default_privilege ? PRIV_ROLE : -1;
}
