/* pgalign: make one PostgreSQL schema match another.
 * Command-line parsing and dispatch; the commands live in src/cmd/. */
#include "cmd/cmd.h"
#include "cmd/patterns.h"
#include "inspect/data.h"
#include "source/pgbin.h"
#include "source/signals.h"
#include "source/tempcluster.h"
#include "util/progress.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef PGALIGN_VERSION
#define PGALIGN_VERSION "0.3.0"
#endif

static const char sources_help[] =
    "A SOURCE (FROM, TARGET) is one of:\n"
    "  a libpq URI or conninfo string (postgresql://user@host/db,\n"
    "    \"host=... dbname=...\"; PG* variables, .pgpass and service files apply);\n"
    "  a .sql file, or a directory of .sql files loaded in name order, into a\n"
    "    temporary local cluster that pgalign starts and removes itself;\n"
    "  a .json snapshot written by 'pgalign snapshot';\n"
    "  EMPTY, a new empty database.\n";

static const char rename_help[] =
    "  --rename OLD=NEW       rename instead of drop and add, keeping the data:\n"
    "                         schema.table=new, schema.table.column=new,\n"
    "                         schema.table.constraint=new, schema.index=new\n"
    "                         (repeatable); likely renames are named on stderr\n"
    "  --detect-renames       take every likely rename (same type and position\n"
    "                         for a column, same columns for a table, same\n"
    "                         definition for a constraint or index)\n";

/* --schema and --exclude-schema, which every command takes. */
static const char schema_help[] =
    "  --schema S             only objects in schema S (repeatable)\n"
    "  --exclude-schema S     ignore schema S (repeatable; also\n"
    "                         --exclude_schema)\n";

/* The patterns: a JSON plan records them, so apply takes none. */
static const char pattern_help[] =
    "  --exclude PATTERN      leave out the objects PATTERN names, and what\n"
    "                         lives in them (repeatable): [kind:]name,\n"
    "                         [kind:]schema.name or [kind:]schema.table.name,\n"
    "                         with * and ? (table:public.tmp_*, *.debug_*,\n"
    "                         column:public.users.legacy_*)\n"
    "  --include PATTERN      compare only what the --include patterns name\n"
    "                         and what lives in it (repeatable)\n"
    "  --exclude-from FILE    --exclude each pattern of FILE, one a line\n"
    "                         (# starts a comment)\n";

static const char common_help[] =
    "  --profile supabase     leave alone what Supabase manages: its schemas\n"
    "                         (auth, storage, realtime, extensions...) and\n"
    "                         grants to its system roles; --schema and\n"
    "                         --exclude-schema refine it (docs/supabase.md)\n"
    "  --with-privileges      also compare privileges: GRANT/REVOKE on\n"
    "                         tables, columns, sequences, routines, types,\n"
    "                         schemas, and ALTER DEFAULT PRIVILEGES\n"
    "  --pg-bindir DIR        PostgreSQL server programs for .sql sources\n"
    "                         (default: of the other side's major, from\n"
    "                         $PGALIGN_PG_BINDIRS, PATH\n"
    "                         or /usr/lib/postgresql/N/bin)\n"
    "  -j, --jobs N           inspect each database over up to N connections\n"
    "                         that share one snapshot, as pg_dump -j (for\n"
    "                         big catalogs on servers with cores to spare;\n"
    "                         default 1)\n"
    "  -q, --quiet            no warnings on stderr\n"
    "  -v, --verbose          report inspection steps and their times\n"
    "  -h, --help             show this help\n"
    "      --version          show the version\n";

/* For the commands that compare: diff, check, sync, apply. */
static const char strict_help[] =
    "  --strict               exit 1 when anything was not compared (objects\n"
    "                         of kinds pgalign does not plan yet, named on\n"
    "                         stderr), before anything is printed or changed\n";

