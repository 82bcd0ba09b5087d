#define _DEFAULT_SOURCE     /* setgroups */
#define _XOPEN_SOURCE 700   /* nftw */
#include "source/tempcluster.h"
#include "emit/quote.h"
#include "util/clock.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
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
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The server settings of a throwaway cluster: no TCP, no durability. */
static const char *const server_settings[] = {
    "listen_addresses=", "fsync=off", "full_page_writes=off",
    "synchronous_commit=off", "max_wal_senders=0", "wal_level=minimal",
    "log_min_messages=warning",
};

static struct {
    pthread_mutex_t lock;
    char bindir[4096];
    char dir[4096];         /* our temp dir; "" when none */
    pid_t postmaster;
    int port;
    bool drop_privileges;   /* running as root: run the server as postgres */
    uid_t uid;
    gid_t gid;
    bool atexit_registered;
} tc = {.lock = PTHREAD_MUTEX_INITIALIZER};

static const char *configured_bindir;
/* Set by the signal thread; the rest of the process then only waits for
 * it to finish removing the cluster and exit. */
static atomic_bool interrupting;

void tempcluster_set_bindir(const char *dir)
{
    configured_bindir = dir;
}

static bool has_program(const char *dir, const char *name)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return access(path, X_OK) == 0;
}

static bool try_bindir(const char *dir)
{
    if (!dir || !*dir || !has_program(dir, "initdb") || !has_program(dir, "postgres"))
        return false;
    snprintf(tc.bindir, sizeof(tc.bindir), "%s", dir);
    return true;
}

static bool bindir_from_pg_config(void)
{
    FILE *p = popen("pg_config --bindir 2>/dev/null", "r");
    if (!p)
        return false;
    char line[4096] = "";
    bool ok = fgets(line, sizeof(line), p) != NULL;
    pclose(p);
    line[strcspn(line, "\n")] = '\0';
    return ok && try_bindir(line);
}

static bool bindir_from_path(void)
{
    const char *path = getenv("PATH");
    while (path && *path) {
        size_t n = strcspn(path, ":");
        char dir[4096];
        if (n > 0 && n < sizeof(dir)) {
            memcpy(dir, path, n);
            dir[n] = '\0';
            char real[4096];
            char link[4200];
            snprintf(link, sizeof(link), "%s/initdb", dir);
            /* /usr/local/bin/initdb may be a symlink into the real bindir,
             * where postgres lives too. */
            if (realpath(link, real)) {
                char *slash = strrchr(real, '/');
                if (slash)
                    *slash = '\0';
                if (try_bindir(real))
                    return true;
            }
        }
        path += n;
        path += *path == ':';
    }
    return false;
}

static double version_of(const char *path)
{
    const char *v = strstr(path, "/postgresql/");
    return v ? strtod(v + strlen("/postgresql/"), NULL) : 0;
}

static bool bindir_newest_installed(void)
{
    glob_t g;
    if (glob("/usr/lib/postgresql/*/bin", 0, NULL, &g) != 0)
        return false;
    const char *best = NULL;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        if (has_program(g.gl_pathv[i], "initdb") &&
            (!best || version_of(g.gl_pathv[i]) > version_of(best)))
            best = g.gl_pathv[i];
    }
    bool ok = best && try_bindir(best);
    globfree(&g);
    return ok;
}

