#define _DEFAULT_SOURCE     /* setgroups */
#include "source/tempcluster.h"
#include "source/conn.h"
#include "source/guardian.h"
#include "source/tempdir.h"
#include "emit/quote.h"
#include "util/clock.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <glob.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The server settings of a throwaway cluster: no TCP, no durability, a
 * small shared memory segment (asking for huge pages first costs time). */
static const char *const server_settings[] = {
    "listen_addresses=", "fsync=off", "full_page_writes=off",
    "synchronous_commit=off", "max_wal_senders=0", "wal_level=minimal",
    "log_min_messages=warning", "autovacuum=off", "huge_pages=off",
    "shared_buffers=32MB",
    /* WAL is recycled past this, not kept up to 1 GB (it may live in
     * memory, see tempdir.c) */
    "max_wal_size=128MB",
};


/* initdb's options for the throwaway cluster, and what is done to its
 * result: the smallest WAL segments (1 MB, not 16); of initdb's three
 * databases only template1 (pgalign connects to it, and copies it for
 * other databases); and a database per side of a diff made ahead, as a
 * CREATE DATABASE is slower than extracting its files with the rest. The
 * cache keeps it as tar archives (see template_path): reading its ~1,000
 * files one by one took four times as long. TEMPLATE_FLAVOUR names these
 * in the cache key and changes with them. */
#define TEMPLATE_FLAVOUR "w1p"
#define ADMIN_DATABASE "template1"
static const char *const trim_sql[] = {
    "DROP DATABASE postgres",
    "ALTER DATABASE template0 IS_TEMPLATE false",
    "DROP DATABASE template0",
};
static const char *const premade_databases[] = {TEMPCLUSTER_FROM_DATABASE,
                                                TEMPCLUSTER_TARGET_DATABASE};
#define PREMADE_COUNT (sizeof(premade_databases) / sizeof(premade_databases[0]))

static struct {
    pthread_mutex_t lock;
    char bindir[4096];
    int major;              /* of the programs in bindir; 0 if unknown */
    char version[32];       /* their full version, "17.2"; "" if unknown */
    char dir[4096];         /* our temp dir; "" when none */
    pid_t postmaster;
    int port;
    PGconn *admin;          /* to ADMIN_DATABASE, for CREATE DATABASE */
    bool premade_used[PREMADE_COUNT];   /* handed out already */
    unsigned named_databases;           /* tempcluster_new_database_name's */
    bool drop_privileges;   /* running as root: run the server as postgres */
    uid_t uid;
    gid_t gid;
    bool atexit_registered;
} tc = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* CREATE DATABASE copies template1, which only our own session may be
 * connected to: the sides take turns on one connection. */
static pthread_mutex_t create_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *configured_bindir;
static bool quiet;
/* Set by the signal thread; the rest of the process then only waits for
 * it to finish removing the cluster and exit. */
static atomic_bool interrupting;

void tempcluster_set_bindir(const char *dir, bool no_warnings)
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

/* pgalign's cache: $PGALIGN_CACHE, else (as root, where the server runs
 * as postgres) /var/cache/pgalign, else $XDG_CACHE_HOME/pgalign or
 * ~/.cache/pgalign. */
static bool cache_dir(char *out, size_t n)
{
    const char *base = getenv("PGALIGN_CACHE"), *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (base && *base)
        snprintf(out, n, "%s", base);
    else if (geteuid() == 0)
        snprintf(out, n, "/var/cache/pgalign");
    else if (xdg && *xdg)
        snprintf(out, n, "%s/pgalign", xdg);
    else if (home && *home)
        snprintf(out, n, "%s/.cache/pgalign", home);
    else
        return false;
    return true;
}

