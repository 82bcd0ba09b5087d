#define _DEFAULT_SOURCE     /* realpath */
#include "source/pgbin.h"
#include "source/cachedir.h"
#include "util/xalloc.h"

#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *configured_bindir;
static bool quiet;

void pgbin_configure(const char *dir, bool no_warnings)
{
    configured_bindir = dir;
    quiet = no_warnings;
}

static bool has_program(const char *dir, const char *name)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return access(path, X_OK) == 0;
}

static bool is_bindir(const char *dir)
{
    return dir && *dir && has_program(dir, "initdb") && has_program(dir, "postgres");
}

/* Running postgres --version takes tens of milliseconds, so its answer is
 * kept in the cache's "versions": a line per program, with what tells a
 * replaced binary (inode, size, modification time). */
static void version_key(strbuf *sb, const char *program, const struct stat *st)
{
    sb_addf(sb, "%s\t%llu\t%lld\t%lld\t", program, (unsigned long long)st->st_ino,
            (long long)st->st_size, (long long)st->st_mtime);
}

static bool cached_version(const char *program, const struct stat *st, char version[32])
{
    char path[4200];
    if (!cachedir_path(path, sizeof(path) - 16))
        return false;
    strcat(path, "/versions");
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    strbuf key = STRBUF_INIT;
    version_key(&key, program, st);
    char line[4400];
    bool found = false;
    while (!found && fgets(line, sizeof(line), f)) {
        if (strncmp(line, key.buf, key.len) == 0) {
            snprintf(version, 32, "%.*s", (int)strcspn(line + key.len, "\n"), line + key.len);
            found = version[0] != '\0';
        }
    }
    fclose(f);
    sb_release(&key);
    return found;
}

/* Best effort; one short append, which concurrent runs do not tear. */
static void cache_version(const char *program, const struct stat *st, const char *version)
{
    char path[4200];
    if (!cachedir_path(path, sizeof(path) - 16))
        return;
    strcat(path, "/versions");
    cachedir_make_parents(path);
    strbuf line = STRBUF_INIT;
    version_key(&line, program, st);
    sb_addf(&line, "%s\n", version);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
        if (write(fd, line.buf, line.len) < 0)
            line.len = 0;   /* nothing to do: the cache is an optimization */
        close(fd);
    }
    sb_release(&line);
}

/* What "postgres --version" says: "postgres (PostgreSQL) 17.2" -> "17.2". */
static void run_version(const char *program, char version[32])
{
    strbuf cmd = STRBUF_INIT;
    sb_adds(&cmd, "'");
    for (const char *c = program; *c; c++) {
        if (*c == '\'')
            sb_adds(&cmd, "'\\''");
        else
            sb_addc(&cmd, *c);
    }
    sb_adds(&cmd, "' --version 2>/dev/null");
    FILE *p = popen(cmd.buf, "r");
    sb_release(&cmd);
    char line[256] = "";
    version[0] = '\0';
    if (!p)
        return;
    if (!fgets(line, sizeof(line), p))
        line[0] = '\0';
    pclose(p);
    const char *v = strstr(line, ") ");
    if (v)
        snprintf(version, 32, "%.*s", (int)strcspn(v + 2, " \n"), v + 2);
}

/* The version of the server programs in dir: the major (0 if they do not
 * say), and the full version ("17.2") in version if not NULL. */
static int bindir_version(const char *dir, char version[32])
{
    char program[4200], found[32] = "";
    struct stat st;
    snprintf(program, sizeof(program), "%s/postgres", dir);
    if (stat(program, &st) == 0 && !cached_version(program, &st, found)) {
        run_version(program, found);
        if (found[0])
            cache_version(program, &st, found);
    }
    if (version)
        snprintf(version, 32, "%s", found);
    return atoi(found);
}

/* Server programs found on this machine, in the order they are preferred
 * among those of the same major. */
typedef struct candidates {
    char dirs[32][4096];
    int majors[32];
    char versions[32][32];
    int count;
} candidates;

static void add_candidate(candidates *c, const char *dir)
{
    if (c->count >= 32 || !is_bindir(dir))
        return;
    char real[4096];
    if (!realpath(dir, real))
        return;
    for (int i = 0; i < c->count; i++) {
        if (strcmp(c->dirs[i], real) == 0)
            return;
    }
    snprintf(c->dirs[c->count], sizeof(c->dirs[0]), "%s", real);
    c->majors[c->count] = bindir_version(real, c->versions[c->count]);
    c->count++;
}

