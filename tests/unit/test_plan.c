/* The generic diff and the planner on in-memory models: what changes, in
 * which order, and which statements are destructive. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "emit/sql.h"
#include "kinds/kinds.h"
#include "plan/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* add(m, kind, schema, table, name, "attr", "value", ..., NULL) */
static pa_object *add(pa_model *m, const char *kind, const char *schema,
                      const char *table, const char *name, ...)
{
    const pa_kind *k = kind_by_name(kind);
    assert_non_null(k);
    pa_object *o = model_add(m, k, schema, table, name);
    assert_non_null(o);
    va_list ap;
    va_start(ap, name);
    const char *attr;
    while ((attr = va_arg(ap, const char *)) != NULL) {
        const char *value = va_arg(ap, const char *);
        int i = kind_attr_index(k, attr);
        assert_true(i >= 0);
        model_set(m, o, (size_t)i, value);
    }
    va_end(ap);
    return o;
}

static void finish(pa_model *m)
{
    model_link(m);
    model_sort(m);
}

/* Plan from -> to; returns the SQL (caller frees) and the plan's count of
 * destructive statements. */
static char *plan_sql(pa_model *from, pa_model *to, size_t *destructive)
{
    pa_diff d;
    diff_compute(&d, from, to, NULL);
    pa_plan p;
    plan_build(&p, &d, false);
    strbuf sb = STRBUF_INIT;
    emit_sql(&sb, &p);
    if (destructive)
        *destructive = plan_count_hazard(&p, HAZ_DATA_LOSS);
    plan_free(&p);
    diff_free(&d);
    return sb_detach(&sb);
}

static size_t offset_of(const char *sql, const char *needle)
{
    const char *at = strstr(sql, needle);
    if (!at)
        fail_msg("'%s' not in plan:\n%s", needle, sql);
    return (size_t)(at - sql);
}

static void table_with_column(pa_model *m, const char *table, const char *col,
                              const char *type)
{
    add(m, "table", "public", NULL, table, "persistence", "LOGGED", NULL);
    add(m, "column", "public", table, col, "type", type, NULL);
}

static void test_identical_models_give_empty_plan(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    table_with_column(&a, "t", "id", "integer");
    table_with_column(&b, "t", "id", "integer");
    finish(&a);
    finish(&b);
    pa_diff d;
    diff_compute(&d, &a, &b, NULL);
    assert_int_equal(diff_count(&d), 0);
    diff_free(&d);
    char *sql = plan_sql(&a, &b, NULL);
    assert_string_equal(sql, "");
    free(sql);
    model_free(&a);
    model_free(&b);
}

static void test_enum_created_before_table_using_it(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    pa_object *e = add(&b, "enum", "public", NULL, "zz_mood",
                       "labels", "'sad', 'happy'", NULL);
    add(&b, "table", "public", NULL, "aa_people", "persistence", "LOGGED", NULL);
    pa_object *c = add(&b, "column", "public", "aa_people", "mood",
                       "type", "public.zz_mood", NULL);
    finish(&a);
    finish(&b);
    model_add_dep(&b, c, e);
    char *sql = plan_sql(&a, &b, NULL);
    assert_true(offset_of(sql, "CREATE TYPE public.zz_mood AS ENUM ('sad', 'happy')") <
                offset_of(sql, "CREATE TABLE public.aa_people (\n    mood public.zz_mood\n)"));
    free(sql);
    model_free(&a);
    model_free(&b);
}

static void foreign_key_pair(pa_model *m, const char *fk_def)
{
    table_with_column(m, "a", "id", "integer");
    table_with_column(m, "b", "a_id", "integer");
    pa_object *pk = add(m, "constraint", "public", "a", "a_pkey",
                        "definition", "PRIMARY KEY (id)", NULL);
    finish(m);
    if (fk_def) {
        pa_object *fk = add(m, "constraint", "public", "b", "b_fk",
                            "definition", fk_def, NULL);
        finish(m);
        model_add_dep(m, fk, pk);
    }
}

