#include "source/snapshot.h"
#include "emit/quote.h"
#include "kinds/kinds.h"
#include "kinds/privilege.h"
#include "util/fileio.h"
#include "util/hashmap.h"
#include "util/xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---- */

static int compare_deps(const void *a, const void *b)
{
    const pa_object *x = *(pa_object *const *)a, *y = *(pa_object *const *)b;
    return strcmp(x->key, y->key);
}

static json_t *object_json(const pa_object *o)
{
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(o->kind->name));
    if (o->schema)
        json_object_set_new(j, "schema", json_string(o->schema));
    if (o->table)
        json_object_set_new(j, "table", json_string(o->table));
    json_object_set_new(j, "name", json_string(o->name));
    if (o->ordinal)
        json_object_set_new(j, "ordinal", json_integer(o->ordinal));
    json_t *attrs = json_object();
    for (size_t i = 0; i < o->kind->nattrs; i++) {
        if (o->values[i])
            json_object_set_new(attrs, o->kind->attrs[i].name, json_string(o->values[i]));
    }
    json_object_set_new(j, "attributes", attrs);
    if (o->ndeps) {
        pa_object **deps = xmalloc(sizeof(*deps) * o->ndeps);
        memcpy(deps, o->deps, sizeof(*deps) * o->ndeps);
        qsort(deps, o->ndeps, sizeof(*deps), compare_deps);
        json_t *arr = json_array();
        for (size_t i = 0; i < o->ndeps; i++)
            json_array_append_new(arr, json_string(deps[i]->key));
        free(deps);
        json_object_set_new(j, "depends_on", arr);
    }
    return j;
}

/* The census (model/census.h), when the source said what it holds: an
 * entry a line. */
static void add_census(strbuf *out, const pa_census *c)
{
    if (!c->known)
        return;
    sb_adds(out, " \"not_compared\": [");
    for (size_t i = 0; i < c->count; i++) {
        const pa_census_entry *e = &c->items[i];
        json_t *j = json_pack("{s:s,s:s,s:s,s:b}", "kind", e->what, "name", e->label,
                              "digest", e->digest, "printed", e->printed);
        if (e->schema)
            json_object_set_new(j, "schema", json_string(e->schema));
        char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(j);
        sb_addf(out, "%s\n  %s", i ? "," : "", text ? text : "{}");
        free(text);
    }
    sb_adds(out, c->count ? "\n ],\n" : "],\n");
}

/* By schema, then table. */
static int compare_refs(const void *a, const void *b)
{
    const pa_object *x = *(pa_object *const *)a, *y = *(pa_object *const *)b;
    int c = strcmp(x->schema, y->schema);
    return c ? c : strcmp(x->table, y->table);
}

/* The tables and views that objects hang from but that the snapshot does
 * not hold (the profile leaves auth.users out, a user's trigger on it
 * in): references, written so that loading knows them from a damaged
 * file's missing table. Sorted, each once. */
static void add_references(strbuf *out, const pa_model *m)
{
    const pa_object **orphans = xmalloc(sizeof(*orphans) * (m->count + 1));
    size_t n = 0;
    for (size_t i = 0; i < m->count; i++) {
        const pa_object *o = m->objects[i];
        if (o->kind->parents && !o->parent && o->schema && o->table)
            orphans[n++] = o;
    }
    qsort(orphans, n, sizeof(*orphans), compare_refs);
    size_t written = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && compare_refs(&orphans[i - 1], &orphans[i]) == 0)
            continue;
        json_t *j = json_pack("{s:s,s:s}", "schema", orphans[i]->schema,
                              "table", orphans[i]->table);
        char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(j);
        sb_addf(out, "%s\n  %s", written++ ? "," : " \"references\": [", text ? text : "{}");
        free(text);
    }
    if (written)
        sb_adds(out, "\n ],\n");
    free(orphans);
}

/* The --data tables whose rows the snapshot holds, for a comparison to
 * know them from tables it was not asked for. */
static void add_data_tables(strbuf *out, const pa_model *m)
{
    for (size_t i = 0; i < m->ndata_tables; i++) {
        const pa_data_table *d = &m->data_tables[i];
        json_t *j = json_pack("{s:s}", "given", d->given);
        if (d->schema) {
            json_object_set_new(j, "schema", json_string(d->schema));
            json_object_set_new(j, "name", json_string(d->name));
        }
        char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(j);
        sb_addf(out, "%s\n  %s", i ? "," : " \"data\": [", text ? text : "{}");
        free(text);
    }
    if (m->ndata_tables)
        sb_adds(out, "\n ],\n");
}

