/* A fingerprint of a model: what the diff compares (identity keys and the
 * attributes that are compared), hashed. Two models with the same
 * fingerprint diff as equal (but for the values of secrets, which plans
 * never set: util/optlist.h), so a plan can tell whether FROM changed
 * since it was made, and whether FROM matches TARGET once applied. It
 * detects change; it is not a security measure (64-bit FNV-1a).
 * Attributes a source may not know (UNKNOWN_IF_NULL: the schema and
 * version of an extension a SQL source could only record, a user
 * mapping's options the role inspecting may not read) are left out, so
 * that such a TARGET matches the database a plan made from it. */
#include "model/model.h"
#include "model/kind.h"
#include "util/optlist.h"

#include <stdio.h>
#include <string.h>

static void hash_bytes(unsigned long long *h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        *h ^= (unsigned char)s[i];
        *h *= 1099511628211ULL;
    }
}

/* Strings with their terminating NUL, so "ab","c" differs from "a","bc". */
static void hash_string(unsigned long long *h, const char *s)
{
    hash_bytes(h, s ? s : "", s ? strlen(s) + 1 : 1);
    if (!s)
        hash_bytes(h, "\x01", 1);   /* NULL is not "" */
}

static bool ignored(const char *const *ignored_attrs, const pa_kind *k, const char *attr)
{
    for (const char *const *p = ignored_attrs; p && *p; p++) {
        size_t n = strlen(k->name);
        if (strncmp(*p, k->name, n) == 0 && (*p)[n] == '.' && strcmp(*p + n + 1, attr) == 0)
            return true;
    }
    return false;
}

void model_fingerprint(const pa_model *m, const char *const *ignored_attrs,
                       char out[MODEL_FINGERPRINT_LEN])
{
    /* m->objects is sorted by model_sort: the order is the same for equal models. */
    fingerprint_objects((const pa_object *const *)m->objects, m->count, ignored_attrs, out);
}

void fingerprint_objects(const pa_object *const *objects, size_t n,
                         const char *const *ignored_attrs, char out[MODEL_FINGERPRINT_LEN])
{
    unsigned long long h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        const pa_object *o = objects[i];
        const pa_kind *k = o->kind;
        if (k->made_by_hand)
            continue;   /* nor objects a plan leaves to the user */
        hash_string(&h, o->key);
        for (size_t a = 0; a < k->nattrs; a++) {
            if (k->attrs[a].on_change == ATTR_INFO || k->attrs[a].presence == UNKNOWN_IF_NULL ||
                ignored(ignored_attrs, k, k->attrs[a].name))
                continue;
            hash_string(&h, k->attrs[a].name);
            /* Secrets are never set by a plan: a plan's TARGET and the
             * database it made match without them. */
            strbuf kept = STRBUF_INIT;
            hash_string(&h, optlist_without_secrets(o->values[a], &kept) ? sb_str(&kept)
                                                                       : o->values[a]);
            sb_release(&kept);
        }
    }
    snprintf(out, MODEL_FINGERPRINT_LEN, "%016llx", h);
}