static bool find_bindir(strbuf *err)
{
    if (configured_bindir) {
        if (try_bindir(configured_bindir))
            return true;
        sb_addf(err, "--pg-bindir %s: no initdb and postgres there", configured_bindir);
        return false;
    }
    if (bindir_from_pg_config() || bindir_from_path() || bindir_newest_installed())
        return true;
    sb_adds(err, "SQL-file sources need the PostgreSQL server programs (initdb, "
                 "postgres), which were not found; install postgresql-15 or "
                 "give --pg-bindir DIR");
    return false;
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

/* Run a program to completion; true when it exits 0. */
static bool run(char *const argv[], bool as_owner, const char *log_path)
{
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        child_setup(as_owner, log_path);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
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
    const char *tmp = getenv("TMPDIR");
    snprintf(tc.dir, sizeof(tc.dir), "%s/pgalign-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(tc.dir)) {
        sb_addf(err, "cannot create a temp directory in %s: %s",
                tmp && *tmp ? tmp : "/tmp", strerror(errno));
        tc.dir[0] = '\0';
        return false;
    }
    if (tc.drop_privileges && chown(tc.dir, tc.uid, tc.gid) != 0) {
        sb_addf(err, "cannot give %s to the postgres user: %s", tc.dir, strerror(errno));
        return false;
    }
    return true;
}

static bool run_initdb(strbuf *err)
{
    char program[4200], data[4200], log[4200];
    snprintf(program, sizeof(program), "%s/initdb", tc.bindir);
    snprintf(data, sizeof(data), "%s/data", tc.dir);
    snprintf(log, sizeof(log), "%s/initdb.log", tc.dir);
    char *const argv[] = {program, "-D", data, "-U", "postgres", "-A", "trust",
                          "--encoding=UTF8", "--no-locale", "--no-sync",
                          "--no-instructions", NULL};
    if (run(argv, true, log))
        return true;
    sb_addf(err, "initdb failed (%s)", program);
    append_log_tail(err, log);
    if (tc.drop_privileges)
        sb_addf(err, " (as root the server runs as the postgres user, which must "
                "be able to reach %s; set TMPDIR elsewhere if it cannot)", tc.dir);
    return false;
}

static void conninfo_for(strbuf *sb, const char *dbname)
{
    sb_addf(sb, "host=%s port=%d user=postgres dbname=%s", tc.dir, tc.port, dbname);
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
        prctl(PR_SET_PDEATHSIG, SIGQUIT);
        if (getppid() != parent)
            _exit(1);
        execv(program, argv);
        _exit(127);
    }
    tc.postmaster = pid;

    strbuf ci = STRBUF_INIT;
    conninfo_for(&ci, "postgres");
    bool ready = false;
    for (int i = 0; i < 3000 && !ready; i++) {  /* up to 30 s */
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            tc.postmaster = 0;
            break;
        }
        ready = PQping(ci.buf) == PQPING_OK;
        if (!ready)
            usleep(10000);
    }
    sb_release(&ci);
    if (!ready) {
        sb_adds(err, "the temporary PostgreSQL server did not start");
        append_log_tail(err, log);
    }
    return ready;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void stop_cluster(void)
{
    if (tc.postmaster > 0) {
        kill(tc.postmaster, SIGQUIT);   /* immediate shutdown */
        while (waitpid(tc.postmaster, NULL, 0) < 0 && errno == EINTR)
            ;
        tc.postmaster = 0;
    }
    if (tc.dir[0]) {
        nftw(tc.dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
        tc.dir[0] = '\0';
    }
}

void tempcluster_stop(void)
{
    while (atomic_load(&interrupting))
        pause();
    pthread_mutex_lock(&tc.lock);
    stop_cluster();
    pthread_mutex_unlock(&tc.lock);
}

static void stop_at_exit(void)
{
    tempcluster_stop();
}

bool tempcluster_start(bool verbose, strbuf *err)
{
    pthread_mutex_lock(&tc.lock);
    bool ok = tc.postmaster > 0;
    if (!ok) {
        if (!tc.atexit_registered) {
            atexit(stop_at_exit);
            tc.atexit_registered = true;
        }
        double start = now_seconds();
        ok = find_bindir(err) && choose_user(err) && make_dir(err) &&
             run_initdb(err) && start_server(err);
        if (ok && verbose)
            fprintf(stderr, "pgalign: temporary cluster (%s) ready in %.2f s\n",
                    tc.bindir, now_seconds() - start);
    }
    pthread_mutex_unlock(&tc.lock);
    if (!ok)
        tempcluster_stop();
    return ok;
}

/* ---- loading SQL ---- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_sql_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".sql") == 0;
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
        sb_addf(&full, "%s/%s", path, e->d_name);
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

static bool create_database(const char *dbname, strbuf *err)
{
    strbuf ci = STRBUF_INIT, sql = STRBUF_INIT;
    conninfo_for(&ci, "postgres");
    PGconn *conn = PQconnectdb(ci.buf);
    sb_adds(&sql, "CREATE DATABASE ");
    sql_ident(&sql, dbname);
    PGresult *res = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, sql.buf) : NULL;
    bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok) {
        const char *msg = PQerrorMessage(conn);
        sb_addf(err, "cannot create a database in the temporary cluster: %.*s",
                (int)strcspn(msg, "\n"), msg);
    }
    PQclear(res);
    PQfinish(conn);
    sb_release(&ci);
    sb_release(&sql);
    return ok;
}

/* psql reports "psql:FILE:LINE: ERROR:  message": keep from FILE on. */
static void report_psql_error(strbuf *err, const char *file, const char *log_path)
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
    if (found[0])
        sb_adds(err, found);
    else
        sb_addf(err, "%s: psql failed", file);
}

