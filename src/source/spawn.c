#define _DEFAULT_SOURCE     /* setgroups */
#include "source/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static struct {
    bool other;             /* running as root: the server runs as postgres */
    uid_t uid;
    gid_t gid;
} owner;

/* PostgreSQL refuses to run as root; as root, run it as postgres. */
bool spawn_choose_owner(strbuf *err)
{
    owner.other = geteuid() == 0;
    if (!owner.other)
        return true;
    struct passwd *pw = getpwnam("postgres");
    if (!pw) {
        sb_adds(err, "running as root, and PostgreSQL refuses to run as root: "
                     "create a 'postgres' user (the server runs as it) or run "
                     "pgalign as a normal user");
        return false;
    }
    owner.uid = pw->pw_uid;
    owner.gid = pw->pw_gid;
    return true;
}

/* In a child, before exec: default signals, the server's user, output. */
void spawn_child_setup(bool as_owner, const char *log_path)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);   /* ignored by us (see signals_init) */
    if (log_path) {
        int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
    }
    if (as_owner && owner.other) {
        if (setgroups(0, NULL) != 0 || setgid(owner.gid) != 0 || setuid(owner.uid) != 0)
            _exit(126);
    }
}

/* Start a program; its pid, or -1. */
pid_t spawn(char *const argv[], bool as_owner, const char *log_path)
{
    pid_t pid = fork();
    if (pid == 0) {
        spawn_child_setup(as_owner, log_path);
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* Whether the program started as pid exits 0. */
bool spawn_finished_ok(pid_t pid)
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
bool spawn_run(char *const argv[], bool as_owner, const char *log_path)
{
    return spawn_finished_ok(spawn(argv, as_owner, log_path));
}

void spawn_log_tail(strbuf *err, const char *path)
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

bool spawn_owner(uid_t *uid, gid_t *gid)
{
    *uid = owner.uid;
    *gid = owner.gid;
    return owner.other;
}
