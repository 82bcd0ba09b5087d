/* pgalign: make one PostgreSQL schema match another.
 * Command-line parsing and dispatch; the commands live in src/cmd/. */
#include "cmd/cmd.h"
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

static const char common_help[] =
    "  --schema S             only objects in schema S (repeatable)\n"
    "  --exclude-schema S     ignore schema S (repeatable; also\n"
    "                         --exclude_schema)\n"
    "  --profile supabase     leave alone what Supabase manages: its schemas\n"
    "                         (auth, storage, realtime, extensions...) and\n"
    "                         grants to its system roles; --schema and\n"
    "                         --exclude-schema refine it (see README)\n"
    "  --with-privileges      also compare privileges: GRANT/REVOKE on\n"
    "                         tables, columns, sequences, routines, types,\n"
    "                         schemas, and ALTER DEFAULT PRIVILEGES\n"
    "  -o, --output FILE      write to FILE (atomically) instead of stdout\n"
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
           "  --format sql|json|summary  the plan as SQL (default; hazards in a\n"
           "                         comment above each statement), as JSON for\n"
           "                         'pgalign apply', or a summary per kind\n"
           "  --preflight            also check FROM's rows for what would make\n"
           "                         the plan fail (FROM must be a database)\n"
           "  --online               avoid long locks: CREATE INDEX CONCURRENTLY,\n"
           "                         constraints added NOT VALID then validated,\n"
           "                         SET NOT NULL through a validated CHECK; such a\n"
           "                         plan runs in phases, with pgalign apply\n%s%s\n"
           "Exit status: 0 no differences, 2 differences (plan printed), 3 the plan\n"
           "is destructive and --unsafe was not given (statements listed on stderr,\n"
           "nothing printed), 1 error.\n"
           "\nOther commands: pgalign apply|sync|check|snapshot --help\n",
           sources_help, rename_help, common_help);
}

static void snapshot_help(void)
{
    printf("Usage: pgalign snapshot [options] SOURCE [-o FILE.json]\n"
           "\n"
           "Write the schema of SOURCE as a JSON snapshot: deterministic (sorted,\n"
           "so snapshots diff well in git) and usable later as FROM or TARGET.\n\n%s\n"
           "Options:\n%s\n"
           "Exit status: 0 written, 1 error.\n",
           sources_help, common_help);
}

typedef struct command {
    const char *name;
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
           "  --format text|json     the summary as text (default) or JSON\n"
           "  --preflight            also count what the destructive statements\n"
           "                         lose and the rows that would make the plan\n"
           "                         fail (exit 1); FROM must be a database\n"
           "  --unsafe               drift with destructive statements exits 2, not 3\n%s\n"
           "Exit status: 0 in sync, 2 drift, 3 drift whose plan is destructive\n"
           "(needs --unsafe), 1 error.\n",
           sources_help, common_help);
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
           "Options:\n%s"
           "  --force                apply even if FROM changed since planning\n"
           "  --rehearse             first run the plan on a copy of FROM's schema\n"
           "                         (pg_dump --schema-only into a temporary\n"
           "                         cluster) and check the result\n%s\n"
           "Exit status: 0 applied (and verified), 1 error (nothing changed unless\n"
           "the message says otherwise).\n",
           apply_options_help, common_help);
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
           "  --with-privileges, --create-extensions-only,\n"
           "  --ignore-extension-versions   as for diff\n%s"
           "                         (on a terminal, sync asks for each likely rename)\n%s\n"
           "Exit status: 0 in sync (or the dry run succeeded), 3 the plan is\n"
           "destructive and --unsafe was not given, 1 error or refused (nothing\n"
           "changed).\n",
           sources_help, apply_options_help, rename_help, common_help);
}

static const command commands[] = {
    {"diff", 2, cmd_diff, diff_help, "FROM TARGET"},
    {"apply", 2, cmd_apply, apply_help, "FROM PLAN"},
    {"sync", 2, cmd_sync, sync_help, "FROM TARGET"},
    {"check", 2, cmd_check, check_help, "FROM TARGET"},
    {"snapshot", 1, cmd_snapshot, snapshot_help, "SOURCE"},
};