/* For the commands that plan to apply: diff, check, sync. */
static const char additive_help[] =
    "  --additive             plan only what adds or widens and loses nothing\n"
    "                         (the expand step: no drop, no narrowing, no new\n"
    "                         check of existing rows); what it holds back is\n"
    "                         listed, for a plain plan once no running code\n"
    "                         needs it\n";

/* Reference data: diff and check. */
static const char data_help[] =
    "  --data TABLE           also compare the rows of TABLE (schema.table;\n"
    "                         public when bare; repeatable), a table with a\n"
    "                         primary key: INSERT and UPDATE, DELETE only\n"
    "                         with --unsafe, after the schema changes and in\n"
    "                         foreign-key order\n"
    "  --data-limit N         refuse a --data table of more than N rows\n"
    "                         (default 10000)\n";

/* For the commands that print something: diff, check, snapshot. */
static const char output_help[] =
    "  -o, --output FILE      write to FILE (atomically) instead of stdout\n";

static void diff_help(void)
{
    printf("Usage: pgalign [diff] [options] FROM TARGET\n"
           "\n"
           "Print the SQL that makes the schema of FROM match TARGET (like migra:\n"
           "FROM is the database to change, usually production; TARGET is the one\n"
           "to copy, usually staging).\n\n%s\n"
           "Options:\n"
           "  --unsafe               allow destructive statements (drops, lossy\n"
           "                         type changes) in the plan\n"
           "  --create-extensions-only  only CREATE EXTENSION for extensions\n"
           "                         missing from FROM (as migra)\n"
           "  --ignore-extension-versions  do not compare extension versions\n"
           "  --force-utf8           accepted for migra compatibility: pgalign\n"
           "                         always reads and writes UTF-8\n"
           "  --format sql|json|summary|markdown|html  the plan as SQL (default;\n"
           "                         hazards in a comment above each statement), as\n"
           "                         JSON for 'pgalign apply', a summary per kind\n"
           "                         (with -v, each changed object's diff), a\n"
           "                         pull-request comment, or a review page\n"
           "                         (-o review.html)\n"
           "  --preflight            also check FROM's rows for what would make\n"
           "                         the plan fail (FROM must be a database)\n"
           "  --online               avoid long locks: CREATE INDEX CONCURRENTLY,\n"
           "                         constraints added NOT VALID then validated,\n"
           "                         SET NOT NULL through a validated CHECK; such a\n"
           "                         plan runs in phases, with pgalign apply\n%s%s%s%s%s%s%s%s\n"
           "Exit status: 0 no differences, 2 differences (plan printed), 3 the plan\n"
           "is destructive and --unsafe was not given (statements listed on stderr;\n"
           "no SQL printed, but a summary or JSON plan is, for review), 1 error.\n"
           "\nOther commands: pgalign apply|sync|check|snapshot --help\n",
           sources_help, additive_help, data_help, strict_help, rename_help, output_help,
           schema_help, pattern_help, common_help);
}

static void snapshot_help(void)
{
    printf("Usage: pgalign snapshot [options] SOURCE [-o FILE.json]\n"
           "\n"
           "Write the schema of SOURCE as a JSON snapshot: deterministic (sorted,\n"
           "so snapshots diff well in git) and usable later as FROM or TARGET.\n\n%s\n"
           "Options:\n%s%s%s%s%s\n"
           "Exit status: 0 written, 1 error.\n",
           sources_help, output_help, data_help, schema_help, pattern_help, common_help);
}

/* Each command's bit, for the options it takes (option_commands). */
enum { FOR_DIFF = 1, FOR_APPLY = 2, FOR_SYNC = 4, FOR_CHECK = 8, FOR_SNAPSHOT = 16 };

typedef struct command {
    const char *name;
    unsigned bit;
    int npositional;
    int (*run)(const pa_options *opt);
    void (*help)(void);
    const char *positional_names;
} command;

