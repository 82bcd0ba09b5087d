/* What a new object is granted when it is created. CREATE gives an object
 * the built-in default privileges, or what ALTER DEFAULT PRIVILEGES set
 * for the creating role (in the object's schema, and globally). A plan
 * that creates an object must therefore change privileges from that
 * starting point, not from none: grant only what the defaults do not
 * give, and revoke what they give but TARGET does not have.
 *
 * The creating role is the role FROM was inspected as. The default
 * privileges in effect are TARGET's: the plan makes FROM's match them
 * before it creates objects (default privileges rank first). */
#include "diff/diff.h"
#include "kinds/kinds.h"
#include "kinds/routine.h"
#include "kinds/privilege.h"
#include "kinds/language.h"
#include "emit/quote.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct acl_rule {
    const pa_kind *kind;           /* the kind of object created */
    const pa_kind *privilege_kind; /* the kind holding its grants */
    const char *keyword;        /* GRANT ... ON <keyword> name */
    const char *defaults_for;   /* ALTER DEFAULT PRIVILEGES ... ON <this>,
                                   or NULL where there are none */
    const char *builtin;        /* PUBLIC's built-in privileges, if any */
    /* Whether the object has grants at all (a language only when
     * trusted); NULL: always. */
    bool (*has_grants)(const pa_object *obj);
} acl_rule;

static const acl_rule rules[] = {
    {&kind_table, &kind_relation_privilege, "TABLE", "TABLES", NULL, NULL},
    {&kind_foreign_table, &kind_relation_privilege, "TABLE", "TABLES", NULL, NULL},
    {&kind_view, &kind_relation_privilege, "TABLE", "TABLES", NULL, NULL},
    {&kind_matview, &kind_relation_privilege, "TABLE", "TABLES", NULL, NULL},
    {&kind_sequence, &kind_relation_privilege, "SEQUENCE", "SEQUENCES", NULL, NULL},
    {&kind_function, &kind_routine_privilege, "ROUTINE", "FUNCTIONS", "EXECUTE", NULL},
    {&kind_aggregate, &kind_routine_privilege, "ROUTINE", "FUNCTIONS", "EXECUTE", NULL},
    {&kind_enum, &kind_type_privilege, "TYPE", "TYPES", "USAGE", NULL},
    {&kind_domain, &kind_type_privilege, "TYPE", "TYPES", "USAGE", NULL},
    {&kind_composite, &kind_type_privilege, "TYPE", "TYPES", "USAGE", NULL},
    {&kind_range, &kind_type_privilege, "TYPE", "TYPES", "USAGE", NULL},
    {&kind_schema, &kind_schema_privilege, "SCHEMA", "SCHEMAS", NULL, NULL},
    /* No default privileges for these: a new one has its owner's rights. */
    {&kind_foreign_data_wrapper, &kind_fdw_privilege, "FOREIGN DATA WRAPPER", NULL, NULL, NULL},
    {&kind_foreign_server, &kind_server_privilege, "FOREIGN SERVER", NULL, NULL, NULL},
    /* None either, but PUBLIC may use a trusted language. */
    {&kind_language, &kind_language_privilege, "LANGUAGE", NULL, "USAGE", language_is_trusted},
};

static const acl_rule *rule_for(const pa_kind *kind)
{
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
        if (rules[i].kind == kind)
            return &rules[i];
    }
    return NULL;
}

bool diff_kind_has_privileges(const pa_kind *kind)
{
    return rule_for(kind) != NULL;
}

/* One grantee's predicted privileges, merged from several entries. */
typedef struct grant {
    const char *grantee;
    strbuf privileges;
} grant;

typedef struct prediction {
    grant *grants;
    size_t count;
    size_t alloc;
} prediction;

static void add_privileges(prediction *pr, const char *grantee, const char *list)
{
    grant *g = NULL;
    for (size_t i = 0; i < pr->count && !g; i++) {
        if (strcmp(pr->grants[i].grantee, grantee) == 0)
            g = &pr->grants[i];
    }
    if (!g) {
        pr->grants = xgrow(pr->grants, sizeof(*pr->grants), pr->count + 1, &pr->alloc);
        g = &pr->grants[pr->count++];
        g->grantee = grantee;
        sb_init(&g->privileges);
    }
    if (g->privileges.len)
        sb_adds(&g->privileges, ", ");
    sb_adds(&g->privileges, list);
}

/* The list sorted and without duplicates ("SELECT*" wins over "SELECT"),
 * in the form the catalog query gives. */
static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void normalize(strbuf *list)
{
    char *copy = sb_detach(list);
    char *items[64];
    size_t n = 0;
    for (char *s = strtok(copy, ", "); s && n < 64; s = strtok(NULL, ", "))
        items[n++] = s;
    qsort(items, n, sizeof(char *), compare_strings);
    sb_adds(list, "");
    for (size_t i = 0; i < n; i++) {
        size_t len = strcspn(items[i], "*");
        bool dup = i + 1 < n && strncmp(items[i], items[i + 1], len) == 0 &&
                   strcspn(items[i + 1], "*") == len;
        if (dup)
            continue;   /* "SELECT" before "SELECT*": keep the latter */
        if (list->len)
            sb_adds(list, ", ");
        sb_adds(list, items[i]);
    }
    free(copy);
}

