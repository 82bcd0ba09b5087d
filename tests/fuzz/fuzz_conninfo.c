/* Describing a connection string for messages (source/conn.c): whatever
 * the string (conninfo or URI), the description does not depend on the
 * password, so it cannot contain it. The input is parsed as libpq parses it,
 * written out again with one password and then another, and both are
 * described. */
#include "fuzz_common.h"
#include "source/conn.h"

#include <libpq-fe.h>

/* keyword='value' for each option libpq read, the password replaced. */
static void rewrite(strbuf *sb, const PQconninfoOption *opts, const char *password)
{
    for (const PQconninfoOption *o = opts; o->keyword; o++) {
        bool is_password = strcmp(o->keyword, "password") == 0;
        const char *val = is_password ? password : o->val;
        if (!val)
            continue;
        sb_addf(sb, "%s='", o->keyword);
        for (const char *c = val; *c; c++) {
            if (*c == '\'' || *c == '\\')
                sb_addc(sb, '\\');
            sb_addc(sb, *c);
        }
        sb_adds(sb, "' ");
    }
}

static void describe_with(const PQconninfoOption *opts, const char *password, strbuf *out)
{
    strbuf conninfo = STRBUF_INIT;
    rewrite(&conninfo, opts, password);
    conn_describe(out, sb_str(&conninfo));
    sb_release(&conninfo);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    strbuf raw = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
    conn_describe(&raw, s);     /* anything: no crash, no leak */
    char *errmsg = NULL;
    PQconninfoOption *opts = PQconninfoParse(s, &errmsg);
    PQfreemem(errmsg);
    if (opts) {
        describe_with(opts, "Pw1-never-shown", &a);
        describe_with(opts, "Pw2-never-shown", &b);
        /* Equal although the passwords differ: neither is in them. */
        if (strcmp(sb_str(&a), sb_str(&b)) != 0)
            abort();
        PQconninfoFree(opts);
    }
    sb_release(&raw);
    sb_release(&a);
    sb_release(&b);
    free(s);
    return 0;
}