static void check_help(void)
{
    printf("Usage: pgalign check [options] FROM TARGET\n"
           "\n"
           "A drift gate for CI: compare FROM with TARGET and print a summary of\n"
           "what differs (created, altered, dropped per kind; the destructive\n"
           "statements) instead of the plan.\n\n%s\n"
           "Options:\n"
           "  --format text|json|markdown|html  the summary as text (default;\n"
           "                         with -v, each changed object's diff), JSON, a\n"
           "                         pull-request comment, or a review page\n"
           "  --preflight            also count what the destructive statements\n"
           "                         lose and the rows that would make the plan\n"
           "                         fail (exit 1); FROM must be a database\n"
           "  --unsafe               drift with destructive statements exits 2, not 3\n"
           "  --ignore-extension-versions   as for diff\n%s%s%s%s%s%s%s\n"
           "Exit status: 0 in sync, 2 drift (also of objects pgalign cannot plan),\n"
           "3 drift whose plan is destructive (needs --unsafe), 1 error.\n",
           sources_help, additive_help, data_help, strict_help, output_help, schema_help,
           pattern_help,
           common_help);
}

static const char apply_options_help[] =
    "  --no-preflight         skip the checks of FROM's rows\n"
    "  --lock-timeout T       give up when a lock is not granted within T\n"
    "                         (SET LOCAL lock_timeout; default 5s)\n"
    "  --statement-timeout T  give up when a statement runs longer than T\n"
    "                         (default: no limit)\n"
    "  --dry-run              run every statement, then roll back\n";

static void apply_help(void)
{
    printf("Usage: pgalign apply [options] FROM PLAN\n"
           "\n"
           "Run PLAN, made by 'pgalign diff', on the database FROM in one\n"
           "transaction. Any error rolls everything back and names the statement,\n"
           "the server's message and the position. With a .json plan (pgalign diff\n"
           "--format json), apply also refuses a plan made for a FROM that has\n"
           "changed since, checks FROM's rows first (preflight: NULLs for SET NOT\n"
           "NULL, rows failing a new CHECK, duplicates for a new UNIQUE, orphans\n"
           "for a new FOREIGN KEY, values a type change cannot convert), and\n"
           "verifies afterwards that FROM matches the plan's target. A .sql plan is\n"
           "run as one script.\n\n"
           "Options:\n"
           "  --unsafe               run a plan with destructive statements (a\n"
           "                         JSON plan marks them data-loss; exit 3\n"
           "                         without it, nothing changed)\n%s"
           "  --force                apply even if FROM changed since planning\n"
           "  --rehearse             first run the plan on a copy of FROM's schema\n"
           "                         (made by pgalign in a temporary cluster)\n"
           "                         and check the result\n%s%s%s\n"
           "Exit status: 0 applied (and verified), 3 the plan is destructive and\n"
           "--unsafe was not given (nothing changed), 1 error (nothing changed\n"
           "unless the message says otherwise).\n",
           apply_options_help, strict_help, schema_help, common_help);
}

static void sync_help(void)
{
    printf("Usage: pgalign sync [options] FROM TARGET\n"
           "\n"
           "Make FROM match TARGET now: plan as 'pgalign diff' does, check FROM's\n"
           "rows (preflight), show a summary with what the plan loses, rehearse\n"
           "the plan on a copy of FROM's schema in a temporary cluster, ask for\n"
           "confirmation on a terminal, apply in one transaction, and verify that\n"
           "FROM is in sync.\n\n%s\n"
           "Options:\n"
           "  --unsafe               allow destructive statements\n"
           "  --yes                  do not ask (for CI)\n"
           "  --no-rehearse          skip the rehearsal on a copy of the schema\n"
           "  --online               avoid long locks (see pgalign diff --help);\n"
           "                         the plan runs in phases, each committed\n%s"
           "  --create-extensions-only,\n"
           "  --ignore-extension-versions   as for diff\n%s"
           "                         (on a terminal, sync asks for each likely rename)\n%s%s%s%s%s%s\n"
           "Exit status: 0 in sync (or the dry run succeeded), 3 the plan is\n"
           "destructive and --unsafe was not given, 1 error or refused (nothing\n"
           "changed).\n",
           sources_help, apply_options_help, rename_help, additive_help, data_help,
           strict_help, schema_help, pattern_help, common_help);
}