enum { OPT_UNSAFE = 256, OPT_SCHEMA, OPT_EXCLUDE_SCHEMA, OPT_VERSION, OPT_PG_BINDIR,
       OPT_CREATE_EXTENSIONS_ONLY, OPT_IGNORE_EXTENSION_VERSIONS, OPT_FORCE_UTF8,
       OPT_FORMAT, OPT_WITH_PRIVILEGES, OPT_PREFLIGHT, OPT_NO_PREFLIGHT, OPT_FORCE,
       OPT_DRY_RUN, OPT_YES, OPT_LOCK_TIMEOUT, OPT_STATEMENT_TIMEOUT, OPT_REHEARSE,
       OPT_NO_REHEARSE, OPT_ONLINE, OPT_PROFILE, OPT_RENAME, OPT_DETECT_RENAMES };

static const struct option long_options[] = {
    {"unsafe", no_argument, NULL, OPT_UNSAFE},
    {"schema", required_argument, NULL, OPT_SCHEMA},
    {"exclude-schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA},
    {"exclude_schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA},
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

static void add_schema(const char ***list, size_t *n, const char *schema)
{
    *list = xrealloc(*list, sizeof(**list) * (*n + 1));
    (*list)[(*n)++] = schema;
}

static void usage_error(const char *msg, const command *cmd)
{
    fprintf(stderr, "pgalign: %s\nTry 'pgalign %s--help' for more information.\n",
            msg, strcmp(cmd->name, "diff") == 0 ? "" : cmd->name);
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

/* Returns -1 to go on, or an exit code. */
static int parse_options(int argc, char **argv, const command *cmd, pa_options *opt)
{
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:j:qvh", long_options, NULL)) != -1) {
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
        case OPT_REHEARSE:
            opt->rehearse = true;
            break;
        case OPT_NO_REHEARSE:
            opt->no_rehearse = true;
            break;
        case OPT_LOCK_TIMEOUT:
            opt->lock_timeout = optarg;
            break;
        case OPT_STATEMENT_TIMEOUT:
            opt->statement_timeout = optarg;
            break;
        case OPT_WITH_PRIVILEGES:
            opt->filter.privileges = true;
            break;
        case OPT_FORCE_UTF8:
            break;      /* the connection is always UTF-8 (see conn.c) */
        case 'j':
            if (!parse_jobs(optarg, &opt->jobs)) {
                char msg[80];
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
            usage_error("an option is missing its argument", cmd);
            return EXIT_ERROR;
        default:
            usage_error("unknown option", cmd);
            return EXIT_ERROR;
        }
    }
    if (argc - optind != cmd->npositional) {
        char msg[128];
        snprintf(msg, sizeof(msg), "expected %s", cmd->positional_names);
        usage_error(msg, cmd);
        return EXIT_ERROR;
    }
    opt->from = argv[optind];
    opt->target = cmd->npositional > 1 ? argv[optind + 1] : NULL;
    return -1;
}

static const command *find_command(int *argc, char ***argv)
{
    if (*argc > 1) {
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
            if (strcmp((*argv)[1], commands[i].name) == 0) {
                (*argv)[1] = (*argv)[0];
                (*argc)--;
                (*argv)++;
                return &commands[i];
            }
        }
    }
    return &commands[0];    /* as migra: no command means diff */
}

int main(int argc, char **argv)
{
    /* Before any thread: Ctrl-C must remove a temporary cluster. */
    tempcluster_init_signals();
    const command *cmd = find_command(&argc, &argv);
    pa_options opt;
    memset(&opt, 0, sizeof(opt));
    int rc = parse_options(argc, argv, cmd, &opt);
    if (rc < 0) {
        tempcluster_set_bindir(opt.pg_bindir, opt.quiet);
        /* A progress line would mix with -v's lines and JSON readers. */
        progress_enable(isatty(STDERR_FILENO) && !opt.quiet && !opt.verbose &&
                        !(opt.format && strcmp(opt.format, "json") == 0));
        rc = cmd->run(&opt);
    }
    tempcluster_stop();
    free(opt.filter.include);
    free(opt.filter.exclude);
    rename_list_free(&opt.renames);
    return rc;
}