static void test_foreign_key_after_key_and_dropped_before_it(void **state)
{
    (void)state;
    pa_model empty, full;
    model_init(&empty);
    model_init(&full);
    finish(&empty);
    foreign_key_pair(&full, "FOREIGN KEY (a_id) REFERENCES public.a(id)");

    char *sql = plan_sql(&empty, &full, NULL);
    assert_true(offset_of(sql, "ADD CONSTRAINT a_pkey") <
                offset_of(sql, "ADD CONSTRAINT b_fk"));
    assert_true(offset_of(sql, "CREATE TABLE public.b") <
                offset_of(sql, "ADD CONSTRAINT b_fk"));
    free(sql);

    size_t destructive = 0;
    sql = plan_sql(&full, &empty, &destructive);
    /* Columns and the key go with their tables; the foreign key to the
     * other dropped table goes first, on its own, so the drops of the two
     * tables can never wait for each other. */
    assert_null(strstr(sql, "DROP CONSTRAINT a_pkey"));
    assert_null(strstr(sql, "DROP COLUMN"));
    assert_true(offset_of(sql, "ALTER TABLE public.b DROP CONSTRAINT b_fk;") <
                offset_of(sql, "DROP TABLE public.a;"));
    assert_non_null(strstr(sql, "DROP TABLE public.b;"));
    assert_int_equal(destructive, 3);
    free(sql);
    model_free(&empty);
    model_free(&full);
}

static void test_replaced_key_rebuilds_dependent_foreign_key(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    foreign_key_pair(&a, "FOREIGN KEY (a_id) REFERENCES public.a(id)");
    foreign_key_pair(&b, "FOREIGN KEY (a_id) REFERENCES public.a(id)");
    /* Same names, different key definition in the target. */
    pa_object *pk = model_find(&b, "constraint:\"public\".\"a\".\"a_pkey\"");
    assert_non_null(pk);
    model_set(&b, pk, 0, "PRIMARY KEY (id) DEFERRABLE");

    size_t destructive = 99;
    char *sql = plan_sql(&a, &b, &destructive);
    size_t drop_fk = offset_of(sql, "ALTER TABLE public.b DROP CONSTRAINT b_fk");
    size_t drop_pk = offset_of(sql, "ALTER TABLE public.a DROP CONSTRAINT a_pkey");
    size_t add_pk = offset_of(sql, "ADD CONSTRAINT a_pkey PRIMARY KEY (id) DEFERRABLE");
    size_t add_fk = offset_of(sql, "ADD CONSTRAINT b_fk");
    assert_true(drop_fk < drop_pk);
    assert_true(drop_pk < add_pk);
    assert_true(add_pk < add_fk);
    /* A rebuild keeps every row: not destructive. */
    assert_int_equal(destructive, 0);
    free(sql);
    /* The foreign key is rebuilt for the key it references; the key is
     * replaced for itself. */
    pa_diff d;
    diff_compute(&d, &a, &b, NULL);
    const pa_change *fk = diff_find(&d, "constraint:\"public\".\"b\".\"b_fk\"");
    const pa_change *key = diff_find(&d, "constraint:\"public\".\"a\".\"a_pkey\"");
    assert_non_null(fk);
    assert_non_null(key);
    assert_int_equal(fk->type, CHANGE_REPLACE);
    assert_true(fk->rebuild);
    assert_non_null(fk->rebuilt_for);
    assert_string_equal(fk->rebuilt_for->key, key->from->key);
    assert_false(key->rebuild);
    assert_null(key->rebuilt_for);
    diff_free(&d);
    model_free(&a);
    model_free(&b);
}