static const command commands[] = {
    {"diff", FOR_DIFF, 2, cmd_diff, diff_help, "FROM TARGET"},
    {"apply", FOR_APPLY, 2, cmd_apply, apply_help, "FROM PLAN"},
    {"sync", FOR_SYNC, 2, cmd_sync, sync_help, "FROM TARGET"},
    {"check", FOR_CHECK, 2, cmd_check, check_help, "FROM TARGET"},
    {"snapshot", FOR_SNAPSHOT, 1, cmd_snapshot, snapshot_help, "SOURCE"},
};

enum { OPT_UNSAFE = 256, OPT_SCHEMA, OPT_EXCLUDE_SCHEMA, OPT_VERSION, OPT_PG_BINDIR,
       OPT_CREATE_EXTENSIONS_ONLY, OPT_IGNORE_EXTENSION_VERSIONS, OPT_FORCE_UTF8,
       OPT_FORMAT, OPT_WITH_PRIVILEGES, OPT_PREFLIGHT, OPT_NO_PREFLIGHT, OPT_FORCE,
       OPT_DRY_RUN, OPT_YES, OPT_LOCK_TIMEOUT, OPT_STATEMENT_TIMEOUT, OPT_REHEARSE,
       OPT_NO_REHEARSE, OPT_ONLINE, OPT_PROFILE, OPT_RENAME, OPT_DETECT_RENAMES,
       OPT_STRICT, OPT_EXCLUDE, OPT_INCLUDE, OPT_EXCLUDE_FROM, OPT_ADDITIVE,
       OPT_DATA, OPT_DATA_LIMIT };

