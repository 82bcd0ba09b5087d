/* Allocation wrappers that abort on out-of-memory. */
#ifndef PA_XALLOC_H
#define PA_XALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);   /* at most n bytes, NUL-terminated */
/* Grow *array (of *alloc elements of size elem) to hold at least need. */
void *xgrow(void *array, size_t elem, size_t need, size_t *alloc);

#endif
