/* Where throwaway clusters live. The process that makes a directory holds
 * a lock on a file inside it (flock) for as long as it runs: a directory
 * whose lock is free was left by a pgalign that is gone, in this pid
 * namespace or another (containers share /dev/shm). Such a directory is
 * removed by the next pgalign, but only one of its user's own, and
 * without following links: every step is relative to a directory it holds
 * open, in a parent that anyone may write to. */
#define _XOPEN_SOURCE 700   /* nftw */
#define _DEFAULT_SOURCE     /* flock, dirfd */
#include "source/tempdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif

/* A memory file system is used when it has this much room; Docker gives
 * containers 64 MB, which a big load could fill. */
#define SHM_DIR "/dev/shm"
#define SHM_MIN_FREE (512ULL << 20)
#define PREFIX "pgalign-"
#define LOCK_FILE "pgalign.lock"
#define SERVER_PID_FILE "data/postmaster.pid"

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

/* Our own directory, which only we and the server write in. */
void tempdir_remove(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Empty the directory open as fd (taken: closed here), never following a
 * link: a link inside is removed as a link. Best effort. */
static void empty_dir_at(int fd)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return;
    }
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        int sub = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub >= 0) {
            empty_dir_at(sub);
            unlinkat(fd, e->d_name, AT_REMOVEDIR);
        } else {
            unlinkat(fd, e->d_name, 0);
        }
    }
    closedir(d);
}

/* The process id in the file at dirfd/name, or 0. */
static long pid_at(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    char buf[32] = "";
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    long pid = n > 0 ? strtol(buf, NULL, 10) : 0;
    return pid > 0 ? pid : 0;
}

/* The server of a gone pgalign is stopped by its watcher; one that still
 * runs here is never pulled from under. A pid of another namespace that
 * names a process here only keeps a directory longer. */
static bool server_may_run(int dirfd)
{
    long pid = pid_at(dirfd, SERVER_PID_FILE);
    return pid != 0 && !(kill((pid_t)pid, 0) != 0 && errno == ESRCH);
}

/* Whether the open lock file is the lock of a directory our user made:
 * a plain file of ours with no other name (a link to a file of ours
 * planted in another user's directory has two). */
static bool lock_is_ours(int lockfd)
{
    struct stat st;
    return fstat(lockfd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 &&
           st.st_uid == geteuid();
}

/* Remove parent/name if it is a directory (not a link) that a pgalign of
 * our user made and left: its lock is free. The lock is held while the
 * directory is emptied, so two cleaners never share one. As root the
 * directory itself belongs to the user the server runs as. */
static void remove_if_left(int parentfd, const char *name)
{
    int fd = openat(parentfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    int lockfd = -1;
    bool left = fstat(fd, &st) == 0 && (st.st_uid == geteuid() || geteuid() == 0) &&
                (lockfd = openat(fd, LOCK_FILE, O_RDWR | O_NOFOLLOW | O_CLOEXEC)) >= 0 &&
                lock_is_ours(lockfd) && flock(lockfd, LOCK_EX | LOCK_NB) == 0 &&
                !server_may_run(fd);
    if (left) {
        empty_dir_at(fd);   /* takes fd */
        unlinkat(parentfd, name, AT_REMOVEDIR);
    } else {
        close(fd);
    }
    if (lockfd >= 0)
        close(lockfd);
}

static bool is_our_name(const char *name)
{
    return strncmp(name, PREFIX, strlen(PREFIX)) == 0 && strlen(name) == strlen(PREFIX) + 6;
}

static void remove_left_behind(const char *parent)
{
    int parentfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (parentfd < 0)
        return;
    int listfd = dup(parentfd);
    DIR *d = listfd >= 0 ? fdopendir(listfd) : NULL;
    if (!d && listfd >= 0)
        close(listfd);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        if (is_our_name(e->d_name))
            remove_if_left(parentfd, e->d_name);
    }
    if (d)
        closedir(d);
    close(parentfd);
}

/* Lock dir's lock file for as long as this process runs: the descriptor
 * is never closed (not inherited by the programs it starts). The file is
 * locked under another name and then renamed: another pgalign cleaning
 * the same parent must never find it there unlocked, take it for a left
 * one's and remove the directory as it is being made. */
static bool hold_lock(const char *dir, strbuf *err)
{
    char path[4200], locking[4200];
    snprintf(path, sizeof(path), "%s/" LOCK_FILE, dir);
    snprintf(locking, sizeof(locking), "%s/" LOCK_FILE ".new", dir);
    int fd = open(locking, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 || rename(locking, path) != 0) {
        sb_addf(err, "cannot lock %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return false;
    }
    return true;
}

bool tempdir_make(char *out, size_t n, bool give, uid_t uid, gid_t gid, strbuf *err)
{
    const char *parent = parent_dir();
    remove_left_behind(parent);
    snprintf(out, n, "%s/" PREFIX "XXXXXX", parent);
    if (!mkdtemp(out)) {
        sb_addf(err, "cannot create a temp directory in %s: %s", parent, strerror(errno));
        out[0] = '\0';
        return false;
    }
    if (!hold_lock(out, err))
        return false;
    if (give && chown(out, uid, gid) != 0) {
        sb_addf(err, "cannot give %s to the postgres user: %s", out, strerror(errno));
        return false;
    }
    return true;
}