static const struct option long_options[] = {
    {"unsafe", no_argument, NULL, OPT_UNSAFE},
    {"schema", required_argument, NULL, OPT_SCHEMA},
    {"exclude-schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA},
    {"exclude_schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA},
    /* Its own entry: getopt took --exclude for --exclude-schema before. */
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude-from", required_argument, NULL, OPT_EXCLUDE_FROM},
    {"data", required_argument, NULL, OPT_DATA},
    {"data-limit", required_argument, NULL, OPT_DATA_LIMIT},
    {"output", required_argument, NULL, 'o'},
    {"pg-bindir", required_argument, NULL, OPT_PG_BINDIR},
    {"create-extensions-only", no_argument, NULL, OPT_CREATE_EXTENSIONS_ONLY},
    {"ignore-extension-versions", no_argument, NULL, OPT_IGNORE_EXTENSION_VERSIONS},
    {"force-utf8", no_argument, NULL, OPT_FORCE_UTF8},
    {"with-privileges", no_argument, NULL, OPT_WITH_PRIVILEGES},
    {"preflight", no_argument, NULL, OPT_PREFLIGHT},
    {"no-preflight", no_argument, NULL, OPT_NO_PREFLIGHT},
    {"force", no_argument, NULL, OPT_FORCE},
    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
    {"yes", no_argument, NULL, OPT_YES},
    {"rehearse", no_argument, NULL, OPT_REHEARSE},
    {"online", no_argument, NULL, OPT_ONLINE},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"rename", required_argument, NULL, OPT_RENAME},
    {"detect-renames", no_argument, NULL, OPT_DETECT_RENAMES},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"additive", no_argument, NULL, OPT_ADDITIVE},
    {"no-rehearse", no_argument, NULL, OPT_NO_REHEARSE},
    {"lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT},
    {"statement-timeout", required_argument, NULL, OPT_STATEMENT_TIMEOUT},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* Which commands take each option (what their --help lists); the rest
 * take every option. */
static const struct {
    int code;
    unsigned commands;
} option_commands[] = {
    {OPT_UNSAFE, FOR_DIFF | FOR_APPLY | FOR_SYNC | FOR_CHECK},
    {OPT_STRICT, FOR_DIFF | FOR_APPLY | FOR_SYNC | FOR_CHECK},
    {OPT_ADDITIVE, FOR_DIFF | FOR_SYNC | FOR_CHECK},
    {'o', FOR_DIFF | FOR_CHECK | FOR_SNAPSHOT},
    {OPT_CREATE_EXTENSIONS_ONLY, FOR_DIFF | FOR_SYNC},
    {OPT_IGNORE_EXTENSION_VERSIONS, FOR_DIFF | FOR_SYNC | FOR_CHECK},
    {OPT_FORCE_UTF8, FOR_DIFF},
    {OPT_FORMAT, FOR_DIFF | FOR_CHECK},
    {OPT_PREFLIGHT, FOR_DIFF | FOR_CHECK},
    {OPT_ONLINE, FOR_DIFF | FOR_SYNC},
    {OPT_RENAME, FOR_DIFF | FOR_SYNC},
    {OPT_DETECT_RENAMES, FOR_DIFF | FOR_SYNC},
    {OPT_NO_PREFLIGHT, FOR_APPLY | FOR_SYNC},
    {OPT_LOCK_TIMEOUT, FOR_APPLY | FOR_SYNC},
    {OPT_STATEMENT_TIMEOUT, FOR_APPLY | FOR_SYNC},
    {OPT_DRY_RUN, FOR_APPLY | FOR_SYNC},
    {OPT_FORCE, FOR_APPLY},
    {OPT_REHEARSE, FOR_APPLY},
    {OPT_YES, FOR_SYNC},
    {OPT_NO_REHEARSE, FOR_SYNC},
    /* A JSON plan records them; apply takes them from it. */
    {OPT_EXCLUDE, FOR_DIFF | FOR_SYNC | FOR_CHECK | FOR_SNAPSHOT},
    {OPT_INCLUDE, FOR_DIFF | FOR_SYNC | FOR_CHECK | FOR_SNAPSHOT},
    {OPT_EXCLUDE_FROM, FOR_DIFF | FOR_SYNC | FOR_CHECK | FOR_SNAPSHOT},
    {OPT_DATA, FOR_DIFF | FOR_SYNC | FOR_CHECK | FOR_SNAPSHOT},
    {OPT_DATA_LIMIT, FOR_DIFF | FOR_SYNC | FOR_CHECK | FOR_SNAPSHOT},
};

static bool command_takes(const command *cmd, int code)
{
    for (size_t i = 0; i < sizeof(option_commands) / sizeof(option_commands[0]); i++) {
        if (option_commands[i].code == code)
            return (option_commands[i].commands & cmd->bit) != 0;
    }
    return true;
}

/* An option's name as --help spells it: "--lock-timeout", "-o/--output". */
static void option_name(char *out, size_t n, int code)
{
    for (const struct option *o = long_options; o->name; o++) {
        if (o->val != code)
            continue;
        if (code < 256)
            snprintf(out, n, "-%c/--%s", code, o->name);
        else
            snprintf(out, n, "--%s", o->name);
        return;
    }
    snprintf(out, n, "-%c", code);
}

/* A time as PostgreSQL's lock_timeout takes it: a number, then perhaps a
 * unit (us, ms, s, min, h, d; milliseconds without one). Checked before
 * connecting, so that a typo is not found after the preflight ran. */
static bool valid_timeout(const char *text)
{
    static const char *const units[] = {"", "us", "ms", "s", "min", "h", "d"};
    const char *p = text;
    size_t digits = strspn(p, "0123456789");
    if (digits == 0)
        return false;
    p += digits;
    if (*p == '.') {
        p++;
        p += strspn(p, "0123456789");
    }
    p += strspn(p, " ");
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(p, units[i]) == 0)
            return true;
    }
    return false;
}

