/* arena: bump allocator for the model's many small strings; freed at once. */
#ifndef PA_ARENA_H
#define PA_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);   /* NULL stays NULL */

#endif
