/* Publications (logical replication; Supabase Realtime listens to one).
 * Publish options change with ALTER PUBLICATION; FOR ALL TABLES cannot
 * be switched, so that is a drop and create. Which tables and schemas a
 * publication holds are sub-objects (publication_member.c). */
#include "kinds/kind.h"
#include "plan/stmt.h"
#include "emit/quote.h"

static const char publication_query[] =
    "SELECT NULL::text AS schema, p.pubname AS name, NULL::text AS tbl,"
    " " PA_SQL_ADDRESS("pg_publication", "p.oid", "0") " AS address,"
    " NULL::text AS aliases, NULL::text AS deps, NULL::int AS ordinal,"
    " CASE WHEN p.puballtables THEN 'FOR ALL TABLES' END AS all_tables,"
    " 'publish = ''' || concat_ws(', ',"
    "   CASE WHEN p.pubinsert THEN 'insert' END,"
    "   CASE WHEN p.pubupdate THEN 'update' END,"
    "   CASE WHEN p.pubdelete THEN 'delete' END,"
    "   CASE WHEN p.pubtruncate THEN 'truncate' END) || ''''"
    " || ', publish_via_partition_root = ' || p.pubviaroot AS options,"
    " cm.description AS comment"
    " FROM pg_publication p"
    PA_SQL_COMMENT_JOIN("pg_publication", "p.oid", "0");

enum { PUB_ALL_TABLES, PUB_OPTIONS, PUB_COMMENT, PUB_NATTRS };
static const pa_attr_rule publication_attrs[] = {
    [PUB_ALL_TABLES] = {"all_tables", ATTR_REPLACE, OPTIONAL},
    [PUB_OPTIONS] = {"options", ATTR_ALTER, REQUIRED},
    [PUB_COMMENT] = {"comment", ATTR_COMMENT, OPTIONAL},
};
KIND_ATTRS_IN_STEP(publication_attrs, PUB_NATTRS);

static void publication_target(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "PUBLICATION ");
    sql_ident(sb, o->name);
}

static void publication_create(pa_plan *p, const pa_object *to)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "CREATE ");
    publication_target(sb, to);
    if (to->values[PUB_ALL_TABLES])
        sb_addf(sb, " %s", to->values[PUB_ALL_TABLES]);
    sb_addf(sb, " WITH (%s)", to->values[PUB_OPTIONS]);
}

static void publication_alter(pa_plan *p, const pa_object *from,
                              const pa_object *to, const bool *changed)
{
    (void)from;
    if (!changed[PUB_OPTIONS])
        return;
    strbuf *sb = &plan_stmt(p, 0)->sql;
    sb_adds(sb, "ALTER ");
    publication_target(sb, to);
    sb_addf(sb, " SET (%s)", to->values[PUB_OPTIONS]);
}

const pa_kind kind_publication = {
    .name = "publication",
    .rank = 120,
    .query = publication_query,
    .attrs = KIND_ATTRS(publication_attrs),
    .target = publication_target,
    .create = publication_create,
    .alter = publication_alter,
};
