#include "cmd/patterns.h"
#include "kinds/census.h"
#include "kinds/kind.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <string.h>

static bool kind_known(const pa_pattern *p)
{
    for (size_t i = 0; i < pa_nkinds; i++) {
        if (pattern_kind_is(p, pa_kinds[i]->name))
            return true;
    }
    return census_kind_known(p);
}

bool patterns_add(pa_filter *f, const char *text, bool include, strbuf *err)
{
    pa_pattern p;
    if (!pattern_parse(text, include, &p, err)) {
        pattern_free(&p);
        return false;
    }
    if (p.kind && !kind_known(&p)) {
        sb_addf(err, "pattern %s: no kind is called %s (kinds are named as in "
                "--format summary: table, column, function...)", text, p.kind);
        pattern_free(&p);
        return false;
    }
    f->patterns = xrealloc(f->patterns, (f->npatterns + 1) * sizeof(*f->patterns));
    f->patterns[f->npatterns++] = p;
    return true;
}

bool patterns_add_file(pa_filter *f, const char *path, strbuf *err)
{
    strbuf text = STRBUF_INIT;
    if (!read_file(path, &text, err)) {
        sb_release(&text);
        return false;
    }
    bool ok = true;
    unsigned lineno = 0;
    for (char *line = text.buf; ok && line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        lineno++;
        line += strspn(line, " \t");
        size_t len = strlen(line);
        while (len > 0 && strchr(" \t\r", line[len - 1]))
            line[--len] = '\0';
        if (len > 0 && line[0] != '#') {
            strbuf why = STRBUF_INIT;
            ok = patterns_add(f, line, false, &why);
            if (!ok)
                sb_addf(err, "%s:%u: %s", path, lineno, sb_str(&why));
            sb_release(&why);
        }
        line = end ? end + 1 : NULL;
    }
    sb_release(&text);
    return ok;
}

void patterns_free(pa_filter *f)
{
    for (size_t i = 0; i < f->npatterns; i++)
        pattern_free(&f->patterns[i]);
    free(f->patterns);
    f->patterns = NULL;
    f->npatterns = 0;
}

static unsigned hits(const pa_model *m, size_t i)
{
    return m->pattern_hits ? m->pattern_hits[i] : 0;
}

static bool has_key(const pa_model *m, const char *key)
{
    return model_find(m, key) || hashmap_get(&m->left_out, key);
}

/* What a crossing's left-out end is part of that was left out as a whole
 * (a column's table): one warning for the table, not one per column. */
static const pa_object *outermost_left_out(const pa_model *m, const pa_object *o)
{
    while (o->parent && hashmap_get(&m->left_out, o->parent->key))
        o = o->parent;
    return o;
}

/* Whether crossing i's left-out end, taken as a whole (dep), was told
 * already: an object's crossings come together. */
static bool told(const pa_model *m, size_t i, const pa_object *dep)
{
    const pa_crossing *all = m->crossings;
    for (size_t j = i; j-- > 0 && all[j].object == all[i].object;) {
        if (outermost_left_out(m, all[j].dep) == dep)
            return true;
    }
    return false;
}

void patterns_report(const pa_filter *f, const pa_model *from, const pa_model *to,
                     strbuf *warnings)
{
    for (size_t i = 0; i < f->npatterns; i++) {
        const pa_pattern *p = &f->patterns[i];
        if (hits(from, i) + hits(to, i) == 0)
            sb_addf(warnings, "pgalign: warning: --%s %s names nothing in FROM or TARGET\n",
                    p->include ? "include" : "exclude", p->source);
    }
    /* What TARGET keeps needs what they leave out, which FROM lacks. */
    for (size_t i = 0; i < to->ncrossings; i++) {
        const pa_crossing *c = &to->crossings[i];
        if (!model_find(to, c->object->key))
            continue;
        const pa_object *dep = outermost_left_out(to, c->dep);
        if (has_key(from, c->dep->key) || told(to, i, dep))
            continue;
        sb_addf(warnings, "pgalign: warning: %s needs %s, which the patterns leave out "
                "and FROM lacks: creating it fails\n", c->object->key, dep->key);
    }
    /* What FROM keeps and TARGET lacks (dropped by an --unsafe plan) is
     * needed by what they leave out in FROM. */
    for (size_t i = 0; i < from->ncrossings; i++) {
        const pa_crossing *c = &from->crossings[i];
        if (model_find(from, c->object->key) || has_key(to, c->dep->key))
            continue;
        const pa_object *user = outermost_left_out(from, c->object);
        if (i > 0 && from->crossings[i - 1].dep == c->dep &&
            outermost_left_out(from, from->crossings[i - 1].object) == user)
            continue;
        const pa_object *dropped = c->dep;
        while (dropped->parent && !has_key(to, dropped->parent->key))
            dropped = dropped->parent;
        sb_addf(warnings, "pgalign: warning: %s, which the patterns leave out, needs %s: "
                "dropping it fails\n", user->key, dropped->key);
    }
}