/* text, each line after indent (the text has no newline at its end). */
static void add_indented(strbuf *out, const char *text, const char *indent)
{
    sb_adds(out, indent);
    for (const char *nl; (nl = strchr(text, '\n')); text = nl + 1) {
        sb_add(out, text, (size_t)(nl + 1 - text));
        sb_adds(out, indent);
    }
    sb_adds(out, text);
}

/* The bytes json_dumps(JSON_INDENT(1) | JSON_SORT_KEYS) gives of the whole
 * document, written one object at a time: the document in memory took
 * 150 MB and 0.6 s at 5,000 tables. Keys in order: data, format,
 * not_compared, objects, references, server_version, version. */
bool snapshot_write(const pa_model *m, strbuf *out)
{
    sb_adds(out, "{\n");
    add_data_tables(out, m);
    sb_addf(out, " \"format\": \"%s\",\n", PA_SNAPSHOT_FORMAT);
    add_census(out, &m->census);
    sb_adds(out, " \"objects\": [");
    for (size_t i = 0; i < m->count; i++) {
        json_t *object = object_json(m->objects[i]);
        char *text = json_dumps(object, JSON_INDENT(1) | JSON_SORT_KEYS);
        json_decref(object);
        if (!text)
            return false;
        sb_adds(out, i ? ",\n" : "\n");
        add_indented(out, text, "  ");
        free(text);
    }
    sb_adds(out, m->count ? "\n ],\n" : "],\n");
    add_references(out, m);
    sb_addf(out, " \"server_version\": %d,\n \"version\": %d\n}\n", m->server_version,
            PA_SNAPSHOT_VERSION);
    return true;
}

/* ---- loading ---- */

typedef struct loader {
    const char *path;
    strbuf *err;
    pa_model *m;
    const pa_filter *filter;
    /* What the file refers to without holding it, or holds but the filter
     * leaves out: references, not errors. By key (skipped objects), and by
     * "schema"."name" (tables and views objects hang from). */
    hashmap skipped_keys;
    hashmap outside;
} loader;

static void loader_init(loader *l, const char *path, const pa_filter *f, pa_model *m,
                        strbuf *err)
{
    *l = (loader){.path = path, .err = err, .m = m, .filter = f};
    hashmap_init(&l->skipped_keys);
    hashmap_init(&l->outside);
}

static void loader_free(loader *l)
{
    hashmap_free(&l->skipped_keys);
    hashmap_free(&l->outside);
}

static void add_outside(loader *l, const char *schema, const char *name)
{
    strbuf q = STRBUF_INIT;
    sql_qualified(&q, schema, name);
    hashmap_put(&l->outside, arena_strdup(&l->m->arena, q.buf), l);
    sb_release(&q);
}

static bool is_outside(const loader *l, const char *schema, const char *name)
{
    strbuf q = STRBUF_INIT;
    sql_qualified(&q, schema, name);
    bool found = hashmap_get(&l->outside, q.buf) != NULL;
    sb_release(&q);
    return found;
}

/* An object the filter leaves out: what refers to it still loads. */
static void skip_object(loader *l, const pa_kind *k, const char *schema, const char *table,
                        const char *name)
{
    hashmap_put(&l->skipped_keys, model_make_key(&l->m->arena, k, schema, table, name), l);
    if (schema && !table)
        add_outside(l, schema, name);
}

/* Whether the comparison asked for the rows of this table (--data). */
static bool data_requested(const loader *l, const char *schema, const char *table)
{
    for (size_t i = 0; l->filter && i < l->filter->ndata; i++) {
        strbuf given = STRBUF_INIT;
        filter_data_table_name(&given, l->filter->data[i]);
        const pa_data_table *d = model_data_table(l->m, given.buf);
        sb_release(&given);
        if (d && d->schema && strcmp(d->schema, schema) == 0 && strcmp(d->name, table) == 0)
            return true;
    }
    return false;
}

static bool fail_at(loader *l, size_t index, const char *fmt, const char *detail)
{
    sb_addf(l->err, "%s: objects[%zu]: ", l->path, index);
    sb_addf(l->err, fmt, detail);
    return false;
}

static const char *opt_string(json_t *obj, const char *key, bool *ok)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v))
        *ok = false;
    return json_string_value(v);
}

