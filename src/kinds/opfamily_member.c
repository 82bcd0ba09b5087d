/* Reading the member lines of an operator family or class
 * (opfamily_member.h). */
#include "kinds/opfamily_member.h"
#include "emit/quote.h"
#include "util/sqlscan.h"

#include <ctype.h>
#include <string.h>

/* Past "WORD n (" at s, or NULL. */
static const char *skip_head(const char *s)
{
    if (strncmp(s, "OPERATOR ", 9) == 0)
        s += 9;
    else if (strncmp(s, "FUNCTION ", 9) == 0)
        s += 9;
    else
        return NULL;
    if (!isdigit((unsigned char)*s))
        return NULL;
    while (isdigit((unsigned char)*s))
        s++;
    return strncmp(s, " (", 2) == 0 ? s + 2 : NULL;
}

/* Past the character at s, or past the whole "quoted" name that starts
 * there (to the end of the text where its quote is never closed). */
static const char *step(const char *s)
{
    return *s == '"' ? sql_skip_quoted(s, false) : s + 1;
}

/* Past the ")" closing the key's "(" whose inside starts at s; NULL if it
 * is not closed on this line. */
static const char *skip_types(const char *s)
{
    for (int depth = 1; *s && *s != '\n'; s = step(s)) {
        if (*s == '(')
            depth++;
        else if (*s == ')' && --depth == 0)
            return s + 1;
    }
    return NULL;
}

/* The line's end: the first newline outside "quotes". */
static const char *line_end(const char *s)
{
    while (*s && *s != '\n')
        s = step(s);
    return s;
}

bool opf_next_member(const char **s, opf_member *m)
{
    const char *at = *s;
    if (!at || !*at)
        return false;
    const char *types = skip_head(at);
    const char *key_end = types ? skip_types(types) : NULL;
    if (!key_end || *key_end != ' ' || !key_end[1] || key_end[1] == '\n')
        return false;
    m->start = at;
    m->key_end = key_end;
    m->end = line_end(key_end);
    *s = *m->end ? m->end + 1 : m->end;
    return true;
}

static bool same_text(const char *a, const char *a_end, const char *b, const char *b_end)
{
    return a_end - a == b_end - b && memcmp(a, b, (size_t)(a_end - a)) == 0;
}

bool opf_has_member(const char *list, const opf_member *m)
{
    opf_member other;
    for (const char *s = list; opf_next_member(&s, &other);) {
        if (same_text(other.start, other.end, m->start, m->end))
            return true;
    }
    return false;
}

/* The key's head, "OPERATOR 1 ", without the types. */
static size_t head_length(const opf_member *m)
{
    return (size_t)(skip_head(m->start) - 1 - m->start);
}

void opf_add_clause(strbuf *sb, const opf_member *m)
{
    if (strncmp(m->start, "FUNCTION", 8) == 0) {
        sb_addf(sb, "%.*s", (int)(m->end - m->start), m->start);
        return;
    }
    sb_addf(sb, "%.*s%.*s", (int)head_length(m), m->start,
            (int)(m->end - m->key_end - 1), m->key_end + 1);
}

void opf_drop_clause(strbuf *sb, const opf_member *m)
{
    sb_addf(sb, "%.*s", (int)(m->key_end - m->start), m->start);
}

void opf_target(strbuf *sb, const char *noun, const char *schema, const char *name,
                const char *method)
{
    sb_addf(sb, "%s ", noun);
    sql_ident(sb, schema);
    sb_addc(sb, '.');
    sql_ident(sb, name);
    sb_adds(sb, " USING ");
    sql_ident(sb, method);
}

bool opf_members_valid(const char *members, strbuf *err)
{
    const char *s = members;
    opf_member m;
    while (opf_next_member(&s, &m))
        ;
    if (s && *s) {
        sb_addf(err, "members are not lines of \"OPERATOR|FUNCTION n (types) definition\": %s",
                members);
        return false;
    }
    return true;
}
