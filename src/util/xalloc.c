#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "pgalign: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xmalloc(n);
    memcpy(p, s, n);
    return p;
}

void *xgrow(void *array, size_t elem, size_t need, size_t *alloc)
{
    if (need <= *alloc)
        return array;
    size_t n = *alloc ? *alloc : 8;
    while (n < need)
        n *= 2;
    *alloc = n;
    return xrealloc(array, n * elem);
}

char *xstrndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