/* The --format values each command knows. */
static bool valid_format(const command *cmd, const char *format)
{
    static const char *const diff_formats[] = {"sql", "json", "summary", "markdown",
                                                 "html", NULL};
    static const char *const check_formats[] = {"text", "json", "markdown", "html", NULL};
    const char *const *known = cmd->bit == FOR_CHECK ? check_formats : diff_formats;
    for (; *known; known++) {
        if (strcmp(format, *known) == 0)
            return true;
    }
    return false;
}

static void add_schema(const char ***list, size_t *n, const char *schema)
{
    *list = xrealloc(*list, sizeof(**list) * (*n + 1));
    (*list)[(*n)++] = schema;
}

/* The message names the command ("pgalign: check: unknown option ..."),
 * unless it does so itself. */
static void usage_error(const char *msg, const command *cmd)
{
    bool named = strstr(msg, "'pgalign ") != NULL;
    fprintf(stderr, "pgalign: %s%s%s\nTry 'pgalign %s%s--help' for more information.\n",
            named ? "" : cmd->name, named ? "" : ": ", msg,
            cmd->bit == FOR_DIFF ? "" : cmd->name, cmd->bit == FOR_DIFF ? "" : " ");
}

/* -j: more connections than that help no catalog we know of, and each
 * is a server process. */
enum { PA_MAX_JOBS = 16 };

static bool parse_jobs(const char *text, int *jobs)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || n < 1 || n > PA_MAX_JOBS)
        return false;
    *jobs = (int)n;
    return true;
}

/* --data-limit: past ten million rows a table is no reference data, and
 * its rows would not fit in memory as objects. */
static bool parse_data_limit(const char *text, long *limit)
{
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || n < 1 || n > 10000000)
        return false;
    *limit = n;
    return true;
}

/* A word that is no source pgalign reads (no file of that name, nothing
 * of a connection string or a URL): a mistyped command. */
static bool looks_like_command(const char *arg)
{
    if (access(arg, F_OK) == 0 || strcmp(arg, "EMPTY") == 0)
        return false;
    for (const char *p = arg; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || *p == '-' || *p == '_'))
            return false;
    }
    return *arg != '\0';
}

/* --exclude, --include, --exclude-from: a bad pattern is one line. */
static bool add_pattern(pa_options *opt, int code, const char *arg)
{
    strbuf err = STRBUF_INIT;
    bool ok = code == OPT_EXCLUDE_FROM ? patterns_add_file(&opt->filter, arg, &err)
                                       : patterns_add(&opt->filter, arg, code == OPT_INCLUDE,
                                                      &err);
    if (!ok)
        fprintf(stderr, "pgalign: %s\n", sb_str(&err));
    sb_release(&err);
    return ok;
}

