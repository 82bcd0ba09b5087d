#include "util/arena.h"
#include "util/xalloc.h"

#include <string.h>

#define ARENA_BLOCK_SIZE (64 * 1024)

struct arena_block {
    arena_block *next;
    size_t used;
    size_t size;
    _Alignas(16) char data[];
};

void arena_init(arena *a)
{
    a->head = NULL;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* n bytes at a multiple of align (a power of two) from the arena. */
static void *arena_take(arena *a, size_t n, size_t align)
{
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < n) {
        size_t size = n > ARENA_BLOCK_SIZE ? n : ARENA_BLOCK_SIZE;
        b = xmalloc(sizeof(*b) + size);
        b->used = 0;
        b->size = size;
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    b->used = at + n;
    return b->data + at;
}

/* Aligned for pointers and integers, what the model keeps here. */
void *arena_alloc(arena *a, size_t n)
{
    return arena_take(a, n, _Alignof(void *) > _Alignof(long) ? _Alignof(void *)
                                                               : _Alignof(long));
}

char *arena_strdup(arena *a, const char *s)
{
    if (!s)
        return NULL;
    /* Strings one after another: a model's million short strings each
     * took 16 bytes or more when aligned. */
    size_t n = strlen(s) + 1;
    char *p = arena_take(a, n, 1);
    memcpy(p, s, n);
    return p;
}
