#include "plan/compat.h"
#include "kinds/kind.h"

#include <string.h>

void compat_version_name(strbuf *sb, int server_version)
{
    if (server_version >= 100000)
        sb_addf(sb, "%d", server_version / 10000);
    else
        sb_addf(sb, "%d.%d", server_version / 10000, server_version / 100 % 100);
}

static bool uses(const pa_object *o, const pa_feature *f)
{
    int i = kind_attr_index(o->kind, f->attr);
    const char *v = i >= 0 ? o->values[i] : NULL;
    return v && (!f->match || strstr(v, f->match));
}

static void report(strbuf *err, const pa_object *o, const char *what, int since)
{
    sb_addf(err, "\n  %s: %s (PostgreSQL ", o->key, what);
    compat_version_name(err, since);
    sb_adds(err, ")");
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
        for (const pa_feature *f = o->kind->features; f && f->attr; f++) {
            if (from_version < f->since && uses(o, f))
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
