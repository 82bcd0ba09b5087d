#include "model/expression.h"
#include "util/sqlscan.h"
#include "util/strbuf.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Past one array element starting at s[i]: up to the ',' or ']' that
 * ends it at its own nesting depth; 0 if the text ends first. */
static size_t element_end(const char *s, size_t i)
{
    int depth = 0;
    while (s[i]) {
        char c = s[i];
        if (c == '\'' || c == '"') {
            i = (size_t)(sql_skip_quoted(s + i, false) - s);
            continue;
        }
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
        else if (depth == 0 && (c == ',' || c == ']'))
            return i;
        else if (c == ')')
            return 0;
        i++;
    }
    return 0;
}

/* Past a type name starting at s[i] ("text", "character varying(5)",
 * "public.\"My type\""), if "[]" follows it; else 0. */
static size_t array_type_end(const char *s, size_t i)
{
    size_t start = i;
    while (s[i]) {
        if (s[i] == '"') {
            i = (size_t)(sql_skip_quoted(s + i, false) - s);
        } else if (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == ' ' ||
                   s[i] == '.' || s[i] == '$') {
            i++;
        } else if (s[i] == '(') {       /* a type modifier: digits and commas */
            size_t j = i + 1;
            while (isdigit((unsigned char)s[j]) || s[j] == ',')
                j++;
            if (s[j] != ')')
                return 0;
            i = j + 1;
        } else {
            break;
        }
    }
    if (i == start || strncmp(s + i, "[]", 2) != 0 || strncmp(s + i + 2, "[]", 2) == 0)
        return 0;
    return i;
}

static void add_canonical(strbuf *out, const char *s, size_t n);

/* At s[i] == "(ARRAY[": the rewrite into out and the length it replaces,
 * or 0 where the text is not an array literal cast as a whole. */
static size_t rewrite_array_cast(strbuf *out, const char *s, size_t i)
{
    size_t p = i + strlen("(ARRAY["), nelem = 0;
    size_t starts[256], ends[256];
    for (;;) {
        while (s[p] == ' ')
            p++;
        size_t end = element_end(s, p);
        if (end == 0 || end == p || nelem == 256 || strncmp(s + p, "ARRAY[", 6) == 0)
            return 0;
        starts[nelem] = p;
        ends[nelem++] = end;
        p = end + 1;
        if (s[end] == ']')
            break;
    }
    if (strncmp(s + p, ")::", 3) != 0)
        return 0;
    size_t type = p + 3, type_end = array_type_end(s, type);
    if (type_end == 0)
        return 0;
    sb_adds(out, "ARRAY[");
    for (size_t k = 0; k < nelem; k++) {
        sb_adds(out, k ? ", (" : "(");
        add_canonical(out, s + starts[k], ends[k] - starts[k]);
        sb_adds(out, ")::");
        sb_add(out, s + type, type_end - type);
    }
    sb_addc(out, ']');
    return type_end + 2 - i;
}

static void add_canonical(strbuf *out, const char *s, size_t n)
{
    strbuf part = STRBUF_INIT;
    sb_add(&part, s, n);        /* the scanners need a terminated string */
    const char *t = part.buf;
    size_t i = 0;
    while (t[i]) {
        size_t used;
        if (t[i] == '\'' || t[i] == '"') {
            size_t j = (size_t)(sql_skip_quoted(t + i, false) - t);
            sb_add(out, t + i, j - i);
            i = j;
        } else if (strncmp(t + i, "(ARRAY[", 7) == 0 &&
                   (used = rewrite_array_cast(out, t, i)) > 0) {
            i += used;
        } else {
            sb_addc(out, t[i++]);
        }
    }
    sb_release(&part);
}

char *expression_canonical(const char *text)
{
    if (!text || !strstr(text, "(ARRAY["))
        return NULL;
    strbuf out = STRBUF_INIT;
    add_canonical(&out, text, strlen(text));
    if (strcmp(out.buf, text) == 0) {
        sb_release(&out);
        return NULL;
    }
    return sb_detach(&out);
}
