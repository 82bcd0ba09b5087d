/* Object patterns (--exclude, --include): how they are read, what they
 * match, and what filter_prune leaves of a model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cmd/patterns.h"
#include "kinds/kinds.h"
#include "model/filter.h"
#include "model/pattern.h"

#include <string.h>

/* Whether text, read as a pattern, names the object of kind at path. */
static bool names(const char *text, const char *kind, const char *schema,
                  const char *table, const char *name, const char *base)
{
    pa_pattern p;
    strbuf err = STRBUF_INIT;
    assert_true(pattern_parse(text, false, &p, &err));
    const char *path[3];
    size_t n = 0;
    if (schema)
        path[n++] = schema;
    if (table)
        path[n++] = table;
    path[n++] = name;
    bool named = pattern_names(&p, kind, path, n, base);
    pattern_free(&p);
    sb_release(&err);
    return named;
}

static void test_wildcards(void **state)
{
    (void)state;
    assert_true(names("public.tmp_*", "table", "public", NULL, "tmp_x", NULL));
    assert_true(names("public.tmp_*", "table", "public", NULL, "tmp_", NULL));
    assert_false(names("public.tmp_*", "table", "public", NULL, "tm", NULL));
    assert_true(names("*.t?p", "view", "app", NULL, "tap", NULL));
    assert_false(names("*.t?p", "view", "app", NULL, "tp", NULL));
    /* ? is one character, not one byte. */
    assert_true(names("public.caf?", "table", "public", NULL, "caf\xc3\xa9", NULL));
    assert_true(names("public.*a*b*", "table", "public", NULL, "xxaxxbxx", NULL));
    assert_false(names("public.*a*b", "table", "public", NULL, "xxaxxbxx", NULL));
    assert_true(names("*", "schema", NULL, NULL, "anything", NULL));
}

static void test_case_and_quotes(void **state)
{
    (void)state;
    /* As pg_dump -t: unquoted letters fold, quoted ones do not. */
    assert_true(names("Public.Orders", "table", "public", NULL, "orders", NULL));
    assert_false(names("public.Orders", "table", "public", NULL, "Orders", NULL));
    assert_true(names("public.\"Orders\"", "table", "public", NULL, "Orders", NULL));
    /* A quoted dot is part of the name; quoted * and ? are themselves. */
    assert_true(names("public.\"a.b\"", "table", "public", NULL, "a.b", NULL));
    assert_true(names("public.\"a*\"", "table", "public", NULL, "a*", NULL));
    assert_false(names("public.\"a*\"", "table", "public", NULL, "ab", NULL));
    assert_true(names("public.\"say \"\"hi\"\"\"", "table", "public", NULL, "say \"hi\"",
                      NULL));
}

static void test_parts_and_kinds(void **state)
{
    (void)state;
    /* The parts count: schema.name is never a column. */
    assert_false(names("public.note", "column", "public", "t", "note", NULL));
    assert_true(names("public.t.note", "column", "public", "t", "note", NULL));
    assert_true(names("column:*.*.note", "column", "public", "t", "note", NULL));
    assert_false(names("table:*.*.note", "column", "public", "t", "note", NULL));
    assert_true(names("base_type:public.x", "base type", "public", NULL, "x", NULL));
    assert_true(names("base type:public.x", "base type", "public", NULL, "x", NULL));
    /* A signature may be left out. */
    assert_true(names("public.f", "function", "public", NULL, "f(integer)", "f"));
    assert_true(names("public.\"f(integer)\"", "function", "public", NULL, "f(integer)",
                      "f"));
    /* An operator's name may hold a colon: no kind then. */
    assert_true(names("public.@:", "operator", "public", NULL, "@:", NULL));
}

static void test_bad_patterns(void **state)
{
    (void)state;
    const char *bad[] = {"", "public.", ".t", "a.b.c.d", "public.\"t", "table:", NULL};
    for (const char **b = bad; *b; b++) {
        pa_pattern p;
        strbuf err = STRBUF_INIT;
        assert_false(pattern_parse(*b, false, &p, &err));
        assert_true(err.len > 0);
        pattern_free(&p);
        sb_release(&err);
    }
    pa_filter f = {0};
    strbuf err = STRBUF_INIT;
    assert_false(patterns_add(&f, "tabel:x", false, &err));
    assert_non_null(strstr(sb_str(&err), "no kind is called tabel"));
    assert_true(patterns_add(&f, "subscription:s*", false, &err));
    assert_true(patterns_add(&f, "text_search_configuration:*.x", true, &err));
    assert_int_equal(f.npatterns, 2);
    patterns_free(&f);
    sb_release(&err);
}

static pa_object *add(pa_model *m, const pa_kind *k, const char *schema, const char *table,
                      const char *name)
{
    pa_object *o = model_add(m, k, schema, table, name);
    assert_non_null(o);
    return o;
}