/* Returns -1 to go on, or an exit code. */
static int parse_options(int argc, char **argv, const command *cmd, pa_options *opt)
{
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:j:qvh", long_options, NULL)) != -1) {
        char name[64], msg[160];
        if (c != '?' && c != ':' && !command_takes(cmd, c)) {
            option_name(name, sizeof(name), c);
            snprintf(msg, sizeof(msg), "%s does not apply to 'pgalign %s'", name, cmd->name);
            usage_error(msg, cmd);
            return EXIT_ERROR;
        }
        switch (c) {
        case OPT_UNSAFE:
            opt->unsafe = true;
            break;
        case OPT_SCHEMA:
            add_schema(&opt->filter.include, &opt->filter.ninclude, optarg);
            break;
        case OPT_EXCLUDE_SCHEMA:
            add_schema(&opt->filter.exclude, &opt->filter.nexclude, optarg);
            break;
        case OPT_EXCLUDE:
        case OPT_INCLUDE:
        case OPT_EXCLUDE_FROM:
            if (!add_pattern(opt, c, optarg))
                return EXIT_ERROR;
            break;
        case OPT_DATA:
            add_schema(&opt->filter.data, &opt->filter.ndata, optarg);
            break;
        case OPT_DATA_LIMIT:
            if (!parse_data_limit(optarg, &opt->filter.data_limit)) {
                usage_error("--data-limit wants a number of rows from 1 to 10000000", cmd);
                return EXIT_ERROR;
            }
            break;
        case 'o':
            opt->output = optarg;
            break;
        case OPT_PG_BINDIR:
            opt->pg_bindir = optarg;
            break;
        case OPT_CREATE_EXTENSIONS_ONLY:
            opt->create_extensions_only = true;
            break;
        case OPT_IGNORE_EXTENSION_VERSIONS:
            opt->ignore_extension_versions = true;
            break;
        case OPT_FORMAT:
            if (!valid_format(cmd, optarg)) {
                snprintf(msg, sizeof(msg), "unknown --format '%s' (%s)", optarg,
                         cmd->bit == FOR_CHECK ? "text, json, markdown or html"
                                               : "sql, json, summary, markdown or html");
                usage_error(msg, cmd);
                return EXIT_ERROR;
            }
            opt->format = optarg;
            break;
        case OPT_PREFLIGHT:
            opt->preflight = true;
            break;
        case OPT_NO_PREFLIGHT:
            opt->no_preflight = true;
            break;
        case OPT_FORCE:
            opt->force = true;
            break;
        case OPT_DRY_RUN:
            opt->dry_run = true;
            break;
        case OPT_YES:
            opt->yes = true;
            break;
        case OPT_PROFILE:
            if (!filter_set_profile(&opt->filter, optarg)) {
                usage_error("unknown --profile (known: supabase)", cmd);
                return EXIT_ERROR;
            }
            break;
        case OPT_ONLINE:
            opt->online = true;
            break;
        case OPT_RENAME: {
            strbuf err = STRBUF_INIT;
            bool ok = rename_parse(&opt->renames, optarg, &err);
            if (!ok)
                usage_error(sb_str(&err), cmd);
            sb_release(&err);
            if (!ok)
                return EXIT_ERROR;
            break;
        }
        case OPT_DETECT_RENAMES:
            opt->detect_renames = true;
            break;
        case OPT_ADDITIVE:
            opt->additive = true;
            break;
        case OPT_STRICT:
            opt->strict = true;
            break;
        case OPT_REHEARSE:
            opt->rehearse = true;
            break;
        case OPT_NO_REHEARSE:
            opt->no_rehearse = true;
            break;
        case OPT_LOCK_TIMEOUT:
        case OPT_STATEMENT_TIMEOUT:
            if (!valid_timeout(optarg)) {
                option_name(name, sizeof(name), c);
                snprintf(msg, sizeof(msg), "%s wants a time such as 500ms, 5s or 1min, "
                         "not '%s'", name, optarg);
                usage_error(msg, cmd);
                return EXIT_ERROR;
            }
            *(c == OPT_LOCK_TIMEOUT ? &opt->lock_timeout : &opt->statement_timeout) = optarg;
            break;
        case OPT_WITH_PRIVILEGES:
            opt->filter.privileges = true;
            break;
        case OPT_FORCE_UTF8:
            break;      /* the connection is always UTF-8 (see conn.c) */
        case 'j':
            if (!parse_jobs(optarg, &opt->jobs)) {
                snprintf(msg, sizeof(msg), "-j/--jobs wants a number of connections "
                         "from 1 to %d", PA_MAX_JOBS);
                usage_error(msg, cmd);
                return EXIT_ERROR;
            }
            break;
        case 'q':
            opt->quiet = true;
            break;
        case 'v':
            opt->verbose = true;
            break;
        case 'h':
            cmd->help();
            return EXIT_SAME;
        case OPT_VERSION:
            printf("pgalign %s\n", PGALIGN_VERSION);
            return EXIT_SAME;
        case ':':
            option_name(name, sizeof(name), optopt);
            snprintf(msg, sizeof(msg), "%s is missing its argument", name);
            usage_error(msg, cmd);
            return EXIT_ERROR;
        default:
            /* optopt is the letter of an unknown short option; 0 for an
             * unknown or ambiguous long one (which argv[optind - 1]
             * holds); a long option's code when it was given a value it
             * does not take ("--unsafe=yes"). */
            if (optopt >= 256) {
                option_name(name, sizeof(name), optopt);
                snprintf(msg, sizeof(msg), "%s takes no value ('%.60s')", name,
                         argv[optind - 1]);
            } else if (optopt) {
                snprintf(msg, sizeof(msg), "unknown option '-%c'", optopt);
            } else {
                snprintf(msg, sizeof(msg), "unknown option '%.100s'", argv[optind - 1]);
            }
            usage_error(msg, cmd);
            return EXIT_ERROR;
        }
    }
    /* A word in the place of diff's FROM that is no source at all is a
     * command mistyped, however many arguments follow it. */
    if (cmd->bit == FOR_DIFF && optind < argc && looks_like_command(argv[optind])) {
        fprintf(stderr, "pgalign: unknown command '%.40s' (commands: diff, apply, sync, "
                "check, snapshot; a database is named by a connection string, such as "
                "dbname=%.40s)\nTry 'pgalign --help' for more information.\n",
                argv[optind], argv[optind]);
        return EXIT_ERROR;
    }
    if (argc - optind != cmd->npositional) {
        char msg[200];
        snprintf(msg, sizeof(msg), "expected %s", cmd->positional_names);
        usage_error(msg, cmd);
        return EXIT_ERROR;
    }
    opt->from = argv[optind];
    opt->target = cmd->npositional > 1 ? argv[optind + 1] : NULL;
    return -1;
}

