/* Like with like: FROM and TARGET printed by servers of two majors read
 * differently where they mean the same (from 16 a view's columns print
 * unqualified; a SQL source's extensions get the local server's default
 * versions). When no server of FROM's major is here to print TARGET
 * again (diff.c's first choice), both are built on one temporary cluster
 * and compared there: an object whose two copies are the same differs in
 * form only, and the diff takes it as the same, so that nothing but a real
 * difference is planned. FROM's and TARGET's own models stay what the
 * plan is made from. */
#include "cmd/cmd.h"
#include "apply/copy.h"
#include "source/tempcluster.h"

#include <stdio.h>

static bool changed_in_place(const pa_change *c)
{
    return (c->type == CHANGE_ALTER || c->type == CHANGE_REPLACE) && c->from && c->to;
}

static size_t count_changed_in_place(const pa_diff *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += changed_in_place(&d->changes[i]);
    return n;
}

/* Into form_only, each object d changes in place whose copies (alike)
 * are the same; named on stderr with -v. */
static size_t note_form_only(const pa_options *opt, const pa_diff *d, const pa_diff *alike,
                             hashmap *form_only)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        const pa_change *a = changed_in_place(c) ? diff_find(alike, c->to->key) : NULL;
        if (!a || a->type != CHANGE_SAME || hashmap_put(form_only, c->to->key, (void *)c->to))
            continue;
        n++;
        if (opt->verbose && !opt->quiet)
            fprintf(stderr, "pgalign: the same, printed differently: %s\n", c->to->key);
    }
    return n;
}

static void refuse(const pa_model *from, const pa_model *to, const char *side,
                   const strbuf *why, strbuf *err)
{
    sb_addf(err, "FROM (PostgreSQL %d) and TARGET (PostgreSQL %d) can be compared only as "
            "one server prints both, and the PostgreSQL %d server here cannot hold %s; "
            "give server programs of PostgreSQL %d with --pg-bindir DIR or "
            "PGALIGN_PG_BINDIRS (docs/versions.md says how). Building %s there: %s",
            from->server_version / 10000, to->server_version / 10000, tempcluster_major(),
            side, from->server_version / 10000, side, sb_str(why));
}

bool cmd_compare_alike(const pa_options *opt, const char *purpose, const pa_model *from,
                       const pa_model *to, const pa_diff *d, const pa_diff_options *dopt,
                       hashmap *form_only, strbuf *err)
{
    if (count_changed_in_place(d) == 0)
        return true;
    strbuf why = STRBUF_INIT, from_db = STRBUF_INIT, to_db = STRBUF_INIT;
    sb_addf(&from_db, "pgalign_%s_from", purpose);
    sb_addf(&to_db, "pgalign_%s_target", purpose);
    bool verbose = opt->verbose && !opt->quiet;
    pa_model from_copy, to_copy;
    model_init(&to_copy);
    /* The cluster of TARGET's major when it is here: then TARGET itself
     * is printed as the copy of FROM will be. */
    strbuf warnings = STRBUF_INIT;
    strbuf *warn = opt->quiet ? NULL : &warnings;
    bool ok = copy_inspect(opt->from, to->server_version, &opt->filter, from_db.buf, verbose,
                           warn, &from_copy, &why);
    int local = from_copy.server_version;
    const pa_model *want = to;
    if (!ok) {
        refuse(from, to, "FROM", &why, err);
    } else if (local / 10000 != to->server_version / 10000) {
        ok = copy_inspect(opt->target, local, &opt->filter, to_db.buf, verbose, warn, &to_copy,
                          &why);
        if (!ok)
            refuse(from, to, "TARGET", &why, err);
        want = &to_copy;
    }
    cmd_print_warnings(&warnings);
    sb_release(&warnings);
    if (ok) {
        pa_diff alike;
        diff_compute(&alike, &from_copy, want, dopt);
        size_t n = note_form_only(opt, d, &alike, form_only);
        diff_free(&alike);
        if (opt->verbose && !opt->quiet)
            fprintf(stderr, "pgalign: FROM and TARGET compared as PostgreSQL %d prints both "
                    "(no PostgreSQL %d server programs here): %zu of %zu object%s changed "
                    "in place differ%s in form only\n", local / 10000,
                    from->server_version / 10000, n, count_changed_in_place(d),
                    count_changed_in_place(d) == 1 ? "" : "s", n == 1 ? "s" : "");
    }
    model_free(&from_copy);
    model_free(&to_copy);
    sb_release(&why);
    sb_release(&from_db);
    sb_release(&to_db);
    return ok;
}
