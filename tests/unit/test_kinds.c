/* Every kind's table of attributes and the names it refers to by: what
 * the compiler cannot see (a hole in a designated attribute table, a
 * parent kind or an attribute named by a string that does not exist). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "kinds/kind.h"

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

/* One word of a '|'- or ' '-separated list, copied into buf. */
static const char *next_word(const char *s, char sep, char *buf, size_t size)
{
    size_t n = strcspn(s, (char[]){sep, '\0'});
    assert_true(n > 0 && n < size);
    memcpy(buf, s, n);
    buf[n] = '\0';
    return s[n] ? s + n + 1 : s + n;
}

static void assert_attribute(const pa_kind *kind, const char *attr, const char *field)
{
    if (kind_attr_index(kind, attr) < 0)
        fail_msg("%s: %s names attribute %s, which it does not have", kind->name, field, attr);
}

/* Parent kinds, canonical attributes, features and the filter's schema
 * attribute name what exists. */
static void test_names_resolve(void **state)
{
    (void)state;
    char word[64];
    for (size_t k = 0; k < pa_nkinds; k++) {
        const pa_kind *kind = pa_kinds[k];
        for (const pa_kind *const *pk = kind->parents; pk && *pk; pk++) {
            if (!kind_by_name((*pk)->name))
                fail_msg("%s: parent kind %s is not in the list of kinds", kind->name,
                         (*pk)->name);
        }
        for (const char *s = kind->canonical_attrs; s && *s;) {
            s = next_word(s, ' ', word, sizeof(word));
            assert_attribute(kind, word, "canonical_attrs");
        }
        for (const pa_feature *f = kind->features; f && f->attr; f++)
            assert_attribute(kind, f->attr, "a feature");
        if (kind->filter_schema_attr)
            assert_attribute(kind, kind->filter_schema_attr, "filter_schema_attr");
        assert_ptr_equal(kind_by_name(kind->name), kind);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attribute_tables_have_no_holes),
        cmocka_unit_test(test_names_resolve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
