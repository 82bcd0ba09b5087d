/* hashmap: string key -> pointer, open addressing. Keys are not copied:
 * they must outlive the map (the model keeps them in its arena). */
#ifndef PA_HASHMAP_H
#define PA_HASHMAP_H

#include <stddef.h>

typedef struct hashmap_entry {
    const char *key;
    void *value;
} hashmap_entry;

typedef struct hashmap {
    hashmap_entry *slots;
    size_t cap;
    size_t count;
} hashmap;

void hashmap_init(hashmap *m);
void hashmap_free(hashmap *m);
void *hashmap_get(const hashmap *m, const char *key);
/* Room for n more keys at once: growing step by step re-inserts every
 * key each time, which cost a fifth of loading a big catalog. */
void hashmap_reserve(hashmap *m, size_t n);
/* Returns the previous value for key (NULL if none). */
void *hashmap_put(hashmap *m, const char *key, void *value);

#endif
