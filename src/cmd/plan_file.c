/* Writing the options a JSON plan records, and reading plans back. */
#include "cmd/plan_file.h"
#include "cmd/patterns.h"
#include "apply/split.h"
#include "inspect/data.h"
#include "emit/plan_json.h"
#include "util/fileio.h"
#include "util/sqlscan.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *string_array(const char **items, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(items[i]));
    return a;
}

json_t *plan_options_json(const pa_options *opt)
{
    json_t *o = json_object();
    json_object_set_new(o, "schema", string_array(opt->filter.include, opt->filter.ninclude));
    json_object_set_new(o, "exclude_schema",
                        string_array(opt->filter.exclude, opt->filter.nexclude));
    json_t *exclude = json_array(), *include = json_array();
    for (size_t i = 0; i < opt->filter.npatterns; i++) {
        const pa_pattern *p = &opt->filter.patterns[i];
        json_array_append_new(p->include ? include : exclude, json_string(p->source));
    }
    json_object_set_new(o, "exclude", exclude);
    json_object_set_new(o, "include", include);
    json_object_set_new(o, "with_privileges", json_boolean(opt->filter.privileges));
    json_object_set_new(o, "profile", opt->filter.profile ? json_string(opt->filter.profile)
                                                          : json_null());
    json_object_set_new(o, "ignore_extension_versions",
                        json_boolean(opt->ignore_extension_versions));
    /* Only with --data: the plan is then read by pgalign 0.3 too. */
    if (opt->filter.ndata) {
        json_object_set_new(o, "data", string_array(opt->filter.data, opt->filter.ndata));
        json_object_set_new(o, "data_limit", json_integer(opt->filter.data_limit));
    }
    return o;
}

static bool read_strings(json_t *a, const char ***items, size_t *n)
{
    if (!json_is_array(a))
        return false;
    *n = json_array_size(a);
    *items = xcalloc(*n + 1, sizeof(char *));
    for (size_t i = 0; i < *n; i++) {
        const char *s = json_string_value(json_array_get(a, i));
        if (!s)
            return false;
        (*items)[i] = xstrdup(s);
    }
    return true;
}

/* The patterns a plan was made with: absent from plans of a pgalign
 * that had none. */
static bool read_patterns(json_t *a, bool include, pa_filter *f)
{
    size_t i;
    json_t *s;
    if (!a)
        return true;
    if (!json_is_array(a))
        return false;
    json_array_foreach(a, i, s) {
        strbuf err = STRBUF_INIT;
        bool ok = json_is_string(s) && patterns_add(f, json_string_value(s), include, &err);
        sb_release(&err);
        if (!ok)
            return false;
    }
    return true;
}

static bool read_options(json_t *o, pa_plan_file *pf)
{
    json_t *priv = json_object_get(o, "with_privileges");
    json_t *versions = json_object_get(o, "ignore_extension_versions");
    if (!json_is_object(o) || !json_is_boolean(priv) || !json_is_boolean(versions))
        return false;
    pf->filter.privileges = json_is_true(priv);
    const char *profile = json_string_value(json_object_get(o, "profile"));
    if (profile && !filter_set_profile(&pf->filter, profile))
        return false;
    pf->ignore_extension_versions = json_is_true(versions);
    json_t *data = json_object_get(o, "data"), *limit = json_object_get(o, "data_limit");
    pf->filter.data_limit = json_is_integer(limit) ? (long)json_integer_value(limit)
                                                   : DATA_LIMIT_DEFAULT;
    if (data && !read_strings(data, &pf->filter.data, &pf->filter.ndata))
        return false;
    return read_patterns(json_object_get(o, "exclude"), false, &pf->filter) &&
           read_patterns(json_object_get(o, "include"), true, &pf->filter) &&
           read_strings(json_object_get(o, "schema"), &pf->filter.include,
                        &pf->filter.ninclude) &&
           read_strings(json_object_get(o, "exclude_schema"), &pf->filter.exclude,
                        &pf->filter.nexclude);
}

static char *optional_string(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? xstrdup(s) : NULL;
}

static bool read_check(json_t *o, pa_check *c)
{
    const char *type = json_string_value(json_object_get(o, "type"));
    c->type = CHECK_NONE;
    for (int t = CHECK_NOT_NULL; t <= CHECK_LAST && type; t++) {
        if (strcmp(type, plan_check_name((check_type)t)) == 0)
            c->type = (check_type)t;
    }
    c->table = optional_string(o, "table");
    c->column = optional_string(o, "column");
    c->name = optional_string(o, "name");
    c->definition = optional_string(o, "definition");
    return c->type != CHECK_NONE && c->table;
}

