#include "kinds/fdw_options.h"
#include "util/optlist.h"

#include <string.h>

static bool same_value(const optlist_item *a, const optlist_item *b)
{
    return a->value_len == b->value_len && strncmp(a->value, b->value, a->value_len) == 0;
}

/* The name as a placeholder value: '<password>'. */
static void placeholder(strbuf *sb, const optlist_item *o)
{
    sb_adds(sb, "'<");
    for (size_t i = 0; i < o->name_len; i++) {
        if (o->name[i] != '"' && o->name[i] != '\'')
            sb_addc(sb, o->name[i]);
    }
    sb_adds(sb, ">'");
}

static void note_secret(pa_plan *p, const char *head, const optlist_item *o, const char *action)
{
    strbuf sql = STRBUF_INIT;
    sb_addf(&sql, "%s OPTIONS (%s %.*s ", head, action, (int)o->name_len, o->name);
    placeholder(&sql, o);
    sb_addc(&sql, ')');
    plan_note(p, "set the secret %.*s by hand (pgalign never reads secrets): %s",
              (int)o->name_len, o->name, sb_str(&sql));
    sb_release(&sql);
}

void fdw_options_create(pa_plan *p, strbuf *sb, const char *head, const char *options)
{
    const char *sep = " OPTIONS (";
    optlist_item o;
    for (const char *s = options; optlist_next(&s, &o);) {
        if (optlist_is_secret(&o)) {
            note_secret(p, head, &o, "ADD");
            continue;
        }
        sb_addf(sb, "%s%.*s %.*s", sep, (int)o.name_len, o.name, (int)o.value_len, o.value);
        sep = ", ";
    }
    if (*sep == ',')
        sb_addc(sb, ')');
}

void fdw_options_alter(pa_plan *p, const char *head, const char *old, const char *new)
{
    strbuf list = STRBUF_INIT;
    optlist_item o, was;
    for (const char *s = old; optlist_next(&s, &o);) {
        if (!optlist_find(new, &o, &was))
            sb_addf(&list, "%sDROP %.*s", list.len ? ", " : "", (int)o.name_len, o.name);
    }
    for (const char *s = new; optlist_next(&s, &o);) {
        bool there = optlist_find(old, &o, &was);
        if (there && same_value(&o, &was))
            continue;
        if (optlist_is_secret(&o)) {
            note_secret(p, head, &o, there ? "SET" : "ADD");
            continue;
        }
        sb_addf(&list, "%s%s %.*s %.*s", list.len ? ", " : "", there ? "SET" : "ADD",
                (int)o.name_len, o.name, (int)o.value_len, o.value);
    }
    if (list.len)
        sb_addf(&plan_stmt(p, 0)->sql, "%s OPTIONS (%s)", head, list.buf);
    sb_release(&list);
}
