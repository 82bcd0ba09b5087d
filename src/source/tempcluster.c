#define _DEFAULT_SOURCE     /* usleep */
#include "source/tempcluster.h"
#include "source/conn.h"
#include "source/guardian.h"
#include "source/pgbin.h"
#include "source/pgtemplate.h"
#include "source/signals.h"
#include "source/spawn.h"
#include "source/tempdir.h"
#include "emit/quote.h"
#include "util/clock.h"
#include "util/xalloc.h"

#include <errno.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <signal.h>
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
 * cache keeps it as tar archives (see pgtemplate.c): reading its ~1,000
 * files one by one took four times as long. TEMPLATE_FLAVOUR (pgtemplate.h)
 * names these in the cache key and changes with them. */
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
    pa_pgbin bin;           /* the server programs it runs */
    char dir[4096];         /* our temp dir; "" when none */
    pid_t postmaster;
    int port;
    PGconn *admin;          /* to ADMIN_DATABASE, for CREATE DATABASE */
    bool premade_used[PREMADE_COUNT];   /* handed out already */
    unsigned named_databases;           /* tempcluster_new_database_name's */
    bool atexit_registered;
} tc = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* CREATE DATABASE copies template1, which only our own session may be
 * connected to: the sides take turns on one connection. */
static pthread_mutex_t create_lock = PTHREAD_MUTEX_INITIALIZER;
static bool make_dir(strbuf *err)
{
    uid_t uid;
    gid_t gid;
    bool give = spawn_owner(&uid, &gid);
    return tempdir_make(tc.dir, sizeof(tc.dir), give, uid, gid, err);
}

static bool run_initdb(strbuf *err)
{
    char program[4200], data[4200], log[4200];
    snprintf(program, sizeof(program), "%s/initdb", tc.bin.dir);
    snprintf(data, sizeof(data), "%s/data", tc.dir);
    snprintf(log, sizeof(log), "%s/initdb.log", tc.dir);
    char *const argv[] = {program, "-D", data, "-U", "postgres", "-A", "trust",
                          "--encoding=UTF8", "--no-locale", "--no-sync",
                          "--no-instructions", "--wal-segsize=1", NULL};
    if (spawn_run(argv, true, log))
        return true;
    sb_addf(err, "initdb failed (%s)", program);
    spawn_log_tail(err, log);
    uid_t uid;
    gid_t gid;
    if (spawn_owner(&uid, &gid))
        sb_addf(err, " (as root the server runs as the postgres user, which must "
                "be able to reach %s; set TMPDIR elsewhere if it cannot)", tc.dir);
    return false;
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
    snprintf(program, sizeof(program), "%s/postgres", tc.bin.dir);
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
        spawn_child_setup(true, log);
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
        spawn_log_tail(err, log);
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
    if (tc.bin.major >= 15)
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
    bool extracted = pgtemplate_extract(&tc.bin, tc.dir, &databases);
    if (extracted || databases > 0) {
        strbuf ignored = STRBUF_INIT;
        bool ok = extracted && start_server(&ignored);
        sb_release(&ignored);
        if (spawn_finished_ok(databases) && ok)
            return true;
        stop_server(SIGQUIT);
        pgtemplate_forget(&tc.bin);
        char data[4200];
        snprintf(data, sizeof(data), "%s/data", tc.dir);
        pgtemplate_remove_tree(data);
    }
    if (!run_initdb(err) || !start_server(err) || !prepare_databases(err))
        return false;
    if (!pgtemplate_possible(&tc.bin))
        return true;
    /* A clean copy for the cache needs a clean shutdown. */
    stop_server(SIGINT);
    pgtemplate_save(&tc.bin, tc.dir, PREMADE_COUNT);
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
    signals_wait_if_interrupted();
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

/* From the signal thread: do not wait for a start in progress, as pgalign
 * is leaving anyway. */
static void stop_on_signal(void)
{
    bool locked = pthread_mutex_trylock(&tc.lock) == 0;
    stop_cluster();
    if (locked)
        pthread_mutex_unlock(&tc.lock);
}

bool tempcluster_start(int server_version, bool verbose, strbuf *warnings, strbuf *err)
{
    pthread_mutex_lock(&tc.lock);
    bool ok = tc.postmaster > 0;
    if (!ok) {
        if (!tc.atexit_registered) {
            atexit(stop_at_exit);
            signals_on_exit(stop_on_signal);
            tc.atexit_registered = true;
        }
        double start = now_seconds();
        ok = pgbin_find(server_version / 10000, warnings, &tc.bin, err) &&
             spawn_choose_owner(err) && make_dir(err) && start_data_dir(err);
        if (ok && verbose)
            fprintf(stderr, "pgalign: temporary cluster in %s (%s) ready in %.2f s\n",
                    tc.dir, tc.bin.dir, now_seconds() - start);
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
    bool ok = tc.postmaster > 0 || pgbin_find(server_version / 10000, NULL, &tc.bin, &ignored);
    ok = ok && tc.bin.major == server_version / 10000;
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
    int major = tc.postmaster > 0 ? tc.bin.major : 0;
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
    snprintf(program, n, "%s/%s", tc.bin.dir, name);
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
    return spawn_run(argv, false, log);
}