static bool read_hazards(json_t *a, unsigned *hazards)
{
    size_t i;
    json_t *h;
    if (!json_is_array(a))
        return false;
    json_array_foreach(a, i, h) {
        const char *name = json_string_value(h);
        int bit = -1;
        for (int b = 0; b < PA_NHAZARDS && name; b++) {
            if (strcmp(name, pa_hazard_names[b]) == 0)
                bit = b;
        }
        if (bit < 0)
            return false;
        *hazards |= 1u << bit;
    }
    return true;
}

/* Returns the index of the first bad statement, or -1. */
static long read_statements(json_t *a, pa_plan *p)
{
    size_t i;
    json_t *s;
    json_array_foreach(a, i, s) {
        const char *sql = json_string_value(json_object_get(s, "sql"));
        if (!sql)
            return (long)i;
        pa_stmt *st = plan_stmt(p, 0);
        sb_adds(&st->sql, sql);
        json_t *check = json_object_get(s, "preflight");
        st->standalone = json_is_true(json_object_get(s, "standalone"));
        if (!read_hazards(json_object_get(s, "hazards"), &st->hazards) ||
            (check && !read_check(check, &st->check)))
            return (long)i;
    }
    return -1;
}

/* The plan's "not_compared" (emit/summary.h's census_json), if it has one. */
static bool read_not_compared(json_t *list, pa_plan_file *pf)
{
    if (!list)
        return true;
    if (!json_is_array(list))
        return false;
    pf->has_not_compared = true;
    pf->not_compared = xcalloc(json_array_size(list) + 1, sizeof(*pf->not_compared));
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        const char *what = json_string_value(json_object_get(e, "kind"));
        const char *name = json_string_value(json_object_get(e, "name"));
        const char *where = json_string_value(json_object_get(e, "where"));
        if (!what || !name || !where)
            return false;
        strbuf sb = STRBUF_INIT;
        sb_addf(&sb, "%s %s (%s)", what, name, where);
        pf->not_compared[pf->nnot_compared++] = sb_detach(&sb);
    }
    return true;
}

/* What the plan says to do by hand (none in older plans). */
static bool read_notes(json_t *list, pa_plan *p)
{
    size_t i;
    json_t *e;
    if (!list)
        return true;
    if (!json_is_array(list))
        return false;
    json_array_foreach(list, i, e) {
        const char *line = json_string_value(e);
        if (!line || strchr(line, '\n'))
            return false;
        plan_add_note(p, line);
    }
    return true;
}

/* One of the plan's "renames": kind, old as "schema.table[.name]" (quoted
 * where needed), new. */
static bool read_rename(json_t *e, pa_rename_list *list)
{
    static const struct {
        const char *word;
        rename_kind kind;
        size_t parts;
    } kinds[] = {{"table", RENAME_TABLE, 2}, {"index", RENAME_INDEX, 2},
                 {"column", RENAME_COLUMN, 3}, {"constraint", RENAME_CONSTRAINT, 3}};
    const char *kind = json_string_value(json_object_get(e, "kind"));
    const char *old = json_string_value(json_object_get(e, "old"));
    const char *new = json_string_value(json_object_get(e, "new"));
    size_t k = 0;
    while (kind && k < sizeof(kinds) / sizeof(kinds[0]) && strcmp(kind, kinds[k].word) != 0)
        k++;
    if (!kind || !old || !new || k == sizeof(kinds) / sizeof(kinds[0]))
        return false;
    char *parts[3] = {NULL, NULL, NULL};
    const char *p = old, *end = old + strlen(old);
    bool ok = true;
    for (size_t i = 0; ok && i < kinds[k].parts; i++) {
        ok = (i == 0 || (p < end && *p++ == '.')) && (parts[i] = sql_name_part(&p, end));
    }
    if (!ok || p != end) {
        for (size_t i = 0; i < 3; i++)
            free(parts[i]);
        return false;
    }
    list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->alloc);
    list->items[list->count++] = (pa_rename){kinds[k].kind, parts[0], parts[1], parts[2],
                                             xstrdup(new), NULL};
    return true;
}

static bool read_renames(json_t *list, pa_rename_list *out)
{
    if (!list)
        return true;
    bool ok = json_is_array(list);
    for (size_t i = 0; ok && i < json_array_size(list); i++)
        ok = read_rename(json_array_get(list, i), out);
    return ok;
}

