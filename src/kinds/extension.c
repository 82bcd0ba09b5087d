/* Extensions: created IF NOT EXISTS (a managed server may have them), moved
 * with SET SCHEMA, updated with UPDATE TO. plpgsql is always there. Schema
 * and version may be unknown (NULL): then any will do. */
#include "kinds/kinds.h"
#include "kinds/extension.h"
#include "plan/stmt.h"
#include "emit/quote.h"
#include "util/words.h"

static const char extension_query[] =
    "SELECT NULL::text AS schema, x.extname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_extension", "x.oid", "0") " AS address,"
    " (SELECT string_agg(m.classid::oid || '/' || m.objid || '/' ||"
    "   m.objsubid, ' ') FROM pg_depend m WHERE m.refclassid ="
    "   'pg_extension'::regclass AND m.refobjid = x.oid AND m.deptype = 'e')"
    "   AS aliases,"
    " NULL::text AS deps, NULL::int AS ordinal,"
    " n.nspname AS ext_schema, x.extversion AS version,"
    " (SELECT string_agg(u.target, ' ' ORDER BY u.target)"
    "    FROM pg_extension_update_paths(x.extname) u"
    "   WHERE u.source = x.extversion AND u.path IS NOT NULL) AS update_targets"
    " FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace"
    " WHERE x.extname <> 'plpgsql'";

enum { EXT_SCHEMA, EXT_VERSION, EXT_UPDATE_TARGETS, EXT_NATTRS };
static const pa_attr_rule extension_attrs[] = {
    [EXT_SCHEMA] = {"ext_schema", ATTR_ALTER, UNKNOWN_IF_NULL},
    [EXT_VERSION] = {"version", ATTR_ALTER, UNKNOWN_IF_NULL},
    [EXT_UPDATE_TARGETS] = {"update_targets", ATTR_INFO, OPTIONAL},
};
KIND_ATTRS_IN_STEP(extension_attrs, EXT_NATTRS);

static void extension_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "EXTENSION ");
    sql_ident(sb, o->name);
}

static void extension_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE EXTENSION IF NOT EXISTS ");
    sql_ident(sb, to->name);
    /* No schema or version: not known (an extension a SQL source could
     * not create), or, for the version, a copy for another major, which
     * takes that server's default (apply/copy.c). */
    if (to->values[EXT_SCHEMA]) {
        sb_adds(sb, " WITH SCHEMA ");
        sql_ident(sb, to->values[EXT_SCHEMA]);
    }
    if (to->values[EXT_VERSION]) {
        sb_adds(sb, " VERSION ");
        sql_literal(sb, to->values[EXT_VERSION]);
    }
}

static void extension_alter(pa_plan *p, const pa_object *from,
                            const pa_object *to, const bool *changed)
{
    if (changed[EXT_SCHEMA]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "ALTER EXTENSION ");
        sql_ident(sb, to->name);
        sb_adds(sb, " SET SCHEMA ");
        sql_ident(sb, to->values[EXT_SCHEMA]);
    }
    if (changed[EXT_VERSION] &&
        !word_in_list(to->values[EXT_VERSION], from->values[EXT_UPDATE_TARGETS])) {
        /* A downgrade, or a version this server does not ship: an UPDATE
         * TO would only make the whole plan fail. Still a difference. */
        plan_note(p, "extension %s cannot be updated from version %s to %s "
                  "on FROM (no update path): left at %s; drop and create it by hand, "
                  "or leave versions out (--ignore-extension-versions)", to->name,
                  from->values[EXT_VERSION], to->values[EXT_VERSION],
                  from->values[EXT_VERSION]);
    } else if (changed[EXT_VERSION]) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, "ALTER EXTENSION ");
        sql_ident(sb, to->name);
        sb_adds(sb, " UPDATE TO ");
        sql_literal(sb, to->values[EXT_VERSION]);
    }
}

void extension_set_schema(pa_model *m, pa_object *ext, const char *schema)
{
    if (ext->kind == &kind_extension)
        model_set(m, ext, EXT_SCHEMA, schema);
}

void extension_set_version(pa_model *m, pa_object *ext, const char *version)
{
    if (ext->kind == &kind_extension)
        model_set(m, ext, EXT_VERSION, version);
}

const pa_kind kind_extension = {
    .name = "extension",
    .rank = 20,
    .named_by_managed_extensions = true,
    .query = extension_query,
    .attrs = KIND_ATTRS(extension_attrs),
    .target = extension_target,
    .create = extension_create,
    .alter = extension_alter,
};
