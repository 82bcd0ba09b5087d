/* The commands, and the options they share. */
#ifndef PA_CMD_H
#define PA_CMD_H

#include "diff/diff.h"
#include "inspect/inspect.h"
#include "plan/plan.h"

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
    bool create_extensions_only;    /* migra's flags */
    bool ignore_extension_versions;
    const char *format;     /* check: text (default) or json */
    const char *output;     /* -o FILE, NULL for stdout */
    pa_filter filter;
    const char *pg_bindir;  /* --pg-bindir: server programs for SQL sources */
    const char *from;       /* also the SOURCE of snapshot */
    const char *target;
} pa_options;

/* Both sides inspected, diffed and planned. */
typedef struct pa_run {
    pa_model from;
    pa_model to;
    pa_diff diff;
    pa_plan plan;
} pa_run;

/* Inspect, diff and plan; errors and warnings go to stderr. */
bool cmd_plan(const pa_options *opt, pa_run *run);
void cmd_plan_free(pa_run *run);

int cmd_diff(const pa_options *opt);
int cmd_check(const pa_options *opt);
int cmd_snapshot(const pa_options *opt);

/* Write text to opt->output (atomically) or stdout; reports errors. */
bool cmd_write_output(const pa_options *opt, const strbuf *text);

#endif
