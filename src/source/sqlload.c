#include "source/sqlload.h"
#include "source/conn.h"
#include "source/extstandin.h"
#include "source/fdwstandin.h"
#include "source/sqlrun.h"
#include "source/tempcluster.h"
#include "model/filter.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The Supabase stand-in, source/supabase_platform.sql (built in). */
extern const char *const supabase_platform_sql[];

/* Under a profile, as pg_dump's files say themselves: a function may
 * name what a skipped extension would have made. And as a Supabase
 * project's sessions have it, names resolve in its extensions schema too
 * (uuid_generate_v4(), a Wrappers handler). */
static const char profile_session[] =
    " options='-c check_function_bodies=off -c search_path=\"$user\",public,extensions'";

/* ---- the files ---- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_sql_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".sql") == 0;
}

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

/* The files to load: the path itself, or a directory's .sql files (not
 * descending into subdirectories) in name order. */
static bool list_files(const char *path, char ***files, size_t *count, strbuf *err)
{
    struct stat st;
    *files = NULL;
    *count = 0;
    if (stat(path, &st) != 0) {
        sb_addf(err, "%s: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        *files = xmalloc(sizeof(char *));
        (*files)[(*count)++] = xstrdup(path);
        return true;
    }
    DIR *d = opendir(path);
    if (!d) {
        sb_addf(err, "%s: %s", path, strerror(errno));
        return false;
    }
    size_t alloc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!has_sql_suffix(e->d_name))
            continue;
        strbuf full = STRBUF_INIT;
        sb_adds(&full, path);
        sb_trim_trailing(&full, "/");   /* migrations/, not migrations//file.sql */
        sb_addf(&full, "/%s", e->d_name);
        if (stat(full.buf, &st) == 0 && S_ISREG(st.st_mode)) {
            *files = xgrow(*files, sizeof(char *), *count + 1, &alloc);
            (*files)[(*count)++] = sb_detach(&full);
        } else {
            sb_release(&full);
        }
    }
    closedir(d);
    if (*count == 0) {
        sb_addf(err, "%s: no .sql files in this directory", path);
        return false;
    }
    qsort(*files, *count, sizeof(char *), compare_names);
    return true;
}

/* ---- the stand-in ---- */

/* The server's notices (the publication's "wal_level is insufficient")
 * are no news to the user. */
static bool run_standin(PGconn *conn, const pa_ext_names *available,
                        pa_ext_list *recorded, strbuf *err)
{
    conn_quiet(conn);
    strbuf sql = STRBUF_INIT;
    for (const char *const *line = supabase_platform_sql; *line; line++)
        sb_adds(&sql, *line);
    extskip_rewrite(sql.buf, extskip_available, (void *)available, true, recorded);
    PGresult *res = PQexec(conn, sql.buf);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        sb_addf(err, "the Supabase stand-in does not load on PostgreSQL %d: ",
                PQserverVersion(conn) / 10000);
        conn_result_error(err, conn, res);
    }
    PQclear(res);
    sb_release(&sql);
    return ok;
}

static bool standin(const char *conninfo, const char *profile, pa_ext_names *available,
                    pa_ext_list *recorded, strbuf *err)
{
    if (strcmp(profile, "supabase") != 0)
        return true;
    PGconn *conn = conn_open(conninfo, err);
    bool ok = conn && extskip_read_available(conn, available, err) &&
              run_standin(conn, available, recorded, err);
    if (conn)
        PQfinish(conn);
    return ok;
}

bool sql_load_standin(const char *conninfo, const char *profile,
                      pa_ext_list *recorded, strbuf *err)
{
    pa_ext_names available = {0};
    bool ok = standin(conninfo, profile, &available, recorded, err);
    extskip_free_names(&available);
    return ok;
}

/* ---- running a file ---- */

/* psql reports "psql:FILE:LINE: ERROR:  message": keep from FILE on, with
 * the user's name for the file when psql ran a copy of it. */
static void report_psql_error(strbuf *err, const char *file, const char *ran,
                              const char *log_path)
{
    FILE *f = fopen(log_path, "r");
    char line[2048], found[2048] = "";
    while (f && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strstr(line, "ERROR:") || strstr(line, "FATAL:") || !found[0]) {
            snprintf(found, sizeof(found), "%s",
                     strncmp(line, "psql:", 5) == 0 ? line + 5 : line);
            if (strstr(line, "ERROR:") || strstr(line, "FATAL:"))
                break;
        }
    }
    if (f)
        fclose(f);
    size_t n = strlen(ran);
    if (!found[0])
        sb_addf(err, "%s: psql failed", file);
    else if (strncmp(found, ran, n) == 0)
        sb_addf(err, "%s%s", file, found + n);
    else
        sb_adds(err, found);
}

/* What a Supabase project's files fail on without the profile: the
 * platform's schemas, roles and publication, or its extensions. */
static const char *const supabase_signs[] = {
    "schema \"auth\"", "schema \"storage\"", "schema \"realtime\"",
    "schema \"extensions\"", "schema \"supabase_functions\"", "role \"anon\"",
    "role \"authenticated\"", "role \"service_role\"", "\"supabase_realtime\"",
    NULL,
};

static void hint_profile(strbuf *err, const char *profile)
{
    const char *msg = sb_str(err);
    if (profile)
        return;
    if (strstr(msg, "extension") &&
        (strstr(msg, "is not available") || strstr(msg, "extension control file"))) {
        sb_adds(err, " (for a Supabase project's files use --profile supabase; else "
                     "install the extension on this machine)");
        return;
    }
    for (const char *const *sign = supabase_signs; *sign; sign++) {
        if (strstr(msg, *sign)) {
            sb_adds(err, " (a Supabase project's files need --profile supabase)");
            return;
        }
    }
}

