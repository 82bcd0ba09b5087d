/* What the review formats share: text made safe inside HTML. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "emit/review.h"

static void expect_html(const char *text, const char *want)
{
    strbuf sb = STRBUF_INIT;
    html_text(&sb, text);
    assert_string_equal(sb_str(&sb), want);
    sb_release(&sb);
}

static void test_html_text(void **state)
{
    (void)state;
    expect_html("", "");
    expect_html("plain", "plain");
    expect_html("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d");
    expect_html("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;");
    expect_html("</script><script>", "&lt;/script&gt;&lt;script&gt;");
    expect_html("café ☕ &amp;", "café ☕ &amp;amp;");   /* UTF-8 as it is; & always */
}

static void test_html_text_len(void **state)
{
    (void)state;
    strbuf sb = STRBUF_INIT;
    html_text_len(&sb, "<ab>cd", 3);
    assert_string_equal(sb_str(&sb), "&lt;ab");
    sb_release(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_text),
        cmocka_unit_test(test_html_text_len),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