static bool kept(const pa_model *m, const pa_kind *k, const char *schema, const char *table,
                 const char *name)
{
    return model_lookup(m, k, schema, table, name) != NULL;
}

/* public.t (columns a, b with a default), public.tmp_x (column a), a
 * view over tmp_x, a function, schema app with a table. */
static void build(pa_model *m)
{
    model_init(m);
    add(m, &kind_schema, NULL, NULL, "public");
    add(m, &kind_schema, NULL, NULL, "app");
    add(m, &kind_table, "public", NULL, "t");
    add(m, &kind_column, "public", "t", "a");
    add(m, &kind_column, "public", "t", "b");
    add(m, &kind_column_default, "public", "t", "b");
    add(m, &kind_table, "public", NULL, "tmp_x");
    pa_object *col = add(m, &kind_column, "public", "tmp_x", "a");
    pa_object *view = add(m, &kind_view, "public", NULL, "v");
    add(m, &kind_function, "public", NULL, "f(integer)");
    add(m, &kind_table, "app", NULL, "u");
    census_add(&m->census, &m->arena, "base type", "app", "app.\"My Type\"", "0", false);
    model_link(m);
    model_add_dep(m, view, col);
    model_sort(m);
}

static void prune(pa_model *m, const char *const *excludes, const char *const *includes)
{
    pa_filter f = {0};
    strbuf err = STRBUF_INIT;
    for (; excludes && *excludes; excludes++)
        assert_true(patterns_add(&f, *excludes, false, &err));
    for (; includes && *includes; includes++)
        assert_true(patterns_add(&f, *includes, true, &err));
    filter_prune(&f, m);
    patterns_free(&f);
    sb_release(&err);
}

static void test_prune_exclude(void **state)
{
    (void)state;
    pa_model m;
    build(&m);
    prune(&m, (const char *[]){"*.tmp_*", "column:public.t.b", "function:public.f",
                               "app", NULL}, NULL);
    /* What lives in what is left out goes with it. */
    assert_false(kept(&m, &kind_table, "public", NULL, "tmp_x"));
    assert_false(kept(&m, &kind_column, "public", "tmp_x", "a"));
    assert_false(kept(&m, &kind_column, "public", "t", "b"));
    assert_false(kept(&m, &kind_column_default, "public", "t", "b"));
    assert_false(kept(&m, &kind_function, "public", NULL, "f(integer)"));
    assert_false(kept(&m, &kind_table, "app", NULL, "u"));
    assert_int_equal(m.census.count, 0);
    assert_true(kept(&m, &kind_table, "public", NULL, "t"));
    assert_true(kept(&m, &kind_column, "public", "t", "a"));
    assert_true(kept(&m, &kind_view, "public", NULL, "v"));
    /* The table keeps only its column a; the view lets go of tmp_x.a,
     * and the crossing says so. */
    const pa_object *t = model_lookup(&m, &kind_table, "public", NULL, "t");
    assert_non_null(t->first_child);
    assert_null(t->first_child->next_sibling);
    const pa_object *v = model_lookup(&m, &kind_view, "public", NULL, "v");
    for (unsigned i = 0; i < v->ndeps; i++)
        assert_string_not_equal(v->deps[i]->name, "a");
    assert_int_equal(m.ncrossings, 2);  /* both ends of view -> tmp_x.a */
    assert_non_null(hashmap_get(&m.left_out, "table:\"public\".\"tmp_x\""));
    /* Each pattern named something itself; app named its schema. */
    for (int i = 0; i < 4; i++)
        assert_true(m.pattern_hits[i] > 0);
    model_free(&m);
}

static void test_prune_include(void **state)
{
    (void)state;
    pa_model m;
    build(&m);
    prune(&m, (const char *[]){"column:*.*.b", NULL},
          (const char *[]){"public.t", "base_type:app.\"My Type\"", NULL});
    assert_true(kept(&m, &kind_table, "public", NULL, "t"));
    assert_true(kept(&m, &kind_column, "public", "t", "a"));
    assert_false(kept(&m, &kind_column, "public", "t", "b"));
    assert_false(kept(&m, &kind_schema, NULL, NULL, "public"));
    assert_false(kept(&m, &kind_view, "public", NULL, "v"));
    assert_false(kept(&m, &kind_table, "app", NULL, "u"));
    assert_int_equal(m.census.count, 1);
    model_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wildcards),
        cmocka_unit_test(test_case_and_quotes),
        cmocka_unit_test(test_parts_and_kinds),
        cmocka_unit_test(test_bad_patterns),
        cmocka_unit_test(test_prune_exclude),
        cmocka_unit_test(test_prune_include),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
