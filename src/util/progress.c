#include "util/progress.h"
#include "util/clock.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static struct {
    pthread_mutex_t lock;
    bool enabled;
    double delay;           /* seconds before a step shows */
    const char *step;       /* the running step, or NULL */
    double started;         /* when it began */
    double shown_at;        /* when its line was last written (0: never) */
    int steps;              /* nested or concurrent begins not yet ended */
} progress = {PTHREAD_MUTEX_INITIALIZER, false, 1.0, NULL, 0, 0, 0};

void progress_enable(bool on)
{
    const char *delay = getenv("PGALIGN_PROGRESS_DELAY");
    progress.enabled = on;
    if (delay && *delay)
        progress.delay = strtod(delay, NULL);
}

bool progress_enabled(void)
{
    return progress.enabled;
}

double progress_delay(void)
{
    return progress.delay;
}

void progress_step(const char *step)
{
    if (!progress.enabled)
        return;
    pthread_mutex_lock(&progress.lock);
    if (progress.steps++ == 0) {
        progress.started = now_seconds();
        progress.shown_at = 0;
    }
    progress.step = step;
    pthread_mutex_unlock(&progress.lock);
}

void progress_note(const char *fmt, ...)
{
    if (!progress.enabled)
        return;
    pthread_mutex_lock(&progress.lock);
    double now = now_seconds();
    if (progress.steps > 0 && now - progress.started >= progress.delay &&
        now - progress.shown_at >= 0.1) {
        char text[160];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(text, sizeof(text), fmt, ap);
        va_end(ap);
        /* Back to the start of the line, the text, the rest cleared. */
        fprintf(stderr, "\rpgalign: %s %s\033[K", progress.step, text);
        fflush(stderr);
        progress.shown_at = now;
    }
    pthread_mutex_unlock(&progress.lock);
}

void progress_end(void)
{
    if (!progress.enabled)
        return;
    pthread_mutex_lock(&progress.lock);
    if (progress.steps > 0 && --progress.steps == 0 && progress.shown_at > 0) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        progress.shown_at = 0;
    }
    pthread_mutex_unlock(&progress.lock);
}
