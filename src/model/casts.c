#include "model/casts.h"
#include "model/model.h"
#include "model/kind.h"
#include "util/sqlscan.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct cast_uses {
    const char **values;
    size_t count;
    size_t alloc;
} cast_uses;

struct pa_cast_index {
    hashmap by_type;    /* qualified name -> cast_uses */
    arena names;
};

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

/* The end of the dotted name at s: "quoted" and bare parts. */
static const char *name_end(const char *s)
{
    const char *p = s;
    for (;;) {
        const char *start = p;
        if (*p == '"')
            p = sql_skip_quoted(p, false);
        else
            while (name_char(*p))
                p++;
        if (p == start || *p != '.')
            return p;
        p++;
    }
}

static void add_use(pa_cast_index *ci, const char *name, size_t len, const char *value)
{
    strbuf key = STRBUF_INIT;
    sb_add(&key, name, len);
    cast_uses *u = hashmap_get(&ci->by_type, key.buf);
    if (!u) {
        u = xcalloc(1, sizeof(*u));
        hashmap_put(&ci->by_type, arena_strdup(&ci->names, key.buf), u);
    }
    sb_release(&key);
    if (u->count > 0 && u->values[u->count - 1] == value)
        return;     /* one value casting twice to the type */
    u->values = xgrow(u->values, sizeof(*u->values), u->count + 1, &u->alloc);
    u->values[u->count++] = value;
}

static void index_value(pa_cast_index *ci, const char *value)
{
    for (const char *p = strstr(value, "::"); p; p = strstr(p, "::")) {
        p += 2;
        const char *end = name_end(p);
        if (end > p)
            add_use(ci, p, (size_t)(end - p), value);
    }
}

static pa_cast_index *build(const pa_model *m)
{
    pa_cast_index *ci = xcalloc(1, sizeof(*ci));
    hashmap_init(&ci->by_type);
    arena_init(&ci->names);
    for (size_t i = 0; i < m->count; i++) {
        const pa_object *o = m->objects[i];
        for (size_t a = 0; a < o->kind->nattrs; a++) {
            if (o->values[a] && o->kind->attrs[a].on_change != ATTR_COMMENT)
                index_value(ci, o->values[a]);
        }
    }
    return ci;
}

const char *const *model_cast_uses(const pa_model *m, const char *qualified, size_t *n)
{
    /* Built on the first question: an index, not a change of the model,
     * so a model the caller holds const may get it. */
    if (!m->casts)
        ((pa_model *)m)->casts = build(m);
    const cast_uses *u = hashmap_get(&m->casts->by_type, qualified);
    *n = u ? u->count : 0;
    return u ? u->values : NULL;
}

void cast_index_free(pa_cast_index *ci)
{
    if (!ci)
        return;
    for (size_t i = 0; i < ci->by_type.cap; i++) {
        cast_uses *u = ci->by_type.slots[i].value;
        if (ci->by_type.slots[i].key) {
            free(u->values);
            free(u);
        }
    }
    hashmap_free(&ci->by_type);
    arena_free(&ci->names);
    free(ci);
}