/* mkdir -p, for the cache's parents. */
static void make_parents(const char *path)
{
    char p[4400];
    snprintf(p, sizeof(p), "%s", path);
    for (char *slash = strchr(p + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(p, 0755);
        *slash = '/';
    }
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
    if (!cache_dir(path, sizeof(path) - 16))
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
    if (!cache_dir(path, sizeof(path) - 16))
        return;
    strcat(path, "/versions");
    make_parents(path);
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

static void warn_other_major(int found, int wanted)
{
    if (!quiet && wanted && found != wanted)
        fprintf(stderr, "pgalign: warning: the other side runs PostgreSQL %d, but "
                "only PostgreSQL %d server programs were found for the temporary "
                "cluster (--pg-bindir or PGALIGN_PG_BINDIRS can name others)\n",
                wanted, found);
}

/* Where the server programs are, for a server of major `major` (0: any,
 * the newest): --pg-bindir, else the directories of PGALIGN_PG_BINDIRS,
 * PATH (where initdb is, or what it links to: pg_config --bindir would
 * name the same) and /usr/lib/postgresql/N/bin, one of the wanted major
 * first. */
static bool find_bindir(int major, bool warn, strbuf *err)
{
    if (configured_bindir) {
        if (!is_bindir(configured_bindir)) {
            sb_addf(err, "--pg-bindir %s: no initdb and postgres there", configured_bindir);
            return false;
        }
        snprintf(tc.bindir, sizeof(tc.bindir), "%s", configured_bindir);
        tc.major = bindir_version(configured_bindir, tc.version);
        if (warn)
            warn_other_major(tc.major, major);
        return true;
    }
    candidates *c = xcalloc(1, sizeof(*c));
    add_candidate_list(c, getenv("PGALIGN_PG_BINDIRS"), false);
    add_candidate_list(c, getenv("PATH"), true);
    add_debian(c);
    int i = choose_candidate(c, major);
    if (i >= 0) {
        snprintf(tc.bindir, sizeof(tc.bindir), "%s", c->dirs[i]);
        tc.major = c->majors[i];
        snprintf(tc.version, sizeof(tc.version), "%s", c->versions[i]);
        if (warn)
            warn_other_major(tc.major, major);
    } else {
        sb_adds(err, "SQL-file sources need the PostgreSQL server programs (initdb, "
                     "postgres), which were not found; install postgresql-15 or "
                     "give --pg-bindir DIR");
    }
    free(c);
    return i >= 0;
}

/* PostgreSQL refuses to run as root; as root, run it as postgres. */
static bool choose_user(strbuf *err)
{
    tc.drop_privileges = geteuid() == 0;
    if (!tc.drop_privileges)
        return true;
    struct passwd *pw = getpwnam("postgres");
    if (!pw) {
        sb_adds(err, "running as root, and PostgreSQL refuses to run as root: "
                     "create a 'postgres' user (the server runs as it) or run "
                     "pgalign as a normal user");
        return false;
    }
    tc.uid = pw->pw_uid;
    tc.gid = pw->pw_gid;
    return true;
}

/* In a child, before exec: default signals, the server's user, output. */
static void child_setup(bool as_owner, const char *log_path)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);   /* ignored by us (see tempcluster_init_signals) */
    if (log_path) {
        int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
    }
    if (as_owner && tc.drop_privileges) {
        if (setgroups(0, NULL) != 0 || setgid(tc.gid) != 0 || setuid(tc.uid) != 0)
            _exit(126);
    }
}