static void test_dependent_of_dropped_object_is_rebuilt(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    /* FROM: the foreign key leans on a unique index; TARGET: the same key
     * leans on a unique constraint (a different kind of object). */
    table_with_column(&a, "a", "id", "integer");
    table_with_column(&a, "b", "a_id", "integer");
    pa_object *idx = add(&a, "index", "public", "a", "a_id_key",
                         "definition", "CREATE UNIQUE INDEX a_id_key ON public.a USING btree (id)", NULL);
    pa_object *fk = add(&a, "constraint", "public", "b", "b_fk",
                        "definition", "FOREIGN KEY (a_id) REFERENCES public.a(id)", NULL);
    finish(&a);
    model_add_dep(&a, fk, idx);
    table_with_column(&b, "a", "id", "integer");
    table_with_column(&b, "b", "a_id", "integer");
    pa_object *con = add(&b, "constraint", "public", "a", "a_id_key",
                         "definition", "UNIQUE (id)", NULL);
    fk = add(&b, "constraint", "public", "b", "b_fk",
             "definition", "FOREIGN KEY (a_id) REFERENCES public.a(id)", NULL);
    finish(&b);
    model_add_dep(&b, fk, con);

    char *sql = plan_sql(&a, &b, NULL);
    size_t drop_fk = offset_of(sql, "ALTER TABLE public.b DROP CONSTRAINT b_fk");
    size_t drop_idx = offset_of(sql, "DROP INDEX public.a_id_key");
    size_t add_con = offset_of(sql, "ADD CONSTRAINT a_id_key UNIQUE (id)");
    size_t add_fk = offset_of(sql, "ADD CONSTRAINT b_fk FOREIGN KEY");
    assert_true(drop_fk < drop_idx);
    assert_true(drop_idx < add_con);
    assert_true(add_con < add_fk);
    free(sql);
    model_free(&a);
    model_free(&b);
}

static void test_enum_labels_added_in_place(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    add(&a, "enum", "public", NULL, "s", "labels", "'b', 'd'", NULL);
    add(&b, "enum", "public", NULL, "s", "labels", "'a', 'b', 'c', 'd', 'it''s'", NULL);
    finish(&a);
    finish(&b);
    size_t destructive = 99;
    char *sql = plan_sql(&a, &b, &destructive);
    assert_string_equal(sql,
        "ALTER TYPE public.s ADD VALUE 'a' BEFORE 'b';\n\n"
        "ALTER TYPE public.s ADD VALUE 'c' AFTER 'b';\n\n"
        "ALTER TYPE public.s ADD VALUE 'it''s' AFTER 'd';\n");
    assert_int_equal(destructive, 0);
    free(sql);
    model_free(&a);
    model_free(&b);
}

/* An added label that a definition of TARGET uses in a cast cannot be
 * added in the plan's transaction: the type is swapped. A cast to another
 * type whose name starts alike, or a label used without the cast, leaves
 * ADD VALUE. */
static char *enum_plan(const char *default_expr)
{
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    add(&a, "enum", "My App", NULL, "Mood", "labels", "'ok'", NULL);
    add(&b, "enum", "My App", NULL, "Mood", "labels", "'ok', 'new'", NULL);
    add(&b, "enum", "My App", NULL, "Mood2", "labels", "'ok', 'new'", NULL);
    add(&b, "default", "public", "t", "c", "expression", default_expr, NULL);
    finish(&a);
    finish(&b);
    char *sql = plan_sql(&a, &b, NULL);
    model_free(&a);
    model_free(&b);
    return sql;
}

static void test_enum_new_label_used_in_a_cast_swaps(void **state)
{
    (void)state;
    const char *swapped[] = {"'new'::\"My App\".\"Mood\"",
                             "'{ok,new}'::\"My App\".\"Mood\"[]",
                             "f('ok'::\"My App\".\"Mood2\", 'new'::\"My App\".\"Mood\")"};
    const char *added[] = {"'new'::\"My App\".\"Mood2\"", "'new'::text",
                           "'ok'::\"My App\".\"Mood\""};
    for (size_t i = 0; i < 3; i++) {
        char *sql = enum_plan(swapped[i]);
        assert_non_null(strstr(sql, "RENAME TO pgalign_old_"));
        free(sql);
        sql = enum_plan(added[i]);
        assert_non_null(strstr(sql, "ADD VALUE 'new'"));
        assert_null(strstr(sql, "RENAME TO"));
        free(sql);
    }
}