static bool check_keys(loader *l, size_t index, json_t *obj)
{
    static const char *const known[] = {"kind", "schema", "table", "name",
                                        "ordinal", "attributes", "depends_on"};
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value) {
        bool found = false;
        for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
            found |= strcmp(key, known[i]) == 0;
        if (!found)
            return fail_at(l, index, "unknown field \"%s\"", key);
    }
    return true;
}

static bool load_attributes(loader *l, size_t index, json_t *attrs, pa_object *o)
{
    const pa_kind *k = o->kind;
    const char *key;
    json_t *value;
    json_object_foreach(attrs, key, value) {
        int i = kind_attr_index(k, key);
        if (i < 0)
            return fail_at(l, index, "unknown attribute \"%s\"", key);
        if (!json_is_string(value) && !json_is_null(value))
            return fail_at(l, index, "attribute \"%s\" is not a string", key);
        model_set(l->m, o, (size_t)i, json_string_value(value));
    }
    strbuf why = STRBUF_INIT;
    bool ok = kind_check_shape(o, &why);
    if (!ok)
        fail_at(l, index, "%s", sb_str(&why));
    sb_release(&why);
    return ok;
}

/* The string value of the kind's attribute attr (-1: none) in attrs. */
static const char *attr_string(json_t *attrs, const pa_kind *k, int attr)
{
    return attr < 0 ? NULL : json_string_value(json_object_get(attrs, k->attrs[attr].name));
}

/* Dependencies are resolved after all objects are in: *deps_out keeps
 * the array (a reference of its own, or NULL). */
static bool load_object(loader *l, size_t index, json_t *obj, json_t **deps_out,
                        pa_object **out)
{
    *out = NULL;
    if (!json_is_object(obj))
        return fail_at(l, index, "%s", "is not an object");
    if (!check_keys(l, index, obj))
        return false;
    bool ok = true;
    const char *kind_name = opt_string(obj, "kind", &ok);
    const char *schema = opt_string(obj, "schema", &ok);
    const char *table = opt_string(obj, "table", &ok);
    const char *name = opt_string(obj, "name", &ok);
    if (!ok)
        return fail_at(l, index, "%s", "kind, schema, table and name must be strings");
    if (!kind_name)
        return fail_at(l, index, "%s", "missing \"kind\"");
    const pa_kind *k = kind_by_name(kind_name);
    if (!k)
        return fail_at(l, index, "unknown kind \"%s\"", kind_name);
    if (!name || !*name)
        return fail_at(l, index, "%s", "missing \"name\"");
    if (k->parents && !table)
        return fail_at(l, index, "a %s needs \"table\"", kind_name);
    if (k->schema_filtered && k != &kind_schema && !schema)
        return fail_at(l, index, "a %s needs \"schema\"", kind_name);
    json_t *ordinal = json_object_get(obj, "ordinal");
    if (ordinal && !json_is_integer(ordinal))
        return fail_at(l, index, "%s", "\"ordinal\" is not an integer");
    json_t *attrs = json_object_get(obj, "attributes");
    if (!json_is_object(attrs))
        return fail_at(l, index, "%s", "\"attributes\" is missing or not an object");
    json_t *deps = json_object_get(obj, "depends_on");
    if (deps && !json_is_array(deps))
        return fail_at(l, index, "%s", "\"depends_on\" is not an array");
    if ((k == &kind_data_row && !data_requested(l, schema, table)) ||
        !filter_accepts_object(l->filter, k, schema, name,
                               attr_string(attrs, k, k->filter_schema_attr ?
                                                      *k->filter_schema_attr : -1),
                               attr_string(attrs, k, privilege_grantee_attr(k)),
                               attr_string(attrs, k, privilege_role_attr(k)))) {
        skip_object(l, k, schema, table, name);
        return true;
    }

    pa_object *o = model_add(l->m, k, schema, table, name);
    if (!o)
        return fail_at(l, index, "%s", "duplicates an earlier object");
    o->ordinal = ordinal ? (int)json_integer_value(ordinal) : 0;
    *deps_out = json_incref(deps);
    *out = o;
    return load_attributes(l, index, attrs, o);
}

static bool resolve_deps(loader *l, size_t index, pa_object *o, json_t *deps)
{
    size_t i;
    json_t *dep;
    json_array_foreach(deps, i, dep) {
        if (!json_is_string(dep))
            return fail_at(l, index, "%s", "\"depends_on\" holds a non-string");
        pa_object *target = model_find(l->m, json_string_value(dep));
        /* A dependency the filter left out is not an error. */
        if (target)
            model_add_dep(l->m, o, target);
        else if (!hashmap_get(&l->skipped_keys, json_string_value(dep)))
            return fail_at(l, index, "depends on unknown object %s", json_string_value(dep));
    }
    return true;
}

