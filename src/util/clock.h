/* Monotonic time, for the timings -v reports. */
#ifndef PA_CLOCK_H
#define PA_CLOCK_H

double now_seconds(void);

#endif