static void test_enum_label_removal_is_destructive(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    add(&a, "enum", "public", NULL, "s", "labels", "'a', 'b'", NULL);
    add(&b, "enum", "public", NULL, "s", "labels", "'a'", NULL);
    finish(&a);
    finish(&b);
    size_t destructive = 0;
    char *sql = plan_sql(&a, &b, &destructive);
    assert_true(offset_of(sql, "RENAME TO pgalign_old_") <
                offset_of(sql, "CREATE TYPE public.s AS ENUM ('a')"));
    assert_true(destructive > 0);
    free(sql);
    model_free(&a);
    model_free(&b);
}

static void test_comment_changes_and_removal(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    add(&a, "schema", NULL, NULL, "x", "comment", "old", NULL);
    add(&a, "schema", NULL, NULL, "y", "comment", "gone", NULL);
    add(&b, "schema", NULL, NULL, "x", "comment", "it's new", NULL);
    add(&b, "schema", NULL, NULL, "y", NULL);
    finish(&a);
    finish(&b);
    char *sql = plan_sql(&a, &b, NULL);
    assert_string_equal(sql,
        "COMMENT ON SCHEMA x IS 'it''s new';\n\n"
        "COMMENT ON SCHEMA y IS NULL;\n");
    free(sql);
    model_free(&a);
    model_free(&b);
}

static void test_plan_is_deterministic(void **state)
{
    (void)state;
    pa_model empty, full;
    model_init(&empty);
    model_init(&full);
    finish(&empty);
    foreign_key_pair(&full, "FOREIGN KEY (a_id) REFERENCES public.a(id)");
    char *first = plan_sql(&empty, &full, NULL);
    char *second = plan_sql(&empty, &full, NULL);
    assert_string_equal(first, second);
    assert_true(strlen(first) > 0 && first[strlen(first) - 1] == '\n');
    free(first);
    free(second);
    model_free(&empty);
    model_free(&full);
}

