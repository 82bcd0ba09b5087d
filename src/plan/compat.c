#include "plan/compat.h"
#include "kinds/kind.h"

#include <stdlib.h>
#include <string.h>

void compat_version_name(strbuf *sb, int server_version)
{
    if (server_version >= 100000)
        sb_addf(sb, "%d", server_version / 10000);
    else
        sb_addf(sb, "%d.%d", server_version / 10000, server_version / 100 % 100);
}

/* Whether change c needs feature f of its object's kind. */
static bool needs(const pa_change *c, const pa_feature *f)
{
    int i = f->attr;
    if (f->need == FEATURE_CHANGED)
        return c->type == CHANGE_ALTER && c->changed && c->changed[i];
    const char *v = c->to->values[i];
    return v && (!f->match || strstr(v, f->match));
}

static void report(strbuf *err, const pa_object *o, const char *what, int since)
{
    sb_addf(err, "\n  %s ", o->kind->name);
    if (o->table && o->kind->table_in_key)
        kind_column_name(err, o);       /* schema.table.name */
    else
        kind_qualified(err, o);
    sb_addf(err, ": %s (PostgreSQL ", what);
    compat_version_name(err, since);
    sb_adds(err, ")");
}

/* list without the word at w (", "-separated; a "*" after it goes too),
 * or NULL when nothing else is left. */
static char *without_word(const char *list, const char *w, size_t n)
{
    strbuf sb = STRBUF_INIT;
    const char *end = w + n + (w[n] == '*');
    sb_add(&sb, list, (size_t)(w - list));
    if (strncmp(end, ", ", 2) == 0)
        end += 2;
    else if (sb.len >= 2)
        sb.len -= 2;    /* the last word: its separator goes */
    sb_adds(&sb, end);
    if (sb.len == 0) {
        sb_release(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

void compat_adapt(pa_model *to, int from_version, strbuf *warnings)
{
    for (size_t k = 0; k < pa_nkinds; k++) {
        for (const pa_feature *f = pa_kinds[k]->features; f && f->what; f++) {
            if (f->need != FEATURE_STRIPPED || from_version == 0 || from_version >= f->since)
                continue;
            size_t n = 0;
            int a = f->attr;
            for (size_t i = 0; i < to->count; i++) {
                pa_object *o = to->objects[i];
                const char *v = o->kind == pa_kinds[k] ? o->values[a] : NULL;
                const char *w = v ? strstr(v, f->match) : NULL;
                char *rest = w ? without_word(v, w, strlen(f->match)) : NULL;
                if (rest) {
                    model_set(to, o, (size_t)a, rest);
                    free(rest);
                    n++;
                }
            }
            if (n) {
                sb_addf(warnings, "pgalign: warning: TARGET's %s left out of %zu %s "
                        "object%s: FROM's server (PostgreSQL ", f->what, n,
                        pa_kinds[k]->name, n == 1 ? "" : "s");
                compat_version_name(warnings, from_version);
                sb_adds(warnings, ") does not have it\n");
            }
        }
    }
}

bool compat_check(const pa_diff *d, int from_version, strbuf *err)
{
    if (from_version == 0)
        return true;
    size_t before = err->len;
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        const pa_object *o = c->to;
        if (c->type == CHANGE_SAME || !o)
            continue;
        if (from_version < o->kind->since)
            report(err, o, o->kind->name, o->kind->since);
        for (const pa_feature *f = o->kind->features; f && f->what; f++) {
            if (from_version < f->since && needs(c, f))
                report(err, o, f->what, f->since);
        }
    }
    if (err->len == before)
        return true;
    strbuf head = STRBUF_INIT;
    sb_adds(&head, "TARGET uses what FROM's server (PostgreSQL ");
    compat_version_name(&head, from_version);
    sb_adds(&head, ") does not have; no plan can be written for it:");
    sb_add(&head, err->buf + before, err->len - before);
    err->len = before;
    err->buf[before] = '\0';
    sb_adds(err, head.buf);
    sb_release(&head);
    return false;
}
