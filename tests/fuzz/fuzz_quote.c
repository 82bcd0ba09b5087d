/* Quoting (emit/quote.c): any name or value comes out as one SQL token,
 * a quoted identifier or plain word, a string literal. The server's own
 * quote_ident agrees (tests/unit/test_quote.c and the round trips). */
#include "fuzz_common.h"
#include "emit/quote.h"

/* s is one "..." token whose inner quotes are doubled. */
static bool one_quoted(const char *s, char q)
{
    size_t n = strlen(s);
    if (n < 2 || s[n - 1] != q)
        return false;
    if (s[0] == 'E' && q == '\'')
        s++, n--;
    if (s[0] != q)
        return false;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == q && s[++i] != q)
            return false;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    strbuf ident = STRBUF_INIT, literal = STRBUF_INIT;
    sql_ident(&ident, s);
    sql_literal(&literal, s);
    if (ident.buf[0] == '"' ? !one_quoted(ident.buf, '"')
                            : strpbrk(ident.buf, "\"' ;\\") != NULL)
        abort();
    if (!one_quoted(literal.buf, '\''))
        abort();
    sb_release(&ident);
    sb_release(&literal);
    free(s);
    return 0;
}