/* Default-privilege entries of TARGET for (role, object type), global
 * (schema NULL) or for one schema. */
static bool has_entries(const pa_model *to, const char *entry, const char *schema,
                        prediction *pr)
{
    bool any = false;
    const pa_kind *k = &kind_default_privilege;
    for (size_t i = 0; i < to->count; i++) {
        const pa_object *o = to->objects[i];
        if (o->kind != k || strcmp(o->table, entry) != 0)
            continue;
        if ((schema == NULL) != (o->schema == NULL) ||
            (schema && strcmp(schema, o->schema) != 0))
            continue;
        any = true;
        if (pr)
            add_privileges(pr, privilege_grantee(o), privilege_privileges(o));
    }
    return any;
}

static void predict(const pa_model *to, const acl_rule *r, const pa_object *obj,
                    const char *role, prediction *pr)
{
    if (r->has_grants && !r->has_grants(obj))
        return;
    strbuf entry = STRBUF_INIT;
    if (r->defaults_for)
        sb_addf(&entry, "%s FOR %s", r->defaults_for, role);
    bool global = r->defaults_for && has_entries(to, entry.buf, NULL, pr);
    if (!global && r->builtin)
        add_privileges(pr, "PUBLIC", r->builtin);
    if (r->defaults_for && obj->kind != &kind_schema)
        has_entries(to, entry.buf, obj->schema, pr);
    sb_release(&entry);
    for (size_t i = 0; i < pr->count; i++)
        normalize(&pr->grants[i].privileges);
}

/* "TABLE public.t", as the privilege queries write the object. */
static void object_words(strbuf *sb, const acl_rule *r, const pa_object *obj)
{
    sb_addf(sb, "%s ", r->keyword);
    if (!obj->schema) {
        sql_ident(sb, obj->name);
    } else if (routine_proname(obj)) {
        sql_qualified(sb, obj->schema, routine_proname(obj));
        sb_addf(sb, "(%s)", routine_identity_arguments(obj));
    } else {
        sql_qualified(sb, obj->schema, obj->name);
    }
}

/* A grant object of kind pk on obj for grantee, holding privileges. */
static pa_object *make_grant(pa_model *m, const pa_kind *pk, const acl_rule *r,
                             const pa_object *obj, const char *grantee,
                             const char *privileges)
{
    /* A schema's grants are keyed by its name; a global object's have none. */
    const char *schema = obj->schema ? obj->schema : obj->kind == &kind_schema ? obj->name : NULL;
    pa_object *g = model_add(m, pk, schema, obj->name, grantee);
    if (!g)
        return NULL;
    strbuf object = STRBUF_INIT;
    object_words(&object, r, obj);
    privilege_set(m, g, object.buf, grantee, privileges);
    sb_release(&object);
    return g;
}

/* Whether c makes its object anew: created, replaced, or swapped for a
 * new one by its ALTER (an enum losing a label, a domain a base type). */
static bool makes_new_object(const pa_diff *d, const pa_change *c)
{
    if (c->type == CHANGE_ADD || c->type == CHANGE_REPLACE)
        return true;
    const pa_kind *k = c->to ? c->to->kind : NULL;
    return c->type == CHANGE_ALTER && k->rebuild_is_new_object && k->alter_rebuilds &&
           k->alter_rebuilds(d->to, c->from, c->to);
}

void diff_predict_default_privileges(pa_diff *d, const char *role,
                                     diff_rematch_fn rematch)
{
    size_t n = d->count;
    for (size_t i = 0; i < n; i++) {
        const pa_change *c = &d->changes[i];
        const pa_object *obj = c->to;
        const acl_rule *r = obj ? rule_for(obj->kind) : NULL;
        if (!r || !makes_new_object(d, c))
            continue;
        const pa_kind *pk = r->privilege_kind;
        prediction pr = {0};
        predict(d->to, r, obj, role, &pr);
        for (size_t j = 0; j < pr.count; j++) {
            const grant *g = &pr.grants[j];
            pa_object *from = make_grant(&d->implied_from, pk, r, obj,
                                         g->grantee, g->privileges.buf);
            if (!from)
                continue;
            const pa_change *existing = diff_find(d, from->key);
            pa_object *to = existing && existing->to ? NULL
                            : make_grant(&d->implied_to, pk, r, obj, g->grantee, NULL);
            if (to) {
                /* Given by the defaults, not wanted by TARGET: revoked
                 * after the object is created. */
                to->parent = (pa_object *)obj;
                model_add_dep(&d->implied_to, to, (pa_object *)obj);
            }
            rematch(d, from, to ? to : existing->to);
        }
        for (size_t j = 0; j < pr.count; j++)
            sb_release(&pr.grants[j].privileges);
        free(pr.grants);
    }
}
