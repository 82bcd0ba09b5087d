#include "util/hashmap.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* FNV-1a, then murmur3's finalizer: the slot is picked by the low bits,
 * which FNV alone leaves too alike for keys that differ at their end
 * ("1259/16384/3"), and the maps run three quarters full. */
static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* Whether count keys fit in cap slots: at most three quarters full, so
 * that linear probing stays short. */
static bool fits(size_t count, size_t cap)
{
    return count * 4 <= cap * 3;
}

void hashmap_init(hashmap *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->count = 0;
}

void hashmap_free(hashmap *m)
{
    free(m->slots);
    hashmap_init(m);
}

static hashmap_entry *find_slot(hashmap_entry *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash_string(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

void *hashmap_get(const hashmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    hashmap_entry *e = find_slot(m->slots, m->cap, key);
    return e->key ? e->value : NULL;
}

/* The keys of a map are distinct: moved to a bigger one, each needs the
 * first free slot of its probe sequence, and no key is compared (each
 * compare reads a key from the arena). */
static hashmap_entry *free_slot(hashmap_entry *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash_string(key) & (cap - 1);
    while (slots[i].key)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void rehash(hashmap *m, size_t cap)
{
    hashmap_entry *slots = xcalloc(cap, sizeof(*slots));
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key)
            *free_slot(slots, cap, m->slots[i].key) = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void hashmap_reserve(hashmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while (!fits(m->count + n, cap))
        cap *= 2;
    if (cap > m->cap)
        rehash(m, cap);
}

void *hashmap_put(hashmap *m, const char *key, void *value)
{
    hashmap_reserve(m, 1);
    hashmap_entry *e = find_slot(m->slots, m->cap, key);
    void *old = e->key ? e->value : NULL;
    if (!e->key)
        m->count++;
    e->key = key;
    e->value = value;
    return old;
}