typedef struct loader {
    const char *dbname;
    const char *profile;
    pa_ext_names available;
    pa_ext_list *recorded;
    strbuf conninfo;        /* psql's */
    PGconn *conn;           /* for the files psql is not needed for; NULL till one */
    strbuf log;
    strbuf copy;            /* a file with statements taken out, or "" */
} loader;

/* psql runs the file, or under a profile a copy of text (which has
 * statements taken out) when there is one. */
static bool run_psql(loader *l, const char *path, size_t index, const char *text,
                     bool rewritten, strbuf *err)
{
    sb_reset(&l->copy);
    if (rewritten) {
        strbuf name = STRBUF_INIT;
        sb_addf(&name, "load-%s-%zu.sql", l->dbname, index);
        tempcluster_path(&l->copy, name.buf);
        sb_release(&name);
        if (!write_file_atomic(l->copy.buf, text, strlen(text), err))
            return false;
    }
    const char *ran = l->copy.len ? l->copy.buf : path;
    if (tempcluster_psql(l->conninfo.buf, ran, l->log.buf))
        return true;
    report_psql_error(err, path, ran, l->log.buf);
    return false;
}

static bool open_here(loader *l, strbuf *err)
{
    if (!l->conn && (l->conn = conn_open(l->conninfo.buf, err)) != NULL)
        conn_quiet(l->conn);
    return l->conn != NULL;
}

static bool run_here(loader *l, const char *path, const char *text, strbuf *err)
{
    return open_here(l, err) && sqlrun_statements(l->conn, path, text, err);
}

/* Under a profile, the functions of Supabase Wrappers a file names, when
 * the server lacks the extension (source/fdwstandin.h). */
static bool stand_in_wrappers(loader *l, const char *path, const char *text, strbuf *err)
{
    if (!l->profile || !fdwstandin_needed(text))
        return true;
    pa_filter f = {0};
    filter_set_profile(&f, l->profile);
    strbuf why = STRBUF_INIT;
    bool ok = open_here(l, err) &&
              fdwstandin_prepare(l->conn, text, l->recorded, f.managed_schemas, &why);
    if (why.len)
        sb_addf(err, "%s: %s", path, why.buf);
    sb_release(&why);
    return ok;
}

/* Under a profile, the types and index methods of extensions the server
 * lacks that have a stand-in, before the file that would have created
 * them runs; and the file's index options the stand-in's methods refuse
 * set after each index instead (source/extstandin.h). */
static bool stand_in_extensions(loader *l, const char *path, strbuf *text, bool *rewritten,
                                strbuf *err)
{
    if (!l->profile || !extstandin_any(l->recorded))
        return true;
    strbuf why = STRBUF_INIT;
    bool ok = open_here(l, err) && extstandin_prepare(l->conn, l->recorded, &why);
    if (why.len)
        sb_addf(err, "%s: %s", path, why.buf);
    sb_release(&why);
    if (ok && extstandin_rewrite(text, l->recorded))
        *rewritten = true;
    return ok;
}

/* Under a profile, the statements of extensions the server lacks are
 * taken out first. */
static bool load_file(loader *l, const char *path, size_t index, strbuf *err)
{
    strbuf text = STRBUF_INIT;
    bool ok = read_file(path, &text, err);
    if (!ok) {
        sb_release(&text);
        return false;
    }
    bool rewritten = l->profile && extskip_rewrite(text.buf, extskip_available,
                                                   &l->available, false, l->recorded);
    ok = stand_in_wrappers(l, path, text.buf, err) &&
         stand_in_extensions(l, path, &text, &rewritten, err);
    if (ok && sqlrun_needs_psql(text.buf))
        ok = run_psql(l, path, index, text.buf, rewritten, err);
    else if (ok)
        ok = run_here(l, path, text.buf, err);
    if (!ok)
        hint_profile(err, l->profile);
    sb_release(&text);
    return ok;
}

/* The template has no ALTER DATABASE or ROLE ... SET: a file that made
 * one (DateStyle, say, which renders a default's date) needs the
 * inspection in a new session, as a live database's would be. */
static const char db_role_settings_sql[] = "SELECT 1 FROM pg_db_role_setting LIMIT 1";

static bool new_sessions_differ(PGconn *conn)
{
    PGresult *res = PQexec(conn, db_role_settings_sql);
    bool differ = PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) > 0;
    PQclear(res);
    return differ;
}

bool sql_source_load(const char *dbname, const char *path, const char *profile,
                     pa_ext_list *recorded, strbuf *conninfo, PGconn **conn, strbuf *err)
{
    char **files;
    size_t count;
    *conn = NULL;
    if (!list_files(path, &files, &count, err))
        return false;
    loader l = {dbname, profile, {0}, recorded, STRBUF_INIT, NULL, STRBUF_INIT, STRBUF_INIT};
    bool ok = tempcluster_create_database(dbname, &l.conninfo, err);
    ok = ok && (!profile || standin(l.conninfo.buf, profile, &l.available, recorded, err));
    if (ok)
        sb_adds(conninfo, l.conninfo.buf);
    if (profile)
        sb_adds(&l.conninfo, profile_session);
    strbuf name = STRBUF_INIT;
    sb_addf(&name, "load-%s.log", dbname);
    tempcluster_path(&l.log, name.buf);
    for (size_t i = 0; ok && i < count; i++)
        ok = load_file(&l, files[i], i, err);
    if (ok && l.conn && !new_sessions_differ(l.conn))
        *conn = l.conn;
    else if (l.conn)
        PQfinish(l.conn);
    free_names(files, count);
    extskip_free_names(&l.available);
    sb_release(&name);
    sb_release(&l.conninfo);
    sb_release(&l.log);
    sb_release(&l.copy);
    return ok;
}