/* Each directory of a colon-separated list. */
static void add_candidate_list(candidates *c, const char *list, bool initdb_link)
{
    while (list && *list) {
        size_t n = strcspn(list, ":");
        char dir[4096];
        if (n > 0 && n < sizeof(dir)) {
            memcpy(dir, list, n);
            dir[n] = '\0';
            char link[4200], real[4096];
            snprintf(link, sizeof(link), "%s/initdb", dir);
            /* On PATH, /usr/local/bin/initdb may be a symlink into the
             * real bindir, where postgres lives too. */
            if (initdb_link && realpath(link, real)) {
                char *slash = strrchr(real, '/');
                if (slash)
                    *slash = '\0';
                add_candidate(c, real);
            } else if (!initdb_link) {
                add_candidate(c, dir);
            }
        }
        list += n;
        list += *list == ':';
    }
}

/* Debian's, newest first (as its pg_config wrapper chooses; the majors
 * that have server programs, 10 and later, sort by name). */
static void add_debian(candidates *c)
{
    glob_t g;
    if (glob("/usr/lib/postgresql/*/bin", 0, NULL, &g) != 0)
        return;
    for (size_t i = g.gl_pathc; i > 0; i--)
        add_candidate(c, g.gl_pathv[i - 1]);
    globfree(&g);
}

/* The candidate for a major: the first of that major, else the oldest
 * newer one (a newer server loads older SQL), else the newest; for any
 * major (0) the first found. -1 if none. */
static int choose_candidate(const candidates *c, int major)
{
    int exact = -1, newer = -1, newest = -1;
    for (int i = c->count - 1; i >= 0; i--) {
        int m = c->majors[i];
        if (m == major)
            exact = i;
        if (m > major && (newer < 0 || m <= c->majors[newer]))
            newer = i;
        if (newest < 0 || m >= c->majors[newest])
            newest = i;
    }
    if (major == 0)
        return c->count > 0 ? 0 : -1;
    return exact >= 0 ? exact : newer >= 0 ? newer : newest;
}

static void warn_other_major(strbuf *warnings, int found, int wanted)
{
    if (warnings && !quiet && wanted && found != wanted)
        sb_addf(warnings, "pgalign: warning: the other side runs PostgreSQL %d, but "
                "only PostgreSQL %d server programs were found for the temporary "
                "cluster (--pg-bindir or PGALIGN_PG_BINDIRS can name others)\n",
                wanted, found);
}

/* Where the server programs are, for a server of major `major` (0: any,
 * the newest): --pg-bindir, else the directories of PGALIGN_PG_BINDIRS,
 * PATH (where initdb is, or what it links to: pg_config --bindir would
 * name the same) and /usr/lib/postgresql/N/bin, one of the wanted major
 * first. */
bool pgbin_find(int major, strbuf *warnings, pa_pgbin *out, strbuf *err)
{
    if (configured_bindir) {
        if (!is_bindir(configured_bindir)) {
            sb_addf(err, "--pg-bindir %s: no initdb and postgres there", configured_bindir);
            return false;
        }
        snprintf(out->dir, sizeof(out->dir), "%s", configured_bindir);
        out->major = bindir_version(configured_bindir, out->version);
        warn_other_major(warnings, out->major, major);
        return true;
    }
    candidates *c = xcalloc(1, sizeof(*c));
    add_candidate_list(c, getenv("PGALIGN_PG_BINDIRS"), false);
    add_candidate_list(c, getenv("PATH"), true);
    add_debian(c);
    int i = choose_candidate(c, major);
    if (i >= 0) {
        snprintf(out->dir, sizeof(out->dir), "%s", c->dirs[i]);
        out->major = c->majors[i];
        snprintf(out->version, sizeof(out->version), "%s", c->versions[i]);
        warn_other_major(warnings, out->major, major);
    } else {
        sb_adds(err, "SQL-file sources need the PostgreSQL server programs (initdb, "
                     "postgres), which were not found; install postgresql-15 or "
                     "give --pg-bindir DIR");
    }
    free(c);
    return i >= 0;
}