/* Start a program; its pid, or -1. */
static pid_t spawn(char *const argv[], bool as_owner, const char *log_path)
{
    pid_t pid = fork();
    if (pid == 0) {
        child_setup(as_owner, log_path);
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* Whether the program started as pid exits 0. */
static bool finished_ok(pid_t pid)
{
    if (pid < 0)
        return false;
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Run a program to completion; true when it exits 0. */
static bool run(char *const argv[], bool as_owner, const char *log_path)
{
    return finished_ok(spawn(argv, as_owner, log_path));
}

static void append_log_tail(strbuf *err, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512], last[512] = "";
    while (fgets(line, sizeof(line), f)) {
        if (line[0] != '\n')
            snprintf(last, sizeof(last), "%s", line);
    }
    fclose(f);
    last[strcspn(last, "\n")] = '\0';
    if (*last)
        sb_addf(err, ": %s", last);
}

static bool make_dir(strbuf *err)
{
    return tempdir_make(tc.dir, sizeof(tc.dir), tc.drop_privileges, tc.uid, tc.gid, err);
}

static bool run_initdb(strbuf *err)
{
    char program[4200], data[4200], log[4200];
    snprintf(program, sizeof(program), "%s/initdb", tc.bindir);
    snprintf(data, sizeof(data), "%s/data", tc.dir);
    snprintf(log, sizeof(log), "%s/initdb.log", tc.dir);
    char *const argv[] = {program, "-D", data, "-U", "postgres", "-A", "trust",
                          "--encoding=UTF8", "--no-locale", "--no-sync",
                          "--no-instructions", "--wal-segsize=1", NULL};
    if (run(argv, true, log))
        return true;
    sb_addf(err, "initdb failed (%s)", program);
    append_log_tail(err, log);
    if (tc.drop_privileges)
        sb_addf(err, " (as root the server runs as the postgres user, which must "
                "be able to reach %s; set TMPDIR elsewhere if it cannot)", tc.dir);
    return false;
}

/* ---- a cache of initdb's result ---- */

/* initdb takes a second; extracting its result a fiftieth of that. The
 * result depends only on the server programs and initdb's options, so it
 * is cached per version and bindir (see cache_dir): templates/<key>/, where
 * <key> is "<version>-<bindir's hash>-" TEMPLATE_FLAVOUR. It holds two
 * archives of "data/...": the premade databases' directories, which the
 * server does not read until a connection to them, are extracted while
 * it starts, the rest before. */
#define TEMPLATE_REST "cluster.tar"
#define TEMPLATE_DATABASES "databases.tar"

static bool template_path(char *out, size_t n, bool with_flavour)
{
    char dir[4096];
    if (!cache_dir(dir, sizeof(dir)) || !tc.version[0])
        return false;
    unsigned h = 5381;
    for (const char *c = tc.bindir; *c; c++)
        h = h * 33 + (unsigned char)*c;
    snprintf(out, n, "%s/templates/%s-%08x-%s", dir, tc.version, h,
             with_flavour ? TEMPLATE_FLAVOUR : "");
    return true;
}

/* tar runs as the server's user, so that the files are its own; what it
 * says of a damaged archive (then initdb runs) goes to a log. */
static pid_t start_extract(const char *tpl, const char *archive)
{
    char path[4300], log[4200];
    snprintf(path, sizeof(path), "%s/%s", tpl, archive);
    snprintf(log, sizeof(log), "%s/template.log", tc.dir);
    char *const argv[] = {"/bin/tar", "-xf", path, "-C", tc.dir, NULL};
    return access(path, R_OK) == 0 ? spawn(argv, true, log) : -1;
}

/* The rest of the cluster extracted; the databases' extraction started
 * (its pid in *databases, to be waited for). */
static bool data_from_template(pid_t *databases)
{
    char tpl[4200];
    *databases = -1;
    if (!template_path(tpl, sizeof(tpl), true))
        return false;
    *databases = start_extract(tpl, TEMPLATE_DATABASES);
    return *databases > 0 && finished_ok(start_extract(tpl, TEMPLATE_REST));
}

static void remove_tree(const char *path)
{
    char *const argv[] = {"/bin/rm", "-rf", (char *)path, NULL};
    run(argv, false, NULL);
}

static bool all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* Templates of other flavours for the same programs: left by an older
 * pgalign, and never read again. (Not one that another pgalign is saving,
 * "<key>.<pid>".) */
static void forget_other_flavours(const char *tpl)
{
    char pattern[4300];
    if (!template_path(pattern, sizeof(pattern) - 2, false))
        return;
    strcpy(pattern + strlen(pattern) - 1, "*");     /* the oldest had no flavour */
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        const char *dot = strrchr(g.gl_pathv[i], '.');
        if (strcmp(g.gl_pathv[i], tpl) != 0 && !(dot && all_digits(dot + 1)))
            remove_tree(g.gl_pathv[i]);
    }
    globfree(&g);
}

/* The premade databases' directories, "data/base/<oid>" (all but
 * template1's "1", and pgsql_tmp); false unless there are as many as
 * premade. */
static bool database_dirs(char dirs[PREMADE_COUNT][64])
{
    char base[4200];
    snprintf(base, sizeof(base), "%s/data/base", tc.dir);
    DIR *d = opendir(base);
    if (!d)
        return false;
    size_t n = 0;
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!all_digits(e->d_name) || strcmp(e->d_name, "1") == 0)
            continue;
        ok = ok && n < PREMADE_COUNT && strlen(e->d_name) < 40;
        if (ok)
            snprintf(dirs[n++], 64, "data/base/%.40s", e->d_name);
    }
    closedir(d);
    return ok && n == PREMADE_COUNT;
}

