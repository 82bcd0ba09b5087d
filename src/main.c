/* pgalign: make one PostgreSQL schema match another.
 * Command-line parsing and dispatch; the commands live in src/cmd/. */
#define _POSIX_C_SOURCE 200809L
#include "cmd/cmd.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#ifndef PGALIGN_VERSION
#define PGALIGN_VERSION "0.1.0"
#endif

static const char usage_text[] =
    "Usage: pgalign [diff] [options] FROM TARGET\n"
    "\n"
    "Print the SQL that makes the schema of FROM match TARGET (like migra:\n"
    "FROM is the database to change, usually production; TARGET is the one\n"
    "to copy, usually staging).\n"
    "\n"
    "FROM and TARGET are libpq connection URIs or conninfo strings\n"
    "(postgres://user@host/db, \"host=... dbname=...\"; PG* variables,\n"
    ".pgpass and service files apply), or EMPTY for a new, empty database.\n"
    "\n"
    "Options:\n"
    "  --unsafe               allow destructive statements (drops, lossy\n"
    "                         type changes) in the plan\n"
    "  --schema S             only objects in schema S (repeatable)\n"
    "  --exclude-schema S     ignore schema S (repeatable; also\n"
    "                         --exclude_schema)\n"
    "  -o, --output FILE      write the plan to FILE (atomically)\n"
    "  -q, --quiet            no warnings on stderr\n"
    "  -v, --verbose          report what inspection does and how long it takes\n"
    "  -h, --help             show this help\n"
    "      --version          show the version\n"
    "\n"
    "Exit status: 0 no differences, 2 differences (plan printed), 3 the plan\n"
    "is destructive and --unsafe was not given (statements listed on stderr,\n"
    "nothing printed), 1 error.\n";

enum { OPT_UNSAFE = 256, OPT_SCHEMA, OPT_EXCLUDE_SCHEMA, OPT_VERSION };

static const struct option long_options[] = {
    {"unsafe", no_argument, NULL, OPT_UNSAFE},
    {"schema", required_argument, NULL, OPT_SCHEMA},
    {"exclude-schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA},
    {"exclude_schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA},
    {"output", required_argument, NULL, 'o'},
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

static void usage_error(const char *msg)
{
    fprintf(stderr, "pgalign: %s\nTry 'pgalign --help' for more information.\n", msg);
}

/* Returns -1 to go on, or an exit code. */
static int parse_options(int argc, char **argv, pa_options *opt)
{
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qvh", long_options, NULL)) != -1) {
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
        case 'q':
            opt->quiet = true;
            break;
        case 'v':
            opt->verbose = true;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return EXIT_SAME;
        case OPT_VERSION:
            printf("pgalign %s\n", PGALIGN_VERSION);
            return EXIT_SAME;
        case ':':
            usage_error("an option is missing its argument");
            return EXIT_ERROR;
        default:
            usage_error("unknown option");
            return EXIT_ERROR;
        }
    }
    if (argc - optind != 2) {
        usage_error("expected two arguments: FROM TARGET");
        return EXIT_ERROR;
    }
    opt->from = argv[optind];
    opt->target = argv[optind + 1];
    return -1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "diff") == 0) {
        argv[1] = argv[0];
        argc--;
        argv++;
    } else if (argc > 1 && (strcmp(argv[1], "apply") == 0 ||
                            strcmp(argv[1], "sync") == 0 ||
                            strcmp(argv[1], "check") == 0 ||
                            strcmp(argv[1], "snapshot") == 0)) {
        fprintf(stderr, "pgalign: the %s command is not available in this "
                "version\n", argv[1]);
        return EXIT_ERROR;
    }
    pa_options opt;
    memset(&opt, 0, sizeof(opt));
    int rc = parse_options(argc, argv, &opt);
    if (rc < 0)
        rc = cmd_diff(&opt);
    free(opt.filter.include);
    free(opt.filter.exclude);
    return rc;
}