/* The --data tables the snapshot holds the rows of; each the comparison
 * asks for must be one. */
static bool load_data_tables(loader *l, json_t *list)
{
    size_t n = json_array_size(list);
    if (list && !json_is_array(list)) {
        sb_addf(l->err, "%s: \"data\" is not an array", l->path);
        return false;
    }
    pa_data_table *tables = n ? arena_alloc(&l->m->arena, n * sizeof(*tables)) : NULL;
    for (size_t i = 0; i < n; i++) {
        json_t *d = json_array_get(list, i);
        const char *given = json_string_value(json_object_get(d, "given"));
        const char *schema = json_string_value(json_object_get(d, "schema"));
        const char *name = json_string_value(json_object_get(d, "name"));
        if (!given || !schema != !name) {
            sb_addf(l->err, "%s: data[%zu]: wants given, and schema with name", l->path, i);
            return false;
        }
        tables[i] = (pa_data_table){arena_strdup(&l->m->arena, given),
                                    schema ? arena_strdup(&l->m->arena, schema) : NULL,
                                    name ? arena_strdup(&l->m->arena, name) : NULL};
    }
    l->m->data_tables = tables;
    l->m->ndata_tables = n;
    for (size_t i = 0; l->filter && i < l->filter->ndata; i++) {
        strbuf given = STRBUF_INIT;
        filter_data_table_name(&given, l->filter->data[i]);
        bool held = model_data_table(l->m, given.buf) != NULL;
        if (!held)
            sb_addf(l->err, "%s holds no rows of %s (take the snapshot with --data %s)",
                    l->path, given.buf, l->filter->data[i]);
        sb_release(&given);
        if (!held)
            return false;
    }
    return true;
}

/* The census a snapshot recorded: absent in those of an older pgalign,
 * whose census is then unknown. */
static bool load_census(loader *l, json_t *list)
{
    if (!list)
        return true;
    if (!json_is_array(list)) {
        sb_addf(l->err, "%s: \"not_compared\" is not an array", l->path);
        return false;
    }
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        bool ok = json_is_object(e);
        const char *what = opt_string(e, "kind", &ok), *label = opt_string(e, "name", &ok);
        const char *digest = opt_string(e, "digest", &ok);
        const char *schema = opt_string(e, "schema", &ok);
        json_t *printed = json_object_get(e, "printed");
        if (!ok || !what || !label || !digest || !json_is_boolean(printed)) {
            sb_addf(l->err, "%s: not_compared[%zu]: wants kind, name, digest and printed",
                    l->path, i);
            return false;
        }
        if (filter_accepts(l->filter, schema))
            census_add(&l->m->census, &l->m->arena, what, schema, label, digest,
                       json_is_true(printed));
    }
    census_sort(&l->m->census);
    l->m->census.known = true;
    l->m->census.server_version = l->m->server_version;
    return true;
}

/* The tables and views the snapshot's objects hang from but that the
 * filter it was taken with left out (absent when none). */
static bool load_references(loader *l, json_t *list)
{
    if (!list)
        return true;
    if (!json_is_array(list)) {
        sb_addf(l->err, "%s: \"references\" is not an array", l->path);
        return false;
    }
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        bool ok = json_is_object(e) && json_object_size(e) == 2;
        const char *schema = opt_string(e, "schema", &ok), *table = opt_string(e, "table", &ok);
        if (!ok || !schema || !table) {
            sb_addf(l->err, "%s: references[%zu]: wants schema and table", l->path, i);
            return false;
        }
        add_outside(l, schema, table);
    }
    return true;
}

