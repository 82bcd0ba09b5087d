/* The list of kinds pgalign knows, in the order plans tend to create them. */
#include "kinds/kinds.h"
#include "emit/quote.h"
#include "plan/stmt.h"

#include <stdio.h>
#include <string.h>

const pa_kind *const pa_kinds[] = {
    &kind_schema,
    &kind_extension,
    &kind_collation,
    &kind_enum,
    &kind_domain,
    &kind_domain_constraint,
    &kind_composite,
    &kind_type_attribute,
    &kind_range,
    &kind_ts_parser,
    &kind_ts_template,
    &kind_ts_dictionary,
    &kind_ts_config,
    &kind_language,
    &kind_function,
    &kind_aggregate,
    &kind_cast,
    &kind_operator,
    &kind_conversion,
    &kind_transform,
    &kind_access_method,
    &kind_operator_family,
    &kind_operator_class,
    &kind_foreign_data_wrapper,
    &kind_foreign_server,
    &kind_sequence,
    &kind_table,
    &kind_foreign_table,
    &kind_partition,
    &kind_inherit,
    &kind_user_mapping,
    &kind_column,
    &kind_column_default,
    &kind_identity,
    &kind_child_not_null,
    &kind_column_fdw_options,
    &kind_sequence_owner,
    &kind_constraint,
    &kind_index,
    &kind_cluster,
    &kind_statistics,
    &kind_view,
    &kind_matview,
    &kind_view_column,
    &kind_view_default,
    &kind_trigger,
    &kind_rule,
    &kind_policy,
    &kind_event_trigger,
    &kind_publication,
    &kind_publication_table,
    &kind_publication_schema,
    &kind_relation_privilege,
    &kind_column_privilege,
    &kind_routine_privilege,
    &kind_type_privilege,
    &kind_schema_privilege,
    &kind_fdw_privilege,
    &kind_server_privilege,
    &kind_language_privilege,
    &kind_default_privilege,
    &kind_bucket,
    &kind_vault_secret,
    &kind_cron_job,
    &kind_data_row,
};
const size_t pa_nkinds = sizeof(pa_kinds) / sizeof(pa_kinds[0]);

const pa_kind *kind_by_name(const char *name)
{
    for (size_t i = 0; i < pa_nkinds; i++) {
        if (strcmp(pa_kinds[i]->name, name) == 0)
            return pa_kinds[i];
    }
    return NULL;
}

static const pa_sql_variant *variant_for(const pa_kind *kind, const char *name,
                                         size_t len, int server_version)
{
    for (const pa_sql_variant *v = kind->variants; v && v->name; v++) {
        if (strlen(v->name) == len && strncmp(v->name, name, len) == 0 &&
            server_version >= v->since)
            return v;
    }
    return NULL;
}

bool kind_query_text(const pa_kind *kind, int server_version, strbuf *out,
                     strbuf *err)
{
    const char *q = kind->query;
    for (const char *open; (open = strstr(q, "{{")) != NULL;) {
        const char *name = open + 2, *close = strstr(name, "}}");
        const pa_sql_variant *v =
            close ? variant_for(kind, name, (size_t)(close - name), server_version) : NULL;
        if (!v) {
            sb_addf(err, "internal error: the %s query has no text for %.*s on "
                    "server version %d", kind->name, close ? (int)(close - name) : 16,
                    name, server_version);
            return false;
        }
        sb_add(out, q, (size_t)(open - q));
        sb_adds(out, v->sql);
        q = close + 2;
    }
    sb_adds(out, q);
    return true;
}

int kind_comment_attr(const pa_kind *kind)
{
    for (size_t i = 0; i < kind->nattrs; i++) {
        if (kind->attrs[i].on_change == ATTR_COMMENT)
            return (int)i;
    }
    return -1;
}

int kind_attr_index(const pa_kind *kind, const char *attr_name)
{
    for (size_t i = 0; i < kind->nattrs; i++) {
        if (strcmp(kind->attrs[i].name, attr_name) == 0)
            return (int)i;
    }
    return -1;
}

bool kind_check_shape(const pa_object *o, strbuf *err)
{
    const pa_kind *k = o->kind;
    for (size_t i = 0; i < k->nattrs; i++) {
        attr_presence want = k->attrs[i].presence;
        const char *v = o->values[i];
        if ((want == REQUIRED || want == NONEMPTY) && !v) {
            sb_addf(err, "missing attribute \"%s\"", k->attrs[i].name);
            return false;
        }
        if (want == NONEMPTY && !*v) {
            sb_addf(err, "empty attribute \"%s\"", k->attrs[i].name);
            return false;
        }
    }
    return !k->validate || k->validate(o, err);
}

void kind_qualified(strbuf *sb, const pa_object *o)
{
    sql_qualified(sb, o->schema, o->name);
}

void kind_table_name(strbuf *sb, const pa_object *o)
{
    sql_qualified(sb, o->schema, o->table);
}

static void option_names(strbuf *sb, const char *options)
{
    const char *sep = "";
    for (const char *o = options; o && *o;) {
        sb_adds(sb, sep);
        sb_add(sb, o, strcspn(o, "=,"));
        sep = ", ";
        o += strcspn(o, ",");
        o += strspn(o, ", ");
    }
}

/* head RESET (old names), head SET (new): head is "ALTER VIEW public.v". */
static void alter_options(pa_plan *p, const strbuf *head, const char *old,
                          const char *new)
{
    if (old && *old) {
        strbuf *sb = &plan_stmt(p, 0)->sql;
        sb_adds(sb, head->buf);
        sb_adds(sb, " RESET (");
        option_names(sb, old);
        sb_addc(sb, ')');
    }
    if (new && *new)
        sb_addf(&plan_stmt(p, 0)->sql, "%s SET (%s)", head->buf, new);
}

void kind_alter_options(pa_plan *p, const char *alter, const pa_object *o,
                        const char *old, const char *new)
{
    strbuf head = STRBUF_INIT;
    sb_addf(&head, "%s ", alter);
    kind_qualified(&head, o);
    alter_options(p, &head, old, new);
    sb_release(&head);
}

void kind_alter_column_options(pa_plan *p, const pa_object *col, const char *old,
                               const char *new)
{
    strbuf head = STRBUF_INIT;
    kind_alter_table(&head, col);
    sb_adds(&head, " ALTER COLUMN ");
    sql_ident(&head, col->name);
    alter_options(p, &head, old, new);
    sb_release(&head);
}

void kind_column_name(strbuf *sb, const pa_object *o)
{
    kind_table_name(sb, o);
    sb_addc(sb, '.');
    sql_ident(sb, o->name);
}

void kind_alter_table(strbuf *sb, const pa_object *o)
{
    sb_adds(sb, "ALTER TABLE ");
    kind_table_name(sb, o);
}

void kind_set_enabled(pa_plan *p, const pa_object *o, const char *noun, const char *state)
{
    strbuf *sb = &plan_stmt(p, 0)->sql;
    kind_alter_table(sb, o);
    sb_addf(sb, " %s %s ", state ? state : "ENABLE", noun);
    sql_ident(sb, o->name);
}

void kind_helper_name(char *out, size_t n, const char *prefix, const pa_object *o)
{
    unsigned h = 5381;
    for (const char *c = o->key; *c; c++)
        h = h * 33 + (unsigned char)*c;
    snprintf(out, n, "%s_%08x", prefix, h);
}