/* dir/TEMPLATE_DATABASES with the premade databases, dir/TEMPLATE_REST
 * with the rest of the data directory. */
static bool archive_data(const char *dir)
{
    char dirs[PREMADE_COUNT][64], excludes[PREMADE_COUNT][80];
    char databases[4400], rest[4400];
    if (!database_dirs(dirs))
        return false;
    snprintf(databases, sizeof(databases), "%s/" TEMPLATE_DATABASES, dir);
    snprintf(rest, sizeof(rest), "%s/" TEMPLATE_REST, dir);
    char *one[8 + PREMADE_COUNT] = {"/bin/tar", "-cf", databases, "-C", tc.dir};
    char *other[8 + PREMADE_COUNT] = {"/bin/tar", "-cf", rest, "-C", tc.dir};
    for (size_t i = 0; i < PREMADE_COUNT; i++) {
        snprintf(excludes[i], sizeof(excludes[i]), "--exclude=%.63s", dirs[i]);
        one[5 + i] = dirs[i];
        other[5 + i] = excludes[i];
    }
    other[5 + PREMADE_COUNT] = "data";
    return run(one, false, NULL) && run(other, false, NULL);
}

/* Keep initdb's result for next time: archived beside, then renamed into
 * place, so that a half-written template is never used. Best effort. */
static void save_template(void)
{
    char tpl[4200], tmp[4300];
    if (!template_path(tpl, sizeof(tpl), true))
        return;
    snprintf(tmp, sizeof(tmp), "%s.%d", tpl, (int)getpid());
    make_parents(tmp);
    if (mkdir(tmp, 0755) == 0 && archive_data(tmp) && rename(tmp, tpl) == 0) {
        forget_other_flavours(tpl);
        return;
    }
    remove_tree(tmp);
}

static void forget_template(void)
{
    char tpl[4200];
    if (template_path(tpl, sizeof(tpl), true))
        remove_tree(tpl);
}

static void conninfo_for(strbuf *sb, const char *dbname)
{
    sb_addf(sb, "host=%s port=%d user=postgres dbname=%s", tc.dir, tc.port, dbname);
}

/* Whether the postmaster says it accepts connections: the 8th line of
 * postmaster.pid is "ready" (as pg_ctl -w reads it). Cheaper to poll than
 * connecting, which starts a backend each time. */
static bool pidfile_ready(const char *data)
{
    char path[4300], line[256];
    snprintf(path, sizeof(path), "%s/postmaster.pid", data);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    int n = 0;
    bool ready = false;
    while (!ready && fgets(line, sizeof(line), f))
        ready = ++n == 8 && strncmp(line, "ready", 5) == 0;
    fclose(f);
    return ready;
}

