#include "util/words.h"

#include <string.h>

const char *word_next(const char **cursor, size_t *len)
{
    const char *p = *cursor;
    if (!p)
        return NULL;
    p += strspn(p, " ");
    if (!*p)
        return NULL;
    *len = strcspn(p, " ");
    *cursor = p + *len;
    return p;
}

bool word_is(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && strncmp(w, s, n) == 0;
}

bool word_in_list(const char *word, const char *list)
{
    const char *w;
    size_t n;
    while ((w = word_next(&list, &n)) != NULL) {
        if (word_is(w, n, word))
            return true;
    }
    return false;
}

bool string_in_list(const char *s, const char *const *list)
{
    for (; list && *list; list++) {
        if (strcmp(s, *list) == 0)
            return true;
    }
    return false;
}

static bool ends_with(const char *s, size_t n, const char *end)
{
    size_t e = strlen(end);
    return n >= e && strcmp(s + n - e, end) == 0;
}

void word_plural(strbuf *out, const char *noun)
{
    size_t n = strlen(noun);
    if (ends_with(noun, n, "ics"))
        sb_adds(out, noun);
    else if (ends_with(noun, n, "y"))
        sb_addf(out, "%.*sies", (int)(n - 1), noun);
    else
        sb_addf(out, "%s%s", noun, ends_with(noun, n, "s") ? "es" : "s");
}
