/* Splitting SQL plans into statements (src/apply/split.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "apply/split.h"

#include <string.h>

static pa_plan split(const char *script)
{
    pa_plan p;
    memset(&p, 0, sizeof(p));
    sql_split(script, &p);
    return p;
}

static void test_statements_and_blank_lines(void **state)
{
    (void)state;
    pa_plan p = split("CREATE TABLE a (id int);\n\nDROP TABLE b;\n\n");
    assert_int_equal(p.nstmts, 2);
    assert_string_equal(sb_str(&p.stmts[0]->sql), "CREATE TABLE a (id int)");
    assert_string_equal(sb_str(&p.stmts[1]->sql), "DROP TABLE b");
    plan_free(&p);
}

static void test_semicolons_inside_quotes_and_bodies(void **state)
{
    (void)state;
    pa_plan p = split(
        "SELECT 'a;b', \"x;y\", E'it\\'s;';\n"
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ select 1;\n\nselect 2; $f$;\n"
        "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ select ';' $$;\n"
        "/* a; /* nested; */ comment; */ SELECT 1 -- not; here\n;");
    assert_int_equal(p.nstmts, 4);
    assert_string_equal(sb_str(&p.stmts[0]->sql), "SELECT 'a;b', \"x;y\", E'it\\'s;'");
    assert_string_equal(sb_str(&p.stmts[1]->sql),
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ select 1;\n\nselect 2; $f$");
    assert_string_equal(sb_str(&p.stmts[2]->sql),
                        "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ select ';' $$");
    assert_string_equal(sb_str(&p.stmts[3]->sql),
                        "/* a; /* nested; */ comment; */ SELECT 1 -- not; here");
    plan_free(&p);
}

static void test_hazard_comments_become_hazards(void **state)
{
    (void)state;
    pa_plan p = split("-- hazards: data-loss, access-exclusive-lock\nDROP TABLE t;\n\n"
                      "-- a remark\nCREATE TABLE u (id int);\n-- trailing comment only\n");
    assert_int_equal(p.nstmts, 2);
    assert_string_equal(sb_str(&p.stmts[0]->sql), "DROP TABLE t");
    assert_int_equal(p.stmts[0]->hazards, HAZ_DATA_LOSS | HAZ_ACCESS_EXCLUSIVE);
    assert_string_equal(sb_str(&p.stmts[1]->sql), "CREATE TABLE u (id int)");
    assert_int_equal(p.stmts[1]->hazards, 0);
    plan_free(&p);
}

static void test_standard_strings_end_at_a_quote(void **state)
{
    (void)state;
    /* In a standard string a backslash is a character: 'a\' ends there. */
    pa_plan p = split("SELECT 'a\\'; SELECT 2;");
    assert_int_equal(p.nstmts, 2);
    assert_string_equal(sb_str(&p.stmts[0]->sql), "SELECT 'a\\'");
    plan_free(&p);
}

static void test_dollar_inside_a_word_is_no_quote(void **state)
{
    (void)state;
    /* a$b$ is one identifier (psql's lexer): no dollar quote starts. */
    pa_plan p = split("SELECT a$b$; SELECT 2; SELECT x $b$;$b$;");
    assert_int_equal(p.nstmts, 3);
    assert_string_equal(sb_str(&p.stmts[0]->sql), "SELECT a$b$");
    assert_string_equal(sb_str(&p.stmts[2]->sql), "SELECT x $b$;$b$");
    plan_free(&p);
}

static void test_sql_standard_bodies_keep_their_semicolons(void **state)
{
    (void)state;
    /* BEGIN ATOMIC ... END of a function or procedure, with CASE ... END
     * inside, as psql reads them; BEGIN elsewhere is a statement. */
    pa_plan p = split(
        "CREATE OR REPLACE FUNCTION public.g(x integer) RETURNS integer LANGUAGE sql\n"
        "BEGIN ATOMIC\n SELECT CASE WHEN (x > 0) THEN 1 ELSE 2 END AS \"case\";\n"
        " SELECT 3;\nEND;\n"
        "create procedure p() language sql begin atomic insert into t values (1); end;\n"
        "BEGIN; SELECT 1; END;\n"
        "CREATE TABLE t (a int CHECK (a > 0)); CREATE VIEW v AS SELECT (1; 2);");
    assert_int_equal(p.nstmts, 7);
    assert_string_equal(sb_str(&p.stmts[0]->sql),
                        "CREATE OR REPLACE FUNCTION public.g(x integer) RETURNS integer "
                        "LANGUAGE sql\nBEGIN ATOMIC\n SELECT CASE WHEN (x > 0) THEN 1 ELSE 2 "
                        "END AS \"case\";\n SELECT 3;\nEND");
    assert_string_equal(sb_str(&p.stmts[1]->sql),
                        "create procedure p() language sql begin atomic insert into t "
                        "values (1); end");
    assert_string_equal(sb_str(&p.stmts[2]->sql), "BEGIN");
    assert_string_equal(sb_str(&p.stmts[4]->sql), "END");
    assert_string_equal(sb_str(&p.stmts[6]->sql), "CREATE VIEW v AS SELECT (1; 2)");
    plan_free(&p);
}

/* What apply refuses in a plan: statements that end or open a
 * transaction, not those that only look alike. */
static void test_transaction_control(void **state)
{
    (void)state;
    assert_string_equal(sql_transaction_control("BEGIN"), "BEGIN");
    assert_string_equal(sql_transaction_control("  -- c\n begin isolation level serializable"), "BEGIN");
    assert_string_equal(sql_transaction_control("START TRANSACTION"), "START");
    assert_string_equal(sql_transaction_control("commit"), "COMMIT");
    assert_string_equal(sql_transaction_control("END"), "END");
    assert_string_equal(sql_transaction_control("ROLLBACK"), "ROLLBACK");
    assert_string_equal(sql_transaction_control("rollback work"), "ROLLBACK");
    assert_string_equal(sql_transaction_control("ABORT"), "ABORT");
    assert_string_equal(sql_transaction_control("PREPARE TRANSACTION 'x'"), "PREPARE");
    assert_null(sql_transaction_control("ROLLBACK TO SAVEPOINT s"));
    assert_null(sql_transaction_control("ROLLBACK WORK TO s"));
    assert_null(sql_transaction_control("PREPARE q AS SELECT 1"));
    assert_null(sql_transaction_control("BEGINNING"));
    assert_null(sql_transaction_control("end_of_table"));
    assert_null(sql_transaction_control("CREATE TABLE commit (id int)"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statements_and_blank_lines),
        cmocka_unit_test(test_semicolons_inside_quotes_and_bodies),
        cmocka_unit_test(test_hazard_comments_become_hazards),
        cmocka_unit_test(test_standard_strings_end_at_a_quote),
        cmocka_unit_test(test_dollar_inside_a_word_is_no_quote),
        cmocka_unit_test(test_sql_standard_bodies_keep_their_semicolons),
        cmocka_unit_test(test_transaction_control),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
