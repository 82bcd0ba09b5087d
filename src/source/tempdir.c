/* Where throwaway clusters live. Each directory holds a file naming the
 * process that made it, so that one a crash left behind can be told from
 * one another pgalign is using: gone when its process is. */
#define _XOPEN_SOURCE 700   /* nftw */
#include "source/tempdir.h"

#include <errno.h>
#include <ftw.h>
#include <glob.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif

/* A memory file system is used when it has this much room; Docker gives
 * containers 64 MB, which a big load could fill. */
#define SHM_DIR "/dev/shm"
#define SHM_MIN_FREE (512ULL << 20)
#define OWNER_FILE "pgalign.pid"

/* $TMPDIR when set; else /dev/shm when it is a memory file system with
 * room to spare; else /tmp. The server keeps a file per table, about 300
 * in an empty database: creating and removing them on a disk took a third
 * of a diff of two small .sql files here (0.73 s against 0.49 s in
 * /dev/shm). */
static const char *parent_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp && *tmp)
        return tmp;
#ifdef __linux__
    struct statfs fs;
    if (statfs(SHM_DIR, &fs) == 0 && fs.f_type == TMPFS_MAGIC &&
        (unsigned long long)fs.f_bavail * (unsigned long long)fs.f_bsize >= SHM_MIN_FREE &&
        access(SHM_DIR, W_OK | X_OK) == 0)
        return SHM_DIR;
#endif
    return "/tmp";
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void tempdir_remove(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The process id in a file, or 0. */
static long pid_in(const char *path)
{
    FILE *f = fopen(path, "r");
    long pid = 0;
    if (f) {
        if (fscanf(f, "%ld", &pid) != 1 || pid <= 0)
            pid = 0;
        fclose(f);
    }
    return pid;
}

static bool process_gone(long pid)
{
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Whether dir is one a pgalign made and left: its maker has gone, and so
 * has the server it started (the watcher stops the server when pgalign
 * dies, but a server that still runs is never pulled from under). A
 * directory without the owner file is another program's: kept. */
static bool left_behind(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/" OWNER_FILE, dir);
    long owner = pid_in(path);
    if (owner == 0 || !process_gone(owner))
        return false;
    snprintf(path, sizeof(path), "%s/data/postmaster.pid", dir);
    long server = pid_in(path);
    return server == 0 || process_gone(server);
}

static void remove_left_behind(const char *parent)
{
    char pattern[4200];
    snprintf(pattern, sizeof(pattern), "%s/pgalign-??????", parent);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        if (left_behind(g.gl_pathv[i]))
            tempdir_remove(g.gl_pathv[i]);
    }
    globfree(&g);
}

static bool write_owner(const char *dir, strbuf *err)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/" OWNER_FILE, dir);
    FILE *f = fopen(path, "w");
    bool ok = f && fprintf(f, "%ld\n", (long)getpid()) > 0;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        sb_addf(err, "cannot write %s: %s", path, strerror(errno));
    return ok;
}

bool tempdir_make(char *out, size_t n, bool give, uid_t uid, gid_t gid, strbuf *err)
{
    const char *parent = parent_dir();
    remove_left_behind(parent);
    snprintf(out, n, "%s/pgalign-XXXXXX", parent);
    if (!mkdtemp(out)) {
        sb_addf(err, "cannot create a temp directory in %s: %s", parent, strerror(errno));
        out[0] = '\0';
        return false;
    }
    if (!write_owner(out, err))
        return false;
    if (give && chown(out, uid, gid) != 0) {
        sb_addf(err, "cannot give %s to the postgres user: %s", out, strerror(errno));
        return false;
    }
    return true;
}
