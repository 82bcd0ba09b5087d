/* Views. A changed query is applied with CREATE OR REPLACE VIEW when the
 * new column list extends the old one (same names and types first), which
 * is what PostgreSQL allows; otherwise the view is dropped and created,
 * with the views that depend on it. Views that depend on a column whose
 * type changes are rebuilt around the change (the server refuses it). */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

#include <string.h>

static const char view_query[] =
    PA_SQL_VIEW_IDENTITY
    " (SELECT string_agg(quote_ident(a.attname) || ' ' ||"
    "         format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)"
    "    FROM pg_attribute a"
    "   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)"
    "   AS columns,"
    " array_to_string(c.reloptions, ', ') AS options,"
    " cm.description AS comment"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " JOIN pg_rewrite r ON r.ev_class = c.oid AND r.rulename = '_RETURN'"
    PA_SQL_COMMENT_JOIN("pg_class", "c.oid", "0")
    " WHERE c.relkind = 'v' AND " PA_SQL_USER_SCHEMA("n")
    " AND " PA_SQL_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

enum { VIEW_DEFINITION, VIEW_COLUMNS, VIEW_OPTIONS, VIEW_COMMENT, VIEW_NATTRS };
static const pa_attr_rule view_attrs[] = {
    [VIEW_DEFINITION] = {"definition", ATTR_ALTER, NONEMPTY},
    [VIEW_COLUMNS] = {"columns", ATTR_ALTER, OPTIONAL},
    [VIEW_OPTIONS] = {"options", ATTR_ALTER, OPTIONAL},
    [VIEW_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(view_attrs, VIEW_NATTRS);

static void view_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "VIEW ");
    kind_qualified(sb, o);
}

static void create_view(pa_plan *p, const pa_object *to, bool replace)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, replace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
    kind_qualified(sb, to);
    if (to->values[VIEW_OPTIONS] && *to->values[VIEW_OPTIONS])
        sb_addf(sb, " WITH (%s)", to->values[VIEW_OPTIONS]);
    sb_addf(sb, " AS\n%s", to->values[VIEW_DEFINITION]);
}

static void view_create(pa_plan *p, const pa_object *to)
{
    create_view(p, to, false);
}

static void view_alter(pa_plan *p, const pa_object *from, const pa_object *to,
                       const bool *changed)
{
    if (changed[VIEW_DEFINITION] || changed[VIEW_COLUMNS])
        create_view(p, to, true);
    else if (changed[VIEW_OPTIONS])
        kind_alter_options(p, "ALTER VIEW", to, from->values[VIEW_OPTIONS],
                           to->values[VIEW_OPTIONS]);
}

/* CREATE OR REPLACE VIEW may only add columns at the end. */
static bool view_needs_replace(const pa_object *from, const pa_object *to)
{
    const char *old = from->values[VIEW_COLUMNS] ? from->values[VIEW_COLUMNS] : "";
    const char *new = to->values[VIEW_COLUMNS] ? to->values[VIEW_COLUMNS] : "";
    size_t n = strlen(old);
    return strncmp(old, new, n) != 0 || (new[n] != '\0' && new[n] != ',');
}

static const pa_feature view_features[] = {
    {VIEW_OPTIONS, "security_invoker", 150000, "security_invoker views", FEATURE_USED},
    {.what = NULL},
};

const pa_kind kind_view = {
    .name = "view",
    .rank = 90,
    .query = view_query,
    .features = view_features,
    .attrs = KIND_ATTRS(view_attrs),
    .canonical_attrs = KIND_ATTR_LIST(VIEW_DEFINITION),
    .schema_filtered = true,
    .target = view_target,
    .create = view_create,
    .alter = view_alter,
    .needs_replace = view_needs_replace,
};