static void test_lossy_type_change_is_destructive(void **state)
{
    (void)state;
    static const struct { const char *from, *to; size_t destructive; } cases[] = {
        {"integer", "bigint", 0},
        {"character varying(10)", "character varying(20)", 0},
        {"character varying(10)", "text", 0},
        {"numeric(10,2)", "numeric", 0},
        {"numeric(10,2)", "numeric(14,2)", 0},
        {"numeric(10,2)", "numeric(12,4)", 0},
        {"numeric(10,2)", "numeric(10,4)", 1},
        {"numeric(10,2)", "numeric(10,0)", 1},
        {"bigint", "integer", 1},
        {"text", "integer", 1},
        {"character varying(20)", "character varying(10)", 1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        pa_model a, b;
        model_init(&a);
        model_init(&b);
        table_with_column(&a, "t", "c", cases[i].from);
        table_with_column(&b, "t", "c", cases[i].to);
        finish(&a);
        finish(&b);
        size_t destructive = 99;
        char *sql = plan_sql(&a, &b, &destructive);
        assert_non_null(strstr(sql, "ALTER COLUMN c TYPE"));
        if (destructive != cases[i].destructive)
            fail_msg("%s -> %s: %zu destructive", cases[i].from, cases[i].to,
                     destructive);
        free(sql);
        model_free(&a);
        model_free(&b);
    }
}

/* A composite type's children are its attributes and its grants: CREATE
 * TYPE must list only the attributes (a grant was once printed as one). */
static void test_composite_create_lists_only_attributes(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    add(&b, "composite", "public", NULL, "pair", NULL);
    add(&b, "type_attribute", "public", "pair", "x", "type", "integer", NULL);
    add(&b, "type_privilege", "public", "pair", "reader",
        "object", "TYPE public.pair", "grantee", "reader",
        "privileges", "USAGE", NULL);
    finish(&a);
    finish(&b);
    char *sql = plan_sql(&a, &b, NULL);
    offset_of(sql, "CREATE TYPE public.pair AS (\n    x integer\n);");
    offset_of(sql, "GRANT USAGE ON TYPE public.pair TO reader;");
    free(sql);
    model_free(&a);
    model_free(&b);
}

/* A warning is kept whole, however long the names in it. */
static void test_long_warning_is_kept_whole(void **state)
{
    (void)state;
    pa_plan p;
    memset(&p, 0, sizeof(p));
    char name[3001];
    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    plan_warn(&p, "%s and %s", name, "the end");
    const char *w = sb_str(&p.warnings);
    assert_int_equal(strlen(w), strlen("pgalign: warning: ") + 3000 + strlen(" and the end\n"));
    assert_non_null(strstr(w, " and the end\n"));
    plan_free(&p);
}

/* Session settings come once each and before anything else. */
static void test_preamble_once_before_all(void **state)
{
    (void)state;
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    add(&b, "schema", NULL, NULL, "s", NULL);
    for (int i = 0; i < 12; i++) {
        char fn[16];
        snprintf(fn, sizeof(fn), "f%d", i);
        add(&b, "function", "s", NULL, fn, "proname", fn, "identity_arguments", "",
            "arguments", "", "prokind", "f",
            "definition", "CREATE OR REPLACE FUNCTION s.f() RETURNS int LANGUAGE sql AS 'select 1'",
            NULL);
    }
    finish(&a);
    finish(&b);
    char *sql = plan_sql(&a, &b, NULL);
    const char *pre = "SET check_function_bodies = false;";
    assert_int_equal(offset_of(sql, pre), 0);
    assert_null(strstr(sql + 1, pre));
    free(sql);
    model_free(&a);
    model_free(&b);
}

/* Kinds of a test only, each with a preamble of its own: more than the
 * eight distinct preambles the planner once kept. */
static void fake_create(pa_plan *p, const pa_object *to)
{
    sb_addf(&plan_stmt(p, 0)->sql, "CREATE FAKE %s", to->name);
}

#define FAKE_KINDS 10
static const char *const fake_names[FAKE_KINDS] = {"fake0", "fake1", "fake2", "fake3",
                                                   "fake4", "fake5", "fake6", "fake7",
                                                   "fake8", "fake9"};
static const char *const fake_preambles[FAKE_KINDS] = {
    "SET fake.p0 = 1", "SET fake.p1 = 1", "SET fake.p2 = 1", "SET fake.p3 = 1",
    "SET fake.p4 = 1", "SET fake.p5 = 1", "SET fake.p6 = 1", "SET fake.p7 = 1",
    "SET fake.p8 = 1", "SET fake.p9 = 1"};

static void test_every_distinct_preamble_once_first(void **state)
{
    (void)state;
    pa_kind kinds[FAKE_KINDS];
    pa_model a, b;
    model_init(&a);
    model_init(&b);
    for (int i = 0; i < FAKE_KINDS; i++) {
        kinds[i] = (pa_kind){.name = fake_names[i], .rank = 90 + i,
                             .preamble = fake_preambles[i], .create = fake_create};
        model_add(&b, &kinds[i], NULL, NULL, fake_names[i]);
        model_add(&b, &kinds[i], NULL, NULL, "second");
    }
    finish(&a);
    finish(&b);
    char *sql = plan_sql(&a, &b, NULL);
    size_t first_create = offset_of(sql, "CREATE FAKE");
    for (int i = 0; i < FAKE_KINDS; i++) {
        char pre[32];
        snprintf(pre, sizeof(pre), "%s;", fake_preambles[i]);
        size_t at = offset_of(sql, pre);
        assert_true(at < first_create);
        assert_null(strstr(sql + at + 1, pre));
    }
    free(sql);
    model_free(&a);
    model_free(&b);
}

/* Checks land on the statement a kind names, which keeps them even when
 * other statements are added after it; a second check on one statement
 * is a bug that stops pgalign rather than replacing the first. */
static void test_check_stays_on_its_statement(void **state)
{
    (void)state;
    pa_model m;
    model_init(&m);
    pa_object *t = add(&m, "table", "public", NULL, "t", NULL);
    pa_plan p = {0};
    pa_stmt *first = plan_stmt(&p, 0);
    for (int i = 0; i < 100; i++)
        sb_adds(&plan_stmt(&p, 0)->sql, "SELECT 1");
    plan_check(first, CHECK_EMPTY_TABLE, t, "c", NULL, NULL);
    plan_standalone(first);
    assert_ptr_equal(p.stmts[0], first);
    assert_int_equal(p.stmts[0]->check.type, CHECK_EMPTY_TABLE);
    assert_true(p.stmts[0]->standalone);
    assert_int_equal(p.stmts[1]->check.type, CHECK_NONE);
    fflush(NULL);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        fclose(stderr);     /* the BUG line is expected */
        plan_check(first, CHECK_NOT_NULL, t, "c", NULL, NULL);
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFSIGNALED(status));
    plan_free(&p);
    model_free(&m);
}

