#include "source/extskip.h"
#include "source/conn.h"
#include "util/sqlscan.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <string.h>

/* The words of a statement, enough of them to recognize the extension
 * statements: bare words lowercased, "quoted identifiers" and 'strings'
 * unquoted, punctuation one character each, comments skipped. */
enum { MAX_WORDS = 16 };
typedef struct words {
    char *w[MAX_WORDS];
    size_t n;
} words;

/* One quoted word at s ('...' or "..."), doubled quotes made single. */
static const char *read_quoted(const char *s, const char *end, strbuf *w)
{
    char q = *s++;
    while (s < end) {
        if (*s == q && s + 1 < end && s[1] == q)
            s++;
        else if (*s == q)
            return s + 1;
        sb_addc(w, *s++);
    }
    return s;
}

static void read_words(const char *s, const char *end, words *out)
{
    out->n = 0;
    /* A comment that starts inside [s, end) ends there: the scanner that
     * found end skipped it whole. */
    while (out->n < MAX_WORDS && (s = sql_skip_blank(s)) < end) {
        strbuf w = STRBUF_INIT;
        if (*s == '"' || *s == '\'') {
            s = read_quoted(s, end, &w);
        } else if (isalnum((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80) {
            while (s < end && (isalnum((unsigned char)*s) || *s == '_' || *s == '$' ||
                               *s == '.' || (unsigned char)*s >= 0x80))
                sb_addc(&w, (char)tolower((unsigned char)*s++));
        } else {
            sb_addc(&w, *s++);
        }
        out->w[out->n++] = sb_detach(&w);
    }
}

static void free_words(words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    ws->n = 0;
}

static bool word_is(const words *ws, size_t i, const char *s)
{
    return i < ws->n && strcmp(ws->w[i], s) == 0;
}

static pa_recorded_ext *find(pa_ext_list *list, const char *name)
{
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->items[i].name, name) == 0)
            return &list->items[i];
    }
    return NULL;
}

static void forget(pa_ext_list *list, const char *name)
{
    pa_recorded_ext *e = find(list, name);
    if (!e)
        return;
    free(e->name);
    free(e->schema);
    free(e->version);
    *e = list->items[--list->count];
}

/* CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v]
 * [CASCADE]: record it (the first creation counts). */
static void record_create(const words *ws, bool platform, pa_ext_list *list)
{
    size_t i = word_is(ws, 2, "if") ? 5 : 2;
    if (i >= ws->n || find(list, ws->w[i]))
        return;
    pa_recorded_ext e = {xstrdup(ws->w[i]), NULL, NULL, platform};
    for (i++; i + 1 < ws->n; i++) {
        if (word_is(ws, i, "schema") && !e.schema)
            e.schema = xstrdup(ws->w[++i]);
        else if (word_is(ws, i, "version") && !e.version)
            e.version = xstrdup(ws->w[++i]);
    }
    list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->alloc);
    list->items[list->count++] = e;
}

/* The extension a statement is about when it is one of ours, else NULL;
 * *create says whether it creates it. DROP EXTENSION counts only for one
 * name (a list of them is left to the server). */
static const char *extension_statement(const words *ws, bool *create, bool *drop)
{
    *create = *drop = false;
    if (word_is(ws, 0, "create") && word_is(ws, 1, "extension")) {
        size_t i = word_is(ws, 2, "if") ? 5 : 2;
        *create = i < ws->n;
        return i < ws->n ? ws->w[i] : NULL;
    }
    if (word_is(ws, 0, "alter") && word_is(ws, 1, "extension") && ws->n > 2)
        return ws->w[2];
    if (word_is(ws, 0, "comment") && word_is(ws, 1, "on") && word_is(ws, 2, "extension") &&
        ws->n > 3)
        return ws->w[3];
    if (word_is(ws, 0, "drop") && word_is(ws, 1, "extension")) {
        size_t i = word_is(ws, 2, "if") ? 4 : 2;
        if (i >= ws->n || word_is(ws, i + 1, ","))
            return NULL;
        *drop = true;
        return ws->w[i];
    }
    return NULL;
}

static void blank(char *start, const char *end)
{
    for (char *c = start; c < end; c++) {
        if (*c != '\n')
            *c = ' ';
    }
}

bool extskip_rewrite(char *text, ext_available_fn available, void *arg,
                     bool platform, pa_ext_list *list)
{
    bool any = false;
    sql_piece piece;
    for (const char *s = text; (s = sql_next_piece(s, true, &piece)) != NULL;) {
        if (piece.meta)
            continue;
        words ws;
        read_words(piece.start, piece.end, &ws);
        bool create, drop;
        const char *name = extension_statement(&ws, &create, &drop);
        if (name && !available(name, arg)) {
            if (create)
                record_create(&ws, platform, list);
            if (drop)
                forget(list, name);
            /* the statement and its semicolon (text is ours to change) */
            blank(text + (piece.start - text), piece.end + (*piece.end == ';'));
            any = true;
        }
        free_words(&ws);
    }
    return any;
}

char *extskip_describe(const pa_ext_list *list, bool platform)
{
    strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < list->count; i++) {
        const pa_recorded_ext *e = &list->items[i];
        if (e->platform != platform)
            continue;
        sb_addf(&sb, "%s%s", sb.len ? ", " : "", e->name);
        if (e->version)
            sb_addf(&sb, " %s", e->version);
        if (e->schema)
            sb_addf(&sb, " (schema %s)", e->schema);
    }
    if (sb.len)
        return sb_detach(&sb);
    sb_release(&sb);
    return xstrdup("");
}

/* Some extensions can only be created where the server loaded their
 * library at start (shared_preload_libraries), which a throwaway cluster
 * does not: those are not available there. */
static const char available_extensions_query[] =
    "SELECT name FROM pg_catalog.pg_available_extensions"
    " WHERE name NOT IN ('pg_cron', 'pg_net', 'timescaledb')"
    " OR name = ANY (string_to_array(replace(current_setting('shared_preload_libraries'),"
    " ' ', ''), ','))";

bool extskip_read_available(PGconn *conn, pa_ext_names *out, strbuf *err)
{
    PGresult *res = PQexec(conn, available_extensions_query);
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    if (ok) {
        out->count = (size_t)PQntuples(res);
        out->names = xcalloc(out->count + 1, sizeof(char *));
        for (size_t i = 0; i < out->count; i++)
            out->names[i] = xstrdup(PQgetvalue(res, (int)i, 0));
    } else {
        conn_error(err, conn);
    }
    PQclear(res);
    return ok;
}

bool extskip_available(const char *name, void *names)
{
    const pa_ext_names *list = names;
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->names[i], name) == 0)
            return true;
    }
    return false;
}

void extskip_free_names(pa_ext_names *names)
{
    for (size_t i = 0; i < names->count; i++)
        free(names->names[i]);
    free(names->names);
    memset(names, 0, sizeof(*names));
}

void extskip_free(pa_ext_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].name);
        free(list->items[i].schema);
        free(list->items[i].version);
    }
    free(list->items);
    memset(list, 0, sizeof(*list));
}
