#include "model/filter.h"
#include "model/kind.h"

#include <string.h>

static bool in_list(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; list && (n ? i < n : list[i] != NULL); i++) {
        if (strcmp(list[i], s) == 0)
            return true;
    }
    return false;
}

/* --exclude-schema wins; then --schema, which may name a managed schema;
 * then the profile's managed schemas are left out. */
bool filter_accepts(const pa_filter *f, const char *schema)
{
    if (!f || !schema)
        return true;
    if (f->nexclude && in_list(f->exclude, f->nexclude, schema))
        return false;
    if (f->ninclude)
        return in_list(f->include, f->ninclude, schema);
    return !in_list(f->managed_schemas, 0, schema);
}

/* Whether a schema is left out only because a profile manages it. */
static bool only_managed(const pa_filter *f, const char *schema)
{
    return f && !f->ninclude && !(f->nexclude && in_list(f->exclude, f->nexclude, schema)) &&
           in_list(f->managed_schemas, 0, schema);
}

bool filter_accepts_object(const pa_filter *f, const pa_kind *k, const char *schema,
                           const char *name, const char *other_schema,
                           const char *grantee, const char *role)
{
    if (!filter_accepts_kind(f, k))
        return false;
    const char *own = schema ? schema : name;
    if (k->schema_filtered && !filter_accepts(f, own) &&
        !(other_schema && filter_accepts(f, other_schema)) &&
        !(k->kept_in_managed_schemas && only_managed(f, own)))
        return false;
    /* Extensions have no schema of their own to be filtered by. */
    if (f && f->managed_extensions && k->named_by_managed_extensions &&
        in_list(f->managed_extensions, 0, name))
        return false;
    return !f || ((!grantee || !in_list(f->managed_roles, 0, grantee)) &&
                  (!role || !in_list(f->managed_roles, 0, role)));
}

bool filter_accepts_kind(const pa_filter *f, const pa_kind *kind)
{
    if (kind->profile && !(f && f->profile && strcmp(f->profile, kind->profile) == 0))
        return false;
    return !kind->is_privilege || (f && f->privileges);
}

void filter_data_table_name(strbuf *out, const char *given)
{
    bool quoted = false, qualified = false;
    for (const char *p = given; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == '.' && !quoted)
            qualified = true;
    }
    if (!qualified)
        sb_adds(out, "public.");
    sb_adds(out, given);
}
