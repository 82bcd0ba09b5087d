/* The commands, and the options they share. */
#ifndef PA_CMD_H
#define PA_CMD_H

#include "diff/census.h"
#include "diff/diff.h"
#include "apply/rehearse.h"
#include "diff/rename.h"
#include "inspect/inspect.h"
#include "plan/expand.h"
#include "plan/plan.h"

#include <jansson.h>
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
    int jobs;               /* -j: connections per live database */
    bool create_extensions_only;    /* migra's flags */
    bool preflight;         /* diff --preflight */
    bool no_preflight;      /* apply, sync: --no-preflight */
    bool force;             /* apply: even if FROM changed since planning */
    bool rehearse;          /* apply --rehearse */
    bool online;            /* CONCURRENTLY, NOT VALID + VALIDATE, phases */
    bool no_rehearse;       /* sync --no-rehearse */
    bool dry_run;           /* sync: apply and always roll back */
    bool yes;               /* sync: do not ask */
    const char *lock_timeout;
    const char *statement_timeout;
    bool ignore_extension_versions;
    bool strict;            /* exit 1 when anything was not compared */
    bool additive;          /* --additive: plan only what adds and loses nothing */
    const char *format;     /* check: text (default) or json */
    const char *output;     /* -o FILE, NULL for stdout */
    pa_filter filter;
    const char *pg_bindir;  /* --pg-bindir: server programs for SQL sources */
    pa_rename_list renames; /* --rename OLD=NEW */
    bool detect_renames;    /* --detect-renames: take every likely rename */
    bool ask_renames;       /* sync on a terminal: ask for each likely one */
    const char *from;       /* also the SOURCE of snapshot */
    const char *target;
} pa_options;

/* Both sides inspected, diffed and planned. */
typedef struct pa_run {
    pa_model from;          /* with the renames applied (see rename.h) */
    pa_model to;
    pa_diff diff;
    pa_plan plan;
    pa_rename_list renames; /* given and taken, in the plan's order */
    char from_fingerprint[MODEL_FINGERPRINT_LEN];   /* FROM as inspected */
    pa_census_diff census;  /* what was not compared */
    /* Keys of what FROM and TARGET print differently, the same (alike.c). */
    hashmap form_only;
    pa_diff_options dopt;   /* how the diff was made */
    /* Kinds a snapshot side predates, not compared (NULL-terminated). */
    const pa_kind **uncompared_kinds;
    bool census_kinds_predated;     /* the same for census kinds */
    pa_deferred_list deferred;      /* --additive: what the plan holds back */
} pa_run;

/* The attributes never compared ("extension.version"...), or NULL. */
const char *const *cmd_ignored_attrs(bool ignore_extension_versions);
/* The options that shape a comparison, as a JSON plan records them, and
 * back (plan_file.c). */
json_t *plan_options_json(const pa_options *opt);

/* FROM and TARGET printed by two majors, and no server of FROM's major
 * here: both built on one temporary cluster, and the key of each object d
 * changes in place whose two copies are the same put in form_only
 * (alike.c), for the diff again (pa_diff_options). purpose names the
 * copies' databases, one set per purpose. False, with the reason, when
 * the cluster cannot hold one of them. */
bool cmd_compare_alike(const pa_options *opt, const char *purpose, const pa_model *from,
                       const pa_model *to, const pa_diff *d, const pa_diff_options *dopt,
                       hashmap *form_only, strbuf *err);

/* Inspect, diff and plan; errors and warnings go to stderr. */
bool cmd_plan(const pa_options *opt, pa_run *run);
void cmd_plan_free(pa_run *run);

/* Name on stderr each object not compared (diff/census.h), where it is;
 * with -q only when even_quiet (check) or --strict. */
void cmd_report_census(const pa_options *opt, const pa_run *run, bool even_quiet);
/* False with --strict when anything was not compared, after saying so:
 * objects (a plan's count), or what a snapshot does not record. */
bool cmd_strict_ok(const pa_options *opt, size_t not_compared);
bool cmd_strict_run_ok(const pa_options *opt, const pa_run *run);
/* A plan's comment listing the objects not compared that differ, if any. */
void cmd_census_comment(strbuf *out, const pa_run *run);
/* Whether the sides differ: statements to run, or objects not compared. */
bool cmd_run_differs(const pa_run *run);

/* Rehearse p on a copy of FROM's schema; report on stderr. ro says how the
 * plan was made and what the result must be (rehearse.h); its verbosity
 * is opt's. */
bool cmd_rehearse(const pa_options *opt, const pa_plan *p, rehearse_options *ro);
/* Print the destructive statements of p on stderr, saying what became of
 * the plan: exit 3's message, or a dry run's note. */
typedef enum unsafe_report {
    UNSAFE_NOT_WRITTEN,     /* diff: SQL is not printed */
    UNSAFE_NOT_APPLIED,     /* apply, sync: nothing was changed */
    UNSAFE_WRITTEN,         /* diff: a summary or JSON plan, for review */
    UNSAFE_DRY_RUN,         /* a dry run ran them all the same */
} unsafe_report;
void cmd_report_unsafe(const pa_plan *p, unsafe_report what);
/* Run p's preflight checks on FROM (conn, or a connection to conninfo
 * when conn is NULL); print what they find on stderr, but what destructive
 * statements lose into losses when not NULL (for the summary; on stderr
 * too when a check fails, unless summary_follows even then). False when
 * a check failed or could not connect. */
bool cmd_preflight(const pa_options *opt, PGconn *conn, const char *conninfo,
                   const pa_plan *p, const pa_rename_list *renames, pa_loss_list *losses,
                   bool summary_follows);
/* Whether --preflight (diff, check) can run: FROM must be a database;
 * false after saying so on stderr. */
bool cmd_preflight_possible(const pa_options *opt);
/* Connect to FROM for apply and sync; NULL after saying why on stderr. */
PGconn *cmd_connect_from(const pa_options *opt);
/* Run p on conn with the command's timeouts, dry run and verbosity;
 * false after saying why on stderr. */
bool cmd_apply_plan(const pa_options *opt, PGconn *conn, const pa_plan *p);

int cmd_diff(const pa_options *opt);
int cmd_apply(const pa_options *opt);
int cmd_sync(const pa_options *opt);
int cmd_check(const pa_options *opt);
int cmd_snapshot(const pa_options *opt);

/* Print the lines library code left for the command to say (inspection's
 * and the temporary cluster's warnings), and empty warnings. */
void cmd_print_warnings(strbuf *warnings);
/* Whether to colour what goes to fd: a terminal, not -o, no NO_COLOR. */
bool cmd_colour(const pa_options *opt, int fd);

/* Write text to opt->output (atomically) or stdout; reports errors. */
bool cmd_write_output(const pa_options *opt, const strbuf *text);

#endif
