/* The commands, and the options they share. */
#ifndef PA_CMD_H
#define PA_CMD_H

#include "inspect/inspect.h"

#include <stdbool.h>

/* Exit codes, as migra's. */
enum {
    EXIT_SAME = 0,
    EXIT_ERROR = 1,
    EXIT_DIFFERENT = 2,
    EXIT_UNSAFE = 3,
};

typedef struct pa_options {
    bool unsafe;
    bool quiet;
    bool verbose;
    const char *output;     /* -o FILE, NULL for stdout */
    pa_filter filter;
    const char *from;
    const char *target;
} pa_options;

int cmd_diff(const pa_options *opt);

#endif
