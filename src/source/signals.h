/* SIGINT, SIGTERM and SIGHUP: one thread waits for them (all others
 * block them), runs what pgalign must do before it goes (apply cancels its
 * statement; the temporary cluster is removed) with ordinary code, and
 * exits 128 + the signal. */
#ifndef PA_SIGNALS_H
#define PA_SIGNALS_H

/* Install the handling; call early, before any thread is started. */
void signals_init(void);

/* Call fn(arg) first when a signal arrives (NULL: none). */
void signals_on_interrupt(void (*fn)(void *), void *arg);

/* Call fn() last, just before exiting (the temporary cluster's removal:
 * it must not wait for a lock a start in progress holds). */
void signals_on_exit(void (*fn)(void));

/* If a signal is being handled, wait here for the exit (a thread that
 * would otherwise clean up what the signal thread is removing). */
void signals_wait_if_interrupted(void);

#endif