/* A client program: from the server's bindir, else from PATH's usual place. */
static void client_program(char *program, size_t n, const char *name)
{
    snprintf(program, n, "%s/%s", tc.bindir, name);
    if (access(program, X_OK) != 0)
        snprintf(program, n, "/usr/bin/%s", name);
}

static bool psql_file(const char *conninfo, const char *file, const char *log,
                      bool stop_on_error, strbuf *err)
{
    char program[4200];
    client_program(program, sizeof(program), "psql");
    unlink(log);
    char *const argv[] = {program, "-X", "-q", "-v",
                          stop_on_error ? "ON_ERROR_STOP=1" : "ON_ERROR_STOP=0",
                          "-d", (char *)conninfo, "-f", (char *)file, NULL};
    if (run(argv, false, log))
        return true;
    report_psql_error(err, file, log);
    return false;
}

bool tempcluster_load(const char *dbname, const char *path, strbuf *conninfo,
                      strbuf *err)
{
    char **files;
    size_t count;
    if (!list_files(path, &files, &count, err))
        return false;
    bool ok = create_database(dbname, err);
    strbuf ci = STRBUF_INIT, log = STRBUF_INIT;
    conninfo_for(&ci, dbname);
    sb_addf(&log, "%s/load-%s.log", tc.dir, dbname);
    for (size_t i = 0; ok && i < count; i++)
        ok = psql_file(ci.buf, files[i], log.buf, true, err);
    if (ok)
        sb_adds(conninfo, ci.buf);
    for (size_t i = 0; i < count; i++)
        free(files[i]);
    free(files);
    sb_release(&ci);
    sb_release(&log);
    return ok;
}

/* ---- copying a live database's schema ---- */

/* Run a client program (pg_dump, pg_dumpall) writing to out; its errors
 * go to a log whose last line explains a failure. */
static bool dump(const char *name, const char *source, const char *out,
                 const char *extra[], strbuf *err)
{
    char program[4200], log[4200];
    client_program(program, sizeof(program), name);
    snprintf(log, sizeof(log), "%s.log", out);
    char *argv[16];
    int n = 0;
    argv[n++] = program;
    for (int i = 0; extra[i]; i++)
        argv[n++] = (char *)extra[i];
    argv[n++] = "-d";
    argv[n++] = (char *)source;
    argv[n++] = "-f";
    argv[n++] = (char *)out;
    argv[n] = NULL;
    if (run(argv, false, log))
        return true;
    sb_addf(err, "%s failed", name);
    append_log_tail(err, log);
    return false;
}

/* Grants need their roles: copy them (without passwords) into the
 * cluster; those that exist already fail harmlessly. */
static bool copy_roles(const char *source, const char *dbname, strbuf *err)
{
    char roles[4200], log[4200];
    snprintf(roles, sizeof(roles), "%s/roles-%s.sql", tc.dir, dbname);
    snprintf(log, sizeof(log), "%s/roles-%s.load.log", tc.dir, dbname);
    const char *args[] = {"--roles-only", "--no-role-passwords", NULL};
    if (!dump("pg_dumpall", source, roles, args, err))
        return false;
    strbuf ci = STRBUF_INIT, ignored = STRBUF_INIT;
    conninfo_for(&ci, "postgres");
    psql_file(ci.buf, roles, log, false, &ignored);
    sb_release(&ci);
    sb_release(&ignored);
    return true;
}

bool tempcluster_copy_schema(const char *source, const char *dbname, bool privileges,
                             strbuf *conninfo, strbuf *err)
{
    char schema[4200];
    snprintf(schema, sizeof(schema), "%s/schema-%s.sql", tc.dir, dbname);
    const char *args[] = {"--schema-only", "--no-owner", "--no-privileges", NULL};
    if (privileges) {
        args[2] = NULL;
        if (!copy_roles(source, dbname, err))
            return false;
    }
    return dump("pg_dump", source, schema, args, err) &&
           tempcluster_load(dbname, schema, conninfo, err);
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