static bool start_server(strbuf *err)
{
    char program[4200], data[4200], log[4200], port[16];
    snprintf(program, sizeof(program), "%s/postgres", tc.bindir);
    snprintf(data, sizeof(data), "%s/data", tc.dir);
    snprintf(log, sizeof(log), "%s/server.log", tc.dir);
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    tc.port = 20000 + rand() % 40000;
    snprintf(port, sizeof(port), "%d", tc.port);

    char *argv[32];
    int n = 0;
    argv[n++] = program;
    argv[n++] = "-D";
    argv[n++] = data;
    argv[n++] = "-k";
    argv[n++] = tc.dir;
    argv[n++] = "-p";
    argv[n++] = port;
    for (size_t i = 0; i < sizeof(server_settings) / sizeof(server_settings[0]); i++) {
        argv[n++] = "-c";
        argv[n++] = (char *)server_settings[i];
    }
    argv[n] = NULL;

    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        sb_addf(err, "cannot start postgres: %s", strerror(errno));
        return false;
    }
    if (pid == 0) {
        child_setup(true, log);
        setpgid(0, 0);      /* a Ctrl-C at the terminal is ours to handle */
        guardian_in_child(parent);
        execv(program, argv);
        _exit(127);
    }
    tc.postmaster = pid;
    guardian_watch(pid);

    strbuf ci = STRBUF_INIT;
    conninfo_for(&ci, ADMIN_DATABASE);
    bool ready = false;
    for (int i = 0; i < 15000 && !ready; i++) {  /* up to 30 s */
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            guardian_release();
            tc.postmaster = 0;
            break;
        }
        /* Asking the server itself now and then, should the file lie. */
        ready = pidfile_ready(data) || (i % 50 == 49 && PQping(ci.buf) == PQPING_OK);
        if (!ready)
            usleep(2000);
    }
    sb_release(&ci);
    if (!ready) {
        sb_adds(err, "the temporary PostgreSQL server did not start");
        append_log_tail(err, log);
    }
    return ready;
}

static void signal_server(int sig)
{
    if (tc.postmaster <= 0)
        return;
    guardian_release();
    kill(tc.postmaster, sig);
}

static void wait_server(void)
{
    if (tc.postmaster <= 0)
        return;
    while (waitpid(tc.postmaster, NULL, 0) < 0 && errno == EINTR)
        ;
    tc.postmaster = 0;
}

static void stop_server(int sig)
{
    signal_server(sig);
    wait_server();
}

static bool exec_ok(PGconn *conn, const char *sql, strbuf *err)
{
    PGresult *res = PQexec(conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        sb_addf(err, "%s: ", sql);
        conn_error(err, conn);
    }
    PQclear(res);
    return ok;
}

static void create_database_sql(strbuf *sql, const char *dbname)
{
    sb_adds(sql, "CREATE DATABASE ");
    sql_ident(sql, dbname);
    /* From 15 the default copies the template through the WAL, block by
     * block; a copy of the files is quicker for a small template. */
    if (tc.major >= 15)
        sb_adds(sql, " STRATEGY = FILE_COPY");
}

/* initdb's databases to template1 alone (see trim_sql), and the premade
 * ones beside it. */
static bool prepare_databases(strbuf *err)
{
    strbuf ci = STRBUF_INIT, sql = STRBUF_INIT;
    conninfo_for(&ci, ADMIN_DATABASE);
    PGconn *conn = PQconnectdb(ci.buf);
    bool ok = PQstatus(conn) == CONNECTION_OK;
    if (!ok) {
        sb_adds(err, "cannot connect to the temporary cluster: ");
        conn_error(err, conn);
    }
    for (size_t i = 0; ok && i < sizeof(trim_sql) / sizeof(trim_sql[0]); i++)
        ok = exec_ok(conn, trim_sql[i], err);
    for (size_t i = 0; ok && i < PREMADE_COUNT; i++) {
        sb_reset(&sql);
        create_database_sql(&sql, premade_databases[i]);
        ok = exec_ok(conn, sql.buf, err);
    }
    PQfinish(conn);
    sb_release(&ci);
    sb_release(&sql);
    return ok;
}