/* Start getopt over again, from argv[1]. */
static void getopt_restart(void)
{
#if defined(__GLIBC__)
    optind = 0;         /* glibc's way to reset all its state */
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || \
    defined(__NetBSD__) || defined(__DragonFly__)
    optreset = 1;
    optind = 1;
#else
    optind = 1;
#endif
}

/* The command is the first argument that is not an option (nor an
 * option's value), so that options may come before it too: "pgalign
 * --profile supabase check A B", "pgalign --prof supabase check",
 * "pgalign -qo FILE snapshot X". getopt itself finds it, stopping at the
 * first argument that is no option ('+'), quietly (':', opterr); the
 * command is then taken out of argv for the real parse. */
static const command *find_command(int *argc, char **argv)
{
    opterr = 0;
    while (getopt_long(*argc, argv, "+:o:j:qvh", long_options, NULL) != -1)
        continue;
    int i = optind;
    getopt_restart();
    if (i >= *argc || i < 1 || strcmp(argv[i - 1], "--") == 0)
        return &commands[0];
    for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++) {
        if (strcmp(argv[i], commands[k].name) == 0) {
            memmove(&argv[i], &argv[i + 1], sizeof(*argv) * (size_t)(*argc - i));
            (*argc)--;
            return &commands[k];
        }
    }
    return &commands[0];    /* as migra: no command means diff */
}

int main(int argc, char **argv)
{
    /* Before any thread: Ctrl-C must remove a temporary cluster. */
    signals_init();
    const command *cmd = find_command(&argc, argv);
    pa_options opt;
    memset(&opt, 0, sizeof(opt));
    opt.filter.data_limit = DATA_LIMIT_DEFAULT;
    int rc = parse_options(argc, argv, cmd, &opt);
    if (rc < 0) {
        pgbin_configure(opt.pg_bindir, opt.quiet);
        /* A progress line would mix with -v's lines and JSON readers. */
        progress_enable(isatty(STDERR_FILENO) && !opt.quiet && !opt.verbose &&
                        !(opt.format && strcmp(opt.format, "json") == 0));
        rc = cmd->run(&opt);
    }
    tempcluster_stop();
    free(opt.filter.include);
    free(opt.filter.exclude);
    free(opt.filter.data);
    patterns_free(&opt.filter);
    rename_list_free(&opt.renames);
    return rc;
}