/* A difference whose ALTER gives no statement (a merged column's type,
 * which its parent's ALTER changes, here with the parent unchanged) is
 * never an empty plan: it is a note, and the verdict says drift. */
static void test_alter_without_statement_is_a_note(void **state)
{
    (void)state;
    pa_model from, to;
    model_init(&from);
    model_init(&to);
    add(&from, "table", "public", NULL, "child", "persistence", "LOGGED", NULL);
    add(&from, "column", "public", "child", "code", "type", "character varying(5)",
        "merged", "merged", NULL);
    add(&to, "table", "public", NULL, "child", "persistence", "LOGGED", NULL);
    add(&to, "column", "public", "child", "code", "type", "character varying(9)",
        "merged", "merged", NULL);
    finish(&from);
    finish(&to);
    pa_diff d;
    diff_compute(&d, &from, &to, NULL);
    pa_plan p;
    plan_build(&p, &d, false);
    assert_int_equal(p.nstmts, 0);
    assert_int_equal(p.nnotes, 1);
    assert_non_null(strstr(p.notes[0], "has no statement that changes it"));
    assert_non_null(strstr(p.notes[0], "child"));
    plan_free(&p);
    diff_free(&d);
    model_free(&from);
    model_free(&to);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alter_without_statement_is_a_note),
        cmocka_unit_test(test_identical_models_give_empty_plan),
        cmocka_unit_test(test_enum_created_before_table_using_it),
        cmocka_unit_test(test_foreign_key_after_key_and_dropped_before_it),
        cmocka_unit_test(test_replaced_key_rebuilds_dependent_foreign_key),
        cmocka_unit_test(test_dependent_of_dropped_object_is_rebuilt),
        cmocka_unit_test(test_enum_labels_added_in_place),
        cmocka_unit_test(test_enum_label_removal_is_destructive),
        cmocka_unit_test(test_comment_changes_and_removal),
        cmocka_unit_test(test_plan_is_deterministic),
        cmocka_unit_test(test_enum_new_label_used_in_a_cast_swaps),
        cmocka_unit_test(test_lossy_type_change_is_destructive),
        cmocka_unit_test(test_composite_create_lists_only_attributes),
        cmocka_unit_test(test_long_warning_is_kept_whole),
        cmocka_unit_test(test_preamble_once_before_all),
        cmocka_unit_test(test_every_distinct_preamble_once_first),
        cmocka_unit_test(test_check_stays_on_its_statement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