/* The data directory from the cache, else from initdb (then cached); a
 * cached one that does not start is forgotten, and initdb runs. */
static bool start_data_dir(strbuf *err)
{
    pid_t databases;
    bool extracted = data_from_template(&databases);
    if (extracted || databases > 0) {
        strbuf ignored = STRBUF_INIT;
        bool ok = extracted && start_server(&ignored);
        sb_release(&ignored);
        if (finished_ok(databases) && ok)
            return true;
        stop_server(SIGQUIT);
        forget_template();
        char data[4200];
        snprintf(data, sizeof(data), "%s/data", tc.dir);
        remove_tree(data);
    }
    if (!run_initdb(err) || !start_server(err) || !prepare_databases(err))
        return false;
    char tpl[4200];
    if (!template_path(tpl, sizeof(tpl), true))
        return true;
    /* A clean copy for the cache needs a clean shutdown. */
    stop_server(SIGINT);
    save_template();
    return start_server(err);
}

/* An immediate shutdown writes nothing, so the files go while the server
 * exits (each took about as long as the other); what a last process may
 * still have made goes after it. */
static void stop_cluster(void)
{
    signal_server(SIGQUIT);
    if (tc.dir[0])
        tempdir_remove(tc.dir);
    wait_server();
    if (tc.dir[0]) {
        if (access(tc.dir, F_OK) == 0)
            tempdir_remove(tc.dir);
        tc.dir[0] = '\0';
    }
}

void tempcluster_stop(void)
{
    while (atomic_load(&interrupting))
        pause();
    pthread_mutex_lock(&tc.lock);
    /* Not in stop_cluster: the signal thread must not free it under a
     * thread that uses it. */
    pthread_mutex_lock(&create_lock);
    PQfinish(tc.admin);
    tc.admin = NULL;
    memset(tc.premade_used, 0, sizeof(tc.premade_used));
    pthread_mutex_unlock(&create_lock);
    stop_cluster();
    pthread_mutex_unlock(&tc.lock);
}

static void stop_at_exit(void)
{
    tempcluster_stop();
}

bool tempcluster_start(int server_version, bool verbose, strbuf *err)
{
    pthread_mutex_lock(&tc.lock);
    bool ok = tc.postmaster > 0;
    if (!ok) {
        if (!tc.atexit_registered) {
            atexit(stop_at_exit);
            tc.atexit_registered = true;
        }
        double start = now_seconds();
        ok = find_bindir(server_version / 10000, true, err) && choose_user(err) &&
             make_dir(err) && start_data_dir(err);
        if (ok && verbose)
            fprintf(stderr, "pgalign: temporary cluster in %s (%s) ready in %.2f s\n",
                    tc.dir, tc.bindir, now_seconds() - start);
    }
    pthread_mutex_unlock(&tc.lock);
    if (!ok)
        tempcluster_stop();
    return ok;
}

bool tempcluster_has_major(int server_version)
{
    strbuf ignored = STRBUF_INIT;
    pthread_mutex_lock(&tc.lock);
    bool ok = tc.postmaster > 0 || find_bindir(server_version / 10000, false, &ignored);
    ok = ok && tc.major == server_version / 10000;
    pthread_mutex_unlock(&tc.lock);
    sb_release(&ignored);
    return ok;
}

void tempcluster_new_database_name(strbuf *name)
{
    pthread_mutex_lock(&tc.lock);
    unsigned n = ++tc.named_databases;
    pthread_mutex_unlock(&tc.lock);
    sb_addf(name, "pgalign_sql_%u", n);
}

int tempcluster_major(void)
{
    pthread_mutex_lock(&tc.lock);
    int major = tc.postmaster > 0 ? tc.major : 0;
    pthread_mutex_unlock(&tc.lock);
    return major;
}

