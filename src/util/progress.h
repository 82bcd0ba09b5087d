/* A progress line on stderr for a step that runs longer than a second
 * (inspection by kind, preflight, apply statement N of M): one line,
 * rewritten in place, cleared when the step ends. Only when stderr is a
 * terminal and the command is neither quiet nor in JSON mode: main
 * decides once with progress_enable; without it every call is a no-op.
 * Safe from the two inspection threads. */
#ifndef PA_PROGRESS_H
#define PA_PROGRESS_H

#include <stdbool.h>

/* Show progress from now on (a terminal, not -q, not JSON). The delay
 * before a step shows is 1 s, or PGALIGN_PROGRESS_DELAY seconds (tests). */
void progress_enable(bool on);

/* Whether progress shows, and after how many seconds a step does. */
bool progress_enabled(void);
double progress_delay(void);

/* A step begins ("inspecting"); its clock starts unless one is running. */
void progress_step(const char *step);

/* What the step is at now ("FROM: index (12 of 40)"); shown once the
 * step has run longer than the delay, at most ten times a second. */
void progress_note(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* The step ended: its line, if one was shown, is cleared. */
void progress_end(void);

#endif
