/* Server versions as data: each kind's query text for every supported
 * major, and the refusal of what FROM's major cannot have. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "kinds/kind.h"
#include "plan/compat.h"

#include <stdlib.h>
#include <string.h>

static const int majors[] = {140000, 150000, 160000, 170000, 180000};

static char *query_for(const char *kind, int version)
{
    const pa_kind *k = kind_by_name(kind);
    assert_non_null(k);
    strbuf sql = STRBUF_INIT, err = STRBUF_INIT;
    if (!kind_query_text(k, version, &sql, &err))
        fail_msg("%s on %d: %s", kind, version, sb_str(&err));
    sb_release(&err);
    return sb_detach(&sql);
}

/* Every kind has a complete query on every major: no {{name}} is left. */
static void test_every_kind_has_text_for_every_major(void **state)
{
    (void)state;
    for (size_t i = 0; i < pa_nkinds; i++) {
        /* --data rows are read by inspect/data.c, not by a query of the kind's. */
        if (!pa_kinds[i]->query)
            continue;
        for (size_t v = 0; v < sizeof(majors) / sizeof(majors[0]); v++) {
            char *sql = query_for(pa_kinds[i]->name, majors[v]);
            if (strstr(sql, "{{") || strstr(sql, "}}"))
                fail_msg("%s on %d keeps a placeholder", pa_kinds[i]->name, majors[v]);
            free(sql);
        }
    }
}

static void test_newest_variant_the_server_has_is_chosen(void **state)
{
    (void)state;
    char *q14 = query_for("collation", 140000), *q15 = query_for("collation", 150000);
    char *q16 = query_for("collation", 160004), *q17 = query_for("collation", 170002);
    assert_non_null(strstr(q14, "quote_literal(co.collcollate)"));
    assert_null(strstr(q14, "colliculocale"));
    assert_non_null(strstr(q15, "co.colliculocale"));
    assert_null(strstr(q15, "collicurules"));
    assert_non_null(strstr(q16, "co.collicurules"));
    assert_non_null(strstr(q17, "co.colllocale"));
    assert_null(strstr(q17, "colliculocale"));
    free(q14);
    free(q15);
    free(q16);
    free(q17);
    char *c17 = query_for("column", 170000), *c18 = query_for("column", 180000);
    assert_null(strstr(c17, "contype = 'n'"));
    assert_non_null(strstr(c18, "contype = 'n'"));
    free(c17);
    free(c18);
}

static void test_unknown_placeholder_is_an_error(void **state)
{
    (void)state;
    static const pa_sql_variant variants[] = {{"a", 0, "1"}, {NULL, 0, NULL}};
    pa_kind k = {.name = "probe", .query = "SELECT {{a}}, {{b}}", .variants = variants};
    strbuf sql = STRBUF_INIT, err = STRBUF_INIT;
    assert_false(kind_query_text(&k, 170000, &sql, &err));
    assert_non_null(strstr(sb_str(&err), "no text for b"));
    sb_release(&sql);
    sb_release(&err);
}

static pa_object *add(pa_model *m, const char *kind, const char *schema,
                      const char *table, const char *name, const char *attr,
                      const char *value)
{
    const pa_kind *k = kind_by_name(kind);
    pa_object *o = model_add(m, k, schema, table, name);
    int i = kind_attr_index(k, attr);
    assert_true(i >= 0);
    model_set(m, o, (size_t)i, value);
    return o;
}

/* TARGET's NULLS NOT DISTINCT index cannot be planned for a 14. */
static void test_feature_newer_than_from_is_refused(void **state)
{
    (void)state;
    pa_model from, to;
    model_init(&from);
    model_init(&to);
    add(&to, "table", "public", NULL, "t", "persistence", "LOGGED");
    add(&to, "index", "public", "t", "t_u", "definition",
        "CREATE UNIQUE INDEX t_u ON public.t USING btree (a) NULLS NOT DISTINCT");
    add(&to, "index", "public", "t", "t_plain", "definition",
        "CREATE INDEX t_plain ON public.t USING btree (a)");
    model_link(&from);
    model_link(&to);
    model_sort(&from);
    model_sort(&to);
    pa_diff d;
    diff_compute(&d, &from, &to, NULL);
    strbuf err = STRBUF_INIT;
    assert_true(compat_check(&d, 150002, &err));
    assert_true(compat_check(&d, 0, &err));
    assert_int_equal(err.len, 0);
    assert_false(compat_check(&d, 140011, &err));
    const char *msg = sb_str(&err);
    assert_non_null(strstr(msg, "FROM's server (PostgreSQL 14)"));
    assert_non_null(strstr(msg, "index public.t_u: NULLS NOT DISTINCT (PostgreSQL 15)"));
    assert_null(strstr(msg, "t_plain"));
    sb_release(&err);
    diff_free(&d);
    model_free(&from);
    model_free(&to);
}

static void test_version_names(void **state)
{
    (void)state;
    strbuf sb = STRBUF_INIT;
    compat_version_name(&sb, 170004);
    sb_adds(&sb, " ");
    compat_version_name(&sb, 90624);
    assert_string_equal(sb_str(&sb), "17 9.6");
    sb_release(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_has_text_for_every_major),
        cmocka_unit_test(test_newest_variant_the_server_has_is_chosen),
        cmocka_unit_test(test_unknown_placeholder_is_an_error),
        cmocka_unit_test(test_feature_newer_than_from_is_refused),
        cmocka_unit_test(test_version_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
