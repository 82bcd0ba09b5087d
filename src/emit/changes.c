#include "emit/changes.h"
#include "model/kind.h"
#include "util/linediff.h"
#include "util/optlist.h"

#include <string.h>

/* value, its second and later lines indented. */
static void add_indented(strbuf *out, const char *value, const char *indent)
{
    for (const char *s = value; *s; s++) {
        sb_addc(out, *s);
        if (*s == '\n' && s[1])
            sb_adds(out, indent);
    }
}

void object_definition(strbuf *out, const pa_object *o)
{
    if (!o)
        return;
    const pa_kind *k = o->kind;
    if (k->describe) {
        k->describe(out, o);
        return;
    }
    for (size_t i = 0; i < k->nattrs; i++) {
        if (k->attrs[i].on_change == ATTR_INFO || !o->values[i])
            continue;
        strbuf kept = STRBUF_INIT;
        const char *value = optlist_without_secrets(o->values[i], &kept) ? sb_str(&kept)
                                                                         : o->values[i];
        sb_addf(out, "%s: ", k->attrs[i].name);
        add_indented(out, value, "  ");
        sb_addc(out, '\n');
        sb_release(&kept);
    }
}

static json_t *string_or_null(const strbuf *sb, const pa_object *o)
{
    return o ? json_string(sb_str(sb)) : json_null();
}

static json_t *change_json(const pa_plan *p, const pa_change *c)
{
    strbuf before = STRBUF_INIT, after = STRBUF_INIT, diff = STRBUF_INIT;
    object_definition(&before, c->from);
    object_definition(&after, c->to);
    linediff_unified(&diff, sb_str(&before), sb_str(&after));
    const pa_object *o = c->to ? c->to : c->from;
    json_t *statements = json_array();
    for (size_t i = 0; i < p->nstmts; i++) {
        if (p->stmts[i]->change == c)
            json_array_append_new(statements, json_string(sb_str(&p->stmts[i]->sql)));
    }
    json_t *j = json_pack("{s:s,s:s,s:s,s:o,s:o,s:s,s:o}", "kind", o->kind->name,
                          "name", o->key, "action", diff_action_name(c),
                          "before", string_or_null(&before, c->from),
                          "after", string_or_null(&after, c->to), "diff", sb_str(&diff),
                          "statements", statements);
    sb_release(&before);
    sb_release(&after);
    sb_release(&diff);
    return j;
}

json_t *changes_json(const pa_plan *p)
{
    json_t *a = json_array();
    const pa_diff *d = p->diff;
    for (size_t i = 0; d && i < d->count; i++) {
        if (d->changes[i].type != CHANGE_SAME)
            json_array_append_new(a, change_json(p, &d->changes[i]));
    }
    return a;
}

void changes_text(strbuf *out, const pa_plan *p)
{
    const pa_diff *d = p->diff;
    bool first = true;
    for (size_t i = 0; d && i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        if ((c->type != CHANGE_ALTER && c->type != CHANGE_REPLACE) || c->rebuild)
            continue;
        strbuf before = STRBUF_INIT, after = STRBUF_INIT, diff = STRBUF_INIT;
        object_definition(&before, c->from);
        object_definition(&after, c->to);
        linediff_unified(&diff, sb_str(&before), sb_str(&after));
        if (first)
            sb_adds(out, "\nchanged objects, FROM (-) and TARGET (+):\n");
        first = false;
        sb_addf(out, "\n  %s %s\n    ", diff_action_name(c), c->to->key);
        add_indented(out, sb_str(&diff), "    ");
        sb_release(&before);
        sb_release(&after);
        sb_release(&diff);
    }
}
