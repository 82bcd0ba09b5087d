#include "source/guardian.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__linux__) && !defined(PA_PORTABLE_DEATH)
#include <sys/prctl.h>

void guardian_in_child(pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGQUIT);
    if (getppid() != parent)    /* pgalign died before the prctl */
        _exit(1);
}

void guardian_watch(pid_t child)
{
    (void)child;
}

void guardian_release(void)
{
}

#else

static int watch_fd = -1;       /* the pipe's write end, only ours */
static pid_t watcher;

void guardian_in_child(pid_t parent)
{
    (void)parent;
}

/* The watcher: only async-signal-safe calls (pgalign may have threads). */
static void watch(int fd, pid_t child)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGINT, SIG_IGN);    /* a Ctrl-C is pgalign's to handle */
    setpgid(0, 0);
    char c;
    ssize_t n;
    while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
        ;
    if (n == 0)                 /* pgalign is gone: so must the server be */
        kill(child, SIGQUIT);
    _exit(0);
}

void guardian_watch(pid_t child)
{
    int fds[2];
    if (pipe(fds) != 0)
        return;
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);     /* not for the other children */
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        watch(fds[0], child);
    }
    close(fds[0]);
    if (pid < 0) {
        close(fds[1]);
        return;
    }
    watch_fd = fds[1];
    watcher = pid;
}

/* One byte, not end-of-file: the watcher leaves without a signal (the
 * server's pid may soon belong to another process). */
void guardian_release(void)
{
    if (watch_fd < 0)
        return;
    ssize_t n;
    while ((n = write(watch_fd, "x", 1)) < 0 && errno == EINTR)
        ;
    close(watch_fd);
    watch_fd = -1;
    while (waitpid(watcher, NULL, 0) < 0 && errno == EINTR)
        ;
}

#endif
