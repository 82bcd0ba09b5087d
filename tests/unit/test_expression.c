/* The canonical form of server-printed expressions (model/expression.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model/expression.h"

#include <stdlib.h>
#include <string.h>

static void expect(const char *in, const char *out)
{
    char *got = expression_canonical(in);
    if (!out) {
        if (got)
            fail_msg("'%s' rewritten to '%s'", in ? in : "(null)", got);
        return;
    }
    if (!got)
        fail_msg("'%s' left as it is, expected '%s'", in, out);
    assert_string_equal(got, out);
    free(got);
}

static void test_in_list_on_varchar(void **state)
{
    (void)state;
    expect("CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))",
           "CHECK (((s)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text])))");
    expect("((k)::text <> ALL ((ARRAY['x'::character varying, 'y'::character varying])::text[]))",
           "((k)::text <> ALL (ARRAY[('x'::character varying)::text, ('y'::character varying)::text]))");
}

/* What the server prints after the round trip; with a nested cast, a
 * quote in a literal, a type modifier and a quoted type name. */
static void test_elements_kept_whole(void **state)
{
    (void)state;
    expect("x = ANY ((ARRAY['q'::character varying, ('r'::text)::character varying])::text[])",
           "x = ANY (ARRAY[('q'::character varying)::text, (('r'::text)::character varying)::text])");
    expect("x = ANY ((ARRAY['it''s, ]'::character varying(5)])::public.\"My text\"[])",
           "x = ANY (ARRAY[('it''s, ]'::character varying(5))::public.\"My text\"])");
}

static void test_canonical_text_untouched(void **state)
{
    (void)state;
    expect("CHECK (((s)::text = ANY (ARRAY[('a'::character varying)::text])))", NULL);
    expect("CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])))", NULL);
    expect("x = '(ARRAY[''a''])::text[]'::text", NULL);      /* inside a literal */
    expect("(ARRAY[ARRAY[1, 2]])::bigint[]", NULL);           /* nested arrays */
    expect("(ARRAY[1, 2])::bigint[][]", NULL);
    expect("(ARRAY[1, 2])", NULL);
    expect("(ARRAY[1, 2)::text[]", NULL);                     /* not closed */
    expect(NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_in_list_on_varchar),
        cmocka_unit_test(test_elements_kept_whole),
        cmocka_unit_test(test_canonical_text_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