static bool check_header(loader *l, json_t *root)
{
    if (!json_is_object(root)) {
        sb_addf(l->err, "%s: not a pgalign snapshot (the top level is not an object)", l->path);
        return false;
    }
    json_t *format = json_object_get(root, "format");
    if (!json_is_string(format) || strcmp(json_string_value(format), PA_SNAPSHOT_FORMAT) != 0) {
        sb_addf(l->err, "%s: not a pgalign snapshot (\"format\" is not \"%s\")",
                l->path, PA_SNAPSHOT_FORMAT);
        return false;
    }
    json_t *version = json_object_get(root, "version");
    if (!json_is_integer(version)) {
        sb_addf(l->err, "%s: \"version\" is missing or not an integer", l->path);
        return false;
    }
    if (json_integer_value(version) < 1 || json_integer_value(version) > PA_SNAPSHOT_VERSION) {
        sb_addf(l->err, "%s: snapshot version %lld is not supported (this pgalign "
                "reads versions 1 to %d)", l->path, (long long)json_integer_value(version),
                PA_SNAPSHOT_VERSION);
        return false;
    }
    l->m->snapshot_version = (int)json_integer_value(version);
    json_t *server = json_object_get(root, "server_version");
    if (!json_is_integer(server) || json_integer_value(server) < 0 ||
        json_integer_value(server) > 10000000) {
        sb_addf(l->err, "%s: \"server_version\" is missing or not a version number", l->path);
        return false;
    }
    l->m->server_version = (int)json_integer_value(server);
    if (!load_data_tables(l, json_object_get(root, "data")) ||
        !load_census(l, json_object_get(root, "not_compared")) ||
        !load_references(l, json_object_get(root, "references")))
        return false;
    if (!json_is_array(json_object_get(root, "objects"))) {
        sb_addf(l->err, "%s: \"objects\" is missing or not an array", l->path);
        return false;
    }
    return true;
}

static bool check_parents(loader *l)
{
    for (size_t i = 0; i < l->m->count; i++) {
        const pa_object *o = l->m->objects[i];
        if (o->kind->parents && !o->parent && !is_outside(l, o->schema, o->table)) {
            sb_addf(l->err, "%s: %s has no ", l->path, o->key);
            for (const pa_kind *const *pk = o->kind->parents; *pk; pk++)
                sb_addf(l->err, "%s%s", pk == o->kind->parents ? "" : "|", (*pk)->name);
            sb_addf(l->err, " %s in the snapshot", o->table);
            return false;
        }
    }
    return true;
}

/* The objects loaded so far, with their dependency arrays. */
typedef struct loaded_list {
    pa_object **objects;
    json_t **deps;
    size_t count, alloc, deps_alloc;
} loaded_list;

static bool load_next(loader *l, loaded_list *list, json_t *obj)
{
    size_t i = list->count;
    list->objects = xgrow(list->objects, sizeof(*list->objects), i + 1, &list->alloc);
    list->deps = xgrow(list->deps, sizeof(*list->deps), i + 1, &list->deps_alloc);
    list->objects[i] = NULL;
    list->deps[i] = NULL;
    list->count++;
    return load_object(l, i, obj, &list->deps[i], &list->objects[i]);
}

static void loaded_free(loaded_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        json_decref(list->deps[i]);
    free(list->objects);
    free(list->deps);
    memset(list, 0, sizeof(*list));
}

/* Dependencies, links to parents, order: once every object is in. */
static bool finish(loader *l, loaded_list *list)
{
    bool ok = true;
    for (size_t i = 0; ok && i < list->count; i++) {
        if (list->objects[i] && list->deps[i])
            ok = resolve_deps(l, i, list->objects[i], list->deps[i]);
    }
    if (ok) {
        model_link(l->m);
        ok = check_parents(l);
        model_sort(l->m);
    }
    return ok;
}

/* A snapshot as jansson reads a whole document: for the messages of a
 * damaged one (see load_streaming). */
static bool load_tree(loader *l, const strbuf *text, loaded_list *list)
{
    json_error_t jerr;
    json_t *root = json_loadb(text->buf, text->len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        sb_addf(l->err, "%s: invalid JSON at line %d, column %d: %s", l->path, jerr.line,
                jerr.column, jerr.text);
        return false;
    }
    bool ok = check_header(l, root);
    json_t *objects = json_object_get(root, "objects");
    for (size_t i = 0; ok && i < json_array_size(objects); i++)
        ok = load_next(l, list, json_array_get(objects, i));
    ok = ok && finish(l, list);
    json_decref(root);
    return ok;
}

/* ---- a document read one object at a time ----
 * The whole document as a jansson tree took 180 MB at 5,000 tables. The
 * top level is scanned here: its members but "objects" are decoded first
 * (the header is checked before any object, wherever it stands), then the
 * objects array one element at a time, each decoded by jansson. Anything
 * unexpected in the text is left to load_tree, for jansson's message. */

typedef struct scan {
    const char *text;
    size_t len, pos;
} scan;