/* Absent in plans of an older pgalign: unknown. */
static bool read_target_major(json_t *v, pa_plan_file *pf)
{
    if (!v)
        return true;
    if (!json_is_integer(v) || json_integer_value(v) < 9 || json_integer_value(v) > 1000)
        return false;
    pf->target_major = (int)json_integer_value(v);
    return true;
}

static bool load_json(const char *path, pa_plan_file *pf, strbuf *err)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        sb_addf(err, "%s:%d: %s", path, jerr.line, jerr.text);
        return false;
    }
    const char *format = json_string_value(json_object_get(root, "format"));
    json_t *stmts = json_object_get(root, "statements");
    bool ok = false;
    if (!format || strcmp(format, "pgalign-plan") != 0 ||
        json_integer_value(json_object_get(root, "version")) != 1) {
        sb_addf(err, "%s: not a pgalign plan (version 1)", path);
    } else if (!(pf->from_fingerprint = optional_string(root, "from_fingerprint")) ||
               !(pf->target_fingerprint = optional_string(root, "target_fingerprint"))) {
        sb_addf(err, "%s: the plan has no fingerprints", path);
    } else if (!read_target_major(json_object_get(root, "target_printed_by"), pf)) {
        sb_addf(err, "%s: \"target_printed_by\" is not a PostgreSQL major", path);
    } else if (!read_options(json_object_get(root, "options"), pf)) {
        sb_addf(err, "%s: \"options\" is missing or malformed", path);
    } else if (!json_is_array(stmts)) {
        sb_addf(err, "%s: \"statements\" is missing or not an array", path);
    } else if (!read_not_compared(json_object_get(root, "not_compared"), pf)) {
        sb_addf(err, "%s: \"not_compared\" is malformed", path);
    } else if (!read_renames(json_object_get(root, "renames"), &pf->renames)) {
        sb_addf(err, "%s: \"renames\" is malformed", path);
    } else if (!read_notes(json_object_get(root, "notes"), &pf->plan)) {
        sb_addf(err, "%s: \"notes\" is malformed", path);
    } else {
        long bad = read_statements(stmts, &pf->plan);
        if (bad >= 0)
            sb_addf(err, "%s: statement %ld is malformed", path, bad + 1);
        ok = bad < 0;
    }
    json_decref(root);
    return ok;
}

static bool load_sql(const char *path, pa_plan_file *pf, strbuf *err)
{
    strbuf text = STRBUF_INIT;
    bool ok = read_file(path, &text, err);
    size_t bad;
    if (ok && !text_is_utf8(sb_str(&text), text.len, &bad)) {
        sb_addf(err, "%s is not a plan: it is not UTF-8 text (byte %zu); pgalign diff "
                "writes plans as .sql or .json (--format json)", path, bad + 1);
        ok = false;
    }
    if (ok)
        sql_split(text.buf, &pf->plan);
    sb_release(&text);
    return ok;
}

/* apply runs a plan in one transaction (or, with --online, in phases it
 * commits itself): a COMMIT or BEGIN of the plan's own would commit part
 * of it, or let what follows a failure run and commit on its own. */
static bool no_transaction_control(const char *path, const pa_plan *p, strbuf *err)
{
    for (size_t i = 0; i < p->nstmts; i++) {
        const char *command = sql_transaction_control(sb_str(&p->stmts[i]->sql));
        if (command) {
            sb_addf(err, "%s: statement %zu is %s: apply runs the plan in a transaction "
                    "of its own and commits it at the end; remove the statement",
                    path, i + 1, command);
            return false;
        }
    }
    return true;
}

bool plan_file_load(const char *path, pa_plan_file *pf, strbuf *err)
{
    memset(pf, 0, sizeof(*pf));
    size_t n = strlen(path);
    pf->is_json = n >= 5 && strcmp(path + n - 5, ".json") == 0;
    bool ok = pf->is_json ? load_json(path, pf, err) : load_sql(path, pf, err);
    ok = ok && no_transaction_control(path, &pf->plan, err);
    if (!ok)
        plan_file_free(pf);     /* what a damaged plan had loaded so far */
    return ok;
}

static void free_strings(const char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free((char *)items[i]);
    free(items);
}

void plan_file_free(pa_plan_file *pf)
{
    plan_free(&pf->plan);
    free(pf->from_fingerprint);
    free(pf->target_fingerprint);
    free_strings(pf->filter.include, pf->filter.ninclude);
    free_strings(pf->filter.exclude, pf->filter.nexclude);
    free_strings(pf->filter.data, pf->filter.ndata);
    patterns_free(&pf->filter);
    free_strings(pf->not_compared, pf->nnot_compared);
    rename_list_free(&pf->renames);
    memset(pf, 0, sizeof(*pf));
}
