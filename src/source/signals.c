#include "source/signals.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

/* Set by the signal thread; the rest of the process then only waits for
 * it to finish cleaning up and exit. */
static atomic_bool interrupting;
/* Run last, before exiting (the temporary cluster's removal). */
static void (*_Atomic cleanup_hook)(void);

void signals_on_exit(void (*fn)(void))
{
    atomic_store(&cleanup_hook, fn);
}

void signals_wait_if_interrupted(void)
{
    while (atomic_load(&interrupting))
        pause();
}

/* Run first on an interrupt (apply cancels its running statement). */
static void (*_Atomic interrupt_hook)(void *);
static void *_Atomic interrupt_arg;

void signals_on_interrupt(void (*fn)(void *), void *arg)
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
        void (*cleanup)(void) = atomic_load(&cleanup_hook);
        if (cleanup)
            cleanup();
        _exit(128 + sig);
    }
    return NULL;
}

void signals_init(void)
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