/* ---- databases and psql ---- */

/* A premade database of that name not handed out yet: now it is. */
static bool take_premade(const char *dbname)
{
    for (size_t i = 0; i < PREMADE_COUNT; i++) {
        if (strcmp(dbname, premade_databases[i]) == 0 && !tc.premade_used[i]) {
            tc.premade_used[i] = true;
            return true;
        }
    }
    return false;
}

bool tempcluster_create_database(const char *dbname, strbuf *conninfo, strbuf *err)
{
    strbuf ci = STRBUF_INIT, sql = STRBUF_INIT;
    pthread_mutex_lock(&create_lock);
    if (take_premade(dbname)) {
        pthread_mutex_unlock(&create_lock);
        conninfo_for(conninfo, dbname);
        return true;
    }
    if (!tc.admin) {
        conninfo_for(&ci, ADMIN_DATABASE);
        tc.admin = PQconnectdb(ci.buf);
    }
    PGconn *conn = tc.admin;
    create_database_sql(&sql, dbname);
    PGresult *res = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, sql.buf) : NULL;
    bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        sb_adds(err, "cannot create a database in the temporary cluster: ");
        conn_error(err, conn);
    } else {
        conninfo_for(conninfo, dbname);
    }
    PQclear(res);
    if (PQstatus(conn) != CONNECTION_OK) {   /* try a new one next time */
        PQfinish(conn);
        tc.admin = NULL;
    }
    pthread_mutex_unlock(&create_lock);
    sb_release(&ci);
    sb_release(&sql);
    return ok;
}

void tempcluster_path(strbuf *sb, const char *name)
{
    sb_addf(sb, "%s/%s", tc.dir, name);
}

/* A client program: from the server's bindir, else from PATH's usual place. */
static void client_program(char *program, size_t n, const char *name)
{
    snprintf(program, n, "%s/%s", tc.bindir, name);
    if (access(program, X_OK) != 0)
        snprintf(program, n, "/usr/bin/%s", name);
}

bool tempcluster_psql(const char *conninfo, const char *file, const char *log)
{
    char program[4200];
    client_program(program, sizeof(program), "psql");
    unlink(log);
    char *const argv[] = {program, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                          "-d", (char *)conninfo, "-f", (char *)file, NULL};
    return run(argv, false, log);
}

/* ---- signals ---- */

/* Run first on an interrupt (apply cancels its running statement). */
static void (*_Atomic interrupt_hook)(void *);
static void *_Atomic interrupt_arg;

void tempcluster_on_interrupt(void (*fn)(void *), void *arg)
{
    atomic_store(&interrupt_arg, arg);
    atomic_store(&interrupt_hook, fn);
}

/* All threads block these; one thread waits for them, removes the cluster
 * with ordinary (not async-signal-safe) code, and exits. */
static void *signal_thread(void *arg)
{
    sigset_t *set = arg;
    int sig;
    if (sigwait(set, &sig) == 0) {
        atomic_store(&interrupting, true);
        void (*hook)(void *) = atomic_load(&interrupt_hook);
        if (hook)
            hook(atomic_load(&interrupt_arg));
        fprintf(stderr, "pgalign: interrupted\n");
        /* What fails in other threads as the server goes is no news. */
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO);
        /* Do not wait for a start in progress: we are leaving anyway. */
        bool locked = pthread_mutex_trylock(&tc.lock) == 0;
        stop_cluster();
        if (locked)
            pthread_mutex_unlock(&tc.lock);
        _exit(128 + sig);
    }
    return NULL;
}

void tempcluster_init_signals(void)
{
    /* A reader that goes away (pgalign ... | head) makes writes fail
     * instead of killing us before the cluster is removed. */
    signal(SIGPIPE, SIG_IGN);
    static sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
        return;
    pthread_t thread;
    if (pthread_create(&thread, NULL, signal_thread, &set) == 0)
        pthread_detach(thread);
    else
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}