static void skip_space(scan *s)
{
    for (; s->pos < s->len; s->pos++) {
        char c = s->text[s->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
    }
}

static bool take(scan *s, char c)
{
    skip_space(s);
    if (s->pos >= s->len || s->text[s->pos] != c)
        return false;
    s->pos++;
    return true;
}

/* The JSON value at s, decoded as jansson reads a document; NULL if it
 * is not one. */
static json_t *next_value(scan *s)
{
    skip_space(s);
    json_error_t jerr;
    json_t *v = json_loadb(s->text + s->pos, s->len - s->pos,
                           JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES,
                           &jerr);
    if (v)
        s->pos += (size_t)jerr.position;
    return v;
}

/* Past the array at s, not decoded (its elements are, later); strings are
 * skipped whole. False when the text ends first. */
static bool skip_array(scan *s)
{
    int depth = 0;
    for (; s->pos < s->len; s->pos++) {
        char c = s->text[s->pos];
        if (c == '"') {
            for (s->pos++; s->pos < s->len && s->text[s->pos] != '"'; s->pos++)
                s->pos += s->text[s->pos] == '\\';
            if (s->pos >= s->len)
                return false;
        } else if (c == '[' || c == '{') {
            depth++;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            s->pos++;
            return true;
        }
    }
    return false;
}

/* One member of the top level into header; of an "objects" array only
 * where it starts (*objects_at), and an empty array in its place. */
static bool read_member(scan *s, json_t *header, size_t *objects_at)
{
    json_t *key = next_value(s);
    bool ok = json_is_string(key) && take(s, ':') &&
              !json_object_get(header, json_string_value(key));
    bool objects = ok && strcmp(json_string_value(key), "objects") == 0;
    skip_space(s);
    json_t *value = NULL;
    if (objects && s->pos < s->len && s->text[s->pos] == '[') {
        *objects_at = s->pos;
        ok = skip_array(s);
        value = json_array();
    } else if (ok) {
        value = next_value(s);
        ok = value != NULL;
    }
    if (ok)
        json_object_set_new(header, json_string_value(key), value);
    else
        json_decref(value);
    json_decref(key);
    return ok;
}

/* The top level, an object and nothing after it, into header. */
static bool read_header(scan *s, json_t *header, size_t *objects_at)
{
    if (!take(s, '{'))
        return false;
    bool ok = true;
    if (!take(s, '}')) {
        do
            ok = read_member(s, header, objects_at);
        while (ok && take(s, ','));
        ok = ok && take(s, '}');
    }
    skip_space(s);
    return ok && s->pos == s->len;
}

typedef enum { READ_OK, READ_FAILED, READ_UNEXPECTED } read_result;

static read_result load_streaming(loader *l, const strbuf *text, loaded_list *list)
{
    scan s = {text->buf, text->len, 0};
    json_t *header = json_object();
    size_t objects_at = 0;
    if (!read_header(&s, header, &objects_at)) {
        json_decref(header);
        return READ_UNEXPECTED;
    }
    bool ok = check_header(l, header);
    json_decref(header);
    if (!ok)
        return READ_FAILED;
    s.pos = objects_at;
    if (take(&s, '[') && !take(&s, ']')) {
        do {
            json_t *obj = next_value(&s);
            if (!obj)
                return READ_UNEXPECTED;
            ok = load_next(l, list, obj);
            json_decref(obj);
        } while (ok && take(&s, ','));
        if (ok && !take(&s, ']'))
            return READ_UNEXPECTED;
    }
    return ok && finish(l, list) ? READ_OK : READ_FAILED;
}

bool snapshot_load(const char *path, const pa_filter *f, pa_model *m, strbuf *err)
{
    model_init(m);
    strbuf text = STRBUF_INIT;
    if (!read_file(path, &text, err))
        return false;
    loader l;
    loader_init(&l, path, f, m, err);
    loaded_list list = {0};
    read_result result = load_streaming(&l, &text, &list);
    if (result == READ_UNEXPECTED) {
        loaded_free(&list);
        loader_free(&l);        /* its keys were in the model's arena */
        model_free(m);
        model_init(m);
        loader_init(&l, path, f, m, err);
        result = load_tree(&l, &text, &list) ? READ_OK : READ_FAILED;
    }
    loaded_free(&list);
    loader_free(&l);
    sb_release(&text);
    if (result != READ_OK)
        model_free(m);      /* what a damaged snapshot had loaded so far */
    return result == READ_OK;
}
