/* Every kind's table of attributes and the names it refers to by: what
 * the compiler cannot see (a hole in a designated attribute table, a
 * parent kind or an attribute named by a string that does not exist). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kinds/column.h"
#include "kinds/extension.h"
#include "kinds/index.h"
#include "kinds/kinds.h"
#include "kinds/policy.h"
#include "kinds/privilege.h"
#include "kinds/routine.h"
#include "kinds/table.h"

#include <string.h>

/* Each rule has a name, and no two the same. */
static void test_attribute_tables_have_no_holes(void **state)
{
    (void)state;
    for (size_t k = 0; k < pa_nkinds; k++) {
        const pa_kind *kind = pa_kinds[k];
        for (size_t i = 0; i < kind->nattrs; i++) {
            if (!kind->attrs[i].name)
                fail_msg("%s: attribute %zu has no rule", kind->name, i);
            for (size_t j = 0; j < i; j++) {
                if (strcmp(kind->attrs[i].name, kind->attrs[j].name) == 0)
                    fail_msg("%s: attribute %s twice", kind->name, kind->attrs[i].name);
            }
        }
    }
}

/* An attribute a kind's definition names by its enum is one it has. */
static void assert_attribute(const pa_kind *kind, int attr, const char *field)
{
    if (attr < 0 || (size_t)attr >= kind->nattrs)
        fail_msg("%s: %s names attribute %d of %zu", kind->name, field, attr, kind->nattrs);
}

static void assert_attribute_list(const pa_kind *kind, const int *list, const char *field)
{
    for (; list && *list != -1; list++)
        assert_attribute(kind, *list, field);
}

/* Parent kinds, canonical attributes, features and the filter's schema
 * attribute name what exists. */
static void test_names_resolve(void **state)
{
    (void)state;
    for (size_t k = 0; k < pa_nkinds; k++) {
        const pa_kind *kind = pa_kinds[k];
        for (const pa_kind *const *pk = kind->parents; pk && *pk; pk++) {
            if (!kind_by_name((*pk)->name))
                fail_msg("%s: parent kind %s is not in the list of kinds", kind->name,
                         (*pk)->name);
        }
        assert_attribute_list(kind, kind->canonical_attrs, "canonical_attrs");
        assert_attribute_list(kind, kind->naming_attrs, "naming_attrs");
        for (const pa_feature *f = kind->features; f && f->what; f++)
            assert_attribute(kind, f->attr, f->what);
        if (kind->filter_schema_attr)
            assert_attribute(kind, *kind->filter_schema_attr, "filter_schema_attr");
        /* Older snapshots named it in the census: reading one, those
         * entries are set aside by that word (cmd/diff.c). */
        if (kind->snapshot_since > 1 && !kind->census_what)
            fail_msg("%s: newer than snapshot format 1 but no census word", kind->name);
        assert_ptr_equal(kind_by_name(kind->name), kind);
    }
}

/* Each attribute of o set to its own name, so an accessor that reads the
 * wrong one is seen. */
static pa_object *named_values(pa_model *m, const pa_kind *k, const char *name)
{
    pa_object *o = model_add(m, k, k == &kind_extension ? NULL : "s",
                             k->parents ? "t" : NULL, name);
    assert_non_null(o);
    for (size_t i = 0; i < k->nattrs; i++)
        model_set(m, o, i, k->attrs[i].name);
    return o;
}

/* What other code reads of a kind comes from the attribute of that name,
 * and from no other kind's object. */
static void test_accessors_read_their_attribute(void **state)
{
    (void)state;
    pa_model m;
    model_init(&m);
    const pa_object *table = named_values(&m, &kind_table, "t");
    const pa_object *column = named_values(&m, &kind_column, "c");
    const pa_object *index = named_values(&m, &kind_index, "i");
    const pa_object *constraint = named_values(&m, &kind_constraint, "k");
    const pa_object *policy = named_values(&m, &kind_policy, "p");
    const pa_object *function = named_values(&m, &kind_function, "f()");
    const pa_object *aggregate = named_values(&m, &kind_aggregate, "a(integer)");
    const pa_object *grant = named_values(&m, &kind_relation_privilege, "g");
    const pa_object *defaults = named_values(&m, &kind_default_privilege, "d");
    pa_object *ext = named_values(&m, &kind_extension, "e");
    const pa_object *matview = named_values(&m, &kind_matview, "v");

    assert_string_equal(table_partition_key(table), "partition_key");
    assert_string_equal(table_replica_identity(table), "replica_identity");
    assert_null(table_partition_key(matview));
    assert_string_equal(column_type(column), "type");
    assert_string_equal(column_collation(column), "collation");
    assert_string_equal(column_not_null(column), "notnull");
    assert_string_equal(column_not_null_name(column), "notnull_name");
    assert_null(column_type(table));
    assert_string_equal(index_definition(index), "definition");
    assert_null(index_definition(constraint));
    assert_string_equal(constraint_definition(constraint), "definition");
    assert_null(constraint_definition(index));
    assert_string_equal(policy_roles(policy), "roles");
    assert_null(policy_roles(grant));
    assert_string_equal(routine_proname(function), "proname");
    assert_string_equal(routine_identity_arguments(aggregate), "identity_arguments");
    assert_null(routine_proname(table));
    assert_string_equal(privilege_grantee(grant), "grantee");
    assert_string_equal(privilege_privileges(defaults), "privileges");
    assert_string_equal(privilege_grantors(grant), "grantors");
    assert_string_equal(privilege_role(defaults), "role");
    assert_null(privilege_role(grant));
    assert_null(privilege_grantee(policy));
    assert_string_equal(kind_relation_privilege.attrs[privilege_grantee_attr(
                            &kind_relation_privilege)].name, "grantee");
    assert_string_equal(kind_default_privilege.attrs[privilege_role_attr(
                            &kind_default_privilege)].name, "role");
    assert_int_equal(privilege_role_attr(&kind_relation_privilege), -1);
    assert_string_equal(kind_schema.attrs[kind_comment_attr(&kind_schema)].name, "comment");

    extension_set_version(&m, ext, "1.2");
    extension_set_schema(&m, ext, "x");
    assert_string_equal(ext->values[kind_attr_index(&kind_extension, "version")], "1.2");
    assert_string_equal(ext->values[kind_attr_index(&kind_extension, "ext_schema")], "x");
    model_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attribute_tables_have_no_holes),
        cmocka_unit_test(test_names_resolve),
        cmocka_unit_test(test_accessors_read_their_attribute),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
