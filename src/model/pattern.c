#include "model/pattern.h"
#include "util/xalloc.h"

#include <string.h>

/* The kind ends at the first colon, if what comes before it can be a
 * kind's name at all (letters, underscores, spaces): an operator's name
 * may hold a colon too. */
static size_t kind_length(const char *text)
{
    size_t n = strspn(text, "abcdefghijklmnopqrstuvwxyz_ ");
    return text[n] == ':' ? n : 0;
}

/* One part: from text up to an unquoted dot or the end. Returns where it
 * stopped, or NULL for an unclosed quote. */
static const char *parse_part(const char *text, pa_pattern_part *part)
{
    size_t len = strlen(text);
    part->text = xmalloc(len + 1);
    part->wild = xcalloc(len + 1, sizeof(bool));
    size_t n = 0;
    bool quoted = false;
    const char *s = text;
    for (; *s && (quoted || *s != '.'); s++) {
        if (*s == '"') {
            if (quoted && s[1] == '"') {
                part->text[n++] = *++s;
                continue;
            }
            quoted = !quoted;
            continue;
        }
        part->wild[n] = !quoted && (*s == '*' || *s == '?');
        part->text[n++] = !quoted && *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    }
    part->text[n] = '\0';
    return quoted ? NULL : s;
}

bool pattern_parse(const char *text, bool include, pa_pattern *p, strbuf *err)
{
    memset(p, 0, sizeof(*p));
    p->source = xstrdup(text);
    p->include = include;
    size_t kind = kind_length(text);
    if (kind > 0)
        p->kind = xstrndup(text, kind);
    const char *s = text + kind + (kind > 0 || text[0] == ':');
    for (;;) {
        if (p->nparts == PATTERN_MAX_PARTS) {
            sb_addf(err, "pattern %s has more than %d parts (schema.table.name at most; "
                    "quote a name that holds a dot)", text, PATTERN_MAX_PARTS);
            return false;
        }
        const char *start = s;
        pa_pattern_part *part = &p->parts[p->nparts++];
        s = parse_part(start, part);
        if (!s) {
            sb_addf(err, "pattern %s has an unclosed double quote", text);
            return false;
        }
        if (s == start) {
            sb_addf(err, "pattern %s has an empty part (write * for any name)", text);
            return false;
        }
        if (*s != '.')
            return true;
        s++;
    }
}

void pattern_free(pa_pattern *p)
{
    for (size_t i = 0; i < p->nparts; i++) {
        free(p->parts[i].text);
        free(p->parts[i].wild);
    }
    free(p->source);
    free(p->kind);
    memset(p, 0, sizeof(*p));
}

bool pattern_kind_is(const pa_pattern *p, const char *word)
{
    if (!p->kind)
        return true;
    const char *a = p->kind, *b = word;
    for (; *a && *b; a++, b++) {
        bool same = *a == *b || ((*a == ' ' || *a == '_') && (*b == ' ' || *b == '_'));
        if (!same)
            return false;
    }
    return *a == *b;
}

/* The length of the character at s: a ? matches one, not one byte. */
static size_t char_length(const char *s)
{
    size_t n = 1;
    while ((s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* Glob matching with one backtrack point: the last * seen. */
bool pattern_part_matches(const pa_pattern_part *part, const char *s)
{
    const char *pat = part->text;
    size_t pi = 0, si = 0, star = (size_t)-1, star_si = 0;
    while (s[si]) {
        if (pat[pi] && part->wild[pi] && pat[pi] == '*') {
            star = pi++;
            star_si = si;
        } else if (pat[pi] && part->wild[pi] && pat[pi] == '?') {
            pi++;
            si += char_length(s + si);
        } else if (pat[pi] && pat[pi] == s[si]) {
            pi++;
            si++;
        } else if (star != (size_t)-1) {
            pi = star + 1;
            star_si += char_length(s + star_si);
            si = star_si;
        } else {
            return false;
        }
    }
    while (pat[pi] && part->wild[pi] && pat[pi] == '*')
        pi++;
    return pat[pi] == '\0';
}

bool pattern_names(const pa_pattern *p, const char *kind, const char *const *path,
                   size_t npath, const char *base)
{
    if (p->nparts != npath || !pattern_kind_is(p, kind))
        return false;
    for (size_t i = 0; i + 1 < npath; i++) {
        if (!path[i] || !pattern_part_matches(&p->parts[i], path[i]))
            return false;
    }
    const pa_pattern_part *last = &p->parts[npath - 1];
    return pattern_part_matches(last, path[npath - 1]) ||
           (base && pattern_part_matches(last, base));
}
