/* Splitting a SQL script into statements at top-level semicolons, as psql
 * does: not inside 'strings' (E'' with backslash escapes too), "quoted
 * identifiers", $tag$ dollar quotes $tag$, -- comments or nested block
 * comments. Comment lines before a statement are its own; a
 * "-- hazards: a, b" line (as pgalign diff writes them) is kept. */
#include "apply/split.h"
#include "emit/sql.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Length of a dollar-quote tag ("$tag$" or "$$") at s, or 0. */
static size_t dollar_tag(const char *s)
{
    if (*s != '$')
        return 0;
    size_t n = 1;
    if (isdigit((unsigned char)s[1]))
        return 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_' || (unsigned char)s[n] >= 0x80)
        n++;
    return s[n] == '$' ? n + 1 : 0;
}

/* Where the token starting at s ends (one past), for quotes and comments;
 * s + 1 for anything else. */
static const char *skip_token(const char *s, bool escaped_string)
{
    if (s[0] == '-' && s[1] == '-')
        return s + strcspn(s, "\n");
    if (s[0] == '/' && s[1] == '*') {
        int depth = 0;
        for (const char *p = s; *p; p++) {
            if (p[0] == '/' && p[1] == '*') {
                depth++;
                p++;
            } else if (p[0] == '*' && p[1] == '/') {
                p++;
                if (--depth == 0)
                    return p + 1;
            }
        }
        return s + strlen(s);
    }
    if (*s == '\'' || *s == '"') {
        bool backslashes = *s == '\'' && escaped_string;
        char q = *s;
        for (const char *p = s + 1; *p; p++) {
            if (backslashes && *p == '\\' && p[1])
                p++;
            else if (*p == q && p[1] == q)
                p++;
            else if (*p == q)
                return p + 1;
        }
        return s + strlen(s);
    }
    size_t tag = dollar_tag(s);
    if (tag) {
        for (const char *p = s + tag; *p; p++) {
            if (*p == '$' && strncmp(p, s, tag) == 0)
                return p + tag;
        }
        return s + strlen(s);
    }
    return s + 1;
}

/* Add the statement in [start, end): leading comments and blank lines
 * go, but a hazards comment gives the statement its hazards. */
static void add_statement(pa_plan *p, const char *start, const char *end)
{
    const char *hazards = NULL;
    bool standalone = false;
    for (;;) {
        while (start < end && isspace((unsigned char)*start))
            start++;
        if (end - start >= 2 && start[0] == '-' && start[1] == '-') {
            if (strncmp(start, "-- hazards: ", 12) == 0)
                hazards = start + 12;
            standalone |= strncmp(start, SQL_STANDALONE_COMMENT,
                                  strlen(SQL_STANDALONE_COMMENT)) == 0;
            start += strcspn(start, "\n");
            continue;
        }
        break;
    }
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    if (start == end)
        return;
    unsigned bits = 0;
    for (int b = 0; hazards && b < PA_NHAZARDS; b++) {
        const char *line_end = hazards + strcspn(hazards, "\n");
        const char *at = strstr(hazards, pa_hazard_names[b]);
        if (at && at < line_end)
            bits |= 1u << b;
    }
    sb_add(plan_stmt(p, bits), start, (size_t)(end - start));
    p->stmts[p->nstmts - 1].standalone = standalone;
}

void sql_split(const char *script, pa_plan *p)
{
    const char *start = script;
    const char *s = script;
    while (*s) {
        if (*s == ';') {
            add_statement(p, start, s);
            start = ++s;
        } else {
            /* An E right before a quote, not ending a longer word, makes
             * an escape string: E'it\'s' (backslash escapes inside). */
            bool escaped = s > script && (s[-1] == 'E' || s[-1] == 'e') &&
                           (s - 1 == script || !isalnum((unsigned char)s[-2]));
            s = skip_token(s, escaped);
        }
    }
    add_statement(p, start, s);
}
