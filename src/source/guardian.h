/* Making the temporary cluster's server die with pgalign, however pgalign
 * ends (kill -9 included), so that no server outlives it. Linux asks the
 * kernel (PR_SET_PDEATHSIG). Elsewhere (macOS, the BSDs), or built with
 * -DPA_PORTABLE_DEATH, a small watcher process waits on a pipe that only
 * pgalign holds open: end-of-file means pgalign is gone, and the watcher
 * sends the server SIGQUIT (immediate shutdown). */
#ifndef PA_GUARDIAN_H
#define PA_GUARDIAN_H

#include <sys/types.h>

/* In the child after fork, before exec; parent is pgalign's pid from
 * before the fork. Async-signal-safe. */
void guardian_in_child(pid_t parent);

/* In pgalign after forking child: start watching it. */
void guardian_watch(pid_t child);

/* In pgalign before stopping the child itself: stop watching it. */
void guardian_release(void);

#endif
