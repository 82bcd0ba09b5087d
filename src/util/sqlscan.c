#include "util/sqlscan.h"
#include "util/strbuf.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

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

static const char *skip_block_comment(const char *s)
{
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

const char *sql_skip_quoted(const char *s, bool backslashes)
{
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

/* Whether s continues a word: a $ there is part of it (name$1), not a
 * dollar quote, and an E before a quote ends a word, not an escape. */
static bool in_word(const char *text, const char *s)
{
    unsigned char c = s > text ? (unsigned char)s[-1] : ' ';
    return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

const char *sql_keyword(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - s) < n || strncasecmp(s, word, n) != 0)
        return NULL;
    if (s + n < end && in_word(s, s + n + 1))
        return NULL;
    return s + n;
}

/* An E right before a quote, not ending a longer word, makes an escape
 * string: E'it\'s' (backslash escapes inside). */
static bool escape_string(const char *text, const char *s)
{
    return s > text && (s[-1] == 'E' || s[-1] == 'e') && !in_word(text, s - 1);
}

const char *sql_skip_literal(const char *text, const char *s)
{
    if (s[0] == '-' && s[1] == '-')
        return s + strcspn(s, "\n");
    if (s[0] == '/' && s[1] == '*')
        return skip_block_comment(s);
    if (*s == '\'')
        return sql_skip_quoted(s, escape_string(text, s));
    size_t tag = in_word(text, s) ? 0 : dollar_tag(s);
    if (tag) {
        for (const char *p = s + tag; *p; p++) {
            if (*p == '$' && strncmp(p, s, tag) == 0)
                return p + tag;
        }
        return s + strlen(s);
    }
    return s;
}

/* Where the token starting at s ends (one past), for quotes and comments;
 * s + 1 for anything else. */
static const char *skip_token(const char *text, const char *s)
{
    if (*s == '"')
        return sql_skip_quoted(s, false);
    const char *past = sql_skip_literal(text, s);
    return past == s ? s + 1 : past;
}

const char *sql_skip_blank(const char *s)
{
    for (;;) {
        while (isspace((unsigned char)*s))
            s++;
        if ((s[0] == '-' && s[1] == '-') || (s[0] == '/' && s[1] == '*'))
            s = skip_token(s, s);
        else
            return s;
    }
}

/* Whether only blanks stand between the start of s's line and s. */
static bool first_on_line(const char *text, const char *s)
{
    while (s > text && (s[-1] == ' ' || s[-1] == '\t'))
        s--;
    return s == text || s[-1] == '\n';
}

/* What psql's lexer keeps of a statement to tell where it ends: a ';'
 * inside parentheses, or inside the BEGIN ... END body of a CREATE [OR
 * REPLACE] FUNCTION or PROCEDURE (BEGIN ATOMIC, where CASE ... END nests),
 * does not end it. psql's heuristic, word for word (psqlscan.l). */
typedef struct statement_state {
    int words;          /* seen so far */
    char initials[4];   /* of the first four, if create/or/replace/function/procedure */
    int parens;
    int begins;
} statement_state;

static bool word_start(const char *text, const char *s)
{
    unsigned char c = (unsigned char)*s;
    return (isalpha(c) || c == '_' || c >= 0x80) && !in_word(text, s);
}

static bool is_word(const char *s, size_t n, const char *word)
{
    return n == strlen(word) && strncasecmp(s, word, n) == 0;
}

static bool creates_routine(const statement_state *st)
{
    const char *i = st->initials;
    return i[0] == 'c' &&
           (i[1] == 'f' || i[1] == 'p' ||
            (i[1] == 'o' && i[2] == 'r' && (i[3] == 'f' || i[3] == 'p')));
}

/* Past the word at s, counted in st. */
static const char *scan_word(const char *s, statement_state *st)
{
    size_t n = 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_' || s[n] == '$' ||
           (unsigned char)s[n] >= 0x80)
        n++;
    static const char *const leading[] = {"create", "function", "procedure", "or", "replace"};
    for (size_t i = 0; i < sizeof(leading) / sizeof(leading[0]); i++) {
        if (st->words < 4 && is_word(s, n, leading[i]))
            st->initials[st->words] = (char)tolower((unsigned char)*s);
    }
    st->words++;
    if (creates_routine(st) && st->parens == 0) {
        if (is_word(s, n, "begin") || (is_word(s, n, "case") && st->begins > 0))
            st->begins++;
        else if (is_word(s, n, "end") && st->begins > 0)
            st->begins--;
    }
    return s + n;
}

const char *sql_next_piece(const char *text, bool psql_meta, sql_piece *piece)
{
    if (!*text)
        return NULL;
    const char *s = text;
    statement_state st = {0};
    piece->start = text;
    piece->meta = false;
    while (*s && (*s != ';' || st.parens > 0 || st.begins > 0)) {
        if (psql_meta && *s == '\\' && first_on_line(text, s)) {
            if (s > text && strspn(text, " \t\r\n") < (size_t)(s - text)) {
                piece->end = s;         /* the text before it first */
                return s;
            }
            piece->start = s;
            piece->end = s + strcspn(s, "\n");
            piece->meta = true;
            return piece->end;
        }
        if (word_start(text, s)) {
            s = scan_word(s, &st);
            continue;
        }
        st.parens += *s == '(' ? 1 : *s == ')' && st.parens > 0 ? -1 : 0;
        s = skip_token(text, s);
    }
    piece->end = s;
    return *s ? s + 1 : s;
}

/* One name of a dotted SQL name at *s: "Quoted" (doubled quotes inside)
 * or bare (folded to lower case, as the server folds it). */
const char *sql_skip_name(const char *s)
{
    if (*s != '"') {
        const char *p = s;
        while (isalnum((unsigned char)*p) || *p == '_' || *p == '$' ||
               (unsigned char)*p >= 0x80)
            p++;
        return p;
    }
    for (const char *p = s + 1; *p; p++) {
        if (*p != '"')
            continue;
        if (p[1] != '"')
            return p + 1;
        p++;                    /* "" inside stands for one " */
    }
    return s;                   /* not closed */
}

char *sql_name_part(const char **s, const char *end)
{
    strbuf sb = STRBUF_INIT;
    const char *p = *s;
    if (*p == '"') {
        for (p++; p < end; p++) {
            if (*p == '"' && p + 1 < end && p[1] == '"')
                sb_addc(&sb, *p++);
            else if (*p == '"')
                break;
            else
                sb_addc(&sb, *p);
        }
        if (p >= end) {
            sb_release(&sb);
            return NULL;        /* no closing quote */
        }
        p++;
    } else {
        for (; p < end && *p != '.'; p++)
            sb_addc(&sb, (char)tolower((unsigned char)*p));
    }
    *s = p;
    if (sb.len == 0) {
        sb_release(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}
